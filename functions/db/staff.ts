/**
 * D1 access for the staff desk: accounts, sessions, sign-in throttling, the review queue, the
 * status workflow, notes, visits and exports. Every change goes in one `db.batch` (a transaction)
 * with its audit row. Audit details name facts (a status, a count, filters), never what a patient
 * typed and never a password.
 */
import { finishedStatuses, type SubmissionStatus } from "../../src/shared/submission-status";
import { toSubmission, type Submission, type SubmissionKind, type SubmissionRow } from "./submissions";

/** A staff member as the desk shows them. */
export interface StaffMember {
  id: number;
  email: string;
  name: string;
}

interface StaffAccountRow {
  id: number;
  email: string;
  name: string;
  password_hash: string;
  disabled_at: string | null;
  created_at: string;
}

/** One row of `audit_log` to write. */
interface AuditEvent {
  at: string;
  actor: string;
  action: string;
  submissionId?: number | null;
  detail?: Record<string, unknown> | null;
}

function auditStatement(db: D1Database, event: AuditEvent): D1PreparedStatement {
  return db
    .prepare("INSERT INTO audit_log (at, actor, action, submission_id, detail) VALUES (?1, ?2, ?3, ?4, ?5)")
    .bind(
      event.at,
      event.actor,
      event.action,
      event.submissionId ?? null,
      event.detail ? JSON.stringify(event.detail) : null,
    );
}

/** Writes one audit row on its own (for events that change nothing else). */
export async function writeAudit(db: D1Database, event: AuditEvent): Promise<void> {
  await auditStatement(db, event).run();
}

// ---------------------------------------------------------------------------------------------
// Accounts and sessions

/** The account with this email (any letter case), with its hash and whether it is disabled. */
export async function findStaffAccount(
  db: D1Database,
  email: string,
): Promise<{ member: StaffMember; passwordHash: string; disabled: boolean } | null> {
  const row = await db
    .prepare("SELECT * FROM staff_accounts WHERE email = ?1")
    .bind(email)
    .first<StaffAccountRow>();
  if (!row) return null;
  return {
    member: { id: row.id, email: row.email, name: row.name },
    passwordHash: row.password_hash,
    disabled: row.disabled_at !== null,
  };
}

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
    db
      .prepare("DELETE FROM sign_in_failures WHERE email = ?1 OR id = ?2")
      .bind(input.member.email, input.attemptId ?? null),
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

// ---------------------------------------------------------------------------------------------
// Sign-in throttling

/** At most 5 failed sign-ins per email, and 20 per client IP, in any 15 minutes. */
export const signInThrottle = { windowMs: 15 * 60_000, maxPerEmail: 5, maxPerIp: 20 } as const;

/** What `beginSignIn` decided before any password is checked. */
export type SignInStart =
  | {
      status: "allowed";
      /** The attempt's row in `sign_in_failures`: it stays there unless the sign-in succeeds. */
      attemptId: number;
      account: { member: StaffMember; passwordHash: string; disabled: boolean } | null;
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
  input: { email: string; ip: string; now: Date },
): Promise<SignInStart> {
  const at = input.now.toISOString();
  const since = plus(input.now, -signInThrottle.windowMs);
  // The failure that must age out before the count drops under the limit.
  const blocking = (column: "email" | "ip", max: number) =>
    db
      .prepare(
        `SELECT at FROM sign_in_failures WHERE ${column} = ?1 AND at > ?2 ORDER BY at DESC LIMIT 1 OFFSET ?3`,
      )
      .bind(column === "email" ? input.email : input.ip, since, max - 1);
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
      .bind(at, input.email, input.ip, since, signInThrottle.maxPerEmail, signInThrottle.maxPerIp),
    // Runs only when the attempt was not recorded (throttled), and only once per account per window.
    db
      .prepare(
        `INSERT INTO audit_log (at, actor, action, submission_id, detail)
         SELECT ?1, ${actorSql}, 'sign_in_throttled', NULL, json_object('ip', ?3)
         WHERE changes() = 0 AND NOT EXISTS (
           SELECT 1 FROM audit_log
           WHERE actor = ${actorSql} AND action = 'sign_in_throttled' AND at > ?4)`,
      )
      .bind(at, input.email, input.ip, since),
    blocking("email", signInThrottle.maxPerEmail),
    blocking("ip", signInThrottle.maxPerIp),
    db.prepare("SELECT * FROM staff_accounts WHERE email = ?1").bind(input.email),
  ]);
  const attempt = inserted?.results[0] as { id: number } | undefined;
  if (!attempt) {
    const waits = [byEmail, byIp].flatMap((result) => {
      const row = result?.results[0] as { at: string } | undefined;
      return row ? [new Date(row.at).getTime() + signInThrottle.windowMs - input.now.getTime()] : [];
    });
    return { status: "throttled", retryAfter: Math.max(1, Math.ceil(Math.max(0, ...waits) / 1000)) };
  }
  const row = accountRows?.results[0] as StaffAccountRow | undefined;
  return {
    status: "allowed",
    attemptId: attempt.id,
    account: row
      ? {
          member: { id: row.id, email: row.email, name: row.name },
          passwordHash: row.password_hash,
          disabled: row.disabled_at !== null,
        }
      : null,
  };
}

