/*
 * i18n_time.c - dates and times: wall clocks in IANA time zones through
 * ICU calendars (so daylight-saving changes come from ICU's zone data, not
 * from our arithmetic), CLDR formats for the UI locale, and a strict ISO
 * 8601 reader.  Nothing here prints or exits, and nothing here knows what
 * opening hours are: hours.c builds on i18n_zone_wall and
 * i18n_zone_instant.
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ucal.h>
#include <unicode/udat.h>
#include <unicode/udateintervalformat.h>
#include <unicode/utypes.h>

#include "i18n_cache.h"
#include "i18n_impl.h"
#include "xmalloc.h"

/* Longest zone ID we accept; the longest IANA one is 32 bytes. */
#define TIME_ZONE_MAX 64
/* ICU's own limit on instants: about 275000 years either side of 1970. */
#define TIME_MILLIS_MAX 8.64e15
#define TIME_UTC        "Etc/UTC"

/*
 * Copies an ASCII zone ID to UTF-16.  Returns false (leaving status alone)
 * when it is NULL, empty, too long or not plain ASCII, so that no such
 * string reaches ICU.
 */
static bool
time_zone_u16(const char *zone, UChar *out)
{
	size_t len, i;

	if (zone == NULL)
		return false;
	len = strlen(zone);
	if (len == 0 || len >= TIME_ZONE_MAX)
		return false;
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)zone[i];

		if (c <= ' ' || c >= 0x7f)
			return false;
		out[i] = (UChar)c;
	}
	out[len] = 0;
	return true;
}

bool
i18n_zone_valid(const char *zone)
{
	UErrorCode status = U_ZERO_ERROR;
	UChar id[TIME_ZONE_MAX], canon[TIME_ZONE_MAX];
	UBool system = false;

	if (!time_zone_u16(zone, id))
		return false;
	/*
	 * ucal_open quietly falls back to GMT for an unknown ID, so the ID is
	 * checked here first.  Custom IDs such as "GMT+01:00" are canonical
	 * but not system zones: they have no daylight-saving rules and no
	 * place in the data, so they are refused.
	 */
	ucal_getCanonicalTimeZoneID(id, -1, canon, TIME_ZONE_MAX, &system, &status);
	return U_SUCCESS(status) && system;
}

/*
 * Opens a proleptic Gregorian calendar in zone (ISO 8601 dates, with no
 * Julian calendar before 1582), resolving a wall time skipped by a
 * daylight-saving change to the first valid time after the gap and a
 * repeated one to its first occurrence.  The caller closes it.  On error
 * NULL is returned and status is set.
 */
static UCalendar *
time_cal_open(const char *zone, UErrorCode *status)
{
	UChar id[TIME_ZONE_MAX];
	UCalendar *cal;

	if (U_FAILURE(*status))
		return NULL;
	if (!i18n_zone_valid(zone) || !time_zone_u16(zone, id)) {
		*status = U_ILLEGAL_ARGUMENT_ERROR;
		return NULL;
	}
	cal = ucal_open(id, -1, "", UCAL_GREGORIAN, status);
	ucal_setGregorianChange(cal, U_DATE_MIN, status);
	if (U_FAILURE(*status)) {
		if (cal != NULL)
			ucal_close(cal);
		return NULL;
	}
	/* Lenient (ICU's default) is needed for the skipped-time rule. */
	ucal_setAttribute(cal, UCAL_LENIENT, 1);
	ucal_setAttribute(cal, UCAL_REPEATED_WALL_TIME, UCAL_WALLTIME_FIRST);
	ucal_setAttribute(cal, UCAL_SKIPPED_WALL_TIME, UCAL_WALLTIME_NEXT_VALID);
	return cal;
}

/*
 * Opening a calendar costs far more than using one, and a lookup asks the
 * same few zones again and again (every window of every line): keep one
 * calendar per zone for the life of the process.  This cache, like ICU's
 * own, is the process's only mutable state here; i18n_cleanup frees it.
 */
#define TIME_CALS 8
static struct {
	char zone[TIME_ZONE_MAX];
	UCalendar *cal;
} time_cals[TIME_CALS];

