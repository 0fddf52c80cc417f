/*
 * A vertrouwenspersoon's key pair (shared/docs/confidentiality.md, "One
 * Argon2id run per sign-in"): made at the VP's first setup, its secret key
 * boxed under the wrap key their password derives and under a recovery key
 * shown once; re-boxed under a session's own key at sign-in, so that any
 * server can use it for that session and the store alone cannot. Every key
 * made and every recovery is in the audit log (never the key).
 */
#ifndef VERTROUWD_ACCOUNTS_KEYS_H
#define VERTROUWD_ACCOUNTS_KEYS_H

#include <stddef.h>

#include "base/err.h"
#include "crypto/crypto.h"
#include "store/keys.h"

struct store;

/*
 * A new key pair for user_id (replacing any), boxed under wrap and under a new
 * recovery key, whose text goes to recovery (shown once, never stored). Runs
 * in the caller's transaction; audited as actor with why ("aangemaakt", ...).
 */
int accounts_key_create(struct store *st, long long user_id, const char *actor, const char *why,
			const unsigned char wrap[PW_KEY_BYTES], long long now, char recovery[VAULT_RECOVERY_TEXT]) WUR;
/* Open the password box of user_id's secret key with wrap into sk (guarded memory); ERR_INVALID when it does not open. */
int accounts_key_open(long long user_id, const unsigned char wrap[PW_KEY_BYTES],
		      const unsigned char box[STORE_SKBOX_BYTES], unsigned char *sk) WUR;
/* Box sk under wrap for user_id (a new password): into box. */
void accounts_key_box(long long user_id, const unsigned char wrap[PW_KEY_BYTES], const unsigned char *sk,
		      unsigned char box[STORE_SKBOX_BYTES]);
/*
 * A VP who lost their password: the recovery key opens the secret key, which
 * is boxed under the new password's wrap. ERR_INVALID for a recovery key that
 * does not open it, ERR_NOT_FOUND when the user has no key. In the caller's
 * transaction; audited.
 */
int accounts_key_recover(struct store *st, long long user_id, const char *actor, const char *recovery,
			 const unsigned char wrap[PW_KEY_BYTES]) WUR;
/* The fingerprint of user_id's public key, or ERR_NOT_FOUND. */
int accounts_key_fingerprint(struct store *st, long long user_id, char out[VAULT_FINGERPRINT]) WUR;

/* A session's box of the secret key: under BLAKE2b(token, "session-key"), bound to the session's id. */
#define SESSION_SK_BYTES STORE_SKBOX_BYTES
void accounts_session_box(const unsigned char token[TOKEN_BYTES], const char *session_id, const unsigned char *sk,
			  unsigned char box[SESSION_SK_BYTES]);
/* Open it with the cookie's token (hex); ERR_INVALID when it does not open. */
int accounts_session_open(const char *token_hex, const char *session_id, const unsigned char *box, size_t len,
			  unsigned char *sk) WUR;

#endif
