/**
 * The prescription submission: one schema for the browser form (shape checks only) and the
 * Hono route (which passes `checkDiagnosisCode: diagnosisCodeError` from the server-only
 * `icd10` module to check codes against the list).
 */
import * as z from "zod/mini";
import { addYears } from "../dates";
import { isValidNpi } from "../npi";
import { visitsFitNotice } from "../submissions/rules";
import { normalizeUsPhone, normalizeUsPhoneWithExtension } from "../phone";
import {
  addIssue,
  choice,
  dateField,
  limits,
  optionalNormalizedText,
  optionalText,
  phoneField,
  preprocess,
  requiredText,
  todayFrom,
  typedDate,
  whenValid,
  withDateParts,
  type SchemaOptions,
} from "./builders";
import { checkContact, closingShape, normalizeIcd10, notAnObject, patientShape } from "./common";
import { prescriberCredentials, prescriptionFields, senders } from "./prescription-fields";

export { prescriptionFields };

/** At most this many diagnosis codes per prescription. */
const maxDiagnosisCodes = 12;

/** Options for {@link prescriptionSchema}. */
export interface PrescriptionSchemaOptions extends SchemaOptions {
  /** Server-side list check for one normalised code: an error message, or null to accept it. */
  checkDiagnosisCode?: (code: string) => string | null;
}

const notACode =
  "This is not written like an ICD-10 code. Enter it as on the prescription, for example M54.50.";

function canonicalCredential(text: string): string {
  const key = text.replace(/[.\s]/g, "").toUpperCase();
  return key === "OTHER" ? "other" : key;
}

/**
 * Form values (repeated fields, comma/space-separated text, JSON arrays) → a flat list of
 * code strings. A piece whose space-separated parts are not all codes is read as one code
 * with spaces in it ("S13.4 XXA").
 */
function splitDiagnosisCodes(value: unknown): unknown {
  const values = Array.isArray(value) ? value : [value];
  if (!values.every((v) => typeof v === "string")) return value;
  const codes: string[] = [];
  for (const piece of (values as string[]).flatMap((v) => v.split(/[,;\n]/))) {
    const parts = piece.trim().split(/\s+/).filter(Boolean);
    if (parts.length > 1 && !parts.every((p) => normalizeIcd10(p)) && normalizeIcd10(piece))
      codes.push(piece);
    else codes.push(...parts);
  }
  return codes;
}

/**
 * The prescription schema. Accepts HTML-form strings and JSON; outputs normalised values
 * (phones "(541) 555-0123", ISO dates, de-duplicated ICD-10 codes, blank optionals undefined).
 */