// ---------------------------------------------------------------------------------------------
// The review queue

export type QueueSort = "received" | "key_date" | "name";
export type QueueDue = "prescription" | "pip";

export interface QueueFilters {
  kind?: SubmissionKind | undefined;
  status?: SubmissionStatus | undefined;
  /** A name, reference or claim number, or part of one. */
  q?: string | undefined;
  due?: QueueDue | undefined;
  sort: QueueSort;
}

export const queuePageSize = 25;

/** How close a deadline must be for the "due" filters. */
export const dueWindows = { prescriptionDays: 14, prescriptionVisitsLeft: 1, pipDays: 60 } as const;

/** One line of the queue. */
export interface QueueItem {
  id: number;
  kind: SubmissionKind;
  reference: string;
  status: SubmissionStatus;
  receivedAt: string;
  patientFirstName: string;
  patientLastName: string;
  /** Prescriptions: the end date. */
  endDate: string | null;
  visitsAuthorized: number | null;
  visitsUsed: number;
  /** Car accident claims: the accident date and the end of the two-year PIP window. */
  accidentDate: string | null;
  pipWindowEnd: string | null;
  claimNumber: string | null;
}

export interface QueuePage {
  counts: Record<SubmissionStatus, number>;
  items: QueueItem[];
  page: number;
  pageCount: number;
  total: number;
}

/**
 * The PIP window's end, accident date + 2 years, as SQL. It matches `addYears(date, 2)`: the same
 * month and day two years on, except February 29, which becomes February 28 (a leap year plus
 * two is never a leap year).
 */
export const pipWindowEndSql = `(CASE WHEN accident_date IS NULL THEN NULL
  WHEN substr(accident_date, 6) = '02-29' THEN printf('%04d-02-28', substr(accident_date, 1, 4) + 2)
  ELSE printf('%04d', substr(accident_date, 1, 4) + 2) || substr(accident_date, 5) END)`;

const keyDateSql = `(CASE kind WHEN 'prescription' THEN end_date ELSE ${pipWindowEndSql} END)`;

const orderBySql: Record<QueueSort, string> = {
  received: "received_at DESC, id DESC",
  key_date: `${keyDateSql} ASC, id ASC`,
  name: "patient_last_name COLLATE NOCASE, patient_first_name COLLATE NOCASE, id",
};

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The WHERE clause for `filters`, its parameters numbered from `first` (so a statement can put
 * its own parameters before them).
 */
