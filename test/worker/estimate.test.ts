import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { api } from "../../functions/app";

const get = (query: string) => api.request(`/api/estimate?${query}`, {}, env);

type Issues = { error: string; issues: { path: string; message: string }[] };

describe("GET /api/estimate", () => {
  it("estimates every visit, the totals, the self-pay price and the notes", async () => {
    const res = await get(
      "minutes=60&visits=4&allowedPerUnit=25&deductibleRemaining=150&copay=20.00&coinsurancePercent=20&oopRemaining=200&coveredVisits=3&cpt=97124",
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("public, max-age=300");
    const visit = (n: number, parts: number[], covered = true) => {
      const [allowedCents, deductibleCents, copayCents, coinsuranceCents, patientCents, insurerCents] = parts;
      return {
        visit: n,
        covered,
        allowedCents,
        deductibleCents,
        copayCents,
        coinsuranceCents,
        patientCents,
        insurerCents,
      };
    };
    expect(await res.json()).toEqual({
      cpt: "97124",
      unitsPerVisit: 4,
      visits: [
        visit(1, [10000, 10000, 0, 0, 10000, 0]),
        visit(2, [10000, 5000, 2000, 600, 7600, 2400]),
        visit(3, [10000, 0, 2000, 400, 2400, 7600]),
        visit(4, [0, 0, 0, 0, 12000, 0], false),
      ],
      totals: { allowedCents: 30000, patientCents: 32000, insurerCents: 10000 },
      selfPay: {
        cpt: "97124",
        service: "Massage therapy",
        units: 4,
        unitCents: 3000,
        perVisitCents: 12000,
        visits: 4,
        totalCents: 48000,
      },
      notes: [
        "You meet your deductible at visit 2.",
        "You reach your out-of-pocket maximum at visit 3. After that, your plan pays the full allowed amount for covered visits.",
        "Your plan covers 3 visits. Visit 4 is past that limit, so you pay the clinic's rate of $120.00 for it.",
        "With insurance you pay about $320.00 in all. Paying cash costs $480.00. Insurance saves you $160.00.",
      ],
    });
  });

  it("uses the defaults: no deductible, copay or coinsurance, no limits, CPT 97124", async () => {
    const res = await get("minutes=45&visits=2&allowedPerUnit=27.17");
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      cpt: string;
      unitsPerVisit: number;
      totals: object;
      visits: unknown[];
    };
    expect(body.cpt).toBe("97124");
    expect(body.unitsPerVisit).toBe(3);
    expect(body.visits).toHaveLength(2);
    expect(body.totals).toEqual({ allowedCents: 16302, patientCents: 0, insurerCents: 16302 });
  });

  it("treats blank fields from a plain HTML form as absent", async () => {
    const blank = await get(
      "minutes=45&visits=2&allowedPerUnit=27.17&deductibleRemaining=&deductibleApplies=&copay=&coinsurancePercent=&oopRemaining=&coveredVisits=&cpt=",
    );
    const plain = await get("minutes=45&visits=2&allowedPerUnit=27.17");
    expect(blank.status).toBe(200);
    expect(await blank.json()).toEqual(await plain.json());
  });

  it("ignores unknown parameters and uses the first of repeated ones", async () => {
    const res = await get(
      "minutes=60&minutes=999&visits=1&allowedPerUnit=25&utm_source=flyer&__proto__=x&constructor=y",
    );
    expect(res.status).toBe(200);
    expect(((await res.json()) as { unitsPerVisit: number }).unitsPerVisit).toBe(4);
  });

  it("survives a malformed query string", async () => {
    const res = await get("minutes=%E0%A4%A&visits=%&allowedPerUnit=25&&=&%ZZ");
    expect(res.status).toBe(422);
  });

  it("asks for the required fields when they are missing", async () => {
    const res = await get("");
    expect(res.status).toBe(422);
    const body = (await res.json()) as Issues;
    expect(body.error).toBe("validation_failed");
    expect(body.issues.map((i) => i.path)).toEqual(["minutes", "visits", "allowedPerUnit"]);
  });

  const invalid: [string, string][] = [
    ["minutes", "7"],
    ["minutes", "241"],
    ["visits", "105"],
    ["visits", "2.5"],
    ["allowedPerUnit", "27.505"],
    ["allowedPerUnit", "1e3"],
    ["deductibleRemaining", "-1"],
    ["deductibleApplies", "maybe"],
    ["copay", "$5"],
    ["coinsurancePercent", "101"],
    ["coinsurancePercent", "12.5"],
    ["oopRemaining", "100000.01"],
    ["coveredVisits", "-1"],
    ["cpt", "97110"],
  ];
  for (const [field, value] of invalid) {
    it(`answers 422 for ${field}=${value} without echoing it`, async () => {
      const query = new URLSearchParams({ minutes: "60", visits: "4", allowedPerUnit: "25", [field]: value });
      const res = await get(query.toString());
      expect(res.status).toBe(422);
      expect(res.headers.get("content-type")).toMatch(/application\/json/);
      expect(res.headers.get("cache-control")).toBeNull();
      const text = await res.text();
      expect(text).not.toContain(value);
      const body = JSON.parse(text) as Issues;
      expect(body.error).toBe("validation_failed");
      expect(body.issues).toHaveLength(1);
      expect(body.issues[0]!.path).toBe(field);
      expect(body.issues[0]!.message).not.toContain(value);
    });
  }

  for (const query of ["minutes=60&visits=1&allowedPerUnit=25", "visits=abc"]) {
    it(`sets security headers (${query})`, async () => {
      const res = await get(query);
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("default-src 'none'");
      expect(res.headers.get("strict-transport-security")).toContain("max-age=63072000");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("x-frame-options")).toBe("DENY");
      expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    });
  }
});
