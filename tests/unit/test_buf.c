#include "testutil.h"

#include "base/arena.h"
#include "base/buf.h"
#include "base/mem.h"

static void empty_is_terminated(void **state)
{
	struct buf b = BUF_INIT(16);
	assert_string_equal(b.ptr, "");
	assert_int_equal(b.len, 0);
	buf_free(&b);
	assert_string_equal(b.ptr, "");
}

static void append_and_terminate(void **state)
{
	struct buf b = BUF_INIT(1024);
	assert_int_equal(buf_adds(&b, "vertrouwens"), 0);
	assert_int_equal(buf_addc(&b, '-'), 0);
	assert_int_equal(buf_addf(&b, "persoon %d", 7), 0);
	assert_string_equal(b.ptr, "vertrouwens-persoon 7");
	assert_int_equal(b.len, strlen(b.ptr));
	buf_truncate(&b, 11);
	assert_string_equal(b.ptr, "vertrouwens");
	buf_free(&b);
}

static void cap_reached_leaves_buf_unchanged(void **state)
{
	struct buf b = BUF_INIT(8);
	assert_int_equal(buf_adds(&b, "12345678"), 0);
	assert_int_equal(buf_addc(&b, '9'), ERR_TOO_LARGE);
	assert_int_equal(buf_addf(&b, "%s", "x"), ERR_TOO_LARGE);
	assert_string_equal(b.ptr, "12345678");
	assert_int_equal(b.len, 8);
	buf_free(&b);
}

static void cap_with_huge_request(void **state)
{
	struct buf b = BUF_INIT(100);
	assert_int_equal(buf_grow(&b, SIZE_MAX), ERR_TOO_LARGE);
	assert_int_equal(buf_adds(&b, "ok"), 0);
	assert_int_equal(buf_grow(&b, SIZE_MAX - 1), ERR_TOO_LARGE);
	assert_string_equal(b.ptr, "ok");
	buf_free(&b);
}

static void detach_hands_over(void **state)
{
	struct buf b = BUF_INIT(64);
	assert_int_equal(buf_adds(&b, "abc"), 0);
	size_t len;
	char *s = buf_detach(&b, &len);
	assert_string_equal(s, "abc");
	assert_int_equal(len, 3);
	assert_string_equal(b.ptr, "");
	mem_free(s);
	s = buf_detach(&b, &len);
	assert_string_equal(s, "");
	mem_free(s);
}

static void growth_keeps_content(void **state)
{
	struct buf b = BUF_INIT(1 << 20);
	for (int i = 0; i < 10000; i++)
		assert_int_equal(buf_addc(&b, (char) ('a' + i % 26)), 0);
	assert_int_equal(b.len, 10000);
	assert_int_equal(b.ptr[9999], 'a' + 9999 % 26);
	assert_int_equal(b.ptr[10000], '\0');
	buf_free(&b);
}

static void arena_basics(void **state)
{
	struct arena a = ARENA_INIT;
	char *s = arena_strdup(&a, "melder");
	assert_string_equal(s, "melder");
	char *big = arena_alloc(&a, 100000);
	assert_non_null(big);
	memset(big, 1, 100000);
	char *p = arena_printf(&a, "%s-%d", "zaak", 42);
	assert_string_equal(p, "zaak-42");
	assert_ptr_equal(((uintptr_t) arena_alloc(&a, 3)) % _Alignof(max_align_t), 0);
	assert_false(a.failed);
	arena_free(&a);
}

static void arena_cap_is_sticky(void **state)
{
	struct arena a = ARENA_INIT;
	a.max = 1000;
	assert_non_null(arena_alloc(&a, 500));
	assert_null(arena_alloc(&a, 600));
	assert_true(a.failed);
	assert_null(arena_alloc(&a, SIZE_MAX));
	arena_free(&a);
	assert_false(a.failed);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(empty_is_terminated),
	    cmocka_unit_test(append_and_terminate),
	    cmocka_unit_test(cap_reached_leaves_buf_unchanged),
	    cmocka_unit_test(cap_with_huge_request),
	    cmocka_unit_test(detach_hands_over),
	    cmocka_unit_test(growth_keeps_content),
	    cmocka_unit_test(arena_basics),
	    cmocka_unit_test(arena_cap_is_sticky),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
