/**
 * Deleting submissions: one on a patient's request or as spam, and every submission past the
 * retention period (the daily purge). What is deleted goes whole — the submission, its notes and
 * any stored files — in one batch with its audit row. The audit trail survives, with no foreign
 * key to the deleted row and no patient information: the reference, the kind, the reason, who,
 * when and counts.
 */
import { addYearsToInstant } from "../../src/shared/dates";
import { auditStatement } from "./audit";

/** Why a submission is deleted: the patient asked, it is spam, or its retention period is over. */
export type DeletionReason = "patient_request" | "spam" | "retention";

/**
 * Deletes one submission, its notes and its signed prescription's row, with the `deleted` audit
 * row, in one batch; then the signed prescription itself from R2 (`scans`). Notes are
 * append-only except while their submission is marked `deleting` (migration 0007). An object
 * whose delete fails is no one's any more: the daily job's orphan sweep deletes it.
 * Null when there is no such submission.
 */
export async function deleteSubmission(
  db: D1Database,
  input: { id: number; actor: string; reason: DeletionReason; now: Date; scans: R2Bucket },
): Promise<{ reference: string } | null> {
  const [, , , scans, deleted] = await db.batch<{ reference?: string; object_key?: string }>([
    db.prepare("UPDATE submissions SET deleting = 1 WHERE id = ?1").bind(input.id),
    db
      .prepare(
        `INSERT INTO audit_log (at, actor, action, submission_id, detail)
         SELECT ?2, ?3, 'deleted', id, json_object('reference', reference, 'kind', kind, 'reason', ?4,
           'notes', (SELECT count(*) FROM submission_notes WHERE submission_id = ?1), 'visitsUsed', visits_used,
           'scans', (SELECT count(*) FROM submission_scans WHERE submission_id = ?1))
         FROM submissions WHERE id = ?1`,
      )
      .bind(input.id, input.now.toISOString(), input.actor, input.reason),
    db.prepare("DELETE FROM submission_notes WHERE submission_id = ?1").bind(input.id),
    db.prepare("DELETE FROM submission_scans WHERE submission_id = ?1 RETURNING object_key").bind(input.id),
    db.prepare("DELETE FROM submissions WHERE id = ?1 RETURNING reference").bind(input.id),
  ]);
  const objectKeys = (scans?.results ?? []).map((row) => row.object_key!);
  if (objectKeys.length > 0) {
    await input.scans.delete(objectKeys).catch(() => {
      console.error(JSON.stringify({ event: "scan_delete_failed", count: objectKeys.length }));
    });
  }
  const row = deleted?.results[0];
  return row?.reference ? { reference: row.reference } : null;
}

/** At most this many submissions are purged per run, so one run stays well inside its limits. */
const purgeBatch = 500;

/**
 * Deletes every submission whose last activity is more than `retentionYears` before `now`, each
 * with its own `deleted` audit row (reason `retention`), and writes one `retention_purge` row
 * with the count and the cutoff, also when nothing was due. Returns how many were deleted.
 */
export async function purgeExpired(
  db: D1Database,
  input: { now: Date; retentionYears: number; scans: R2Bucket },
): Promise<{ deleted: number; cutoff: string; more: boolean }> {
  const cutoff = addYearsToInstant(input.now, -input.retentionYears);
  const { results } = await db
    .prepare("SELECT id FROM submissions WHERE last_activity_at < ?1 ORDER BY last_activity_at, id LIMIT ?2")
    .bind(cutoff, purgeBatch + 1)
    .all<{ id: number }>();
  const due = results.slice(0, purgeBatch);
  let deleted = 0;
  for (const { id } of due) {
    const actor = "retention purge";
    if (await deleteSubmission(db, { id, actor, reason: "retention", now: input.now, scans: input.scans }))
      deleted++;
  }
  const more = results.length > purgeBatch;
  await auditStatement(db, {
    at: input.now.toISOString(),
    actor: "retention purge",
    action: "retention_purge",
    detail: { deleted, cutoff, retentionYears: input.retentionYears, more },
  }).run();
  return { deleted, cutoff, more };
}
