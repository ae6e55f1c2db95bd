import { addYears } from "../dates";
import type { EstimateInput } from "../estimate-input";
import { coinsuranceOf, trim } from "./arithmetic";
import type { VisitEstimate, VisitPrices } from "./types";

/** One answer to what the patient may not know: whether the deductible applies, and how much is left. */
export interface PlanCase {
  deductibleApplies: boolean;
  deductibleRemainingCents: number;
}

/** What happened in one plan year, for the notes: its first visit and where each counter ran out. */
export interface PlanYear {
  firstVisit: number;
  /** The plan year's first day, for every year after the first. */
  startDate?: string;
  deductibleStartCents: number;
  deductiblePaidCents: number;
  oopStartCents: number | undefined;
  deductibleMetAt?: number;
  oopReachedAt?: number;
  limitRunsOutAt?: number;
  coveredCount: number;
}

/** A health plan's visits for one case, with the plan years they fall in. */
export interface PlanRun {
  visits: VisitEstimate[];
  years: PlanYear[];
  /** Visits past the visit limit, and visits after the dollar limit is used up. */
  pastVisitLimit: number[];
  pastDollarLimit: number[];
}

/** The first plan-year start strictly after `startDate`: the day every counter starts again. */
function nextPlanYearStart(startDate: string, planYearStart: string): string {
  const sameYear = `${startDate.slice(0, 4)}-${planYearStart}`;
  return sameYear > startDate ? sameYear : addYears(sameYear, 1);
}

/**
 * A health plan's visits, simulated one by one: a copay each visit, the deductible used up by the
 * first covered visits, the out-of-pocket maximum capping the running total, a dollar limit on what
 * the plan pays, and visits past the visit or dollar limit at the clinic's cash rate. Out of network,
 * the allowed amount is capped at the billed charge and the patient also owes the balance. On each
 * plan-year start after the first visit, every counter starts again from its yearly amount.
 */
export function simulatePlan(input: EstimateInput, planCase: PlanCase, prices: VisitPrices): PlanRun {
  const outOfNetwork = input.coverage === "out_of_network";
  const quotedCents = input.allowedPerVisitCents ?? (input.allowedPerUnitCents ?? 0) * prices.unitsPerVisit;
  const allowedCents = outOfNetwork ? Math.min(quotedCents, prices.billedPerVisitCents) : quotedCents;
  const balanceCents = outOfNetwork ? prices.billedPerVisitCents - allowedCents : 0;
  const deductibleFor = (cents: number) => (planCase.deductibleApplies ? cents : 0);

  let deductibleLeft = deductibleFor(planCase.deductibleRemainingCents);
  let oopLeft = input.oopRemainingCents;
  let visitsLeft = input.coveredVisits;
  let benefitLeft = input.benefitLimitRemainingCents;
  let year: PlanYear = {
    firstVisit: 1,
    deductibleStartCents: deductibleLeft,
    deductiblePaidCents: 0,
    oopStartCents: oopLeft,
    coveredCount: 0,
  };
  const run: PlanRun = { visits: [], years: [year], pastVisitLimit: [], pastDollarLimit: [] };
  let resetOn =
    input.startDate === undefined ? undefined : nextPlanYearStart(input.startDate, input.planYearStart);

  for (let visit = 1; visit <= input.visits; visit++) {
    const date = prices.dates?.[visit - 1];
    if (date !== undefined && resetOn !== undefined && date >= resetOn) {
      deductibleLeft = deductibleFor(input.deductibleAnnualCents ?? planCase.deductibleRemainingCents);
      oopLeft = input.oopAnnualCents ?? input.oopRemainingCents;
      visitsLeft = input.coveredVisitsAnnual ?? input.coveredVisits;
      benefitLeft = input.benefitLimitAnnualCents ?? input.benefitLimitRemainingCents;
      year = {
        firstVisit: visit,
        startDate: resetOn,
        deductibleStartCents: deductibleLeft,
        deductiblePaidCents: 0,
        oopStartCents: oopLeft,
        coveredCount: 0,
      };
      run.years.push(year);
      resetOn = addYears(resetOn, 1);
    }
    const dated = date === undefined ? {} : { date };

    const pastVisits = visitsLeft !== undefined && visitsLeft <= 0;
    if (pastVisits || benefitLeft === 0) {
      (pastVisits ? run.pastVisitLimit : run.pastDollarLimit).push(visit);
      run.visits.push({
        visit,
        ...dated,
        coverage: "not_covered",
        covered: false,
        allowedCents: 0,
        deductibleCents: 0,
        copayCents: 0,
        coinsuranceCents: 0,
        overLimitCents: 0,
        balanceCents: 0,
        patientCents: prices.cashPerVisitCents,
        insurerCents: 0,
      });
      continue;
    }

    let deductibleCents = Math.min(deductibleLeft, allowedCents);
    let copayCents = Math.min(input.copayCents, allowedCents - deductibleCents);
    let coinsuranceCents = coinsuranceOf(
      allowedCents - deductibleCents - copayCents,
      input.coinsurancePercent,
    );
    if (oopLeft !== undefined) {
      // At the cap, trim coinsurance, then copay, then deductible, so the parts still add up to what is paid.
      let overCents = Math.max(0, deductibleCents + copayCents + coinsuranceCents - oopLeft);
      [coinsuranceCents, overCents] = trim(coinsuranceCents, overCents);
      [copayCents, overCents] = trim(copayCents, overCents);
      [deductibleCents] = trim(deductibleCents, overCents);
    }
    const sharedCents = deductibleCents + copayCents + coinsuranceCents;
    let insurerCents = allowedCents - sharedCents;
    let overLimitCents = 0;
    if (benefitLeft !== undefined) {
      overLimitCents = Math.max(0, insurerCents - benefitLeft);
      insurerCents -= overLimitCents;
      benefitLeft -= insurerCents;
      if (benefitLeft === 0) year.limitRunsOutAt ??= visit;
    }

    if (deductibleLeft > 0 && deductibleLeft === deductibleCents) year.deductibleMetAt = visit;
    deductibleLeft -= deductibleCents;
    year.deductiblePaidCents += deductibleCents;
    if (oopLeft !== undefined) {
      if (oopLeft > 0 && oopLeft === sharedCents) year.oopReachedAt = visit;
      oopLeft -= sharedCents;
    }
    if (visitsLeft !== undefined) visitsLeft -= 1;
    year.coveredCount += 1;
    run.visits.push({
      visit,
      ...dated,
      coverage: "plan",
      covered: true,
      allowedCents,
      deductibleCents,
      copayCents,
      coinsuranceCents,
      overLimitCents,
      balanceCents,
      patientCents: sharedCents + overLimitCents + balanceCents,
      insurerCents,
    });
  }
  return run;
}
