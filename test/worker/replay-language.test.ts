/**
 * A retry is the same answers under the same idempotency key, whichever language's page sent
 * them: it gets the stored reference, answered in the retrying page's language. Rows stored
 * before the language left the payload hash still match their retries.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { api } from "../../functions/app";
import { formsEn } from "../../src/shared/i18n/forms-en";
import { formsEs } from "../../src/shared/i18n/forms-es";
import { prescriptionSchema } from "../../src/shared/schemas/prescription";
import { sha256Hex } from "../../src/shared/sha256";
import { newKey, prescriptionBody } from "../fixtures/submissions";

let ip = 0;
function post(body: Record<string, string>, key: string, type = "application/json") {
  ip += 1;
  return api.request(
    "/api/prescriptions",
    {
      method: "POST",
      headers: { "Content-Type": type, "Idempotency-Key": key, "CF-Connecting-IP": `10.7.${ip % 250}.9` },
      body: type === "application/json" ? JSON.stringify(body) : new URLSearchParams(body).toString(),
    },
    env,
  );
}

// A code outside the clinic's list gives a notice, so the answer's language shows in the JSON.
const answers = prescriptionBody({ diagnosisCodes: "M54.2, Z99.89" });
type Created = { reference: string; notices: string[] };

describe("an idempotent retry in the other language", () => {
  it("gives the stored reference, with notices in the retrying page's language", async () => {
    const key = newKey();
    const first = await post({ ...answers, language: "en" }, key);
    expect(first.status).toBe(201);
    const stored = await first.json<Created>();
    expect(stored.notices).toContain(formsEn.codes.outside);

    const again = await post({ ...answers, language: "es" }, key);
    expect(again.status).toBe(201);
    expect(again.headers.get("Idempotent-Replayed")).toBe("true");
    const replay = await again.json<Created>();
    expect(replay.reference).toBe(stored.reference);
    expect(replay.notices).toContain(formsEs.codes.outside);

    const count = await env.DB.prepare("SELECT COUNT(*) AS n FROM submissions WHERE idempotency_key = ?1")
      .bind(key)
      .first<{ n: number }>();
    expect(count?.n).toBe(1);
    // The row keeps the language it was first sent in.
    const row = await env.DB.prepare("SELECT language FROM submissions WHERE reference = ?1")
      .bind(stored.reference)
      .first<{ language: string }>();
    expect(row?.language).toBe("en");
  });

  it("sends a Spanish form post retrying an English one to the Spanish confirmation", async () => {
    const key = newKey();
    const body = prescriptionBody();
    expect((await post({ ...body, language: "es" }, key)).status).toBe(201);
    const english = await post({ ...body, language: "en" }, key, "application/x-www-form-urlencoded");
    expect(english.status).toBe(303);
    expect(english.headers.get("location")).toBe("/forms/received");
    const spanish = await post({ ...body, language: "es" }, key, "application/x-www-form-urlencoded");
    expect(spanish.headers.get("location")).toBe("/es/forms/received");
    expect(spanish.headers.get("Idempotent-Replayed")).toBe("true");
  });

  it("still refuses different answers under the same key, in the retrying page's language", async () => {
    const key = newKey();
    expect((await post({ ...prescriptionBody(), language: "en" }, key)).status).toBe(201);
    const other = await post({ ...prescriptionBody({ patientLastName: "Otero" }), language: "es" }, key);
    expect(other.status).toBe(409);
    expect((await other.json<{ message: string }>()).message).toBe(formsEs.keyConflict);
  });
});

describe("rows stored before the language left the payload hash", () => {
  // The answers as the API stores them: parsed, without the honeypot and the key.
  const parsed = prescriptionSchema({ messages: formsEn }).parse(answers) as Record<string, unknown>;
  const { website: _w, idempotencyKey: _k, ...fields } = parsed;
  const formerHashes = {
    // Before the Spanish edition: the answers had no language.
    "before the Spanish edition": (language: string) =>
      language === "en" ? sha256Hex(JSON.stringify({ kind: "prescription", input: fields })) : null,
    // From commit 724fb9c: the answers with their language last.
    "with the language in the hash": (language: string) =>
      sha256Hex(JSON.stringify({ kind: "prescription", input: { ...fields, language } })),
  };

  for (const [era, hashFor] of Object.entries(formerHashes)) {
    for (const [language, other] of [
      ["en", "es"],
      ["es", "en"],
    ] as const) {
      const hash = hashFor(language);
      if (hash === null) continue;
      it(`${era}: a row sent in ${language} matches a retry in ${language} and in ${other}`, async () => {
        const key = newKey();
        const first = await post({ ...answers, language }, key);
        const { reference } = await first.json<Created>();
        await env.DB.prepare("UPDATE submissions SET payload_hash = ?1 WHERE reference = ?2")
          .bind(await hash, reference)
          .run();
        for (const lang of [language, other]) {
          const again = await post({ ...answers, language: lang }, key);
          expect(again.status).toBe(201);
          expect((await again.json<Created>()).reference).toBe(reference);
        }
        const otherAnswers = { ...answers, patientLastName: "Otero", language };
        expect((await post(otherAnswers, key)).status).toBe(409);
      });
    }
  }
});
