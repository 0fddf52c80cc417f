/* Small pure helpers: slugs, Dutch dates and working days, configuration. */
#include "testutil.h"

#include <limits.h>
#include <stdlib.h>

#include "base/config.h"
#include "base/dates.h"
#include "base/slug.h"

static void slugs_from_dutch_titles(void **state)
{
	const char *cases[][2] = {
	    {"Wat doet een vertrouwenspersoon?", "wat-doet-een-vertrouwenspersoon"},
	    {"Coördinator in één dag", "coordinator-in-een-dag"},
	    {"Auto's en café’s", "autos-en-cafes"},
	    {"  --Naïeve   ÉÉN__Ĳsselmeer!! ", "naieve-een-ijsselmeer"},
	    {"Straße Œuvre", "strasse-oeuvre"},
	    {"Wet 2023: 7 dagen & 3 maanden", "wet-2023-7-dagen-3-maanden"},
	    {"😀 emoji weg", "emoji-weg"},
	};
	char out[SLUG_MAX + 1];
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		assert_int_equal(slug_make(cases[i][0], out, sizeof(out)), 0);
		assert_string_equal(out, cases[i][1]);
		assert_true(slug_valid(out));
	}
	assert_int_equal(slug_make("!!!", out, sizeof(out)), ERR_INVALID);
	assert_string_equal(out, "");
	char longtitle[400];
	memset(longtitle, 'a', sizeof(longtitle) - 1);
	longtitle[sizeof(longtitle) - 1] = '\0';
	assert_int_equal(slug_make(longtitle, out, sizeof(out)), 0);
	assert_int_equal(strlen(out), SLUG_MAX);
}

static void slug_validation(void **state)
{
	assert_true(slug_valid("a-b-c1"));
	assert_false(slug_valid(""));
	assert_false(slug_valid("-a"));
	assert_false(slug_valid("a-"));
	assert_false(slug_valid("a--b"));
	assert_false(slug_valid("A"));
	assert_false(slug_valid("a/b"));
	assert_false(slug_valid("é"));
}

/* Deadlines: a week later across a month and a year, months later at month ends and in leap years. */
static void deadline_arithmetic(void **state)
{
	char out[11];
	const struct {
		const char *from;
		int days, months;
		const char *want;
	} cases[] = {
	    {"2026-11-30", 7, 0, "2026-12-07"},	 {"2026-12-28", 7, 0, "2027-01-04"},
	    {"2028-02-25", 7, 0, "2028-03-03"},	 {"2027-02-25", 7, 0, "2027-03-04"},
	    {"2026-11-30", 0, 3, "2027-02-28"},	 {"2027-11-30", 0, 3, "2028-02-29"},
	    {"2026-01-31", 0, 1, "2026-02-28"},	 {"2026-10-15", 0, 3, "2027-01-15"},
	    {"2026-03-31", 0, 3, "2026-06-30"},	 {"1999-12-31", 1, 0, "2000-01-01"},
	    {"2024-01-31", 0, 1, "2024-02-29"},	 {"2025-01-31", 0, 1, "2025-02-28"},
	    {"2024-02-29", 0, 12, "2025-02-28"}, {"2028-02-29", 0, 48, "2032-02-29"},
	    {"2026-12-31", 7, 0, "2027-01-07"},	 {"2024-12-31", 7, 0, "2025-01-07"},
	    {"2024-02-28", 1, 0, "2024-02-29"},	 {"2000-02-28", 1, 0, "2000-02-29"},
	    {"2100-02-28", 1, 0, "2100-03-01"},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int rc = cases[i].months ? date_add_months(cases[i].from, cases[i].months, out)
					 : date_add_days(cases[i].from, cases[i].days, out);
		assert_int_equal(rc, 0);
		assert_string_equal(out, cases[i].want);
	}
	assert_int_equal(date_add_days("2026-02-30", 1, out), ERR_INVALID);
	assert_int_equal(date_add_months("morgen", 1, out), ERR_INVALID);
	/* A result outside the years 1900..9999 is refused, not written as year 0000 or 1899. */
	memcpy(out, "unchanged", 10);
	assert_int_equal(date_add_days("9999-12-31", 1, out), ERR_INVALID);
	assert_int_equal(date_add_days("1900-01-01", -1, out), ERR_INVALID);
	assert_int_equal(date_add_months("9999-12-15", 1, out), ERR_INVALID);
	assert_int_equal(date_add_months("2026-01-15", INT_MAX, out), ERR_INVALID);
	assert_int_equal(date_add_months("1900-01-15", -1, out), ERR_INVALID);
	assert_int_equal(date_add_months("2026-01-15", -1201, out), ERR_INVALID);
	assert_int_equal(date_add_days("2026-01-15", 100001, out), ERR_INVALID);
	assert_string_equal(out, "unchanged");
	assert_int_equal(date_add_days("9999-12-30", 1, out), 0);
	assert_string_equal(out, "9999-12-31");
	assert_int_equal(date_add_days("1900-01-02", -1, out), 0);
	assert_string_equal(out, "1900-01-01");
	assert_int_equal(date_add_months("9998-12-31", 12, out), 0);
	assert_string_equal(out, "9999-12-31");
	assert_int_equal(date_add_months("2026-03-31", -1, out), 0); /* back into a shorter month */
	assert_string_equal(out, "2026-02-28");
	assert_int_equal(date_add_months("2026-01-15", -14, out), 0);
	assert_string_equal(out, "2024-11-15");
}

