import { Hono, type Context } from "hono";
import { z } from "zod";
import { todayInOregon } from "../../src/shared/dates";
import { describeIcd10 } from "../../src/shared/icd10";
import { formatIssues } from "../../src/shared/schemas/common";
import {
  canChangeStatus,
  noteRequiredFor,
  statusLabels,
  statusTransitions,
  submissionStatuses,
  type SubmissionStatus,
} from "../../src/shared/submission-status";
import type { Submission } from "../db/submissions";
import {
  addNote,
  changeStatus,
  exportQueue,
  findSubmissionState,
  listQueue,
  queuePageSize,
  recordVisit,
  viewSubmission,
  type AuditEntry,
  type QueueExportRow,
  type QueueFilters,
  type SubmissionNote,
} from "../db/staff";
import type { StaffEnv } from "./auth";
import { parseJsonBody, safeText } from "./body";
import { toCsv } from "./csv";
import {
  claimFacts,
  prescriptionFacts,
  visitRefusal,
  type ClaimFacts,
  type PrescriptionFacts,
} from "./facts";

/** `GET /api/staff/submissions/:id`: everything the detail page shows. */
export interface SubmissionDetail {
  submission: Submission;
  facts: PrescriptionFacts | ClaimFacts;
  /** Prescriptions' ICD-10 codes with their descriptions (null: not in the clinic's list). */
  diagnoses: { code: string; description: string | null }[];
  allowedStatuses: readonly SubmissionStatus[];
  /** Newest first. */
  notes: SubmissionNote[];
  /** Newest first. */
  audit: AuditEntry[];
}

const blankAsMissing = (value: unknown) => (value === "" ? undefined : value);

/** The queue's query string: every filter optional, blank values ignored. */
const queueQuery = z.object({
  kind: z.preprocess(
    blankAsMissing,
    z
      .enum(["prescription", "mva_claim"], { error: "Choose prescriptions or car accident claims." })
      .optional(),
  ),
  status: z.preprocess(blankAsMissing, z.enum(submissionStatuses, { error: "Choose a status." }).optional()),
  q: z.preprocess(
    (value) => (typeof value === "string" ? value.replace(/\s+/g, " ").trim() || undefined : value),
    z.string().max(100, { error: "Search for at most 100 characters." }).optional(),
  ),
  due: z.preprocess(
    blankAsMissing,
    z.enum(["prescription", "pip"], { error: "Choose a deadline filter." }).optional(),
  ),
  sort: z.preprocess(
    blankAsMissing,
    z
      .enum(["received", "key_date", "name"], { error: "Sort by received, key date or name." })
      .default("received"),
  ),
  page: z.preprocess(
    blankAsMissing,
    z.coerce
      .number({ error: "Give the page as a whole number." })
      .int({ error: "Give the page as a whole number." })
      .min(1, { error: "Pages start at 1." })
      .max(100_000, { error: "Give a page number under 100,000." })
      .default(1),
  ),
});

function readQueueQuery(c: Context<StaffEnv>) {
  const parsed = queueQuery.safeParse(c.req.query());
  return parsed.success
    ? { ok: true as const, data: parsed.data }
    : {
        ok: false as const,
        response: c.json({ error: "validation_failed", issues: formatIssues(parsed.error) }, 422),
      };
}

const noteCharactersMessage =
  "The note holds invisible control or text-direction characters. Type it again, or paste it as plain text.";

const statusChange = z
  .object(
    {
      status: z.enum(submissionStatuses, { error: "Choose the new status." }),
      note: z.preprocess(
        (value) => (typeof value === "string" ? value.replace(/\r\n?/g, "\n").trim() || undefined : value),
        z
          .string({ error: "Write the note as text." })
          .max(2000, { error: "Shorten the note to 2,000 characters or fewer." })
          .refine(safeText, { error: noteCharactersMessage })
          .optional(),
      ),
    },
    { error: "Send the new status, and a note when it needs one." },
  )
  .superRefine((value, ctx) => {
    if (noteRequiredFor.includes(value.status) && !value.note) {
      ctx.addIssue({
        code: "custom",
        path: ["note"],
        message:
          value.status === "needs_info"
            ? "Write a note saying what information is missing and whom we asked."
            : "Write a note saying why this submission is declined.",
      });
    }
  });

const newNote = z.object(
  {
    text: z.preprocess(
      (value) => (typeof value === "string" ? value.replace(/\r\n?/g, "\n").trim() : value),
      z
        .string({ error: "Write the note." })
        .min(1, { error: "Write the note." })
        .max(2000, { error: "Shorten the note to 2,000 characters or fewer." })
        .refine(safeText, { error: noteCharactersMessage }),
    ),
  },
  { error: "Send the note's text." },
);

const notFound = (c: Context) => c.json({ error: "not_found" }, 404);

const idRoute = "/submissions/:id{[0-9]{1,15}}";

const csvHeader = [
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
] as const;

function csvRow(row: QueueExportRow) {
  return [
    row.reference,
    row.kind === "prescription" ? "Prescription" : "Car accident claim",
    statusLabels[row.status],
    row.receivedAt,
    row.patientLastName,
    row.patientFirstName,
    row.dateOfBirth,
    row.phone,
    row.insurer,
    row.startDate,
    row.endDate,
    row.visitsAuthorized,
    row.visitsUsed,
    row.accidentDate,
    row.pipWindowEnd,
    row.claimNumber,
  ];
}

