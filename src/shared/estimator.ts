import { clinic } from "./clinic";
import { addDays } from "./dates";
import { usesHealthPlan, type EstimateInput } from "./estimate-input";
import { sum, unitsForMinutes } from "./estimator/arithmetic";
import { itemizeCare } from "./good-faith-estimate";
import { messages, type Lang } from "./i18n/messages";
import { cashNotes, comparisonNote, pipNotes, planNotes, rangeNote } from "./estimator/notes";
import { cashVisits, simulatePip } from "./estimator/pip";
import { simulatePlan, type PlanCase, type PlanRun } from "./estimator/plan";
import type { Estimate, Rates, SelfPayEstimate, VisitEstimate, VisitPrices } from "./estimator/types";

export { coinsuranceOf, unitsForMinutes } from "./estimator/arithmetic";
export type { Estimate, VisitEstimate } from "./estimator/types";

/** The self-pay price at the clinic's cash rate, itemized as a Good Faith Estimate itemizes it. */
export function selfPayEstimate(
  input: Pick<EstimateInput, "minutes" | "visits" | "cpt">,
  cashRatePerUnitCents: number = clinic.cashRatePerUnitCents,
): SelfPayEstimate {
  return itemizeCare(input, cashRatePerUnitCents);
}

/** Visit `i` falls `floor((i − 1) × 7 / visitsPerWeek)` days after the first visit. */
function visitDates(input: EstimateInput): string[] | undefined {
  const { startDate, visits, visitsPerWeek } = input;
  if (startDate === undefined) return undefined;
  return Array.from({ length: visits }, (_, i) => addDays(startDate, Math.floor((i * 7) / visitsPerWeek)));
}

/** Every answer to what the patient does not know: each way the deductible might apply or be left. */
function planCases(input: EstimateInput): PlanCase[] {
  const applies = input.deductibleApplies === "unknown" ? [false, true] : [input.deductibleApplies];
  const remaining =
    input.deductibleRemainingCents === "unknown"
      ? [0, input.deductibleAnnualCents ?? 0]
      : [input.deductibleRemainingCents];
  return applies.flatMap((deductibleApplies) =>
    remaining.map((deductibleRemainingCents) => ({ deductibleApplies, deductibleRemainingCents })),
  );
}

const patientTotal = (visits: VisitEstimate[]) => sum(visits.map((v) => v.patientCents));

/**
 * The estimate for parsed input (see `parseEstimateQuery`), the one entry point for the page and
 * the API. A health plan is simulated visit by visit for every case of what the patient does not
 * know, and the answer shows the highest case with the range over all of them; PIP, Medicare and
 * paying cash have no unknowns. All money is integer cents; the notes are in `lang`.
 */
export function estimateCost(input: EstimateInput, rates: Rates = clinic, lang: Lang = "en"): Estimate {
  const t = messages[lang].estimator;
  const unitsPerVisit = unitsForMinutes(input.minutes);
  const prices: VisitPrices = {
    unitsPerVisit,
    cashPerVisitCents: rates.cashRatePerUnitCents * unitsPerVisit,
    billedPerVisitCents: rates.billedRatePerUnitCents * unitsPerVisit,
    dates: visitDates(input),
  };
  const selfPay = selfPayEstimate(input, rates.cashRatePerUnitCents);

  let visits: VisitEstimate[];
  let notes: string[];
  let range: Estimate["range"];
  if (usesHealthPlan(input.coverage)) {
    const runs = planCases(input).map((planCase) => ({
      planCase,
      run: simulatePlan(input, planCase, prices),
    }));
    let shown: { planCase: PlanCase; run: PlanRun } = runs[0]!;
    let low = Infinity;
    for (const r of runs) {
      const total = patientTotal(r.run.visits);
      low = Math.min(low, total);
      // On a tie, show the later case: it assumes more of the deductible, so says the least.
      if (total >= patientTotal(shown.run.visits)) shown = r;
    }
    const high = patientTotal(shown.run.visits);
    visits = shown.run.visits;
    range = { lowCents: low, highCents: high };
    notes = [
      ...(runs.length > 1 ? [rangeNote(t, input, low, high, shown.planCase)] : []),
      ...planNotes(t, input, shown.run, shown.planCase, prices.cashPerVisitCents),
      comparisonNote(t, input, low, high, selfPay),
    ];
  } else {
    if (input.coverage === "pip") {
      const run = simulatePip(input.accidentDate!, input.pipRemainingCents, prices);
      visits = run.visits;
      notes = pipNotes(t, run, prices.billedPerVisitCents, prices.cashPerVisitCents);
    } else {
      visits = cashVisits(prices, input.visits);
      notes = cashNotes(t, input, selfPay);
    }
    const total = patientTotal(visits);
    range = { lowCents: total, highCents: total };
  }

  return {
    coverage: input.coverage,
    cpt: input.cpt,
    unitsPerVisit,
    visits,
    totals: {
      allowedCents: sum(visits.map((v) => v.allowedCents)),
      patientCents: patientTotal(visits),
      insurerCents: sum(visits.map((v) => v.insurerCents)),
      balanceCents: sum(visits.map((v) => v.balanceCents)),
    },
    range,
    selfPay,
    notes,
  };
}
