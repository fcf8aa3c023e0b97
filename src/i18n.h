/*
 * i18n.h - everything that depends on the user's language and on CLDR:
 * choosing the UI language, formatting catalog messages, naming countries
 * and languages, understanding names typed in any language, collation,
 * dates and times in time zones, line breaking and character sets.
 *
 * This is the only module that includes <unicode/...> headers; the rest of
 * signpost sees plain UTF-8 C strings.  Nothing here prints or exits.
 * Every returned char * is newly allocated UTF-8 that the caller frees,
 * unless the contract says otherwise.
 */
#ifndef SIGNPOST_I18N_H
#define SIGNPOST_I18N_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct i18n;

/*
 * Opens a UI context.  ui_tag is the --ui-language value, or NULL to take
 * the standard environment (LC_ALL, LC_MESSAGES, LANG; GNU LANGUAGE as a
 * priority list when the locale is not "C"/"POSIX").  The request is
 * negotiated against the catalogs in locales_dir (ICU resource bundles
 * NAME.res, see i18n_catalog.h): same language and script after adding
 * likely subtags, preferring the same region, then the language's own
 * catalog, then one of its regional ones, so pt_BR falls back to pt (or
 * pt_PT when there is no pt) and sr_Latn never to sr (Cyrillic); if
 * nothing fits, English.  A request without a region served by a regional
 * catalog formats as that region.  An explicit ui_tag that is not a well-formed
 * language tag is an error; a well-formed one with no catalog falls back.
 * On error NULL is returned and *cause is set (the caller frees it).
 */
struct i18n *i18n_open(const char *ui_tag, const char *locales_dir, char **cause);
/* Like i18n_open, but for a known tag and no environment (referral cards
 * in the caller's language). */
struct i18n *i18n_open_tag(const char *tag, const char *locales_dir, char **cause);
void i18n_free(struct i18n *ui);
/*
 * Where names.cache is: dir/names.cache, dir being paths_datadir().  It
 * is generated data the program needs (built from ICU, CLDR and
 * data/aliases.yaml by signpost_mknames at build time), and the only
 * source of typed names in every language, regions and subdivisions,
 * region groupings, language equivalences and date patterns: there is no
 * second way to answer those.  One file serves the whole process (ui is
 * not used and may be NULL); call this before anything that needs names.
 */
void i18n_set_datadir(struct i18n *ui, const char *dir);
/*
 * Whether names.cache can be used: true, or false when it is missing,
 * unreadable, damaged, of another format, or built for another ICU
 * version or other ICU locale data (a distribution's split ICU data).
 * With thorough, every block is verified now (--check), otherwise only
 * the header and what has been read.  If about is not NULL, *about gets
 * one allocated line in ui's language for --version and --check (ui may
 * be NULL only when about is NULL): the file
 * and what it was built from, or why it cannot be used.  While it is
 * false, everything below that needs it fails: codes are not valid, no
 * region contains anything, parsing a name gives I18N_NO_DATA, completion
 * and equivalences give nothing, dates fall back to ISO 8601; the caller
 * should stop with this reason first (exit 3).
 */
bool i18n_names_ready(struct i18n *ui, bool thorough, char **about);
/* Frees ICU's cached data (u_cleanup); call once, last, in debug builds. */
void i18n_cleanup(void);

/* The languages of the catalogs in locales_dir, the ones i18n_open
 * negotiates among, as BCP 47 tags ("cs", "pt-BR"), sorted by file name.
 * Returns the count; free *out with i18n_strv_free. */
size_t i18n_ui_languages(const char *locales_dir, char ***out);

/* The catalog chosen, as a BCP 47 tag ("cs", "pt"); owned by ui. */
const char *i18n_tag(const struct i18n *ui);
/* True when the UI language is written right to left. */
bool i18n_rtl(const struct i18n *ui);
/* The worker's region from the environment locale ("CZ" for cs_CZ.UTF-8),
 * or NULL; owned by ui. */
const char *i18n_home_region(const struct i18n *ui);

/*
 * Formats catalog message key.  types has one letter per argument:
 * 's' a const char * (UTF-8) and 'n' a double, matching the {0}, {1}, ...
 * arguments of the pattern (plural and select arguments take 'n' and 's').
 * Missing keys fall back to English; a key missing there too, or a pattern
 * that fails, yields the key itself so the output shows what is wrong.
 * Never returns NULL.
 */
