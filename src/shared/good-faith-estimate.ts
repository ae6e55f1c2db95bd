/**
 * Good Faith Estimates under the No Surprises Act (45 CFR 149.610), said once: when one is due
 * (business days), how recurring care is counted (at most 12 months), the itemized charges at the
 * clinic's cash rate, and the document's every required element in plain words. Pure: no I/O,
 * integer cents. The staff desk, the request form's queue entry and the estimator all read it.
 *
 * Business days are Monday to Friday. Federal holidays are NOT skipped: a due date that falls
 * after a holiday is one business day early, which errs on the patient's side.
 */
import { clinic, formatCents, type CptCode } from "./clinic";
import { addDays, addYears, usDate } from "./dates";
import { unitsForMinutes } from "./estimator/arithmetic";

/** The rule's numbers (45 CFR 149.610(b) and (c), 45 CFR 149.620). */
export const gfeRules = {
  /** Days to give an estimate after a patient asks for one. */
  requestBusinessDays: 3,
  /** Care scheduled at least this many business days ahead: due within 1 business day. */
  soonBusinessDays: 3,
  /** Care scheduled at least this many business days ahead: due within 3 business days. */
  laterBusinessDays: 10,
  /** One estimate may cover recurring care for at most this many months. */
  recurringMonths: 12,
  /** A bill this much above the estimate, or more, may be disputed. */
  disputeThresholdCents: 40_000,
  /** Days from the bill's date to start a dispute. */
  disputeDays: 120,
  /** The federal page on these rights. */
  helpUrl: "https://www.cms.gov/nosurprises",
} as const;

/** Whether `iso` is a Monday to Friday (holidays not handled, see above). */
export function isBusinessDay(iso: string): boolean {
  const day = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return day !== 0 && day !== 6;
}

/** The `n`th business day after `iso` (n ≥ 0; 0 gives `iso` itself). */
export function addBusinessDays(iso: string, n: number): string {
  let date = iso;
  for (let left = n; left > 0;) {
    date = addDays(date, 1);
    if (isBusinessDay(date)) left--;
  }
  return date;
}

/** Business days after `from`, up to and including `to` (0 when `to` is not after `from`). */
export function businessDaysBetween(from: string, to: string): number {
  let count = 0;
  for (let date = addDays(from, 1); date <= to; date = addDays(date, 1)) if (isBusinessDay(date)) count++;
  return count;
}

/**
 * When the estimate is due: 3 business days after a patient asks; after scheduling, 1 business day
 * when the care is at least 3 business days away, 3 when it is at least 10 away. Null when care
 * is scheduled less than 3 business days ahead (the rule sets no deadline; give one if asked).
 */
export function estimateDueDate(
  event: { requestedOn: string } | { scheduledOn: string; careStartsOn: string },
): string | null {
  if ("requestedOn" in event) return addBusinessDays(event.requestedOn, gfeRules.requestBusinessDays);
  const ahead = businessDaysBetween(event.scheduledOn, event.careStartsOn);
  if (ahead >= gfeRules.laterBusinessDays) return addBusinessDays(event.scheduledOn, 3);
  if (ahead >= gfeRules.soonBusinessDays) return addBusinessDays(event.scheduledOn, 1);
  return null;
}

/** How often care repeats, with how the estimate says it. */
export const careFrequencies = {
  once: "One visit",
  twice_weekly: "Twice a week",
  weekly: "Once a week",
  every_two_weeks: "Every two weeks",
  monthly: "Once a month",
} as const;

export type CareFrequency = keyof typeof careFrequencies;

function addMonths(iso: string, n: number): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const months = m - 1 + n;
  const year = y + Math.floor(months / 12);
  const month = (months % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}

/** The date of visit `i` (0 = the first) at `frequency` from `start`. */
function visitDate(start: string, frequency: CareFrequency, i: number): string {
  switch (frequency) {
    case "twice_weekly":
      return addDays(start, Math.floor((i * 7) / 2));
    case "weekly":
      return addDays(start, 7 * i);
    case "every_two_weeks":
      return addDays(start, 14 * i);
    case "monthly":
      return addMonths(start, i);
    case "once":
      return start;
  }
}

/** The care an estimate covers: its dates and how many visits fall in them. */
export interface CarePlan {
  frequency: CareFrequency;
  visits: number;
  firstDate: string;
  lastDate: string;
  /** Why fewer visits than asked were counted: the 12-month limit or the end date asked for. */
  limitedBy: "twelve_months" | "until_date" | null;
}

/**
 * The visits an estimate covers: `visits` at `frequency` from `start`, none after `until` (when
 * given) and none 12 months or more after the start (one estimate covers at most 12 months of
 * recurring care). At least the first visit; "once" is always one visit.
 */
export function planCare(care: {
  start: string;
  frequency: CareFrequency;
  visits: number;
  until?: string | undefined;
}): CarePlan {
  const yearEnd = addDays(addYears(care.start, gfeRules.recurringMonths / 12), -1);
  const asked = care.frequency === "once" ? 1 : Math.max(1, Math.floor(care.visits));
  let visits = 1;
  let limitedBy: CarePlan["limitedBy"] = null;
  while (visits < asked) {
    const next = visitDate(care.start, care.frequency, visits);
    if (next > yearEnd) {
      limitedBy = "twelve_months";
      break;
    }
    if (care.until !== undefined && next > care.until) {
      limitedBy = "until_date";
      break;
    }
    visits++;
  }
  return {
    frequency: care.frequency,
    visits,
    firstDate: care.start,
    lastDate: visitDate(care.start, care.frequency, visits - 1),
    limitedBy,
  };
}

