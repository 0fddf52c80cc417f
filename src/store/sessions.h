/*
 * Sign-in data in the store: password material and TOTP of a user, sessions
 * by the hash of their token, and failed attempts per key (rate limits).
 * Times are Unix seconds.
 */
#ifndef VERTROUWD_STORE_SESSIONS_H
#define VERTROUWD_STORE_SESSIONS_H

#include <stddef.h>

#include "base/arena.h"
#include "base/err.h"
#include "store/users.h"

struct store;

struct user_auth {
	struct user user;
	unsigned char salt[16], auth[32];
	int has_password;
	const char *totp_secret; /* base32, or NULL */
};

/* A user with password material, by e-mail; ERR_NOT_FOUND. */
int store_user_auth(struct store *st, struct arena *a, const char *email, struct user_auth *out) WUR;
int store_user_set_totp(struct store *st, long long id, const char *secret) WUR;
/* Record a TOTP time step as used; *fresh is 0 when it (or a later one) was used before. */
int store_user_use_totp_step(struct store *st, long long id, long long step, int *fresh) WUR;

struct session_row {
	const char *id; /* hex of the token's hash */
	long long user_id;
	long long created_at, seen_at;
	const char *agent;
	struct user user;
};

int store_session_add(struct store *st, const char *id, long long user_id, long long now, const char *agent) WUR;
/* A session with its user; ERR_NOT_FOUND. */
int store_session_get(struct store *st, struct arena *a, const char *id, struct session_row *out) WUR;
int store_session_touch(struct store *st, const char *id, long long now) WUR;
int store_session_delete(struct store *st, const char *id) WUR;
int store_session_delete_user(struct store *st, long long user_id) WUR;
/* A user's sessions, newest first. */
int store_session_list(struct store *st, struct arena *a, long long user_id, struct session_row **out, size_t *n) WUR;

struct setup_link {
	struct user user;
	long long expires_at;
	const char *totp_secret; /* waiting for confirmation, or NULL */
};

/* A new link for user_id (earlier links of that user are removed). */
int store_setup_add(struct store *st, const char *id, long long user_id, long long expires_at,
		    const char *totp_secret) WUR;
/* A link with its user; ERR_NOT_FOUND. */
int store_setup_get(struct store *st, struct arena *a, const char *id, struct setup_link *out) WUR;
int store_setup_delete_user(struct store *st, long long user_id) WUR;

/* Replace a user's recovery codes by these hashes. */
int store_recovery_set(struct store *st, long long user_id, const char *const *hashes, size_t n) WUR;
/* Use a recovery code: *ok is 1 when it existed and was unused (it is used now). */
int store_recovery_use(struct store *st, long long user_id, const char *hash, long long now, int *ok) WUR;

/* Failed attempts for a key (0 when none). */
int store_attempts(struct store *st, const char *key, long long *failures, long long *last_at) WUR;
int store_attempt_fail(struct store *st, const char *key, long long now) WUR;
int store_attempt_clear(struct store *st, const char *key) WUR;

#endif
