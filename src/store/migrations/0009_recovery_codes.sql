-- One-time recovery codes for a lost authenticator: only a hash of each code is kept.
CREATE TABLE recovery_codes (
	user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	code_hash TEXT NOT NULL,
	used_at INTEGER,
	PRIMARY KEY (user_id, code_hash)
) WITHOUT ROWID;
