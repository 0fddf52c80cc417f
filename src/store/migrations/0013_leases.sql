-- Leases: work that must run on one server of a cluster at a time (scheduled
-- publishing now; reminders and destruction later) is done by whoever holds
-- its lease. A holder renews it each round; when it dies the lease runs out
-- (expires_at, Unix seconds) and another server takes it.
CREATE TABLE leases (
	name TEXT PRIMARY KEY,
	holder TEXT NOT NULL,
	expires_at INTEGER NOT NULL
);
