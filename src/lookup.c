/*
 * lookup.c - the referral for one caller, decided once (see lookup.h):
 * fit and rank (match), the contacts to offer and why, the state of each
 * line, --open-now, the English fallback and what it leaves out, the
 * description languages, the emergency numbers.  No output.
 */
#include "lookup.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

/* The caller's languages with their CLDR equivalents, for match. */
struct lookup_langs {
	struct match_lang *v;
	char ***serves;
	size_t n;
};

static void
lookup_langs_make(struct lookup_langs *L, const struct lookup_query *q)
{
	size_t i;

	L->n = q->nlanguages;
	L->v = xcalloc(L->n + 1, sizeof *L->v);
	L->serves = xcalloc(L->n + 1, sizeof *L->serves);
	for (i = 0; i < L->n; i++) {
		L->v[i].tag = q->languages[i];
		L->v[i].nserves = i18n_language_served_by(q->languages[i], &L->serves[i]);
		L->v[i].serves = (const char *const *)L->serves[i];
	}
}

static void
lookup_langs_free(struct lookup_langs *L)
{
	size_t i;

	for (i = 0; i < L->n; i++)
		i18n_strv_free(L->serves[i], L->v[i].nserves);
	free(L->serves);
	free(L->v);
}

static void
lookup_key_add(char ***v, size_t *n, const char *prefix, const char *arg)
{
	char *k = xasprintf("%s%s", prefix, arg);
	size_t i;

	for (i = 0; i < *n; i++)
		if (strcmp((*v)[i], k) == 0) {
			free(k);
			return;
		}
	*v = xreallocarray(*v, *n + 1, sizeof **v);
	(*v)[(*n)++] = k;
}

/* The primary subtag of tag, lower case, in out. */
static void
lookup_primary(const char *tag, char *out, size_t cap)
{
	size_t i;

	for (i = 0; tag[i] && tag[i] != '-' && tag[i] != '_' && i + 1 < cap; i++)
		out[i] = (char)(tag[i] >= 'A' && tag[i] <= 'Z' ? tag[i] + 32 : tag[i]);
	out[i] = '\0';
}

size_t
lookup_keys(const struct lookup_query *q, bool english, char ***out)
{
	struct lookup_langs L;
	char **v = NULL, prim[16];
	size_t n = 0, i, j;

	lookup_langs_make(&L, q);
	lookup_key_add(&v, &n, "c:", q->country);
	lookup_key_add(&v, &n, "e:", q->country);
	lookup_key_add(&v, &n, "e:", "EU");
	for (i = 0; i < L.n; i++) {
		lookup_primary(L.v[i].tag, prim, sizeof prim);
		lookup_key_add(&v, &n, "w:", prim);
		for (j = 0; j < L.v[i].nserves; j++) {
			lookup_primary(L.v[i].serves[j], prim, sizeof prim);
			lookup_key_add(&v, &n, "w:", prim);
		}
	}
	/* English always: the fallback, or the count of what it leaves out,
	 * for which most need not be read. */
	if (english) {
		lookup_key_add(&v, &n, "w:", "en");
	} else {
		lookup_key_add(&v, &n, "u:", "en");
		lookup_key_add(&v, &n, "m:", "self");
		lookup_key_add(&v, &n, "m:", "close");
		lookup_key_add(&v, &n, "m:", "professional");
	}
	lookup_key_add(&v, &n, "w:", "*");
	lookup_langs_free(&L);
	*out = v;
	return n;
}

/* Type order of contacts: a person first. */
static int
lookup_type_rank(enum contact_type t)
{
	switch (t) {
	case CONTACT_PHONE:
		return 0;
	case CONTACT_CHAT:
		return 1;
	case CONTACT_WEB:
		return 2;
	case CONTACT_EMAIL:
		return 3;
	case CONTACT_TOR:
		return 4;
	}
	return 5;
}

static bool
lookup_human(const struct contact *c)
{
	return c->type == CONTACT_PHONE || c->type == CONTACT_CHAT;
}

static bool
lookup_study_closed(const struct service *s, double at)
{
	struct i18n_wall w;
	char today[16];

	if (s->status != STATUS_STUDY)
		return false;
	if (s->recruiting == RECRUITING_CLOSED)
		return true;
	if (s->study_ends == NULL || strcmp(s->study_ends, "unknown") == 0 ||
	    i18n_zone_wall("UTC", at, &w) != 0)
		return false;
	/* "2026-07" has passed once the month is over: compare as many
	 * characters as the end date has, and it has passed when today is
	 * later. */
	snprintf(today, sizeof today, "%04d-%02d-%02d", w.year, w.month, w.day);
	return strncmp(today, s->study_ends, strlen(s->study_ends)) > 0;
}

