/*
 * Dates (dates.h): ISO dates checked by hand (no locale, no strptime), written
 * out for pages, HTTP headers and feeds, and Dutch local time (CET/CEST by the
 * EU rule, without the system's time zone files). A malformed or impossible
 * date is ERR_INVALID and the output is left untouched.
 */
#include "base/dates.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

static const char *const months[] = {"januari", "februari", "maart",	 "april",   "mei",	"juni",
				     "juli",	"augustus", "september", "oktober", "november", "december"};

static int month_days(int y, int m)
{
	static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return mdays[m - 1] + (m == 2 && leap);
}

static int parse(const char *s, int *y, int *m, int *d)
{
	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return ERR_INVALID;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return ERR_INVALID;
	*y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	*m = (s[5] - '0') * 10 + (s[6] - '0');
	*d = (s[8] - '0') * 10 + (s[9] - '0');
	if (*y < 1900 || *m < 1 || *m > 12 || *d < 1)
		return ERR_INVALID;
	return *d <= month_days(*y, *m) ? 0 : ERR_INVALID;
}

/* The number in two ASCII digits at p, or -1 (no sign, space or anything else). */
static int two_digits(const char *p)
{
	return p[0] >= '0' && p[0] <= '9' && p[1] >= '0' && p[1] <= '9' ? (p[0] - '0') * 10 + (p[1] - '0') : -1;
}

/* Days since 1970-01-01 of a civil date, and back (Howard Hinnant's algorithms, proleptic Gregorian). */
static long long days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	long long era = (y >= 0 ? y : y - 399) / 400;
	long long yoe = y - era * 400;
	long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(long long z, int *y, int *m, int *d)
{
	z += 719468;
	long long era = (z >= 0 ? z : z - 146096) / 146097;
	long long doe = z - era * 146097;
	long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long long mp = (5 * doy + 2) / 153;
	*d = (int) (doy - (153 * mp + 2) / 5 + 1);
	*m = (int) (mp < 10 ? mp + 3 : mp - 9);
	*y = (int) (yoe + era * 400 + (*m <= 2));
}

/*
 * "YYYY-MM-DD" of a result of date arithmetic; ERR_INVALID (out untouched) when
 * it falls outside the years parse() accepts, so that what one function writes
 * another can read, and year 10000 is not written as year 0000. (The modulos
 * only show the compiler that every field fits.)
 */
static int write_date(char out[11], int y, int m, int d)
{
	if (y < 1900 || y > 9999)
		return ERR_INVALID;
	snprintf(out, 11, "%04u-%02u-%02u", (unsigned) y % 10000u, (unsigned) m % 100u, (unsigned) d % 100u);
	return 0;
}

/* A date as its day number (days since 1970-01-01), and back; as parse() and write_date() fail. */
static int parse_day(const char *iso, long long *z)
{
	int y, m, d;
	if (parse(iso, &y, &m, &d))
		return ERR_INVALID;
	*z = days_from_civil(y, m, d);
	return 0;
}

static int write_day(char out[11], long long z)
{
	int y, m, d;
	civil_from_days(z, &y, &m, &d);
	return write_date(out, y, m, d);
}

int date_add_days(const char *iso, int days, char out[11])
{
	long long z;
	if (parse_day(iso, &z) || days < -100000 || days > 100000)
		return ERR_INVALID;
	return write_day(out, z + days);
}

int date_add_months(const char *iso, int n, char out[11])
{
	int y, m, d;
	if (parse(iso, &y, &m, &d))
		return ERR_INVALID;
	if (n < -1200 || n > 1200)
		return ERR_INVALID;
	int total = y * 12 + (m - 1) + n;
	y = total / 12;
	m = total % 12 + 1;
	if (d > month_days(y, m))
		d = month_days(y, m);
	return write_date(out, y, m, d);
}

/* ---- Working days (Algemene termijnenwet) ---- */

/* 0 = Monday .. 6 = Sunday; day 0, 1970-01-01, was a Thursday. */
static int weekday(long long z)
{
	return (int) ((z % 7 + 10) % 7);
}

