/*
 * Accounts and signing in against a real store: attempts are counted before
 * Argon2id runs (parallel guesses get no extra tries), an Argon2id or store
 * failure is an error and never a counted guess, a successful sign-in takes
 * its attempt back, nobody takes away their own administration, and what the
 * handlers read goes through accounts_*.
 */
#include "testutil.h"

#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

#include "accounts/accounts.h"
#include "accounts/keys.h"
#include "accounts/setup.h"
#include "accounts/signin.h"
#include "store/auth.h"
#include "store/keys.h"
#include "store/totp.h"
#include "store/users.h"
#include "crypto/crypto.h"
#include "store/attempts.h"
#include "store/sessions.h"
#include "store/store.h"

static char dsn[300];
static struct store *st;

#define EDITOR "red@example.nl"
#define PW     "paarse olifant op de fiets"

static int setup(void **state)
{
	char dir[] = "/tmp/vertrouwd-acc-XXXXXX", err[256];
	long long id;
	const char *why;
	char recovery[VAULT_RECOVERY_TEXT];
	if (!mkdtemp(dir) || vault_start())
		return -1;
	test_dsn(dsn, sizeof(dsn), dir, "a.db");
	if (store_open(dsn, &st, err, sizeof(err)) || store_migrate(st, err, sizeof(err)))
		return -1;
	if (accounts_add(st, "test", EDITOR, "Rita", ROLE_REDACTEUR, &id) ||
	    accounts_add(st, "test", "baas@example.nl", "Bert", ROLE_BEHEERDER, &id) ||
	    accounts_set_password(st, "test", EDITOR, PW, &why, recovery))
		return -1;
	return 0;
}

static int teardown(void **state)
{
	store_close(st);
	return 0;
}

/* The attempts counted for the account of email (its key as signin.c makes it) and for a client key. */
static long long counted(const char *key)
{
	long long failures, last;
	assert_int_equal(store_attempts(st, key, &failures, &last), 0);
	return failures;
}

static int signin(const char *email, const char *pw, const char *client, long long now)
{
	char token[TOKEN_HEX];
	long long wait;
	return accounts_signin(st, email, pw, NULL, client, now, "test", token, &wait);
}

struct guess {
	long long now;
	int result;
};

static void *guess_thread(void *arg)
{
	struct guess *g = arg;
	struct store *own;
	char err[256], token[TOKEN_HEX];
	long long wait;
	if (store_open(dsn, &own, err, sizeof(err))) {
		g->result = -100;
		return NULL;
	}
	g->result =
	    accounts_signin(own, "baas@example.nl", "fout fout fout fout", NULL, "par", g->now, "t", token, &wait);
	store_close(own);
	return NULL;
}

/* Eight guesses at once: the first five are tried, the rest are told to wait; none slips past the count. */
static void parallel_guesses_are_counted_first(void **state)
{
	enum { N = 8 };
	pthread_t t[N];
	struct guess g[N];
	long long now = 2000000000;
	for (int i = 0; i < N; i++) {
		g[i].now = now;
		assert_int_equal(pthread_create(&t[i], NULL, guess_thread, &g[i]), 0);
	}
	int wrong = 0, locked = 0;
	for (int i = 0; i < N; i++) {
		pthread_join(t[i], NULL);
		wrong += g[i].result == SIGNIN_WRONG;
		locked += g[i].result == SIGNIN_LOCKED;
	}
	assert_int_equal(wrong, SIGNIN_FREE_ATTEMPTS);
	assert_int_equal(locked, N - SIGNIN_FREE_ATTEMPTS);
	assert_int_equal(counted("c:par"), SIGNIN_FREE_ATTEMPTS);
}

/* A right password takes its own attempt back from the client and clears the account's. */
static void success_takes_its_attempt_back(void **state)
{
	long long now = 2100000000;
	assert_int_equal(signin(EDITOR, "niet goed genoeg", "ok1", now), SIGNIN_WRONG);
	assert_int_equal(signin(EDITOR, "niet goed genoeg", "ok1", now), SIGNIN_WRONG);
	assert_int_equal(signin(EDITOR, PW, "ok1", now), SIGNIN_OK);
	assert_int_equal(counted("c:ok1"), 2);
}

