-- Privacy promises kept (issue #11).
--
-- 1. The audit trail survives a submission's deletion: audit_log is rebuilt without its foreign
--    key to submissions (D1 enforces foreign keys, so `DELETE FROM submissions` failed for every
--    row that had an audit row, that is, every row). `submission_id` stays, as a plain number;
--    audit rows never hold patient information. Rows only ever get added, as before.
-- 2. Internal notes hold ciphertext (AES-256-GCM, see functions/field-crypto.ts), which is longer
--    than the 2,000-character note; the length rule moves to the API. Notes stay append-only,
--    except while their submission is being deleted (`submissions.deleting = 1`) and for
--    re-sealing under a new key. Values stored before this migration stay readable as they are
--    until `npm run keys -- reencrypt` seals them.
-- 3. `last_activity_at`: when the submission last changed (sent, status, note, visit), for the
--    retention period; filled for existing rows from their audit trail.
-- 4. `health_probe`: the one row `/api/health` writes to prove D1 accepts writes.
PRAGMA defer_foreign_keys = on;

CREATE TABLE audit_log_new (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  submission_id INTEGER,
  detail TEXT
);
INSERT INTO audit_log_new (id, at, actor, action, submission_id, detail)
  SELECT id, at, actor, action, submission_id, detail FROM audit_log;
DROP TRIGGER audit_log_is_append_only_update;
DROP TRIGGER audit_log_is_append_only_delete;
DROP TABLE audit_log;
ALTER TABLE audit_log_new RENAME TO audit_log;
CREATE INDEX audit_log_by_submission ON audit_log (submission_id, at);
CREATE INDEX audit_log_by_actor ON audit_log (actor, at);
CREATE TRIGGER audit_log_is_append_only_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_is_append_only_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;

ALTER TABLE submissions ADD COLUMN deleting INTEGER NOT NULL DEFAULT 0 CHECK (deleting IN (0, 1));
ALTER TABLE submissions ADD COLUMN last_activity_at TEXT;
UPDATE submissions SET last_activity_at = max(
  received_at,
  coalesce((SELECT max(at) FROM audit_log WHERE submission_id = submissions.id
    AND action IN ('submitted', 'status_changed', 'noted', 'visit_recorded')), received_at));
CREATE INDEX submissions_by_last_activity ON submissions (last_activity_at);

CREATE TABLE submission_notes_new (
  id INTEGER PRIMARY KEY,
  submission_id INTEGER NOT NULL REFERENCES submissions (id),
  staff_id INTEGER NOT NULL REFERENCES staff_accounts (id),
  at TEXT NOT NULL,
  text TEXT NOT NULL CHECK (length(text) >= 1)
);
INSERT INTO submission_notes_new (id, submission_id, staff_id, at, text)
  SELECT id, submission_id, staff_id, at, text FROM submission_notes;
DROP TRIGGER submission_notes_are_append_only_update;
DROP TRIGGER submission_notes_are_append_only_delete;
DROP TABLE submission_notes;
ALTER TABLE submission_notes_new RENAME TO submission_notes;
CREATE INDEX submission_notes_by_submission ON submission_notes (submission_id, at);
-- The one change a note may get: re-sealing its text under a new key (`npm run keys -- reencrypt`).
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

CREATE TABLE health_probe (id INTEGER PRIMARY KEY CHECK (id = 1), at TEXT NOT NULL);
