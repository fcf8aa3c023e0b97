/*
 * i18n.c - the UI language: negotiation against the shipped catalogs,
 * message formatting with ICU MessageFormat, collation, display width,
 * line breaking and the terminal's character set.  Names of countries and
 * languages live in i18n_names.c, time in i18n_time.c.  Only the i18n*.c
 * files include ICU headers; nothing here prints or exits.
 */
#include "i18n_impl.h"

#include <errno.h>
#include <langinfo.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <unicode/ubrk.h>
#include <unicode/ucal.h>
#include <unicode/uchar.h>
#include <unicode/uclean.h>
#include <unicode/udat.h>
#include <unicode/uloc.h>
#include <unicode/umsg.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>
#include <unicode/uversion.h>

#include "file.h"
#include "sanitize.h"
#include "xmalloc.h"

#define I18N_LRI 0x2066
#define I18N_PDI 0x2069
/* Isolates nested deeper than this are not reopened after a line break. */
#define I18N_WRAP_DEPTH 8

UChar *
i18n_u16(const char *s, int32_t *len)
{
	UErrorCode st = U_ZERO_ERROR;
	int32_t n = 0;
	UChar *u;
	size_t bytes = strlen(s);

	/* UTF-8 never takes fewer code units than UTF-16: one pass. */
	if (bytes >= INT32_MAX)
		return NULL;
	u = xcalloc(bytes + 1, sizeof *u);
	u_strFromUTF8(u, (int32_t)bytes + 1, &n, s, (int32_t)bytes, &st);
	if (U_FAILURE(st) || st == U_STRING_NOT_TERMINATED_WARNING) {
		free(u);
		return NULL;
	}
	if (len)
		*len = n;
	return u;
}

char *
i18n_u8(const UChar *s, int32_t len)
{
	UErrorCode st = U_ZERO_ERROR;
	int32_t n = 0;
	char stack[512], *p;

	/* Into the stack first, then copied: converting once to measure
	 * costs as much as the conversion. */
	u_strToUTF8WithSub(stack, (int32_t)sizeof stack, &n, s, len, 0xfffd, NULL, &st);
	if (U_SUCCESS(st) && n < (int32_t)sizeof stack) {
		p = xmalloc((size_t)n + 1);
		memcpy(p, stack, (size_t)n);
		p[n] = '\0';
		return p;
	}
	if (st != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(st))
		return NULL;
	st = U_ZERO_ERROR;
	p = xmalloc((size_t)n + 1);
	u_strToUTF8WithSub(p, n + 1, NULL, s, len, 0xfffd, NULL, &st);
	if (U_FAILURE(st)) {
		free(p);
		return NULL;
	}
	p[n] = '\0';
	return p;
}

