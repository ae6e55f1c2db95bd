/**
 * The rules staff act on, said once: which submissions are due for attention, and when a visit
 * may be recorded against a prescription (the PIP window and the visits that fit are in
 * `form-rules.ts`, as the forms check them too). The D1 queries
 * that must repeat a rule in SQL are tested against these functions on the same rows
 * (`test/worker/registry-sql.test.ts`).
 */
import { addDays, daysBetween, todayInOregon, usDate } from "../dates";
import { addBusinessDays, estimateDueDate } from "../good-faith-estimate";
import { pipWindowEnd } from "./form-rules";
import { finishedStatuses, statusLabels, type SubmissionStatus } from "./statuses";

/** How close a deadline must be for the queue's "due" filters. */
export const dueWindows = { prescriptionDays: 14, prescriptionVisitsLeft: 1, pipDays: 60 } as const;

/** The queue's deadline filters. */
export const dueFilters = ["prescription", "pip", "estimate"] as const;
export type DueFilter = (typeof dueFilters)[number];

/** What the due rules read from a submission. */
export interface DueState {
  kind: string;
  status: SubmissionStatus;
  endDate: string | null;
  visitsAuthorized: number | null;
  visitsUsed: number;
  accidentDate: string | null;
  /** The stored key date: for an estimate request, the day its estimate is due. */
  keyDate: string | null;
}

/**
 * Whether a submission is due under `filter` today: an open prescription that ends within 14 days
 * (today included) or has at most one visit left; an open claim whose PIP window ends within 60 days;
 * an open Good Faith Estimate request due by the next business day, or late.
 */
export function isDue(filter: DueFilter, s: DueState, today: string): boolean {
  if (finishedStatuses.includes(s.status)) return false;
  if (filter === "prescription") {
    if (s.kind !== "prescription" || s.endDate === null || s.visitsAuthorized === null) return false;
    const endsSoon = s.endDate >= today && s.endDate <= addDays(today, dueWindows.prescriptionDays);
    return endsSoon || s.visitsAuthorized - s.visitsUsed <= dueWindows.prescriptionVisitsLeft;
  }
  if (filter === "estimate") {
    return s.kind === "good_faith_estimate" && s.keyDate !== null && s.keyDate <= estimateDueHorizon(today);
  }
  if (s.kind !== "mva_claim" || s.accidentDate === null) return false;
  const end = pipWindowEnd(s.accidentDate);
  return end >= today && end <= addDays(today, dueWindows.pipDays);
}

/** The last due date the "estimate" filter lists: the next business day after today. */
export function estimateDueHorizon(today: string): string {
  return addBusinessDays(today, 1);
}

export interface EstimateRequestFacts {
  kind: "good_faith_estimate";
  /** The day (in Oregon) the request arrived. */
  requestedOn: string;
  dueDate: string;
  late: boolean;
}

/** When an estimate request arrived and when its estimate is due (see `estimateDueDate`). */
export function estimateRequestFacts(receivedAt: string, today: string): EstimateRequestFacts {
  const requestedOn = todayInOregon(new Date(receivedAt));
  const dueDate = estimateDueDate({ requestedOn })!;
  return { kind: "good_faith_estimate", requestedOn, dueDate, late: dueDate < today };
}

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
  /** The last day of the PIP window; see {@link pipWindowEnd}. */
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

export function claimFacts(c: { accidentDate: string }, today: string): ClaimFacts {
  const end = pipWindowEnd(c.accidentDate);
  return {
    kind: "mva_claim",
    accidentDate: c.accidentDate,
    pipWindowEnd: end,
    daysLeftInPipWindow: daysBetween(today, end),
  };
}

/** What the visit rule reads from a submission. */
export interface VisitState {
  kind: string;
  /** The kind's label, for the refusal of a visit against another kind ("Car accident claim"). */
  kindLabel: string;
  status: SubmissionStatus;
  startDate: string | null;
  endDate: string | null;
  visitsAuthorized: number | null;
  visitsUsed: number;
}

/**
 * Why a visit cannot be recorded against this submission today, in plain words; null if it can:
 * only an open prescription, between its start and end dates, with a visit left.
 */
export function visitRefusal(s: VisitState, today: string): { reason: string; message: string } | null {
  if (s.kind !== "prescription" || !s.startDate || !s.endDate || s.visitsAuthorized === null) {
    return {
      reason: "not_a_prescription",
      message: `Visits are recorded against a prescription. This is a ${s.kindLabel.toLowerCase()}.`,
    };
  }
  if (finishedStatuses.includes(s.status)) {
    return {
      reason: "finished",
      message: `This prescription is ${statusLabels[s.status].toLowerCase()}, so no more visits can be recorded against it.`,
    };
  }
  if (today < s.startDate) {
    return {
      reason: "not_started",
      message: `This prescription starts on ${usDate(s.startDate)}. A visit cannot be recorded before then.`,
    };
  }
  if (today > s.endDate) {
    return {
      reason: "ended",
      message: `This prescription ended on ${usDate(s.endDate)}. Ask the prescriber for a new prescription before the next visit.`,
    };
  }
  if (s.visitsUsed >= s.visitsAuthorized) {
    return {
      reason: "no_visits_left",
      message: `All ${s.visitsAuthorized} prescribed visits have been used. Ask the prescriber for a new prescription before the next visit.`,
    };
  }
  return null;
}
