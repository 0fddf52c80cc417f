/*
 * One-time links to set a password (and a TOTP secret waiting for its first
 * code), by the hash of their token.
 */
#ifndef VERTROUWD_STORE_SETUP_LINKS_H
#define VERTROUWD_STORE_SETUP_LINKS_H

#include <stddef.h>

#include "base/arena.h"
#include "base/err.h"
#include "store/users.h"

struct store;

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

#endif
