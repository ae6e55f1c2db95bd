import { Hono } from "hono";
import { z } from "zod";
import { todayInOregon } from "../../src/shared/dates";
import { describeIcd10 } from "../../src/shared/icd10";
import {
  maxSearchLength,
  queueSorts,
  type QueuePosition,
  type QueueSort,
  type SubmissionDetail,
} from "../../src/shared/staff-contract";
import { kindSpec, submissionKindIds } from "../../src/shared/submissions/registry";
import { dueFilters, visitRefusal } from "../../src/shared/submissions/rules";
import {
  canChangeStatus,
  noteRequiredFor,
  statusLabels,
  statusTransitions,
  submissionStatuses,
} from "../../src/shared/submissions/statuses";
import { exportPages, listQueue } from "../db/queue";
import { ExportedIds, finishExportAudit, startExportAudit } from "../db/read-audit";
import { scanSummary } from "../db/scans";
import { findSubmissionState, viewSubmission } from "../db/submissions";
import { addNote, changeStatus, recordVisit } from "../db/workflow";
import { sessionOf, type StaffEnv } from "./auth";
import { submissionsCsvHeader, submissionsCsvLines } from "./csv";
import { requireRecentAuth, requireRole } from "./roles";
import { requireFieldKeys } from "../field-keys";
import { idParam, notFound, requireJson, safeText, valid } from "../validate";

const blankAsMissing = (value: unknown) => (value === "" ? undefined : value);

const rowId = z.coerce
  .number({ error: "Give a row id as a whole number." })
  .int({ error: "Give a row id as a whole number." })
  .min(1, { error: "Give a row id as a whole number." })
  .max(Number.MAX_SAFE_INTEGER, { error: "Give a row id as a whole number." });

