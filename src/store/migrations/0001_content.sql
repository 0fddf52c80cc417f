-- Public content: news, articles, knowledge-base pages, employer guidance, downloads.
CREATE TABLE categories (
	id INTEGER PRIMARY KEY,
	slug TEXT NOT NULL UNIQUE,
	name TEXT NOT NULL
);

CREATE TABLE items (
	id INTEGER PRIMARY KEY,
	type TEXT NOT NULL CHECK (type IN ('nieuws', 'artikel', 'kennisbank', 'organisaties', 'download')),
	slug TEXT NOT NULL,
	title TEXT NOT NULL,
	lead TEXT NOT NULL DEFAULT '',
	body TEXT NOT NULL DEFAULT '',
	author TEXT NOT NULL DEFAULT '',
	published TEXT NOT NULL,
	status TEXT NOT NULL DEFAULT 'gepubliceerd'
		CHECK (status IN ('concept', 'gepland', 'gepubliceerd', 'gearchiveerd')),
	created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
	updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
	UNIQUE (type, slug)
);

CREATE INDEX items_by_type ON items (type, status, published DESC, id DESC);

CREATE TABLE item_categories (
	item_id INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,
	category_id INTEGER NOT NULL REFERENCES categories (id),
	PRIMARY KEY (item_id, category_id)
) WITHOUT ROWID;

CREATE INDEX item_categories_by_category ON item_categories (category_id, item_id);
