/*
 * match.c - pure ranking of services for a caller's country, region,
 * languages and audience.  No I/O, no globals: everything comes in
 * through arguments.
 */
#include "match.h"

#include <stdlib.h>
#include <string.h>

/* Length of the primary language subtag. */
static size_t
match_primary(const char *tag)
{
	return strcspn(tag, "-_");
}

/* The script subtag (4 letters after the language), or NULL. */
static const char *
match_script(const char *tag)
{
	const char *p = tag + match_primary(tag);

	if (*p == '\0' || strcspn(p + 1, "-_") != 4)
		return NULL;
	return p + 1;
}

bool
match_language(const char *service_lang, const char *want)
{
	size_t a = match_primary(service_lang), b = match_primary(want);
	const char *sa, *sb;

	if (a != b || strncmp(service_lang, want, a) != 0)
		return false;
	sa = match_script(service_lang);
	sb = match_script(want);
	return sa == NULL || sb == NULL || strncmp(sa, sb, 4) == 0;
}

/* True when the service language lang serves the caller language w. */
static bool
match_serves(const char *lang, const struct match_lang *w)
{
	size_t i;

	if (match_language(lang, w->tag))
		return true;
	for (i = 0; i < w->nserves; i++)
		if (match_language(lang, w->serves[i]))
			return true;
	return false;
}

int
match_speaks(const struct strv *langs, const struct match_lang *want, size_t nwant)
{
	size_t i, k;

	for (k = 0; k < nwant; k++)
		for (i = 0; i < langs->n; i++)
			if (match_serves(langs->v[i], &want[k]))
				return (int)k;
	return -1;
}

int
match_interpreted(const struct contact *c, const struct match_lang *want, size_t nwant)
{
	if (nwant == 0)
		return -1;
	if (c->interpreters_all)
		return 0;
	return match_speaks(&c->interpreters, want, nwant);
}

/* Serves country (explicitly or as "world")?  *world tells which. */
static bool
match_country(const struct service *s, const char *country, bool *world)
{
	size_t i;
	bool w = false;

	for (i = 0; i < s->countries.n; i++) {
		if (strcmp(s->countries.v[i], "world") == 0)
			w = true;
		else if (country != NULL && strcmp(s->countries.v[i], country) == 0) {
			*world = false;
			return true;
		}
	}
	*world = w;
	return w;
}

/* The language a service speaks to the caller through its contacts'
 * interpreters, or -1. */
static int
match_via_interpreter(const struct service *s, const struct match_query *q)
{
	size_t i;
	int best = -1, l;

	for (i = 0; i < s->ncontacts; i++)
		if ((l = match_interpreted(&s->contacts[i], q->langs, q->nlangs)) >= 0 &&
		    (best < 0 || l < best))
			best = l;
	return best;
}

int
match_tier(const struct service *s, const struct match_query *q, unsigned *reasons, int *lang)
{
	unsigned aud = q->audience ? q->audience : (AUDIENCE_SELF | AUDIENCE_CLOSE);
	bool world;
	size_t i;
	int speaks, via;

	*reasons = 0;
	*lang = -1;
	if (s->status == STATUS_ENDED || (s->audience & aud) == 0)
		return 0;
	if (!match_country(s, q->country, &world))
		return 0;
	*reasons = (world ? REASON_WORLD : REASON_COUNTRY) | REASON_AUDIENCE;
	if (!world && s->regions.n > 0) {
		bool here = false;

		for (i = 0; q->region != NULL && i < s->regions.n; i++)
			here |= strcmp(s->regions.v[i], q->region) == 0;
		if (q->region != NULL && !here)
			return 0; /* for another region of the country */
		*reasons |= here ? REASON_REGION : REASON_REGIONAL;
	}
	speaks = match_speaks(&s->languages, q->langs, q->nlangs);
	if (speaks >= 0) {
		*lang = speaks;
		*reasons |= REASON_LANGUAGE;
		return world ? 2 : 1;
	}
	if ((via = match_via_interpreter(s, q)) >= 0) {
		*lang = via;
		*reasons |= REASON_INTERPRETER;
		return 3;
	}
	if (world)
		return 0;
	*reasons |= REASON_OTHER_LANGUAGES;
	return 4;
}

bool
match_fallback(const struct service *s, const struct match_query *q)
{
	unsigned aud = q->audience ? q->audience : (AUDIENCE_SELF | AUDIENCE_CLOSE);
	bool world;
	size_t i;

	if (s->status == STATUS_ENDED || (s->audience & aud) == 0 ||
	    !match_country(s, NULL, &world) || !world)
		return false;
	for (i = 0; i < s->languages.n; i++)
		if (match_language(s->languages.v[i], "en"))
			return true;
	return false;
}

static int
match_before(const struct match_key *a, const struct match_key *b)
{
	int c;

	if (a->unusable != b->unusable)
		return a->unusable - b->unusable;
	if (a->last != b->last)
		return a->last - b->last;
	if (a->tier != b->tier)
		return a->tier - b->tier;
	if (a->region != b->region)
		return a->region - b->region;
	if (a->reach != b->reach)
		return a->reach - b->reach;
	if (a->lang != b->lang)
		return a->lang - b->lang;
	if (a->study != b->study)
		return a->study - b->study;
	if ((c = strcmp(a->name_key, b->name_key)) != 0)
		return c;
	return strcmp(a->id, b->id);
}

/* A merge sort: stable, and qsort has no context anyway. */
static void
match_sort(struct match_key *v, struct match_key *tmp, size_t n)
{
	size_t mid = n / 2, i = 0, j = mid, k = 0;

	if (n < 2)
		return;
	match_sort(v, tmp, mid);
	match_sort(v + mid, tmp, n - mid);
	while (i < mid && j < n)
		tmp[k++] = match_before(&v[j], &v[i]) < 0 ? v[j++] : v[i++];
	while (i < mid)
		tmp[k++] = v[i++];
	while (j < n)
		tmp[k++] = v[j++];
	memcpy(v, tmp, n * sizeof *v);
}

void
match_order(struct match_key *v, size_t n)
{
	struct match_key *tmp;

	if (n < 2)
		return;
	tmp = calloc(n, sizeof *tmp);
	if (tmp == NULL)
		abort();
	match_sort(v, tmp, n);
	free(tmp);
}
