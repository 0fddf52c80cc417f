/*
 * The melder's mailbox sessions (cases.h, confidentiality.md): signing in
 * with a receipt code (rate-limited per client and for everyone, a wrong and
 * an unknown code alike), the session that carries the case key boxed under a
 * key only the cookie's token derives, its idle end, and signing out. Returns
 * 0, ERR_NOT_FOUND (no such code or session), ERR_TOO_LARGE (a rate limit),
 * ERR_NOMEM or a store error; keys are wiped before returning.
 */
#include <stdio.h>
#include <string.h>

#include "accounts/limits.h"
#include "cases/cases.h"
#include "cases/records.h"
#include "store/cases.h"
#include "store/store.h"

/* A melder session's id and the key its box of ck is under, both from the cookie's token. */
static int session_keys(const char *token, char id[TOKEN_HEX_LEN], unsigned char key[32])
{
	unsigned char t[TOKEN_BYTES], h[32];
	if (!token || vault_unhex(t, sizeof(t), token))
		return ERR_NOT_FOUND;
	vault_hash(h, t, sizeof(t), "melder-session-id");
	vault_hex(id, h, sizeof(h));
	vault_hash(key, t, sizeof(t), "melder-session-key");
	vault_wipe(t, sizeof(t));
	return 0;
}

/* The associated data of a session's box of ck: bound to the session's id. */
static size_t session_ad(char out[96], const char *id)
{
	int n = snprintf(out, 96, "melder-session:%.32s", id);
	return n > 0 && n < 96 ? (size_t) n : 0;
}

/* A new mailbox session for a case whose ck is open: the cookie's token into token. */
static int melder_session_new(struct store *st, long long case_id, const unsigned char *ck, long long now,
			      char token[TOKEN_HEX_LEN])
{
	unsigned char t[TOKEN_BYTES], key[32], box[CASE_BOX_BYTES];
	char id[TOKEN_HEX_LEN], ad[96];
	vault_random(t, sizeof(t));
	vault_hex(token, t, sizeof(t));
	vault_wipe(t, sizeof(t));
	int rc = session_keys(token, id, key);
	if (!rc) {
		vault_box(key, ck, VAULT_KEY_BYTES, ad, session_ad(ad, id), box);
		rc = store_melder_session_add(st, id, case_id, box, now);
	}
	vault_wipe(key, sizeof(key));
	return rc;
}

int cases_melder_signin(struct store *st, long long org_id, const unsigned char salt[16], const char *code,
			const char *passphrase, const char *client, long long now, char token[TOKEN_HEX_LEN],
			long long *retry_after)
{
	char ckey[48], gkey[48], digits[VAULT_RECEIPT_DIGITS + 1], ad[96];
	snprintf(ckey, sizeof(ckey), "m:c:%s", client ? client : "-");
	snprintf(gkey, sizeof(gkey), "m:g:%lld", now / 600);
	const struct limit limits[] = {{ckey, MELDER_FREE_CLIENT}, {gkey, MELDER_FREE_GLOBAL}};
	int rc = limits_take(st, limits, 2, now, retry_after);
	if (rc)
		return rc == LIMIT_LOCKED ? ERR_TOO_LARGE : rc;
	if (!code || vault_receipt_parse(code, digits) || (passphrase && strlen(passphrase) > 1024))
		return ERR_NOT_FOUND; /* counted like any wrong code */
	struct arena a = ARENA_INIT;
	struct case_row c;
	unsigned char lookup[CASE_LOOKUP_BYTES], mbox[CASE_BOX_BYTES];
	unsigned char *mk = vault_secret_new(), *ck = vault_secret_new();
	rc = mk && ck ? vault_receipt_keys(digits, passphrase, salt, &pw_receipt, lookup, mk) : ERR_NOMEM;
	vault_wipe(digits, sizeof(digits));
	if (!rc) {
		rc = store_case_by_lookup(st, &a, lookup, &c, mbox);
		if (!rc && c.org_id != org_id)
			rc = ERR_NOT_FOUND; /* a code of another organisation is no code here */
	}
	if (!rc && vault_open(mk, mbox, sizeof(mbox), ad, case_melder_ad(ad, lookup), ck))
		rc = ERR_NOT_FOUND;
	if (!rc)
		rc = melder_session_new(st, c.id, ck, now, token);
	if (rc != ERR_NOT_FOUND)
		limits_refund(st, limits, 2); /* right, or it could not be checked: no guess was wasted */
	vault_secret_free(mk);
	vault_secret_free(ck);
	arena_free(&a);
	return rc;
}

int cases_melder_session(struct store *st, const char *token, long long now, long long *case_id, unsigned char *ck)
{
	char id[TOKEN_HEX_LEN], ad[96];
	unsigned char key[32];
	struct melder_session s;
	int rc = session_keys(token, id, key);
	if (!rc)
		rc = store_melder_session_get(st, id, &s);
	if (!rc && now - s.seen_at > MELDER_IDLE) {
		rc = store_melder_session_delete(st, id);
		rc = rc ? rc : ERR_NOT_FOUND;
	}
	if (!rc && vault_open(key, s.ck, sizeof(s.ck), ad, session_ad(ad, id), ck))
		rc = ERR_NOT_FOUND;
	if (!rc && now - s.seen_at >= 60)
		rc = store_melder_session_touch(st, id, now);
	if (!rc)
		*case_id = s.case_id;
	vault_wipe(key, sizeof(key));
	return rc;
}

int cases_melder_signout(struct store *st, const char *token)
{
	char id[TOKEN_HEX_LEN];
	unsigned char key[32];
	int rc = session_keys(token, id, key);
	vault_wipe(key, sizeof(key));
	return rc ? 0 : store_melder_session_delete(st, id);
}
