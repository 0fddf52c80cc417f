-- Every save from the editor keeps the whole item (as Markdown with front matter);
-- a changed slug leaves a redirect from the old URL.
CREATE TABLE revisions (
	id INTEGER PRIMARY KEY,
	item_id INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,
	at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
	actor TEXT NOT NULL,
	snapshot TEXT NOT NULL
);
CREATE INDEX revisions_by_item ON revisions (item_id, id);

CREATE TABLE slug_redirects (
	type TEXT NOT NULL,
	old_slug TEXT NOT NULL,
	item_id INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,
	PRIMARY KEY (type, old_slug)
) WITHOUT ROWID;
