-- The review queue at 100,000 submissions (issue #13): every view reads an index, counts by status
-- come from a table kept in step by triggers, search uses FTS5, and reads of the queue are audited
-- in a way that answers "who has seen this submission" without scanning the audit log. Nothing in
-- `submissions` or `audit_log` is rebuilt: this adds columns, indexes, triggers and tables, and
-- fills them from the rows already there (test/worker/migrations.test.ts checks it).

-- Visits left on a prescription, for the "at most one visit left" deadline filter.
ALTER TABLE submissions ADD COLUMN visits_left INTEGER
  GENERATED ALWAYS AS (visits_authorized - visits_used) VIRTUAL;

-- References and claim numbers without their dashes, spaces, dots and slashes, so a search for
-- "RX7K3Q" or "CLM202600123" finds "RX-7K3Q9PA" and "CLM 2026-00123".
ALTER TABLE submissions ADD COLUMN search_ids TEXT
  GENERATED ALWAYS AS (
    replace(replace(replace(replace(reference, '-', ''), ' ', ''), '.', ''), '/', '') || ' ' ||
    coalesce(replace(replace(replace(replace(claim_number, '-', ''), ' ', ''), '.', ''), '/', ''), '')
  ) VIRTUAL;

-- One index per sort order, alone and after each equality filter (kind, status), so a page is an
-- index range read of 26 rows whatever the filter. `id` ends each key: it breaks ties, and the
-- keyset pages compare the whole key.
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

-- Counts by kind and status, kept in step with `submissions` by the triggers below (in the same
-- statement, so in the same transaction as the change), for the queue's counts and totals.
CREATE TABLE submission_counts (
  kind TEXT NOT NULL,
  status TEXT NOT NULL,
  n INTEGER NOT NULL CHECK (n >= 0),
  PRIMARY KEY (kind, status)
) WITHOUT ROWID;

INSERT INTO submission_counts (kind, status, n)
SELECT kind, status, count(*) FROM submissions GROUP BY kind, status;

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

-- Full-text search over names, reference and claim number: FTS5 with an external content table
-- (the index holds tokens only; the text stays in `submissions`), case- and accent-insensitive
-- (unicode61, remove_diacritics 2), with prefix indexes for short prefixes. Triggers keep it in
-- step. `wrangler d1 export` refuses a database with a virtual table: see README "Backups".
CREATE VIRTUAL TABLE submissions_search USING fts5(
  patient_first_name, patient_last_name, reference, claim_number, search_ids,
  content = 'submissions', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'
);

INSERT INTO submissions_search (submissions_search) VALUES ('rebuild');

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

-- Which submissions a queue view listed: one row per listed submission (at most a page, 25) per
-- `listed` audit row, keyed by submission so "who has seen this submission" is an index read. No
-- foreign keys, so the trail outlives a deleted submission (issue #11). Append-only like the log.
CREATE TABLE audit_subjects (
  submission_id INTEGER NOT NULL,
  audit_id INTEGER NOT NULL,
  PRIMARY KEY (submission_id, audit_id)
) WITHOUT ROWID;

-- Which submissions a CSV export held, in one row per export whatever its size: the ids as a
-- bitmap over [first_id, last_id], one hex digit per four ids (bit k of digit d is id
-- first_id + 4d + k). "Exported by" reads the exports whose range covers an id and tests its bit.
CREATE TABLE audit_exports (
  audit_id INTEGER PRIMARY KEY,
  first_id INTEGER NOT NULL,
  last_id INTEGER NOT NULL,
  rows INTEGER NOT NULL,
  ids TEXT NOT NULL,
  CHECK (first_id <= last_id AND length(ids) = (last_id - first_id) / 4 + 1)
);

CREATE INDEX audit_exports_by_range ON audit_exports (first_id, last_id);

CREATE TRIGGER audit_subjects_are_append_only_update BEFORE UPDATE ON audit_subjects
BEGIN
  SELECT RAISE(ABORT, 'audit_subjects is append-only');
END;

CREATE TRIGGER audit_subjects_are_append_only_delete BEFORE DELETE ON audit_subjects
BEGIN
  SELECT RAISE(ABORT, 'audit_subjects is append-only');
END;

CREATE TRIGGER audit_exports_are_append_only_update BEFORE UPDATE ON audit_exports
BEGIN
  SELECT RAISE(ABORT, 'audit_exports is append-only');
END;

CREATE TRIGGER audit_exports_are_append_only_delete BEFORE DELETE ON audit_exports
BEGIN
  SELECT RAISE(ABORT, 'audit_exports is append-only');
END;
