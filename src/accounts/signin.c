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
#include "store/auth.h"
#include "store/recovery.h"
#include "store/store.h"
#include "store/totp.h"

#define MAX_WAIT (15 * 60)

/* hex(BLAKE2b(data, context)) into out (65 bytes). */
static void hash_hex(char out[TOKEN_HEX], const void *data, size_t n, const char *context)
{
	unsigned char h[32];
	vault_hash(h, data, n, context);
	vault_hex(out, h, sizeof(h));
}

static long long wait_for(long long failures, long long free)
{
	if (failures < free)
		return 0;
	long long w = 1;
	for (long long i = free; i <= failures && w < MAX_WAIT; i++)
		w *= 2;
	return w < MAX_WAIT ? w : MAX_WAIT;
}

/* Whether a key with these counted attempts must still wait; *retry_after gets the longest wait seen. */
static int must_wait(long long failures, long long last, long long free, long long now, long long *retry_after)
{
	long long left = last + wait_for(failures, free) - now;
	if (left > 0 && left > *retry_after)
		*retry_after = left;
	return left > 0;
}

/*
 * Count this attempt against the account and the client before Argon2id runs,
 * in one write transaction (writers queue, across servers too), so that
 * parallel requests cannot each pass the check before any is recorded.
 * Returns 0 (counted), SIGNIN_LOCKED (nothing counted) or an error.
 */
static int take_attempt(struct store *st, const char *akey, const char *ckey, long long now, long long *retry_after)
{
	long long fa = 0, la = 0, fc = 0, lc = 0;
	int rc = store_begin(st);
	if (rc)
		return rc;
	if (!(rc = store_attempts(st, akey, &fa, &la)) && !(rc = store_attempts(st, ckey, &fc, &lc)) &&
	    (must_wait(fa, la, SIGNIN_FREE_ATTEMPTS, now, retry_after) |
	     must_wait(fc, lc, SIGNIN_FREE_CLIENT, now, retry_after)))
		rc = SIGNIN_LOCKED;
	if (!rc && !(rc = store_attempt_fail(st, akey, now)) && !(rc = store_attempt_fail(st, ckey, now)))
		rc = store_commit(st);
	if (rc)
		store_rollback(st);
	return rc;
}

