/*
 * Password material of a user (auth.h): the salt and auth key Argon2id gives,
 * read by e-mail for a sign-in. Returns ERR_NOT_FOUND for an unknown address,
 * ERR_DB when the store fails, ERR_NOMEM when the arena does; *out is then
 * zeroed.
 */
#include <string.h>

#include "store/auth.h"
#include "store/db.h"

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
		store_read_user_head(s, a, &out->user);
		out->has_password =
		    blob(s, 5, out->salt, sizeof(out->salt)) && blob(s, 6, out->auth, sizeof(out->auth));
		out->totp_secret = col_is_null(s, 7) ? NULL : col_text(s, 7, a);
		out->pw_ops = col_int(s, 8);
		out->pw_mem = col_int(s, 9);
		out->has_key =
		    blob(s, 10, out->pk, sizeof(out->pk)) && blob(s, 11, out->sk_password, sizeof(out->sk_password));
		rc = out->user.email && out->user.name ? 0 : ERR_NOMEM;
	} else {
		rc = step == STEP_DONE ? ERR_NOT_FOUND : ERR_DB;
	}
	stmt_reset(s);
	return rc;
}
