/**
 * Signed-in browsers. Only the SHA-256 of a session cookie's token is stored, so a copy of the
 * database cannot be replayed as a session. Every change goes in one batch with its audit row.
 */
import type { StaffMember } from "./accounts";
import { auditStatement } from "./audit";
import { clearFailuresStatement } from "./throttle";

/** 30 minutes without a request ends a session; 12 hours after sign-in it ends regardless. */
export const sessionLimits = {
  idleMs: 30 * 60_000,
  absoluteMs: 12 * 60 * 60_000,
  /** `last_seen_at` is written at most this often, to spare D1 a write per request. */
  touchEveryMs: 60_000,
} as const;

export interface StaffSession {
  tokenHash: string;
  member: StaffMember;
  createdAt: string;
  lastSeenAt: string;
  /** When the session ends without further requests. */
  idleExpiresAt: string;
  /** When the session ends regardless. */
  expiresAt: string;
}

export type SessionLookup =
  { status: "active"; session: StaffSession } | { status: "expired" } | { status: "missing" };

interface SessionRow {
  token_hash: string;
  staff_id: number;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  email: string;
  name: string;
  disabled_at: string | null;
}

function plus(at: Date | string, ms: number): string {
  return new Date(new Date(at).getTime() + ms).toISOString();
}

function toSession(row: SessionRow, lastSeenAt: string): StaffSession {
  return {
    tokenHash: row.token_hash,
    member: { id: row.staff_id, email: row.email, name: row.name },
    createdAt: row.created_at,
    lastSeenAt,
    idleExpiresAt: [plus(lastSeenAt, sessionLimits.idleMs), row.expires_at].sort()[0]!,
    expiresAt: row.expires_at,
  };
}

/**
 * Starts a session for `member` (only the token's hash is stored), clears the failed sign-ins
 * counted against their email (this attempt's row, `attemptId`, included), and audits the
 * sign-in, in one batch.
 */
export async function startSession(
  db: D1Database,
  input: { member: StaffMember; tokenHash: string; ip: string; now: Date; attemptId?: number },
): Promise<StaffSession> {
  const at = input.now.toISOString();
  const expiresAt = plus(input.now, sessionLimits.absoluteMs);
  await db.batch([
    db
      .prepare("DELETE FROM staff_sessions WHERE staff_id = ?1 AND (expires_at <= ?2 OR last_seen_at <= ?3)")
      .bind(input.member.id, at, plus(input.now, -sessionLimits.idleMs)),
    db
      .prepare(
        `INSERT INTO staff_sessions (token_hash, staff_id, created_at, last_seen_at, expires_at, ip)
         VALUES (?1, ?2, ?3, ?3, ?4, ?5)`,
      )
      .bind(input.tokenHash, input.member.id, at, expiresAt, input.ip),
    clearFailuresStatement(db, input.member.email, input.attemptId),
    auditStatement(db, { at, actor: input.member.email, action: "signed_in", detail: { ip: input.ip } }),
  ]);
  return toSession(
    {
      token_hash: input.tokenHash,
      staff_id: input.member.id,
      created_at: at,
      last_seen_at: at,
      expires_at: expiresAt,
      email: input.member.email,
      name: input.member.name,
      disabled_at: null,
    },
    at,
  );
}

/**
 * The session for this token hash at `now`. An active session slides: its `last_seen_at`
 * moves to `now`. An expired one, or one whose account was disabled, is deleted.
 */
export async function findSession(db: D1Database, tokenHash: string, now: Date): Promise<SessionLookup> {
  const row = await db
    .prepare(
      `SELECT s.*, a.email, a.name, a.disabled_at FROM staff_sessions s
       JOIN staff_accounts a ON a.id = s.staff_id WHERE s.token_hash = ?1`,
    )
    .bind(tokenHash)
    .first<SessionRow>();
  if (!row) return { status: "missing" };
  const at = now.toISOString();
  const idleSince = plus(now, -sessionLimits.idleMs);
  if (row.disabled_at !== null || row.expires_at <= at || row.last_seen_at <= idleSince) {
    await db.prepare("DELETE FROM staff_sessions WHERE token_hash = ?1").bind(tokenHash).run();
    return { status: "expired" };
  }
  if (row.last_seen_at <= plus(now, -sessionLimits.touchEveryMs)) {
    await db
      .prepare("UPDATE staff_sessions SET last_seen_at = ?2 WHERE token_hash = ?1")
      .bind(tokenHash, at)
      .run();
    return { status: "active", session: toSession(row, at) };
  }
  return { status: "active", session: toSession(row, row.last_seen_at) };
}

/** Ends a session and audits the sign-out, in one batch. */
export async function endSession(
  db: D1Database,
  session: StaffSession,
  input: { ip: string; now: Date },
): Promise<void> {
  await db.batch([
    db.prepare("DELETE FROM staff_sessions WHERE token_hash = ?1").bind(session.tokenHash),
    auditStatement(db, {
      at: input.now.toISOString(),
      actor: session.member.email,
      action: "signed_out",
      detail: { ip: input.ip },
    }),
  ]);
}
