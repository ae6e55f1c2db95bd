/**
 * Migration 0008 rebuilds `submissions` to allow a third kind: on a database made by 0001–0007,
 * holding rows, it keeps every row, note, index, trigger, count and search match.
 */
import { applyD1Migrations } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { before, emptyDatabase, through } from "./migration-helpers";

describe("0008_good_faith_estimates", () => {
  it("rebuilds submissions with every row and column, keeps notes' foreign key, counts, search and triggers, and allows the new kind", async () => {
    const db = env.MIGRATION_DB;
    await emptyDatabase(db);
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
    const found = async (match: string) =>
      (
        await db
          .prepare(
            "SELECT rowid AS id FROM submissions_search WHERE submissions_search MATCH ?1 ORDER BY rowid",
          )
          .bind(match)
          .all<{ id: number }>()
      ).results.map((r) => r.id);
    const countsBefore = await counts();
    expect(await found('"lopez"*')).toHaveLength(1);
    const rowsBefore = (await db.prepare("SELECT * FROM submissions ORDER BY id").all()).results;
    const notesBefore = (await db.prepare("SELECT * FROM submission_notes ORDER BY id").all()).results;

    await applyD1Migrations(db, through("0008"));

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

    for (const name of [
      "submissions_by_received",
      "submissions_by_name",
      "submissions_by_status_key_date",
      "submissions_by_status_name",
      "submissions_by_kind_key_date",
      "submissions_by_kind_name",
      "submissions_open_by_key_date",
      "submissions_open_by_visits_left",
    ])
      expect(objects).toContain(`index ${name}`);
    for (const name of [
      "submission_counts_after_insert",
      "submission_counts_after_update",
      "submission_counts_after_delete",
      "submissions_search_after_insert",
      "submissions_search_after_delete",
      "submissions_search_after_update",
    ])
      expect(objects).toContain(`trigger ${name}`);

    // The copy did not count the rows twice, and search finds them by the same ids.
    const ids = rowsBefore.map((r) => r.id as number);
    expect(await counts()).toEqual(countsBefore);
    expect(await counts()).toEqual(await grouped());
    expect(await found('"lopez"*')).toEqual([ids[0]]);
    expect(await found('search_ids : "clm1"*')).toEqual([ids[1]]);
    await db
      .prepare("INSERT INTO submissions_search (submissions_search, rank) VALUES ('integrity-check', 1)")
      .run();

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

    // The triggers keep counts and search in step with every change after the rebuild.
    expect(await counts()).toEqual(await grouped());
    const gfe = await found('"diaz"*');
    expect(gfe).toHaveLength(1);
    await db
      .prepare("UPDATE submissions SET status = 'in_review', patient_last_name = 'Diaz-Ortiz' WHERE id = ?1")
      .bind(gfe[0])
      .run();
    expect(await counts()).toEqual(await grouped());
    expect(await found('"ortiz"*')).toEqual(gfe);
    await db.prepare("DELETE FROM submissions WHERE id = ?1").bind(ids[1]).run();
    expect(await counts()).toEqual(await grouped());
    expect(await found('"rivera"*')).toEqual([]);
  });
});
