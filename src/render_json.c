/*
 * render_json.c - the answer for scripts: JSON format 2, described by
 * data/signpost.schema.json.  Every decision of the lookup is in it
 * (which contacts are offered and why, states, tiers, reasons), and
 * nothing that names a place on this machine: the shipped table is
 * "shipped", local files are named by their file name.
 */
#include "render_impl.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "json.h"

static void
json_time(struct json *j, const char *key, double t)
{
	time_t s = (time_t)floor(t / 1000.0);
	struct tm tm;
	char tmp[32];

	if (t < 0 || !isfinite(t) || gmtime_r(&s, &tm) == NULL) {
		json_null(j, key);
		return;
	}
	strftime(tmp, sizeof tmp, "%Y-%m-%dT%H:%M:%SZ", &tm);
	json_str(j, key, tmp);
}

static void
json_texts(struct json *j, const char *key, const struct texts *t)
{
	size_t i;

	json_obj(j, key);
	for (i = 0; i < t->n; i++)
		json_str(j, t->v[i].lang, t->v[i].text);
	json_end(j, '}');
}

static void
json_strvs(struct json *j, const char *key, const struct strv *v)
{
	json_strv(j, key, (const char *const *)v->v, v->n);
}

static const char *const state_names[] = {"unknown", "open", "closed"};
static const char *const why_names[] = {"weekly",  "no_hours",      "holiday",
					"closure", "holiday_hours", "no_calendar"};

static void
json_contact(struct json *j, const struct offered *o)
{
	const struct contact *c = o->c;
	static const char *const why[] = {"country",     "anywhere",      "language",
					  "interpreter", "other_country", "study_closed"};
	const char *w[6];
	size_t nw = 0, k;

	json_obj(j, NULL);
	json_bool(j, "offered", o->usable);
	json_bool(j, "primary", o->primary);
	json_bool(j, "page", o->page);
	for (k = 0; k < 6; k++)
		if (o->why & (1u << k))
			w[nw++] = why[k];
	json_strv(j, "why", w, nw);
	json_str(j, "type", contact_type_name(c->type));
	json_str(j, "value", c->value);
	json_str(j, "international", c->international);
	json_texts(j, "label", &c->label);
	json_strvs(j, "languages", &c->languages);
	if (c->interpreters_all) {
		const char *all = "all";

		json_strv(j, "interpreters", &all, 1);
	} else {
		json_strvs(j, "interpreters", &c->interpreters);
	}
	json_strvs(j, "from", &c->from);
	json_str(j, "cost", c->has_cost ? cost_name(c->cost) : NULL);
	if (c->hours == NULL) {
		json_null(j, "hours");
	} else {
		static const char *const hol[] = {"unknown", "closed", "open"};
		struct buf day = {0};

		json_obj(j, "hours");
		json_str(j, "zone", c->hours->zone);
		json_strvs(j, "weekly", &c->weekly);
		json_str(j, "public_holidays", hol[c->hours->holidays]);
		json_str(j, "calendar", c->hours->calendar);
		json_arr(j, "closed");
		for (k = 0; k < c->hours->nclosed; k++) {
			const struct hours_closure *cl = &c->hours->closed[k];

			buf_reset(&day);
			if (cl->year)
				buf_addf(&day, "%04d-%02d-%02d", cl->year, cl->month, cl->day);
			else
				buf_addf(&day, "%02d-%02d", cl->month, cl->day);
			json_str(j, NULL, day.s);
		}
		json_end(j, ']');
		buf_free(&day);
		json_texts(j, "note", &c->hours_note);
		json_end(j, '}');
	}
	if (c->type == CONTACT_PHONE || c->type == CONTACT_CHAT) {
		json_obj(j, "state");
		json_str(j, "state", state_names[o->now.state]);
		json_str(j, "why", why_names[o->now.why]);
		json_str(j, "holiday", o->now.holiday);
		if (o->now.state == HOURS_OPEN)
			json_time(j, "until", o->now.change);
		else
			json_null(j, "until");
		if (o->now.state == HOURS_CLOSED)
			json_time(j, "opens", o->now.change);
		else
			json_null(j, "opens");
		json_end(j, '}');
	}
	json_end(j, '}');
}

