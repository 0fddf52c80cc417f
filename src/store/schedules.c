/*
 * Scheduled publishing in the store (schedules.h): when a gepland item goes
 * live, claiming a due item exactly once, and named leases between servers.
 * A failed statement is ERR_DB (ERR_NOT_FOUND: nothing is due); a claim runs
 * in the caller's transaction, so a rollback also restores its schedule.
 */
#include "store/schedules.h"
#include "store/db.h"

int store_schedule_set(struct store *st, long long item_id, long long at)
{
	struct stmt *s = stmt_get(st, at > 0 ? ST_SCHEDULE_SET : ST_SCHEDULE_CLEAR);
	if (!s || bind_int(s, 1, item_id) || (at > 0 && bind_int(s, 2, at)))
		return ERR_DB;
	return stmt_exec(s);
}

int store_schedule_get(struct store *st, long long item_id, long long *at)
{
	struct stmt *s = stmt_get(st, ST_SCHEDULE_GET);
	if (!s || bind_int(s, 1, item_id))
		return ERR_DB;
	int step = stmt_step(s);
	*at = step == STEP_ROW ? col_int(s, 0) : 0;
	stmt_reset(s);
	return step == STEP_ROW || step == STEP_DONE ? 0 : ERR_DB;
}

int store_lease_take(struct store *st, const char *name, const char *holder, long long now, int ttl, int *held)
{
	struct stmt *s = stmt_get(st, ST_LEASE_TAKE);
	if (!s || bind_text(s, 1, name) || bind_text(s, 2, holder) || bind_int(s, 3, now) || bind_int(s, 4, ttl))
		return ERR_DB;
	int step = stmt_step(s);
	*held = step == STEP_ROW;
	stmt_reset(s);
	return step == STEP_ROW || step == STEP_DONE ? 0 : ERR_DB;
}

int store_schedule_claim(struct store *st, struct arena *a, long long now, const char *today,
			 struct schedule_claim *out)
{
	struct stmt *s = stmt_get(st, ST_SCHEDULE_CLAIM);
	if (!s || bind_int(s, 1, now) || bind_text(s, 2, today))
		return ERR_DB;
	int step = stmt_step(s), rc = 0;
	if (step == STEP_ROW) {
		out->id = col_int(s, 0);
		out->type = col_text(s, 1, a);
		out->slug = col_text(s, 2, a);
		rc = out->type && out->slug ? 0 : ERR_NOMEM;
	} else {
		rc = step == STEP_DONE ? ERR_NOT_FOUND : ERR_DB;
	}
	stmt_reset(s);
	return rc ? rc : store_schedule_set(st, out->id, 0);
}
