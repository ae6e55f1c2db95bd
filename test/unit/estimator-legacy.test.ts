import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseEstimateQuery } from "../../src/shared/estimate-input";
import { estimateCost } from "../../src/shared/estimator";
import { maxMoneyCents } from "../../src/shared/money";
import { estimateCost as legacyEstimate, type LegacyInput } from "../fixtures/legacy-estimator";

/** The estimate for a query string, as the page and the API compute it. */
function estimateFor(query: string) {
  const parsed = parseEstimateQuery(new URLSearchParams(query));
  if (!parsed.success) throw new Error(JSON.stringify(parsed.issues));
  return estimateCost(parsed.data);
}

const legacyInput: fc.Arbitrary<LegacyInput> = fc.record({
  minutes: fc.integer({ min: 8, max: 240 }),
  visits: fc.integer({ min: 1, max: 104 }),
  allowedPerUnitCents: fc.oneof(
    fc.integer({ min: 0, max: 6000 }),
    fc.integer({ min: 0, max: maxMoneyCents }),
  ),
  deductibleRemainingCents: fc.oneof(
    fc.integer({ min: 0, max: 200000 }),
    fc.integer({ min: 0, max: maxMoneyCents }),
  ),
  deductibleApplies: fc.boolean(),
  copayCents: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 10000 })),
  coinsurancePercent: fc.integer({ min: 0, max: 100 }),
  oopRemainingCents: fc.option(fc.integer({ min: 0, max: 500000 }), { nil: undefined }),
  coveredVisits: fc.option(fc.integer({ min: 0, max: 110 }), { nil: undefined }),
  cpt: fc.constantFrom("97124" as const, "97140" as const),
});

/** The link the page used to make for an input (its old `toQuery`). */
function legacyQuery(input: LegacyInput): string {
  const cents = (c: number) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, "0")}`;
  const query = new URLSearchParams({
    minutes: String(input.minutes),
    visits: String(input.visits),
    allowedPerUnit: cents(input.allowedPerUnitCents),
    deductibleRemaining: cents(input.deductibleRemainingCents),
    deductibleApplies: String(input.deductibleApplies),
    copay: cents(input.copayCents),
    coinsurancePercent: String(input.coinsurancePercent),
  });
  if (input.oopRemainingCents !== undefined) query.set("oopRemaining", cents(input.oopRemainingCents));
  if (input.coveredVisits !== undefined) query.set("coveredVisits", String(input.coveredVisits));
  query.set("cpt", input.cpt);
  return query.toString();
}

describe("links made before this change", () => {
  it("give the same numbers and notes as the estimator they were made with (12,000 cases)", () => {
    fc.assert(
      fc.property(legacyInput, (input) => {
        const now = estimateFor(legacyQuery(input));
        const then = legacyEstimate(input);
        expect(
          now.visits.map(
            ({
              visit,
              covered,
              allowedCents,
              deductibleCents,
              copayCents,
              coinsuranceCents,
              patientCents,
              insurerCents,
            }) => ({
              visit,
              covered,
              allowedCents,
              deductibleCents,
              copayCents,
              coinsuranceCents,
              patientCents,
              insurerCents,
            }),
          ),
        ).toEqual(then.visits);
        const { balanceCents, ...totals } = now.totals;
        expect(balanceCents).toBe(0);
        expect(totals).toEqual(then.totals);
        expect(now.range).toEqual({
          lowCents: then.totals.patientCents,
          highCents: then.totals.patientCents,
        });
        expect(now.selfPay).toEqual(then.selfPay);
        expect(now.notes).toEqual(then.notes);
      }),
      { numRuns: 12_000 },
    );
    // About 5 s alone on this 2-core machine; more when it is shared.
  }, 60_000);
});