char *i18n_fmt(struct i18n *ui, const char *key, const char *types, ...);
/* Plain lookup of a message without arguments (same fallbacks). */
char *i18n_str(struct i18n *ui, const char *key);

/* CLDR display names in the UI language, from ICU.  Unknown codes come
 * back as the code itself. */
char *i18n_country_name(struct i18n *ui, const char *code);
char *i18n_language_name(struct i18n *ui, const char *tag);
/* The name of an ISO 3166-2 region ("GB-SCT" -> "Scotland", "Skotsko") in
 * the UI language, else in English, from CLDR's subdivision names in
 * names.cache; the code itself when there is none.  A country code gets
 * i18n_country_name. */
char *i18n_region_name(struct i18n *ui, const char *code);
/* The language named in itself ("čeština" for cs). */
char *i18n_language_autonym(const char *tag);

/* True when code is an ISO 3166-1 alpha-2 territory code ICU knows
 * (upper case expected), as names.cache records it. */
bool i18n_country_valid(const char *code);
/* True when group (e.g. "EU") is a CLDR grouping that contains country,
 * as names.cache records it. */
bool i18n_region_contains(const char *group, const char *country);
/* Canonical BCP 47 form of a language tag ("pt_br" -> "pt-BR", "iw" ->
 * "he", "tl" -> "fil": ICU's language aliases; ICU keeps "no"), or NULL
 * when it is not a well-formed tag of a known language. */
char *i18n_language_canonical(const char *tag);
/* The most likely language of a country ("CZ" -> "cs", "CH" -> "de"),
 * from CLDR likely subtags; NULL if none. */
char *i18n_likely_language(const char *country);
/* The languages in which a tag may be served, most specific first:
 * "de-CH" -> "de-CH", "de".  Returns the count; *out is an array of
 * allocated strings the caller frees with i18n_strv_free. */
size_t i18n_language_fallbacks(const char *tag, char ***out);
void i18n_strv_free(char **v, size_t n);

/*
 * The collation key of s in the UI language: an allocated string whose
 * strcmp order is the order of the UI language's collator (ICU's for its
 * locale), the one way signpost sorts names; each is converted once
 * instead of at every comparison.  Invalid UTF-8 gets a copy of itself as
 * its key.
 */
char *i18n_sort_key(struct i18n *ui, const char *s);

/*
 * Names typed by a person.  A country, region or language is taken only
 * on an exact match, after case and accent folding (default case
 * folding, so Turkish dotted and dotless i work in every locale), of a
 * code (alpha-2, alpha-3, numeric, ISO 3166-2 "GB-SCT"; BCP 47 tags) or a
 * name: CLDR's names in any locale, CLDR's subdivision names, or a name of
 * data/aliases.yaml.  Names in the UI language or English, aliases and
 * codes come first ("England" is GB-ENG, though Walser calls the United
 * Kingdom so); other languages' names count when none of those fits, and
 * then not alone when the input is also the first word of UI-language or
 * English names ("Congo": CG in Spanish, the first word of CG's and CD's
 * names in English: both are candidates).  A prefix, a later word or a
 * near miss is never taken: it gives I18N_UNKNOWN with candidates.
 *   I18N_FOUND:     *out is the code ("CZ", "GB-WLS": the caller splits
 *                   country and region) or canonical tag ("cs").  One
 *                   country with regions of its own of the same name
 *                   ("Mexico", the state and the country) is the country;
 *                   one language with its own regional forms is the
 *                   language.
 *   I18N_AMBIGUOUS: several codes have that exact name ("Georgia": GE and
 *                   US-GA); cands holds them, countries first, then by
 *                   their names in the UI language.
 *   I18N_UNKNOWN:   cands holds up to 5 codes, best first: names that
 *                   start with the input (in the UI language or English
 *                   first), then names with a later word that does, then
 *                   near misses by edit distance (may be empty).
 *   I18N_NO_DATA:   names.cache cannot be used (i18n_names_ready says
 *                   why); cands is empty.
 * The caller frees *out and calls i18n_candidates_free.
 */
