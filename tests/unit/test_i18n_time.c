/*
 * test_i18n_time.c - zones, wall clocks, CLDR date and time formats and
 * the ISO 8601 reader.  It is i18n's own test, so it may set the worker's
 * zone in struct i18n directly and look at its formats.  The date patterns
 * come from the build's names.cache (SIGNPOST_STAGE_DIR); every one must
 * be what ICU's DateTimePatternGenerator gives (asked here through the
 * build library, as mknames asks it), and without names.cache dates fall
 * back to ISO 8601 rather than to a second way of finding patterns.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "i18n.h"
#include "i18n_cache.h"
#include "i18n_impl.h"
#include "names_build.h"
#include "xmalloc.h"

static char *locales_dir;
/* The build's staged data, with its names.cache. */
static const char *stage_dir;

static struct i18n *
open_ui(const char *tag, const char *zone)
{
	char *cause = NULL;
	struct i18n *ui = i18n_open_tag(tag, locales_dir, &cause);

	if (ui == NULL) {
		fprintf(stderr, "i18n_open_tag(%s): %s\n", tag, cause);
		free(cause);
		return NULL;
	}
	snprintf(ui->worker_zone, sizeof ui->worker_zone, "%s", zone);
	return ui;
}

static void
test_zone_valid(void)
{
	CHECK(i18n_zone_valid("Europe/Prague"));
	CHECK(i18n_zone_valid("America/New_York"));
	CHECK(i18n_zone_valid("UTC"));
	CHECK(i18n_zone_valid("Etc/UTC"));
	CHECK(i18n_zone_valid("US/Eastern")); /* an alias, still in the data */
	CHECK(!i18n_zone_valid("Mars/Olympus_Mons"));
	CHECK(!i18n_zone_valid("GMT+01:00")); /* custom, not a system zone */
	CHECK(!i18n_zone_valid("Europe/Prague "));
	CHECK(!i18n_zone_valid("Europe/Pr\xc3\xa1gue"));
	CHECK(!i18n_zone_valid(""));
	CHECK(!i18n_zone_valid(NULL));
}

static void
test_wall(void)
{
	struct i18n_wall w;
	double t;

	/* 2026-12-07T12:00Z is Monday 13:00 in Prague, 07:00 in New York. */
	CHECK(i18n_zone_wall("Europe/Prague", 1796644800000.0, &w) == 0);
	CHECK(w.year == 2026 && w.month == 12 && w.day == 7 && w.wday == 0);
	CHECK(w.hour == 13 && w.min == 0);
	CHECK(i18n_zone_wall("America/New_York", 1796644800000.0, &w) == 0);
	CHECK(w.day == 7 && w.hour == 7 && w.wday == 0);
	/* A Sunday, and a date before the Gregorian reform (proleptic). */
	CHECK(i18n_zone_wall("UTC", 1796598000000.0, &w) == 0);
	CHECK(w.day == 6 && w.hour == 23 && w.wday == 6);
	CHECK(i18n_zone_wall("UTC", -62135596800000.0, &w) == 0);
	CHECK(w.year == 1 && w.month == 1 && w.day == 1 && w.wday == 0);
	CHECK(i18n_zone_wall("Mars/Olympus_Mons", 0, &w) == -1);
	CHECK(i18n_zone_wall("UTC", 1e300, &w) == -1);

	w = (struct i18n_wall){ .year = 2026, .month = 12, .day = 7, .hour = 13 };
	CHECK(i18n_zone_instant("Europe/Prague", &w, &t) == 0 && t == 1796644800000.0);
	/* Skipped: 02:30 on 2026-03-29 in Prague is 03:00 CEST (01:00Z). */
	w = (struct i18n_wall){ .year = 2026, .month = 3, .day = 29, .hour = 2, .min = 30 };
	CHECK(i18n_zone_instant("Europe/Prague", &w, &t) == 0 && t == 1774746000000.0);
	/* Repeated: 02:30 on 2026-10-25 in Prague is first 02:30 CEST (00:30Z). */
	w = (struct i18n_wall){ .year = 2026, .month = 10, .day = 25, .hour = 2, .min = 30 };
	CHECK(i18n_zone_instant("Europe/Prague", &w, &t) == 0 && t == 1792888200000.0);
	CHECK(i18n_zone_instant("Mars/Olympus_Mons", &w, &t) == -1);
	/* Round trip at every hour of a fall-back day. */
	{
		double u;
		int i, bad = 0;

		for (i = 0; i < 30; i++) {
			u = 1792800000000.0 + i * 3600000.0; /* 2026-10-24T00:00Z on */
			if (i18n_zone_wall("Europe/Prague", u, &w) != 0 ||
			    i18n_zone_instant("Europe/Prague", &w, &t) != 0)
				bad++;
			else if (t != u && !(w.day == 25 && w.hour == 2))
				bad++;
		}
		CHECK(bad == 0);
	}
}

