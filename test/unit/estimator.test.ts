import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { EstimateInput } from "../../src/shared/estimate-input";
import { maxMoneyCents } from "../../src/shared/money";
import { inNetwork } from "../fixtures/estimate";
import {
  coinsuranceOf,
  estimateCost,
  selfPayEstimate,
  unitsForMinutes,
  type Estimate,
} from "../../src/shared/estimator";

/** A 60-minute visit (4 units) at $25.00 allowed per unit: $100.00 allowed, $120.00 cash. */
function plan(overrides: Partial<EstimateInput> = {}): EstimateInput {
  return { ...inNetwork, ...overrides };
}

/** Each visit as [deductible, copay, coinsurance, patient, insurer]. */
function parts(estimate: Estimate): number[][] {
  return estimate.visits.map((v) => [
    v.deductibleCents,
    v.copayCents,
    v.coinsuranceCents,
    v.patientCents,
    v.insurerCents,
  ]);
}

describe("units by the 8-minute rule", () => {
  const table: [number, number][] = [
    [7, 0],
    [8, 1],
    [22, 1],
    [23, 2],
    [37, 2],
    [38, 3],
    [52, 3],
    [53, 4],
    [60, 4],
    [67, 4],
    [68, 5],
    [240, 16],
  ];
  for (const [minutes, units] of table) {
    it(`bills ${minutes} minutes as ${units} unit(s)`, () => {
      expect(unitsForMinutes(minutes)).toBe(units);
    });
  }
});

describe("coinsurance rounding", () => {
  it("rounds half a cent up", () => {
    expect(coinsuranceOf(25, 10)).toBe(3); // 2.5¢
    expect(coinsuranceOf(1, 50)).toBe(1); // 0.5¢
    expect(coinsuranceOf(2025, 10)).toBe(203); // $2.025
    expect(coinsuranceOf(5, 30)).toBe(2); // 1.5¢
  });

  it("rounds below half down and above half up", () => {
    expect(coinsuranceOf(12, 20)).toBe(2); // 2.4¢
    expect(coinsuranceOf(13, 20)).toBe(3); // 2.6¢
    expect(coinsuranceOf(1237, 20)).toBe(247); // $2.474
    expect(coinsuranceOf(1238, 20)).toBe(248); // $2.476
  });

  it("charges nothing at 0% and everything at 100%", () => {
    expect(coinsuranceOf(10868, 0)).toBe(0);
    expect(coinsuranceOf(10868, 100)).toBe(10868);
  });

  it("matches exact integer half-up rounding for every amount and percent", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 16 * maxMoneyCents }),
        fc.integer({ min: 0, max: 100 }),
        (a, p) => {
          const exact = Number((BigInt(a) * BigInt(p) + 50n) / 100n);
          expect(coinsuranceOf(a, p)).toBe(exact);
        },
      ),
    );
  });

  it("rounds a real visit's coinsurance to the cent", () => {
    // 15 minutes at $25.25 allowed, 10% coinsurance: $2.525 → $2.53.
    const e = estimateCost(
      plan({ minutes: 15, visits: 1, allowedPerUnitCents: 2525, coinsurancePercent: 10 }),
    );
    expect(parts(e)).toEqual([[0, 0, 253, 253, 2272]]);
    // 60 minutes at $27.17 (Medicare 97140 benchmark), 20%: $21.736 → $21.74.
    const m = estimateCost(
      plan({ visits: 1, allowedPerUnitCents: 2717, coinsurancePercent: 20, cpt: "97140" }),
    );
    expect(parts(m)).toEqual([[0, 0, 2174, 2174, 8694]]);
  });
});

describe("covered visits", () => {
  it("uses up the deductible across visits and meets it partway through a visit", () => {
    const e = estimateCost(
      plan({ deductibleRemainingCents: 15000, copayCents: 2000, coinsurancePercent: 20, visits: 3 }),
    );
    expect(parts(e)).toEqual([
      [10000, 0, 0, 10000, 0],
      [5000, 2000, 600, 7600, 2400], // $50 finishes the deductible, copay, then 20% of the last $30
      [0, 2000, 1600, 3600, 6400],
    ]);
    expect(e.notes[0]).toBe("You meet your deductible at visit 2.");
  });

  it("charges a copay every visit, not once on the total", () => {
    const e = estimateCost(plan({ copayCents: 2000, visits: 3 }));
    expect(e.visits.map((v) => v.copayCents)).toEqual([2000, 2000, 2000]);
    expect(e.totals).toEqual({
      allowedCents: 30000,
      patientCents: 6000,
      insurerCents: 24000,
      balanceCents: 0,
    });
  });

  it("caps the copay at the allowed amount", () => {
    // 30 minutes = 2 units at $5.00 allowed = $10.00, copay $20.00.
    const e = estimateCost(
      plan({ minutes: 30, visits: 1, allowedPerUnitCents: 500, copayCents: 2000, coinsurancePercent: 20 }),
    );
    expect(parts(e)).toEqual([[0, 1000, 0, 1000, 0]]);
  });

  it("skips the deductible when it does not apply", () => {
    const e = estimateCost(
      plan({
        deductibleApplies: false,
        deductibleRemainingCents: 50000,
        copayCents: 2000,
        coinsurancePercent: 20,
        visits: 2,
      }),
    );
    expect(parts(e)).toEqual([
      [0, 2000, 1600, 3600, 6400],
      [0, 2000, 1600, 3600, 6400],
    ]);
    expect(e.notes[0]).toBe("Your deductible does not apply to these visits.");
  });
});