/* Argon2id without memory: an error (the server answers 503), and no attempt is counted for it. */
static void argon2_failure_is_not_a_guess(void **state)
{
	long long now = 2200000000;
	password_fail_after(1);
	assert_int_equal(signin(EDITOR, PW, "oom", now), ERR_NOMEM);
	assert_int_equal(counted("c:oom"), 0);
	password_fail_after(1);
	assert_int_equal(signin(EDITOR, "niet goed genoeg", "oom", now), ERR_NOMEM);
	assert_int_equal(counted("c:oom"), 0);
	assert_int_equal(signin(EDITOR, PW, "oom", now), SIGNIN_OK);
}

/* A store failure while reading a session is an error, not "no such session" (the server answers 503). */
static void session_store_error(void **state)
{
	struct arena a = ARENA_INIT;
	struct signed_in s;
	char token[65];
	memset(token, 'b', 64);
	token[64] = '\0';
	assert_int_equal(accounts_session(st, &a, token, 2300000000, &s), ERR_NOT_FOUND);
	store_fail_after(1);
	assert_int_equal(accounts_session(st, &a, token, 2300000000, &s), ERR_DB);
	store_fail_after(0);
	arena_free(&a);
}

/* The self-check compares user ids: another spelling of one's own address is still oneself. */
static void own_administration_stays(void **state)
{
	struct arena a = ARENA_INIT;
	struct user u;
	assert_int_equal(store_user_find(st, &a, "baas@example.nl", &u), 0);
	assert_int_equal(accounts_set_roles(st, u.id, "baas@example.nl", "BAAS@Example.NL", ROLE_REDACTEUR),
			 ERR_CONFLICT);
	assert_int_equal(accounts_set_disabled(st, u.id, "baas@example.nl", "Baas@example.nl", 1), ERR_CONFLICT);
	assert_int_equal(store_user_find(st, &a, "baas@example.nl", &u), 0);
	assert_int_equal(u.roles, ROLE_BEHEERDER);
	assert_false(u.disabled);
	/* Someone else's roles, and one's own with the beheerder role kept, can change. */
	assert_int_equal(
	    accounts_set_roles(st, u.id, "baas@example.nl", "BAAS@example.nl", ROLE_BEHEERDER | ROLE_REDACTEUR), 0);
	assert_int_equal(accounts_set_roles(st, u.id, "baas@example.nl", EDITOR, ROLE_REDACTEUR | ROLE_VP), 0);
	arena_free(&a);
}

/* What the handlers read goes through accounts_*: users, the audit log, a user's sessions. */
static void reading_accounts(void **state)
{
	struct arena a = ARENA_INIT;
	long long id;
	assert_int_equal(accounts_add(st, "beheer@example.org", "vp@example.org", "Vera", ROLE_VP, &id), 0);
	assert_int_equal(accounts_add(st, "beheer@example.org", "ad@example.org", "Adam", ROLE_BEHEERDER, &id), 0);

	struct user u;
	assert_int_equal(accounts_find(st, &a, "VP@example.org", &u), 0);
	assert_string_equal(u.name, "Vera");
	assert_int_equal(u.roles, ROLE_VP);
	assert_int_equal(accounts_find(st, &a, "niemand@example.org", &u), ERR_NOT_FOUND);

	struct user *users;
	size_t n;
	assert_int_equal(accounts_list(st, &a, &users, &n), 0);
	assert_true(n >= 2);
	assert_string_equal(users[0].email, "ad@example.org"); /* by e-mail address */
	for (size_t i = 1; i < n; i++)
		assert_true(strcmp(users[i - 1].email, users[i].email) < 0);

	struct audit_line *lines;
	assert_int_equal(accounts_audit_list(st, &a, 1, &lines, &n), 0);
	assert_int_equal(n, 1);
	assert_string_equal(lines[0].actor, "beheer@example.org");
	assert_string_equal(lines[0].object, "ad@example.org"); /* newest first */

	struct session_row *rows;
	assert_int_equal(accounts_sessions(st, &a, id, &rows, &n), 0);
	assert_int_equal(n, 0);
	assert_int_equal(store_session_add(st, "ab12", id, 1000, "test", NULL, 0), 0);
	assert_int_equal(accounts_sessions(st, &a, id, &rows, &n), 0);
	assert_int_equal(n, 1);
	assert_string_equal(rows[0].id, "ab12");
	assert_string_equal(rows[0].user.email, "ad@example.org");
	arena_free(&a);
}

