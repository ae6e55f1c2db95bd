import type { MvaClaimInput } from "../../src/shared/schemas/mva-claim";
import type { PrescriptionInput } from "../../src/shared/schemas/prescription";

export type SubmissionKind = "prescription" | "mva_claim";
export type SubmissionStatus = "new" | "in_review" | "needs_info" | "accepted" | "closed" | "declined";

/** A validated submission of either kind, as the forms send it. */
export type NewSubmission =
  { kind: "prescription"; input: PrescriptionInput } | { kind: "mva_claim"; input: MvaClaimInput };

/** One row of `submissions`, as D1 returns it. */
export interface SubmissionRow {
  id: number;
  reference: string;
  kind: SubmissionKind;
  status: SubmissionStatus;
  idempotency_key: string;
  payload_hash: string;
  received_at: string;
  patient_first_name: string;
  patient_last_name: string;
  date_of_birth: string;
  start_date: string | null;
  end_date: string | null;
  visits_authorized: number | null;
  visits_used: number;
  accident_date: string | null;
  claim_number: string | null;
  fields: string;
}

/** A stored submission in the clinic's words. */
export type Submission = {
  id: number;
  reference: string;
  status: SubmissionStatus;
  receivedAt: string;
  visitsUsed: number;
} & NewSubmission;

export function toSubmission(row: SubmissionRow): Submission {
  const base = {
    id: row.id,
    reference: row.reference,
    status: row.status,
    receivedAt: row.received_at,
    visitsUsed: row.visits_used,
  };
  return row.kind === "prescription"
    ? { ...base, kind: "prescription", input: JSON.parse(row.fields) as PrescriptionInput }
    : { ...base, kind: "mva_claim", input: JSON.parse(row.fields) as MvaClaimInput };
}

// Crockford-style alphabet without 0/O, 1/I/L and U: easy to read aloud over the phone.
const REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
const REFERENCE_PREFIX: Record<SubmissionKind, string> = { prescription: "RX", mva_claim: "MVA" };

/** A short, readable, unguessable reference such as `RX-7K3Q9P` (29^7 ≈ 1.7e10 possibilities). */
export function newReference(kind: SubmissionKind): string {
  const bytes = crypto.getRandomValues(new Uint8Array(7));
  let code = "";
  for (const byte of bytes) code += REFERENCE_ALPHABET[byte % REFERENCE_ALPHABET.length];
  return `${REFERENCE_PREFIX[kind]}-${code}`;
}

/** SHA-256 of the normalised submission: tells a true retry from a different form sent with a reused key. */
export async function payloadHash(submission: NewSubmission): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(submission));
  const digest = await crypto.subtle.digest("SHA-256", bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

export type SaveResult =
  | { outcome: "created"; reference: string }
  | { outcome: "replayed"; reference: string }
  | { outcome: "key_conflict" };

/**
 * Stores a submission exactly once per idempotency key, with its audit row, in one batch.
 * A retry with the same key and the same form returns the first reference; racing retries
 * are settled by the UNIQUE index on `idempotency_key`.
 */
export async function saveSubmission(
  db: D1Database,
  submission: NewSubmission,
  idempotencyKey: string,
  now: Date = new Date(),
): Promise<SaveResult> {
  const hash = await payloadHash(submission);
  const at = now.toISOString();
  const { input } = submission;
  const rx = submission.kind === "prescription" ? submission.input : undefined;
  const mva = submission.kind === "mva_claim" ? submission.input : undefined;

  for (let attempt = 0; attempt < 3; attempt++) {
    const reference = newReference(submission.kind);
    try {
      await db.batch([
        db
          .prepare(
            `INSERT INTO submissions (reference, kind, idempotency_key, payload_hash, received_at,
               patient_first_name, patient_last_name, date_of_birth, start_date, end_date,
               visits_authorized, accident_date, claim_number, fields)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)
             ON CONFLICT (idempotency_key) DO NOTHING`,
          )
          .bind(
            reference,
            submission.kind,
            idempotencyKey,
            hash,
            at,
            input.patientFirstName,
            input.patientLastName,
            input.dateOfBirth,
            rx?.startDate ?? null,
            rx?.endDate ?? null,
            rx?.visitsAuthorized ?? null,
            mva?.accidentDate ?? null,
            mva?.claimNumber ?? null,
            JSON.stringify(input),
          ),
        db
          .prepare(
            `INSERT INTO audit_log (at, actor, action, submission_id, detail)
             SELECT ?1, 'public form', 'submitted', id, kind FROM submissions
             WHERE reference = ?2`,
          )
          .bind(at, reference),
      ]);
    } catch (error) {
      if (/UNIQUE constraint failed: submissions\.reference/.test(String(error))) continue;
      throw error;
    }
    const stored = await db
      .prepare("SELECT reference, payload_hash FROM submissions WHERE idempotency_key = ?1")
      .bind(idempotencyKey)
      .first<{ reference: string; payload_hash: string }>();
    if (!stored) throw new Error("submission not found after insert");
    if (stored.reference === reference) return { outcome: "created", reference };
    if (stored.payload_hash !== hash) return { outcome: "key_conflict" };
    return { outcome: "replayed", reference: stored.reference };
  }
  throw new Error("could not allocate a unique reference");
}

/** The submission with this id, or null. */
export async function findSubmission(db: D1Database, id: number): Promise<Submission | null> {
  const row = await db.prepare("SELECT * FROM submissions WHERE id = ?1").bind(id).first<SubmissionRow>();
  return row ? toSubmission(row) : null;
}
