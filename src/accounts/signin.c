/*
 * Signing in (signin.h): attempts counted before the password is checked, one
 * Argon2id run whether or not the account exists, the second factor, sessions
 * by the hash of their token, setup links and recovery codes. Functions return
 * 0 (or an enum signin_result), ERR_NOT_FOUND for an unknown or expired token,
 * ERR_NOMEM when Argon2id finds no memory (nothing is counted), ERR_DB when
 * the store fails; every write runs in one transaction, rolled back on error.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "accounts/signin.h"
#include "base/log.h"
#include "crypto/crypto.h"
#include "store/attempts.h"
#include "accounts/keys.h"
#include "accounts/limits.h"
#include "store/auth.h"
#include "store/keys.h"
#include "store/recovery.h"
#include "store/store.h"
#include "store/totp.h"

void accounts_hash_hex(char out[TOKEN_HEX], const void *data, size_t n, const char *context)
{
	unsigned char h[32];
	vault_hash(h, data, n, context);
	vault_hex(out, h, sizeof(h));
}

/* The second factor of a user whose password was right: SIGNIN_OK, SIGNIN_WRONG or SIGNIN_NEEDS_TOTP. */
static int second_factor(struct store *st, const struct user_auth *u, const char *code, long long now)
{
	if (u->totp_secret && code && strchr(code, '-')) {
		/* A recovery code instead of the app's code (case does not matter). */
		char rh[TOKEN_HEX], lc[16];
		size_t cl = strlen(code) < sizeof(lc) - 1 ? strlen(code) : sizeof(lc) - 1;
		int ok = 0;
		for (size_t i = 0; i < cl; i++)
			lc[i] = (char) tolower((unsigned char) code[i]);
		lc[cl] = '\0';
		accounts_hash_hex(rh, lc, cl, "recovery-code");
		return store_recovery_use(st, u->user.id, rh, now, &ok) || !ok ? SIGNIN_WRONG : SIGNIN_OK;
	}
	if (u->totp_secret) {
		long long step = totp_check(u->totp_secret, code, now);
		int fresh = 0;
		/* a wrong code, or one used before */
		return step <= 0 || store_user_use_totp_step(st, u->user.id, step, &fresh) || !fresh ? SIGNIN_WRONG
												     : SIGNIN_OK;
	}
	return u->user.roles & (ROLE_BEHEERDER | ROLE_VP) ? SIGNIN_NEEDS_TOTP : SIGNIN_OK;
}

/* A new session for u: the cookie's token into token; the account's attempts are forgotten. */
/*
 * Raise an outdated Argon2id cost now that the password is known: a new salt
 * and auth key under pw_now, the VP's secret key (sk, or NULL) boxed under the
 * new wrap key. In the caller's transaction; audited.
 */
static int upgrade_password(struct store *st, const struct user_auth *u, const char *password, const unsigned char *sk)
{
	unsigned char salt[PW_SALT_BYTES], box[STORE_SKBOX_BYTES];
	struct pw_keys k;
	int rc = password_new(password, salt, &k);
	if (!rc)
		rc = store_user_set_password(st, u->user.id, salt, sizeof(salt), k.auth, sizeof(k.auth),
					     (long long) pw_now.ops, (long long) pw_now.mem);
	if (!rc && sk) {
		accounts_key_box(u->user.id, k.wrap, sk, box);
		rc = store_key_rewrap(st, u->user.id, box);
	}
	if (!rc)
		rc = store_audit(st, u->user.email, "wachtwoordsleutel opnieuw gemaakt met hogere kosten", "", "");
	vault_wipe(&k, sizeof(k));
	return rc;
}

/*
 * A new session for u: the cookie's token into token; the account's attempts
 * are forgotten. A VP's secret key is opened with the password's wrap key and
 * boxed under the session's own key, so any server can use it while the
 * cookie lasts.
 */
