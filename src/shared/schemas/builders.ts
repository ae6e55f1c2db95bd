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

/** Options every submission schema builder takes. */
export interface SchemaOptions {
  /** Today's date as "YYYY-MM-DD"; defaults to today in Oregon at parse time. */
  today?: string;
}

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
}

/** The checks every free text gets: its length, characters that can be read, a letter in a name. */
function textChecks(rule: TextRule) {
  return [
    z.maxLength(rule.max, { error: rule.tooLong }),
    z.refine<string>((text) => !LONE_SURROGATE.test(text), {
      error: `We could not read one of the characters in ${rule.label}. Type it again.`,
    }),
    ...(rule.name
      ? [z.refine<string>((text) => LETTER.test(text), { error: `Enter ${rule.label} using letters.` })]
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

/** An ISO "YYYY-MM-DD" date accepted as typed ("3/4/2026"); see `parseDateInput`. */
export function dateField(
  messages: { missing: string; invalid: string },
  check?: (iso: string) => string | null,
) {
  return normalizedText(parseDateInput, messages, check);
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