static UCalendar *
time_cal_get(const char *zone, UErrorCode *status)
{
	size_t i;
	UCalendar *cal;

	if (U_FAILURE(*status))
		return NULL;
	for (i = 0; i < TIME_CALS && time_cals[i].cal != NULL; i++)
		if (strcmp(time_cals[i].zone, zone) == 0)
			return time_cals[i].cal;
	if ((cal = time_cal_open(zone, status)) == NULL)
		return NULL;
	if (i == TIME_CALS) { /* full: replace the oldest */
		ucal_close(time_cals[0].cal);
		memmove(time_cals, time_cals + 1, sizeof time_cals[0] * (TIME_CALS - 1));
		i = TIME_CALS - 1;
	}
	if (strlen(zone) >= sizeof time_cals[i].zone) {
		*status = U_ILLEGAL_ARGUMENT_ERROR;
		ucal_close(cal);
		return NULL;
	}
	strcpy(time_cals[i].zone, zone);
	time_cals[i].cal = cal;
	return cal;
}

void
i18n_time_cleanup(void)
{
	size_t i;

	for (i = 0; i < TIME_CALS; i++) {
		if (time_cals[i].cal != NULL)
			ucal_close(time_cals[i].cal);
		time_cals[i].cal = NULL;
	}
}

double
i18n_now(void)
{
	return ucal_getNow();
}

bool
i18n_zone_fallback(const struct i18n *ui, const char **asked)
{
	*asked = ui->zone_asked;
	return ui->zone_unknown;
}

const char *
i18n_worker_zone(const struct i18n *ui)
{
	return ui->worker_zone;
}

int
i18n_zone_wall(const char *zone, double t, struct i18n_wall *w)
{
	UErrorCode status = U_ZERO_ERROR;
	UCalendar *cal;
	struct i18n_wall out;
	int32_t dow;

	if (!isfinite(t) || fabs(t) > TIME_MILLIS_MAX)
		return -1;
	cal = time_cal_get(zone, &status);
	ucal_setMillis(cal, t, &status);
	out.year = ucal_get(cal, UCAL_EXTENDED_YEAR, &status);
	out.month = ucal_get(cal, UCAL_MONTH, &status) + 1;
	out.day = ucal_get(cal, UCAL_DATE, &status);
	dow = ucal_get(cal, UCAL_DAY_OF_WEEK, &status);
	out.hour = ucal_get(cal, UCAL_HOUR_OF_DAY, &status);
	out.min = ucal_get(cal, UCAL_MINUTE, &status);
	if (U_FAILURE(status))
		return -1;
	/* ICU counts UCAL_SUNDAY = 1 .. UCAL_SATURDAY = 7; we count from Monday. */
	out.wday = (dow + 5) % 7;
	*w = out;
	return 0;
}

/*
 * Fields out of range carry over as in ICU's lenient calendars (day 32 is
 * a day of the next month, hour 24 midnight of the next day).
 */
int
i18n_zone_instant(const char *zone, const struct i18n_wall *w, double *t)
{
	UErrorCode status = U_ZERO_ERROR;
	UCalendar *cal;
	UDate when;

	cal = time_cal_get(zone, &status);
	if (U_FAILURE(status))
		return -1;
	ucal_clear(cal);
	ucal_set(cal, UCAL_EXTENDED_YEAR, w->year);
	ucal_set(cal, UCAL_MONTH, w->month - 1);
	ucal_set(cal, UCAL_DATE, w->day);
	ucal_set(cal, UCAL_HOUR_OF_DAY, w->hour);
	ucal_set(cal, UCAL_MINUTE, w->min);
	when = ucal_getMillis(cal, &status);
	if (U_FAILURE(status) || !isfinite(when))
		return -1;
	*t = when;
	return 0;
}

const char *const i18n_time_skeletons[I18N_SKELETONS] = {"y",      "yMMMM", "yMd",
							 "EEEjmm", "jmm",   "MMMd"};

