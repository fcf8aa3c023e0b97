/*
 * render_text.c - the answer for people: the call view (a few lines per
 * service, the emergency numbers first) and the full view (everything
 * the table says).  Lays out what the lookup decided.
 */
#include "render_impl.h"

#include <stdlib.h>
#include <string.h>

#define INDENT  "   "
#define INDENT2 "     "

static const char *
render_color(const struct render *r, enum hours_state state)
{
	if (!r->color)
		return "";
	return state == HOURS_OPEN ? "\033[32m" : state == HOURS_CLOSED ? "\033[31m" : "";
}

/* The emergency numbers in one line: "Emergency numbers in Czechia: 112
 * (general), 150 (fire), ...". */
static void
render_emergency(struct render *r, struct buf *b, const struct answer *a)
{
	char **items = xcalloc(a->nemergency + 1, sizeof *items), *list, *cn, *m;
	size_t i;

	for (i = 0; i < a->nemergency; i++) {
		char *num = render_ltr(a->emergency[i].number);
		char *kind =
			render_word(r->ui, "emergency.", emergency_kind_name(a->emergency[i].kind));

		/* A number no seen page names a service for is given as it
		 * is, or with what a seen page says it is for (a police line
		 * for matters that are not urgent). */
		if (a->emergency[i].kind == EMERG_OTHER && a->emergency[i].note->n > 0) {
			const char *v = texts_in(a->emergency[i].note, i18n_tag(r->ui));
			char *note = render_data(v ? v : texts_en(a->emergency[i].note));
			size_t nl = strlen(note);

			/* A sentence, put in brackets: without its full stop. */
			if (nl > 1 && note[nl - 1] == '.' && note[nl - 2] != '.')
				note[nl - 1] = '\0';
			items[i] = i18n_fmt(r->ui, "emergency.item", "ss", num, note);
			free(note);
		} else if (a->emergency[i].kind == EMERG_OTHER) {
			items[i] = xstrdup(num);
		} else {
			items[i] = i18n_fmt(r->ui, "emergency.item", "ss", num, kind);
		}
		free(num);
		free(kind);
	}
	list = i18n_list(r->ui, (const char *const *)items, a->nemergency, I18N_LIST_AND);
	cn = i18n_country_name(r->ui, a->q.country);
	m = a->nemergency ? i18n_fmt(r->ui, "emergency.header", "ss", cn, list)
			  : i18n_fmt(r->ui, "emergency.none", "s", cn);
	render_wrap(r, r->ui, b, m, "", "  ");
	for (i = 0; i < a->nemergency; i++)
		free(items[i]);
	free(items);
	free(list);
	free(cn);
	free(m);
}

/* The caller's languages, named in the UI language, as a list. */
static char *
render_caller_languages(struct render *r, const struct answer *a, enum i18n_list type)
{
	struct strv l = {(char **)a->q.languages, a->q.nlanguages};

	(void)type;
	return render_languages(r->ui, &l);
}

/* Where and how, in a few words: "Czechia, in Czech", "worldwide, via an
 * interpreter (Polish)". */
static char *
render_reason(struct render *r, const struct answer *a, const struct result *res)
{
	const char *where;
	char *place, *how, *lang, *m;

	if (res->reasons & REASON_REGION)
		place = i18n_region_name(r->ui, a->q.region);
	else if (res->reasons & REASON_COUNTRY)
		place = i18n_country_name(r->ui, a->q.country);
	else
		place = NULL;
	where = res->reasons & REASON_REGION    ? "region"
		: res->reasons & REASON_COUNTRY ? "country"
						: "world";
	if (res->reasons & (REASON_LANGUAGE | REASON_INTERPRETER)) {
		lang = i18n_language_name(r->ui, a->q.languages[res->lang]);
		how = i18n_fmt(r->ui, "reason.how", "ss",
			       res->reasons & REASON_INTERPRETER ? "interpreter" : "language",
			       lang);
		free(lang);
	} else if (res->reasons & REASON_ENGLISH_FALLBACK) {
		char *want = render_caller_languages(r, a, I18N_LIST_OR);

		how = i18n_fmt(r->ui, "reason.english_fallback", "s", want);
		free(want);
	} else {
		lang = render_languages(r->ui, &res->svc->languages);
		how = i18n_fmt(r->ui, "reason.how", "ss", "other", lang);
		free(lang);
	}
	m = i18n_fmt(r->ui, "reason.short", "sss", where, place ? place : "", how);
	if (res->regional) {
		char **names = xcalloc(res->svc->regions.n + 1, sizeof *names), *list, *m2;

		for (size_t i = 0; i < res->svc->regions.n; i++)
			names[i] = i18n_region_name(r->ui, res->svc->regions.v[i]);
		list = i18n_list(r->ui, (const char *const *)names, res->svc->regions.n,
				 I18N_LIST_OR);
		m2 = i18n_fmt(r->ui, "reason.regional", "ss", m, list);
		free(m);
		m = m2;
		for (size_t i = 0; i < res->svc->regions.n; i++)
			free(names[i]);
		free(names);
		free(list);
	}
	free(place);
	free(how);
	return m;
}

