import { env } from "cloudflare:workers";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { csvColumns } from "../../src/shared/submissions/registry";
import type { QueuePage, SubmissionDetail } from "../../src/shared/staff-contract";
import { addYears, todayInOregon } from "../../src/shared/dates";
import { whoHasSeen } from "../../functions/db/read-audit";
import {
  auditOf,
  createStaff,
  oregonDaysFromToday,
  reauth,
  signIn,
  staffRequest,
  submitClaim,
  submitPrescription,
} from "./staff-helpers";

let cookie: string;
let staffEmail: string;

beforeAll(async () => {
  // An admin, so the export tests can re-authenticate and download.
  const account = await createStaff({ name: "Robin Desk", role: "admin" });
  ({ cookie } = await signIn(account));
  staffEmail = account.email;
});

type QueueBody = QueuePage;

async function auditRowCount(): Promise<number> {
  const row = await env.DB.prepare(
    "SELECT (SELECT count(*) FROM audit_log) + (SELECT count(*) FROM audit_exports) + (SELECT count(*) FROM audit_subjects) AS n",
  ).first<{ n: number }>();
  return row!.n;
}

async function queue(query: Record<string, string> = {}): Promise<QueueBody> {
  const res = await staffRequest(`/api/staff/submissions?${new URLSearchParams(query)}`, cookie);
  expect(res.status).toBe(200);
  return res.json<QueueBody>();
}

const unique = () =>
  crypto
    .randomUUID()
    .replace(/[^a-f]/g, "")
    .slice(0, 6)
    .padEnd(6, "x");

