/*
 * test_hours.c - opening windows and "open now", around midnight and the
 * daylight-saving changes of 2026 in Europe/Prague and America/New_York.
 * Instants are written as ISO 8601 with an explicit offset, which
 * i18n_parse_datetime turns into UTC by plain arithmetic, so the expected
 * values do not depend on the zone code under test.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "holiday.h"
#include "hours.h"
#include "ynode.h"
#include "i18n.h"
#include "xmalloc.h"

static struct i18n *ui;

/* The instant of an ISO 8601 string; a malformed one fails a check. */
static double
at(const char *iso)
{
	double t = 0;
	int rc = i18n_parse_datetime(ui, iso, &t);

	if (rc != 0)
		fprintf(stderr, "bad instant in test: %s\n", iso);
	CHECK(rc == 0);
	return t;
}

static const struct {
	const char *s;
	unsigned char days;
	int start, end;
} good_windows[] = {
	{ "mon 12:00-20:00", 0x01, 720, 1200 },
	{ "mon-fri 09:00-17:00", 0x1f, 540, 1020 },
	{ "fri-mon 20:00-02:00", 0x71, 1200, 120 },
	{ "sun-sun 08:00-09:00", 0x40, 480, 540 },
	{ "mon,wed,fri 12:00-20:00", 0x15, 720, 1200 },
	{ "sat,sun 10:00-14:00", 0x60, 600, 840 },
	{ "mon-thu,sat 08:00-16:00", 0x2f, 480, 960 },
	{ "sat-mon,wed 08:00-16:00", 0x65, 480, 960 },
	{ "SUN 00:00-24:00", 0x40, 0, 1440 },
	{ "Mon-Fri\t09:00-17:00", 0x1f, 540, 1020 },
	{ "tue  08:00-08:00", 0x02, 480, 480 },
	{ "thu 23:59-00:00", 0x08, 1439, 0 },
	{ "mon,mon 10:00-11:00", 0x01, 600, 660 },
};

static const struct {
	const char *s;
	const char *cause;
	int column;
} bad_windows[] = {
	{ "", "expected a day", 1 },
	{ " mon 10:00-12:00", "expected a day", 1 },
	{ "12:00-20:00", "expected a day", 1 },
	{ "mox 12:00-20:00", "unknown day \"mox\"", 1 },
	{ "MOX 12:00-20:00", "unknown day \"MOX\"", 1 },
	{ "mon-frx 09:00-17:00", "unknown day \"frx\"", 5 },
	{ "mon,wed,fry 09:00-17:00", "unknown day \"fry\"", 9 },
	{ "monday 09:00-17:00", "unknown day \"monday\"", 1 },
	{ "abcdefghijklmnopqrstuvwxyz 10:00-11:00", "unknown day \"abcdefghijklmnop...\"", 1 },
	{ "mon-", "expected a day", 5 },
	{ "mon, tue 10:00-12:00", "expected a day", 5 },
	{ "mon", "expected HH:MM-HH:MM after the days", 4 },
	{ "mon;tue 10:00-12:00", "expected \",\", \"-\" or a space after a day", 4 },
	{ "mon 9:00-17:00", "expected HH:MM", 5 },
	{ "mon 09.00-17:00", "expected HH:MM", 5 },
	{ "mon 09:00-7:00", "expected HH:MM", 11 },
	{ "mon 12:00-", "expected HH:MM", 11 },
	{ "mon 25:00-26:00", "hour out of range", 5 },
	{ "mon 24:00-02:00", "hour out of range", 5 },
	{ "mon 12:00-24:30", "hour out of range", 11 },
	{ "mon 12:00-99:00", "hour out of range", 11 },
	{ "mon 12:60-20:00", "minute out of range", 8 },
	{ "mon 12:00-20:75", "minute out of range", 14 },
	{ "mon 12:00 20:00", "expected \"-\" after the opening time", 10 },
	{ "mon 12:00-20:00x", "unexpected text after the closing time", 16 },
	{ "mon 12:00-20:00 ", "unexpected text after the closing time", 16 },
	{ "mon 12:00-20:00:00", "unexpected text after the closing time", 16 },
	{ "mon\xc3\xa9 12:00-20:00", "expected \",\", \"-\" or a space after a day", 4 },
};

