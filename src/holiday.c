/*
 * holiday.c - public-holiday calendars: validation of the ynode tree of
 * data/holidays.yaml into rules, and the rules evaluated for a day.  Pure
 * date arithmetic on the proleptic Gregorian calendar; it must not
 * include ICU nor do I/O: time zones are the caller's business (a day is
 * a civil day in the service's own zone).
 */
#include "holiday.h"

#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "xmalloc.h"

/* Years a rule or a file may name: enough for any real calendar, small
 * enough that no day number overflows. */
#define HOLIDAY_YEAR_MIN 1583
#define HOLIDAY_YEAR_MAX 4099

enum holiday_kind {
	KIND_DATE,     /* month-day every year */
	KIND_ONCE,     /* one year-month-day */
	KIND_EASTER,   /* offset from Western Easter Sunday */
	KIND_ORTHODOX, /* offset from Orthodox Easter Sunday */
	KIND_NTH,      /* nth (or last) weekday of a month */
	KIND_AFTER,    /* first weekday on or after a month-day */
};

enum holiday_observed {
	OBS_NONE,
	OBS_NEXT_WEEKDAY,     /* Sat/Sun -> next Mon-Fri not already a holiday */
	OBS_NEAREST_WEEKDAY,  /* Sat -> Fri before, Sun -> Mon after */
	OBS_SUNDAY_TO_MONDAY, /* Sun only -> next Mon-Fri not already a holiday */
};

static const char *const holiday_observed_names[] = {
	"next-weekday",
	"nearest-weekday",
	"sunday-to-monday",
	NULL,
};

static const char *const holiday_weekday_names[] = {
	"mon", "tue", "wed", "thu", "fri", "sat", "sun", NULL,
};

struct holiday_rule {
	char *name;
	char *observed_name; /* "NAME (observed)", or NULL */
	enum holiday_kind kind;
	int year, month, day;   /* KIND_ONCE, KIND_DATE, KIND_AFTER */
	int offset;             /* KIND_EASTER, KIND_ORTHODOX */
	int weekday, nth;       /* KIND_NTH, KIND_AFTER */
	int from, until;        /* 0: no limit */
	unsigned char weekdays; /* bit 0 = Monday: days the rule's day may fall on */
	int except_month, except_day, except_weekday; /* except_weekday -1: none */
	enum holiday_observed observed;
};

struct holiday_calendar {
	char *id;
	size_t parent; /* index, or SIZE_MAX */
	struct holiday_rule *rules;
	size_t nrules;
	int covers_from, covers_until; /* 0: no limit */
};

struct holidays {
	struct holiday_calendar *v;
	size_t n;
	size_t *slots; /* open addressing: index + 1, 0 empty */
	size_t nslots;
};

/* ------------------------------------------------------------------ */
/* Dates                                                                */

