import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { coverages, parseEstimateQuery, type EstimateInput } from "../../src/shared/estimate-input";
import { estimateCost, type Estimate } from "../../src/shared/estimator";
import { inNetwork } from "../fixtures/estimate";

/** The estimate for a query string, as the page and the API compute it. */
function estimateFor(query: string): Estimate {
  const parsed = parseEstimateQuery(new URLSearchParams(query));
  if (!parsed.success) throw new Error(JSON.stringify(parsed.issues));
  return estimateCost(parsed.data);
}

const dollars = (cents: number) => cents / 100;

describe("the patients in issue #10 get the realistic answer", () => {
  it("car accident: PIP pays the clinic, whatever health-plan figures she also typed", () => {
    const e = estimateFor(
      "coverage=pip&accidentDate=2026-10-01&startDate=2026-11-02&minutes=60&visits=12&deductibleRemaining=1000&coinsurancePercent=20&allowedPerUnit=25",
    );
    expect(e.range).toEqual({ lowCents: 0, highCents: 0 });
    expect(e.totals.patientCents).toBe(0);
    expect(e.totals.insurerCents).toBe(12 * 12000);
    expect(e.visits.every((v) => v.coverage === "pip")).toBe(true);
    expect(e.notes).toContain("PIP pays for all 12 visits.");
  });

  it("$30 copay plan that waives the deductible: $240, and insurance is cheaper", () => {
    const e = estimateFor(
      "minutes=60&visits=8&copay=30&deductibleRemaining=1,500&deductibleApplies=false&allowedPerUnit=32.50",
    );
    expect(dollars(e.totals.patientCents)).toBe(240);
    expect(e.notes.at(-1)).toBe(
      "With insurance you pay about $240.00 in all. Paying cash costs $960.00. Insurance saves you $720.00.",
    );
  });

  it("$30 copay plan, not sure whether the deductible applies: a range from $240, no verdict on cash", () => {
    const e = estimateFor(
      "minutes=60&visits=8&copay=30&deductibleRemaining=$1,500.00&deductibleApplies=unknown&allowedPerUnit=32.50",
    );
    expect(e.range).toEqual({ lowCents: 24000, highCents: 104000 });
    expect(e.notes[0]).toBe(
      "We do not know whether your deductible applies to massage, so we worked it out every way: you pay between $240.00 and $1,040.00. The table shows the highest case, where your deductible applies.",
    );
    expect(e.notes.at(-1)).toBe(
      "With insurance you pay between $240.00 and $1,040.00 in all. Paying cash costs $960.00. Which costs less depends on whether your deductible applies to massage: ask your insurance company.",
    );
  });

  it("$800 deductible, not known how much is met: between $160 and $800", () => {
    const e = estimateFor(
      "minutes=60&visits=8&deductibleRemaining=unknown&deductibleAnnual=800&coinsurancePercent=20&allowedPerUnit=25",
    );
    expect(e.range).toEqual({ lowCents: 16000, highCents: 80000 });
    expect(e.totals.patientCents).toBe(80000);
    expect(e.notes[0]).toContain("where your deductible applies and all $800.00 of it is left");
  });

  it("Original Medicare: the cash price, with the reason", () => {
    const e = estimateFor("coverage=medicare&minutes=60&visits=8");
    expect(dollars(e.totals.patientCents)).toBe(960);
    expect(e.visits.every((v) => v.coverage === "cash" && v.insurerCents === 0)).toBe(true);
    expect(e.notes[0]).toBe(
      "Original Medicare does not pay for massage by a licensed massage therapist, so you pay our cash rate.",
    );
    expect(e.notes[1]).toContain("Some Medicare Advantage plans do cover massage");
  });

  it("a plan that pays at most $500 more this year: $800", () => {
    const e = estimateFor(
      "minutes=60&visits=12&benefitLimitRemaining=500&coinsurancePercent=20&allowedPerUnit=25",
    );
    expect(dollars(e.totals.patientCents)).toBe(800);
    expect(e.totals.insurerCents).toBe(50000);
    expect(e.visits[6]).toMatchObject({ insurerCents: 2000, overLimitCents: 6000, patientCents: 8000 });
    expect(e.visits.slice(7).every((v) => v.coverage === "not_covered" && v.patientCents === 12000)).toBe(
      true,
    );
    expect(e.notes).toContain(
      "Your plan's dollar limit runs out at visit 7. Your plan pays $20.00 of that visit, and you pay the $60.00 above the limit.",
    );
    expect(e.notes).toContain(
      "Visits 8 to 12 come after your dollar limit is used up, so you pay the clinic's rate of $120.00 for each.",
    );
  });

  it("$100 allowed per visit, $500 deductible left, 20%: $560", () => {
    const e = estimateFor(
      "minutes=60&visits=8&allowedPerVisit=100&deductibleRemaining=500&coinsurancePercent=20",
    );
    expect(dollars(e.totals.patientCents)).toBe(560);
    expect(e.visits[0]!.allowedCents).toBe(10000);
  });

  it("weekly from November 20, deductible met now, $1,000 from January 1: $720", () => {
    const e = estimateFor(
      "minutes=60&visits=12&startDate=2026-11-20&deductibleRemaining=0&deductibleAnnual=1000&coinsurancePercent=20&allowedPerUnit=25",
    );
    expect(dollars(e.totals.patientCents)).toBe(720);
    expect(e.visits[6]).toMatchObject({ date: "2027-01-01", deductibleCents: 10000 });
    expect(e.notes).toContain(
      "Your new plan year starts on January 1, 2027, at visit 7. Your deductible, out-of-pocket maximum and limits start again then.",
    );
    expect(e.notes).toContain(
      "In the new plan year, you do not meet your deductible in these visits. $400.00 of it is still left.",
    );
  });

  it("out of network: $960 including the $40-a-visit balance", () => {
    const e = estimateFor(
      "coverage=out_of_network&minutes=60&visits=8&deductibleRemaining=1000&coinsurancePercent=40&allowedPerUnit=20",
    );
    expect(dollars(e.totals.patientCents)).toBe(960);
    expect(e.totals.balanceCents).toBe(8 * 4000);
    expect(e.visits[0]).toMatchObject({ allowedCents: 8000, deductibleCents: 8000, balanceCents: 4000 });
  });
});

