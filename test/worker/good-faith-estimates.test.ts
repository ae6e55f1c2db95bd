/** Good Faith Estimates through the API: the public request, and staff issuing, reading and giving one. */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { runDailyJobs } from "../../functions/scheduled";
import { todayInOregon } from "../../src/shared/dates";
import { addBusinessDays } from "../../src/shared/good-faith-estimate";
import { api } from "../../functions/app";
import type { EstimateList, EstimateView, QueuePage } from "../../src/shared/staff-contract";
import { estimateRequestBody, newKey } from "../fixtures/submissions";
import { auditOf, freshIp, oregonDaysFromToday, signIn, staffRequest } from "./staff-helpers";

function postRequest(body: Record<string, string>) {
  return api.request(
    "/api/good-faith-estimate-requests",
    {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "CF-Connecting-IP": freshIp(),
        "Idempotency-Key": newKey(),
      },
      body: JSON.stringify(body),
    },
    env,
  );
}

const issueBody = (overrides: Record<string, unknown> = {}) => ({
  patientFirstName: "Ana",
  patientLastName: "Diaz",
  dateOfBirth: "5/5/1985",
  description: "Massage therapy for low back pain, 60-minute sessions once a week.",
  cpt: "97124",
  minutes: "60",
  frequency: "weekly",
  visits: "104",
  careStart: oregonDaysFromToday(7),
  careUntil: "",
  diagnosisCodes: "M54.50",
  ...overrides,
});

describe("the request form's API", () => {
  it("stores a request as a third kind with its due date 3 business days on", async () => {
    const res = await postRequest(estimateRequestBody());
    expect(res.status).toBe(201);
    const { reference } = await res.json<{ reference: string }>();
    expect(reference).toMatch(/^GFE-[A-Z0-9]{7}$/);
    const row = await env.DB.prepare("SELECT kind, key_date FROM submissions WHERE reference = ?1")
      .bind(reference)
      .first<{ kind: string; key_date: string }>();
    expect(row).toEqual({ kind: "good_faith_estimate", key_date: addBusinessDays(todayInOregon(), 3) });
  });

  it("refuses invalid input with 422, naming fields and never echoing values", async () => {
    const res = await postRequest(
      estimateRequestBody({ visits: "", untilDate: "", sessionMinutes: "61", diagnosisCode: "ZZZ-SECRET" }),
    );
    expect(res.status).toBe(422);
    const text = await res.text();
    expect(text).not.toContain("ZZZ-SECRET");
    const paths = (JSON.parse(text) as { issues: { path: string }[] }).issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(["sessionMinutes", "diagnosisCode"]));
  });
});

