/**
 * The confirmation page's receipt: what the sender may keep of what they sent. It names the
 * form, who sent it, the patient and the dates of care, never health details (no diagnosis
 * codes, areas to treat, insurance numbers or messages), and it is read on the server for the
 * confirmation cookie alone (the reference and the form's own submission key), for 30 minutes.
 */
import { usDate } from "../dates";
import type { MvaClaimInput } from "../schemas/mva-claim";
import type { PrescriptionInput } from "../schemas/prescription";
import { prescriptionFields } from "../schemas/prescription-fields";
import { confirmationCookie, kindOfReference, type SubmissionKind } from "./registry";

/** One line of a receipt. */
export interface ReceiptLine {
  term: string;
  text: string;
}

/** The receipt the API gives the confirmation page (`GET /api/receipt`). */
export interface Receipt {
  reference: string;
  kind: SubmissionKind;
  /** When it arrived (an ISO instant). */
  receivedAt: string;
  lines: ReceiptLine[];
}

const patient = (input: { patientFirstName: string; patientLastName: string }): ReceiptLine => ({
  term: "Patient",
  text: `${input.patientFirstName} ${input.patientLastName}`,
});

function prescriptionLines(input: PrescriptionInput): ReceiptLine[] {
  const sender =
    input.sentBy === "prescriber_office"
      ? `The prescriber's office: ${[input.senderName, input.senderRole].filter(Boolean).join(", ")}`
      : "The patient";
  return [
    { term: "Sent by", text: sender },
    patient(input),
    { term: "Prescriber", text: `${input.prescriberName}, ${input.prescriberCredential}` },
    {
      term: "Prescription",
      text: `${usDate(input.startDate)} to ${usDate(input.endDate)}, ${input.visitsAuthorized} visits`,
    },
    {
      term: "Health insurance",
      text: input.insuranceCarrier ?? prescriptionFields.insuranceCarrier.whenBlank,
    },
  ];
}

/** Each kind's receipt lines from its validated input. */
export const receiptLines: { [K in SubmissionKind]: (input: never) => ReceiptLine[] } = {
  prescription: prescriptionLines,
  mva_claim: (input: MvaClaimInput) => [
    patient(input),
    { term: "Auto insurance company", text: input.autoInsurer },
    { term: "Date of the accident", text: usDate(input.accidentDate) },
  ],
  good_faith_estimate: (input: { patientFirstName: string; patientLastName: string }) => [patient(input)],
};

const keyPattern = /^[A-Za-z0-9_-]{16,64}$/;

/** The confirmation cookie's value: the reference, and the submission key when there is one. */
export function confirmationValue(reference: string, idempotencyKey?: string): string {
  return idempotencyKey ? `${reference}.${idempotencyKey}` : reference;
}

/** The confirmation cookie read back: its reference and kind, and its key if it has a valid one. */
export function readConfirmation(
  value: string,
): { reference: string; kind: SubmissionKind; idempotencyKey?: string } | undefined {
  const [reference = "", key, ...rest] = value.split(".");
  const kind = kindOfReference(reference);
  if (!kind || rest.length > 0) return undefined;
  return key !== undefined && keyPattern.test(key)
    ? { reference, kind, idempotencyKey: key }
    : { reference, kind };
}

/** How long after sending the receipt can be read: as long as the confirmation cookie lives. */
export const receiptSeconds = confirmationCookie.options.maxAge;