/* A local table's alert, while it is in force: "Alert: Phone line closed
 * until 2 January. (until 1/2/2027)". */
static void
render_alert(struct render *r, struct buf *b, const struct service *s)
{
	char *until = i18n_date(r->ui, s->alert_until), *v = render_data(s->alert);
	char *m = i18n_fmt(r->ui, "alert.until", "ss", v, until);

	render_field(r, r->ui, b, INDENT, "label.alert", m);
	free(m);
	free(v);
	free(until);
}

/* The call view's lines for one result. */
static void
render_call(struct render *r, struct buf *b, const struct answer *a, size_t i)
{
	const struct result *res = &a->v[i];
	char *num = i18n_number(r->ui, (double)(i + 1)), *name = render_isolate(res->svc->name);
	char *why = render_reason(r, a, res), *head, *facts;
	const struct offered *primary = NULL, *page = NULL;
	size_t k;

	for (k = 0; k < res->ncontacts; k++) {
		if (res->contacts[k].primary)
			primary = &res->contacts[k];
		if (res->contacts[k].page)
			page = &res->contacts[k];
	}
	/* Nothing this caller can use: one line, after the rest. */
	if (primary == NULL) {
		char *m = i18n_str(r->ui, res->study_closed ? "result.study_closed_no_links"
							    : "result.no_contact");

		head = i18n_fmt(r->ui, "result.head_unusable", "sss", num, name, m);
		render_wrap(r, r->ui, b, head, "", INDENT);
		free(head);
		free(m);
		free(num);
		free(name);
		free(why);
		return;
	}
	head = i18n_fmt(r->ui, "result.head", "sss", num, name, why);
	render_wrap(r, r->ui, b, head, "", INDENT);
	free(head);
	free(num);
	free(name);
	free(why);
	/* What the worker's own organisation says about it comes first. */
	if (res->alert)
		render_alert(r, b, res->svc);
	for (k = 0; k < res->svc->worker_notes.n; k++) {
		char *v = render_data(res->svc->worker_notes.v[k]);

		render_field(r, r->ui, b, INDENT, "label.worker_note", v);
		free(v);
	}
	{
		/* The call view gives the number, not its label (details do). */
		char *type = render_word(r->ui, "contact.", contact_type_name(primary->c->type));
		char *value = render_value(primary->c, a->q.country);
		char *c = i18n_fmt(r->ui, "contact.head", "ss", type, value);

		free(type);
		free(value);

		if (primary->c->type == CONTACT_PHONE || primary->c->type == CONTACT_CHAT) {
			char *st = render_state(r, r->ui, primary, &a->q), *line;
			char *col =
				xasprintf("%s%s%s", render_color(r, primary->now.state), st,
					  *render_color(r, primary->now.state) ? "\033[0m" : "");

			line = i18n_fmt(r->ui, "contact.with_state", "ss", c, col);
			render_wrap(r, r->ui, b, line, INDENT, INDENT);
			free(line);
			free(col);
			free(st);
		} else {
			render_wrap(r, r->ui, b, c, INDENT, INDENT);
		}
		free(c);
	}
	if (page != NULL) {
		char *v = render_ltr(page->c->value), *m;

		if (page->c->languages.n > 0 && page->lang >= 0) {
			char *lang = i18n_language_name(r->ui, a->q.languages[page->lang]);

			m = i18n_fmt(r->ui, "result.page", "ss", lang, v);
			free(lang);
		} else {
			char *type = render_word(r->ui, "contact.", "web");

			m = i18n_fmt(r->ui, "contact.head", "ss", type, v);
			free(type);
		}
		render_wrap(r, r->ui, b, m, INDENT, INDENT);
		free(m);
		free(v);
	}
	if ((facts = render_facts(r, r->ui, res)) != NULL) {
		render_wrap(r, r->ui, b, facts, INDENT, INDENT);
		free(facts);
	}
}

