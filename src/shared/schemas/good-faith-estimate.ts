/**
 * A request for a Good Faith Estimate (No Surprises Act, 45 CFR 149.610) from a patient without
 * insurance or choosing not to use it: one schema for the browser form (shape checks) and the
 * Hono route (which passes `checkDiagnosisCode` from the server-only `icd10` module).
 */
import * as z from "zod/mini";
import { clinic } from "../clinic";
import { addYears } from "../dates";
import { careFrequencies, type CareFrequency } from "../good-faith-estimate";
import type { GoodFaithEstimateMessages } from "../i18n/forms-en";
import {
  choice,
  optionalDateField,
  optionalNormalizedText,
  preprocess,
  todayFrom,
  whenValid,
  withDateParts,
  type SchemaOptions,
} from "./builders";
import {
  checkContact,
  closingFields,
  closingShape,
  normalizeIcd10,
  patientFields,
  patientShape,
  type FieldMeta,
} from "./common";

/** Most visits one request may ask about (twice a week for a year). */
export const maxRequestedVisits = 104;

const frequencyIds = Object.keys(careFrequencies) as [CareFrequency, ...CareFrequency[]];

/** Form metadata for every request field, in form order (keys match the schema exactly). */
export const goodFaithEstimateFields = {
  ...patientFields,
  coverage: {
    label: "Why are you asking for an estimate?",
    required: true,
    input: "radio",
    section: "insurance",
    options: [
      { value: "uninsured", label: "I do not have health insurance" },
      { value: "not_using_insurance", label: "I have insurance but will not use it for this care" },
    ],
  },
  service: {
    label: "Kind of care",
    hint: "Not sure? Choose massage therapy: we will check with you.",
    required: true,
    input: "radio",
    section: "care",
    options: Object.entries(clinic.cptCodes).map(([value, label]) => ({ value, label })),
  },
  sessionMinutes: {
    label: "Length of each visit",
    required: true,
    input: "select",
    section: "care",
    options: clinic.sessionLengths.map((m) => ({ value: String(m), label: `${m} minutes` })),
  },
  frequency: {
    label: "How often",
    required: true,
    input: "select",
    section: "care",
    options: frequencyIds.map((value) => ({ value, label: careFrequencies[value] })),
  },
  visits: {
    label: "How many visits",
    hint: "Leave empty if you give an end date instead. For one visit, leave it empty.",
    required: false,
    input: "number",
    section: "care",
    min: 1,
    max: maxRequestedVisits,
  },
  untilDate: {
    label: "Or: until when",
    hint: "The last date you expect care, for example 6/30/2027. An estimate covers at most 12 months.",
    required: false,
    input: "date",
    section: "care",
  },
  preferredStart: {
    label: "When would you like to start?",
    hint: "For example 1/12/2027. Leave empty if you are not sure.",
    required: false,
    input: "date",
    section: "care",
  },
  diagnosisCode: {
    label: "Diagnosis code (ICD-10), if you have one",
    hint: "From a doctor's note, for example M54.50. Leave empty if you do not have one.",
    required: false,
    input: "text",
    section: "care",
    maxLength: 10,
  },
  ...closingFields,
  consent: {
    ...closingFields.consent,
    label: "I agree that the clinic may store this information to prepare my Good Faith Estimate.",
  },
} as const satisfies Record<string, FieldMeta>;

/** The request schema: HTML-form strings or JSON in, normalised values out. */
export function goodFaithEstimateSchema(
  options: SchemaOptions<GoodFaithEstimateMessages> & {
    checkDiagnosisCode?: (code: string) => string | null;
  },
) {
  const today = todayFrom(options);
  const m = options.messages;
  const t = m.gfe;
  const futureDate = ({ what, label, example }: { what: string; label: string; example: string }) =>
    optionalDateField({ label, invalid: t.dateInvalid(what, example), say: m.builders }, (iso) =>
      iso < today() ? t.dateInPast(what) : iso > addYears(today(), 2) ? t.dateTooLate(what) : null,
    );
  const shape = {
    ...patientShape(today, m),
    coverage: choice(["uninsured", "not_using_insurance"], t.coverage),
    service: choice(
      Object.keys(clinic.cptCodes) as [keyof typeof clinic.cptCodes, ...(keyof typeof clinic.cptCodes)[]],
      t.service,
    ),
    sessionMinutes: preprocess(
      (value) => (typeof value === "string" && /^\s*\d+\s*$/.test(value) ? Number(value) : value),
      z.union(clinic.sessionLengths.map((m) => z.literal(m)) as unknown as [z.ZodMiniLiteral<number>], {
        error: t.sessionMinutes(clinic.sessionLengths.join(", ")),
      }),
    ),
    frequency: choice(frequencyIds, t.frequency),
    visits: preprocess(
      (value) =>
        value === "" || value == null
          ? undefined
          : typeof value === "string" && /^\s*\d+\s*$/.test(value)
            ? Number(value)
            : value,
      z.optional(
        z
          .number({ error: t.visits.invalid })
          .check(
            z.int({ error: t.visits.invalid }),
            z.gte(1, { error: t.visits.tooFew }),
            z.lte(maxRequestedVisits, { error: t.visits.tooMany(maxRequestedVisits) }),
          ),
      ),
    ),
    untilDate: futureDate(t.untilDate),
    preferredStart: futureDate(t.preferredStart),
    diagnosisCode: optionalNormalizedText(
      (text) => normalizeIcd10(text),
      { invalid: t.diagnosisCode },
      (code) => options.checkDiagnosisCode?.(code) ?? null,
    ),
    ...closingShape(m),
  } satisfies Record<keyof typeof goodFaithEstimateFields, z.ZodMiniType>;

  const object = z.object(shape, { error: m.notAnObject });
  return preprocess(withDateParts, object).check(
    z.superRefine<z.output<typeof object>>(checkContact(m), { when: whenValid("preferredContact", "email") }),
    z.superRefine<z.output<typeof object>>(
      (value, ctx) => {
        if (value.frequency !== "once" && value.visits === undefined && value.untilDate === undefined) {
          ctx.addIssue({
            code: "custom",
            path: ["visits"],
            message: t.visitsOrEnd,
          });
        }
        if (value.untilDate && value.preferredStart && value.untilDate < value.preferredStart) {
          ctx.addIssue({
            code: "custom",
            path: ["untilDate"],
            message: t.endBeforeStart,
          });
        }
      },
      { when: whenValid("frequency", "visits", "untilDate", "preferredStart") },
    ),
  );
}

/** A validated, normalised request for a Good Faith Estimate. */
export type GoodFaithEstimateInput = z.output<ReturnType<typeof goodFaithEstimateSchema>>;
