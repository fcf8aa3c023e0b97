/*
 * render_card.c - what the caller gets: a referral card, to read aloud or
 * paste, and a card short enough for text messages.  Entirely in the
 * card's language (r->card): what the table has no text for in that
 * language is left out, never mixed in; nothing meant for workers or
 * maintainers, no "not known".  Which services are carded and with
 * which contacts is the lookup's decision (lookup_card).
 */
#include "render_impl.h"

#include <stdlib.h>
#include <string.h>

static struct i18n *
card_ui(struct render *r)
{
	return r->card ? r->card : r->ui;
}

/* The terms a caller can act on, only those known: "free · anonymous ·
 * from the age of 16". */
static char *
card_terms(struct i18n *ui, const struct service *s)
{
	char *items[4];
	size_t n = 0, i;
	char *res;

	if (s->cost != COST_UNKNOWN)
		items[n++] = render_word(ui, "cost.", cost_name(s->cost));
	if (s->anonymous == ANON_YES || s->anonymous == ANON_PARTLY)
		items[n++] = render_word(ui, "anon.", anonymity_name(s->anonymous));
	if ((items[n] = render_ages(ui, s)) != NULL)
		n++;
	if (n == 0)
		return NULL;
	res = i18n_list(ui, (const char *const *)items, n, I18N_LIST_AND);
	for (i = 0; i < n; i++)
		free(items[i]);
	return res;
}

/* head ("Web https://example.org"), and where the lookup says so the
 * languages the contact is in: "... — in English".  Takes head. */
static char *
card_languages(struct i18n *ui, const struct service *s, const struct offered *o, char *head)
{
	char *names, *how, *res;

	if (!o->card_names_languages)
		return head;
	names = render_languages(ui, o->c->languages.n ? &o->c->languages : &s->languages);
	how = i18n_fmt(ui, "reason.how", "ss", "other", names);
	res = i18n_fmt(ui, "contact.head_more", "ss", head, how);
	free(head);
	free(names);
	free(how);
	return res;
}

/* "A description of this service is available in these languages:
 * German and English." ("in this language: English" for one) for a card
 * in none of them; NULL if there is no description at all. */
static char *
card_described_in(struct i18n *ui, const struct texts *d)
{
	struct strv langs = {xcalloc(d->n + 1, sizeof(char *)), 0};
	char *names, *res;

	for (size_t i = 0; i < d->n; i++)
		langs.v[langs.n++] = d->v[i].lang;
	names = langs.n ? render_languages(ui, &langs) : NULL;
	res = names ? i18n_fmt(ui, "card.details_in", "ns", (double)langs.n, names) : NULL;
	free(names);
	free(langs.v);
	return res;
}

static void
card_one(struct render *r, struct buf *b, const struct service *s, const struct offered *c,
	 size_t n, const struct lookup_query *q)
{
	struct i18n *ui = card_ui(r);
	const char *lang = i18n_tag(ui), *d = texts_in(&s->description, lang), *t;
	char *v, *m;
	size_t i;

	v = render_isolate(s->name);
	render_wrap(r, ui, b, v, "", "");
	free(v);
	if (d != NULL) {
		v = render_data(d);
		render_wrap(r, ui, b, v, "", "");
		free(v);
	}
	for (i = 0; i < n; i++) {
		const struct contact *ct = c[i].c;

		if (!c[i].card)
			continue;
		m = card_languages(ui, s, &c[i], render_contact_head(r, ui, ct, q->country, lang));
		render_wrap(r, ui, b, m, "", "  ");
		free(m);
		if ((ct->type == CONTACT_PHONE || ct->type == CONTACT_CHAT) && ct->hours != NULL) {
			char *h = render_hours(r, ui, ct->hours);

			render_wrap(r, ui, b, h, "  ", "  ");
			free(h);
			if ((t = texts_in(&ct->hours_note, lang)) != NULL) {
				v = render_data(t);
				render_wrap(r, ui, b, v, "  ", "  ");
				free(v);
			}
		}
		if (c[i].why & CHOSE_INTERPRETER) {
			m = i18n_str(ui, "card.interpreter");
			render_wrap(r, ui, b, m, "  ", "  ");
			free(m);
		}
	}
	if ((v = card_terms(ui, s)) != NULL) {
		render_wrap(r, ui, b, v, "", "");
		free(v);
	}
	if (s->status == STATUS_STUDY) {
		m = i18n_str(ui, "card.study");
		render_wrap(r, ui, b, m, "", "");
		free(m);
	}
	if (d != NULL) {
		if ((t = texts_in(&s->eligibility, lang)) != NULL) {
			v = render_data(t);
			render_wrap(r, ui, b, v, "", "");
			free(v);
		}
		if ((t = texts_in(&s->confidentiality, lang)) != NULL) {
			v = render_data(t);
			render_wrap(r, ui, b, v, "", "");
			free(v);
		}
	} else {
		/* Nothing about the service is written in this language: say
		 * in it which languages it is written in, rather than mix
		 * languages. */
		m = card_described_in(ui, &s->description);
		if (m != NULL)
			render_wrap(r, ui, b, m, "", "");
		free(m);
	}
}

