/*
 * test_match.c - fitting and ordering on a hand-built table: the tiers
 * with several caller languages, ended services never fitting, regions,
 * equivalent languages, the order of results, and language matching
 * (de-CH serves de, sr-Latn never serves sr-Cyrl).
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

#define S AUDIENCE_SELF
#define C AUDIENCE_CLOSE
#define P AUDIENCE_PROFESSIONAL
static const struct spec table1[] = {
	{"cz-cs", "CZ", "cs", STATUS_ACTIVE, S, NULL},
	{"cz-cs-ended", "CZ", "cs", STATUS_ENDED, S, NULL},
	{"world-cs", "world", "cs en", STATUS_ACTIVE, S, NULL},
	{"world-en", "world", "en", STATUS_ACTIVE, S, NULL},
	{"cz-en", "CZ SK", "en de", STATUS_ACTIVE, S | C, NULL},
	{"cz-pro", "CZ", "cs", STATUS_ACTIVE, P, NULL},
	{"de-de", "DE CH", "de", STATUS_ACTIVE, S, NULL},
	{"rs-latn", "RS", "sr-Latn", STATUS_ACTIVE, S, NULL},
	{"rs-cyrl", "RS", "sr-Cyrl", STATUS_ACTIVE, S, NULL},
	{"eg-ar", "EG", "ar", STATUS_ACTIVE, S, NULL},
};

/* The tier of every service for one caller: ids in table order, 0 for
 * a service that does not fit. */
static const struct {
	const char *country;
	const char *langs; /* space separated, in order of preference */
	unsigned audience;
	int tier[10];
	int lang[10];
} cases[] = {
	{"CZ", "cs", 0, {1, 0, 2, 0, 4, 0, 0, 0, 0, 0}, {0, -1, 0, -1, -1, -1, -1, -1, -1, -1}},
	/* Several languages: the first one each service speaks counts. */
	{"CZ", "de cs", 0, {1, 0, 2, 0, 1, 0, 0, 0, 0, 0}, {1, -1, 1, -1, 0, -1, -1, -1, -1, -1}},
	{"CZ", "cs", P, {0, 0, 0, 0, 0, 1, 0, 0, 0, 0}, {-1, -1, -1, -1, -1, 0, -1, -1, -1, -1}},
	{"SK", "sk", C, {0, 0, 0, 0, 4, 0, 0, 0, 0, 0}, {-1, -1, -1, -1, -1, -1, -1, -1, -1, -1}},
	/* de-CH is served by de. */
	{"CH", "de-CH", 0, {0, 0, 0, 0, 0, 0, 1, 0, 0, 0}, {-1, -1, -1, -1, -1, -1, 0, -1, -1, -1}},
	/* sr-Latn is never served by the Cyrillic service; plain sr by both. */
	{"RS", "sr-Latn", 0, {0, 0, 0, 0, 0, 0, 0, 1, 4, 0}, {-1, -1, -1, -1, -1, -1, -1, 0, -1, -1}},
	{"RS", "sr", 0, {0, 0, 0, 0, 0, 0, 0, 1, 1, 0}, {-1, -1, -1, -1, -1, -1, -1, 0, 0, -1}},
	/* Worldwide services fit only in a caller language (tier 5 is the
	 * lookup's, see match_fallback). */
	{"FI", "fi", 0, {0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, {-1, -1, -1, -1, -1, -1, -1, -1, -1, -1}},
	{"FI", "en", 0, {0, 0, 2, 2, 0, 0, 0, 0, 0, 0}, {-1, -1, 0, 0, -1, -1, -1, -1, -1, -1}},
};

static void
langs_of(const char *s, struct match_lang *v, size_t *n, char **keep)
{
	char *copy = strdup(s), *save = NULL, *w;

	*n = 0;
	for (w = strtok_r(copy, " ", &save); w && *n < 4; w = strtok_r(NULL, " ", &save)) {
		keep[*n] = strdup(w);
		v[*n] = (struct match_lang){keep[*n], NULL, 0};
		(*n)++;
	}
	free(copy);
}

static void
test_tier(void)
{
	struct table *t = build(table1, sizeof table1 / sizeof table1[0]);
	size_t i, j, k;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct match_lang v[4];
		char *keep[4];
		size_t n;
		struct match_query q;

		langs_of(cases[i].langs, v, &n, keep);
		q = (struct match_query){cases[i].country, NULL, v, n, cases[i].audience};
		for (j = 0; j < t->nservices; j++) {
			unsigned reasons;
			int lang, tier = match_tier(&t->services[j], &q, &reasons, &lang);

			if (tier != cases[i].tier[j] || lang != cases[i].lang[j])
				fprintf(stderr, "case %zu (%s, %s) %s: tier %d lang %d, want %d %d\n", i,
					cases[i].country, cases[i].langs, t->services[j].id, tier, lang,
					cases[i].tier[j], cases[i].lang[j]);
			CHECK(tier == cases[i].tier[j]);
			CHECK(lang == cases[i].lang[j]);
			CHECK(tier == 0 || (reasons & REASON_AUDIENCE));
			CHECK(tier != 4 || (reasons & REASON_OTHER_LANGUAGES));
		}
		for (k = 0; k < n; k++)
			free(keep[k]);
	}
	/* Tier 5 candidates: worldwide, English, not ended, for the audience. */
	{
		struct match_lang v = {"fi", NULL, 0};
		struct match_query q = {"FI", NULL, &v, 1, 0};

		CHECK(!match_fallback(&t->services[0], &q));
		CHECK(match_fallback(&t->services[2], &q));
		CHECK(match_fallback(&t->services[3], &q));
		q.audience = P;
		CHECK(!match_fallback(&t->services[3], &q));
	}
	destroy(t);
}

