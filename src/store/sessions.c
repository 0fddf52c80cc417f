/*
 * Sessions in the store (sessions.h): rows by the hash of the cookie's token,
 * with their user. Functions return 0, ERR_NOT_FOUND (no such session),
 * ERR_DB (the store failed) or ERR_NOMEM (the arena failed); a failed write
 * changes nothing.
 */
#include <string.h>

#include "store/sessions.h"
#include "store/db.h"

int store_session_add(struct store *st, const char *id, long long user_id, long long now, const char *agent,
		      const unsigned char *sk, size_t sklen)
{
	struct stmt *s = stmt_get(st, ST_SESSION_ADD);
	return !s || bind_text(s, 1, id) || bind_int(s, 2, user_id) || bind_int(s, 3, now) ||
		       bind_text(s, 4, agent ? agent : "") || (sk ? bind_blob(s, 5, sk, sklen) : bind_null(s, 5))
		   ? ERR_DB
		   : stmt_exec(s);
}

static int read_session(struct stmt *s, struct arena *a, struct session_row *out)
{
	memset(out, 0, sizeof(*out));
	out->id = col_text(s, 0, a);
	out->user_id = col_int(s, 1);
	out->created_at = col_int(s, 2);
	out->seen_at = col_int(s, 3);
	out->agent = col_text(s, 4, a);
	out->user.id = out->user_id;
	out->user.email = col_text(s, 5, a);
	out->user.name = col_text(s, 6, a);
	out->user.disabled = (int) col_int(s, 7);
	out->user.roles = store_parse_roles(col_str(s, 8));
	if (!col_is_null(s, 9)) {
		size_t len;
		const void *p = col_blob(s, 9, &len);
		unsigned char *copy = p && len ? arena_alloc(a, len) : NULL;
		if (!copy)
			return ERR_NOMEM;
		memcpy(copy, p, len);
		out->sk = copy;
		out->sklen = len;
	}
	return out->id && out->agent && out->user.email && out->user.name ? 0 : ERR_NOMEM;
}

int store_session_get(struct store *st, struct arena *a, const char *id, struct session_row *out)
{
	struct stmt *s = stmt_get(st, ST_SESSION_GET);
	if (!s || bind_text(s, 1, id))
		return ERR_DB;
	int step = stmt_step(s);
	int rc = step == STEP_ROW ? read_session(s, a, out) : step == STEP_DONE ? ERR_NOT_FOUND : ERR_DB;
	stmt_reset(s);
	return rc;
}

int store_session_touch(struct store *st, const char *id, long long now)
{
	struct stmt *s = stmt_get(st, ST_SESSION_TOUCH);
	return !s || bind_text(s, 1, id) || bind_int(s, 2, now) ? ERR_DB : stmt_exec(s);
}

int store_session_delete(struct store *st, const char *id)
{
	struct stmt *s = stmt_get(st, ST_SESSION_DELETE);
	return !s || bind_text(s, 1, id) ? ERR_DB : stmt_exec(s);
}

int store_session_delete_user(struct store *st, long long user_id)
{
	struct stmt *s = stmt_get(st, ST_SESSION_DELETE_USER);
	return !s || bind_int(s, 1, user_id) ? ERR_DB : stmt_exec(s);
}

int store_session_list(struct store *st, struct arena *a, long long user_id, struct session_row **out, size_t *n)
{
	struct stmt *s = stmt_get(st, ST_SESSION_LIST);
	*out = NULL;
	*n = 0;
	if (!s || bind_int(s, 1, user_id))
		return ERR_DB;
	size_t cap = 0;
	int rc = 0, step = STEP_DONE;
	while (!rc && (step = stmt_step(s)) == STEP_ROW) {
		struct session_row *grown = arena_grow(a, *out, *n, &cap, sizeof(**out));
		if (!grown) {
			rc = ERR_NOMEM;
			break;
		}
		*out = grown;
		rc = read_session(s, a, &(*out)[(*n)++]);
	}
	if (!rc && step != STEP_DONE)
		rc = ERR_DB;
	stmt_reset(s);
	return rc;
}
