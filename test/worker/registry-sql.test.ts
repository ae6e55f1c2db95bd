/**
 * The registry and the rules are said once in the core; the SQL that must repeat them is held to
 * their answers here, on the same rows: the CHECK constraints against the lists of kinds and
 * statuses, the queue's due filters against `isDue`, and the visit UPDATE against `visitRefusal`.
 */
import { env } from "cloudflare:workers";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { listQueue, openStatusSql } from "../../functions/db/queue";
import type { QueuePage, QueuePosition } from "../../src/shared/staff-contract";
import { recordVisit } from "../../functions/db/workflow";
import { addDays, todayInOregon } from "../../src/shared/dates";
import { kindSpec, submissionKindIds, type SubmissionKind } from "../../src/shared/submissions/registry";
import { dueFilters, isDue, visitRefusal, type DueFilter } from "../../src/shared/submissions/rules";
import {
  finishedStatuses,
  submissionStatuses,
  type SubmissionStatus,
} from "../../src/shared/submissions/statuses";

const today = todayInOregon();
const staff = { id: 0, email: "rules@example.org", name: "Rules Test", role: "staff" as const };

interface Row {
  kind: SubmissionKind;
  status: SubmissionStatus;
  startDate: string;
  endDate: string;
  visitsAuthorized: number;
  visitsUsed: number;
  accidentDate: string;
  receivedAt: string;
}

/** The columns the insert path stores for `row`, from its kind's registry entry. */
function columnsOf(row: Row, serialNumber: number) {
  const input =
    row.kind === "prescription"
      ? { startDate: row.startDate, endDate: row.endDate, visitsAuthorized: row.visitsAuthorized }
      : row.kind === "mva_claim"
        ? { accidentDate: row.accidentDate, claimNumber: `CLM-${serialNumber}` }
        : {};
  return kindSpec(row.kind).columns(input, row.receivedAt);
}

let serial = 0;
/** Inserts a submission row as the insert path would (columns from the registry); returns its id. */
async function insert(row: Row): Promise<number> {
  serial += 1;
  const columns = columnsOf(row, serial);
  const inserted = await env.DB.prepare(
    `INSERT INTO submissions (reference, kind, status, idempotency_key, payload_hash, received_at,
       patient_first_name, patient_last_name, date_of_birth, start_date, end_date, visits_authorized,
       visits_used, accident_date, claim_number, fields, key_date)
     VALUES (?1, ?2, ?3, ?4, 'x', ?5, 'Test', 'Patient', '1980-01-01', ?6, ?7, ?8, ?9, ?10, ?11, '{}', ?12)
     RETURNING id`,
  )
    .bind(
      `T-${String(serial).padStart(7, "0")}`,
      row.kind,
      row.status,
      `rules-test-key-${serial}-${crypto.randomUUID()}`,
      row.receivedAt,
      columns.start_date,
      columns.end_date,
      columns.visits_authorized,
      row.kind === "prescription" ? Math.min(row.visitsUsed, row.visitsAuthorized) : 0,
      columns.accident_date,
      columns.claim_number,
      columns.key_date,
    )
    .first<{ id: number }>();
  return inserted!.id;
}

const rowArbitrary = fc
  .record({
    kind: fc.constantFrom(...submissionKindIds),
    status: fc.constantFrom(...submissionStatuses),
    startOffset: fc.integer({ min: -120, max: 30 }),
    length: fc.integer({ min: 0, max: 120 }),
    visitsAuthorized: fc.integer({ min: 1, max: 12 }),
    visitsUsed: fc.integer({ min: 0, max: 12 }),
    // Around the PIP window's edges: two years back, give or take the 60-day due window.
    accidentOffset: fc.integer({ min: -800, max: 0 }),
    // Estimate requests from ten days ago to today, around their 3-business-day deadline.
    receivedOffset: fc.integer({ min: -10, max: 0 }),
  })
  .map((r): Row => ({
    kind: r.kind,
    status: r.status,
    startDate: addDays(today, r.startOffset),
    endDate: addDays(today, r.startOffset + r.length),
    visitsAuthorized: r.visitsAuthorized,
    visitsUsed: Math.min(r.visitsUsed, r.visitsAuthorized),
    accidentDate: addDays(today, r.accidentOffset),
    receivedAt: `${addDays(today, r.receivedOffset)}T20:00:00.000Z`,
  }));

