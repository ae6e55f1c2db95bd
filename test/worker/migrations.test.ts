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
          ? kindSpec("prescription").columns(
              { endDate: row.end_date, startDate: row.start_date },
              String(row.received_at),
            ).key_date
          : kindSpec("mva_claim").columns({ accidentDate: row.accident_date }, String(row.received_at))
              .key_date;
      expect(key_date).toBe(expected);
    }
    // February 29 becomes February 28, as addYears says.
    expect(rowsAfter.find((r) => r.accident_date === "2024-02-29")!.key_date).toBe(addYears("2024-02-29", 2));
    const audit = await db.prepare("SELECT count(*) AS n FROM audit_log").first<{ n: number }>();
    expect(audit!.n).toBe(accidents.length + 1);
  });
});

describe("0008_good_faith_estimates", () => {
  it("rebuilds submissions with every row and column, keeps notes' foreign key and triggers, and allows the new kind", async () => {
    const db = env.MIGRATION_DB;
    await applyD1Migrations(db, before("0008"));
    await db.batch([
      db.prepare(
        `INSERT INTO staff_accounts (email, name, password_hash, created_at)
         VALUES ('desk@example.org', 'Desk', 'x', '2026-01-01T00:00:00Z')`,
      ),
      db.prepare(
        `INSERT INTO submissions (reference, kind, status, idempotency_key, payload_hash, received_at,
           patient_first_name, patient_last_name, date_of_birth, start_date, end_date, visits_authorized,
           visits_used, fields, key_date, deleting, last_activity_at)
         VALUES ('RX-OLD0801', 'prescription', 'accepted', 'k-0008-rx', 'h', '2026-01-01T00:00:00Z', 'Maria', 'Lopez',
           '1980-04-27', '2026-01-05', '2026-03-01', 8, 3, 'enc:v1:x', '2026-03-01', 0, '2026-02-01T00:00:00Z')`,
      ),
      db.prepare(
        `INSERT INTO submissions (reference, kind, idempotency_key, payload_hash, received_at,
           patient_first_name, patient_last_name, date_of_birth, accident_date, claim_number, fields, key_date,
           last_activity_at)
         VALUES ('MVA-OLD0802', 'mva_claim', 'k-0008-mva', 'h', '2026-01-02T00:00:00Z', 'Sam', 'Rivera', '1990-02-14',
           '2025-12-01', 'CLM-1', '{}', '2027-12-01', '2026-01-02T00:00:00Z')`,
      ),
      db.prepare(
        `INSERT INTO submission_notes (submission_id, staff_id, at, text)
         SELECT s.id, a.id, '2026-01-03T00:00:00Z', 'enc:v1:note' FROM submissions s, staff_accounts a
         WHERE s.reference = 'RX-OLD0801'`,
      ),
    ]);
    const rowsBefore = (await db.prepare("SELECT * FROM submissions ORDER BY id").all()).results;
    const notesBefore = (await db.prepare("SELECT * FROM submission_notes ORDER BY id").all()).results;

    await applyD1Migrations(db, env.TEST_MIGRATIONS);

    expect((await db.prepare("SELECT * FROM submissions ORDER BY id").all()).results).toEqual(rowsBefore);
    expect((await db.prepare("SELECT * FROM submission_notes ORDER BY id").all()).results).toEqual(
      notesBefore,
    );
    const objects = (
      await db
        .prepare(
          "SELECT type, name FROM sqlite_master WHERE tbl_name IN ('submissions', 'submission_notes') ORDER BY name",
        )
        .all<{ type: string; name: string }>()
    ).results.map((o) => `${o.type} ${o.name}`);
    for (const index of [
      "submissions_by_status",
      "submissions_by_kind",
      "submissions_by_end_date",
      "submissions_by_accident_date",
      "submissions_by_key_date",
      "submissions_by_last_activity",
      "submission_notes_by_submission",
    ])
      expect(objects).toContain(`index ${index}`);
    expect(objects).toContain("trigger submission_notes_are_append_only_update");
    expect(objects).toContain("trigger submission_notes_are_append_only_delete");

    // The foreign key still holds, and notes stay append-only.
    await expect(
      db
        .prepare("INSERT INTO submission_notes (submission_id, staff_id, at, text) VALUES (999, 1, 'x', 'y')")
        .run(),
    ).rejects.toThrow(/FOREIGN KEY/);
    await expect(db.prepare("DELETE FROM submission_notes").run()).rejects.toThrow(/append-only/);
    const fk = await db.prepare("PRAGMA foreign_key_list(submission_notes)").all<{ table: string }>();
    expect(fk.results.map((r) => r.table)).toContain("submissions");

    // The new kind is accepted, with its due date as key date.
    await db
      .prepare(
        `INSERT INTO submissions (reference, kind, idempotency_key, payload_hash, received_at,
           patient_first_name, patient_last_name, date_of_birth, fields, key_date, last_activity_at)
         VALUES ('GFE-NEW0003', 'good_faith_estimate', 'k-gfe', 'h', '2026-12-01T18:00:00Z', 'Ana', 'Diaz',
           '1985-05-05', '{}', '2026-12-04', '2026-12-01T18:00:00Z')`,
      )
      .run();
    expect(
      (await db.prepare("SELECT count(*) AS n FROM good_faith_estimates").first<{ n: number }>())!.n,
    ).toBe(0);
  });
});
