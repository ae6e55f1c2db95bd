/**
 * Migration 0011 gives each submission the language it was sent in: on a database made by the
 * migrations before it, every earlier submission (English was the only language) reads 'en', and
 * nothing else about it changes.
 */
import { applyD1Migrations } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { before, emptyDatabase } from "./migration-helpers";

describe("0011_submission_language", () => {
  it("carries every submission over as English and refuses an unknown language", async () => {
    const db = env.MIGRATION_DB;
    await emptyDatabase(db);
    await applyD1Migrations(db, before("0011"));
    await db
      .prepare(
        `INSERT INTO submissions (reference, kind, idempotency_key, payload_hash, received_at,
           patient_first_name, patient_last_name, date_of_birth, start_date, end_date, visits_authorized,
           accident_date, claim_number, fields, key_date, last_activity_at)
         VALUES ('RX-OLD1101', 'prescription', 'k-0011-rx', 'h', '2026-03-02T00:00:00Z', 'Ana', 'Reyes',
           '1980-04-05', '2026-03-01', '2026-09-01', 12, NULL, NULL, '{}', '2026-09-01', '2026-03-02T00:00:00Z'),
           ('MVA-OLD1102', 'mva_claim', 'k-0011-mva', 'h', '2026-03-03T00:00:00Z', 'Sam', 'Rivera',
           '1990-02-14', NULL, NULL, NULL, '2025-12-01', 'CLM-1', '{}', '2027-12-01', '2026-03-03T00:00:00Z')`,
      )
      .run();
    const rows = () =>
      db
        .prepare(
          `SELECT reference, kind, status, patient_last_name, end_date, visits_authorized, visits_left, key_date
           FROM submissions ORDER BY reference`,
        )
        .all();
    const kept = (await rows()).results;

    await applyD1Migrations(db, env.TEST_MIGRATIONS);
    expect((await rows()).results).toEqual(kept);
    const languages = await db
      .prepare("SELECT reference, language FROM submissions ORDER BY reference")
      .all();
    expect(languages.results).toEqual([
      { reference: "MVA-OLD1102", language: "en" },
      { reference: "RX-OLD1101", language: "en" },
    ]);
    // Still found by the staff search (migration 0006's index and triggers survive).
    const found = await db
      .prepare("SELECT count(*) AS n FROM submissions_search WHERE submissions_search MATCH 'reyes*'")
      .first<{ n: number }>();
    expect(found?.n).toBe(1);
    await expect(
      db.prepare("UPDATE submissions SET language = 'fr' WHERE reference = 'RX-OLD1101'").run(),
    ).rejects.toThrow();
  });
});
