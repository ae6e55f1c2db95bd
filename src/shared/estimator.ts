import { clinic, formatCents, type CptCode } from "./clinic";
import type { EstimateInput } from "./estimate-input";

/** What one visit costs and who pays it, in integer cents. */
export interface VisitEstimate {
  visit: number;
  covered: boolean;
  allowedCents: number;
  deductibleCents: number;
  copayCents: number;
  coinsuranceCents: number;
  patientCents: number;
  insurerCents: number;
}

/** The self-pay price, itemized the way a Good Faith Estimate lists recurring care. */
export interface SelfPayEstimate {
  cpt: CptCode;
  service: string;
  units: number;
  unitCents: number;
  perVisitCents: number;
  visits: number;
  totalCents: number;
}

/** A visit-by-visit estimate with insurance, the self-pay comparison and plain-language notes. */
export interface Estimate {
  cpt: CptCode;
  unitsPerVisit: number;
  visits: VisitEstimate[];
  totals: { allowedCents: number; patientCents: number; insurerCents: number };
  selfPay: SelfPayEstimate;
  notes: string[];
}

/**
 * Billable 15-minute units for the timed minutes of one visit, by the CMS 8-minute rule
 * (Medicare Claims Processing Manual ch. 5 §20.2): 8–22 → 1, 23–37 → 2, 53–67 → 4; 0 under 8.
 */
export function unitsForMinutes(minutes: number): number {
  if (minutes < 8) return 0;
  return wholeQuotient(minutes + 7, 15);
}

/**
 * `coinsurancePercent`% of an amount in cents, rounded half up to the cent, in integers only:
 * with amountCents × percent = 100q + r (0 ≤ r < 100), (100q + r + 50) div 100 = q + (r ≥ 50 ? 1 : 0).
 */
export function coinsuranceOf(amountCents: number, coinsurancePercent: number): number {
  return wholeQuotient(amountCents * coinsurancePercent + 50, 100);
}

/** The self-pay price at the clinic's cash rate: every visit × units × rate, with its CPT code. */
export function selfPayEstimate(
  input: Pick<EstimateInput, "minutes" | "visits" | "cpt">,
  cashRatePerUnitCents: number = clinic.cashRatePerUnitCents,
): SelfPayEstimate {
  const units = unitsForMinutes(input.minutes);
  const perVisitCents = cashRatePerUnitCents * units;
  return {
    cpt: input.cpt,
    service: clinic.cptCodes[input.cpt],
    units,
    unitCents: cashRatePerUnitCents,
    perVisitCents,
    visits: input.visits,
    totalCents: perVisitCents * input.visits,
  };
}

/**
 * The estimate, simulated visit by visit: a copay each visit, the deductible used up by the
 * first covered visits, the out-of-pocket maximum capping the running total, and visits past
 * `coveredVisits` at the clinic's cash rate. Expects parsed input (see `estimateInputSchema`).
 */
export function estimateCost(
  input: EstimateInput,
  cashRatePerUnitCents: number = clinic.cashRatePerUnitCents,
): Estimate {
  const unitsPerVisit = unitsForMinutes(input.minutes);
  const cashPerVisitCents = cashRatePerUnitCents * unitsPerVisit;
  const allowedCents = input.allowedPerUnitCents * unitsPerVisit;
  let deductibleRemainingCents = input.deductibleApplies ? input.deductibleRemainingCents : 0;
  let oopRemainingCents = input.oopRemainingCents;

  const visits: VisitEstimate[] = [];
  for (let visit = 1; visit <= input.visits; visit++) {
    if (input.coveredVisits !== undefined && visit > input.coveredVisits) {
      visits.push({
        visit,
        covered: false,
        allowedCents: 0,
        deductibleCents: 0,
        copayCents: 0,
        coinsuranceCents: 0,
        patientCents: cashPerVisitCents,
        insurerCents: 0,
      });
      continue;
    }
    let deductibleCents = Math.min(deductibleRemainingCents, allowedCents);
    let copayCents = Math.min(input.copayCents, allowedCents - deductibleCents);
    let coinsuranceCents = coinsuranceOf(
      allowedCents - deductibleCents - copayCents,
      input.coinsurancePercent,
    );
    if (oopRemainingCents !== undefined) {
      // At the cap, trim coinsurance, then copay, then deductible, so the parts still add up to what is paid.
      let overCents = Math.max(0, deductibleCents + copayCents + coinsuranceCents - oopRemainingCents);
      [coinsuranceCents, overCents] = trim(coinsuranceCents, overCents);
      [copayCents, overCents] = trim(copayCents, overCents);
      [deductibleCents, overCents] = trim(deductibleCents, overCents);
    }
    const patientCents = deductibleCents + copayCents + coinsuranceCents;
    deductibleRemainingCents -= deductibleCents;
    if (oopRemainingCents !== undefined) oopRemainingCents -= patientCents;
    visits.push({
      visit,
      covered: true,
      allowedCents,
      deductibleCents,
      copayCents,
      coinsuranceCents,
      patientCents,
      insurerCents: allowedCents - patientCents,
    });
  }

  const totals = {
    allowedCents: sum(visits.map((v) => v.allowedCents)),
    patientCents: sum(visits.map((v) => v.patientCents)),
    insurerCents: sum(visits.map((v) => v.insurerCents)),
  };
  const selfPay = selfPayEstimate(input, cashRatePerUnitCents);
  return {
    cpt: input.cpt,
    unitsPerVisit,
    visits,
    totals,
    selfPay,
    notes: estimateNotes(input, visits, totals.patientCents, selfPay),
  };
}

