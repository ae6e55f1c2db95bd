/**
 * The clinic's facts, read by every page and by the API. Contact details come from
 * build-time environment variables (see README "Configuration"); a value left unset is
 * `undefined`, never an empty string, so pages can say how else to reach the clinic.
 */

import { messages, type Lang } from "./i18n/messages";

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

/** One way to reach the clinic: its words for a sentence, the bare value, and a link when there is one. */
interface ContactOption {
  kind: "phone" | "email" | "mail";
  label: string;
  value: string;
  href?: string;
}

/**
 * The ways to reach the clinic that are configured, in plain words in the page's language; the
 * street address is always there, so this never renders a blank like "email us at .".
 */
export function contactOptions(
  c: { phone?: string; email?: string } = clinic,
  lang: Lang = "en",
): ContactOption[] {
  const words = messages[lang].contact;
  const options: ContactOption[] = [];
  if (c.phone)
    options.push({
      kind: "phone",
      label: words.call(c.phone),
      value: c.phone,
      href: `tel:${c.phone.replace(/[^\d+]/g, "")}`,
    });
  if (c.email)
    options.push({ kind: "email", label: words.email(c.email), value: c.email, href: `mailto:${c.email}` });
  options.push({ kind: "mail", label: words.mail(mailingAddress()), value: mailingAddress() });
  return options;
}

/** "call 541-555-0100, email x@y or write to …" — the configured options joined as a sentence. */
export function contactSentence(c: { phone?: string; email?: string } = clinic, lang: Lang = "en"): string {
  const labels = contactOptions(c, lang).map((o) => o.label);
  if (labels.length === 1) return labels[0]!;
  return `${labels.slice(0, -1).join(", ")} ${messages[lang].contact.or} ${labels.at(-1)}`;
}

/** Dollars from integer cents, e.g. 3000 → "$30.00". */
export function formatCents(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  const dollars = Math.floor(abs / 100).toLocaleString("en-US");
  return `${sign}$${dollars}.${String(abs % 100).padStart(2, "0")}`;
}
