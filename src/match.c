/*
 * match.c - pure ranking of services for a (country, language, audience)
 * query.  No I/O, no globals: everything comes in through arguments.
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

int
match_language(const char *service_lang, const char *want)
{
	size_t a = match_primary(service_lang), b = match_primary(want);
	const char *sa, *sb;

	if (a != b || strncmp(service_lang, want, a) != 0)
		return 0;
	sa = match_script(service_lang);
	sb = match_script(want);
	return sa == NULL || sb == NULL || strncmp(sa, sb, 4) == 0;
}

int
match_country(const struct service *s, const char *country, int *world)
{
	size_t i;
	int w = 0;

	for (i = 0; i < s->countries.n; i++) {
		if (strcmp(s->countries.v[i], "world") == 0)
			w = 1;
		else if (country != NULL && strcmp(s->countries.v[i], country) == 0) {
			*world = 0;
			return 1;
		}
	}
	*world = w;
	return w;
}

static int
match_speaks(const struct service *s, const char *lang)
{
	size_t i;

	for (i = 0; lang != NULL && i < s->languages.n; i++)
		if (match_language(s->languages.v[i], lang))
			return 1;
	return 0;
}

struct match_sort {
	match_cmp_fn cmp;
	void *ctx;
};

/* qsort has no context argument; a small merge sort does. */
static int
match_before(const struct match_result *a, const struct match_result *b,
	     const struct match_sort *ms)
{
	int c;

	if (a->tier != b->tier)
		return a->tier < b->tier ? -1 : 1;
	if ((a->svc->status == STATUS_STUDY) != (b->svc->status == STATUS_STUDY))
		return a->svc->status == STATUS_STUDY ? 1 : -1;
	if ((a->svc->do_not_refer != NULL) != (b->svc->do_not_refer != NULL))
		return a->svc->do_not_refer ? 1 : -1;
	if ((c = ms->cmp(a->svc->name, b->svc->name, ms->ctx)) != 0)
		return c;
	return strcmp(a->svc->id, b->svc->id);
}

static void
match_sort(struct match_result *v, struct match_result *tmp, size_t n, const struct match_sort *ms)
{
	size_t mid = n / 2, i = 0, j = mid, k = 0;

	if (n < 2)
		return;
	match_sort(v, tmp, mid, ms);
	match_sort(v + mid, tmp, n - mid, ms);
	while (i < mid && j < n)
		tmp[k++] = match_before(&v[j], &v[i], ms) < 0 ? v[j++] : v[i++];
	while (i < mid)
		tmp[k++] = v[i++];
	while (j < n)
		tmp[k++] = v[j++];
	memcpy(v, tmp, n * sizeof *v);
}

size_t
match_rank(const struct table *t, const struct match_query *q, match_cmp_fn cmp, void *ctx,
	   struct match_result *out)
{
	unsigned aud = q->audience ? q->audience : (AUDIENCE_SELF | AUDIENCE_CLOSE);
	struct match_sort ms = {cmp, ctx};
	struct match_result *tmp;
	size_t i, n = 0;

	for (i = 0; i < t->nservices; i++) {
		const struct service *s = &t->services[i];
		int world, speaks;
		struct match_result r = {s, 0, 0};

		if (s->status == STATUS_ENDED || (s->audience & aud) == 0)
			continue;
		if (!match_country(s, q->country, &world))
			continue;
		speaks = match_speaks(s, q->language);
		r.reasons = (world ? REASON_WORLD : REASON_COUNTRY) | REASON_AUDIENCE;
		if (speaks) {
			r.tier = world ? 2 : 1;
			r.reasons |= REASON_LANGUAGE;
		} else if (!world) {
			r.tier = 3;
			r.reasons |= REASON_OTHER_LANGUAGES;
		} else {
			continue;
		}
		out[n++] = r;
	}
	if (n == 0) {
		/* Tier 4: worldwide services in English, clearly marked. */
		for (i = 0; i < t->nservices; i++) {
			const struct service *s = &t->services[i];
			int world;

			if (s->status == STATUS_ENDED || (s->audience & aud) == 0)
				continue;
			if (!match_country(s, NULL, &world) || !world || !match_speaks(s, "en"))
				continue;
			out[n++] = (struct match_result){
				s, 4, REASON_WORLD | REASON_ENGLISH_FALLBACK | REASON_AUDIENCE};
		}
	}
	tmp = malloc(n ? n * sizeof *tmp : 1);
	if (tmp == NULL)
		return n; /* unsorted is still correct, only less helpful */
	match_sort(out, tmp, n, &ms);
	free(tmp);
	return n;
}

const struct contact *
match_contact(const struct service *s, enum contact_type type, const char *language)
{
	const struct contact *general = NULL, *any = NULL;
	size_t i, j;

	for (i = 0; i < s->ncontacts; i++) {
		const struct contact *c = &s->contacts[i];

		if (c->type != type)
			continue;
		if (any == NULL)
			any = c;
		if (c->languages.n == 0 && general == NULL)
			general = c;
		for (j = 0; language && j < c->languages.n; j++)
			if (match_language(c->languages.v[j], language))
				return c;
	}
	return general ? general : any;
}
