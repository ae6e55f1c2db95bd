/**
 * Submissions in D1: storing one exactly once per idempotency key, and reading one back with
 * its notes and audit trail. The columns staff filter and sort on come from the kind's registry
 * entry; `fields` holds the whole validated submission as JSON.
 */
import { sha256Hex } from "../../src/shared/sha256";
import type { Submission, SubmissionNote } from "../../src/shared/staff-contract";
import {
  kindSpec,
  submissionKinds,
  type NewSubmission,
  type SubmissionKind,
  type StoredColumns,
} from "../../src/shared/submissions/registry";
import type { SubmissionStatus } from "../../src/shared/submissions/statuses";
import {
  submissionLanguageOf,
  withoutLanguage,
  type SubmissionLanguage,
} from "../../src/shared/submissions/languages";
import { fieldsContext, noteContext, seal, unseal, type FieldKeys } from "../field-crypto";
import { toAuditEntry } from "./audit";
import { historyStatement } from "./read-audit";

/** One row of `submissions`, as D1 returns it. */
export interface SubmissionRow extends StoredColumns {
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
  fields: string;
  language: SubmissionLanguage;
}

/** A stored row in the clinic's words, its sealed fields opened. */
export async function toSubmission(keys: FieldKeys, row: SubmissionRow): Promise<Submission> {
  return {
    id: row.id,
    reference: row.reference,
    status: row.status,
    receivedAt: row.received_at,
    visitsUsed: row.visits_used,
    kind: row.kind,
    language: row.language,
    input: JSON.parse(await unseal(keys, row.fields, fieldsContext(row.reference))),
  } as Submission;
}

// Crockford-style alphabet without 0/O, 1/I/L and U: easy to read aloud over the phone.
const REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";

/** A short, readable, unguessable reference such as `RX-7K3Q9PA` (29^7 ≈ 1.7e10 possibilities). */
export function newReference(kind: SubmissionKind): string {
  const bytes = crypto.getRandomValues(new Uint8Array(7));
  let code = "";
  for (const byte of bytes) code += REFERENCE_ALPHABET[byte % REFERENCE_ALPHABET.length];
  return `${submissionKinds[kind].referencePrefix}-${code}`;
}

export type SaveResult =
  | { outcome: "created"; reference: string }
  | { outcome: "replayed"; reference: string }
  | { outcome: "key_conflict" };

/**
 * The statements that store one submission with `reference` and its audit row, for one
 * `db.batch` (a transaction); `sealedFields` is the whole submission sealed for that reference
 * (field-crypto.ts). The search index and the counts by status are kept in step by triggers on
 * `submissions` (migration 0006), so they change in the same transaction.
 */
export function submissionInsertStatements(
  db: D1Database,
  submission: NewSubmission,
  row: { reference: string; idempotencyKey: string; payloadHash: string; at: string; sealedFields: string },
): D1PreparedStatement[] {
  const { input } = submission;
  const columns = kindSpec(submission.kind).columns(input, row.at);
  const language = submissionLanguageOf(input);
  return [
    db
      .prepare(
        `INSERT INTO submissions (reference, kind, idempotency_key, payload_hash, received_at,
           patient_first_name, patient_last_name, date_of_birth, start_date, end_date,
           visits_authorized, accident_date, claim_number, fields, key_date, last_activity_at, language)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?5, ?16)
         ON CONFLICT (idempotency_key) DO NOTHING`,
      )
      .bind(
        row.reference,
        submission.kind,
        row.idempotencyKey,
        row.payloadHash,
        row.at,
        input.patientFirstName,
        input.patientLastName,
        input.dateOfBirth,
        columns.start_date,
        columns.end_date,
        columns.visits_authorized,
        columns.accident_date,
        columns.claim_number,
        row.sealedFields,
        columns.key_date,
        language,
      ),
    db
      .prepare(
        `INSERT INTO audit_log (at, actor, action, submission_id, detail)
         SELECT ?1, 'public form', 'submitted', id, kind FROM submissions
         WHERE reference = ?2`,
      )
      .bind(row.at, row.reference),
  ];
}

/**
 * The hash that tells a true retry from a different form sent with a reused idempotency key; a
 * form sent with a file also hashes the file's SHA-256 (`fingerprint`). The language is left out,
 * so the same answers sent again from the other language's page are a retry: this is the hash of
 * every submission stored before the Spanish edition, whose answers had no language.
 */
export function payloadHash(submission: NewSubmission, fingerprint?: string): Promise<string> {
  const answers = { kind: submission.kind, input: withoutLanguage(submission.input) };
  return sha256Hex(JSON.stringify(fingerprint === undefined ? answers : { ...answers, fingerprint }));
}

/**
 * The hash of rows stored while the language was part of the payload hash (from commit 724fb9c,
 * the Spanish edition, until replays across languages): the answers with their language last, as
 * the row's `language` column still says. Kept so a retry of such a row still matches.
 */
function hashWithLanguage(
  submission: NewSubmission,
  language: SubmissionLanguage,
  fingerprint?: string,
): Promise<string> {
  const stored = { ...submission, input: { ...submission.input, language } };
  return sha256Hex(JSON.stringify(fingerprint === undefined ? stored : { ...stored, fingerprint }));
}

