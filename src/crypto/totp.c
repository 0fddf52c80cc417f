/*
 * TOTP second factor on liboath (RFC 6238): 6 digits, 30-second steps, one
 * step of clock drift either way. liboath that will not start or a secret
 * that does not decode is ERR_INVALID; a malformed or wrong code is no match
 * (0), never an error. Decoded secrets are wiped after use.
 */
#include <liboath/oath.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/crypto.h"

#define STEP   30
#define DIGITS 6
#define WINDOW 1

static int oath_started = -1;

static void oath_once(void)
{
	oath_started = oath_init() == OATH_OK ? 0 : ERR_INVALID;
}

static int start(void)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, oath_once);
	return oath_started;
}

int totp_new_secret(char out[TOTP_SECRET_MAX])
{
	unsigned char raw[20];
	char *b32 = NULL;
	size_t len = 0;
	vault_random(raw, sizeof(raw));
	int rc = start() || oath_base32_encode((const char *) raw, sizeof(raw), &b32, &len) != OATH_OK ||
			 len >= TOTP_SECRET_MAX
		     ? ERR_INVALID
		     : 0;
	if (!rc) {
		memcpy(out, b32, len);
		out[len] = '\0';
	}
	vault_wipe(raw, sizeof(raw));
	free(b32);
	return rc;
}

/* The raw secret; the caller frees it. */
static char *decode(const char *secret, size_t *len)
{
	char *raw = NULL;
	if (start() || oath_base32_decode(secret, strlen(secret), &raw, len) != OATH_OK)
		return NULL;
	return raw;
}

long long totp_check(const char *secret, const char *code, long long now)
{
	size_t len, n = code ? strlen(code) : 0;
	if (n != DIGITS || strspn(code, "0123456789") != n)
		return 0;
	char *raw = decode(secret, &len);
	if (!raw)
		return ERR_INVALID;
	int pos = oath_totp_validate(raw, len, (time_t) now, STEP, 0, WINDOW, code);
	vault_wipe(raw, len);
	free(raw);
	/* pos is how many steps away the code was: turn it into the absolute step. */
	if (pos < 0)
		return 0;
	for (int d = -WINDOW; d <= WINDOW; d++) {
		char expect[7];
		long long step = now / STEP + d;
		if (!totp_code(secret, step * STEP, expect) && !strcmp(expect, code))
			return step;
	}
	return 0;
}

int totp_code(const char *secret, long long now, char out[7])
{
	size_t len;
	char *raw = decode(secret, &len);
	if (!raw)
		return ERR_INVALID;
	int rc = oath_totp_generate(raw, len, (time_t) now, STEP, 0, DIGITS, out) == OATH_OK ? 0 : ERR_INVALID;
	vault_wipe(raw, len);
	free(raw);
	return rc;
}