function queueWhere(filters: QueueFilters, today: string, first = 1): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const p = (value: unknown) => `?${first + params.push(value) - 1}`;
  // References and claim numbers match with or without their dashes and spaces.
  const idMatch = (q: string) => {
    const compact = q.replace(/[\s-]/g, "");
    if (!compact) return "";
    const id = p(likePattern(compact));
    return ` OR replace(reference, '-', '') LIKE ${id} ESCAPE '\\'
      OR replace(replace(claim_number, '-', ''), ' ', '') LIKE ${id} ESCAPE '\\'`;
  };
  const clauses: string[] = [];
  if (filters.kind) clauses.push(`kind = ${p(filters.kind)}`);
  if (filters.status) clauses.push(`status = ${p(filters.status)}`);
  if (filters.q) {
    const words = p(likePattern(filters.q));
    clauses.push(
      `((patient_first_name || ' ' || patient_last_name) LIKE ${words} ESCAPE '\\'
        OR (patient_last_name || ', ' || patient_first_name) LIKE ${words} ESCAPE '\\'${idMatch(filters.q)})`,
    );
  }
  if (filters.due) {
    const finished = finishedStatuses.map((s) => `'${s}'`).join(", ");
    clauses.push(`status NOT IN (${finished})`);
    if (filters.due === "prescription") {
      clauses.push(
        `kind = 'prescription' AND ((end_date BETWEEN ${p(today)} AND ${p(addDays(today, dueWindows.prescriptionDays))})
         OR visits_authorized - visits_used <= ${dueWindows.prescriptionVisitsLeft})`,
      );
    } else {
      clauses.push(
        `kind = 'mva_claim' AND ${pipWindowEndSql} BETWEEN ${p(today)} AND ${p(addDays(today, dueWindows.pipDays))}`,
      );
    }
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(" AND ")}` : "", params };
}

interface QueueRow {
  id: number;
  kind: SubmissionKind;
  reference: string;
  status: SubmissionStatus;
  received_at: string;
  patient_first_name: string;
  patient_last_name: string;
  end_date: string | null;
  visits_authorized: number | null;
  visits_used: number;
  accident_date: string | null;
  pip_window_end: string | null;
  claim_number: string | null;
}

const queueColumns = `id, kind, reference, status, received_at, patient_first_name, patient_last_name,
  end_date, visits_authorized, visits_used, accident_date, ${pipWindowEndSql} AS pip_window_end, claim_number`;

function toQueueItem(row: QueueRow): QueueItem {
  return {
    id: row.id,
    kind: row.kind,
    reference: row.reference,
    status: row.status,
    receivedAt: row.received_at,
    patientFirstName: row.patient_first_name,
    patientLastName: row.patient_last_name,
    endDate: row.end_date,
    visitsAuthorized: row.visits_authorized,
    visitsUsed: row.visits_used,
    accidentDate: row.accident_date,
    pipWindowEnd: row.pip_window_end,
    claimNumber: row.claim_number,
  };
}

function emptyCounts(): Record<SubmissionStatus, number> {
  return { new: 0, in_review: 0, needs_info: 0, accepted: 0, closed: 0, declined: 0 };
}

/** One page (25 rows) of the queue for `filters`, the total, and the whole queue's counts by status. */
export async function listQueue(
  db: D1Database,
  filters: QueueFilters,
  requestedPage: number,
  today: string,
): Promise<QueuePage> {
  const where = queueWhere(filters, today);
  const pageOf = (page: number) =>
    db
      .prepare(
        `SELECT ${queueColumns} FROM submissions ${where.sql} ORDER BY ${orderBySql[filters.sort]}
         LIMIT ${queuePageSize} OFFSET ${(page - 1) * queuePageSize}`,
      )
      .bind(...where.params);
  const [countRows, totalRows, itemRows] = await db.batch<Record<string, unknown>>([
    db.prepare("SELECT status, count(*) AS n FROM submissions GROUP BY status"),
    db.prepare(`SELECT count(*) AS n FROM submissions ${where.sql}`).bind(...where.params),
    pageOf(requestedPage),
  ]);
  const counts = emptyCounts();
  for (const row of (countRows?.results ?? []) as { status: SubmissionStatus; n: number }[]) {
    counts[row.status] = row.n;
  }
  const total = (totalRows?.results[0] as { n: number } | undefined)?.n ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / queuePageSize));
  const page = Math.min(requestedPage, pageCount);
  const rows =
    page === requestedPage
      ? ((itemRows?.results ?? []) as unknown as QueueRow[])
      : (await pageOf(page).all<QueueRow>()).results;
  return { counts, items: rows.map(toQueueItem), page, pageCount, total };
}

/** One row of a CSV export: the queue line plus what staff need to act on it. */
export interface QueueExportRow extends QueueItem {
  dateOfBirth: string;
  phone: string | null;
  startDate: string | null;
  insurer: string | null;
}

interface QueueExportDbRow extends QueueRow {
  date_of_birth: string;
  phone: string | null;
  start_date: string | null;
  insurer: string | null;
}

/**
 * Every submission matching `filters` (in the queue's order), with one `exported` audit row per
 * submission and one summary row (count and filters, never a search term), in one batch.
 */
export async function exportQueue(
  db: D1Database,
  input: {
    filters: QueueFilters;
    today: string;
    actor: string;
    now: Date;
    filterSummary: Record<string, unknown>;
  },
): Promise<QueueExportRow[]> {
  const at = input.now.toISOString();
  const audited = queueWhere(input.filters, input.today, 3);
  const selected = queueWhere(input.filters, input.today);
  const [, , result] = await db.batch<Record<string, unknown>>([
    db
      .prepare(
        `INSERT INTO audit_log (at, actor, action, submission_id, detail)
         SELECT ?1, ?2, 'exported', NULL, json_object('rows', count(*), 'filters', json(?${3 + audited.params.length}))
         FROM submissions ${audited.sql}`,
      )
      .bind(at, input.actor, ...audited.params, JSON.stringify(input.filterSummary)),
    db
      .prepare(
        `INSERT INTO audit_log (at, actor, action, submission_id, detail)
         SELECT ?1, ?2, 'exported', id, '{"format":"csv"}' FROM submissions ${audited.sql}`,
      )
      .bind(at, input.actor, ...audited.params),
    db
      .prepare(
        `SELECT ${queueColumns}, date_of_birth, start_date,
           json_extract(fields, '$.phone') AS phone,
           coalesce(json_extract(fields, '$.insuranceCarrier'), json_extract(fields, '$.autoInsurer')) AS insurer
         FROM submissions ${selected.sql} ORDER BY ${orderBySql[input.filters.sort]}`,
      )
      .bind(...selected.params),
  ]);
  return ((result?.results ?? []) as unknown as QueueExportDbRow[]).map((row) => ({
    ...toQueueItem(row),
    dateOfBirth: row.date_of_birth,
    phone: row.phone,
    startDate: row.start_date,
    insurer: row.insurer,
  }));
}

// ---------------------------------------------------------------------------------------------
// One submission

export interface SubmissionNote {
  id: number;
  at: string;
  text: string;
  staffName: string;
  staffEmail: string;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  detail: Record<string, unknown> | null;
}

/** A submission with everything the detail page shows. */
export interface SubmissionRecord {
  submission: Submission;
  endDate: string | null;
  visitsAuthorized: number | null;
  accidentDate: string | null;
  notes: SubmissionNote[];
  audit: AuditEntry[];
}

function parseDetail(text: string | null): Record<string, unknown> | null {
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : { text };
  } catch {
    return { text };
  }
}

/**
 * The submission with this id, its notes and audit trail, after writing the `viewed` audit row
 * (in the same batch); null when there is no such submission.
 */
export async function viewSubmission(
  db: D1Database,
  input: { id: number; actor: string; now: Date },
): Promise<SubmissionRecord | null> {
  const [, submissionRows, noteRows, auditRows] = await db.batch<Record<string, unknown>>([
    db
      .prepare(
        `INSERT INTO audit_log (at, actor, action, submission_id)
         SELECT ?2, ?3, 'viewed', id FROM submissions WHERE id = ?1`,
      )
      .bind(input.id, input.now.toISOString(), input.actor),
    db.prepare("SELECT * FROM submissions WHERE id = ?1").bind(input.id),
    db
      .prepare(
        `SELECT n.id, n.at, n.text, a.name AS staff_name, a.email AS staff_email
         FROM submission_notes n JOIN staff_accounts a ON a.id = n.staff_id
         WHERE n.submission_id = ?1 ORDER BY n.at DESC, n.id DESC`,
      )
      .bind(input.id),
    db
      .prepare(
        "SELECT id, at, actor, action, detail FROM audit_log WHERE submission_id = ?1 ORDER BY at DESC, id DESC",
      )
      .bind(input.id),
  ]);
  const row = submissionRows?.results[0] as SubmissionRow | undefined;
  if (!row) return null;
  return {
    submission: toSubmission(row),
    endDate: row.end_date,
    visitsAuthorized: row.visits_authorized,
    accidentDate: row.accident_date,
    notes: (
      (noteRows?.results ?? []) as {
        id: number;
        at: string;
        text: string;
        staff_name: string;
        staff_email: string;
      }[]
    ).map((n) => ({ id: n.id, at: n.at, text: n.text, staffName: n.staff_name, staffEmail: n.staff_email })),
    audit: (
      (auditRows?.results ?? []) as {
        id: number;
        at: string;
        actor: string;
        action: string;
        detail: string | null;
      }[]
    ).map((a) => ({ id: a.id, at: a.at, actor: a.actor, action: a.action, detail: parseDetail(a.detail) })),
  };
}

/** The workflow columns of one submission, or null. */
export async function findSubmissionState(
  db: D1Database,
  id: number,
): Promise<Pick<
  SubmissionRow,
  "id" | "kind" | "status" | "start_date" | "end_date" | "visits_authorized" | "visits_used"
> | null> {
  return db
    .prepare(
      "SELECT id, kind, status, start_date, end_date, visits_authorized, visits_used FROM submissions WHERE id = ?1",
    )
    .bind(id)
    .first();
}

// In the batches below each statement after the first runs only when the one before it changed a
// row (`changes() = 1`), so a status that moved meanwhile, or an unknown id, writes nothing at all.

/**
 * Moves a submission from `from` to `to` (only if it is still at `from`), with an optional note
 * and the audit rows, in one batch. False when its status was no longer `from`.
 */
export async function changeStatus(
  db: D1Database,
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
      .prepare("UPDATE submissions SET status = ?3 WHERE id = ?1 AND status = ?2")
      .bind(input.id, input.from, input.to),
    db
      .prepare(
        `INSERT INTO audit_log (at, actor, action, submission_id, detail)
         SELECT ?2, ?3, 'status_changed', ?1, json_object('from', ?4, 'to', ?5) WHERE changes() = 1`,
      )
      .bind(input.id, at, input.staff.email, input.from, input.to),
  ];
  if (input.note) statements.push(...noteStatements(db, { ...input, text: input.note, at, guarded: true }));
  const [update] = await db.batch(statements);
  return (update?.meta.changes ?? 0) === 1;
}

function noteStatements(
  db: D1Database,
  input: { id: number; staff: StaffMember; text: string; at: string; guarded: boolean },
): D1PreparedStatement[] {
  const guard = input.guarded ? "AND changes() = 1" : "";
  return [
    db
      .prepare(
        `INSERT INTO submission_notes (submission_id, staff_id, at, text)
         SELECT id, ?2, ?3, ?4 FROM submissions WHERE id = ?1 ${guard}`,
      )
      .bind(input.id, input.staff.id, input.at, input.text),
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
  input: { id: number; staff: StaffMember; text: string; now: Date },
): Promise<boolean> {
  const [insert] = await db.batch(
    noteStatements(db, { ...input, at: input.now.toISOString(), guarded: false }),
  );
  return (insert?.meta.changes ?? 0) === 1;
}

export type VisitResult =
  { recorded: true; visitsUsed: number; visitsAuthorized: number } | { recorded: false };

/**
 * Records one visit against a prescription with ONE conditional UPDATE (so two clicks at once
 * cannot pass the authorized count): only an open prescription, between its start and end
 * dates, with a visit left. The audit row goes in the same batch.
 */
export async function recordVisit(
  db: D1Database,
  input: { id: number; staff: StaffMember; today: string; now: Date },
): Promise<VisitResult> {
  const finished = finishedStatuses.map((s) => `'${s}'`).join(", ");
  const [update] = await db.batch<{ visits_used: number; visits_authorized: number }>([
    db
      .prepare(
        `UPDATE submissions SET visits_used = visits_used + 1
         WHERE id = ?1 AND kind = 'prescription' AND status NOT IN (${finished})
           AND start_date <= ?2 AND end_date >= ?2 AND visits_used < visits_authorized
         RETURNING visits_used, visits_authorized`,
      )
      .bind(input.id, input.today),
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