void
i18n_strv_free(char **v, size_t n)
{
	size_t i;

	if (v == NULL)
		return;
	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/*
 * Turns a POSIX locale name ("pt_BR.UTF-8", "sr_RS@latin") or a BCP 47
 * tag ("pt-BR") into an ICU locale id.  Returns -1 if it is not a
 * well-formed locale.
 */
static int
i18n_locale_id(const char *in, char *out, size_t outlen)
{
	char tmp[ULOC_FULLNAME_CAPACITY];
	char *p;
	UErrorCode st = U_ZERO_ERROR;
	int32_t parsed = 0;
	bool latin = false;

	if (in == NULL || *in == '\0' || strlen(in) >= sizeof tmp)
		return -1;
	strcpy(tmp, in);
	if ((p = strchr(tmp, '@')) != NULL) {
		latin = strcmp(p, "@latin") == 0;
		*p = '\0';
	}
	if ((p = strchr(tmp, '.')) != NULL)
		*p = '\0';
	if (strcmp(tmp, "C") == 0 || strcmp(tmp, "POSIX") == 0 || tmp[0] == '\0')
		return -1;
	for (p = tmp; *p; p++)
		if (*p == '_')
			*p = '-';
	uloc_forLanguageTag(tmp, out, (int32_t)outlen, &parsed, &st);
	if (U_FAILURE(st) || parsed != (int32_t)strlen(tmp) || out[0] == '\0')
		return -1;
	/* ICU's root locale names no language: its names are the codes
	 * themselves (LC_ALL=root showed "CZ" for Czechia).  Like C. */
	{
		char lang[ULOC_LANG_CAPACITY] = "";

		uloc_getLanguage(out, lang, sizeof lang, &st);
		if (U_FAILURE(st) || lang[0] == '\0' || strcmp(lang, "root") == 0)
			return -1;
	}
	if (latin) {
		char lang[16], region[8];

		uloc_getLanguage(out, lang, sizeof lang, &st);
		uloc_getCountry(out, region, sizeof region, &st);
		if (U_FAILURE(st))
			return -1;
		snprintf(out, outlen, "%s_Latn%s%s", lang, region[0] ? "_" : "", region);
	}
	return 0;
}

/* Language and script of a locale after adding likely subtags. */
static void
i18n_maximize(const char *loc, char *lang, char *script, char *region)
{
	char max[ULOC_FULLNAME_CAPACITY];
	UErrorCode st = U_ZERO_ERROR;

	uloc_addLikelySubtags(loc, max, sizeof max, &st);
	if (U_FAILURE(st))
		snprintf(max, sizeof max, "%s", loc);
	st = U_ZERO_ERROR;
	uloc_getLanguage(max, lang, ULOC_LANG_CAPACITY, &st);
	uloc_getScript(max, script, ULOC_SCRIPT_CAPACITY, &st);
	uloc_getCountry(max, region, ULOC_COUNTRY_CAPACITY, &st);
	if (U_FAILURE(st))
		lang[0] = script[0] = region[0] = '\0';
}

/* The BCP 47 tag of a bundle name ("pt_BR" -> "pt-BR"), allocated. */
static char *
i18n_bundle_tag(const char *name)
{
	char tag[ULOC_FULLNAME_CAPACITY];
	UErrorCode st = U_ZERO_ERROR;

	uloc_toLanguageTag(name, tag, sizeof tag, true, &st);
	if (U_FAILURE(st) || st == U_STRING_NOT_TERMINATED_WARNING)
		return xstrdup(name);
	return xstrdup(tag);
}

struct i18n_avail {
	char tag[32]; /* bundle name: the file name without .res ("pt_BR") */
	char lang[ULOC_LANG_CAPACITY], script[ULOC_SCRIPT_CAPACITY], region[ULOC_COUNTRY_CAPACITY];
};

/* The catalogs in dir that name a locale, for negotiation. */
static size_t
i18n_available(const char *dir, struct i18n_avail **out)
{
	char **names;
	size_t n = i18n_catalog_list(dir, &names), i, k = 0;
	struct i18n_avail *v = n ? xcalloc(n, sizeof *v) : NULL;

	for (i = 0; i < n; i++) {
		char id[ULOC_FULLNAME_CAPACITY];

		if (strlen(names[i]) >= sizeof v->tag ||
		    i18n_locale_id(names[i], id, sizeof id) == -1)
			continue;
		strcpy(v[k].tag, names[i]);
		v[k].lang[0] = '\0'; /* maximized by i18n_negotiate when needed */
		k++;
	}
	i18n_strv_free(names, n);
	*out = v;
	return k;
}

size_t
i18n_ui_languages(const char *locales_dir, char ***out)
{
	struct i18n_avail *av;
	size_t n = i18n_available(locales_dir, &av), i;
	char **v = n ? xcalloc(n, sizeof *v) : NULL;

	for (i = 0; i < n; i++)
		v[i] = i18n_bundle_tag(av[i].tag);
	free(av);
	*out = v;
	return n;
}

/*
 * Finds the catalog for one requested locale: the same language and script
 * after adding likely subtags; of those, the one of the same region, else
 * the language's own (no region), else one of another region (pt_BR and
 * pt get pt_PT when that is the only Portuguese catalog).  Returns the
 * index or -1.
 */
static int
i18n_negotiate(const char *id, struct i18n_avail *av, size_t n)
{
	char lang[ULOC_LANG_CAPACITY], script[ULOC_SCRIPT_CAPACITY], region[ULOC_COUNTRY_CAPACITY];
	char reqregion[ULOC_COUNTRY_CAPACITY] = "";
	UErrorCode st = U_ZERO_ERROR;
	int best = -1, other = -1;
	size_t i;

	i18n_maximize(id, lang, script, region);
	uloc_getCountry(id, reqregion, sizeof reqregion, &st);
	for (i = 0; i < n; i++) {
		char avid[ULOC_FULLNAME_CAPACITY], avreg[ULOC_COUNTRY_CAPACITY] = "";
		char avlang[ULOC_LANG_CAPACITY] = "";

		if (i18n_locale_id(av[i].tag, avid, sizeof avid) == -1)
			continue;
		/* Likely subtags add a script and a region, never change a
		 * language: only catalogs of the language are maximized. */
		st = U_ZERO_ERROR;
		uloc_getLanguage(avid, avlang, sizeof avlang, &st);
		if (U_FAILURE(st) || strcmp(avlang, lang) != 0)
			continue;
		if (av[i].lang[0] == '\0')
			i18n_maximize(avid, av[i].lang, av[i].script, av[i].region);
		if (strcmp(av[i].lang, lang) != 0 || strcmp(av[i].script, script) != 0)
			continue;
		st = U_ZERO_ERROR;
		uloc_getCountry(avid, avreg, sizeof avreg, &st);
		if (avreg[0] != '\0' && strcmp(avreg, reqregion) == 0)
			return (int)i; /* exact region */
		if (avreg[0] == '\0' && best == -1)
			best = (int)i; /* the language's own catalog */
		if (avreg[0] != '\0' && other == -1)
			other = (int)i; /* the language as spoken elsewhere */
	}
	return best != -1 ? best : other;
}

static const char *
i18n_env_locale(void)
{
	const char *vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
	size_t i;

	for (i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		const char *v = getenv(vars[i]);

		if (v != NULL && *v != '\0')
			return v;
	}
	return NULL;
}

static struct i18n *
i18n_new(const char *locales_dir)
{
	struct i18n *ui = xcalloc(1, sizeof *ui);
	UErrorCode st = U_ZERO_ERROR;
	UChar zone[64];
	int32_t zlen;
	const char *cs;

	ui->locales_dir = xstrdup(locales_dir);
	zlen = ucal_getDefaultTimeZone(zone, 63, &st);
	if (U_SUCCESS(st) && zlen > 0 && zlen < 63) {
		zone[zlen] = 0;
		u_austrncpy(ui->worker_zone, zone, sizeof ui->worker_zone - 1);
	}
	/*
	 * TZ="" or a TZ that names no zone ICU knows gives "Etc/Unknown", a
	 * bare offset, or the system's zone as if TZ were not set (a POSIX
	 * rule like "CET-1CEST"): no zone to read a local --at in, or to say
	 * "your time" with, or not the one asked for.  UTC then, and
	 * i18n_zone_fallback says so.
	 */
	{
		const char *tz = getenv("TZ"), *id = tz, *z;

		if (id != NULL && id[0] == ':')
			id++;
		if (id != NULL && (z = strstr(id, "zoneinfo/")) != NULL)
			id = z + 9;
		if (id != NULL && i18n_zone_valid(id))
			snprintf(ui->worker_zone, sizeof ui->worker_zone, "%s", id);
		else if (id != NULL || !i18n_zone_valid(ui->worker_zone))
			ui->zone_unknown = true;
		if (ui->zone_unknown)
			snprintf(ui->zone_asked, sizeof ui->zone_asked, "%s", tz != NULL ? tz : "");
	}
	if (ui->zone_unknown)
		strcpy(ui->worker_zone, "UTC");
	cs = nl_langinfo(CODESET);
	ui->utf8 = cs != NULL && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
	return ui;
}

/* Opens the chosen catalog (bundle name); on failure *cause is set. */
static int
i18n_load(struct i18n *ui, const char *name, char **cause)
{
	char *tag;

	if ((ui->cat = i18n_catalog_open(ui->locales_dir, name, cause)) == NULL)
		return -1;
	tag = i18n_bundle_tag(name);
	snprintf(ui->tag, sizeof ui->tag, "%s", tag);
	free(tag);
	ui->rtl = uloc_isRightToLeft(ui->locale);
	return 0;
}

/*
 * The formatting locale for request id served by the catalog named tag:
 * the request's, unless it names no region and the catalog does; then the
 * catalog's, so that names and dates are of the variant its words are
 * (pt with the pt_PT catalog formats as pt_PT, not as ICU's pt, which is
 * Brazilian).
 */
static void
i18n_set_locale(struct i18n *ui, const char *id, const char *tag)
{
	char reg[ULOC_COUNTRY_CAPACITY] = "", catid[ULOC_FULLNAME_CAPACITY];
	char catreg[ULOC_COUNTRY_CAPACITY] = "";
	UErrorCode st = U_ZERO_ERROR;

	uloc_getCountry(id, reg, sizeof reg, &st);
	if (i18n_locale_id(tag, catid, sizeof catid) == 0)
		uloc_getCountry(catid, catreg, sizeof catreg, &st);
	if (U_SUCCESS(st) && reg[0] == '\0' && catreg[0] != '\0')
		snprintf(ui->locale, sizeof ui->locale, "%s", catid);
	else
		snprintf(ui->locale, sizeof ui->locale, "%s", id);
}

static int
i18n_choose(struct i18n *ui, const char *const *req, size_t nreq, char **cause)
{
	struct i18n_avail *av;
	size_t n = i18n_available(ui->locales_dir, &av), i;
	int k = -1;

	for (i = 0; i < nreq && k == -1; i++) {
		char id[ULOC_FULLNAME_CAPACITY];

		if (i18n_locale_id(req[i], id, sizeof id) == -1)
			continue;
		if ((k = i18n_negotiate(id, av, n)) != -1)
			i18n_set_locale(ui, id, av[k].tag);
	}
	if (k == -1) {
		strcpy(ui->locale, "en");
		for (i = 0; i < n; i++)
			if (strcmp(av[i].tag, "en") == 0)
				k = (int)i;
	}
	if (k == -1) {
		char *en = xasprintf("%s/en.res", ui->locales_dir);
		struct stat sb;
		int fd;

		free(av);
		/* Say why: missing, or there but no regular file (a FIFO). */
		if ((fd = file_open(en, &sb, cause)) != -1) {
			close(fd);
			*cause =
				xasprintf("%s: no English catalog (en.res) found", ui->locales_dir);
		} else if (errno == ENOENT) {
			free(*cause);
			*cause =
				xasprintf("%s: no English catalog (en.res) found", ui->locales_dir);
		}
		free(en);
		return -1;
	}
	i = (size_t)k;
	k = i18n_load(ui, av[i].tag, cause);
	free(av);
	return k;
}

struct i18n *
i18n_open(const char *ui_tag, const char *locales_dir, char **cause)
{
	struct i18n *ui = i18n_new(locales_dir);
	const char *env = i18n_env_locale();
	char id[ULOC_FULLNAME_CAPACITY];
	const char *req[32];
	size_t nreq = 0;
	char *language = NULL;

	*cause = NULL;
	if (env != NULL && i18n_locale_id(env, id, sizeof id) == 0) {
		UErrorCode st = U_ZERO_ERROR;

		uloc_getCountry(id, ui->home_region, sizeof ui->home_region, &st);
		if (U_FAILURE(st))
			ui->home_region[0] = '\0';
	}
	if (ui_tag != NULL) {
		if (i18n_locale_id(ui_tag, id, sizeof id) == -1) {
			*cause = xasprintf("\"%s\" is not a language tag", ui_tag);
			i18n_free(ui);
			return NULL;
		}
		req[nreq++] = ui_tag;
	} else if (env != NULL && i18n_locale_id(env, id, sizeof id) == 0) {
		/* GNU LANGUAGE is a priority list, honoured unless the locale is C. */
		const char *l = getenv("LANGUAGE");

		if (l != NULL && *l != '\0') {
			char *p, *save = NULL;

			language = xstrdup(l);
			for (p = strtok_r(language, ":", &save); p && nreq < 31;
			     p = strtok_r(NULL, ":", &save))
				req[nreq++] = p;
		}
		req[nreq++] = env;
	}
	if (i18n_choose(ui, req, nreq, cause) == -1) {
		free(language);
		i18n_free(ui);
		return NULL;
	}
	free(language);
	return ui;
}

struct i18n *
i18n_open_tag(const char *tag, const char *locales_dir, char **cause)
{
	struct i18n *ui = i18n_new(locales_dir);
	const char *req[1] = {tag};

	*cause = NULL;
	if (i18n_choose(ui, req, 1, cause) == -1) {
		i18n_free(ui);
		return NULL;
	}
	/* Formats follow the requested language even without its catalog
	 * (a card in Hindi has Hindi dates around English words). */
	{
		char id[ULOC_FULLNAME_CAPACITY], lang[ULOC_LANG_CAPACITY] = "";
		char catlang[ULOC_LANG_CAPACITY] = "";
		UErrorCode st = U_ZERO_ERROR;

		if (i18n_locale_id(tag, id, sizeof id) == 0) {
			uloc_getLanguage(id, lang, sizeof lang, &st);
			uloc_getLanguage(ui->locale, catlang, sizeof catlang, &st);
			if (U_FAILURE(st) || strcmp(lang, catlang) != 0)
				snprintf(ui->locale, sizeof ui->locale, "%s", id);
		}
	}
	return ui;
}

void
i18n_free(struct i18n *ui)
{
	if (ui == NULL)
		return;
	i18n_catalog_free(ui->cat);
	i18n_catalog_free(ui->en);
	if (ui->coll)
		ucol_close(ui->coll);
	if (ui->conv)
		ucnv_close(ui->conv);
	if (ui->translit)
		utrans_close(ui->translit);
	i18n_names_free(ui->names);
	i18n_time_free(ui);
	for (size_t i = 0; i < ui->fmtcap; i++)
		if (ui->fmtcache[i].fmt != NULL)
			umsg_close(ui->fmtcache[i].fmt);
	free(ui->fmtcache);
	if (ui->brk)
		ubrk_close(ui->brk);
	free(ui->locales_dir);
	free(ui);
}

void
i18n_cleanup(void)
{
	i18n_time_cleanup();
	i18n_names_cleanup();
	i18n_cache_shared_free();
	u_cleanup();
}

const char *
i18n_tag(const struct i18n *ui)
{
	return ui->tag;
}

bool
i18n_rtl(const struct i18n *ui)
{
	return ui->rtl;
}

const char *
i18n_home_region(const struct i18n *ui)
{
	return ui->home_region[0] ? ui->home_region : NULL;
}

const char *
i18n_icu_version(void)
{
	static char v[U_MAX_VERSION_STRING_LENGTH];
	UVersionInfo info;

	u_getVersion(info);
	u_versionToString(info, v);
	return v;
}

/*
 * Argument types of a MessageFormat pattern: types[i] is 's' (none or
 * select), 'n' (plural, selectordinal, number, choice, date, time...), 'x'
 * for an argument used with two types, '\0' for unused.  Returns the
 * number of the highest argument + 1, or -1 if the pattern is not one this
 * scanner understands (named arguments, unbalanced braces).  ICU itself
 * checks the syntax; this only guards the varargs types.
 */
static int i18n_scan_message(const char **pp, char *types, int depth, bool plural);

/* ICU's Pattern_White_Space, as far as it survives the sanitizer. */
static bool
i18n_scan_space(char c)
{
	return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

/* True when the len letters at w are kw, in any case, as ICU reads an
 * argument type ("Plural" is plural). */
static bool
i18n_scan_word(const char *w, size_t len, const char *kw)
{
	size_t i;

	if (len != strlen(kw))
		return false;
	for (i = 0; i < len; i++)
		if ((w[i] | 0x20) != kw[i])
			return false;
	return true;
}

static int
i18n_scan_arg(const char **pp, char *types, int depth)
{
	const char *p = *pp;
	int num = 0;
	char t = 's';
	bool sub = false, plural = false;

	while (i18n_scan_space(*p))
		p++;
	if (*p < '0' || *p > '9')
		return -1;
	while (*p >= '0' && *p <= '9') {
		num = num * 10 + (*p++ - '0');
		if (num > 9)
			return -1;
	}
	while (i18n_scan_space(*p))
		p++;
	if (*p == ',') {
		const char *w;
		size_t wl;

		p++;
		while (i18n_scan_space(*p))
			p++;
		w = p;
		while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'))
			p++;
		wl = (size_t)(p - w);
		if (i18n_scan_word(w, wl, "select")) {
			t = 's';
			sub = true;
		} else if (i18n_scan_word(w, wl, "plural") ||
			   i18n_scan_word(w, wl, "selectordinal")) {
			t = 'n';
			sub = plural = true;
		} else if (i18n_scan_word(w, wl, "choice")) {
			/* Nested messages this scanner does not follow: refused, so
			 * that no argument can hide in one. */
			return -1;
		} else {
			t = 'n';
		}
		while (i18n_scan_space(*p))
			p++;
		if (*p == ',') {
			p++;
			if (sub) {
				/* selector { message } ... */
				for (;;) {
					while (i18n_scan_space(*p))
						p++;
					if (*p == '}')
						break;
					if (*p == '\0')
						return -1;
					if (*p == '{') {
						p++;
						if (i18n_scan_message(&p, types, depth + 1,
								      plural) == -1)
							return -1;
						if (*p != '}')
							return -1;
						p++;
					} else {
						p++;
					}
				}
			} else {
				/* A style (number, date, time) holds no argument; one
				 * with a brace is refused rather than guessed at. */
				while (*p && *p != '}') {
					if (*p == '{')
						return -1;
					p++;
				}
			}
		}
	}
	if (*p != '}')
		return -1;
	p++;
	if (types[num] != '\0' && types[num] != t)
		types[num] = 'x';
	else
		types[num] = t;
	*pp = p;
	return num;
}

static int
i18n_scan_message(const char **pp, char *types, int depth, bool plural)
{
	const char *p = *pp;

	if (depth > 8)
		return -1;
	while (*p && *p != '}') {
		if (*p == '\'') {
			if (p[1] == '\'') {
				p += 2;
			} else if (p[1] == '{' || p[1] == '}' || (plural && p[1] == '#')) {
				/* Quoted text, as ICU's DOUBLE_OPTIONAL mode reads it
				 * ('| quotes only in choice, which is refused). */
				p++;
				while (*p && !(*p == '\'' && p[1] != '\''))
					p += (*p == '\'') ? 2 : 1;
				if (*p)
					p++;
			} else {
				p++;
			}
		} else if (*p == '{') {
			p++;
			if (i18n_scan_arg(&p, types, depth) == -1)
				return -1;
		} else {
			p++;
		}
	}
	*pp = p;
	return 0;
}

int i18n_pattern_args(const char *pattern, char types[11]);

/* Exposed for the catalog tests through i18n_pattern_args(). */
int
i18n_pattern_args(const char *pattern, char types[11])
{
	const char *p = pattern;
	int n = 0;

	memset(types, 0, 11);
	if (i18n_scan_message(&p, types, 0, false) == -1 || *p != '\0')
		return -1;
	for (int i = 0; i < 10; i++)
		if (types[i])
			n = i + 1;
	return n;
}

static const char *
i18n_pattern(struct i18n *ui, const char *key, bool english)
{
	const char *p = english ? NULL : i18n_catalog_get(ui->cat, key);

	if (p == NULL) {
		if (ui->en == NULL && strcmp(ui->tag, "en") != 0) {
			char *cause = NULL;

			/* Without English, the key itself is shown (i18n_fmt). */
			ui->en = i18n_catalog_open(ui->locales_dir, "en", &cause);
			free(cause);
		}
		p = i18n_catalog_get(ui->en ? ui->en : ui->cat, key);
	}
	return p;
}

struct i18n_arg {
	UChar *s;
	double d;
};

/* Calls umsg_format with the right C types: 's' as UChar *, 'n' as double. */
static int32_t
i18n_umsg(UMessageFormat *f, UChar *out, int32_t cap, const char *t, const struct i18n_arg *a,
	  UErrorCode *st)
{
#define S(i) a[i].s
#define D(i) a[i].d
	size_t n = strlen(t);
	unsigned m = 0;
	size_t i;

	for (i = 0; i < n; i++)
		if (t[i] == 'n')
			m |= 1u << i;
	switch (n) {
	case 0:
		return umsg_format(f, out, cap, st);
	case 1:
		return m ? umsg_format(f, out, cap, st, D(0)) : umsg_format(f, out, cap, st, S(0));
	case 2:
		switch (m) {
		case 0:
			return umsg_format(f, out, cap, st, S(0), S(1));
		case 1:
			return umsg_format(f, out, cap, st, D(0), S(1));
		case 2:
			return umsg_format(f, out, cap, st, S(0), D(1));
		default:
			return umsg_format(f, out, cap, st, D(0), D(1));
		}
	case 3:
		switch (m) {
		case 0:
			return umsg_format(f, out, cap, st, S(0), S(1), S(2));
		case 1:
			return umsg_format(f, out, cap, st, D(0), S(1), S(2));
		case 2:
			return umsg_format(f, out, cap, st, S(0), D(1), S(2));
		case 3:
			return umsg_format(f, out, cap, st, D(0), D(1), S(2));
		case 4:
			return umsg_format(f, out, cap, st, S(0), S(1), D(2));
		case 5:
			return umsg_format(f, out, cap, st, D(0), S(1), D(2));
		case 6:
			return umsg_format(f, out, cap, st, S(0), D(1), D(2));
		default:
			return umsg_format(f, out, cap, st, D(0), D(1), D(2));
		}
	default:
		*st = U_ILLEGAL_ARGUMENT_ERROR;
		return 0;
	}
#undef S
#undef D
}

/* A new compiled format of pattern in the UI locale; NULL if it does not
 * parse.  The caller closes it. */
static UMessageFormat *
i18n_open_format(const struct i18n *ui, const char *pattern)
{
	UErrorCode st = U_ZERO_ERROR;
	UParseError pe;
	UMessageFormat *f;
	UChar *pat;
	int32_t plen;

	if ((pat = i18n_u16(pattern, &plen)) == NULL)
		return NULL;
	f = umsg_open(pat, plen, ui->locale, &pe, &st);
	free(pat);
	/* umsg_open returns its half-built format even when it fails. */
	if (U_FAILURE(st) && f != NULL) {
		umsg_close(f);
		f = NULL;
	}
	return f;
}

/* The slot of pattern in a table of cap slots (a power of two). */
static size_t
i18n_compiled_slot(const struct i18n_compiled_fmt *v, size_t cap, const char *pattern)
{
	size_t h = ((uintptr_t)pattern >> 3) & (cap - 1);

	while (v[h].pattern != NULL && v[h].pattern != pattern)
		h = (h + 1) & (cap - 1);
	return h;
}

/*
 * The compiled format of a catalog pattern, kept by the pattern's address
 * (patterns live as long as their catalog, that is as long as ui):
 * compiling is most of the cost of a message, and a lookup formats the
 * same few dozen messages for every result.  NULL if it does not parse
 * (kept too).  Every pattern is compiled here and only here; the table
 * doubles when half full, so no pattern is ever turned away.
 */
static UMessageFormat *
i18n_compiled(struct i18n *ui, const char *pattern)
{
	size_t h = 0, cap, i;
	struct i18n_compiled_fmt *v;

	if (ui->fmtcap > 0) {
		h = i18n_compiled_slot(ui->fmtcache, ui->fmtcap, pattern);
		if (ui->fmtcache[h].pattern == pattern)
			return ui->fmtcache[h].fmt;
	}
	if (2 * (ui->nfmt + 1) > ui->fmtcap) {
		cap = ui->fmtcap ? 2 * ui->fmtcap : 32;
		v = xcalloc(cap, sizeof *v);
		for (i = 0; i < ui->fmtcap; i++)
			if (ui->fmtcache[i].pattern != NULL)
				v[i18n_compiled_slot(v, cap, ui->fmtcache[i].pattern)] =
					ui->fmtcache[i];
		free(ui->fmtcache);
		ui->fmtcache = v;
		ui->fmtcap = cap;
		h = i18n_compiled_slot(v, cap, pattern);
	}
	ui->fmtcache[h].pattern = pattern;
	ui->fmtcache[h].fmt = i18n_open_format(ui, pattern);
	ui->nfmt++;
	return ui->fmtcache[h].fmt;
}

/* True when s is well-formed UTF-8 (what i18n_u16 accepts). */
static bool
i18n_valid_utf8(const char *s)
{
	int32_t i = 0, len = (int32_t)strlen(s);
	UChar32 c;

	while (i < len) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		U8_NEXT(s, i, len, c);
		if (c < 0)
			return false;
	}
	return true;
}

/* True when the C types of the arguments (types) are those the pattern's
 * arguments need: umsg_format would read the wrong type otherwise. */
static bool
i18n_types_fit(const char *pattern, const char *types)
{
	char want[11];
	size_t i, nt = strlen(types);

	if (i18n_pattern_args(pattern, want) == -1)
		return false;
	for (i = 0; i < 10; i++) {
		char have = i < nt ? types[i] : '\0';

		if (want[i] != '\0' && want[i] != have)
			return false;
	}
	return true;
}

/* Formats with f; NULL on an ICU error. */
static char *
i18n_format_with(UMessageFormat *f, const char *types, const struct i18n_arg *a)
{
	UChar stack[512], *out = stack;
	int32_t n;
	UErrorCode st = U_ZERO_ERROR;
	char *res = NULL;

	/* Into the stack first: most messages are a line or two, and
	 * formatting once to measure costs as much as the format. */
	n = i18n_umsg(f, stack, 512, types, a, &st);
	if (st == U_BUFFER_OVERFLOW_ERROR) {
		st = U_ZERO_ERROR;
		out = xcalloc((size_t)n + 1, sizeof *out);
		i18n_umsg(f, out, n + 1, types, a, &st);
	}
	if (U_SUCCESS(st))
		res = i18n_u8(out, n);
	if (out != stack)
		free(out);
	return res;
}

/* Formats one catalog pattern; NULL if it does not parse or the types differ. */
static char *
i18n_format(struct i18n *ui, const char *pattern, const char *types, const struct i18n_arg *a)
{
	UMessageFormat *f;

	if (!i18n_types_fit(pattern, types) || (f = i18n_compiled(ui, pattern)) == NULL)
		return NULL;
	return i18n_format_with(f, types, a);
}

char *i18n_fmt_pattern(struct i18n *ui, const char *pattern, const char *types);

/*
 * Exported for the fuzz harness of catalog messages (not part of the
 * i18n.h API): formats pattern as if a catalog held it, which is after
 * the sanitizer, with "x" for each 's' argument and 2 for each 'n' one,
 * without the cache (the pattern does not outlive the call).  NULL when
 * the pattern does not parse or does not take these types.
 */
char *
i18n_fmt_pattern(struct i18n *ui, const char *pattern, const char *types)
{
	struct i18n_arg a[3] = {{0}};
	struct buf safe = {0};
	UMessageFormat *f = NULL;
	char *res = NULL;
	size_t i, n = strlen(types);

	if (n > 3)
		return NULL;
	sanitize_text(&safe, pattern, false);
	if (safe.s == NULL)
		buf_add(&safe, "");
	for (i = 0; i < n; i++) {
		a[i].d = 2;
		if (types[i] == 's')
			a[i].s = i18n_u16("x", NULL);
	}
	if (i18n_types_fit(safe.s, types) && (f = i18n_open_format(ui, safe.s)) != NULL) {
		res = i18n_format_with(f, types, a);
		umsg_close(f);
	}
	for (i = 0; i < n; i++)
		free(a[i].s);
	buf_free(&safe);
	return res;
}

char *
i18n_fmt(struct i18n *ui, const char *key, const char *types, ...)
{
	struct i18n_arg a[3] = {{0}};
	size_t i, n = strlen(types);
	va_list ap;
	char *res = NULL;
	const char *p;
	int pass;

	if (n > 3)
		return xstrdup(key);
	va_start(ap, types);
	for (i = 0; i < n; i++) {
		if (types[i] == 'n') {
			a[i].d = va_arg(ap, double);
		} else {
			const char *s = va_arg(ap, const char *);

			s = s == NULL ? "" : i18n_valid_utf8(s) ? s : "\xef\xbf\xbd";
			a[i].s = i18n_u16(s, NULL);
		}
	}
	va_end(ap);
	/* The catalog's pattern, else the English one; every message is
	 * formatted by ICU MessageFormat. */
	for (pass = 0; pass < 2 && res == NULL; pass++)
		if ((p = i18n_pattern(ui, key, pass == 1)) != NULL)
			res = i18n_format(ui, p, types, a);
	for (i = 0; i < n; i++)
		free(a[i].s);
	return res ? res : xstrdup(key);
}

char *
i18n_str(struct i18n *ui, const char *key)
{
	return i18n_fmt(ui, key, "");
}

UCollator *
i18n_collator(struct i18n *ui)
{
	UErrorCode st = U_ZERO_ERROR;

	if (ui->coll == NULL) {
		ui->coll = ucol_open(ui->locale, &st);
		if (U_FAILURE(st)) {
			st = U_ZERO_ERROR;
			ui->coll = ucol_open("", &st);
		}
	}
	return ui->coll;
}

char *
i18n_sort_key(struct i18n *ui, const char *s)
{
	UCollator *coll = i18n_collator(ui);
	uint8_t small[256], *key;
	int32_t ulen, need;
	UChar *u = i18n_u16(s, &ulen);

	if (u == NULL)
		return xstrdup(s);
	need = ucol_getSortKey(coll, u, ulen, small, (int32_t)sizeof small);
	if (need <= 0) {
		free(u);
		return xstrdup(s);
	}
	key = xmalloc((size_t)need);
	if (need <= (int32_t)sizeof small)
		memcpy(key, small, (size_t)need);
	else
		ucol_getSortKey(coll, u, ulen, key, need);
	free(u);
	return (char *)key;
}

static int
i18n_cp_width(UChar32 c)
{
	int t;

	if (c >= 0x20 && c < 0x7f)
		return 1;
	if (c < 0x20 || (c >= 0x7f && c < 0xa0))
		return 0;
	if (c >= 0x2066 && c <= 0x2069)
		return 0;
	t = u_charType(c);
	if (t == U_NON_SPACING_MARK || t == U_ENCLOSING_MARK || t == U_FORMAT_CHAR)
		return 0;
	if (c >= 0x1160 && c <= 0x11ff) /* Hangul medial vowels and final consonants */
		return 0;
	switch (u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH)) {
	case U_EA_WIDE:
	case U_EA_FULLWIDTH:
		return 2;
	default:
		return 1;
	}
}

