/**
 * The clinic's facts, read by every page and by the API. Contact details come from
 * build-time environment variables (see README "Configuration"); a value left unset is
 * `undefined`, never an empty string, so pages can say how else to reach the clinic.
 */

import { messages, type Lang } from "./i18n/messages";
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

/** The optional visit details (opening hours, parking, …) as the clinic wrote them in each language. */
type VisitTexts = Partial<Record<Lang, Partial<Record<VisitTopic, string>>>>;

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
 * The header's contact strip: the phone and email as links, the fax as text (phone and fax first,
 * so they share a line on a phone), each only when configured: an empty list when none is, so
 * the header shows no empty strip.
 */
export function headerContacts(
  c: { phone?: string; email?: string; fax?: string } = clinic,
  lang: Lang = "en",
): { label: string; href?: string }[] {
  const words = messages[lang].contact;
  const items: { label: string; href?: string }[] = [];
  if (c.phone) items.push({ label: words.callHeader(c.phone), href: telHref(c.phone) });
  if (c.fax) items.push({ label: words.faxHeader(c.fax) });
  if (c.email) items.push({ label: c.email, href: `mailto:${c.email}` });
  return items;
}

/** The optional visit details, in the order pages show them (headings in the message catalogue). */
const visitTopics = Object.keys(visitSettings) as (keyof typeof visitSettings)[];

export type VisitTopic = keyof typeof visitSettings;

/**
 * The visit details among `topics` that are set, each with its heading, in `lang`. Unset ones are
 * left out, so a page never shows a heading with nothing under it. A Spanish page whose detail has
 * no Spanish text shows the English one, with `textLang: "en"` so screen readers read it as English.
 */
export function visitDetails(
  topics: readonly VisitTopic[] = visitTopics,
  visit: VisitTexts = clinic.visit,
  lang: Lang = "en",
): { topic: VisitTopic; heading: string; text: string; textLang?: "en" }[] {
  return topics.flatMap((topic) => {
    const own = visit[lang]?.[topic];
    const text = own ?? visit.en?.[topic];
    if (!text) return [];
    const heading = messages[lang].visit.headings[topic];
    return [own === undefined ? { topic, heading, text, textLang: "en" as const } : { topic, heading, text }];
  });
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
      href: telHref(c.phone),
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