/* Take back an attempt that turned out not to be a failed guess (best effort: it only costs a wait). */
static void refund_attempt(struct store *st, const char *akey, const char *ckey)
{
	if (store_attempt_refund(st, akey) || store_attempt_refund(st, ckey))
		log_warn("signin: an attempt could not be taken back");
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
		hash_hex(rh, lc, cl, "recovery-code");
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
static int open_session(struct store *st, const struct user_auth *u, const char *akey, const char *ckey, long long now,
			const char *agent, char token[TOKEN_HEX])
{
	unsigned char t[TOKEN_BYTES];
	char id[TOKEN_HEX];
	vault_random(t, sizeof(t));
	vault_hex(token, t, sizeof(t));
	hash_hex(id, t, sizeof(t), "session-id");
	vault_wipe(t, sizeof(t));
	char agent_short[120];
	snprintf(agent_short, sizeof(agent_short), "%s", agent ? agent : "");
	int rc = store_begin(st);
	if (!rc)
		rc = store_session_add(st, id, u->user.id, now, agent_short);
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
	hash_hex(h, lower, n, "signin-account");
	snprintf(akey, sizeof(akey), "a:%.32s", h);
	snprintf(ckey, sizeof(ckey), "c:%s", client ? client : "-");
	*retry_after = 0;
	int rc = take_attempt(st, akey, ckey, now, retry_after);
	if (rc)
		return rc;

	struct arena a = ARENA_INIT;
	struct user_auth u;
	rc = store_user_auth(st, &a, email, &u);
	int found = !rc && u.has_password && !u.user.disabled;
	static const unsigned char dummy_salt[PW_SALT_BYTES], dummy_auth[PW_KEY_BYTES];
	/* Unknown accounts pay the same Argon2id run, so timing says nothing. */
	int check = rc && rc != ERR_NOT_FOUND
			? rc
			: password_check(password, found ? u.salt : dummy_salt, found ? u.auth : dummy_auth);
	if (check < 0) {
		/* The store failed or Argon2id had no memory: no guess was made, so none is counted. */
		refund_attempt(st, akey, ckey);
		arena_free(&a);
		return check;
	}
	int result = check == 1 && found ? second_factor(st, &u, code, now) : SIGNIN_WRONG;
	rc = 0;
	if (result == SIGNIN_OK)
		rc = open_session(st, &u, akey, ckey, now, agent, token);
	else if (result == SIGNIN_NEEDS_TOTP)
		refund_attempt(st, akey, ckey); /* the password was right; the account needs setting up */
	arena_free(&a);
	return rc ? rc : result;
}

int accounts_session(struct store *st, struct arena *a, const char *token, long long now, struct signed_in *out)
{
	unsigned char t[TOKEN_BYTES];
	if (!token || vault_unhex(t, sizeof(t), token))
		return ERR_NOT_FOUND;
	hash_hex(out->id, t, sizeof(t), "session-id");
	hash_hex(out->csrf, t, sizeof(t), "csrf");
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

int accounts_setup_link(struct store *st, const char *actor, const char *email, long long now, char token[TOKEN_HEX])
{
	struct arena a = ARENA_INIT;
	struct user u;
	int rc = store_user_find(st, &a, email, &u);
	char secret[TOTP_SECRET_MAX] = "", id[TOKEN_HEX];
	if (!rc && (u.roles & (ROLE_BEHEERDER | ROLE_VP)))
		rc = totp_new_secret(secret);
	if (!rc) {
		unsigned char t[TOKEN_BYTES];
		vault_random(t, sizeof(t));
		vault_hex(token, t, sizeof(t));
		hash_hex(id, t, sizeof(t), "setup-link");
		vault_wipe(t, sizeof(t));
		rc = store_begin(st);
		if (!rc)
			rc = store_setup_add(st, id, u.id, now + SETUP_LINK_LIFE, *secret ? secret : NULL);
		if (!rc)
			rc = store_audit(st, actor, "instellink gemaakt", email, "");
		if (!rc)
			rc = store_commit(st);
		if (rc)
			store_rollback(st);
	}
	vault_wipe(secret, sizeof(secret));
	arena_free(&a);
	return rc;
}

int accounts_setup_find(struct store *st, struct arena *a, const char *token, long long now, struct setup_link *out)
{
	unsigned char t[TOKEN_BYTES];
	char id[TOKEN_HEX];
	if (!token || vault_unhex(t, sizeof(t), token))
		return ERR_NOT_FOUND;
	hash_hex(id, t, sizeof(t), "setup-link");
	int rc = store_setup_get(st, a, id, out);
	if (!rc && (out->expires_at < now || out->user.disabled))
		rc = ERR_NOT_FOUND;
	return rc;
}

int accounts_setup_complete(struct store *st, const char *token, const char *password, const char *code, long long now,
			    const char **why)
{
	struct arena a = ARENA_INIT;
	struct setup_link link;
	int rc = accounts_setup_find(st, &a, token, now, &link);
	if (!rc && !password_acceptable(password, link.user.email, why))
		rc = ERR_INVALID;
	long long step = 0;
	if (!rc && link.totp_secret && (step = totp_check(link.totp_secret, code, now)) <= 0) {
		*why =
		    "De code uit je app klopt niet. Scan de QR-code (opnieuw) en vul de code in die de app nu toont.";
		rc = ERR_INVALID;
	}
	unsigned char salt[PW_SALT_BYTES], auth[PW_KEY_BYTES];
	if (!rc)
		rc = password_new(password, salt, auth);
	if (!rc)
		rc = store_begin(st);
	if (!rc) {
		int fresh;
		rc = store_user_set_password(st, link.user.id, salt, sizeof(salt), auth, sizeof(auth));
		if (!rc && link.totp_secret)
			rc = store_user_set_totp(st, link.user.id, link.totp_secret);
		if (!rc && link.totp_secret)
			rc = store_user_use_totp_step(st, link.user.id, step, &fresh);
		if (!rc)
			rc = store_setup_delete_user(st, link.user.id);
		if (!rc)
			rc = store_session_delete_user(st, link.user.id);
		if (!rc)
			rc = store_audit(st, link.user.email, "wachtwoord ingesteld via link", link.user.email, "");
		if (!rc)
			rc = store_commit(st);
		if (rc)
			store_rollback(st);
	}
	vault_wipe(auth, sizeof(auth));
	arena_free(&a);
	return rc;
}

int accounts_recovery_new(struct store *st, long long user_id, const char *email,
			  char codes[RECOVERY_CODES][RECOVERY_LEN])
{
	static const char alphabet[] = "abcdefghjkmnpqrstuvwxyz23456789"; /* no 0/o, 1/l/i */
	char hashes[RECOVERY_CODES][TOKEN_HEX];
	const char *ptrs[RECOVERY_CODES];
	for (int i = 0; i < RECOVERY_CODES; i++) {
		unsigned char r[8];
		vault_random(r, sizeof(r));
		for (int k = 0; k < 8; k++)
			codes[i][k + (k >= 4)] = alphabet[r[k] % (sizeof(alphabet) - 1)];
		codes[i][4] = '-';
		codes[i][9] = '\0';
		hash_hex(hashes[i], codes[i], 9, "recovery-code");
		ptrs[i] = hashes[i];
	}
	int rc = store_begin(st);
	if (!rc)
		rc = store_recovery_set(st, user_id, ptrs, RECOVERY_CODES);
	if (!rc)
		rc = store_audit(st, email, "herstelcodes gemaakt", email, "");
	if (!rc)
		rc = store_commit(st);
	if (rc)
		store_rollback(st);
	return rc;
}

int accounts_signout(struct store *st, const char *session_id, long long user_id, int everywhere)
{
	return everywhere ? store_session_delete_user(st, user_id) : store_session_delete(st, session_id);
}
