import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { openNote } from "./sealed";
import { createStaff, postLogin, signIn, staffRequest, submitPrescription } from "./staff-helpers";

let cookie: string;
let submissionId: number;

beforeAll(async () => {
  ({ cookie } = await signIn(await createStaff()));
  ({ id: submissionId } = await submitPrescription());
});

/** Control characters (tab, line feed and carriage return excepted) and bidi overrides/isolates. */
const unsafe = [
  "\u0000",
  "\u0001",
  "\u0008",
  "\u000B",
  "\u000C",
  "\u000E",
  "\u001F",
  "\u007F",
  "\u202A",
  "\u202E",
  "\u2066",
  "\u2069",
];

type Issues = { error: string; issues: { path: string; message: string }[] };

describe("what staff type is checked for invisible characters", () => {
  it("refuses a note that starts with U+0000 with a plain 422 (it used to fail D1's CHECK: 500)", async () => {
    const res = await staffRequest(`/api/staff/submissions/${submissionId}/notes`, cookie, {
      method: "POST",
      body: { text: "\u0000Called the patient." },
    });
    expect(res.status).toBe(422);
    const body = await res.json<Issues>();
    expect(body.error).toBe("validation_failed");
    expect(body.issues).toEqual([{ path: "text", message: expect.stringMatching(/^[^\u0000-\u001F]+$/) }]);
    expect(JSON.stringify(body)).not.toContain("Called the patient");
  });

  it.each(unsafe.map((c) => [c.codePointAt(0)!.toString(16).padStart(4, "0"), c]))(
    "refuses U+%s anywhere in a note, a status note and a sign-in email (422, never 5xx)",
    async (_code, char) => {
      const note = await staffRequest(`/api/staff/submissions/${submissionId}/notes`, cookie, {
        method: "POST",
        body: { text: `Left a message${char} for the patient.` },
      });
      expect(note.status).toBe(422);
      expect((await note.json<Issues>()).issues.map((i) => i.path)).toEqual(["text"]);

      const status = await staffRequest(`/api/staff/submissions/${submissionId}`, cookie, {
        method: "PATCH",
        body: { status: "in_review", note: `Asked for the NPI${char}.` },
      });
      expect(status.status).toBe(422);
      expect((await status.json<Issues>()).issues.map((i) => i.path)).toEqual(["note"]);

      const login = await postLogin({ email: `desk${char}@example.org`, password: "some password" });
      expect(login.status).toBe(422);
      expect((await login.json<Issues>()).issues.map((i) => i.path)).toEqual(["email"]);
    },
  );

  it("keeps tabs and line breaks in notes, and wrote nothing for the refused ones", async () => {
    const res = await staffRequest(`/api/staff/submissions/${submissionId}/notes`, cookie, {
      method: "POST",
      body: { text: "Line one\r\n\tLine two" },
    });
    expect(res.status).toBe(201);
    const { results } = await env.DB.prepare("SELECT text FROM submission_notes WHERE submission_id = ?1")
      .bind(submissionId)
      .all<{ text: string }>();
    expect(await Promise.all(results.map((r) => openNote(submissionId, r.text)))).toEqual([
      "Line one\n\tLine two",
    ]);
    const state = await env.DB.prepare("SELECT status FROM submissions WHERE id = ?1")
      .bind(submissionId)
      .first<{ status: string }>();
    expect(state!.status).toBe("new");
  });
});