long
holiday_days(int y, int m, int d)
{
	/* Days from civil, after H. Hinnant: years start in March so that
	 * the leap day is the last of the year. */
	long yy = (long)y - (m <= 2);
	long era = (yy >= 0 ? yy : yy - 399) / 400;
	long yoe = yy - era * 400;
	long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

void
holiday_civil(long days, int *y, int *m, int *d)
{
	long z = days + 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	long dd = doy - (153 * mp + 2) / 5 + 1;
	long mm = mp < 10 ? mp + 3 : mp - 9;

	*y = (int)(yoe + era * 400 + (mm <= 2));
	*m = (int)mm;
	*d = (int)dd;
}

/* 0 = Monday for a day number; 1970-01-01 was a Thursday. */
static int
holiday_weekday_of(long days)
{
	long w = (days + 3) % 7;

	return (int)(w < 0 ? w + 7 : w);
}

int
holiday_weekday(int y, int m, int d)
{
	return holiday_weekday_of(holiday_days(y, m, d));
}

void
holiday_add_days(int *y, int *m, int *d, long n)
{
	holiday_civil(holiday_days(*y, *m, *d) + n, y, m, d);
}

static int
holiday_month_days(int y, int m)
{
	static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return m == 2 && leap ? 29 : mdays[m - 1];
}

bool
holiday_valid(int y, int m, int d)
{
	return m >= 1 && m <= 12 && d >= 1 && d <= holiday_month_days(y, m);
}

void
holiday_easter(int y, int *m, int *d)
{
	/* The anonymous Gregorian algorithm (Meeus, Astronomical Algorithms). */
	int a = y % 19, b = y / 100, c = y % 100, dd = b / 4, e = b % 4;
	int f = (b + 8) / 25, g = (b - f + 1) / 3;
	int h = (19 * a + b - dd - g + 15) % 30;
	int i = c / 4, k = c % 4;
	int l = (32 + 2 * e + 2 * i - h - k) % 7;
	int mm = (a + 11 * h + 22 * l) / 451;

	*m = (h + l - 7 * mm + 114) / 31;
	*d = (h + l - 7 * mm + 114) % 31 + 1;
}

void
holiday_orthodox_easter(int y, int *m, int *d)
{
	/* The Julian computus (Meeus), then the Julian date moved to the
	 * Gregorian calendar: the gap is fixed from March of a year on. */
	int a = y % 4, b = y % 7, c = y % 19;
	int dd = (19 * c + 15) % 30;
	int e = (2 * a + 4 * b - dd + 34) % 7;
	int jm = (dd + e + 114) / 31, jd = (dd + e + 114) % 31 + 1;

	*m = jm;
	*d = jd;
	holiday_add_days(&y, m, d, y / 100 - y / 400 - 2);
}

/* ------------------------------------------------------------------ */
/* Loading                                                              */

struct loader {
	const char *name;
	struct problems *pr;
};

static void holiday_err(struct loader *L, const struct ynode *n, const char *fmt, ...)
	SP_PRINTF(3, 4);

static void
holiday_err(struct loader *L, const struct ynode *n, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	problem_vadd(L->pr, L->name, n ? n->line : 0, n ? n->column : 0, false, fmt, ap);
	va_end(ap);
}

static int
holiday_word(const char *s, const char *const *words)
{
	for (int i = 0; words[i] != NULL; i++)
		if (strcmp(s, words[i]) == 0)
			return i;
	return -1;
}

/* Reports, with a suggestion when one is close, s not in words. */
static void
holiday_bad_word(struct loader *L, const struct ynode *n, const char *what,
		 const char *const *words)
{
	const char *best = problem_suggest(L->pr, n->s, words);

	if (best != NULL)
		holiday_err(L, n, "unknown %s \"%s\" (did you mean \"%s\"?)", what, n->s, best);
	else
		holiday_err(L, n, "unknown %s \"%s\"", what, n->s);
}

/* Reports every key of map n that is not in allowed. */
static void
holiday_keys(struct loader *L, const struct ynode *n, const char *const *allowed)
{
	for (size_t i = 0; i + 1 < n->n; i += 2)
		if (holiday_word(n->v[i]->s, allowed) < 0)
			holiday_bad_word(L, n->v[i], "key", allowed);
}

static const char *
holiday_type_name(const struct ynode *n)
{
	return n->type == YNODE_MAP ? "a mapping" : n->type == YNODE_SEQ ? "a list" : "a string";
}

/* The value at key when it is of type t (reported otherwise), or NULL. */
static const struct ynode *
holiday_get(struct loader *L, const struct ynode *map, const char *key, enum ynode_type t,
	    bool required, const char *owner)
{
	const struct ynode *v = ynode_get(map, key);
	static const char *const type_names[] = {"a string", "a list", "a mapping"};

	if (v == NULL) {
		if (required)
			holiday_err(L, map, "%s has no \"%s\"", owner, key);
		return NULL;
	}
	if (v->type != t) {
		holiday_err(L, v, "\"%s\" must be %s, not %s", key, type_names[t],
			    holiday_type_name(v));
		return NULL;
	}
	if (t == YNODE_SCALAR && v->len == 0) {
		holiday_err(L, v, "\"%s\" is empty", key);
		return NULL;
	}
	return v;
}

/* An integer in [lo, hi] written as an optional '-' and 1 to 5 digits. */
static bool
holiday_int(const char *s, int lo, int hi, int *out)
{
	const char *p = s;
	long v = 0;

	if (*p == '-')
		p++;
	if (*p == '\0' || strlen(p) > 5)
		return false;
	for (; *p; p++) {
		if (*p < '0' || *p > '9')
			return false;
		v = v * 10 + (*p - '0');
	}
	if (s[0] == '-')
		v = -v;
	if (v < lo || v > hi)
		return false;
	*out = (int)v;
	return true;
}

static bool
holiday_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

/*
 * "MM-DD" (with *y = 0; 02-29 allowed) or "YYYY-MM-DD" (a real day).
 * Returns false when s is neither.
 */
static bool
holiday_parse_date(const char *s, int *y, int *m, int *d)
{
	size_t n = strlen(s);

	if (n == 10 && holiday_digits(s, 4) && s[4] == '-') {
		*y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
		s += 5;
		n = 5;
		if (*y < HOLIDAY_YEAR_MIN || *y > HOLIDAY_YEAR_MAX)
			return false;
	} else {
		*y = 0;
	}
	if (n != 5 || !holiday_digits(s, 2) || s[2] != '-' || !holiday_digits(s + 3, 2))
		return false;
	*m = (s[0] - '0') * 10 + (s[1] - '0');
	*d = (s[3] - '0') * 10 + (s[4] - '0');
	return holiday_valid(*y ? *y : 2000, *m, *d);
}

static int
holiday_read_weekday(struct loader *L, const struct ynode *n)
{
	int w;

	if (n->type != YNODE_SCALAR) {
		holiday_err(L, n, "a weekday must be a string, not %s", holiday_type_name(n));
		return -1;
	}
	if ((w = holiday_word(n->s, holiday_weekday_names)) < 0)
		holiday_bad_word(L, n, "weekday", holiday_weekday_names);
	return w;
}

static int
holiday_year(struct loader *L, const struct ynode *map, const char *key)
{
	const struct ynode *v = holiday_get(L, map, key, YNODE_SCALAR, false, NULL);
	int y;

	if (v == NULL)
		return 0;
	if (!holiday_int(v->s, HOLIDAY_YEAR_MIN, HOLIDAY_YEAR_MAX, &y)) {
		holiday_err(L, v, "\"%s\" must be a year from %d to %d, not \"%s\"", key,
			    HOLIDAY_YEAR_MIN, HOLIDAY_YEAR_MAX, v->s);
		return 0;
	}
	return y;
}

/* from/until of map into *from, *until, checking their order. */
static void
holiday_years(struct loader *L, const struct ynode *map, int *from, int *until)
{
	*from = holiday_year(L, map, "from");
	*until = holiday_year(L, map, "until");
	if (*from && *until && *from > *until) {
		holiday_err(L, ynode_get(map, "until"), "\"until\" (%d) is before \"from\" (%d)",
			    *until, *from);
		*from = *until = 0;
	}
}

static const char *const holiday_rule_keys[] = {
	"name", "date",  "easter",   "orthodox_easter", "month",       "weekday", "nth", "after",
	"from", "until", "observed", "weekdays",        "except_when", "notes",   NULL,
};

/*
 * Reads one holiday of calendar id into r.  Returns false (after
 * reporting) when it is unusable.
 */
static bool
holiday_read_rule(struct loader *L, const struct ynode *n, struct holiday_rule *r)
{
	const struct ynode *v, *name;
	static const char *const kind_keys[] = {"date", "easter", "orthodox_easter", "weekday"};
	const char *kinds[4];
	size_t nk = 0, errors = L->pr->errors;
	int y, m, d;

	memset(r, 0, sizeof *r);
	r->weekdays = 0x7f;
	r->except_weekday = -1;
	if (n->type != YNODE_MAP) {
		holiday_err(L, n, "a holiday must be a mapping, not %s", holiday_type_name(n));
		return false;
	}
	holiday_keys(L, n, holiday_rule_keys);
	name = holiday_get(L, n, "name", YNODE_SCALAR, true, "the holiday");
	for (size_t i = 0; i < 4; i++)
		if (ynode_get(n, kind_keys[i]) != NULL)
			kinds[nk++] = kind_keys[i];
	if (nk == 0) {
		holiday_err(L, n,
			    "the holiday has none of \"date\", \"easter\", "
			    "\"orthodox_easter\", \"weekday\"");
		return false;
	}
	if (nk > 1) {
		holiday_err(L, ynode_get(n, kinds[1]), "the holiday has both \"%s\" and \"%s\"",
			    kinds[0], kinds[1]);
		return false;
	}
	if (ynode_get(n, "date") != NULL) {
		if ((v = holiday_get(L, n, "date", YNODE_SCALAR, true, "the holiday")) == NULL)
			return false;
		if (!holiday_parse_date(v->s, &y, &m, &d)) {
			holiday_err(L, v,
				    "\"%s\" is not a month-day (MM-DD) or a date (YYYY-MM-DD)",
				    v->s);
			return false;
		}
		r->kind = y ? KIND_ONCE : KIND_DATE;
		r->year = y;
		r->month = m;
		r->day = d;
		for (size_t i = 0; i < 3; i++) {
			const char *k = i == 0 ? "month" : i == 1 ? "nth" : "after";

			if (ynode_get(n, k) != NULL)
				holiday_err(L, ynode_get(n, k), "\"%s\" does not go with \"date\"",
					    k);
		}
	} else if (ynode_get(n, "easter") != NULL || ynode_get(n, "orthodox_easter") != NULL) {
		const char *key = ynode_get(n, "easter") ? "easter" : "orthodox_easter";

		if ((v = holiday_get(L, n, key, YNODE_SCALAR, true, "the holiday")) == NULL)
			return false;
		if (!holiday_int(v->s, -366, 366, &r->offset)) {
			holiday_err(L, v,
				    "\"%s\" must be a number of days from -366 to 366, not \"%s\"",
				    key, v->s);
			return false;
		}
		r->kind = key[0] == 'e' ? KIND_EASTER : KIND_ORTHODOX;
		for (size_t i = 0; i < 3; i++) {
			const char *k = i == 0 ? "month" : i == 1 ? "nth" : "after";

			if (ynode_get(n, k) != NULL)
				holiday_err(L, ynode_get(n, k), "\"%s\" does not go with \"%s\"", k,
					    key);
		}
	} else {
		const struct ynode *mv = ynode_get(n, "month"), *nv = ynode_get(n, "nth"),
				   *av = ynode_get(n, "after");

		v = ynode_get(n, "weekday");
		if ((r->weekday = holiday_read_weekday(L, v)) < 0)
			return false;
		if (mv != NULL) {
			if ((mv = holiday_get(L, n, "month", YNODE_SCALAR, true, "")) == NULL)
				return false;
			if (!holiday_int(mv->s, 1, 12, &r->month)) {
				holiday_err(L, mv, "\"month\" must be 1 to 12, not \"%s\"", mv->s);
				return false;
			}
		}
		if (av != NULL) {
			if (nv != NULL) {
				holiday_err(L, nv, "\"nth\" does not go with \"after\"");
				return false;
			}
			if ((av = holiday_get(L, n, "after", YNODE_SCALAR, true, "")) == NULL)
				return false;
			if (!holiday_parse_date(av->s, &y, &m, &d) || y != 0) {
				holiday_err(L, av,
					    "\"after\" must be a month-day (MM-DD), not \"%s\"",
					    av->s);
				return false;
			}
			if (r->month != 0 && r->month != m) {
				holiday_err(L, mv,
					    "\"month\" (%d) is not the month of \"after\" (%s)",
					    r->month, av->s);
				return false;
			}
			r->kind = KIND_AFTER;
			r->month = m;
			r->day = d;
		} else {
			if (mv == NULL) {
				holiday_err(L, n, "the holiday has \"weekday\" but no \"month\"");
				return false;
			}
			if (nv == NULL) {
				holiday_err(L, n,
					    "the holiday has \"weekday\" but neither \"nth\" "
					    "nor \"after\"");
				return false;
			}
			if ((nv = holiday_get(L, n, "nth", YNODE_SCALAR, true, "")) == NULL)
				return false;
			if (!holiday_int(nv->s, -1, 5, &r->nth) || r->nth == 0) {
				holiday_err(
					L, nv,
					"\"nth\" must be 1 to 5, or -1 for the last, not \"%s\"",
					nv->s);
				return false;
			}
			r->kind = KIND_NTH;
		}
	}
	if (r->kind != KIND_ONCE)
		holiday_years(L, n, &r->from, &r->until);
	else if (ynode_get(n, "from") != NULL || ynode_get(n, "until") != NULL)
		holiday_err(L, ynode_get(n, "from") ? ynode_get(n, "from") : ynode_get(n, "until"),
			    "a one-off date takes no \"from\" or \"until\"");
	if ((v = holiday_get(L, n, "observed", YNODE_SCALAR, false, NULL)) != NULL) {
		int o = holiday_word(v->s, holiday_observed_names);

		if (o < 0)
			holiday_bad_word(L, v, "observed rule", holiday_observed_names);
		else
			r->observed = (enum holiday_observed)(o + 1);
	}
	if ((v = holiday_get(L, n, "weekdays", YNODE_SEQ, false, NULL)) != NULL) {
		r->weekdays = 0;
		for (size_t i = 0; i < v->n; i++) {
			int w = holiday_read_weekday(L, v->v[i]);

			if (w >= 0)
				r->weekdays |= (unsigned char)(1u << w);
		}
		if (v->n == 0)
			holiday_err(L, v, "\"weekdays\" is empty");
	}
	if ((v = holiday_get(L, n, "except_when", YNODE_MAP, false, NULL)) != NULL) {
		static const char *const keys[] = {"date", "weekday", NULL};
		const struct ynode *dv, *wv;

		holiday_keys(L, v, keys);
		dv = holiday_get(L, v, "date", YNODE_SCALAR, true, "\"except_when\"");
		wv = ynode_get(v, "weekday");
		if (wv == NULL)
			holiday_err(L, v, "\"except_when\" has no \"weekday\"");
		else
			r->except_weekday = holiday_read_weekday(L, wv);
		if (dv != NULL &&
		    (!holiday_parse_date(dv->s, &y, &r->except_month, &r->except_day) || y != 0))
			holiday_err(L, dv, "\"%s\" is not a month-day (MM-DD)", dv->s);
	}
	if (name == NULL || L->pr->errors != errors)
		return false;
	r->name = xstrdup(name->s);
	if (r->observed != OBS_NONE)
		r->observed_name = xasprintf("%s (observed)", name->s);
	return true;
}

/* "CZ", or "DE-BE": ISO 3166-1 alpha-2, or ISO 3166-2 (1 to 3 letters or digits). */
static bool
holiday_id_ok(const char *s)
{
	size_t n = strlen(s), i;

	if (n < 2 || s[0] < 'A' || s[0] > 'Z' || s[1] < 'A' || s[1] > 'Z')
		return false;
	if (n == 2)
		return true;
	if (n < 4 || n > 6 || s[2] != '-')
		return false;
	for (i = 3; i < n; i++)
		if (!((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9')))
			return false;
	return true;
}

static bool
holiday_url_ok(const char *s)
{
	const char *h;

	if (strncmp(s, "https://", 8) == 0)
		h = s + 8;
	else if (strncmp(s, "http://", 7) == 0)
		h = s + 7;
	else
		return false;
	if (*h == '\0' || *h == '/' || *h == '.')
		return false;
	for (; *s; s++)
		if ((unsigned char)*s <= 0x20 || (unsigned char)*s >= 0x7f || *s == '"')
			return false;
	return true;
}

/* "unknown", YYYY, YYYY-MM or YYYY-MM-DD. */
static bool
holiday_source_date_ok(const char *s)
{
	size_t n = strlen(s);
	int y, m, d;

	if (strcmp(s, "unknown") == 0)
		return true;
	if (n == 4)
		return holiday_digits(s, 4);
	if (n == 7) {
		char buf[11];

		memcpy(buf, s, 7);
		memcpy(buf + 7, "-01", 4);
		return holiday_parse_date(buf, &y, &m, &d) && y != 0;
	}
	return n == 10 && holiday_parse_date(s, &y, &m, &d) && y != 0;
}

static void
holiday_sources(struct loader *L, const struct ynode *cal)
{
	static const char *const keys[] = {"url", "date", "evidence", "shows", NULL};
	static const char *const evidence[] = {"official", "literature", "press",
					       "code",     "old",        NULL};
	const struct ynode *seq = holiday_get(L, cal, "sources", YNODE_SEQ, true, "the calendar");

	if (seq == NULL)
		return;
	if (seq->n == 0)
		holiday_err(L, seq, "\"sources\" is empty: every calendar needs a source");
	for (size_t i = 0; i < seq->n; i++) {
		const struct ynode *s = seq->v[i], *v;

		if (s->type != YNODE_MAP) {
			holiday_err(L, s, "a source must be a mapping, not %s",
				    holiday_type_name(s));
			continue;
		}
		holiday_keys(L, s, keys);
		if ((v = holiday_get(L, s, "url", YNODE_SCALAR, true, "the source")) != NULL &&
		    !holiday_url_ok(v->s))
			holiday_err(L, v, "\"%s\" is not an http(s) address", v->s);
		if ((v = holiday_get(L, s, "date", YNODE_SCALAR, true, "the source")) != NULL &&
		    !holiday_source_date_ok(v->s))
			holiday_err(L, v, "\"%s\" is not YYYY[-MM[-DD]] or unknown", v->s);
		if ((v = holiday_get(L, s, "evidence", YNODE_SCALAR, true, "the source")) != NULL &&
		    holiday_word(v->s, evidence) < 0)
			holiday_bad_word(L, v, "evidence", evidence);
		holiday_get(L, s, "shows", YNODE_SCALAR, false, NULL);
	}
}

/* The index of calendar id, or SIZE_MAX. */
static size_t
holiday_find(const struct holidays *h, const char *id)
{
	size_t i;

	if (h->nslots == 0)
		return SIZE_MAX;
	for (i = (size_t)hash_str(id) & (h->nslots - 1); h->slots[i] != 0;
	     i = (i + 1) & (h->nslots - 1))
		if (strcmp(h->v[h->slots[i] - 1].id, id) == 0)
			return h->slots[i] - 1;
	return SIZE_MAX;
}

static void
holiday_index(struct holidays *h, size_t k)
{
	size_t i = (size_t)hash_str(h->v[k].id) & (h->nslots - 1);

	while (h->slots[i] != 0)
		i = (i + 1) & (h->nslots - 1);
	h->slots[i] = k + 1;
}

static void
holiday_rule_free(struct holiday_rule *r)
{
	free(r->name);
	free(r->observed_name);
}

void
holidays_free(struct holidays *h)
{
	if (h == NULL)
		return;
	for (size_t i = 0; i < h->n; i++) {
		for (size_t j = 0; j < h->v[i].nrules; j++)
			holiday_rule_free(&h->v[i].rules[j]);
		free(h->v[i].rules);
		free(h->v[i].id);
	}
	free(h->v);
	free(h->slots);
	free(h);
}

/*
 * Every calendar's parent is known; reports each cycle once, naming its
 * calendars in order.  Linear: each calendar is walked at most once.
 */
static void
holiday_check_cycles(struct loader *L, struct holidays *h, const struct ynode *const *nodes)
{
	unsigned char *state = xcalloc(h->n ? h->n : 1, 1); /* 0 new, 1 on the path, 2 done */

	for (size_t i = 0; i < h->n; i++) {
		size_t k = i, cycle = SIZE_MAX;

		while (k != SIZE_MAX && state[k] == 0) {
			state[k] = 1;
			k = h->v[k].parent;
		}
		if (k != SIZE_MAX && state[k] == 1) {
			struct buf b = {0};
			size_t j = k;

			do {
				buf_add(&b, h->v[j].id);
				buf_add(&b, " -> ");
				j = h->v[j].parent;
			} while (j != k);
			buf_add(&b, h->v[k].id);
			holiday_err(L, ynode_get(nodes[k], "parent"), "circular parent: %s", b.s);
			buf_free(&b);
			cycle = k;
		}
		for (k = i; k != SIZE_MAX && state[k] == 1; k = h->v[k].parent)
			state[k] = 2;
		/* Break the cycle so that evaluation never loops. */
		if (cycle != SIZE_MAX)
			h->v[cycle].parent = SIZE_MAX;
	}
	free(state);
}

struct holidays *
holidays_load_tree(const char *name, const struct ynode *root, struct problems *pr)
{
	struct loader L = {name, pr};
	static const char *const top_keys[] = {"schema", "calendars", NULL};
	static const char *const cal_keys[] = {"id",       "name",    "parent", "covers",
					       "holidays", "sources", "notes",  NULL};
	const struct ynode *v, *cals, **nodes = NULL;
	struct holidays *h;
	size_t errors = pr->errors;

	if (root == NULL || root->type != YNODE_MAP) {
		holiday_err(&L, root,
			    "the file must be a mapping with \"schema\" and \"calendars\"");
		return NULL;
	}
	holiday_keys(&L, root, top_keys);
	if ((v = holiday_get(&L, root, "schema", YNODE_SCALAR, true, "the file")) != NULL &&
	    strcmp(v->s, "1") != 0)
		holiday_err(&L, v, "unknown schema \"%s\" (this signpost reads schema \"1\")",
			    v->s);
	if ((cals = holiday_get(&L, root, "calendars", YNODE_SEQ, true, "the file")) == NULL)
		return NULL;

	h = xcalloc(1, sizeof *h);
	h->v = xcalloc(cals->n ? cals->n : 1, sizeof *h->v);
	nodes = xcalloc(cals->n ? cals->n : 1, sizeof(const struct ynode *));
	for (h->nslots = 4; h->nslots < cals->n * 2; h->nslots *= 2)
		;
	h->slots = xcalloc(h->nslots, sizeof *h->slots);

	for (size_t i = 0; i < cals->n; i++) {
		const struct ynode *c = cals->v[i], *id, *hs, *cv;
		struct holiday_calendar *cal;
		size_t dup;

		if (c->type != YNODE_MAP) {
			holiday_err(&L, c, "a calendar must be a mapping, not %s",
				    holiday_type_name(c));
			continue;
		}
		holiday_keys(&L, c, cal_keys);
		if ((id = holiday_get(&L, c, "id", YNODE_SCALAR, true, "the calendar")) == NULL)
			continue;
		if (!holiday_id_ok(id->s)) {
			holiday_err(&L, id,
				    "\"%s\" is not an ISO 3166-1 alpha-2 or ISO 3166-2 code",
				    id->s);
			continue;
		}
		if ((dup = holiday_find(h, id->s)) != SIZE_MAX) {
			holiday_err(&L, id, "duplicate calendar \"%s\" (first at line %d)", id->s,
				    ynode_get(nodes[dup], "id")->line);
			continue;
		}
		holiday_get(&L, c, "name", YNODE_SCALAR, true, "the calendar");
		holiday_get(&L, c, "notes", YNODE_SCALAR, false, NULL);
		cal = &h->v[h->n];
		cal->id = xstrdup(id->s);
		cal->parent = SIZE_MAX;
		nodes[h->n] = c;
		holiday_index(h, h->n);
		h->n++;
		if ((cv = holiday_get(&L, c, "covers", YNODE_MAP, false, NULL)) != NULL) {
			static const char *const keys[] = {"from", "until", NULL};

			holiday_keys(&L, cv, keys);
			holiday_years(&L, cv, &cal->covers_from, &cal->covers_until);
			if (cal->covers_from == 0 && cal->covers_until == 0 &&
			    ynode_get(cv, "from") == NULL && ynode_get(cv, "until") == NULL)
				holiday_err(&L, cv, "\"covers\" needs \"from\" or \"until\"");
		}
		if ((hs = holiday_get(&L, c, "holidays", YNODE_SEQ, true, "the calendar")) !=
		    NULL) {
			cal->rules = xcalloc(hs->n ? hs->n : 1, sizeof *cal->rules);
			for (size_t j = 0; j < hs->n; j++)
				if (holiday_read_rule(&L, hs->v[j], &cal->rules[cal->nrules]))
					cal->nrules++;
		}
		holiday_sources(&L, c);
	}
	/* Parents, once every id is known (a parent may come later). */
	for (size_t i = 0; i < h->n; i++) {
		const struct ynode *p =
			holiday_get(&L, nodes[i], "parent", YNODE_SCALAR, false, NULL);

		if (p == NULL)
			continue;
		if ((h->v[i].parent = holiday_find(h, p->s)) == SIZE_MAX)
			holiday_err(&L, p, "parent \"%s\" is not a calendar in this file", p->s);
	}
	holiday_check_cycles(&L, h, nodes);
	free(nodes);
	if (pr->errors != errors) {
		holidays_free(h);
		return NULL;
	}
	return h;
}

/* ------------------------------------------------------------------ */
/* Queries                                                              */

bool
holidays_known(const struct holidays *h, const char *calendar)
{
	return h != NULL && calendar != NULL && holiday_find(h, calendar) != SIZE_MAX;
}

size_t
holidays_count(const struct holidays *h)
{
	return h ? h->n : 0;
}

const char *
holidays_id(const struct holidays *h, size_t i)
{
	return h != NULL && i < h->n ? h->v[i].id : NULL;
}

static bool
holiday_covers_index(const struct holidays *h, size_t k, int y)
{
	for (; k != SIZE_MAX; k = h->v[k].parent) {
		const struct holiday_calendar *c = &h->v[k];

		if ((c->covers_from && y < c->covers_from) ||
		    (c->covers_until && y > c->covers_until))
			return false;
	}
	return true;
}

bool
holidays_covers(const struct holidays *h, const char *calendar, int y)
{
	size_t k = h ? holiday_find(h, calendar) : SIZE_MAX;

	return k != SIZE_MAX && holiday_covers_index(h, k, y);
}

/* The day number of rule r in year y, or LONG_MIN when it has none. */
static long
holiday_rule_day(const struct holiday_rule *r, int y)
{
	int m = r->month, d = r->day, w;
	long day;

	if ((r->from && y < r->from) || (r->until && y > r->until))
		return LONG_MIN;
	switch (r->kind) {
	case KIND_ONCE:
		if (y != r->year)
			return LONG_MIN;
		break;
	case KIND_DATE:
		if (!holiday_valid(y, m, d)) /* 02-29 outside leap years */
			return LONG_MIN;
		break;
	case KIND_EASTER:
	case KIND_ORTHODOX:
		if (r->kind == KIND_EASTER)
			holiday_easter(y, &m, &d);
		else
			holiday_orthodox_easter(y, &m, &d);
		holiday_add_days(&y, &m, &d, r->offset);
		break;
	case KIND_NTH:
		if (r->nth > 0) {
			w = holiday_weekday(y, m, 1);
			d = 1 + (r->weekday - w + 7) % 7 + 7 * (r->nth - 1);
		} else {
			d = holiday_month_days(y, m);
			w = holiday_weekday(y, m, d);
			d -= (w - r->weekday + 7) % 7;
		}
		if (d > holiday_month_days(y, m))
			return LONG_MIN;
		break;
	case KIND_AFTER:
		if (!holiday_valid(y, m, d))
			return LONG_MIN;
		w = holiday_weekday(y, m, d);
		holiday_add_days(&y, &m, &d, (r->weekday - w + 7) % 7);
		break;
	}
	if (r->except_weekday >= 0 && holiday_valid(y, r->except_month, r->except_day) &&
	    holiday_weekday(y, r->except_month, r->except_day) == r->except_weekday)
		return LONG_MIN;
	day = holiday_days(y, m, d);
	if (!(r->weekdays & (1u << holiday_weekday_of(day))))
		return LONG_MIN;
	return day;
}

struct hday {
	long day;
	const struct holiday_rule *rule;
	bool substitute;
};

struct hlist {
	struct hday *v;
	size_t n, cap;
};

static void
hlist_add(struct hlist *l, long day, const struct holiday_rule *r, bool substitute)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		l->v = xreallocarray(l->v, l->cap, sizeof *l->v);
	}
	l->v[l->n].day = day;
	l->v[l->n].rule = r;
	l->v[l->n].substitute = substitute;
	l->n++;
}

static bool
hlist_has(const struct hlist *l, long day)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->v[i].day == day)
			return true;
	return false;
}

