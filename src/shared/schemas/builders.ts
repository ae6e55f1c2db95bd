/**
 * Field builders for the submission schemas: each accepts both HTML-form strings and JSON values
 * and reports problems in plain words. Built with `zod/mini` (functions instead of methods) so
 * the form pages stay within their JavaScript budget; `preprocess(fn, schema)` below is what
 * classic zod's `z.preprocess` is.
 */
import * as z from "zod/mini";
import { parseDateInput, todayInOregon } from "../dates";
import { normalizeUsPhone } from "../phone";
import { removeInvisibleCharacters } from "../text";
import type { CommonWords } from "../i18n/forms-en";
import type { Lang } from "../i18n/messages";

/** Options every submission schema builder takes. */
export interface SchemaOptions<Messages extends CommonWords = CommonWords> {
  /** Today's date as "YYYY-MM-DD"; defaults to today in Oregon at parse time. */
  today?: string;
  /**
   * The messages' language (`formMessages[lang]`). Always given, so a page's script bundles only
   * the language it fetched.
   */
  messages: Messages;
}

/** The builders' own words (a letter missing, a date part out of range). */
type BuilderWords = CommonWords["builders"];

/** Maximum lengths, shared by the schemas and the forms' `maxlength` attributes. */
export const limits = {
  name: 100,
  email: 254,
  shortText: 60,
  identifier: 40,
  focusAreas: 500,
  message: 2000,
} as const;

/** Classic zod's `z.preprocess`: `fn` runs on the raw input, then `schema` parses its result. */
export function preprocess<S extends z.core.$ZodType>(
  fn: (value: unknown) => unknown,
  schema: S,
): z.ZodMiniPipe<z.ZodMiniTransform<unknown, unknown>, S> {
  return z.pipe(z.transform(fn), schema);
}

/**
 * Classic zod's `ctx.addIssue` inside a transform (zod/mini's transform context has none): a
 * custom issue with `message`, at `path` under the transformed value when given.
 */
export function addIssue(
  payload: z.core.ParsePayload,
  issue: { message: string; path?: PropertyKey[] },
): void {
  payload.issues.push({ code: "custom", input: payload.value, ...issue });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A form string or JSON scalar → trimmed text, or undefined when blank; other values pass through. */
function toText(value: unknown, multiline: boolean): unknown {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value !== "string") return value ?? undefined;
  const visible = removeInvisibleCharacters(value);
  const text = multiline ? visible.replace(/\r\n?/g, "\n").trim() : visible.replace(/\s+/g, " ").trim();
  return text === "" ? undefined : text;
}

/** A UTF-16 surrogate without its pair: not a character at all (it shows as "�"). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LETTER = /\p{L}/u;

/** What every free-text field says about itself. */
interface TextRule {
  /** The field in a sentence: "the patient's first name". */
  label: string;
  max: number;
  tooLong: string;
  multiline?: boolean;
  /** A person's or company's name: it must hold at least one letter. */
  name?: boolean;
  say: BuilderWords;
}

/** The checks every free text gets: its length, characters that can be read, a letter in a name. */
function textChecks(rule: TextRule) {
  const say = rule.say;
  return [
    z.maxLength(rule.max, { error: rule.tooLong }),
    z.refine<string>((text) => !LONE_SURROGATE.test(text), {
      error: say.unreadable(rule.label),
    }),
    ...(rule.name
      ? [z.refine<string>((text) => LETTER.test(text), { error: say.useLetters(rule.label) })]
      : []),
  ];
}

/** Required free text: trimmed (inner whitespace collapsed unless multiline) and at most `max` characters. */
export function requiredText(rule: TextRule & { missing: string }) {
  return preprocess(
    (value) => toText(value, rule.multiline ?? false),
    z.string({ error: rule.missing }).check(...textChecks(rule)),
  );
}

/** Optional free text: blank → undefined; otherwise as {@link requiredText}. */
export function optionalText(rule: TextRule & { invalid: string }) {
  return preprocess(
    (value) => toText(value, rule.multiline ?? false),
    z.optional(z.string({ error: rule.invalid }).check(...textChecks(rule))),
  );
}

