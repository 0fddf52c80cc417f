-- Sessions and sign-in rate limits (PostgreSQL).
ALTER TABLE users ADD COLUMN totp_secret text;
ALTER TABLE users ADD COLUMN totp_last_step bigint NOT NULL DEFAULT 0;

CREATE TABLE sessions (
	id text PRIMARY KEY,
	user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	created_at bigint NOT NULL,
	seen_at bigint NOT NULL,
	agent text NOT NULL DEFAULT ''
);
CREATE INDEX sessions_by_user ON sessions (user_id);

CREATE TABLE login_attempts (
	key text PRIMARY KEY,
	failures bigint NOT NULL,
	last_at bigint NOT NULL
);
