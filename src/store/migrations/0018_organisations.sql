-- Organisations (tenants), who serves them, and the keys of vertrouwenspersonen
-- (shared/docs/confidentiality.md). A VP's secret key is stored only wrapped:
-- under a key derived from their password, and again under their recovery key.
-- The Argon2id parameters are kept beside every salt so they can be raised later.
CREATE TABLE organisations (
	id INTEGER PRIMARY KEY,
	slug TEXT NOT NULL UNIQUE,
	name TEXT NOT NULL,
	workers INTEGER NOT NULL DEFAULT 0,
	sector TEXT NOT NULL DEFAULT '',
	logo TEXT NOT NULL DEFAULT '',
	procedure TEXT NOT NULL DEFAULT '',
	listed INTEGER NOT NULL DEFAULT 1,
	receipt_salt BLOB NOT NULL,
	created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

-- A VP or an organisation's contact serving an organisation.
CREATE TABLE org_members (
	org_id INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
	user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	role TEXT NOT NULL CHECK (role IN ('vertrouwenspersoon', 'organisatie')),
	PRIMARY KEY (org_id, user_id, role)
) WITHOUT ROWID;
CREATE INDEX org_members_by_user ON org_members (user_id);

-- What a melder sees of a VP when choosing one.
CREATE TABLE vp_profiles (
	user_id INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
	kind TEXT NOT NULL DEFAULT 'intern' CHECK (kind IN ('intern', 'extern')),
	focus TEXT NOT NULL DEFAULT 'beide' CHECK (focus IN ('omgangsvormen', 'integriteit', 'beide')),
	languages TEXT NOT NULL DEFAULT 'Nederlands',
	phone TEXT NOT NULL DEFAULT '',
	reach TEXT NOT NULL DEFAULT '',
	photo TEXT NOT NULL DEFAULT '',
	intro TEXT NOT NULL DEFAULT ''
);

CREATE TABLE user_keys (
	user_id INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
	pk BLOB NOT NULL,
	sk_password BLOB NOT NULL,
	sk_recovery BLOB NOT NULL,
	created_at INTEGER NOT NULL
);

ALTER TABLE users ADD COLUMN pw_ops INTEGER NOT NULL DEFAULT 2;
ALTER TABLE users ADD COLUMN pw_mem INTEGER NOT NULL DEFAULT 67108864;
ALTER TABLE sessions ADD COLUMN sk BLOB;