/*
 * ICU's calendars switch from Julian to Gregorian dates at 1582-10-15, and
 * ours are proleptic (time_cal_open).  From 1600 on the two agree on every
 * field, in every zone: the switch only changes days before it and the
 * day of the year (so the weeks) of 1582 and of early 1583.  Instants
 * from then on are formatted with ICU's calendar as it comes, and only
 * earlier ones need the costlier proleptic copy.
 */
#define TIME_PROLEPTIC_BEFORE (-11676096000000.0) /* 1600-01-01T00:00Z */

/*
 * The best pattern CLDR has for skeleton in ui's locale, into pat (128
 * units), as ICU's DateTimePatternGenerator gave it when names.cache was
 * built (opening one reads all of a locale's calendar data, and it is the
 * cache's to answer): for the locale itself, with its @hours= keyword (an
 * hour cycle asked for with -u-hc-), else for its nearest parent ICU
 * lists.  Other keywords and a region ICU has no locale for do not change
 * the pattern: the formats still apply them (a region's own hour cycle is
 * the one thing such a locale could have changed).  Returns its length;
 * on error, or without names.cache, status is set.
 */
static int32_t
time_pattern(struct i18n *ui, const char *skeleton, UChar pat[128], UErrorCode *status)
{
	struct i18n_cache *c = i18n_cache_shared();
	char base[ULOC_FULLNAME_CAPACITY], parent[ULOC_FULLNAME_CAPACITY], hours[16] = "";
	char id[ULOC_FULLNAME_CAPACITY + 32];
	const char *found = NULL;
	UErrorCode st = U_ZERO_ERROR;
	int32_t len = 0;

	if (U_FAILURE(*status))
		return 0;
	/* "=PATTERN": a pattern as it is (a zone's name: "=vvvv"). */
	if (skeleton[0] == '=') {
		u_strFromUTF8(pat, 128, &len, skeleton + 1, -1, status);
		return len;
	}
	if (c == NULL) {
		*status = U_MISSING_RESOURCE_ERROR;
		return 0;
	}
	uloc_getKeywordValue(ui->locale, "hours", hours, sizeof hours, &st);
	if (U_FAILURE(st) || st == U_STRING_NOT_TERMINATED_WARNING)
		hours[0] = '\0';
	snprintf(base, sizeof base, "%s", ui->locale);
	base[strcspn(base, "@")] = '\0';
	while (found == NULL && base[0] != '\0') {
		st = U_ZERO_ERROR;
		snprintf(id, sizeof id, "%s%s%s", base, hours[0] ? "@hours=" : "", hours);
		if ((found = i18n_cache_pattern(c, id, skeleton)) != NULL)
			break;
		uloc_getParent(base, parent, sizeof parent, &st);
		if (U_FAILURE(st) || strcmp(parent, base) == 0 || strcmp(parent, "root") == 0)
			break;
		memcpy(base, parent, sizeof base);
	}
	if (found == NULL) {
		*status = U_MISSING_RESOURCE_ERROR;
		return 0;
	}
	st = U_ZERO_ERROR;
	u_strFromUTF8(pat, 128, &len, found, -1, &st);
	if (U_FAILURE(st) || st == U_STRING_NOT_TERMINATED_WARNING || len >= 128) {
		*status = U_FAILURE(st) ? st : U_BUFFER_OVERFLOW_ERROR;
		return 0;
	}
	return len;
}

/*
 * Opens a date format for the best pattern CLDR has for skeleton in
 * locale, in zone (NULL: ICU's default zone).  With proleptic, a
 * Gregorian calendar is made proleptic, as in time_cal_open, so that the
 * dates we compute and the dates we print agree before 1582 too (see
 * TIME_PROLEPTIC_BEFORE).  On error NULL is returned and status is set.
 */