export function prescriptionSchema(options: PrescriptionSchemaOptions = {}) {
  const today = todayFrom(options);
  const shape = {
    sentBy: choice(senders, "Choose who is filling in this form: the prescriber's office or the patient."),
    senderName: optionalText({
      max: limits.name,
      invalid: "Enter your name as text.",
      label: "your name",
      name: true,
      tooLong: "Shorten your name to 100 characters or fewer.",
    }),
    senderRole: optionalText({
      max: limits.shortText,
      invalid: "Enter your role as text, for example medical assistant.",
      label: "your role",
      tooLong: "Shorten your role to 60 characters or fewer, for example medical assistant.",
    }),
    senderPhone: optionalNormalizedText(normalizeUsPhoneWithExtension, {
      invalid:
        "Enter your office phone as a 10-digit US number with area code, for example (541) 555-0123 x45.",
    }),
    ...patientShape(today),
    prescriberName: requiredText({
      max: limits.name,
      missing: "Enter the prescriber's name, as on the prescription.",
      label: "the prescriber's name",
      name: true,
      tooLong: "Shorten the prescriber's name to 100 characters or fewer.",
    }),
    prescriberCredential: choice(
      prescriberCredentials,
      "Choose the prescriber's credential (MD, DO, NP, PA, ND, DC), or Other.",
      canonicalCredential,
    ),
    prescriberPhone: phoneField(
      {
        missing: "Enter the prescriber's office phone number, for example (541) 555-0123.",
        invalid:
          "Enter the prescriber's phone as a 10-digit US number with area code, for example (541) 555-0123 x45.",
      },
      normalizeUsPhoneWithExtension,
    ),
    prescriberFax: optionalNormalizedText(normalizeUsPhone, {
      invalid: "Enter the prescriber's fax as a 10-digit US number with area code, or leave it empty.",
    }),
    prescriberNpi: optionalNormalizedText(
      (text) => text.replace(/[\s-]/g, ""),
      { invalid: "Enter the NPI as 10 digits, or leave it empty." },
      (npi) =>
        isValidNpi(npi)
          ? null
          : /^\d{10}$/.test(npi)
            ? "Enter the NPI as 10 digits. Check it against the prescriber's records — this one does not pass the NPI check."
            : "Enter the NPI as 10 digits, or leave it empty.",
    ),
    // Bounds: a start date from two years ago to one year ahead; an end date not yet past.
    startDate: dateField(
      {
        label: "Prescription start date",
        missing: "Enter the prescription's start date, for example 3 4 2026.",
        invalid: "Enter the start date as month/day/year, for example 3/4/2026.",
      },
      (iso) =>
        iso < addYears(today(), -2)
          ? "The start date is more than two years ago. Check the year, or ask the prescriber for a new prescription."
          : iso > addYears(today(), 1)
            ? "The start date is more than a year from now. Check the year."
            : null,
    ),
    endDate: dateField(
      {
        label: "Prescription end date",
        missing: "Enter the prescription's end date, for example 6 4 2026.",
        invalid: "Enter the end date as month/day/year, for example 6/4/2026.",
      },
      (iso) =>
        iso < today()
          ? "This prescription has already ended. Check the end date, or ask the prescriber for a new prescription."
          : null,
    ),
    visitsAuthorized: preprocess(
      (value) => (typeof value === "string" && /^\s*\d+\s*$/.test(value) ? Number(value) : value),
      z
        .number({ error: "Enter the number of visits prescribed as a whole number, for example 8." })
        .check(
          z.int({ error: "Enter the number of visits prescribed as a whole number, for example 8." }),
          z.gte(1, { error: "The number of visits prescribed must be at least 1." }),
          z.lte(60, { error: "The number of visits prescribed can be at most 60. Check the prescription." }),
        ),
    ),
    frequency: optionalText({
      max: limits.shortText,
      invalid: "Enter how often as text, for example 1 per week, or leave it empty.",
      label: "how often",
      tooLong: "Shorten how often to 60 characters or fewer, for example 1 per week.",
    }),
    diagnosisCodes: diagnosisCodeList(options.checkDiagnosisCode),
    focusAreas: requiredText({
      max: limits.focusAreas,
      multiline: true,
      missing: "Enter the areas to treat, as noted on the prescription, for example neck and upper back.",
      label: "the areas to treat",
      tooLong: "Shorten the areas to treat to 500 characters or fewer.",
    }),
    insuranceCarrier: optionalText({
      max: limits.name,
      invalid: "Enter the name of the health insurance company as text.",
      label: "the insurance company's name",
      tooLong: "Shorten the insurance company's name to 100 characters or fewer.",
    }),
    memberId: optionalText({
      max: limits.identifier,
      invalid: "Enter the member ID from the insurance card as text.",
      label: "the member ID",
      tooLong: "The member ID can be at most 40 characters. Check it against the insurance card.",
    }),
    groupNumber: optionalText({
      max: limits.identifier,
      invalid: "Enter the group number from the insurance card, or leave it empty.",
      label: "the group number",
      tooLong: "The group number can be at most 40 characters. Check it against the insurance card.",
    }),
    ...closingShape(),
  } satisfies Record<keyof typeof prescriptionFields, z.ZodMiniType>;

  type Parsed = z.output<z.ZodMiniObject<typeof shape>>;

  const object = z.object(shape, { error: notAnObject });
  return preprocess(withDateParts, object).check(
    z.superRefine<Parsed>(checkContact, { when: whenValid("preferredContact", "email") }),
    z.superRefine<Parsed>(checkSender, {
      when: whenValid("sentBy", "senderName", "senderRole", "senderPhone", "insuranceCarrier", "memberId"),
    }),
    z.superRefine<Parsed>(
      (value, ctx) => {
        if (value.endDate <= value.startDate) {
          ctx.addIssue({
            code: "custom",
            path: ["endDate"],
            message: "The end date must be after the start date.",
          });
        } else if (value.endDate > addYears(value.startDate, 1)) {
          ctx.addIssue({
            code: "custom",
            path: ["endDate"],
            message: "The end date can be at most one year after the start date. Check both dates.",
          });
        }
      },
      { when: whenValid("startDate", "endDate") },
    ),
  );
}