/* Easter by the computus, seen through its holidays: Good Friday, Easter Sunday and Monday, Ascension, Whitsun. */
static void easter_holidays(void **state)
{
	const char *easter[] = {"2024-03-31", "2025-04-20", "2026-04-05", "2027-03-28", "2038-04-25",
				"2285-03-22", "1900-04-15", "1943-04-25", "2000-04-23", "2008-03-23"};
	const struct {
		int offset, holiday;
	} around[] = {{-3, 0}, {-2, 1}, {-1, 0}, {0, 1}, {1, 1}, {39, 1}, {48, 0}, {49, 1}, {50, 1}, {51, 0}};
	char day[11];
	for (size_t i = 0; i < sizeof(easter) / sizeof(easter[0]); i++)
		for (size_t j = 0; j < sizeof(around) / sizeof(around[0]); j++) {
			assert_int_equal(date_add_days(easter[i], around[j].offset, day), 0);
			assert_int_equal(date_is_holiday(day), around[j].holiday);
		}
}

/* Every day of 2026 and 2027: the listed days are holidays and no other day is. */
static void holidays_of_2026_and_2027(void **state)
{
	const char *holidays[] = {
	    "2026-01-01", "2026-04-03", "2026-04-05", "2026-04-06", "2026-04-27", "2026-05-05",
	    "2026-05-14", "2026-05-24", "2026-05-25", "2026-12-25", "2026-12-26", "2027-01-01",
	    "2027-03-26", "2027-03-28", "2027-03-29", "2027-04-27", "2027-05-05", "2027-05-06",
	    "2027-05-16", "2027-05-17", "2027-12-25", "2027-12-26",
	};
	size_t n = sizeof(holidays) / sizeof(holidays[0]), seen = 0;
	char day[11] = "2026-01-01", next[11];
	while (strcmp(day, "2028-01-01") != 0) {
		int listed = seen < n && !strcmp(day, holidays[seen]);
		assert_int_equal(date_is_holiday(day), listed);
		if (listed) {
			assert_int_equal(date_is_workday(day), 0);
			seen++;
		}
		assert_int_equal(date_add_days(day, 1, next), 0);
		memcpy(day, next, sizeof(day));
	}
	assert_int_equal(seen, n);
	/* Koningsdag is kept on the Saturday when 27 April is a Sunday. */
	assert_int_equal(date_is_holiday("2025-04-26"), 1);
	assert_int_equal(date_is_holiday("2025-04-27"), 0);
	assert_int_equal(date_is_holiday("2031-04-26"), 1);
	assert_int_equal(date_is_holiday("2028-04-26"), 0);
	assert_int_equal(date_is_holiday("2028-04-27"), 1);
	assert_int_equal(date_is_workday("2026-01-10"), 0); /* Saturday */
	assert_int_equal(date_is_workday("2026-01-11"), 0); /* Sunday */
	assert_int_equal(date_is_workday("2026-01-12"), 1);
	assert_int_equal(date_is_workday("2026-01-16"), 1); /* Friday */
	const char *bad[] = {"2026-02-29", "2026-13-01", "1899-12-31", "2026-1-1", "", NULL};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(date_is_holiday(bad[i]), ERR_INVALID);
		assert_int_equal(date_is_workday(bad[i]), ERR_INVALID);
	}
}

