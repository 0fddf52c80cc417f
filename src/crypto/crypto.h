/*
 * crypto (prefix vault_, libsodium has crypto_): passwords, random tokens and the key derivations of
 * shared/docs/confidentiality.md, all on libsodium. Nothing here is home-made
 * cryptography: Argon2id for passwords, BLAKE2b for sub-keys and token hashes.
 *
 * One Argon2id run per sign-in gives 64 bytes `out`; auth = BLAKE2b(out, "auth")
 * is stored and compared in constant time; wrap = BLAKE2b(out, "wrap") will
 * unwrap an advisor's private key (later issues), so the password derives both.
 */
#ifndef VERTROUWD_CRYPTO_CRYPTO_H
#define VERTROUWD_CRYPTO_CRYPTO_H

#include <stddef.h>

#include "base/err.h"

#define PW_SALT_BYTES 16
#define PW_KEY_BYTES  32
#define PW_MIN_LENGTH 12
#define TOKEN_BYTES   32
#define TOKEN_HEX_LEN (TOKEN_BYTES * 2 + 1) /* a token as lower-case hex and its NUL */

/* Initialise libsodium once (thread-safe); ERR_INVALID if it cannot start. */
int vault_start(void) WUR;

struct pw_keys {
	unsigned char auth[PW_KEY_BYTES];
	unsigned char wrap[PW_KEY_BYTES];
};

/* Argon2id's cost, stored beside every salt so that it can be raised later (confidentiality.md). */
struct pw_params {
	unsigned long long ops; /* passes */
	size_t mem;		/* bytes */
};

/*
 * What new salts get: libsodium's INTERACTIVE limits, 2 passes and 64 MiB,
 * above OWASP's minimum of 19 MiB and 2 passes; about 100 ms here.
 */
extern const struct pw_params pw_now;
/* Whether keys made with p should be made again with pw_now (at the next sign-in). */
int password_outdated(const struct pw_params *p);

/*
 * Argon2id of password with salt and p: auth and wrap keys. ERR_NOMEM when the
 * memory cannot be had. The caller wipes keys with vault_wipe().
 */
int password_derive(const char *password, const unsigned char salt[PW_SALT_BYTES], const struct pw_params *p,
		    struct pw_keys *out) WUR;
/* Tests: make the nth Argon2id run from now fail with ERR_NOMEM (0 = off). */
void password_fail_after(long n);
/* Whether the test countdown says this Argon2id run fails (crypto/ internal). */
int password_fault(void);
/* A new random salt and the keys for password under pw_now. */
int password_new(const char *password, unsigned char salt[PW_SALT_BYTES], struct pw_keys *out) WUR;
/*
 * Whether password gives auth with salt and p (constant-time compare): 1 yes
 * (and *keys filled when keys is not NULL), 0 no, <0 error.
 */
int password_check(const char *password, const unsigned char salt[PW_SALT_BYTES], const struct pw_params *p,
		   const unsigned char auth[PW_KEY_BYTES], struct pw_keys *keys);
/*
 * Whether a new password is good enough: at least PW_MIN_LENGTH characters,
 * not in the list of common passwords, not the e-mail address or its name part.
 * On 0, *why is a Dutch sentence that says what to do.
 */
int password_acceptable(const char *password, const char *email, const char **why);
/* Load the list of common passwords (one a line, lower case); loading again replaces it. */
int password_load_common(const char *path) WUR;
void password_free_common(void);

/* ---- TOTP (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits), on liboath ---- */

#define TOTP_SECRET_MAX 64

/* A new random secret (20 bytes) in base32 for authenticator apps. */
int totp_new_secret(char out[TOTP_SECRET_MAX]) WUR;
/*
 * Whether code is right for the base32 secret at now, one step either side;
 * returns the matching time step (> 0), 0 when the code is wrong, <0 on error.
 */
long long totp_check(const char *secret, const char *code, long long now);
/* The code for a time (tests and the command line). */
int totp_code(const char *secret, long long now, char out[7]) WUR;

/* ---- Keys for cases (keys.c; shared/docs/confidentiality.md) ---- */

#define VAULT_KEY_BYTES	     32			    /* a record key, an X25519 public or secret key */
#define VAULT_SEALED_BYTES   (VAULT_KEY_BYTES + 48) /* a key sealed to a public key */
#define VAULT_BOX_OVERHEAD   40			    /* a record's nonce (24) and tag (16) */
#define VAULT_FINGERPRINT    40			    /* "1A2B 3C4D ..." (8 groups) and its NUL */
#define VAULT_RECOVERY_TEXT  65			    /* 52 letters in groups of 4, dashes, NUL */
#define VAULT_RECEIPT_DIGITS 20
#define VAULT_RECEIPT_TEXT   (VAULT_RECEIPT_DIGITS + VAULT_RECEIPT_DIGITS / 4) /* groups of 4 and a NUL */

/* VAULT_KEY_BYTES of zeroed guarded memory (sodium_malloc), or NULL; free with vault_secret_free. */
unsigned char *vault_secret_new(void);
/* Wipe and free a secret from vault_secret_new (NULL is fine). */
void vault_secret_free(unsigned char *k);
/* A new X25519 key pair; sk should be guarded memory. 0 or ERR_INVALID. */
int vault_keypair(unsigned char pk[VAULT_KEY_BYTES], unsigned char *sk) WUR;
/*
 * Encrypt n bytes with key (XChaCha20-Poly1305, a random nonce), bound to ad
 * (what the record is and where it belongs): out gets n + VAULT_BOX_OVERHEAD bytes.
 */
