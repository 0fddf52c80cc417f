/*
 * Setup links and recovery codes (setup.h): a one-time link sets a password
 * (and confirms the second factor, and for a VP makes or recovers their key
 * pair); recovery codes stand in for a TOTP code once. Returns 0,
 * ERR_NOT_FOUND (an unknown, used or expired link), ERR_INVALID (with a Dutch
 * reason), ERR_NOMEM or a store error; every change is one transaction,
 * rolled back on error, and secrets are wiped.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "accounts/keys.h"
#include "accounts/setup.h"
#include "crypto/crypto.h"
#include "store/recovery.h"
#include "store/sessions.h"
#include "store/store.h"
#include "store/totp.h"

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
		accounts_hash_hex(id, t, sizeof(t), "setup-link");
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
	accounts_hash_hex(id, t, sizeof(t), "setup-link");
	int rc = store_setup_get(st, a, id, out);
	if (!rc && (out->expires_at < now || out->user.disabled))
		rc = ERR_NOT_FOUND;
	return rc;
}

/* The VP's key pair when a password is set: made the first time, else recovered or (when lost) made anew. */
static int setup_key(struct store *st, const struct setup_link *link, const struct setup_input *in,
		     const unsigned char wrap[PW_KEY_BYTES], long long now, const char **why, struct setup_result *out)
{
	char fp[VAULT_FINGERPRINT];
	int has = accounts_key_fingerprint(st, link->user.id, fp);
	if (has && has != ERR_NOT_FOUND)
		return has;
	if (has == ERR_NOT_FOUND && !(link->user.roles & ROLE_VP))
		return 0;
	int rc;
	if (has == ERR_NOT_FOUND || (in->lost_recovery && !(in->recovery && *in->recovery))) {
		rc = accounts_key_create(st, link->user.id, link->user.email,
					 has == ERR_NOT_FOUND ? "eerste instelling" : "nieuw: herstelsleutel kwijt",
					 wrap, now, out->recovery);
		out->key_made = !rc;
	} else if (in->recovery && *in->recovery) {
		rc = accounts_key_recover(st, link->user.id, link->user.email, in->recovery, wrap);
		if (rc == ERR_INVALID)
			*why = "Deze herstelsleutel past niet bij je sleutel. Controleer de letters en cijfers op je "
			       "uitgeprinte herstelsleutel.";
	} else {
		*why = "Je hebt al een sleutel voor je zaken. Vul je herstelsleutel in, of vink aan dat je hem kwijt "
		       "bent (dan krijg je een nieuwe sleutel en kun je oude zaken pas weer lezen als een collega ze "
		       "opnieuw met je deelt).";
		rc = ERR_INVALID;
	}
	if (!rc)
		rc = accounts_key_fingerprint(st, link->user.id, out->fingerprint);
	return rc;
}

int accounts_setup_complete(struct store *st, const char *token, const struct setup_input *in, long long now,
			    const char **why, struct setup_result *out)
{
	struct arena a = ARENA_INIT;
	struct setup_link link;
	memset(out, 0, sizeof(*out));
	int rc = accounts_setup_find(st, &a, token, now, &link);
	if (!rc && !password_acceptable(in->password, link.user.email, why))
		rc = ERR_INVALID;
	long long step = 0;
	if (!rc && link.totp_secret && (step = totp_check(link.totp_secret, in->code, now)) <= 0) {
		*why =
		    "De code uit je app klopt niet. Scan de QR-code (opnieuw) en vul de code in die de app nu toont.";
		rc = ERR_INVALID;
	}
	unsigned char salt[PW_SALT_BYTES];
	struct pw_keys keys;
	if (!rc)
		rc = password_new(in->password, salt, &keys);
	if (!rc)
		rc = store_begin(st);
	if (!rc) {
		int fresh;
		rc = store_user_set_password(st, link.user.id, salt, sizeof(salt), keys.auth, sizeof(keys.auth),
					     (long long) pw_now.ops, (long long) pw_now.mem);
		if (!rc)
			rc = setup_key(st, &link, in, keys.wrap, now, why, out);
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
	vault_wipe(&keys, sizeof(keys));
	if (rc)
		vault_wipe(out, sizeof(*out));
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
		accounts_hash_hex(hashes[i], codes[i], 9, "recovery-code");
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
