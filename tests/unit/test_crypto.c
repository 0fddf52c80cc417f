#include "testutil.h"

#include <ctype.h>
#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <time.h>

#include "crypto/crypto.h"

static void derive_and_check(void **state)
{
	unsigned char salt[PW_SALT_BYTES];
	struct pw_keys k, got;
	assert_int_equal(vault_start(), 0);
	assert_int_equal(password_new("een lange zin als wachtwoord", salt, &k), 0);
	assert_int_equal(password_check("een lange zin als wachtwoord", salt, &pw_now, k.auth, &got), 1);
	assert_memory_equal(&got, &k, sizeof(k)); /* the wrap key comes with a right password */
	assert_int_equal(password_check("een lange zin als wachtwoorD", salt, &pw_now, k.auth, NULL), 0);
	assert_int_equal(password_check("", salt, &pw_now, k.auth, NULL), 0);
	/* The same password, salt and cost give the same keys; auth and wrap differ; another cost, other keys. */
	struct pw_keys a, b;
	const struct pw_params cheap = {.ops = 1, .mem = 8u << 20};
	assert_int_equal(password_derive("x", salt, &pw_now, &a), 0);
	assert_int_equal(password_derive("x", salt, &pw_now, &b), 0);
	assert_memory_equal(&a, &b, sizeof(a));
	assert_memory_not_equal(a.auth, a.wrap, PW_KEY_BYTES);
	assert_int_equal(password_derive("x", salt, &cheap, &b), 0);
	assert_memory_not_equal(a.auth, b.auth, PW_KEY_BYTES);
	assert_true(password_outdated(&cheap));
	assert_false(password_outdated(&pw_now));
	/* A new salt each time. */
	unsigned char salt2[PW_SALT_BYTES];
	struct pw_keys k2;
	assert_int_equal(password_new("een lange zin als wachtwoord", salt2, &k2), 0);
	assert_memory_not_equal(salt, salt2, PW_SALT_BYTES);
	assert_memory_not_equal(k.auth, k2.auth, PW_KEY_BYTES);
}

static void argon2id_cost(void **state)
{
	/* OWASP's minimum is 19 MiB and 2 passes; one sign-in should cost 100-250 ms on a server,
	   so this only checks the lower bound of time (the upper bound depends on the machine). */
	unsigned char salt[PW_SALT_BYTES] = {0};
	struct pw_keys k;
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	assert_int_equal(password_derive("wachtwoord", salt, &pw_now, &k), 0);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double ms = (double) (t1.tv_sec - t0.tv_sec) * 1e3 + (double) (t1.tv_nsec - t0.tv_nsec) / 1e6;
	printf("  argon2id: %.0f ms per derivation\n", ms);
	assert_true(ms > 10);
}

static void acceptable_passwords(void **state)
{
	const char *why = NULL;
	assert_int_equal(password_load_common("security/common-passwords.txt"), 0);
	assert_false(password_acceptable("kort", "a@b.nl", &why));
	assert_contains(why, "12 tekens");
	assert_false(password_acceptable("Wachtwoord1234", "a@b.nl", &why));
	assert_contains(why, "veelgebruikte");
	assert_false(password_acceptable("anna.devries@example.nl", "anna.devries@example.nl", &why));
	assert_true(password_acceptable("paarse olifant op de fiets", "anna@example.nl", &why));
	/* Length counts characters, not bytes. */
	assert_false(password_acceptable("ééééééééééé", "a@b.nl", &why));
}

static void hex_and_hash(void **state)
{
	unsigned char in[4] = {0x00, 0xab, 0x10, 0xff}, back[4];
	char hex[9];
	vault_hex(hex, in, 4);
	assert_string_equal(hex, "00ab10ff");
	assert_int_equal(vault_unhex(back, 4, hex), 0);
	assert_memory_equal(in, back, 4);
	assert_int_equal(vault_unhex(back, 4, "00ab10f"), ERR_INVALID);
	assert_int_equal(vault_unhex(back, 4, "00ab10fg"), ERR_INVALID);
	unsigned char h1[32], h2[32];
	vault_hash(h1, "token", 5, "session-id");
	vault_hash(h2, "token", 5, "csrf");
	assert_memory_not_equal(h1, h2, 32);
	assert_true(vault_equal(h1, h1, 32));
}

