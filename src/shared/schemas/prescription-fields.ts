/**
 * The prescription form's fields, in form order (keys match `prescriptionSchema` exactly): who
 * is sending it first, then the patient, the prescriber, the prescription and the insurance.
 */
import { limits } from "./builders";
import { closingFields, patientFields, type FieldMeta } from "./common";

/** Who fills in the prescription form. */
export const senders = ["prescriber_office", "patient"] as const;

/** Prescriber credentials the clinic accepts prescriptions from. */
export const prescriberCredentials = ["MD", "DO", "NP", "PA", "ND", "DC", "other"] as const;

const fromOffice = { field: "sentBy", value: "prescriber_office" } as const;
const byPatient = (patient: string, office: string) =>
  ({ by: "sentBy", labels: { patient, prescriber_office: office } }) as const;
const toBeCollected = "To be collected from the patient";

/** Form metadata for every prescription field, in form order (keys match the schema exactly). */
export const prescriptionFields = {
  sentBy: {
    label: "Who is filling in this form?",
    required: true,
    input: "radio",
    section: "sender",
    options: [
      { value: "prescriber_office", label: "The prescriber's office" },
      { value: "patient", label: "The patient" },
    ],
  },
  senderName: {
    label: "Your name",
    hint: "Only if you work at the prescriber's office: so we know who to call back.",
    required: false,
    revealWhen: fromOffice,
    input: "text",
    section: "sender",
    autocomplete: "name",
    maxLength: limits.name,
  },
  senderRole: {
    label: "Your role at the office",
    hint: "For example medical assistant, nurse or front desk.",
    required: false,
    revealWhen: fromOffice,
    input: "text",
    section: "sender",
    autocomplete: "organization-title",
    maxLength: limits.shortText,
  },
  senderPhone: {
    label: "Your phone number at the office",
    hint: "For example (541) 555-0123; add an extension like x45 if there is one.",
    required: false,
    revealWhen: fromOffice,
    input: "tel",
    section: "sender",
    autocomplete: "work tel",
  },
  ...patientFields,
  preferredContact: {
    ...patientFields.preferredContact,
    label: "How should we contact the patient?",
    wordedFor: byPatient("How should we contact you?", "How should we contact the patient?"),
  },
  prescriberName: {
    label: "Prescriber's name",
    hint: "The doctor or other provider who wrote the prescription.",
    required: true,
    input: "text",
    section: "prescriber",
    maxLength: limits.name,
  },
  prescriberCredential: {
    label: "Prescriber's credential",
    required: true,
    input: "select",
    section: "prescriber",
    options: [
      { value: "MD", label: "MD (medical doctor)" },
      { value: "DO", label: "DO (doctor of osteopathic medicine)" },
      { value: "NP", label: "NP (nurse practitioner)" },
      { value: "PA", label: "PA (physician assistant)" },
      { value: "ND", label: "ND (naturopathic doctor)" },
      { value: "DC", label: "DC (chiropractor)" },
      { value: "other", label: "Other" },
    ],
  },
  prescriberPhone: {
    label: "Prescriber's office phone",
    hint: "For example (541) 555-0123; add an extension like x45 if there is one.",
    required: true,
    input: "tel",
    section: "prescriber",
  },
  prescriberFax: {
    label: "Prescriber's office fax",
    required: false,
    input: "tel",
    section: "prescriber",
  },
  prescriberNpi: {
    label: "Prescriber's NPI number",
    hint: "10 digits, often printed on the prescription. Leave it empty if you do not have it.",
    required: false,
    input: "text",
    section: "prescriber",
    maxLength: 10,
  },
  startDate: {
    label: "Start date",
    hint: "The date the prescription was written or starts. For example, 3 4 2026 (month, day, year).",
    required: true,
    input: "date",
    section: "prescription",
  },
  endDate: {
    label: "End date",
    hint: "The date the prescription expires, at most one year after the start. For example, 6 4 2026.",
    required: true,
    input: "date",
    section: "prescription",
  },
  visitsAuthorized: {
    label: "Number of visits prescribed",
    required: true,
    input: "number",
    section: "prescription",
    min: 1,
    max: 60,
  },
  frequency: {
    label: "How often",
    hint: "For example 1 per week.",
    required: false,
    input: "text",
    section: "prescription",
    maxLength: limits.shortText,
  },
  diagnosisCodes: {
    label: "Diagnosis codes (ICD-10)",
    hint: "As written on the prescription, for example M54.50 or S13.4XXA. Separate several codes with commas.",
    required: true,
    input: "text",
    section: "prescription",
  },
  focusAreas: {
    label: "Areas to treat",
    hint: "As noted on the prescription, for example neck and upper back.",
    required: true,
    input: "textarea",
    section: "prescription",
    maxLength: limits.focusAreas,
  },
  insuranceCarrier: {
    label: "Health insurance company",
    hint: "A prescriber's office may leave the insurance questions empty: we will ask the patient.",
    required: false,
    wordedFor: byPatient("Health insurance company", "Health insurance company (optional)"),
    whenBlank: toBeCollected,
    input: "text",
    section: "insurance",
    maxLength: limits.name,
  },
  memberId: {
    label: "Member ID",
    hint: "From the insurance card.",
    required: false,
    wordedFor: byPatient("Member ID", "Member ID (optional)"),
    whenBlank: toBeCollected,
    input: "text",
    section: "insurance",
    maxLength: limits.identifier,
  },
  groupNumber: {
    label: "Group number",
    hint: "From the insurance card, if it has one.",
    required: false,
    input: "text",
    section: "insurance",
    maxLength: limits.identifier,
  },
  ...closingFields,
  consent: {
    ...closingFields.consent,
    label: "I agree that the clinic may store this information to handle the patient's insurance billing.",
    wordedFor: byPatient(
      "I agree that the clinic may store this information to handle my insurance billing.",
      "The patient has agreed that the clinic may store this information to handle their insurance billing.",
    ),
  },
} as const satisfies Record<string, FieldMeta>;
