/* SQL fragments of cases both dialects' statement tables share. Internal to store/. */
#ifndef VERTROUWD_STORE_SQL_CASES_H
#define VERTROUWD_STORE_SQL_CASES_H

/*
 * A case row's columns in the order read_case() reads them (0-24); themes is
 * the dialect's comma-joined list of the case's themes. Lists add the unread
 * count as column 25, the receipt lookup the melder's box.
 */
#define CASE_COLUMNS(themes)                                                                                           \
	"c.id, c.org_id, c.month, c.mode, c.channel, c.status, c.received_on, coalesce(c.ack_due, ''), "               \
	"coalesce(c.acknowledged_on, ''), coalesce(c.feedback_due, ''), coalesce(c.feedback_on, ''), "                 \
	"coalesce(c.closed_on, ''), c.outcome, coalesce(" themes ", ''), coalesce(c.respond_due, ''), "                \
	"coalesce(c.responded_on, ''), coalesce(c.aftercare_on, ''), coalesce(c.first_closed_on, ''), "                \
	"coalesce(c.destroy_on, ''), coalesce(c.destroy_limit, ''), coalesce(c.destroyed_on, ''), "                    \
	"coalesce(c.next_due, ''), coalesce(c.next_due_what, ''), c.reopened, "                                        \
	"CASE WHEN c.melder_lookup IS NULL THEN 0 ELSE 1 END"

/* Everything about a case that changes after it was filed ($16 the case; "" is stored as NULL). */
#define CASE_SAVE                                                                                                      \
	"UPDATE cases SET status = $1, acknowledged_on = nullif($2, ''), feedback_due = nullif($3, ''), "              \
	"feedback_on = nullif($4, ''), closed_on = nullif($5, ''), outcome = $6, respond_due = nullif($7, ''), "       \
	"responded_on = nullif($8, ''), aftercare_on = nullif($9, ''), first_closed_on = nullif($10, ''), "            \
	"destroy_on = nullif($11, ''), destroy_limit = nullif($12, ''), next_due = nullif($13, ''), "                  \
	"next_due_what = nullif($14, ''), reopened = $15 WHERE id = $16 AND destroyed_on IS NULL"

/* Records the melder sees (the rest are the VP's notes, plans and registration). */
#define CASE_SHARED_KINDS "('bericht', 'bijlage', 'gegevens', 'verzoek', 'verslag', 'goedkeuring', 'correctie')"

/* Whether the melder has something of the VP's to read (column 26 of a workspace list). */
#define CASE_WAITING                                                                                                   \
	"CASE WHEN c.melder_lookup IS NOT NULL AND c.status <> 'gesloten' AND EXISTS (SELECT 1 FROM case_records r "   \
	"WHERE r.case_id = c.id AND r.author = 'vp' AND r.kind IN " CASE_SHARED_KINDS " AND r.id > "                   \
	"coalesce((SELECT last_id FROM case_reads d WHERE d.case_id = c.id AND d.reader = 'melder'), 0)) THEN 1 "      \
	"ELSE 0 END"

/*
 * A VP's cases (x is their case_access row; only organisations they still
 * serve), walked in the order of the access index so that a page stops early;
 * p1 the user. Ends inside WHERE: the caller adds its conditions.
 */
#define CASE_FROM(p1)                                                                                                  \
	" FROM case_access x JOIN cases c ON c.id = x.case_id JOIN org_members m ON m.org_id = c.org_id AND "          \
	"m.user_id = x.user_id AND m.role = 'vertrouwenspersoon' WHERE x.user_id = " p1 " AND c.destroyed_on IS NULL "

/*
 * The workspace's filters, in the order ST_CASE_SEARCH and ST_CASE_COUNT
 * number them after the user: org, status, theme, due, today, a week from
 * today.
 */
#define CASE_FILTER(p2, p3, p4, p5, p6, p7)                                                                            \
	"AND (" p2 " = 0 OR c.org_id = " p2 ") AND (" p3 " = '' OR (" p3 " = 'open' AND c.status <> 'gesloten') OR "   \
	"c.status = " p3 ") AND (" p4 " = '' OR EXISTS (SELECT 1 FROM case_themes t WHERE t.case_id = c.id AND "       \
	"t.theme = " p4 ")) AND (" p5 " = '' OR (" p5 " = 'verlopen' AND c.next_due < " p6 ") OR (" p5                 \
	" = 'week' AND c.next_due >= " p6 " AND c.next_due <= " p7 ") OR (" p5 " = 'melder' AND " CASE_WAITING         \
	" = 1))"

