-- Uploaded media. A file's bytes stay in files.data (stored = 'db') or live in a
-- content-addressed media directory (stored = 'dir', data empty); the hash is
-- the SHA-256 of the bytes for new files.
ALTER TABLE files ADD COLUMN stored TEXT NOT NULL DEFAULT 'db';
ALTER TABLE files ADD COLUMN alt TEXT NOT NULL DEFAULT '';
ALTER TABLE files ADD COLUMN width INTEGER NOT NULL DEFAULT 0;
ALTER TABLE files ADD COLUMN height INTEGER NOT NULL DEFAULT 0;
ALTER TABLE files ADD COLUMN uploaded_by TEXT NOT NULL DEFAULT '';
