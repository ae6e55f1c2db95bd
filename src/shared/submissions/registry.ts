/**
 * The registry of submission kinds: for each kind, said once, its id, reference prefix, labels,
 * form, zod schema, the columns staff filter and sort on, its key date and the facts computed
 * from it, its notices and its CSV columns. The public API, the D1 layer, the CSV export, the
 * queue, the detail page and the confirmation page all read this table.
 *
 * Server-side only (pages at build or request time, and the API): the prescription's server
 * schema checks codes against the ICD-10 list, which never ships to the browser. Browser scripts
 * import their kind's schema module directly.
 */
import { formMessages } from "../i18n/forms";
import type { Lang } from "../i18n/messages";
import type * as z from "zod/mini";
import { daysBetween, relativeDays, todayInOregon, usDate } from "../dates";
import { gfeRules } from "../good-faith-estimate";
import { diagnosisCodeError, diagnosisCodeNotice } from "../icd10";
import type { FieldMeta } from "../schemas/common";
import { mvaClaimFields, mvaClaimSchema, mvaClaimWarnings, type MvaClaimInput } from "../schemas/mva-claim";
import {
  goodFaithEstimateFields,
  goodFaithEstimateSchema,
  type GoodFaithEstimateInput,
} from "../schemas/good-faith-estimate";
import { prescriptionFields, prescriptionSchema, type PrescriptionInput } from "../schemas/prescription";
import { pipWindowEnd, visitsFitNotice } from "./form-rules";
import {
  claimFacts,
  estimateRequestFacts,
  prescriptionFacts,
  type ClaimFacts,
  type DueFilter,
  type EstimateRequestFacts,
  type PrescriptionFacts,
} from "./rules";

/**
 * The columns of `submissions` that staff filter and sort on, besides the ones every kind has.
 * `key_date` is the date the queue sorts "soonest key date first" by; the rest stay null for a
 * kind that has no such fact. The whole submission is stored as well (`fields`).
 */
export interface SubmissionColumns {
  key_date: string;
  start_date: string | null;
  end_date: string | null;
  visits_authorized: number | null;
  accident_date: string | null;
  claim_number: string | null;
}

/** A stored submission as the queue and CSV read it: the columns above and its facts. */
export interface StoredColumns extends SubmissionColumns {
  visits_used: number;
}

/** What a kind's facts read of a stored submission besides its input. */
export interface StoredFacts {
  visitsUsed: number;
  receivedAt: string;
}

/** The queue's key-date cell; `late` flags a deadline already missed. */
export interface QueueKeyDate {
  main: string;
  sub: string;
  late?: boolean;
}

/** One line of a kind's "Key facts": `text`, then `emphasis` in bold, then a muted `note`. */
export interface FactLine {
  term: string;
  text: string;
  emphasis?: string;
  note?: string;
}

/** A CSV value a kind contributes to the shared export columns. */
type CsvValue = string | number | null | undefined;

interface KindSpec<Id extends string, Input, Facts> {
  id: Id;
  /** Starts every reference of this kind: `RX-7K3Q9PA`. */
  referencePrefix: string;
  /** "Prescription": the queue, the detail page, the CSV. */
  label: string;
  /** "Prescriptions": the queue's kind filter. */
  pluralLabel: string;
  /** The public API resource under `/api`. */
  apiPath: `/${string}`;
  /** The public form page. */
  formPath: string;
  /** How the no-JavaScript error page names the form: "the prescription form". */
  formTitle: string;
  /** A link to the form, as the confirmation page offers it. */
  sendLinkText: string;
  /** The confirmation page: "We received your prescription details". */
  confirmationNoun: string;
  /** The confirmation page's second "what happens next" step. */
  nextStep: string;
  fields: Record<string, FieldMeta>;
  /** The server's schema: every rule, including checks the browser cannot make. */
  schema: (lang?: Lang) => z.ZodMiniType<Input>;
  /** Non-blocking notices for the sender and staff, in the sender's language. */
  notices: (input: Input, lang?: Lang) => string[];
  /** Its stored columns; `receivedAt` is when it arrived (an ISO instant). */
  columns: (input: Input, receivedAt: string) => SubmissionColumns;
  facts: (input: Input, stored: StoredFacts, today: string) => Facts;
  /** The detail page's "Key facts" in plain words. */
  factLines: (facts: Facts) => FactLine[];
  /** The queue's key-date cell: a main line, a muted second line, and whether it is late. */
  queueKeyDate: (row: StoredColumns, today: string) => QueueKeyDate;
  /** Its ICD-10 diagnosis codes, which the detail page describes from the clinic's list. */
  diagnosisCodes: (input: Input) => readonly string[];
  /** Whether staff record visits against it (the "Record a visit" button). */
  recordsVisits: boolean;
  /** The detail page's link to this kind's next step at the desk, if it has one. */
  staffNextStep?: { label: string; path: (id: number) => string };
  /** The queue's deadline filter for this kind, if it has one. */
  due?: { filter: DueFilter; label: string };
  /** This kind's values for the export's shared columns (see `csvColumns`). */
  csv: (input: Input, row: StoredColumns) => Partial<Record<CsvColumn, CsvValue>>;
}

