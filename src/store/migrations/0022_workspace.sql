-- The VP's workspace (issue 14). Plain, like the rest of a case row, only what
-- deadlines, schedules and statistics need: dates, the next deadline and what
-- it is for, coarse tags (relation of the person involved, kinds of help,
-- referrals) from fixed lists. Everything anyone wrote stays in case_records.
ALTER TABLE cases ADD COLUMN respond_due TEXT;     -- the organisation's promised first reply (working days)
ALTER TABLE cases ADD COLUMN responded_on TEXT;
ALTER TABLE cases ADD COLUMN aftercare_on TEXT;
ALTER TABLE cases ADD COLUMN first_closed_on TEXT; -- reopening and closing again does not move the schedule
ALTER TABLE cases ADD COLUMN destroy_on TEXT;
ALTER TABLE cases ADD COLUMN destroy_limit TEXT;   -- how far the VP may postpone destruction
ALTER TABLE cases ADD COLUMN destroyed_on TEXT;
ALTER TABLE cases ADD COLUMN next_due TEXT;        -- the earliest open deadline, kept by the domain layer
ALTER TABLE cases ADD COLUMN next_due_what TEXT;
ALTER TABLE cases ADD COLUMN reopened INTEGER NOT NULL DEFAULT 0;
CREATE INDEX cases_by_destroy_on ON cases (destroy_on) WHERE destroyed_on IS NULL;

ALTER TABLE organisations ADD COLUMN respond_days INTEGER NOT NULL DEFAULT 0;     -- 0: no promise
ALTER TABLE organisations ADD COLUMN retention_months INTEGER NOT NULL DEFAULT 0; -- 0: after the annual report

ALTER TABLE vp_profiles ADD COLUMN deadline_mail INTEGER NOT NULL DEFAULT 1;

-- Themes an organisation adds to the common list.
CREATE TABLE org_themes (
	org_id INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
	code TEXT NOT NULL,
	label TEXT NOT NULL,
	PRIMARY KEY (org_id, code)
) WITHOUT ROWID;

CREATE TABLE case_tags (
	case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
	kind TEXT NOT NULL CHECK (kind IN ('betrokkene', 'hulp', 'verwijzing')),
	code TEXT NOT NULL,
	PRIMARY KEY (case_id, kind, code)
) WITHOUT ROWID;

-- An action's dates; what it is lives in its record.
CREATE TABLE case_actions (
	id INTEGER PRIMARY KEY,
	case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
	record_id INTEGER NOT NULL REFERENCES case_records (id) ON DELETE CASCADE,
	due_on TEXT,
	done_on TEXT
);
CREATE INDEX case_actions_by_case ON case_actions (case_id);

-- The record a consent is about (an action, a referral, a report), when there is one.
ALTER TABLE case_consents ADD COLUMN ref INTEGER;

-- Who opened, changed, shared, exported or destroyed which case and when: never contents.
CREATE TABLE case_audit (
	id INTEGER PRIMARY KEY,
	case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
	user_id INTEGER,
	what TEXT NOT NULL,
	at INTEGER NOT NULL
);
CREATE INDEX case_audit_by_case ON case_audit (case_id, id);

-- Deadline reminders already sent by e-mail, so each goes out once.
CREATE TABLE case_reminders (
	case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
	what TEXT NOT NULL,
	due TEXT NOT NULL,
	PRIMARY KEY (case_id, what, due)
) WITHOUT ROWID;
