-- Single-use recovery codes, hashed (PostgreSQL).
CREATE TABLE recovery_codes (
	user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	code_hash text NOT NULL,
	used_at bigint,
	PRIMARY KEY (user_id, code_hash)
);