static void
test_parse_window(void)
{
	struct hours_window w;
	size_t i;
	char *cause;
	int column;

	for (i = 0; i < sizeof good_windows / sizeof good_windows[0]; i++) {
		cause = NULL;
		memset(&w, 0, sizeof w);
		if (hours_parse_window(good_windows[i].s, &w, &cause, &column) != 0) {
			fprintf(stderr, "\"%s\": %s\n", good_windows[i].s, cause);
			CHECK(!"window refused");
			free(cause);
			continue;
		}
		CHECK(cause == NULL);
		CHECK(w.days == good_windows[i].days);
		CHECK(w.start == good_windows[i].start);
		CHECK(w.end == good_windows[i].end);
	}
	for (i = 0; i < sizeof bad_windows / sizeof bad_windows[0]; i++) {
		cause = NULL;
		column = 0;
		w.days = 0x55;
		CHECK(hours_parse_window(bad_windows[i].s, &w, &cause, &column) == -1);
		CHECK_STR(cause, bad_windows[i].cause);
		if (column != bad_windows[i].column)
			fprintf(stderr, "\"%s\": column %d, want %d\n", bad_windows[i].s, column,
				bad_windows[i].column);
		CHECK(column == bad_windows[i].column);
		CHECK(w.days == 0x55); /* untouched on error */
		free(cause);
	}
	/* The cause and column are optional; NULL input is an error. */
	CHECK(hours_parse_window("mox", &w, NULL, NULL) == -1);
	cause = NULL;
	CHECK(hours_parse_window(NULL, &w, &cause, &column) == -1);
	CHECK_STR(cause, "expected a day");
	CHECK(column == 1);
	free(cause);
}

/*
 * Bytes from a small alphabet rich in the grammar's own characters, many
 * times: never a crash, and an error always has a cause and a column
 * inside the string (or just past it).
 */
static void
test_parse_window_noise(void)
{
	static const char alphabet[] = "monMtuewdhfrisa0123456789:-, \t\x80\xff";
	uint32_t seed = 12345;
	char s[40];
	struct hours_window w;
	int i, len, j, column, bad = 0;
	char *cause;

	for (i = 0; i < 200000; i++) {
		seed = seed * 1103515245u + 12345u;
		len = (int)(seed >> 16) % (int)(sizeof s - 1);
		for (j = 0; j < len; j++) {
			seed = seed * 1103515245u + 12345u;
			s[j] = alphabet[(seed >> 16) % (sizeof alphabet - 1)];
		}
		s[len] = '\0';
		cause = NULL;
		column = 0;
		if (hours_parse_window(s, &w, &cause, &column) == 0) {
			if (cause != NULL || w.days == 0 || w.days > 0x7f || w.start < 0 ||
			    w.start > 1439 || w.end < 0 || w.end > 1440)
				bad++;
		} else if (cause == NULL || column < 1 || column > len + 1) {
			bad++;
		}
		free(cause);
	}
	CHECK(bad == 0);
}

/* Hours open on public holidays, so that only the weekly windows count. */
static struct hours *
make_hours(const char *zone, const char *const *windows)
{
	struct hours *h = hours_new(zone);
	struct hours_window w;
	char *cause = NULL;
	int column;

	h->holidays = HOURS_HOLIDAYS_OPEN;
	for (; *windows != NULL; windows++) {
		if (hours_parse_window(*windows, &w, &cause, &column) != 0) {
			fprintf(stderr, "\"%s\":%d: %s\n", *windows, column, cause);
			CHECK(!"window refused");
			free(cause);
			continue;
		}
		hours_add(h, &w);
	}
	return h;
}

