/* Shared by the unit tests: cmocka and small helpers. */
#ifndef VERTROUWD_TESTUTIL_H
#define VERTROUWD_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#define assert_contains(hay, needle)	 assert_non_null(strstr((hay), (needle)))
#define assert_not_contains(hay, needle) assert_null(strstr((hay), (needle)))

#endif