static void
test_time(void)
{
	static const struct {
		const char *tag, *zone;
		double t;
		bool with_day;
		const char *want;
	} cases[] = {
		{ "cs", "Europe/Prague", 1796641200000.0, false, "12:00" },
		{ "cs", "Europe/Prague", 1796641200000.0, true, "po 12:00" },
		{ "cs", "Europe/Prague", 1796670000000.0, false, "20:00" },
		/* CLDR 42 puts a narrow no-break space before AM and PM. */
		{ "en", "Europe/Prague", 1796641200000.0, false, "12:00\xe2\x80\xafPM" },
		{ "en", "Europe/Prague", 1796641200000.0, true, "Mon 12:00\xe2\x80\xafPM" },
		{ "en", "Europe/Prague", 1796670000000.0, false, "8:00\xe2\x80\xafPM" },
		{ "en-GB", "Europe/Prague", 1796670000000.0, false, "20:00" },
		{ "de", "Europe/Prague", 1796641200000.0, true, "Mo., 12:00" },
		/* The worker's zone, not the service's or UTC. */
		{ "en", "America/New_York", 1796641200000.0, true, "Mon 6:00\xe2\x80\xaf" "AM" },
		{ "cs", "America/New_York", 1796641200000.0, false, "6:00" },
		{ "cs", "UTC", 1796641200000.0, false, "11:00" },
		{ "cs", "Asia/Kolkata", 1796641200000.0, false, "16:30" },
		/* Across midnight in the worker's zone: a different weekday. */
		{ "en", "Pacific/Auckland", 1796641200000.0, true, "Tue 12:00\xe2\x80\xaf" "AM" },
	};
	struct i18n *ui;
	size_t i;
	char *s;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		if ((ui = open_ui(cases[i].tag, cases[i].zone)) == NULL) {
			CHECK(ui != NULL);
			continue;
		}
		s = i18n_time(ui, cases[i].t, cases[i].with_day);
		CHECK_STR(s, cases[i].want);
		free(s);
		i18n_free(ui);
	}
	/* Nonsense instants still give text. */
	if ((ui = open_ui("en", "UTC")) != NULL) {
		s = i18n_time(ui, 1e300, false);
		CHECK_STR(s, "--:--");
		free(s);
		i18n_free(ui);
	}
}

