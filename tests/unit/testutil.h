/* Shared by the unit tests: cmocka and small helpers. */
#ifndef VERTROUWD_TESTUTIL_H
#define VERTROUWD_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <cmocka.h>
#include <string.h>

#define assert_contains(hay, needle)	 assert_non_null(strstr((hay), (needle)))
#define assert_not_contains(hay, needle) assert_null(strstr((hay), (needle)))

/*
 * The DSN of a test's store: $TEST_DB when set (tests/pg/run.sh passes a fresh
 * PostgreSQL database), else the SQLite file dir/file.
 */
static inline void test_dsn(char *out, size_t n, const char *dir, const char *file)
{
	const char *env = getenv("TEST_DB");
	if (env && *env)
		snprintf(out, n, "%s", env);
	else
		snprintf(out, n, "sqlite:%s/%s", dir, file);
}

/* Whether the bytes of needle occur in the first 4 MiB of a file (0 when it cannot be read). */
static inline int test_file_has(const char *path, const char *needle)
{
	static char buf[1 << 22];
	FILE *f = fopen(path, "rb");
	if (!f)
		return 0;
	size_t n = fread(buf, 1, sizeof(buf), f);
	fclose(f);
	return memmem(buf, n, needle, strlen(needle)) != NULL;
}

#endif