bool
lookup_alert_in_force(const struct service *s, double at)
{
	struct i18n_wall w;
	char today[16];

	if (s->alert == NULL)
		return false;
	if (i18n_zone_wall("UTC", at, &w) != 0)
		return true;
	snprintf(today, sizeof today, "%04d-%02d-%02d", w.year, w.month, w.day);
	return strcmp(today, s->alert_until) <= 0;
}

/* How good an offered contact is as the one to give first (lower better). */
static int
lookup_contact_score(const struct offered *o)
{
	int s = lookup_type_rank(o->c->type) * 10;

	if (lookup_human(o->c)) {
		/* Open, or with known hours, before unknown hours. */
		if (o->now.state == HOURS_OPEN)
			s -= 2;
		else if (o->now.state == HOURS_UNKNOWN && o->now.why == HOURS_WHY_NO_HOURS)
			s += 5;
	}
	return s;
}

static int
lookup_offered_cmp(const void *a, const void *b)
{
	const struct offered *x = a, *y = b;
	int lx = x->lang < 0 ? 99 : x->lang, ly = y->lang < 0 ? 99 : y->lang;

	if (x->usable != y->usable)
		return x->usable ? -1 : 1;
	if (lookup_type_rank(x->c->type) != lookup_type_rank(y->c->type))
		return lookup_type_rank(x->c->type) - lookup_type_rank(y->c->type);
	if (lx != ly)
		return lx - ly;
	if (((x->why & CHOSE_INTERPRETER) != 0) != ((y->why & CHOSE_INTERPRETER) != 0))
		return (x->why & CHOSE_INTERPRETER) ? 1 : -1;
	/* The table's order, for equal ones. */
	return x->c < y->c ? -1 : x->c > y->c;
}

static struct offered *
lookup_offer(const struct table *t, const struct service *s, const struct lookup_query *q,
	     const struct lookup_langs *L, bool study_closed, size_t *n)
{
	struct offered *v = xcalloc(s->ncontacts + 1, sizeof *v);
	size_t i, j;
	int best = -1, bestscore = 1 << 20;

	for (i = 0; i < s->ncontacts; i++) {
		const struct contact *c = &s->contacts[i];
		struct offered *o = &v[i];
		const struct strv *langs = c->languages.n ? &c->languages : &s->languages;
		bool here = false;

		o->c = c;
		o->lang = -1;
		for (j = 0; j < c->from.n; j++)
			here |= q->country != NULL && strcmp(c->from.v[j], q->country) == 0;
		if (c->from.n == 0)
			o->why |= CHOSE_ANYWHERE;
		else if (here || q->country == NULL)
			o->why |= CHOSE_COUNTRY;
		else
			o->why |= CHOSE_OTHER_COUNTRY;
		if (study_closed)
			o->why |= CHOSE_STUDY_CLOSED;
		if ((o->lang = match_speaks(langs, L->v, L->n)) >= 0)
			o->why |= CHOSE_LANGUAGE;
		else if ((o->lang = match_interpreted(c, L->v, L->n)) >= 0)
			o->why |= CHOSE_INTERPRETER;
		o->usable = !(o->why & (CHOSE_OTHER_COUNTRY | CHOSE_STUDY_CLOSED));
		if (lookup_human(c))
			hours_state(c->hours, t->holidays, q->at, &o->now);
	}
	qsort(v, s->ncontacts, sizeof *v, lookup_offered_cmp);
	/* The one to give first; then a page in the caller's language. */
	for (i = 0; i < s->ncontacts; i++) {
		int sc;

		if (!v[i].usable)
			continue;
		sc = lookup_contact_score(&v[i]) * 100 + (v[i].lang < 0 ? 99 : v[i].lang);
		if (sc < bestscore) {
			bestscore = sc;
			best = (int)i;
		}
	}
	if (best >= 0) {
		v[best].primary = true;
		/* The page to give with it: one the table says is in a caller
		 * language, else the service's general site. */
		for (int pass = 0; pass < 2 && !(best >= 0 && v[best].c->type == CONTACT_WEB &&
						 v[best].c->languages.n > 0 && pass == 0);
		     pass++) {
			for (i = 0; i < s->ncontacts; i++)
				if (!v[i].primary && v[i].usable && v[i].c->type == CONTACT_WEB &&
				    (pass == 0 ? v[i].c->languages.n > 0 &&
							 (v[i].why & CHOSE_LANGUAGE)
					       : v[i].c->languages.n == 0))
					break;
			if (i < s->ncontacts) {
				v[i].page = true;
				break;
			}
			/* A primary web contact is the service's site already. */
			if (v[best].c->type == CONTACT_WEB)
				break;
		}
	}
	*n = s->ncontacts;
	return v;
}

