#include "testutil.h"

#include "base/buf.h"
#include "http/multipart.h"

#define CT "multipart/form-data; boundary=XyZ"

static int parse(struct arena *a, const char *ct, const char *body, struct kvlist *f, struct uploads *u)
{
	return multipart_parse(a, ct, body, strlen(body), f, u);
}

static void fields_and_files(void **state)
{
	struct arena a = ARENA_INIT;
	struct kvlist f;
	struct uploads u;
	const char *body = "ignored preamble\r\n"
			   "--XyZ\r\n"
			   "Content-Disposition: form-data; name=\"csrf\"\r\n\r\n"
			   "abc\r\n"
			   "--XyZ\r\n"
			   "content-disposition: form-data; name=alt\r\n\r\n"
			   "Een foto\r\nmet twee regels\r\n"
			   "--XyZ  \r\n"
			   "Content-Disposition: form-data; name=\"bestand\"; filename=\"C:\\\\map\\\\foto.png\"\r\n"
			   "Content-Type: image/png\r\n\r\n"
			   "\x89PNG\r\n--XyZnot-a-delimiter\r\n"
			   "--XyZ--\r\nepilogue";
	assert_int_equal(parse(&a, CT, body, &f, &u), 0);
	assert_int_equal(f.n, 2);
	assert_string_equal(kv_get(&f, "csrf"), "abc");
	assert_string_equal(kv_get(&f, "alt"), "Een foto\r\nmet twee regels");
	assert_int_equal(u.n, 1);
	assert_string_equal(u.items[0].field, "bestand");
	assert_string_equal(u.items[0].filename, "foto.png");
	assert_string_equal(u.items[0].content_type, "image/png");
	assert_int_equal(u.items[0].len, 26);
	assert_memory_equal(u.items[0].data, "\x89PNG\r\n--XyZnot-a-delimiter", 26);
	arena_free(&a);
}

static void empty_file_input_and_values(void **state)
{
	struct arena a = ARENA_INIT;
	struct kvlist f;
	struct uploads u;
	const char *body = "--XyZ\r\n"
			   "Content-Disposition: form-data; name=\"bestand\"; filename=\"\"\r\n"
			   "Content-Type: application/octet-stream\r\n\r\n"
			   "\r\n--XyZ\r\n"
			   "Content-Disposition: form-data; name=\"leeg\"\r\n\r\n"
			   "\r\n--XyZ--";
	assert_int_equal(parse(&a, CT, body, &f, &u), 0);
	assert_int_equal(u.n, 0);
	assert_int_equal(f.n, 1);
	assert_string_equal(kv_get(&f, "leeg"), "");
	/* No parts at all is a valid (empty) form. */
	assert_int_equal(parse(&a, CT, "--XyZ--\r\n", &f, &u), 0);
	assert_int_equal(f.n + u.n, 0);
	arena_free(&a);
}

static void boundaries(void **state)
{
	char b[MP_MAX_BOUNDARY + 1];
	assert_int_equal(multipart_boundary("multipart/form-data; boundary=----WebKitFormBoundaryA1b2", b), 0);
	assert_string_equal(b, "----WebKitFormBoundaryA1b2");
	assert_int_equal(multipart_boundary("Multipart/Form-Data;charset=utf-8; BOUNDARY=\"a b:c\"", b), 0);
	assert_string_equal(b, "a b:c");
	assert_int_not_equal(multipart_boundary("multipart/form-data", b), 0);
	assert_int_not_equal(multipart_boundary("multipart/form-data; boundary=", b), 0);
	assert_int_not_equal(multipart_boundary("multipart/form-data; boundary=\"ends \"", b), 0);
	assert_int_not_equal(multipart_boundary("multipart/form-data; boundary=a<b", b), 0);
	assert_int_not_equal(multipart_boundary("multipart/form-dataX; boundary=a", b), 0);
	assert_int_not_equal(multipart_boundary("multipart/mixed; boundary=a", b), 0);
	assert_int_not_equal(multipart_boundary("multipart/form-data; boundary=\"unterminated", b), 0);
	assert_int_not_equal(multipart_boundary(NULL, b), 0);
	char longb[120] = "multipart/form-data; boundary=";
	memset(longb + strlen(longb), 'a', 71);
	assert_int_not_equal(multipart_boundary(longb, b), 0);
}

