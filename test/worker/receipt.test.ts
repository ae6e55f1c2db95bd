/** The confirmation page's receipt: shown to the browser that sent the form, for 30 minutes, without health details. */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { api } from "../../functions/app";
import { saveSubmission } from "../../functions/db/submissions";
import { fieldKeys } from "../../functions/field-crypto";
import { prescriptionSchema } from "../../src/shared/schemas/prescription";
import { newKey, prescriptionBody } from "../fixtures/submissions";
import { formsEn } from "../../src/shared/i18n/forms-en";

let ip = 0;
async function send(body: Record<string, string>, key = newKey()) {
  ip += 1;
  const res = await api.request(
    "/api/prescriptions",
    {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "Idempotency-Key": key,
        "CF-Connecting-IP": `10.9.0.${ip}`,
      },
      body: JSON.stringify(body),
    },
    env,
  );
  expect(res.status).toBe(201);
  return decodeURIComponent(/received=([^;]+)/.exec(res.headers.get("set-cookie") ?? "")![1]!);
}

const receipt = (value: string) => api.request("/api/receipt", { headers: { Receipt: value } }, env);

describe("GET /api/receipt", () => {
  it("gives the sender what they sent, with who sent it and no health details", async () => {
    const cookie = await send(
      prescriptionBody({
        sentBy: "prescriber_office",
        senderName: "Jamie Ortiz",
        senderRole: "Medical assistant",
        senderPhone: "541-555-0100",
        insuranceCarrier: "",
        memberId: "",
      }),
    );
    const [reference] = cookie.split(".");
    const res = await receipt(cookie);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const answer = await res.json<{
      reference: string;
      sentBy: string;
      lines: { term: string; text: string }[];
    }>();
    expect(answer.reference).toBe(reference);
    // The confirmation page words its next steps for the office from this.
    expect(answer.sentBy).toBe("prescriber_office");
    expect(answer.lines).toEqual([
      { term: "Sent by", text: "The prescriber's office: Jamie Ortiz, Medical assistant" },
      { term: "Patient", text: "Maria Lopez" },
      { term: "Prescriber", text: "Dana Whitfield, MD" },
      { term: "Prescription", text: expect.stringMatching(/^\d+\/\d+\/\d{4} to \d+\/\d+\/\d{4}, 8 visits$/) },
      { term: "Health insurance", text: "To be collected from the patient" },
    ]);
    const text = JSON.stringify(answer);
    for (const secret of ["M54.2", "S13.4XXA", "Neck and upper back", "1980"])
      expect(text).not.toContain(secret);
  });

  it("needs the form's own key with the reference", async () => {
    const cookie = await send(prescriptionBody());
    const [reference] = cookie.split(".");
    expect((await receipt(reference!)).status).toBe(404);
    expect((await receipt(`${reference}.${newKey()}`)).status).toBe(404);
    expect((await receipt("")).status).toBe(404);
    expect((await receipt("RX-ABC.x")).status).toBe(404);
    const answer = await (await receipt(cookie)).json<{ sentBy: string }>();
    expect(answer.sentBy).toBe("patient");
  });

  it("is gone 30 minutes after sending", async () => {
    const key = newKey();
    const input = prescriptionSchema({ messages: formsEn }).parse(prescriptionBody());
    const { website: _w, idempotencyKey: _k, ...fields } = input as Record<string, unknown>;
    const keys = await fieldKeys((env as { FIELD_ENCRYPTION_KEYS?: string }).FIELD_ENCRYPTION_KEYS);
    const at = new Date(Date.now() - 31 * 60 * 1000);
    const saved = await saveSubmission(
      env.DB,
      keys,
      { kind: "prescription", input: fields } as never,
      key,
      at,
    );
    expect(saved.outcome).toBe("created");
    expect((await receipt(`${"reference" in saved ? saved.reference : ""}.${key}`)).status).toBe(404);
  });
});