enum i18n_match { I18N_FOUND, I18N_AMBIGUOUS, I18N_UNKNOWN, I18N_NO_DATA };
struct i18n_candidates {
	char **codes;
	size_t n;
};
enum i18n_match i18n_country_parse(struct i18n *ui, const char *input, char **out,
				   struct i18n_candidates *cands);
enum i18n_match i18n_language_parse(struct i18n *ui, const char *input, char **out,
				    struct i18n_candidates *cands);
void i18n_candidates_free(struct i18n_candidates *c);
/*
 * Completion for the interactive prompts: the display strings (names of
 * countries and their regions, or of languages, in the UI language, in
 * English and in the country's or language's own language, aliases in
 * those languages, and codes) whose folded form starts with the folded
 * prefix, each once, sorted with the UI collator; names of codes in
 * `first` come before the others.  Returns the count (0 without
 * names.cache); free with i18n_strv_free.
 */
size_t i18n_country_complete(struct i18n *ui, const char *prefix, char ***out);
size_t i18n_language_complete(struct i18n *ui, const char *prefix, const char *const *first,
			      size_t nfirst, char ***out);

/* The abbreviated name of a weekday (0 = Monday) in the UI language. */
char *i18n_weekday(struct i18n *ui, int wday);

/* Dates written YYYY, YYYY-MM or YYYY-MM-DD, formatted for the UI locale;
 * anything else is returned as it is. */
char *i18n_date(struct i18n *ui, const char *iso);

/* Time.  An instant is milliseconds since 1970-01-01T00:00Z, as a double. */
struct i18n_wall {
	int year, month, day; /* month 1..12 */
	int wday;             /* 0 = Monday .. 6 = Sunday */
	int hour, min;
};
double i18n_now(void);
bool i18n_zone_valid(const char *zone);
/* The worker's time zone (TZ, else the system's), owned by ui. */
const char *i18n_worker_zone(const struct i18n *ui);
/* True when TZ named no zone ICU knows (TZ="", a typo) and the worker's
 * zone is UTC instead; *asked is what TZ said. */
bool i18n_zone_fallback(const struct i18n *ui, const char **asked);
/* Wall-clock fields of instant t in zone; returns 0, or -1 if the zone is
 * unknown. */
int i18n_zone_wall(const char *zone, double t, struct i18n_wall *w);
/* The instant of wall time w (wday ignored) in zone: a time skipped by a
 * daylight-saving change maps to the instant after the gap, a repeated one
 * to the earlier.  Returns 0, or -1 if the zone is unknown. */
int i18n_zone_instant(const char *zone, const struct i18n_wall *w, double *t);
/* Formats instant t in the worker's zone for the UI locale: with_day
 * false gives the time ("20:00", "8:00 PM"), true adds the abbreviated
 * weekday ("Mon 12:00", "po 12:00"). */
char *i18n_time(struct i18n *ui, double t, bool with_day);
/*
 * Parses an ISO 8601 date-time ("2026-12-07T13:00", with optional seconds
 * and optional Z or +HH:MM offset; without an offset, in the worker's
 * zone).  Returns I18N_AT_EXACT, or, for a local time a daylight-saving
 * change makes doubtful, I18N_AT_SKIPPED (the clocks jumped over it: *t
 * is the first time after the gap) or I18N_AT_REPEATED (it happened twice: *t
 * is the first), or -1 if malformed.  i18n_at_note says which.
 */
enum { I18N_AT_EXACT, I18N_AT_SKIPPED, I18N_AT_REPEATED };
int i18n_parse_datetime(struct i18n *ui, const char *s, double *t);
/* For what i18n_parse_datetime returned (fit) for s, read as t: what was
 * assumed, for the worker (allocated), or NULL when it was exact. */
char *i18n_at_note(struct i18n *ui, const char *s, double t, int fit);

/*
 * Whether a text from a table shows what it holds (i18n_text.c).
 * I18N_SHOWN_BIDI: a bidi control (embedding, override, isolate, mark).
 * I18N_SHOWN_INVISIBLE: a default-ignorable character (zero-width space,
 *   joiner or non-joiner outside the contexts their scripts need them in,
 *   word joiner, BOM, soft hyphen, tag characters, Hangul fillers,
 *   variation selectors).
 * I18N_SHOWN_FORMAT: another format character (interlinear annotation).
 * I18N_SHOWN_MARKS: combining marks and nothing else to carry them.
 * For the first three *cp is the character, else -1.
 */
