/*
 * test_holiday.c - the holiday calendars (holiday.h): Easter dates
 * (Western and Orthodox, checked against dateutil's), day arithmetic,
 * every kind of rule, substitute days, parents, coverage, and every
 * validation error with its exact message and place.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "holiday.h"
#include "ynode.h"

static const struct {
	int y;
	int wm, wd; /* Western */
	int om, od; /* Orthodox, Gregorian date */
} easters[] = {
	{1583, 4, 10, 4, 10}, {1818, 3, 22, 4, 26}, {1900, 4, 15, 4, 22}, {2000, 4, 23, 4, 30},
	{2008, 3, 23, 4, 27}, {2011, 4, 24, 4, 24}, {2019, 4, 21, 4, 28}, {2024, 3, 31, 5, 5},
	{2025, 4, 20, 4, 20}, {2026, 4, 5, 4, 12},  {2035, 3, 25, 4, 29}, {2038, 4, 25, 4, 25},
	{2100, 3, 28, 5, 2},  {2285, 3, 22, 4, 26}, {4099, 4, 19, 5, 3},
};

static void
test_easter(void)
{
	for (size_t i = 0; i < sizeof easters / sizeof easters[0]; i++) {
		int m, d;

		holiday_easter(easters[i].y, &m, &d);
		CHECK(m == easters[i].wm && d == easters[i].wd);
		if (m != easters[i].wm || d != easters[i].wd)
			fprintf(stderr, "  Western Easter %d: got %02d-%02d\n", easters[i].y, m, d);
		holiday_orthodox_easter(easters[i].y, &m, &d);
		CHECK(m == easters[i].om && d == easters[i].od);
		if (m != easters[i].om || d != easters[i].od)
			fprintf(stderr, "  Orthodox Easter %d: got %02d-%02d\n", easters[i].y, m, d);
	}
}

static void
test_days(void)
{
	int y, m, d;

	CHECK(holiday_days(1970, 1, 1) == 0);
	CHECK(holiday_days(2000, 3, 1) == 11017);
	CHECK(holiday_days(1969, 12, 31) == -1);
	CHECK(holiday_weekday(1970, 1, 1) == 3);  /* Thursday */
	CHECK(holiday_weekday(2024, 2, 29) == 3); /* Thursday */
	CHECK(holiday_weekday(2026, 12, 25) == 4); /* Friday */
	CHECK(holiday_weekday(1600, 1, 1) == 5);  /* Saturday */
	/* Every day from 1583 to 2400 comes back from its number. */
	for (long n = holiday_days(1583, 1, 1); n <= holiday_days(2400, 12, 31); n += 37) {
		holiday_civil(n, &y, &m, &d);
		if (holiday_days(y, m, d) != n || !holiday_valid(y, m, d)) {
			CHECK(!"civil/days round trip");
			break;
		}
	}
	y = 2024, m = 12, d = 31;
	holiday_add_days(&y, &m, &d, 1);
	CHECK(y == 2025 && m == 1 && d == 1);
	holiday_add_days(&y, &m, &d, -366);
	CHECK(y == 2024 && m == 1 && d == 1);
	y = 2023, m = 2, d = 28;
	holiday_add_days(&y, &m, &d, 1);
	CHECK(m == 3 && d == 1);
	CHECK(holiday_valid(2024, 2, 29) && !holiday_valid(2023, 2, 29) && !holiday_valid(2100, 2, 29));
	CHECK(holiday_valid(2000, 2, 29) && !holiday_valid(2024, 4, 31) && !holiday_valid(2024, 13, 1));
}

