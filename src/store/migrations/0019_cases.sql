-- Cases (shared/docs/confidentiality.md, "A case"). Everything a melder or a VP
-- writes is a record boxed under the case's own key; the key is sealed to each
-- VP with access and, for an online melder, boxed under a key their receipt code
-- derives. In plain text only what statistics and deadlines need, kept coarse:
-- organisation, month, sparren or melden, channel, themes, status, dates.
CREATE TABLE cases (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES organisations (id),
	month TEXT NOT NULL,
	mode TEXT NOT NULL CHECK (mode IN ('sparren', 'melden')),
	channel TEXT NOT NULL CHECK (channel IN ('online', 'persoonlijk', 'telefoon', 'email', 'brief')),
	status TEXT NOT NULL DEFAULT 'nieuw' CHECK (status IN ('nieuw', 'lopend', 'gesloten')),
	received_on TEXT NOT NULL,
	ack_due TEXT,
	acknowledged_on TEXT,
	feedback_due TEXT,
	feedback_on TEXT,
	closed_on TEXT,
	outcome TEXT NOT NULL DEFAULT '',
	melder_lookup BLOB UNIQUE,
	melder_box BLOB,
	melder_ops INTEGER,
	melder_mem INTEGER
);
CREATE INDEX cases_by_org ON cases (org_id, id);

CREATE TABLE case_themes (
	case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
	theme TEXT NOT NULL,
	PRIMARY KEY (case_id, theme)
) WITHOUT ROWID;

CREATE TABLE case_access (
	case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
	user_id INTEGER NOT NULL REFERENCES users (id),
	sealed BLOB NOT NULL,
	PRIMARY KEY (case_id, user_id)
) WITHOUT ROWID;
CREATE INDEX case_access_by_user ON case_access (user_id);

CREATE TABLE case_records (
	id INTEGER PRIMARY KEY,
	case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
	kind TEXT NOT NULL,
	author TEXT NOT NULL CHECK (author IN ('melder', 'vp')),
	body BLOB NOT NULL
);
CREATE INDEX case_records_by_case ON case_records (case_id, id);

-- The newest record each side has seen, for "new message" counts.
CREATE TABLE case_reads (
	case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
	reader TEXT NOT NULL,
	last_id INTEGER NOT NULL,
	PRIMARY KEY (case_id, reader)
) WITHOUT ROWID;

-- Consent: what for (a coarse code), how, given or withdrawn, and when.
CREATE TABLE case_consents (
	id INTEGER PRIMARY KEY,
	case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
	what TEXT NOT NULL,
	how TEXT NOT NULL,
	given INTEGER NOT NULL,
	at TEXT NOT NULL
);

-- A melder's mailbox session: the case key boxed under a key only the cookie's token gives.
CREATE TABLE melder_sessions (
	id TEXT PRIMARY KEY,
	case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
	ck BLOB NOT NULL,
	created_at INTEGER NOT NULL,
	seen_at INTEGER NOT NULL
);
