import { z } from "zod";
import { clinic, type CptCode } from "./clinic";

/** Largest dollar amount any money field accepts, in cents ($100,000.00). */
export const maxMoneyCents = 10_000_000;

const dollarsPattern = /^(\d+)(?:\.(\d{1,2}))?$/;

/**
 * Cents from a dollar amount typed as text ("27.50", "27", "27.5" → 2750), by string
 * arithmetic so no binary fraction ever touches money; `undefined` for anything else
 * ("27.505", "-1", "1e3", "$5", "") or for more than $100,000.00.
 */
export function dollarsToCents(dollars: string): number | undefined {
  const match = dollarsPattern.exec(dollars);
  if (!match) return undefined;
  const whole = match[1]!.replace(/^0+(?=\d)/, "");
  if (whole.length > 6) return undefined;
  const cents = Number(whole) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
  return cents <= maxMoneyCents ? cents : undefined;
}

/** The dollar text for integer cents, as a query string carries it: 2750 → "27.50". */
export function centsToDollars(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;
}

/** A query-string value: surrounding spaces trimmed, and an empty field (a blank form input) made absent. */
function fieldText(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const trimmed = value.trim();
  return trimmed === "" ? undefined : trimmed;
}

/** A field read from text; `read` returns `undefined` when the text is not acceptable, and `message` says how to fix it. */
function field<T>(message: string, read: (text: string) => T | undefined) {
  return z.string({ error: message }).transform((text, ctx) => {
    const value = read(text);
    if (value === undefined) {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    return value;
  });
}

function required<T>(message: string, read: (text: string) => T | undefined) {
  return z.preprocess(fieldText, field(message, read));
}

function optional<T>(message: string, read: (text: string) => T | undefined) {
  return z.preprocess(fieldText, field(message, read).optional());
}

function withDefault<T extends NonNullable<unknown>>(
  fallback: T,
  message: string,
  read: (text: string) => T | undefined,
) {
  return z.preprocess(fieldText, field(message, read).optional()).transform((value) => value ?? fallback);
}

function wholeNumber(min: number, max: number) {
  return (text: string): number | undefined => {
    if (!/^\d{1,6}$/.test(text)) return undefined;
    const n = Number(text);
    return n >= min && n <= max ? n : undefined;
  };
}

const yesNo = (text: string): boolean | undefined =>
  text.toLowerCase() === "true" ? true : text.toLowerCase() === "false" ? false : undefined;

const cptCode = (text: string): CptCode | undefined =>
  Object.hasOwn(clinic.cptCodes, text) ? (text as CptCode) : undefined;

const moneyHint = "in dollars and cents, like 25 or 25.50, from 0 to 100000";

/**
 * The estimator's inputs as they arrive in a query string or a plain GET form (every value a
 * string, blank fields absent). Parsing yields amounts in integer cents under the clinic's names;
 * unknown parameters are dropped. Messages name the field and the fix, never the value sent.
 */
export const estimateInputSchema = z
  .object({
    minutes: required(
      "Enter the length of each visit in minutes as a whole number from 8 to 240.",
      wholeNumber(8, 240),
    ),
    visits: required("Enter the number of visits as a whole number from 1 to 104.", wholeNumber(1, 104)),
    allowedPerUnit: required(
      `Enter your plan's allowed amount for one 15-minute unit ${moneyHint}.`,
      dollarsToCents,
    ),
    deductibleRemaining: withDefault(
      0,
      `Enter the deductible you still have to pay this year ${moneyHint}, or leave it blank for $0.`,
      dollarsToCents,
    ),
    deductibleApplies: withDefault(
      true,
      "Choose whether your deductible applies to massage: true or false. Leave it blank if you are not sure.",
      yesNo,
    ),
    copay: withDefault(
      0,
      `Enter your copay for each visit ${moneyHint}, or leave it blank for $0.`,
      dollarsToCents,
    ),
    coinsurancePercent: withDefault(
      0,
      "Enter your coinsurance as a whole percent from 0 to 100, without the % sign, or leave it blank for 0.",
      wholeNumber(0, 100),
    ),
    oopRemaining: optional(
      `Enter what is left of your out-of-pocket maximum ${moneyHint}, or leave it blank if you do not know it.`,
      dollarsToCents,
    ),
    coveredVisits: optional(
      "Enter how many visits your plan still covers as a whole number from 0 to 365, or leave it blank if there is no limit.",
      wholeNumber(0, 365),
    ),
    cpt: withDefault<CptCode>(
      "97124",
      "Choose the service code: 97124 for massage or 97140 for manual therapy.",
      cptCode,
    ),
  })
  .transform((query) => ({
    minutes: query.minutes,
    visits: query.visits,
    allowedPerUnitCents: query.allowedPerUnit,
    deductibleRemainingCents: query.deductibleRemaining,
    deductibleApplies: query.deductibleApplies,
    copayCents: query.copay,
    coinsurancePercent: query.coinsurancePercent,
    oopRemainingCents: query.oopRemaining,
    coveredVisits: query.coveredVisits,
    cpt: query.cpt,
  }));

/** The estimator's inputs after parsing: minutes, counts and a percent as whole numbers, money in cents. */
export type EstimateInput = z.output<typeof estimateInputSchema>;

/** The query string for an input, for a shareable `/estimate?…` link; absent optional fields are left out. */
export function toQuery(input: EstimateInput): URLSearchParams {
  const query = new URLSearchParams({
    minutes: String(input.minutes),
    visits: String(input.visits),
    allowedPerUnit: centsToDollars(input.allowedPerUnitCents),
    deductibleRemaining: centsToDollars(input.deductibleRemainingCents),
    deductibleApplies: String(input.deductibleApplies),
    copay: centsToDollars(input.copayCents),
    coinsurancePercent: String(input.coinsurancePercent),
  });
  if (input.oopRemainingCents !== undefined)
    query.set("oopRemaining", centsToDollars(input.oopRemainingCents));
  if (input.coveredVisits !== undefined) query.set("coveredVisits", String(input.coveredVisits));
  query.set("cpt", input.cpt);
  return query;
}

/**
 * Example values to pre-fill the form and show as "for example" — a typical 60-minute visit
 * plan, not anyone's real coverage: 8 visits, $25.00 allowed per unit, $200 deductible left,
 * $20 copay, 20% coinsurance, no out-of-pocket maximum and no visit limit entered.
 */
export const exampleEstimateInput: EstimateInput = {
  minutes: 60,
  visits: 8,
  allowedPerUnitCents: 2500,
  deductibleRemainingCents: 20000,
  deductibleApplies: true,
  copayCents: 2000,
  coinsurancePercent: 20,
  oopRemainingCents: undefined,
  coveredVisits: undefined,
  cpt: "97124",
};