/* The text message of one service: its name, the contact to give first,
 * and the page in the caller's language. */
static void
card_sms(struct render *r, struct buf *b, const struct service *s, const struct offered *c,
	 size_t n, const struct lookup_query *q)
{
	struct i18n *ui = card_ui(r);
	size_t i;

	char *name = render_data(s->name);

	buf_add(b, name);
	buf_addc(b, '\n');
	free(name);
	for (i = 0; i < n; i++) {
		const struct contact *ct = c[i].c;
		char *type, *value, *m;

		if (!c[i].card || !(c[i].primary || c[i].page))
			continue;
		type = render_word(ui, "contact.", contact_type_name(ct->type));
		value = render_value(ct, q->country);
		m = card_languages(ui, s, &c[i], i18n_fmt(ui, "contact.head", "ss", type, value));
		buf_add(b, m);
		buf_addc(b, '\n');
		free(m);
		free(type);
		free(value);
	}
}

/* Writes the message, then for the worker how many segments it takes. */
static void
card_sms_out(struct render *r, struct buf *msg)
{
	struct buf b = {0}, plain = {0};
	bool ucs2;
	size_t units;
	int seg;
	char *m;

	/* Our isolates are not sent: count and write the message as sent. */
	for (const char *p = msg->s ? msg->s : ""; *p; p++) {
		if ((unsigned char)p[0] == 0xe2 && (unsigned char)p[1] == 0x81 &&
		    (unsigned char)p[2] >= 0xa6 && (unsigned char)p[2] <= 0xa9) {
			p += 2;
			continue;
		}
		buf_addc(&plain, *p);
	}
	while (plain.len > 0 && plain.s[plain.len - 1] == '\n')
		plain.s[--plain.len] = '\0';
	seg = render_sms_segments(plain.s ? plain.s : "", &ucs2, &units);
	buf_add(&b, plain.s ? plain.s : "");
	buf_addc(&b, '\n');
	m = i18n_fmt(r->ui, "sms.segments", "nsn", (double)seg, ucs2 ? "ucs2" : "gsm7",
		     (double)units);
	buf_addc(&b, '\n');
	render_put(r, &b);
	render_wrap(r, r->ui, &b, m, "", "");
	render_put(r, &b);
	free(m);
	buf_free(&b);
	buf_free(&plain);
}

/* For the worker, in the UI's language: there is no card to give. */
static void
card_not_usable(struct render *r, struct buf *b)
{
	char *m = i18n_str(r->ui, "card.not_usable");

	render_wrap(r, r->ui, b, m, "", "");
	render_put(r, b);
	free(m);
}

void render_answer_cards(struct render *r, const struct table *t, const struct answer *a);

void
render_answer_cards(struct render *r, const struct table *t, const struct answer *a)
{
	struct buf b = {0};
	size_t i, shown = 0;

	(void)t;
	for (i = 0; i < a->n; i++) {
		const struct result *res = &a->v[i];

		if (!res->cardable)
			continue;
		if (r->format == RENDER_SMS) {
			card_sms(r, &b, res->svc, res->contacts, res->ncontacts, &a->q);
			continue;
		}
		if (shown++)
			buf_addc(&b, '\n');
		card_one(r, &b, res->svc, res->contacts, res->ncontacts, &a->q);
		render_put(r, &b);
	}
	if (r->format == RENDER_SMS)
		card_sms_out(r, &b);
	buf_free(&b);
}

void
render_service_card(struct render *r, const struct result *res, const struct lookup_query *q)
{
	struct buf b = {0};

	if (!res->cardable) {
		card_not_usable(r, &b);
	} else if (r->format == RENDER_SMS) {
		card_sms(r, &b, res->svc, res->contacts, res->ncontacts, q);
		card_sms_out(r, &b);
	} else {
		card_one(r, &b, res->svc, res->contacts, res->ncontacts, q);
		render_put(r, &b);
	}
	buf_free(&b);
}

void
render_card(struct render *r, const struct answer *a, size_t i)
{
	render_service_card(r, &a->v[i], &a->q);
	render_zones_clear(r);
}
