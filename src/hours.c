/*
 * hours.c - weekly opening windows and "open now".  Wall clocks come from
 * i18n (ICU calendars) through i18n_zone_wall and i18n_zone_instant; this
 * file only counts days and minutes, so it must not include ICU headers
 * nor do any zone arithmetic of its own.  No I/O.
 */
#include "hours.h"

#include <limits.h>
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "holiday.h"
#include "i18n.h"
#include "xmalloc.h"

#define HOURS_DAY 1440 /* minutes */
/* How far ahead hours_state looks for an opening or a closing, in days. */
#define HOURS_AHEAD 16
/* Longest unknown day name quoted back in a message. */
#define HOURS_QUOTE_MAX 16

static const char hours_names[7][4] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

static bool
hours_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* True when c is the lower case ASCII letter lower, in either case. */
static bool
hours_same(char c, char lower)
{
	return c == lower || c == lower - ('a' - 'A');
}

/*
 * Reads a day name at *pp (ASCII, any case; not the C library's tolower,
 * which depends on the locale) and moves *pp past it.  Returns 0 to 6,
 * or -1 with *cause set.
 */
static int
hours_read_day(const char **pp, char **cause)
{
	const char *p = *pp;
	size_t n = 0;

	while (hours_alpha(p[n]))
		n++;
	if (n == 0) {
		*cause = xstrdup("expected a day");
		return -1;
	}
	if (n == 3) {
		for (int d = 0; d < 7; d++) {
			if (hours_same(p[0], hours_names[d][0]) &&
			    hours_same(p[1], hours_names[d][1]) &&
			    hours_same(p[2], hours_names[d][2])) {
				*pp = p + 3;
				return d;
			}
		}
	}
	/* Only letters are quoted, so the message holds nothing unprintable. */
	if (n > HOURS_QUOTE_MAX)
		*cause = xasprintf("unknown day \"%.*s...\"", HOURS_QUOTE_MAX, p);
	else
		*cause = xasprintf("unknown day \"%.*s\"", (int)n, p);
	return -1;
}

/*
 * Reads "HH:MM" at *pp, exactly two digits each, into minutes after
 * midnight; 24:00 only when end is true.  Moves *pp past it and returns
 * 0, or returns -1 with *cause set and *pp at the offending part.
 */
static int
hours_read_time(const char **pp, bool end, int *minutes, char **cause)
{
	const char *p = *pp;
	int hh, mm;

	if (p[0] < '0' || p[0] > '9' || p[1] < '0' || p[1] > '9' || p[2] != ':' || p[3] < '0' ||
	    p[3] > '9' || p[4] < '0' || p[4] > '9') {
		*cause = xstrdup("expected HH:MM");
		return -1;
	}
	hh = (p[0] - '0') * 10 + (p[1] - '0');
	mm = (p[3] - '0') * 10 + (p[4] - '0');
	if (hh > 24 || (hh == 24 && (!end || mm != 0))) {
		*cause = xstrdup("hour out of range");
		return -1;
	}
	if (mm > 59) {
		*pp = p + 3;
		*cause = xstrdup("minute out of range");
		return -1;
	}
	*minutes = hh * 60 + mm;
	*pp = p + 5;
	return 0;
}

/* The days from first to last, wrapping past Sunday, as a bit set. */
static unsigned char
hours_day_range(int first, int last)
{
	unsigned char days = 0;
	int d = first;

	for (;;) {
		days |= (unsigned char)(1u << d);
		if (d == last)
			return days;
		d = (d + 1) % 7;
	}
}

/*
 * A single left-to-right pass with no backtracking: the work is linear in
 * the length of s whatever the bytes, as a fuzz target needs.
 */