function days(n: number): string {
  return `${n} ${Math.abs(n) === 1 ? "day" : "days"}`;
}

const prescription: KindSpec<"prescription", PrescriptionInput, PrescriptionFacts> = {
  id: "prescription",
  referencePrefix: "RX",
  label: "Prescription",
  pluralLabel: "Prescriptions",
  apiPath: "/prescriptions",
  formPath: "/forms/prescription",
  formTitle: "prescription",
  sendLinkText: "Send a prescription for massage",
  confirmationNoun: "prescription",
  nextStep: "We will check your health insurance coverage for massage with your insurance company.",
  fields: prescriptionFields,
  schema: (lang = "en") =>
    prescriptionSchema({
      checkDiagnosisCode: (code) => diagnosisCodeError(code, lang),
      messages: formMessages[lang],
    }),
  notices: (input, lang = "en") => [
    ...[visitsFitNotice(input, formMessages[lang])].filter((notice) => notice !== null),
    ...input.diagnosisCodes.flatMap((code) => {
      const notice = diagnosisCodeNotice(code, lang);
      return notice ? [notice] : [];
    }),
  ],
  columns: (input) => ({
    key_date: input.endDate,
    start_date: input.startDate,
    end_date: input.endDate,
    visits_authorized: input.visitsAuthorized,
    accident_date: null,
    claim_number: null,
  }),
  facts: (input, { visitsUsed }, today) => prescriptionFacts({ ...input, visitsUsed }, today),
  factLines: (f) => [
    { term: "Valid", text: `${usDate(f.startDate)} to ${usDate(f.endDate)}` },
    {
      term: "Expires",
      text:
        (f.ended
          ? `Ended ${relativeDays(f.daysUntilEnd)}`
          : f.daysUntilEnd === 0
            ? "Today is the last day"
            : `${usDate(f.endDate)}: ${days(f.daysUntilEnd)} left`) + (f.started ? "" : " (not started yet)"),
    },
    {
      term: "Visits",
      text: `${f.visitsAuthorized} prescribed, ${f.visitsUsed} used,`,
      emphasis: `${f.visitsRemaining} left`,
    },
  ],
  queueKeyDate: (row, today) => {
    const f = prescriptionFacts(
      {
        startDate: row.start_date!,
        endDate: row.end_date!,
        visitsAuthorized: row.visits_authorized!,
        visitsUsed: row.visits_used,
      },
      today,
    );
    return {
      main: `Ends ${usDate(f.endDate)} (${relativeDays(f.daysUntilEnd)})`,
      sub: `${f.visitsUsed} of ${f.visitsAuthorized} visits used`,
    };
  },
  diagnosisCodes: (input) => input.diagnosisCodes,
  recordsVisits: true,
  due: { filter: "prescription", label: "Prescriptions ending within 14 days or with at most 1 visit left" },
  csv: (input) => ({
    Insurer: input.insuranceCarrier ?? prescriptionFields.insuranceCarrier.whenBlank,
    "Prescription start": input.startDate,
    "Prescription end": input.endDate,
    "Visits authorized": input.visitsAuthorized,
  }),
};