/* Easter Sunday of year y: the anonymous Gregorian computus (Meeus, Astronomical Algorithms, ch. 8). */
static long long easter(int y)
{
	int a = y % 19, b = y / 100, c = y % 100;
	int d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
	int h = (19 * a + b - d - g + 15) % 30;
	int i = c / 4, k = c % 4;
	int l = (32 + 2 * e + 2 * i - h - k) % 7;
	int m = (a + 11 * h + 22 * l) / 451;
	int n = h + l - 7 * m + 114;
	return days_from_civil(y, n / 31, n % 31 + 1);
}

/* Whether day z is one of the feestdagen listed in dates.h. */
static int holiday(long long z)
{
	int y, m, d;
	civil_from_days(z, &y, &m, &d);
	if ((m == 1 && d == 1) || (m == 5 && d == 5) || (m == 12 && (d == 25 || d == 26)))
		return 1;
	/* Koningsdag moves to the Saturday when 27 April is a Sunday. */
	int king = weekday(days_from_civil(y, 4, 27)) == 6 ? 26 : 27;
	if (m == 4 && d == king)
		return 1;
	/* Good Friday, Easter Sunday and Monday, Ascension, Whit Sunday and Monday. */
	long long e = z - easter(y);
	return e == -2 || e == 0 || e == 1 || e == 39 || e == 49 || e == 50;
}

static int workday(long long z)
{
	return weekday(z) < 5 && !holiday(z);
}

int date_is_holiday(const char *iso)
{
	long long z;
	if (parse_day(iso, &z))
		return ERR_INVALID;
	return holiday(z);
}

int date_is_workday(const char *iso)
{
	long long z;
	if (parse_day(iso, &z))
		return ERR_INVALID;
	return workday(z);
}

int date_add_workdays(const char *iso, int n, char out[11])
{
	long long z;
	if (parse_day(iso, &z) || n < 0 || n > 366)
		return ERR_INVALID;
	if (n == 0)
		while (!workday(z))
			z++;
	for (int i = 0; i < n; i++)
		do
			z++;
		while (!workday(z));
	return write_day(out, z);
}

int date_days_between(const char *from, const char *to, long long *days)
{
	long long a, b;
	if (parse_day(from, &a) || parse_day(to, &b))
		return ERR_INVALID;
	*days = b - a;
	return 0;
}

int date_valid(const char *s)
{
	int y, m, d;
	return parse(s, &y, &m, &d) == 0;
}

int date_dutch(const char *iso, char *out, size_t outlen)
{
	int y, m, d;
	if (parse(iso, &y, &m, &d))
		return ERR_INVALID;
	snprintf(out, outlen, "%d %s %d", d, months[m - 1], y);
	return 0;
}

/* Parse a date or a UTC date-time into a struct tm (UTC). */
static int parse_time(const char *iso, struct tm *tm)
{
	int y, m, d, hh = 0, mm = 0, ss = 0;
	char date[11];
	if (!iso || strlen(iso) < 10)
		return ERR_INVALID;
	memcpy(date, iso, 10);
	date[10] = '\0';
	if (parse(date, &y, &m, &d))
		return ERR_INVALID;
	if (iso[10]) {
		if (strlen(iso) != 20 || iso[10] != 'T' || iso[13] != ':' || iso[16] != ':' || iso[19] != 'Z')
			return ERR_INVALID;
		hh = two_digits(iso + 11), mm = two_digits(iso + 14), ss = two_digits(iso + 17);
		if (hh < 0 || hh > 23 || mm < 0 || mm > 59 || ss < 0 || ss > 60)
			return ERR_INVALID;
	}
	struct tm t = {.tm_year = y - 1900, .tm_mon = m - 1, .tm_mday = d, .tm_hour = hh, .tm_min = mm, .tm_sec = ss};
	time_t when = timegm(&t);
	gmtime_r(&when, tm);
	return 0;
}