static void
test_date(void)
{
	static const struct {
		const char *tag, *iso, *want;
	} cases[] = {
		{ "cs", "2026-12-07", "7. 12. 2026" },
		{ "cs", "2026-12", "prosinec 2026" },
		{ "cs", "2026", "2026" },
		{ "en", "2026-12-07", "12/7/2026" },
		{ "en", "2026-12", "December 2026" },
		{ "en", "2026", "2026" },
		{ "de", "2026-12-07", "7.12.2026" },
		{ "de", "2026-12", "Dezember 2026" },
		{ "de", "2026", "2026" },
		{ "en", "2024-02-29", "2/29/2024" },
		{ "en", "2026-01-01", "1/1/2026" },
		/* Not a date: given back as it is. */
		{ "en", "2026-02-30", "2026-02-30" },
		{ "en", "2025-02-29", "2025-02-29" },
		{ "en", "2026-13", "2026-13" },
		{ "en", "2026-00", "2026-00" },
		{ "en", "2026-12-", "2026-12-" },
		{ "en", "2026-1-7", "2026-1-7" },
		{ "en", "26-12-07", "26-12-07" },
		{ "en", "2026-12-07T12:00", "2026-12-07T12:00" },
		{ "en", "0000", "0000" },
		/* Proleptic Gregorian, as the dates were read: not the Julian
		 * dates ICU's calendar would show before 1582-10-15. */
		{ "en", "0001-01-01", "1/1/1" },
		{ "en", "1000-03-01", "3/1/1000" },
		{ "en", "1582-10-04", "10/4/1582" },
		{ "en", "1582-10-14", "10/14/1582" },
		{ "cs", "1582-10-14", "14. 10. 1582" },
		{ "de", "1582-10", "Oktober 1582" },
		{ "en", "1582-10-15", "10/15/1582" },
		{ "en", "1599-12-31", "12/31/1599" },
		{ "en", "1600-01-01", "1/1/1600" },
		{ "en", "1500-02-29", "1500-02-29" }, /* a Julian leap day only */
		{ "en", "soon", "soon" },
		{ "en", "", "" },
	};
	struct i18n *ui;
	size_t i;
	char *s;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		/* A zone far from UTC must not move the date. */
		if ((ui = open_ui(cases[i].tag, "Pacific/Kiritimati")) == NULL) {
			CHECK(ui != NULL);
			continue;
		}
		s = i18n_date(ui, cases[i].iso);
		CHECK_STR(s, cases[i].want);
		free(s);
		i18n_free(ui);
	}
	/* One context for all of a language's dates, twice over, with times
	 * in between: the format of a zone takes each skeleton's pattern in
	 * turn and must give what a fresh one gives. */
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		size_t j, round;

		if (i > 0 && strcmp(cases[i].tag, cases[i - 1].tag) == 0)
			continue;
		if ((ui = open_ui(cases[i].tag, "Europe/Prague")) == NULL)
			continue;
		for (round = 0; round < 2; round++)
			for (j = i; j < sizeof cases / sizeof cases[0]; j++) {
				if (strcmp(cases[j].tag, cases[i].tag) != 0)
					continue;
				s = i18n_date(ui, cases[j].iso);
				CHECK_STR(s, cases[j].want);
				free(s);
				free(i18n_time(ui, 1796644800000.0, j % 2 == 0));
			}
		i18n_free(ui);
	}
}

