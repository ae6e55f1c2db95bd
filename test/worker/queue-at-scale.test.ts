/**
 * The queue at scale (issue #13) and its reads audited (issue #11): counts that stay right under
 * concurrent changes, FTS5 search of accented, long and odd input, every view on an index, and
 * listings and exports in the audit log that answer "who has seen this submission".
 */
import { env } from "cloudflare:workers";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { queueSelect } from "../../functions/db/queue";
import { whoHasSeen } from "../../functions/db/read-audit";
import { todayInOregon } from "../../src/shared/dates";
import { maxSearchLength, type QueuePage, type SubmissionDetail } from "../../src/shared/staff-contract";
import { fieldKeys, fieldsContext, seal } from "../../functions/field-crypto";
import { openFields } from "./sealed";
import { createStaff, reauth, signIn, staffRequest, submitClaim, submitPrescription } from "./staff-helpers";

let cookie: string;
let staffEmail: string;

beforeAll(async () => {
  // An admin who re-authenticated: the CSV export needs both (issue #12).
  const account = await createStaff({ name: "Scale Desk", role: "admin" });
  ({ cookie } = await signIn(account));
  staffEmail = account.email;
  const res = await reauth(cookie, account.email);
  if (res.status !== 200) throw new Error(`re-authentication failed with ${res.status}`);
});

async function queue(query: Record<string, string> = {}): Promise<QueuePage> {
  const res = await staffRequest(`/api/staff/submissions?${new URLSearchParams(query)}`, cookie);
  expect(res.status).toBe(200);
  return res.json<QueuePage>();
}

const search = async (q: string) => (await queue({ q })).items.map((i) => i.id);

const tag = () =>
  crypto
    .randomUUID()
    .replace(/[^a-f]/g, "")
    .slice(0, 6)
    .padEnd(6, "q");

describe("counts by status", () => {
  it("stay equal to the rows while status changes and new submissions race each other", async () => {
    const seeded = await Promise.all(Array.from({ length: 12 }, () => submitPrescription()));
    const patch = (id: number, status: string) =>
      staffRequest(`/api/staff/submissions/${id}`, cookie, { method: "PATCH", body: { status } });
    await Promise.all([
      ...seeded.map(({ id }) => patch(id, "in_review")),
      ...seeded.slice(0, 6).map(({ id }) => patch(id, "in_review")),
      ...seeded.slice(6).map(({ id }) => patch(id, "declined")),
      ...Array.from({ length: 8 }, () => submitClaim()),
      ...Array.from({ length: 4 }, () => submitPrescription()),
    ]);
    const { results } = await env.DB.prepare(
      "SELECT status, count(*) AS n FROM submissions GROUP BY status",
    ).all<{ status: string; n: number }>();
    const actual = Object.fromEntries(results.map((r) => [r.status, r.n]));
    const { counts, total } = await queue();
    for (const [status, n] of Object.entries(counts)) expect(n).toBe(actual[status] ?? 0);
    expect(total).toBe(results.reduce((sum, r) => sum + r.n, 0));
    expect((await queue({ status: "in_review" })).total).toBe(actual.in_review ?? 0);
    expect((await queue({ kind: "mva_claim", status: "new" })).total).toBe(
      (await env.DB.prepare(
        "SELECT count(*) AS n FROM submissions WHERE kind = 'mva_claim' AND status = 'new'",
      ).first<{
        n: number;
      }>())!.n,
    );
  });
});