/* Fills in reach and availability from the offered contacts. */
static void
lookup_reach(struct result *r)
{
	size_t i;
	bool human = false, known = false, open = false, unknown = false, self = false;

	for (i = 0; i < r->ncontacts; i++) {
		const struct offered *o = &r->contacts[i];

		if (!o->usable)
			continue;
		if (!lookup_human(o->c)) {
			self = true;
			continue;
		}
		human = true;
		if (o->now.state == HOURS_OPEN)
			open = true;
		if (o->now.state == HOURS_UNKNOWN)
			unknown = true;
		if (o->c->hours != NULL)
			known = true;
	}
	r->reach = human && known ? REACH_HUMAN
		   : human        ? REACH_HUMAN_UNKNOWN
		   : self         ? REACH_SELF
				  : REACH_NONE;
	r->avail = open      ? AVAIL_OPEN
		   : unknown ? AVAIL_UNKNOWN
		   : human   ? AVAIL_CLOSED
		   : self    ? AVAIL_ANYTIME
			     : AVAIL_NONE;
}

/* The fallback chains (i18n_language_fallbacks) of the worker's language
 * and of each of the caller's, worked out once for every result's
 * description. */
struct lookup_chains {
	char **ui;
	size_t nui;
	char ***caller;
	size_t *ncaller;
	size_t n;
};

static void
lookup_chains_make(struct lookup_chains *ch, struct i18n *ui, const struct lookup_query *q)
{
	size_t i;

	ch->nui = i18n_language_fallbacks(i18n_tag(ui), &ch->ui);
	ch->n = q->nlanguages;
	ch->caller = xcalloc(ch->n + 1, sizeof *ch->caller);
	ch->ncaller = xcalloc(ch->n + 1, sizeof *ch->ncaller);
	for (i = 0; i < ch->n; i++)
		ch->ncaller[i] = i18n_language_fallbacks(q->languages[i], &ch->caller[i]);
}

static void
lookup_chains_free(struct lookup_chains *ch)
{
	size_t i;

	i18n_strv_free(ch->ui, ch->nui);
	for (i = 0; i < ch->n; i++)
		i18n_strv_free(ch->caller[i], ch->ncaller[i]);
	free(ch->caller);
	free(ch->ncaller);
}

/* The description languages: the worker's, else English; the caller's
 * first language that has one. */
static void
lookup_descriptions(struct result *r, struct i18n *ui, const struct lookup_query *q,
		    const struct lookup_chains *ch)
{
	const struct texts *d = &r->svc->description;
	size_t i;

	r->desc_lang = texts_in_chain(d, ch->ui, ch->nui) != NULL ? i18n_tag(ui) : "en";
	r->caller_lang = NULL;
	for (i = 0; i < q->nlanguages && r->caller_lang == NULL; i++)
		if (texts_in_chain(d, ch->caller[i], ch->ncaller[i]) != NULL)
			r->caller_lang = q->languages[i];
}

/* What every result of s says whatever its tier: the study's state, a
 * local alert, an ended service's successor, the contacts offered and
 * how reachable it is. */
static void
lookup_fill(struct result *r, const struct table *t, const struct service *s,
	    const struct lookup_query *q, const struct lookup_langs *L)
{
	r->svc = s;
	r->study_closed = lookup_study_closed(s, q->at);
	r->alert = lookup_alert_in_force(s, q->at);
	r->successor = s->status == STATUS_ENDED && s->successor != NULL
			       ? table_find(t, s->successor)
			       : NULL;
	r->contacts = lookup_offer(t, s, q, L, r->study_closed, &r->ncontacts);
	lookup_reach(r);
}

static void
lookup_result_clear(struct result *r)
{
	free(r->contacts);
}

