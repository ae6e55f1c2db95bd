/**
 * Reads of the queue in the audit log: every queue view and search (`listed`) and every CSV
 * export (`exported`) writes who, when and which filter (whether a search was used, never its
 * text), and which submissions it showed, by id only, in a constant number of rows:
 *
 * - a view: one `audit_log` row and one `audit_subjects` row per listed id (at most a page, 25);
 * - an export: one `audit_log` row when it starts and one `audit_exports` row when it ends, with
 *   every exported id in a bitmap, whatever the number of rows (100,000 ids: 25,000 characters).
 *
 * "Who has seen this submission" (`historyStatement`) then reads the submission's own rows, its
 * `audit_subjects` rows (primary-key range) and the exports whose id range covers it (exports are
 * few), never the whole log.
 */
import type { QueueFilters } from "../../src/shared/staff-contract";

/** Who reads, and when. */
export interface ReadAuditActor {
  actor: string;
  now: Date;
}

/** The filters as the audit log keeps them: whether a search was used, never the term. */
function auditedFilters(filters: QueueFilters): Record<string, unknown> {
  return {
    kind: filters.kind ?? null,
    status: filters.status ?? null,
    due: filters.due ?? null,
    sort: filters.sort,
    search: filters.q !== undefined,
  };
}

/** The statements that audit one queue view of `ids` (for one `db.batch`). */
export function listingAuditStatements(
  db: D1Database,
  input: { filters: QueueFilters; page: number; ids: number[] } & ReadAuditActor,
): D1PreparedStatement[] {
  return [
    db
      .prepare("INSERT INTO audit_log (at, actor, action, detail) VALUES (?1, ?2, 'listed', ?3)")
      .bind(
        input.now.toISOString(),
        input.actor,
        JSON.stringify({ ...auditedFilters(input.filters), page: input.page, rows: input.ids.length }),
      ),
    db
      .prepare(
        "INSERT INTO audit_subjects (submission_id, audit_id) SELECT value, last_insert_rowid() FROM json_each(?1)",
      )
      .bind(JSON.stringify(input.ids)),
  ];
}

const HEX = "0123456789abcdef";

/** The ids one export has written so far, kept as a growing array of 32-bit ids. */
export class ExportedIds {
  private ids = new Uint32Array(1024);
  private size = 0;

  add(id: number): void {
    if (this.size === this.ids.length) {
      const grown = new Uint32Array(this.ids.length * 2);
      grown.set(this.ids);
      this.ids = grown;
    }
    this.ids[this.size++] = id;
  }

  get count(): number {
    return this.size;
  }

  /** The bitmap `audit_exports` stores: one hex digit per four ids from the smallest. */
  bitmap(): { firstId: number; lastId: number; ids: string } | null {
    if (this.size === 0) return null;
    const ids = this.ids.subarray(0, this.size);
    let firstId = ids[0]!;
    let lastId = firstId;
    for (const id of ids) {
      if (id < firstId) firstId = id;
      if (id > lastId) lastId = id;
    }
    const digits = new Uint8Array(Math.floor((lastId - firstId) / 4) + 1);
    for (const id of ids) digits[(id - firstId) >> 2]! |= 1 << ((id - firstId) & 3);
    let text = "";
    for (const digit of digits) text += HEX[digit];
    return { firstId, lastId, ids: text };
  }
}

/** Writes the `exported` row as an export starts (so even a cut-off export is on record); its id. */
export async function startExportAudit(
  db: D1Database,
  input: { filters: QueueFilters; format: string } & ReadAuditActor,
): Promise<number> {
  const row = await db
    .prepare("INSERT INTO audit_log (at, actor, action, detail) VALUES (?1, ?2, 'exported', ?3) RETURNING id")
    .bind(
      input.now.toISOString(),
      input.actor,
      JSON.stringify({ format: input.format, filters: auditedFilters(input.filters) }),
    )
    .first<{ id: number }>();
  return row!.id;
}

/** Records which submissions the export with audit row `auditId` held, in one row. */
export async function finishExportAudit(
  db: D1Database,
  auditId: number,
  exported: ExportedIds,
): Promise<void> {
  const bitmap = exported.bitmap();
  if (!bitmap) return;
  await db
    .prepare("INSERT INTO audit_exports (audit_id, first_id, last_id, rows, ids) VALUES (?1, ?2, ?3, ?4, ?5)")
    .bind(auditId, bitmap.firstId, bitmap.lastId, exported.count, bitmap.ids)
    .run();
}

/**
 * A submission's whole audit trail, newest first: what was done to it, and every view, listing
 * and export that showed it. Listings and exports carry their own detail (filters, format).
 */
export function historyStatement(db: D1Database, submissionId: number): D1PreparedStatement {
  return db
    .prepare(
      `SELECT id, at, actor, action, detail FROM audit_log WHERE submission_id = ?1
       UNION ALL
       SELECT a.id, a.at, a.actor, a.action, a.detail
       FROM audit_subjects s JOIN audit_log a ON a.id = s.audit_id WHERE s.submission_id = ?1
       UNION ALL
       SELECT a.id, a.at, a.actor, a.action, json_set(coalesce(a.detail, '{}'), '$.rows', e.rows)
       FROM audit_exports e JOIN audit_log a ON a.id = e.audit_id
       WHERE e.first_id <= ?1 AND e.last_id >= ?1
         AND ((instr('${HEX}', substr(e.ids, (?1 - e.first_id) / 4 + 1, 1)) - 1) & (1 << ((?1 - e.first_id) % 4))) != 0
       ORDER BY at DESC, id DESC`,
    )
    .bind(submissionId);
}

/** Who has seen this submission: each view, listing and export of it, newest first. */
export async function whoHasSeen(
  db: D1Database,
  submissionId: number,
): Promise<{ at: string; actor: string; action: "viewed" | "listed" | "exported" }[]> {
  const { results } = await historyStatement(db, submissionId).all<{
    at: string;
    actor: string;
    action: string;
  }>();
  return results
    .filter((r) => r.action === "viewed" || r.action === "listed" || r.action === "exported")
    .map((r) => ({ at: r.at, actor: r.actor, action: r.action as "viewed" | "listed" | "exported" }));
}
