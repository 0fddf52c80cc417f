-- Annual reports, the organisation's dashboard and national trends (issue 15).
-- Nothing here comes from a case's boxes: the figures are counted from the
-- coarse columns of cases, and what is published is fixed at release.

-- One report per organisation and year. published: the suppressed tables as
-- JSON, written once at release and reused by every output and by next
-- year's comparison, so one suppression pattern holds for all of them.
CREATE TABLE annual_reports (
	org_id INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
	year INTEGER NOT NULL,
	published TEXT,
	released_at INTEGER,
	released_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
	PRIMARY KEY (org_id, year)
);

-- Each VP's "signalen en adviezen" for a report (their words for the employer,
-- not a melder's), ready once they reviewed it.
CREATE TABLE report_texts (
	org_id INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
	year INTEGER NOT NULL,
	user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	body TEXT NOT NULL DEFAULT '',
	ready INTEGER NOT NULL DEFAULT 0,
	updated_at INTEGER NOT NULL,
	PRIMARY KEY (org_id, year, user_id)
) WITHOUT ROWID;

-- What the organisation's contact declares for the compliance overview (JSON of
-- checklist answers), when it last evaluated its procedure, and whether its
-- suppressed figures may join the public national trends.
ALTER TABLE organisations ADD COLUMN compliance TEXT NOT NULL DEFAULT '{}';
ALTER TABLE organisations ADD COLUMN evaluated_on TEXT;
ALTER TABLE organisations ADD COLUMN trends_public INTEGER NOT NULL DEFAULT 0;

-- A VP's training, and other roles that would make a "double hat".
ALTER TABLE vp_profiles ADD COLUMN trained_on TEXT;
ALTER TABLE vp_profiles ADD COLUMN refresher_on TEXT;
ALTER TABLE vp_profiles ADD COLUMN other_roles TEXT NOT NULL DEFAULT '';

-- The self-assessment of the seven actions for employers, once a year (answers as JSON).
CREATE TABLE self_assessments (
	org_id INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
	year INTEGER NOT NULL,
	answers TEXT NOT NULL,
	updated_at INTEGER NOT NULL,
	PRIMARY KEY (org_id, year)
) WITHOUT ROWID;
