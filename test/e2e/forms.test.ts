import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { countSubmissions } from "../fixtures/local-d1";
import { baseURL, expectNoAxeViolations, launch, openPage } from "./browser";

const referencePattern = /^(RX|MVA)-[A-Z0-9]{7}$/;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

// Each context is its own client, so the per-IP limit of 10 forms a minute never spans tests.
let clients = 0;
function open(options: BrowserContextOptions = {}) {
  clients += 1;
  return openPage(browser, { ...options, extraHTTPHeaders: { "CF-Connecting-IP": `10.0.0.${clients}` } });
}

/** How many rows the served site's local D1 holds for a reference. */
function storedCount(reference: string): number {
  expect(reference).toMatch(referencePattern);
  return countSubmissions(inject("d1State"), `reference = '${reference}'`);
}

/** A date `days` ago as month/day/year, the way patients type it. */
function isoDate(daysAgo: number): string {
  return new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
}

function usDate(daysAgo: number): string {
  const date = new Date(Date.now() - daysAgo * 86_400_000);
  return `${date.getUTCMonth() + 1}/${date.getUTCDate()}/${date.getUTCFullYear()}`;
}

/** Presses Tab until the focused element matches `selector`. */
async function tabTo(page: Page, selector: string): Promise<void> {
  for (let presses = 0; presses < 80; presses++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${selector}`);
}

async function tabAndType(page: Page, id: string, text: string): Promise<void> {
  await tabTo(page, `#${id}`);
  await page.keyboard.type(text);
}

const activeElement = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el ? { id: el.id, tag: el.tagName, summary: el.hasAttribute("data-error-summary") } : null;
  });

const prescription = {
  patientFirstName: "Ada",
  patientLastName: "Lovelace",
  dateOfBirth: "4/27/1980",
  phone: "541-555-0123",
  prescriberName: "Grace Hopper",
  prescriberPhone: "(541) 555-0100 x45",
  // Relative to today: a prescription that started a week ago and ends in ten weeks.
  startDate: isoDate(7),
  endDate: usDate(-70),
  visitsAuthorized: "8",
  diagnosisCodes: "M54.50",
  focusAreas: "Lower back",
  insuranceCarrier: "Regence BlueCross BlueShield",
  memberId: "XYZ123456789",
};

/** Fills the prescription form the quick way (the keyboard-only test does it key by key). */
async function fillPrescription(page: Page, values: Partial<typeof prescription> = prescription) {
  for (const [name, value] of Object.entries(values)) await page.fill(`#${name}`, value);
  await page.check("#preferredContact");
  await page.selectOption("#prescriberCredential", "MD");
  await page.check("#consent");
}

async function referenceShown(page: Page): Promise<string> {
  await page.waitForURL("**/forms/received");
  expect(page.url()).toBe(`${baseURL}/forms/received`);
  const reference = (await page.locator(".reference").innerText()).trim();
  expect(reference).toMatch(referencePattern);
  return reference;
}