static void totp_rfc6238(void **state)
{
	/* RFC 6238's SHA-1 secret "12345678901234567890" in base32; 6 digits of its vectors. */
	const char *secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
	char code[7];
	const struct {
		long long t;
		const char *code;
	} v[] = {{59, "287082"},
		 {1111111109, "081804"},
		 {1111111111, "050471"},
		 {1234567890, "005924"},
		 {2000000000, "279037"}};
	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		assert_int_equal(totp_code(secret, v[i].t, code), 0);
		assert_string_equal(code, v[i].code);
		assert_int_equal(totp_check(secret, v[i].code, v[i].t), v[i].t / 30);
	}
	/* One step either side is accepted, two are not; junk never is. */
	assert_int_equal(totp_check(secret, "287082", 59 + 30), 1);
	assert_int_equal(totp_check(secret, "287082", 59 + 90), 0);
	assert_int_equal(totp_check(secret, "28708", 59), 0);
	assert_int_equal(totp_check(secret, "abcdef", 59), 0);
	assert_int_equal(totp_check(secret, NULL, 59), 0);
	char fresh[TOTP_SECRET_MAX];
	assert_int_equal(totp_new_secret(fresh), 0);
	assert_int_equal(strlen(fresh), 32);
}

/* Key pairs, sealing to several VPs, records bound to case, kind and id; tampering and swapping fail. */
static void keys_seal_and_box(void **state)
{
	unsigned char pk1[VAULT_KEY_BYTES], pk2[VAULT_KEY_BYTES], sealed[VAULT_SEALED_BYTES];
	unsigned char *sk1 = vault_secret_new(), *sk2 = vault_secret_new(), *ck = vault_secret_new(),
		      *back = vault_secret_new();
	assert_non_null(sk1);
	assert_non_null(back);
	assert_int_equal(vault_keypair(pk1, sk1), 0);
	assert_int_equal(vault_keypair(pk2, sk2), 0);
	vault_random(ck, VAULT_KEY_BYTES);
	assert_int_equal(vault_seal(pk1, ck, sealed), 0);
	assert_int_equal(vault_unseal(pk1, sk1, sealed, back), 0);
	assert_memory_equal(ck, back, VAULT_KEY_BYTES);
	assert_int_equal(vault_unseal(pk2, sk2, sealed, back), ERR_INVALID); /* sealed to the other VP */
	sealed[5] ^= 1;
	assert_int_equal(vault_unseal(pk1, sk1, sealed, back), ERR_INVALID);

	const char msg[] = "Mijn leidinggevende schreeuwt elke ochtend.";
	unsigned char box[sizeof(msg) + VAULT_BOX_OVERHEAD], out[sizeof(msg)];
	vault_box(ck, msg, sizeof(msg), "7|bericht|3", 11, box);
	assert_int_equal(vault_open(ck, box, sizeof(box), "7|bericht|3", 11, out), 0);
	assert_memory_equal(out, msg, sizeof(msg));
	assert_null(memmem(box, sizeof(box), "leidinggevende", 14));
	assert_int_equal(vault_open(ck, box, sizeof(box), "8|bericht|3", 11, out), ERR_INVALID);  /* another case */
	assert_int_equal(vault_open(ck, box, sizeof(box), "7|naam|3", 8, out), ERR_INVALID);	  /* another kind */
	assert_int_equal(vault_open(sk2, box, sizeof(box), "7|bericht|3", 11, out), ERR_INVALID); /* another key */
	box[30] ^= 0x40;
	assert_int_equal(vault_open(ck, box, sizeof(box), "7|bericht|3", 11, out), ERR_INVALID);
	assert_int_equal(vault_open(ck, box, 10, "", 0, out), ERR_INVALID);
	vault_secret_free(sk1);
	vault_secret_free(sk2);
	vault_secret_free(ck);
	vault_secret_free(back);
}