/* A weekday (Monday to Friday) after day that is not yet in l. */
static long
holiday_next_free(const struct hlist *l, long day)
{
	do
		day++;
	while (holiday_weekday_of(day) >= 5 || hlist_has(l, day));
	return day;
}

/*
 * Every holiday of calendar k (parents first) in the years y-1 to y+1,
 * with substitute days: the neighbouring years are there because a
 * substitute may cross a new year (1 January on a Saturday observed on
 * 31 December).  Base holidays come first, in day order, then
 * substitutes.
 */
static void
holiday_collect(const struct holidays *h, size_t k, int y, struct hlist *l)
{
	size_t chain[64] = {0}, nchain = 0, base;

	/* Cycles were broken at load; the depth is bounded by the file,
	 * and no real region nests 64 deep. */
	for (; k != SIZE_MAX && nchain < sizeof chain / sizeof chain[0]; k = h->v[k].parent)
		chain[nchain++] = k;
	for (int yy = y - 1; yy <= y + 1; yy++)
		for (size_t c = nchain; c-- > 0;)
			for (size_t j = 0; j < h->v[chain[c]].nrules; j++) {
				const struct holiday_rule *r = &h->v[chain[c]].rules[j];
				long day = holiday_rule_day(r, yy);

				if (day != LONG_MIN)
					hlist_add(l, day, r, false);
			}
	/* Insertion sort by day, stable: parents' names first on a tie. */
	for (size_t i = 1; i < l->n; i++) {
		struct hday t = l->v[i];
		size_t j = i;

		for (; j > 0 && l->v[j - 1].day > t.day; j--)
			l->v[j] = l->v[j - 1];
		l->v[j] = t;
	}
	base = l->n;
	for (size_t i = 0; i < base; i++) {
		const struct holiday_rule *r = l->v[i].rule;
		int w = holiday_weekday_of(l->v[i].day);
		long sub = LONG_MIN;

		if (w < 5 || r->observed == OBS_NONE)
			continue;
		switch (r->observed) {
		case OBS_NEXT_WEEKDAY:
			sub = holiday_next_free(l, l->v[i].day);
			break;
		case OBS_NEAREST_WEEKDAY:
			sub = l->v[i].day + (w == 5 ? -1 : 1);
			break;
		case OBS_SUNDAY_TO_MONDAY:
			if (w == 6)
				sub = holiday_next_free(l, l->v[i].day);
			break;
		case OBS_NONE:
			break;
		}
		if (sub != LONG_MIN)
			hlist_add(l, sub, r, true);
	}
}

