/** The prescription form on a phone and a desktop: revealed questions, date parts, the visits notice, the receipt. */
import { describe, expect, it } from "vitest";
import { formPagesEn } from "../../src/shared/i18n/form-pages-en";
import { expectNoAxeViolations, asNewClients } from "./browser";
import { fillFields, fillPrescription, prescription, referenceShown, usDate } from "./form-helpers";

const asClient = asNewClients("10.0.3");
const open = (width: number, javaScriptEnabled = true) =>
  asClient({ viewport: { width, height: width === 320 ? 640 : 800 }, javaScriptEnabled });

describe.each([320, 1280])("the prescription form at %i px", (width) => {
  it("reveals the email field under Email, needed only then", async () => {
    const { page } = await open(width);
    await page.goto("/forms/prescription");
    const email = page.locator("#email");
    expect(await email.isVisible()).toBe(false);
    await page.check("#preferredContact-email");
    expect(await email.isVisible()).toBe(true);
    // It sits under the question it belongs to, not before it.
    const order = await page.evaluate(() => {
      const question = document.querySelector("[data-field=preferredContact]")!;
      return question.contains(document.querySelector("#email"));
    });
    expect(order).toBe(true);
    expect(await page.locator("label[for=email]").innerText()).toBe("Email address");
    await expectNoAxeViolations(page);

    await page.check("#sentBy-patient");
    await page.click("button[type=submit]");
    await expect.poll(() => page.locator("#email-error").count()).toBe(1);
    await expectNoAxeViolations(page);

    // Chosen phone instead: the hidden email is neither asked for nor sent.
    await page.check("#preferredContact");
    expect(await email.isVisible()).toBe(false);
    expect(await email.isDisabled()).toBe(true);
    await page.context().close();
  });

  it("names the wrong part of a date and marks only that part", async () => {
    const { page } = await open(width);
    await page.goto("/forms/prescription");
    await fillFields(page, { endDate: "13/1/2030" });
    await page.click("button[type=submit]");
    const error = page.locator("#endDate-error");
    await expect.poll(() => error.count()).toBe(1);
    expect(await error.innerText()).toContain(
      "Prescription end date: the month must be a number between 1 and 12.",
    );
    expect(await page.locator("#endDate-month").getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("#endDate-day").getAttribute("aria-invalid")).toBeNull();
    expect(await page.locator("#endDate-year").getAttribute("aria-invalid")).toBeNull();
    expect(await page.locator("[data-error-summary] a[href='#endDate-month']").count()).toBe(1);
    expect(await page.locator("#endDate-month").getAttribute("inputmode")).toBe("numeric");
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  it("tells the sender, before sending, when the visits cannot fit the dates", async () => {
    const { page } = await open(width);
    await page.goto("/forms/prescription");
    await fillFields(page, {
      startDate: usDate(0),
      endDate: usDate(-6),
      visitsAuthorized: "12",
      frequency: "1 per week",
    });
    const notice = page.locator("[data-notice-for=visitsAuthorized]");
    await expect
      .poll(() => notice.innerText())
      .toMatch(/^12 visits cannot fit between .* at 1 per week: at most 1 can\./);
    expect(await page.locator("#visitsAuthorized").getAttribute("aria-describedby")).toContain(
      "visitsAuthorized-notice",
    );
    expect(await page.locator("#visitsAuthorized").getAttribute("aria-invalid")).toBeNull();
    await expectNoAxeViolations(page);
    await page.fill("#visitsAuthorized", "1");
    await expect.poll(() => notice.innerText()).toBe("");
    await page.context().close();
  });

  it("keeps the error summary's heading in view after an empty form is sent", async () => {
    const { page } = await open(width);
    await page.goto("/forms/prescription");
    await page.click("button[type=submit]");
    const heading = page.locator("[data-error-summary] h2");
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.hasAttribute("data-error-summary")))
      .toBe(true);
    const box = await heading.boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y + box!.height).toBeLessThanOrEqual(page.viewportSize()!.height);
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  it("shows the patient what was sent, and prints as a receipt without the site's navigation", async () => {
    const { page } = await open(width);
    await page.goto("/forms/prescription");
    await fillPrescription(page);
    await page.click("button[type=submit]");
    const reference = await referenceShown(page);
    const receipt = page.locator(".receipt");
    expect(await receipt.innerText()).toContain("Sent by\nThe patient");
    expect(await receipt.innerText()).toContain(
      `${prescription.patientFirstName} ${prescription.patientLastName}`,
    );
    expect(await receipt.innerText()).toContain(prescription.insuranceCarrier);
    expect(await page.locator("main").innerText()).not.toContain(prescription.memberId);
    expect(await page.locator("main").innerText()).not.toContain(prescription.diagnosisCodes);
    expect(await page.locator("main ol").innerText()).toContain(formPagesEn.received.contactBack.patient);
    await expectNoAxeViolations(page);

    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".site-header").isVisible()).toBe(false);
    expect(await page.locator(".site-footer").isVisible()).toBe(false);
    const clinic = page.locator(".receipt-clinic");
    expect(await clinic.isVisible()).toBe(true);
    expect(await clinic.innerText()).toContain("227 NE Hillcrest Drive");
    expect(await page.locator(".reference").innerText()).toBe(reference);
    expect(await receipt.innerText()).toMatch(/Sent\n\w+/);
    await page.context().close();
  });

  it("tells a prescriber's office what happens next for the patient, and that it is called with questions", async () => {
    const { page } = await open(width);
    await page.goto("/forms/prescription");
    await fillPrescription(page, { ...prescription, insuranceCarrier: "", memberId: "" });
    await page.check("#sentBy");
    await fillFields(page, {
      senderName: "Jamie Ortiz",
      senderRole: "Medical assistant",
      senderPhone: "541-555-0142",
    });
    await page.click("button[type=submit]");
    await referenceShown(page);
    expect(await page.locator(".receipt").innerText()).toContain("The prescriber's office: Jamie Ortiz");
    const next = await page.locator("main ol").innerText();
    expect(next).toContain(formPagesEn.received.officeNextStep);
    expect(next).toContain(formPagesEn.received.contactBack.prescriber_office);
    expect(next).not.toMatch(/the way you asked|your health insurance/);
    await expectNoAxeViolations(page);
    await page.context().close();
  });
});

describe("without JavaScript", () => {
  it("shows every question in neutral words, and the visits notice on the re-displayed form", async () => {
    const { page } = await open(320, false);
    await page.goto("/forms/prescription");
    expect(await page.locator("#senderName").isVisible()).toBe(true);
    expect(await page.locator("label[for=consent]").innerText()).toMatch(/the patient's insurance billing/);
    await page.check("#sentBy");
    await page.fill("#senderName", "Jamie Ortiz");
    await fillFields(page, {
      startDate: usDate(0),
      endDate: usDate(-6),
      visitsAuthorized: "12",
      frequency: "weekly",
    });
    await page.click("button[type=submit]");
    await page.waitForLoadState();
    expect(await page.locator("[data-notice-for=visitsAuthorized]").innerText()).toMatch(
      /^12 visits cannot fit/,
    );
    expect(await page.inputValue("#senderName")).toBe("Jamie Ortiz");
    expect(await page.inputValue("#endDate-year")).toBe(usDate(-6).split("/")[2]);
    await page.context().close();
  });
});