struct result *
lookup_service(const struct table *t, struct i18n *ui, const struct service *s,
	       const struct lookup_query *q)
{
	struct result *r = xcalloc(1, sizeof *r);
	struct lookup_langs L;
	struct lookup_chains ch;

	lookup_langs_make(&L, q);
	lookup_chains_make(&ch, ui, q);
	lookup_fill(r, t, s, q, &L);
	r->lang = match_speaks(&s->languages, L.v, L.n);
	lookup_descriptions(r, ui, q, &ch);
	lookup_chains_free(&ch);
	lookup_langs_free(&L);
	return r;
}

void
lookup_result_free(struct result *r)
{
	if (r == NULL)
		return;
	lookup_result_clear(r);
	free(r);
}

void
lookup_card(struct result *r, const char *lang)
{
	bool *speaks = xcalloc(r->ncontacts + 1, sizeof *speaks), any = false;
	size_t i, j;

	/* Which usable contacts are in the caller's languages, through an
	 * interpreter, in the card's language, or in no language the table
	 * names. */
	for (i = 0; i < r->ncontacts; i++) {
		const struct offered *o = &r->contacts[i];
		const struct strv *langs =
			o->c->languages.n ? &o->c->languages : &r->svc->languages;

		speaks[i] = langs->n == 0 || o->lang >= 0 || (o->why & CHOSE_INTERPRETER);
		for (j = 0; j < langs->n && !speaks[i]; j++)
			speaks[i] = match_language(langs->v[j], lang);
		any |= speaks[i] && o->usable && !r->study_closed;
	}
	/* Those, when there are any; else the ones the call view gives (the
	 * contact to give first and the page with it), their languages
	 * named. */
	r->cardable = false;
	for (i = 0; i < r->ncontacts; i++) {
		struct offered *o = &r->contacts[i];

		o->card = o->usable && !r->study_closed &&
			  (speaks[i] || (!any && (o->primary || o->page)));
		o->card_names_languages = o->card && !speaks[i];
		r->cardable |= o->card;
	}
	free(speaks);
}

void
lookup_cards(struct answer *a, const char *lang)
{
	size_t i;

	for (i = 0; i < a->n; i++)
		lookup_card(&a->v[i], lang);
}

static void
lookup_emergency(struct answer *a, const struct table *t)
{
	const struct emergency *e[2];
	size_t k, i, j, n = 0;

	e[0] = table_emergency_of(t, a->q.country);
	e[1] = i18n_region_contains("EU", a->q.country) ? table_emergency_of(t, "EU") : NULL;
	a->emergency_known = e[0] != NULL || e[1] != NULL;
	for (k = 0; k < 2; k++)
		n += e[k] ? e[k]->n : 0;
	a->emergency = xcalloc(n + 1, sizeof *a->emergency);
	/* The general numbers first, each number once (a country's 112 and
	 * the EU's are one number). */
	for (int pass = 0; pass < 2; pass++)
		for (k = 0; k < 2; k++)
			for (i = 0; e[k] && i < e[k]->n; i++) {
				const struct emergency_number *m = &e[k]->v[i];
				bool dup = false;

				if ((m->kind == EMERG_GENERAL) != (pass == 0))
					continue;
				for (j = 0; j < a->nemergency; j++)
					dup |= strcmp(a->emergency[j].number, m->number) == 0;
				if (dup)
					continue;
				a->emergency[a->nemergency++] = (struct emergency_item){
					m->number, m->kind, e[k]->country, &m->note};
			}
}

