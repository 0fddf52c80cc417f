-- One-time links to set a password and a second factor (PostgreSQL).
CREATE TABLE setup_links (
	id text PRIMARY KEY,
	user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	expires_at bigint NOT NULL,
	totp_secret text
);
