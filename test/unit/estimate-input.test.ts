import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  coverages,
  estimateInputSchema,
  parseEstimateQuery,
  type EstimateInput,
} from "../../src/shared/estimate-input";
import { exampleEstimateInput, toQuery } from "../../src/shared/estimate-link";
import { centsToDollars, dollarsToCents, maxMoneyCents } from "../../src/shared/money";
import { inNetwork } from "../fixtures/estimate";

const required = { minutes: "60", visits: "8", allowedPerUnit: "25" };

function issuesFor(query: Record<string, unknown>): { path: string; message: string }[] {
  const result = estimateInputSchema.safeParse(query);
  return result.success
    ? []
    : result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
}

describe("dollars to cents", () => {
  it("reads whole dollars and one or two decimals", () => {
    expect(dollarsToCents("27.50")).toBe(2750);
    expect(dollarsToCents("27.5")).toBe(2750);
    expect(dollarsToCents("27")).toBe(2700);
    expect(dollarsToCents("0.07")).toBe(7);
    expect(dollarsToCents("0")).toBe(0);
    expect(dollarsToCents("0029.99")).toBe(2999);
    expect(dollarsToCents("100000")).toBe(maxMoneyCents);
    expect(dollarsToCents("100000.00")).toBe(maxMoneyCents);
  });

  it("reads a dollar sign, thousands commas and spaces as people type them", () => {
    expect(dollarsToCents("$5")).toBe(500);
    expect(dollarsToCents("1,000")).toBe(100000);
    expect(dollarsToCents("$1,500.00")).toBe(150000);
    expect(dollarsToCents(" $ 1,500 ")).toBe(150000);
    expect(dollarsToCents("$100,000.00")).toBe(maxMoneyCents);
  });

  it("is exact where floating point is not", () => {
    expect(dollarsToCents("1.15")).toBe(115); // parseFloat("1.15") * 100 = 114.99999999999999
    expect(dollarsToCents("4.35")).toBe(435); // parseFloat("4.35") * 100 = 434.99999999999994
  });

  for (const text of [
    "27.505",
    "-1",
    "1e3",
    "5$",
    "",
    ".5",
    "27.",
    "1,50",
    "1,5000",
    ",500",
    "1,000,00",
    "$$5",
    "Infinity",
    "NaN",
    "0x10",
    "100000.01",
    "9".repeat(400),
  ]) {
    it(`rejects ${JSON.stringify(text.slice(0, 12))}`, () => {
      expect(dollarsToCents(text)).toBeUndefined();
    });
  }

  it("round-trips every amount from $0.00 to $100,000.00", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: maxMoneyCents }), (cents) => {
        expect(dollarsToCents(centsToDollars(cents))).toBe(cents);
      }),
    );
  });

  it("reads any typed amount as its exact number of cents", () => {
    const typed = fc.tuple(fc.stringMatching(/^\d{1,5}$/), fc.stringMatching(/^(\.\d{1,2})?$/));
    fc.assert(
      fc.property(typed, ([whole, fraction]) => {
        const exact = BigInt(whole) * 100n + BigInt((fraction.slice(1) || "0").padEnd(2, "0"));
        expect(dollarsToCents(whole + fraction)).toBe(Number(exact));
        expect(dollarsToCents(centsToDollars(Number(exact)))).toBe(Number(exact));
      }),
    );
  });
});

