/**
 * Issued Good Faith Estimates in D1: issuing one (with its audit row, in one batch), reading one
 * (audited as viewed or printed), recording that it was given, listing them, and the six-year
 * purge. Rows are never edited (migration 0008's triggers); the document is stored sealed.
 */
import type { GoodFaithEstimateDocument } from "../../src/shared/good-faith-estimate";
import type { AuditEntry, EstimateSummary } from "../../src/shared/staff-contract";
import { addYearsToInstant } from "../../src/shared/dates";
import { estimateContext, seal, unseal, type FieldKeys } from "../field-crypto";
import { auditStatement, toAuditEntry } from "./audit";

interface EstimateRow {
  id: number;
  reference: string;
  request_id: number | null;
  replaces_id: number | null;
  issued_at: string;
  issued_by: string;
  total_cents: number;
  care_start: string;
  care_end: string;
  document: string;
}

const ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";

/** An estimate number such as `GFE-2026-7K3Q9P`: the year issued and six readable characters. */
function newEstimateReference(issuedOn: string): string {
  let code = "";
  for (const byte of crypto.getRandomValues(new Uint8Array(6))) code += ALPHABET[byte % ALPHABET.length];
  return `GFE-${issuedOn.slice(0, 4)}-${code}`;
}

/** What an estimate's audit rows say about it: its id and number, never what it holds. */
function estimateDetail(id: number, reference: string, extra: Record<string, unknown> = {}) {
  return { estimateId: id, estimate: reference, ...extra };
}

/**
 * Stores a new estimate built by `build(reference)` with its `estimate_issued` audit row (on the
 * request too, when it came from one) in one batch; an open request it answers is closed in
 * the same batch. Null when `replacesId` names no estimate or
 * one already replaced.
 */
export async function issueEstimate(
  db: D1Database,
  keys: FieldKeys,
  input: {
    requestId: number | null;
    replacesId: number | null;
    actor: string;
    now: Date;
    issuedOn: string;
    build: (reference: string, replaces: string | null) => GoodFaithEstimateDocument;
  },
): Promise<{ id: number; reference: string } | { refused: "replaced_missing" | "already_replaced" }> {
  let replaces: string | null = null;
  if (input.replacesId !== null) {
    const old = await db
      .prepare(
        `SELECT reference, (SELECT count(*) FROM good_faith_estimates r WHERE r.replaces_id = e.id) AS replaced
         FROM good_faith_estimates e WHERE id = ?1`,
      )
      .bind(input.replacesId)
      .first<{ reference: string; replaced: number }>();
    if (!old) return { refused: "replaced_missing" };
    if (old.replaced > 0) return { refused: "already_replaced" };
    replaces = old.reference;
  }
  for (let attempt = 0; attempt < 3; attempt++) {
    const reference = newEstimateReference(input.issuedOn);
    const doc = input.build(reference, replaces);
    const at = input.now.toISOString();
    try {
      const [inserted] = await db.batch<{ id: number }>([
        db
          .prepare(
            `INSERT INTO good_faith_estimates (reference, request_id, replaces_id, issued_at, issued_by,
               total_cents, care_start, care_end, document)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) RETURNING id`,
          )
          .bind(
            reference,
            input.requestId,
            input.replacesId,
            at,
            input.actor,
            doc.totalCents,
            doc.care.firstDate,
            doc.care.lastDate,
            await seal(keys, JSON.stringify(doc), estimateContext(reference)),
          ),
        db
          .prepare(
            `INSERT INTO audit_log (at, actor, action, submission_id, detail)
             SELECT ?1, ?2, 'estimate_issued', request_id,
               json_object('estimateId', id, 'estimate', reference, 'replaces', ?4)
             FROM good_faith_estimates WHERE reference = ?3`,
          )
          .bind(at, input.actor, reference, replaces),
        // The request it answers is done: closed, so the queue no longer lists it as due.
        db
          .prepare(
            `INSERT INTO audit_log (at, actor, action, submission_id, detail)
             SELECT ?1, ?2, 'status_changed', id, json_object('from', status, 'to', 'closed', 'estimate', ?4)
             FROM submissions WHERE id = ?3 AND status NOT IN ('closed', 'declined')`,
          )
          .bind(at, input.actor, input.requestId, reference),
        db
          .prepare(
            `UPDATE submissions SET status = 'closed', last_activity_at = ?1
             WHERE id = ?2 AND status NOT IN ('closed', 'declined')`,
          )
          .bind(at, input.requestId),
      ]);
      return { id: inserted!.results[0]!.id, reference };
    } catch (error) {
      if (/UNIQUE constraint failed: good_faith_estimates\.reference/.test(String(error))) continue;
      if (/UNIQUE constraint failed: good_faith_estimates\.replaces_id/.test(String(error)))
        return { refused: "already_replaced" };
      throw error;
    }
  }
  throw new Error("could not allocate a unique estimate number");
}

function toSummary(
  row: EstimateRow,
  doc: GoodFaithEstimateDocument,
  replacedBy: string | null,
): EstimateSummary {
  return {
    id: row.id,
    reference: row.reference,
    requestId: row.request_id,
    issuedAt: row.issued_at,
    issuedBy: row.issued_by,
    totalCents: row.total_cents,
    patientName: `${doc.patient.lastName}, ${doc.patient.firstName}`,
    replaces: doc.replaces,
    replacedBy,
  };
}

