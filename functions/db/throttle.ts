/**
 * Sign-in throttling: failed sign-ins counted per typed email and per client (see
 * `functions/client-key.ts`) in D1, so password guessing slows down whatever the address.
 */
import { accountByEmailStatement, toStaffAccount, type StaffAccount } from "./accounts";

function plus(at: Date, ms: number): string {
  return new Date(at.getTime() + ms).toISOString();
}

/** Deletes the failures counted against `email`, and the attempt `attemptId`, after a sign-in succeeds. */
export function clearFailuresStatement(
  db: D1Database,
  email: string,
  attemptId?: number,
): D1PreparedStatement {
  return db
    .prepare("DELETE FROM sign_in_failures WHERE email = ?1 OR id = ?2")
    .bind(email, attemptId ?? null);
}

/** At most 5 failed sign-ins per email, and 20 per client IP, in any 15 minutes. */
export const signInThrottle = { windowMs: 15 * 60_000, maxPerEmail: 5, maxPerIp: 20 } as const;

/** What `beginSignIn` decided before any password is checked. */
export type SignInStart =
  | {
      status: "allowed";
      /** The attempt's row in `sign_in_failures`: it stays there unless the sign-in succeeds. */
      attemptId: number;
      account: StaffAccount | null;
    }
  | {
      status: "throttled";
      /** Seconds until another attempt for this email from this IP may pass. */
      retryAfter: number;
    };

/**
 * Starts a sign-in attempt, in one batch (one transaction), BEFORE the password is checked:
 * prunes rows older than the window, then records the attempt against the typed email and the IP
 * only if both are still under their limits, so guesses sent in parallel are each counted and at
 * most `maxPerEmail` of them ever reach the password check. The attempt's row counts as a failure
 * unless `startSession` deletes it. A throttled attempt records nothing, except the account's one
 * `sign_in_throttled` audit row per window (`audit_log` is append-only: it must not be floodable).
 */
export async function beginSignIn(
  db: D1Database,
  input: { email: string; client: string; now: Date },
): Promise<SignInStart> {
  const at = input.now.toISOString();
  const since = plus(input.now, -signInThrottle.windowMs);
  // The failure that must age out before the count drops under the limit.
  const blocking = (column: "email" | "ip", max: number) =>
    db
      .prepare(
        `SELECT at FROM sign_in_failures WHERE ${column} = ?1 AND at > ?2 ORDER BY at DESC LIMIT 1 OFFSET ?3`,
      )
      .bind(column === "email" ? input.email : input.client, since, max - 1);
  const actorSql = "coalesce((SELECT email FROM staff_accounts WHERE email = ?2), 'unknown')";
  const [, inserted, , byEmail, byIp, accountRows] = await db.batch<Record<string, unknown>>([
    db.prepare("DELETE FROM sign_in_failures WHERE at <= ?1").bind(since),
    db
      .prepare(
        `INSERT INTO sign_in_failures (at, email, ip)
         SELECT ?1, ?2, ?3
         WHERE (SELECT count(*) FROM sign_in_failures WHERE email = ?2 AND at > ?4) < ?5
           AND (SELECT count(*) FROM sign_in_failures WHERE ip = ?3 AND at > ?4) < ?6
         RETURNING id`,
      )
      .bind(at, input.email, input.client, since, signInThrottle.maxPerEmail, signInThrottle.maxPerIp),
    // Runs only when the attempt was not recorded (throttled), and only once per account per window.
    db
      .prepare(
        `INSERT INTO audit_log (at, actor, action, submission_id, detail)
         SELECT ?1, ${actorSql}, 'sign_in_throttled', NULL, json_object('ip', ?3)
         WHERE changes() = 0 AND NOT EXISTS (
           SELECT 1 FROM audit_log
           WHERE actor = ${actorSql} AND action = 'sign_in_throttled' AND at > ?4)`,
      )
      .bind(at, input.email, input.client, since),
    blocking("email", signInThrottle.maxPerEmail),
    blocking("ip", signInThrottle.maxPerIp),
    accountByEmailStatement(db, input.email),
  ]);
  const attempt = inserted?.results[0] as { id: number } | undefined;
  if (!attempt) {
    const waits = [byEmail, byIp].flatMap((result) => {
      const row = result?.results[0] as { at: string } | undefined;
      return row ? [new Date(row.at).getTime() + signInThrottle.windowMs - input.now.getTime()] : [];
    });
    return { status: "throttled", retryAfter: Math.max(1, Math.ceil(Math.max(0, ...waits) / 1000)) };
  }
  const row = accountRows?.results[0] as Parameters<typeof toStaffAccount>[0] | undefined;
  return { status: "allowed", attemptId: attempt.id, account: row ? toStaffAccount(row) : null };
}