static void
json_origin(struct json *j, const char *key, const struct table_file *f)
{
	if (f == NULL) {
		json_null(j, key);
		return;
	}
	json_obj(j, key);
	json_str(j, "kind", origin_kind_name(f->kind));
	json_str(j, "name", f->name);
	json_end(j, '}');
}

static void
json_service(struct json *j, const struct service *s)
{
	const char *aud[3], *off[6];
	size_t na = audience_names(s->audience, aud, 3), no = offer_names(s->offers, off, 6), i;

	json_obj(j, "service");
	json_str(j, "id", s->id);
	json_str(j, "name", s->name);
	json_str(j, "organization", s->organization);
	json_str(j, "status", status_name(s->status));
	if (s->status == STATUS_STUDY) {
		json_obj(j, "study");
		json_str(j, "ends", s->study_ends);
		json_str(j, "recruiting", recruiting_name(s->recruiting));
		json_str(j, "registry", s->registry);
		json_end(j, '}');
	} else {
		json_null(j, "study");
	}
	json_str(j, "successor", s->successor);
	json_str(j, "ended", s->ended);
	json_strvs(j, "countries", &s->countries);
	json_strvs(j, "regions", &s->regions);
	json_strvs(j, "languages", &s->languages);
	json_strv(j, "audience", aud, na);
	json_strv(j, "offers", off, no);
	json_str(j, "cost", cost_name(s->cost));
	json_str(j, "anonymous", anonymity_name(s->anonymous));
	json_str(j, "min_age", s->min_age);
	json_str(j, "max_age", s->max_age);
	json_str(j, "reporting", reporting_name(s->reporting));
	json_texts(j, "description", &s->description);
	json_texts(j, "eligibility", &s->eligibility);
	json_texts(j, "confidentiality", &s->confidentiality);
	json_strvs(j, "unknown", &s->unknown);
	json_arr(j, "sources");
	for (i = 0; i < s->nsources; i++) {
		json_obj(j, NULL);
		json_str(j, "url", s->sources[i].url);
		json_str(j, "date", s->sources[i].date);
		json_str(j, "evidence", s->sources[i].evidence);
		json_strvs(j, "supports", &s->sources[i].supports);
		json_end(j, '}');
	}
	json_end(j, ']');
	json_str(j, "checked", s->checked);
	json_strvs(j, "worker_notes", &s->worker_notes);
	json_str(j, "do_not_refer", s->do_not_refer);
	json_str(j, "alert", s->alert);
	json_str(j, "alert_until", s->alert_until);
	json_origin(j, "origin", s->origin);
	json_origin(j, "replaced_by", s->replaced);
	json_origin(j, "noted_by", s->noted);
	json_end(j, '}');
}

static void
json_head(struct render *r, struct json *j, const struct table *t, double at, bool at_given)
{
	size_t i;

	json_obj(j, NULL);
	json_obj(j, "signpost");
	json_int(j, "format", 2);
	json_str(j, "ui_language", i18n_tag(r->ui));
	json_end(j, '}');
	json_obj(j, "data");
	json_int(j, "schema", t->schema);
	json_str(j, "date", t->date);
	json_arr(j, "files");
	for (i = 0; i < t->nfiles; i++) {
		json_obj(j, NULL);
		json_str(j, "kind", origin_kind_name(t->files[i]->kind));
		json_str(j, "name", t->files[i]->name);
		json_end(j, '}');
	}
	json_end(j, ']');
	json_end(j, '}');
	json_time(j, "at", at);
	json_bool(j, "at_given", at_given);
}

static void
json_offered(struct json *j, const struct offered *c, size_t n)
{
	size_t i;

	json_arr(j, "contacts");
	for (i = 0; i < n; i++)
		json_contact(j, &c[i]);
	json_end(j, ']');
}