void
holidays_on_days(const struct holidays *h, const char *calendar, int y, int m, int d, size_t n,
		 enum holiday_answer *answers, const char **names)
{
	struct hlist l = {0};
	int have = 0; /* the year whose holidays l holds; 0: none yet */
	size_t k, i, j;
	long first;

	for (i = 0; i < n; i++) {
		answers[i] = HOLIDAY_UNKNOWN;
		if (names != NULL)
			names[i] = NULL;
	}
	if (h == NULL || calendar == NULL || (k = holiday_find(h, calendar)) == SIZE_MAX ||
	    y < HOLIDAY_YEAR_MIN + 1 || y > HOLIDAY_YEAR_MAX - 1 || !holiday_valid(y, m, d))
		return;
	first = holiday_days(y, m, d);
	for (i = 0; i < n; i++) {
		long day = first + (long)i;
		int yy, mm, dd;

		holiday_civil(day, &yy, &mm, &dd);
		if (yy < HOLIDAY_YEAR_MIN + 1 || yy > HOLIDAY_YEAR_MAX - 1)
			break;
		/* The holidays of a day's year, worked out once for all its
		 * days (a span of days crosses at most a year's end or two). */
		if (yy != have) {
			l.n = 0;
			holiday_collect(h, k, yy, &l);
			have = yy;
		}
		answers[i] = holiday_covers_index(h, k, yy) ? HOLIDAY_NO : HOLIDAY_UNKNOWN;
		for (j = 0; j < l.n; j++) {
			if (l.v[j].day != day)
				continue;
			answers[i] = HOLIDAY_YES;
			if (names != NULL)
				names[i] = l.v[j].substitute ? l.v[j].rule->observed_name
							     : l.v[j].rule->name;
			break;
		}
	}
	free(l.v);
}

enum holiday_answer
holidays_on(const struct holidays *h, const char *calendar, int y, int m, int d, const char **name)
{
	enum holiday_answer a;

	holidays_on_days(h, calendar, y, m, d, 1, &a, name);
	return a;
}