describe("estimate input", () => {
  it("fills defaults for everything but minutes, visits and the allowed amount", () => {
    expect(estimateInputSchema.parse(required)).toEqual({ ...inNetwork, visits: 8 });
    expect(estimateInputSchema.parse(required)).toMatchObject({
      coverage: "in_network",
      deductibleApplies: true,
      visitsPerWeek: 1,
      planYearStart: "01-01",
      pipRemainingCents: 1_500_000,
    });
  });

  it("treats blank form fields as absent", () => {
    const blank = {
      ...required,
      deductibleRemaining: "",
      deductibleApplies: "",
      copay: "",
      coinsurancePercent: " ",
      oopRemaining: "",
      coveredVisits: "",
      cpt: "",
    };
    expect(estimateInputSchema.parse(blank)).toEqual(estimateInputSchema.parse(required));
  });

  it("reads every field", () => {
    const query = {
      minutes: "45",
      visits: "12",
      allowedPerUnit: "27.17",
      deductibleRemaining: "150.5",
      deductibleApplies: "false",
      copay: "20",
      coinsurancePercent: "20",
      oopRemaining: "1500",
      coveredVisits: "0",
      cpt: "97140",
    };
    expect(estimateInputSchema.parse(query)).toEqual({
      ...inNetwork,
      minutes: 45,
      visits: 12,
      allowedPerUnitCents: 2717,
      deductibleRemainingCents: 15050,
      deductibleApplies: false,
      copayCents: 2000,
      coinsurancePercent: 20,
      oopRemainingCents: 150000,
      coveredVisits: 0,
      cpt: "97140",
    });
    const more = {
      coverage: "out_of_network",
      minutes: "60",
      visits: "30",
      allowedPerVisit: "$1,100.00",
      deductibleRemaining: "UNKNOWN",
      deductibleAnnual: "2,000",
      deductibleApplies: "Unknown",
      oopRemaining: "3000",
      oopAnnual: "5000",
      coveredVisits: "10",
      coveredVisitsAnnual: "20",
      benefitLimitRemaining: "500",
      benefitLimitAnnual: "1000",
      startDate: "2026-11-02",
      visitsPerWeek: "2",
      planYearStart: "7/1",
      accidentDate: "2026-10-01",
      pipRemaining: "9,000",
    };
    expect(estimateInputSchema.parse(more)).toEqual({
      ...inNetwork,
      coverage: "out_of_network",
      visits: 30,
      allowedPerUnitCents: undefined,
      allowedPerVisitCents: 110000,
      deductibleRemainingCents: "unknown",
      deductibleAnnualCents: 200000,
      deductibleApplies: "unknown",
      oopRemainingCents: 300000,
      oopAnnualCents: 500000,
      coveredVisits: 10,
      coveredVisitsAnnual: 20,
      benefitLimitRemainingCents: 50000,
      benefitLimitAnnualCents: 100000,
      startDate: "2026-11-02",
      visitsPerWeek: 2,
      planYearStart: "07-01",
      accidentDate: "2026-10-01",
      pipRemainingCents: 900000,
    });
  });

  it("explains a comma in the wrong place instead of a general money message", () => {
    const issues = issuesFor({ ...required, deductibleRemaining: "1,50" });
    expect(issues).toEqual([
      {
        path: "deductibleRemaining",
        message: "Put commas only between groups of three digits, like 1,500.00, or leave them out.",
      },
    ]);
  });

  it("drops unknown parameters", () => {
    const parsed = estimateInputSchema.parse({ ...required, utm_source: "flyer", constructor: "x" });
    expect(Object.keys(parsed)).not.toContain("utm_source");
    expect(Object.keys(parsed)).not.toContain("constructor");
  });

  it("asks for the three required fields when they are missing", () => {
    expect(issuesFor({}).map((i) => i.path)).toEqual(["minutes", "visits", "allowedPerUnit"]);
    expect(issuesFor({ minutes: "", visits: "", allowedPerUnit: "" })).toHaveLength(3);
  });

  const invalid: [field: string, value: string, words: string][] = [
    ["minutes", "7", "minutes"],
    ["minutes", "241", "minutes"],
    ["minutes", "60.5", "minutes"],
    ["visits", "2.5", "number of visits"],
    ["visits", "105", "number of visits"],
    ["visits", "-3", "number of visits"],
    ["allowedPerUnit", "27.505", "allowed amount"],
    ["allowedPerUnit", "27$", "allowed amount"],
    ["deductibleRemaining", "-1", "deductible"],
    ["deductibleRemaining", "100000.01", "deductible"],
    ["deductibleApplies", "yes", "deductible applies"],
    ["copay", "1e3", "copay"],
    ["coinsurancePercent", "20%", "coinsurance"],
    ["coinsurancePercent", "101", "coinsurance"],
    ["oopRemaining", "lots", "out-of-pocket maximum"],
    ["coveredVisits", "-1", "visits your plan still covers"],
    ["coveredVisits", "366", "visits your plan still covers"],
    ["cpt", "97110", "service code"],
  ];
  for (const [field, value, words] of invalid) {
    it(`rejects ${field}=${value} with a plain message that names the field and not the value`, () => {
      const issues = issuesFor({ ...required, [field]: value });
      expect(issues).toHaveLength(1);
      expect(issues[0]!.path).toBe(field);
      expect(issues[0]!.message).toContain(words);
      expect(issues[0]!.message).toMatch(/^(Enter|Choose) .+\.$/);
      expect(issues[0]!.message).not.toContain(value);
    });
  }

  it("rejects values that are not text without throwing", () => {
    const issues = issuesFor({ minutes: 60, visits: ["8", "9"], allowedPerUnit: { dollars: 25 } });
    expect(issues.map((i) => i.path)).toEqual(["minutes", "visits", "allowedPerUnit"]);
    expect(issues[0]!.message).toBe(
      "Enter the length of each visit in minutes as a whole number from 8 to 240.",
    );
  });
});