static int open_session(struct store *st, const struct user_auth *u, const char *password, const struct pw_keys *keys,
			const char *akey, const char *ckey, long long now, const char *agent, char token[TOKEN_HEX])
{
	unsigned char t[TOKEN_BYTES], box[SESSION_SK_BYTES];
	char id[TOKEN_HEX];
	unsigned char *sk = u->has_key ? vault_secret_new() : NULL;
	if (u->has_key && !sk)
		return ERR_NOMEM;
	if (sk && accounts_key_open(u->user.id, keys->wrap, u->sk_password, sk)) {
		log_warn("signin: a VP's key does not open with their password; signed in without it");
		vault_secret_free(sk);
		sk = NULL;
	}
	vault_random(t, sizeof(t));
	vault_hex(token, t, sizeof(t));
	accounts_hash_hex(id, t, sizeof(t), "session-id");
	if (sk)
		accounts_session_box(t, id, sk, box);
	vault_wipe(t, sizeof(t));
	char agent_short[120];
	snprintf(agent_short, sizeof(agent_short), "%s", agent ? agent : "");
	struct pw_params used = {.ops = (unsigned long long) u->pw_ops, .mem = (size_t) u->pw_mem};
	int rc = store_begin(st);
	if (!rc)
		rc = store_session_add(st, id, u->user.id, now, agent_short, sk ? box : NULL, sizeof(box));
	if (!rc && password_outdated(&used))
		rc = upgrade_password(st, u, password, sk);
	if (!rc)
		rc = store_attempt_clear(st, akey);
	if (!rc)
		rc = store_attempt_refund(st, ckey);
	if (!rc)
		rc = store_audit(st, u->user.email, "ingelogd", "", "");
	if (!rc)
		rc = store_commit(st);
	if (rc)
		store_rollback(st);
	vault_secret_free(sk);
	return rc;
}

int accounts_signin(struct store *st, const char *email, const char *password, const char *code, const char *client,
		    long long now, const char *agent, char token[TOKEN_HEX], long long *retry_after)
{
	char lower[320], akey[80], ckey[80];
	size_t n = strlen(email) < sizeof(lower) - 1 ? strlen(email) : sizeof(lower) - 1;
	for (size_t i = 0; i < n; i++)
		lower[i] = (char) tolower((unsigned char) email[i]);
	lower[n] = '\0';
	char h[TOKEN_HEX];
	accounts_hash_hex(h, lower, n, "signin-account");
	snprintf(akey, sizeof(akey), "a:%.32s", h);
	snprintf(ckey, sizeof(ckey), "c:%s", client ? client : "-");
	const struct limit limits[] = {{akey, SIGNIN_FREE_ATTEMPTS}, {ckey, SIGNIN_FREE_CLIENT}};
	int rc = limits_take(st, limits, 2, now, retry_after);
	if (rc)
		return rc == LIMIT_LOCKED ? SIGNIN_LOCKED : rc;

	struct arena a = ARENA_INIT;
	struct user_auth u;
	rc = store_user_auth(st, &a, email, &u);
	int found = !rc && u.has_password && !u.user.disabled;
	static const unsigned char dummy_salt[PW_SALT_BYTES], dummy_auth[PW_KEY_BYTES];
	struct pw_params params =
	    found ? (struct pw_params){.ops = (unsigned long long) u.pw_ops, .mem = (size_t) u.pw_mem} : pw_now;
	struct pw_keys keys;
	/* Unknown accounts pay the same Argon2id run, so timing says nothing. */
	int check = rc && rc != ERR_NOT_FOUND ? rc
					      : password_check(password, found ? u.salt : dummy_salt, &params,
							       found ? u.auth : dummy_auth, &keys);
	if (check < 0) {
		/* The store failed or Argon2id had no memory: no guess was made, so none is counted. */
		limits_refund(st, limits, 2);
		arena_free(&a);
		return check;
	}
	int result = check == 1 && found ? second_factor(st, &u, code, now) : SIGNIN_WRONG;
	rc = 0;
	if (result == SIGNIN_OK)
		rc = open_session(st, &u, password, &keys, akey, ckey, now, agent, token);
	else if (result == SIGNIN_NEEDS_TOTP)
		limits_refund(st, limits, 2); /* the password was right; the account needs setting up */
	if (check == 1)
		vault_wipe(&keys, sizeof(keys));
	arena_free(&a);
	return rc ? rc : result;
}

int accounts_session(struct store *st, struct arena *a, const char *token, long long now, struct signed_in *out)
{
	unsigned char t[TOKEN_BYTES];
	if (!token || vault_unhex(t, sizeof(t), token))
		return ERR_NOT_FOUND;
	accounts_hash_hex(out->id, t, sizeof(t), "session-id");
	accounts_hash_hex(out->csrf, t, sizeof(t), "csrf");
	vault_wipe(t, sizeof(t));
	int rc = store_session_get(st, a, out->id, &out->row);
	if (rc)
		return rc;
	if (out->row.user.disabled || now - out->row.seen_at > SESSION_IDLE ||
	    now - out->row.created_at > SESSION_MAX) {
		if (store_session_delete(st, out->id))
			return ERR_DB;
		return ERR_NOT_FOUND;
	}
	/* Seen-at is kept to the minute: one write a minute per session, not one per request. */
	if (now - out->row.seen_at >= 60 && store_session_touch(st, out->id, now))
		return ERR_DB;
	return 0;
}

int accounts_signout(struct store *st, const char *session_id, long long user_id, int everywhere)
{
	return everywhere ? store_session_delete_user(st, user_id) : store_session_delete(st, session_id);
}
