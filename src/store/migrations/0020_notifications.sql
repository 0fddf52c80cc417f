-- Who must be told that something new waits in their workspace: only the user and
-- when, never the case, the organisation or anything written.
CREATE TABLE notifications (
	id INTEGER PRIMARY KEY,
	user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	created_at INTEGER NOT NULL
);
CREATE INDEX notifications_by_user ON notifications (user_id);
