/** The status workflow, notes and visits of one submission, through the staff API. */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import type { SubmissionDetail } from "../../src/shared/staff-contract";
import { todayInOregon } from "../../src/shared/dates";
import {
  auditOf,
  createStaff,
  oregonDaysFromToday,
  signIn,
  staffRequest,
  submitClaim,
  submitPrescription,
} from "./staff-helpers";
import { openNote } from "./sealed";

let cookie: string;
let staffEmail: string;

beforeAll(async () => {
  // An admin, so the export tests can re-authenticate and download.
  const account = await createStaff({ name: "Robin Desk", role: "admin" });
  ({ cookie } = await signIn(account));
  staffEmail = account.email;
});

describe("PATCH /api/staff/submissions/:id (status)", () => {
  const patch = (id: number, body: unknown) =>
    staffRequest(`/api/staff/submissions/${id}`, cookie, { method: "PATCH", body });

  it("follows new → in review → needs information → accepted → closed, auditing each change", async () => {
    const rx = await submitPrescription();
    expect((await patch(rx.id, { status: "in_review" })).status).toBe(200);
    expect(
      (await patch(rx.id, { status: "needs_info", note: "Asked Dr. Whitfield's office for the NPI." }))
        .status,
    ).toBe(200);
    const accepted = await patch(rx.id, { status: "accepted" });
    expect(await accepted.json()).toEqual({
      status: "accepted",
      previousStatus: "needs_info",
      allowedStatuses: ["closed", "declined"],
    });
    expect((await patch(rx.id, { status: "closed" })).status).toBe(200);
    const audit = await auditOf(rx.id);
    expect(audit.filter((a) => a.action === "status_changed").map((a) => JSON.parse(a.detail!))).toEqual([
      { from: "new", to: "in_review" },
      { from: "in_review", to: "needs_info" },
      { from: "needs_info", to: "accepted" },
      { from: "accepted", to: "closed" },
    ]);
    expect(audit.filter((a) => a.action === "noted")).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain("NPI");
    const notes = await env.DB.prepare("SELECT text, staff_id FROM submission_notes WHERE submission_id = ?1")
      .bind(rx.id)
      .all<{ text: string; staff_id: number }>();
    expect(notes.results).toEqual([
      { text: expect.stringMatching(/^enc:v1:test1:/), staff_id: expect.any(Number) },
    ]);
    expect(await openNote(rx.id, notes.results[0]!.text)).toBe("Asked Dr. Whitfield's office for the NPI.");
  });

  it("refuses a change the workflow does not allow (409, with the allowed ones) and keeps final statuses final", async () => {
    const rx = await submitPrescription();
    const skip = await patch(rx.id, { status: "accepted" });
    expect(skip.status).toBe(409);
    expect(await skip.json()).toMatchObject({
      error: "transition_not_allowed",
      allowed: ["in_review", "declined"],
    });
    expect((await patch(rx.id, { status: "declined", note: "Duplicate of an earlier form." })).status).toBe(
      200,
    );
    const reopen = await patch(rx.id, { status: "in_review" });
    expect(reopen.status).toBe(409);
    expect(await reopen.json()).toMatchObject({ allowed: [], message: expect.stringMatching(/final/) });
  });

  it("requires a note for needs information and declined (422 on the note field)", async () => {
    const rx = await submitPrescription();
    await patch(rx.id, { status: "in_review" });
    for (const status of ["needs_info", "declined"]) {
      for (const note of [undefined, "", "   "]) {
        const res = await patch(rx.id, { status, note });
        expect(res.status).toBe(422);
        const body = await res.json<{ issues: { path: string; message: string }[] }>();
        expect(body.issues).toEqual([{ path: "note", message: expect.stringMatching(/^Write a note/) }]);
      }
    }
    const row = await env.DB.prepare("SELECT status FROM submissions WHERE id = ?1").bind(rx.id).first();
    expect(row).toEqual({ status: "in_review" });
  });

  it("answers 422 for an invalid body without echoing it, 415 for a non-JSON body", async () => {
    const rx = await submitPrescription();
    const res = await patch(rx.id, { status: "Zebediah", note: 42 });
    expect(res.status).toBe(422);
    expect(JSON.stringify(await res.json())).not.toContain("Zebediah");
    const long = await patch(rx.id, { status: "in_review", note: "n".repeat(2001) });
    expect(long.status).toBe(422);
    const form = await staffRequest(`/api/staff/submissions/${rx.id}`, cookie, {
      method: "PATCH",
      headers: { "Content-Type": "text/plain" },
      body: "status=in_review",
    });
    expect(form.status).toBe(415);
  });

  it("lets only one of two simultaneous changes from the same status through", async () => {
    const rx = await submitPrescription();
    const results = await Promise.all([
      patch(rx.id, { status: "in_review" }),
      patch(rx.id, { status: "declined", note: "Not covered." }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const audit = await auditOf(rx.id);
    expect(audit.filter((a) => a.action === "status_changed")).toHaveLength(1);
  });
});

describe("POST /api/staff/submissions/:id/notes", () => {
  it("adds an append-only note with its author, audited without its text", async () => {
    const rx = await submitPrescription();
    const res = await staffRequest(`/api/staff/submissions/${rx.id}/notes`, cookie, {
      method: "POST",
      body: { text: "  Called the patient: prefers Tuesday mornings.\r\nWill call back.  " },
    });
    expect(res.status).toBe(201);
    const detail = await (
      await staffRequest(`/api/staff/submissions/${rx.id}`, cookie)
    ).json<SubmissionDetail>();
    expect(detail.notes).toEqual([
      {
        id: expect.any(Number),
        at: expect.any(String),
        text: "Called the patient: prefers Tuesday mornings.\nWill call back.",
        staffName: "Robin Desk",
        staffEmail,
      },
    ]);
    const noted = (await auditOf(rx.id)).find((a) => a.action === "noted")!;
    expect(noted.actor).toBe(staffEmail);
    expect(noted.detail).not.toMatch(/Tuesday/);
    await expect(env.DB.prepare("UPDATE submission_notes SET text = 'changed'").run()).rejects.toThrow(
      /append-only/,
    );
    await expect(env.DB.prepare("DELETE FROM submission_notes").run()).rejects.toThrow(/append-only/);
    await expect(env.DB.prepare("DELETE FROM audit_log").run()).rejects.toThrow(/append-only/);
  });

  it("answers 422 for an empty note", async () => {
    const rx = await submitPrescription();
    for (const body of [{ text: "" }, { text: "   " }, {}, { text: "x".repeat(2001) }]) {
      const res = await staffRequest(`/api/staff/submissions/${rx.id}/notes`, cookie, {
        method: "POST",
        body,
      });
      expect(res.status).toBe(422);
      expect((await res.json<{ issues: { path: string }[] }>()).issues[0]!.path).toBe("text");
    }
  });
});

describe("POST /api/staff/submissions/:id/visits", () => {
  const visit = (id: number) =>
    staffRequest(`/api/staff/submissions/${id}/visits`, cookie, { method: "POST" });

  it("records visits up to the prescribed count, then refuses with a plain message", async () => {
    const rx = await submitPrescription({ visitsAuthorized: "2" });
    const first = await visit(rx.id);
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({ visitsUsed: 1, visitsAuthorized: 2, visitsRemaining: 1 });
    expect((await visit(rx.id)).status).toBe(201);
    const third = await visit(rx.id);
    expect(third.status).toBe(409);
    expect(await third.json()).toEqual({
      error: "visit_refused",
      reason: "no_visits_left",
      message:
        "All 2 prescribed visits have been used. Ask the prescriber for a new prescription before the next visit.",
    });
    const audit = (await auditOf(rx.id)).filter((a) => a.action === "visit_recorded");
    expect(audit.map((a) => JSON.parse(a.detail!).visitsUsed)).toEqual([1, 2]);
  });

  it("never passes the prescribed count when clicks arrive at once", async () => {
    const rx = await submitPrescription({ visitsAuthorized: "3" });
    const results = await Promise.all(Array.from({ length: 8 }, () => visit(rx.id)));
    expect(results.filter((r) => r.status === 201)).toHaveLength(3);
    expect(results.filter((r) => r.status === 409)).toHaveLength(5);
    const row = await env.DB.prepare("SELECT visits_used FROM submissions WHERE id = ?1").bind(rx.id).first();
    expect(row).toEqual({ visits_used: 3 });
    expect((await auditOf(rx.id)).filter((a) => a.action === "visit_recorded")).toHaveLength(3);
  });

  it("refuses a visit after the end date, before the start date, on a closed prescription and on a claim", async () => {
    const ended = await submitPrescription();
    await env.DB.prepare("UPDATE submissions SET start_date = ?2, end_date = ?3 WHERE id = ?1")
      .bind(ended.id, oregonDaysFromToday(-60), oregonDaysFromToday(-1))
      .run();
    const notStarted = await submitPrescription({
      startDate: oregonDaysFromToday(3),
      endDate: oregonDaysFromToday(60),
    });
    const declined = await submitPrescription();
    await env.DB.prepare("UPDATE submissions SET status = 'declined' WHERE id = ?1").bind(declined.id).run();
    const claim = await submitClaim();
    const cases = [
      [ended.id, "ended", /ended on .*Ask the prescriber/],
      [notStarted.id, "not_started", /starts on/],
      [declined.id, "finished", /declined/],
      [claim.id, "not_a_prescription", /car accident claim/],
    ] as const;
    for (const [id, reason, message] of cases) {
      const res = await visit(id);
      expect(res.status, reason).toBe(409);
      expect(await res.json()).toMatchObject({ reason, message: expect.stringMatching(message) });
    }
    const used = await env.DB.prepare(
      "SELECT sum(visits_used) AS n FROM submissions WHERE id IN (?1, ?2, ?3)",
    )
      .bind(ended.id, notStarted.id, declined.id)
      .first();
    expect(used).toEqual({ n: 0 });
  });

  it("allows a visit on the prescription's last day", async () => {
    const rx = await submitPrescription();
    await env.DB.prepare("UPDATE submissions SET end_date = ?2 WHERE id = ?1")
      .bind(rx.id, todayInOregon())
      .run();
    expect((await visit(rx.id)).status).toBe(201);
  });
});
