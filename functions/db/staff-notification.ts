/**
 * The one-row record of when staff were last told that something is waiting
 * (`staff_notification`, migration 0010).
 */

/**
 * Claims the right to send the email at `now` if none was claimed in the `intervalMs` before it:
 * one conditional UPDATE, so of submissions arriving together exactly one wins.
 */
export async function claimStaffNotification(
  db: D1Database,
  now: Date,
  intervalMs: number,
): Promise<boolean> {
  const result = await db
    .prepare(
      "UPDATE staff_notification SET last_sent_at = ?1 WHERE id = 1 AND (last_sent_at IS NULL OR last_sent_at <= ?2)",
    )
    .bind(now.toISOString(), new Date(now.getTime() - intervalMs).toISOString())
    .run();
  return result.meta.changes === 1;
}

/** Gives back a claim whose email could not be sent, so the next submission tries again. */
export async function releaseStaffNotification(db: D1Database, claimedAt: Date): Promise<void> {
  await db
    .prepare("UPDATE staff_notification SET last_sent_at = NULL WHERE id = 1 AND last_sent_at = ?1")
    .bind(claimedAt.toISOString())
    .run();
}
