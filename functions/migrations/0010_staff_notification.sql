-- When staff were last emailed that a new submission is waiting (functions/notify-staff.ts): one
-- row, claimed by a conditional UPDATE, so two submissions arriving together send one email and
-- at most one goes out per 10 minutes. NULL: never sent (or the last send failed).
CREATE TABLE staff_notification (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  last_sent_at TEXT
);

INSERT INTO staff_notification (id, last_sent_at) VALUES (1, NULL);
