/**
 * The review queue in D1: filters, search, sort, pages, counts by status, and the CSV export's
 * rows. The due filters repeat the core's `isDue` rule in SQL; `test/worker/registry-sql.test.ts`
 * checks them against it on the same rows.
 */
import { addDays } from "../../src/shared/dates";
import {
  queuePageSize,
  type QueueFilters,
  type QueueItem,
  type QueuePage,
  type QueueSort,
  type Submission,
} from "../../src/shared/staff-contract";
import { kindSpec, type StoredColumns } from "../../src/shared/submissions/registry";
import { dueWindows, pipWindowEnd, type DueFilter } from "../../src/shared/submissions/rules";
import {
  finishedStatuses,
  submissionStatuses,
  type SubmissionStatus,
} from "../../src/shared/submissions/statuses";
import type { FieldKeys } from "../field-crypto";
import { toSubmission, type SubmissionRow } from "./submissions";

const orderBySql: Record<QueueSort, string> = {
  received: "received_at DESC, id DESC",
  key_date: "key_date ASC, id ASC",
  name: "patient_last_name COLLATE NOCASE, patient_first_name COLLATE NOCASE, id",
};

const finishedSql = finishedStatuses.map((s) => `'${s}'`).join(", ");

/** Each due filter as SQL: the same rule as `isDue`, on the stored columns. */
const dueSql: Record<DueFilter, (p: (value: unknown) => string, today: string) => string> = {
  prescription: (p, today) =>
    `kind = 'prescription' AND ((end_date BETWEEN ${p(today)} AND ${p(addDays(today, dueWindows.prescriptionDays))})
     OR visits_authorized - visits_used <= ${dueWindows.prescriptionVisitsLeft})`,
  pip: (p, today) =>
    `kind = 'mva_claim' AND key_date BETWEEN ${p(today)} AND ${p(addDays(today, dueWindows.pipDays))}`,
};

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
    clauses.push(`status NOT IN (${finishedSql})`);
    clauses.push(dueSql[filters.due](p, today));
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(" AND ")}` : "", params };
}

type QueueRow = Pick<
  SubmissionRow,
  | "id"
  | "kind"
  | "reference"
  | "status"
  | "received_at"
  | "patient_first_name"
  | "patient_last_name"
  | keyof StoredColumns
>;

const queueColumns = `id, kind, reference, status, received_at, patient_first_name, patient_last_name,
  key_date, start_date, end_date, visits_authorized, visits_used, accident_date, claim_number`;

function toQueueItem(row: QueueRow, today: string): QueueItem {
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
    pipWindowEnd: row.accident_date === null ? null : pipWindowEnd(row.accident_date),
    claimNumber: row.claim_number,
    keyDate: kindSpec(row.kind).queueKeyDate(row, today),
  };
}

function emptyCounts(): Record<SubmissionStatus, number> {
  return Object.fromEntries(submissionStatuses.map((s) => [s, 0])) as Record<SubmissionStatus, number>;
}

/** One page of the queue for `filters`, the total, and the whole queue's counts by status. */
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
  return {
    counts,
    items: rows.map((row) => toQueueItem(row, today)),
    page,
    pageCount,
    pageSize: queuePageSize,
    total,
  };
}

/** A submission as the export writes it: everything stored, with its queue columns. */
export interface ExportedSubmission {
  submission: Submission;
  columns: StoredColumns;
}

/**
 * Every submission matching `filters` (in the queue's order), with one `exported` audit row per
 * submission and one summary row (count and filters, never a search term), in one batch.
 */
export async function exportQueue(
  db: D1Database,
  keys: FieldKeys,
  input: {
    filters: QueueFilters;
    today: string;
    actor: string;
    now: Date;
    filterSummary: Record<string, unknown>;
  },
): Promise<ExportedSubmission[]> {
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
      .prepare(`SELECT * FROM submissions ${selected.sql} ORDER BY ${orderBySql[input.filters.sort]}`)
      .bind(...selected.params),
  ]);
  return Promise.all(
    ((result?.results ?? []) as unknown as SubmissionRow[]).map(async (row) => ({
      submission: await toSubmission(keys, row),
      columns: row,
    })),
  );
}
