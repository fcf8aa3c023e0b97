/*
 * test_lookup.c - the card decision (lookup_card) on hand-built results:
 * which contacts a card in a given language gives, when their languages
 * are named, and when a service cannot be carded at all.
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "lookup.h"

static char *cs[] = {"cs"}, *de[] = {"de"}, *de_en[] = {"de", "en"}, *cs_de[] = {"cs", "de"};

#define LANGS(a) ((struct strv){(a), sizeof(a) / sizeof *(a)})

/* A result for service s with its n contacts offered as the lookup would
 * for a caller speaking only Czech: in Czech when the contact (or, without
 * its own, the service) names Czech. */
static void
offer(struct result *r, struct service *s, struct offered *o, size_t n)
{
	size_t i, j;

	memset(r, 0, sizeof *r);
	r->svc = s;
	r->contacts = o;
	r->ncontacts = n;
	for (i = 0; i < n; i++) {
		const struct strv *l = s->contacts[i].languages.n ? &s->contacts[i].languages
								  : &s->languages;

		o[i] = (struct offered){.c = &s->contacts[i], .lang = -1, .usable = true};
		for (j = 0; j < l->n; j++)
			if (strcmp(l->v[j], "cs") == 0)
				o[i].lang = 0;
		if (o[i].lang == 0)
			o[i].why |= CHOSE_LANGUAGE;
	}
}

int
main(void)
{
	struct contact c[3];
	struct service s;
	struct offered o[3];
	struct result r;

	/* A page in Czech and one in German: the card in Czech gives only
	 * the Czech one, and does not name its language. */
	memset(c, 0, sizeof c);
	s = (struct service){.languages = LANGS(cs_de), .contacts = c, .ncontacts = 2};
	c[0] = (struct contact){.type = CONTACT_WEB, .languages = LANGS(cs)};
	c[1] = (struct contact){.type = CONTACT_WEB, .languages = LANGS(de)};
	offer(&r, &s, o, 2);
	lookup_card(&r, "cs");
	CHECK(r.cardable);
	CHECK(o[0].card && !o[0].card_names_languages);
	CHECK(!o[1].card && !o[1].card_names_languages);

	/* Nothing in Czech: the contacts the call view gives (the one to give
	 * first and the page) go on, each with its languages named; another
	 * one, and one the caller may not use, stay off. */
	s = (struct service){.languages = LANGS(de_en), .contacts = c, .ncontacts = 3};
	c[0] = (struct contact){.type = CONTACT_PHONE, .languages = LANGS(de)};
	c[1] = (struct contact){.type = CONTACT_WEB, .languages = LANGS(de_en)};
	c[2] = (struct contact){.type = CONTACT_EMAIL};
	offer(&r, &s, o, 3);
	o[0].primary = true;
	o[1].page = true;
	lookup_card(&r, "cs");
	CHECK(r.cardable);
	CHECK(o[0].card && o[0].card_names_languages);
	CHECK(o[1].card && o[1].card_names_languages);
	CHECK(!o[2].card && !o[2].card_names_languages);
	offer(&r, &s, o, 3);
	o[0].primary = o[0].usable = false;
	o[1].page = true;
	lookup_card(&r, "cs");
	CHECK(r.cardable && !o[0].card && o[1].card && !o[2].card);

	/* The same service on an English card (no card in the caller's
	 * language): the page in English goes on unnamed, the German-only
	 * phone stays off. */
	offer(&r, &s, o, 2);
	lookup_card(&r, "en");
	CHECK(r.cardable);
	CHECK(!o[0].card);
	CHECK(o[1].card && !o[1].card_names_languages);

	/* Through an interpreter in Czech: on the card, not named. */
	offer(&r, &s, o, 1);
	o[0].why |= CHOSE_INTERPRETER;
	o[0].lang = 0;
	lookup_card(&r, "cs");
	CHECK(r.cardable && o[0].card && !o[0].card_names_languages);

	/* A contact whose language the table does not name (nor the
	 * service's): on the card, nothing named. */
	s = (struct service){.contacts = c, .ncontacts = 1};
	c[0] = (struct contact){.type = CONTACT_WEB};
	offer(&r, &s, o, 1);
	lookup_card(&r, "cs");
	CHECK(r.cardable && o[0].card && !o[0].card_names_languages);

	/* A contact without languages of its own is in the service's. */
	s = (struct service){.languages = LANGS(de), .contacts = c, .ncontacts = 1};
	offer(&r, &s, o, 1);
	o[0].primary = true;
	lookup_card(&r, "cs");
	CHECK(r.cardable && o[0].card && o[0].card_names_languages);

	/* A study that takes no one new, or no contact the caller may use:
	 * no card. */
	offer(&r, &s, o, 1);
	r.study_closed = true;
	lookup_card(&r, "cs");
	CHECK(!r.cardable && !o[0].card);
	offer(&r, &s, o, 1);
	o[0].usable = false;
	lookup_card(&r, "cs");
	CHECK(!r.cardable && !o[0].card);

	return check_done();
}