static void working_days(void **state)
{
	const struct {
		const char *from;
		int n;
		const char *want;
	} cases[] = {
	    {"2026-01-09", 1, "2026-01-12"},   /* Friday, across the weekend */
	    {"2026-01-09", 2, "2026-01-13"},   /* two working days from a Friday */
	    {"2026-01-08", 3, "2026-01-13"},   /* Thursday */
	    {"2026-01-10", 1, "2026-01-12"},   /* from a Saturday the Monday is the first */
	    {"2026-01-10", 0, "2026-01-12"},   /* n = 0 on a Saturday: the next working day */
	    {"2026-01-12", 0, "2026-01-12"},   /* n = 0 on a working day: that day */
	    {"2026-04-03", 0, "2026-04-07"},   /* n = 0 on Good Friday: after Easter Monday */
	    {"2026-04-02", 2, "2026-04-08"},   /* Thursday before Good Friday, across Easter */
	    {"2027-03-25", 2, "2027-03-31"},   /* the same in 2027 */
	    {"2026-12-24", 1, "2026-12-28"},   /* across Christmas */
	    {"2026-12-24", 5, "2027-01-04"},   /* across Christmas and New Year */
	    {"2026-05-13", 1, "2026-05-15"},   /* across Ascension */
	    {"2026-05-13", 2, "2026-05-18"},   /* Ascension and the weekend */
	    {"2026-05-22", 1, "2026-05-26"},   /* across Whitsun */
	    {"2026-04-24", 1, "2026-04-28"},   /* across Koningsdag on a Monday */
	    {"2026-05-04", 1, "2026-05-06"},   /* across 5 mei */
	    {"2024-02-28", 1, "2024-02-29"},   /* a leap day is a working day */
	    {"2026-01-01", 366, "2027-06-17"}, /* the most */
	};
	char out[11];
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		assert_int_equal(date_add_workdays(cases[i].from, cases[i].n, out), 0);
		assert_string_equal(out, cases[i].want);
	}
	memcpy(out, "unchanged", 10);
	assert_int_equal(date_add_workdays("2026-01-09", -1, out), ERR_INVALID);
	assert_int_equal(date_add_workdays("2026-01-09", 367, out), ERR_INVALID);
	assert_int_equal(date_add_workdays("2026-02-29", 1, out), ERR_INVALID);
	assert_int_equal(date_add_workdays(NULL, 1, out), ERR_INVALID);
	assert_int_equal(date_add_workdays("9999-12-31", 1, out), ERR_INVALID);
	assert_string_equal(out, "unchanged");
}

static void days_between(void **state)
{
	const struct {
		const char *from, *to;
		long long want;
	} cases[] = {
	    {"2026-01-01", "2026-01-01", 0},	   {"2024-01-01", "2025-01-01", 366}, {"2025-01-01", "2026-01-01", 365},
	    {"2026-03-01", "2026-02-01", -28},	   {"2024-02-28", "2024-03-01", 2},   {"1969-12-31", "1970-01-01", 1},
	    {"1900-01-01", "9999-12-31", 2958463},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		long long days = -1;
		assert_int_equal(date_days_between(cases[i].from, cases[i].to, &days), 0);
		assert_int_equal(days, cases[i].want);
	}
	long long days = 42;
	assert_int_equal(date_days_between("2026-02-30", "2026-03-01", &days), ERR_INVALID);
	assert_int_equal(date_days_between("2026-03-01", "morgen", &days), ERR_INVALID);
	assert_int_equal(date_days_between(NULL, "2026-03-01", &days), ERR_INVALID);
	assert_int_equal(days, 42);
}

