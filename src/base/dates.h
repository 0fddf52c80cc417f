/* dates: ISO dates (YYYY-MM-DD) checked and written out the Dutch way. */
#ifndef VERTROUWD_BASE_DATES_H
#define VERTROUWD_BASE_DATES_H

#include <stddef.h>

#include "base/err.h"

/* Whether s is a real calendar date "YYYY-MM-DD" (leap years included). */
int date_valid(const char *s);
/* "2026-11-23" -> "23 november 2026"; ERR_INVALID (out untouched) on a bad date. */
int date_dutch(const char *iso, char *out, size_t outlen) WUR;
/* Today's UTC date as "YYYY-MM-DD". */
void date_today(char out[11]);

#endif
