-- Deadline reminders by e-mail (see 0023_deadline_notices.sql).
ALTER TABLE notifications ADD COLUMN kind text NOT NULL DEFAULT 'nieuw' CHECK (kind IN ('nieuw', 'termijn'));
