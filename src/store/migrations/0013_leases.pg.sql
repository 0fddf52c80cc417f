-- Leases (PostgreSQL); see 0013_leases.sql.
CREATE TABLE leases (
	name text PRIMARY KEY,
	holder text NOT NULL,
	expires_at bigint NOT NULL
);