/** The newest issued estimates (at most 100), with a `estimates_listed` audit row. */
export async function listEstimates(
  db: D1Database,
  keys: FieldKeys,
  input: { actor: string; now: Date },
): Promise<EstimateSummary[]> {
  const [, listed] = await db.batch<EstimateRow & { replaced_by: string | null }>([
    auditStatement(db, { at: input.now.toISOString(), actor: input.actor, action: "estimates_listed" }),
    db.prepare(
      `SELECT e.*, (SELECT r.reference FROM good_faith_estimates r WHERE r.replaces_id = e.id) AS replaced_by
       FROM good_faith_estimates e ORDER BY issued_at DESC, id DESC LIMIT 100`,
    ),
  ]);
  return Promise.all(
    (listed?.results ?? []).map(async (row) =>
      toSummary(
        row,
        JSON.parse(await unseal(keys, row.document, estimateContext(row.reference))),
        row.replaced_by,
      ),
    ),
  );
}

/** An issued estimate with its summary and its own audit trail (newest first). */
export interface EstimateRecord {
  summary: EstimateSummary;
  document: GoodFaithEstimateDocument;
  audit: AuditEntry[];
}

/**
 * The estimate with this id after writing its audit row (`estimate_viewed`, or `estimate_printed`
 * for the printable copy) in the same batch; null when there is none.
 */
export async function viewEstimate(
  db: D1Database,
  keys: FieldKeys,
  input: { id: number; actor: string; now: Date; action: "estimate_viewed" | "estimate_printed" },
): Promise<EstimateRecord | null> {
  const [, rows, audit] = await db.batch<Record<string, unknown>>([
    db
      .prepare(
        `INSERT INTO audit_log (at, actor, action, submission_id, detail)
         SELECT ?2, ?3, ?4, request_id, json_object('estimateId', id, 'estimate', reference)
         FROM good_faith_estimates WHERE id = ?1`,
      )
      .bind(input.id, input.now.toISOString(), input.actor, input.action),
    db
      .prepare(
        `SELECT e.*, (SELECT r.reference FROM good_faith_estimates r WHERE r.replaces_id = e.id) AS replaced_by
         FROM good_faith_estimates e WHERE id = ?1`,
      )
      .bind(input.id),
    db
      .prepare(
        `SELECT id, at, actor, action, detail FROM audit_log
         WHERE action LIKE 'estimate%' AND json_extract(detail, '$.estimateId') = ?1 ORDER BY at DESC, id DESC`,
      )
      .bind(input.id),
  ]);
  const row = rows?.results[0] as (EstimateRow & { replaced_by: string | null }) | undefined;
  if (!row) return null;
  const document = JSON.parse(
    await unseal(keys, row.document, estimateContext(row.reference)),
  ) as GoodFaithEstimateDocument;
  return {
    summary: toSummary(row, document, row.replaced_by),
    document,
    audit: ((audit?.results ?? []) as unknown as Parameters<typeof toAuditEntry>[0][]).map(toAuditEntry),
  };
}

/** How an estimate reached the patient. */
export const givenMethods = {
  in_person: "Given in person",
  mail: "Sent by mail",
  email: "Sent by email",
} as const;

export type GivenMethod = keyof typeof givenMethods;

/** Records that the estimate was given to the patient (audit row `estimate_given`); false when none. */
export async function recordEstimateGiven(
  db: D1Database,
  input: { id: number; actor: string; now: Date; method: GivenMethod },
): Promise<boolean> {
  const result = await db
    .prepare(
      `INSERT INTO audit_log (at, actor, action, submission_id, detail)
       SELECT ?2, ?3, 'estimate_given', request_id, json_object('estimateId', id, 'estimate', reference, 'method', ?4)
       FROM good_faith_estimates WHERE id = ?1`,
    )
    .bind(input.id, input.now.toISOString(), input.actor, input.method)
    .run();
  return result.meta.changes > 0;
}

/**
 * Deletes every estimate issued more than `retentionYears` before `now` (at most 200 a run),
 * each with an `estimate_deleted` audit row, and one `estimate_retention_purge` row.
 */
export async function purgeExpiredEstimates(
  db: D1Database,
  input: { now: Date; retentionYears: number },
): Promise<{ deleted: number; more: boolean }> {
  const cutoff = addYearsToInstant(input.now, -input.retentionYears);
  const { results } = await db
    .prepare(
      "SELECT id, reference FROM good_faith_estimates WHERE issued_at < ?1 ORDER BY issued_at, id LIMIT 201",
    )
    .bind(cutoff)
    .all<{ id: number; reference: string }>();
  const due = results.slice(0, 200);
  const at = input.now.toISOString();
  const actor = "retention purge";
  if (due.length > 0) {
    await db.batch(
      due.flatMap(({ id, reference }) => [
        auditStatement(db, {
          at,
          actor,
          action: "estimate_deleted",
          detail: estimateDetail(id, reference, { reason: "retention" }),
        }),
        db.prepare("DELETE FROM good_faith_estimates WHERE id = ?1").bind(id),
      ]),
    );
  }
  const more = results.length > 200;
  await auditStatement(db, {
    at,
    actor,
    action: "estimate_retention_purge",
    detail: { deleted: due.length, cutoff, retentionYears: input.retentionYears, more },
  }).run();
  return { deleted: due.length, more };
}