static UDateFormat *
time_fmt_open(struct i18n *ui, const char *zone, const char *skeleton, bool proleptic,
	      UErrorCode *status)
{
	UChar pat[128], id[TIME_ZONE_MAX];
	UDateFormat *fmt;
	UCalendar *cal;
	const char *type;
	int32_t len;

	if (U_FAILURE(*status))
		return NULL;
	if (zone != NULL && !time_zone_u16(zone, id))
		zone = NULL;
	len = time_pattern(ui, skeleton, pat, status);
	fmt = udat_open(UDAT_PATTERN, UDAT_PATTERN, ui->locale, zone != NULL ? id : NULL,
			zone != NULL ? -1 : 0, pat, len, status);
	if (U_FAILURE(*status)) {
		if (fmt != NULL)
			udat_close(fmt);
		return NULL;
	}
	if (!proleptic)
		return fmt;

	cal = ucal_clone(udat_getCalendar(fmt), status);
	type = ucal_getType(cal, status);
	if (U_SUCCESS(*status) && type != NULL && strcmp(type, "gregorian") == 0) {
		ucal_setGregorianChange(cal, U_DATE_MIN, status);
		udat_setCalendar(fmt, cal);
	}
	if (cal != NULL)
		ucal_close(cal);
	if (U_FAILURE(*status)) {
		udat_close(fmt);
		return NULL;
	}
	return fmt;
}

/* Formats t with fmt as allocated UTF-8, preflighting the size. */
static char *
time_fmt_format(const UDateFormat *fmt, double t, UErrorCode *status)
{
	UChar stack[128], *buf = stack;
	int32_t len;
	char *s;

	if (U_FAILURE(*status))
		return NULL;
	/* Into the stack first (a date or a time is short): formatting
	 * twice, once to measure, costs as much as the format. */
	len = udat_format(fmt, t, stack, 128, NULL, status);
	if (*status == U_BUFFER_OVERFLOW_ERROR) {
		*status = U_ZERO_ERROR;
		buf = xreallocarray(NULL, (size_t)len + 1, sizeof *buf);
		udat_format(fmt, t, buf, len + 1, NULL, status);
	}
	s = U_SUCCESS(*status) ? i18n_u8(buf, len) : NULL;
	if (buf != stack)
		free(buf);
	if (U_SUCCESS(*status) && s == NULL)
		*status = U_INVALID_CHAR_FOUND;
	return s;
}

/* Formats t in zone with the best pattern for skeleton; NULL on error. */
static char *
time_format(struct i18n *ui, const char *zone, const char *skeleton, double t)
{
	UErrorCode status = U_ZERO_ERROR;
	struct i18n_time_fmt *f;
	char key[96];
	size_t i;
	char *s;
	bool proleptic = t < TIME_PROLEPTIC_BEFORE;

	if (!isfinite(t) || fabs(t) > TIME_MILLIS_MAX)
		return NULL;
	/* One format per zone: another skeleton is a new pattern for it, far
	 * cheaper than another format (symbols, numbers, calendar). */
	snprintf(key, sizeof key, "%s%s", zone ? zone : "", proleptic ? "|p" : "");
	for (i = 0; i < ui->nfmts; i++)
		if (strcmp(ui->fmts[i].key, key) == 0)
			break;
	if (i == ui->nfmts) {
		UDateFormat *fmt = time_fmt_open(ui, zone, skeleton, proleptic, &status);

		if (fmt == NULL)
			return NULL;
		ui->fmts = xreallocarray(ui->fmts, ui->nfmts + 1, sizeof *ui->fmts);
		f = &ui->fmts[ui->nfmts++];
		snprintf(f->key, sizeof f->key, "%s", key);
		snprintf(f->skeleton, sizeof f->skeleton, "%s", skeleton);
		f->fmt = fmt;
	} else {
		f = &ui->fmts[i];
	}
	if (strcmp(f->skeleton, skeleton) != 0) {
		UChar pat[128];
		int32_t len = time_pattern(ui, skeleton, pat, &status);

		if (U_FAILURE(status))
			return NULL;
		udat_applyPattern(f->fmt, false, pat, len);
		snprintf(f->skeleton, sizeof f->skeleton, "%s", skeleton);
	}
	s = time_fmt_format(f->fmt, t, &status);
	if (U_FAILURE(status)) {
		free(s);
		return NULL;
	}
	return s;
}