int
i18n_width(const char *s)
{
	int32_t i = 0, len = (int32_t)strlen(s);
	int w = 0;
	UChar32 c;

	while (i < len) {
		U8_NEXT(s, i, len, c);
		if (c < 0)
			w++;
		else
			w += i18n_cp_width(c);
	}
	return w;
}

static int
i18n_u16_width(const UChar *s, int32_t from, int32_t to)
{
	int w = 0;
	UChar32 c;

	while (from < to) {
		U16_NEXT(s, from, to, c);
		w += i18n_cp_width(c);
	}
	return w;
}

/* True when s[from..to) is only white space. */
static bool
i18n_blank(const UChar *s, int32_t from, int32_t to)
{
	for (; from < to; from++)
		if (!u_isWhitespace(s[from]))
			return false;
	return true;
}

/* The isolates open (LRI, RLI, FSI ... PDI) after u[from..to), given
 * those open before: open[] holds their openers, *depth how many. */
static void
i18n_isolates(const UChar *u, int32_t from, int32_t to, UChar *open, int *depth)
{
	for (; from < to; from++) {
		if (u[from] >= I18N_LRI && u[from] <= I18N_LRI + 2) {
			if (*depth < I18N_WRAP_DEPTH)
				open[*depth] = u[from];
			++*depth;
		} else if (u[from] == I18N_PDI && *depth > 0) {
			--*depth;
		}
	}
}

