import { formatCents } from "../clinic";
import { longDate } from "../dates";
import type { EstimateInput } from "../estimate-input";
import { sum } from "./arithmetic";
import type { PlanCase, PlanRun, PlanYear } from "./plan";
import type { PipRun } from "./pip";
import type { SelfPayEstimate } from "./types";

const visitWord = (n: number) => (n === 1 ? "1 visit" : `${n} visits`);

/** "Visit 4", "Visits 2 and 3", "Visits 3 to 5", "Visits 3 to 5 and 9": visit numbers as people say them. */
function visitList(visits: number[]): { text: string; many: boolean } {
  const runs: [number, number][] = [];
  for (const v of visits) {
    const last = runs.at(-1);
    if (last && last[1] === v - 1) last[1] = v;
    else runs.push([v, v]);
  }
  const words = runs.map(([first, last]) =>
    first === last ? `${first}` : `${first} ${last === first + 1 ? "and" : "to"} ${last}`,
  );
  const joined = words.length === 1 ? words[0]! : `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
  const many = visits.length > 1;
  return { text: `${many ? "Visits" : "Visit"} ${joined}`, many };
}

/** The deductible and out-of-pocket sentences for one plan year; later years say which year they mean. */
function yearNotes(year: PlanYear, planCase: PlanCase, first: boolean): string[] {
  const notes: string[] = [];
  const prefix = first ? "You" : "In the new plan year, you";
  const oopAlreadyReached = year.oopStartCents === 0;
  if (year.coveredCount > 0 && oopAlreadyReached) {
    notes.push(
      first
        ? "You have already reached your out-of-pocket maximum. Your plan pays the full allowed amount for covered visits."
        : "Your out-of-pocket maximum for the new plan year is $0.00. Your plan pays the full allowed amount for covered visits.",
    );
  }
  if (year.coveredCount > 0 && !oopAlreadyReached) {
    if (!planCase.deductibleApplies) {
      if (first) notes.push("Your deductible does not apply to these visits.");
    } else if (year.deductibleStartCents === 0) {
      notes.push(
        first ? "Your deductible is already met." : "Your deductible for the new plan year is $0.00.",
      );
    } else if (year.deductibleMetAt !== undefined) {
      notes.push(`${prefix} meet your deductible at visit ${year.deductibleMetAt}.`);
    } else if (year.oopReachedAt === undefined) {
      notes.push(
        `${prefix} do not meet your deductible in these visits. ${formatCents(year.deductibleStartCents - year.deductiblePaidCents)} of it is still left.`,
      );
    }
  }
  if (year.oopReachedAt !== undefined) {
    notes.push(
      `${prefix} reach your out-of-pocket maximum at visit ${year.oopReachedAt}. After that, your plan pays the full allowed amount for covered visits.`,
    );
  }
  return notes;
}

/** Notes for a health plan's estimate of one case: every plan year, the limits and any balance. */
export function planNotes(input: EstimateInput, run: PlanRun, planCase: PlanCase, cashPerVisitCents: number) {
  const notes: string[] = [];
  const cash = formatCents(cashPerVisitCents);
  for (const [i, year] of run.years.entries()) {
    if (i > 0) {
      notes.push(
        `Your new plan year starts on ${longDate(year.startDate!)}, at visit ${year.firstVisit}. Your deductible, out-of-pocket maximum and limits start again then.`,
      );
    }
    notes.push(...yearNotes(year, planCase, i === 0));
    if (year.limitRunsOutAt !== undefined) {
      const v = run.visits[year.limitRunsOutAt - 1]!;
      notes.push(
        `Your plan's dollar limit runs out at visit ${v.visit}.` +
          (v.overLimitCents > 0
            ? ` Your plan pays ${formatCents(v.insurerCents)} of that visit, and you pay the ${formatCents(v.overLimitCents)} above the limit.`
            : ""),
      );
    }
  }

  const covered = sum(run.years.map((y) => y.coveredCount));
  if (run.pastVisitLimit.length > 0 || run.pastDollarLimit.length > 0) {
    if (covered === 0) {
      notes.push(
        run.pastVisitLimit.length > 0
          ? `Your plan does not cover any of these visits. You pay the clinic's rate of ${cash} for each one.`
          : `Your plan's dollar limit for massage is used up, so it does not cover any of these visits. You pay the clinic's rate of ${cash} for each one.`,
      );
    } else {
      if (run.pastVisitLimit.length > 0) {
        const { text, many } = visitList(run.pastVisitLimit);
        const limit = visitWord(input.coveredVisits ?? 0);
        const yearly =
          run.years.length > 1
            ? ` this plan year and ${visitWord(input.coveredVisitsAnnual ?? input.coveredVisits ?? 0)} in the next`
            : "";
        notes.push(
          `Your plan covers ${limit}${yearly}. ${text} ${many ? "are" : "is"} past that limit, so you pay the clinic's rate of ${cash} for ${many ? "each" : "it"}.`,
        );
      }
      if (run.pastDollarLimit.length > 0) {
        const { text, many } = visitList(run.pastDollarLimit);
        notes.push(
          `${text} ${many ? "come" : "comes"} after your dollar limit is used up, so you pay the clinic's rate of ${cash} for ${many ? "each" : "it"}.`,
        );
      }
    }
  }

  const balance = sum(run.visits.map((v) => v.balanceCents));
  if (input.coverage === "out_of_network") {
    const v = run.visits.find((visit) => visit.coverage === "plan");
    if (v && balance > 0) {
      notes.push(
        `Out of network, we bill ${formatCents(v.allowedCents + v.balanceCents)} a visit and your plan allows ${formatCents(v.allowedCents)}. You also pay the difference, ${formatCents(v.balanceCents)} a visit (${formatCents(balance)} in all). Your out-of-pocket maximum does not limit it.`,
      );
    } else if (v) {
      notes.push(
        "Your plan's out-of-network allowed amount covers our whole charge, so there is no difference to pay.",
      );
    }
  }
  return notes;
}

