/*
 * Sign-in attempts per key in the store (attempts.h). Functions return 0 or
 * ERR_DB; a failed write changes nothing.
 */
#include "store/attempts.h"
#include "store/db.h"

int store_attempts(struct store *st, const char *key, long long *failures, long long *last_at)
{
	struct stmt *s = stmt_get(st, ST_ATTEMPTS);
	if (!s || bind_text(s, 1, key))
		return ERR_DB;
	int step = stmt_step(s);
	*failures = step == STEP_ROW ? col_int(s, 0) : 0;
	*last_at = step == STEP_ROW ? col_int(s, 1) : 0;
	stmt_reset(s);
	return step == STEP_ROW || step == STEP_DONE ? 0 : ERR_DB;
}

int store_attempt_fail(struct store *st, const char *key, long long now)
{
	struct stmt *s = stmt_get(st, ST_ATTEMPT_FAIL);
	return !s || bind_text(s, 1, key) || bind_int(s, 2, now) ? ERR_DB : stmt_exec(s);
}

int store_attempt_clear(struct store *st, const char *key)
{
	struct stmt *s = stmt_get(st, ST_ATTEMPT_CLEAR);
	return !s || bind_text(s, 1, key) ? ERR_DB : stmt_exec(s);
}

int store_attempt_refund(struct store *st, const char *key)
{
	struct stmt *s = stmt_get(st, ST_ATTEMPT_REFUND);
	return !s || bind_text(s, 1, key) ? ERR_DB : stmt_exec(s);
}
