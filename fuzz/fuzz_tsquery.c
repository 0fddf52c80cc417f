/*
 * libFuzzer target for the rewrite of FTS5 search expressions for PostgreSQL
 * (src/store/pg_tsquery.c). Invariants: no crash, and on success one JSON
 * object whose strings hold no raw control characters or unescaped quotes.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "store/pg.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char q[4096];
	if (size >= sizeof(q))
		size = sizeof(q) - 1;
	memcpy(q, data, size);
	q[size] = '\0';
	struct buf out = BUF_INIT(1 << 20);
	if (pg_tsquery(q, &out) == 0) {
		if (strncmp(out.ptr, "{\"q\":\"", 6) || out.len < 8 || strcmp(out.ptr + out.len - 2, "]}"))
			abort();
		int in_string = 0;
		for (size_t i = 0; i < out.len; i++) {
			unsigned char c = (unsigned char) out.ptr[i];
			if (c < 0x20)
				abort();
			if (c == '\\' && in_string)
				i++;
			else if (c == '"')
				in_string = !in_string;
		}
		if (in_string)
			abort();
	}
	buf_free(&out);
	return 0;
}