describe("each rule on its own", () => {
  it("takes either allowed amount, per unit or per visit, to the same answer", () => {
    const perUnit = estimateFor("minutes=45&visits=3&allowedPerUnit=27&copay=10");
    const perVisit = estimateFor("minutes=45&visits=3&allowedPerVisit=81&copay=10");
    expect(perVisit.visits).toEqual(perUnit.visits);
  });

  it("caps an out-of-network allowed amount at the billed charge, leaving no balance", () => {
    const e = estimateFor(
      "coverage=out_of_network&minutes=60&visits=2&allowedPerUnit=40&coinsurancePercent=50",
    );
    expect(e.visits[0]).toMatchObject({ allowedCents: 12000, coinsuranceCents: 6000, balanceCents: 0 });
    expect(e.notes).toContain(
      "Your plan's out-of-network allowed amount covers our whole charge, so there is no difference to pay.",
    );
  });

  it("keeps the out-of-network balance outside the out-of-pocket maximum", () => {
    const e = estimateFor(
      "coverage=out_of_network&minutes=60&visits=3&allowedPerUnit=20&coinsurancePercent=40&oopRemaining=50",
    );
    expect(e.visits.map((v) => v.patientCents - v.balanceCents)).toEqual([3200, 1800, 0]);
    expect(e.totals.patientCents).toBe(5000 + 3 * 4000);
  });

  it("uses the billed rate for out of network and PIP, when it differs from the cash rate", () => {
    const rates = { cashRatePerUnitCents: 3000, billedRatePerUnitCents: 3500 };
    const parsed = parseEstimateQuery(
      new URLSearchParams("coverage=pip&accidentDate=2026-01-01&startDate=2026-02-01&minutes=60&visits=1"),
    );
    expect(parsed.success && estimateCost(parsed.data, rates).visits[0]).toMatchObject({
      allowedCents: 14000,
      insurerCents: 14000,
    });
  });

  it("PIP: a visit covered in part, then the cash rate, with a note about health insurance", () => {
    const e = estimateFor(
      "coverage=pip&accidentDate=2026-01-01&startDate=2026-02-01&pipRemaining=300&minutes=60&visits=4",
    );
    expect(e.visits.map((v) => [v.coverage, v.insurerCents, v.patientCents])).toEqual([
      ["pip", 12000, 0],
      ["pip", 12000, 0],
      ["pip", 6000, 6000],
      ["cash", 0, 12000],
    ]);
    expect(e.notes).toContain(
      "Your PIP benefit runs out at visit 3. PIP pays $60.00 of it and you pay $60.00.",
    );
    expect(e.notes).toContain(
      "From visit 4, you pay our cash rate of $120.00 a visit. Your health insurance may pay from then on: choose a health plan above to estimate that.",
    );
  });

  it("PIP: nothing on or after two years from the accident", () => {
    const e = estimateFor("coverage=pip&accidentDate=2024-03-10&startDate=2026-02-24&minutes=60&visits=4");
    expect(e.visits.map((v) => [v.date, v.coverage])).toEqual([
      ["2026-02-24", "pip"],
      ["2026-03-03", "pip"],
      ["2026-03-10", "cash"],
      ["2026-03-17", "cash"],
    ]);
    expect(e.notes).toContain(
      "Two years after the accident is March 10, 2026. PIP does not pay for visit 3 or later.",
    );
  });

  it("spreads visits over the week: visit i on start + floor((i − 1) × 7 / visitsPerWeek)", () => {
    const e = estimateFor("coverage=self_pay&minutes=60&visits=5&startDate=2026-12-28&visitsPerWeek=3");
    expect(e.visits.map((v) => v.date)).toEqual([
      "2026-12-28",
      "2026-12-30",
      "2027-01-01",
      "2027-01-04",
      "2027-01-06",
    ]);
    expect(estimateFor("coverage=self_pay&minutes=60&visits=2").visits[0]).not.toHaveProperty("date");
  });

  it("restarts the visit limit and the out-of-pocket maximum on a plan year that starts July 1", () => {
    const e = estimateFor(
      "minutes=60&visits=6&startDate=2027-06-14&planYearStart=07-01&coveredVisits=1&coveredVisitsAnnual=20&copay=20&oopRemaining=20&oopAnnual=1000&allowedPerUnit=25",
    );
    expect(e.visits.map((v) => [v.coverage, v.patientCents])).toEqual([
      ["plan", 2000],
      ["not_covered", 12000],
      ["not_covered", 12000],
      ["plan", 2000],
      ["plan", 2000],
      ["plan", 2000],
    ]);
    expect(e.notes).toContain(
      "Your new plan year starts on July 1, 2027, at visit 4. Your deductible, out-of-pocket maximum and limits start again then.",
    );
    expect(e.notes).toContain(
      "Your plan covers 1 visit this plan year and 20 visits in the next. Visits 2 and 3 are past that limit, so you pay the clinic's rate of $120.00 for each.",
    );
  });

  it("computes every case when both deductible questions are unknown", () => {
    const e = estimateFor(
      "minutes=60&visits=4&deductibleApplies=unknown&deductibleRemaining=unknown&deductibleAnnual=250&coinsurancePercent=10&allowedPerUnit=25",
    );
    expect(e.range).toEqual({ lowCents: 4000, highCents: 26500 });
    expect(e.notes[0]).toMatch(
      /^We do not know whether your deductible applies to massage or how much of your deductible is left/,
    );
  });

  it("pays the cash rate for self-pay, with no plan figures needed", () => {
    const e = estimateFor("coverage=self_pay&minutes=90&visits=3&cpt=97140");
    expect(e.totals.patientCents).toBe(3 * 18000);
    expect(e.notes).toEqual(["You pay our cash rate of $180.00 a visit: $540.00 in all for 3 visits."]);
  });
});

