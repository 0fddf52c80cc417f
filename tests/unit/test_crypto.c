#include "testutil.h"

#include <stdio.h>
#include <time.h>

#include "crypto/crypto.h"

static void derive_and_check(void **state)
{
	unsigned char salt[PW_SALT_BYTES], auth[PW_KEY_BYTES];
	assert_int_equal(vault_start(), 0);
	assert_int_equal(password_new("een lange zin als wachtwoord", salt, auth), 0);
	assert_int_equal(password_check("een lange zin als wachtwoord", salt, auth), 1);
	assert_int_equal(password_check("een lange zin als wachtwoorD", salt, auth), 0);
	assert_int_equal(password_check("", salt, auth), 0);
	/* The same password and salt give the same keys; auth and wrap differ. */
	struct pw_keys a, b;
	assert_int_equal(password_derive("x", salt, &a), 0);
	assert_int_equal(password_derive("x", salt, &b), 0);
	assert_memory_equal(&a, &b, sizeof(a));
	assert_memory_not_equal(a.auth, a.wrap, PW_KEY_BYTES);
	/* A new salt each time. */
	unsigned char salt2[PW_SALT_BYTES], auth2[PW_KEY_BYTES];
	assert_int_equal(password_new("een lange zin als wachtwoord", salt2, auth2), 0);
	assert_memory_not_equal(salt, salt2, PW_SALT_BYTES);
	assert_memory_not_equal(auth, auth2, PW_KEY_BYTES);
}

static void argon2id_cost(void **state)
{
	/* OWASP's minimum is 19 MiB and 2 passes; one sign-in should cost 100-250 ms on a server,
	   so this only checks the lower bound of time (the upper bound depends on the machine). */
	unsigned char salt[PW_SALT_BYTES] = {0};
	struct pw_keys k;
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	assert_int_equal(password_derive("wachtwoord", salt, &k), 0);
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

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(derive_and_check), cmocka_unit_test(argon2id_cost), cmocka_unit_test(acceptable_passwords),
	    cmocka_unit_test(hex_and_hash),	cmocka_unit_test(totp_rfc6238),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
