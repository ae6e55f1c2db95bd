import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { baseURL, expectNoAxeViolations, asNewClients } from "./browser";
import {
  dateParts,
  fillFields,
  fillPrescription,
  prescription,
  referenceShown,
  storedCount,
  tabAndType,
  tabTo,
  usDate,
} from "./form-helpers";

// Each context is its own client, so the per-IP limit of 10 forms a minute never spans tests.
const open = asNewClients("10.0.0");

const activeElement = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el ? { id: el.id, tag: el.tagName, summary: el.hasAttribute("data-error-summary") } : null;
  });

describe("prescription form", () => {
  it("a medical assistant sends it from the prescriber's office with the keyboard alone, stored once", async () => {
    const { page } = await open();
    await page.goto("/forms/prescription");
    await expectNoAxeViolations(page);

    // The first question: who is filling it in. The office's own questions appear under that choice.
    expect(await page.locator("#senderName").isVisible()).toBe(false);
    await tabTo(page, "#sentBy");
    await page.keyboard.press("Space");
    expect(await page.isChecked("#sentBy")).toBe(true);
    await tabAndType(page, "senderName", "Jamie Ortiz");
    await tabAndType(page, "senderRole", "Medical assistant");
    await tabAndType(page, "senderPhone", "541-555-0100 x12");
    expect(await page.locator("[data-field=preferredContact] legend").innerText()).toBe(
      "How should we contact the patient?",
    );
    expect(await page.locator("label[for=insuranceCarrier]").innerText()).toBe(
      "Health insurance company (optional)",
    );
    await expectNoAxeViolations(page);

    await tabAndType(page, "patientFirstName", prescription.patientFirstName);
    await tabAndType(page, "patientLastName", prescription.patientLastName);
    for (const [part, text] of Object.entries(dateParts(prescription.dateOfBirth)))
      await tabAndType(page, `dateOfBirth-${part}`, text);
    await tabAndType(page, "phone", prescription.phone);
    await tabTo(page, "#preferredContact");
    await page.keyboard.press("Space");
    await tabAndType(page, "prescriberName", prescription.prescriberName);
    await tabTo(page, "#prescriberCredential");
    await page.keyboard.type("MD");
    await tabAndType(page, "prescriberPhone", prescription.prescriberPhone);
    for (const name of ["startDate", "endDate"] as const)
      for (const [part, text] of Object.entries(dateParts(prescription[name])))
        await tabAndType(page, `${name}-${part}`, text);
    await tabAndType(page, "visitsAuthorized", prescription.visitsAuthorized);
    await tabAndType(page, "diagnosisCodes", prescription.diagnosisCodes);
    await tabAndType(page, "focusAreas", prescription.focusAreas);
    // The insurance is left for staff to collect from the patient.
    await tabTo(page, "#consent");
    await page.keyboard.press("Space");
    expect(await page.locator("label[for=consent]").innerText()).toMatch(/^The patient has agreed/);
    await tabTo(page, "button[type=submit]");
    await page.keyboard.press("Enter");

    const reference = await referenceShown(page);
    expect(reference).toMatch(/^RX-/);
    expect(await page.locator("h1").innerText()).toBe("We received your prescription details");
    expect(await page.evaluate(() => sessionStorage.getItem("draft:prescription"))).toBeNull();
    await expectNoAxeViolations(page);
    expect(storedCount(reference)).toBe(1);
    await page.context().close();
  });

  it("shows a focused error summary with links to each problem, and marks the fields invalid", async () => {
    const { page } = await open();
    await page.goto("/forms/prescription");
    await page.fill("#patientFirstName", "Ada");
    await fillFields(page, { dateOfBirth: "27/4/1980" });
    await page.click("button[type=submit]");

    await expect.poll(() => activeElement(page)).toMatchObject({ summary: true });
    const summary = page.locator("[data-error-summary]");
    expect(await summary.locator("h2").innerText()).toBe("There is a problem");
    const links = await summary.locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect(links.slice(0, 4)).toEqual(["#sentBy", "#patientLastName", "#dateOfBirth-month", "#phone"]);
    expect(links).toEqual(expect.arrayContaining(["#preferredContact", "#diagnosisCodes", "#consent"]));
    expect(links).not.toContain("#patientFirstName");
    expect(await page.title()).toMatch(/^Error: /);

    const lastName = page.locator("#patientLastName");
    expect(await lastName.getAttribute("aria-invalid")).toBe("true");
    expect(await lastName.getAttribute("aria-describedby")).toContain("patientLastName-error");
    expect(await page.locator("#patientLastName-error").innerText()).toContain(
      "Enter the patient's last name.",
    );
    // The date's error names the wrong part, and only that part is marked.
    expect(await page.locator("#dateOfBirth-error").innerText()).toContain(
      "Date of birth: the month must be a number between 1 and 12.",
    );
    expect(await page.locator("fieldset[data-field=dateOfBirth]").getAttribute("aria-describedby")).toBe(
      "dateOfBirth-hint dateOfBirth-error",
    );
    expect(await page.locator("#dateOfBirth-month").getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("#dateOfBirth-day").getAttribute("aria-invalid")).toBeNull();
    expect(await page.locator("#dateOfBirth-year").getAttribute("aria-invalid")).toBeNull();
    expect(await page.locator("fieldset[data-field=preferredContact]").getAttribute("aria-describedby")).toBe(
      "preferredContact-error",
    );
    expect(await page.locator("#patientFirstName").getAttribute("aria-invalid")).toBeNull();
    await expectNoAxeViolations(page);

    // The first link leads to the first problem.
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    expect(await activeElement(page)).toMatchObject({ id: "sentBy" });
    await page.context().close();
  });

  it("restores what was typed after a reload, with the same submission key", async () => {
    const { page } = await open();
    await page.goto("/forms/prescription");
    const key = await page.inputValue("input[name=idempotencyKey]");
    await page.fill("#patientFirstName", "Ada");
    await page.fill("#visitsAuthorized", "12");
    await page.check("#preferredContact-email");
    await page.fill("#website", "spam");
    await expect
      .poll(() => page.evaluate(() => sessionStorage.getItem("draft:prescription")))
      .toMatch(
        /"visitsAuthorized":"12".*"preferredContact":"email"|"preferredContact":"email".*"visitsAuthorized":"12"/,
      );
    expect(await page.evaluate(() => sessionStorage.getItem("draft:prescription"))).not.toContain("spam");

    await page.reload();
    expect(await page.inputValue("#patientFirstName")).toBe("Ada");
    expect(await page.inputValue("#visitsAuthorized")).toBe("12");
    expect(await page.isChecked("#preferredContact-email")).toBe(true);
    expect(await page.inputValue("#website")).toBe("");
    expect(await page.inputValue("input[name=idempotencyKey]")).toBe(key);
    expect(await page.locator("[data-form-status]").innerText()).toContain(
      "We restored what you typed earlier.",
    );
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  it("keeps the last change when the page is reloaded straight after it", async () => {
    const { page } = await open();
    await page.goto("/forms/prescription");
    await page.fill("#patientFirstName", "Ada");
    // No wait for the draft's delay: leaving the page saves what is waiting.
    await page.reload();
    expect(await page.inputValue("#patientFirstName")).toBe("Ada");
    await page.context().close();
  });

  it("keeps the answers the server showed again over an older draft", async () => {
    const { page } = await open();
    await page.goto("/forms/prescription");
    await page.fill("#patientLastName", "Older");
    await expect
      .poll(() => page.evaluate(() => sessionStorage.getItem("draft:prescription")))
      .toContain('"patientLastName":"Older"');
    // Sent without the script (as when it failed to load): the draft still says "Older".
    await page.evaluate(() => {
      document.querySelector<HTMLInputElement>("#patientLastName")!.value = "Lovelace";
      document.querySelector<HTMLFormElement>("form[data-submission-form]")!.submit();
    });
    await page.locator("[data-error-summary]:not([hidden])").waitFor();
    expect(await page.inputValue("#patientLastName")).toBe("Lovelace");
    await expect
      .poll(() => page.evaluate(() => sessionStorage.getItem("draft:prescription")))
      .toContain('"patientLastName":"Lovelace"');
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  it("keeps the form when the server fails, and a retry sends it once with the same key", async () => {
    const { page } = await open();
    await page.goto("/forms/prescription");
    await fillPrescription(page);

    const keys: (string | null)[] = [];
    let calls = 0;
    await page.route("**/api/prescriptions", async (route) => {
      keys.push(route.request().headers()["idempotency-key"] ?? null);
      calls += 1;
      if (calls === 1) {
        await new Promise((r) => setTimeout(r, 300));
        await route.fulfill({
          status: 503,
          contentType: "application/json",
          body: '{"error":"unavailable"}',
        });
      } else {
        await route.continue();
      }
    });

    const submit = page.locator("button[type=submit]");
    await submit.click();
    // In flight: the button cannot send twice.
    expect(await submit.innerText()).toBe("Sending…");
    expect(await submit.isDisabled()).toBe(true);
    expect(await submit.getAttribute("aria-disabled")).toBe("true");
    await page.keyboard.press("Enter");

    const alert = page.locator("[data-form-alert]");
    await expect.poll(() => alert.innerText()).toMatch(/NOT sent/);
    expect(await alert.innerText()).toMatch(/Nothing you typed is lost/);
    expect(await page.evaluate(() => document.activeElement?.hasAttribute("data-form-alert"))).toBe(true);
    expect(await page.inputValue("#memberId")).toBe(prescription.memberId);
    expect(await submit.isDisabled()).toBe(false);
    expect(calls).toBe(1);

    await alert.getByRole("button", { name: "Try again" }).click();
    const reference = await referenceShown(page);
    expect(calls).toBe(2);
    expect(keys[0]).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(storedCount(reference)).toBe(1);
    await page.context().close();
  });

  it("shows the server's diagnosis-code problems and rate-limit message in plain words", async () => {
    const { page } = await open();
    await page.goto("/forms/prescription");
    // M54 has the shape of a code, so only the server's list can tell it is a category.
    await fillPrescription(page, { ...prescription, diagnosisCodes: "M54.50, M54" });
    await page.click("button[type=submit]");
    await expect.poll(() => activeElement(page)).toMatchObject({ summary: true });
    expect(await page.locator("#diagnosisCodes-error").innerText()).toMatch(
      /Diagnosis code 2: This is a category/,
    );
    expect(await page.locator("#diagnosisCodes").getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("[data-error-summary] a").getAttribute("href")).toBe("#diagnosisCodes");

    await page.route("**/api/prescriptions", (route) =>
      route.fulfill({
        status: 429,
        headers: { "Retry-After": "60" },
        contentType: "application/json",
        body: '{"error":"rate_limited"}',
      }),
    );
    await page.fill("#diagnosisCodes", "M54.50");
    await page.click("button[type=submit]");
    const alert = page.locator("[data-form-alert]");
    await expect
      .poll(() => alert.innerText())
      .toBe("Too many forms were sent from your connection. Wait a minute, then press Send again.");
    expect(await page.locator("[data-error-summary]").isHidden()).toBe(true);
    await page.context().close();
  });

  it("suggests ICD-10 codes in an accessible combobox", async () => {
    const { page, requests } = await open();
    await page.goto("/forms/prescription");
    const input = page.locator("#diagnosisCodes");
    expect(await input.getAttribute("role")).toBe("combobox");
    expect(await input.getAttribute("aria-expanded")).toBe("false");

    await input.focus();
    await page.keyboard.type("low back");
    const listbox = page.locator("#diagnosisCodes-listbox");
    await expect.poll(() => input.getAttribute("aria-expanded")).toBe("true");
    expect(await input.getAttribute("aria-controls")).toBe("diagnosisCodes-listbox");
    expect(await listbox.getAttribute("role")).toBe("listbox");
    const count = await listbox.locator("[role=option]").count();
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThanOrEqual(20);
    expect(await page.locator("#diagnosisCodes-status").innerText()).toContain(`${count} codes found`);
    expect(requests.some((url) => url.endsWith("/api/icd10/search"))).toBe(true);
    expect(requests.some((url) => /low|back/i.test(url))).toBe(false);
    await expectNoAxeViolations(page);

    await page.keyboard.press("ArrowDown");
    const first = listbox.locator("[role=option]").first();
    expect(await input.getAttribute("aria-activedescendant")).toBe(await first.getAttribute("id"));
    expect(await first.getAttribute("aria-selected")).toBe("true");
    const code = await first.getAttribute("data-code");
    expect(code).toMatch(/^M54\.5/);
    await page.keyboard.press("Enter");
    expect(await input.inputValue()).toBe(`${code}, `);
    expect(await input.getAttribute("aria-expanded")).toBe("false");
    expect(page.url()).toBe(`${baseURL}/forms/prescription`);

    // A second code by mouse, after Escape closed the popup once.
    await page.keyboard.type("s13.4");
    await expect.poll(() => input.getAttribute("aria-expanded")).toBe("true");
    await page.keyboard.press("Escape");
    expect(await input.getAttribute("aria-expanded")).toBe("false");
    await page.keyboard.press("ArrowDown");
    await listbox.locator("[role=option]").first().click();
    expect(await input.inputValue()).toMatch(new RegExp(`^${code!.replace(".", "\\.")}, S13\\.4\\w*, $`));
    await page.context().close();
  });

  it("finds codes in everyday words, and Enter with nothing highlighted closes the list without sending", async () => {
    const { page } = await open();
    await page.goto("/forms/prescription");
    const input = page.locator("#diagnosisCodes");
    await input.focus();
    await page.keyboard.type("whiplash");
    await expect.poll(() => input.getAttribute("aria-expanded")).toBe("true");
    expect(await page.locator("#diagnosisCodes-listbox [role=option]").first().innerText()).toContain(
      "S13.4XXA",
    );
    await page.keyboard.press("Enter");
    await expect.poll(() => input.getAttribute("aria-expanded")).toBe("false");
    expect(await page.locator("[data-error-summary]").isHidden()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("diagnosisCodes");
    expect(new URL(page.url()).pathname).toBe("/forms/prescription");
    await page.context().close();
  });

  it("never ships the ICD-10 code list to the browser", async () => {
    const { page, requests } = await open();
    await page.goto("/forms/prescription");
    const scripts = requests.filter((url) => url.endsWith(".js"));
    expect(scripts.length).toBeGreaterThan(0);
    for (const url of scripts) {
      const source = await (await fetch(url)).text();
      expect(source).not.toContain("Vertebrogenic low back pain");
    }
    await page.context().close();
  });
});

describe("car accident claim form", () => {
  it("can be completed with the keyboard alone, and is stored exactly once", async () => {
    const { page } = await open();
    await page.goto("/forms/mva-claim");
    await expectNoAxeViolations(page);

    await tabAndType(page, "patientFirstName", "Alan");
    await tabAndType(page, "patientLastName", "Turing");
    for (const [part, text] of Object.entries(dateParts("6/23/1982")))
      await tabAndType(page, `dateOfBirth-${part}`, text);
    await tabAndType(page, "phone", "5415550199");
    await tabTo(page, "#preferredContact");
    await page.keyboard.press("ArrowDown"); // moves to and chooses "Email", which reveals the email field
    expect(await page.isChecked("#preferredContact-email")).toBe(true);
    await tabAndType(page, "email", "alan@example.com");
    await tabAndType(page, "autoInsurer", "Oregon Mutual");
    await tabAndType(page, "claimNumber", "CLM-2026-0042");
    for (const [part, text] of Object.entries(dateParts(usDate(30))))
      await tabAndType(page, `accidentDate-${part}`, text);
    await tabAndType(page, "adjusterName", "Joan Clarke");
    await tabAndType(page, "adjusterPhone", "541 555 0142 x7");
    await tabTo(page, "#claimWithOwnInsurer");
    await page.keyboard.press("Space");
    await tabTo(page, "#prescriptionSent");
    await page.keyboard.press("Space");
    await tabTo(page, "#consent");
    await page.keyboard.press("Space");
    await tabTo(page, "button[type=submit]");
    await page.keyboard.press("Enter");

    const reference = await referenceShown(page);
    expect(reference).toMatch(/^MVA-/);
    expect(await page.locator("h1").innerText()).toBe("We received your claim details");
    expect(await page.locator("main").innerText()).toMatch(/adjuster/);
    expect(storedCount(reference)).toBe(1);
    await page.context().close();
  });

  it("warns, without blocking, when the accident was more than two years ago", async () => {
    const { page } = await open();
    await page.goto("/forms/mva-claim");
    await fillFields(page, { accidentDate: usDate(3 * 365) });
    const notice = page.locator("[data-notice-for=accidentDate]");
    await expect.poll(() => notice.innerText()).toMatch(/more than two years ago/);
    const date = page.locator("fieldset[data-field=accidentDate]");
    expect(await date.getAttribute("aria-describedby")).toContain("accidentDate-notice");
    expect(await page.locator("#accidentDate-year").getAttribute("aria-invalid")).toBeNull();
    await expectNoAxeViolations(page);

    await fillFields(page, { accidentDate: usDate(10) });
    await expect.poll(() => notice.innerText()).toBe("");
    await page.context().close();
  });
});