/**
 * Required text passed through `normalize` (a phone, a date, …); a null result is reported with
 * `invalid`. `check` may then return an error message for a well-formed value (a date in the future).
 */
function normalizedText(
  normalize: (text: string) => string | null,
  messages: { missing: string; invalid: string },
  check?: (value: string) => string | null,
) {
  return preprocess(
    (value) => toText(value, false),
    z.pipe(
      z.string({ error: messages.missing }),
      z.transform((text: string, ctx) => {
        const value = normalize(text);
        const problem = value === null ? messages.invalid : (check?.(value) ?? null);
        if (problem === null) return value!;
        addIssue(ctx, { message: problem });
        return z.NEVER;
      }),
    ),
  );
}

/** Optional variant of {@link normalizedText}: blank → undefined. */
export function optionalNormalizedText(
  normalize: (text: string) => string | null,
  messages: { invalid: string },
  check?: (value: string) => string | null,
) {
  return preprocess(
    (value) => toText(value, false),
    z.optional(normalizedText(normalize, { missing: messages.invalid, invalid: messages.invalid }, check)),
  );
}

/** One of `values`, matched after trimming and `canonical` (lower-casing by default). */
export function choice<const T extends readonly [string, ...string[]]>(
  values: T,
  message: string,
  canonical: (text: string) => string = (text) => text.toLowerCase(),
) {
  return preprocess(
    (value) => (typeof value === "string" ? canonical(value.trim()) : value),
    z.enum(values, { error: message }),
  );
}

const TICKED = new Set(["on", "yes", "true", "1"]);

/** A checkbox that must be ticked: true, "on", "yes", "true" or "1" → true. */
export function requiredCheckbox(message: string) {
  return preprocess(
    (value) => value === true || (typeof value === "string" && TICKED.has(value.trim().toLowerCase())),
    z.literal(true, { error: message }),
  );
}

/** The parts of a date-input field, in the order the forms ask for them (US order). */
export const dateParts = ["month", "day", "year"] as const;
type DatePart = (typeof dateParts)[number];

/**
 * A form post's date parts (`startDate-month`, `startDate-day`, `startDate-year`) → one value
 * `startDate: { month, day, year }` that the date fields read; an ISO or US date string sent as
 * `startDate` (the JSON API) passes through untouched. Runs on the whole body, before the object.
 */
export function withDateParts(value: unknown): unknown {
  if (!isRecord(value)) return value;
  const record: Record<string, unknown> = { ...value };
  for (const key of Object.keys(value)) {
    const match = /^(.+)-(month|day|year)$/.exec(key);
    if (!match) continue;
    const name = match[1]!;
    const parts = isRecord(record[name]) ? (record[name] as Record<string, unknown>) : {};
    record[name] = { ...parts, [match[2]!]: value[key] };
    delete record[key];
  }
  return record;
}

const partRules: Record<DatePart, { pattern: RegExp; max: number }> = {
  month: { pattern: /^\d{1,2}$/, max: 12 },
  day: { pattern: /^\d{1,2}$/, max: 31 },
  year: { pattern: /^\d{4}$/, max: 9999 },
};

function partText(value: unknown): string {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return typeof value === "string" ? removeInvisibleCharacters(value).trim() : "";
}

/** What a date field says about itself: its name in errors ("Date of birth") and its messages. */
interface DateRule {
  label: string;
  missing: string;
  /** For a date typed as one piece of text (the JSON API): the format to use. */
  invalid: string;
  say: BuilderWords;
}

/**
 * A date sent as parts or as text → ISO, or the problems: a missing part or a part out of range
 * is reported at that part's path ("startDate.month"), a date that does not exist at the field.
 */
