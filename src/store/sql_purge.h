/* SQL of destruction both dialects share (purge.h). Internal to store/. */
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
	    "c.destroy_on <= $1 ORDER BY c.destroy_on, c.id"

#endif
