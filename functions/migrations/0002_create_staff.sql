-- Staff accounts for the staff desk. Accounts are made and disabled with `scripts/staff.mjs`;
-- there is no sign-up. `password_hash` is `pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>`.
CREATE TABLE staff_accounts (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  disabled_at TEXT,
  created_at TEXT NOT NULL
);

-- Signed-in browsers. Only the SHA-256 of the cookie's random token is stored, so a copy of the
-- database cannot be replayed as a session. `expires_at` is the absolute limit (12 hours after
-- sign-in); the idle limit (30 minutes) is measured from `last_seen_at`.
CREATE TABLE staff_sessions (
  token_hash TEXT PRIMARY KEY,
  staff_id INTEGER NOT NULL REFERENCES staff_accounts (id),
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  ip TEXT
);

CREATE INDEX staff_sessions_by_staff ON staff_sessions (staff_id);

-- Failed sign-ins, counted per typed email and per client IP to slow down password guessing.
-- Rows older than the throttling window are deleted as new failures arrive.
CREATE TABLE sign_in_failures (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  email TEXT NOT NULL COLLATE NOCASE,
  ip TEXT NOT NULL
);

CREATE INDEX sign_in_failures_by_email ON sign_in_failures (email, at);
CREATE INDEX sign_in_failures_by_ip ON sign_in_failures (ip, at);

-- Internal notes on a submission. Like audit_log, rows are only ever added: a correction is a
-- new note, so what staff knew and when stays on record.
CREATE TABLE submission_notes (
  id INTEGER PRIMARY KEY,
  submission_id INTEGER NOT NULL REFERENCES submissions (id),
  staff_id INTEGER NOT NULL REFERENCES staff_accounts (id),
  at TEXT NOT NULL,
  text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 2000)
);

CREATE INDEX submission_notes_by_submission ON submission_notes (submission_id, at);

CREATE TRIGGER submission_notes_are_append_only_update BEFORE UPDATE ON submission_notes
BEGIN
  SELECT RAISE(ABORT, 'submission_notes is append-only');
END;

CREATE TRIGGER submission_notes_are_append_only_delete BEFORE DELETE ON submission_notes
BEGIN
  SELECT RAISE(ABORT, 'submission_notes is append-only');
END;

CREATE INDEX audit_log_by_actor ON audit_log (actor, at);
