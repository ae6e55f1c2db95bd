/**
 * The staff desk's contract, said once: the cookies (names and attributes), the queue's filter
 * and sort names and page size, and the shapes of the staff API's answers. The API in
 * `functions/staff` implements it; the staff pages read it (and call the API through the typed
 * client in `src/server/staff-client.ts`).
 */
import type { GoodFaithEstimateDocument } from "./good-faith-estimate";
import type { FieldIssue } from "./schemas/common";
import type { NewSubmission, QueueKeyDate, SubmissionFacts, SubmissionKind } from "./submissions/registry";
import type { DueFilter } from "./submissions/rules";
import type { SubmissionStatus } from "./submissions/statuses";

const hostOnly = { secure: true, httpOnly: true, sameSite: "strict" } as const;

/**
 * Every cookie the staff desk sets. The session cookie's `__Host-` prefix pins it to this host,
 * HTTPS and path `/`. The search term is usually a patient's name, so it travels in a session
 * cookie (gone when the browser closes, cleared on sign-out), never in a web address. The flash
 * cookie carries "what was just done" across the redirect after a change. The pending cookie
 * holds a sign-in between its two steps (password, then code) for 5 minutes; it is no session.
 */
export const staffCookies = {
  session: { name: "__Host-session", options: { ...hostOnly, path: "/" } },
  pending: { name: "__Host-staff-pending", options: { ...hostOnly, path: "/", maxAge: 300 } },
  search: { name: "__Secure-staff-search", options: { ...hostOnly, path: "/staff" } },
  flash: { name: "__Secure-staff-flash", options: { ...hostOnly, path: "/staff", maxAge: 60 } },
} as const;

/** The queue's sort orders, with how the page says them. */
export const queueSorts = {
  received: { option: "Newest received first", sentence: "newest received first" },
  key_date: { option: "Soonest key date first", sentence: "soonest key date first" },
  name: { option: "Patient name, A to Z", sentence: "by patient name" },
} as const;

export type QueueSort = keyof typeof queueSorts;

/** Filters that may sit in a queue page's address: none of them is patient information. */
export const queueAddressFilters = ["kind", "status", "due", "sort"] as const;

/** Rows on one page of the queue. */
export const queuePageSize = 25;

/** Longest search term, in characters. */
export const maxSearchLength = 100;

export interface QueueFilters {
  kind?: SubmissionKind | undefined;
  status?: SubmissionStatus | undefined;
  /** A name, reference or claim number, or part of one. */
  q?: string | undefined;
  due?: DueFilter | undefined;
  sort: QueueSort;
}

/** What a staff account may do: only admins export, delete submissions and manage accounts. */
export type StaffRole = "admin" | "staff";

/** `GET /api/staff/me`. */
export interface StaffMe {
  id: number;
  email: string;
  name: string;
  role: StaffRole;
  idleExpiresAt: string;
  expiresAt: string;
  /** Until when export and deletion work without confirming again (null: confirm first). */
  reauthUntil: string | null;
}

/** `POST /api/staff/login` with the right password: the code step comes next. */
export interface SignInNext {
  next: "totp";
}

/** One of your live sessions, on `/staff/account`. */
export interface SessionSummary {
  signedInAt: string;
  lastSeenAt: string;
  ip: string | null;
  userAgent: string | null;
  /** The session of the browser asking. */
  current: boolean;
}

/** One staff account, as admins see them on `/staff/account`. */
export interface AccountSummary {
  id: number;
  email: string;
  name: string;
  role: StaffRole;
  lastSignInAt: string | null;
  disabledAt: string | null;
  /** Two-step sign-in set up (an account without it cannot sign in). */
  enrolled: boolean;
}

/** `GET /api/staff/account`: your sessions, and every account when you are an admin. */
export interface AccountPage {
  sessions: SessionSummary[];
  accounts: AccountSummary[] | null;
}

