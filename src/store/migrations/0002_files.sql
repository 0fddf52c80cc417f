-- Files (downloads now, uploaded media later) live in the database, so every server
-- behind a load balancer can serve them and a backup holds everything.
CREATE TABLE files (
	id INTEGER PRIMARY KEY,
	hash TEXT NOT NULL UNIQUE,
	name TEXT NOT NULL,
	content_type TEXT NOT NULL,
	size INTEGER NOT NULL,
	data BLOB NOT NULL,
	created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

ALTER TABLE items ADD COLUMN file_id INTEGER REFERENCES files (id);
ALTER TABLE items ADD COLUMN image TEXT NOT NULL DEFAULT '';
ALTER TABLE items ADD COLUMN image_alt TEXT NOT NULL DEFAULT '';
