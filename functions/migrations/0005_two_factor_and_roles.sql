-- Two-factor sign-in (TOTP, RFC 6238), roles, re-authentication and the sign-in throttle's new
-- rule (per client, and per account-and-client pair).
--
-- Existing accounts carry over. The oldest one (the clinic manager's, made first with
-- `npm run staff:add`) becomes `admin`; every other one is `staff`. None has a TOTP secret yet
-- (`totp_secret` NULL): such an account cannot finish signing in until it is enrolled with
-- `npm run staff:add -- --email <email> --reset-2fa`, which prints its QR code and recovery codes.
-- Sessions made with a password alone are ended: everyone signs in again with two factors.

ALTER TABLE staff_accounts ADD COLUMN role TEXT NOT NULL DEFAULT 'staff' CHECK (role IN ('admin', 'staff'));
-- The TOTP secret, base32 (20 random bytes: SHA-1's block of RFC 4226); NULL until enrolled.
ALTER TABLE staff_accounts ADD COLUMN totp_secret TEXT;
-- The last time step (Unix time / 30 s) whose code was accepted: a code is accepted once.
ALTER TABLE staff_accounts ADD COLUMN totp_last_step INTEGER;
ALTER TABLE staff_accounts ADD COLUMN last_sign_in_at TEXT;

UPDATE staff_accounts SET role = 'admin'
WHERE id = (SELECT id FROM staff_accounts ORDER BY created_at, id LIMIT 1);

-- Ten single-use recovery codes per account, shown once by the CLI. Only their SHA-256 is kept
-- (each code holds 50 random bits, so a fast hash is enough).
CREATE TABLE staff_recovery_codes (
  id INTEGER PRIMARY KEY,
  staff_id INTEGER NOT NULL REFERENCES staff_accounts (id),
  code_hash TEXT NOT NULL UNIQUE,
  used_at TEXT
);

CREATE INDEX staff_recovery_codes_by_staff ON staff_recovery_codes (staff_id);

-- The first step of a sign-in (password right, code not yet given): only the SHA-256 of the
-- short-lived pending cookie's token is kept.
CREATE TABLE staff_pending_sign_ins (
  token_hash TEXT PRIMARY KEY,
  staff_id INTEGER NOT NULL REFERENCES staff_accounts (id),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);

CREATE INDEX staff_pending_sign_ins_by_expiry ON staff_pending_sign_ins (expires_at);

DELETE FROM staff_sessions;
-- When the session's owner last gave their password and a fresh code again (export, deletion).
ALTER TABLE staff_sessions ADD COLUMN reauth_at TEXT;
-- The browser's User-Agent at sign-in (at most 300 characters), to show "which device".
ALTER TABLE staff_sessions ADD COLUMN user_agent TEXT;

-- The throttle counts failures per client and per (email, client) pair.
CREATE INDEX sign_in_failures_by_pair ON sign_in_failures (email, ip, at);
