/*
 * names_build.h - the build-only library (signpost_build): what writes
 * names.cache and any other file.  Only the build tools (signpost_mknames,
 * signpost-mkindex) and the tests link it; the signpost program never
 * does, so it contains no code that writes a file (tests/hardening).
 */
#ifndef SIGNPOST_NAMES_BUILD_H
#define SIGNPOST_NAMES_BUILD_H

#include <stdbool.h>
#include <stddef.h>

#include "xmalloc.h"

/* The sources of names.cache besides ICU itself. */
struct names_build_input {
	const char *subdivisions;     /* cldr_names.py --subdivisions TSV */
	const char *language_aliases; /* cldr_names.py --language-aliases TSV */
	const char *language_matches; /* cldr_names.py --language-matches TSV */
	const char *aliases;          /* data/aliases.yaml */
	const char *cldr_version;     /* of that CLDR XML ("41"), for the about text */
};

/*
 * The CLDR language matches that make i18n_language_served_by: between
 * two bare languages (no script or region: those rows say which script a
 * reader falls back to), at most this distance.  CLDR gives 1 (nb/no), 4
 * (hr/bs, gsw and lb to de), 8 (da to nb and no) and 10 (the languages a
 * macrolanguage encompasses: arz and ary to ar, yue to zh), then 20 and 30
 * for languages whose speakers often know another one too (ca to es, cy to
 * en, cs/sk): a person served in those is served in a language of their
 * second choice, which the caller gives with -l, not CLDR.
 */
#define NAMES_BUILD_MAX_DISTANCE 10

/*
 * Builds names.cache (format in i18n_cache.h) from the ICU it runs with
 * and in: the same inputs give the same bytes, whatever the process's
 * locale or ICU's default.  Subdivision names are the top-level ones of
 * each country, CLDR's approved and contributed names (the draft levels
 * ICU's own locale data is built with); provisional and unconfirmed ones
 * are left out.  Returns 0 with the file in *out, or -1 with *cause.
 */
int names_build(const struct names_build_input *in, struct buf *out, char **cause);

/* Writes len bytes to path through path.tmp renamed into place, so a
 * reader never sees half a file.  0, or -1 with *cause and nothing left
 * behind. */
int build_write_file(const char *path, const void *p, size_t len, char **cause);

/* ICU's own answers, which names.cache records; for the tests that
 * compare the two.  names_build_pattern is allocated UTF-8, NULL when
 * ICU's pattern generator fails. */
bool names_build_country_valid(const char *code);
bool names_build_region_contains(const char *group, const char *country);
char *names_build_pattern(const char *locale, const char *skeleton);

#endif
