-- Uploaded media (PostgreSQL); see 0012_media.sql.
ALTER TABLE files ADD COLUMN stored text NOT NULL DEFAULT 'db';
ALTER TABLE files ADD COLUMN alt text NOT NULL DEFAULT '';
ALTER TABLE files ADD COLUMN width integer NOT NULL DEFAULT 0;
ALTER TABLE files ADD COLUMN height integer NOT NULL DEFAULT 0;
ALTER TABLE files ADD COLUMN uploaded_by text NOT NULL DEFAULT '';