const day = fc.integer({ min: 0, max: 365 * 3 }).map((n) => {
  const d = new Date(Date.UTC(2025, 0, 1) + n * 86_400_000);
  return d.toISOString().slice(0, 10);
});
const someMoney = fc.option(fc.integer({ min: 0, max: 300000 }), { nil: undefined });

/** Any input the parser could produce, over every way of paying. */
const anyInput: fc.Arbitrary<EstimateInput> = fc
  .record({
    coverage: fc.constantFrom(...coverages),
    minutes: fc.integer({ min: 8, max: 240 }),
    visits: fc.integer({ min: 1, max: 104 }),
    cpt: fc.constantFrom("97124" as const, "97140" as const),
    perVisit: fc.boolean(),
    allowedCents: fc.integer({ min: 0, max: 60000 }),
    deductibleRemainingCents: fc.oneof(fc.constant("unknown" as const), fc.integer({ min: 0, max: 200000 })),
    deductibleAnnualCents: someMoney,
    deductibleApplies: fc.constantFrom(true, false, "unknown" as const),
    copayCents: fc.integer({ min: 0, max: 8000 }),
    coinsurancePercent: fc.integer({ min: 0, max: 100 }),
    oopRemainingCents: someMoney,
    oopAnnualCents: someMoney,
    coveredVisits: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
    coveredVisitsAnnual: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
    benefitLimitRemainingCents: someMoney,
    benefitLimitAnnualCents: someMoney,
    startDate: fc.option(day, { nil: undefined }),
    accidentDaysBefore: fc.integer({ min: 0, max: 800 }),
    visitsPerWeek: fc.integer({ min: 1, max: 7 }),
    planYearStart: fc.constantFrom("01-01", "07-01", "10-15", "12-31"),
    pipRemainingCents: fc.integer({ min: 0, max: 2_000_000 }),
  })
  .map(({ perVisit, allowedCents, accidentDaysBefore, ...r }): EstimateInput => {
    const startDate = r.coverage === "pip" ? (r.startDate ?? "2026-05-01") : r.startDate;
    const accident = startDate && new Date(Date.parse(startDate) - accidentDaysBefore * 86_400_000);
    return {
      ...inNetwork,
      ...r,
      allowedPerUnitCents: perVisit ? undefined : allowedCents,
      allowedPerVisitCents: perVisit ? allowedCents : undefined,
      deductibleAnnualCents:
        r.deductibleRemainingCents === "unknown"
          ? (r.deductibleAnnualCents ?? 80000)
          : r.deductibleAnnualCents,
      startDate,
      accidentDate: accident ? accident.toISOString().slice(0, 10) : undefined,
    };
  });