static void dutch_dates(void **state)
{
	char out[40];
	assert_int_equal(date_dutch("2026-11-23", out, sizeof(out)), 0);
	assert_string_equal(out, "23 november 2026");
	assert_int_equal(date_dutch("2024-02-29", out, sizeof(out)), 0);
	assert_string_equal(out, "29 februari 2024");
	assert_int_equal(date_dutch("2025-03-01", out, sizeof(out)), 0);
	assert_string_equal(out, "1 maart 2025");
	const char *bad[] = {"2023-02-29", "2026-13-01", "2026-00-10", "2026-04-31",
			     "26-1-1",	   "2026/01/01", "",	       "2026-01-01x"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(date_dutch(bad[i], out, sizeof(out)), ERR_INVALID);
	assert_true(date_valid("1900-01-01"));
	char today[11];
	date_today(today);
	assert_true(date_valid(today));
}

static void feed_dates(void **state)
{
	char out[40];
	assert_int_equal(date_http("2026-03-02T10:05:09Z", out, sizeof(out)), 0);
	assert_string_equal(out, "Mon, 02 Mar 2026 10:05:09 GMT");
	assert_int_equal(date_rfc3339("2026-03-02", out, sizeof(out)), 0);
	assert_string_equal(out, "2026-03-02T00:00:00Z");
	const char *bad[] = {"2026-03-02T10:-5:09Z", "2026-03-02T+1:05:09Z", "2026-03-02T10:05:09",
			     "2026-03-02T24:00:00Z", "2026-03-02X10:05:09Z"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(date_http(bad[i], out, sizeof(out)), ERR_INVALID);
}

static void dutch_local_times(void **state)
{
	/* Expected instants computed with the IANA Europe/Amsterdam zone. */
	const struct {
		const char *local;
		long long utc;
	} cases[] = {{"2026-11-23T14:30", 1795440600},
		     {"2026-07-01T12:00", 1782900000},
		     {"2026-03-29T03:30", 1774747800},
		     {"2026-10-25T03:30", 1792895400},
		     {"2026-03-29T01:59", 1774745940}};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		long long when = 0;
		char back[17];
		assert_int_equal(date_local_parse(cases[i].local, &when), 0);
		assert_int_equal(when, cases[i].utc);
		date_local_input(when, back);
		assert_string_equal(back, cases[i].local);
	}
	char out[40], day[11];
	date_local_dutch(1795440600, out, sizeof(out));
	assert_string_equal(out, "23 november 2026 om 14:30");
	date_local_today(1782856860, day); /* 1 July 2026 00:01 in Amsterdam, still 30 June in UTC */
	assert_string_equal(day, "2026-07-01");
	/* Around the switches to and from summer time, and local midnight at a month's and a year's end. */
	const struct {
		long long utc;
		const char *local;
	} instants[] = {
	    {1774745999, "2026-03-29T01:59"}, /* 2026-03-29 00:59:59 UTC, the last second of winter time */
	    {1774746000, "2026-03-29T03:00"}, /* 01:00:00 UTC: clocks jump to 03:00 */
	    {1774738799, "2026-03-28T23:59"}, /* 2026-03-28 22:59:59 UTC */
	    {1774738800, "2026-03-29T00:00"}, /* 23:00:00 UTC */
	    {1792889999, "2026-10-25T02:59"}, /* 2026-10-25 00:59:59 UTC, the last second of summer time */
	    {1792890000, "2026-10-25T02:00"}, /* 01:00:00 UTC: clocks go back to 02:00 */
	    {1792879199, "2026-10-24T23:59"}, /* 2026-10-24 21:59:59 UTC */
	    {1792879200, "2026-10-25T00:00"}, /* 22:00:00 UTC */
	    {1769900399, "2026-01-31T23:59"}, /* 2026-01-31 22:59:59 UTC, winter */
	    {1769902200, "2026-02-01T00:30"}, /* 2026-01-31 23:30 UTC is the next day locally */
	    {1782856799, "2026-06-30T23:59"}, /* 2026-06-30 21:59:59 UTC, summer */
	    {1782858600, "2026-07-01T00:30"}, /* 2026-06-30 22:30 UTC is the next day locally */
	    {1798759800, "2027-01-01T00:30"}, /* 2026-12-31 23:30 UTC is the next year locally */
	};
	for (size_t i = 0; i < sizeof(instants) / sizeof(instants[0]); i++) {
		char input[17];
		date_local_input(instants[i].utc, input);
		assert_string_equal(input, instants[i].local);
		date_local_today(instants[i].utc, day);
		assert_memory_equal(day, instants[i].local, 10);
		assert_int_equal(day[10], '\0');
	}
	long long when;
	const char *bad[] = {"2026-11-23 14:30",
			     "2026-11-23T24:00",
			     "2026-02-30T10:00",
			     "2026-11-23T14:3x",
			     "2026-03-01T-1:00",
			     "2026-03-01T+1:00",
			     "2026-03-01T 1:00",
			     "",
			     NULL};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(date_local_parse(bad[i], &when), ERR_INVALID);
}

static void config_flags_and_env(void **state)
{
	struct config c;
	char err[256];
	config_defaults(&c);
	assert_string_equal(c.db, "sqlite:data/vertrouwd.db");
	assert_int_equal(c.port, 8080);
	assert_int_equal(config_set(&c, "listen", "0.0.0.0:9000", err, sizeof(err)), 1);
	assert_string_equal(c.host, "0.0.0.0");
	assert_int_equal(c.port, 9000);
	assert_int_equal(config_set(&c, "listen", "[::1]:81", err, sizeof(err)), 1);
	assert_string_equal(c.host, "::1");
	assert_int_equal(config_set(&c, "listen", "nope", err, sizeof(err)), ERR_INVALID);
	assert_contains(err, "--listen");
	assert_int_equal(config_set(&c, "listen", "h:99999", err, sizeof(err)), ERR_INVALID);
	assert_int_equal(config_set(&c, "threads", "abc", err, sizeof(err)), ERR_INVALID);
	assert_int_equal(config_set(&c, "threads", "4", err, sizeof(err)), 1);
	assert_int_equal(c.threads, 4);
	assert_int_equal(config_set(&c, "db", "postgres://x", err, sizeof(err)), ERR_INVALID);
	assert_int_equal(config_set(&c, "demo", "x", err, sizeof(err)), 0);
	setenv("VERTROUWD_THREADS", "3", 1);
	setenv("VERTROUWD_DB", "sqlite:/tmp/x.db", 1);
	assert_int_equal(config_from_env(&c, err, sizeof(err)), 0);
	assert_int_equal(c.threads, 3);
	assert_string_equal(c.db, "sqlite:/tmp/x.db");
	setenv("VERTROUWD_BODY_MAX", "12", 1);
	assert_int_equal(config_from_env(&c, err, sizeof(err)), ERR_INVALID);
	assert_contains(err, "VERTROUWD_BODY_MAX");
	unsetenv("VERTROUWD_BODY_MAX");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(slugs_from_dutch_titles),
	    cmocka_unit_test(slug_validation),
	    cmocka_unit_test(dutch_dates),
	    cmocka_unit_test(deadline_arithmetic),
	    cmocka_unit_test(easter_holidays),
	    cmocka_unit_test(holidays_of_2026_and_2027),
	    cmocka_unit_test(working_days),
	    cmocka_unit_test(days_between),
	    cmocka_unit_test(feed_dates),
	    cmocka_unit_test(dutch_local_times),
	    cmocka_unit_test(config_flags_and_env),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
