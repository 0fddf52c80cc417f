/*
 * Destroying cases and deadline reminders in the store (purge.h). Functions
 * return 0, ERR_NOT_FOUND, ERR_NOMEM (the arena) or ERR_DB; a failed write
 * changes nothing once the caller rolls back.
 */
#include "store/db.h"
#include "store/purge.h"

int store_case_destroy(struct store *st, long long case_id, const char *today, const char *due)
{
	/* Children before what they point to: files and actions hang on records. */
	static const enum stmt_id wipe[] = {ST_CASE_WIPE_FILES,	    ST_CASE_WIPE_ACTIONS,  ST_CASE_WIPE_RECORDS,
					    ST_CASE_WIPE_READS,	    ST_CASE_WIPE_CONSENTS, ST_CASE_WIPE_SESSIONS,
					    ST_CASE_WIPE_REMINDERS, ST_CASE_WIPE_ACCESS};
	struct stmt *s = stmt_get(st, ST_CASE_DESTROY);
	if (!s || bind_text(s, 1, today) || bind_int(s, 2, case_id) || bind_text(s, 3, due ? due : ""))
		return ERR_DB;
	int rc = stmt_exec(s);
	if (!rc && store_changes(st) != 1)
		rc = ERR_NOT_FOUND; /* unknown, destroyed already, or no longer due */
	for (size_t i = 0; !rc && i < sizeof(wipe) / sizeof(wipe[0]); i++) {
		s = stmt_get(st, wipe[i]);
		rc = !s || bind_int(s, 1, case_id) ? ERR_DB : stmt_exec(s);
	}
	return rc;
}

static int read_due(struct stmt *s, struct arena *a, void *out)
{
	struct case_due *c = out;
	c->id = col_int(s, 0);
	c->org = col_text(s, 1, a);
	c->month = col_text(s, 2, a);
	c->closed_on = col_text(s, 3, a);
	c->destroy_on = col_text(s, 4, a);
	return c->org && c->month && c->closed_on && c->destroy_on ? 0 : ERR_NOMEM;
}

int store_cases_to_destroy(struct store *st, struct arena *a, const char *today, struct case_due **out, size_t *n)
{
	struct stmt *s = stmt_get(st, ST_CASES_TO_DESTROY);
	return !s || bind_text(s, 1, today) ? ERR_DB : store_rows(s, a, sizeof(**out), read_due, (void **) out, n);
}

int store_forget_deleted(struct store *st, int *complete)
{
	struct stmt *s = stmt_get(st, ST_FORGET_DELETED);
	if (!s)
		return ERR_DB;
	int step = stmt_step(s);
	/* SQLite's row: busy (1 when a reader kept the checkpoint from finishing), WAL frames, frames checkpointed. */
	*complete = step == STEP_ROW && col_int(s, 0) == 0;
	stmt_reset(s);
	return step == STEP_ROW || step == STEP_DONE ? 0 : ERR_DB;
}

static int read_reminder(struct stmt *s, struct arena *a, void *out)
{
	struct reminder_due *r = out;
	r->case_id = col_int(s, 0);
	r->user_id = col_int(s, 1);
	r->due = col_text(s, 2, a);
	r->stage = col_text(s, 3, a);
	return r->due && r->stage ? 0 : ERR_NOMEM;
}

int store_reminders_due(struct store *st, struct arena *a, const char *today, const char *soon, const char *warn_end,
			struct reminder_due **out, size_t *n)
{
	struct stmt *s = stmt_get(st, ST_REMINDERS_DUE);
	if (!s || bind_text(s, 1, today) || bind_text(s, 2, warn_end) || bind_text(s, 3, soon))
		return ERR_DB;
	return store_rows(s, a, sizeof(**out), read_reminder, (void **) out, n);
}

int store_reminder_done(struct store *st, long long case_id, const char *stage, const char *due)
{
	struct stmt *s = stmt_get(st, ST_REMINDER_DONE);
	return !s || bind_int(s, 1, case_id) || bind_text(s, 2, stage) || bind_text(s, 3, due) ? ERR_DB : stmt_exec(s);
}

int store_deadline_mail(struct store *st, long long user_id, int *on)
{
	long long v = 1;
	struct stmt *s = stmt_get(st, ST_DEADLINE_MAIL);
	int rc = !s || bind_int(s, 1, user_id) ? ERR_DB : store_one_int(s, &v);
	*on = v != 0;
	return rc;
}

int store_deadline_mail_set(struct store *st, long long user_id, int on)
{
	struct stmt *s = stmt_get(st, ST_DEADLINE_MAIL_SET);
	return !s || bind_int(s, 1, user_id) || bind_int(s, 2, on ? 1 : 0) ? ERR_DB : stmt_exec(s);
}
