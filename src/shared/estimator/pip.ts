import { addYears } from "../dates";
import type { VisitEstimate, VisitPrices } from "./types";

/** Car-accident visits, with where PIP stops paying and why. */
export interface PipRun {
  visits: VisitEstimate[];
  /** The first day PIP no longer pays: two years after the accident. */
  windowEnd: string;
  /** The visit that uses up the rest of the PIP benefit. */
  runsOutAt?: number;
  /** The first visit on or after `windowEnd` while PIP benefit was still left. */
  windowClosedAt?: number;
}

/**
 * Oregon Personal Injury Protection, visit by visit: each visit is billed at the clinic's charge,
 * and PIP pays it while benefit is left and the visit falls less than two years after the accident
 * (ORS 742.524(1)(a); the staff desk's PIP window ends on the same day). A visit PIP covers only in
 * part leaves the rest to the patient; later visits are at the cash rate. PIP has no deductible or
 * copay in the statute. Expects dates (PIP input always has `startDate`).
 */
export function simulatePip(accidentDate: string, pipRemainingCents: number, prices: VisitPrices): PipRun {
  const windowEnd = addYears(accidentDate, 2);
  const billed = prices.billedPerVisitCents;
  let left = pipRemainingCents;
  const run: PipRun = { visits: [], windowEnd };
  const dates = prices.dates ?? [];
  for (const [index, date] of dates.entries()) {
    const visit = index + 1;
    const inWindow = date < windowEnd;
    if (!inWindow && left > 0) run.windowClosedAt ??= visit;
    if (inWindow && left > 0) {
      const paid = Math.min(billed, left);
      left -= paid;
      if (left === 0) run.runsOutAt = visit;
      run.visits.push(paidVisit(visit, date, "pip", billed, paid));
    } else {
      run.visits.push(paidVisit(visit, date, "cash", 0, 0, prices.cashPerVisitCents));
    }
  }
  return run;
}

function paidVisit(
  visit: number,
  date: string | undefined,
  coverage: "pip" | "cash",
  allowedCents: number,
  insurerCents: number,
  patientCents = allowedCents - insurerCents,
): VisitEstimate {
  return {
    visit,
    ...(date === undefined ? {} : { date }),
    coverage,
    covered: coverage === "pip",
    allowedCents,
    deductibleCents: 0,
    copayCents: 0,
    coinsuranceCents: 0,
    overLimitCents: 0,
    balanceCents: 0,
    patientCents,
    insurerCents,
  };
}

/** Every visit at the cash rate, for patients paying themselves (Original Medicare included). */
export function cashVisits(prices: VisitPrices, visits: number): VisitEstimate[] {
  return Array.from({ length: visits }, (_, index) =>
    paidVisit(index + 1, prices.dates?.[index], "cash", 0, 0, prices.cashPerVisitCents),
  );
}

/** Oregon PIP figures the pages and the estimator state (ORS 742.524(1)(a)). */
export const oregonPip = {
  /** The least PIP pays for medical expenses. */
  minimumMedicalCents: 1_500_000,
  /** Years after the injury in which expenses are covered. */
  years: 2,
  /** Days the insurer has to deny an expense before it is presumed reasonable. */
  denialDays: 60,
  /** Business days a provider has to answer the insurer's questions. */
  answerBusinessDays: 10,
} as const;