/* Reads exactly n ASCII digits at s; returns the value, or -1. */
static int
time_digits(const char *s, int n)
{
	int i, v = 0;

	for (i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

static int
time_month_days(int year, int month)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

	return month == 2 && leap ? 29 : days[month - 1];
}

/*
 * Reads a date "YYYY", "YYYY-MM" or "YYYY-MM-DD" at the start of s (year
 * 0001 to 9999, a real day of a real month) into w, missing parts as 1.
 * Returns the number of parts read (1 to 3; only as many as max) and
 * sets *end past them, or 0 if s does not start with a valid year.
 */
static int
time_read_date(const char *s, int max, struct i18n_wall *w, const char **end)
{
	int parts = 1;

	memset(w, 0, sizeof *w);
	w->month = w->day = 1;
	if ((w->year = time_digits(s, 4)) < 1)
		return 0;
	s += 4;
	if (max >= 2 && s[0] == '-' && isdigit((unsigned char)s[1])) {
		w->month = time_digits(s + 1, 2);
		if (w->month < 1 || w->month > 12)
			return 0;
		s += 3;
		parts = 2;
		if (max >= 3 && s[0] == '-' && isdigit((unsigned char)s[1])) {
			w->day = time_digits(s + 1, 2);
			if (w->day < 1 || w->day > time_month_days(w->year, w->month))
				return 0;
			s += 3;
			parts = 3;
		}
	}
	*end = s;
	return parts;
}

/*
 * Dates are calendar dates, not instants: they are formatted at midnight
 * UTC in UTC, so no zone can move them to another day.
 */
char *
i18n_date(struct i18n *ui, const char *iso)
{
	struct i18n_wall w;
	const char *end;
	double t;
	char *s;
	int parts;

	if (iso == NULL)
		return xstrdup("");
	parts = time_read_date(iso, 3, &w, &end);
	if (parts == 0 || *end != '\0' || i18n_zone_instant(TIME_UTC, &w, &t) != 0)
		return xstrdup(iso);
	s = time_format(ui, TIME_UTC, i18n_time_skeletons[parts - 1], t);
	return s != NULL ? s : xstrdup(iso);
}

/*
 * "jmm" lets CLDR choose 12 or 24 hours for the locale.  Should ICU fail,
 * the time is still shown, as ISO 8601 in UTC, rather than nothing.
 */
char *
i18n_time(struct i18n *ui, double t, bool with_day)
{
	struct i18n_wall w;
	const char *zone = ui->worker_zone;
	char *s;

	/* The first test is cheap and also shows clang's analyzer that zone,
	 * an array in *ui, is never NULL. */
	if (zone[0] == '\0' || !i18n_zone_valid(zone))
		zone = NULL;
	s = time_format(ui, zone, i18n_time_skeletons[with_day ? 3 : 4], t);
	if (s != NULL)
		return s;
	if (i18n_zone_wall(TIME_UTC, t, &w) != 0)
		return xstrdup("--:--");
	return xasprintf("%04d-%02d-%02dT%02d:%02dZ", w.year, w.month, w.day, w.hour, w.min);
}

/*
 * Reads a UTC offset "Z", "+HH:MM", "-HH:MM", "+HHMM" or "-HHMM" that ends
 * s, in milliseconds.  Returns 0, or -1 if malformed.
 */
static int
time_read_offset(const char *s, double *offset)
{
	int sign, hh, mm;

	if (strcmp(s, "Z") == 0) {
		*offset = 0;
		return 0;
	}
	if (s[0] != '+' && s[0] != '-')
		return -1;
	sign = s[0] == '-' ? -1 : 1;
	hh = time_digits(s + 1, 2);
	if (hh < 0)
		return -1;
	s += 3;
	if (*s == ':')
		s++;
	mm = time_digits(s, 2);
	if (mm < 0 || s[2] != '\0' || hh > 23 || mm > 59)
		return -1;
	*offset = sign * (hh * 60.0 + mm) * 60000.0;
	return 0;
}

/*
 * When wall time w, first at instant first in zone, comes round again
 * (the clocks put back by half an hour, an hour or two): that later
 * instant, or 0 when it does not.
 */
static double
time_repeated(const char *zone, const struct i18n_wall *w, double first)
{
	static const double back[] = {1800000.0, 3600000.0, 7200000.0};
	struct i18n_wall again;
	size_t i;

	for (i = 0; i < sizeof back / sizeof back[0]; i++)
		if (i18n_zone_wall(zone, first + back[i], &again) == 0 && again.year == w->year &&
		    again.month == w->month && again.day == w->day && again.hour == w->hour &&
		    again.min == w->min)
			return first + back[i];
	return 0;
}

/* Instant t as zone shows it, with its offset: "2026-03-29T03:30+02:00". */
static char *
time_iso_offset(const char *zone, double t)
{
	struct i18n_wall w;
	double utc;
	long off;

	if (i18n_zone_wall(zone, t, &w) != 0 || i18n_zone_instant(TIME_UTC, &w, &utc) != 0)
		return xstrdup("?");
	off = lround((utc - t) / 60000.0);
	return xasprintf("%04d-%02d-%02dT%02d:%02d%c%02ld:%02ld", w.year, w.month, w.day, w.hour,
			 w.min, off < 0 ? '-' : '+', labs(off) / 60, labs(off) % 60);
}

char *
i18n_at_note(struct i18n *ui, const char *s, double t, int fit)
{
	struct i18n_wall w;
	char *a, *b, *res;
	double later;

	(void)s;
	if (fit == I18N_AT_SKIPPED) {
		a = time_iso_offset(ui->worker_zone, t);
		res = i18n_fmt(ui, "warning.at_skipped", "sss", s, ui->worker_zone, a);
		free(a);
		return res;
	}
	if (fit != I18N_AT_REPEATED || i18n_zone_wall(ui->worker_zone, t, &w) != 0 ||
	    (later = time_repeated(ui->worker_zone, &w, t)) == 0)
		return NULL;
	a = time_iso_offset(ui->worker_zone, t);
	b = time_iso_offset(ui->worker_zone, later);
	res = i18n_fmt(ui, "warning.at_repeated", "sss", ui->worker_zone, a, b);
	free(a);
	free(b);
	return res;
}

/*
 * The grammar is fixed-width, so every read below stays within the
 * string: each digit test stops at the terminating NUL.
 */
int
i18n_parse_datetime(struct i18n *ui, const char *s, double *t)
{
	struct i18n_wall w;
	const char *p;
	double offset, when;
	int sec = 0;

	if (s == NULL || time_read_date(s, 3, &w, &p) != 3)
		return -1;
	if (*p == '\0')
		return i18n_zone_instant(ui->worker_zone, &w, t);
	if (*p != 'T' && *p != ' ')
		return -1;
	p++;
	w.hour = time_digits(p, 2);
	if (w.hour < 0 || w.hour > 23 || p[2] != ':')
		return -1;
	w.min = time_digits(p + 3, 2);
	if (w.min < 0 || w.min > 59)
		return -1;
	p += 5;
	if (*p == ':') {
		sec = time_digits(p + 1, 2);
		if (sec < 0 || sec > 59)
			return -1;
		p += 3;
	}
	if (*p == '\0') {
		struct i18n_wall got;

		if (i18n_zone_instant(ui->worker_zone, &w, &when) != 0 ||
		    i18n_zone_wall(ui->worker_zone, when, &got) != 0)
			return -1;
		*t = when + sec * 1000.0;
		/* Daylight saving: a wall time that never was, or was twice. */
		if (got.hour != w.hour || got.min != w.min || got.day != w.day)
			return I18N_AT_SKIPPED;
		return time_repeated(ui->worker_zone, &w, when) > 0 ? I18N_AT_REPEATED
								    : I18N_AT_EXACT;
	} else {
		if (time_read_offset(p, &offset) != 0 ||
		    i18n_zone_instant(TIME_UTC, &w, &when) != 0)
			return -1;
		when -= offset;
	}
	*t = when + sec * 1000.0;
	return 0;
}

void
i18n_time_free(struct i18n *ui)
{
	size_t i;

	for (i = 0; i < ui->nfmts; i++)
		udat_close(ui->fmts[i].fmt);
	free(ui->fmts);
	ui->fmts = NULL;
	ui->nfmts = 0;
	if (ui->weekdays != NULL)
		udat_close(ui->weekdays);
}

char *
i18n_time_in(struct i18n *ui, const char *zone, double t, bool with_day)
{
	char *s;

	if (zone == NULL || !i18n_zone_valid(zone))
		return i18n_time(ui, t, with_day);
	s = time_format(ui, zone, i18n_time_skeletons[with_day ? 3 : 4], t);
	return s != NULL ? s : xstrdup("--:--");
}

char *
i18n_zone_name(struct i18n *ui, const char *zone)
{
	/* vvvv: the generic name ("Central European Time", "Eastern Time";
	 * a zone without one gets its location, "United Kingdom Time").  The
	 * generic location format (VVVV) for every zone would cost 18 million
	 * instructions, loading every region's name. */
	char *s = i18n_zone_valid(zone) ? time_format(ui, zone, "=vvvv", i18n_now()) : NULL;

	return s != NULL ? s : xstrdup(zone);
}

bool
i18n_same_wall_time(const struct i18n *ui, const char *zone, double t)
{
	struct i18n_wall a, b;

	if (i18n_zone_wall(zone, t, &a) != 0 || ui->worker_zone[0] == '\0' ||
	    i18n_zone_wall(ui->worker_zone, t, &b) != 0)
		return false;
	return a.year == b.year && a.month == b.month && a.day == b.day && a.hour == b.hour &&
	       a.min == b.min;
}

char *
i18n_minutes_range(struct i18n *ui, int start, int end)
{
	UErrorCode status = U_ZERO_ERROR;
	UChar skel[4], utc[4], *buf;
	UDateIntervalFormat *f;
	/* Any day without a daylight-saving change: the wall times are what
	 * is formatted.  An end after midnight stays on the same day (ICU
	 * formats an earlier end as it is), so the interval shows two times,
	 * never two dates. */
	double day = 978307200000.0; /* 2001-01-01T00:00Z */
	double a = day + (double)(start % 1440) * 60000.0, b = day + (double)(end % 1440) * 60000.0;
	int32_t len;
	char *s = NULL;

	u_charsToUChars("jm", skel, 3);
	u_charsToUChars("UTC", utc, 4);
	f = udtitvfmt_open(ui->locale, skel, -1, utc, -1, &status);
	len = udtitvfmt_format(f, a, b, NULL, 0, NULL, &status);
	if (status == U_BUFFER_OVERFLOW_ERROR) {
		status = U_ZERO_ERROR;
		buf = xreallocarray(NULL, (size_t)len + 1, sizeof *buf);
		udtitvfmt_format(f, a, b, buf, len + 1, NULL, &status);
		if (U_SUCCESS(status))
			s = i18n_u8(buf, len);
		free(buf);
	}
	if (f != NULL)
		udtitvfmt_close(f);
	return s != NULL ? s
			 : xasprintf("%02d:%02d-%02d:%02d", start / 60 % 24, start % 60,
				     end / 60 % 24, end % 60);
}

char *
i18n_month_day(struct i18n *ui, int year, int month, int day)
{
	struct i18n_wall w = {.year = year ? year : 2000, .month = month, .day = day};
	double t;
	char *s;

	if (i18n_zone_instant(TIME_UTC, &w, &t) != 0)
		return xasprintf("%02d-%02d", month, day);
	/* "MMMd": the day and the month's short name, ordered by the locale. */
	s = time_format(ui, TIME_UTC, i18n_time_skeletons[year ? 2 : 5], t);
	return s != NULL ? s : xasprintf("%02d-%02d", month, day);
}

char *
i18n_day_in(struct i18n *ui, const char *zone, double t)
{
	char *s;

	if (zone == NULL)
		zone = ui->worker_zone[0] && i18n_zone_valid(ui->worker_zone) ? ui->worker_zone
									      : NULL;
	s = time_format(ui, zone, i18n_time_skeletons[2], t);
	return s != NULL ? s : xstrdup("?");
}
