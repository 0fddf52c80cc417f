/*
 * Recovery codes in the store (recovery.h): only their hashes, each usable
 * once in place of a TOTP code. Functions return 0 or ERR_DB; the caller's
 * transaction is rolled back on error.
 */
#include "store/recovery.h"
#include "store/db.h"

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
