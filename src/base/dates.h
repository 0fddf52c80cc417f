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
 * kept where the month has it (31 January + 1 month = 28 or 29 February);
 * negative counts go back. days lies in -100000..100000 and months in
 * -1200..1200. ERR_INVALID (out
 * untouched) on a bad date or count, or when the result falls outside the
 * years 1900..9999 that a date may have.
 */
int date_add_days(const char *iso, int days, char out[11]) WUR;
int date_add_months(const char *iso, int months, char out[11]) WUR;
/*
 * Working days for deadlines, as the Algemene termijnenwet counts them: every
 * day but Saturday, Sunday and the "algemeen erkende feestdagen" (art. 3):
 * Nieuwjaarsdag, Goede Vrijdag, Eerste en Tweede Paasdag, Hemelvaartsdag,
 * Eerste en Tweede Pinksterdag, Koningsdag (27 April, or 26 April when the
 * 27th is a Sunday), 5 mei (every year) and Eerste en Tweede Kerstdag. The law
 * names only the second Easter and Whit days; the Sundays count here as well,
 * which changes no working day. Today's rules hold for every year (before 2014
 * the holiday was Koninginnedag), and the days the government adds by decree
 * for a few years at a time (art. 3 lid 3, such as the Friday after
 * Ascension) are not known here.
 *
 * date_is_holiday and date_is_workday return 1 or 0, or ERR_INVALID on a bad date.
 */
int date_is_holiday(const char *iso) WUR;
int date_is_workday(const char *iso) WUR;
/*
 * The date n working days after iso, 0 <= n <= 366; iso itself does not count,
 * and n = 0 gives iso when it is a working day, else the next working day.
 * ERR_INVALID (out untouched) on a bad date or n, or a result past 9999.
 */
int date_add_workdays(const char *iso, int n, char out[11]) WUR;
/* to minus from in days, negative when to comes first; ERR_INVALID (days untouched) on a bad date. */
int date_days_between(const char *from, const char *to, long long *days) WUR;
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
