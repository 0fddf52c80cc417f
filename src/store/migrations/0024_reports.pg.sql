-- Annual reports, the dashboard and national trends (see 0024_reports.sql).

-- One report per organisation and year. published: the suppressed tables as
-- JSON, written once at release and reused by every output and by next
-- year's comparison, so one suppression pattern holds for all of them.
CREATE TABLE annual_reports (
	org_id bigint NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
	year bigint NOT NULL,
	published text,
	released_at bigint,
	released_by bigint REFERENCES users (id) ON DELETE SET NULL,
	PRIMARY KEY (org_id, year)
);

-- Each VP's "signalen en adviezen" for a report (their words for the employer,
-- not a melder's), ready once they reviewed it.
CREATE TABLE report_texts (
	org_id bigint NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
	year bigint NOT NULL,
	user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	body text NOT NULL DEFAULT '',
	ready bigint NOT NULL DEFAULT 0,
	updated_at bigint NOT NULL,
	PRIMARY KEY (org_id, year, user_id)
);

-- What the organisation's contact declares for the compliance overview (JSON of
-- checklist answers), when it last evaluated its procedure, and whether its
-- suppressed figures may join the public national trends.
ALTER TABLE organisations ADD COLUMN compliance text NOT NULL DEFAULT '{}';
ALTER TABLE organisations ADD COLUMN evaluated_on text;
ALTER TABLE organisations ADD COLUMN trends_public bigint NOT NULL DEFAULT 0;

-- A VP's training, and other roles that would make a "double hat".
ALTER TABLE vp_profiles ADD COLUMN trained_on text;
ALTER TABLE vp_profiles ADD COLUMN refresher_on text;
ALTER TABLE vp_profiles ADD COLUMN other_roles text NOT NULL DEFAULT '';

-- The self-assessment of the seven actions for employers, once a year (answers as JSON).
CREATE TABLE self_assessments (
	org_id bigint NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
	year bigint NOT NULL,
	answers text NOT NULL,
	updated_at bigint NOT NULL,
	PRIMARY KEY (org_id, year)
);
