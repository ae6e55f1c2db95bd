/**
 * The motor-vehicle-accident (MVA) claim submission: one schema for the browser form and the
 * Hono route, plus {@link mvaClaimWarnings} for things staff should raise but not reject.
 */
import * as z from "zod/mini";
import { addYears, todayInOregon } from "../dates";
import { pipWindowEnd } from "../submissions/form-rules";
import { normalizeUsPhoneWithExtension } from "../phone";
import {
  choice,
  dateField,
  limits,
  optionalEmail,
  optionalNormalizedText,
  optionalText,
  phoneField,
  preprocess,
  requiredText,
  todayFrom,
  whenValid,
  withDateParts,
  type SchemaOptions,
} from "./builders";
import {
  checkContact,
  closingFields,
  closingShape,
  patientFields,
  patientShape,
  type FieldMeta,
} from "./common";
import type { MvaClaimMessages } from "../i18n/forms-en";

const yesNo = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
] as const;

/** Form metadata for every MVA-claim field, in form order (keys match the schema exactly). */
export const mvaClaimFields = {
  ...patientFields,
  autoInsurer: {
    label: "Auto insurance company handling the claim",
    required: true,
    input: "text",
    section: "claim",
    maxLength: limits.name,
  },
  claimNumber: {
    label: "Claim number",
    required: true,
    input: "text",
    section: "claim",
    maxLength: limits.identifier,
  },
  accidentDate: {
    label: "Date of the accident",
    hint: "For example 3/4/2026.",
    required: true,
    input: "date",
    section: "claim",
  },
  adjusterName: {
    label: "Claim adjuster's name",
    required: true,
    input: "text",
    section: "claim",
    maxLength: limits.name,
  },
  adjusterPhone: {
    label: "Claim adjuster's phone",
    hint: "For example (541) 555-0123; add an extension like x45 if there is one.",
    required: true,
    input: "tel",
    section: "claim",
  },
  adjusterEmail: {
    label: "Claim adjuster's email",
    required: false,
    input: "email",
    section: "claim",
    maxLength: limits.email,
  },
  policyNumber: {
    label: "Auto policy number",
    required: false,
    input: "text",
    section: "claim",
    maxLength: limits.identifier,
  },
  claimWithOwnInsurer: {
    label: "Is the claim with your own auto insurance company?",
    hint: "A claim with your own auto insurer may let its Personal Injury Protection (PIP) pay us as your care happens, whoever was at fault.",
    required: true,
    input: "radio",
    section: "claim",
    options: [...yesNo, { value: "not-sure", label: "Not sure" }],
  },
  atFaultInsurer: {
    label: "The other driver's auto insurance company",
    hint: "If another driver was at fault and you know their insurer.",
    required: false,
    input: "text",
    section: "claim",
    maxLength: limits.name,
  },
  prescriptionSent: {
    label: "Has your doctor or chiropractor sent us a prescription for massage?",
    required: true,
    input: "radio",
    section: "claim",
    options: yesNo,
  },
  healthInsuranceFallback: {
    label: "Health insurance company",
    hint: "If there is no PIP coverage, you may be able to use your health insurance, or we can talk about other ways to pay.",
    required: false,
    input: "text",
    section: "otherPayment",
    maxLength: limits.name,
  },
  attorneyName: {
    label: "Attorney's name",
    hint: "If an attorney represents you for this accident.",
    required: false,
    input: "text",
    section: "otherPayment",
    maxLength: limits.name,
  },
  attorneyPhone: {
    label: "Attorney's phone",
    required: false,
    input: "tel",
    section: "otherPayment",
  },
  ...closingFields,
} as const satisfies Record<string, FieldMeta>;

/**
 * The MVA-claim schema. Accepts HTML-form strings and JSON; outputs normalised values
 * (phones "(541) 555-0123 ext. 45", ISO dates, blank optionals undefined).
 */
export function mvaClaimSchema(options: SchemaOptions<MvaClaimMessages>) {
  const today = todayFrom(options);
  const m = options.messages;
  const t = m.mva;
  const say = m.builders;
  const shape = {
    ...patientShape(today, m),
    autoInsurer: requiredText({ ...t.autoInsurer, max: limits.name, say }),
    claimNumber: z.pipe(
      requiredText({ ...t.claimNumber, max: limits.identifier, say }),
      z.string().check(z.regex(/^[A-Za-z0-9 -]+$/, { error: t.claimNumberCharacters })),
    ),
    // Bounds: not in the future, and within the last ten years (PIP pays for two).
    accidentDate: dateField({ ...t.accidentDate, say }, (iso) =>
      iso > today() ? t.accidentInFuture : iso < addYears(today(), -10) ? t.accidentTooOld : null,
    ),
    adjusterName: requiredText({ ...t.adjusterName, max: limits.name, name: true, say }),
    adjusterPhone: phoneField(t.adjusterPhone, normalizeUsPhoneWithExtension),
    adjusterEmail: optionalEmail(t.adjusterEmail.invalid, t.adjusterEmail.tooLong),
    policyNumber: optionalText({ ...t.policyNumber, max: limits.identifier, say }),
    claimWithOwnInsurer: choice(["yes", "no", "not-sure"], t.claimWithOwnInsurer),
    atFaultInsurer: optionalText({ ...t.atFaultInsurer, max: limits.name, say }),
    prescriptionSent: choice(["yes", "no"], t.prescriptionSent),
    healthInsuranceFallback: optionalText({ ...t.healthInsuranceFallback, max: limits.name, say }),
    attorneyName: optionalText({ ...t.attorneyName, max: limits.name, name: true, say }),
    attorneyPhone: optionalNormalizedText(normalizeUsPhoneWithExtension, { invalid: t.attorneyPhone }),
    ...closingShape(m),
  } satisfies Record<keyof typeof mvaClaimFields, z.ZodMiniType>;

  const object = z.object(shape, { error: m.notAnObject });
  return preprocess(withDateParts, object).check(
    z.superRefine<z.output<typeof object>>(checkContact(m), { when: whenValid("preferredContact", "email") }),
  );
}

/** A validated, normalised MVA-claim submission. */
export type MvaClaimInput = z.output<ReturnType<typeof mvaClaimSchema>>;

/**
 * Things to tell the patient and staff without rejecting the claim. Today: an accident more
 * than two years ago, since Oregon PIP covers expenses incurred within two years of the injury
 * (ORS 742.524(1)(a)).
 */
export function mvaClaimWarnings(
  input: Pick<MvaClaimInput, "accidentDate">,
  m: MvaClaimMessages,
  today: string = todayInOregon(),
): string[] {
  const warnings: string[] = [];
  if (today > pipWindowEnd(input.accidentDate)) warnings.push(m.notices.accidentOld);
  return warnings;
}