function readDate(
  value: unknown,
  rule: DateRule,
): { iso: string } | { problems: { message: string; path?: PropertyKey[] }[] } | undefined {
  if (typeof value === "string") {
    const text = value.trim();
    if (text === "") return undefined;
    const iso = parseDateInput(text);
    return iso ? { iso } : { problems: [{ message: rule.invalid }] };
  }
  if (!isRecord(value))
    return value === undefined || value === null ? undefined : { problems: [{ message: rule.invalid }] };
  const texts = Object.fromEntries(dateParts.map((part) => [part, partText(value[part])])) as Record<
    DatePart,
    string
  >;
  const missing = dateParts.filter((part) => texts[part] === "");
  if (missing.length === dateParts.length) return undefined;
  const { say } = rule;
  const problems: { message: string; path?: PropertyKey[] }[] = [];
  for (const part of missing) problems.push({ path: [part], message: say.mustInclude(rule.label, missing) });
  for (const part of dateParts) {
    const { pattern, max } = partRules[part];
    const text = texts[part];
    if (text !== "" && (!pattern.test(text) || Number(text) < 1 || Number(text) > max))
      problems.push({ path: [part], message: say.partLine(rule.label, say.partProblem[part]) });
  }
  if (problems.length > 0) return { problems };
  const iso = isoFromParts(Number(texts.year), Number(texts.month), Number(texts.day));
  return iso ? { iso } : { problems: [{ message: say.notRealDate(rule.label) }] };
}

/** The ISO date a form's values make for date field `name` (parts or text), or null: for live notices. */
export function typedDate(values: Record<string, unknown>, name: string, say: BuilderWords): string | null {
  const record = withDateParts(values) as Record<string, unknown>;
  const read = readDate(record[name], { label: "", missing: "", invalid: "", say });
  return read && "iso" in read ? read.iso : null;
}

function isoFromParts(year: number, month: number, day: number): string | null {
  return parseDateInput(`${year}-${month}-${day}`);
}

function dateTransform(rule: DateRule, required: boolean, check?: (iso: string) => string | null) {
  return z.transform((value: unknown, ctx) => {
    const read = readDate(value, rule);
    if (read === undefined) {
      if (!required) return undefined;
      addIssue(ctx, { message: rule.missing });
      return z.NEVER;
    }
    const problems =
      "iso" in read
        ? [check?.(read.iso)].filter((p) => p).map((message) => ({ message: message! }))
        : read.problems;
    for (const problem of problems) addIssue(ctx, problem);
    return problems.length > 0 || !("iso" in read) ? z.NEVER : read.iso;
  });
}

/**
 * A required ISO "YYYY-MM-DD" date, sent as month, day and year parts (the forms) or as text
 * ("2026-03-04" or "3/4/2026", the JSON API); `check` may reject a real date (one in the future).
 */
export function dateField(rule: DateRule, check?: (iso: string) => string | null) {
  return z.pipe(dateTransform(rule, true, check), z.string());
}

/** Optional variant of {@link dateField}: nothing given → undefined. */
export function optionalDateField(rule: Omit<DateRule, "missing">, check?: (iso: string) => string | null) {
  return z.pipe(dateTransform({ ...rule, missing: rule.invalid }, false, check), z.optional(z.string()));
}

/** A US phone number normalised to "(541) 555-0123" by `normalize`. */
export function phoneField(
  messages: { missing: string; invalid: string },
  normalize: (text: string) => string | null = normalizeUsPhone,
) {
  return normalizedText(normalize, messages);
}

/** An email address, trimmed; `invalid` is reported for anything that is not one. */
export function optionalEmail(invalid: string, tooLong: string) {
  return preprocess(
    (value) => toText(value, false),
    z.optional(z.email({ error: invalid }).check(z.maxLength(limits.email, { error: tooLong }))),
  );
}

/**
 * For a cross-field `z.superRefine` check: run only when the object parsed as an object and none of
 * `keys` has an issue of its own, so a field never gets a second, confusing message.
 */
export function whenValid(...keys: string[]) {
  return (payload: { value: unknown; issues: readonly { path?: PropertyKey[] }[] }) =>
    isRecord(payload.value) && !payload.issues.some((issue) => keys.includes(String(issue.path?.[0])));
}

/** Today as "YYYY-MM-DD", read at parse time so a long-lived schema never goes stale. */
export function todayFrom(options: SchemaOptions): () => string {
  return () => options.today ?? todayInOregon();
}

/** The language a form post asked for: "es", or English for anything else (or nothing). */
export function readLang(value: unknown): Lang {
  return typeof value === "string" && value.trim().toLowerCase() === "es" ? "es" : "en";
}
