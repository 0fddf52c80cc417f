-- When a gepland item goes live (PostgreSQL).
CREATE TABLE schedules (
	item_id bigint PRIMARY KEY REFERENCES items (id) ON DELETE CASCADE,
	publish_at bigint NOT NULL
);
CREATE INDEX schedules_due ON schedules (publish_at);
