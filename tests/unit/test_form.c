#include "testutil.h"

#include "http/form.h"

static struct kvlist parse_ok(struct arena *a, const char *s)
{
	struct kvlist l;
	assert_int_equal(form_parse(a, s, strlen(s), &l), 0);
	return l;
}

static void basic_and_decoding(void **state)
{
	struct arena a = ARENA_INIT;
	struct kvlist l = parse_ok(&a, "q=pesten+op+het+werk&x=%C3%A9%20%26&empty=&flag");
	assert_int_equal(l.n, 4);
	assert_string_equal(kv_get(&l, "q"), "pesten op het werk");
	assert_string_equal(kv_get(&l, "x"), "é &");
	assert_string_equal(kv_get(&l, "empty"), "");
	assert_string_equal(kv_get(&l, "flag"), "");
	assert_null(kv_get(&l, "missing"));
	arena_free(&a);
}

static void duplicates_kept_in_order(void **state)
{
	struct arena a = ARENA_INIT;
	struct kvlist l = parse_ok(&a, "categorie=integriteit&page=2&categorie=klokkenluider");
	assert_int_equal(l.n, 3);
	assert_string_equal(l.items[0].val, "integriteit");
	assert_string_equal(l.items[2].val, "klokkenluider");
	assert_string_equal(kv_get(&l, "categorie"), "integriteit");
	arena_free(&a);
}

static void empty_parts_skipped(void **state)
{
	struct arena a = ARENA_INIT;
	struct kvlist l = parse_ok(&a, "&&a=1&&=x&");
	assert_int_equal(l.n, 1);
	assert_string_equal(l.items[0].key, "a");
	l = parse_ok(&a, "");
	assert_int_equal(l.n, 0);
	arena_free(&a);
}

static void bad_percent_encoding(void **state)
{
	struct arena a = ARENA_INIT;
	struct kvlist l;
	const char *bad[] = {"a=%", "a=%4", "a=%G1", "a=%zz", "%=1", "a=%00", "a%00b=1", "a=x%"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(form_parse(&a, bad[i], strlen(bad[i]), &l), ERR_INVALID);
		assert_int_equal(l.n, 0);
	}
	arena_free(&a);
}

static void caps(void **state)
{
	struct arena a = ARENA_INIT;
	struct buf b = BUF_INIT(1 << 22);
	struct kvlist l;
	for (int i = 0; i < FORM_MAX_FIELDS + 1; i++)
		assert_int_equal(buf_addf(&b, "k%d=v&", i), 0);
	assert_int_equal(form_parse(&a, b.ptr, b.len, &l), ERR_TOO_LARGE);
	buf_reset(&b);
	for (int i = 0; i < FORM_MAX_KEY + 1; i++)
		assert_int_equal(buf_addc(&b, 'k'), 0);
	assert_int_equal(buf_adds(&b, "=1"), 0);
	assert_int_equal(form_parse(&a, b.ptr, b.len, &l), ERR_TOO_LARGE);
	buf_reset(&b);
	assert_int_equal(buf_adds(&b, "k="), 0);
	for (int i = 0; i < FORM_MAX_VALUE + 1; i++)
		assert_int_equal(buf_addc(&b, 'v'), 0);
	assert_int_equal(form_parse(&a, b.ptr, b.len, &l), ERR_TOO_LARGE);
	/* Exactly at the caps is fine. */
	buf_reset(&b);
	for (int i = 0; i < FORM_MAX_FIELDS; i++)
		assert_int_equal(buf_addf(&b, "k%d=v&", i), 0);
	assert_int_equal(form_parse(&a, b.ptr, b.len, &l), 0);
	assert_int_equal(l.n, FORM_MAX_FIELDS);
	buf_free(&b);
	arena_free(&a);
}

static void decode_in_place(void **state)
{
	char s[] = "a+b%2Fc";
	size_t n = strlen(s);
	assert_int_equal(form_decode(s, &n, 0), 0);
	assert_string_equal(s, "a+b/c");
	char t[] = "a+b";
	n = 3;
	assert_int_equal(form_decode(t, &n, 1), 0);
	assert_string_equal(t, "a b");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(basic_and_decoding),
	    cmocka_unit_test(duplicates_kept_in_order),
	    cmocka_unit_test(empty_parts_skipped),
	    cmocka_unit_test(bad_percent_encoding),
	    cmocka_unit_test(caps),
	    cmocka_unit_test(decode_in_place),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
