/*
 * The TOTP second factor in the store (totp.h): a user's secret and the last
 * time step used, so a code works once. Functions return 0 or ERR_DB and
 * change nothing on error.
 */
#include "store/totp.h"
#include "store/db.h"

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