/** What a submission stores besides its row: a file sent with it (functions/scans.ts). */
export interface Attachment {
  /** The file's SHA-256, so a retry is told from a different file sent with the same key. */
  fingerprint: string;
  /** Statements for the same batch, linking the file to the submission with `reference`. */
  statements: (row: { reference: string; at: string }) => D1PreparedStatement[];
}

/**
 * Stores a submission exactly once per idempotency key, with its audit row, in one batch.
 * A retry with the same key and the same form returns the first reference; racing retries
 * are settled by the UNIQUE index on `idempotency_key`. The payload hash tells a true retry
 * from a different form sent with a reused key. The fields are stored sealed (field-crypto.ts).
 * An `attachment` (a signed prescription) adds its row to the same batch and its SHA-256 to the hash.
 */
export async function saveSubmission(
  db: D1Database,
  keys: FieldKeys,
  submission: NewSubmission,
  idempotencyKey: string,
  now: Date = new Date(),
  attachment?: Attachment,
): Promise<SaveResult> {
  const hash = await payloadHash(submission, attachment?.fingerprint);
  const at = now.toISOString();
  for (let attempt = 0; attempt < 3; attempt++) {
    const reference = newReference(submission.kind);
    // The language has its own column (migration 0011).
    const sealedFields = await seal(
      keys,
      JSON.stringify(withoutLanguage(submission.input)),
      fieldsContext(reference),
    );
    try {
      await db.batch([
        ...submissionInsertStatements(db, submission, {
          reference,
          idempotencyKey,
          payloadHash: hash,
          at,
          sealedFields,
        }),
        ...(attachment?.statements({ reference, at }) ?? []),
      ]);
    } catch (error) {
      if (/UNIQUE constraint failed: submissions\.reference/.test(String(error))) continue;
      throw error;
    }
    const stored = await db
      .prepare("SELECT reference, payload_hash, language FROM submissions WHERE idempotency_key = ?1")
      .bind(idempotencyKey)
      .first<{ reference: string; payload_hash: string; language: SubmissionLanguage }>();
    if (!stored) throw new Error("submission not found after insert");
    if (stored.reference === reference) return { outcome: "created", reference };
    const same =
      stored.payload_hash === hash ||
      stored.payload_hash === (await hashWithLanguage(submission, stored.language, attachment?.fingerprint));
    if (!same) return { outcome: "key_conflict" };
    return { outcome: "replayed", reference: stored.reference };
  }
  throw new Error("could not allocate a unique reference");
}

/** A submission with its notes and audit trail (every change, view, listing and export), newest first. */
export interface SubmissionRecord {
  submission: Submission;
  notes: SubmissionNote[];
  audit: ReturnType<typeof toAuditEntry>[];
}

interface NoteRow {
  id: number;
  at: string;
  text: string;
  staff_name: string;
  staff_email: string;
}

/**
 * The submission with this id, its notes and audit trail, after writing the audit row (`viewed`,
 * or `copied` for a patient's copy of the record) in the same batch; null when there is none.
 */
export async function viewSubmission(
  db: D1Database,
  keys: FieldKeys,
  input: { id: number; actor: string; now: Date; action?: "viewed" | "copied" },
): Promise<SubmissionRecord | null> {
  const [, submissionRows, noteRows, auditRows] = await db.batch<Record<string, unknown>>([
    db
      .prepare(
        `INSERT INTO audit_log (at, actor, action, submission_id)
         SELECT ?2, ?3, ?4, id FROM submissions WHERE id = ?1`,
      )
      .bind(input.id, input.now.toISOString(), input.actor, input.action ?? "viewed"),
    db.prepare("SELECT * FROM submissions WHERE id = ?1").bind(input.id),
    db
      .prepare(
        `SELECT n.id, n.at, n.text, a.name AS staff_name, a.email AS staff_email
         FROM submission_notes n JOIN staff_accounts a ON a.id = n.staff_id
         WHERE n.submission_id = ?1 ORDER BY n.at DESC, n.id DESC`,
      )
      .bind(input.id),
    historyStatement(db, input.id),
  ]);
  const row = submissionRows?.results[0] as SubmissionRow | undefined;
  if (!row) return null;
  const notes = (noteRows?.results ?? []) as unknown as NoteRow[];
  return {
    submission: await toSubmission(keys, row),
    notes: await Promise.all(
      notes.map(async (n) => ({
        id: n.id,
        at: n.at,
        text: await unseal(keys, n.text, noteContext(row.id)),
        staffName: n.staff_name,
        staffEmail: n.staff_email,
      })),
    ),
    audit: ((auditRows?.results ?? []) as unknown as Parameters<typeof toAuditEntry>[0][]).map(toAuditEntry),
  };
}

/** What the workflow reads of one submission: its kind, status and visit columns. */
export interface SubmissionState {
  id: number;
  kind: SubmissionKind;
  status: SubmissionStatus;
  startDate: string | null;
  endDate: string | null;
  visitsAuthorized: number | null;
  visitsUsed: number;
}

/** The workflow state of one submission, or null. */
export async function findSubmissionState(db: D1Database, id: number): Promise<SubmissionState | null> {
  const row = await db
    .prepare(
      `SELECT id, kind, status, start_date AS startDate, end_date AS endDate,
         visits_authorized AS visitsAuthorized, visits_used AS visitsUsed FROM submissions WHERE id = ?1`,
    )
    .bind(id)
    .first<SubmissionState>();
  return row ?? null;
}
