/*
 * The case model against a real store: a melder's report is readable with its
 * receipt code and by the VPs it was sealed to, by nobody else; records cannot
 * be changed or swapped unnoticed; wrong codes are rate-limited and look like
 * unknown ones; and the store holds no byte of what was written.
 */
#include "testutil.h"
#include "vp_fixture.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cases/cases.h"
#include "orgs/orgs.h"
#include "store/db.h"
#include "store/keys.h"
#include "store/store.h"
#include "store/users.h"

static char dir[] = "/tmp/vertrouwd-cases-XXXXXX", dsn[300];
static struct store *st;
static long long org_a, org_b, vp_a, vp_b;
static unsigned char *sk_a, *sk_b;
static struct org oa, ob;

#define CANARY "kanarie-7Q2Z-geel-9w1x"

/* A VP of org with a fresh key pair (the secret key kept in *sk for the test). */
static long long vp_with_key(const char *email, long long org, unsigned char **sk)
{
	const char *why;
	long long id = test_vp(st, email, "VP", org, sk);
	assert_int_equal(orgs_vp_profile_set(
			     st, "test", email,
			     &(struct vp_profile){"extern", "beide", "Nederlands", "", "", "", "", "", "", ""}, &why),
			 0);
	return id;
}

static int setup(void **state)
{
	struct org_input a = {.name = "Gemeente Noord", .workers = 300, .listed = 1},
			 b = {.name = "Bakkerij Zuid", .workers = 12, .listed = 0};
	if (test_store_orgs(dir, dsn, sizeof(dsn), "c.db", &st, &a, &org_a, &b, &org_b))
		return -1;
	vp_a = vp_with_key("vp-a@example.nl", org_a, &sk_a);
	vp_b = vp_with_key("vp-b@example.nl", org_b, &sk_b);
	struct arena ar = ARENA_INIT;
	static struct arena keep = ARENA_INIT;
	if (orgs_get(st, &keep, org_a, &oa) || orgs_get(st, &keep, org_b, &ob))
		return -1;
	arena_free(&ar);
	return 0;
}

static int teardown(void **state)
{
	vault_secret_free(sk_a);
	vault_secret_free(sk_b);
	store_close(st);
	return 0;
}

static struct receipt report(const char *message, const char *passphrase)
{
	const char *why = NULL;
	struct receipt r;
	struct report_input in = {.org_id = org_a,
				  .mode = "melden",
				  .theme = "pesten",
				  .message = message,
				  .reach = "telefoon",
				  .name = "Naam " CANARY,
				  .contact = "06-" CANARY,
				  .passphrase = passphrase,
				  .consent = 1};
	assert_int_equal(cases_report(st, &in, 1796000000, &r, &why), 0);
	return r;
}

/* The text of every record of a case opened with ck, joined. */
static const char *all_text(struct arena *a, long long case_id, const unsigned char *ck)
{
	struct case_entry *e;
	size_t n;
	assert_int_equal(cases_entries(st, a, case_id, ck, CASE_FOR_VP, &e, &n), 0);
	const char *s = "";
	for (size_t i = 0; i < n; i++)
		s = arena_printf(a, "%s|%s:%s", s, e[i].author, e[i].text);
	return s;
}

