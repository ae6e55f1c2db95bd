import { centsToDollars } from "./money";
import type { EstimateField, EstimateInput } from "./estimate-input";

/** The query string for an input, for a shareable `/estimate?…` link; absent optional fields are left out. */
export function toQuery(input: EstimateInput): URLSearchParams {
  const money = (cents: number | "unknown") => (cents === "unknown" ? cents : centsToDollars(cents));
  const entries: [EstimateField, string | number | boolean | undefined][] = [
    ["coverage", input.coverage],
    ["minutes", input.minutes],
    ["visits", input.visits],
    [
      "allowedPerUnit",
      input.allowedPerUnitCents === undefined ? undefined : money(input.allowedPerUnitCents),
    ],
    [
      "allowedPerVisit",
      input.allowedPerVisitCents === undefined ? undefined : money(input.allowedPerVisitCents),
    ],
    ["deductibleRemaining", money(input.deductibleRemainingCents)],
    [
      "deductibleAnnual",
      input.deductibleAnnualCents === undefined ? undefined : money(input.deductibleAnnualCents),
    ],
    ["deductibleApplies", input.deductibleApplies],
    ["copay", money(input.copayCents)],
    ["coinsurancePercent", input.coinsurancePercent],
    ["oopRemaining", input.oopRemainingCents === undefined ? undefined : money(input.oopRemainingCents)],
    ["oopAnnual", input.oopAnnualCents === undefined ? undefined : money(input.oopAnnualCents)],
    ["coveredVisits", input.coveredVisits],
    ["coveredVisitsAnnual", input.coveredVisitsAnnual],
    [
      "benefitLimitRemaining",
      input.benefitLimitRemainingCents === undefined ? undefined : money(input.benefitLimitRemainingCents),
    ],
    [
      "benefitLimitAnnual",
      input.benefitLimitAnnualCents === undefined ? undefined : money(input.benefitLimitAnnualCents),
    ],
    ["startDate", input.startDate],
    ["visitsPerWeek", input.visitsPerWeek],
    ["planYearStart", input.planYearStart],
    ["accidentDate", input.accidentDate],
    ["pipRemaining", money(input.pipRemainingCents)],
    ["cpt", input.cpt],
  ];
  const query = new URLSearchParams();
  for (const [name, value] of entries) if (value !== undefined) query.set(name, String(value));
  return query;
}

/**
 * Example values to pre-fill the form and show as "for example" — a typical 60-minute visit
 * plan, not anyone's real coverage: 8 visits, $25.00 allowed per unit, $200 deductible left,
 * 20% coinsurance and no copay (plans rarely charge both), whether the deductible applies to
 * massage not known, no out-of-pocket maximum, visit limit or dates entered.
 */
export const exampleEstimateInput: EstimateInput = {
  coverage: "in_network",
  minutes: 60,
  visits: 8,
  cpt: "97124",
  allowedPerUnitCents: 2500,
  allowedPerVisitCents: undefined,
  deductibleRemainingCents: 20000,
  deductibleAnnualCents: undefined,
  deductibleApplies: "unknown",
  copayCents: 0,
  coinsurancePercent: 20,
  oopRemainingCents: undefined,
  oopAnnualCents: undefined,
  coveredVisits: undefined,
  coveredVisitsAnnual: undefined,
  benefitLimitRemainingCents: undefined,
  benefitLimitAnnualCents: undefined,
  startDate: undefined,
  visitsPerWeek: 1,
  planYearStart: "01-01",
  accidentDate: undefined,
  pipRemainingCents: 15_000_00,
};