/** One line of the queue. */
export interface QueueItem {
  id: number;
  kind: SubmissionKind;
  reference: string;
  status: SubmissionStatus;
  receivedAt: string;
  patientFirstName: string;
  patientLastName: string;
  /** Prescriptions: the end date. */
  endDate: string | null;
  visitsAuthorized: number | null;
  visitsUsed: number;
  /** Car accident claims: the accident date and the end of the two-year PIP window. */
  accidentDate: string | null;
  pipWindowEnd: string | null;
  claimNumber: string | null;
  /** The key-date cell in plain words, from the kind's registry entry. */
  keyDate: QueueKeyDate;
}

/**
 * Where a page of the queue starts, as query parameters (beside the filters): after the row with
 * id `after`, before the row with id `before`, or the last page. `page` is the page's number,
 * for "Page N of M". No position: the first page. Ids only, so no patient information.
 */
export interface QueuePosition {
  page: number;
  after?: number;
  before?: number;
  last?: true;
}

/**
 * `GET /api/staff/submissions`: one page of the queue (pages by key, not by offset), the total
 * for the filters and the whole queue's counts by status.
 */
export interface QueuePage {
  counts: Record<SubmissionStatus, number>;
  items: QueueItem[];
  page: number;
  pageCount: number;
  pageSize: number;
  total: number;
  /** The neighbouring pages and the last one; null where there is none. */
  previous: QueuePosition | null;
  next: QueuePosition | null;
  last: QueuePosition | null;
}

/** A stored submission in the clinic's words. */
export type Submission = {
  id: number;
  reference: string;
  status: SubmissionStatus;
  receivedAt: string;
  visitsUsed: number;
} & NewSubmission;

export interface SubmissionNote {
  id: number;
  at: string;
  text: string;
  staffName: string;
  staffEmail: string;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  detail: Record<string, unknown> | null;
}

/** `GET /api/staff/submissions/:id`: everything the detail page shows. */
export interface SubmissionDetail {
  submission: Submission;
  facts: SubmissionFacts;
  /** Prescriptions' ICD-10 codes with their descriptions (null: not in the clinic's list). */
  diagnoses: { code: string; description: string | null }[];
  allowedStatuses: readonly SubmissionStatus[];
  /** Newest first. */
  notes: SubmissionNote[];
  /** Newest first. */
  audit: AuditEntry[];
  /** The signed prescription sent with it, or null (download: `GET /api/staff/submissions/:id/scan`). */
  scan: ScanSummary | null;
}

/** A signed prescription sent with a submission: its type (from its first bytes) and size. */
export interface ScanSummary {
  contentType: string;
  byteSize: number;
}

/** `GET /api/staff/submissions/:id/record`: a patient's copy of their whole record. */
export interface PatientRecordCopy {
  submission: Submission;
  facts: SubmissionFacts;
  notes: SubmissionNote[];
  audit: AuditEntry[];
  producedAt: string;
  producedBy: string;
}

/** Every 422 of the staff API. */
export interface ValidationFailed {
  error: "validation_failed";
  issues: FieldIssue[];
}

/** One issued Good Faith Estimate in a list. */
export interface EstimateSummary {
  id: number;
  reference: string;
  /** The request it answers, when it came from the online form. */
  requestId: number | null;
  issuedAt: string;
  issuedBy: string;
  totalCents: number;
  /** "Last, First". */
  patientName: string;
  /** The number of the estimate this one replaces, and of the one that replaced it. */
  replaces: string | null;
  replacedBy: string | null;
}

/** `GET /api/staff/good-faith-estimates`: the newest estimates and what stops issuing one. */
export interface EstimateList {
  estimates: EstimateSummary[];
  /** The clinic settings an estimate needs that are not set (their names): none set, none issued. */
  missingSettings: string[];
}

/** `GET /api/staff/good-faith-estimates/:id`: one issued estimate, whole, with its audit trail. */
export interface EstimateView {
  summary: EstimateSummary;
  document: GoodFaithEstimateDocument;
  /** Newest first: issued, viewed, printed, given. */
  audit: AuditEntry[];
}
