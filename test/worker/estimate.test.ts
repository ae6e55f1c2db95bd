import { env } from "cloudflare:workers";
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
        coverage: covered ? "plan" : "not_covered",
        covered,
        allowedCents,
        deductibleCents,
        copayCents,
        coinsuranceCents,
        overLimitCents: 0,
        balanceCents: 0,
        patientCents,
        insurerCents,
      };
    };
    expect(await res.json()).toEqual({
      coverage: "in_network",
      cpt: "97124",
      unitsPerVisit: 4,
      visits: [
        visit(1, [10000, 10000, 0, 0, 10000, 0]),
        visit(2, [10000, 5000, 2000, 600, 7600, 2400]),
        visit(3, [10000, 0, 2000, 400, 2400, 7600]),
        visit(4, [0, 0, 0, 0, 12000, 0], false),
      ],
      totals: { allowedCents: 30000, patientCents: 32000, insurerCents: 10000, balanceCents: 0 },
      range: { lowCents: 32000, highCents: 32000 },
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
    expect(body.totals).toEqual({
      allowedCents: 16302,
      patientCents: 0,
      insurerCents: 16302,
      balanceCents: 0,
    });
  });

  it("treats blank fields from a plain HTML form as absent", async () => {
    const blank = await get(
      "minutes=45&visits=2&allowedPerUnit=27.17&deductibleRemaining=&deductibleApplies=&copay=&coinsurancePercent=&oopRemaining=&coveredVisits=&cpt=",
    );
    const plain = await get("minutes=45&visits=2&allowedPerUnit=27.17");
    expect(blank.status).toBe(200);
    expect(await blank.json()).toEqual(await plain.json());
  });

  it("ignores unknown parameters, repeated or not", async () => {
    const res = await get(
      "minutes=60&visits=1&allowedPerUnit=25&utm_source=flyer&utm_source=x&__proto__=x&constructor=y",
    );
    expect(res.status).toBe(200);
    expect(((await res.json()) as { unitsPerVisit: number }).unitsPerVisit).toBe(4);
  });

  it("answers 422 naming a parameter given twice, without echoing either value", async () => {
    const res = await get("minutes=60&minutes=45&visits=1&allowedPerUnit=25");
    expect(res.status).toBe(422);
    const text = await res.text();
    expect(text).not.toContain("45");
    expect((JSON.parse(text) as Issues).issues).toEqual([
      {
        path: "minutes",
        message: "Give only one answer for the length of each visit.",
      },
    ]);
    // A blank repeat is a blank field, which counts as absent.
    expect((await get("minutes=60&minutes=&visits=1&allowedPerUnit=25")).status).toBe(200);
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
    ["copay", "5$"],
    ["copay", "12,34"],
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

  const invalidNew: [string, string][] = [
    ["coverage", "medicaid"],
    ["allowedPerVisit", "100.001"],
    ["deductibleRemaining", "maybe"],
    ["deductibleAnnual", "100000.01"],
    ["deductibleApplies", "perhaps"],
    ["oopAnnual", "-5"],
    ["coveredVisitsAnnual", "366"],
    ["benefitLimitRemaining", "1,5000"],
    ["benefitLimitAnnual", "lots"],
    ["startDate", "2026-02-30"],
    ["startDate", "11/02/2026"],
    ["startDate", "1999-12-31"],
    ["visitsPerWeek", "0"],
    ["visitsPerWeek", "8"],
    ["planYearStart", "02-29"],
    ["planYearStart", "13-01"],
    ["accidentDate", "2100-01-01"],
    ["pipRemaining", "100000.01"],
  ];
  for (const [field, value] of invalidNew) {
    it(`answers 422 for ${field}=${value} with one plain message`, async () => {
      const query = new URLSearchParams({ minutes: "60", visits: "4", allowedPerUnit: "25", [field]: value });
      const res = await get(query.toString());
      expect(res.status).toBe(422);
      const text = await res.text();
      expect(text).not.toContain(value);
      const body = JSON.parse(text) as Issues;
      expect(body.issues.map((i) => i.path)).toEqual([field]);
      expect(body.issues[0]!.message).toMatch(/^(Enter|Choose|Put) .+\.$/);
    });
  }

  const crossField: [query: string, paths: string[]][] = [
    ["minutes=60&visits=4&allowedPerUnit=25&allowedPerVisit=100", ["allowedPerUnit", "allowedPerVisit"]],
    ["minutes=60&visits=4", ["allowedPerUnit"]],
    ["coverage=out_of_network&minutes=60&visits=4", ["allowedPerUnit"]],
    ["minutes=60&visits=4&allowedPerUnit=25&deductibleRemaining=unknown", ["deductibleAnnual"]],
    [
      "minutes=60&visits=4&allowedPerUnit=25&deductibleRemaining=500&deductibleAnnual=400",
      ["deductibleAnnual"],
    ],
    ["minutes=60&visits=4&allowedPerUnit=25&coveredVisits=10&coveredVisitsAnnual=5", ["coveredVisitsAnnual"]],
    ["coverage=pip&minutes=60&visits=4", ["accidentDate", "startDate"]],
    ["coverage=pip&minutes=60&visits=4&accidentDate=2026-05-01&startDate=2026-04-30", ["startDate"]],
  ];
  for (const [query, paths] of crossField) {
    it(`answers 422 naming ${paths.join(" and ")} for ${query}`, async () => {
      const res = await get(query);
      expect(res.status).toBe(422);
      expect(((await res.json()) as Issues).issues.map((i) => i.path)).toEqual(paths);
    });
  }

  it("needs no plan figures to pay cash or with Medicare, and reads money as people type it", async () => {
    for (const coverage of ["self_pay", "medicare"]) {
      const res = await get(`coverage=${coverage}&minutes=60&visits=8`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { coverage: string; range: object; visits: { coverage: string }[] };
      expect(body.coverage).toBe(coverage);
      expect(body.range).toEqual({ lowCents: 96000, highCents: 96000 });
      expect(body.visits.every((v) => v.coverage === "cash")).toBe(true);
    }
    const typed = await get("minutes=60&visits=2&allowedPerUnit=$25.00&deductibleRemaining=%20$1,500.00%20");
    const plain = await get("minutes=60&visits=2&allowedPerUnit=25&deductibleRemaining=1500");
    expect(await typed.json()).toEqual(await plain.json());
  });

  it("gives each visit its date, coverage and balance, and the answer its range", async () => {
    const res = await get(
      "coverage=out_of_network&minutes=60&visits=2&allowedPerUnit=20&deductibleApplies=unknown&deductibleRemaining=50&startDate=2026-12-31&visitsPerWeek=7",
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      visits: { date: string; coverage: string; balanceCents: number }[];
      totals: { balanceCents: number };
      range: { lowCents: number; highCents: number };
    };
    expect(body.visits.map((v) => [v.date, v.coverage, v.balanceCents])).toEqual([
      ["2026-12-31", "plan", 4000],
      ["2027-01-01", "plan", 4000],
    ]);
    expect(body.totals.balanceCents).toBe(8000);
    expect(body.range).toEqual({ lowCents: 8000, highCents: 18000 });
  });

  it("never answers 500, whatever the query", async () => {
    const names = [
      "coverage",
      "minutes",
      "visits",
      "allowedPerUnit",
      "deductibleRemaining",
      "startDate",
      "accidentDate",
      "planYearStart",
      "visitsPerWeek",
      "pipRemaining",
    ];
    const values = [
      "",
      "0",
      "-1",
      "unknown",
      "pip",
      "60",
      "2026-01-01",
      "1,000",
      "$",
      "%",
      "\u0000",
      "9".repeat(50),
      "01-01",
      "true",
    ];
    for (let i = 0; i < 200; i++) {
      const query = new URLSearchParams();
      for (const name of names)
        if ((i * 7 + name.length) % 3 !== 0)
          query.append(name, values[(i * 13 + name.length * 5) % values.length]!);
      const res = await get(query.toString());
      expect([200, 422]).toContain(res.status);
    }
  });
});