/* The overview in one pass: overdue, due within the week, waiting for the melder, open (user, org, today, week end). */
#define CASE_OVERVIEW(p1, p2, p3, p4)                                                                                  \
	"SELECT coalesce(sum(CASE WHEN c.next_due < " p3 " THEN 1 ELSE 0 END), 0), coalesce(sum(CASE WHEN "            \
	"c.next_due >= " p3 " AND c.next_due <= " p4 " THEN 1 ELSE 0 END), 0), coalesce(sum(" CASE_WAITING "), 0), "   \
	"coalesce(sum(CASE WHEN c.status <> 'gesloten' THEN 1 ELSE 0 END), 0)" CASE_FROM(p1) "AND (" p2 " = 0 OR "     \
											     "c.org_id = " p2 ")"

/* The coarse statistics of an organisation's cases received in a year (org, first month, first month after). */
#define CASE_STATS(themes, tags, p1, p2, p3)                                                                           \
	"SELECT c.id, c.month, c.mode, c.channel, c.status, c.outcome, coalesce(c.ack_due, ''), "                      \
	"coalesce(c.acknowledged_on, ''), coalesce(c.feedback_due, ''), coalesce(c.feedback_on, ''), "                 \
	"coalesce(" themes ", ''), coalesce(" tags ", '') FROM cases c WHERE c.org_id = " p1 " AND c.month >= " p2     \
	" AND c.month < " p3 " ORDER BY c.id"

/* Statements the same in both dialects ($N numbered in the order they first appear). */
#define CASE_STATEMENTS                                                                                                \
	[ST_CASE_SAVE] = CASE_SAVE, [ST_CASE_TAGS_CLEAR] = "DELETE FROM case_tags WHERE case_id = $1 AND kind = $2",   \
	[ST_CASE_TAG_ADD] = "INSERT INTO case_tags (case_id, kind, code) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",  \
	[ST_CASE_TAGS] = "SELECT kind, code FROM case_tags WHERE case_id = $1 ORDER BY kind, code",                    \
	[ST_CASE_THEMES_CLEAR] = "DELETE FROM case_themes WHERE case_id = $1",                                         \
	[ST_ACTION_ADD] =                                                                                              \
	    "INSERT INTO case_actions (case_id, record_id, due_on) VALUES ($1, $2, nullif($3, '')) RETURNING id",      \
	[ST_ACTION_DONE] = "UPDATE case_actions SET done_on = nullif($1, '') WHERE case_id = $2 AND id = $3",          \
	[ST_ACTIONS] = "SELECT id, record_id, coalesce(due_on, ''), coalesce(done_on, '') FROM case_actions WHERE "    \
		       "case_id = $1 ORDER BY id",                                                                     \
	[ST_CONSENTS] = "SELECT id, what, how, given, at, coalesce(ref, 0) FROM case_consents WHERE case_id = $1 "     \
			"ORDER BY id",                                                                                 \
	[ST_CASE_AUDIT_ADD] =                                                                                          \
	    "INSERT INTO case_audit (case_id, user_id, what, at) VALUES ($1, nullif($2, 0), $3, $4)",                  \
	[ST_CASE_AUDIT] = "SELECT a.what, a.at, coalesce(u.name, '') FROM case_audit a LEFT JOIN users u ON u.id = "   \
			  "a.user_id WHERE a.case_id = $1 ORDER BY a.id",                                              \
	[ST_ORG_THEMES] = "SELECT code, label FROM org_themes WHERE org_id = $1 ORDER BY label",                       \
	[ST_ORG_THEME_ADD] = "INSERT INTO org_themes (org_id, code, label) VALUES ($1, $2, $3) ON CONFLICT (org_id, "  \
			     "code) DO UPDATE SET label = excluded.label",                                             \
	[ST_CASE_ACCESS_REMOVE] = "DELETE FROM case_access WHERE case_id = $1 AND user_id = $2"

#endif
