/* The annual reports' statements, the same in both dialects ($N numbered in the order they first appear). */
#ifndef VERTROUWD_STORE_SQL_REPORTS_H
#define VERTROUWD_STORE_SQL_REPORTS_H

#define REPORT_STATEMENTS                                                                                              \
	[ST_CASE_HISTORY_ADD] =                                                                                        \
	    "INSERT INTO cases (org_id, month, mode, channel, status, received_on, ack_due, acknowledged_on, "         \
	    "feedback_due, feedback_on, closed_on, first_closed_on, outcome, destroyed_on) VALUES ($1, $2, $3, $4, "   \
	    "'gesloten', $5, nullif($6, ''), nullif($7, ''), nullif($8, ''), nullif($9, ''), $10, $10, $11, $10) "     \
	    "RETURNING id",                                                                                            \
	[ST_REPORT_TEXT_SET] =                                                                                         \
	    "INSERT INTO report_texts (org_id, year, user_id, body, ready, updated_at) VALUES ($1, "                   \
	    "$2, $3, $4, $5, $6) ON CONFLICT (org_id, year, user_id) DO UPDATE SET body = "                            \
	    "excluded.body, ready = excluded.ready, updated_at = excluded.updated_at",                                 \
	[ST_REPORT_TEXTS] =                                                                                            \
	    "SELECT t.user_id, u.name, t.body, t.ready, t.updated_at FROM report_texts t JOIN users u "                \
	    "ON u.id = t.user_id JOIN org_members m ON m.org_id = t.org_id AND m.user_id = t.user_id AND m.role = "    \
	    "'vertrouwenspersoon' WHERE t.org_id = $1 AND t.year = $2 AND t.body <> '' ORDER BY u.name, t.user_id",    \
	[ST_REPORT_GET] = "SELECT org_id, year, coalesce(published, ''), coalesce(released_at, 0), "                   \
			  "coalesce(released_by, 0) FROM annual_reports WHERE org_id = $1 AND year = $2",              \
	[ST_REPORT_RELEASE] = "INSERT INTO annual_reports (org_id, year, published, released_at, released_by) VALUES " \
			      "($1, $2, $3, $4, nullif($5, 0)) ON CONFLICT (org_id, year) DO UPDATE SET published = "  \
			      "excluded.published, released_at = excluded.released_at, released_by = "                 \
			      "excluded.released_by WHERE annual_reports.published IS NULL",                           \
	[ST_REPORTS_RELEASED] =                                                                                        \
	    "SELECT r.org_id, r.year, r.published, r.released_at, coalesce(r.released_by, 0) "                         \
	    "FROM annual_reports r JOIN organisations o ON o.id = r.org_id WHERE r.published IS "                      \
	    "NOT NULL AND (r.org_id = $1 OR ($1 = 0 AND o.trends_public = 1) OR $1 = -1) ORDER BY "                    \
	    "r.org_id, r.year",                                                                                        \
	[ST_ORG_COMPLIANCE_SET] = "UPDATE organisations SET compliance = $1, evaluated_on = nullif($2, ''), "          \
				  "trends_public = $3 WHERE id = $4",                                                  \
	[ST_ORG_COMPLIANCE] = "SELECT compliance, coalesce(evaluated_on, ''), trends_public FROM organisations WHERE " \
			      "id = $1",                                                                               \
	[ST_SELF_SET] = "INSERT INTO self_assessments (org_id, year, answers, updated_at) VALUES ($1, $2, $3, $4) ON " \
			"CONFLICT (org_id, year) DO UPDATE SET answers = excluded.answers, updated_at = "              \
			"excluded.updated_at",                                                                         \
	[ST_SELF_LIST] = "SELECT year, answers FROM self_assessments WHERE org_id = $1 ORDER BY year"

#endif