/** The queue's query string: every filter optional, blank values ignored. */
const queueQuery = z.object({
  kind: z.preprocess(
    blankAsMissing,
    z.enum(submissionKindIds, { error: "Choose a kind of submission." }).optional(),
  ),
  status: z.preprocess(blankAsMissing, z.enum(submissionStatuses, { error: "Choose a status." }).optional()),
  q: z.preprocess(
    (value) => (typeof value === "string" ? value.replace(/\s+/g, " ").trim() || undefined : value),
    z
      .string()
      .max(maxSearchLength, {
        error: `Search for at most ${maxSearchLength} characters: a name, a reference or a claim number.`,
      })
      .optional(),
  ),
  due: z.preprocess(blankAsMissing, z.enum(dueFilters, { error: "Choose a deadline filter." }).optional()),
  sort: z.preprocess(
    blankAsMissing,
    z
      .enum(Object.keys(queueSorts) as [QueueSort, ...QueueSort[]], {
        error: "Sort by received, key date or name.",
      })
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
  // Where the page starts: after or before the row with this id, or the last page.
  after: z.preprocess(blankAsMissing, rowId.optional()),
  before: z.preprocess(blankAsMissing, rowId.optional()),
  last: z.preprocess(
    blankAsMissing,
    z.literal("1", { error: "Ask for the last page with last=1." }).optional(),
  ),
});

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

/**
 * The review queue and one submission: `GET /submissions` (filters, search, sort, 25 a page by
 * key), `GET /submissions.csv` (streamed), `GET /submissions/:id`, `PATCH /submissions/:id` (status),
 * `POST /submissions/:id/notes`, `POST /submissions/:id/visits`.
 */
export const staffSubmissions = new Hono<StaffEnv>()
  .use("/submissions/*", requireFieldKeys)
  .use("/submissions.csv", requireFieldKeys)
  .get("/submissions", valid("query", queueQuery), async (c) => {
    const { page, after, before, last, ...filters } = c.req.valid("query");
    const position: QueuePosition = last ? { page, last: true } : { page, after, before };
    return c.json(
      await listQueue(c.env.DB, {
        filters,
        position,
        today: todayInOregon(c.var.now),
        actor: sessionOf(c).member.email,
        now: c.var.now,
      }),
    );
  })
  // Patients' data leaves the desk: admins only, with the password and a fresh code just given.
  .get(
    "/submissions.csv",
    requireRole("admin"),
    requireRecentAuth(),
    valid("query", queueQuery),
    async (c) => {
      const { page: _page, after: _after, before: _before, last: _last, ...filters } = c.req.valid("query");
      const today = todayInOregon(c.var.now);
      const db = c.env.DB;
      const actor = { actor: sessionOf(c).member.email, now: c.var.now };
      const auditId = await startExportAudit(db, { filters, format: "csv", ...actor });
      const exported = new ExportedIds();
      const pages = exportPages(db, c.var.fieldKeys, filters, today);
      const encoder = new TextEncoder();
      let finished = false;
      const finish = async () => {
        if (finished) return;
        finished = true;
        await finishExportAudit(db, auditId, exported);
      };
      // Written as it is read: one page of rows at a time, pulled only as fast as the client reads,
      // so memory stays flat however many rows match.
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(encoder.encode(submissionsCsvHeader()));
        },
        async pull(controller) {
          try {
            const next = await pages.next();
            if (next.done) {
              await finish();
              controller.close();
              return;
            }
            for (const row of next.value) exported.add(row.submission.id);
            controller.enqueue(encoder.encode(submissionsCsvLines(next.value)));
          } catch (error) {
            console.error(JSON.stringify({ event: "csv_export_failed", name: (error as Error).name }));
            await finish().catch(() => undefined);
            controller.error(error);
          }
        },
        async cancel() {
          await finish();
        },
      });
      return c.body(body, 200, {
        "Content-Type": "text/csv; charset=utf-8; header=present",
        "Content-Disposition": `attachment; filename="clinic-submissions-${today}.csv"`,
      });
    },
  )
  .get("/submissions/:id", valid("param", idParam), async (c) => {
    const { id } = c.req.valid("param");
    const record = await viewSubmission(c.env.DB, c.var.fieldKeys, {
      id,
      actor: sessionOf(c).member.email,
      now: c.var.now,
    });
    if (!record) return notFound(c);
    const today = todayInOregon(c.var.now);
    const { submission } = record;
    const detail: SubmissionDetail = {
      submission,
      facts: kindSpec(submission.kind).facts(submission.input, submission, today),
      diagnoses:
        submission.kind === "prescription"
          ? submission.input.diagnosisCodes.map((code) => ({
              code,
              description: describeIcd10(code) ?? null,
            }))
          : [],
      allowedStatuses: statusTransitions[submission.status],
      notes: record.notes,
      audit: record.audit,
      scan: await scanSummary(c.env.DB, id),
    };
    return c.json(detail);
  })
  .patch("/submissions/:id", valid("param", idParam), requireJson, valid("json", statusChange), async (c) => {
    const { id } = c.req.valid("param");
    const current = await findSubmissionState(c.env.DB, id);
    if (!current) return notFound(c);
    const { status, note } = c.req.valid("json");
    if (!canChangeStatus(current.status, status)) {
      const allowed = statusTransitions[current.status];
      return c.json(
        {
          error: "transition_not_allowed" as const,
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
    const changed = await changeStatus(c.env.DB, c.var.fieldKeys, {
      id,
      from: current.status,
      to: status,
      note,
      staff: sessionOf(c).member,
      now: c.var.now,
    });
    if (!changed) {
      return c.json(
        {
          error: "status_changed_meanwhile" as const,
          message: "Someone else changed this submission's status a moment ago. Reload the page to see it.",
        },
        409,
      );
    }
    return c.json({ status, previousStatus: current.status, allowedStatuses: statusTransitions[status] });
  })
  .post("/submissions/:id/notes", valid("param", idParam), requireJson, valid("json", newNote), async (c) => {
    const added = await addNote(c.env.DB, c.var.fieldKeys, {
      id: c.req.valid("param").id,
      staff: sessionOf(c).member,
      text: c.req.valid("json").text,
      now: c.var.now,
    });
    return added ? c.json({ added: true }, 201) : notFound(c);
  })
  .post("/submissions/:id/visits", valid("param", idParam), async (c) => {
    const { id } = c.req.valid("param");
    const today = todayInOregon(c.var.now);
    const result = await recordVisit(c.env.DB, { id, staff: sessionOf(c).member, today, now: c.var.now });
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
    const refusal = visitRefusal({ ...state, kindLabel: kindSpec(state.kind).label }, today) ?? {
      reason: "not_recorded",
      message: "The visit was not recorded. Reload the page and try again.",
    };
    return c.json({ error: "visit_refused" as const, ...refusal }, 409);
  });
