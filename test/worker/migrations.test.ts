/**
 * Migrations carry every row over: each is applied to a database made by the migrations before
 * it, holding rows in the shape those made, and the rows are checked afterwards.
 */
import { applyD1Migrations, env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { addYears } from "../../src/shared/dates";
import { kindSpec } from "../../src/shared/submissions/registry";

const before = (name: string) => env.TEST_MIGRATIONS.filter((m) => m.name < name);

describe("0004_store_key_date", () => {
  it("fills the key date of every existing row by the registry's rule, changing nothing else", async () => {
    const db = env.MIGRATION_DB;
    await applyD1Migrations(db, before("0004"));
    const accidents = ["2024-02-29", "2023-03-01", "2025-12-31", "2024-02-28"];
    const statements = accidents.map((accident, i) =>
      db
        .prepare(
          `INSERT INTO submissions (reference, kind, idempotency_key, payload_hash, received_at,
             patient_first_name, patient_last_name, date_of_birth, accident_date, claim_number, fields)
           VALUES (?1, 'mva_claim', ?1, 'h', '2026-01-01T00:00:00Z', 'Sam', 'Rivera', '1990-02-14', ?2, ?3, '{}')`,
        )
        .bind(`MVA-OLD000${i}`, accident, `CLM-${i}`),
    );
    statements.push(
      db.prepare(
        `INSERT INTO submissions (reference, kind, idempotency_key, payload_hash, received_at,
             patient_first_name, patient_last_name, date_of_birth, start_date, end_date, visits_authorized,
             visits_used, fields)
           VALUES ('RX-OLD0000', 'prescription', 'rx-key', 'h', '2026-01-01T00:00:00Z', 'Maria', 'Lopez',
             '1980-04-27', '2026-01-05', '2026-03-01', 8, 3, '{"a":1}')`,
      ),
      db.prepare(
        "INSERT INTO audit_log (at, actor, action, submission_id) SELECT '2026-01-01', 'public form', 'submitted', id FROM submissions",
      ),
    );
    await db.batch(statements);
    const rowsBefore = (await db.prepare("SELECT * FROM submissions ORDER BY id").all()).results;

    await applyD1Migrations(db, env.TEST_MIGRATIONS);

    const rowsAfter = (
      await db.prepare("SELECT * FROM submissions ORDER BY id").all<Record<string, unknown>>()
    ).results;
    expect(rowsAfter).toHaveLength(rowsBefore.length);
    for (const [i, row] of rowsAfter.entries()) {
      const { key_date, visits_left: _left, search_ids: _ids, ...rest } = row;
      expect(rest).toEqual(rowsBefore[i]);
      const expected =
        row.kind === "prescription"
          ? kindSpec("prescription").columns({ endDate: row.end_date, startDate: row.start_date }).key_date
          : kindSpec("mva_claim").columns({ accidentDate: row.accident_date }).key_date;
      expect(key_date).toBe(expected);
    }
    // February 29 becomes February 28, as addYears says.
    expect(rowsAfter.find((r) => r.accident_date === "2024-02-29")!.key_date).toBe(addYears("2024-02-29", 2));
    const audit = await db.prepare("SELECT count(*) AS n FROM audit_log").first<{ n: number }>();
    expect(audit!.n).toBe(accidents.length + 1);
  });
});

/** Empties `db` (tables, triggers, the migrations record), so a describe block can start from nothing. */
async function emptyDatabase(db: D1Database): Promise<void> {
  const objects = async (type: string) =>
    (
      await db
        .prepare(
          "SELECT name FROM sqlite_master WHERE type = ?1 AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%'",
        )
        .bind(type)
        .all<{ name: string }>()
    ).results.map((r) => r.name);
  for (const name of await objects("trigger")) await db.prepare(`DROP TRIGGER "${name}"`).run();
  // Children before parents (foreign keys): retry what a reference still holds until all are gone.
  for (let round = 0; round < 5; round++) {
    for (const name of await objects("table"))
      await db
        .prepare(`DROP TABLE IF EXISTS "${name}"`)
        .run()
        .catch(() => undefined);
  }
  expect(await objects("table")).toEqual([]);
}

describe("0006_queue_at_scale", () => {
  it("keeps every row, counts the existing ones by status and makes them searchable", async () => {
    const db = env.MIGRATION_DB;
    await emptyDatabase(db);
    await applyD1Migrations(db, before("0006"));
    const people = [
      ["José", "Núñez", "prescription", "accepted"],
      ["Ann", "O'Neil", "prescription", "closed"],
      ["Sam", "Rivera", "mva_claim", "new"],
      ["Li", "Wong", "mva_claim", "new"],
    ] as const;
    await db.batch([
      ...people.map(([first, last, kind, status], i) =>
        kind === "prescription"
          ? db
              .prepare(
                `INSERT INTO submissions (reference, kind, status, idempotency_key, payload_hash, received_at,
                   patient_first_name, patient_last_name, date_of_birth, start_date, end_date, visits_authorized,
                   visits_used, fields, key_date)
                 VALUES (?1, 'prescription', ?2, ?1, 'h', '2026-01-0${i + 1}T00:00:00Z', ?3, ?4, '1980-04-27',
                   '2026-01-05', '2026-03-01', 8, 7, '{}', '2026-03-01')`,
              )
              .bind(`RX-OLD000${i}`, status, first, last)
          : db
              .prepare(
                `INSERT INTO submissions (reference, kind, status, idempotency_key, payload_hash, received_at,
                   patient_first_name, patient_last_name, date_of_birth, accident_date, claim_number, fields, key_date)
                 VALUES (?1, 'mva_claim', ?2, ?1, 'h', '2026-01-0${i + 1}T00:00:00Z', ?3, ?4, '1990-02-14',
                   '2025-06-01', ?5, '{}', '2027-06-01')`,
              )
              .bind(`MVA-OLD000${i}`, status, first, last, `CLM 2025-00${i}`),
      ),
      db.prepare(
        "INSERT INTO audit_log (at, actor, action, submission_id) SELECT '2026-01-01', 'public form', 'submitted', id FROM submissions",
      ),
    ]);
    const rowsBefore = (await db.prepare("SELECT * FROM submissions ORDER BY id").all()).results;

    await applyD1Migrations(db, env.TEST_MIGRATIONS);

    const rowsAfter = (
      await db.prepare("SELECT * FROM submissions ORDER BY id").all<Record<string, unknown>>()
    ).results;
    expect(rowsAfter.map(({ visits_left: _v, search_ids: _s, ...rest }) => rest)).toEqual(rowsBefore);
    expect(rowsAfter.map((r) => r.visits_left)).toEqual([1, 1, null, null]);
    expect((await db.prepare("SELECT count(*) AS n FROM audit_log").first<{ n: number }>())!.n).toBe(4);

    const counts = async () =>
      (
        await db
          .prepare("SELECT kind, status, n FROM submission_counts WHERE n > 0 ORDER BY kind, status")
          .all()
      ).results;
    const grouped = async () =>
      (
        await db
          .prepare(
            "SELECT kind, status, count(*) AS n FROM submissions GROUP BY kind, status ORDER BY kind, status",
          )
          .all()
      ).results;
    expect(await counts()).toEqual(await grouped());

    const found = async (match: string) =>
      (
        await db
          .prepare(
            "SELECT rowid AS id FROM submissions_search WHERE submissions_search MATCH ?1 ORDER BY rowid",
          )
          .bind(match)
          .all<{ id: number }>()
      ).results.map((r) => r.id);
    const ids = rowsAfter.map((r) => r.id as number);
    expect(await found('"nunez"*')).toEqual([ids[0]]);
    expect(await found('"o\'ne"*')).toEqual([ids[1]]);
    expect(await found('search_ids : "clm2025002"*')).toEqual([ids[2]]);

    // From now on the triggers keep both in step with every change.
    await db.prepare("UPDATE submissions SET status = 'in_review' WHERE id = ?1").bind(ids[2]).run();
    expect(await counts()).toEqual(await grouped());
  });
});