#define W(...) ((const char *const[]){ __VA_ARGS__, NULL })

/* The state alone, as the tests of the weekly windows want it. */
static enum hours_state
state_of(const struct hours *h, const struct holidays *cal, double t, double *change)
{
	struct hours_now now;

	hours_state(h, cal, t, &now);
	if (change != NULL)
		*change = now.change;
	return now.state;
}

static const struct {
	const char *zone;
	const char *const *windows;
	const char *now;
	enum hours_state want;
	const char *change; /* NULL: -1 */
} states[] = {
	/* Parafilik, Prague: open on a Monday afternoon, closed on Saturday. */
#define PARAFILIK W("mon,wed,fri 12:00-20:00", "tue,thu 08:00-16:00")
	{ "Europe/Prague", PARAFILIK, "2026-12-07T13:00+01:00", HOURS_OPEN,
	  "2026-12-07T20:00+01:00" },
	{ "Europe/Prague", PARAFILIK, "2026-12-05T10:00+01:00", HOURS_CLOSED,
	  "2026-12-07T12:00+01:00" },
	{ "Europe/Prague", PARAFILIK, "2026-12-07T12:00+01:00", HOURS_OPEN,
	  "2026-12-07T20:00+01:00" },
	{ "Europe/Prague", PARAFILIK, "2026-12-07T11:59+01:00", HOURS_CLOSED,
	  "2026-12-07T12:00+01:00" },
	{ "Europe/Prague", PARAFILIK, "2026-12-07T20:00+01:00", HOURS_CLOSED,
	  "2026-12-08T08:00+01:00" },
	{ "Europe/Prague", PARAFILIK, "2026-12-11T21:00+01:00", HOURS_CLOSED,
	  "2026-12-14T12:00+01:00" },
	/* Seen from New York (the worker's zone, no offset): Prague decides. */
	{ "Europe/Prague", PARAFILIK, "2026-12-07T07:00-05:00", HOURS_OPEN,
	  "2026-12-07T20:00+01:00" },
	{ "Europe/Prague", PARAFILIK, "2026-12-07T15:00", HOURS_CLOSED,
	  "2026-12-08T08:00+01:00" },

	/* Across midnight: Friday night's window still runs on Saturday. */
	{ "Europe/Prague", W("fri 22:00-02:00"), "2026-12-05T01:00+01:00", HOURS_OPEN,
	  "2026-12-05T02:00+01:00" },
	{ "Europe/Prague", W("fri 22:00-02:00"), "2026-12-04T23:00+01:00", HOURS_OPEN,
	  "2026-12-05T02:00+01:00" },
	{ "Europe/Prague", W("fri 22:00-02:00"), "2026-12-05T02:00+01:00", HOURS_CLOSED,
	  "2026-12-11T22:00+01:00" },
	{ "Europe/Prague", W("sun 20:00-24:00"), "2026-12-06T21:00+01:00", HOURS_OPEN,
	  "2026-12-07T00:00+01:00" },

	/* Merged runs: adjacent, overlapping, and through midnight. */
	{ "Europe/Prague", W("mon 08:00-12:00", "mon 12:00-16:00"), "2026-12-07T09:00+01:00",
	  HOURS_OPEN, "2026-12-07T16:00+01:00" },
	{ "Europe/Prague", W("mon 08:00-12:00", "mon 10:00-14:00"), "2026-12-07T09:00+01:00",
	  HOURS_OPEN, "2026-12-07T14:00+01:00" },
	{ "Europe/Prague", W("mon 10:00-14:00", "mon 08:00-12:00"), "2026-12-07T13:00+01:00",
	  HOURS_OPEN, "2026-12-07T14:00+01:00" },
	{ "Europe/Prague", W("fri 20:00-24:00", "sat 00:00-03:00"), "2026-12-04T21:00+01:00",
	  HOURS_OPEN, "2026-12-05T03:00+01:00" },
	{ "Europe/Prague", W("fri 18:00-02:00", "sat 01:00-05:00"), "2026-12-04T19:00+01:00",
	  HOURS_OPEN, "2026-12-05T05:00+01:00" },
	{ "Europe/Prague", W("mon-sun 20:00-08:00", "mon-fri 08:00-12:00"),
	  "2026-12-04T21:00+01:00", HOURS_OPEN, "2026-12-05T08:00+01:00" },
	{ "Europe/Prague", W("mon-sun 20:00-08:00", "mon-fri 08:00-12:00"),
	  "2026-12-07T03:00+01:00", HOURS_OPEN, "2026-12-07T12:00+01:00" },
	{ "Europe/Prague", W("mon 08:00-12:00", "mon 13:00-16:00"), "2026-12-07T12:30+01:00",
	  HOURS_CLOSED, "2026-12-07T13:00+01:00" },

	/* Day and night: open, with no closing to show. */
	{ "Europe/Prague", W("mon-sun 00:00-24:00"), "2026-12-07T13:00+01:00", HOURS_OPEN, NULL },
	{ "Europe/Prague", W("mon-sun 00:00-00:00"), "2026-10-25T02:30+01:00", HOURS_OPEN, NULL },
	/* Six days and a half: the closing is found. */
	{ "Europe/Prague", W("mon-sat 00:00-24:00", "sun 00:00-12:00"), "2026-12-07T13:00+01:00",
	  HOURS_OPEN, "2026-12-13T12:00+01:00" },
	/* Once a week, searched from the day after. */
	{ "Europe/Prague", W("mon 09:00-10:00"), "2026-12-08T09:00+01:00", HOURS_CLOSED,
	  "2026-12-14T09:00+01:00" },
	{ "Europe/Prague", W("mon 09:00-10:00"), "2026-12-07T10:00+01:00", HOURS_CLOSED,
	  "2026-12-14T09:00+01:00" },

	/* Prague, spring forward: Sunday 2026-03-29 02:00 CET becomes 03:00 CEST. */
	{ "Europe/Prague", W("sun 01:00-04:00"), "2026-03-29T01:30+01:00", HOURS_OPEN,
	  "2026-03-29T04:00+02:00" },
	{ "Europe/Prague", W("sun 01:00-04:00"), "2026-03-29T03:30+02:00", HOURS_OPEN,
	  "2026-03-29T04:00+02:00" },
	{ "Europe/Prague", W("sun 01:00-04:00"), "2026-03-29T00:30+01:00", HOURS_CLOSED,
	  "2026-03-29T01:00+01:00" },
	{ "Europe/Prague", W("sun 01:00-04:00"), "2026-03-29T04:00+02:00", HOURS_CLOSED,
	  "2026-04-05T01:00+02:00" },
	{ "Europe/Prague", W("sun 12:00-14:00"), "2026-03-28T12:00+01:00", HOURS_CLOSED,
	  "2026-03-29T12:00+02:00" },
	{ "Europe/Prague", W("sat 22:00-06:00"), "2026-03-28T23:00+01:00", HOURS_OPEN,
	  "2026-03-29T06:00+02:00" },
	/* A window opening in the gap opens when the gap ends... */
	{ "Europe/Prague", W("sun 02:30-05:00"), "2026-03-29T01:00+01:00", HOURS_CLOSED,
	  "2026-03-29T03:00+02:00" },
	/* ...and one inside the gap does not happen that day. */
	{ "Europe/Prague", W("sun 02:00-02:30"), "2026-03-29T00:00+01:00", HOURS_CLOSED,
	  "2026-04-05T02:00+02:00" },

	/* Prague, fall back: Sunday 2026-10-25 03:00 CEST becomes 02:00 CET. */
	{ "Europe/Prague", W("sun 01:00-04:00"), "2026-10-25T01:30+02:00", HOURS_OPEN,
	  "2026-10-25T04:00+01:00" },
	{ "Europe/Prague", W("sun 01:00-04:00"), "2026-10-25T02:30+01:00", HOURS_OPEN,
	  "2026-10-25T04:00+01:00" },
	{ "Europe/Prague", W("sun 01:00-04:00"), "2026-10-24T12:00+02:00", HOURS_CLOSED,
	  "2026-10-25T01:00+02:00" },
	{ "Europe/Prague", W("mon 09:00-17:00"), "2026-10-23T18:00+02:00", HOURS_CLOSED,
	  "2026-10-26T09:00+01:00" },
	{ "Europe/Prague", W("sat 22:00-06:00"), "2026-10-24T23:00+02:00", HOURS_OPEN,
	  "2026-10-25T06:00+01:00" },
	/* A repeated wall time means its first occurrence. */
	{ "Europe/Prague", W("sun 02:30-06:00"), "2026-10-25T00:00+02:00", HOURS_CLOSED,
	  "2026-10-25T02:30+02:00" },

	/* New York, spring forward: Sunday 2026-03-08 02:00 EST becomes 03:00 EDT. */
	{ "America/New_York", W("sun 01:00-04:00"), "2026-03-08T01:30-05:00", HOURS_OPEN,
	  "2026-03-08T04:00-04:00" },
	{ "America/New_York", W("sun 01:00-04:00"), "2026-03-07T12:00-05:00", HOURS_CLOSED,
	  "2026-03-08T01:00-05:00" },
	{ "America/New_York", W("mon-fri 09:00-17:00"), "2026-03-06T17:30-05:00", HOURS_CLOSED,
	  "2026-03-09T09:00-04:00" },
	{ "America/New_York", W("sat 22:00-06:00"), "2026-03-07T23:00-05:00", HOURS_OPEN,
	  "2026-03-08T06:00-04:00" },

	/* New York, fall back: Sunday 2026-11-01 02:00 EDT becomes 01:00 EST. */
	{ "America/New_York", W("sun 01:00-04:00"), "2026-11-01T00:30-04:00", HOURS_CLOSED,
	  "2026-11-01T01:00-04:00" },
	{ "America/New_York", W("sun 01:00-04:00"), "2026-11-01T01:30-05:00", HOURS_OPEN,
	  "2026-11-01T04:00-05:00" },
	{ "America/New_York", W("mon-fri 09:00-17:00"), "2026-10-30T17:30-04:00", HOURS_CLOSED,
	  "2026-11-02T09:00-05:00" },

	/* Nothing to go by. */
	{ "Europe/Prague", W(NULL), "2026-12-07T13:00+01:00", HOURS_CLOSED, NULL },
	{ "Mars/Olympus_Mons", W("mon 12:00-20:00"), "2026-12-07T13:00+01:00", HOURS_UNKNOWN,
	  NULL },
	{ "", W("mon 12:00-20:00"), "2026-12-07T13:00+01:00", HOURS_UNKNOWN, NULL },
};