/* Ends a line inside isolates: each is closed before the newline and
 * opened again after the next line's indent, so a terminal that lays out
 * every line on its own keeps each piece isolated. */
static void
i18n_wrap_newline(struct buf *out, const char *rest, const UChar *open, int depth)
{
	int i, n = depth < I18N_WRAP_DEPTH ? depth : I18N_WRAP_DEPTH;

	while (out->len > 0 && out->s[out->len - 1] == ' ')
		out->s[--out->len] = '\0';
	for (i = 0; i < n; i++)
		buf_add(out, "\xe2\x81\xa9"); /* PDI */
	buf_addc(out, '\n');
	buf_add(out, rest);
	for (i = 0; i < n; i++) {
		char c[4];
		int32_t k = 0;
		UBool err = false;

		U8_APPEND(c, k, 4, open[i], err);
		if (!err)
			buf_addn(out, c, (size_t)k);
	}
}

char *
i18n_wrap(struct i18n *ui, const char *text, int width, const char *first, const char *rest)
{
	UErrorCode st = U_ZERO_ERROR;
	UBreakIterator *bi;
	UChar *u, open[I18N_WRAP_DEPTH];
	int32_t len, start, pos, next, linestart;
	int prefw = i18n_width(first), restw = i18n_width(rest), col, depth = 0;
	struct buf out = {0};
	size_t u8at = 0, seg8, seglen; /* byte offsets in text */
	int32_t q;

	if ((u = i18n_u16(text, &len)) == NULL)
		return xasprintf("%s%s", first, text);
	if (ui->brk == NULL)
		ui->brk = ubrk_open(UBRK_LINE, ui->locale, NULL, 0, &st);
	bi = ui->brk;
	if (U_SUCCESS(st))
		ubrk_setText(bi, u, len, &st);
	if (U_FAILURE(st)) {
		free(u);
		return xasprintf("%s%s", first, text);
	}
	buf_add(&out, first);
	col = prefw;
	linestart = 0;
	start = 0;
	pos = ubrk_first(bi);
	while (pos != UBRK_DONE && pos < len) {
		bool hard;
		int32_t end, trim;
		int w, tail, ltr;

		/* The next break, but not inside a left-to-right isolate (a
		 * phone number, an address: LRI ... PDI) nor after a hyphen. */
		do {
			int32_t k;

			ltr = 0;
			next = ubrk_next(bi);
			if (next == UBRK_DONE)
				next = len;
			for (k = start; k < next; k++) {
				if (u[k] == I18N_LRI ||
				    (ltr > 0 && u[k] >= I18N_LRI && u[k] <= I18N_LRI + 2))
					ltr++;
				else if (u[k] == I18N_PDI && ltr > 0)
					ltr--;
			}
		} while ((ltr > 0 || (next > 0 && u[next - 1] == '-')) && next < len);
		hard = next < len && ubrk_getRuleStatus(bi) >= UBRK_LINE_HARD;
		end = next;
		/* The segment without its trailing space (and newline). */
		trim = end;
		while (trim > start && (u_isWhitespace(u[trim - 1]) || u[trim - 1] == '\n'))
			trim--;
		w = i18n_u16_width(u, start, trim);
		tail = i18n_u16_width(u, trim, end);
		if (col + w > width && start > linestart && !i18n_blank(u, start, trim)) {
			i18n_wrap_newline(&out, rest, open, depth);
			col = restw;
			linestart = start;
		}
		/* The same segment in text: u is text's exact UTF-16 form. */
		seg8 = u8at;
		for (q = start; q < end; q++)
			if (!U16_IS_LEAD(u[q]))
				u8at += u[q] < 0x80          ? 1
					: u[q] < 0x800       ? 2
					: U16_IS_TRAIL(u[q]) ? 4
							     : 3;
		seglen = u8at - seg8;
		while (seglen > 0 && text[seg8 + seglen - 1] == '\n')
			seglen--;
		buf_addn(&out, text + seg8, seglen);
		i18n_isolates(u, start, end, open, &depth);
		col += w + tail;
		if (hard) {
			i18n_wrap_newline(&out, rest, open, depth);
			col = restw;
			linestart = end;
		}
		start = end;
		pos = end;
	}
	while (out.len > 0 && out.s[out.len - 1] == ' ')
		out.s[--out.len] = '\0';
	ubrk_setText(bi, NULL, 0, &st); /* drop the pointer to u */
	free(u);
	return buf_detach(&out);
}