int
hours_parse_window(const char *s, struct hours_window *w, char **cause, int *column)
{
	struct hours_window out;
	const char *p = s != NULL ? s : "";
	char *why = NULL;
	int first, last;
	ptrdiff_t col;

	memset(&out, 0, sizeof out);
	for (;;) {
		if ((first = hours_read_day(&p, &why)) < 0)
			goto fail;
		last = first;
		if (*p == '-') {
			p++;
			if ((last = hours_read_day(&p, &why)) < 0)
				goto fail;
		}
		out.days |= hours_day_range(first, last);
		if (*p != ',')
			break;
		p++;
	}
	if (*p == '\0') {
		why = xstrdup("expected HH:MM-HH:MM after the days");
		goto fail;
	}
	if (*p != ' ' && *p != '\t') {
		why = xstrdup("expected \",\", \"-\" or a space after a day");
		goto fail;
	}
	while (*p == ' ' || *p == '\t')
		p++;
	if (hours_read_time(&p, false, &out.start, &why) != 0)
		goto fail;
	if (*p != '-') {
		why = xstrdup("expected \"-\" after the opening time");
		goto fail;
	}
	p++;
	if (hours_read_time(&p, true, &out.end, &why) != 0)
		goto fail;
	if (*p != '\0') {
		why = xstrdup("unexpected text after the closing time");
		goto fail;
	}
	*w = out;
	return 0;

fail:
	col = p - (s != NULL ? s : p) + 1;
	if (column != NULL)
		*column = col > INT_MAX ? INT_MAX : (int)col;
	if (cause != NULL)
		*cause = why;
	else
		free(why);
	return -1;
}

int
hours_parse_closure(const char *s, struct hours_closure *c)
{
	size_t n = strlen(s), i;
	int v[3] = {0, 0, 0}, k = 0;

	if (n != 5 && n != 10)
		return -1;
	for (i = 0; i < n; i++) {
		if (s[i] == '-') {
			if (++k > 2 || i == 0 || s[i - 1] == '-')
				return -1;
			continue;
		}
		if (s[i] < '0' || s[i] > '9' || v[k] > 999)
			return -1;
		v[k] = v[k] * 10 + (s[i] - '0');
	}
	if (n == 5) {
		if (k != 1 || s[2] != '-')
			return -1;
		c->year = 0;
		c->month = v[0];
		c->day = v[1];
		/* Any year: 29 February is a day in leap years. */
		return holiday_valid(2000, c->month, c->day) ? 0 : -1;
	}
	if (k != 2 || s[4] != '-' || s[7] != '-')
		return -1;
	c->year = v[0];
	c->month = v[1];
	c->day = v[2];
	return c->year >= 1900 && holiday_valid(c->year, c->month, c->day) ? 0 : -1;
}

struct hours *
hours_new(const char *zone)
{
	struct hours *h = xcalloc(1, sizeof *h);

	h->zone = xstrdup(zone != NULL ? zone : "");
	h->holidays = HOURS_HOLIDAYS_UNKNOWN;
	return h;
}

void
hours_add(struct hours *h, const struct hours_window *w)
{
	h->v = xreallocarray(h->v, h->n + 1, sizeof *h->v);
	h->v[h->n++] = *w;
}

void
hours_add_closure(struct hours *h, const struct hours_closure *c)
{
	h->closed = xreallocarray(h->closed, h->nclosed + 1, sizeof *h->closed);
	h->closed[h->nclosed++] = *c;
}

void
hours_free(struct hours *h)
{
	if (h == NULL)
		return;
	free(h->zone);
	free(h->v);
	free(h->calendar);
	free(h->closed);
	free(h);
}

/*
 * Civil dates as a count of days since 1970-01-01 and back, in the
 * proleptic Gregorian calendar (H. Hinnant's algorithms).  Only used to
 * step from one calendar day to the next; what a day's wall clock means
 * in instants is left to i18n.
 */