async function dueIds(filter: DueFilter): Promise<Set<number>> {
  const ids = new Set<number>();
  let position: QueuePosition | null = { page: 1 };
  while (position) {
    const result: QueuePage = await listQueue(env.DB, {
      filters: { due: filter, sort: "received" },
      position,
      today,
      actor: staff.email,
      now: new Date(),
    });
    for (const item of result.items) ids.add(item.id);
    position = result.next;
  }
  return ids;
}

describe("the SQL says what the core says", () => {
  it("the open-submission indexes leave out exactly the finished statuses, as the queue's SQL writes it", async () => {
    expect(openStatusSql).toBe(`status NOT IN (${finishedStatuses.map((s) => `'${s}'`).join(", ")})`);
    const { results } = await env.DB.prepare(
      "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND name LIKE 'submissions_open_%'",
    ).all<{ name: string; sql: string }>();
    expect(results).toHaveLength(2);
    for (const index of results) expect(index.sql.replace(/\s+/g, " ")).toContain(`WHERE ${openStatusSql}`);
  });

  it("CHECK constraints allow exactly the registry's kinds and the workflow's statuses", async () => {
    const table = await env.DB.prepare("SELECT sql FROM sqlite_master WHERE name = 'submissions'").first<{
      sql: string;
    }>();
    const listIn = (column: string) =>
      [...new RegExp(`\\b${column} IN \\(([^)]*)\\)`).exec(table!.sql)![1]!.matchAll(/'([^']+)'/g)].map(
        (m) => m[1],
      );
    expect(listIn("kind")).toEqual([...submissionKindIds]);
    expect(listIn("status")).toEqual([...submissionStatuses]);
    const base: Row = {
      kind: "prescription",
      status: "new",
      startDate: today,
      endDate: addDays(today, 30),
      visitsAuthorized: 4,
      visitsUsed: 0,
      accidentDate: today,
      receivedAt: new Date().toISOString(),
    };
    for (const status of submissionStatuses) expect(await insert({ ...base, status })).toBeGreaterThan(0);
    await expect(insert({ ...base, status: "lost" as SubmissionStatus })).rejects.toThrow(/CHECK/);
    await expect(insert({ ...base, kind: "referral" as SubmissionKind })).rejects.toThrow();
  });

  it("the due filters list exactly the rows isDue picks, at the windows' edges too", async () => {
    const rows = fc.sample(rowArbitrary, { numRuns: 160, seed: 20261201 });
    const edges: Row[] = [0, 14, 15, -1].flatMap((offset) => [
      {
        ...rows[0]!,
        kind: "prescription",
        status: "in_review",
        endDate: addDays(today, offset),
        visitsUsed: 0,
      },
      {
        ...rows[0]!,
        kind: "mva_claim",
        status: "new",
        accidentDate: addDays(addDays(today, offset * 4), -730),
      },
    ]);
    const inserted = new Map<number, Row>();
    for (const row of [...rows, ...edges]) inserted.set(await insert(row), row);
    for (const filter of dueFilters) {
      const listed = await dueIds(filter);
      for (const [id, row] of inserted) {
        const keyDate = columnsOf(row, 0).key_date;
        expect(listed.has(id), `${filter}: ${JSON.stringify(row)}`).toBe(
          isDue(filter, { ...row, keyDate }, today),
        );
      }
    }
  });

  it("a visit is recorded exactly when visitRefusal finds no reason against it", async () => {
    const rows = fc.sample(rowArbitrary, { numRuns: 60, seed: 7 });
    for (const row of rows) {
      const id = await insert(row);
      const refusal = visitRefusal(
        {
          ...row,
          kindLabel: kindSpec(row.kind).label,
          visitsUsed: row.kind === "prescription" ? row.visitsUsed : 0,
        },
        today,
      );
      const result = await recordVisit(env.DB, { id, staff, today, now: new Date() });
      expect(result.recorded, JSON.stringify({ row, refusal })).toBe(refusal === null);
    }
  });
});