void render_answer_json(struct render *r, const struct table *t, const struct answer *a);

void
render_answer_json(struct render *r, const struct table *t, const struct answer *a)
{
	static const char *const rn[] = {
		"country",  "world",  "language",    "other_languages", "english_fallback",
		"audience", "region", "interpreter", "regional"};
	static const char *const reach[] = {"human", "human_unknown_hours", "self", "none"};
	static const char *const avail[] = {"open", "unknown", "anytime", "closed", "none"};
	struct buf b = {0};
	struct json j = {&b, 0, {0}};
	const char *aud[3];
	size_t na = audience_names(a->q.audience ? a->q.audience : (AUDIENCE_SELF | AUDIENCE_CLOSE),
				   aud, 3),
	       i, k;

	json_head(r, &j, t, a->q.at, a->q.at_given);
	json_obj(&j, "query");
	json_str(&j, "country", a->q.country);
	json_str(&j, "region", a->q.region);
	json_strv(&j, "languages", a->q.languages, a->q.nlanguages);
	json_str(&j, "languages_source", a->q.languages_likely ? "likely" : "given");
	json_strv(&j, "audience", aud, na);
	json_bool(&j, "open_now", a->q.open_now);
	json_end(&j, '}');
	json_arr(&j, "results");
	render_put(r, &b);
	for (i = 0; i < a->n; i++) {
		const struct result *res = &a->v[i];
		const char *reasons[9];
		size_t nr = 0;

		for (k = 0; k < 9; k++)
			if (res->reasons & (1u << k))
				reasons[nr++] = rn[k];
		json_obj(&j, NULL);
		json_int(&j, "rank", (long)(i + 1));
		json_int(&j, "tier", res->tier);
		json_strv(&j, "reasons", reasons, nr);
		json_str(&j, "language", res->lang >= 0 ? a->q.languages[res->lang] : NULL);
		json_str(&j, "reach", reach[res->reach]);
		json_str(&j, "availability", avail[res->avail]);
		json_bool(&j, "study_closed", res->study_closed);
		json_bool(&j, "alert_in_force", res->alert);
		json_str(&j, "description_language", res->desc_lang);
		json_str(&j, "caller_description_language", res->caller_lang);
		json_offered(&j, res->contacts, res->ncontacts);
		json_service(&j, res->svc);
		json_end(&j, '}');
		render_put(r, &b);
	}
	json_end(&j, ']');
	json_obj(&j, "open_now");
	json_int(&j, "closed", (long)a->n_closed);
	json_int(&j, "unknown", (long)a->n_unknown);
	json_int(&j, "anytime", (long)a->n_anytime);
	json_bool(&j, "showing_unknown", a->showing_unknown);
	json_end(&j, '}');
	json_obj(&j, "more");
	json_int(&j, "count", (long)a->more);
	json_str(&j, "language", a->more_lang);
	json_end(&j, '}');
	json_int(&j, "hidden", (long)a->nhidden);
	json_arr(&j, "emergency");
	for (i = 0; i < a->nemergency; i++) {
		json_obj(&j, NULL);
		json_str(&j, "number", a->emergency[i].number);
		json_str(&j, "kind", emergency_kind_name(a->emergency[i].kind));
		json_str(&j, "applies", a->emergency[i].applies);
		json_texts(&j, "note", a->emergency[i].note);
		json_end(&j, '}');
	}
	json_end(&j, ']');
	json_end(&j, '}');
	buf_addc(&b, '\n');
	render_put(r, &b);
	buf_free(&b);
}

void
render_service_json(struct render *r, const struct table *t, const struct result *res,
		    const struct lookup_query *q)
{
	struct buf b = {0};
	struct json j = {&b, 0, {0}};

	json_head(r, &j, t, q->at, q->at_given);
	json_offered(&j, res->contacts, res->ncontacts);
	json_service(&j, res->svc);
	json_end(&j, '}');
	buf_addc(&b, '\n');
	render_put(r, &b);
	buf_free(&b);
}
