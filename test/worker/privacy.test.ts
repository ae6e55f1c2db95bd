/**
 * What the privacy page promises, held to account: patient data sealed at rest with rotatable
 * keys, deletion on request and after the retention period with the audit trail kept (and free
 * of patient information), and a patient's copy of their record.
 */
import { env } from "cloudflare:workers";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  fieldKeys,
  fieldsContext,
  newKeyEntry,
  seal,
  sealedKeyId,
  unseal,
} from "../../functions/field-crypto";
import { runDailyJobs } from "../../functions/scheduled";
import { clinic } from "../../src/shared/clinic";
import type { PatientRecordCopy } from "../../src/shared/staff-contract";
import {
  auditOf,
  createStaff,
  reauth,
  signIn,
  staffRequest,
  submitClaim,
  submitPrescription,
} from "./staff-helpers";

let cookie: string;
let staffEmail: string;

beforeAll(async () => {
  // An admin: deletion is for admins who re-authenticated in the last 5 minutes.
  const account = await createStaff({ role: "admin" });
  ({ cookie } = await signIn(account));
  staffEmail = account.email;
});

async function rawRow(id: number) {
  return env.DB.prepare("SELECT * FROM submissions WHERE id = ?1").bind(id).first<Record<string, unknown>>();
}

describe("encryption at rest", () => {
  it("stores no submitted member ID, diagnosis code or message in plain text, fields nor notes", async () => {
    const rx = await submitPrescription({
      memberId: "ZQ77SECRET1",
      diagnosisCodes: "M62.830",
      message: "Please call after my night shift",
    });
    await staffRequest(`/api/staff/submissions/${rx.id}/notes`, cookie, {
      method: "POST",
      body: { text: "Patient mentioned a herniated disc" },
    });
    const row = await rawRow(rx.id);
    const notes = await env.DB.prepare("SELECT text FROM submission_notes WHERE submission_id = ?1")
      .bind(rx.id)
      .all();
    const stored = JSON.stringify([row, notes.results]);
    for (const secret of ["ZQ77SECRET1", "M62.830", "night shift", "herniated"]) {
      expect(stored).not.toContain(secret);
    }
    expect(String(row!.fields)).toMatch(/^enc:v1:test1:/);
    // Staff still read everything, through the API.
    const detail = await (await staffRequest(`/api/staff/submissions/${rx.id}`, cookie)).text();
    for (const secret of ["ZQ77SECRET1", "M62.830", "night shift", "herniated"])
      expect(detail).toContain(secret);
  });

  it("opens values under any listed key, seals under the first, and refuses a value moved to another row", async () => {
    const oldEntry = newKeyEntry("old");
    const newEntry = newKeyEntry("new");
    const oldKeys = await fieldKeys(oldEntry);
    const rotated = await fieldKeys(`${newEntry},${oldEntry}`);
    const sealedOld = await seal(oldKeys, '{"memberId":"A1"}', fieldsContext("RX-AAAAAAA"));
    expect(sealedKeyId(sealedOld)).toBe("old");
    expect(await unseal(rotated, sealedOld, fieldsContext("RX-AAAAAAA"))).toBe('{"memberId":"A1"}');
    const resealed = await seal(rotated, '{"memberId":"A1"}', fieldsContext("RX-AAAAAAA"));
    expect(sealedKeyId(resealed)).toBe("new");
    await expect(unseal(await fieldKeys(newEntry), sealedOld, fieldsContext("RX-AAAAAAA"))).rejects.toThrow(
      /No key "old"/,
    );
    await expect(unseal(rotated, sealedOld, fieldsContext("RX-BBBBBBB"))).rejects.toThrow();
    // A value stored before encryption reads as it is, until the keys command re-seals it.
    expect(await unseal(rotated, '{"legacy":true}', "anything")).toBe('{"legacy":true}');
    await expect(fieldKeys("")).rejects.toThrow(/not set/);
    await expect(fieldKeys("bad")).rejects.toThrow(/not <id>:<32 bytes/);
  });

  it("answers 503 and stores nothing when the keys are missing", async () => {
    const before = await env.DB.prepare("SELECT count(*) AS n FROM submissions").first<{ n: number }>();
    const { api } = await import("../../functions/app");
    const res = await api.request(
      "/api/mva-claims",
      {
        method: "POST",
        headers: { "Content-Type": "application/json", "CF-Connecting-IP": "10.77.0.1" },
        body: "{}",
      },
      { ...env, FIELD_ENCRYPTION_KEYS: "" },
    );
    expect(res.status).toBe(503);
    const after = await env.DB.prepare("SELECT count(*) AS n FROM submissions").first<{ n: number }>();
    expect(after!.n).toBe(before!.n);
  });
});