/** One itemized line: a service code, its units per visit, the visits and the charges. */
export interface EstimateItem {
  cpt: CptCode;
  service: string;
  units: number;
  visits: number;
  unitCents: number;
  perVisitCents: number;
  totalCents: number;
}

/** The itemized charge for `visits` sessions of `minutes` under `cpt` at `unitCents` a 15-minute unit. */
export function itemizeCare(
  care: { cpt: CptCode; minutes: number; visits: number },
  unitCents: number = clinic.cashRatePerUnitCents,
): EstimateItem {
  const units = unitsForMinutes(care.minutes);
  const perVisitCents = units * unitCents;
  return {
    cpt: care.cpt,
    service: clinic.cptCodes[care.cpt],
    units,
    visits: care.visits,
    unitCents,
    perVisitCents,
    totalCents: perVisitCents * care.visits,
  };
}

/** Who gives the estimate: the clinic's name, legal name, NPI, TIN and location. */
export interface EstimateProvider {
  name: string;
  legalName: string;
  npi: string;
  tin: string;
  address: string;
  phone?: string | undefined;
}

/** An issued estimate's whole content, as stored (sealed) and printed. */
export interface GoodFaithEstimateDocument {
  reference: string;
  issuedAt: string;
  issuedOn: string;
  issuedBy: string;
  patient: { firstName: string; lastName: string; dateOfBirth: string };
  description: string;
  items: EstimateItem[];
  totalCents: number;
  diagnoses: { code: string; description: string | null }[];
  care: CarePlan;
  provider: EstimateProvider;
  /** The reference of the estimate this one replaces. */
  replaces: string | null;
}

/** One part of the printed estimate: a heading and its sentences. */
export interface EstimateSection {
  heading: string;
  lines: string[];
}

/** The disclaimers every estimate carries, in plain words (45 CFR 149.610(c)(1)(vii)–(ix)). */
function estimateDisclaimers(totalCents: number): EstimateSection[] {
  const threshold = formatCents(gfeRules.disputeThresholdCents);
  return [
    {
      heading: "This is an estimate, not a contract",
      lines: [
        "This Good Faith Estimate shows what we expect to charge for the care listed. It is an estimate, not a contract, and the actual charges may be different.",
        "It does not require you to get the care listed. You do not need this estimate to receive care from us.",
      ],
    },
    {
      heading: "Other care may be recommended",
      lines: [
        "Other items or services may be recommended as part of your care. They are not in this estimate and would be estimated separately, when you ask for an estimate for them.",
      ],
    },
    {
      heading: "Your right to dispute the bill",
      lines: [
        `If you are billed ${threshold} or more above this estimate (${formatCents(totalCents)} in all), you may dispute the bill through the federal patient-provider dispute resolution process.`,
        `You must start the dispute within ${gfeRules.disputeDays} calendar days of the date on the bill. Learn how and find the form at ${gfeRules.helpUrl}.`,
        "Starting a dispute will not affect the care you receive from us.",
        "Keep a copy of this estimate: you will need it if you dispute a bill.",
      ],
    },
    {
      heading: "Questions and help",
      lines: [
        `For questions or more information about your right to a Good Faith Estimate, visit ${gfeRules.helpUrl}.`,
      ],
    },
  ];
}

/** Every part of the printed estimate but the itemized table, in document order. */
export function estimateSections(doc: GoodFaithEstimateDocument): EstimateSection[] {
  const { patient, care, provider } = doc;
  const limit =
    care.limitedBy === "twelve_months"
      ? " An estimate covers at most 12 months of care: ask us for a new one after that."
      : "";
  return [
    {
      heading: "Patient",
      lines: [
        `Name: ${patient.firstName} ${patient.lastName}`,
        `Date of birth: ${usDate(patient.dateOfBirth)}`,
      ],
    },
    {
      heading: "Provider",
      lines: [
        `${provider.legalName}${provider.legalName === provider.name ? "" : ` (${provider.name})`}`,
        `Location: ${provider.address}`,
        `National Provider Identifier (NPI): ${provider.npi}`,
        `Taxpayer Identification Number (TIN): ${provider.tin}`,
        ...(provider.phone ? [`Phone: ${provider.phone}`] : []),
      ],
    },
    {
      heading: "The estimate",
      lines: [
        `Estimate number: ${doc.reference}`,
        `Date issued: ${usDate(doc.issuedOn)}`,
        `Dates of care: ${usDate(care.firstDate)} to ${usDate(care.lastDate)}`,
        `${careFrequencies[care.frequency]}, ${care.visits === 1 ? "1 visit" : `${care.visits} visits`}.${limit}`,
        ...(doc.replaces ? [`This estimate replaces estimate ${doc.replaces}.`] : []),
      ],
    },
    { heading: "The care", lines: [doc.description] },
    {
      heading: "Diagnosis codes",
      lines: doc.diagnoses.length
        ? doc.diagnoses.map((d) => `${d.code}${d.description ? `: ${d.description}` : ""}`)
        : ["None known when this estimate was made."],
    },
    ...estimateDisclaimers(doc.totalCents),
  ];
}