describe("properties of every estimate, however the patient pays", () => {
  it("has a range with low ≤ high, and the shown total at the high end", () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const e = estimateCost(input);
        expect(e.range.lowCents).toBeLessThanOrEqual(e.range.highCents);
        expect(e.totals.patientCents).toBe(e.range.highCents);
      }),
    );
  });

  it("has every amount in whole cents and never below zero, balances included", () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const e = estimateCost(input);
        const amounts = [
          ...e.visits.flatMap((v) => [
            v.allowedCents,
            v.deductibleCents,
            v.copayCents,
            v.coinsuranceCents,
            v.overLimitCents,
            v.balanceCents,
            v.patientCents,
            v.insurerCents,
          ]),
          ...Object.values(e.totals),
          e.range.lowCents,
          e.range.highCents,
        ];
        for (const cents of amounts) {
          expect(Number.isInteger(cents)).toBe(true);
          expect(cents).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });

  it("never has PIP pay more than the PIP benefit left", () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const e = estimateCost({
          ...input,
          coverage: "pip",
          startDate: input.startDate ?? "2026-05-01",
          accidentDate: input.accidentDate ?? "2025-06-01",
        });
        expect(e.totals.insurerCents).toBeLessThanOrEqual(input.pipRemainingCents);
      }),
    );
  });

  it("never has the plan pay more than its dollar limit in a plan year", () => {
    fc.assert(
      fc.property(anyInput, fc.integer({ min: 0, max: 100000 }), (input, limit) => {
        const e = estimateCost({ ...input, startDate: undefined, benefitLimitRemainingCents: limit });
        expect(e.totals.insurerCents).toBeLessThanOrEqual(limit);
      }),
    );
  });

  it("splits each plan visit into parts that add up to what the patient and the plan pay", () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        for (const v of estimateCost(input).visits.filter((v) => v.coverage === "plan")) {
          expect(
            v.deductibleCents + v.copayCents + v.coinsuranceCents + v.overLimitCents + v.balanceCents,
          ).toBe(v.patientCents);
          expect(v.patientCents + v.insurerCents).toBe(v.allowedCents + v.balanceCents);
        }
      }),
    );
  });
});