describe("deleting one submission", () => {
  beforeEach(async () => {
    expect((await reauth(cookie, staffEmail)).status).toBe(200);
  });

  it("needs the reason and the reference typed to confirm, then removes the row and its notes", async () => {
    const rx = await submitPrescription({ patientLastName: "Deleteme" });
    await staffRequest(`/api/staff/submissions/${rx.id}/notes`, cookie, {
      method: "POST",
      body: { text: "First call" },
    });
    await staffRequest(`/api/staff/submissions/${rx.id}`, cookie);

    const wrong = await staffRequest(`/api/staff/submissions/${rx.id}`, cookie, {
      method: "DELETE",
      body: { reason: "patient_request", confirmReference: "RX-WRONG00" },
    });
    expect(wrong.status).toBe(422);
    const wrongBody = await wrong.json<{ issues: { path: string; message: string }[] }>();
    expect(wrongBody.issues[0]).toMatchObject({ path: "confirmReference" });
    expect(JSON.stringify(wrongBody)).not.toContain("RX-WRONG00");
    const noReason = await staffRequest(`/api/staff/submissions/${rx.id}`, cookie, {
      method: "DELETE",
      body: { confirmReference: rx.reference },
    });
    expect(noReason.status).toBe(422);
    expect(await rawRow(rx.id)).not.toBeNull();

    const res = await staffRequest(`/api/staff/submissions/${rx.id}`, cookie, {
      method: "DELETE",
      body: { reason: "patient_request", confirmReference: rx.reference.toLowerCase() },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ deleted: true, reference: rx.reference });
    expect(await rawRow(rx.id)).toBeNull();
    const notes = await env.DB.prepare("SELECT count(*) AS n FROM submission_notes WHERE submission_id = ?1")
      .bind(rx.id)
      .first<{ n: number }>();
    expect(notes!.n).toBe(0);
    expect((await staffRequest(`/api/staff/submissions/${rx.id}`, cookie)).status).toBe(404);

    // The trail stays: who sent, viewed, noted and deleted it, with the reference and counts only.
    const audit = await auditOf(rx.id);
    expect(audit.map((a) => a.action)).toEqual(["submitted", "noted", "viewed", "deleted"]);
    const deleted = audit.at(-1)!;
    expect(deleted.actor).toBe(staffEmail);
    expect(JSON.parse(deleted.detail!)).toEqual({
      reference: rx.reference,
      kind: "prescription",
      reason: "patient_request",
      notes: 1,
      visitsUsed: 0,
      scans: 0,
    });
    expect(JSON.stringify(audit)).not.toMatch(/Deleteme|Maria|First call/);
  });

  it("deletes spam the same way, and a second delete is a 404", async () => {
    const claim = await submitClaim();
    const del = () =>
      staffRequest(`/api/staff/submissions/${claim.id}`, cookie, {
        method: "DELETE",
        body: { reason: "spam", confirmReference: claim.reference },
      });
    expect((await del()).status).toBe(200);
    expect((await del()).status).toBe(404);
    expect(JSON.parse((await auditOf(claim.id)).at(-1)!.detail!).reason).toBe("spam");
  });

  it("refuses a delete without a session or from another origin", async () => {
    const rx = await submitPrescription();
    const body = { reason: "spam", confirmReference: rx.reference };
    expect(
      (await staffRequest(`/api/staff/submissions/${rx.id}`, undefined, { method: "DELETE", body })).status,
    ).toBe(401);
    const crossSite = await staffRequest(`/api/staff/submissions/${rx.id}`, cookie, {
      method: "DELETE",
      body,
      headers: { Origin: "https://evil.example" },
    });
    expect(crossSite.status).toBe(403);
    expect(await rawRow(rx.id)).not.toBeNull();
  });
});

