/**
 * Sign-ins between their two steps: the password was right, the code is still to come. Only the
 * SHA-256 of the pending cookie's token is stored; a pending sign-in lasts 5 minutes and is no
 * session (it opens nothing but the code step).
 */
import { auditStatement } from "./audit";

/** How long the code step waits after the password step. */
const pendingLifetimeMs = 5 * 60_000;

/**
 * Records the password step, deletes its attempt's row (a right password is no failure; the code
 * step is counted on its own), prunes expired pending sign-ins and audits the step, in one batch.
 */
export async function startPending(
  db: D1Database,
  input: { staffId: number; email: string; tokenHash: string; attemptId: number; ip: string; now: Date },
): Promise<void> {
  const at = input.now.toISOString();
  await db.batch([
    db.prepare("DELETE FROM staff_pending_sign_ins WHERE expires_at <= ?1").bind(at),
    db
      .prepare(
        `INSERT INTO staff_pending_sign_ins (token_hash, staff_id, created_at, expires_at)
         VALUES (?1, ?2, ?3, ?4)`,
      )
      .bind(
        input.tokenHash,
        input.staffId,
        at,
        new Date(input.now.getTime() + pendingLifetimeMs).toISOString(),
      ),
    db.prepare("DELETE FROM sign_in_failures WHERE id = ?1").bind(input.attemptId),
    auditStatement(db, {
      at,
      actor: input.email,
      action: "sign_in_password_accepted",
      detail: { ip: input.ip },
    }),
  ]);
}

/** The account of the pending sign-in with this token hash at `now`, or null (an expired one is deleted). */
export async function findPending(db: D1Database, tokenHash: string, now: Date): Promise<number | null> {
  const row = await db
    .prepare("SELECT staff_id, expires_at FROM staff_pending_sign_ins WHERE token_hash = ?1")
    .bind(tokenHash)
    .first<{ staff_id: number; expires_at: string }>();
  if (!row) return null;
  if (row.expires_at <= now.toISOString()) {
    await db.prepare("DELETE FROM staff_pending_sign_ins WHERE token_hash = ?1").bind(tokenHash).run();
    return null;
  }
  return row.staff_id;
}

/** Deletes a pending sign-in, for a `db.batch`. */
export function endPendingStatement(db: D1Database, tokenHash: string): D1PreparedStatement {
  return db.prepare("DELETE FROM staff_pending_sign_ins WHERE token_hash = ?1").bind(tokenHash);
}
