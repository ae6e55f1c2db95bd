/** What the form browser tests share: the served site's rows, typed dates, a filled prescription. */
import type { Page } from "playwright-core";
import { expect, inject } from "vitest";
import { countSubmissions } from "../fixtures/local-d1";
import { baseURL } from "./browser";

const referencePattern = /^(RX|MVA)-[A-Z0-9]{7}$/;

/** How many rows the served site's local D1 holds for a reference. */
export function storedCount(reference: string): number {
  expect(reference).toMatch(referencePattern);
  return countSubmissions(inject("d1State"), `reference = '${reference}'`);
}

/** A date `days` ago as YYYY-MM-DD. */
function isoDate(daysAgo: number): string {
  return new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
}

/** A date `days` ago as month/day/year, the way patients type it. */
export function usDate(daysAgo: number): string {
  const date = new Date(Date.now() - daysAgo * 86_400_000);
  return `${date.getUTCMonth() + 1}/${date.getUTCDate()}/${date.getUTCFullYear()}`;
}

export const prescription = {
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

/** A date as typed ("4/27/1980" or "1980-04-27") → what goes in the form's month, day and year boxes. */
export function dateParts(text: string): { month: string; day: string; year: string } {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (iso) return { month: String(Number(iso[2])), day: String(Number(iso[3])), year: iso[1]! };
  const [month = "", day = "", year = ""] = text.split("/");
  return { month, day, year };
}

/** Fills fields by name; a date field's value goes into its month, day and year boxes. */
export async function fillFields(page: Page, values: Record<string, string>): Promise<void> {
  for (const [name, value] of Object.entries(values)) {
    if ((await page.locator(`[data-field="${name}"][data-date-input]`).count()) > 0) {
      for (const [part, text] of Object.entries(dateParts(value))) await page.fill(`#${name}-${part}`, text);
    } else {
      await page.fill(`#${name}`, value);
    }
  }
}

/** Fills the prescription form the quick way, as the patient (the keyboard-only test does it key by key). */
export async function fillPrescription(page: Page, values: Partial<typeof prescription> = prescription) {
  await page.check("#sentBy-patient");
  await fillFields(page, values);
  await page.check("#preferredContact");
  await page.selectOption("#prescriberCredential", "MD");
  await page.check("#consent");
}

export async function referenceShown(page: Page): Promise<string> {
  await page.waitForURL("**/forms/received");
  expect(page.url()).toBe(`${baseURL}/forms/received`);
  const reference = (await page.locator(".reference").innerText()).trim();
  expect(reference).toMatch(referencePattern);
  return reference;
}

/** Presses Tab until the focused element matches `selector`. */
export async function tabTo(page: Page, selector: string): Promise<void> {
  for (let presses = 0; presses < 80; presses++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${selector}`);
}

export async function tabAndType(page: Page, id: string, text: string): Promise<void> {
  await tabTo(page, `#${id}`);
  await page.keyboard.type(text);
}
