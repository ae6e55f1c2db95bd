/**
 * Facts staff act on, computed from a submission and today's date in Oregon: how long a
 * prescription has left and how many visits, and when an accident's PIP window closes.
 */
import { addYears, daysBetween } from "../../src/shared/dates";
import { finishedStatuses, statusLabels, type SubmissionStatus } from "../../src/shared/submission-status";

export interface PrescriptionFacts {
  kind: "prescription";
  startDate: string;
  endDate: string;
  /** Days from today to the end date: 0 on the last day, negative once it has ended. */
  daysUntilEnd: number;
  started: boolean;
  ended: boolean;
  visitsAuthorized: number;
  visitsUsed: number;
  visitsRemaining: number;
}

export interface ClaimFacts {
  kind: "mva_claim";
  accidentDate: string;
  /**
   * The last day of the two-year window in which Oregon PIP pays medical expenses
   * (ORS 742.524(1)(a)).
   */
  pipWindowEnd: string;
  /** Days from today to the PIP window's end; negative once it has closed. */
  daysLeftInPipWindow: number;
}

export function prescriptionFacts(
  p: { startDate: string; endDate: string; visitsAuthorized: number; visitsUsed: number },
  today: string,
): PrescriptionFacts {
  return {
    kind: "prescription",
    startDate: p.startDate,
    endDate: p.endDate,
    daysUntilEnd: daysBetween(today, p.endDate),
    started: today >= p.startDate,
    ended: today > p.endDate,
    visitsAuthorized: p.visitsAuthorized,
    visitsUsed: p.visitsUsed,
    visitsRemaining: Math.max(0, p.visitsAuthorized - p.visitsUsed),
  };
}

/** The end of the PIP window: two years after the accident. */
export function pipWindowEnd(accidentDate: string): string {
  return addYears(accidentDate, 2);
}

export function claimFacts(c: { accidentDate: string }, today: string): ClaimFacts {
  const end = pipWindowEnd(c.accidentDate);
  return {
    kind: "mva_claim",
    accidentDate: c.accidentDate,
    pipWindowEnd: end,
    daysLeftInPipWindow: daysBetween(today, end),
  };
}

/** "2026-03-04" → "3/4/2026", as US staff read dates. */
export function usDate(iso: string): string {
  const [year, month, day] = iso.split("-").map(Number);
  return `${month}/${day}/${year}`;
}

/** Why a visit cannot be recorded against this submission today, in plain words; null if it can. */
export function visitRefusal(
  s: {
    kind: string;
    status: SubmissionStatus;
    start_date: string | null;
    end_date: string | null;
    visits_authorized: number | null;
    visits_used: number;
  },
  today: string,
): { reason: string; message: string } | null {
  if (s.kind !== "prescription" || !s.start_date || !s.end_date || s.visits_authorized === null) {
    return {
      reason: "not_a_prescription",
      message: "Visits are recorded against a prescription. This is a car accident claim.",
    };
  }
  if (finishedStatuses.includes(s.status)) {
    return {
      reason: "finished",
      message: `This prescription is ${statusLabels[s.status].toLowerCase()}, so no more visits can be recorded against it.`,
    };
  }
  if (today < s.start_date) {
    return {
      reason: "not_started",
      message: `This prescription starts on ${usDate(s.start_date)}. A visit cannot be recorded before then.`,
    };
  }
  if (today > s.end_date) {
    return {
      reason: "ended",
      message: `This prescription ended on ${usDate(s.end_date)}. Ask the prescriber for a new prescription before the next visit.`,
    };
  }
  if (s.visits_used >= s.visits_authorized) {
    return {
      reason: "no_visits_left",
      message: `All ${s.visits_authorized} prescribed visits have been used. Ask the prescriber for a new prescription before the next visit.`,
    };
  }
  return null;
}