describe("search", () => {
  it("matches prefixes of names in any case and with or without accents", async () => {
    const last = `Núñez${tag()}`;
    const { id } = await submitPrescription({ patientFirstName: "José", patientLastName: last });
    const plain = last.normalize("NFD").replace(/\p{M}/gu, "");
    for (const q of [
      last,
      plain.toUpperCase(),
      plain.slice(0, 8).toLowerCase(),
      `jose ${plain}`,
      `${last}, JOSÉ`,
    ]) {
      expect(await search(q), q).toEqual([id]);
    }
    expect(await search(`maria ${plain}`)).toEqual([]);
  });

  it("finds references and claim numbers typed with or without dashes and spaces, whole or in part", async () => {
    const t = tag().toUpperCase();
    const claim = await submitClaim({ claimNumber: `CLM ${t}-00123` });
    const rx = await submitPrescription();
    for (const q of [`CLM${t}00123`, `clm ${t}`, `CLM-${t}-001`, `${t}-00123`, `clm${t.slice(0, 3)}`]) {
      expect(await search(q), q).toContain(claim.id);
    }
    const [prefix, code] = rx.reference.split("-") as [string, string];
    for (const q of [
      rx.reference,
      `${prefix}${code}`,
      `${prefix} ${code.slice(0, 4)}`,
      code.slice(0, 5).toLowerCase(),
    ]) {
      expect(await search(q), q).toContain(rx.id);
    }
  });

  it("treats every character as text: quotes, FTS5 operators, other alphabets, invisible characters", async () => {
    const cjk = await submitPrescription({ patientFirstName: "美咲", patientLastName: `山田${tag()}` });
    expect(await search("山田")).toContain(cjk.id);
    for (const q of [
      '"',
      '""""',
      "*",
      "a*b",
      "NEAR(a b)",
      "AND OR NOT",
      "^x",
      "col:val",
      "-",
      "(",
      "\\",
      "%_",
      "🙂🙂",
      "مرحبا",
      "\u200b\u200b",
      "e\u0301",
    ]) {
      const res = await staffRequest(`/api/staff/submissions?${new URLSearchParams({ q })}`, cookie);
      expect(res.status, q).toBe(200);
    }
  });

  it(`answers any term up to ${maxSearchLength} characters, and a clear 422 beyond, never a 5xx`, async () => {
    const long = "é".repeat(maxSearchLength);
    expect(
      (await staffRequest(`/api/staff/submissions?${new URLSearchParams({ q: long })}`, cookie)).status,
    ).toBe(200);
    const tooLong = await staffRequest(
      `/api/staff/submissions?${new URLSearchParams({ q: `${long}é` })}`,
      cookie,
    );
    expect(tooLong.status).toBe(422);
    const body = await tooLong.text();
    expect(body).toContain(`at most ${maxSearchLength} characters`);
    expect(body).not.toContain("éé");
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "binary", maxLength: 120 }), async (q) => {
        const res = await staffRequest(`/api/staff/submissions?${new URLSearchParams({ q })}`, cookie);
        expect(res.status).toBeLessThan(500);
        if (q.replace(/\s+/g, " ").trim().length <= maxSearchLength) expect(res.status).toBe(200);
      }),
      { numRuns: 60 },
    );
  });
});

