/* base/strmap: counts by string, growing past its first table. */
#include "testutil.h"

#include "base/strmap.h"

static void counts_and_grows(void **state)
{
	struct strmap m = STRMAP_INIT;
	assert_null(strmap_get(&m, "werk"));
	char key[32];
	for (int round = 0; round < 3; round++)
		for (int i = 0; i < 1000; i++) {
			snprintf(key, sizeof(key), "woord%d", i);
			long long *v = strmap_slot(&m, key);
			assert_non_null(v);
			*v += i;
		}
	assert_int_equal(m.used, 1000);
	assert_true(m.cap >= 2000);
	for (int i = 0; i < 1000; i++) {
		snprintf(key, sizeof(key), "woord%d", i);
		long long *v = strmap_get(&m, key);
		assert_non_null(v);
		assert_int_equal(*v, 3 * i);
	}
	assert_null(strmap_get(&m, "woord1000"));
	assert_null(strmap_get(&m, ""));
	*strmap_slot(&m, "") = 7; /* the empty string is a key like any other */
	assert_int_equal(*strmap_get(&m, ""), 7);
	strmap_free(&m);
	assert_null(strmap_get(&m, "woord1"));
	assert_int_equal(m.used, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(counts_and_grows),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