/**
 * Short, plain sentences about the estimate: when the deductible is met, when the
 * out-of-pocket maximum is reached, which visits the plan does not cover, and whether
 * insurance or paying cash costs less.
 */
export function estimateNotes(
  input: EstimateInput,
  visits: VisitEstimate[],
  patientTotalCents: number,
  selfPay: SelfPayEstimate,
): string[] {
  const notes: string[] = [];
  const covered = visits.filter((v) => v.covered);
  const uncovered = visits.filter((v) => !v.covered);

  let oopReachedAt: number | undefined;
  if (input.oopRemainingCents !== undefined && covered.length > 0) {
    if (input.oopRemainingCents === 0) {
      notes.push(
        "You have already reached your out-of-pocket maximum. Your plan pays the full allowed amount for covered visits.",
      );
      oopReachedAt = 0;
    } else {
      let left = input.oopRemainingCents;
      for (const v of covered) {
        left -= v.patientCents;
        if (left === 0) {
          oopReachedAt = v.visit;
          break;
        }
      }
    }
  }

  if (covered.length > 0 && oopReachedAt !== 0) {
    if (!input.deductibleApplies) {
      notes.push("Your deductible does not apply to these visits.");
    } else if (input.deductibleRemainingCents === 0) {
      notes.push("Your deductible is already met.");
    } else {
      let left = input.deductibleRemainingCents;
      let metAt: number | undefined;
      for (const v of covered) {
        left -= v.deductibleCents;
        if (left === 0) {
          metAt = v.visit;
          break;
        }
      }
      if (metAt !== undefined) {
        notes.push(`You meet your deductible at visit ${metAt}.`);
      } else if (oopReachedAt === undefined) {
        notes.push(
          `You do not meet your deductible in these visits. ${formatCents(left)} of it is still left.`,
        );
      }
    }
  }

  if (oopReachedAt !== undefined && oopReachedAt > 0) {
    notes.push(
      `You reach your out-of-pocket maximum at visit ${oopReachedAt}. After that, your plan pays the full allowed amount for covered visits.`,
    );
  }

  if (uncovered.length > 0) {
    const cash = formatCents(selfPay.perVisitCents);
    if (covered.length === 0) {
      notes.push(
        `Your plan does not cover any of these visits. You pay the clinic's rate of ${cash} for each one.`,
      );
    } else {
      const first = uncovered[0]!.visit;
      const last = uncovered.at(-1)!.visit;
      const which =
        first === last
          ? `Visit ${first} is past that limit, so you pay the clinic's rate of ${cash} for it.`
          : `Visits ${first} ${last === first + 1 ? "and" : "to"} ${last} are past that limit, so you pay the clinic's rate of ${cash} for each.`;
      notes.push(
        `Your plan covers ${covered.length === 1 ? "1 visit" : `${covered.length} visits`}. ${which}`,
      );
    }
  }

  const insured = formatCents(patientTotalCents);
  const cash = formatCents(selfPay.totalCents);
  if (patientTotalCents < selfPay.totalCents) {
    notes.push(
      `With insurance you pay about ${insured} in all. Paying cash costs ${cash}. Insurance saves you ${formatCents(selfPay.totalCents - patientTotalCents)}.`,
    );
  } else if (patientTotalCents > selfPay.totalCents) {
    notes.push(
      `With insurance you pay about ${insured} in all. Paying cash costs ${cash}. Paying cash saves you ${formatCents(patientTotalCents - selfPay.totalCents)}.`,
    );
  } else {
    notes.push(`With insurance or paying cash, you pay the same: ${cash} in all.`);
  }
  return notes;
}

/** Integer division of non-negative whole numbers without a fractional intermediate. */
function wholeQuotient(dividend: number, divisor: number): number {
  return (dividend - (dividend % divisor)) / divisor;
}

function trim(partCents: number, overCents: number): [number, number] {
  const cut = Math.min(partCents, overCents);
  return [partCents - cut, overCents - cut];
}

function sum(cents: number[]): number {
  return cents.reduce((total, c) => total + c, 0);
}
