-- One-time links to set a password (new accounts, resets). Only a hash of the
-- link's token is kept; a TOTP secret waits here until the user confirms a code.
CREATE TABLE setup_links (
	id TEXT PRIMARY KEY,
	user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	expires_at INTEGER NOT NULL,
	totp_secret TEXT
);
