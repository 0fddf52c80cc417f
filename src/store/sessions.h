/*
 * Sessions in the store, by the hex of BLAKE2b(token, "session-id"): the
 * token itself never reaches the store (shared/docs/confidentiality.md).
 * Times are Unix seconds.
 */
#ifndef VERTROUWD_STORE_SESSIONS_H
#define VERTROUWD_STORE_SESSIONS_H

#include <stddef.h>

#include "base/arena.h"
#include "base/err.h"
#include "store/users.h"

struct store;

struct session_row {
	const char *id; /* hex of the token's hash */
	long long user_id;
	long long created_at, seen_at;
	const char *agent;
	struct user user;
	const unsigned char *sk; /* a VP's secret key boxed under the session's key, or NULL */
	size_t sklen;
};

/* A new session; sk (sklen bytes, or NULL) is a VP's secret key boxed under the session's own key. */
int store_session_add(struct store *st, const char *id, long long user_id, long long now, const char *agent,
		      const unsigned char *sk, size_t sklen) WUR;
/* A session with its user; ERR_NOT_FOUND. */
int store_session_get(struct store *st, struct arena *a, const char *id, struct session_row *out) WUR;
int store_session_touch(struct store *st, const char *id, long long now) WUR;
int store_session_delete(struct store *st, const char *id) WUR;
int store_session_delete_user(struct store *st, long long user_id) WUR;
/* A user's sessions, newest first. */
int store_session_list(struct store *st, struct arena *a, long long user_id, struct session_row **out, size_t *n) WUR;

#endif