/* The converter of the terminal's character set (or ASCII), opened once.
 * A stateful one (ISO-2022, UTF-7, HZ...) switches sets with escape
 * sequences of its own, which is no way to talk to a terminal: ASCII. */
static UConverter *
i18n_terminal_conv(struct i18n *ui)
{
	UErrorCode st = U_ZERO_ERROR;

	if (ui->conv == NULL) {
		ui->conv = ucnv_open(nl_langinfo(CODESET), &st);
		if (U_SUCCESS(st)) {
			switch (ucnv_getType(ui->conv)) {
			case UCNV_ISO_2022:
			case UCNV_UTF7:
			case UCNV_HZ:
			case UCNV_IMAP_MAILBOX:
			case UCNV_SCSU:
			case UCNV_BOCU1:
			case UCNV_EBCDIC_STATEFUL:
			case UCNV_UTF16:
			case UCNV_UTF16_BigEndian:
			case UCNV_UTF16_LittleEndian:
			case UCNV_UTF32:
			case UCNV_UTF32_BigEndian:
			case UCNV_UTF32_LittleEndian:
				ucnv_close(ui->conv);
				ui->conv = NULL;
				st = U_INVALID_TABLE_FORMAT;
				break;
			default:
				break;
			}
		}
		if (U_FAILURE(st)) {
			st = U_ZERO_ERROR;
			ui->conv = ucnv_open("US-ASCII", &st);
		}
		if (U_FAILURE(st))
			ui->conv = NULL;
		else
			ucnv_setFromUCallBack(ui->conv, UCNV_FROM_U_CALLBACK_STOP, NULL, NULL, NULL,
					      &st);
	}
	return ui->conv;
}

