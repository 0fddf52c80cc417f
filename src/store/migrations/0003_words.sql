-- Word count of the body, kept at save, so lists can show reading time without
-- reading every body.
ALTER TABLE items ADD COLUMN words INTEGER NOT NULL DEFAULT 0;
UPDATE items SET words = length(trim(body)) - length(replace(trim(body), ' ', '')) + (trim(body) <> '');