static void
test_parse(void)
{
	static const struct {
		const char *s;
		double want;
		int fit; /* I18N_AT_*: what daylight saving did to a local time */
	} good[] = {
		{ "2026-12-07T13:00+01:00", 1796644800000.0, I18N_AT_EXACT },
		{ "2026-12-07T12:00Z", 1796644800000.0, I18N_AT_EXACT },
		{ "2026-12-07 12:00Z", 1796644800000.0, I18N_AT_EXACT },
		{ "2026-12-07T13:00:00+0100", 1796644800000.0, I18N_AT_EXACT },
		{ "2026-12-07T07:00-05:00", 1796644800000.0, I18N_AT_EXACT },
		{ "2026-12-07T12:00:30Z", 1796644830000.0, I18N_AT_EXACT },
		{ "2026-12-07T12:00-00:00", 1796644800000.0, I18N_AT_EXACT },
		{ "2026-12-07T13:00", 1796644800000.0, I18N_AT_EXACT },     /* the worker's zone: Prague */
		{ "2026-12-07 13:00:00", 1796644800000.0, I18N_AT_EXACT },
		{ "2026-12-07", 1796598000000.0, I18N_AT_EXACT },           /* midnight in Prague */
		{ "2026-03-29T02:30", 1774746000000.0, I18N_AT_SKIPPED }, /* after the gap */
		{ "2026-10-25T02:30", 1792888200000.0, I18N_AT_REPEATED }, /* the first */
		{ "2026-10-25T01:59", 1792886340000.0, I18N_AT_EXACT },
		{ "2026-10-25T03:00", 1792893600000.0, I18N_AT_EXACT },
		{ "2026-10-25T02:30+01:00", 1792891800000.0, I18N_AT_EXACT }, /* the second, by its offset */
		{ "0001-01-01T00:00Z", -62135596800000.0, I18N_AT_EXACT },
		{ "9999-12-31T23:59:59Z", 253402300799000.0, I18N_AT_EXACT },
		{ "2024-02-29T00:00Z", 1709164800000.0, I18N_AT_EXACT },
		{ "2000-02-29T00:00Z", 951782400000.0, I18N_AT_EXACT },
	};
	static const char *const bad[] = {
		"2026-02-30", "2025-02-29T00:00Z", "1900-02-29", "2026-13-01", "2026-00-10",
		"2026-12-00", "2026-12-32", "2026-12-07T24:00", "2026-12-07T23:60",
		"2026-12-07T12:00:60", "2026-12-07T12", "2026-12-07T12:0", "2026-12-07T1:00",
		"2026-12-07T12:00+1", "2026-12-07T12:00+01:0", "2026-12-07T12:00+24:00",
		"2026-12-07T12:00+01:60", "2026-12-07T12:00z", "2026-12-07t12:00",
		"2026-12-07T12:00 ", " 2026-12-07T12:00", "2026-12-07T", "2026-12-07T12:00ZZ",
		"2026-12-07T12:00:00.5Z", "2026-12-07T12:00+01:00:00", "+2026-12-07",
		"2026-1-07", "2026-12", "2026", "0000-01-01", "20261207T1200Z", "",
		"2026-12-07T12:00+", "2026-12-07T12:00+0",
	};
	struct i18n *ui = open_ui("en", "Europe/Prague");
	double t;
	size_t i;

	if (ui == NULL) {
		CHECK(ui != NULL);
		return;
	}
	for (i = 0; i < sizeof good / sizeof good[0]; i++) {
		t = 0;
		if (i18n_parse_datetime(ui, good[i].s, &t) != good[i].fit || t != good[i].want)
			fprintf(stderr, "\"%s\": %.0f, want %.0f\n", good[i].s, t, good[i].want);
		CHECK(i18n_parse_datetime(ui, good[i].s, &t) == good[i].fit && t == good[i].want);
	}
	/* What the worker is told: the instant used, and the other one. */
	t = 1774746000000.0;
	{
		char *n = i18n_at_note(ui, "2026-03-29T02:30", t, I18N_AT_SKIPPED);

		CHECK_STR(n, "2026-03-29T02:30 does not exist in Europe/Prague (the clocks go "
			     "forward then): read as 2026-03-29T03:00+02:00");
		free(n);
		n = i18n_at_note(ui, "2026-10-25T02:30", 1792888200000.0, I18N_AT_REPEATED);
		CHECK_STR(n, "that time happens twice in Europe/Prague (the clocks go back then): "
			     "read as the first, 2026-10-25T02:30+02:00; for the second, give --at "
			     "2026-10-25T02:30+01:00");
		free(n);
		CHECK(i18n_at_note(ui, "2026-12-07T13:00", 1796644800000.0, I18N_AT_EXACT) == NULL);
	}
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		t = 42;
		if (i18n_parse_datetime(ui, bad[i], &t) != -1)
			fprintf(stderr, "\"%s\" accepted\n", bad[i]);
		CHECK(i18n_parse_datetime(ui, bad[i], &t) == -1 && t == 42);
	}
	CHECK(i18n_parse_datetime(ui, NULL, &t) == -1);
	i18n_free(ui);
}

