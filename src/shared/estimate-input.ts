import { z } from "zod";
import { clinic, type CptCode } from "./clinic";
import { isIsoDate } from "./dates";
import { dollarsToCents } from "./money";

/** How the patient pays: a health plan in or out of network, car-accident PIP, Medicare, or themselves. */
export const coverages = ["in_network", "out_of_network", "pip", "medicare", "self_pay"] as const;
export type Coverage = (typeof coverages)[number];

/** A health plan's cost sharing applies (in or out of network); the other ways of paying ignore it. */
export function usesHealthPlan(coverage: Coverage): boolean {
  return coverage === "in_network" || coverage === "out_of_network";
}

/** A query-string value: surrounding spaces trimmed, and an empty field (a blank form input) made absent. */
function fieldText(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const trimmed = value.trim();
  return trimmed === "" ? undefined : trimmed;
}

/** A reader's own message for text it refuses, when the field's general message would not say why. */
class Problem {
  constructor(readonly message: string) {}
}

/** Reads text into a value, or into `undefined` (the field's message applies) or a `Problem`. */
type Reader<T> = (text: string) => T | undefined | Problem;

/** A field read from text; `read` refuses text it cannot accept, and `message` says how to fix it. */
function field<T>(message: string, read: Reader<T>) {
  return z.string({ error: message }).transform((text, ctx) => {
    const value = read(text);
    if (value === undefined || value instanceof Problem) {
      ctx.addIssue({ code: "custom", message: value instanceof Problem ? value.message : message });
      return z.NEVER;
    }
    return value;
  });
}

function required<T>(message: string, read: Reader<T>) {
  return z.preprocess(fieldText, field(message, read));
}

function optional<T>(message: string, read: Reader<T>) {
  return z.preprocess(fieldText, field(message, read).optional());
}

function withDefault<T extends NonNullable<unknown>>(fallback: T, message: string, read: Reader<T>) {
  return z.preprocess(fieldText, field(message, read).optional()).transform((value) => value ?? fallback);
}

function wholeNumber(min: number, max: number) {
  return (text: string): number | undefined => {
    if (!/^\d{1,6}$/.test(text)) return undefined;
    const n = Number(text);
    return n >= min && n <= max ? n : undefined;
  };
}

const money: Reader<number> = (text) =>
  dollarsToCents(text) ??
  (text.includes(",") && /^\$?\s*[\d,]+(\.\d*)?$/.test(text)
    ? new Problem("Put commas only between groups of three digits, like 1,500.00, or leave them out.")
    : undefined);

const moneyOrUnknown: Reader<number | "unknown"> = (text) =>
  text.toLowerCase() === "unknown" ? "unknown" : money(text);

const yesNoUnknown = (text: string): boolean | "unknown" | undefined => {
  const lower = text.toLowerCase();
  return lower === "true" ? true : lower === "false" ? false : lower === "unknown" ? "unknown" : undefined;
};

const cptCode = (text: string): CptCode | undefined =>
  Object.hasOwn(clinic.cptCodes, text) ? (text as CptCode) : undefined;

const coverage = (text: string): Coverage | undefined =>
  (coverages as readonly string[]).includes(text) ? (text as Coverage) : undefined;

/** A date written YYYY-MM-DD between 2000 and 2099: far enough for any plan a patient brings. */
const calendarDate = (text: string): string | undefined =>
  isIsoDate(text) && text >= "2000-01-01" && text <= "2099-12-31" ? text : undefined;

/** A month and day ("01-01", "7/1") as "MM-DD"; February 29 is refused, since most years have none. */
const monthDay = (text: string): string | undefined => {
  const match = /^(\d{1,2})[-/](\d{1,2})$/.exec(text);
  if (!match) return undefined;
  const iso = `2001-${match[1]!.padStart(2, "0")}-${match[2]!.padStart(2, "0")}`;
  return isIsoDate(iso) ? iso.slice(5) : undefined;
};

const moneyHint = "in dollars and cents, like 25 or 1,500.00, from 0 to 100,000";

