/*
 * Password material in the store: a user's Argon2id salt and auth key (never
 * the password) and TOTP secret, read for a sign-in.
 */
#ifndef VERTROUWD_STORE_AUTH_H
#define VERTROUWD_STORE_AUTH_H

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

#endif