static void
test_state(void)
{
	struct hours *h;
	double change, want;
	enum hours_state got;
	size_t i;

	for (i = 0; i < sizeof states / sizeof states[0]; i++) {
		h = make_hours(states[i].zone, states[i].windows);
		change = -2;
		got = state_of(h, NULL, at(states[i].now), &change);
		want = states[i].change != NULL ? at(states[i].change) : -1;
		if (got != states[i].want || (got != HOURS_UNKNOWN && change != want)) {
			char *c = i18n_time(ui, change, true);

			fprintf(stderr,
				"case %zu (%s at %s): state %d, change %s (%.0f), want %d %s\n", i,
				states[i].zone, states[i].now, (int)got, c, change,
				(int)states[i].want,
				states[i].change != NULL ? states[i].change : "-1");
			free(c);
		}
		CHECK(got == states[i].want);
		if (got != HOURS_UNKNOWN)
			CHECK(change == want);
		hours_free(h);
	}
	CHECK(state_of(NULL, NULL, 0, &change) == HOURS_UNKNOWN);
	h = make_hours("Europe/Prague", PARAFILIK);
	CHECK(state_of(h, NULL, at("2026-12-07T13:00+01:00"), NULL) == HOURS_OPEN);
	/* Hand-made windows out of range are ignored, not trusted. */
	hours_add(h, &(struct hours_window){ .days = 0x7f, .start = -5, .end = 9999 });
	CHECK(state_of(h, NULL, at("2026-12-05T10:00+01:00"), &change) == HOURS_CLOSED);
	CHECK(change == at("2026-12-07T12:00+01:00"));
	hours_free(h);
	hours_free(NULL);
}