int date_http(const char *iso, char *out, size_t outlen)
{
	static const char *const days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
	static const char *const mons[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
					   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
	struct tm tm;
	if (parse_time(iso, &tm))
		return ERR_INVALID;
	snprintf(out, outlen, "%s, %02d %s %d %02d:%02d:%02d GMT", days[tm.tm_wday], tm.tm_mday, mons[tm.tm_mon],
		 tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
	return 0;
}

int date_rfc3339(const char *iso, char *out, size_t outlen)
{
	struct tm tm;
	if (parse_time(iso, &tm))
		return ERR_INVALID;
	strftime(out, outlen, "%Y-%m-%dT%H:%M:%SZ", &tm);
	return 0;
}

void date_today(char out[11])
{
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

/* ---- Dutch local time (Europe/Amsterdam: CET, CEST by the EU rule) ---- */

/* The UTC instant of 01:00 UTC on the last Sunday of month (0-based) in year. */
static time_t last_sunday_0100(int year, int month)
{
	struct tm t = {.tm_year = year - 1900, .tm_mon = month + 1, .tm_mday = 0, .tm_hour = 1};
	time_t last = timegm(&t); /* day 0 of the next month: the month's last day */
	struct tm lt;
	gmtime_r(&last, &lt);
	return last - (time_t) lt.tm_wday * 86400;
}

/* Seconds Amsterdam is ahead of UTC at the instant utc. */
static long amsterdam_offset(time_t utc)
{
	struct tm tm;
	gmtime_r(&utc, &tm);
	int y = tm.tm_year + 1900;
	return utc >= last_sunday_0100(y, 2) && utc < last_sunday_0100(y, 9) ? 7200 : 3600;
}

int date_local_parse(const char *s, long long *when)
{
	int y, m, d, hh, mm;
	char date[11];
	if (!s || strlen(s) != 16 || s[10] != 'T' || s[13] != ':')
		return ERR_INVALID;
	memcpy(date, s, 10);
	date[10] = '\0';
	hh = two_digits(s + 11), mm = two_digits(s + 14);
	if (parse(date, &y, &m, &d) || hh < 0 || hh > 23 || mm < 0 || mm > 59)
		return ERR_INVALID;
	struct tm t = {.tm_year = y - 1900, .tm_mon = m - 1, .tm_mday = d, .tm_hour = hh, .tm_min = mm};
	time_t wall = timegm(&t);
	long off = amsterdam_offset(wall - 3600);
	if (amsterdam_offset(wall - off) != off)
		off = off == 3600 ? 7200 : 3600;
	*when = (long long) (wall - off);
	return 0;
}

static void local_tm(long long when, struct tm *tm)
{
	time_t wall = (time_t) when + amsterdam_offset((time_t) when);
	gmtime_r(&wall, tm);
}

void date_local_input(long long when, char out[17])
{
	struct tm tm;
	local_tm(when, &tm);
	strftime(out, 17, "%Y-%m-%dT%H:%M", &tm);
}

void date_local_today(long long when, char out[11])
{
	struct tm tm;
	local_tm(when, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

static const char *const months_en[] = {"January", "February", "March",	    "April",   "May",	   "June",
					"July",	   "August",   "September", "October", "November", "December"};

int date_long(const char *iso, const char *lang, char *out, size_t outlen)
{
	int y, m, d;
	if (lang && !strcmp(lang, "en")) {
		if (parse(iso, &y, &m, &d))
			return ERR_INVALID;
		snprintf(out, outlen, "%d %s %d", d, months_en[m - 1], y);
		return 0;
	}
	return date_dutch(iso, out, outlen);
}

void date_local_long(long long when, const char *lang, char *out, size_t outlen)
{
	struct tm tm;
	if (!lang || strcmp(lang, "en")) {
		date_local_dutch(when, out, outlen);
		return;
	}
	local_tm(when, &tm);
	snprintf(out, outlen, "%d %s %d, %02d:%02d", tm.tm_mday, months_en[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour,
		 tm.tm_min);
}

void date_local_dutch(long long when, char *out, size_t outlen)
{
	struct tm tm;
	local_tm(when, &tm);
	snprintf(out, outlen, "%d %s %d om %02d:%02d", tm.tm_mday, months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour,
		 tm.tm_min);
}
