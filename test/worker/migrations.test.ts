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

    await applyD1Migrations(db, before("0005"));

    const rowsAfter = (
      await db.prepare("SELECT * FROM submissions ORDER BY id").all<Record<string, unknown>>()
    ).results;
    expect(rowsAfter).toHaveLength(rowsBefore.length);
    for (const [i, row] of rowsAfter.entries()) {
      const { key_date, ...rest } = row;
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