const mvaClaim: KindSpec<"mva_claim", MvaClaimInput, ClaimFacts> = {
  id: "mva_claim",
  referencePrefix: "MVA",
  label: "Car accident claim",
  pluralLabel: "Car accident claims",
  apiPath: "/mva-claims",
  formPath: "/forms/mva-claim",
  formTitle: "car accident claim",
  sendLinkText: "Send car accident claim details",
  confirmationNoun: "claim",
  nextStep: "We will contact your claim adjuster at the auto insurance company about your claim.",
  fields: mvaClaimFields,
  schema: (lang = "en") => mvaClaimSchema({ messages: formMessages[lang] }),
  notices: (input, lang = "en") => mvaClaimWarnings(input, formMessages[lang]),
  columns: (input) => ({
    key_date: pipWindowEnd(input.accidentDate),
    start_date: null,
    end_date: null,
    visits_authorized: null,
    accident_date: input.accidentDate,
    claim_number: input.claimNumber,
  }),
  facts: (input, _stored, today) => claimFacts(input, today),
  factLines: (f) => [
    { term: "Accident", text: usDate(f.accidentDate) },
    {
      term: "PIP window ends",
      text: `${usDate(f.pipWindowEnd)}: ${
        f.daysLeftInPipWindow >= 0
          ? `${days(f.daysLeftInPipWindow)} left`
          : `closed ${relativeDays(f.daysLeftInPipWindow)}`
      }`,
      note: "Oregon PIP pays medical expenses incurred within two years of the injury (ORS 742.524), as we understand it.",
    },
  ],
  queueKeyDate: (row, today) => {
    const f = claimFacts({ accidentDate: row.accident_date! }, today);
    return {
      main: `Accident ${usDate(f.accidentDate)}`,
      sub: `PIP window ends ${usDate(f.pipWindowEnd)} (${relativeDays(f.daysLeftInPipWindow)})`,
    };
  },
  diagnosisCodes: () => [],
  recordsVisits: false,
  due: { filter: "pip", label: "Claims whose PIP window ends within 60 days" },
  csv: (input, row) => ({
    Insurer: input.autoInsurer,
    "Accident date": input.accidentDate,
    "PIP window ends": row.key_date,
    "Claim number": input.claimNumber,
  }),
};

const goodFaithEstimate: KindSpec<"good_faith_estimate", GoodFaithEstimateInput, EstimateRequestFacts> = {
  id: "good_faith_estimate",
  referencePrefix: "GFE",
  label: "Good Faith Estimate request",
  pluralLabel: "Good Faith Estimate requests",
  apiPath: "/good-faith-estimate-requests",
  formPath: "/forms/good-faith-estimate",
  formTitle: "Good Faith Estimate request",
  sendLinkText: "Ask for a Good Faith Estimate",
  confirmationNoun: "request for a Good Faith Estimate",
  nextStep: `We will send you a written Good Faith Estimate within ${gfeRules.requestBusinessDays} business days.`,
  fields: goodFaithEstimateFields,
  schema: (lang = "en") =>
    goodFaithEstimateSchema({
      messages: formMessages[lang],
      checkDiagnosisCode: (code) => {
        const problem = diagnosisCodeError(code, lang);
        return problem && `${lang === "es" ? "Código de diagnóstico" : "Diagnosis code"}: ${problem}`;
      },
    }),
  notices: (input, lang) => {
    const notice = input.diagnosisCode ? diagnosisCodeNotice(input.diagnosisCode, lang) : null;
    return notice ? [notice] : [];
  },
  columns: (_input, receivedAt) => ({
    key_date: estimateRequestFacts(receivedAt, todayInOregon(new Date(receivedAt))).dueDate,
    start_date: null,
    end_date: null,
    visits_authorized: null,
    accident_date: null,
    claim_number: null,
  }),
  facts: (_input, { receivedAt }, today) => estimateRequestFacts(receivedAt, today),
  factLines: (f) => [
    { term: "Asked on", text: usDate(f.requestedOn) },
    {
      term: "Estimate due",
      text: usDate(f.dueDate),
      emphasis: f.late ? " late" : undefined,
      note: `Due ${gfeRules.requestBusinessDays} business days after the request (45 CFR 149.610); holidays are not counted out.`,
    },
  ],
  queueKeyDate: (row, today) => ({
    main: `Estimate due ${usDate(row.key_date)}`,
    sub:
      row.key_date < today ? `Late: due ${relativeDays(daysBetween(today, row.key_date))}` : "Not late yet",
    late: row.key_date < today,
  }),
  diagnosisCodes: (input) => (input.diagnosisCode ? [input.diagnosisCode] : []),
  recordsVisits: false,
  staffNextStep: {
    label: "Issue the Good Faith Estimate",
    path: (id) => `/staff/good-faith-estimates?request=${id}`,
  },
  due: {
    filter: "estimate",
    label: "Good Faith Estimate requests due by the next business day, or late",
  },
  csv: (_input, row) => ({ "Estimate due": row.key_date }),
};

