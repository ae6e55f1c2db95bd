/**
 * The status workflow, internal notes and visits of one submission in D1. Every change goes in
 * one `db.batch` (a transaction) with its audit row.
 */
import { finishedStatuses, type SubmissionStatus } from "../../src/shared/submissions/statuses";
import { noteContext, seal, type FieldKeys } from "../field-crypto";
import type { StaffMember } from "./accounts";

// In the batches below each statement after the first runs only when the one before it changed a
// row (`changes() = 1`), so a status that moved meanwhile, or an unknown id, writes nothing at all.

/**
 * Moves a submission from `from` to `to` (only if it is still at `from`), with an optional note
 * and the audit rows, in one batch. False when its status was no longer `from`.
 */
export async function changeStatus(
  db: D1Database,
  keys: FieldKeys,
  input: {
    id: number;
    from: SubmissionStatus;
    to: SubmissionStatus;
    note?: string | undefined;
    staff: StaffMember;
    now: Date;
  },
): Promise<boolean> {
  const at = input.now.toISOString();
  const statements = [
    db
      .prepare(
        "UPDATE submissions SET status = ?3, last_activity_at = ?4 WHERE id = ?1 AND status = ?2 RETURNING id",
      )
      .bind(input.id, input.from, input.to, at),
    db
      .prepare(
        `INSERT INTO audit_log (at, actor, action, submission_id, detail)
         SELECT ?2, ?3, 'status_changed', ?1, json_object('from', ?4, 'to', ?5) WHERE changes() = 1`,
      )
      .bind(input.id, at, input.staff.email, input.from, input.to),
  ];
  if (input.note) statements.push(...(await noteStatements(db, keys, { ...input, text: input.note, at })));
  // RETURNING, not `meta.changes`: D1 counts the rows the counts trigger changes there too.
  const [update] = await db.batch(statements);
  return (update?.results.length ?? 0) === 1;
}

/** The note, sealed, and its audit row; each runs only if the statement before it changed a row. */
async function noteStatements(
  db: D1Database,
  keys: FieldKeys,
  input: { id: number; staff: StaffMember; text: string; at: string },
): Promise<D1PreparedStatement[]> {
  return [
    db
      .prepare(
        `INSERT INTO submission_notes (submission_id, staff_id, at, text)
         SELECT id, ?2, ?3, ?4 FROM submissions WHERE id = ?1 AND changes() = 1`,
      )
      .bind(input.id, input.staff.id, input.at, await seal(keys, input.text, noteContext(input.id))),
    db
      .prepare(
        `INSERT INTO audit_log (at, actor, action, submission_id, detail)
         SELECT ?2, ?3, 'noted', ?1, json_object('noteId', last_insert_rowid(), 'length', ?4) WHERE changes() = 1`,
      )
      .bind(input.id, input.at, input.staff.email, input.text.length),
  ];
}

/** Adds an internal note and its audit row in one batch; false when there is no such submission. */
export async function addNote(
  db: D1Database,
  keys: FieldKeys,
  input: { id: number; staff: StaffMember; text: string; now: Date },
): Promise<boolean> {
  const at = input.now.toISOString();
  const [touched] = await db.batch([
    db.prepare("UPDATE submissions SET last_activity_at = ?2 WHERE id = ?1 RETURNING id").bind(input.id, at),
    ...(await noteStatements(db, keys, { ...input, at })),
  ]);
  // RETURNING, not `meta.changes`, which also counts the rows triggers change.
  return (touched?.results.length ?? 0) === 1;
}

export type VisitResult =
  { recorded: true; visitsUsed: number; visitsAuthorized: number } | { recorded: false };

const finishedSql = finishedStatuses.map((s) => `'${s}'`).join(", ");

/**
 * Records one visit against a prescription with ONE conditional UPDATE (so two clicks at once
 * cannot pass the authorized count): only an open prescription, between its start and end
 * dates, with a visit left (the core's `visitRefusal` rule, tested against this SQL). The audit
 * row goes in the same batch.
 */
export async function recordVisit(
  db: D1Database,
  input: { id: number; staff: StaffMember; today: string; now: Date },
): Promise<VisitResult> {
  const [update] = await db.batch<{ visits_used: number; visits_authorized: number }>([
    db
      .prepare(
        `UPDATE submissions SET visits_used = visits_used + 1, last_activity_at = ?3
         WHERE id = ?1 AND kind = 'prescription' AND status NOT IN (${finishedSql})
           AND start_date <= ?2 AND end_date >= ?2 AND visits_used < visits_authorized
         RETURNING visits_used, visits_authorized`,
      )
      .bind(input.id, input.today, input.now.toISOString()),
    db
      .prepare(
        `INSERT INTO audit_log (at, actor, action, submission_id, detail)
         SELECT ?2, ?3, 'visit_recorded', id,
           json_object('visitsUsed', visits_used, 'visitsAuthorized', visits_authorized, 'on', ?4)
         FROM submissions WHERE id = ?1 AND changes() = 1`,
      )
      .bind(input.id, input.now.toISOString(), input.staff.email, input.today),
  ]);
  const row = update?.results[0];
  return row
    ? { recorded: true, visitsUsed: row.visits_used, visitsAuthorized: row.visits_authorized }
    : { recorded: false };
}
