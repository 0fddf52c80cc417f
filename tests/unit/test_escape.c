#include "testutil.h"

#include "html/escape.h"

typedef int (*escaper)(struct buf *, const char *, size_t);

static void expect(escaper fn, const char *in, size_t n, const char *want)
{
	struct buf b = BUF_INIT(4096);
	assert_int_equal(fn(&b, in, n), 0);
	assert_string_equal(b.ptr, want);
	buf_free(&b);
}

#define EXPECT(fn, in, want) expect(fn, in, sizeof(in) - 1, want)

static void text_context(void **state)
{
	EXPECT(html_text, "<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;");
	EXPECT(html_text, "Tom & Jerry's \"huis\"", "Tom &amp; Jerry&#39;s &quot;huis&quot;");
	EXPECT(html_text, "a=b `c`", "a=b `c`");
	EXPECT(html_text, "coördinator één", "coördinator één");
	EXPECT(html_text, "", "");
}

static void attribute_context(void **state)
{
	EXPECT(html_attr, "\" onmouseover=\"x", "&quot; onmouseover&#61;&quot;x");
	EXPECT(html_attr, "' autofocus '", "&#39; autofocus &#39;");
	EXPECT(html_attr, "`x`", "&#96;x&#96;");
	EXPECT(html_attr, "a<b>c&d", "a&lt;b&gt;c&amp;d");
}

static void control_bytes_and_bad_utf8(void **state)
{
	EXPECT(html_text,
	       "a\x01\x02\x1f\x7f"
	       "b",
	       "ab");
	EXPECT(html_text, "tab\there\nline", "tab\there\nline");
	EXPECT(html_text,
	       "x\xff"
	       "y",
	       "x\xEF\xBF\xBDy");
	EXPECT(html_text, "\xc0\xaf", "\xEF\xBF\xBD\xEF\xBF\xBD");		   /* overlong '/' */
	EXPECT(html_text, "\xed\xa0\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"); /* surrogate */
	EXPECT(html_attr, "\xe2\x82", "\xEF\xBF\xBD\xEF\xBF\xBD");		   /* truncated */
	expect(html_text, "a\0b", 3, "ab");
}

static void url_path_segment(void **state)
{
	EXPECT(html_url_path, "wat-doet-een-vp", "wat-doet-een-vp");
	EXPECT(html_url_path, "a/b?c#d e", "a%2Fb%3Fc%23d%20e");
	EXPECT(html_url_path, "\"><script>", "%22%3E%3Cscript%3E");
	EXPECT(html_url_path, "één", "%C3%A9%C3%A9n");
}

static void url_query_value(void **state)
{
	EXPECT(html_url_query, "pesten op het werk", "pesten%20op%20het%20werk");
	EXPECT(html_url_query, "a&b=c+d", "a%26b%3Dc%2Bd");
}

static void safe_urls(void **state)
{
	EXPECT(html_url_safe, "/nieuws?page=2&categorie=x", "/nieuws?page&#61;2&amp;categorie&#61;x");
	EXPECT(html_url_safe, "https://www.huisvoorklokkenluiders.nl/", "https://www.huisvoorklokkenluiders.nl/");
	EXPECT(html_url_safe, "mailto:vp@example.nl", "mailto:vp@example.nl");
	EXPECT(html_url_safe, "javascript:alert(1)", "#");
	EXPECT(html_url_safe, "JaVaScRiPt:alert(1)", "#");
	EXPECT(html_url_safe, " \tjavascript:alert(1)", "#");
	EXPECT(html_url_safe, "java\tscript:alert(1)", "#");
	EXPECT(html_url_safe, "data:text/html,x", "#");
	EXPECT(html_url_safe, "vbscript:x", "#");
	EXPECT(html_url_safe, "#inhoud", "#inhoud");
	EXPECT(html_url_safe, "relatief/pad", "relatief/pad");
	EXPECT(html_url_safe, "\" onclick=\"x", "&quot; onclick&#61;&quot;x");
}

static void failure_leaves_buffer(void **state)
{
	struct buf b = BUF_INIT(10);
	assert_int_equal(buf_adds(&b, "abc"), 0);
	assert_int_equal(html_text(&b, "<<<<<<", 6), ERR_TOO_LARGE);
	assert_string_equal(b.ptr, "abc");
	assert_int_equal(html_url_path(&b, "//////", 6), ERR_TOO_LARGE);
	assert_string_equal(b.ptr, "abc");
	buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(text_context),
	    cmocka_unit_test(attribute_context),
	    cmocka_unit_test(control_bytes_and_bad_utf8),
	    cmocka_unit_test(url_path_segment),
	    cmocka_unit_test(url_query_value),
	    cmocka_unit_test(safe_urls),
	    cmocka_unit_test(failure_leaves_buffer),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