/** What the patient left as "I'm not sure", in words: "whether your deductible applies to massage". */
function unknownWords(input: EstimateInput): string {
  const words: string[] = [];
  if (input.deductibleApplies === "unknown") words.push("whether your deductible applies to massage");
  if (input.deductibleRemainingCents === "unknown") words.push("how much of your deductible is left");
  return words.join(" or ");
}

/** The range sentence, first when the patient did not know something, naming the case the table shows. */
export function rangeNote(input: EstimateInput, low: number, high: number, shown: PlanCase): string {
  const highCase = !shown.deductibleApplies
    ? "your deductible does not apply"
    : input.deductibleRemainingCents === "unknown"
      ? `your deductible applies and all ${formatCents(shown.deductibleRemainingCents)} of it is left`
      : "your deductible applies";
  return `We do not know ${unknownWords(input)}, so we worked it out every way: you pay between ${formatCents(low)} and ${formatCents(high)}. The table shows the highest case, where ${highCase}.`;
}

/** Whether insurance or paying cash costs less, for one total or for a range of them. */
export function comparisonNote(
  input: EstimateInput,
  low: number,
  high: number,
  selfPay: SelfPayEstimate,
): string {
  const cash = formatCents(selfPay.totalCents);
  const cashCents = selfPay.totalCents;
  if (low === high) {
    const insured = formatCents(low);
    if (low < cashCents)
      return `With insurance you pay about ${insured} in all. Paying cash costs ${cash}. Insurance saves you ${formatCents(cashCents - low)}.`;
    if (low > cashCents)
      return `With insurance you pay about ${insured} in all. Paying cash costs ${cash}. Paying cash saves you ${formatCents(low - cashCents)}.`;
    return `With insurance or paying cash, you pay the same: ${cash} in all.`;
  }
  const insured = `between ${formatCents(low)} and ${formatCents(high)}`;
  if (high < cashCents)
    return `With insurance you pay ${insured} in all. Paying cash costs ${cash}. Insurance saves you at least ${formatCents(cashCents - high)}.`;
  if (low > cashCents)
    return `With insurance you pay ${insured} in all. Paying cash costs ${cash}. Paying cash saves you at least ${formatCents(low - cashCents)}.`;
  return `With insurance you pay ${insured} in all. Paying cash costs ${cash}. Which costs less depends on ${unknownWords(input)}: ask your insurance company.`;
}

/** Notes for car-accident PIP: what PIP pays, when it stops and what the patient pays after. */
export function pipNotes(run: PipRun, billedPerVisitCents: number, cashPerVisitCents: number): string[] {
  const notes = [
    `As we understand Oregon law, PIP pays our charge of ${formatCents(billedPerVisitCents)} a visit, with no deductible or copay, until your PIP medical benefit is used up or two years have passed since the accident (ORS 742.524 and 742.525).`,
  ];
  const paid = run.visits.filter((v) => v.coverage === "pip");
  if (paid.length === run.visits.length) notes.push(`PIP pays for all ${visitWord(paid.length)}.`);
  if (run.runsOutAt !== undefined) {
    const v = run.visits[run.runsOutAt - 1]!;
    notes.push(
      `Your PIP benefit runs out at visit ${v.visit}.` +
        (v.patientCents > 0
          ? ` PIP pays ${formatCents(v.insurerCents)} of it and you pay ${formatCents(v.patientCents)}.`
          : ""),
    );
  }
  if (run.windowClosedAt !== undefined) {
    notes.push(
      `Two years after the accident is ${longDate(run.windowEnd)}. PIP does not pay for visit ${run.windowClosedAt} or later.`,
    );
  }
  const firstCash = run.visits.find((v) => v.coverage === "cash");
  if (firstCash) {
    notes.push(
      `From visit ${firstCash.visit}, you pay our cash rate of ${formatCents(cashPerVisitCents)} a visit. Your health insurance may pay from then on: choose a health plan above to estimate that.`,
    );
  }
  notes.push(
    "Your PIP benefit is shared with every other provider who treats you for this accident, such as the emergency room, your doctor or a chiropractor. Ask your claims adjuster how much is left.",
  );
  return notes;
}

/** Notes for paying the clinic directly, with Medicare's rule when the patient has Medicare. */
export function cashNotes(input: EstimateInput, selfPay: SelfPayEstimate): string[] {
  const total = `You pay our cash rate of ${formatCents(selfPay.perVisitCents)} a visit: ${formatCents(selfPay.totalCents)} in all for ${visitWord(input.visits)}.`;
  if (input.coverage !== "medicare") return [total];
  // Medicare does not recognise licensed massage therapists as providers (DOMAIN.md "Medicare"); CMS's
  // April 2018 memo "Reinterpretation of 'Primarily Health Related' for Supplemental Benefits" lets
  // Medicare Advantage plans offer therapeutic massage by a state-licensed massage therapist.
  return [
    "Original Medicare does not pay for massage by a licensed massage therapist, so you pay our cash rate.",
    "Some Medicare Advantage plans do cover massage. If you have one, choose a health plan above and enter your plan's figures.",
    total,
  ];
}