/* A calendar file exercising every kind of rule. */
static const char good[] =
	"schema: \"1\"\n"
	"calendars:\n"
	"  - id: XA\n"
	"    name: Example country\n"
	"    holidays:\n"
	"      - {name: New Year's Day, date: \"01-01\", observed: next-weekday}\n"
	"      - {name: Second of January, date: \"01-02\", observed: next-weekday}\n"
	"      - {name: Good Friday, easter: -2}\n"
	"      - {name: Orthodox Easter Monday, orthodox_easter: 1}\n"
	"      - {name: Thanksgiving, month: 11, weekday: thu, nth: 4}\n"
	"      - {name: Last Monday of May, month: 5, weekday: mon, nth: -1}\n"
	"      - {name: Fifth Friday of March, month: 3, weekday: fri, nth: 5}\n"
	"      - {name: Midsummer Eve, month: 6, weekday: fri, after: \"06-19\"}\n"
	"      - {name: All Saints' Day, weekday: sat, after: \"10-31\"}\n"
	"      - {name: Coronation, date: \"2023-05-08\"}\n"
	"      - {name: New Day, date: \"03-03\", from: 2025, until: 2026}\n"
	"      - {name: Christmas Day, date: \"12-25\", observed: next-weekday}\n"
	"      - {name: Boxing Day, date: \"12-26\", observed: next-weekday}\n"
	"      - {name: Leap Day, date: \"02-29\"}\n"
	"      - {name: King's Day, date: \"04-27\", weekdays: [mon, tue, wed, thu, fri, sat]}\n"
	"      - {name: King's Day, date: \"04-26\", weekdays: [sat]}\n"
	"      - {name: Brigid, month: 2, weekday: mon, nth: 1,\n"
	"         except_when: {date: \"02-01\", weekday: fri}}\n"
	"      - {name: Brigid, date: \"02-01\", weekdays: [fri]}\n"
	"    sources:\n"
	"      - {url: \"https://example.org/holidays\", date: unknown, evidence: official}\n"
	"  - id: XA-RE\n"
	"    name: A region of XA\n"
	"    parent: XA\n"
	"    holidays:\n"
	"      - {name: Regional Day, date: \"07-04\", observed: nearest-weekday}\n"
	"      - {name: Patron, date: \"06-24\", observed: sunday-to-monday}\n"
	"      - {name: Fixed Day, date: \"07-12\", observed: next-weekday}\n"
	"    sources:\n"
	"      - {url: \"https://example.org/region\", date: \"2024-02\", evidence: press}\n"
	"  - id: XB\n"
	"    name: Lunar holidays known for two years\n"
	"    covers: {from: 2025, until: 2026}\n"
	"    holidays:\n"
	"      - {name: Republic Day, date: \"01-26\"}\n"
	"      - {name: Festival, date: \"2025-10-20\"}\n"
	"      - {name: Festival, date: \"2026-11-08\"}\n"
	"    sources:\n"
	"      - {url: \"https://example.org/lunar\", date: \"2025\", evidence: official}\n"
	"  - id: XB-SUB\n"
	"    name: Child of a covered calendar\n"
	"    parent: XB\n"
	"    covers: {until: 2025}\n"
	"    holidays: []\n"
	"    sources:\n"
	"      - {url: \"https://example.org/sub\", date: unknown, evidence: literature}\n";

