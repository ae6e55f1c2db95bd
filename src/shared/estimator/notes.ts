import { formatCents } from "../clinic";
import type { EstimateInput } from "../estimate-input";
import type { EstimatorMessages } from "../i18n/estimator-en";
import { sum } from "./arithmetic";
import type { PlanCase, PlanRun, PlanYear } from "./plan";
import type { PipRun } from "./pip";
import type { SelfPayEstimate } from "./types";

/** "Visit 4", "Visits 2 and 3", "Visits 3 to 5", "Visits 3 to 5 and 9": visit numbers as people say them. */
function visitList(t: EstimatorMessages, visits: number[]): { text: string; many: boolean } {
  const runs: [number, number][] = [];
  for (const v of visits) {
    const last = runs.at(-1);
    if (last && last[1] === v - 1) last[1] = v;
    else runs.push([v, v]);
  }
  const words = runs.map(([first, last]) =>
    first === last ? `${first}` : `${first} ${last === first + 1 ? t.notes.and : t.notes.to} ${last}`,
  );
  const joined =
    words.length === 1 ? words[0]! : `${words.slice(0, -1).join(", ")} ${t.notes.and} ${words.at(-1)}`;
  const many = visits.length > 1;
  return { text: t.notes.visitList(many, joined), many };
}

/** The deductible and out-of-pocket sentences for one plan year; later years say which year they mean. */
function yearNotes(t: EstimatorMessages, year: PlanYear, planCase: PlanCase, first: boolean): string[] {
  const notes: string[] = [];
  const w = t.notes;
  const oopAlreadyReached = year.oopStartCents === 0;
  if (year.coveredCount > 0 && oopAlreadyReached) {
    notes.push(w.oopAlready(first));
  }
  if (year.coveredCount > 0 && !oopAlreadyReached) {
    if (!planCase.deductibleApplies) {
      if (first) notes.push(w.deductibleNotApply);
    } else if (year.deductibleStartCents === 0) {
      notes.push(w.deductibleMet(first));
    } else if (year.deductibleMetAt !== undefined) {
      notes.push(w.deductibleMetAt(first, year.deductibleMetAt));
    } else if (year.oopReachedAt === undefined) {
      notes.push(
        w.deductibleNotMet(first, formatCents(year.deductibleStartCents - year.deductiblePaidCents)),
      );
    }
  }
  if (year.oopReachedAt !== undefined) {
    notes.push(w.oopReachedAt(first, year.oopReachedAt));
  }
  return notes;
}

/** Notes for a health plan's estimate of one case: every plan year, the limits and any balance. */
export function planNotes(
  t: EstimatorMessages,
  input: EstimateInput,
  run: PlanRun,
  planCase: PlanCase,
  cashPerVisitCents: number,
) {
  const notes: string[] = [];
  const w = t.notes;
  const cash = formatCents(cashPerVisitCents);
  for (const [i, year] of run.years.entries()) {
    if (i > 0) {
      notes.push(w.newYear(t.longDate(year.startDate!), year.firstVisit));
    }
    notes.push(...yearNotes(t, year, planCase, i === 0));
    if (year.limitRunsOutAt !== undefined) {
      const v = run.visits[year.limitRunsOutAt - 1]!;
      notes.push(
        w.limitRunsOut(v.visit) +
          (v.overLimitCents > 0
            ? w.limitSplit(formatCents(v.insurerCents), formatCents(v.overLimitCents))
            : ""),
      );
    }
  }

  const covered = sum(run.years.map((y) => y.coveredCount));
  if (run.pastVisitLimit.length > 0 || run.pastDollarLimit.length > 0) {
    if (covered === 0) {
      notes.push(run.pastVisitLimit.length > 0 ? w.noneCoveredVisits(cash) : w.noneCoveredDollars(cash));
    } else {
      if (run.pastVisitLimit.length > 0) {
        const { text, many } = visitList(t, run.pastVisitLimit);
        const limit = t.visits(input.coveredVisits ?? 0);
        const yearly =
          run.years.length > 1
            ? w.yearlyNext(t.visits(input.coveredVisitsAnnual ?? input.coveredVisits ?? 0))
            : "";
        notes.push(w.pastVisitLimit(limit, yearly, text, many, cash));
      }
      if (run.pastDollarLimit.length > 0) {
        const { text, many } = visitList(t, run.pastDollarLimit);
        notes.push(w.pastDollarLimit(text, many, cash));
      }
    }
  }

  const balance = sum(run.visits.map((v) => v.balanceCents));
  if (input.coverage === "out_of_network") {
    const v = run.visits.find((visit) => visit.coverage === "plan");
    if (v && balance > 0) {
      notes.push(
        w.outOfNetwork(
          formatCents(v.allowedCents + v.balanceCents),
          formatCents(v.allowedCents),
          formatCents(v.balanceCents),
          formatCents(balance),
        ),
      );
    } else if (v) {
      notes.push(w.outOfNetworkCovered);
    }
  }
  return notes;
}

