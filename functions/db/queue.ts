/**
 * The review queue in D1: filters, search, sort, pages by key, counts by status, and the CSV
 * export's pages. Every view is an index range read (migration 0006): a page reads its 26 rows
 * from the index of its sort order, counts come from `submission_counts`, a search reads its FTS5
 * matches, and the deadline filters read open submissions only. The due filters repeat the core's
 * `isDue` rule in SQL; `test/worker/registry-sql.test.ts` checks them against it on the same rows.
 */
import { addDays } from "../../src/shared/dates";
import {
  queuePageSize,
  type QueueFilters,
  type QueueItem,
  type QueuePage,
  type QueuePosition,
  type QueueSort,
  type Submission,
} from "../../src/shared/staff-contract";
import { kindSpec, type StoredColumns } from "../../src/shared/submissions/registry";
import { pipWindowEnd } from "../../src/shared/submissions/form-rules";
import { dueWindows, estimateDueHorizon, type DueFilter } from "../../src/shared/submissions/rules";
import {
  finishedStatuses,
  submissionStatuses,
  type SubmissionStatus,
} from "../../src/shared/submissions/statuses";
import { listingAuditStatements, type ReadAuditActor } from "./read-audit";
import { searchMatch } from "./search";
import type { FieldKeys } from "../field-crypto";
import { toSubmission, type SubmissionRow } from "./submissions";

/** Each sort's key, most significant first; `id` last breaks ties and makes the key unique. */
const sortKeys: Record<QueueSort, { columns: string[]; collate: boolean; descending: boolean }> = {
  received: { columns: ["received_at", "id"], collate: false, descending: true },
  key_date: { columns: ["key_date", "id"], collate: false, descending: false },
  name: { columns: ["patient_last_name", "patient_first_name", "id"], collate: true, descending: false },
};

/** `status NOT IN ('closed', 'declined')`, exactly as the partial indexes of migration 0006 say it. */
export const openStatusSql = `status NOT IN (${finishedStatuses.map((s) => `'${s}'`).join(", ")})`;

/** Numbered placeholders for one statement. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    return `?${this.values.push(value)}`;
  }
}

/**
 * Each due filter as SQL: the same rule as `isDue`, on the stored columns, as the ids of open
 * submissions read from the partial indexes of migration 0006 (a set as small as the open
 * caseload; the page is then sorted from it, never by walking a whole sort index). UNION ALL, not
 * UNION: `IN` ignores a repeated id, and D1 counts every row a de-duplicating sort reads again.
 */
const dueSql: Record<DueFilter, (p: Params, today: string) => string> = {
  prescription: (p, today) => {
    const open = `kind = 'prescription' AND ${openStatusSql}`;
    return `id IN (SELECT id FROM submissions WHERE ${open} AND key_date BETWEEN ${p.add(today)} AND ${p.add(
      addDays(today, dueWindows.prescriptionDays),
    )} UNION ALL SELECT id FROM submissions WHERE ${open} AND visits_left <= ${p.add(dueWindows.prescriptionVisitsLeft)})`;
  },
  pip: (p, today) =>
    `id IN (SELECT id FROM submissions WHERE kind = 'mva_claim' AND ${openStatusSql} AND key_date BETWEEN ${p.add(
      today,
    )} AND ${p.add(addDays(today, dueWindows.pipDays))})`,
  estimate: (p, today) =>
    `id IN (SELECT id FROM submissions WHERE kind = 'good_faith_estimate' AND ${openStatusSql} AND key_date <= ${p.add(
      estimateDueHorizon(today),
    )})`,
};

/** The WHERE terms for `filters` (ANDed), with their parameters added to `p`. */
function filterTerms(filters: QueueFilters, today: string, p: Params): string[] {
  const terms: string[] = [];
  if (filters.kind) terms.push(`kind = ${p.add(filters.kind)}`);
  if (filters.status) terms.push(`status = ${p.add(filters.status)}`);
  if (filters.q !== undefined) {
    const match = searchMatch(filters.q);
    terms.push(
      match === null
        ? "0"
        : `id IN (SELECT rowid FROM submissions_search WHERE submissions_search MATCH ${p.add(match)})`,
    );
  }
  if (filters.due) terms.push(dueSql[filters.due](p, today));
  return terms;
}

type Direction = "forward" | "backward";