/* Sign in as email and open the session's box of the VP's key into sk; returns the sign-in result. */
static int vp_signin(const char *email, const char *pw, const char *code, unsigned char *sk)
{
	char token[TOKEN_HEX];
	long long wait;
	struct arena a = ARENA_INIT;
	struct signed_in s;
	int rc = accounts_signin(st, email, pw, code, "vp", 2400000000, "t", token, &wait);
	if (rc == SIGNIN_OK) {
		assert_int_equal(accounts_session(st, &a, token, 2400000000, &s), 0);
		rc = sk ? accounts_session_open(token, s.id, s.row.sk, s.row.sklen, sk) : 0;
	}
	arena_free(&a);
	return rc;
}

/* Whether sk is the secret key of user's public key: it opens what was sealed to it. */
static int key_matches(long long user_id, const unsigned char *sk)
{
	struct user_key k;
	unsigned char ck[VAULT_KEY_BYTES], sealed[VAULT_SEALED_BYTES], back[VAULT_KEY_BYTES];
	assert_int_equal(store_key_get(st, user_id, &k), 0);
	vault_random(ck, sizeof(ck));
	assert_int_equal(vault_seal(k.pk, ck, sealed), 0);
	return !vault_unseal(k.pk, sk, sealed, back) && !memcmp(ck, back, sizeof(ck));
}

static const char *secret_of(const char *email)
{
	static char secret[TOTP_SECRET_MAX];
	struct arena a = ARENA_INIT;
	struct user_auth u;
	assert_int_equal(store_user_auth(st, &a, email, &u), 0);
	snprintf(secret, sizeof(secret), "%s", u.totp_secret ? u.totp_secret : "");
	arena_free(&a);
	return secret;
}

/*
 * A VP's key pair: made with the first password, opened at sign-in into the
 * session's box; a setup link never opens it without the recovery key; a lost
 * recovery key makes a new pair (audited).
 */
static void vp_key_lifecycle(void **state)
{
	long long id;
	const char *why = NULL;
	char recovery[VAULT_RECOVERY_TEXT], token[TOKEN_HEX], code[7], fp1[VAULT_FINGERPRINT], fp2[VAULT_FINGERPRINT];
	unsigned char *sk = vault_secret_new();
	assert_int_equal(accounts_add(st, "test", "vp@example.nl", "Vera", ROLE_VP, &id), 0);
	assert_int_equal(accounts_set_password(st, "test", "vp@example.nl", "een zin voor vera alleen", &why, recovery),
			 0);
	assert_int_equal(strlen(recovery), 64);
	assert_int_equal(accounts_key_fingerprint(st, id, fp1), 0);
	/* A second password from the command line would lose the key: refused. */
	char again[VAULT_RECOVERY_TEXT];
	assert_int_equal(accounts_set_password(st, "test", "vp@example.nl", "nog een andere zin hier", &why, again),
			 ERR_CONFLICT);

	/* The second factor, then the key arrives in the session. */
	struct setup_link link;
	struct arena a = ARENA_INIT;
	assert_int_equal(accounts_setup_link(st, "test", "vp@example.nl", 2400000000 - 100, token), 0);
	assert_int_equal(accounts_setup_find(st, &a, token, 2400000000 - 100, &link), 0);
	assert_non_null(link.totp_secret);
	char secret[TOTP_SECRET_MAX];
	snprintf(secret, sizeof(secret), "%s", link.totp_secret);
	assert_int_equal(totp_code(secret, 2400000000 - 100, code), 0);
	struct setup_input in = {.password = "nieuwe zin voor vera nu", .code = code};
	struct setup_result out;
	/* Without the recovery key the link cannot open the key. */
	assert_int_equal(accounts_setup_complete(st, token, &in, 2400000000 - 100, &why, &out), ERR_INVALID);
	assert_contains(why, "herstelsleutel");
	in.recovery = "0000-0000-0000-0000-0000-0000-0000-0000-0000-0000-0000-0000-0000";
	assert_int_equal(accounts_setup_complete(st, token, &in, 2400000000 - 100, &why, &out), ERR_INVALID);
	in.recovery = recovery;
	assert_int_equal(accounts_setup_complete(st, token, &in, 2400000000 - 100, &why, &out), 0);
	assert_false(out.key_made);
	assert_string_equal(out.fingerprint, fp1);
	assert_int_equal(totp_code(secret_of("vp@example.nl"), 2400000000, code), 0);
	assert_int_equal(vp_signin("vp@example.nl", "nieuwe zin voor vera nu", code, sk), 0);
	assert_true(key_matches(id, sk));

	/* Lost: a new pair, a new fingerprint, and the audit log says so. */
	assert_int_equal(accounts_setup_link(st, "test", "vp@example.nl", 2400000000 + 100, token), 0);
	assert_int_equal(accounts_setup_find(st, &a, token, 2400000000 + 100, &link), 0);
	snprintf(secret, sizeof(secret), "%s", link.totp_secret);
	assert_int_equal(totp_code(secret, 2400000000 + 100, code), 0);
	struct setup_input lost = {.password = "derde zin voor vera dan", .code = code, .lost_recovery = 1};
	assert_int_equal(accounts_setup_complete(st, token, &lost, 2400000000 + 100, &why, &out), 0);
	assert_true(out.key_made);
	assert_int_equal(accounts_key_fingerprint(st, id, fp2), 0);
	assert_string_not_equal(fp1, fp2);
	struct audit_line *lines;
	size_t n;
	assert_int_equal(accounts_audit_list(st, &a, 5, &lines, &n), 0);
	int logged = 0;
	for (size_t i = 0; i < n; i++)
		logged |= !strcmp(lines[i].action, "sleutelpaar gemaakt") && strstr(lines[i].object, "kwijt");
	assert_true(logged);
	arena_free(&a);
	vault_secret_free(sk);
}

