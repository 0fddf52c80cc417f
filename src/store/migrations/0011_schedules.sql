-- When a scheduled (gepland) item goes live, as Unix seconds. Publishing claims
-- the item with a conditional update, so it happens once however many servers run.
CREATE TABLE schedules (
	item_id INTEGER PRIMARY KEY REFERENCES items (id) ON DELETE CASCADE,
	publish_at INTEGER NOT NULL
);
CREATE INDEX schedules_due ON schedules (publish_at);
