-- Good Faith Estimates (No Surprises Act, 45 CFR 149.610; issue #16).
--
-- 1. A third submission kind, 'good_faith_estimate' (a patient's request for an estimate). SQLite
--    cannot alter a CHECK, so `submissions` is rebuilt with every row and every column carried
--    over (ids kept, so the foreign key from submission_notes and the audit rows still point at
--    the same submissions). No RENAME: the new table is created under its own name, so the
--    foreign key from submission_notes keeps naming it; the notes are set aside and put back,
--    because SQLite counts a note left without its submission as a violation even once the
--    submission is back. Its indexes are re-created below, and the two submission_notes
--    triggers (dropped first, as they read `submissions`) exactly as 0007 made them. The
--    triggers ON submissions (0006: counts by status, the FTS5 search index) go with the old
--    table and are re-created in the marked section, after the rows are back; the generated
--    columns and indexes of 0006 are re-created as it made them. `submission_counts` and
--    `submissions_search` are left as they are. A table with a foreign key to submissions needs
--    its rows set aside as the notes are.
-- 2. `good_faith_estimates`: issued estimates, kept as records. Never edited (a change is a new
--    estimate naming the one it replaces), except re-sealing under a new key; never deleted
--    before six years (45 CFR 149.610(g): the provider keeps a copy for six years).
PRAGMA defer_foreign_keys = on;

DROP TRIGGER submission_notes_are_append_only_update;
DROP TRIGGER submission_notes_are_append_only_delete;

-- Set the rows aside: submissions, and the notes that point at them (so dropping submissions
-- leaves no note without its submission, which D1 would refuse when the migration commits).
CREATE TABLE submissions_0008 AS SELECT * FROM submissions;
CREATE TABLE submission_notes_0008 AS SELECT * FROM submission_notes;
DELETE FROM submission_notes;
DROP TABLE submissions;

CREATE TABLE submissions (
  id INTEGER PRIMARY KEY,
  reference TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('prescription', 'mva_claim', 'good_faith_estimate')),
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
  key_date TEXT,
  deleting INTEGER NOT NULL DEFAULT 0 CHECK (deleting IN (0, 1)),
  last_activity_at TEXT,
  -- The two generated columns of 0006, exactly as it defined them (never copied: computed).
  visits_left INTEGER GENERATED ALWAYS AS (visits_authorized - visits_used) VIRTUAL,
  search_ids TEXT GENERATED ALWAYS AS (
    replace(replace(replace(replace(reference, '-', ''), ' ', ''), '.', ''), '/', '') || ' ' ||
    coalesce(replace(replace(replace(replace(claim_number, '-', ''), ' ', ''), '.', ''), '/', ''), '')
  ) VIRTUAL,
  CHECK ((kind = 'prescription') = (start_date IS NOT NULL AND end_date IS NOT NULL AND visits_authorized IS NOT NULL)),
  CHECK ((kind = 'mva_claim') = (accident_date IS NOT NULL AND claim_number IS NOT NULL)),
  CHECK (kind <> 'good_faith_estimate' OR key_date IS NOT NULL),
  CHECK (visits_used >= 0 AND (visits_authorized IS NULL OR visits_used <= visits_authorized))
);
INSERT INTO submissions (id, reference, kind, status, idempotency_key, payload_hash, received_at,
    patient_first_name, patient_last_name, date_of_birth, start_date, end_date, visits_authorized,
    visits_used, accident_date, claim_number, fields, key_date, deleting, last_activity_at)
  SELECT id, reference, kind, status, idempotency_key, payload_hash, received_at,
    patient_first_name, patient_last_name, date_of_birth, start_date, end_date, visits_authorized,
    visits_used, accident_date, claim_number, fields, key_date, deleting, last_activity_at
  FROM submissions_0008;
INSERT INTO submission_notes (id, submission_id, staff_id, at, text)
  SELECT id, submission_id, staff_id, at, text FROM submission_notes_0008;
DROP TABLE submissions_0008;
DROP TABLE submission_notes_0008;

CREATE INDEX submissions_by_status ON submissions (status, received_at);
CREATE INDEX submissions_by_kind ON submissions (kind, received_at);
CREATE INDEX submissions_by_end_date ON submissions (end_date) WHERE kind = 'prescription';
CREATE INDEX submissions_by_accident_date ON submissions (accident_date) WHERE kind = 'mva_claim';
CREATE INDEX submissions_by_key_date ON submissions (key_date, id);
CREATE INDEX submissions_by_last_activity ON submissions (last_activity_at);
-- The sort and deadline indexes of 0006, exactly as it made them.
CREATE INDEX submissions_by_received ON submissions (received_at, id);
CREATE INDEX submissions_by_name
  ON submissions (patient_last_name COLLATE NOCASE, patient_first_name COLLATE NOCASE, id);
CREATE INDEX submissions_by_status_key_date ON submissions (status, key_date, id);
CREATE INDEX submissions_by_status_name
  ON submissions (status, patient_last_name COLLATE NOCASE, patient_first_name COLLATE NOCASE, id);
CREATE INDEX submissions_by_kind_key_date ON submissions (kind, key_date, id);
CREATE INDEX submissions_by_kind_name
  ON submissions (kind, patient_last_name COLLATE NOCASE, patient_first_name COLLATE NOCASE, id);

-- The deadline filters read open submissions only: their cost follows the clinic's open caseload,
-- not its history. The WHERE clauses repeat `finishedStatuses` (statuses.ts), in its order, as
-- the queue's SQL writes it; test/worker/registry-sql.test.ts ties them together.
CREATE INDEX submissions_open_by_key_date ON submissions (kind, key_date)
  WHERE status NOT IN ('closed', 'declined');
CREATE INDEX submissions_open_by_visits_left ON submissions (kind, visits_left)
  WHERE status NOT IN ('closed', 'declined');

-- Re-created as 0007 made them.
CREATE TRIGGER submission_notes_are_append_only_update BEFORE UPDATE ON submission_notes
WHEN NEW.id IS NOT OLD.id OR NEW.submission_id IS NOT OLD.submission_id OR NEW.staff_id IS NOT OLD.staff_id
  OR NEW.at IS NOT OLD.at OR NEW.text NOT LIKE 'enc:v1:%'
BEGIN
  SELECT RAISE(ABORT, 'submission_notes is append-only');
END;
CREATE TRIGGER submission_notes_are_append_only_delete BEFORE DELETE ON submission_notes
WHEN (SELECT deleting FROM submissions WHERE id = OLD.submission_id) IS NOT 1
BEGIN
  SELECT RAISE(ABORT, 'submission_notes is append-only, except while its submission is deleted');
END;

-- Triggers ON submissions, re-created after the rebuild, exactly as 0006 made them. They went
-- with the old table, so copying the rows back neither counted them twice in `submission_counts`
-- nor indexed them twice in `submissions_search`; both stay valid as they were, since the ids
-- (the FTS rowids) are kept.
CREATE TRIGGER submission_counts_after_insert AFTER INSERT ON submissions
BEGIN
  INSERT INTO submission_counts (kind, status, n) VALUES (new.kind, new.status, 1)
    ON CONFLICT (kind, status) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER submission_counts_after_update AFTER UPDATE OF kind, status ON submissions
  WHEN old.kind IS NOT new.kind OR old.status IS NOT new.status
BEGIN
  UPDATE submission_counts SET n = n - 1 WHERE kind = old.kind AND status = old.status;
  INSERT INTO submission_counts (kind, status, n) VALUES (new.kind, new.status, 1)
    ON CONFLICT (kind, status) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER submission_counts_after_delete AFTER DELETE ON submissions
BEGIN
  UPDATE submission_counts SET n = n - 1 WHERE kind = old.kind AND status = old.status;
END;

CREATE TRIGGER submissions_search_after_insert AFTER INSERT ON submissions
BEGIN
  INSERT INTO submissions_search (rowid, patient_first_name, patient_last_name, reference, claim_number, search_ids)
  VALUES (new.id, new.patient_first_name, new.patient_last_name, new.reference, new.claim_number, new.search_ids);
END;

CREATE TRIGGER submissions_search_after_delete AFTER DELETE ON submissions
BEGIN
  INSERT INTO submissions_search (submissions_search, rowid, patient_first_name, patient_last_name, reference, claim_number, search_ids)
  VALUES ('delete', old.id, old.patient_first_name, old.patient_last_name, old.reference, old.claim_number, old.search_ids);
END;

CREATE TRIGGER submissions_search_after_update
  AFTER UPDATE OF patient_first_name, patient_last_name, reference, claim_number ON submissions
BEGIN
  INSERT INTO submissions_search (submissions_search, rowid, patient_first_name, patient_last_name, reference, claim_number, search_ids)
  VALUES ('delete', old.id, old.patient_first_name, old.patient_last_name, old.reference, old.claim_number, old.search_ids);
  INSERT INTO submissions_search (rowid, patient_first_name, patient_last_name, reference, claim_number, search_ids)
  VALUES (new.id, new.patient_first_name, new.patient_last_name, new.reference, new.claim_number, new.search_ids);
END;

-- Issued estimates. `document` is the whole estimate as sealed JSON (functions/field-crypto.ts):
-- patient name, date of birth, diagnosis codes and care are health information. `request_id`
-- and `replaces_id` are plain numbers, not foreign keys: the request may be deleted (retention,
-- or the patient's wish) while the estimate must be kept, and an estimate may outlive the
-- one it replaced.
CREATE TABLE good_faith_estimates (
  id INTEGER PRIMARY KEY,
  reference TEXT NOT NULL UNIQUE,
  request_id INTEGER,
  replaces_id INTEGER UNIQUE,
  issued_at TEXT NOT NULL,
  issued_by TEXT NOT NULL,
  total_cents INTEGER NOT NULL CHECK (total_cents >= 0),
  care_start TEXT NOT NULL,
  care_end TEXT NOT NULL CHECK (care_end >= care_start),
  document TEXT NOT NULL
);
CREATE INDEX good_faith_estimates_by_request ON good_faith_estimates (request_id);
CREATE INDEX good_faith_estimates_by_issued_at ON good_faith_estimates (issued_at, id);

CREATE TRIGGER good_faith_estimates_replace_an_existing_one BEFORE INSERT ON good_faith_estimates
WHEN NEW.replaces_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM good_faith_estimates WHERE id = NEW.replaces_id)
BEGIN
  SELECT RAISE(ABORT, 'good_faith_estimates: the estimate replaced does not exist');
END;
-- The one change an estimate may get: re-sealing its document under a new key.
CREATE TRIGGER good_faith_estimates_are_never_edited BEFORE UPDATE ON good_faith_estimates
WHEN NEW.id IS NOT OLD.id OR NEW.reference IS NOT OLD.reference OR NEW.request_id IS NOT OLD.request_id
  OR NEW.replaces_id IS NOT OLD.replaces_id OR NEW.issued_at IS NOT OLD.issued_at
  OR NEW.issued_by IS NOT OLD.issued_by OR NEW.total_cents IS NOT OLD.total_cents
  OR NEW.care_start IS NOT OLD.care_start OR NEW.care_end IS NOT OLD.care_end
  OR NEW.document NOT LIKE 'enc:v1:%'
BEGIN
  SELECT RAISE(ABORT, 'good_faith_estimates are never edited: issue a new estimate that replaces it');
END;
CREATE TRIGGER good_faith_estimates_are_kept_six_years BEFORE DELETE ON good_faith_estimates
WHEN OLD.issued_at > strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-6 years')
BEGIN
  SELECT RAISE(ABORT, 'good_faith_estimates are kept for six years after they are issued');
END;