/** What the patient left as "I'm not sure", in words: "whether your deductible applies to massage". */
function unknownWords(t: EstimatorMessages, input: EstimateInput): string {
  const words: string[] = [];
  if (input.deductibleApplies === "unknown") words.push(t.notes.unknownApplies);
  if (input.deductibleRemainingCents === "unknown") words.push(t.notes.unknownLeft);
  return words.join(` ${t.notes.or} `);
}

/** The range sentence, first when the patient did not know something, naming the case the table shows. */
export function rangeNote(
  t: EstimatorMessages,
  input: EstimateInput,
  low: number,
  high: number,
  shown: PlanCase,
): string {
  const w = t.notes;
  const highCase = !shown.deductibleApplies
    ? w.caseNotApply
    : input.deductibleRemainingCents === "unknown"
      ? w.caseAllLeft(formatCents(shown.deductibleRemainingCents))
      : w.caseApplies;
  return w.range(unknownWords(t, input), formatCents(low), formatCents(high), highCase);
}

/** Whether insurance or paying cash costs less, for one total or for a range of them. */
export function comparisonNote(
  t: EstimatorMessages,
  input: EstimateInput,
  low: number,
  high: number,
  selfPay: SelfPayEstimate,
): string {
  const w = t.notes;
  const cash = formatCents(selfPay.totalCents);
  const cashCents = selfPay.totalCents;
  if (low === high) {
    const paid = w.withInsurance(w.insuredAbout(formatCents(low)), cash);
    if (low < cashCents) return paid + w.insuranceSaves(false, formatCents(cashCents - low));
    if (low > cashCents) return paid + w.cashSaves(false, formatCents(low - cashCents));
    return w.same(cash);
  }
  const paid = w.withInsurance(w.insuredBetween(formatCents(low), formatCents(high)), cash);
  if (high < cashCents) return paid + w.insuranceSaves(true, formatCents(cashCents - high));
  if (low > cashCents) return paid + w.cashSaves(true, formatCents(low - cashCents));
  return paid + w.depends(unknownWords(t, input));
}

/** Notes for car-accident PIP: what PIP pays, when it stops and what the patient pays after. */
export function pipNotes(
  t: EstimatorMessages,
  run: PipRun,
  billedPerVisitCents: number,
  cashPerVisitCents: number,
): string[] {
  const w = t.notes;
  const notes = [w.pipIntro(formatCents(billedPerVisitCents))];
  const paid = run.visits.filter((v) => v.coverage === "pip");
  if (paid.length === run.visits.length) notes.push(w.pipAll(t.visits(paid.length)));
  if (run.runsOutAt !== undefined) {
    const v = run.visits[run.runsOutAt - 1]!;
    notes.push(
      w.pipRunsOut(v.visit) +
        (v.patientCents > 0 ? w.pipSplit(formatCents(v.insurerCents), formatCents(v.patientCents)) : ""),
    );
  }
  if (run.windowClosedAt !== undefined)
    notes.push(w.pipWindow(t.longDate(run.windowEnd), run.windowClosedAt));
  const firstCash = run.visits.find((v) => v.coverage === "cash");
  if (firstCash) notes.push(w.pipCashAfter(firstCash.visit, formatCents(cashPerVisitCents)));
  notes.push(w.pipShared);
  return notes;
}

/** Notes for paying the clinic directly, with Medicare's rule when the patient has Medicare. */
export function cashNotes(t: EstimatorMessages, input: EstimateInput, selfPay: SelfPayEstimate): string[] {
  const total = t.notes.cashTotal(
    formatCents(selfPay.perVisitCents),
    formatCents(selfPay.totalCents),
    t.visits(input.visits),
  );
  if (input.coverage !== "medicare") return [total];
  // Medicare does not recognise licensed massage therapists as providers (DOMAIN.md "Medicare"); CMS's
  // April 2018 memo "Reinterpretation of 'Primarily Health Related' for Supplemental Benefits" lets
  // Medicare Advantage plans offer therapeutic massage by a state-licensed massage therapist.
  return [t.notes.medicareNo, t.notes.medicareAdvantage, total];
}
