import type { CptCode } from "../clinic";
import type { Coverage } from "../estimate-input";

/**
 * Who pays a visit: the health plan (`plan`), nobody because the plan's visit or dollar limit is
 * used up (`not_covered`, the cash rate), car-accident PIP (`pip`), or the patient at the cash rate.
 */
type VisitCoverage = "plan" | "not_covered" | "pip" | "cash";

/** What one visit costs and who pays it, in integer cents. */
export interface VisitEstimate {
  visit: number;
  /** The visit's day (YYYY-MM-DD), when the first visit's date is known. */
  date?: string;
  coverage: VisitCoverage;
  covered: boolean;
  allowedCents: number;
  deductibleCents: number;
  copayCents: number;
  coinsuranceCents: number;
  /** What the plan would have paid beyond its dollar limit: the patient's, outside the out-of-pocket maximum. */
  overLimitCents: number;
  /** Out of network: the billed charge less the insurer's allowed amount, which no maximum caps. */
  balanceCents: number;
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

/** A visit-by-visit estimate, the self-pay comparison and plain-language notes. */
export interface Estimate {
  coverage: Coverage;
  cpt: CptCode;
  unitsPerVisit: number;
  visits: VisitEstimate[];
  totals: { allowedCents: number; patientCents: number; insurerCents: number; balanceCents: number };
  /** The patient's total over every case of what the patient does not know; equal when nothing is unknown. */
  range: { lowCents: number; highCents: number };
  selfPay: SelfPayEstimate;
  notes: string[];
}

/** The clinic's rates for one 15-minute unit, in cents: the cash price and the charge billed to insurers. */
export interface Rates {
  cashRatePerUnitCents: number;
  billedRatePerUnitCents: number;
}

/** What every simulation needs about a visit: its price in each form and, when known, its date. */
export interface VisitPrices {
  unitsPerVisit: number;
  cashPerVisitCents: number;
  billedPerVisitCents: number;
  dates: string[] | undefined;
}
