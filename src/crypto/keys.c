/*
 * Keys for cases (crypto.h, "keys"; shared/docs/confidentiality.md): X25519
 * key pairs, sealed boxes to a public key, XChaCha20-Poly1305 records bound to
 * their context by associated data, secrets in guarded memory, fingerprints,
 * recovery keys (Crockford base32) and receipt codes. All of it libsodium. Opening anything that
 * was changed, swapped or made for another context is ERR_INVALID; guarded
 * memory that cannot be had is NULL (ERR_NOMEM for the caller).
 */
#include <ctype.h>
#include <sodium.h>
#include <string.h>

#include "crypto/crypto.h"

_Static_assert(VAULT_KEY_BYTES == crypto_aead_xchacha20poly1305_ietf_KEYBYTES, "record keys");
_Static_assert(VAULT_KEY_BYTES == crypto_box_PUBLICKEYBYTES && VAULT_KEY_BYTES == crypto_box_SECRETKEYBYTES,
	       "X25519 keys");
_Static_assert(VAULT_SEALED_BYTES == VAULT_KEY_BYTES + crypto_box_SEALBYTES, "a sealed key");
_Static_assert(VAULT_BOX_OVERHEAD ==
		   crypto_aead_xchacha20poly1305_ietf_NPUBBYTES + crypto_aead_xchacha20poly1305_ietf_ABYTES,
	       "nonce and tag");

unsigned char *vault_secret_new(void)
{
	if (vault_start())
		return NULL;
	unsigned char *k = sodium_malloc(VAULT_KEY_BYTES);
	if (k)
		sodium_memzero(k, VAULT_KEY_BYTES);
	return k;
}

void vault_secret_free(unsigned char *k)
{
	if (k)
		sodium_free(k); /* zeroes before it frees */
}

int vault_keypair(unsigned char pk[VAULT_KEY_BYTES], unsigned char *sk)
{
	if (vault_start())
		return ERR_INVALID;
	return crypto_box_keypair(pk, sk) ? ERR_INVALID : 0;
}