/* ---- the full view ---- */

static char *
render_joined(struct i18n *ui, const char *const *keys, size_t n, const char *prefix)
{
	char **items = xcalloc(n + 1, sizeof *items), *res;
	size_t i;

	for (i = 0; i < n; i++)
		items[i] = render_word(ui, prefix, keys[i]);
	res = i18n_list(ui, (const char *const *)items, n, I18N_LIST_AND);
	for (i = 0; i < n; i++)
		free(items[i]);
	free(items);
	return res;
}

static char *
render_age(struct i18n *ui, const struct service *s)
{
	char *v = render_ages(ui, s);

	if (v != NULL)
		return v;
	return i18n_str(ui, strcmp(s->min_age, "none") == 0 ? "age.none" : "age.unknown");
}

/* A heading ("Contacts:") over items on the lines below it. */
static void
render_label_heading(struct render *r, struct buf *b, const char *labelkey)
{
	char *label = i18n_str(r->ui, labelkey), *m = i18n_fmt(r->ui, "format.heading", "s", label);

	render_wrap(r, r->ui, b, m, INDENT, INDENT);
	free(m);
	free(label);
}

/* A text of the table for the worker: in the UI language, else English
 * (said so); NULL if none. */
static char *
render_text_for_worker(struct render *r, const struct texts *t)
{
	const char *s = texts_in(t, i18n_tag(r->ui));
	char *clean, *res;

	if (s != NULL)
		return render_data(s);
	if ((s = texts_en(t)) == NULL)
		return NULL;
	clean = render_data(s);
	res = i18n_fmt(r->ui, "text.in_english", "s", clean);
	free(clean);
	return res;
}

/* One contact with everything about it. */
static void
render_contact_full(struct render *r, struct buf *b, const struct offered *o,
		    const struct lookup_query *q)
{
	const struct contact *c = o->c;
	char *head = render_contact_head(r, r->ui, c, q->country, i18n_tag(r->ui));
	char *items[6], *list, *line;
	size_t n = 0, i;

	if (c->from.n) {
		char **names = xcalloc(c->from.n + 1, sizeof *names), *l;

		for (i = 0; i < c->from.n; i++)
			names[i] = i18n_country_name(r->ui, c->from.v[i]);
		l = i18n_list(r->ui, (const char *const *)names, c->from.n, I18N_LIST_OR);
		items[n++] = i18n_fmt(r->ui, "contact.from", "s", l);
		free(l);
		for (i = 0; i < c->from.n; i++)
			free(names[i]);
		free(names);
	}
	if (c->languages.n)
		items[n++] = render_languages(r->ui, &c->languages);
	if (c->interpreters_all)
		items[n++] = i18n_str(r->ui, "contact.interpreters_all");
	else if (c->interpreters.n) {
		char *l = render_languages(r->ui, &c->interpreters);

		items[n++] = i18n_fmt(r->ui, "contact.interpreters", "s", l);
		free(l);
	}
	if (c->has_cost)
		items[n++] = render_word(r->ui, "cost.", cost_name(c->cost));
	if (!o->usable)
		items[n++] = i18n_str(r->ui, o->why & CHOSE_OTHER_COUNTRY ? "contact.not_for_caller"
									  : "contact.study_closed");
	list = i18n_list(r->ui, (const char *const *)items, n, I18N_LIST_AND);
	line = n ? i18n_fmt(r->ui, "contact.head_more", "ss", head, list) : xstrdup(head);
	render_wrap(r, r->ui, b, line, INDENT, INDENT2);
	free(line);
	free(list);
	for (i = 0; i < n; i++)
		free(items[i]);
	free(head);
	if (c->type == CONTACT_PHONE || c->type == CONTACT_CHAT) {
		char *st = render_state(r, r->ui, o, q);

		render_wrap(r, r->ui, b, st, INDENT2, INDENT2);
		free(st);
		if (c->hours) {
			char *h = render_hours(r, r->ui, c->hours);

			render_wrap(r, r->ui, b, h, INDENT2, INDENT2);
			free(h);
		}
		if (c->hours && c->hours_note.n) {
			char *note = render_text_for_worker(r, &c->hours_note);

			if (note) {
				render_wrap(r, r->ui, b, note, INDENT2, INDENT2);
				free(note);
			}
		}
	}
}