static void melder_and_vp_read_it_nobody_else(void **state)
{
	struct arena a = ARENA_INIT;
	struct receipt r = report("Mijn chef " CANARY " schreeuwt.", NULL);
	assert_int_equal(strlen(r.code), 24);
	assert_string_equal(r.received_on, "2026-11-30");
	assert_string_equal(r.ack_due, "2026-12-07"); /* acknowledged within 7 days */
	char token[TOKEN_HEX_LEN];
	long long wait, case_id;
	unsigned char *ck = vault_secret_new();
	assert_int_equal(cases_melder_signin(st, org_a, oa.receipt_salt, r.code, NULL, "m1", 1796000100, token, &wait),
			 0);
	assert_int_equal(cases_melder_session(st, token, 1796000200, &case_id, ck), 0);
	assert_int_equal(case_id, r.case_id);
	assert_contains(all_text(&a, case_id, ck), "Mijn chef " CANARY);
	assert_contains(all_text(&a, case_id, ck), "06-" CANARY);

	/* The VP it was sealed to reads it and answers; the melder reads the answer. */
	unsigned char *vck = vault_secret_new();
	const char *why;
	assert_int_equal(cases_vp_open(st, r.case_id, vp_a, sk_a, vck), 0);
	assert_memory_equal(ck, vck, VAULT_KEY_BYTES);
	assert_int_equal(
	    cases_message(st, r.case_id, vck, "vp", "Vera", "u1", "Dank voor uw bericht.", NULL, 1796000300, &why), 0);
	assert_contains(all_text(&a, case_id, ck), "vp:Dank voor uw bericht.");

	/* Another organisation's VP has no access; with the right VP's key sealed to nobody else either. */
	assert_int_equal(cases_vp_open(st, r.case_id, vp_b, sk_b, vck), ERR_NOT_FOUND);
	struct case_row row;
	assert_int_equal(store_case_get(st, &a, org_b, r.case_id, &row), ERR_NOT_FOUND);
	assert_int_equal(store_case_get(st, &a, org_a, r.case_id, &row), 0);
	assert_string_equal(row.themes, "pesten");
	assert_string_equal(row.mode, "melden");

	/* Signing out ends the session. */
	assert_int_equal(cases_melder_signout(st, token), 0);
	assert_int_equal(cases_melder_session(st, token, 1796000400, &case_id, ck), ERR_NOT_FOUND);
	vault_secret_free(ck);
	vault_secret_free(vck);
	arena_free(&a);
}

static void wrong_codes_look_unknown_and_are_limited(void **state)
{
	struct receipt r = report("Tweede zaak.", "mijn eigen zin");
	char token[TOKEN_HEX_LEN];
	long long wait;
	/* With a passphrase, the code alone is not enough; in the other organisation the code is nothing. */
	assert_int_equal(cases_melder_signin(st, org_a, oa.receipt_salt, r.code, NULL, "m2", 1796001000, token, &wait),
			 ERR_NOT_FOUND);
	assert_int_equal(
	    cases_melder_signin(st, org_b, ob.receipt_salt, r.code, "mijn eigen zin", "m2", 1796001000, token, &wait),
	    ERR_NOT_FOUND);
	assert_int_equal(
	    cases_melder_signin(st, org_a, oa.receipt_salt, r.code, "mijn eigen zin", "m2", 1796001000, token, &wait),
	    0);
	/* A malformed code and a well-formed unknown one get the same answer; then the client must wait. */
	assert_int_equal(cases_melder_signin(st, org_a, oa.receipt_salt, "12", NULL, "m3", 1796002000, token, &wait),
			 ERR_NOT_FOUND);
	int res = 0;
	for (int i = 0; i < MELDER_FREE_CLIENT + 1; i++)
		res = cases_melder_signin(st, org_a, oa.receipt_salt, "1111 2222 3333 4444 5555", NULL, "m3",
					  1796002000, token, &wait);
	assert_int_equal(res, ERR_TOO_LARGE);
	assert_true(wait > 0);
	/* Another client is not affected. */
	assert_int_equal(
	    cases_melder_signin(st, org_a, oa.receipt_salt, r.code, "mijn eigen zin", "m4", 1796002000, token, &wait),
	    0);
}

