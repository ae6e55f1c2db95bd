/**
 * A form posted without JavaScript, as the form page handles it (in workerd, against the real
 * API and D1): stored once and sent to the confirmation page, or shown again with every answer
 * kept and a plain message, whatever went wrong.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { postPublicForm } from "../../src/server/public-form";
import { mvaClaimBody, newKey, prescriptionBody } from "../fixtures/submissions";

const origin = "https://clinic.example";
let ip = 0;

function page(body: BodyInit, headers: Record<string, string> = {}) {
  ip += 1;
  const request = new Request(`${origin}/forms/mva-claim`, {
    method: "POST",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Origin: origin,
      "CF-Connecting-IP": `10.66.${Math.floor(ip / 250)}.${ip % 250}`,
      ...headers,
    },
    body,
  });
  return { request, url: new URL(request.url) };
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const count = async () =>
  (await env.DB.prepare("SELECT count(*) AS n FROM submissions").first<{ n: number }>())!.n;

describe("a form page's post without JavaScript", () => {
  it("stores the form once and sends the browser to the confirmation page with its cookie", async () => {
    const key = newKey();
    const first = await postPublicForm(page(form({ ...mvaClaimBody(), idempotencyKey: key })), "mva_claim");
    expect("response" in first && first.response.status).toBe(303);
    if (!("response" in first)) return;
    expect(first.response.headers.get("location")).toBe("/forms/received");
    expect(first.response.headers.getSetCookie().join()).toMatch(/^received=MVA-/);
    const again = await postPublicForm(page(form({ ...mvaClaimBody(), idempotencyKey: key })), "mva_claim");
    expect("response" in again).toBe(true);
    const rows = await env.DB.prepare("SELECT count(*) AS n FROM submissions WHERE idempotency_key = ?1")
      .bind(key)
      .first<{ n: number }>();
    expect(rows!.n).toBe(1);
  });

  it("shows a form with problems again with every answer kept, the same key, and the problems by field", async () => {
    const key = newKey();
    const before = await count();
    const result = await postPublicForm(
      page(
        form({ ...prescriptionBody({ patientLastName: "", diagnosisCodes: "M54.5" }), idempotencyKey: key }),
      ),
      "prescription",
    );
    expect("state" in result).toBe(true);
    if (!("state" in result)) return;
    const { state } = result;
    expect(state.status).toBe(422);
    expect(state.idempotencyKey).toBe(key);
    expect(state.values).toMatchObject({
      patientFirstName: "Maria",
      diagnosisCodes: "M54.5",
      memberId: "XZ123456789",
    });
    expect(state.values).not.toHaveProperty("website");
    expect(state.issues.map((i) => i.path)).toEqual(
      expect.arrayContaining(["patientLastName", "diagnosisCodes.0"]),
    );
    expect(await count()).toBe(before);
  });

  it("says the form was not sent and nothing was stored when D1 cannot write, keeping the key for the retry", async () => {
    const key = newKey();
    const before = await count();
    const db = env.DB;
    Object.assign(env, { DB: env.MIGRATION_DB });
    let result: Awaited<ReturnType<typeof postPublicForm>>;
    try {
      result = await postPublicForm(page(form({ ...mvaClaimBody(), idempotencyKey: key })), "mva_claim");
    } finally {
      Object.assign(env, { DB: db });
    }
    expect("state" in result && result.state).toMatchObject({ status: 503, idempotencyKey: key, issues: [] });
    if (!("state" in result)) return;
    expect(result.state.alert).toMatch(/NOT sent, and nothing was stored/);
    expect(result.state.values.patientFirstName).toBe("Sam");
    expect(await count()).toBe(before);
    // The retry with the same key is stored, once.
    const retry = await postPublicForm(page(form({ ...mvaClaimBody(), idempotencyKey: key })), "mva_claim");
    expect("response" in retry).toBe(true);
    expect(await count()).toBe(before + 1);
  });

  it.each([
    ["from another site", { Origin: "https://evil.example" }, "x=1", 403, /did not come from our website/],
    ["not a form", { "Content-Type": "application/json" }, "{}", 415, /could not read it/],
    ["too long", {}, `message=${"a".repeat(70 * 1024)}`, 413, /too long/],
  ])(
    "answers a post %s with the page and a plain message (%i)",
    async (_name, headers, body, status, message) => {
      const result = await postPublicForm(page(body, headers), "mva_claim");
      expect("state" in result && result.state.status).toBe(status);
      if ("state" in result) expect(result.state.alert).toMatch(message);
    },
  );
});