describe("the out-of-pocket maximum", () => {
  it("caps the visit where it is reached, then the plan pays in full", () => {
    // $36.00 a visit; $75.00 left: 36 + 36 + 3, trimming coinsurance first, then copay.
    const e = estimateCost(plan({ copayCents: 2000, coinsurancePercent: 20, oopRemainingCents: 7500 }));
    expect(parts(e)).toEqual([
      [0, 2000, 1600, 3600, 6400],
      [0, 2000, 1600, 3600, 6400],
      [0, 300, 0, 300, 9700],
      [0, 0, 0, 0, 10000],
    ]);
    expect(e.totals.patientCents).toBe(7500);
    expect(e.notes).toContain(
      "You reach your out-of-pocket maximum at visit 3. After that, your plan pays the full allowed amount for covered visits.",
    );
  });

  it("trims coinsurance before the copay", () => {
    const e = estimateCost(plan({ copayCents: 2000, coinsurancePercent: 20, oopRemainingCents: 10000 }));
    expect(parts(e)[2]).toEqual([0, 2000, 800, 2800, 7200]);
  });

  it("counts only the deductible actually paid when the cap bites first", () => {
    const e = estimateCost(plan({ deductibleRemainingCents: 20000, oopRemainingCents: 5000, visits: 2 }));
    expect(parts(e)).toEqual([
      [5000, 0, 0, 5000, 5000],
      [0, 0, 0, 0, 10000],
    ]);
    expect(e.notes.some((n) => n.includes("deductible"))).toBe(false);
  });

  it("says when it is already reached", () => {
    const e = estimateCost(plan({ copayCents: 2000, oopRemainingCents: 0, visits: 2 }));
    expect(e.totals.patientCents).toBe(0);
    expect(e.notes[0]).toBe(
      "You have already reached your out-of-pocket maximum. Your plan pays the full allowed amount for covered visits.",
    );
  });
});

describe("visits past the covered-visit limit", () => {
  it("are at the clinic's cash rate and count toward nothing", () => {
    const e = estimateCost(
      plan({ coveredVisits: 2, visits: 5, deductibleRemainingCents: 50000, oopRemainingCents: 25000 }),
    );
    expect(e.visits.slice(2)).toEqual(
      [3, 4, 5].map((visit) => ({
        visit,
        coverage: "not_covered",
        covered: false,
        allowedCents: 0,
        deductibleCents: 0,
        copayCents: 0,
        coinsuranceCents: 0,
        overLimitCents: 0,
        balanceCents: 0,
        patientCents: 12000,
        insurerCents: 0,
      })),
    );
    expect(e.totals).toEqual({
      allowedCents: 20000,
      patientCents: 20000 + 36000,
      insurerCents: 0,
      balanceCents: 0,
    });
    expect(e.notes).toContain(
      "You do not meet your deductible in these visits. $300.00 of it is still left.",
    );
    expect(e.notes).toContain(
      "Your plan covers 2 visits. Visits 3 to 5 are past that limit, so you pay the clinic's rate of $120.00 for each.",
    );
  });

  it("names one or two uncovered visits plainly", () => {
    expect(estimateCost(plan({ coveredVisits: 3 })).notes).toContain(
      "Your plan covers 3 visits. Visit 4 is past that limit, so you pay the clinic's rate of $120.00 for it.",
    );
    expect(estimateCost(plan({ coveredVisits: 1, visits: 3 })).notes).toContain(
      "Your plan covers 1 visit. Visits 2 and 3 are past that limit, so you pay the clinic's rate of $120.00 for each.",
    );
  });

  it("covers nothing when the limit is 0", () => {
    const e = estimateCost(plan({ coveredVisits: 0, copayCents: 2000, deductibleRemainingCents: 10000 }));
    expect(e.visits.every((v) => !v.covered && v.patientCents === 12000 && v.insurerCents === 0)).toBe(true);
    expect(e.totals).toEqual({ allowedCents: 0, patientCents: 48000, insurerCents: 0, balanceCents: 0 });
    expect(e.notes).toEqual([
      "Your plan does not cover any of these visits. You pay the clinic's rate of $120.00 for each one.",
      "With insurance or paying cash, you pay the same: $480.00 in all.",
    ]);
  });
});