static void tampered_or_swapped_records_do_not_open(void **state)
{
	struct arena a = ARENA_INIT;
	struct receipt r1 = report("Eerste verhaal.", NULL), r2 = report("Tweede verhaal.", NULL);
	unsigned char *ck1 = vault_secret_new(), *ck2 = vault_secret_new();
	assert_int_equal(cases_vp_open(st, r1.case_id, vp_a, sk_a, ck1), 0);
	assert_int_equal(cases_vp_open(st, r2.case_id, vp_a, sk_a, ck2), 0);
	struct case_record *recs1, *recs2;
	size_t n1, n2;
	assert_int_equal(store_records(st, &a, r1.case_id, &recs1, &n1), 0);
	assert_int_equal(store_records(st, &a, r2.case_id, &recs2, &n2), 0);
	/* Case 2's first record body copied over case 1's: bound to another case and id, it does not open. */
	assert_int_equal(store_record_body(st, recs1[0].id, recs2[0].body, recs2[0].len), 0);
	struct case_entry *e;
	size_t n;
	assert_int_equal(cases_entries(st, &a, r1.case_id, ck1, CASE_FOR_VP, &e, &n), ERR_INVALID);
	/* One flipped bit in a body: the same. */
	unsigned char *flipped = arena_alloc(&a, recs2[0].len);
	memcpy(flipped, recs2[0].body, recs2[0].len);
	flipped[40] ^= 1;
	assert_int_equal(store_record_body(st, recs2[0].id, flipped, recs2[0].len), 0);
	assert_int_equal(cases_entries(st, &a, r2.case_id, ck2, CASE_FOR_VP, &e, &n), ERR_INVALID);
	/* And one case's key does not open another's records. */
	assert_int_equal(store_record_body(st, recs2[0].id, recs2[0].body, recs2[0].len), 0);
	assert_int_equal(cases_entries(st, &a, r2.case_id, ck1, CASE_FOR_VP, &e, &n), ERR_INVALID);
	assert_int_equal(cases_entries(st, &a, r2.case_id, ck2, CASE_FOR_VP, &e, &n), 0);
	vault_secret_free(ck1);
	vault_secret_free(ck2);
	arena_free(&a);
}

/* A second VP reads the case only after the melder's consent is recorded; never a VP of another organisation. */
static void sharing_needs_consent(void **state)
{
	struct arena a = ARENA_INIT;
	const char *why = NULL;
	unsigned char *sk2 = NULL, *ck = vault_secret_new(), *ck2 = vault_secret_new();
	struct receipt r;
	struct report_input in = {
	    .org_id = org_a, .vp_id = vp_a, .mode = "sparren", .message = "Alleen voor A.", .consent = 1};
	assert_int_equal(cases_report(st, &in, 1796000000, &r, &why), 0);
	long long vp_a2 = vp_with_key("vp-a2@example.nl", org_a, &sk2);
	assert_int_equal(cases_vp_open(st, r.case_id, vp_a2, sk2, ck2), ERR_NOT_FOUND); /* chosen: only vp_a */
	assert_int_equal(cases_vp_open(st, r.case_id, vp_a, sk_a, ck), 0);
	assert_int_equal(cases_share(st, r.case_id, org_a, ck, vp_a, vp_a2, NULL, 1796000100, &why), ERR_INVALID);
	assert_contains(why, "toestemming");
	assert_int_equal(cases_share(st, r.case_id, org_a, ck, vp_a, vp_b, "mondeling", 1796000100, &why),
			 ERR_NOT_FOUND);
	assert_int_equal(cases_vp_open(st, r.case_id, vp_b, sk_b, ck2), ERR_NOT_FOUND);
	assert_int_equal(cases_share(st, r.case_id, org_a, ck, vp_a, vp_a2, "mondeling", 1796000100, &why), 0);
	assert_int_equal(cases_vp_open(st, r.case_id, vp_a2, sk2, ck2), 0);
	assert_contains(all_text(&a, r.case_id, ck2), "Alleen voor A.");
	vault_secret_free(sk2);
	vault_secret_free(ck);
	vault_secret_free(ck2);
	arena_free(&a);
}