enum i18n_shown {
	I18N_SHOWN_OK,
	I18N_SHOWN_BIDI,
	I18N_SHOWN_INVISIBLE,
	I18N_SHOWN_FORMAT,
	I18N_SHOWN_MARKS
};
enum i18n_shown i18n_text_shown(const char *s, int32_t *cp);
/* "U+200B ZERO WIDTH SPACE" (allocated). */
char *i18n_char_name(int32_t cp);

/*
 * Display width of UTF-8 text in terminal columns (combining marks 0,
 * East Asian wide and fullwidth 2, our own isolate marks 0).
 */
int i18n_width(const char *s);
/*
 * Wraps UTF-8 text to width columns with ICU line breaking.  The first
 * line is prefixed by `first`, the others by `rest` (both count toward the
 * width).  Text between U+2066 (LRI) and U+2069 (PDI) is never broken
 * (numbers, addresses); other isolates (FSI, RLI) may be: each is closed
 * at the end of the line and opened again on the next.
 * Returns the wrapped text, lines separated by '\n', no trailing newline.
 */
char *i18n_wrap(struct i18n *ui, const char *text, int width, const char *first, const char *rest);
/*
 * Converts UTF-8 output to the terminal's character set when it is not
 * UTF-8, transliterating what the charset cannot hold (ICU Any-Latin;
 * Latin-ASCII), never emitting raw UTF-8.  Returns NULL when no
 * conversion is needed; else an allocated buffer and its length in *len.
 */
char *i18n_to_terminal(struct i18n *ui, const char *s, size_t len, size_t *outlen);
/* The reverse, for what the user typed (arguments): UTF-8 from the
 * terminal's character set, or NULL when no conversion is needed. */
char *i18n_from_terminal(struct i18n *ui, const char *s);

/*
 * The languages whose services serve a caller who speaks tag, by CLDR (in
 * names.cache): its language aliases both ways (tl and fil), and the
 * languages CLDR's language matching puts within distance 10 of it, both
 * ways unless CLDR says one way (arz and ary are served by ar, ar not by
 * them; nb and no, and da, serve each other; gsw by de), for the tag as
 * given and as i18n_language_canonical writes it (tl: fil; fil: tl).  For
 * a tag with a script or region, its language's too.  Not tag itself.
 * Returns the count; free *out with i18n_strv_free.
 */
size_t i18n_language_served_by(const char *tag, char ***out);

/* Lists, with ICU's list formatter for the UI locale: "a, b and c", "a
 * or b".  (ICU's "unit" lists are for measures: some locales join them
 * with spaces alone.) */
enum i18n_list { I18N_LIST_AND, I18N_LIST_OR };
char *i18n_list(struct i18n *ui, const char *const *items, size_t n, enum i18n_list type);
/* A number in the UI locale's digits ("3", "٣"). */
char *i18n_number(struct i18n *ui, double n);
/* The time of instant t in zone ("20:00", "8:00 PM"; with_day: "Mon
 * 20:00"); zone NULL is the worker's zone. */
char *i18n_time_in(struct i18n *ui, const char *zone, double t, bool with_day);
/* The date of instant t in zone (NULL: the worker's): "12/7/2026". */
char *i18n_day_in(struct i18n *ui, const char *zone, double t);
/* A range of wall-clock times of one day, minutes after midnight (end
 * may be smaller: after midnight), with ICU's date interval formatter. */
char *i18n_minutes_range(struct i18n *ui, int start, int end);
/* A day of the year ("24 Dec"), or with year (not 0) a date. */
char *i18n_month_day(struct i18n *ui, int year, int month, int day);
/* The zone's name for people ("Czechia Time"), generic location format. */
char *i18n_zone_name(struct i18n *ui, const char *zone);
/* True when zone keeps the same wall-clock time as the worker's zone at t. */
bool i18n_same_wall_time(const struct i18n *ui, const char *zone, double t);

/* ICU's version ("72.1"), static storage. */
const char *i18n_icu_version(void);

#endif