/* Keys made with a lower Argon2id cost are made again at the next sign-in; the VP's key comes along. */
static void old_cost_upgraded_at_signin(void **state)
{
	long long id;
	const char *why;
	char recovery[VAULT_RECOVERY_TEXT];
	const struct pw_params old = {.ops = 1, .mem = 8u << 20};
	unsigned char salt[PW_SALT_BYTES];
	unsigned char *sk = vault_secret_new(), *got = vault_secret_new();
	struct pw_keys k;
	assert_int_equal(accounts_add(st, "test", "oud@example.nl", "Otto", ROLE_VP, &id), 0);
	assert_int_equal(accounts_set_password(st, "test", "oud@example.nl", "een oude zin van otto", &why, recovery),
			 0);
	/* Pretend the password was set years ago, with a cheaper cost: the same key pair, boxed under it. */
	struct user_key key;
	assert_int_equal(store_key_get(st, id, &key), 0);
	assert_int_equal(password_new("een oude zin van otto", salt, &k), 0);
	assert_int_equal(accounts_key_open(id, k.wrap, key.sk_password, sk), ERR_INVALID); /* another salt */
	vault_random(salt, sizeof(salt));
	assert_int_equal(password_derive("een oude zin van otto", salt, &old, &k), 0);
	assert_int_equal(store_user_set_password(st, id, salt, sizeof(salt), k.auth, sizeof(k.auth), 1, 8 << 20), 0);
	assert_int_equal(accounts_key_recover(st, id, "test", recovery, k.wrap), 0);
	assert_int_equal(store_key_get(st, id, &key), 0);
	assert_int_equal(accounts_key_open(id, k.wrap, key.sk_password, sk), 0);

	char code[7];
	char secret[TOTP_SECRET_MAX];
	assert_int_equal(totp_new_secret(secret), 0);
	assert_int_equal(store_user_set_totp(st, id, secret), 0);
	assert_int_equal(totp_code(secret, 2400000000, code), 0);
	assert_int_equal(vp_signin("oud@example.nl", "een oude zin van otto", code, got), 0);
	assert_memory_equal(sk, got, VAULT_KEY_BYTES);
	struct arena a = ARENA_INIT;
	struct user_auth u;
	assert_int_equal(store_user_auth(st, &a, "oud@example.nl", &u), 0);
	assert_int_equal(u.pw_ops, (long long) pw_now.ops);
	assert_int_equal(u.pw_mem, (long long) pw_now.mem);
	struct pw_params now = {.ops = (unsigned long long) u.pw_ops, .mem = (size_t) u.pw_mem};
	assert_int_equal(password_check("een oude zin van otto", u.salt, &now, u.auth, &k), 1);
	assert_int_equal(accounts_key_open(id, k.wrap, u.sk_password, got), 0);
	assert_memory_equal(sk, got, VAULT_KEY_BYTES);
	arena_free(&a);
	vault_secret_free(sk);
	vault_secret_free(got);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(parallel_guesses_are_counted_first),
	    cmocka_unit_test(success_takes_its_attempt_back),
	    cmocka_unit_test(argon2_failure_is_not_a_guess),
	    cmocka_unit_test(session_store_error),
	    cmocka_unit_test(own_administration_stays),
	    cmocka_unit_test(reading_accounts),
	    cmocka_unit_test(vp_key_lifecycle),
	    cmocka_unit_test(old_cost_upgraded_at_signin),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