/* Attachments: sealed under a key of their own, bound to case and record; nothing else opens them. */
static void attachments(void **state)
{
	struct arena a = ARENA_INIT;
	const char *why = NULL, *name;
	const unsigned char *data;
	size_t len;
	static unsigned char big[CASE_FILE_MAX + 1];
	unsigned char *ck = vault_secret_new();
	struct receipt r;
	struct report_input in = {
	    .org_id = org_a,
	    .mode = "sparren",
	    .message = "Met een bijlage.",
	    .consent = 1,
	    .file = {"../../etc/\"verslag\".pdf", (const unsigned char *) "PDF " CANARY, 4 + strlen(CANARY)}};
	assert_int_equal(cases_report(st, &in, 1796000000, &r, &why), 0);
	assert_int_equal(cases_vp_open(st, r.case_id, vp_a, sk_a, ck), 0);
	struct case_entry *e;
	size_t n;
	assert_int_equal(cases_entries(st, &a, r.case_id, ck, CASE_FOR_VP, &e, &n), 0);
	long long fid = 0;
	for (size_t i = 0; i < n; i++)
		if (e[i].file_name) {
			fid = e[i].id;
			assert_string_equal(e[i].file_name, "_verslag_.pdf");
			assert_int_equal(e[i].file_size, 4 + strlen(CANARY));
			assert_string_equal(e[i].text, "");
		}
	assert_true(fid > 0);
	assert_int_equal(cases_attachment(st, &a, r.case_id, ck, CASE_FOR_VP, fid, &name, &data, &len), 0);
	assert_int_equal(len, 4 + strlen(CANARY));
	assert_memory_equal(data, "PDF " CANARY, len);
	assert_string_equal(name, "_verslag_.pdf");
	/* Not an attachment, or another case's: nothing (a changed byte: sealed_files_do_not_bend). */
	assert_int_equal(cases_attachment(st, &a, r.case_id, ck, CASE_FOR_VP, fid - 1, &name, &data, &len),
			 ERR_NOT_FOUND);
	struct receipt r2 = report("Zonder bijlage.", NULL);
	assert_int_equal(cases_attachment(st, &a, r2.case_id, ck, CASE_FOR_VP, fid, &name, &data, &len), ERR_NOT_FOUND);
	/* Too big: refused before anything is stored. */
	in.file = (struct case_file_in){"groot.bin", big, sizeof(big)};
	assert_int_equal(cases_report(st, &in, 1796000000, &r2, &why), ERR_INVALID);
	assert_contains(why, "900 kB");
	vault_secret_free(ck);
	arena_free(&a);
}

/* The same file cut short or changed does not open. */
static void sealed_files_do_not_bend(void **state)
{
	unsigned char key[VAULT_KEY_BYTES], data[150000], back[150000];
	size_t n;
	vault_random(key, sizeof(key));
	vault_random(data, sizeof(data));
	size_t sn = vault_stream_size(sizeof(data));
	unsigned char *s = malloc(sn);
	vault_stream_seal(key, data, sizeof(data), "file:1|2", 8, s);
	assert_int_equal(vault_stream_open(key, s, sn, "file:1|2", 8, back, &n), 0);
	assert_int_equal(n, sizeof(data));
	assert_memory_equal(back, data, n);
	assert_int_equal(vault_stream_open(key, s, sn, "file:1|3", 8, back, &n), ERR_INVALID);		    /* moved */
	assert_int_equal(vault_stream_open(key, s, sn - 65536 - 17, "file:1|2", 8, back, &n), ERR_INVALID); /* cut */
	s[100000] ^= 1;
	assert_int_equal(vault_stream_open(key, s, sn, "file:1|2", 8, back, &n), ERR_INVALID);
	free(s);
}

static void the_store_holds_no_plaintext(void **state)
{
	if (strncmp(dsn, "sqlite:", 7))
		skip(); /* PostgreSQL: tests/melder checks pg_dump */
	char db[400], wal[420];
	snprintf(db, sizeof(db), "%s/c.db", dir);
	snprintf(wal, sizeof(wal), "%s/c.db-wal", dir);
	assert_false(test_file_has(db, CANARY));
	assert_false(test_file_has(wal, CANARY));
	assert_false(test_file_has(db, "Mijn chef"));
	assert_false(test_file_has(wal, "schreeuwt"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(melder_and_vp_read_it_nobody_else),
	    cmocka_unit_test(wrong_codes_look_unknown_and_are_limited),
	    cmocka_unit_test(tampered_or_swapped_records_do_not_open),
	    cmocka_unit_test(sharing_needs_consent),
	    cmocka_unit_test(attachments),
	    cmocka_unit_test(sealed_files_do_not_bend),
	    cmocka_unit_test(the_store_holds_no_plaintext),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
