/**
 * The append-only audit log: who did what to which submission, and when. Details name facts (a
 * status, a count, filters), never what a patient typed and never a password.
 */
import type { AuditEntry } from "../../src/shared/staff-contract";

/** One row of `audit_log` to write. */
export interface AuditEvent {
  at: string;
  actor: string;
  action: string;
  submissionId?: number | null;
  detail?: Record<string, unknown> | null;
}

/** The statement that writes `event`, for a `db.batch` with the change it records. */
export function auditStatement(db: D1Database, event: AuditEvent): D1PreparedStatement {
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

function parseDetail(text: string | null): Record<string, unknown> | null {
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : { text };
  } catch {
    return { text };
  }
}

interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  detail: string | null;
}

export function toAuditEntry(row: AuditRow): AuditEntry {
  return { id: row.id, at: row.at, actor: row.actor, action: row.action, detail: parseDetail(row.detail) };
}
