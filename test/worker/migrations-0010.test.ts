/**
 * Migration 0010 adds the staff notification's one-row record: on a database made by the
 * migrations before it, holding a submission, it keeps the row and starts with "never sent".
 */
import { applyD1Migrations } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { claimStaffNotification, releaseStaffNotification } from "../../functions/db/staff-notification";
import { staffNotifyIntervalMs } from "../../functions/notify-staff";
import { before, emptyDatabase } from "./migration-helpers";

describe("0010_staff_notification", () => {
  it("keeps every submission, starts never sent, and lets one claim in 10 minutes win", async () => {
    const db = env.MIGRATION_DB;
    await emptyDatabase(db);
    await applyD1Migrations(db, before("0010"));
    await db
      .prepare(
        `INSERT INTO submissions (reference, kind, idempotency_key, payload_hash, received_at,
           patient_first_name, patient_last_name, date_of_birth, accident_date, claim_number, fields, key_date,
           last_activity_at)
         VALUES ('MVA-OLD1001', 'mva_claim', 'k-0010-mva', 'h', '2026-01-02T00:00:00Z', 'Sam', 'Rivera', '1990-02-14',
           '2025-12-01', 'CLM-1', '{}', '2027-12-01', '2026-01-02T00:00:00Z')`,
      )
      .run();
    const submissions = () =>
      db.prepare("SELECT reference, kind, claim_number FROM submissions ORDER BY reference").all();
    const kept = (await submissions()).results;

    await applyD1Migrations(db, env.TEST_MIGRATIONS);
    expect((await submissions()).results).toEqual(kept);
    expect((await db.prepare("SELECT id, last_sent_at FROM staff_notification").all()).results).toEqual([
      { id: 1, last_sent_at: null },
    ]);
    // The table holds one row only.
    await expect(db.prepare("INSERT INTO staff_notification (id) VALUES (2)").run()).rejects.toThrow();

    const now = new Date("2026-12-01T12:00:00Z");
    const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
    expect(await claimStaffNotification(db, now, staffNotifyIntervalMs)).toBe(true);
    expect(await claimStaffNotification(db, later(0), staffNotifyIntervalMs)).toBe(false);
    expect(await claimStaffNotification(db, later(9.9), staffNotifyIntervalMs)).toBe(false);
    expect(await claimStaffNotification(db, later(10), staffNotifyIntervalMs)).toBe(true);
    // A failed send gives its claim back; an older claim's release changes nothing.
    await releaseStaffNotification(db, now);
    expect(await claimStaffNotification(db, later(11), staffNotifyIntervalMs)).toBe(false);
    await releaseStaffNotification(db, later(11));
    expect(await claimStaffNotification(db, later(11), staffNotifyIntervalMs)).toBe(false);
    await releaseStaffNotification(db, later(10));
    expect(await claimStaffNotification(db, later(11), staffNotifyIntervalMs)).toBe(true);
  });
});
