/**
 * The clinic's facts, read by every page and by the API. Contact details come from
 * build-time environment variables (see README "Configuration"); a value left unset is
 * `undefined`, never an empty string, so pages can say how else to reach the clinic.
 */

import type { Lang } from "./i18n/messages";
import { spanishTwin, visitSettings } from "./visit-settings";

const env: Record<string, string | undefined> =
  (import.meta as { env?: Record<string, string | undefined> }).env ?? {};

function optional(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** A whole number of cents from configuration, or `undefined` when unset or not a whole number. */
function cents(value: string | undefined): number | undefined {
  const text = optional(value);
  return text !== undefined && /^\d{1,7}$/.test(text) ? Number(text) : undefined;
}

/** The optional visit details' topics (opening hours, parking, …), in the order pages show them. */
export type VisitTopic = keyof typeof visitSettings;

/** The optional visit details as the clinic wrote them in each language. */
export type VisitTexts = Partial<Record<Lang, Partial<Record<VisitTopic, string>>>>;

function visitTexts(): VisitTexts {
  const read = (name: (setting: string) => string) =>
    Object.fromEntries(
      Object.entries(visitSettings).flatMap(([topic, setting]) => {
        const text = optional(env[name(setting.name)]);
        return text === undefined ? [] : [[topic, text]];
      }),
    );
  return { en: read((name) => name), es: read(spanishTwin) };
}

/** Time-of-service (cash) rate for one 15-minute unit, in cents. */
const cashRatePerUnitCents = 3000;

export const clinic = {
  name: optional(env.PUBLIC_CLINIC_NAME) ?? "Hillcrest Massage Therapy",
  address: {
    street: "227 NE Hillcrest Drive",
    city: "Grants Pass",
    state: "Oregon",
    zip: "97526",
  },
  phone: optional(env.PUBLIC_CLINIC_PHONE),
  email: optional(env.PUBLIC_CLINIC_EMAIL),
  fax: optional(env.PUBLIC_CLINIC_FAX),
  /** Where prescribers send prescriptions; falls back to the clinic email. */
  prescriptionEmail: optional(env.PUBLIC_PRESCRIPTION_EMAIL) ?? optional(env.PUBLIC_CLINIC_EMAIL),
  /**
   * What patients look for before a visit, each in the clinic's own words, in English and (the
   * settings' `_ES` twins) Spanish; an unset one is absent.
   */
  visit: visitTexts(),
  cashRatePerUnitCents,
  /**
   * What the clinic bills an insurer (out of network, PIP) for one 15-minute unit, in cents:
   * `PUBLIC_BILLED_RATE_PER_UNIT_CENTS`, or the cash rate when unset.
   */
  billedRatePerUnitCents: cents(env.PUBLIC_BILLED_RATE_PER_UNIT_CENTS) ?? cashRatePerUnitCents,
  unitMinutes: 15,
  /** Session lengths the clinic books, in minutes. */
  sessionLengths: [30, 45, 60, 75, 90, 120] as const,
  /**
   * Years a submission is kept after its last activity (sent, a status change, a note, a visit);
   * a daily job deletes it then (the privacy page says so).
   */
  retentionYears: 7,
  /**
   * Years an issued Good Faith Estimate is kept after the day it was issued; the daily job deletes
   * it then. 45 CFR 149.610 asks for six; the database refuses to delete one sooner (migration 0008).
   */
  estimateRetentionYears: 6,
  cptCodes: {
    "97124": "Massage therapy",
    "97140": "Manual therapy",
  },
} as const;

export type CptCode = keyof typeof clinic.cptCodes;

/** One line with the full street address, for footers and mail instructions. */
export function mailingAddress(): string {
  const { street, city, state, zip } = clinic.address;
  return `${street}, ${city}, ${state} ${zip}`;
}

/** A `tel:` link for a phone number as people write it ("541-555-0100" → "tel:5415550100"). */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, "")}`;
}

/**
 * How a prescriber's office can send a signed prescription besides the online form: fax and
 * email when configured, else mail, so the list is never empty.
 */
export function prescriberRoutes(
  c: { fax?: string; prescriptionEmail?: string } = clinic,
): { verb: "fax" | "email" | "mail"; value: string; href?: string }[] {
  const routes: { verb: "fax" | "email" | "mail"; value: string; href?: string }[] = [];
  if (c.fax) routes.push({ verb: "fax", value: c.fax });
  if (c.prescriptionEmail)
    routes.push({ verb: "email", value: c.prescriptionEmail, href: `mailto:${c.prescriptionEmail}` });
  if (routes.length === 0) routes.push({ verb: "mail", value: mailingAddress() });
  return routes;
}

/** Whole dollars with thousands commas, made once: `toLocaleString` builds a formatter on every call. */
let dollarsFormat: Intl.NumberFormat | undefined;

/** Dollars from integer cents, e.g. 3000 → "$30.00". */
export function formatCents(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  dollarsFormat ??= new Intl.NumberFormat("en-US");
  const dollars = dollarsFormat.format(Math.floor(abs / 100));
  return `${sign}$${dollars}.${String(abs % 100).padStart(2, "0")}`;
}