static long
hours_days_from_civil(long y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void
hours_civil_from_days(long z, struct i18n_wall *w)
{
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	w->day = (int)(doy - (153 * mp + 2) / 5 + 1);
	w->month = (int)(mp < 10 ? mp + 3 : mp - 9);
	w->year = (int)(yoe + era * 400 + (w->month <= 2));
}

/*
 * The instant of minute (which may be 1440 or more: later days) of day in
 * zone.  Each boundary is its own wall time, so a day with a
 * daylight-saving change has 23 or 25 hours.
 */
static int
hours_instant(const char *zone, long day, int minute, double *t)
{
	struct i18n_wall w;

	memset(&w, 0, sizeof w);
	hours_civil_from_days(day + minute / HOURS_DAY, &w);
	w.hour = minute % HOURS_DAY / 60;
	w.min = minute % 60;
	return i18n_zone_instant(zone, &w, t);
}

/* What a day means for the line's windows that start on it. */
enum hours_day { DAY_OPEN, DAY_CLOSURE, DAY_HOLIDAY, DAY_UNSURE_POLICY, DAY_UNSURE_CALENDAR };

/* What day d is for h, given whether it is a public holiday (answer of
 * holidays_on for h's calendar; HOLIDAY_UNKNOWN without one). */
static enum hours_day
hours_day_kind(const struct hours *h, const struct i18n_wall *d, enum holiday_answer a)
{
	size_t i;

	for (i = 0; i < h->nclosed; i++)
		if ((h->closed[i].year == 0 || h->closed[i].year == d->year) &&
		    h->closed[i].month == d->month && h->closed[i].day == d->day)
			return DAY_CLOSURE;
	if (h->holidays == HOURS_HOLIDAYS_OPEN || a == HOLIDAY_NO)
		return DAY_OPEN;
	if (a == HOLIDAY_UNKNOWN)
		return DAY_UNSURE_CALENDAR;
	return h->holidays == HOURS_HOLIDAYS_CLOSED ? DAY_HOLIDAY : DAY_UNSURE_POLICY;
}

/* The holiday a day of kind is named after, from holidays_on's name. */
static const char *
hours_day_holiday(enum hours_day kind, const char *name)
{
	return kind == DAY_HOLIDAY || kind == DAY_UNSURE_POLICY ? name : NULL;
}

struct hours_span {
	double start, end;
	enum hours_day kind;
	const char *holiday;
};

static int
hours_span_cmp(const void *a, const void *b)
{
	const struct hours_span *x = a, *y = b;

	return x->start < y->start ? -1 : x->start > y->start;
}

/*
 * Every window that starts from the day before t's day (the only earlier
 * one that can still be running: a window lasts at most a day) up to
 * HOURS_AHEAD days after it becomes a span of instants, marked with what
 * its first day means.  Returns the number of spans, sorted by start, or
 * -1 if i18n fails.
 */
static long
hours_spans(const struct hours *h, const struct holidays *cal, const struct i18n_wall *now,
	    struct hours_span *v)
{
	long today = hours_days_from_civil(now->year, now->month, now->day);
	long k, n = 0;
	size_t i;
	enum holiday_answer hol_on[HOURS_AHEAD + 2];
	const char *hol_name[HOURS_AHEAD + 2];
	struct i18n_wall first;

	/* Which of the days are holidays, worked out for all of them at once. */
	memset(&first, 0, sizeof first);
	hours_civil_from_days(today - 1, &first);
	holidays_on_days(h->holidays != HOURS_HOLIDAYS_OPEN ? cal : NULL, h->calendar, first.year,
			 first.month, first.day, HOURS_AHEAD + 2, hol_on, hol_name);
	for (k = -1; k <= HOURS_AHEAD; k++) {
		int wday = (int)(((now->wday + k) % 7 + 7) % 7);
		struct i18n_wall day;
		const char *hol;
		enum hours_day kind;

		memset(&day, 0, sizeof day);
		hours_civil_from_days(today + k, &day);
		kind = hours_day_kind(h, &day, hol_on[k + 1]);
		hol = hours_day_holiday(kind, hol_name[k + 1]);
		for (i = 0; i < h->n; i++) {
			const struct hours_window *w = &h->v[i];
			struct hours_span sp = {0, 0, kind, hol};
			int end = w->end;

			/* Windows added by hand are not trusted to be in range. */
			if (!(w->days & (1u << wday)) || w->start < 0 || w->start >= HOURS_DAY ||
			    w->end < 0 || w->end > HOURS_DAY)
				continue;
			if (end <= w->start)
				end += HOURS_DAY;
			if (hours_instant(h->zone, today + k, w->start, &sp.start) != 0 ||
			    hours_instant(h->zone, today + k, end, &sp.end) != 0)
				return -1;
			/* A window inside a skipped hour is empty. */
			if (sp.end > sp.start)
				v[n++] = sp;
		}
	}
	qsort(v, (size_t)n, sizeof *v, hours_span_cmp);
	return n;
}

void
hours_state(const struct hours *h, const struct holidays *cal, double t, struct hours_now *out)
{
	struct i18n_wall now;
	struct hours_span *v;
	const struct hours_span *at = NULL;
	double end = -INFINITY, horizon;
	long i, n;

	memset(out, 0, sizeof *out);
	out->state = HOURS_UNKNOWN;
	out->why = HOURS_WHY_NO_HOURS;
	out->change = -1;
	if (h == NULL || !isfinite(t) || i18n_zone_wall(h->zone, t, &now) != 0)
		return;
	if (hours_instant(h->zone, hours_days_from_civil(now.year, now.month, now.day),
			  (HOURS_AHEAD + 1) * HOURS_DAY, &horizon) != 0)
		return;

	v = xreallocarray(NULL, h->n + 1, (HOURS_AHEAD + 2) * sizeof *v);
	if ((n = hours_spans(h, cal, &now, v)) < 0) {
		free(v);
		return;
	}
	/* The span t falls in; an open one wins over a closed or unsure one
	 * (two windows can overlap across midnight). */
	for (i = 0; i < n; i++)
		if (v[i].start <= t && t < v[i].end &&
		    (at == NULL || (v[i].kind == DAY_OPEN && at->kind != DAY_OPEN)))
			at = &v[i];
	if (at != NULL && at->kind == DAY_OPEN) {
		/*
		 * Open: follow the run through every open span that starts
		 * before (or just as) the current one ends, midnight included.
		 */
		out->state = HOURS_OPEN;
		out->why = HOURS_WHY_WEEKLY;
		end = at->end;
		for (i = 0; i < n && v[i].start <= end; i++)
			if (v[i].kind == DAY_OPEN && v[i].end > end && v[i].start <= end)
				end = v[i].end;
		/* A span starting after the last day we built could go on. */
		out->change = end >= horizon ? -1 : end;
		free(v);
		return;
	}
	if (at != NULL && (at->kind == DAY_UNSURE_POLICY || at->kind == DAY_UNSURE_CALENDAR)) {
		out->state = HOURS_UNKNOWN;
		out->why = at->kind == DAY_UNSURE_POLICY ? HOURS_WHY_HOLIDAY_HOURS
							 : HOURS_WHY_NO_CALENDAR;
		out->holiday = at->holiday;
		free(v);
		return;
	}
	out->state = HOURS_CLOSED;
	out->why = HOURS_WHY_WEEKLY;
	if (at != NULL) {
		out->why = at->kind == DAY_CLOSURE ? HOURS_WHY_CLOSURE : HOURS_WHY_HOLIDAY;
		out->holiday = at->holiday;
	} else {
		/* Outside the windows on a closure day or a holiday: say why
		 * the day is different, not only that it is after hours. */
		const char *name = NULL;
		enum holiday_answer a =
			h->calendar != NULL
				? holidays_on(cal, h->calendar, now.year, now.month, now.day, &name)
				: HOLIDAY_UNKNOWN;
		enum hours_day today = hours_day_kind(h, &now, a);

		if (today == DAY_CLOSURE || today == DAY_HOLIDAY) {
			out->why = today == DAY_CLOSURE ? HOURS_WHY_CLOSURE : HOURS_WHY_HOLIDAY;
			out->holiday = hours_day_holiday(today, name);
		}
	}
	/* The next opening that is certain; an unsure day before it leaves
	 * it unknown. */
	for (i = 0; i < n; i++) {
		if (v[i].start <= t)
			continue;
		if (v[i].kind == DAY_OPEN) {
			out->change = v[i].start;
			break;
		}
		if (v[i].kind == DAY_UNSURE_POLICY || v[i].kind == DAY_UNSURE_CALENDAR)
			break;
	}
	free(v);
}
