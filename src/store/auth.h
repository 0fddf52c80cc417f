/*
 * Password material in the store: a user's Argon2id salt, cost and auth key
 * (never the password), TOTP secret and, for a VP, the key pair as the
 * password wraps it; read for a sign-in.
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
	const char *totp_secret;  /* base32, or NULL */
	long long pw_ops, pw_mem; /* the Argon2id cost salt and auth were made with */
	int has_key;		  /* a VP's key pair: */
	unsigned char pk[32];
	unsigned char sk_password[72]; /* the secret key boxed under the password's wrap key */
};

/* A user with password material, by e-mail; ERR_NOT_FOUND. */
int store_user_auth(struct store *st, struct arena *a, const char *email, struct user_auth *out) WUR;

#endif