describe("the daily retention purge (cron handler called directly)", () => {
  it(`deletes what had no activity for ${clinic.retentionYears} years, keeps the rest, and audits each deletion and the run`, async () => {
    const old = await submitPrescription({ patientLastName: "Longago" });
    const recent = await submitClaim();
    const now = new Date();
    const eightYearsAgo = new Date(now.getTime() - 8 * 365.25 * 86_400_000).toISOString();
    const sixYearsAgo = new Date(now.getTime() - 6 * 365.25 * 86_400_000).toISOString();
    await env.DB.prepare("UPDATE submissions SET last_activity_at = ?2 WHERE id = ?1")
      .bind(old.id, eightYearsAgo)
      .run();
    await env.DB.prepare("UPDATE submissions SET last_activity_at = ?2 WHERE id = ?1")
      .bind(recent.id, sixYearsAgo)
      .run();

    const { deleted } = await runDailyJobs(env, now);
    expect(deleted).toBeGreaterThanOrEqual(1);
    expect(await rawRow(old.id)).toBeNull();
    expect(await rawRow(recent.id)).not.toBeNull();
    const audit = await auditOf(old.id);
    expect(audit.at(-1)).toMatchObject({ actor: "retention purge", action: "deleted" });
    expect(JSON.parse(audit.at(-1)!.detail!).reason).toBe("retention");
    const run = await env.DB.prepare(
      "SELECT detail FROM audit_log WHERE action = 'retention_purge' ORDER BY id DESC LIMIT 1",
    ).first<{ detail: string }>();
    expect(JSON.parse(run!.detail)).toMatchObject({ retentionYears: clinic.retentionYears, more: false });

    // A run with nothing due still says it ran.
    expect((await runDailyJobs(env, now)).deleted).toBe(0);
  });

  it("counts a status change, a note or a visit as activity", async () => {
    const rx = await submitPrescription();
    await env.DB.prepare("UPDATE submissions SET last_activity_at = '2010-01-01T00:00:00.000Z' WHERE id = ?1")
      .bind(rx.id)
      .run();
    await staffRequest(`/api/staff/submissions/${rx.id}/notes`, cookie, {
      method: "POST",
      body: { text: "Still going" },
    });
    const row = await rawRow(rx.id);
    expect(String(row!.last_activity_at) > "2026-01-01").toBe(true);
    await runDailyJobs(env, new Date());
    expect(await rawRow(rx.id)).not.toBeNull();
  });
});

describe("a patient's copy of their record", () => {
  it("gives every field, the notes, visits and audit trail, and audits the copy", async () => {
    const rx = await submitPrescription({ memberId: "COPY12345" });
    await staffRequest(`/api/staff/submissions/${rx.id}/notes`, cookie, {
      method: "POST",
      body: { text: "Copy me" },
    });
    const res = await staffRequest(`/api/staff/submissions/${rx.id}/record`, cookie);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const copy = await res.json<PatientRecordCopy>();
    expect(copy.submission.reference).toBe(rx.reference);
    expect((copy.submission.input as Record<string, unknown>).memberId).toBe("COPY12345");
    expect(copy.notes.map((n) => n.text)).toEqual(["Copy me"]);
    expect(copy.facts).toMatchObject({ kind: "prescription", visitsUsed: 0 });
    expect(copy.producedBy).toBe(staffEmail);
    expect((await auditOf(rx.id)).map((a) => a.action)).toContain("copied");
    expect((await staffRequest("/api/staff/submissions/99999999/record", cookie)).status).toBe(404);
    expect((await staffRequest(`/api/staff/submissions/${rx.id}/record`, undefined)).status).toBe(401);
  });
});
