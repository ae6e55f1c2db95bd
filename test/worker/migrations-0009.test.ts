/**
 * Migration 0009 adds `submission_scans`: on a database made by 0001–0008, holding rows, every
 * submission stays as it was, and the new table links a scan to a submission with the types,
 * sizes and keys the API stores (src/shared/scan-types.ts) and nothing else.
 */
import { applyD1Migrations } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { maxScanBytes, scanContentTypes } from "../../src/shared/scan-types";
import { before, emptyDatabase, through } from "./migration-helpers";

describe("0009_prescription_scans", () => {
  it("keeps every submission and links scans only to real submissions, with the accepted types and sizes", async () => {
    const db = env.MIGRATION_DB;
    await emptyDatabase(db);
    await applyD1Migrations(db, before("0009"));
    await db
      .prepare(
        `INSERT INTO submissions (reference, kind, status, idempotency_key, payload_hash, received_at,
           patient_first_name, patient_last_name, date_of_birth, start_date, end_date, visits_authorized,
           visits_used, fields, key_date, last_activity_at)
         VALUES ('RX-OLD0901', 'prescription', 'accepted', 'k-0009', 'h', '2026-01-01T00:00:00Z', 'Maria', 'Lopez',
           '1980-04-27', '2026-01-05', '2026-03-01', 8, 3, 'enc:v1:x', '2026-03-01', '2026-02-01T00:00:00Z')`,
      )
      .run();
    const row = () => db.prepare("SELECT * FROM submissions WHERE reference = 'RX-OLD0901'").first();
    const old = await row();

    await applyD1Migrations(db, through("0009"));
    expect(await row()).toEqual(old);

    const link = (values: { id?: number; key?: string; type?: string; size?: number }) =>
      db
        .prepare(
          `INSERT INTO submission_scans (submission_id, object_key, content_type, byte_size, sha256, received_at)
           VALUES (?1, ?2, ?3, ?4, ?5, '2026-02-02T00:00:00Z')`,
        )
        .bind(
          values.id ?? (old as { id: number }).id,
          values.key ?? `scans/${crypto.randomUUID()}`,
          values.type ?? "application/pdf",
          values.size ?? 1000,
          "a".repeat(64),
        )
        .run();
    await expect(link({ id: 999 })).rejects.toThrow(/FOREIGN KEY/);
    await expect(link({ type: "text/html" })).rejects.toThrow(/CHECK/);
    await expect(link({ size: 0 })).rejects.toThrow(/CHECK/);
    await expect(link({ size: maxScanBytes + 1 })).rejects.toThrow(/CHECK/);
    await expect(link({ key: "Maria-Lopez.pdf" })).rejects.toThrow(/CHECK/);
    for (const type of scanContentTypes) {
      await link({ type, size: maxScanBytes });
      // One scan per submission: the next type is tried on a clean table.
      await expect(link({ type })).rejects.toThrow(/UNIQUE/);
      await db.prepare("DELETE FROM submission_scans").run();
    }
  });
});
