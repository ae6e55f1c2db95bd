-- Signed prescriptions sent with the prescription form (issue #14 point 4).
--
-- The file itself is in R2 (binding SCANS) under a random key that says nothing about the patient;
-- this table links it to its submission: at most one scan per submission, with the content type
-- decided from the file's first bytes (src/shared/scan-types.ts lists the same types), its size and
-- its SHA-256 (a retry with the same idempotency key is told from a different file by it). A scan
-- goes with its submission (functions/db/deletion.ts deletes this row in the same batch, then the
-- object). No existing row changes: the table starts empty.
CREATE TABLE submission_scans (
  id INTEGER PRIMARY KEY,
  submission_id INTEGER NOT NULL UNIQUE REFERENCES submissions (id),
  object_key TEXT NOT NULL UNIQUE CHECK (object_key GLOB 'scans/*'),
  content_type TEXT NOT NULL
    CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png', 'image/heic')),
  byte_size INTEGER NOT NULL CHECK (byte_size BETWEEN 1 AND 10485760),
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  received_at TEXT NOT NULL
);
