/**
 * Migrations carry every row over: each is applied to a database made by the migrations before
 * it, holding rows in the shape those made, and the rows are checked afterwards.
 */
import { applyD1Migrations } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { addYears } from "../../src/shared/dates";
import { kindSpec } from "../../src/shared/submissions/registry";
import { before, emptyDatabase } from "./migration-helpers";

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
      const { key_date, visits_left: _left, search_ids: _ids, ...rest } = row;
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

describe("0005_two_factor_and_roles", () => {
  it("keeps every account, makes the oldest admin, leaves all to enrol, and ends password-only sessions", async () => {
    const db = env.MIGRATION_DB;
    await emptyDatabase(db);
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

describe("0007_retention_and_encryption", () => {
  it("carries every row over, fills the last activity, and lets a submission be deleted at last", async () => {
    const db = env.MIGRATION_DB;
    await emptyDatabase(db);
    await applyD1Migrations(db, before("0007"));
    await db.batch([
      db.prepare(
        `INSERT INTO staff_accounts (email, name, password_hash, created_at)
         VALUES ('old@example.org', 'Old Desk', 'pbkdf2-sha256$1$AA==$AA==', '2025-01-01T00:00:00Z')`,
      ),
      db.prepare(
        `INSERT INTO submissions (reference, kind, idempotency_key, payload_hash, received_at,
           patient_first_name, patient_last_name, date_of_birth, start_date, end_date, visits_authorized,
           fields, key_date)
         VALUES ('RX-OLD7777', 'prescription', 'old-key-7', 'h', '2025-01-01T00:00:00.000Z', 'Maria', 'Lopez',
           '1980-04-27', '2025-01-05', '2025-03-01', 8, '{"memberId":"PLAIN1"}', '2025-03-01')`,
      ),
      db.prepare(
        `INSERT INTO audit_log (at, actor, action, submission_id, detail)
         SELECT '2025-01-01T00:00:00.000Z', 'public form', 'submitted', id, 'prescription' FROM submissions
         WHERE reference = 'RX-OLD7777'`,
      ),
      db.prepare(
        `INSERT INTO audit_log (at, actor, action, submission_id, detail)
         SELECT '2025-02-03T10:00:00.000Z', 'old@example.org', 'noted', id, '{}' FROM submissions
         WHERE reference = 'RX-OLD7777'`,
      ),
      db.prepare(
        `INSERT INTO audit_log (at, actor, action, submission_id)
         SELECT '2025-06-01T10:00:00.000Z', 'old@example.org', 'viewed', id FROM submissions
         WHERE reference = 'RX-OLD7777'`,
      ),
      db.prepare(
        `INSERT INTO submission_notes (submission_id, staff_id, at, text)
         SELECT s.id, a.id, '2025-02-03T10:00:00.000Z', 'Called the office' FROM submissions s, staff_accounts a
         WHERE s.reference = 'RX-OLD7777'`,
      ),
    ]);
    const auditBefore = (await db.prepare("SELECT * FROM audit_log ORDER BY id").all()).results;
    // Before 0007 no submission could be deleted: the audit log's foreign key refused it.
    await expect(
      db.prepare("DELETE FROM submissions WHERE reference = 'RX-OLD7777'").run(),
    ).rejects.toThrow();

    await applyD1Migrations(db, before("0008"));

    expect((await db.prepare("SELECT * FROM audit_log ORDER BY id").all()).results).toEqual(auditBefore);
    const row = await db
      .prepare("SELECT fields, deleting, last_activity_at FROM submissions WHERE reference = 'RX-OLD7777'")
      .first<{ fields: string; deleting: number; last_activity_at: string }>();
    // The note was the last change; a view is not activity.
    expect(row).toEqual({
      fields: '{"memberId":"PLAIN1"}',
      deleting: 0,
      last_activity_at: "2025-02-03T10:00:00.000Z",
    });
    const notes = await db
      .prepare(
        "SELECT text FROM submission_notes WHERE submission_id = (SELECT id FROM submissions WHERE reference = 'RX-OLD7777')",
      )
      .all<{ text: string }>();
    expect(notes.results).toEqual([{ text: "Called the office" }]);
    // Notes stay append-only, except re-sealing and with their submission.
    await expect(db.prepare("UPDATE submission_notes SET text = 'changed'").run()).rejects.toThrow(
      /append-only/,
    );
    await expect(db.prepare("DELETE FROM submission_notes").run()).rejects.toThrow(/append-only/);
    await expect(db.prepare("DELETE FROM audit_log").run()).rejects.toThrow(/append-only/);

    // Today's code deletes on today's schema: the migrations after 0007 too.
    await applyD1Migrations(db, env.TEST_MIGRATIONS);
    const { deleteSubmission } = await import("../../functions/db/deletion");
    const id = (await db
      .prepare("SELECT id FROM submissions WHERE reference = 'RX-OLD7777'")
      .first<{ id: number }>())!.id;
    expect(
      await deleteSubmission(db, {
        id,
        actor: "old@example.org",
        reason: "patient_request",
        now: new Date(),
        scans: env.SCANS,
      }),
    ).toEqual({
      reference: "RX-OLD7777",
    });
    expect(
      (await db
        .prepare("SELECT count(*) AS n FROM submissions WHERE reference = 'RX-OLD7777'")
        .first<{ n: number }>())!.n,
    ).toBe(0);
    expect((await db.prepare("SELECT count(*) AS n FROM audit_log").first<{ n: number }>())!.n).toBe(
      auditBefore.length + 1,
    );
  });
});

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

    await applyD1Migrations(db, before("0007"));

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