describe("whole query strings", () => {
  it("name a field given twice, and only once, whatever else is wrong", () => {
    const parsed = parseEstimateQuery(
      new URLSearchParams("minutes=60&visits=2&visits=3&visits=4&copay=x&allowedPerUnit=25"),
    );
    expect(parsed.success).toBe(false);
    expect(!parsed.success && parsed.issues.map((i) => i.path)).toEqual(["visits", "copay"]);
  });

  it("treat a blank repeat as absent, as a blank field is", () => {
    const parsed = parseEstimateQuery(
      new URLSearchParams("minutes=60&visits=2&allowedPerUnit=25&allowedPerUnit=%20"),
    );
    expect(parsed.success && parsed.data.allowedPerUnitCents).toBe(2500);
  });
});

describe("shareable query strings", () => {
  it("turn the example back into a link", () => {
    expect(toQuery(exampleEstimateInput).toString()).toBe(
      "coverage=in_network&minutes=60&visits=8&allowedPerUnit=25.00&deductibleRemaining=200.00&deductibleApplies=unknown&copay=0.00&coinsurancePercent=20&visitsPerWeek=1&planYearStart=01-01&pipRemaining=15000.00&cpt=97124",
    );
    // Example figures never stack a copay and a coinsurance.
    expect(exampleEstimateInput.copayCents === 0 || exampleEstimateInput.coinsurancePercent === 0).toBe(true);
  });

  it("parse back to the same input", () => {
    const cents = fc.integer({ min: 0, max: maxMoneyCents });
    const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
    const input: fc.Arbitrary<EstimateInput> = fc.record({
      coverage: fc.constantFrom(...coverages),
      allowedPerVisitCents: fc.constant(undefined),
      deductibleAnnualCents: maybe(cents),
      oopAnnualCents: maybe(cents),
      coveredVisitsAnnual: maybe(fc.integer({ min: 0, max: 365 })),
      benefitLimitRemainingCents: maybe(cents),
      benefitLimitAnnualCents: maybe(cents),
      startDate: fc.constant("2026-11-02"),
      visitsPerWeek: fc.integer({ min: 1, max: 7 }),
      planYearStart: fc.constantFrom("01-01", "07-01", "12-31"),
      accidentDate: fc.constantFrom(undefined, "2026-10-01"),
      pipRemainingCents: cents,
      minutes: fc.integer({ min: 8, max: 240 }),
      visits: fc.integer({ min: 1, max: 104 }),
      allowedPerUnitCents: fc.integer({ min: 0, max: maxMoneyCents }),
      deductibleRemainingCents: fc.integer({ min: 0, max: maxMoneyCents }),
      deductibleApplies: fc.constantFrom(true, false, "unknown" as const),
      copayCents: fc.integer({ min: 0, max: maxMoneyCents }),
      coinsurancePercent: fc.integer({ min: 0, max: 100 }),
      oopRemainingCents: fc.option(fc.integer({ min: 0, max: maxMoneyCents }), { nil: undefined }),
      coveredVisits: fc.option(fc.integer({ min: 0, max: 365 }), { nil: undefined }),
      cpt: fc.constantFrom("97124" as const, "97140" as const),
    });
    // Yearly amounts are at least what is left, and PIP needs its accident date.
    const valid = input.map((i) => ({
      ...i,
      deductibleAnnualCents:
        i.deductibleAnnualCents === undefined
          ? undefined
          : Math.max(i.deductibleAnnualCents, i.deductibleRemainingCents as number),
      oopAnnualCents:
        i.oopAnnualCents === undefined ? undefined : Math.max(i.oopAnnualCents, i.oopRemainingCents ?? 0),
      coveredVisitsAnnual:
        i.coveredVisitsAnnual === undefined
          ? undefined
          : Math.max(i.coveredVisitsAnnual, i.coveredVisits ?? 0),
      benefitLimitAnnualCents:
        i.benefitLimitAnnualCents === undefined
          ? undefined
          : Math.max(i.benefitLimitAnnualCents, i.benefitLimitRemainingCents ?? 0),
      accidentDate: i.coverage === "pip" ? "2026-10-01" : i.accidentDate,
    }));
    fc.assert(
      fc.property(valid, (original) => {
        const query = Object.fromEntries(toQuery(original));
        expect(estimateInputSchema.parse(query)).toEqual(original);
      }),
    );
  });

  it("example values are themselves valid input", () => {
    expect(estimateInputSchema.parse(Object.fromEntries(toQuery(exampleEstimateInput)))).toEqual(
      exampleEstimateInput,
    );
  });
});
