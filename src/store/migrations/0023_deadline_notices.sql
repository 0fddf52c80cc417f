-- Deadline reminders by e-mail (issue 14): a notice now says which of two fixed,
-- content-free texts to send: 'nieuw' (something new waits) or 'termijn' (a
-- deadline in the workspace is near or has passed). Still no case, organisation
-- or date: case_reminders keeps which deadline a reminder was for, so each goes
-- out once.
ALTER TABLE notifications ADD COLUMN kind TEXT NOT NULL DEFAULT 'nieuw' CHECK (kind IN ('nieuw', 'termijn'));