/** ORDER BY for a sort, read forward (the queue's order) or backward. */
function orderBy(sort: QueueSort, direction: Direction): string {
  const key = sortKeys[sort];
  const descending = key.descending !== (direction === "backward");
  return key.columns
    .map((c) => `${c}${key.collate && c !== "id" ? " COLLATE NOCASE" : ""} ${descending ? "DESC" : "ASC"}`)
    .join(", ");
}

/**
 * Rows strictly past the row with id `cursor` in `direction`: a row-value comparison on the sort
 * key. SQLite reads a row value as an index range, except through COLLATE; the name sort also
 * states its first column's bound alone, which gives that range.
 */
function pastCursor(sort: QueueSort, direction: Direction, cursor: string): string {
  const key = sortKeys[sort];
  const collated = (c: string) => (key.collate && c !== "id" ? `${c} COLLATE NOCASE` : c);
  const descending = key.descending !== (direction === "backward");
  const past = `(${key.columns.map(collated).join(", ")}) ${descending ? "<" : ">"} (SELECT ${key.columns.join(", ")} FROM submissions WHERE id = ${cursor})`;
  if (!key.collate) return past;
  const first = key.columns[0]!;
  return `${collated(first)} ${descending ? "<=" : ">="} (SELECT ${first} FROM submissions WHERE id = ${cursor}) AND ${past}`;
}

/** A SELECT of `columns` for `filters`, `limit` rows in `direction` past `cursor` (an id) if any. */
export function queueSelect(input: {
  columns: string;
  filters: QueueFilters;
  today: string;
  direction: Direction;
  cursor?: number | undefined;
  limit: number;
}): { sql: string; params: unknown[] } {
  const p = new Params();
  const terms = filterTerms(input.filters, input.today, p);
  if (input.cursor !== undefined)
    terms.push(pastCursor(input.filters.sort, input.direction, p.add(input.cursor)));
  const where = terms.length ? `WHERE ${terms.join(" AND ")}` : "";
  return {
    sql: `SELECT ${input.columns} FROM submissions ${where} ORDER BY ${orderBy(input.filters.sort, input.direction)} LIMIT ${p.add(input.limit)}`,
    params: p.values,
  };
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

/** The kind's key-date cell; a finished submission is never late. */
function keyDateCell(row: QueueRow, today: string): QueueItem["keyDate"] {
  const cell = kindSpec(row.kind).queueKeyDate(row, today);
  return finishedStatuses.includes(row.status) ? { ...cell, late: false } : cell;
}

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
    keyDate: keyDateCell(row, today),
  };
}

interface CountRow {
  kind: string;
  status: SubmissionStatus;
  n: number;
}

/** The statement for the total of `filters` when the counts table cannot give it, else null. */
function totalStatement(db: D1Database, filters: QueueFilters, today: string): D1PreparedStatement | null {
  if (filters.q === undefined && !filters.due) return null;
  const match = filters.q === undefined ? null : searchMatch(filters.q);
  // A search alone is counted in the search index, without reading a single submission.
  if (match !== null && !filters.kind && !filters.status && !filters.due) {
    return db
      .prepare("SELECT count(*) AS n FROM submissions_search WHERE submissions_search MATCH ?1")
      .bind(match);
  }
  const p = new Params();
  const terms = filterTerms(filters, today, p);
  return db.prepare(`SELECT count(*) AS n FROM submissions WHERE ${terms.join(" AND ")}`).bind(...p.values);
}

function pageStatement(
  db: D1Database,
  filters: QueueFilters,
  today: string,
  direction: Direction,
  limit: number,
  cursor?: number,
): D1PreparedStatement {
  const select = queueSelect({ columns: queueColumns, filters, today, direction, cursor, limit });
  return db.prepare(select.sql).bind(...select.params);
}

const rowsOf = (result: D1Result<Record<string, unknown>> | undefined) =>
  (result?.results ?? []) as unknown as QueueRow[];

/**
 * One page of the queue for `filters` at `position`, the total, the whole queue's counts by
 * status, and links to the neighbouring pages; the listing is audited (who, when, which filter,
 * which ids) before it is returned.
 */