describe("staff issue estimates", () => {
  it("answers 401 without a session", async () => {
    for (const [path, method] of [
      ["/api/staff/good-faith-estimates", "GET"],
      ["/api/staff/good-faith-estimates", "POST"],
      ["/api/staff/good-faith-estimates/1", "GET"],
      ["/api/staff/good-faith-estimates/1/given", "POST"],
    ] as const) {
      const res = await staffRequest(path, undefined, { method, body: method === "POST" ? {} : undefined });
      expect(res.status, `${method} ${path}`).toBe(401);
    }
  });

  it("refuses invalid input with 422 without echoing it", async () => {
    const { cookie } = await signIn();
    const res = await staffRequest("/api/staff/good-faith-estimates", cookie, {
      method: "POST",
      body: issueBody({ patientFirstName: "", minutes: "61", diagnosisCodes: "SECRET!!" }),
    });
    expect(res.status).toBe(422);
    const text = await res.text();
    expect(text).not.toContain("SECRET");
    const paths = (JSON.parse(text) as { issues: { path: string }[] }).issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(["patientFirstName", "minutes", "diagnosisCodes"]));
  });

  it("refuses to issue without the clinic's NPI, TIN and legal name", async () => {
    const { cookie } = await signIn();
    const bindings = { CLINIC_NPI: "", CLINIC_TIN: "123", CLINIC_LEGAL_NAME: "" };
    const res = await staffRequest("/api/staff/good-faith-estimates", cookie, {
      method: "POST",
      body: issueBody(),
      bindings,
    });
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({
      error: "clinic_settings_missing",
      missing: ["CLINIC_LEGAL_NAME", "CLINIC_NPI", "CLINIC_TIN"],
    });
  });

  it("issues from a request: capped at 12 months, sealed, audited, the request closed and no longer due", async () => {
    const { cookie, email } = await signIn();
    const posted = await postRequest(estimateRequestBody());
    const { reference } = await posted.json<{ reference: string }>();
    const request = await env.DB.prepare("SELECT id FROM submissions WHERE reference = ?1")
      .bind(reference)
      .first<{ id: number }>();
    const due = await staffRequest("/api/staff/submissions?due=estimate", cookie);
    expect(((await due.json()) as QueuePage).items.map((i) => i.reference)).not.toContain(reference);

    const res = await staffRequest("/api/staff/good-faith-estimates", cookie, {
      method: "POST",
      body: issueBody({ requestId: String(request!.id) }),
    });
    expect(res.status).toBe(201);
    const { id } = await res.json<{ id: number; reference: string }>();

    const stored = await env.DB.prepare("SELECT document FROM good_faith_estimates WHERE id = ?1")
      .bind(id)
      .first<{ document: string }>();
    expect(stored!.document).toMatch(/^enc:v1:/);
    expect(stored!.document).not.toContain("Diaz");

    const view = (await (
      await staffRequest(`/api/staff/good-faith-estimates/${id}?copy=print`, cookie)
    ).json()) as EstimateView;
    expect(view.document.care.visits).toBe(53);
    expect(view.document.care.limitedBy).toBe("twelve_months");
    expect(view.document.provider).toMatchObject({ npi: "1234567893", tin: "12-3456789" });
    expect(view.document.diagnoses[0]!.code).toBe("M54.50");

    const given = await staffRequest(`/api/staff/good-faith-estimates/${id}/given`, cookie, {
      method: "POST",
      body: { method: "in_person" },
    });
    expect(given.status).toBe(200);
    const actions = (await auditOf(request!.id)).map((r) => `${r.actor} ${r.action}`);
    expect(actions).toEqual(
      expect.arrayContaining([
        `${email} estimate_issued`,
        `${email} status_changed`,
        `${email} estimate_printed`,
        `${email} estimate_given`,
      ]),
    );
    const status = await env.DB.prepare("SELECT status FROM submissions WHERE id = ?1")
      .bind(request!.id)
      .first<{ status: string }>();
    expect(status!.status).toBe("closed");
  });

  it("never edits an estimate: a change is a new one that names it, and each is replaced once", async () => {
    const { cookie } = await signIn();
    const first = await (
      await staffRequest("/api/staff/good-faith-estimates", cookie, { method: "POST", body: issueBody() })
    ).json<{ id: number; reference: string }>();
    await expect(
      env.DB.prepare("UPDATE good_faith_estimates SET total_cents = 1 WHERE id = ?1").bind(first.id).run(),
    ).rejects.toThrow(/never edited/);
    await expect(
      env.DB.prepare("DELETE FROM good_faith_estimates WHERE id = ?1").bind(first.id).run(),
    ).rejects.toThrow(/six years/);

    const second = await staffRequest("/api/staff/good-faith-estimates", cookie, {
      method: "POST",
      body: issueBody({ replacesId: String(first.id), visits: "4" }),
    });
    expect(second.status).toBe(201);
    const again = await staffRequest("/api/staff/good-faith-estimates", cookie, {
      method: "POST",
      body: issueBody({ replacesId: String(first.id) }),
    });
    expect(again.status).toBe(409);
    const list = (await (
      await staffRequest("/api/staff/good-faith-estimates", cookie)
    ).json()) as EstimateList;
    const old = list.estimates.find((e) => e.id === first.id)!;
    expect(old.replacedBy).toMatch(/^GFE-/);
    expect(list.missingSettings).toEqual([]);
  });

  it("the daily job deletes estimates issued more than six years ago, and only those", async () => {
    const insert = (issuedAt: string, reference: string) =>
      env.DB.prepare(
        `INSERT INTO good_faith_estimates (reference, issued_at, issued_by, total_cents, care_start, care_end, document)
         VALUES (?1, ?2, 'x', 0, '2020-01-01', '2020-01-01', 'enc:v1:x')`,
      )
        .bind(reference, issuedAt)
        .run();
    const now = new Date();
    const old = new Date(now);
    old.setUTCFullYear(now.getUTCFullYear() - 6, now.getUTCMonth(), now.getUTCDate() - 2);
    const recent = new Date(now);
    recent.setUTCFullYear(now.getUTCFullYear() - 6, now.getUTCMonth(), now.getUTCDate() + 2);
    await insert(old.toISOString(), "GFE-OLD-000001");
    await insert(recent.toISOString(), "GFE-OLD-000002");
    const result = await runDailyJobs(env, now);
    expect(result.estimatesDeleted).toBe(1);
    const left = await env.DB.prepare(
      "SELECT reference FROM good_faith_estimates WHERE reference LIKE 'GFE-OLD-%'",
    ).all();
    expect(left.results).toEqual([{ reference: "GFE-OLD-000002" }]);
  });
});