describe("GET /api/staff/submissions", () => {
  it("lists submissions newest first with counts by status, and filters by kind and status", async () => {
    const rx = await submitPrescription();
    const mva = await submitClaim();
    const all = await queue();
    expect(all.items[0]!.id).toBe(mva.id);
    expect(all.items[1]!.id).toBe(rx.id);
    expect(all.counts.new).toBe(all.total);
    expect(all.counts).toEqual(expect.objectContaining({ in_review: 0, declined: 0, closed: 0 }));
    expect(all.items[1]).toMatchObject({
      kind: "prescription",
      reference: rx.reference,
      status: "new",
      patientLastName: "Lopez",
      endDate: oregonDaysFromToday(77),
      visitsAuthorized: 8,
      visitsUsed: 0,
    });
    expect(all.items[0]).toMatchObject({
      kind: "mva_claim",
      accidentDate: oregonDaysFromToday(-30),
      pipWindowEnd: addYears(oregonDaysFromToday(-30), 2),
    });
    expect((await queue({ kind: "mva_claim" })).items.every((i) => i.kind === "mva_claim")).toBe(true);
    await env.DB.prepare("UPDATE submissions SET status = 'in_review' WHERE id = ?1").bind(rx.id).run();
    const inReview = await queue({ status: "in_review" });
    expect(inReview.items.map((i) => i.id)).toEqual([rx.id]);
    expect(inReview.counts.in_review).toBe(1);
  });

  it("searches by name (any case, first-last or last-first), reference and claim number, dashes optional", async () => {
    const last = `Zzyzx${unique()}`;
    const rx = await submitPrescription({ patientFirstName: "Ofelia", patientLastName: last });
    const claim = await submitClaim({ claimNumber: `CLM-77-${unique().toUpperCase()}` });
    const claimNumber = (await env.DB.prepare("SELECT claim_number FROM submissions WHERE id = ?1")
      .bind(claim.id)
      .first<{ claim_number: string }>())!.claim_number;
    const ids = async (q: string) => (await queue({ q })).items.map((i) => i.id);
    expect(await ids(last.toLowerCase())).toEqual([rx.id]);
    expect(await ids(`ofelia ${last}`)).toEqual([rx.id]);
    expect(await ids(`${last}, Ofelia`)).toEqual([rx.id]);
    expect(await ids(rx.reference.toLowerCase())).toEqual([rx.id]);
    expect(await ids(rx.reference.replace("-", ""))).toEqual([rx.id]);
    expect(await ids(claimNumber.replace(/-/g, "").toLowerCase())).toEqual([claim.id]);
    expect(await ids("%")).toEqual([]);
    expect(await ids("_")).toEqual([]);
  });

  it("sorts by name and by key date (prescription end or PIP window end, soonest first)", async () => {
    const tag = unique();
    const a = await submitPrescription({ patientLastName: `Sort${tag}b`, endDate: oregonDaysFromToday(200) });
    const b = await submitPrescription({ patientLastName: `Sort${tag}a`, endDate: oregonDaysFromToday(40) });
    const c = await submitClaim({
      patientLastName: `Sort${tag}c`,
      accidentDate: addYears(oregonDaysFromToday(100), -2),
    });
    const byName = await queue({ q: `Sort${tag}`, sort: "name" });
    expect(byName.items.map((i) => i.id)).toEqual([b.id, a.id, c.id]);
    const byKeyDate = await queue({ q: `Sort${tag}`, sort: "key_date" });
    expect(byKeyDate.items.map((i) => i.id)).toEqual([b.id, c.id, a.id]);
  });

  it("pages 25 at a time by key: next, previous, last, and an address past the end lands on the last page", async () => {
    const tag = `Page${unique()}`;
    for (let i = 0; i < 27; i++) await submitClaim({ patientLastName: tag });
    const first = await queue({ q: tag });
    expect(first).toMatchObject({ page: 1, pageCount: 2, total: 27, previous: null });
    expect(first.items).toHaveLength(25);
    expect(first.next).toEqual({ after: first.items[24]!.id, page: 2 });
    const second = await queue({ q: tag, after: String(first.next!.after), page: "2" });
    expect(second).toMatchObject({ page: 2, pageCount: 2, next: null, last: null });
    expect(second.items).toHaveLength(2);
    expect(new Set([...first.items, ...second.items].map((i) => i.id)).size).toBe(27);
    const back = await queue({ q: tag, before: String(second.previous!.before), page: "1" });
    expect(back.items.map((i) => i.id)).toEqual(first.items.map((i) => i.id));
    expect(back.page).toBe(1);
    const last = await queue({ q: tag, last: "1", page: "9" });
    expect(last).toMatchObject({ page: 2, pageCount: 2 });
    expect(last.items.map((i) => i.id)).toEqual(second.items.map((i) => i.id));
    const beyond = await queue({ q: tag, after: String(second.items[1]!.id), page: "9" });
    expect(beyond).toMatchObject({ page: 2, pageCount: 2 });
    expect(beyond.items).toHaveLength(2);
  });

  it("due=prescription: open prescriptions ending within 14 days or with at most one visit left", async () => {
    const tag = `Due${unique()}`;
    const endingSoon = await submitPrescription({ patientLastName: tag, endDate: oregonDaysFromToday(10) });
    const lastVisit = await submitPrescription({ patientLastName: tag, visitsAuthorized: "1" });
    const later = await submitPrescription({ patientLastName: tag, endDate: oregonDaysFromToday(30) });
    const declined = await submitPrescription({ patientLastName: tag, endDate: oregonDaysFromToday(3) });
    await env.DB.prepare("UPDATE submissions SET status = 'declined' WHERE id = ?1").bind(declined.id).run();
    const ids = (await queue({ q: tag, due: "prescription" })).items.map((i) => i.id).sort();
    expect(ids).toEqual([endingSoon.id, lastVisit.id].sort());
    expect(ids).not.toContain(later.id);
  });

  it("due=pip: open claims whose two-year PIP window ends within 60 days", async () => {
    const tag = `Pip${unique()}`;
    const closing = await submitClaim({
      patientLastName: tag,
      accidentDate: addYears(oregonDaysFromToday(45), -2),
    });
    const recent = await submitClaim({ patientLastName: tag, accidentDate: oregonDaysFromToday(-20) });
    const closed = await submitClaim({
      patientLastName: tag,
      accidentDate: addYears(oregonDaysFromToday(-5), -2),
    });
    const ids = (await queue({ q: tag, due: "pip" })).items.map((i) => i.id);
    expect(ids).toEqual([closing.id]);
    expect(ids).not.toContain(recent.id);
    expect(ids).not.toContain(closed.id);
  });

  it("answers 422 for an unknown filter value, without echoing it", async () => {
    const res = await staffRequest("/api/staff/submissions?sort=shoe-size&status=Zebediah", cookie);
    expect(res.status).toBe(422);
    const body = await res.json<{ error: string; issues: { path: string }[] }>();
    expect(body.issues.map((i) => i.path).sort()).toEqual(["sort", "status"]);
    expect(JSON.stringify(body)).not.toMatch(/shoe-size|Zebediah/);
  });
});

