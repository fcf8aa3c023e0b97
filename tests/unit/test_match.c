/*
 * test_match.c - ranking on a hand-built table: the four tiers, ended
 * services never listed, studies after active services, "do not refer"
 * last, the audience filter and language matching (de-CH serves de,
 * sr-Latn never serves sr-Cyrl).
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "match.h"

struct spec {
	const char *id;
	const char *countries; /* space separated */
	const char *languages;
	enum service_status status;
	unsigned audience;
	const char *dnr;
};

static void
split(struct strv *sv, const char *s)
{
	char *copy = strdup(s), *save = NULL, *w;

	sv->v = calloc(8, sizeof *sv->v);
	sv->n = 0;
	for (w = strtok_r(copy, " ", &save); w && sv->n < 8; w = strtok_r(NULL, " ", &save))
		sv->v[sv->n++] = strdup(w);
	free(copy);
}

static struct table *
build(const struct spec *sp, size_t n)
{
	struct table *t = calloc(1, sizeof *t);
	size_t i;

	t->services = calloc(n, sizeof *t->services);
	t->nservices = n;
	for (i = 0; i < n; i++) {
		struct service *s = &t->services[i];

		s->id = (char *)sp[i].id;
		s->name = (char *)sp[i].id; /* names sort like ids */
		split(&s->countries, sp[i].countries);
		split(&s->languages, sp[i].languages);
		s->status = sp[i].status;
		s->audience = sp[i].audience;
		s->do_not_refer = (char *)sp[i].dnr;
	}
	return t;
}

static void
destroy(struct table *t)
{
	for (size_t i = 0; i < t->nservices; i++) {
		struct strv *v[] = {&t->services[i].countries, &t->services[i].languages};

		for (size_t k = 0; k < 2; k++) {
			for (size_t j = 0; j < v[k]->n; j++)
				free(v[k]->v[j]);
			free(v[k]->v);
		}
	}
	free(t->services);
	free(t);
}

static int
cmp(const char *a, const char *b, void *ctx)
{
	(void)ctx;
	return strcmp(a, b);
}

#define S AUDIENCE_SELF
#define C AUDIENCE_CLOSE
#define P AUDIENCE_PROFESSIONAL
static const struct spec table1[] = {
	{"cz-cs", "CZ", "cs", STATUS_ACTIVE, S, NULL},
	{"cz-cs-study", "CZ", "cs", STATUS_STUDY, S, NULL},
	{"cz-cs-dnr", "CZ", "cs", STATUS_ACTIVE, S, "complaints"},
	{"cz-cs-ended", "CZ", "cs", STATUS_ENDED, S, NULL},
	{"a-cz-cs-study", "CZ", "cs", STATUS_STUDY, S, NULL},
	{"world-cs", "world", "cs en", STATUS_ACTIVE, S, NULL},
	{"world-en", "world", "en", STATUS_ACTIVE, S, NULL},
	{"cz-en", "CZ SK", "en de", STATUS_ACTIVE, S | C, NULL},
	{"cz-pro", "CZ", "cs", STATUS_ACTIVE, P, NULL},
	{"de-de", "DE CH", "de", STATUS_ACTIVE, S, NULL},
	{"rs-latn", "RS", "sr-Latn", STATUS_ACTIVE, S, NULL},
	{"rs-cyrl", "RS", "sr-Cyrl", STATUS_ACTIVE, S, NULL},
	{"world-en-ended", "world", "en", STATUS_ENDED, S, NULL},
};

struct want {
	const char *id;
	int tier;
	unsigned reasons;
};

