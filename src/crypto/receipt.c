/*
 * A receipt code's keys (crypto.h, vault_receipt_keys): one Argon2id run of
 * libsodium over the code and the melder's passphrase with the organisation's
 * salt, split into a lookup key and a key for the melder's box of the case
 * key. Returns 0, ERR_NOMEM (Argon2id found no memory) or ERR_INVALID; the
 * stretched secret is wiped either way.
 * Each thread keeps Argon2id's block between runs (argon_block.c).
 */
#include <sodium.h>
#include <stdio.h>

#include "crypto/crypto.h"

const struct pw_params pw_receipt = {.ops = 5, .mem = 7u << 20};

int vault_receipt_keys(const char *digits, const char *passphrase, const unsigned char salt[PW_SALT_BYTES],
		       const struct pw_params *p, unsigned char lookup[32], unsigned char *key)
{
	if (vault_start())
		return ERR_INVALID;
	char in[VAULT_RECEIPT_DIGITS + 1 + 1024 + 1];
	int n = snprintf(in, sizeof(in), "%s|%s", digits, passphrase ? passphrase : "");
	if (n < 0 || (size_t) n >= sizeof(in))
		return ERR_INVALID;
	if (password_fault())
		return ERR_NOMEM;
	unsigned char m[64];
	int rc =
	    crypto_pwhash(m, sizeof(m), in, (unsigned long long) n, salt, p->ops, p->mem, crypto_pwhash_ALG_ARGON2ID13)
		? ERR_NOMEM
		: 0;
	if (!rc) {
		vault_hash(lookup, m, sizeof(m), "lookup");
		vault_hash(key, m, sizeof(m), "key");
	}
	sodium_memzero(m, sizeof(m));
	sodium_memzero(in, sizeof(in));
	return rc;
}
