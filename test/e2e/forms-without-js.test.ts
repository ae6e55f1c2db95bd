/** The public forms without JavaScript, and the confirmation page. */
import type { BrowserContextOptions } from "playwright-core";
import { describe, expect, it } from "vitest";
import { baseURL, expectNoAxeViolations, asNewClients } from "./browser";
import { fillFields, fillPrescription, referenceShown, storedCount } from "./form-helpers";

// Each context is its own client (its own range, apart from the other form tests'), so the
// per-client limit of 10 forms a minute never spans tests.
const asClient = asNewClients("10.0.1");
const open = (options: BrowserContextOptions = {}) => asClient(options);

describe("without JavaScript", () => {
  it("shows the form again in the site's layout with every answer kept, then stores it once", async () => {
    const { page, requests } = await open({ javaScriptEnabled: false });
    await page.goto("/forms/prescription");
    // Every question shows without JavaScript: the office's own ones too, in neutral words.
    expect(await page.locator("#senderName").isVisible()).toBe(true);
    expect(await page.locator("#email").isVisible()).toBe(true);
    await page.check("#sentBy");
    await page.fill("#senderName", "Jamie Ortiz");
    await page.fill("#patientFirstName", "Ada");
    await fillFields(page, { dateOfBirth: "4//1980" });
    await page.fill("#diagnosisCodes", "M54.50, S13.4XXA");
    await page.fill("#message", "Back pain since May");
    await page.check("#preferredContact");
    const posted = page.waitForResponse(
      (res) => res.url().endsWith("/forms/prescription") && res.request().method() === "POST",
    );
    await page.click("button[type=submit]");
    expect((await posted).status()).toBe(422);

    // The same page, in the site's layout, with the summary and inline errors linked to the fields.
    expect(await page.title()).toMatch(/^Error: Send a prescription/);
    expect(await page.locator("header.site-header").count()).toBe(1);
    expect(await page.locator("h1").innerText()).toBe("Send a prescription for massage");
    const summary = page.locator("[data-error-summary]");
    expect(await summary.isVisible()).toBe(true);
    expect(await summary.locator("a[href='#patientLastName']").innerText()).toBe(
      "Enter the patient's last name.",
    );
    expect(await page.locator("#dateOfBirth-error").innerText()).toContain(
      "Date of birth must include a day.",
    );
    expect(await summary.locator("a[href='#dateOfBirth-day']").count()).toBe(1);
    expect(await page.locator("#dateOfBirth-day").getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("#dateOfBirth-month").getAttribute("aria-invalid")).toBeNull();
    expect(await page.locator("fieldset[data-field=dateOfBirth]").getAttribute("aria-describedby")).toContain(
      "dateOfBirth-error",
    );
    expect(await page.locator("#senderRole-error").innerText()).toContain("Enter your role");
    // Every answer is still there: the date's parts, the sender's, the diagnosis codes.
    expect(await page.inputValue("#patientFirstName")).toBe("Ada");
    expect(await page.inputValue("#dateOfBirth-month")).toBe("4");
    expect(await page.inputValue("#dateOfBirth-year")).toBe("1980");
    expect(await page.isChecked("#sentBy")).toBe(true);
    expect(await page.inputValue("#senderName")).toBe("Jamie Ortiz");
    expect(await page.inputValue("#diagnosisCodes")).toBe("M54.50, S13.4XXA");
    expect(await page.inputValue("#message")).toBe("Back pain since May");
    expect(await page.isChecked("#preferredContact")).toBe(true);

    await fillPrescription(page);
    const stored = page.waitForResponse(
      (res) => res.url().endsWith("/forms/prescription") && res.request().method() === "POST",
    );
    await page.click("button[type=submit]");
    expect((await stored).status()).toBe(303);
    const reference = await referenceShown(page);
    expect(storedCount(reference)).toBe(1);
    // Nothing typed reached an address.
    for (const typed of [reference, "Ada", "Lovelace", "M54.50", "Back pain"]) {
      expect(requests.some((url) => url.includes(encodeURIComponent(typed)) || url.includes(typed))).toBe(
        false,
      );
    }
    await page.context().close();
  });

  it("keeps the diagnosis codes when the patient goes Back from the form page", async () => {
    const { page } = await open({ javaScriptEnabled: false });
    await page.goto("/forms/prescription");
    await page.fill("#diagnosisCodes", "M54.2");
    await page.click("a[href='/privacy']");
    await page.goBack();
    expect(await page.inputValue("#diagnosisCodes")).toBe("M54.2");
    await page.context().close();
  });

  it("answers an invalid post with the form page again, without axe violations", async () => {
    // axe needs JavaScript in the page, so this post bypasses the form's script with a native submit.
    const { page } = await open();
    await page.goto("/forms/mva-claim");
    await page.fill("#patientFirstName", "Alan");
    const posted = page.waitForResponse(
      (res) => res.url().endsWith("/forms/mva-claim") && res.request().method() === "POST",
    );
    await page.evaluate(() =>
      document.querySelector<HTMLFormElement>("form[data-submission-form]")!.submit(),
    );
    expect((await posted).status()).toBe(422);
    await page.waitForLoadState();
    expect(await page.inputValue("#patientFirstName")).toBe("Alan");
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.hasAttribute("data-error-summary")))
      .toBe(true);
    await expectNoAxeViolations(page);
    await page.context().close();
  });
});

describe("received page", () => {
  it("says so in plain words when this browser sent no recent form", async () => {
    const { page } = await open();
    const res = await page.goto("/forms/received");
    expect(res?.status()).toBe(200);
    expect(res?.headers()["cache-control"]).toBe("no-store");
    expect(await page.locator("h1").innerText()).toBe("We could not find a recent form from this browser");
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  it("ignores a cookie that is not a reference", async () => {
    const { page } = await open();
    await page
      .context()
      .addCookies([{ name: "received", value: "RX-ABC", url: `${baseURL}/forms/received` }]);
    await page.goto("/forms/received");
    expect(await page.locator("h1").innerText()).toBe("We could not find a recent form from this browser");
    await page.context().close();
  });

  it("serves the form pages fresh for each load, but cacheable for Back", async () => {
    const first = await fetch(new URL("/forms/mva-claim", baseURL));
    const second = await fetch(new URL("/forms/mva-claim", baseURL));
    expect(first.headers.get("cache-control")).toBe("private, no-cache");
    const key = (html: string) => /name="idempotencyKey" value="([^"]+)"/.exec(html)?.[1];
    const [a, b] = [key(await first.text()), key(await second.text())];
    expect(a).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
    expect(b).not.toBe(a);
  });
});
