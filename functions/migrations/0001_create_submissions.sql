-- Submissions from the public forms. Columns hold what staff filter and sort on; `fields` holds
-- the whole validated submission as JSON (its shape is the zod schema of its kind).
CREATE TABLE submissions (
  id INTEGER PRIMARY KEY,
  reference TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('prescription', 'mva_claim')),
  status TEXT NOT NULL DEFAULT 'new'
    CHECK (status IN ('new', 'in_review', 'needs_info', 'accepted', 'closed', 'declined')),
  idempotency_key TEXT NOT NULL UNIQUE,
  payload_hash TEXT NOT NULL,
  received_at TEXT NOT NULL,
  patient_first_name TEXT NOT NULL,
  patient_last_name TEXT NOT NULL,
  date_of_birth TEXT NOT NULL,
  start_date TEXT,
  end_date TEXT,
  visits_authorized INTEGER,
  visits_used INTEGER NOT NULL DEFAULT 0,
  accident_date TEXT,
  claim_number TEXT,
  fields TEXT NOT NULL,
  CHECK ((kind = 'prescription') = (start_date IS NOT NULL AND end_date IS NOT NULL AND visits_authorized IS NOT NULL)),
  CHECK ((kind = 'mva_claim') = (accident_date IS NOT NULL AND claim_number IS NOT NULL)),
  CHECK (visits_used >= 0 AND (visits_authorized IS NULL OR visits_used <= visits_authorized))
);

CREATE INDEX submissions_by_status ON submissions (status, received_at);
CREATE INDEX submissions_by_kind ON submissions (kind, received_at);
CREATE INDEX submissions_by_end_date ON submissions (end_date) WHERE kind = 'prescription';
CREATE INDEX submissions_by_accident_date ON submissions (accident_date) WHERE kind = 'mva_claim';

-- Who did what to which submission, and when. Rows are only ever added. `detail` never holds
-- patient information: it names the action's facts (a status, a count), not what was typed.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  submission_id INTEGER REFERENCES submissions (id),
  detail TEXT
);

CREATE INDEX audit_log_by_submission ON audit_log (submission_id, at);

CREATE TRIGGER audit_log_is_append_only_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TRIGGER audit_log_is_append_only_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
