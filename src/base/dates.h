/* dates: ISO dates (YYYY-MM-DD) checked and written out the Dutch way. */
#ifndef VERTROUWD_BASE_DATES_H
#define VERTROUWD_BASE_DATES_H

#include <stddef.h>

#include "base/err.h"

/* Whether s is a real calendar date "YYYY-MM-DD" (leap years included). */
int date_valid(const char *s);
/* "2026-11-23" -> "23 november 2026"; ERR_INVALID (out untouched) on a bad date. */
int date_dutch(const char *iso, char *out, size_t outlen) WUR;
/*
 * A date ("YYYY-MM-DD") or UTC time ("YYYY-MM-DDTHH:MM:SSZ") as an HTTP/RSS date
 * ("Mon, 02 Mar 2026 00:00:00 GMT") or as RFC 3339 ("2026-03-02T00:00:00Z").
 * ERR_INVALID (out untouched) when the input is neither.
 */
int date_http(const char *iso, char *out, size_t outlen) WUR;
int date_rfc3339(const char *iso, char *out, size_t outlen) WUR;
/*
 * Date arithmetic for deadlines: days later, or months later with the day
 * kept where the month has it (31 January + 1 month = 28 or 29 February).
 * days lies in -100000..100000 and months in 0..1200. ERR_INVALID (out
 * untouched) on a bad date or count, or when the result falls outside the
 * years 1900..9999 that a date may have.
 */
int date_add_days(const char *iso, int days, char out[11]) WUR;
int date_add_months(const char *iso, int months, char out[11]) WUR;
/* Today's UTC date as "YYYY-MM-DD". */
void date_today(char out[11]);

/*
 * Dutch local time (Europe/Amsterdam, summer time by the EU rule) for
 * schedules: parse an HTML datetime-local value "YYYY-MM-DDTHH:MM" to Unix
 * seconds, and write Unix seconds back as that value, as the local date, or
 * as "23 november 2026 om 14:30".
 */
int date_local_parse(const char *s, long long *when) WUR;
void date_local_input(long long when, char out[17]);
void date_local_today(long long when, char out[11]);
void date_local_dutch(long long when, char *out, size_t outlen);
/* The same in the page's language: Dutch, or English for "en" ("4 December 2026, 21:46"). */
int date_long(const char *iso, const char *lang, char *out, size_t outlen) WUR;
void date_local_long(long long when, const char *lang, char *out, size_t outlen);

#endif