describe("every view reads an index", () => {
  const today = todayInOregon();
  const views: [string, Parameters<typeof queueSelect>[0]["filters"]][] = [
    ["default", { sort: "received" }],
    ["by key date", { sort: "key_date" }],
    ["by name", { sort: "name" }],
    ["a kind", { sort: "received", kind: "mva_claim" }],
    ["a status, by name", { sort: "name", status: "accepted" }],
    ["a kind, by key date", { sort: "key_date", kind: "prescription" }],
    ["due prescriptions", { sort: "received", due: "prescription" }],
    ["due claims", { sort: "key_date", due: "pip" }],
    ["due claims, by name", { sort: "name", due: "pip" }],
    ["due prescriptions of a status, by key date", { sort: "key_date", due: "prescription", status: "new" }],
    ["a search", { sort: "name", q: "lopez" }],
  ];
  it.each(views)("%s: no full scan of submissions, forward and back from a row", async (_name, filters) => {
    for (const direction of ["forward", "backward"] as const) {
      for (const cursor of [undefined, 1]) {
        const select = queueSelect({ columns: "id", filters, today, direction, cursor, limit: 26 });
        const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${select.sql}`)
          .bind(...select.params)
          .all<{ detail: string }>();
        const plan = results.map((r) => r.detail).join("\n");
        expect(plan).not.toMatch(/^SCAN submissions$/m);
        if (!filters.due && filters.q === undefined) {
          // A plain view reads its rows in the index's order, from the cursor on: a range, no sort.
          expect(plan).not.toContain("TEMP B-TREE");
          if (cursor) expect(plan).not.toMatch(/^SCAN submissions /m);
        } else {
          // A search or deadline view reads its matches only (by id), then sorts them.
          expect(plan).not.toMatch(/^SCAN submissions /m);
        }
      }
    }
  });
});

describe("reads in the audit log", () => {
  it("audits each queue view in a bounded number of rows, and shows it in the submission's history", async () => {
    const t = tag();
    const listed = await submitClaim({ patientLastName: `Seen${t}` });
    const before = await env.DB.prepare("SELECT max(id) AS id FROM audit_log").first<{ id: number }>();
    const page = await queue({ q: `Seen${t}`, kind: "mva_claim" });
    expect(page.items.map((i) => i.id)).toEqual([listed.id]);
    const { results } = await env.DB.prepare(
      "SELECT id, actor, action, submission_id, detail FROM audit_log WHERE id > ?1",
    )
      .bind(before!.id)
      .all<{ id: number; actor: string; action: string; submission_id: number | null; detail: string }>();
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ actor: staffEmail, action: "listed", submission_id: null });
    expect(JSON.parse(results[0]!.detail)).toEqual({
      kind: "mva_claim",
      status: null,
      due: null,
      sort: "received",
      search: true,
      page: 1,
      rows: 1,
    });
    expect(results[0]!.detail).not.toContain(t);
    const subjects = await env.DB.prepare("SELECT submission_id FROM audit_subjects WHERE audit_id = ?1")
      .bind(results[0]!.id)
      .all<{ submission_id: number }>();
    expect(subjects.results).toEqual([{ submission_id: listed.id }]);
    expect(await whoHasSeen(env.DB, listed.id)).toEqual([
      expect.objectContaining({ actor: staffEmail, action: "listed" }),
    ]);
    const detail = await (
      await staffRequest(`/api/staff/submissions/${listed.id}`, cookie)
    ).json<SubmissionDetail>();
    expect(detail.audit.map((e) => e.action)).toEqual(["viewed", "listed", "submitted"]);
    // A full page lists 25 submissions: 1 audit row and 25 subject rows, whatever the table holds.
    const full = await queue();
    const last = await env.DB.prepare(
      "SELECT (SELECT count(*) FROM audit_subjects WHERE audit_id = (SELECT max(id) FROM audit_log)) AS n",
    ).first<{ n: number }>();
    expect(last!.n).toBe(full.items.length);
  });

  it("streams an export of more rows than one page, and records exactly the exported ids in one row", async () => {
    const t = tag();
    const ids: number[] = [];
    for (let i = 0; i < 6; i++) ids.push((await submitPrescription({ patientLastName: `Bulk${t}` })).id);
    const outsider = await submitPrescription({ patientLastName: `Other${t}` });
    // 600 more rows like the first, each sealed for its own reference (a sealed value is bound to
    // its row), so the export needs two pages of 500.
    const original = (await env.DB.prepare("SELECT * FROM submissions WHERE id = ?1")
      .bind(ids[0])
      .first<Record<string, string | number | null>>())!;
    const fields = JSON.stringify(await openFields(original as { reference: string; fields: string }));
    const keys = await fieldKeys((env as { FIELD_ENCRYPTION_KEYS?: string }).FIELD_ENCRYPTION_KEYS);
    const copies: D1PreparedStatement[] = [];
    for (let i = 0; i < 600; i++) {
      const reference = `RX-B${String(i).padStart(6, "0")}`;
      copies.push(
        env.DB.prepare(
          `INSERT INTO submissions (reference, kind, idempotency_key, payload_hash, received_at, patient_first_name,
             patient_last_name, date_of_birth, start_date, end_date, visits_authorized, fields, key_date)
           SELECT ?2, kind, idempotency_key || ?3, payload_hash, received_at, patient_first_name, patient_last_name,
             date_of_birth, start_date, end_date, visits_authorized, ?4, key_date FROM submissions WHERE id = ?1`,
        ).bind(ids[0], reference, i, await seal(keys, fields, fieldsContext(reference))),
      );
    }
    for (let at = 0; at < copies.length; at += 100) await env.DB.batch(copies.slice(at, at + 100));
    const res = await staffRequest(`/api/staff/submissions.csv?q=Bulk${t}`, cookie);
    // Other requests are answered while the export is open.
    const reader = res.body!.getReader();
    await reader.read();
    expect((await staffRequest("/api/staff/me", cookie)).status).toBe(200);
    let text = "";
    const decoder = new TextDecoder();
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) break;
      text += decoder.decode(chunk.value, { stream: true });
    }
    // The first chunk read above was the header row.
    expect(text.trimEnd().split("\r\n")).toHaveLength(606);
    const exported = await env.DB.prepare(
      "SELECT rows FROM audit_exports ORDER BY audit_id DESC LIMIT 1",
    ).first<{
      rows: number;
    }>();
    expect(exported!.rows).toBe(606);
    for (const id of ids) {
      expect(await whoHasSeen(env.DB, id)).toContainEqual(expect.objectContaining({ action: "exported" }));
    }
    expect(await whoHasSeen(env.DB, outsider.id)).toEqual([]);
  });

  it("records what a cut-off export had sent", async () => {
    const t = tag();
    await submitPrescription({ patientLastName: `Cut${t}` });
    const res = await staffRequest(`/api/staff/submissions.csv?q=Cut${t}`, cookie);
    const reader = res.body!.getReader();
    await reader.read();
    await reader.cancel();
    const row = await env.DB.prepare(
      `SELECT a.action, e.rows FROM audit_log a LEFT JOIN audit_exports e ON e.audit_id = a.id
       WHERE a.action = 'exported' ORDER BY a.id DESC LIMIT 1`,
    ).first<{ action: string; rows: number | null }>();
    expect(row!.action).toBe("exported");
    expect(row!.rows === null || row!.rows === 1).toBe(true);
  });
});