/* Everything the table says about s, with its contacts as decided. */
static void
render_full(struct render *r, struct buf *b, const struct result *res, const struct lookup_query *q)
{
	const struct service *s = res->svc;
	const char *caller_lang = res->caller_lang;
	const char *aud[3], *off[6];
	size_t na = audience_names(s->audience, aud, 3), no = offer_names(s->offers, off, 6), i;
	char *v, *m;

	v = render_data(s->organization);
	render_field(r, r->ui, b, INDENT, "label.organization", v);
	free(v);
	if (s->status == STATUS_ENDED) {
		const struct service *succ = res->successor;

		if (succ) {
			char *sn = render_isolate(succ->name), *id = render_ltr(succ->id);

			m = i18n_fmt(r->ui, "status.ended_successor", "ss", sn, id);
			free(sn);
			free(id);
		} else {
			m = i18n_str(r->ui, "status.ended");
		}
		render_field(r, r->ui, b, INDENT, "label.status", m);
		free(m);
	} else if (s->status == STATUS_STUDY) {
		char *d = strcmp(s->study_ends, "unknown") == 0 ? i18n_str(r->ui, "date.unknown")
								: i18n_date(r->ui, s->study_ends);
		char *rec = render_word(r->ui, "recruiting.", recruiting_name(s->recruiting));

		m = i18n_fmt(r->ui, "status.study", "ss", d, rec);
		render_field(r, r->ui, b, INDENT, "label.status", m);
		free(m);
		free(d);
		free(rec);
	}
	if ((v = render_text_for_worker(r, &s->description)) != NULL) {
		render_wrap(r, r->ui, b, v, INDENT, INDENT);
		free(v);
	}
	if (caller_lang != NULL && strcmp(caller_lang, i18n_tag(r->ui)) != 0 &&
	    texts_in(&s->description, caller_lang) != NULL) {
		char *ln = i18n_language_name(r->ui, caller_lang);
		char *d = render_isolate(texts_in(&s->description, caller_lang));

		m = i18n_fmt(r->ui, "text.for_caller", "ss", ln, d);
		render_wrap(r, r->ui, b, m, INDENT, INDENT);
		free(m);
		free(d);
		free(ln);
	}
	if (res->alert)
		render_alert(r, b, s);
	if (s->do_not_refer) {
		v = render_data(s->do_not_refer);
		render_field(r, r->ui, b, INDENT, "label.do_not_refer", v);
		free(v);
	}
	for (i = 0; i < s->worker_notes.n; i++) {
		v = render_data(s->worker_notes.v[i]);
		render_field(r, r->ui, b, INDENT, "label.worker_note", v);
		free(v);
	}
	v = render_joined(r->ui, aud, na, "audience.");
	render_field(r, r->ui, b, INDENT, "label.for", v);
	free(v);
	v = render_joined(r->ui, off, no, "offer.");
	render_field(r, r->ui, b, INDENT, "label.offers", v);
	free(v);
	v = render_languages(r->ui, &s->languages);
	render_field(r, r->ui, b, INDENT, "label.languages", v);
	free(v);
	if (res->ncontacts) {
		render_label_heading(r, b, "label.contacts");
		for (i = 0; i < res->ncontacts; i++)
			render_contact_full(r, b, &res->contacts[i], q);
	}
	if ((v = render_text_for_worker(r, &s->eligibility)) != NULL) {
		render_field(r, r->ui, b, INDENT, "label.eligibility", v);
		free(v);
	}
	{
		char *cost = render_word(r->ui, "cost.", cost_name(s->cost));
		char *anon = render_word(r->ui, "anon.", anonymity_name(s->anonymous));
		char *age = render_age(r->ui, s);
		char *rep = render_word(r->ui, "reporting.", reporting_name(s->reporting));
		const char *items[4] = {cost, anon, age, rep};
		char *list = i18n_list(r->ui, items, 4, I18N_LIST_AND);

		render_field(r, r->ui, b, INDENT, "label.terms", list);
		free(list);
		free(cost);
		free(anon);
		free(age);
		free(rep);
	}
	if ((v = render_text_for_worker(r, &s->confidentiality)) != NULL) {
		render_field(r, r->ui, b, INDENT, "label.confidentiality", v);
		free(v);
	}
	if (s->unknown.n) {
		v = render_joined(r->ui, (const char *const *)s->unknown.v, s->unknown.n, "fact.");
		render_field(r, r->ui, b, INDENT, "label.unknown", v);
		free(v);
	}
	if (s->nsources) {
		render_label_heading(r, b, "label.sources");
		for (i = 0; i < s->nsources; i++) {
			const struct source *so = &s->sources[i];
			char *d = strcmp(so->date, "unknown") == 0 ? i18n_str(r->ui, "date.unknown")
								   : i18n_date(r->ui, so->date);
			char *ev = render_word(r->ui, "evidence.", so->evidence);
			char *u = render_ltr(so->url);

			m = i18n_fmt(r->ui, "source.item", "sss", u, d, ev);
			render_wrap(r, r->ui, b, m, INDENT2, INDENT2);
			free(m);
			free(u);
			free(ev);
			free(d);
		}
	}
	v = strcmp(s->checked, "never") == 0 ? i18n_str(r->ui, "checked.never")
					     : i18n_date(r->ui, s->checked);
	render_field(r, r->ui, b, INDENT, "label.checked", v);
	free(v);
	/* "changed by a local table (…)": a line that says what it is, as in
	 * the call view. */
	if ((v = render_local_mark(r->ui, s, true)) != NULL) {
		render_wrap(r, r->ui, b, v, INDENT, INDENT);
		free(v);
	}
}

