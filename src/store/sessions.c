/* Sessions, sign-in material and rate-limit counters. */
#include <string.h>

#include "store/sessions.h"
#include "store/db.h"

/* Columns 0-4 of a user row: id, email, name, disabled, roles. */
static void read_user_head(struct stmt *s, struct arena *a, struct user *u)
{
	u->id = col_int(s, 0);
	u->email = col_text(s, 1, a);
	u->name = col_text(s, 2, a);
	u->disabled = (int) col_int(s, 3);
	u->roles = store_parse_roles(col_str(s, 4));
}

static int blob(struct stmt *s, int col, unsigned char *out, size_t n)
{
	size_t len;
	const void *p = col_blob(s, col, &len);
	if (len != n || !p)
		return 0;
	memcpy(out, p, n);
	return 1;
}

int store_user_auth(struct store *st, struct arena *a, const char *email, struct user_auth *out)
{
	struct stmt *s = stmt_get(st, ST_USER_AUTH);
	if (!s || bind_text(s, 1, email))
		return ERR_DB;
	int step = stmt_step(s), rc = 0;
	memset(out, 0, sizeof(*out));
	if (step == STEP_ROW) {
		read_user_head(s, a, &out->user);
		out->has_password =
		    blob(s, 5, out->salt, sizeof(out->salt)) && blob(s, 6, out->auth, sizeof(out->auth));
		out->totp_secret = col_is_null(s, 7) ? NULL : col_text(s, 7, a);
		rc = out->user.email && out->user.name ? 0 : ERR_NOMEM;
	} else {
		rc = step == STEP_DONE ? ERR_NOT_FOUND : ERR_DB;
	}
	stmt_reset(s);
	return rc;
}

int store_user_set_totp(struct store *st, long long id, const char *secret)
{
	struct stmt *s = stmt_get(st, ST_USER_TOTP);
	return !s || bind_int(s, 1, id) || bind_text(s, 2, secret) ? ERR_DB : stmt_exec(s);
}

int store_user_use_totp_step(struct store *st, long long id, long long step, int *fresh)
{
	struct stmt *s = stmt_get(st, ST_USER_TOTP_STEP);
	int rc = !s || bind_int(s, 1, id) || bind_int(s, 2, step) ? ERR_DB : stmt_exec(s);
	if (!rc)
		*fresh = store_changes(st) == 1;
	return rc;
}

int store_session_add(struct store *st, const char *id, long long user_id, long long now, const char *agent)
{
	struct stmt *s = stmt_get(st, ST_SESSION_ADD);
	return !s || bind_text(s, 1, id) || bind_int(s, 2, user_id) || bind_int(s, 3, now) ||
		       bind_text(s, 4, agent ? agent : "")
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

int store_setup_add(struct store *st, const char *id, long long user_id, long long expires_at, const char *totp_secret)
{
	int rc = store_setup_delete_user(st, user_id);
	struct stmt *s = rc ? NULL : stmt_get(st, ST_SETUP_ADD);
	if (rc)
		return rc;
	return !s || bind_text(s, 1, id) || bind_int(s, 2, user_id) || bind_int(s, 3, expires_at) ||
		       bind_text(s, 4, totp_secret)
		   ? ERR_DB
		   : stmt_exec(s);
}

int store_setup_get(struct store *st, struct arena *a, const char *id, struct setup_link *out)
{
	struct stmt *s = stmt_get(st, ST_SETUP_GET);
	if (!s || bind_text(s, 1, id))
		return ERR_DB;
	int step = stmt_step(s), rc = 0;
	memset(out, 0, sizeof(*out));
	if (step == STEP_ROW) {
		read_user_head(s, a, &out->user);
		out->expires_at = col_int(s, 5);
		out->totp_secret = col_is_null(s, 6) ? NULL : col_text(s, 6, a);
		rc = out->user.email && out->user.name ? 0 : ERR_NOMEM;
	} else {
		rc = step == STEP_DONE ? ERR_NOT_FOUND : ERR_DB;
	}
	stmt_reset(s);
	return rc;
}

int store_setup_delete_user(struct store *st, long long user_id)
{
	struct stmt *s = stmt_get(st, ST_SETUP_DELETE_USER);
	return !s || bind_int(s, 1, user_id) ? ERR_DB : stmt_exec(s);
}

int store_recovery_set(struct store *st, long long user_id, const char *const *hashes, size_t n)
{
	struct stmt *s = stmt_get(st, ST_RECOVERY_CLEAR);
	int rc = !s || bind_int(s, 1, user_id) ? ERR_DB : stmt_exec(s);
	for (size_t i = 0; !rc && i < n; i++) {
		s = stmt_get(st, ST_RECOVERY_ADD);
		rc = !s || bind_int(s, 1, user_id) || bind_text(s, 2, hashes[i]) ? ERR_DB : stmt_exec(s);
	}
	return rc;
}

int store_recovery_use(struct store *st, long long user_id, const char *hash, long long now, int *ok)
{
	struct stmt *s = stmt_get(st, ST_RECOVERY_USE);
	int rc = !s || bind_int(s, 1, user_id) || bind_text(s, 2, hash) || bind_int(s, 3, now) ? ERR_DB : stmt_exec(s);
	if (!rc)
		*ok = store_changes(st) == 1;
	return rc;
}

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