/*
 * Whether the n bytes b, one character converted to the terminal's set,
 * are safe to write: sanitizing ran on Unicode, before conversion, and a
 * printable character can come out as a control.  In a set of one byte
 * per character, 0x80 to 0x9F are C1 controls to a terminal (0x9B is
 * CSI: CP1251's "›" would clear the screen; KOI8-R's box drawing
 * starts at 0x80): never written.  In a multibyte set (EUC, GB18030,
 * Big5) such bytes inside a character are part of it, but a character
 * of one byte there is a control too.  No C0 control or DEL either
 * (code page 437 puts symbols there).
 */
static bool
i18n_terminal_safe(UConverter *cv, const char *b, int32_t n)
{
	bool single = ucnv_getMaxCharSize(cv) == 1 || n == 1;
	int32_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)b[i];

		if (c < 0x20 || c == 0x7f || (single && c >= 0x80 && c < 0xa0))
			return false;
	}
	return n > 0;
}

char *
i18n_from_terminal(struct i18n *ui, const char *s)
{
	UErrorCode st = U_ZERO_ERROR;
	UConverter *cv;
	UChar *u;
	int32_t n, len = (int32_t)strlen(s);
	char *r;

	if (ui->utf8 || (cv = i18n_terminal_conv(ui)) == NULL)
		return NULL;
	ucnv_resetToUnicode(cv);
	n = ucnv_toUChars(cv, NULL, 0, s, len, &st);
	if (st != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(st))
		return NULL;
	st = U_ZERO_ERROR;
	u = xcalloc((size_t)n + 1, sizeof *u);
	ucnv_resetToUnicode(cv);
	ucnv_toUChars(cv, u, n + 1, s, len, &st);
	r = U_SUCCESS(st) ? i18n_u8(u, n) : NULL;
	free(u);
	return r;
}