static void malformed(void **state)
{
	struct arena a = ARENA_INIT;
	struct kvlist f;
	struct uploads u;
	static const char *const bad[] = {
	    "",								      /* no delimiter */
	    "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nabc", /* truncated */
	    "--XyZ\r\nContent-Disposition: form-data\r\n\r\nabc\r\n--XyZ--",  /* no name */
	    "--XyZ\r\nContent-Disposition: form-data; name=\"\"\r\n\r\nabc\r\n--XyZ--",
	    "--XyZ\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\nabc\r\n--XyZ--",
	    "--XyZ\r\nContent-Type: text/plain\r\n\r\nabc\r\n--XyZ--", /* no disposition */
	    "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n folded\r\n\r\nabc\r\n--XyZ--",
	    "--XyZ\r\nContent-Disposition: form-data; name=\"a\r\n\r\nabc\r\n--XyZ--",
	    "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\nContent-Disposition: form-data; name=\"b\"\r\n\r\n"
	    "x\r\n--XyZ--",
	    "--XyZ\r\nno colon here\r\n\r\nabc\r\n--XyZ--",
	    "--XyZjunk\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nabc\r\n--XyZ--",
	    "--XyZ\r\n\r\nabc\r\n--XyZ--", /* no headers */
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		int rc = parse(&a, CT, bad[i], &f, &u);
		if (rc != ERR_INVALID)
			fail_msg("case %zu: %d", i, rc);
		assert_int_equal(f.n + u.n, 0);
	}
	/* A NUL byte in a text field is refused; in a file it is data. */
	const char nul[] = "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\na\0b\r\n--XyZ--";
	assert_int_equal(multipart_parse(&a, CT, nul, sizeof(nul) - 1, &f, &u), ERR_INVALID);
	const char fnul[] =
	    "--XyZ\r\nContent-Disposition: form-data; name=\"a\"; filename=\"x\"\r\n\r\na\0b\r\n--XyZ--";
	assert_int_equal(multipart_parse(&a, CT, fnul, sizeof(fnul) - 1, &f, &u), 0);
	assert_int_equal(u.items[0].len, 3);
	assert_int_equal(multipart_parse(&a, "text/plain", "--XyZ--", 7, &f, &u), ERR_INVALID);
	arena_free(&a);
}

static void caps(void **state)
{
	struct arena a = ARENA_INIT;
	struct kvlist f;
	struct uploads u;
	struct buf b = BUF_INIT(1 << 20);
	for (int i = 0; i <= MP_MAX_PARTS; i++)
		assert_int_equal(buf_addf(&b, "--XyZ\r\nContent-Disposition: form-data; name=\"f%d\"\r\n\r\nx\r\n", i),
				 0);
	assert_int_equal(buf_adds(&b, "--XyZ--"), 0);
	assert_int_equal(multipart_parse(&a, CT, b.ptr, b.len, &f, &u), ERR_TOO_LARGE);
	assert_int_equal(f.n, 0);

	/* Exactly MP_MAX_PARTS parts pass. */
	buf_reset(&b);
	for (int i = 0; i < MP_MAX_PARTS; i++)
		assert_int_equal(buf_addf(&b, "--XyZ\r\nContent-Disposition: form-data; name=\"f%d\"\r\n\r\nx\r\n", i),
				 0);
	assert_int_equal(buf_adds(&b, "--XyZ--"), 0);
	assert_int_equal(multipart_parse(&a, CT, b.ptr, b.len, &f, &u), 0);
	assert_int_equal(f.n, MP_MAX_PARTS);

	/* A field name one byte too long. */
	buf_reset(&b);
	assert_int_equal(buf_adds(&b, "--XyZ\r\nContent-Disposition: form-data; name=\""), 0);
	for (int i = 0; i <= MP_MAX_NAME; i++)
		assert_int_equal(buf_addc(&b, 'n'), 0);
	assert_int_equal(buf_adds(&b, "\"\r\n\r\nx\r\n--XyZ--"), 0);
	assert_int_equal(multipart_parse(&a, CT, b.ptr, b.len, &f, &u), ERR_TOO_LARGE);

	/* Headers longer than MP_MAX_HEADERS. */
	buf_reset(&b);
	assert_int_equal(buf_adds(&b, "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\nX-Pad: "), 0);
	for (int i = 0; i < MP_MAX_HEADERS; i++)
		assert_int_equal(buf_addc(&b, 'p'), 0);
	assert_int_equal(buf_adds(&b, "\r\n\r\nx\r\n--XyZ--"), 0);
	assert_int_equal(multipart_parse(&a, CT, b.ptr, b.len, &f, &u), ERR_TOO_LARGE);
	buf_free(&b);
	arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(fields_and_files),
	    cmocka_unit_test(empty_file_input_and_values),
	    cmocka_unit_test(boundaries),
	    cmocka_unit_test(malformed),
	    cmocka_unit_test(caps),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