/* Result i in the full view: its head line, then everything about it. */
static void
render_result_full(struct render *r, struct buf *b, const struct answer *a, size_t i)
{
	const struct result *res = &a->v[i];
	char *num = i18n_number(r->ui, (double)(i + 1));
	char *name = render_isolate(res->svc->name), *why = render_reason(r, a, res);
	char *head = i18n_fmt(r->ui, "result.head", "sss", num, name, why);

	render_wrap(r, r->ui, b, head, "", INDENT);
	free(head);
	free(num);
	free(name);
	free(why);
	render_full(r, b, res, &a->q);
}

/* The heading lines of an answer. */
static void
render_heading(struct render *r, struct buf *b, const struct answer *a)
{
	char *cn = i18n_country_name(r->ui, a->q.country),
	     *ln = render_caller_languages(r, a, I18N_LIST_AND);
	char *m, *count = i18n_number(r->ui, (double)a->n);

	if (a->q.region != NULL) {
		char *rn = i18n_region_name(r->ui, a->q.region),
		     *both = i18n_fmt(r->ui, "format.region_country", "ss", rn, cn);

		free(cn);
		free(rn);
		cn = both;
	}
	m = i18n_fmt(r->ui, "results.header", "ssn", cn, ln, (double)a->n);
	render_wrap(r, r->ui, b, m, "", "");
	free(m);
	if (a->q.at_given) {
		char *day = i18n_day_in(r->ui, NULL, a->q.at),
		     *when = i18n_time_in(r->ui, NULL, a->q.at, false);
		const char *zn = render_zone_name(r, r->ui, i18n_worker_zone(r->ui));

		m = i18n_fmt(r->ui, "results.at", "sss", day, when, zn);
		render_wrap(r, r->ui, b, m, "", "");
		free(m);
		free(day);
		free(when);
	}
	if (a->q.languages_likely) {
		m = i18n_fmt(r->ui,
			     r->session ? "results.language_likely_session"
					: "results.language_likely",
			     "ss", ln, cn);
		render_wrap(r, r->ui, b, m, "", "");
		free(m);
	}
	if (a->q.open_now) {
		const char *when = a->q.at_given ? "at" : "now";
		char *m2 = NULL;

		/* What is open, then what is left out or shown instead. */
		if (a->showing_unknown) {
			m = i18n_fmt(r->ui, "results.open_none", "sn", when, (double)a->n_closed);
			m2 = i18n_fmt(r->ui, "results.open_instead", "nn", (double)a->n_unknown,
				      (double)a->n_anytime);
		} else {
			m = i18n_fmt(r->ui, "results.open_some", "sn", when, (double)a->n);
			if (a->n_closed + a->n_unknown > 0)
				m2 = i18n_fmt(r->ui, "results.open_not_shown", "nn",
					      (double)a->n_closed, (double)a->n_unknown);
		}
		render_wrap(r, r->ui, b, m, "", "");
		free(m);
		if (m2 != NULL)
			render_wrap(r, r->ui, b, m2, "", "");
		free(m2);
	}
	if (a->n > 0 && a->v[0].tier == 5) {
		m = i18n_fmt(r->ui, "results.english_fallback", "ss", cn, ln);
		render_wrap(r, r->ui, b, m, "", "");
		free(m);
	}
	if (a->n == 0 && !a->q.open_now) {
		m = i18n_fmt(r->ui, "results.none", "ss", cn, ln);
		render_wrap(r, r->ui, b, m, "", "");
		free(m);
	}
	free(count);
	free(cn);
	free(ln);
}

