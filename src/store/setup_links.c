/*
 * One-time setup links in the store (setup_links.h): by the hash of their
 * token, with the TOTP secret waiting to be confirmed. Functions return 0,
 * ERR_NOT_FOUND, ERR_DB or ERR_NOMEM (the arena); a failed write changes
 * nothing once the caller rolls back.
 */
#include <string.h>

#include "store/setup_links.h"
#include "store/db.h"

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
		store_read_user_head(s, a, &out->user);
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