describe("prescription form", () => {
  it("can be completed with the keyboard alone, and is stored exactly once", async () => {
    const { page } = await open();
    await page.goto("/forms/prescription");
    await expectNoAxeViolations(page);

    await tabAndType(page, "patientFirstName", prescription.patientFirstName);
    await tabAndType(page, "patientLastName", prescription.patientLastName);
    await tabAndType(page, "dateOfBirth", prescription.dateOfBirth);
    await tabAndType(page, "phone", prescription.phone);
    await tabTo(page, "#preferredContact");
    await page.keyboard.press("Space");
    await tabAndType(page, "prescriberName", prescription.prescriberName);
    await tabTo(page, "#prescriberCredential");
    await page.keyboard.type("MD");
    await tabAndType(page, "prescriberPhone", prescription.prescriberPhone);
    await tabAndType(page, "startDate", prescription.startDate);
    await tabAndType(page, "endDate", prescription.endDate);
    await tabAndType(page, "visitsAuthorized", prescription.visitsAuthorized);
    await tabAndType(page, "diagnosisCodes", prescription.diagnosisCodes);
    await tabAndType(page, "focusAreas", prescription.focusAreas);
    await tabAndType(page, "insuranceCarrier", prescription.insuranceCarrier);
    await tabAndType(page, "memberId", prescription.memberId);
    await tabTo(page, "#consent");
    await page.keyboard.press("Space");
    await tabTo(page, "button[type=submit]");
    await page.keyboard.press("Enter");

    const reference = await referenceShown(page);
    expect(reference).toMatch(/^RX-/);
    expect(await page.locator("h1").innerText()).toBe("We received your prescription details");
    expect(await page.locator("main").innerText()).toMatch(/verify|check your health insurance coverage/i);
    expect(await page.evaluate(() => sessionStorage.getItem("draft:prescription"))).toBeNull();
    await expectNoAxeViolations(page);
    expect(storedCount(reference)).toBe(1);
    await page.context().close();
  });

  it("shows a focused error summary with links to each problem, and marks the fields invalid", async () => {
    const { page } = await open();
    await page.goto("/forms/prescription");
    await page.fill("#patientFirstName", "Ada");
    await page.fill("#dateOfBirth", "27/4/1980");
    await page.click("button[type=submit]");

    await expect.poll(() => activeElement(page)).toMatchObject({ summary: true });
    const summary = page.locator("[data-error-summary]");
    expect(await summary.locator("h2").innerText()).toBe("There is a problem");
    const links = await summary.locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect(links.slice(0, 3)).toEqual(["#patientLastName", "#dateOfBirth", "#phone"]);
    expect(links).toEqual(expect.arrayContaining(["#preferredContact", "#diagnosisCodes", "#consent"]));
    expect(links).not.toContain("#patientFirstName");
    expect(await page.title()).toMatch(/^Error: /);

    const lastName = page.locator("#patientLastName");
    expect(await lastName.getAttribute("aria-invalid")).toBe("true");
    expect(await lastName.getAttribute("aria-describedby")).toContain("patientLastName-error");
    expect(await page.locator("#patientLastName-error").innerText()).toContain(
      "Enter the patient's last name.",
    );
    expect(await page.locator("#dateOfBirth").getAttribute("aria-describedby")).toBe(
      "dateOfBirth-hint dateOfBirth-error",
    );
    expect(await page.locator("fieldset[data-field=preferredContact]").getAttribute("aria-describedby")).toBe(
      "preferredContact-error",
    );
    expect(await page.locator("#patientFirstName").getAttribute("aria-invalid")).toBeNull();
    await expectNoAxeViolations(page);

    // The first link leads to the first problem.
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    expect(await activeElement(page)).toMatchObject({ id: "patientLastName" });
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
      .toContain('"visitsAuthorized":"12"');
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
    await tabAndType(page, "dateOfBirth", "6/23/1982");
    await tabAndType(page, "phone", "5415550199");
    await tabAndType(page, "email", "alan@example.com");
    await tabTo(page, "#preferredContact");
    await page.keyboard.press("ArrowDown"); // moves to and chooses "Email"
    expect(await page.isChecked("#preferredContact-email")).toBe(true);
    await tabAndType(page, "autoInsurer", "Oregon Mutual");
    await tabAndType(page, "claimNumber", "CLM-2026-0042");
    await tabAndType(page, "accidentDate", usDate(30));
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
    await page.fill("#accidentDate", usDate(3 * 365));
    const notice = page.locator("[data-notice-for=accidentDate]");
    await expect.poll(() => notice.innerText()).toMatch(/more than two years ago/);
    expect(await page.locator("#accidentDate").getAttribute("aria-describedby")).toContain(
      "accidentDate-notice",
    );
    expect(await page.locator("#accidentDate").getAttribute("aria-invalid")).toBeNull();
    await expectNoAxeViolations(page);

    await page.fill("#accidentDate", usDate(10));
    await expect.poll(() => notice.innerText()).toBe("");
    await page.context().close();
  });
});

describe("without JavaScript", () => {
  it("shows the form again in the site's layout with every answer kept, then stores it once", async () => {
    const { page, requests } = await open({ javaScriptEnabled: false });
    await page.goto("/forms/prescription");
    await page.fill("#patientFirstName", "Ada");
    await page.fill("#dateOfBirth", "not a date");
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
    expect(await page.locator("#dateOfBirth-error").innerText()).toContain("date of birth as month/day/year");
    expect(await page.locator("#dateOfBirth").getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("#dateOfBirth").getAttribute("aria-describedby")).toContain(
      "dateOfBirth-error",
    );
    expect(await summary.innerText()).not.toContain("not a date");
    // Every answer is still there, the diagnosis codes included.
    expect(await page.inputValue("#patientFirstName")).toBe("Ada");
    expect(await page.inputValue("#dateOfBirth")).toBe("not a date");
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