/* The closing lines: what more there is, how current the data is. */
static void
render_footer(struct render *r, struct buf *b, const struct table *t, const struct answer *a)
{
	char *m;

	if (a->more > 0) {
		char *ln = i18n_language_name(r->ui, a->more_lang);
		struct buf tags = {0};

		for (size_t i = 0; i < a->q.nlanguages; i++)
			buf_addf(&tags, "%s,", a->q.languages[i]);
		buf_add(&tags, a->more_lang);
		m = i18n_fmt(r->ui, r->session ? "results.more_session" : "results.more", "nss",
			     (double)a->more, ln, tags.s);
		render_wrap(r, r->ui, b, m, "", "");
		free(m);
		free(ln);
		buf_free(&tags);
	}
	if ((m = render_hidden(r->ui, t, r->format == RENDER_FULL, true)) != NULL) {
		render_wrap(r, r->ui, b, m, "", "");
		free(m);
	}
	{
		char *d = i18n_date(r->ui, t->date ? t->date : "");
		bool unchecked = false;
		size_t i;

		/* "Not yet re-checked" while any service shown never was. */
		for (i = 0; i < a->n; i++)
			unchecked |= strcmp(a->v[i].svc->checked, "never") == 0;
		m = i18n_fmt(r->ui,
			     r->session ? (unchecked ? "results.data_session"
						     : "results.data_session_checked")
					: (unchecked ? "results.data" : "results.data_checked"),
			     "s", d);
		render_wrap(r, r->ui, b, m, "", "");
		free(m);
		free(d);
		if (t->nfiles > 0 && t->files[0]->kind == ORIGIN_DATA) {
			char *name = render_ltr(t->files[0]->name);

			m = i18n_fmt(r->ui, "results.data_file", "s", name);
			render_wrap(r, r->ui, b, m, "", "");
			free(m);
			free(name);
		}
	}
}

void render_answer_json(struct render *r, const struct table *t, const struct answer *a);
void render_answer_cards(struct render *r, const struct table *t, const struct answer *a);

void
render_answer(struct render *r, const struct table *t, const struct answer *a)
{
	struct buf b = {0};
	size_t i;
	bool prev_usable = true;

	if (r->format == RENDER_JSON) {
		render_answer_json(r, t, a);
		render_zones_clear(r);
		return;
	}
	if (r->format == RENDER_CARD || r->format == RENDER_SMS) {
		render_answer_cards(r, t, a);
		render_zones_clear(r);
		return;
	}
	render_emergency(r, &b, a);
	render_heading(r, &b, a);
	render_put(r, &b);
	for (i = 0; i < a->n; i++) {
		bool usable = false;

		for (size_t k = 0; k < a->v[i].ncontacts; k++)
			usable |= a->v[i].contacts[k].primary;
		/* Results nobody can use are one line each, together. */
		if (r->format == RENDER_FULL || usable || prev_usable)
			buf_addc(&b, '\n');
		prev_usable = usable;
		if (r->format == RENDER_FULL) {
			render_result_full(r, &b, a, i);
		} else {
			render_call(r, &b, a, i);
		}
		render_put(r, &b);
	}
	buf_addc(&b, '\n');
	render_footer(r, &b, t, a);
	render_put(r, &b);
	buf_free(&b);
	render_zones_clear(r);
}

void
render_details(struct render *r, const struct answer *a, size_t i)
{
	struct buf b = {0};

	render_result_full(r, &b, a, i);
	render_put(r, &b);
	buf_free(&b);
	render_zones_clear(r);
}

void
render_service(struct render *r, const struct table *t, const struct result *res,
	       const struct lookup_query *q)
{
	struct buf b = {0};

	if (r->format == RENDER_JSON) {
		render_service_json(r, t, res, q);
	} else if (r->format == RENDER_CARD || r->format == RENDER_SMS) {
		render_service_card(r, res, q);
	} else {
		char *name = render_isolate(res->svc->name);

		render_wrap(r, r->ui, &b, name, "", INDENT);
		free(name);
		render_full(r, &b, res, q);
		render_put(r, &b);
	}
	buf_free(&b);
	render_zones_clear(r);
}