/* Equivalent languages are given by the caller: arz is served by ar. */
static void
test_equivalents(void)
{
	static const char *const served[] = {"ar"};
	struct table *t = build(table1, sizeof table1 / sizeof table1[0]);
	struct match_lang v = {"arz", served, 1};
	struct match_query q = {"EG", NULL, &v, 1, 0};
	unsigned reasons;
	int lang;

	CHECK(match_tier(&t->services[9], &q, &reasons, &lang) == 1 && lang == 0);
	v.nserves = 0;
	CHECK(match_tier(&t->services[9], &q, &reasons, &lang) == 4);
	destroy(t);
}

/* Regions: a service for some regions fits callers from there (ranked
 * first) and callers whose region is not known, never another region. */
static void
test_regions(void)
{
	static const struct spec sp[] = {{"gb-sct", "GB", "en", STATUS_ACTIVE, S, NULL}};
	struct table *t = build(sp, 1);
	struct match_lang v = {"en", NULL, 0};
	struct match_query q = {"GB", "GB-SCT", &v, 1, 0};
	unsigned reasons;
	int lang;

	t->services[0].regions.v = calloc(1, sizeof(char *));
	t->services[0].regions.v[0] = strdup("GB-SCT");
	t->services[0].regions.n = 1;
	CHECK(match_tier(&t->services[0], &q, &reasons, &lang) == 1 && (reasons & REASON_REGION));
	q.region = "GB-WLS";
	CHECK(match_tier(&t->services[0], &q, &reasons, &lang) == 0);
	q.region = NULL;
	CHECK(match_tier(&t->services[0], &q, &reasons, &lang) == 1 && (reasons & REASON_REGIONAL));
	free(t->services[0].regions.v[0]);
	free(t->services[0].regions.v);
	destroy(t);
}

/* The order: usable before not, then tier, region, reach, language,
 * study, name. */
static void
test_order(void)
{
	struct match_key v[] = {
		{.unusable = 1, .tier = 1, .name_key = "a", .id = "none", .item = 0},
		{.tier = 2, .reach = 0, .name_key = "b", .id = "w", .item = 1},
		{.tier = 1, .reach = 2, .name_key = "c", .id = "self", .item = 2},
		{.tier = 1, .reach = 0, .name_key = "d", .id = "human", .item = 3},
		{.tier = 1, .reach = 0, .lang = 1, .name_key = "a", .id = "second-lang", .item = 4},
		{.tier = 1, .reach = 0, .study = 1, .name_key = "a", .id = "study", .item = 5},
		{.last = 1, .tier = 1, .name_key = "a", .id = "dnr", .item = 6},
	};
	static const char *const want[] = {"human", "study", "second-lang", "self", "w", "dnr", "none"};
	size_t i;

	match_order(v, sizeof v / sizeof v[0]);
	for (i = 0; i < sizeof v / sizeof v[0]; i++)
		CHECK_STR(v[i].id, want[i]);
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
	test_tier();
	test_equivalents();
	test_regions();
	test_order();
	test_language();
	return check_done();
}
