/**
 * Sign-in throttling, counted in D1 per client (see `functions/client-key.ts`) and per
 * account-and-client pair, so that a stranger's failures from their own addresses never keep the
 * owner out: the owner signing in from another address is counted apart. Failures for one
 * account from all clients together, past a high threshold, lower every client's allowance for
 * that account and are audited, which slows down guessing from many addresses without locking
 * anyone out. Password steps, code steps and re-authentications are all attempts.
 */
import { accountByEmailStatement, toStaffAccount, type StaffAccount, type StaffAccountRow } from "./accounts";

function plus(at: Date, ms: number): string {
  return new Date(at.getTime() + ms).toISOString();
}

/**
 * In any 15 minutes: at most 20 failed attempts from one client (whatever the email), and 5 for
 * one account from one client; once an account has 50 failures from all clients together, each
 * client gets only 3 for it. A right password is no failure (its row is deleted as the pending
 * sign-in starts), so the owner may still mistype a code twice and get in from any address.
 */
export const signInThrottle = {
  windowMs: 15 * 60_000,
  maxPerClient: 20,
  maxPerPair: 5,
  accountAlarm: 50,
  maxPerPairUnderAttack: 3,
} as const;

/**
 * Deletes the failures of this account from this client, and the attempt `attemptId`, after a
 * sign-in (or re-authentication) succeeds. Failures from other clients stay: they are someone
 * else's, and keep counting toward the account's alarm.
 */
export function clearFailuresStatement(
  db: D1Database,
  input: { email: string; client: string; attemptId: number },
): D1PreparedStatement {
  return db
    .prepare("DELETE FROM sign_in_failures WHERE (email = ?1 AND ip = ?2) OR id = ?3")
    .bind(input.email, input.client, input.attemptId);
}

/** What `beginAttempt` decided before any password or code is checked. */
type AttemptStart =
  | {
      status: "allowed";
      /** The attempt's row in `sign_in_failures`: it stays there unless the check passes. */
      attemptId: number;
      account: StaffAccount | null;
    }
  | {
      status: "throttled";
      /** Seconds until another attempt for this email from this client may pass. */
      retryAfter: number;
    };

/**
 * Starts an attempt (a password step, a code step or a re-authentication) in one batch (one
 * transaction), BEFORE anything is checked: prunes rows older than the window, then records the
 * attempt against the typed email and the client only if the client and the pair are still under
 * their limits, so attempts sent in parallel are each counted. The row counts as a failure
 * unless the check passes (a right password, a right code). A throttled attempt records nothing, except the
 * account's one `sign_in_throttled` audit row per window; an account that reaches the alarm gets
 * one `sign_in_account_alarm` row per window (`audit_log` is append-only: it must not be floodable).
 */
export async function beginAttempt(
  db: D1Database,
  input: { email: string; client: string; now: Date },
): Promise<AttemptStart> {
  const t = signInThrottle;
  const at = input.now.toISOString();
  const since = plus(input.now, -t.windowMs);
  const accountCount = "(SELECT count(*) FROM sign_in_failures WHERE email = ?2 AND at > ?4)";
  const actorSql = "coalesce((SELECT email FROM staff_accounts WHERE email = ?2), 'unknown')";
  const onceAWindow = (action: string) =>
    `NOT EXISTS (SELECT 1 FROM audit_log WHERE actor = ${actorSql} AND action = '${action}' AND at > ?4)`;
  const [, inserted, , , pairRows, clientRow, accountRows] = await db.batch<Record<string, unknown>>([
    db.prepare("DELETE FROM sign_in_failures WHERE at <= ?1").bind(since),
    db
      .prepare(
        `INSERT INTO sign_in_failures (at, email, ip)
         SELECT ?1, ?2, ?3
         WHERE (SELECT count(*) FROM sign_in_failures WHERE ip = ?3 AND at > ?4) < ?5
           AND (SELECT count(*) FROM sign_in_failures WHERE email = ?2 AND ip = ?3 AND at > ?4)
               < CASE WHEN ${accountCount} >= ?7 THEN ?8 ELSE ?6 END
         RETURNING id`,
      )
      .bind(
        at,
        input.email,
        input.client,
        since,
        t.maxPerClient,
        t.maxPerPair,
        t.accountAlarm,
        t.maxPerPairUnderAttack,
      ),
    // Runs only when the attempt was not recorded (throttled).
    db
      .prepare(
        `INSERT INTO audit_log (at, actor, action, submission_id, detail)
         SELECT ?1, ${actorSql}, 'sign_in_throttled', NULL, json_object('ip', ?3)
         WHERE changes() = 0 AND ${onceAWindow("sign_in_throttled")}`,
      )
      .bind(at, input.email, input.client, since),
    db
      .prepare(
        `INSERT INTO audit_log (at, actor, action, submission_id, detail)
         SELECT ?1, ${actorSql}, 'sign_in_account_alarm', NULL, json_object('failures', ${accountCount}, 'ip', ?3)
         WHERE ${accountCount} >= ?5 AND ${onceAWindow("sign_in_account_alarm")}`,
      )
      .bind(at, input.email, input.client, since, t.accountAlarm),
    db
      .prepare(
        `SELECT at, ${accountCount} AS account FROM sign_in_failures
         WHERE email = ?2 AND ip = ?3 AND at > ?4 ORDER BY at DESC LIMIT ?1`,
      )
      .bind(t.maxPerPair, input.email, input.client, since),
    db
      .prepare("SELECT at FROM sign_in_failures WHERE ip = ?1 AND at > ?2 ORDER BY at DESC LIMIT 1 OFFSET ?3")
      .bind(input.client, since, t.maxPerClient - 1),
    accountByEmailStatement(db, input.email),
  ]);
  const attempt = inserted?.results[0] as { id: number } | undefined;
  if (!attempt) {
    const pair = (pairRows?.results ?? []) as { at: string; account: number }[];
    const allowance = (pair[0]?.account ?? 0) >= t.accountAlarm ? t.maxPerPairUnderAttack : t.maxPerPair;
    const blocking = [pair[allowance - 1], clientRow?.results[0] as { at: string } | undefined];
    const waits = blocking.flatMap((row) =>
      row ? [new Date(row.at).getTime() + t.windowMs - input.now.getTime()] : [],
    );
    return { status: "throttled", retryAfter: Math.max(1, Math.ceil(Math.max(0, ...waits) / 1000)) };
  }
  const row = accountRows?.results[0] as StaffAccountRow | undefined;
  return { status: "allowed", attemptId: attempt.id, account: row ? toStaffAccount(row) : null };
}
