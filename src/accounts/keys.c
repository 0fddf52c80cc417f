/*
 * VP key pairs (keys.h): made, boxed, opened, recovered. Boxes are bound to
 * what they hold ("vp-sk:ID", "vp-recovery:ID", "session-sk:SESSION"), so one
 * cannot stand in for another. Returns 0, ERR_INVALID (a box that does not
 * open), ERR_NOT_FOUND (no key pair), ERR_NOMEM (no guarded memory) or a store
 * error; secrets are wiped before returning either way.
 */
#include <stdio.h>
#include <string.h>

#include "accounts/keys.h"
#include "store/store.h"
#include "store/users.h"

/* The associated data of a box: its kind and whose it is. */
static size_t ad_of(char *out, size_t n, const char *kind, long long id, const char *sid)
{
	int len = sid ? snprintf(out, n, "%s:%s", kind, sid) : snprintf(out, n, "%s:%lld", kind, id);
	return len > 0 && (size_t) len < n ? (size_t) len : 0;
}

void accounts_key_box(long long user_id, const unsigned char wrap[PW_KEY_BYTES], const unsigned char *sk,
		      unsigned char box[STORE_SKBOX_BYTES])
{
	char ad[64];
	vault_box(wrap, sk, VAULT_KEY_BYTES, ad, ad_of(ad, sizeof(ad), "vp-sk", user_id, NULL), box);
}

int accounts_key_open(long long user_id, const unsigned char wrap[PW_KEY_BYTES],
		      const unsigned char box[STORE_SKBOX_BYTES], unsigned char *sk)
{
	char ad[64];
	return vault_open(wrap, box, STORE_SKBOX_BYTES, ad, ad_of(ad, sizeof(ad), "vp-sk", user_id, NULL), sk);
}

int accounts_key_create(struct store *st, long long user_id, const char *actor, const char *why,
			const unsigned char wrap[PW_KEY_BYTES], long long now, char recovery[VAULT_RECOVERY_TEXT])
{
	unsigned char *sk = vault_secret_new(), *rk = vault_secret_new();
	struct user_key k = {.created_at = now};
	char ad[64], fp[VAULT_FINGERPRINT];
	int rc = sk && rk ? vault_keypair(k.pk, sk) : ERR_NOMEM;
	if (!rc) {
		vault_random(rk, VAULT_KEY_BYTES);
		accounts_key_box(user_id, wrap, sk, k.sk_password);
		vault_box(rk, sk, VAULT_KEY_BYTES, ad, ad_of(ad, sizeof(ad), "vp-recovery", user_id, NULL),
			  k.sk_recovery);
		vault_recovery_format(rk, recovery);
		vault_fingerprint(k.pk, fp);
		rc = store_key_set(st, user_id, &k);
	}
	if (!rc)
		rc = store_audit(st, actor, "sleutelpaar gemaakt", why, fp);
	vault_secret_free(sk);
	vault_secret_free(rk);
	return rc;
}

int accounts_key_recover(struct store *st, long long user_id, const char *actor, const char *recovery,
			 const unsigned char wrap[PW_KEY_BYTES])
{
	struct user_key k;
	int rc = store_key_get(st, user_id, &k);
	if (rc)
		return rc;
	unsigned char *sk = vault_secret_new(), *rk = vault_secret_new();
	char ad[64];
	rc = sk && rk ? vault_recovery_parse(recovery, rk) : ERR_NOMEM;
	if (!rc)
		rc = vault_open(rk, k.sk_recovery, sizeof(k.sk_recovery), ad,
				ad_of(ad, sizeof(ad), "vp-recovery", user_id, NULL), sk);
	if (!rc) {
		accounts_key_box(user_id, wrap, sk, k.sk_password);
		rc = store_key_rewrap(st, user_id, k.sk_password);
	}
	if (!rc)
		rc = store_audit(st, actor, "sleutel hersteld met herstelsleutel", "", "");
	vault_secret_free(sk);
	vault_secret_free(rk);
	return rc;
}

int accounts_key_fingerprint(struct store *st, long long user_id, char out[VAULT_FINGERPRINT])
{
	struct user_key k;
	int rc = store_key_get(st, user_id, &k);
	if (!rc)
		vault_fingerprint(k.pk, out);
	return rc;
}

void accounts_session_box(const unsigned char token[TOKEN_BYTES], const char *session_id, const unsigned char *sk,
			  unsigned char box[SESSION_SK_BYTES])
{
	unsigned char key[32];
	char ad[128];
	vault_hash(key, token, TOKEN_BYTES, "session-key");
	vault_box(key, sk, VAULT_KEY_BYTES, ad, ad_of(ad, sizeof(ad), "session-sk", 0, session_id), box);
	vault_wipe(key, sizeof(key));
}

int accounts_session_open(const char *token_hex, const char *session_id, const unsigned char *box, size_t len,
			  unsigned char *sk)
{
	unsigned char t[TOKEN_BYTES], key[32];
	char ad[128];
	if (!box || len != SESSION_SK_BYTES || vault_unhex(t, sizeof(t), token_hex))
		return ERR_INVALID;
	vault_hash(key, t, sizeof(t), "session-key");
	int rc = vault_open(key, box, len, ad, ad_of(ad, sizeof(ad), "session-sk", 0, session_id), sk);
	vault_wipe(t, sizeof(t));
	vault_wipe(key, sizeof(key));
	return rc;
}
