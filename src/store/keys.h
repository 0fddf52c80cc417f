/*
 * A vertrouwenspersoon's key pair in the store (shared/docs/confidentiality.md):
 * the public key in the clear, the secret key only boxed, once under a key
 * derived from the password and once under the recovery key. Nothing here can
 * open either box.
 */
#ifndef VERTROUWD_STORE_KEYS_H
#define VERTROUWD_STORE_KEYS_H

#include "base/err.h"

struct store;

#define STORE_PK_BYTES	  32
#define STORE_SKBOX_BYTES 72 /* a 32-byte key, its nonce and tag */

struct user_key {
	unsigned char pk[STORE_PK_BYTES];
	unsigned char sk_password[STORE_SKBOX_BYTES];
	unsigned char sk_recovery[STORE_SKBOX_BYTES];
	long long created_at;
};

/* The key pair of a user: 0, ERR_NOT_FOUND (none yet), ERR_DB. */
int store_key_get(struct store *st, long long user_id, struct user_key *out) WUR;
/* Set (or replace) a user's key pair. */
int store_key_set(struct store *st, long long user_id, const struct user_key *k) WUR;
/* Box the same secret key under a new password's wrap key. */
int store_key_rewrap(struct store *st, long long user_id, const unsigned char sk_password[STORE_SKBOX_BYTES]) WUR;

#endif