char *
i18n_to_terminal(struct i18n *ui, const char *s, size_t len, size_t *outlen)
{
	UErrorCode st = U_ZERO_ERROR;
	struct buf out = {0};
	int32_t i = 0, n = (int32_t)len;
	UChar32 c;

	if (ui->utf8)
		return NULL;
	if (i18n_terminal_conv(ui) == NULL)
		return NULL;
	if (ui->translit == NULL) {
		UChar id[] = u"Any-Latin; Latin-ASCII";

		st = U_ZERO_ERROR;
		ui->translit = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, NULL, &st);
		if (U_FAILURE(st))
			ui->translit = NULL;
	}
	while (i < n) {
		UChar u[64];
		char b[64];
		int32_t ul = 0, bl, lim;

		U8_NEXT(s, i, n, c);
		if (c < 0)
			c = 0xfffd;
		if (c >= 0x2066 && c <= 0x2069)
			continue; /* our own isolates mean nothing here */
		if (c < 0x80) {
			buf_addc(&out, (char)c);
			continue;
		}
		U16_APPEND_UNSAFE(u, ul, c);
		st = U_ZERO_ERROR;
		ucnv_reset(ui->conv);
		bl = ucnv_fromUChars(ui->conv, b, sizeof b, u, ul, &st);
		if (U_SUCCESS(st) && st != U_STRING_NOT_TERMINATED_WARNING &&
		    i18n_terminal_safe(ui->conv, b, bl)) {
			buf_addn(&out, b, (size_t)bl);
			continue;
		}
		if (ui->translit != NULL) {
			st = U_ZERO_ERROR;
			lim = ul;
			utrans_transUChars(ui->translit, u, &ul, 63, 0, &lim, &st);
			if (U_SUCCESS(st)) {
				st = U_ZERO_ERROR;
				ucnv_reset(ui->conv);
				bl = ucnv_fromUChars(ui->conv, b, sizeof b, u, ul, &st);
				if (U_SUCCESS(st) && st != U_STRING_NOT_TERMINATED_WARNING &&
				    i18n_terminal_safe(ui->conv, b, bl)) {
					buf_addn(&out, b, (size_t)bl);
					continue;
				}
			}
		}
		/* A space the set lacks (ICU's times use U+202F) is a space;
		 * a separating dot or bullet (" · " between facts) a hyphen. */
		buf_addc(&out, u_charType(c) == U_SPACE_SEPARATOR ? ' '
			       : c == 0xb7 || c == 0x2022 || c == 0x2027 || c == 0x30fb ||
					       u_hasBinaryProperty(c, UCHAR_DASH)
				       ? '-'
				       : '?');
	}
	*outlen = out.len;
	return buf_detach(&out);
}

char *
i18n_weekday(struct i18n *ui, int wday)
{
	UErrorCode st = U_ZERO_ERROR;
	UDateFormat *f;
	UChar name[64];
	int32_t n;

	if (wday < 0 || wday > 6)
		return xstrdup("?");
	if (ui->weekdays == NULL) {
		ui->weekdays = udat_open(UDAT_NONE, UDAT_SHORT, ui->locale, NULL, 0, NULL, 0, &st);
		if (U_FAILURE(st)) {
			ui->weekdays = NULL;
			return xstrdup("?");
		}
	}
	f = ui->weekdays;
	/* ICU counts weekdays from Sunday = 1. */
	n = udat_getSymbols(f, UDAT_STANDALONE_SHORT_WEEKDAYS, (wday + 1) % 7 + 1, name, 63, &st);
	if (U_FAILURE(st) || n <= 0)
		return xstrdup("?");
	return i18n_u8(name, n);
}