/*
 * The proleptic calendar is made only for instants that need it: a date
 * from 1600 on is formatted with ICU's calendar as it comes.
 */
static void
test_proleptic_lazy(void)
{
	struct i18n *ui = open_ui("en", "Europe/Prague");
	size_t i, n = 0, p = 0;
	char *s;

	if (ui == NULL) {
		CHECK(ui != NULL);
		return;
	}
	s = i18n_date(ui, "2026-12-07");
	free(s);
	s = i18n_time(ui, 1796641200000.0, true);
	free(s);
	for (i = 0; i < ui->nfmts; i++)
		if (ui->fmts[i].fmt != NULL && ++n > 0 && strstr(ui->fmts[i].key, "|p") != NULL)
			p++;
	CHECK(n == 2 && p == 0);
	s = i18n_date(ui, "1582-10-04");
	CHECK_STR(s, "10/4/1582");
	free(s);
	s = i18n_date(ui, "2026-12-07");
	CHECK_STR(s, "12/7/2026");
	free(s);
	for (i = n = p = 0; i < ui->nfmts; i++)
		if (ui->fmts[i].fmt != NULL && ++n > 0 && strstr(ui->fmts[i].key, "|p") != NULL)
			p++;
	CHECK(n == 3 && p == 1);
	i18n_free(ui);
}

/*
 * Every zone gets its format once and keeps it, however many zones a
 * lookup names (a fixed table once formatted the ninth zone on with a
 * format made and dropped each time); the same instant gives the same
 * text before and after the table grew.
 */
static void
test_many_zones(void)
{
	static const char *const zones[] = {
		"Europe/Prague", "Europe/London", "America/New_York", "Asia/Tokyo",
		"Australia/Sydney", "America/Los_Angeles", "Asia/Kolkata", "Africa/Cairo",
		"Europe/Helsinki", "Pacific/Auckland", "America/Sao_Paulo", "Asia/Dubai",
	};
	struct i18n *ui = open_ui("en", "Europe/Prague");
	size_t i, n = sizeof zones / sizeof zones[0];
	char *first[sizeof zones / sizeof zones[0]], *s;

	if (ui == NULL) {
		CHECK(ui != NULL);
		return;
	}
	for (i = 0; i < n; i++)
		first[i] = i18n_time_in(ui, zones[i], 1796641200000.0, true);
	CHECK(ui->nfmts == n);
	for (i = 0; i < n; i++) {
		s = i18n_time_in(ui, zones[i], 1796641200000.0, true);
		CHECK(first[i] != NULL && s != NULL && strcmp(first[i], s) == 0);
		free(s);
		free(first[i]);
	}
	CHECK(ui->nfmts == n);
	i18n_free(ui);
}

/* The catalogs' languages, regional locales, and hour cycles asked for. */
static const char *const pattern_locales[] = {
	"en", "cs", "sk", "de", "fr", "es", "pt", "pl", "sv", "fi", "nl", "it", "ro", "tr",
	"uk", "ar", "en_US", "en_GB", "de_AT", "pt_BR", "ar_SA", "en@hours=h23",
	"cs@hours=h12", "ja@hours=h11",
};

/* Points the process's names.cache at dir/names.cache. */
static void
share_dir(const char *dir)
{
	i18n_cache_shared_free();
	i18n_set_datadir(NULL, dir);
}

/* Every pattern names.cache holds for the locales above is ICU's best
 * pattern, and only exact ids are in it. */
