/**
 * Signed-in browsers. Only the SHA-256 of a session cookie's token is stored, so a copy of the
 * database cannot be replayed as a session. Every change goes in one batch with its audit row.
 */
import type { SessionSummary } from "../../src/shared/staff-contract";
import type { StaffMember } from "./accounts";
import { auditStatement } from "./audit";
import { endPendingStatement } from "./pending";
import { clearFailuresStatement } from "./throttle";

/** 30 minutes without a request ends a session; 12 hours after sign-in it ends regardless. */
export const sessionLimits = {
  idleMs: 30 * 60_000,
  absoluteMs: 12 * 60 * 60_000,
  /** `last_seen_at` is written at most this often, to spare D1 a write per request. */
  touchEveryMs: 60_000,
  /** Export and deletion need the password and a fresh code given within this long. */
  reauthMs: 5 * 60_000,
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
  /** When its owner last gave their password and a fresh code again, or null. */
  reauthAt: string | null;
}

export type SessionLookup =
  { status: "active"; session: StaffSession } | { status: "expired" } | { status: "missing" };

interface SessionRow {
  token_hash: string;
  staff_id: number;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  reauth_at: string | null;
  email: string;
  name: string;
  role: StaffMember["role"];
  disabled_at: string | null;
}

function plus(at: Date | string, ms: number): string {
  return new Date(new Date(at).getTime() + ms).toISOString();
}

function toSession(row: SessionRow, lastSeenAt: string): StaffSession {
  return {
    tokenHash: row.token_hash,
    member: { id: row.staff_id, email: row.email, name: row.name, role: row.role },
    createdAt: row.created_at,
    lastSeenAt,
    idleExpiresAt: [plus(lastSeenAt, sessionLimits.idleMs), row.expires_at].sort()[0]!,
    expiresAt: row.expires_at,
    reauthAt: row.reauth_at,
  };
}

/** Most of a User-Agent kept to say which device a session is on. */
const maxUserAgentLength = 300;

/**
 * Starts a session for `member` after both steps (only the token's hash is stored): ends the
 * pending sign-in, clears this client's failed attempts for the account, records the sign-in
 * time, and audits it with the factor used, in one batch.
 */
export async function startSession(
  db: D1Database,
  input: {
    member: StaffMember;
    tokenHash: string;
    pendingTokenHash: string;
    ip: string;
    client: string;
    userAgent: string | undefined;
    factor: "totp" | "recovery_code";
    attemptId: number;
    now: Date;
  },
): Promise<StaffSession> {
  const at = input.now.toISOString();
  const expiresAt = plus(input.now, sessionLimits.absoluteMs);
  const userAgent = input.userAgent?.slice(0, maxUserAgentLength) ?? null;
  await db.batch([
    db
      .prepare("DELETE FROM staff_sessions WHERE staff_id = ?1 AND (expires_at <= ?2 OR last_seen_at <= ?3)")
      .bind(input.member.id, at, plus(input.now, -sessionLimits.idleMs)),
    db
      .prepare(
        `INSERT INTO staff_sessions (token_hash, staff_id, created_at, last_seen_at, expires_at, ip, user_agent)
         VALUES (?1, ?2, ?3, ?3, ?4, ?5, ?6)`,
      )
      .bind(input.tokenHash, input.member.id, at, expiresAt, input.ip, userAgent),
    db.prepare("UPDATE staff_accounts SET last_sign_in_at = ?2 WHERE id = ?1").bind(input.member.id, at),
    endPendingStatement(db, input.pendingTokenHash),
    clearFailuresStatement(db, {
      email: input.member.email,
      client: input.client,
      attemptId: input.attemptId,
    }),
    auditStatement(db, {
      at,
      actor: input.member.email,
      action: "signed_in",
      detail: { ip: input.ip, factor: input.factor },
    }),
  ]);
  return toSession(
    {
      token_hash: input.tokenHash,
      staff_id: input.member.id,
      created_at: at,
      last_seen_at: at,
      expires_at: expiresAt,
      reauth_at: null,
      email: input.member.email,
      name: input.member.name,
      role: input.member.role,
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
      `SELECT s.*, a.email, a.name, a.role, a.disabled_at FROM staff_sessions s
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

/** The account's live sessions, newest sign-in first, marking the one of `current`. */
export async function listSessions(
  db: D1Database,
  current: StaffSession,
  now: Date,
): Promise<SessionSummary[]> {
  const { results } = await db
    .prepare(
      `SELECT token_hash, created_at, last_seen_at, ip, user_agent FROM staff_sessions
       WHERE staff_id = ?1 AND expires_at > ?2 AND last_seen_at > ?3 ORDER BY created_at DESC`,
    )
    .bind(current.member.id, now.toISOString(), plus(now, -sessionLimits.idleMs))
    .all<{
      token_hash: string;
      created_at: string;
      last_seen_at: string;
      ip: string | null;
      user_agent: string | null;
    }>();
  return results.map((row) => ({
    signedInAt: row.created_at,
    lastSeenAt: row.token_hash === current.tokenHash ? current.lastSeenAt : row.last_seen_at,
    ip: row.ip,
    userAgent: row.user_agent,
    current: row.token_hash === current.tokenHash,
  }));
}

/** Ends every other session of the account and audits how many, in one batch; gives the count. */
export async function endOtherSessions(
  db: D1Database,
  session: StaffSession,
  input: { ip: string; now: Date },
): Promise<number> {
  const [ended] = await db.batch([
    db
      .prepare("DELETE FROM staff_sessions WHERE staff_id = ?1 AND token_hash != ?2 RETURNING 1")
      .bind(session.member.id, session.tokenHash),
    db
      .prepare(
        `INSERT INTO audit_log (at, actor, action, submission_id, detail)
         VALUES (?1, ?2, 'signed_out_other_sessions', NULL, json_object('ip', ?3, 'count', changes()))`,
      )
      .bind(input.now.toISOString(), session.member.email, input.ip),
  ]);
  return ended?.results.length ?? 0;
}

/**
 * Marks the session re-authenticated at `now` (password and a fresh code given again), clears
 * this client's failed attempts for the account, and audits it, in one batch.
 */
export async function markReauthenticated(
  db: D1Database,
  session: StaffSession,
  input: { ip: string; client: string; attemptId: number; factor: "totp" | "recovery_code"; now: Date },
): Promise<string> {
  const at = input.now.toISOString();
  await db.batch([
    db.prepare("UPDATE staff_sessions SET reauth_at = ?2 WHERE token_hash = ?1").bind(session.tokenHash, at),
    clearFailuresStatement(db, {
      email: session.member.email,
      client: input.client,
      attemptId: input.attemptId,
    }),
    auditStatement(db, {
      at,
      actor: session.member.email,
      action: "reauthenticated",
      detail: { ip: input.ip, factor: input.factor },
    }),
  ]);
  return plus(input.now, sessionLimits.reauthMs);
}

/** Until when the session counts as re-authenticated, or null when it does not (any more). */
export function reauthUntil(session: StaffSession, now: Date): string | null {
  if (!session.reauthAt) return null;
  const until = plus(session.reauthAt, sessionLimits.reauthMs);
  return until > now.toISOString() ? until : null;
}
