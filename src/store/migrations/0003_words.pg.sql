-- Word count of the body, kept at save (PostgreSQL).
ALTER TABLE items ADD COLUMN words bigint NOT NULL DEFAULT 0;
UPDATE items SET words = length(trim(body)) - length(replace(trim(body), ' ', '')) + (trim(body) <> '')::int;
