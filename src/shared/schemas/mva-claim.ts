/**
 * The motor-vehicle-accident (MVA) claim submission: one schema for the browser form and the
 * Hono route, plus {@link mvaClaimWarnings} for things staff should raise but not reject.
 */
import * as z from "zod/mini";
import { addYears, todayInOregon } from "../dates";
import { pipWindowEnd } from "../submissions/rules";
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
  notAnObject,
  patientFields,
  patientShape,
  type FieldMeta,
} from "./common";

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
export function mvaClaimSchema(options: SchemaOptions = {}) {
  const today = todayFrom(options);
  const shape = {
    ...patientShape(today),
    autoInsurer: requiredText({
      max: limits.name,
      missing: "Enter the name of the auto insurance company handling the claim.",
      label: "the auto insurance company's name",
      tooLong: "Shorten the auto insurance company's name to 100 characters or fewer.",
    }),
    claimNumber: z.pipe(
      requiredText({
        max: limits.identifier,
        missing: "Enter the claim number the auto insurance company gave you.",
        label: "the claim number",
        tooLong: "The claim number can be at most 40 characters. Check it against the insurer's letter.",
      }),
      z.string().check(
        z.regex(/^[A-Za-z0-9 -]+$/, {
          error:
            "Enter the claim number using only letters, digits, dashes and spaces, as the insurer wrote it.",
        }),
      ),
    ),
    // Bounds: not in the future, and within the last ten years (PIP pays for two).
    accidentDate: dateField(
      {
        label: "Date of the accident",
        missing: "Enter the date of the accident, for example 3 4 2026.",
        invalid: "Enter the date of the accident as month/day/year, for example 3/4/2026.",
      },
      (iso) =>
        iso > today()
          ? "The date of the accident cannot be in the future. Check the date."
          : iso < addYears(today(), -10)
            ? "The date of the accident is more than ten years ago. Check the year."
            : null,
    ),
    adjusterName: requiredText({
      max: limits.name,
      missing: "Enter the name of the claim adjuster at the auto insurance company.",
      label: "the claim adjuster's name",
      name: true,
      tooLong: "Shorten the claim adjuster's name to 100 characters or fewer.",
    }),
    adjusterPhone: phoneField(
      {
        missing: "Enter the claim adjuster's phone number, for example (541) 555-0123 x45.",
        invalid:
          "Enter the claim adjuster's phone as a 10-digit US number with area code, for example (541) 555-0123 x45.",
      },
      normalizeUsPhoneWithExtension,
    ),
    adjusterEmail: optionalEmail(
      "Enter the claim adjuster's email like name@example.com, or leave it empty.",
      "Shorten the claim adjuster's email to 254 characters or fewer.",
    ),
    policyNumber: optionalText({
      max: limits.identifier,
      invalid: "Enter the auto policy number as on the insurance card, or leave it empty.",
      label: "the auto policy number",
      tooLong: "The auto policy number can be at most 40 characters. Check it against the insurance card.",
    }),
    claimWithOwnInsurer: choice(
      ["yes", "no", "not-sure"],
      "Choose whether the claim is with your own auto insurance company: yes, no or not sure.",
    ),
    atFaultInsurer: optionalText({
      max: limits.name,
      invalid: "Enter the other driver's insurance company as text, or leave it empty.",
      label: "the other driver's insurance company",
      tooLong: "Shorten the other driver's insurance company to 100 characters or fewer.",
    }),
    prescriptionSent: choice(
      ["yes", "no"],
      "Choose whether your doctor or chiropractor has sent us a prescription: yes or no.",
    ),
    healthInsuranceFallback: optionalText({
      max: limits.name,
      invalid: "Enter your health insurance company as text, or leave it empty.",
      label: "the health insurance company's name",
      tooLong: "Shorten the health insurance company's name to 100 characters or fewer.",
    }),
    attorneyName: optionalText({
      max: limits.name,
      invalid: "Enter the attorney's name as text, or leave it empty.",
      label: "the attorney's name",
      name: true,
      tooLong: "Shorten the attorney's name to 100 characters or fewer.",
    }),
    attorneyPhone: optionalNormalizedText(normalizeUsPhoneWithExtension, {
      invalid: "Enter the attorney's phone as a 10-digit US number with area code, or leave it empty.",
    }),
    ...closingShape(),
  } satisfies Record<keyof typeof mvaClaimFields, z.ZodMiniType>;

  const object = z.object(shape, { error: notAnObject });
  return preprocess(withDateParts, object).check(
    z.superRefine<z.output<typeof object>>(checkContact, { when: whenValid("preferredContact", "email") }),
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
  today: string = todayInOregon(),
): string[] {
  const warnings: string[] = [];
  if (today > pipWindowEnd(input.accidentDate)) {
    warnings.push(
      "The accident was more than two years ago. As we understand it, Oregon PIP only covers medical expenses incurred within two years of the injury (ORS 742.524), so the auto insurer may not pay for these visits. We will talk with you about other ways to pay.",
    );
  }
  return warnings;
}
