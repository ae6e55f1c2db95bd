/** Good Faith Estimates in the browser: a patient asks by keyboard (with and without JavaScript), staff issue and print. */
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { expectNoAxeViolations, asNewClients } from "./browser";
import { addStaff, nextCode } from "./staff-accounts";

const password = "a long staff passphrase 42";
const email = `gfe-desk-${Date.now()}@example.org`;
const lastName = `Estimo${Array.from({ length: 6 }, () => "bcdfghjkmnpqrstvwxz"[Math.floor(Math.random() * 19)]).join("")}`;

beforeAll(async () => {
  expect(addStaff(email, "Estimate Desk", password)).toMatch(/Staff account created/);
});

const asClient = asNewClients("10.78.0");
const open = (javaScriptEnabled = true) => asClient({ javaScriptEnabled });

/** Signs in on the login page (kept small: the sign-in may gain a second step). */
async function signIn(page: Page): Promise<void> {
  await page.goto("/staff/login");
  await page.fill("#email", email);
  await page.fill("#password", password);
  await page.click("button:has-text('Sign in')");
  await page.waitForURL("**/staff/login/code");
  await page.fill("#code", await nextCode(email));
  await page.click("button:has-text('Continue')");
  await page.waitForURL((url) => url.pathname === "/staff");
}

/** Types into the field with this id after moving focus to it with the keyboard's Tab. */
async function tabTo(page: Page, id: string): Promise<void> {
  for (let i = 0; i < 60; i++) {
    if (await page.evaluate((want) => document.activeElement?.id === want, id)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached #${id}`);
}

/** Fills the request form with the keyboard alone and sends it with Enter. */
async function askByKeyboard(page: Page, first: string): Promise<void> {
  await page.goto("/forms/good-faith-estimate");
  await page.keyboard.press("Tab");
  const typed: [string, string][] = [
    ["patientFirstName", first],
    ["patientLastName", lastName],
    ["dateOfBirth-month", "5"],
    ["dateOfBirth-day", "5"],
    ["dateOfBirth-year", "1985"],
    ["phone", "541-555-0150"],
  ];
  for (const [id, text] of typed) {
    await tabTo(page, id);
    await page.keyboard.type(text);
  }
  for (const id of ["preferredContact", "coverage", "service"]) {
    await tabTo(page, id);
    await page.keyboard.press("Space");
  }
  await tabTo(page, "sessionMinutes");
  await page.selectOption("#sessionMinutes", "60");
  await tabTo(page, "frequency");
  await page.selectOption("#frequency", "weekly");
  await tabTo(page, "visits");
  await page.keyboard.type("8");
  await tabTo(page, "consent");
  await page.keyboard.press("Space");
  await page.keyboard.press("Enter");
  await page.waitForURL("**/forms/received");
}

describe("Good Faith Estimates", () => {
  it("a patient learns of the right on the home page and asks by keyboard, with JavaScript", async () => {
    const { page } = await open();
    await page.goto("/");
    const notice = page.locator(".gfe-notice");
    expect(await notice.innerText()).toContain("right to receive a Good Faith Estimate");
    expect(await notice.locator('a[href="https://www.cms.gov/nosurprises"]').count()).toBe(1);
    await page.goto("/forms/good-faith-estimate");
    await expectNoAxeViolations(page);
    await page.click("button[type=submit]");
    await expect.poll(() => page.locator(".error-summary").isVisible()).toBe(true);
    await expectNoAxeViolations(page);
    await askByKeyboard(page, "Ana");
    expect(await page.locator("main").innerText()).toMatch(/GFE-[A-Z0-9]{7}/);
  });

  it("and without JavaScript", async () => {
    const { page } = await open(false);
    await askByKeyboard(page, "Bea");
    expect(await page.locator("main").innerText()).toMatch(/GFE-[A-Z0-9]{7}/);
  });

  it("staff issue the estimate from the request, record it given, and print it", async () => {
    const { page } = await open();
    await signIn(page);
    await page.goto("/staff?kind=good_faith_estimate");
    await page
      .locator("tr", { hasText: `${lastName}, Ana` })
      .locator("a")
      .click();
    await page.click("a:has-text('Issue the Good Faith Estimate')");
    await page.waitForURL("**/staff/good-faith-estimates?request=*");
    expect(await page.inputValue("#patientLastName")).toBe(lastName);
    await expectNoAxeViolations(page);
    const start = new Date(Date.now() + 14 * 86_400_000);
    await page.fill(
      "#careStart",
      `${start.getUTCMonth() + 1}/${start.getUTCDate()}/${start.getUTCFullYear()}`,
    );
    await page.click("button:has-text('Issue the estimate')");
    await page.waitForURL(/\/staff\/good-faith-estimates\/\d+$/);
    await expectNoAxeViolations(page);
    await page.check("#method-in_person");
    await page.click("button:has-text('Record it')");
    await expect
      .poll(() => page.locator("main").innerText())
      .toContain("Recorded that the estimate was given.");

    await page.click("a:has-text('Printable copy')");
    await page.waitForURL(/\/print$/);
    await page.emulateMedia({ media: "print" });
    const doc = await page.locator(".gfe-document").innerText();
    for (const element of [
      `Ana ${lastName}`,
      "Date of birth: 5/5/1985",
      "NPI): 1234567893",
      "TIN): 12-3456789",
      "227 NE Hillcrest Drive",
      "Date issued:",
      "Dates of care:",
      "97124",
      "$960.00",
      "Diagnosis codes",
      "not a contract",
      "$400.00 or more",
      "120 calendar days",
      "will not affect the care",
      "cms.gov/nosurprises",
    ])
      expect(doc).toContain(element);
    expect(await page.locator(".staff-bar").count()).toBe(0);
    await expectNoAxeViolations(page);
  });
});
