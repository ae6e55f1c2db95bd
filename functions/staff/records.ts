import { Hono } from "hono";
import { z } from "zod";
import { todayInOregon } from "../../src/shared/dates";
import type { PatientRecordCopy } from "../../src/shared/staff-contract";
import { kindSpec } from "../../src/shared/submissions/registry";
import { deleteSubmission } from "../db/deletion";
import { viewSubmission } from "../db/submissions";
import { requireFieldKeys } from "../field-keys";
import { idParam, notFound, requireJson, valid } from "../validate";
import { sessionOf, type StaffEnv } from "./auth";
import { requireRecentAuth, requireRole } from "./roles";

const deletion = z.object(
  {
    reason: z.enum(["patient_request", "spam"], {
      error: "Choose why this submission is deleted: the patient asked, or it is spam.",
    }),
    confirmReference: z.string({ error: "Type the submission's reference to confirm." }).max(20, {
      error: "Type the submission's reference, like RX-7K3Q9PA, to confirm.",
    }),
  },
  { error: "Send the reason and the reference to confirm." },
);

/**
 * A patient's own record and its deletion: `GET /submissions/:id/record` (every field, the notes,
 * the visits and the audit trail, as JSON to give a patient who asks to see their record; audited
 * as `copied`), and `DELETE /submissions/:id { reason, confirmReference }` (on the patient's
 * request, or spam; the reference must be typed to confirm).
 */
export const staffRecords = new Hono<StaffEnv>()
  .get("/submissions/:id/record", requireFieldKeys, valid("param", idParam), async (c) => {
    const { id } = c.req.valid("param");
    const actor = sessionOf(c).member.email;
    const record = await viewSubmission(c.env.DB, c.var.fieldKeys, {
      id,
      actor,
      now: c.var.now,
      action: "copied",
    });
    if (!record) return notFound(c);
    const { submission } = record;
    const copy: PatientRecordCopy = {
      submission,
      facts: kindSpec(submission.kind).facts(submission.input, submission, todayInOregon(c.var.now)),
      notes: record.notes,
      audit: record.audit,
      producedAt: c.var.now.toISOString(),
      producedBy: actor,
    };
    return c.json(copy);
  })
  // Deletion cannot be undone: admins only, with the password and a fresh code just given.
  .delete(
    "/submissions/:id",
    requireRole("admin"),
    requireRecentAuth(),
    valid("param", idParam),
    requireJson,
    valid("json", deletion),
    async (c) => {
      const { id } = c.req.valid("param");
      const { reason, confirmReference } = c.req.valid("json");
      const current = await c.env.DB.prepare("SELECT reference FROM submissions WHERE id = ?1")
        .bind(id)
        .first<{ reference: string }>();
      if (!current) return notFound(c);
      if (confirmReference.trim().toUpperCase() !== current.reference) {
        return c.json(
          {
            error: "validation_failed" as const,
            issues: [
              {
                path: "confirmReference",
                message: `To confirm, type this submission's reference exactly: ${current.reference}.`,
              },
            ],
          },
          422,
        );
      }
      const deleted = await deleteSubmission(c.env.DB, {
        id,
        actor: sessionOf(c).member.email,
        reason,
        now: c.var.now,
        scans: c.env.SCANS,
      });
      return deleted ? c.json({ deleted: true, reference: deleted.reference }) : notFound(c);
    },
  );