void vault_box(const unsigned char key[VAULT_KEY_BYTES], const void *msg, size_t n, const void *ad, size_t adlen,
	       unsigned char *out);
/* Decrypt inlen bytes from vault_box into out (inlen - VAULT_BOX_OVERHEAD bytes); ERR_INVALID when tampered,
 * under another key or for another ad. */
int vault_open(const unsigned char key[VAULT_KEY_BYTES], const unsigned char *in, size_t inlen, const void *ad,
	       size_t adlen, unsigned char *out) WUR;
/* Seal a key to a public key (only its secret key opens it); 0 or ERR_INVALID. */
int vault_seal(const unsigned char pk[VAULT_KEY_BYTES], const unsigned char *key,
	       unsigned char out[VAULT_SEALED_BYTES]) WUR;
/* Open a sealed key with the key pair; ERR_INVALID when it was not sealed to pk or was changed. */
int vault_unseal(const unsigned char pk[VAULT_KEY_BYTES], const unsigned char *sk,
		 const unsigned char in[VAULT_SEALED_BYTES], unsigned char *key) WUR;
/*
 * Files (attachments): crypto_secretstream in 64 KiB chunks under a key of
 * their own, every chunk bound to ad, the last one marked final, so a file cut
 * short, reordered or moved does not open. vault_stream_size(n) is the sealed
 * size of n bytes; opening gives at most inlen bytes, ERR_INVALID otherwise.
 */
size_t vault_stream_size(size_t n);
void vault_stream_seal(const unsigned char key[VAULT_KEY_BYTES], const void *in, size_t n, const void *ad, size_t adlen,
		       unsigned char *out);
int vault_stream_open(const unsigned char key[VAULT_KEY_BYTES], const unsigned char *in, size_t inlen, const void *ad,
		      size_t adlen, unsigned char *out, size_t *outlen) WUR;
/* What a VP compares to know their key: BLAKE2b of the public key, 32 hex digits in groups of 4. */
void vault_fingerprint(const unsigned char pk[VAULT_KEY_BYTES], char out[VAULT_FINGERPRINT]);
/* A recovery key for paper: 52 letters without look-alikes, in groups of 4; and back (case and
 * spacing do not matter; ERR_INVALID for anything else). */
void vault_recovery_format(const unsigned char *key, char out[VAULT_RECOVERY_TEXT]);
int vault_recovery_parse(const char *text, unsigned char *key) WUR;
/* A new receipt code: VAULT_RECEIPT_DIGITS random digits in groups of 4; and its digits as typed (spaces,
 * dashes and dots ignored; ERR_INVALID unless exactly that many digits). */
void vault_receipt_new(char out[VAULT_RECEIPT_TEXT]);
int vault_receipt_parse(const char *text, char out[VAULT_RECEIPT_DIGITS + 1]) WUR;

/*
 * The cost of a receipt code's Argon2id (crypto/receipt.c): one of OWASP's
 * minimum settings, 7 MiB and 5 passes (equivalent to 19 MiB and 2, and about
 * 1.7 times faster here, as its memory fits the cache better; every report
 * pays one run). A code has
 * 66 bits of its own, so the stretching guards the optional passphrase and
 * the database's holder. Stored beside each case, so it can be raised later.
 */
extern const struct pw_params pw_receipt;
/*
 * m = Argon2id(digits "|" passphrase, salt) as confidentiality.md has it for a
 * melder: lookup = BLAKE2b(m, "lookup") finds the case, key = BLAKE2b(m,
 * "key") (VAULT_KEY_BYTES, guarded memory) opens the melder's box of the case
 * key. ERR_NOMEM when Argon2id finds no memory, ERR_INVALID for a passphrase
 * over 1024 bytes.
 */
int vault_receipt_keys(const char *digits, const char *passphrase, const unsigned char salt[PW_SALT_BYTES],
		       const struct pw_params *p, unsigned char lookup[32], unsigned char *key) WUR;
/*
 * Argon2id's block of up to 16 MiB stays with the thread that used it and is
 * wiped between runs (crypto/argon_block.c): the calling thread's kept block
 * (NULL when it has none), its size, and how many runs got it back. For tests.
 */
const unsigned char *argon_block_kept(size_t *len, unsigned long *reused);

/* n random bytes. */
void vault_random(void *buf, size_t n);
/* BLAKE2b-256 of data under a context string ("session-id", "setup", ...). */
void vault_hash(unsigned char out[32], const void *data, size_t n, const char *context);
/* Lower-case hex of n bytes into out (2n + 1 bytes). */
void vault_hex(char *out, const unsigned char *in, size_t n);
/* Parse 2n hex digits; ERR_INVALID when it is not exactly that. */
int vault_unhex(unsigned char *out, size_t n, const char *hex) WUR;
/* Constant-time comparison: 1 when equal. */
int vault_equal(const void *a, const void *b, size_t n);
/* Zero memory the compiler may not optimise away. */
void vault_wipe(void *p, size_t n);

#endif