struct answer *
lookup_run(const struct table *t, struct i18n *ui, const struct lookup_query *q)
{
	struct answer *a = xcalloc(1, sizeof *a);
	struct lookup_langs L;
	struct lookup_chains ch;
	struct match_query mq;
	struct match_key *keys;
	struct result *all;
	char **names;
	size_t i, n = 0, k, usable = 0;
	bool english_given = false;

	a->q = *q;
	lookup_langs_make(&L, q);
	mq = (struct match_query){q->country, q->region, L.v, L.n, q->audience};
	for (i = 0; i < q->nlanguages; i++)
		english_given |= match_language("en", q->languages[i]);
	all = xcalloc(t->nservices + 1, sizeof *all);
	for (i = 0; i < t->nservices; i++) {
		const struct service *s = &t->services[i];
		struct result r = {0};

		if ((r.tier = match_tier(s, &mq, &r.reasons, &r.lang)) == 0)
			continue;
		r.regional = (r.reasons & REASON_REGIONAL) != 0;
		lookup_fill(&r, t, s, q, &L);
		if (r.reach != REACH_NONE && !r.study_closed)
			usable++;
		all[n++] = r;
	}
	/* Tier 5: nothing above can be used by this caller. */
	for (i = 0; i < t->nservices; i++) {
		const struct service *s = &t->services[i];
		struct result r = {0};
		bool seen = false;

		if (!match_fallback(s, &mq))
			continue;
		for (k = 0; k < n; k++)
			seen |= all[k].svc == s;
		if (seen)
			continue;
		lookup_fill(&r, t, s, q, &L);
		if (usable > 0) {
			/* Not shown: only counted, so the answer can say they exist. */
			if (!english_given && r.reach != REACH_NONE && !r.study_closed)
				a->more++;
			lookup_result_clear(&r);
			continue;
		}
		r.tier = 5;
		r.reasons = REASON_WORLD | REASON_ENGLISH_FALLBACK | REASON_AUDIENCE;
		all[n++] = r;
	}
	if (usable > 0 && !english_given) {
		/* Those counted without being read (table.h): each usable. */
		unsigned aud = q->audience ? q->audience : (AUDIENCE_SELF | AUDIENCE_CLOSE);

		for (i = 0; i < t->nunread; i++)
			a->more += (t->unread[i].audience & aud) != 0;
	}
	if (usable == 0 && !t->english_read)
		a->need_english = true;
	if (a->more > 0)
		a->more_lang = "en";
	a->matched = n > 0;

	/* The order. */
	keys = xcalloc(n + 1, sizeof *keys);
	names = xcalloc(n + 1, sizeof *names);
	for (i = 0; i < n; i++) {
		const struct result *r = &all[i];

		names[i] = i18n_sort_key(ui, r->svc->name);
		keys[i] = (struct match_key){
			.unusable = r->study_closed || r->reach == REACH_NONE,
			.last = r->svc->do_not_refer != NULL,
			.tier = r->tier,
			.region = (r->reasons & REASON_REGION) ? 0
				  : r->regional                ? 2
							       : 1,
			.reach = (int)r->reach,
			.lang = r->lang < 0 ? 99 : r->lang,
			.study = r->svc->status == STATUS_STUDY,
			.name_key = names[i],
			.id = r->svc->id,
			.item = i,
		};
	}
	match_order(keys, n);
	lookup_chains_make(&ch, ui, q);
	a->v = xcalloc(n + 1, sizeof *a->v);
	for (i = 0; i < n; i++) {
		struct result *r = &all[keys[i].item];

		if (q->open_now && r->avail != AVAIL_OPEN) {
			a->n_closed += r->avail == AVAIL_CLOSED;
			a->n_unknown += r->avail == AVAIL_UNKNOWN;
			a->n_anytime += r->avail == AVAIL_ANYTIME;
		}
		if (q->open_now && r->avail != AVAIL_OPEN)
			continue;
		lookup_descriptions(r, ui, q, &ch);
		a->v[a->n++] = *r;
		r->contacts = NULL;
	}
	/* Nothing known to be open: the unknown ones, then those usable at
	 * any time, so the worker still has something to give. */
	if (q->open_now && a->n == 0) {
		for (int pass = 0; pass < 2; pass++)
			for (i = 0; i < n; i++) {
				struct result *r = &all[keys[i].item];

				if (r->avail != (pass == 0 ? AVAIL_UNKNOWN : AVAIL_ANYTIME))
					continue;
				lookup_descriptions(r, ui, q, &ch);
				a->v[a->n++] = *r;
				r->contacts = NULL;
			}
		a->showing_unknown = a->n > 0;
	}
	for (i = 0; i < n; i++) {
		lookup_result_clear(&all[i]);
		free(names[i]);
	}
	free(names);
	free(keys);
	free(all);
	lookup_emergency(a, t);
	a->nhidden = t->nhidden;
	lookup_chains_free(&ch);
	lookup_langs_free(&L);
	return a;
}

void
lookup_free(struct answer *a)
{
	size_t i;

	if (a == NULL)
		return;
	for (i = 0; i < a->n; i++)
		lookup_result_clear(&a->v[i]);
	free(a->v);
	free(a->emergency);
	free(a);
}