/**
 * The review queue and one submission: `GET /submissions` (filters, search, sort, 25 a page),
 * `GET /submissions.csv`, `GET /submissions/:id`, `PATCH /submissions/:id` (status),
 * `POST /submissions/:id/notes`, `POST /submissions/:id/visits`.
 */
export const staffSubmissions = new Hono<StaffEnv>()
  .get("/submissions", async (c) => {
    const query = readQueueQuery(c);
    if (!query.ok) return query.response;
    const { page, ...filters } = query.data;
    const result = await listQueue(c.env.DB, filters, page, todayInOregon(c.var.now));
    return c.json({ ...result, pageSize: queuePageSize });
  })
  .get("/submissions.csv", async (c) => {
    const query = readQueueQuery(c);
    if (!query.ok) return query.response;
    const { page: _page, ...filters } = query.data;
    const today = todayInOregon(c.var.now);
    const rows = await exportQueue(c.env.DB, {
      filters: filters satisfies QueueFilters,
      today,
      actor: c.var.session.member.email,
      now: c.var.now,
      // Whether a search was used, never the term: it is usually a patient's name.
      filterSummary: {
        kind: filters.kind ?? null,
        status: filters.status ?? null,
        due: filters.due ?? null,
        sort: filters.sort,
        search: filters.q !== undefined,
      },
    });
    // The byte-order mark makes Excel read the file as UTF-8 (names such as "José").
    const body = `\uFEFF${toCsv(csvHeader, rows.map(csvRow))}`;
    return c.body(body, 200, {
      "Content-Type": "text/csv; charset=utf-8; header=present",
      "Content-Disposition": `attachment; filename="clinic-submissions-${today}.csv"`,
    });
  })
  .get(idRoute, async (c) => {
    const record = await viewSubmission(c.env.DB, {
      id: Number(c.req.param("id")),
      actor: c.var.session.member.email,
      now: c.var.now,
    });
    if (!record) return notFound(c);
    const today = todayInOregon(c.var.now);
    const { submission } = record;
    const facts =
      submission.kind === "prescription"
        ? prescriptionFacts({ ...submission.input, visitsUsed: submission.visitsUsed }, today)
        : claimFacts(submission.input, today);
    const diagnoses =
      submission.kind === "prescription"
        ? submission.input.diagnosisCodes.map((code) => ({ code, description: describeIcd10(code) ?? null }))
        : [];
    const detail: SubmissionDetail = {
      submission,
      facts,
      diagnoses,
      allowedStatuses: statusTransitions[submission.status],
      notes: record.notes,
      audit: record.audit,
    };
    return c.json(detail);
  })
  .patch(idRoute, async (c) => {
    const body = await parseJsonBody(c, statusChange);
    if (!body.ok) return body.response;
    const id = Number(c.req.param("id"));
    const current = await findSubmissionState(c.env.DB, id);
    if (!current) return notFound(c);
    const { status, note } = body.data;
    if (!canChangeStatus(current.status, status)) {
      const allowed = statusTransitions[current.status];
      return c.json(
        {
          error: "transition_not_allowed",
          message:
            current.status === status
              ? `This submission is already ${statusLabels[status].toLowerCase()}.`
              : `A submission that is ${statusLabels[current.status].toLowerCase()} cannot be changed to ${statusLabels[status].toLowerCase()}.` +
                (allowed.length
                  ? ` It can be changed to: ${allowed.map((s) => statusLabels[s].toLowerCase()).join(", ")}.`
                  : " Its status is final."),
          allowed,
        },
        409,
      );
    }
    const changed = await changeStatus(c.env.DB, {
      id,
      from: current.status,
      to: status,
      note,
      staff: c.var.session.member,
      now: c.var.now,
    });
    if (!changed) {
      return c.json(
        {
          error: "status_changed_meanwhile",
          message: "Someone else changed this submission's status a moment ago. Reload the page to see it.",
        },
        409,
      );
    }
    return c.json({ status, previousStatus: current.status, allowedStatuses: statusTransitions[status] });
  })
  .post(`${idRoute}/notes`, async (c) => {
    const body = await parseJsonBody(c, newNote);
    if (!body.ok) return body.response;
    const added = await addNote(c.env.DB, {
      id: Number(c.req.param("id")),
      staff: c.var.session.member,
      text: body.data.text,
      now: c.var.now,
    });
    return added ? c.json({ added: true }, 201) : notFound(c);
  })
  .post(`${idRoute}/visits`, async (c) => {
    const id = Number(c.req.param("id"));
    const today = todayInOregon(c.var.now);
    const result = await recordVisit(c.env.DB, { id, staff: c.var.session.member, today, now: c.var.now });
    if (result.recorded) {
      return c.json(
        {
          visitsUsed: result.visitsUsed,
          visitsAuthorized: result.visitsAuthorized,
          visitsRemaining: result.visitsAuthorized - result.visitsUsed,
        },
        201,
      );
    }
    const state = await findSubmissionState(c.env.DB, id);
    if (!state) return notFound(c);
    const refusal = visitRefusal(state, today) ?? {
      reason: "not_recorded",
      message: "The visit was not recorded. Reload the page and try again.",
    };
    return c.json({ error: "visit_refused", ...refusal }, 409);
  });