export async function listQueue(
  db: D1Database,
  input: { filters: QueueFilters; position: QueuePosition; today: string } & ReadAuditActor,
): Promise<QueuePage> {
  const { filters, position, today } = input;
  const size = queuePageSize;
  const totalQuery = totalStatement(db, filters, today);
  const counted = (results: D1Result<Record<string, unknown>>[]) => {
    const counts = Object.fromEntries(submissionStatuses.map((s) => [s, 0])) as Record<
      SubmissionStatus,
      number
    >;
    let filtered = 0;
    for (const row of (results[0]?.results ?? []) as unknown as CountRow[]) {
      counts[row.status] += row.n;
      if ((!filters.kind || row.kind === filters.kind) && (!filters.status || row.status === filters.status))
        filtered += row.n;
    }
    const total = totalQuery ? ((results[1]?.results[0] as { n: number } | undefined)?.n ?? 0) : filtered;
    return { counts, total, pageCount: Math.max(1, Math.ceil(total / size)) };
  };
  const head = [
    db.prepare("SELECT kind, status, n FROM submission_counts"),
    ...(totalQuery ? [totalQuery] : []),
  ];

  let rows: QueueRow[];
  let hasPrevious: boolean;
  let hasNext: boolean;
  let summary: ReturnType<typeof counted>;
  if (position.last) {
    summary = counted(await db.batch<Record<string, unknown>>(head));
    const lastSize = summary.total - (summary.pageCount - 1) * size || size;
    rows = rowsOf(
      (await db.batch<Record<string, unknown>>([pageStatement(db, filters, today, "backward", lastSize)]))[0],
    ).reverse();
    hasNext = false;
    hasPrevious = summary.pageCount > 1;
  } else {
    const direction: Direction = position.before !== undefined ? "backward" : "forward";
    const cursor = position.before ?? position.after;
    const results = await db.batch<Record<string, unknown>>([
      ...head,
      pageStatement(db, filters, today, direction, size + 1, cursor),
    ]);
    summary = counted(results);
    const fetched = rowsOf(results.at(-1));
    const more = fetched.length > size;
    rows = fetched.slice(0, size);
    if (direction === "backward") rows.reverse();
    hasPrevious = cursor !== undefined && (direction === "forward" || more);
    hasNext = direction === "backward" || more;
    // Past either end (rows changed meanwhile, or an edited address): start again from that end.
    if (rows.length === 0 && cursor !== undefined) {
      return listQueue(db, {
        ...input,
        position: direction === "forward" ? { page: 1, last: true } : { page: 1 },
      });
    }
    if (direction === "backward" && !more && rows.length < size)
      return listQueue(db, { ...input, position: { page: 1 } });
  }
  const { counts, total, pageCount } = summary;
  // The page's number: 1 with nothing before it, the last with nothing after, else as asked.
  const page = !hasPrevious
    ? 1
    : !hasNext
      ? pageCount
      : Math.min(Math.max(position.page, 2), Math.max(pageCount - 1, 2));
  const items = rows.map((row) => toQueueItem(row, today));
  await db.batch(listingAuditStatements(db, { ...input, page, ids: items.map((item) => item.id) }));
  const first = items[0];
  const final = items.at(-1);
  return {
    counts,
    items,
    page,
    pageCount,
    pageSize: size,
    total,
    previous: hasPrevious && first ? { before: first.id, page: page - 1 } : null,
    next: hasNext && final ? { after: final.id, page: page + 1 } : null,
    last: hasNext ? { last: true, page: pageCount } : null,
  };
}

/** A submission as the export writes it: everything stored, with its queue columns. */
export interface ExportedSubmission {
  submission: Submission;
  columns: StoredColumns;
}

/** Rows per page of the CSV export: one page is read, written out and dropped before the next. */
const exportPageSize = 500;

/**
 * Every submission matching `filters`, in the queue's order, as successive pages read by key
 * (each page one short indexed read, so other requests are answered between them).
 */
export async function* exportPages(
  db: D1Database,
  keys: FieldKeys,
  filters: QueueFilters,
  today: string,
): AsyncGenerator<ExportedSubmission[]> {
  let cursor: number | undefined;
  for (;;) {
    const select = queueSelect({
      columns: "*",
      filters,
      today,
      direction: "forward",
      cursor,
      limit: exportPageSize,
    });
    const { results } = await db
      .prepare(select.sql)
      .bind(...select.params)
      .all<SubmissionRow>();
    if (results.length === 0) return;
    yield await Promise.all(
      results.map(async (row) => ({ submission: await toSubmission(keys, row), columns: row })),
    );
    if (results.length < exportPageSize) return;
    cursor = results.at(-1)!.id;
  }
}