void vault_box(const unsigned char key[VAULT_KEY_BYTES], const void *msg, size_t n, const void *ad, size_t adlen,
	       unsigned char *out)
{
	unsigned char *nonce = out;
	randombytes_buf(nonce, crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
	crypto_aead_xchacha20poly1305_ietf_encrypt(out + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES, NULL, msg, n, ad,
						   adlen, NULL, nonce, key);
}

int vault_open(const unsigned char key[VAULT_KEY_BYTES], const unsigned char *in, size_t inlen, const void *ad,
	       size_t adlen, unsigned char *out)
{
	if (inlen < VAULT_BOX_OVERHEAD)
		return ERR_INVALID;
	const size_t nb = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
	return crypto_aead_xchacha20poly1305_ietf_decrypt(out, NULL, NULL, in + nb, inlen - nb, ad, adlen, in, key)
		   ? ERR_INVALID
		   : 0;
}

int vault_seal(const unsigned char pk[VAULT_KEY_BYTES], const unsigned char *key, unsigned char out[VAULT_SEALED_BYTES])
{
	if (vault_start())
		return ERR_INVALID;
	return crypto_box_seal(out, key, VAULT_KEY_BYTES, pk) ? ERR_INVALID : 0;
}

int vault_unseal(const unsigned char pk[VAULT_KEY_BYTES], const unsigned char *sk,
		 const unsigned char in[VAULT_SEALED_BYTES], unsigned char *key)
{
	return crypto_box_seal_open(key, in, VAULT_SEALED_BYTES, pk, sk) ? ERR_INVALID : 0;
}

void vault_fingerprint(const unsigned char pk[VAULT_KEY_BYTES], char out[VAULT_FINGERPRINT])
{
	unsigned char h[32];
	char hex[33];
	vault_hash(h, pk, VAULT_KEY_BYTES, "fingerprint");
	vault_hex(hex, h, 16);
	size_t k = 0;
	for (size_t i = 0; i < 32; i++) {
		if (i && i % 4 == 0)
			out[k++] = ' ';
		out[k++] = (char) toupper((unsigned char) hex[i]);
	}
	out[k] = '\0';
}

/* Crockford's base32: no I, L, O or U, and those typed by mistake read as 1, 1 and 0. */
static const char letters[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

static int letter_value(int c)
{
	c = toupper(c);
	c = c == 'O' ? '0' : c == 'I' || c == 'L' ? '1' : c;
	const char *at = c ? strchr(letters, c) : NULL;
	return at ? (int) (at - letters) : -1;
}

void vault_recovery_format(const unsigned char *key, char out[VAULT_RECOVERY_TEXT])
{
	/* 256 bits in 52 five-bit letters (the last one carries 1 bit), in groups of four. */
	size_t k = 0;
	for (size_t i = 0; i < 52; i++) {
		size_t bit = i * 5;
		unsigned v = 0;
		for (size_t b = 0; b < 5; b++, bit++)
			v = v << 1 | (bit < 256 ? (key[bit / 8] >> (7 - bit % 8)) & 1u : 0u);
		if (i && i % 4 == 0)
			out[k++] = '-';
		out[k++] = letters[v];
	}
	out[k] = '\0';
}

int vault_recovery_parse(const char *text, unsigned char *key)
{
	unsigned char bits[VAULT_KEY_BYTES + 1] = {0};
	size_t n = 0;
	for (const char *p = text; p && *p; p++) {
		if (*p == '-' || *p == ' ')
			continue;
		int v = letter_value((unsigned char) *p);
		if (v < 0 || n == 52)
			return ERR_INVALID;
		for (int b = 4; b >= 0; b--) {
			size_t bit = n * 5 + (size_t) (4 - b);
			if ((unsigned) v >> b & 1u)
				bits[bit / 8] |= (unsigned char) (0x80u >> (bit % 8));
		}
		n++;
	}
	int ok = n == 52 && !(bits[VAULT_KEY_BYTES] & 0xF0); /* the 4 bits past the key are zero */
	if (ok)
		memcpy(key, bits, VAULT_KEY_BYTES);
	sodium_memzero(bits, sizeof(bits));
	return ok ? 0 : ERR_INVALID;
}

void vault_receipt_new(char out[VAULT_RECEIPT_TEXT])
{
	size_t k = 0;
	for (int i = 0; i < VAULT_RECEIPT_DIGITS; i++) {
		if (i && i % 4 == 0)
			out[k++] = ' ';
		out[k++] = (char) ('0' + randombytes_uniform(10));
	}
	out[k] = '\0';
}

int vault_receipt_parse(const char *text, char out[VAULT_RECEIPT_DIGITS + 1])
{
	size_t n = 0;
	for (const char *p = text; p && *p; p++) {
		if (*p == ' ' || *p == '-' || *p == '.')
			continue;
		if (*p < '0' || *p > '9' || n == VAULT_RECEIPT_DIGITS)
			return ERR_INVALID;
		out[n++] = *p;
	}
	out[n] = '\0';
	return n == VAULT_RECEIPT_DIGITS ? 0 : ERR_INVALID;
}

#define STREAM_CHUNK 65536

size_t vault_stream_size(size_t n)
{
	size_t chunks = n / STREAM_CHUNK + 1;
	return crypto_secretstream_xchacha20poly1305_HEADERBYTES + n +
	       chunks * crypto_secretstream_xchacha20poly1305_ABYTES;
}

void vault_stream_seal(const unsigned char key[VAULT_KEY_BYTES], const void *in, size_t n, const void *ad, size_t adlen,
		       unsigned char *out)
{
	crypto_secretstream_xchacha20poly1305_state st;
	crypto_secretstream_xchacha20poly1305_init_push(&st, out, key);
	unsigned char *o = out + crypto_secretstream_xchacha20poly1305_HEADERBYTES;
	const unsigned char *p = in;
	size_t left = n;
	do {
		size_t k = left < STREAM_CHUNK ? left : STREAM_CHUNK;
		int last = k == left;
		crypto_secretstream_xchacha20poly1305_push(&st, o, NULL, p, k, ad, adlen,
							   last ? crypto_secretstream_xchacha20poly1305_TAG_FINAL : 0);
		o += k + crypto_secretstream_xchacha20poly1305_ABYTES;
		p += k;
		left -= k;
		if (last)
			break;
	} while (1);
	sodium_memzero(&st, sizeof(st));
}

int vault_stream_open(const unsigned char key[VAULT_KEY_BYTES], const unsigned char *in, size_t inlen, const void *ad,
		      size_t adlen, unsigned char *out, size_t *outlen)
{
	crypto_secretstream_xchacha20poly1305_state st;
	const size_t hb = crypto_secretstream_xchacha20poly1305_HEADERBYTES,
		     ab = crypto_secretstream_xchacha20poly1305_ABYTES;
	if (inlen < hb + ab || crypto_secretstream_xchacha20poly1305_init_pull(&st, in, key))
		return ERR_INVALID;
	const unsigned char *p = in + hb, *end = in + inlen;
	size_t done = 0;
	int rc = ERR_INVALID;
	while (p < end) {
		size_t k = (size_t) (end - p) < STREAM_CHUNK + ab ? (size_t) (end - p) : STREAM_CHUNK + ab;
		unsigned long long got;
		unsigned char tag;
		if (k < ab || crypto_secretstream_xchacha20poly1305_pull(&st, out + done, &got, &tag, p, k, ad, adlen))
			break;
		done += (size_t) got;
		p += k;
		if (tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL) {
			rc = p == end ? 0 : ERR_INVALID; /* nothing may follow the final chunk */
			break;
		}
	}
	sodium_memzero(&st, sizeof(st));
	*outlen = rc ? 0 : done;
	return rc;
}