describe("GET /api/staff/submissions/:id", () => {
  it("returns every field, ICD-10 descriptions, the prescription's facts, and audits the view", async () => {
    const rx = await submitPrescription({ diagnosisCodes: "M54.2, S13.4XXA, Z99.89" });
    const res = await staffRequest(`/api/staff/submissions/${rx.id}`, cookie);
    expect(res.status).toBe(200);
    const body = await res.json<SubmissionDetail>();
    expect(body.submission).toMatchObject({
      id: rx.id,
      reference: rx.reference,
      kind: "prescription",
      status: "new",
      input: expect.objectContaining({
        memberId: "XZ123456789",
        prescriberNpi: "1234567893",
        focusAreas: "Neck and upper back",
      }),
    });
    expect(body.diagnoses).toEqual([
      { code: "M54.2", description: "Cervicalgia" },
      {
        code: "S13.4XXA",
        description: expect.stringMatching(/sprain of ligaments of cervical spine, initial encounter/i),
      },
      { code: "Z99.89", description: null },
    ]);
    expect(body.facts).toEqual({
      kind: "prescription",
      startDate: oregonDaysFromToday(-7),
      endDate: oregonDaysFromToday(77),
      daysUntilEnd: 77,
      started: true,
      ended: false,
      visitsAuthorized: 8,
      visitsUsed: 0,
      visitsRemaining: 8,
    });
    expect(body.allowedStatuses).toEqual(["in_review", "declined"]);
    expect(await auditOf(rx.id)).toEqual([
      { actor: "public form", action: "submitted", detail: "prescription" },
      { actor: staffEmail, action: "viewed", detail: null },
    ]);
    expect(body.audit[0]).toMatchObject({ actor: staffEmail, action: "viewed" });
  });

  it("gives a claim's PIP window end and days left", async () => {
    const accident = oregonDaysFromToday(-100);
    const claim = await submitClaim({ accidentDate: accident });
    const body = await (
      await staffRequest(`/api/staff/submissions/${claim.id}`, cookie)
    ).json<SubmissionDetail>();
    const end = addYears(accident, 2);
    expect(body.facts).toEqual({
      kind: "mva_claim",
      accidentDate: accident,
      pipWindowEnd: end,
      daysLeftInPipWindow: Math.round((Date.parse(end) - Date.parse(todayInOregon())) / 86_400_000),
    });
    expect(body.diagnoses).toEqual([]);
  });

  it("answers 404 not_found for an unknown or malformed id", async () => {
    for (const id of ["999999", "abc", "1.5"]) {
      const res = await staffRequest(`/api/staff/submissions/${id}`, cookie);
      expect(res.status, id).toBe(404);
      expect(await res.json()).toEqual({ error: "not_found" });
    }
    for (const [method, suffix, body] of [
      ["PATCH", "", { status: "in_review" }],
      ["POST", "/notes", { text: "A note." }],
      ["POST", "/visits", undefined],
    ] as const) {
      const res = await staffRequest(`/api/staff/submissions/999999${suffix}`, cookie, { method, body });
      expect(res.status, `${method} ${suffix}`).toBe(404);
      expect(await res.json()).toEqual({ error: "not_found" });
    }
  });
});