const senderMissing = {
  senderName: "Enter your name, so we know who at the prescriber's office sent this form.",
  senderRole: "Enter your role at the prescriber's office, for example medical assistant.",
  senderPhone:
    "Enter your phone number at the office, for example (541) 555-0123 x45, so we can call you back.",
} as const;

const insuranceMissing = {
  insuranceCarrier: "Enter the name of your health insurance company.",
  memberId: "Enter the member ID from your insurance card.",
} as const;

/**
 * Who sends decides what is needed: a prescriber's office gives the sender's name, role and
 * phone, and may leave the insurance for staff to collect from the patient; a patient gives the
 * insurance.
 */
function checkSender(
  value: { sentBy: (typeof senders)[number] } & Partial<
    Record<keyof typeof senderMissing | keyof typeof insuranceMissing, string>
  >,
  ctx: z.core.$RefinementCtx,
): void {
  const needed = value.sentBy === "prescriber_office" ? senderMissing : insuranceMissing;
  for (const [path, message] of Object.entries(needed) as [keyof typeof needed, string][]) {
    if (!value[path]) ctx.addIssue({ code: "custom", path: [path], message });
  }
}

function diagnosisCodeList(check: ((code: string) => string | null) | undefined) {
  const missing = "Enter at least one diagnosis code from the prescription, for example M54.50.";
  return preprocess(
    splitDiagnosisCodes,
    z.pipe(
      z.array(z.string({ error: missing }), { error: missing }),
      z.transform((texts: string[], ctx) => {
        // Far more entries than a prescription can hold (repeats aside): one message, not one per entry.
        if (texts.length > 2 * maxDiagnosisCodes) {
          addIssue(ctx, { path: [], message: `Enter at most ${maxDiagnosisCodes} diagnosis codes.` });
          return z.NEVER;
        }
        const codes = new Set<string>();
        const problems: { path: number[]; message: string }[] = [];
        texts.forEach((text, index) => {
          const code = normalizeIcd10(text);
          const problem = code === null ? notACode : (check?.(code) ?? null);
          if (problem === null) codes.add(code!);
          else problems.push({ path: [index], message: `Diagnosis code ${index + 1}: ${problem}` });
        });
        if (texts.length === 0) problems.push({ path: [], message: missing });
        if (codes.size > maxDiagnosisCodes) {
          problems.push({ path: [], message: `Enter at most ${maxDiagnosisCodes} diagnosis codes.` });
        }
        for (const problem of problems) addIssue(ctx, problem);
        return problems.length > 0 ? z.NEVER : [...codes];
      }),
    ),
  );
}

/**
 * The notice for visits that cannot fit the dates (`visitsFitNotice`), from the form's values as
 * typed, or null while the dates or visits cannot be read: what the page shows before sending.
 */
export function typedVisitsNotice(values: Record<string, string | undefined>): string | null {
  const startDate = typedDate(values, "startDate");
  const endDate = typedDate(values, "endDate");
  const visits = values.visitsAuthorized?.trim() ?? "";
  if (!startDate || !endDate || !/^\d+$/.test(visits) || Number(visits) < 1) return null;
  const frequency = values.frequency?.trim() || undefined;
  return visitsFitNotice({ startDate, endDate, visitsAuthorized: Number(visits), frequency });
}

/** A validated, normalised prescription submission. */
export type PrescriptionInput = z.output<ReturnType<typeof prescriptionSchema>>;
