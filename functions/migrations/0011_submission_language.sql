-- The language a submission was sent in ('en' or 'es'; the Spanish forms under /es/forms send
-- 'es'). Staff see it on the detail page and in the CSV export. Every earlier submission was sent
-- in English, the only language there was: the default carries each row over as 'en'.
ALTER TABLE submissions ADD COLUMN language TEXT NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'es'));
