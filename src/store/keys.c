/*
 * VP key pairs in the store (keys.h). Functions return 0, ERR_NOT_FOUND (no
 * key pair), ERR_INVALID (a stored box of the wrong size) or ERR_DB; a failed
 * write changes nothing once the caller rolls back.
 */
#include <string.h>

#include "store/db.h"
#include "store/keys.h"

int store_key_get(struct store *st, long long user_id, struct user_key *out)
{
	struct stmt *s = stmt_get(st, ST_KEY_GET);
	if (!s || bind_int(s, 1, user_id))
		return ERR_DB;
	int step = stmt_step(s), rc;
	if (step == STEP_ROW) {
		rc = col_blob_copy(s, 0, out->pk, sizeof(out->pk));
		if (!rc)
			rc = col_blob_copy(s, 1, out->sk_password, sizeof(out->sk_password));
		if (!rc)
			rc = col_blob_copy(s, 2, out->sk_recovery, sizeof(out->sk_recovery));
		out->created_at = col_int(s, 3);
	} else {
		rc = step == STEP_DONE ? ERR_NOT_FOUND : ERR_DB;
	}
	stmt_reset(s);
	return rc;
}

int store_key_set(struct store *st, long long user_id, const struct user_key *k)
{
	struct stmt *s = stmt_get(st, ST_KEY_SET);
	return !s || bind_int(s, 1, user_id) || bind_blob(s, 2, k->pk, sizeof(k->pk)) ||
		       bind_blob(s, 3, k->sk_password, sizeof(k->sk_password)) ||
		       bind_blob(s, 4, k->sk_recovery, sizeof(k->sk_recovery)) || bind_int(s, 5, k->created_at)
		   ? ERR_DB
		   : stmt_exec(s);
}

int store_key_rewrap(struct store *st, long long user_id, const unsigned char sk_password[STORE_SKBOX_BYTES])
{
	struct stmt *s = stmt_get(st, ST_KEY_REWRAP);
	return !s || bind_int(s, 1, user_id) || bind_blob(s, 2, sk_password, STORE_SKBOX_BYTES) ? ERR_DB : stmt_exec(s);
}