/** Every submission kind, in the order the staff desk lists them. */
export const submissionKinds = {
  prescription,
  mva_claim: mvaClaim,
  good_faith_estimate: goodFaithEstimate,
} as const;

export type SubmissionKind = keyof typeof submissionKinds;

/** The kind ids, for zod enums and SQL CHECK tests. */
export const submissionKindIds = Object.keys(submissionKinds) as [SubmissionKind, ...SubmissionKind[]];

/** A validated submission of any kind, as the forms send it. */
export type NewSubmission = {
  [K in SubmissionKind]: {
    kind: K;
    input: z.output<ReturnType<(typeof submissionKinds)[K]["schema"]>>;
  };
}[SubmissionKind];

/** The facts of any kind, as the detail page gets them. */
export type SubmissionFacts = ReturnType<(typeof submissionKinds)[SubmissionKind]["facts"]>;

/**
 * The registry entry for `kind`, typed loosely so code that handles every kind alike (the API,
 * the D1 layer, the pages) can call its functions with a submission's input.
 */
export function kindSpec(kind: SubmissionKind): KindSpec<SubmissionKind, never, never> & {
  notices: (input: unknown, lang?: Lang) => string[];
  columns: (input: unknown, receivedAt: string) => SubmissionColumns;
  facts: (input: unknown, stored: StoredFacts, today: string) => SubmissionFacts;
  factLines: (facts: SubmissionFacts) => FactLine[];
  csv: (input: unknown, row: StoredColumns) => Partial<Record<CsvColumn, CsvValue>>;
  diagnosisCodes: (input: unknown) => readonly string[];
  schema: (lang?: Lang) => z.ZodMiniType<unknown>;
} {
  return submissionKinds[kind] as never;
}

/** The kind whose references start with this prefix ("RX-7K3Q9PA" → prescription), or undefined. */
export function kindOfReference(reference: string): SubmissionKind | undefined {
  const match = /^([A-Z]+)-[A-Z0-9]{7}$/.exec(reference);
  return submissionKindIds.find((kind) => submissionKinds[kind].referencePrefix === match?.[1]);
}

/**
 * The CSV export's columns in order: first what every submission has, then each kind's own
 * (filled from `csv` of the row's kind, empty for the others).
 */
export const csvColumns = [
  "Reference",
  "Kind",
  "Status",
  "Received",
  "Last name",
  "First name",
  "Date of birth",
  "Phone",
  "Insurer",
  "Prescription start",
  "Prescription end",
  "Visits authorized",
  "Visits used",
  "Accident date",
  "PIP window ends",
  "Claim number",
  "Estimate due",
  // Last, so spreadsheets built on the earlier columns keep their places.
  "Language",
] as const;

export type CsvColumn = (typeof csvColumns)[number];

/**
 * Carries a fresh reference to the confirmation page (`/forms/received`) for 30 minutes, so no
 * reference ever sits in a web address.
 */
export const confirmationCookie = {
  name: "received",
  options: { path: "/forms/received", httpOnly: true, secure: true, sameSite: "strict", maxAge: 30 * 60 },
} as const;
