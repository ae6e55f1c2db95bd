/** `POST /api/icd10/search`: the diagnosis-code lookup, with what is typed kept out of addresses. */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { api } from "../../functions/app";
import { synonymCodes } from "../../src/shared/icd10-synonyms";

function searchIcd10(body: unknown, init: RequestInit = {}) {
  return api.request(
    "/api/icd10/search",
    { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body), ...init },
    env,
  );
}

describe("POST /api/icd10/search", () => {
  it("finds codes by words, at most 20, with descriptions, and no cache keeps the answer", async () => {
    const res = await searchIcd10({ q: "neck" });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    const { results } = await res.json<{ results: { code: string; description: string }[] }>();
    expect(results.length).toBeGreaterThan(0);
    expect(results.length).toBeLessThanOrEqual(20);
    // Cervicalgia is "neck pain" in everyday words; every answer is named so or says "neck".
    expect(results[0]).toMatchObject({ code: "M54.2", description: "Cervicalgia" });
    const named = synonymCodes("neck");
    for (const r of results)
      if (!named.includes(r.code)) expect(r.description.toLowerCase()).toContain("neck");
  });

  it('finds Spanish everyday words with language "es", and only then', async () => {
    type Found = { results: { code: string; description: string }[] };
    const spanish = await (await searchIcd10({ q: "dolor de cuello", language: "es" })).json<Found>();
    // The code's name stays in English: CMS publishes the list in English only.
    expect(spanish.results[0]).toEqual({ code: "M54.2", description: "Cervicalgia" });
    const accentless = await (await searchIcd10({ q: "CIATICA", language: "es" })).json<Found>();
    expect(accentless.results[0]?.code).toBe("M54.30");
    for (const language of [undefined, "en", "fr", 7]) {
      const res = await searchIcd10({ q: "dolor de cuello", language });
      expect(res.status).toBe(200);
      expect((await res.json<Found>()).results).toEqual([]);
    }
  });

  it("finds codes by a forgiving prefix", async () => {
    const { results } = await (await searchIcd10({ q: "m545" })).json<{ results: { code: string }[] }>();
    expect(results.map((r) => r.code)).toEqual(["M54.50", "M54.51", "M54.59"]);
  });

  it("answers an empty query with no results", async () => {
    const { results } = await (await searchIcd10({ q: "" })).json<{ results: unknown[] }>();
    expect(results).toEqual([]);
  });

  it("takes no search words in the address: GET is gone, and bad bodies get 4xx without echoing them", async () => {
    expect((await api.request("/api/icd10?q=whiplash", {}, env)).status).toBe(404);
    const long = await searchIcd10({ q: "whiplash ".repeat(20) });
    expect(long.status).toBe(422);
    expect(await long.text()).not.toContain("whiplash");
    expect((await searchIcd10({ q: 7 })).status).toBe(422);
    expect(
      (
        await api.request(
          "/api/icd10/search",
          {
            method: "POST",
            body: "q=neck",
            headers: { "Content-Type": "application/x-www-form-urlencoded" },
          },
          env,
        )
      ).status,
    ).toBe(415);
    expect((await searchIcd10("x".repeat(2000))).status).toBe(413);
  });
});