static const struct {
	const char *cal;
	int y, m, d;
	enum holiday_answer want;
	const char *name;
} days[] = {
	{"XA", 2026, 1, 1, HOLIDAY_YES, "New Year's Day"},
	{"XA", 2026, 1, 3, HOLIDAY_NO, NULL},
	/* 2022: Sat 1, Sun 2 January: Mon 3 and Tue 4 are substitutes. */
	{"XA", 2022, 1, 3, HOLIDAY_YES, "New Year's Day (observed)"},
	{"XA", 2022, 1, 4, HOLIDAY_YES, "Second of January (observed)"},
	{"XA", 2022, 1, 5, HOLIDAY_NO, NULL},
	/* 2027: Fri 1, Sat 2 January: the 2nd moves to Mon 4. */
	{"XA", 2027, 1, 4, HOLIDAY_YES, "Second of January (observed)"},
	{"XA", 2026, 4, 3, HOLIDAY_YES, "Good Friday"},
	{"XA", 2026, 4, 13, HOLIDAY_YES, "Orthodox Easter Monday"},
	{"XA", 2024, 5, 6, HOLIDAY_YES, "Orthodox Easter Monday"},
	{"XA", 2024, 11, 28, HOLIDAY_YES, "Thanksgiving"},
	{"XA", 2026, 11, 26, HOLIDAY_YES, "Thanksgiving"},
	{"XA", 2026, 11, 19, HOLIDAY_NO, NULL},
	{"XA", 2024, 5, 27, HOLIDAY_YES, "Last Monday of May"},
	{"XA", 2026, 5, 25, HOLIDAY_YES, "Last Monday of May"},
	{"XA", 2024, 3, 29, HOLIDAY_YES, "Good Friday"}, /* also the fifth Friday: the first rule names it */
	{"XA", 2030, 3, 29, HOLIDAY_YES, "Fifth Friday of March"},
	{"XA", 2025, 3, 28, HOLIDAY_NO, NULL}, /* March 2025 has four Fridays */
	{"XA", 2024, 6, 21, HOLIDAY_YES, "Midsummer Eve"},
	{"XA", 2026, 6, 19, HOLIDAY_YES, "Midsummer Eve"},
	{"XA", 2025, 6, 20, HOLIDAY_YES, "Midsummer Eve"},
	{"XA", 2026, 10, 31, HOLIDAY_YES, "All Saints' Day"},
	{"XA", 2025, 11, 1, HOLIDAY_YES, "All Saints' Day"},
	{"XA", 2024, 11, 2, HOLIDAY_YES, "All Saints' Day"},
	{"XA", 2023, 5, 8, HOLIDAY_YES, "Coronation"},
	{"XA", 2024, 5, 8, HOLIDAY_NO, NULL},
	{"XA", 2024, 3, 3, HOLIDAY_NO, NULL},
	{"XA", 2025, 3, 3, HOLIDAY_YES, "New Day"},
	{"XA", 2026, 3, 3, HOLIDAY_YES, "New Day"},
	{"XA", 2027, 3, 3, HOLIDAY_NO, NULL},
	/* 2021: Sat 25, Sun 26 December -> Mon 27, Tue 28. */
	{"XA", 2021, 12, 27, HOLIDAY_YES, "Christmas Day (observed)"},
	{"XA", 2021, 12, 28, HOLIDAY_YES, "Boxing Day (observed)"},
	/* 2022: Sun 25, Mon 26 December -> Christmas on Tue 27. */
	{"XA", 2022, 12, 26, HOLIDAY_YES, "Boxing Day"},
	{"XA", 2022, 12, 27, HOLIDAY_YES, "Christmas Day (observed)"},
	{"XA", 2022, 12, 28, HOLIDAY_NO, NULL},
	{"XA", 2024, 2, 29, HOLIDAY_YES, "Leap Day"},
	{"XA", 2025, 3, 1, HOLIDAY_NO, NULL},
	{"XA", 2026, 4, 27, HOLIDAY_YES, "King's Day"}, /* a Monday */
	{"XA", 2025, 4, 27, HOLIDAY_NO, NULL},		/* a Sunday ... */
	{"XA", 2025, 4, 26, HOLIDAY_YES, "King's Day"}, /* ... so the Saturday before */
	{"XA", 2026, 4, 26, HOLIDAY_NO, NULL},
	{"XA", 2025, 2, 3, HOLIDAY_YES, "Brigid"},	/* 1 Feb a Saturday */
	{"XA", 2030, 2, 1, HOLIDAY_YES, "Brigid"},	/* 1 Feb a Friday ... */
	{"XA", 2030, 2, 4, HOLIDAY_NO, NULL},		/* ... not the Monday after */
	{"XA", 2026, 7, 4, HOLIDAY_NO, NULL},		/* regional only */
	{"XA-RE", 2026, 1, 1, HOLIDAY_YES, "New Year's Day"}, /* inherited */
	{"XA-RE", 2026, 7, 4, HOLIDAY_YES, "Regional Day"},
	{"XA-RE", 2026, 7, 3, HOLIDAY_YES, "Regional Day (observed)"}, /* a Saturday: Friday */
	{"XA-RE", 2027, 7, 5, HOLIDAY_YES, "Regional Day (observed)"}, /* a Sunday: Monday */
	{"XA-RE", 2029, 6, 25, HOLIDAY_YES, "Patron (observed)"},      /* a Sunday */
	{"XA-RE", 2028, 6, 26, HOLIDAY_NO, NULL},			/* a Saturday: none */
	/* 2026: Sun 12 July -> Mon 13. */
	{"XA-RE", 2026, 7, 13, HOLIDAY_YES, "Fixed Day (observed)"},
	{"XB", 2025, 10, 20, HOLIDAY_YES, "Festival"},
	{"XB", 2025, 10, 21, HOLIDAY_NO, NULL},
	{"XB", 2027, 1, 26, HOLIDAY_YES, "Republic Day"}, /* known, though not covered */
	{"XB", 2027, 1, 27, HOLIDAY_UNKNOWN, NULL},	 /* not covered */
	{"XB", 2024, 6, 1, HOLIDAY_UNKNOWN, NULL},
	{"XB-SUB", 2025, 6, 1, HOLIDAY_NO, NULL},
	{"XB-SUB", 2026, 6, 1, HOLIDAY_UNKNOWN, NULL},	/* its own limit */
	{"XB-SUB", 2024, 6, 1, HOLIDAY_UNKNOWN, NULL},	/* the parent's limit */
	{"XB-SUB", 2026, 11, 8, HOLIDAY_YES, "Festival"},
	{"XC", 2026, 1, 1, HOLIDAY_UNKNOWN, NULL},	/* no such calendar */
	{"XA", 2026, 2, 30, HOLIDAY_UNKNOWN, NULL},	/* no such day */
};