/*
 * The worker sits in New York (TZ, set before ICU first looks) and the
 * service is in Prague: the state is the service's, the times shown are
 * the worker's.
 */
static void
test_worker_zone(void)
{
	struct hours *h = make_hours("Europe/Prague", PARAFILIK);
	double change = 0;
	char *s;

	CHECK_STR(i18n_worker_zone(ui), "America/New_York");
	/* 07:00 in New York is 13:00 in Prague, a Monday. */
	CHECK(state_of(h, NULL, at("2026-12-07T07:00"), &change) == HOURS_OPEN);
	CHECK(change == at("2026-12-07T20:00+01:00"));
	s = i18n_time(ui, change, false);
	CHECK_STR(s, "2:00\xe2\x80\xafPM");
	free(s);
	CHECK(state_of(h, NULL, at("2026-12-05T04:00"), &change) == HOURS_CLOSED);
	s = i18n_time(ui, change, true);
	CHECK_STR(s, "Mon 6:00\xe2\x80\xaf" "AM");
	free(s);
	hours_free(h);
}

/*
 * Public holidays and the service's own closures: never "open" on a
 * holiday of a line closed on holidays; unknown on a holiday when what
 * the line does then is not known, and on any day of a calendar (or a
 * year) the table does not have.
 */
static void
test_holidays(void)
{
	static const char yaml[] =
		"schema: \"1\"\ncalendars:\n"
		"  - id: CZ\n    name: Czechia\n    holidays:\n"
		"      - {name: Christmas Day, date: \"12-25\"}\n"
		"      - {name: St Stephen's Day, date: \"12-26\"}\n"
		"      - {name: Easter Monday, easter: 1}\n"
		"    sources:\n      - {url: \"https://example.org/\", date: unknown, evidence: official}\n";
	char *cause = NULL;
	struct ynode *root = ynode_parse("h.yaml", yaml, sizeof yaml - 1, &ynode_default_limits, &cause);
	struct problems pr = {0};
	struct holidays *cal = root ? holidays_load_tree("h.yaml", root, &pr) : NULL;
	struct hours *h = make_hours("Europe/Prague", PARAFILIK);
	struct hours_closure cl;
	struct hours_now now;

	if (cal == NULL)
		for (size_t i = 0; i < pr.n; i++)
			fprintf(stderr, "%s: %s\n", pr.v[i].where, pr.v[i].what);
	CHECK(cal != NULL);
	h->holidays = HOURS_HOLIDAYS_CLOSED;
	h->calendar = xstrdup("CZ");
	/* Friday 25 December 2026, 13:00: closed, a holiday; opens Monday. */
	hours_state(h, cal, at("2026-12-25T13:00+01:00"), &now);
	CHECK(now.state == HOURS_CLOSED && now.why == HOURS_WHY_HOLIDAY);
	CHECK(now.holiday != NULL && strcmp(now.holiday, "Christmas Day") == 0);
	CHECK(now.change == at("2026-12-28T12:00+01:00"));
	/* The day before, Thursday 08:00: open, closing at 16:00. */
	hours_state(h, cal, at("2026-12-24T09:00+01:00"), &now);
	CHECK(now.state == HOURS_OPEN && now.change == at("2026-12-24T16:00+01:00"));
	/* Before opening on the Thursday, the next opening skips the holidays. */
	hours_state(h, cal, at("2026-12-23T21:00+01:00"), &now);
	CHECK(now.state == HOURS_CLOSED && now.change == at("2026-12-24T08:00+01:00"));
	/* Easter Monday 2027 (29 March) is closed too, outside hours as well. */
	hours_state(h, cal, at("2027-03-29T07:00+02:00"), &now);
	CHECK(now.state == HOURS_CLOSED && now.why == HOURS_WHY_HOLIDAY);
	/* What the line does on holidays is not known: unknown, not open. */
	h->holidays = HOURS_HOLIDAYS_UNKNOWN;
	hours_state(h, cal, at("2026-12-25T13:00+01:00"), &now);
	CHECK(now.state == HOURS_UNKNOWN && now.why == HOURS_WHY_HOLIDAY_HOURS);
	/* ... and the next certain opening is not claimed across it. */
	hours_state(h, cal, at("2026-12-24T17:00+01:00"), &now);
	CHECK(now.state == HOURS_CLOSED && now.change < 0);
	/* A calendar the table does not have: any day may be a holiday. */
	free(h->calendar);
	h->calendar = xstrdup("SK");
	h->holidays = HOURS_HOLIDAYS_CLOSED;
	hours_state(h, cal, at("2026-12-07T13:00+01:00"), &now);
	CHECK(now.state == HOURS_UNKNOWN && now.why == HOURS_WHY_NO_CALENDAR);
	hours_state(h, NULL, at("2026-12-07T13:00+01:00"), &now);
	CHECK(now.state == HOURS_UNKNOWN);
	/* The service's own closures, every year and once. */
	free(h->calendar);
	h->calendar = xstrdup("CZ");
	CHECK(hours_parse_closure("12-31", &cl) == 0);
	hours_add_closure(h, &cl);
	CHECK(hours_parse_closure("2026-12-07", &cl) == 0);
	hours_add_closure(h, &cl);
	CHECK(hours_parse_closure("13-01", &cl) == -1 && hours_parse_closure("2026-02-29", &cl) == -1);
	CHECK(hours_parse_closure("02-29", &cl) == 0 && hours_parse_closure("12-1", &cl) == -1);
	hours_state(h, cal, at("2026-12-07T13:00+01:00"), &now);
	CHECK(now.state == HOURS_CLOSED && now.why == HOURS_WHY_CLOSURE);
	CHECK(now.change == at("2026-12-08T08:00+01:00"));
	hours_state(h, cal, at("2026-12-31T13:00+01:00"), &now);
	CHECK(now.state == HOURS_CLOSED && now.why == HOURS_WHY_CLOSURE);
	hours_free(h);
	holidays_free(cal);
	ynode_free(root);
	problems_free(&pr);
}

int
main(void)
{
	const char *loc = getenv("SIGNPOST_LOCALEDIR");
	char *dir, *cause = NULL;

	/* The names data of the build (country codes, names, time patterns). */
	i18n_set_datadir(NULL, getenv("SIGNPOST_STAGE_DIR"));
	/* ICU reads TZ once, on first use: set it before anything else. */
	setenv("TZ", "America/New_York", 1);
	dir = xstrdup(loc != NULL ? loc : "locales");
	if ((ui = i18n_open_tag("en", dir, &cause)) == NULL) {
		fprintf(stderr, "i18n_open_tag: %s\n", cause);
		free(cause);
		free(dir);
		return 1;
	}
	/* Time patterns come from the build's names.cache. */
	if (getenv("SIGNPOST_STAGE_DIR") != NULL)
		i18n_set_datadir(ui, getenv("SIGNPOST_STAGE_DIR"));
	test_parse_window();
	test_parse_window_noise();
	test_state();
	test_worker_zone();
	test_holidays();
	i18n_free(ui);
	free(dir);
	i18n_cleanup();
	return check_done();
}
