/*
 * match.h - which services fit a caller, and in what order.  Pure: no I/O,
 * no globals, no ICU; names are compared through a callback so the caller
 * can supply the UI language's collator.
 *
 * Tiers (documented in signpost(1)):
 *   1  services for the country, in the language
 *   2  services open worldwide, in the language
 *   3  services for the country, in other languages only
 *   4  only when nothing above matched: worldwide services in English
 * Ended services are never listed.  Within a tier: active before study,
 * services marked "do not refer" last, then by name (collated), then id.
 */
#ifndef SIGNPOST_MATCH_H
#define SIGNPOST_MATCH_H

#include <stddef.h>

#include "table.h"

#define REASON_COUNTRY 0x01u        /* serves the country */
#define REASON_WORLD 0x02u          /* open from anywhere */
#define REASON_LANGUAGE 0x04u       /* offered in the language */
#define REASON_OTHER_LANGUAGES 0x08u /* not in the language */
#define REASON_ENGLISH_FALLBACK 0x10u /* nothing else matched: English */
#define REASON_AUDIENCE 0x20u       /* for the audience asked for */

struct match_query {
	const char *country;  /* alpha-2, upper case */
	const char *language; /* canonical BCP 47 */
	unsigned audience;    /* AUDIENCE_* bits; 0 means self and close */
};

struct match_result {
	const struct service *svc;
	int tier;
	unsigned reasons;
};

typedef int (*match_cmp_fn)(const char *a, const char *b, void *ctx);

/* True when a service language serves a request language: the same
 * primary language, and the same script when both name one. */
int match_language(const char *service_lang, const char *want);
/* True when the service serves country (explicitly, or "world"). */
int match_country(const struct service *s, const char *country, int *world);

/*
 * Ranks the services of t for q into out (room for t->nservices) and
 * returns the count.  cmp orders names (strcmp-like); ctx is passed to it.
 */
size_t match_rank(const struct table *t, const struct match_query *q, match_cmp_fn cmp, void *ctx,
		  struct match_result *out);

/* The contact of s to show first for a language: one marked with that
 * language, else one with no language of its own; NULL if none. */
const struct contact *match_contact(const struct service *s, enum contact_type type,
				    const char *language);

#endif
