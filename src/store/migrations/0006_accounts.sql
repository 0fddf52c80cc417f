-- Accounts for editors, advisors, employers' contacts and administrators.
-- Passwords are never stored: only a salt and auth = BLAKE2b(Argon2id(password), "auth").
CREATE TABLE users (
	id INTEGER PRIMARY KEY,
	email TEXT NOT NULL UNIQUE COLLATE NOCASE,
	name TEXT NOT NULL,
	salt BLOB,
	auth BLOB,
	disabled INTEGER NOT NULL DEFAULT 0,
	created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
	password_changed_at TEXT
);

CREATE TABLE user_roles (
	user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	role TEXT NOT NULL CHECK (role IN ('beheerder', 'redacteur', 'vertrouwenspersoon', 'organisatie')),
	PRIMARY KEY (user_id, role)
) WITHOUT ROWID;

-- Who did what, when, to which object: never passwords, tokens or case contents.
CREATE TABLE audit_log (
	id INTEGER PRIMARY KEY,
	at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
	actor TEXT NOT NULL,
	action TEXT NOT NULL,
	object TEXT NOT NULL DEFAULT '',
	detail TEXT NOT NULL DEFAULT ''
);