describe("self-pay comparison", () => {
  it("itemizes the cash price like a Good Faith Estimate", () => {
    expect(selfPayEstimate({ minutes: 45, visits: 6, cpt: "97140" })).toEqual({
      cpt: "97140",
      service: "Manual therapy",
      units: 3,
      unitCents: 3000,
      perVisitCents: 9000,
      visits: 6,
      totalCents: 54000,
    });
  });

  it("says insurance is cheaper when it is", () => {
    const e = estimateCost(plan({ copayCents: 2000, deductibleRemainingCents: 0 }));
    expect(e.notes).toEqual([
      "Your deductible is already met.",
      "With insurance you pay about $80.00 in all. Paying cash costs $480.00. Insurance saves you $400.00.",
    ]);
  });

  it("says cash is cheaper when it is", () => {
    // $40.00 allowed per unit, all toward a large deductible: $160 a visit against $120 cash.
    const e = estimateCost(plan({ allowedPerUnitCents: 4000, deductibleRemainingCents: 100000, visits: 2 }));
    expect(e.notes).toEqual([
      "You do not meet your deductible in these visits. $680.00 of it is still left.",
      "With insurance you pay about $320.00 in all. Paying cash costs $240.00. Paying cash saves you $80.00.",
    ]);
  });
});

const money = fc.oneof(fc.integer({ min: 0, max: 50000 }), fc.integer({ min: 0, max: maxMoneyCents }));
/** Any in-network plan a link could have described before coverage, dates and limits were added. */
const anyPlan = fc
  .record({
    minutes: fc.integer({ min: 8, max: 240 }),
    visits: fc.integer({ min: 1, max: 104 }),
    allowedPerUnitCents: money,
    deductibleRemainingCents: money,
    deductibleApplies: fc.boolean(),
    copayCents: money,
    coinsurancePercent: fc.integer({ min: 0, max: 100 }),
    oopRemainingCents: fc.option(money, { nil: undefined }),
    coveredVisits: fc.option(fc.integer({ min: 0, max: 110 }), { nil: undefined }),
    cpt: fc.constantFrom("97124" as const, "97140" as const),
  })
  .map((old) => ({ ...inNetwork, ...old }));

describe("properties of every estimate", () => {
  it("splits each covered visit's allowed amount between patient and insurer, in parts that add up", () => {
    fc.assert(
      fc.property(anyPlan, (input) => {
        for (const v of estimateCost(input).visits.filter((v) => v.covered)) {
          expect(v.patientCents + v.insurerCents).toBe(v.allowedCents);
          expect(v.deductibleCents + v.copayCents + v.coinsuranceCents).toBe(v.patientCents);
        }
      }),
    );
  });

  it("never has a negative or fractional amount", () => {
    fc.assert(
      fc.property(anyPlan, (input) => {
        const e = estimateCost(input);
        const amounts = [
          ...e.visits.flatMap((v) => [
            v.allowedCents,
            v.deductibleCents,
            v.copayCents,
            v.coinsuranceCents,
            v.patientCents,
            v.insurerCents,
          ]),
          ...Object.values(e.totals),
          e.selfPay.perVisitCents,
          e.selfPay.totalCents,
        ];
        for (const cents of amounts) {
          expect(Number.isInteger(cents)).toBe(true);
          expect(cents).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });

  it("keeps the patient's total within the out-of-pocket maximum plus uncovered visits' cash", () => {
    fc.assert(
      fc.property(anyPlan, money, (input, oop) => {
        const e = estimateCost({ ...input, oopRemainingCents: oop });
        const uncoveredCash = e.visits.filter((v) => !v.covered).length * e.selfPay.perVisitCents;
        expect(e.totals.patientCents).toBeLessThanOrEqual(oop + uncoveredCash);
      }),
    );
  });

  it("never lowers the patient's total when the deductible goes up", () => {
    fc.assert(
      fc.property(anyPlan, money, (input, more) => {
        const before = estimateCost(input).totals.patientCents;
        const raised = Math.min(maxMoneyCents, input.deductibleRemainingCents + more);
        const after = estimateCost({ ...input, deductibleRemainingCents: raised }).totals.patientCents;
        expect(after).toBeGreaterThanOrEqual(before);
      }),
    );
  });

  it("never lowers the patient's total when coinsurance goes up", () => {
    fc.assert(
      fc.property(anyPlan, fc.integer({ min: 0, max: 100 }), (input, more) => {
        const before = estimateCost(input).totals.patientCents;
        const raised = Math.min(100, input.coinsurancePercent + more);
        const after = estimateCost({ ...input, coinsurancePercent: raised }).totals.patientCents;
        expect(after).toBeGreaterThanOrEqual(before);
      }),
    );
  });

  it("keeps totals equal to the sum of the visits", () => {
    fc.assert(
      fc.property(anyPlan, (input) => {
        const e = estimateCost(input);
        expect(e.totals.patientCents).toBe(e.visits.reduce((t, v) => t + v.patientCents, 0));
        expect(e.totals.insurerCents).toBe(e.visits.reduce((t, v) => t + v.insurerCents, 0));
        expect(e.totals.allowedCents).toBe(e.visits.reduce((t, v) => t + v.allowedCents, 0));
        expect(e.visits).toHaveLength(input.visits);
        expect(e.selfPay.totalCents).toBe(e.selfPay.perVisitCents * input.visits);
      }),
    );
  });
});
