/* SQL of destruction and deadline reminders both dialects share (purge.h). Internal to store/. */
#ifndef VERTROUWD_STORE_SQL_PURGE_H
#define VERTROUWD_STORE_SQL_PURGE_H

/*
 * Mark a case destroyed ($1 today, $2 the case, $3 "" or the date by which a
 * closed case's destruction must be due). A case destroyed before it was
 * closed (a melder's request) counts as closed on that day. Nothing stays
 * that opens anything: the melder's lookup and box go, as does the next
 * deadline.
 */
#define CASE_DESTROY                                                                                                   \
	"UPDATE cases SET status = 'gesloten', closed_on = coalesce(closed_on, $1), first_closed_on = "                \
	"coalesce(first_closed_on, $1), melder_lookup = NULL, melder_box = NULL, melder_ops = NULL, melder_mem = "     \
	"NULL, next_due = NULL, next_due_what = NULL, destroyed_on = $1 WHERE id = $2 AND destroyed_on IS NULL AND "   \
	"($3 = '' OR (status = 'gesloten' AND destroy_on <= $3))"

/* A case's next deadline with its stage, as case_reminders records it. */
#define REMINDER_STAGE "coalesce(c.next_due_what, '') || CASE WHEN c.next_due < $1 THEN ' (verlopen)' ELSE '' END"

/*
 * Deadlines to remind VPs of ($1 today, $2 the end of the warning for a
 * destruction date, $3 the end of the warning for other deadlines): only VPs
 * who still serve the organisation, are not disabled and want deadline mail.
 */
#define REMINDERS_DUE                                                                                                  \
	"SELECT c.id, x.user_id, c.next_due, " REMINDER_STAGE " FROM cases c JOIN case_access x ON x.case_id = c.id "  \
	"JOIN users u ON u.id = x.user_id LEFT JOIN vp_profiles p ON p.user_id = x.user_id WHERE c.destroyed_on IS "   \
	"NULL AND c.next_due IS NOT NULL AND c.next_due <= CASE WHEN c.next_due_what = 'vernietigen' THEN $2 ELSE $3 " \
	"END AND u.disabled = 0 AND coalesce(p.deadline_mail, 1) = 1 AND EXISTS (SELECT 1 FROM org_members m WHERE "   \
	"m.org_id = c.org_id AND m.user_id = x.user_id AND m.role = 'vertrouwenspersoon') AND NOT EXISTS (SELECT 1 "   \
	"FROM case_reminders r WHERE r.case_id = c.id AND r.due = c.next_due AND r.what = " REMINDER_STAGE ") "        \
	"ORDER BY c.id, x.user_id"

#define PURGE_STATEMENTS                                                                                               \
	[ST_CASE_DESTROY] = CASE_DESTROY, [ST_CASE_WIPE_FILES] = "DELETE FROM case_files WHERE case_id = $1",          \
	[ST_CASE_WIPE_ACTIONS] = "DELETE FROM case_actions WHERE case_id = $1",                                        \
	[ST_CASE_WIPE_RECORDS] = "DELETE FROM case_records WHERE case_id = $1",                                        \
	[ST_CASE_WIPE_READS] = "DELETE FROM case_reads WHERE case_id = $1",                                            \
	[ST_CASE_WIPE_CONSENTS] = "DELETE FROM case_consents WHERE case_id = $1",                                      \
	[ST_CASE_WIPE_SESSIONS] = "DELETE FROM melder_sessions WHERE case_id = $1",                                    \
	[ST_CASE_WIPE_REMINDERS] = "DELETE FROM case_reminders WHERE case_id = $1",                                    \
	[ST_CASE_WIPE_ACCESS] = "DELETE FROM case_access WHERE case_id = $1",                                          \
	[ST_CASES_TO_DESTROY] =                                                                                        \
	    "SELECT c.id, o.slug, c.month, coalesce(c.first_closed_on, ''), c.destroy_on FROM cases c JOIN "           \
	    "organisations o ON o.id = c.org_id WHERE c.destroyed_on IS NULL AND c.status = 'gesloten' AND "           \
	    "c.destroy_on <= $1 ORDER BY c.destroy_on, c.id",                                                          \
	[ST_REMINDERS_DUE] = REMINDERS_DUE,                                                                            \
	[ST_REMINDER_DONE] =                                                                                           \
	    "INSERT INTO case_reminders (case_id, what, due) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",              \
	[ST_DEADLINE_MAIL] = "SELECT coalesce((SELECT deadline_mail FROM vp_profiles WHERE user_id = $1), 1)",         \
	[ST_DEADLINE_MAIL_SET] = "INSERT INTO vp_profiles (user_id, deadline_mail) VALUES ($1, $2) ON CONFLICT "       \
				 "(user_id) DO UPDATE SET deadline_mail = excluded.deadline_mail"

#endif