static struct holidays *
load(const char *yaml, struct problems *pr)
{
	char *cause = NULL;
	struct ynode *root = ynode_parse("h.yaml", yaml, strlen(yaml), &ynode_default_limits, &cause);
	struct holidays *h;

	if (root == NULL) {
		fprintf(stderr, "parse: %s\n", cause);
		free(cause);
		return NULL;
	}
	h = holidays_load_tree("h.yaml", root, pr);
	ynode_free(root);
	return h;
}

static void
test_rules(void)
{
	struct problems pr = {0};
	struct holidays *h = load(good, &pr);

	CHECK(h != NULL && pr.n == 0);
	for (size_t i = 0; i < pr.n; i++)
		fprintf(stderr, "  %s: %s\n", pr.v[i].where, pr.v[i].what);
	problems_free(&pr);
	if (h == NULL)
		return;
	for (size_t i = 0; i < sizeof days / sizeof days[0]; i++) {
		const char *name = "unset";
		enum holiday_answer a = holidays_on(h, days[i].cal, days[i].y, days[i].m, days[i].d,
						    &name);

		if (a != days[i].want || (days[i].name == NULL) != (name == NULL) ||
		    (name != NULL && strcmp(name, days[i].name) != 0)) {
			CHECK(!"holidays_on");
			fprintf(stderr, "  %s %04d-%02d-%02d: got %d \"%s\", want %d \"%s\"\n",
				days[i].cal, days[i].y, days[i].m, days[i].d, a, name ? name : "(null)",
				days[i].want, days[i].name ? days[i].name : "(null)");
		} else {
			CHECK(1);
		}
	}
	CHECK(holidays_known(h, "XA-RE") && !holidays_known(h, "XA-R") && !holidays_known(h, NULL));
	CHECK(holidays_count(h) == 4);
	CHECK_STR(holidays_id(h, 1), "XA-RE");
	CHECK(holidays_id(h, 4) == NULL);
	CHECK(holidays_covers(h, "XA", 1999) && holidays_covers(h, "XB", 2026));
	CHECK(!holidays_covers(h, "XB", 2027) && !holidays_covers(h, "XB-SUB", 2026));
	CHECK(!holidays_covers(h, "XC", 2026));
	CHECK(holidays_on(NULL, "XA", 2026, 1, 1, NULL) == HOLIDAY_UNKNOWN);
	CHECK(holidays_on(h, "XA", 2026, 1, 1, NULL) == HOLIDAY_YES);
	/* A span of days (hours.c asks for 18 at once) answers as each day
	 * does alone, across a year's end and the end of a calendar's years. */
	{
		static const char *const cals[] = {"XA", "XA-RE", "XB", "XB-SUB", "XC"};
		static const int starts[][3] = {{2021, 12, 10}, {2026, 12, 20}, {2026, 6, 20}, {2025, 2, 27}};
		enum holiday_answer span[60];
		const char *names[60];

		for (size_t c = 0; c < sizeof cals / sizeof cals[0]; c++)
			for (size_t k = 0; k < sizeof starts / sizeof starts[0]; k++) {
				long first = holiday_days(starts[k][0], starts[k][1], starts[k][2]);

				holidays_on_days(h, cals[c], starts[k][0], starts[k][1], starts[k][2], 60,
						 span, names);
				for (size_t i = 0; i < 60; i++) {
					const char *name = NULL;
					int y, m, d;
					enum holiday_answer a;

					holiday_civil(first + (long)i, &y, &m, &d);
					a = holidays_on(h, cals[c], y, m, d, &name);
					if (a != span[i] || (name == NULL) != (names[i] == NULL) ||
					    (name != NULL && strcmp(name, names[i]) != 0))
						fprintf(stderr, "  span %s %04d-%02d-%02d: %d \"%s\", alone %d \"%s\"\n",
							cals[c], y, m, d, span[i], names[i] ? names[i] : "(null)", a,
							name ? name : "(null)");
					CHECK(a == span[i]);
				}
			}
		holidays_on_days(h, "XA", 2026, 2, 30, 3, span, NULL);
		CHECK(span[0] == HOLIDAY_UNKNOWN && span[2] == HOLIDAY_UNKNOWN);
	}
	holidays_free(h);
	holidays_free(NULL);
}

