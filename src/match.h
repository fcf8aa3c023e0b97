/*
 * match.h - which services fit a caller, and in what order.  Pure: no
 * I/O, no globals, no ICU; language equivalences and collation keys come
 * in as arguments.
 *
 * Tiers (documented in signpost(1)):
 *   1  services for the caller's country (or region), in one of the
 *      caller's languages
 *   2  services open worldwide, in one of the caller's languages
 *   3  services for the country or worldwide that work through an
 *      interpreter in one of the caller's languages
 *   4  services for the country, in other languages only
 *   5  only when nothing above has a contact the caller can use:
 *      worldwide services in English, marked as such
 * Ended services never fit; a service for some regions of the country
 * fits callers from those regions (ranked first) and callers whose region
 * is not known, never callers from another region.
 */
#ifndef SIGNPOST_MATCH_H
#define SIGNPOST_MATCH_H

#include <stdbool.h>
#include <stddef.h>

#include "table.h"

#define REASON_COUNTRY          0x001u /* serves the country */
#define REASON_WORLD            0x002u /* open from anywhere */
#define REASON_LANGUAGE         0x004u /* offered in a caller language */
#define REASON_OTHER_LANGUAGES  0x008u /* not in any caller language */
#define REASON_ENGLISH_FALLBACK 0x010u /* nothing else usable: English */
#define REASON_AUDIENCE         0x020u /* for the audience asked for */
#define REASON_REGION           0x040u /* serves the caller's region */
#define REASON_INTERPRETER      0x080u /* through an interpreter */
#define REASON_REGIONAL         0x100u /* only for some regions; the caller's is not known */

/* One language of the caller, with the service languages that serve it:
 * the tag itself and its CLDR equivalents (arz is served by ar). */
struct match_lang {
	const char *tag;
	const char *const *serves; /* tags a service may list for it; may be NULL */
	size_t nserves;
};

struct match_query {
	const char *country;            /* alpha-2, upper case */
	const char *region;             /* ISO 3166-2, or NULL */
	const struct match_lang *langs; /* in order of preference */
	size_t nlangs;
	unsigned audience; /* AUDIENCE_* bits; 0 means self and close */
};

/* True when a service language serves a request language: the same
 * primary language, and the same script when both name one. */
bool match_language(const char *service_lang, const char *want);
/* The index of the first caller language that one of langs serves, or -1. */
int match_speaks(const struct strv *langs, const struct match_lang *want, size_t nwant);
/* The index of the first caller language an interpreter of c covers
 * (0 for "all"), or -1. */
int match_interpreted(const struct contact *c, const struct match_lang *want, size_t nwant);

/*
 * The tier of s for q (1 to 4; tier 5 is the caller's decision, see
 * match_fallback), with its REASON_* bits and the caller language it
 * serves (-1 if none); 0 when it does not fit.
 */
int match_tier(const struct service *s, const struct match_query *q, unsigned *reasons, int *lang);
/* Whether s is a tier-5 candidate (worldwide, in English, for the
 * audience, not ended). */
bool match_fallback(const struct service *s, const struct match_query *q);

/*
 * The order of results, best first.  Each result is described by the
 * keys below; match_order sorts v by them (stable, so equal keys keep
 * their order).
 */
struct match_key {
	int unusable; /* 1: no contact the caller can use (or a closed study): after all others */
	int last;     /* 1: "do not refer": after the others that can be used */
	int tier;
	int region; /* 0 serves the caller's region, 1 the whole country, 2 some regions */
	int reach;  /* enum reach: human, human with unknown hours, self-help, none */
	int lang;   /* the caller language it serves, earlier is better */
	int study;  /* 1: a research study */
	const char *name_key; /* collation key of the name (strcmp order) */
	const char *id;
	size_t item; /* the caller's index of the result */
};
void match_order(struct match_key *v, size_t n);

#endif
