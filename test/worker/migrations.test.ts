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

describe("0005_two_factor_and_roles", () => {
  /** MIGRATION_DB is one per file: empties it (another block may have migrated it) for this one. */
  async function emptyMigrationDb(db: D1Database) {
    const { results } = await db
      .prepare(
        "SELECT type, name FROM sqlite_master WHERE type IN ('table', 'view', 'trigger') AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' ORDER BY rowid DESC",
      )
      .all<{ type: string; name: string }>();
    for (const { type, name } of results)
      await db.prepare(`DROP ${type.toUpperCase()} IF EXISTS "${name}"`).run();
  }

  it("keeps every account, makes the oldest admin, leaves all to enrol, and ends password-only sessions", async () => {
    const db = env.MIGRATION_DB;
    await emptyMigrationDb(db);
    await applyD1Migrations(db, before("0005"));
    const hash = "pbkdf2-sha256$100000$AAAA$BBBB";
    await db.batch([
      // Inserted newest first: the oldest by created_at becomes admin, not the first id.
      db
        .prepare(
          "INSERT INTO staff_accounts (email, name, password_hash, created_at) VALUES ('new@example.org', 'New', ?1, '2026-03-01T00:00:00Z')",
        )
        .bind(hash),
      db
        .prepare(
          "INSERT INTO staff_accounts (email, name, password_hash, created_at) VALUES ('manager@example.org', 'Manager', ?1, '2026-01-01T00:00:00Z')",
        )
        .bind(hash),
      db
        .prepare(
          "INSERT INTO staff_accounts (email, name, password_hash, created_at, disabled_at) VALUES ('gone@example.org', 'Gone', ?1, '2026-02-01T00:00:00Z', '2026-02-02T00:00:00Z')",
        )
        .bind(hash),
      db.prepare(
        "INSERT INTO staff_sessions (token_hash, staff_id, created_at, last_seen_at, expires_at, ip) SELECT 'h' || id, id, '2026-03-01', '2026-03-01', '2099-01-01', '10.0.0.1' FROM staff_accounts",
      ),
      db.prepare(
        "INSERT INTO sign_in_failures (at, email, ip) VALUES ('2026-03-01T00:00:00Z', 'new@example.org', '10.0.0.2')",
      ),
    ]);
    const before5 = (
      await db.prepare("SELECT * FROM staff_accounts ORDER BY id").all<Record<string, unknown>>()
    ).results;

    await applyD1Migrations(db, env.TEST_MIGRATIONS);

    const after = (
      await db.prepare("SELECT * FROM staff_accounts ORDER BY id").all<Record<string, unknown>>()
    ).results;
    expect(after).toHaveLength(3);
    for (const [i, row] of after.entries()) {
      const { role, totp_secret, totp_last_step, last_sign_in_at, ...rest } = row;
      expect(rest).toEqual(before5[i]);
      expect(role).toBe(row.email === "manager@example.org" ? "admin" : "staff");
      expect([totp_secret, totp_last_step, last_sign_in_at]).toEqual([null, null, null]);
    }
    const sessions = await db.prepare("SELECT count(*) AS n FROM staff_sessions").first<{ n: number }>();
    expect(sessions!.n).toBe(0);
    const failures = await db.prepare("SELECT count(*) AS n FROM sign_in_failures").first<{ n: number }>();
    expect(failures!.n).toBe(1);
    // Roles are checked by the database too.
    await expect(db.prepare("UPDATE staff_accounts SET role = 'owner' WHERE id = 1").run()).rejects.toThrow();
    // The new tables take rows.
    await db.batch([
      db.prepare("INSERT INTO staff_recovery_codes (staff_id, code_hash) VALUES (1, 'x')"),
      db.prepare(
        "INSERT INTO staff_pending_sign_ins (token_hash, staff_id, created_at, expires_at) VALUES ('p', 1, 'a', 'b')",
      ),
    ]);
  });
});