const fields = {
  coverage: withDefault<Coverage>(
    "in_network",
    "Choose how you will pay: in_network, out_of_network, pip, medicare or self_pay.",
    coverage,
  ),
  minutes: required(
    "Enter the length of each visit in minutes as a whole number from 8 to 240.",
    wholeNumber(8, 240),
  ),
  visits: required("Enter the number of visits as a whole number from 1 to 104.", wholeNumber(1, 104)),
  startDate: optional(
    "Enter the date of your first visit as year-month-day, like 2026-11-02, between 2000 and 2099.",
    calendarDate,
  ),
  visitsPerWeek: withDefault(
    1,
    "Enter how many visits a week as a whole number from 1 to 7.",
    wholeNumber(1, 7),
  ),
  cpt: withDefault<CptCode>(
    "97124",
    "Choose the service code: 97124 for massage or 97140 for manual therapy.",
    cptCode,
  ),
  allowedPerVisit: optional(`Enter your plan's allowed amount for one visit ${moneyHint}.`, money),
  allowedPerUnit: optional(`Enter your plan's allowed amount for one 15-minute unit ${moneyHint}.`, money),
  deductibleApplies: withDefault<boolean | "unknown">(
    true,
    "Choose whether your deductible applies to massage: true, false or unknown.",
    yesNoUnknown,
  ),
  deductibleRemaining: withDefault<number | "unknown">(
    0,
    `Enter the deductible you still have to pay this year ${moneyHint}, or leave it blank for $0.`,
    moneyOrUnknown,
  ),
  deductibleAnnual: optional(`Enter your deductible for a whole plan year ${moneyHint}.`, money),
  copay: withDefault(0, `Enter your copay for each visit ${moneyHint}, or leave it blank for $0.`, money),
  coinsurancePercent: withDefault(
    0,
    "Enter your coinsurance as a whole percent from 0 to 100, without the % sign, or leave it blank for 0.",
    wholeNumber(0, 100),
  ),
  oopRemaining: optional(
    `Enter what is left of your out-of-pocket maximum ${moneyHint}, or leave it blank if you do not know it.`,
    money,
  ),
  coveredVisits: optional(
    "Enter how many visits your plan still covers as a whole number from 0 to 365, or leave it blank if there is no limit.",
    wholeNumber(0, 365),
  ),
  benefitLimitRemaining: optional(
    `Enter the most your plan still pays for massage this year ${moneyHint}, or leave it blank if there is no dollar limit.`,
    money,
  ),
  planYearStart: withDefault(
    "01-01",
    "Enter the day your plan year starts as month-day, like 01-01 for January 1.",
    monthDay,
  ),
  oopAnnual: optional(`Enter your out-of-pocket maximum for a whole plan year ${moneyHint}.`, money),
  coveredVisitsAnnual: optional(
    "Enter how many visits your plan covers in a whole plan year as a whole number from 0 to 365.",
    wholeNumber(0, 365),
  ),
  benefitLimitAnnual: optional(
    `Enter the most your plan pays for massage in a whole plan year ${moneyHint}.`,
    money,
  ),
  accidentDate: optional(
    "Enter the date of the accident as year-month-day, like 2026-10-01, between 2000 and 2099.",
    calendarDate,
  ),
  pipRemaining: withDefault(
    15_000_00,
    `Enter how much of your PIP medical benefit is left ${moneyHint}, or leave it blank for $15,000.`,
    money,
  ),
};

/** Each field in plain words, for messages about the field as a whole. */
const fieldLabels: Record<keyof typeof fields, string> = {
  coverage: "how you will pay",
  minutes: "the length of each visit",
  visits: "the number of visits",
  cpt: "the service code",
  allowedPerUnit: "the allowed amount per unit",
  allowedPerVisit: "the allowed amount per visit",
  deductibleRemaining: "the deductible left this year",
  deductibleAnnual: "the yearly deductible",
  deductibleApplies: "whether your deductible applies",
  copay: "the copay",
  coinsurancePercent: "the coinsurance",
  oopRemaining: "the out-of-pocket maximum left this year",
  oopAnnual: "the yearly out-of-pocket maximum",
  coveredVisits: "the visits your plan still covers",
  coveredVisitsAnnual: "the visits your plan covers a year",
  benefitLimitRemaining: "the dollar limit left this year",
  benefitLimitAnnual: "the yearly dollar limit",
  startDate: "the date of your first visit",
  visitsPerWeek: "the visits a week",
  planYearStart: "the day your plan year starts",
  accidentDate: "the date of the accident",
  pipRemaining: "the PIP benefit left",
};

/** The query-string names the estimator reads, in the order the page asks for them (so its error summary follows the form). */
export type EstimateField = keyof typeof fields;
export const estimateFields = Object.keys(fields) as EstimateField[];

// Each yearly amount, with the "left this year" amount it may not be smaller than.
const yearlyPairs = [
  ["deductibleRemaining", "deductibleAnnual", "deductible"],
  ["oopRemaining", "oopAnnual", "out-of-pocket maximum"],
  ["coveredVisits", "coveredVisitsAnnual", "visit limit"],
  ["benefitLimitRemaining", "benefitLimitAnnual", "dollar limit"],
] as const;

/**
 * The estimator's inputs as they arrive in a query string or a plain GET form (every value a
 * string, blank fields absent). Parsing yields amounts in integer cents under the clinic's names;
 * unknown parameters are dropped. Messages name the field and the fix, never the value sent.
 */