static const struct {
	const char *country, *language;
	unsigned audience;
	struct want w[10];
} cases[] = {
	/* Tier 1 in order: active, do-not-refer last among active... */
	{"CZ", "cs", 0,
	 {{"cz-cs", 1, REASON_COUNTRY | REASON_LANGUAGE | REASON_AUDIENCE},
	  {"cz-cs-dnr", 1, REASON_COUNTRY | REASON_LANGUAGE | REASON_AUDIENCE},
	  {"a-cz-cs-study", 1, REASON_COUNTRY | REASON_LANGUAGE | REASON_AUDIENCE},
	  {"cz-cs-study", 1, REASON_COUNTRY | REASON_LANGUAGE | REASON_AUDIENCE},
	  {"world-cs", 2, REASON_WORLD | REASON_LANGUAGE | REASON_AUDIENCE},
	  {"cz-en", 3, REASON_COUNTRY | REASON_OTHER_LANGUAGES | REASON_AUDIENCE},
	  {NULL, 0, 0}}},
	/* Professionals only see what is for them. */
	{"CZ", "cs", P, {{"cz-pro", 1, REASON_COUNTRY | REASON_LANGUAGE | REASON_AUDIENCE}}},
	/* Close ones: only services for them; others are not there. */
	{"SK", "sk", C, {{"cz-en", 3, REASON_COUNTRY | REASON_OTHER_LANGUAGES | REASON_AUDIENCE}}},
	/* de-CH is served by de. */
	{"CH", "de-CH", 0,
	 {{"de-de", 1, REASON_COUNTRY | REASON_LANGUAGE | REASON_AUDIENCE}}},
	/* sr-Latn never gets the Cyrillic service in tier 1. */
	{"RS", "sr-Latn", 0,
	 {{"rs-latn", 1, REASON_COUNTRY | REASON_LANGUAGE | REASON_AUDIENCE},
	  {"rs-cyrl", 3, REASON_COUNTRY | REASON_OTHER_LANGUAGES | REASON_AUDIENCE}}},
	{"RS", "sr-Cyrl", 0,
	 {{"rs-cyrl", 1, REASON_COUNTRY | REASON_LANGUAGE | REASON_AUDIENCE},
	  {"rs-latn", 3, REASON_COUNTRY | REASON_OTHER_LANGUAGES | REASON_AUDIENCE}}},
	/* Plain "sr" names no script: both serve it. */
	{"RS", "sr", 0,
	 {{"rs-cyrl", 1, REASON_COUNTRY | REASON_LANGUAGE | REASON_AUDIENCE},
	  {"rs-latn", 1, REASON_COUNTRY | REASON_LANGUAGE | REASON_AUDIENCE}}},
	/* Nothing for the country or the language: English worldwide, tier 4,
	 * never the ended one. */
	{"FI", "fi", 0,
	 {{"world-cs", 4, REASON_WORLD | REASON_ENGLISH_FALLBACK | REASON_AUDIENCE},
	  {"world-en", 4, REASON_WORLD | REASON_ENGLISH_FALLBACK | REASON_AUDIENCE}}},
	/* Worldwide in the language is tier 2 even with nothing local. */
	{"FI", "en", 0,
	 {{"world-cs", 2, REASON_WORLD | REASON_LANGUAGE | REASON_AUDIENCE},
	  {"world-en", 2, REASON_WORLD | REASON_LANGUAGE | REASON_AUDIENCE}}},
	/* No tier 4 for an audience nobody serves worldwide. */
	{"FI", "fi", P, {{NULL, 0, 0}}},
};

static void
test_rank(void)
{
	struct table *t = build(table1, sizeof table1 / sizeof table1[0]);
	struct match_result out[sizeof table1 / sizeof table1[0]];
	size_t i, j, n, nw;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct match_query q = {cases[i].country, cases[i].language, cases[i].audience};

		n = match_rank(t, &q, cmp, NULL, out);
		for (nw = 0; nw < 10 && cases[i].w[nw].id; nw++)
			;
		if (n != nw)
			fprintf(stderr, "case %zu (%s, %s): %zu results, want %zu\n", i,
				cases[i].country, cases[i].language, n, nw);
		CHECK(n == nw);
		for (j = 0; j < n && j < nw; j++) {
			CHECK_STR(out[j].svc->id, cases[i].w[j].id);
			CHECK(out[j].tier == cases[i].w[j].tier);
			CHECK(out[j].reasons == cases[i].w[j].reasons);
		}
		for (j = 0; j < n; j++)
			CHECK(out[j].svc->status != STATUS_ENDED);
	}
	destroy(t);
}

static void
test_language(void)
{
	CHECK(match_language("de", "de-CH"));
	CHECK(match_language("de-CH", "de"));
	CHECK(match_language("sr-Latn", "sr"));
	CHECK(match_language("sr-Latn", "sr-Latn-RS"));
	CHECK(!match_language("sr-Latn", "sr-Cyrl"));
	CHECK(!match_language("sr-Cyrl", "sr-Latn"));
	CHECK(!match_language("de", "da"));
	CHECK(!match_language("en", "eng"));
}

int
main(void)
{
	test_rank();
	test_language();
	return check_done();
}
