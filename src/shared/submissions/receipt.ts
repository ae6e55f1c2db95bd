/**
 * The confirmation page's receipt: what the sender may keep of what they sent. It names the
 * form, who sent it, the patient and the dates of care, never health details (no diagnosis
 * codes, areas to treat, insurance numbers or messages), and it is read on the server for the
 * confirmation cookie alone (the reference and the form's own submission key), for 30 minutes.
 */
import { spanishDate, usDate } from "../dates";
import { formPagesEn } from "../i18n/form-pages-en";
import { formPagesEs } from "../i18n/form-pages-es";
import type { Lang } from "../i18n/messages";
import type { MvaClaimInput } from "../schemas/mva-claim";
import type { PrescriptionInput } from "../schemas/prescription";
import { confirmationCookie, kindOfReference, type SubmissionKind } from "./registry";

/** One line of a receipt. */
export interface ReceiptLine {
  term: string;
  text: string;
}

type Words = typeof formPagesEn.receipt;

/** The receipt the API gives the confirmation page (`GET /api/receipt`). */
export interface Receipt {
  reference: string;
  kind: SubmissionKind;
  /** When it arrived (an ISO instant). */
  receivedAt: string;
  /** Who filled in the form: a prescriber's office sends prescriptions too (the next steps say so). */
  sentBy: PrescriptionInput["sentBy"];
  lines: ReceiptLine[];
}

/** Who filled in a form: a prescription says; every other form is the patient's. */
export function receiptSender(kind: SubmissionKind, input: unknown): Receipt["sentBy"] {
  return kind === "prescription" ? (input as PrescriptionInput).sentBy : "patient";
}

const patient = (t: Words, input: { patientFirstName: string; patientLastName: string }): ReceiptLine => ({
  term: t.patient,
  text: `${input.patientFirstName} ${input.patientLastName}`,
});

function prescriptionLines(t: Words, date: (iso: string) => string, input: PrescriptionInput): ReceiptLine[] {
  const sender =
    input.sentBy === "prescriber_office"
      ? t.office([input.senderName, input.senderRole].filter(Boolean).join(", "))
      : t.thePatient;
  return [
    { term: t.sentBy, text: sender },
    patient(t, input),
    { term: t.prescriber, text: `${input.prescriberName}, ${input.prescriberCredential}` },
    {
      term: t.prescription,
      text: t.span(date(input.startDate), date(input.endDate), input.visitsAuthorized),
    },
    { term: t.insurance, text: input.insuranceCarrier ?? t.toBeCollected },
  ];
}

/** Each kind's receipt lines from its validated input, in `lang`. */
export function receiptLines(kind: SubmissionKind, input: unknown, lang: Lang = "en"): ReceiptLine[] {
  const t = (lang === "es" ? formPagesEs : formPagesEn).receipt;
  const date = lang === "es" ? spanishDate : usDate;
  if (kind === "prescription") return prescriptionLines(t, date, input as PrescriptionInput);
  const claim = input as MvaClaimInput;
  if (kind === "mva_claim")
    return [
      patient(t, claim),
      { term: t.autoInsurer, text: claim.autoInsurer },
      { term: t.accidentDate, text: date(claim.accidentDate) },
    ];
  return [patient(t, claim)];
}

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
