/**
 * Signed prescriptions sent with the prescription form: checking the posted file (its type from
 * its first bytes, its size), storing it in R2 under a random key (nothing about the patient in
 * it) with the submission's row in one D1 batch, and never leaving an object no submission links
 * to: a retry with the same idempotency key uploads nothing, a failed or lost save deletes the
 * object at once, and the daily job deletes any an interrupted request left behind.
 */
import type { FieldIssue } from "../src/shared/schemas/common";
import { scanField, scanProblem, scanSniffBytes, sniffScanType } from "../src/shared/scan-types";
import type { FormMessages } from "../src/shared/i18n/forms-en";
import type { NewSubmission } from "../src/shared/submissions/registry";
import { sha256Hex } from "../src/shared/sha256";
import { linkedObjectKeys, scanInsertStatement } from "./db/scans";
import { saveSubmission, type SaveResult } from "./db/submissions";
import type { FieldKeys } from "./field-crypto";

/** A posted file that passed the checks, read into memory (at most 10 MB). */
export interface CheckedScan {
  bytes: Uint8Array<ArrayBuffer>;
  contentType: string;
}

/** What the multipart parser gave for the file field: files, or text where a file belongs. */
type ScanPart = File | string;

/**
 * The posted scan, or the field's problem, or nothing when no file was chosen (a browser sends
 * an empty part without a name for an empty file input).
 */
export async function readScan(
  parts: readonly ScanPart[],
  m: FormMessages["scan"],
): Promise<{ scan?: CheckedScan; issue?: FieldIssue }> {
  const files = parts.filter(
    (part): part is File => typeof part !== "string" && !(part.size === 0 && !part.name),
  );
  if (files.length === 0) return {};
  const issue = (message: string) => ({ issue: { path: scanField, message } });
  if (files.length > 1) return issue(m.several);
  const [file] = files as [File];
  const head = new Uint8Array(await file.slice(0, scanSniffBytes).arrayBuffer());
  const problem = scanProblem(file.size, head, m);
  if (problem) return issue(problem);
  const bytes = new Uint8Array(await file.arrayBuffer());
  return { scan: { bytes, contentType: sniffScanType(head)!.contentType } };
}

/**
 * Stores a submission with its scan exactly once per idempotency key: the object first (under
 * `scans/<random>`), then the submission and the row linking them in one batch. When the key
 * already stored a submission, nothing is uploaded; when the batch fails or another request
 * with the key won, the object is deleted again.
 */
export async function saveSubmissionWithScan(
  env: { DB: D1Database; SCANS: R2Bucket },
  keys: FieldKeys,
  submission: NewSubmission,
  idempotencyKey: string,
  scan: CheckedScan,
): Promise<SaveResult> {
  const fingerprint = await sha256Hex(scan.bytes);
  const taken = await env.DB.prepare("SELECT 1 FROM submissions WHERE idempotency_key = ?1")
    .bind(idempotencyKey)
    .first();
  // A retry: the first request stored the form and its file; this one only learns its reference.
  if (taken)
    return saveSubmission(env.DB, keys, submission, idempotencyKey, undefined, {
      fingerprint,
      statements: () => [],
    });

  const stored = {
    objectKey: `scans/${crypto.randomUUID()}`,
    contentType: scan.contentType,
    byteSize: scan.bytes.byteLength,
    sha256: fingerprint,
  };
  await env.SCANS.put(stored.objectKey, scan.bytes, {
    httpMetadata: { contentType: scan.contentType },
    sha256: fingerprint,
  });
  let result: SaveResult;
  try {
    result = await saveSubmission(env.DB, keys, submission, idempotencyKey, undefined, {
      fingerprint,
      statements: (row) => [scanInsertStatement(env.DB, stored, row)],
    });
  } catch (error) {
    await env.SCANS.delete(stored.objectKey).catch(() => undefined);
    throw error;
  }
  if (result.outcome !== "created") await env.SCANS.delete(stored.objectKey);
  return result;
}

/** An object this old with no row linking it was left by an interrupted request. */
const orphanAgeMs = 60 * 60_000;

/**
 * Deletes every scan object older than an hour that no submission links to (a request that
 * stopped between the upload and the save); returns how many. Part of the daily job.
 */
export async function sweepOrphanScans(env: { DB: D1Database; SCANS: R2Bucket }, now: Date): Promise<number> {
  let deleted = 0;
  let cursor: string | undefined;
  for (let page = 0; page < 10; page++) {
    const listed = await env.SCANS.list({ prefix: "scans/", limit: 500, ...(cursor ? { cursor } : {}) });
    const old = listed.objects
      .filter((object) => object.uploaded.getTime() < now.getTime() - orphanAgeMs)
      .map((object) => object.key);
    const linked = await linkedObjectKeys(env.DB, old);
    const orphans = old.filter((key) => !linked.has(key));
    if (orphans.length > 0) await env.SCANS.delete(orphans);
    deleted += orphans.length;
    if (!listed.truncated) break;
    cursor = listed.cursor;
  }
  return deleted;
}
