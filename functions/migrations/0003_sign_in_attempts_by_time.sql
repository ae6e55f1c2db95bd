-- Sign-in attempts are now recorded in `sign_in_failures` before the password is checked (so
-- guesses sent in parallel are all counted), and deleted again when the sign-in succeeds. Rows
-- older than the throttling window are pruned on every attempt, whatever email they name; this
-- index keeps that prune from scanning the table.
CREATE INDEX sign_in_failures_by_at ON sign_in_failures (at);
