import { z } from "zod";
import { isIsoDate } from "./dates";
import { clinic, formatCents, type CptCode } from "./clinic";
import { oregonPip } from "./estimator/pip";
import { messages, type Lang } from "./i18n/messages";
import { dollarsToCents } from "./money";

type InputMessages = (typeof messages)["en"]["estimator"]["input"];

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

const moneyReader =
  (commas: string): Reader<number> =>
  (text) =>
    dollarsToCents(text) ??
    (text.includes(",") && /^\$?\s*[\d,]+(\.\d*)?$/.test(text) ? new Problem(commas) : undefined);

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

/** The fields, with their messages in one language (src/shared/i18n/estimator-*.ts). */
function fieldsIn(t: InputMessages) {
  const moneyHint = t.moneyHint;
  const money = moneyReader(t.commas);
  const moneyOrUnknown: Reader<number | "unknown"> = (text) =>
    text.toLowerCase() === "unknown" ? "unknown" : money(text);
  return {
    coverage: withDefault<Coverage>("in_network", t.coverage, coverage),
    minutes: required(t.minutes, wholeNumber(8, 240)),
    visits: required(t.visits, wholeNumber(1, 104)),
    startDate: optional(t.startDate, calendarDate),
    visitsPerWeek: withDefault(1, t.visitsPerWeek, wholeNumber(1, 7)),
    cpt: withDefault<CptCode>("97124", t.cpt, cptCode),
    allowedPerVisit: optional(t.allowedPerVisit(moneyHint), money),
    allowedPerUnit: optional(t.allowedPerUnit(moneyHint), money),
    deductibleApplies: withDefault<boolean | "unknown">(true, t.deductibleApplies, yesNoUnknown),
    deductibleRemaining: withDefault<number | "unknown">(0, t.deductibleRemaining(moneyHint), moneyOrUnknown),
    deductibleAnnual: optional(t.deductibleAnnual(moneyHint), money),
    copay: withDefault(0, t.copay(moneyHint), money),
    coinsurancePercent: withDefault(0, t.coinsurancePercent, wholeNumber(0, 100)),
    oopRemaining: optional(t.oopRemaining(moneyHint), money),
    coveredVisits: optional(t.coveredVisits, wholeNumber(0, 365)),
    benefitLimitRemaining: optional(t.benefitLimitRemaining(moneyHint), money),
    planYearStart: withDefault("01-01", t.planYearStart, monthDay),
    oopAnnual: optional(t.oopAnnual(moneyHint), money),
    coveredVisitsAnnual: optional(t.coveredVisitsAnnual, wholeNumber(0, 365)),
    benefitLimitAnnual: optional(t.benefitLimitAnnual(moneyHint), money),
    accidentDate: optional(t.accidentDate, calendarDate),
    pipRemaining: withDefault(
      oregonPip.minimumMedicalCents,
      t.pipRemaining(moneyHint, formatCents(oregonPip.minimumMedicalCents).replace(/\.00$/, "")),
      money,
    ),
  };
}

/** The query-string names the estimator reads, in the order the page asks for them (so its error summary follows the form). */
export type EstimateField = keyof ReturnType<typeof fieldsIn>;
export const estimateFields = Object.keys(fieldsIn(messages.en.estimator.input)) as EstimateField[];

// Each yearly amount, with the "left this year" amount it may not be smaller than.
const yearlyPairs = [
  ["deductibleRemaining", "deductibleAnnual"],
  ["oopRemaining", "oopAnnual"],
  ["coveredVisits", "coveredVisitsAnnual"],
  ["benefitLimitRemaining", "benefitLimitAnnual"],
] as const;

/**
 * The estimator's inputs as they arrive in a query string or a plain GET form (every value a
 * string, blank fields absent). Parsing yields amounts in integer cents under the clinic's names;
 * unknown parameters are dropped. Messages name the field and the fix, never the value sent.
 */
function schemaIn(t: InputMessages) {
  return (
    z
      .object(fieldsIn(t))
      // Runs even when a field has a problem (`when`), so every problem shows at once; a field that
      // failed holds its raw text here, hence the checks for a number or a valid date.
      .superRefine(
        (q, ctx) => {
          const issue = (path: EstimateField, message: string) =>
            ctx.addIssue({ code: "custom", path: [path], message });
          const isCents = (value: unknown) => typeof value === "number";
          if (isCents(q.allowedPerUnit) && isCents(q.allowedPerVisit)) {
            const both = t.both;
            issue("allowedPerUnit", both);
            issue("allowedPerVisit", both);
          } else if (
            usesHealthPlan(q.coverage) &&
            q.allowedPerUnit === undefined &&
            q.allowedPerVisit === undefined
          ) {
            issue("allowedPerUnit", t.needAllowed(t.moneyHint));
          }
          if (q.deductibleRemaining === "unknown" && q.deductibleAnnual === undefined) {
            issue("deductibleAnnual", t.needDeductibleAnnual);
          }
          for (const [remaining, annual] of yearlyPairs) {
            const left = q[remaining];
            const year = q[annual];
            if (isCents(left) && isCents(year) && left! > year!) {
              issue(annual, t.yearlyAtLeast(t.yearly[annual]));
            }
          }
          if (q.coverage === "pip") {
            if (q.accidentDate === undefined) issue("accidentDate", t.pipAccident);
            if (q.startDate === undefined) issue("startDate", t.pipStart);
          }
          const accident = q.accidentDate && calendarDate(q.accidentDate);
          const start = q.startDate && calendarDate(q.startDate);
          if (accident && start && start < accident) {
            issue("startDate", t.startBeforeAccident);
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
      }))
  );
}

const schemas = { en: schemaIn(messages.en.estimator.input), es: schemaIn(messages.es.estimator.input) };

/** The schema with English messages (the API's language). */
export const estimateInputSchema = schemas.en;

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
  lang: Lang = "en",
): { success: true; data: EstimateInput } | { success: false; issues: FieldIssue[] } {
  const record: Record<string, string> = {};
  const repeated = new Set<string>();
  for (const name of estimateFields) {
    const given = params.getAll(name).filter((value) => value.trim() !== "");
    if (given.length > 1) repeated.add(name);
    if (given.length > 0) record[name] = given[0]!;
  }
  const parsed = schemas[lang].safeParse(record);
  const t = messages[lang].estimator.input;
  const issues: FieldIssue[] = [...repeated].map((path) => ({
    path,
    message: t.repeated(t.labels[path as EstimateField]),
  }));
  for (const issue of parsed.error?.issues ?? []) {
    const path = issue.path.join(".");
    if (!repeated.has(path)) issues.push({ path, message: issue.message });
  }
  return parsed.success && issues.length === 0
    ? { success: true, data: parsed.data }
    : { success: false, issues };
}