describe("GET /api/staff/submissions.csv", () => {
  beforeEach(async () => {
    expect((await reauth(cookie, staffEmail)).status).toBe(200);
  });

  function parseCsv(text: string): string[][] {
    expect(text.endsWith("\r\n")).toBe(true);
    return text
      .slice(0, -2)
      .split("\r\n")
      .map((line) => [...line.matchAll(/"((?:[^"]|"")*)"(?:,|$)/g)].map((m) => m[1]!.replace(/""/g, '"')));
  }

  it("exports the filtered queue as an RFC 4180 attachment with a dated name, formulas neutralised", async () => {
    const tag = `Csv${unique()}`;
    const risky = await submitPrescription({
      patientFirstName: '=HYPERLINK("http://evil.example")',
      patientLastName: tag,
    });
    const quoted = await submitPrescription({ patientFirstName: 'Ann "Annie"', patientLastName: `${tag}b` });
    const plus = await submitClaim({
      patientFirstName: "+Al+1",
      patientLastName: `@${tag}`,
      claimNumber: "-2 3",
    });
    const res = await staffRequest(`/api/staff/submissions.csv?q=${tag}&sort=name`, cookie);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8; header=present");
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="clinic-submissions-${todayInOregon()}.csv"`,
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    const rows = parseCsv(text);
    expect(rows[0]!.slice(0, 6)).toEqual([
      "Reference",
      "Kind",
      "Status",
      "Received",
      "Last name",
      "First name",
    ]);
    expect(rows).toHaveLength(4);
    expect(rows.every((r) => r.length === csvColumns.length)).toBe(true);
    const byReference = new Map(rows.slice(1).map((r) => [r[0], r]));
    expect(byReference.get(risky.reference)?.[5]).toBe(`'=HYPERLINK("http://evil.example")`);
    expect(byReference.get(quoted.reference)?.[5]).toBe('Ann "Annie"');
    expect(text).toContain('"Ann ""Annie"""');
    expect(byReference.get(plus.reference)).toEqual(
      expect.arrayContaining([`'@${tag}`, "'+Al+1", "'-2 3", "Car accident claim", "New"]),
    );
  });

  it("audits an export in two rows whatever its size: who, when, the filters (never the search term) and the ids", async () => {
    const tag = `Audit${unique()}`;
    const a = await submitPrescription({ patientLastName: tag });
    const b = await submitPrescription({ patientLastName: tag });
    const other = await submitClaim({ patientLastName: tag });
    const rowsBefore = await auditRowCount();
    const res = await staffRequest(`/api/staff/submissions.csv?q=${tag}&kind=prescription`, cookie);
    expect(res.status).toBe(200);
    await res.text();
    expect(await auditRowCount()).toBe(rowsBefore + 2);
    const summary = await env.DB.prepare(
      `SELECT a.actor, a.detail, e.rows FROM audit_log a JOIN audit_exports e ON e.audit_id = a.id
       WHERE a.action = 'exported' ORDER BY a.id DESC LIMIT 1`,
    ).first<{ actor: string; detail: string; rows: number }>();
    expect(summary!.actor).toBe(staffEmail);
    expect(summary!.rows).toBe(2);
    expect(JSON.parse(summary!.detail)).toEqual({
      format: "csv",
      filters: { kind: "prescription", status: null, due: null, sort: "received", search: true },
    });
    expect(summary!.detail).not.toContain(tag);
    for (const id of [a.id, b.id]) {
      expect(await whoHasSeen(env.DB, id)).toContainEqual(
        expect.objectContaining({ actor: staffEmail, action: "exported" }),
      );
    }
    expect(await whoHasSeen(env.DB, other.id)).not.toContainEqual(
      expect.objectContaining({ action: "exported" }),
    );
  });
});
