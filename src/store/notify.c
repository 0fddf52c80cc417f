/*
 * Notifications in the store (notify.h). Functions return 0, ERR_NOMEM (the
 * arena) or ERR_DB; a failed write changes nothing once the caller rolls back.
 */
#include <string.h>

#include "store/db.h"
#include "store/notify.h"

int store_notify_add(struct store *st, long long user_id, long long now)
{
	struct stmt *s = stmt_get(st, ST_NOTIFY_ADD);
	return !s || bind_int(s, 1, user_id) || bind_int(s, 2, now) ? ERR_DB : stmt_exec(s);
}

int store_notify_deadline(struct store *st, long long user_id, long long now)
{
	struct stmt *s = stmt_get(st, ST_NOTIFY_DEADLINE);
	return !s || bind_int(s, 1, user_id) || bind_int(s, 2, now) ? ERR_DB : stmt_exec(s);
}

static int read_due(struct stmt *s, struct arena *a, void *out)
{
	struct notify_due *d = out;
	d->user_id = col_int(s, 0);
	d->email = col_text(s, 1, a);
	d->deadline = !strcmp(col_str(s, 2), "termijn");
	return d->email ? 0 : ERR_NOMEM;
}

int store_notify_due(struct store *st, struct arena *a, struct notify_due **out, size_t *n)
{
	struct stmt *s = stmt_get(st, ST_NOTIFY_DUE);
	return s ? store_rows(s, a, sizeof(**out), read_due, (void **) out, n) : ERR_DB;
}

int store_notify_done(struct store *st, long long user_id, int deadline)
{
	struct stmt *s = stmt_get(st, ST_NOTIFY_DONE);
	return !s || bind_int(s, 1, user_id) || bind_text(s, 2, deadline ? "termijn" : "nieuw") ? ERR_DB : stmt_exec(s);
}

static int read_id(struct stmt *s, struct arena *a, void *out)
{
	*(long long *) out = col_int(s, 0);
	return 0;
}

int store_case_readers(struct store *st, struct arena *a, long long case_id, long long **out, size_t *n)
{
	struct stmt *s = stmt_get(st, ST_CASE_READERS);
	if (!s || bind_int(s, 1, case_id))
		return ERR_DB;
	return store_rows(s, a, sizeof(**out), read_id, (void **) out, n);
}
