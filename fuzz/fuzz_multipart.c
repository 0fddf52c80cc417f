/*
 * libFuzzer target: multipart_parse() and multipart_boundary().
 *
 * Besides memory safety (ASan/UBSan) it checks what the parser promises: on
 * success there are at most MP_MAX_PARTS parts, every name is non-empty and
 * within MP_MAX_NAME, text values hold no NUL and stay within their cap, file
 * names carry no directory, and every file's bytes lie inside the body; on
 * failure both lists are empty.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "http/form.h"
#include "http/multipart.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void die(const char *what)
{
	fprintf(stderr, "fuzz_multipart: invariant broken: %s\n", what);
	abort();
}

static void check_name(const char *s, int may_be_empty)
{
	size_t len = strlen(s);
	if ((!len && !may_be_empty) || len > MP_MAX_NAME)
		die("name length");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* The first line, when short, is the content type; the rest is the body. */
	char ct[128] = "multipart/form-data; boundary=XyZ";
	const uint8_t *nl = memchr(data, '\n', size < sizeof(ct) ? size : sizeof(ct));
	if (nl && size && data[0] == 'm') {
		memcpy(ct, data, (size_t) (nl - data));
		ct[nl - data] = '\0';
		size -= (size_t) (nl - data) + 1;
		data = nl + 1;
	}
	char boundary[MP_MAX_BOUNDARY + 1];
	if (!multipart_boundary(ct, boundary) && (!*boundary || strlen(boundary) > MP_MAX_BOUNDARY))
		die("boundary length");

	struct arena a = ARENA_INIT;
	struct kvlist fields;
	struct uploads files;
	const char *body = (const char *) data;
	int rc = multipart_parse(&a, ct, body, size, &fields, &files);
	if (rc) {
		if (fields.n || files.n)
			die("lists not empty after an error");
	} else {
		if (fields.n + files.n > MP_MAX_PARTS)
			die("too many parts");
		for (size_t i = 0; i < fields.n; i++) {
			check_name(fields.items[i].key, 0);
			if (strlen(fields.items[i].val) > FORM_MAX_VALUE)
				die("value too long");
		}
		for (size_t i = 0; i < files.n; i++) {
			const struct upload *u = &files.items[i];
			check_name(u->field, 0);
			check_name(u->filename, 1);
			if (strchr(u->filename, '/') || strchr(u->filename, '\\'))
				die("directory in a file name");
			if ((const char *) u->data < body || (const char *) u->data + u->len > body + size)
				die("file outside the body");
		}
	}
	arena_free(&a);
	return 0;
}
