/**
 * Signed prescriptions in D1: the row that links an R2 object to its submission (migration
 * 0009), what the staff detail page shows of it, and what the download route reads.
 */
import type { ScanSummary } from "../../src/shared/staff-contract";

/** A scan to link to the submission with `reference`, once the object is in R2. */
export interface StoredScan {
  objectKey: string;
  contentType: string;
  byteSize: number;
  sha256: string;
}

/**
 * Links `scan` to the submission with `reference`, for the batch that stores it: when that
 * submission was not stored (its idempotency key was taken), nothing is linked.
 */
export function scanInsertStatement(
  db: D1Database,
  scan: StoredScan,
  row: { reference: string; at: string },
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO submission_scans (submission_id, object_key, content_type, byte_size, sha256, received_at)
       SELECT id, ?2, ?3, ?4, ?5, ?6 FROM submissions WHERE reference = ?1`,
    )
    .bind(row.reference, scan.objectKey, scan.contentType, scan.byteSize, scan.sha256, row.at);
}

/** The scan sent with a submission, for the download: its object and the submission's reference. */
export async function findScan(
  db: D1Database,
  submissionId: number,
): Promise<{ objectKey: string; contentType: string; byteSize: number; reference: string } | null> {
  return db
    .prepare(
      `SELECT x.object_key AS objectKey, x.content_type AS contentType, x.byte_size AS byteSize, s.reference
       FROM submission_scans x JOIN submissions s ON s.id = x.submission_id WHERE x.submission_id = ?1`,
    )
    .bind(submissionId)
    .first();
}

/** What the detail page says of a submission's scan, or null when none was sent. */
export async function scanSummary(db: D1Database, submissionId: number): Promise<ScanSummary | null> {
  return db
    .prepare(
      `SELECT content_type AS contentType, byte_size AS byteSize FROM submission_scans
       WHERE submission_id = ?1`,
    )
    .bind(submissionId)
    .first<ScanSummary>();
}

/** Which of `objectKeys` a submission still links to. */
export async function linkedObjectKeys(db: D1Database, objectKeys: readonly string[]): Promise<Set<string>> {
  if (objectKeys.length === 0) return new Set();
  const { results } = await db
    .prepare("SELECT object_key FROM submission_scans WHERE object_key IN (SELECT value FROM json_each(?1))")
    .bind(JSON.stringify(objectKeys))
    .all<{ object_key: string }>();
  return new Set(results.map((row) => row.object_key));
}