/* Recovery keys and receipt codes as people write them down and type them back. */
static void recovery_and_receipts(void **state)
{
	unsigned char key[VAULT_KEY_BYTES], back[VAULT_KEY_BYTES];
	char text[VAULT_RECOVERY_TEXT], fp[VAULT_FINGERPRINT];
	for (int round = 0; round < 200; round++) {
		vault_random(key, sizeof(key));
		vault_recovery_format(key, text);
		assert_int_equal(strlen(text), 64);
		assert_int_equal(vault_recovery_parse(text, back), 0);
		assert_memory_equal(key, back, sizeof(key));
	}
	for (char *p = text; *p; p++) /* lower case, spaces for dashes, O for 0 */
		*p = *p == '-' ? ' ' : *p == '0' ? 'o' : (char) tolower((unsigned char) *p);
	assert_int_equal(vault_recovery_parse(text, back), 0);
	assert_memory_equal(key, back, sizeof(key));
	assert_int_equal(vault_recovery_parse("ABCD-EFGH", back), ERR_INVALID);
	assert_int_equal(vault_recovery_parse("UUUU", back), ERR_INVALID);
	vault_fingerprint(key, fp);
	assert_int_equal(strlen(fp), 39);

	char code[VAULT_RECEIPT_TEXT], digits[VAULT_RECEIPT_DIGITS + 1];
	vault_receipt_new(code);
	assert_int_equal(strlen(code), 24);
	assert_int_equal(code[4], ' ');
	assert_int_equal(vault_receipt_parse(code, digits), 0);
	assert_int_equal(strlen(digits), 20);
	assert_int_equal(vault_receipt_parse("1234-5678-1234-5678-1234", digits), 0);
	assert_int_equal(vault_receipt_parse("1234 5678 1234 5678 123", digits), ERR_INVALID);
	assert_int_equal(vault_receipt_parse("1234 5678 1234 5678 1234 5", digits), ERR_INVALID);
	assert_int_equal(vault_receipt_parse("1234 5678 1234 5678 123x", digits), ERR_INVALID);
}

/* Argon2id with a receipt code's cost over fixed input; hex of the first 32 bytes, or "" on failure. */
static void *receipt_argon(void *out)
{
	unsigned char salt[PW_SALT_BYTES], raw[32];
	for (int i = 0; i < PW_SALT_BYTES; i++)
		salt[i] = (unsigned char) i;
	if (crypto_pwhash(raw, sizeof(raw), "1234567812345678|", 17, salt, pw_receipt.ops, pw_receipt.mem,
			  crypto_pwhash_ALG_ARGON2ID13))
		*(char *) out = 0;
	else
		sodium_bin2hex(out, 65, raw, sizeof(raw));
	return out;
}

static int all_zero(const unsigned char *p, size_t n)
{
	unsigned char acc = 0;
	for (size_t i = 0; i < n; i++)
		acc |= p[i];
	return acc == 0;
}

/*
 * Each thread keeps Argon2id's block between runs: the second run of a
 * receipt code's size gets the first one's block back, wiped in between, and
 * the results stay those of an unwrapped libsodium (the value below was made by
 * a program linked against Debian's shared libsodium). A password's 64 MiB
 * block is not kept, and two threads at once each use their own.
 */
static void argon_block_reused(void **state)
{
	static const char want[] = "6a48195b93c7d2b43784142ca6c109991a5a697671a04825004a2f8d6f9d5b62";
	char got[65];
	size_t len;
	unsigned long reused, before;
	assert_int_equal(vault_start(), 0);
	argon_block_kept(&len, &before);
	assert_string_equal(receipt_argon(got), want);
	const unsigned char *block = argon_block_kept(&len, &reused);
	assert_non_null(block);
	assert_int_equal(len, pw_receipt.mem);
	assert_true(all_zero(block, len)); /* wiped once libsodium let go of it */
	assert_string_equal(receipt_argon(got), want);
	assert_ptr_equal(argon_block_kept(&len, &reused), block);
	assert_true(reused > before);

	struct pw_keys k;
	unsigned char salt[PW_SALT_BYTES] = {0};
	assert_int_equal(password_derive("wachtwoord", salt, &pw_now, &k), 0);
	assert_ptr_equal(argon_block_kept(&len, &reused), block); /* 64 MiB went back to the kernel */
	assert_int_equal(len, pw_receipt.mem);

	pthread_t t[2];
	char out[2][65];
	for (int i = 0; i < 2; i++)
		assert_int_equal(pthread_create(&t[i], NULL, receipt_argon, out[i]), 0);
	for (int i = 0; i < 2; i++) {
		assert_int_equal(pthread_join(t[i], NULL), 0);
		assert_string_equal(out[i], want);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(derive_and_check),	     cmocka_unit_test(argon2id_cost),
	    cmocka_unit_test(acceptable_passwords),  cmocka_unit_test(hex_and_hash),
	    cmocka_unit_test(totp_rfc6238),	     cmocka_unit_test(keys_seal_and_box),
	    cmocka_unit_test(recovery_and_receipts), cmocka_unit_test(argon_block_reused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
