-- The queue's key date is stored with each submission, computed by the kind's registry entry
-- (src/shared/submissions/registry.ts): a prescription's end date, a claim's PIP window end
-- (accident date + 2 years). The queue then sorts and filters on an indexed column instead of
-- re-computing the PIP window in SQL on every request. Existing rows are filled here by the same
-- rule written in SQL once (February 29 becomes February 28); test/worker/migrations.test.ts
-- checks it against the registry on a database made by the earlier migrations.
ALTER TABLE submissions ADD COLUMN key_date TEXT;

UPDATE submissions SET key_date = CASE kind
  WHEN 'prescription' THEN end_date
  WHEN 'mva_claim' THEN CASE
    WHEN substr(accident_date, 6) = '02-29' THEN printf('%04d-02-28', substr(accident_date, 1, 4) + 2)
    ELSE printf('%04d', substr(accident_date, 1, 4) + 2) || substr(accident_date, 5) END
  END;

CREATE INDEX submissions_by_key_date ON submissions (key_date, id);
