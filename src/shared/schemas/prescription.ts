/**
 * The prescription submission: one schema for the browser form (shape checks only) and the
 * Hono route (which passes `checkDiagnosisCode: diagnosisCodeError` from the server-only
 * `icd10` module to check codes against the list).
 */
import * as z from "zod/mini";
import { addYears } from "../dates";
import { isValidNpi } from "../npi";
import { visitsFitNotice } from "../submissions/form-rules";
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
import { checkContact, closingShape, normalizeIcd10, patientShape } from "./common";
import type { PrescriptionMessages } from "../i18n/forms-en";
import { prescriberCredentials, prescriptionFields, senders } from "./prescription-fields";

export { prescriptionFields };

/** At most this many diagnosis codes per prescription. */
const maxDiagnosisCodes = 12;

/** Options for {@link prescriptionSchema}. */
export interface PrescriptionSchemaOptions extends SchemaOptions<PrescriptionMessages> {
  /** Server-side list check for one normalised code: an error message, or null to accept it. */
  checkDiagnosisCode?: (code: string) => string | null;
}

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
export function prescriptionSchema(options: PrescriptionSchemaOptions) {
  const today = todayFrom(options);
  const m = options.messages;
  const t = m.prescription;
  const say = m.builders;
  const shape = {
    sentBy: choice(senders, t.sentBy),
    senderName: optionalText({ ...t.senderName, max: limits.name, name: true, say }),
    senderRole: optionalText({ ...t.senderRole, max: limits.shortText, say }),
    senderPhone: optionalNormalizedText(normalizeUsPhoneWithExtension, { invalid: t.senderPhone.invalid }),
    ...patientShape(today, m),
    prescriberName: requiredText({ ...t.prescriberName, max: limits.name, name: true, say }),
    prescriberCredential: choice(prescriberCredentials, t.prescriberCredential, canonicalCredential),
    prescriberPhone: phoneField(t.prescriberPhone, normalizeUsPhoneWithExtension),
    prescriberFax: optionalNormalizedText(normalizeUsPhone, { invalid: t.prescriberFax }),
    prescriberNpi: optionalNormalizedText(
      (text) => text.replace(/[\s-]/g, ""),
      { invalid: t.prescriberNpi.invalid },
      (npi) =>
        isValidNpi(npi) ? null : /^\d{10}$/.test(npi) ? t.prescriberNpi.failsCheck : t.prescriberNpi.invalid,
    ),
    // Bounds: a start date from two years ago to one year ahead; an end date not yet past.
    startDate: dateField({ ...t.startDate, say }, (iso) =>
      iso < addYears(today(), -2) ? t.startTooOld : iso > addYears(today(), 1) ? t.startTooLate : null,
    ),
    endDate: dateField({ ...t.endDate, say }, (iso) => (iso < today() ? t.ended : null)),
    visitsAuthorized: preprocess(
      (value) => (typeof value === "string" && /^\s*\d+\s*$/.test(value) ? Number(value) : value),
      z
        .number({ error: t.visitsAuthorized.invalid })
        .check(
          z.int({ error: t.visitsAuthorized.invalid }),
          z.gte(1, { error: t.visitsAuthorized.tooFew }),
          z.lte(60, { error: t.visitsAuthorized.tooMany }),
        ),
    ),
    frequency: optionalText({ ...t.frequency, max: limits.shortText, say }),
    diagnosisCodes: diagnosisCodeList(options.checkDiagnosisCode, t.diagnosisCodes),
    focusAreas: requiredText({ ...t.focusAreas, max: limits.focusAreas, multiline: true, say }),
    insuranceCarrier: optionalText({ ...t.insuranceCarrier, max: limits.name, say }),
    memberId: optionalText({ ...t.memberId, max: limits.identifier, say }),
    groupNumber: optionalText({ ...t.groupNumber, max: limits.identifier, say }),
    ...closingShape(m),
  } satisfies Record<keyof typeof prescriptionFields, z.ZodMiniType>;

  type Parsed = z.output<z.ZodMiniObject<typeof shape>>;

  const object = z.object(shape, { error: m.notAnObject });
  return preprocess(withDateParts, object).check(
    z.superRefine<Parsed>(checkContact(m), { when: whenValid("preferredContact", "email") }),
    z.superRefine<Parsed>(checkSender(t), {
      when: whenValid("sentBy", "senderName", "senderRole", "senderPhone", "insuranceCarrier", "memberId"),
    }),
    z.superRefine<Parsed>(
      (value, ctx) => {
        if (value.endDate <= value.startDate) {
          ctx.addIssue({ code: "custom", path: ["endDate"], message: t.endBeforeStart });
        } else if (value.endDate > addYears(value.startDate, 1)) {
          ctx.addIssue({ code: "custom", path: ["endDate"], message: t.endTooLate });
        }
      },
      { when: whenValid("startDate", "endDate") },
    ),
  );
}

const senderFields = ["senderName", "senderRole", "senderPhone"] as const;
const insuranceFields = ["insuranceCarrier", "memberId"] as const;

/**
 * Who sends decides what is needed: a prescriber's office gives the sender's name, role and
 * phone, and may leave the insurance for staff to collect from the patient; a patient gives the
 * insurance.
 */
function checkSender(t: PrescriptionMessages["prescription"]) {
  return (
    value: { sentBy: (typeof senders)[number] } & Partial<
      Record<(typeof senderFields)[number] | (typeof insuranceFields)[number], string>
    >,
    ctx: z.core.$RefinementCtx,
  ): void => {
    const needed = value.sentBy === "prescriber_office" ? senderFields : insuranceFields;
    for (const path of needed) {
      if (!value[path]) ctx.addIssue({ code: "custom", path: [path], message: t[path].missing });
    }
  };
}

function diagnosisCodeList(
  check: ((code: string) => string | null) | undefined,
  t: PrescriptionMessages["prescription"]["diagnosisCodes"],
) {
  const missing = t.missing;
  return preprocess(
    splitDiagnosisCodes,
    z.pipe(
      z.array(z.string({ error: missing }), { error: missing }),
      z.transform((texts: string[], ctx) => {
        // Far more entries than a prescription can hold (repeats aside): one message, not one per entry.
        if (texts.length > 2 * maxDiagnosisCodes) {
          addIssue(ctx, { path: [], message: t.atMost(maxDiagnosisCodes) });
          return z.NEVER;
        }
        const codes = new Set<string>();
        const problems: { path: number[]; message: string }[] = [];
        texts.forEach((text, index) => {
          const code = normalizeIcd10(text);
          const problem = code === null ? t.notACode : (check?.(code) ?? null);
          if (problem === null) codes.add(code!);
          else problems.push({ path: [index], message: t.numbered(index + 1, problem) });
        });
        if (texts.length === 0) problems.push({ path: [], message: missing });
        if (codes.size > maxDiagnosisCodes) {
          problems.push({ path: [], message: t.atMost(maxDiagnosisCodes) });
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
export function typedVisitsNotice(
  values: Record<string, string | undefined>,
  m: PrescriptionMessages,
): string | null {
  const startDate = typedDate(values, "startDate", m.builders);
  const endDate = typedDate(values, "endDate", m.builders);
  const visits = values.visitsAuthorized?.trim() ?? "";
  if (!startDate || !endDate || !/^\d+$/.test(visits) || Number(visits) < 1) return null;
  const frequency = values.frequency?.trim() || undefined;
  return visitsFitNotice({ startDate, endDate, visitsAuthorized: Number(visits), frequency }, m);
}

/** A validated, normalised prescription submission. */
export type PrescriptionInput = z.output<ReturnType<typeof prescriptionSchema>>;
