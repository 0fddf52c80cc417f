/*
 * Passwords, random tokens and hashes on libsodium (crypto.h): Argon2id keys,
 * the common-password list and the password policy. Derived keys are wiped
 * once used. libsodium that will not start is ERR_INVALID, an Argon2id that
 * cannot get its memory ERR_NOMEM; password_check never counts an error as a
 * match.
 */
#include <ctype.h>
#include <pthread.h>
#include <stdatomic.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/hash.h"
#include "base/mem.h"
#include "crypto/crypto.h"

static int sodium_rc = -1;

static void start_once(void)
{
	sodium_rc = sodium_init() < 0 ? ERR_INVALID : 0;
}

int vault_start(void)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, start_once);
	return sodium_rc;
}

void vault_random(void *buf, size_t n)
{
	randombytes_buf(buf, n);
}

void vault_hash(unsigned char out[32], const void *data, size_t n, const char *context)
{
	crypto_generichash_state st;
	crypto_generichash_init(&st, (const unsigned char *) context, strlen(context), 32);
	crypto_generichash_update(&st, data, n);
	crypto_generichash_final(&st, out, 32);
}

void vault_hex(char *out, const unsigned char *in, size_t n)
{
	sodium_bin2hex(out, n * 2 + 1, in, n);
}

int vault_unhex(unsigned char *out, size_t n, const char *hex)
{
	size_t len = 0;
	if (!hex || strlen(hex) != n * 2 || sodium_hex2bin(out, n, hex, n * 2, NULL, &len, NULL) || len != n)
		return ERR_INVALID;
	return 0;
}

int vault_equal(const void *a, const void *b, size_t n)
{
	return sodium_memcmp(a, b, n) == 0;
}

void vault_wipe(void *p, size_t n)
{
	sodium_memzero(p, n);
}

static atomic_long derive_countdown;

void password_fail_after(long n)
{
	atomic_store(&derive_countdown, n > 0 ? n : 0);
}

int password_fault(void)
{
	long left = atomic_load(&derive_countdown);
	return left > 0 && atomic_fetch_sub(&derive_countdown, 1) == 1;
}

const struct pw_params pw_now = {.ops = crypto_pwhash_OPSLIMIT_INTERACTIVE, .mem = crypto_pwhash_MEMLIMIT_INTERACTIVE};

int password_outdated(const struct pw_params *p)
{
	return p->ops < pw_now.ops || p->mem < pw_now.mem;
}

int password_derive(const char *password, const unsigned char salt[PW_SALT_BYTES], const struct pw_params *p,
		    struct pw_keys *out)
{
	if (vault_start())
		return ERR_INVALID;
	if (password_fault())
		return ERR_NOMEM; /* a test standing in for an allocation Argon2id could not get */
	unsigned char raw[64];
	if (crypto_pwhash(raw, sizeof(raw), password, strlen(password), salt, p->ops, p->mem,
			  crypto_pwhash_ALG_ARGON2ID13))
		return ERR_NOMEM;
	vault_hash(out->auth, raw, sizeof(raw), "auth");
	vault_hash(out->wrap, raw, sizeof(raw), "wrap");
	vault_wipe(raw, sizeof(raw));
	return 0;
}

int password_new(const char *password, unsigned char salt[PW_SALT_BYTES], struct pw_keys *out)
{
	vault_random(salt, PW_SALT_BYTES);
	return password_derive(password, salt, &pw_now, out);
}

int password_check(const char *password, const unsigned char salt[PW_SALT_BYTES], const struct pw_params *p,
		   const unsigned char auth[PW_KEY_BYTES], struct pw_keys *keys)
{
	struct pw_keys k;
	int rc = password_derive(password, salt, p, &k);
	int ok = !rc && vault_equal(k.auth, auth, PW_KEY_BYTES);
	if (keys && ok)
		*keys = k;
	vault_wipe(&k, sizeof(k));
	return rc ? rc : ok;
}

/* The common passwords, as a sorted array for binary search; immutable once loaded. */
static char **common;
static size_t ncommon;

static int by_str(const void *a, const void *b)
{
	return strcmp(*(char *const *) a, *(char *const *) b);
}

void password_free_common(void)
{
	for (size_t i = 0; i < ncommon; i++)
		mem_free(common[i]);
	mem_free(common);
	common = NULL;
	ncommon = 0;
}

int password_load_common(const char *path)
{
	password_free_common();
	FILE *f = fopen(path, "r");
	if (!f)
		return ERR_IO;
	char line[256];
	size_t cap = 0;
	int rc = 0;
	while (!rc && fgets(line, sizeof(line), f)) {
		line[strcspn(line, "\r\n")] = '\0';
		if (!line[0] || line[0] == '#')
			continue;
		if (ncommon == cap) {
			cap = cap ? cap * 2 : 256;
			char **p = mem_realloc(common, cap * sizeof(*p));
			if (!p) {
				rc = ERR_NOMEM;
				break;
			}
			common = p;
		}
		if (!(common[ncommon] = mem_strdup(line)))
			rc = ERR_NOMEM;
		else
			ncommon++;
	}
	fclose(f);
	qsort(common, ncommon, sizeof(*common), by_str);
	return rc;
}

int password_acceptable(const char *password, const char *email, const char **why)
{
	size_t chars = 0;
	for (const unsigned char *p = (const unsigned char *) password; *p; p++)
		chars += (*p & 0xC0) != 0x80;
	if (chars < PW_MIN_LENGTH) {
		*why = "Kies een wachtwoord van minstens 12 tekens; een zin van een paar woorden werkt goed.";
		return 0;
	}
	char lower[256];
	size_t n = strlen(password) < sizeof(lower) - 1 ? strlen(password) : sizeof(lower) - 1;
	for (size_t i = 0; i < n; i++)
		lower[i] = (char) tolower((unsigned char) password[i]);
	lower[n] = '\0';
	const char *key = lower;
	if (common && bsearch(&key, common, ncommon, sizeof(*common), by_str)) {
		*why = "Dit wachtwoord staat op de lijst van veelgebruikte wachtwoorden. Kies een ander.";
		return 0;
	}
	if (email && *email) {
		size_t at = strcspn(email, "@");
		if (strcasestr(lower, email) || (at >= 4 && strncasecmp(lower, email, at) == 0 && at == n)) {
			*why = "Gebruik niet je e-mailadres of je naam als wachtwoord.";
			return 0;
		}
	}
	return 1;
}