static void
test_cached_patterns(void)
{
	struct i18n_cache *c = i18n_cache_shared();
	size_t i, j;

	CHECK(c != NULL);
	if (c == NULL)
		return;
	for (i = 0; i < sizeof pattern_locales / sizeof pattern_locales[0]; i++) {
		for (j = 0; j < I18N_SKELETONS; j++) {
			const char *skel = i18n_time_skeletons[j];
			char *live = names_build_pattern(pattern_locales[i], skel);
			const char *cached = i18n_cache_pattern(c, pattern_locales[i], skel);

			if (cached == NULL || live == NULL || strcmp(cached, live) != 0)
				fprintf(stderr, "%s %s: cached \"%s\", ICU \"%s\"\n",
					pattern_locales[i], skel, cached ? cached : "(none)",
					live ? live : "(none)");
			CHECK_STR(cached, live);
			free(live);
		}
	}
	CHECK(i18n_cache_pattern(c, "tlh", "yMd") == NULL);
	CHECK(i18n_cache_pattern(c, "en@calendar=buddhist", "jmm") == NULL);
	CHECK(i18n_cache_pattern(c, "EN", "jmm") == NULL);
	CHECK(i18n_cache_pattern(c, "en", "yMMMd") == NULL);
	CHECK(i18n_cache_pattern(c, "", "jmm") == NULL);
}

/*
 * A context's formats use the cached pattern of its locale, or of the
 * nearest parent ICU lists (de-CH-1901 is de_CH's, an unlisted region is
 * its language's), keeping an hour cycle asked for.
 */
static void
test_pattern_lookup(void)
{
	static const struct {
		const char *tag, *want;
	} cases[] = {
		/* U+202F NARROW NO-BREAK SPACE before AM and dop. */
		{"en", "Mon 8:00\xe2\x80\xaf" "AM"},
		{"en-u-hc-h23", "Mon 08:00"},
		{"cs", "po 8:00"},
		{"cs-u-hc-h12", "po 8:00\xe2\x80\xaf" "dop."},
		{"de-CH-1901", "Mo., 08:00"},
		{"de-CZ", "Mo., 08:00"},
	};
	size_t i;
	char *s;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct i18n *ui = open_ui(cases[i].tag, "UTC");

		if (ui == NULL) {
			CHECK(ui != NULL);
			continue;
		}
		/* 2026-12-07T08:00Z, a Monday. */
		s = i18n_time(ui, 1796630400000.0, true);
		if (s == NULL || strcmp(s, cases[i].want) != 0)
			fprintf(stderr, "%s (%s): \"%s\"\n", cases[i].tag, ui->locale, s ? s : "");
		CHECK_STR(s, cases[i].want);
		free(s);
		i18n_free(ui);
	}
}

/* Without names.cache there is no pattern: times and dates fall back to
 * ISO 8601, and the reason is there to say. */
static void
test_no_cache(void)
{
	struct i18n *ui;
	char *s, *why = NULL;

	share_dir("/nonexistent");
	if ((ui = open_ui("cs", "Europe/Prague")) != NULL) {
		s = i18n_time(ui, 1796641200000.0, true);
		CHECK_STR(s, "2026-12-07T11:00Z");
		free(s);
		s = i18n_date(ui, "2026-12-07");
		CHECK_STR(s, "2026-12-07");
		free(s);
		CHECK(!i18n_names_ready(ui, false, &why));
		CHECK(why != NULL && strstr(why, "names.cache") != NULL);
		free(why);
		i18n_free(ui);
	}
	share_dir(stage_dir);
}

int
main(void)
{
	const char *loc = getenv("SIGNPOST_LOCALEDIR");
	double now;

	locales_dir = xstrdup(loc != NULL ? loc : "locales");
	if ((stage_dir = getenv("SIGNPOST_STAGE_DIR")) == NULL) {
		fprintf(stderr, "SIGNPOST_STAGE_DIR is not set\n");
		return 1;
	}
	share_dir(stage_dir);
	now = i18n_now();
	CHECK(now > 1.7e12 && now < 1e14);
	test_zone_valid();
	test_wall();
	test_time();
	test_date();
	test_parse();
	test_proleptic_lazy();
	test_many_zones();
	test_cached_patterns();
	test_pattern_lookup();
	test_no_cache();
	free(locales_dir);
	i18n_cleanup();
	return check_done();
}
