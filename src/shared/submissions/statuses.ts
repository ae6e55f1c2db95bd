/**
 * The staff workflow for a submission, said once: its statuses in plain words and which change
 * may follow which. The staff API enforces it, the staff pages offer only the allowed changes,
 * and `test/worker/registry-sql.test.ts` ties the SQL CHECK constraint to this list.
 */

export const submissionStatuses = [
  "new",
  "in_review",
  "needs_info",
  "accepted",
  "closed",
  "declined",
] as const;

export type SubmissionStatus = (typeof submissionStatuses)[number];

export const statusLabels: Record<SubmissionStatus, string> = {
  new: "New",
  in_review: "In review",
  needs_info: "Needs information",
  accepted: "Accepted",
  closed: "Closed",
  declined: "Declined",
};

/** What each status means, for the change-status form. */
export const statusDescriptions: Record<SubmissionStatus, string> = {
  new: "Nobody has looked at it yet.",
  in_review: "Someone is checking the details and the coverage.",
  needs_info: "We asked the patient, prescriber or insurer for something that is missing.",
  accepted: "Checked and ready: visits can be booked and recorded.",
  closed: "Finished: no more visits under it.",
  declined: "We cannot use it, for example a duplicate or not covered.",
};

/**
 * Allowed changes: new → in review → needs information ⇄ in review → accepted → closed, and
 * declined from any open status. Closed and declined are final: a new form starts a new case.
 */
export const statusTransitions: Record<SubmissionStatus, readonly SubmissionStatus[]> = {
  new: ["in_review", "declined"],
  in_review: ["needs_info", "accepted", "declined"],
  needs_info: ["in_review", "accepted", "declined"],
  accepted: ["closed", "declined"],
  closed: [],
  declined: [],
};

/** Statuses that need a note saying why: what is missing, or why it was declined. */
export const noteRequiredFor: readonly SubmissionStatus[] = ["needs_info", "declined"];

/** Statuses that need no more work; the "due" filters leave them out. */
export const finishedStatuses: readonly SubmissionStatus[] = ["closed", "declined"];

export function canChangeStatus(from: SubmissionStatus, to: SubmissionStatus): boolean {
  return statusTransitions[from].includes(to);
}