/* The head of a file with one calendar; a case adds its holidays. */
#define HEAD "schema: \"1\"\ncalendars:\n  - id: XA\n    name: X\n"
#define SRC "    sources: [{url: \"https://e.org\", date: unknown, evidence: official}]\n"

static const struct {
	const char *yaml;
	const char *where, *what; /* the first problem */
	size_t n;		  /* how many */
} bad[] = {
	{"schema: \"2\"\ncalendars: []\n", "h.yaml:1:9",
	 "unknown schema \"2\" (this signpost reads schema \"1\")", 1},
	{"schema: \"1\"\ncalendar: []\n", "h.yaml:2:1",
	 "unknown key \"calendar\" (did you mean \"calendars\"?)", 2},
	{HEAD "    holidays:\n      - {name: A, date: \"01-01\", obsreved: next-weekday}\n" SRC,
	 "h.yaml:6:34", "unknown key \"obsreved\" (did you mean \"observed\"?)", 1},
	{HEAD "    holidays:\n      - {name: A, date: \"13-01\"}\n" SRC, "h.yaml:6:25",
	 "\"13-01\" is not a month-day (MM-DD) or a date (YYYY-MM-DD)", 1},
	{HEAD "    holidays:\n      - {name: A, date: \"2023-02-29\"}\n" SRC, "h.yaml:6:25",
	 "\"2023-02-29\" is not a month-day (MM-DD) or a date (YYYY-MM-DD)", 1},
	{HEAD "    holidays:\n      - {name: A, month: 6, weekday: friday, after: \"06-19\"}\n" SRC,
	 "h.yaml:6:38", "unknown weekday \"friday\" (did you mean \"fri\"?)", 1},
	{HEAD "    holidays:\n      - {name: A, month: 6, weekday: fri, nth: 6}\n" SRC,
	 "h.yaml:6:48", "\"nth\" must be 1 to 5, or -1 for the last, not \"6\"", 1},
	{HEAD "    holidays:\n      - {name: A, month: 6, weekday: fri, nth: 0}\n" SRC,
	 "h.yaml:6:48", "\"nth\" must be 1 to 5, or -1 for the last, not \"0\"", 1},
	{HEAD "    holidays:\n      - {name: A, month: 6, weekday: fri}\n" SRC, "h.yaml:6:9",
	 "the holiday has \"weekday\" but neither \"nth\" nor \"after\"", 1},
	{HEAD "    holidays:\n      - {name: A, month: 7, weekday: fri, after: \"06-19\"}\n" SRC,
	 "h.yaml:6:26", "\"month\" (7) is not the month of \"after\" (06-19)", 1},
	{HEAD "    holidays:\n      - {name: A, date: \"01-01\", easter: 1}\n" SRC, "h.yaml:6:42",
	 "the holiday has both \"date\" and \"easter\"", 1},
	{HEAD "    holidays:\n      - {name: A}\n" SRC, "h.yaml:6:9",
	 "the holiday has none of \"date\", \"easter\", \"orthodox_easter\", \"weekday\"", 1},
	{HEAD "    holidays:\n      - {date: \"01-01\"}\n" SRC, "h.yaml:6:9",
	 "the holiday has no \"name\"", 1},
	{HEAD "    holidays:\n      - {name: A, easter: 500}\n" SRC, "h.yaml:6:27",
	 "\"easter\" must be a number of days from -366 to 366, not \"500\"", 1},
	{HEAD "    holidays:\n      - {name: A, date: \"01-01\", from: 2030, until: 2020}\n" SRC,
	 "h.yaml:6:53", "\"until\" (2020) is before \"from\" (2030)", 1},
	{HEAD "    holidays:\n      - {name: A, date: \"01-01\", observed: monday}\n" SRC,
	 "h.yaml:6:44", "unknown observed rule \"monday\"", 1},
	{HEAD "    holidays:\n      - {name: A, date: \"2024-01-01\", from: 2024}\n" SRC,
	 "h.yaml:6:45", "a one-off date takes no \"from\" or \"until\"", 1},
	{HEAD "    parent: XZ\n    holidays: []\n" SRC, "h.yaml:5:13",
	 "parent \"XZ\" is not a calendar in this file", 1},
	{"schema: \"1\"\ncalendars:\n"
	 "  - {id: XA, name: A, parent: XB-C, holidays: [], sources: [{url: \"https://e.org\", "
	 "date: unknown, evidence: official}]}\n"
	 "  - {id: XB-C, name: B, parent: XA, holidays: [], sources: [{url: \"https://e.org\", "
	 "date: unknown, evidence: official}]}\n",
	 "h.yaml:3:31", "circular parent: XA -> XB-C -> XA", 1},
	{"schema: \"1\"\ncalendars:\n"
	 "  - {id: XA, name: A, parent: XA, holidays: [], sources: [{url: \"https://e.org\", "
	 "date: unknown, evidence: official}]}\n",
	 "h.yaml:3:31", "circular parent: XA -> XA", 1},
	{"schema: \"1\"\ncalendars:\n"
	 "  - {id: XA, name: A, holidays: [], sources: [{url: \"https://e.org\", "
	 "date: unknown, evidence: official}]}\n"
	 "  - {id: XA, name: A, holidays: [], sources: [{url: \"https://e.org\", "
	 "date: unknown, evidence: official}]}\n",
	 "h.yaml:4:10", "duplicate calendar \"XA\" (first at line 3)", 1},
	{"schema: \"1\"\ncalendars:\n  - {id: Germany, name: A, holidays: [], sources: []}\n",
	 "h.yaml:3:10", "\"Germany\" is not an ISO 3166-1 alpha-2 or ISO 3166-2 code", 1},
	{HEAD "    holidays: []\n    sources: []\n", "h.yaml:6:14",
	 "\"sources\" is empty: every calendar needs a source", 1},
	{HEAD "    holidays: []\n    sources: [{url: \"ftp://e.org\", date: 2024-13, evidence: "
	      "oficial}]\n",
	 "h.yaml:6:21", "\"ftp://e.org\" is not an http(s) address", 3},
	{HEAD "    covers: {}\n    holidays: []\n" SRC, "h.yaml:5:13",
	 "\"covers\" needs \"from\" or \"until\"", 1},
	{HEAD "    holidays:\n      - {name: A, date: \"01-01\", weekdays: [fri, sunday]}\n" SRC,
	 "h.yaml:6:50", "unknown weekday \"sunday\" (did you mean \"sun\"?)", 1},
	{HEAD "    holidays:\n      - {name: A, month: 2, weekday: mon, nth: 1, except_when: "
	      "{date: \"02-30\", weekday: fri}}\n" SRC,
	 "h.yaml:6:71", "\"02-30\" is not a month-day (MM-DD)", 1},
	{HEAD "    holidays:\n      - {name: A, date: \"01-01\", nth: 1}\n" SRC, "h.yaml:6:39",
	 "\"nth\" does not go with \"date\"", 1},
	{HEAD "    holidays: {}\n" SRC, "h.yaml:5:15", "\"holidays\" must be a list, not a mapping",
	 1},
	{"[]\n", "h.yaml:1:1", "the file must be a mapping with \"schema\" and \"calendars\"", 1},
};

static void
test_bad(void)
{
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct problems pr = {0};
		struct holidays *h = load(bad[i].yaml, &pr);

		CHECK(h == NULL);
		CHECK(pr.n == bad[i].n);
		if (pr.n != bad[i].n)
			for (size_t j = 0; j < pr.n; j++)
				fprintf(stderr, "  case %zu: %s: %s\n", i, pr.v[j].where, pr.v[j].what);
		if (pr.n > 0) {
			CHECK_STR(pr.v[0].where, bad[i].where);
			CHECK_STR(pr.v[0].what, bad[i].what);
		}
		holidays_free(h);
		problems_free(&pr);
	}
}

int
main(void)
{
	test_easter();
	test_days();
	test_rules();
	test_bad();
	return check_done();
}
