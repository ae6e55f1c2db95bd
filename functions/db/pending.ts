/**
 * Sign-ins between their two steps: the password was right, the code is still to come. Only the
 * SHA-256 of the pending cookie's token is stored; a pending sign-in lasts 5 minutes and is no
 * session (it opens nothing but the code step).
 */
import { auditStatement } from "./audit";

/** How long the code step waits after the password step. */
export const pendingLifetimeMs = 5 * 60_000;

export interface PendingSignIn {
  staffId: number;
  /** The password step's row in `sign_in_failures`, deleted when the code step succeeds. */
  attemptId: number | null;
}

/** Records the password step, prunes expired pending sign-ins and audits the step, in one batch. */
export async function startPending(
  db: D1Database,
  input: { staffId: number; email: string; tokenHash: string; attemptId: number; ip: string; now: Date },
): Promise<void> {
  const at = input.now.toISOString();
  await db.batch([
    db.prepare("DELETE FROM staff_pending_sign_ins WHERE expires_at <= ?1").bind(at),
    db
      .prepare(
        `INSERT INTO staff_pending_sign_ins (token_hash, staff_id, attempt_id, created_at, expires_at)
         VALUES (?1, ?2, ?3, ?4, ?5)`,
      )
      .bind(
        input.tokenHash,
        input.staffId,
        input.attemptId,
        at,
        new Date(input.now.getTime() + pendingLifetimeMs).toISOString(),
      ),
    auditStatement(db, { at, actor: input.email, action: "sign_in_password_accepted", detail: { ip: input.ip } }),
  ]);
}

/** The pending sign-in with this token hash at `now`, or null (an expired one is deleted). */
export async function findPending(db: D1Database, tokenHash: string, now: Date): Promise<PendingSignIn | null> {
  const row = await db
    .prepare("SELECT staff_id, attempt_id, expires_at FROM staff_pending_sign_ins WHERE token_hash = ?1")
    .bind(tokenHash)
    .first<{ staff_id: number; attempt_id: number | null; expires_at: string }>();
  if (!row) return null;
  if (row.expires_at <= now.toISOString()) {
    await db.prepare("DELETE FROM staff_pending_sign_ins WHERE token_hash = ?1").bind(tokenHash).run();
    return null;
  }
  return { staffId: row.staff_id, attemptId: row.attempt_id };
}

/** Deletes a pending sign-in, for a `db.batch`. */
export function endPendingStatement(db: D1Database, tokenHash: string): D1PreparedStatement {
  return db.prepare("DELETE FROM staff_pending_sign_ins WHERE token_hash = ?1").bind(tokenHash);
}