export const estimateInputSchema = z
  .object(fields)
  // Runs even when a field has a problem (`when`), so every problem shows at once; a field that
  // failed holds its raw text here, hence the checks for a number or a valid date.
  .superRefine(
    (q, ctx) => {
      const issue = (path: EstimateField, message: string) =>
        ctx.addIssue({ code: "custom", path: [path], message });
      const isCents = (value: unknown) => typeof value === "number";
      if (isCents(q.allowedPerUnit) && isCents(q.allowedPerVisit)) {
        const both = "Enter the allowed amount per visit or per 15-minute unit, not both.";
        issue("allowedPerUnit", both);
        issue("allowedPerVisit", both);
      } else if (
        usesHealthPlan(q.coverage) &&
        q.allowedPerUnit === undefined &&
        q.allowedPerVisit === undefined
      ) {
        issue(
          "allowedPerUnit",
          `Enter your plan's allowed amount for one 15-minute unit or for one visit ${moneyHint}.`,
        );
      }
      if (q.deductibleRemaining === "unknown" && q.deductibleAnnual === undefined) {
        issue(
          "deductibleAnnual",
          "Enter your deductible for a whole plan year, so we can show a range when you do not know how much is left.",
        );
      }
      for (const [remaining, annual, what] of yearlyPairs) {
        const left = q[remaining];
        const year = q[annual];
        if (isCents(left) && isCents(year) && left! > year!) {
          issue(annual, `Enter a yearly ${what} at least as big as what is left of it this year.`);
        }
      }
      if (q.coverage === "pip") {
        if (q.accidentDate === undefined)
          issue("accidentDate", "Enter the date of the accident, like 2026-10-01.");
        if (q.startDate === undefined)
          issue(
            "startDate",
            "Enter the date of your first visit, like 2026-11-02, so we know which visits PIP can pay.",
          );
      }
      const accident = q.accidentDate && calendarDate(q.accidentDate);
      const start = q.startDate && calendarDate(q.startDate);
      if (accident && start && start < accident) {
        issue("startDate", "Enter a first visit date on or after the date of the accident.");
      }
    },
    { when: () => true },
  )
  .transform((q) => ({
    coverage: q.coverage,
    minutes: q.minutes,
    visits: q.visits,
    cpt: q.cpt,
    allowedPerUnitCents: q.allowedPerUnit,
    allowedPerVisitCents: q.allowedPerVisit,
    deductibleRemainingCents: q.deductibleRemaining,
    deductibleAnnualCents: q.deductibleAnnual,
    deductibleApplies: q.deductibleApplies,
    copayCents: q.copay,
    coinsurancePercent: q.coinsurancePercent,
    oopRemainingCents: q.oopRemaining,
    oopAnnualCents: q.oopAnnual,
    coveredVisits: q.coveredVisits,
    coveredVisitsAnnual: q.coveredVisitsAnnual,
    benefitLimitRemainingCents: q.benefitLimitRemaining,
    benefitLimitAnnualCents: q.benefitLimitAnnual,
    startDate: q.startDate,
    visitsPerWeek: q.visitsPerWeek,
    planYearStart: q.planYearStart,
    accidentDate: q.accidentDate,
    pipRemainingCents: q.pipRemaining,
  }));

/** The estimator's inputs after parsing: minutes, counts and a percent as whole numbers, money in cents. */
export type EstimateInput = z.output<typeof estimateInputSchema>;

/** A problem with one field: its query-string name and what to do, never the value sent. */
interface FieldIssue {
  path: string;
  message: string;
}

/**
 * Parses a whole query string, as the API and the page both receive it. A field given twice (with
 * anything in it) is a problem of its own, since the API and a browser would otherwise each keep a
 * different one; blank repeats are absent, like any blank field.
 */
export function parseEstimateQuery(
  params: URLSearchParams,
): { success: true; data: EstimateInput } | { success: false; issues: FieldIssue[] } {
  const record: Record<string, string> = {};
  const repeated = new Set<string>();
  for (const name of estimateFields) {
    const given = params.getAll(name).filter((value) => value.trim() !== "");
    if (given.length > 1) repeated.add(name);
    if (given.length > 0) record[name] = given[0]!;
  }
  const parsed = estimateInputSchema.safeParse(record);
  const issues: FieldIssue[] = [...repeated].map((path) => ({
    path,
    message: `Give only one answer for ${fieldLabels[path as EstimateField]}.`,
  }));
  for (const issue of parsed.error?.issues ?? []) {
    const path = issue.path.join(".");
    if (!repeated.has(path)) issues.push({ path, message: issue.message });
  }
  return parsed.success && issues.length === 0
    ? { success: true, data: parsed.data }
    : { success: false, issues };
}
