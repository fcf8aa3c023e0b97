/*
 * render.c - lays out results, services, lists and referral cards.  The
 * words come from the catalogs through i18n, the data through sanitize;
 * this file only arranges them and writes them out.
 */
#include "render.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "hours.h"
#include "sanitize.h"
#include "xmalloc.h"

#define LRI "\xe2\x81\xa6"
#define PDI "\xe2\x81\xa9"

/* Writes s, dropping our isolate marks in a left-to-right UI (they only
 * matter in right-to-left text) and converting the character set. */
static void
render_emit(struct render *r, const char *s, size_t len)
{
	struct buf b = {0};
	const char *p = s, *end = s + len;
	char *conv;
	size_t clen;

	if (r->error || r->broken_pipe)
		return;
	if (r->format != RENDER_JSON && !i18n_rtl(r->ui)) {
		while (p < end) {
			const char *q = memchr(p, 0xe2, (size_t)(end - p));

			if (q == NULL || q + 2 >= end) {
				buf_addn(&b, p, (size_t)(end - p));
				break;
			}
			buf_addn(&b, p, (size_t)(q - p));
			if ((unsigned char)q[1] == 0x81 && (unsigned char)q[2] >= 0xa6 &&
			    (unsigned char)q[2] <= 0xa9)
				p = q + 3;
			else {
				buf_addn(&b, q, 1);
				p = q + 1;
			}
		}
		s = b.s ? b.s : "";
		len = b.len;
	}
	if (r->format != RENDER_JSON && (conv = i18n_to_terminal(r->ui, s, len, &clen)) != NULL) {
		if (fwrite(conv, 1, clen, r->out) != clen)
			r->error = errno ? errno : EIO;
		free(conv);
	} else if (len > 0 && fwrite(s, 1, len, r->out) != len) {
		r->error = errno ? errno : EIO;
	}
	if (r->error == EPIPE) {
		r->error = 0;
		r->broken_pipe = true;
	}
	buf_free(&b);
}

static void
render_put(struct render *r, struct buf *b)
{
	render_emit(r, b->s ? b->s : "", b->len);
	buf_reset(b);
}

int
render_flush(struct render *r)
{
	if (!r->error && !r->broken_pipe && fflush(r->out) != 0) {
		if (errno == EPIPE)
			r->broken_pipe = true;
		else
			r->error = errno ? errno : EIO;
	}
	return r->error;
}

void
render_line(struct render *r, const char *text)
{
	struct buf b = {0};

	sanitize_text(&b, text, false);
	buf_addc(&b, '\n');
	render_put(r, &b);
	buf_free(&b);
}

/* "label: value" wrapped under an indent. */
static void
render_field(struct render *r, struct buf *out, const char *indent, const char *labelkey,
	     const char *value)
{
	char *label = i18n_str(r->ui, labelkey);
	char *first = xasprintf("%s%s: ", indent, label);
	char *wrapped = i18n_wrap(r->ui, value, r->width, first, indent);

	buf_add(out, wrapped);
	buf_addc(out, '\n');
	free(wrapped);
	free(first);
	free(label);
}

/* The value of data text, sanitized, as a new string. */
static char *
render_data(const char *s)
{
	return sanitize_dup(s);
}

/* An address wrapped in isolates so it never breaks and keeps LTR order. */
static char *
render_addr(const char *s)
{
	char *clean = sanitize_dup(s), *r = xasprintf(LRI "%s" PDI, clean);

	free(clean);
	return r;
}

static char *
render_joined(struct render *r, const char *const *keys, size_t n, const char *prefix)
{
	struct buf b = {0};
	char *sep = i18n_str(r->ui, "list.separator");
	size_t i;

	for (i = 0; i < n; i++) {
		char *k = xasprintf("%s%s", prefix, keys[i]), *m = i18n_str(r->ui, k);

		if (i)
			buf_add(&b, sep);
		buf_add(&b, m);
		free(m);
		free(k);
	}
	free(sep);
	return buf_detach(&b);
}

static char *
render_lang_names(struct i18n *ui, const struct strv *langs, const char *skip)
{
	struct buf b = {0};
	char *sep = i18n_str(ui, "list.separator");
	size_t i;

	for (i = 0; i < langs->n; i++) {
		char *n;

		if (skip && strcmp(langs->v[i], skip) == 0)
			continue;
		n = i18n_language_name(ui, langs->v[i]);
		if (b.len)
			buf_add(&b, sep);
		buf_add(&b, n);
		free(n);
	}
	free(sep);
	return buf_detach(&b);
}

/* Local calendar day of t in the worker's zone, for "today or not". */
static long
render_day(const struct render *r, double t)
{
	struct i18n_wall w;

	if (i18n_zone_wall(i18n_worker_zone(r->ui), t, &w) == -1)
		return 0;
	return (long)w.year * 400 + (long)w.month * 32 + w.day;
}

/* "open now, until 20:00" / "closed now, opens Mon 12:00" / "hours not known". */
static char *
render_state(struct render *r, struct i18n *ui, const struct contact *c, int *state)
{
	double change = -1;
	enum hours_state st = hours_state(c->hours, r->now, &change);
	char *tm, *m;

	*state = (int)st;
	if (st == HOURS_UNKNOWN)
		return i18n_str(ui, "hours.unknown");
	if (change < 0) /* open round the clock, or never open */
		return i18n_str(ui, st == HOURS_OPEN ? "hours.open" : "hours.closed");
	tm = i18n_time(ui, change, render_day(r, change) != render_day(r, r->now));
	m = i18n_fmt(ui, st == HOURS_OPEN ? "hours.open_until" : "hours.closed_opens", "s", tm);
	free(tm);
	return m;
}

static char *
render_minutes(int m)
{
	return xasprintf("%02d:%02d", (m / 60) % 25, m % 60);
}

/* The weekly windows, days localised: "Mon, Wed, Fri 12:00–20:00". */
static char *
render_weekly(struct render *r, struct i18n *ui, const struct hours *h)
{
	struct buf b = {0};
	char *sep = i18n_str(ui, "list.separator");
	size_t i;
	int d;

	for (i = 0; i < h->n; i++) {
		const struct hours_window *w = &h->v[i];
		char *s, *e;
		bool first = true;

		if (i)
			buf_add(&b, "; ");
		for (d = 0; d < 7; d++) {
			char *name;

			if (!(w->days & (1u << d)))
				continue;
			name = i18n_weekday(ui, d);
			if (!first)
				buf_add(&b, sep);
			buf_add(&b, name);
			free(name);
			first = false;
		}
		s = render_minutes(w->start);
		e = render_minutes(w->end);
		buf_addf(&b, " %s%s%s", s, i18n_utf8(r->ui) ? "\xe2\x80\x93" : "-", e);
		free(s);
		free(e);
	}
	free(sep);
	return buf_detach(&b);
}

static const char *
render_color(const struct render *r, int state)
{
	if (!r->color)
		return "";
	return state == HOURS_OPEN ? "\033[32m" : state == HOURS_CLOSED ? "\033[31m" : "";
}

/* One contact line (and its hours line) under indent. */
static void
render_contact(struct render *r, struct i18n *ui, struct buf *out, const char *indent,
	       const struct contact *c, bool with_hours)
{
	char *key = xasprintf("contact.%s", contact_type_name(c->type));
	char *label = i18n_str(ui, key), *addr = render_addr(c->value), *line;
	struct buf v = {0};

	buf_add(&v, addr);
	if (c->label) {
		char *l = render_data(c->label);

		buf_addf(&v, " (%s)", l);
		free(l);
	}
	if (c->languages.n) {
		char *ln = render_lang_names(ui, &c->languages, NULL);

		buf_addf(&v, " [%s]", ln);
		free(ln);
	}
	if (c->from.n) {
		struct buf f = {0};
		char *sep = i18n_str(ui, "list.separator"), *m;

		for (size_t i = 0; i < c->from.n; i++) {
			char *cn = i18n_country_name(ui, c->from.v[i]);

			if (i)
				buf_add(&f, sep);
			buf_add(&f, cn);
			free(cn);
		}
		m = i18n_fmt(ui, "contact.from", "s", f.s ? f.s : "");
		buf_addf(&v, " %s", m);
		free(m);
		free(sep);
		buf_free(&f);
	}
	if (c->has_cost) {
		char *ck = xasprintf("cost.%s", cost_name(c->cost)), *cv = i18n_str(ui, ck);

		buf_addf(&v, " %s %s", i18n_utf8(r->ui) ? "\xc2\xb7" : "-", cv);
		free(cv);
		free(ck);
	}
	line = xasprintf("%s%s: ", indent, label);
	{
		char *w = i18n_wrap(ui, v.s ? v.s : "", r->width, line, indent);

		buf_add(out, w);
		buf_addc(out, '\n');
		free(w);
	}
	free(line);
	if (with_hours && (c->type == CONTACT_PHONE || c->type == CONTACT_CHAT)) {
		int state = HOURS_UNKNOWN;
		/* A card is read later: it gives the hours, never "open now". */
		char *st = r->format == RENDER_CARD && c->hours ? xstrdup("")
							       : render_state(r, ui, c, &state);
		char *pad = xasprintf("%s  ", indent);
		struct buf h = {0};

		buf_addf(&h, "%s%s%s", render_color(r, state), st, r->color && *render_color(r, state) ? "\033[0m" : "");
		free(st);
		if (c->hours) {
			char *wk = render_weekly(r, ui, c->hours);
			char *m = i18n_fmt(ui, "hours.weekly", "ss", wk, c->hours->zone);

			buf_addf(&h, "%s%s", h.len ? "; " : "", m);
			free(m);
			free(wk);
			if (c->hours->holidays != HOURS_HOLIDAYS_UNKNOWN) {
				m = i18n_str(ui, c->hours->holidays == HOURS_HOLIDAYS_CLOSED
							 ? "hours.holidays_closed"
							 : "hours.holidays_open");
				buf_addf(&h, "; %s", m);
				free(m);
			}
			if (c->hours_note) {
				char *n = render_data(c->hours_note);

				buf_addf(&h, " (%s)", n);
				free(n);
			}
		}
		{
			char *w = i18n_wrap(ui, h.s, r->width, pad, pad);

			buf_add(out, w);
			buf_addc(out, '\n');
			free(w);
		}
		buf_free(&h);
		free(pad);
	}
	buf_free(&v);
	free(addr);
	free(label);
	free(key);
}

/* The contacts of s, the ones in the language first, each type once
 * unless several fit the language. */
static void
render_contacts(struct render *r, struct i18n *ui, struct buf *out, const char *indent,
		const struct service *s, const char *language, bool all)
{
	static const enum contact_type order[] = {CONTACT_PHONE, CONTACT_CHAT, CONTACT_WEB,
						  CONTACT_EMAIL, CONTACT_TOR};
	size_t k, i;

	for (k = 0; k < sizeof order / sizeof order[0]; k++) {
		const struct contact *best = match_contact(s, order[k], language);

		if (best == NULL)
			continue;
		render_contact(r, ui, out, indent, best, true);
		if (!all)
			continue;
		for (i = 0; i < s->ncontacts; i++)
			if (&s->contacts[i] != best && s->contacts[i].type == order[k])
				render_contact(r, ui, out, indent, &s->contacts[i], true);
	}
}

static char *
render_text_in(struct render *r, const struct texts *t, const char *language)
{
	bool fb;
	const char *s = texts_get(t, language, &fb);
	char *clean, *res;

	if (s == NULL)
		return NULL;
	clean = render_data(s);
	if (!fb || (language && strncmp(language, "en", 2) == 0))
		return clean;
	res = i18n_fmt(r->ui, "text.in_english", "s", clean);
	free(clean);
	return res;
}

static char *
render_age(struct i18n *ui, const char *age)
{
	char *end;
	long n;

	if (strcmp(age, "unknown") == 0)
		return i18n_str(ui, "age.unknown");
	if (strcmp(age, "none") == 0)
		return i18n_str(ui, "age.none");
	/* The table checked for at most two digits; anything else reads as unknown. */
	n = strtol(age, &end, 10);
	if (end == age || *end != '\0' || n < 0 || n > 99)
		return i18n_str(ui, "age.unknown");
	return i18n_fmt(ui, "age.min", "n", (double)n);
}

static char *
render_enum(struct i18n *ui, const char *prefix, const char *name)
{
	char *k = xasprintf("%s.%s", prefix, name), *m = i18n_str(ui, k);

	free(k);
	return m;
}

/* Everything a worker needs about s, under its heading. */
static void
render_body(struct render *r, struct buf *b, const struct table *t, const struct service *s,
	    const char *language, bool all_contacts)
{
	const char *ind = "   ";
	const char *aud[3], *off[6];
	char *v, *v2, *m;
	size_t i, na = audience_names(s->audience, aud, 3), no = offer_names(s->offers, off, 6);
	(void)t;

	if ((v = render_text_in(r, &s->description, language)) != NULL) {
		char *w = i18n_wrap(r->ui, v, r->width, ind, ind);

		buf_add(b, w);
		buf_addc(b, '\n');
		free(w);
		free(v);
	}
	if (s->status == STATUS_STUDY) {
		m = i18n_str(r->ui, "status.study");
		render_field(r, b, ind, "label.status", m);
		free(m);
	}
	if (s->alert) {
		v = render_data(s->alert);
		char *until = i18n_date(r->ui, s->alert_until);

		m = i18n_fmt(r->ui, "alert.until", "ss", v, until);
		free(until);
		render_field(r, b, ind, "label.alert", m);
		free(m);
		free(v);
	}
	if (s->do_not_refer) {
		v = render_data(s->do_not_refer);
		render_field(r, b, ind, "label.do_not_refer", v);
		free(v);
	}
	for (i = 0; i < s->worker_notes.n; i++) {
		v = render_data(s->worker_notes.v[i]);
		render_field(r, b, ind, "label.worker_note", v);
		free(v);
	}
	v = render_joined(r, aud, na, "audience.");
	render_field(r, b, ind, "label.for", v);
	free(v);
	v = render_joined(r, off, no, "offer.");
	render_field(r, b, ind, "label.offers", v);
	free(v);
	v = render_lang_names(r->ui, &s->languages, NULL);
	render_field(r, b, ind, "label.languages", v);
	free(v);
	render_contacts(r, r->ui, b, ind, s, language, all_contacts);
	if ((v = render_text_in(r, &s->eligibility, language)) != NULL) {
		render_field(r, b, ind, "label.eligibility", v);
		free(v);
	}
	v = render_enum(r->ui, "cost", cost_name(s->cost));
	v2 = render_enum(r->ui, "anon", anonymity_name(s->anonymous));
	{
		char *age = render_age(r->ui, s->min_age);

		m = i18n_fmt(r->ui, "summary.cost_anon_age", "sss", v, v2, age);
		render_field(r, b, ind, "label.terms", m);
		free(m);
		free(age);
	}
	free(v);
	free(v2);
	if ((v = render_text_in(r, &s->confidentiality, language)) != NULL) {
		render_field(r, b, ind, "label.confidentiality", v);
		free(v);
	}
	if (s->unknown.n) {
		v = render_joined(r, (const char *const *)s->unknown.v, s->unknown.n, "fact.");
		render_field(r, b, ind, "label.unknown", v);
		free(v);
	}
	{
		struct buf src = {0};

		for (i = 0; i < s->nsources; i++) {
			const struct source *so = &s->sources[i];
			char *d = strcmp(so->date, "unknown") == 0 ? i18n_str(r->ui, "date.unknown")
								    : i18n_date(r->ui, so->date);
			char *ev = render_enum(r->ui, "evidence", so->evidence);
			char *u = render_addr(so->url);

			m = i18n_fmt(r->ui, "source.item", "sss", u, d, ev);
			if (i)
				buf_add(&src, "; ");
			buf_add(&src, m);
			free(m);
			free(u);
			free(ev);
			free(d);
		}
		render_field(r, b, ind, "label.sources", src.s ? src.s : "");
		buf_free(&src);
	}
	if (strcmp(s->checked, "never") == 0)
		v = i18n_str(r->ui, "checked.never");
	else
		v = i18n_date(r->ui, s->checked);
	render_field(r, b, ind, "label.checked", v);
	free(v);
}

static char *
render_reasons(struct render *r, const struct match_result *res, const struct render_query *q)
{
	struct buf b = {0};
	char *cn = i18n_country_name(r->ui, q->country), *ln = i18n_language_name(r->ui, q->language);
	char *sep = i18n_str(r->ui, "list.separator"), *m;
	unsigned rs = res->reasons;

	m = (rs & REASON_COUNTRY) ? i18n_fmt(r->ui, "reason.country", "s", cn)
				  : i18n_str(r->ui, "reason.world");
	buf_add(&b, m);
	free(m);
	buf_add(&b, sep);
	if (rs & REASON_LANGUAGE) {
		m = i18n_fmt(r->ui, "reason.language", "s", ln);
	} else if (rs & REASON_ENGLISH_FALLBACK) {
		m = i18n_fmt(r->ui, "reason.english_fallback", "s", ln);
	} else {
		char *others = render_lang_names(r->ui, &res->svc->languages, NULL);

		m = i18n_fmt(r->ui, "reason.other_languages", "ss", ln, others);
		free(others);
	}
	buf_add(&b, m);
	free(m);
	free(sep);
	free(cn);
	free(ln);
	return buf_detach(&b);
}

static void
render_emergency_text(struct render *r, struct buf *b, const struct table *t, const char *country)
{
	size_t i, j, shown = 0;
	struct buf nums = {0};
	char *sep = i18n_str(r->ui, "list.separator");

	for (i = 0; i < t->nemergency; i++) {
		const struct emergency *e = &t->emergency[i];

		if (strcmp(e->country, country) != 0 &&
		    !(strcmp(e->country, "EU") == 0 && i18n_region_contains("EU", country)))
			continue;
		for (j = 0; j < e->n; j++) {
			char *kind = render_enum(r->ui, "emergency", emergency_kind_name(e->v[j].kind));
			char *num = render_addr(e->v[j].number);
			char *m;

			/* The same number from the EU and the country entry once. */
			if (nums.s && strstr(nums.s, num) != NULL) {
				free(kind);
				free(num);
				continue;
			}
			m = i18n_fmt(r->ui, "emergency.item", "ss", num, kind);
			if (shown++)
				buf_add(&nums, sep);
			buf_add(&nums, m);
			free(m);
			free(kind);
			free(num);
		}
	}
	{
		char *cn = i18n_country_name(r->ui, country);
		char *m = shown ? i18n_fmt(r->ui, "emergency.header", "ss", cn, nums.s)
				: i18n_fmt(r->ui, "emergency.none", "s", cn);
		char *w = i18n_wrap(r->ui, m, r->width, "", "  ");

		buf_add(b, w);
		buf_addc(b, '\n');
		free(w);
		free(m);
		free(cn);
	}
	free(sep);
	buf_free(&nums);
}

/* ---- JSON ---- */

static void
json_key(struct buf *b, const char *k)
{
	sanitize_json(b, k);
	buf_addc(b, ':');
}

static void
json_str(struct buf *b, const char *k, const char *v)
{
	json_key(b, k);
	if (v)
		sanitize_json(b, v);
	else
		buf_add(b, "null");
}

static void
json_strv(struct buf *b, const char *k, const char *const *v, size_t n)
{
	size_t i;

	json_key(b, k);
	buf_addc(b, '[');
	for (i = 0; i < n; i++) {
		if (i)
			buf_addc(b, ',');
		sanitize_json(b, v[i]);
	}
	buf_addc(b, ']');
}

static void
json_texts(struct buf *b, const char *k, const struct texts *t)
{
	size_t i;

	json_key(b, k);
	buf_addc(b, '{');
	for (i = 0; i < t->n; i++) {
		if (i)
			buf_addc(b, ',');
		json_str(b, t->v[i].lang, t->v[i].text);
	}
	buf_addc(b, '}');
}

static void
json_time(struct buf *b, const char *k, double t)
{
	time_t s = (time_t)floor(t / 1000.0);
	struct tm tm;
	char tmp[32];

	json_key(b, k);
	if (t < 0 || gmtime_r(&s, &tm) == NULL) {
		buf_add(b, "null");
		return;
	}
	strftime(tmp, sizeof tmp, "%Y-%m-%dT%H:%M:%SZ", &tm);
	sanitize_json(b, tmp);
}

static void
json_contact(struct render *r, struct buf *b, const struct contact *c)
{
	buf_addc(b, '{');
	json_str(b, "type", contact_type_name(c->type));
	buf_addc(b, ',');
	json_str(b, "value", c->value);
	buf_addc(b, ',');
	json_str(b, "label", c->label);
	buf_addc(b, ',');
	json_strv(b, "languages", (const char *const *)c->languages.v, c->languages.n);
	buf_addc(b, ',');
	json_strv(b, "from", (const char *const *)c->from.v, c->from.n);
	buf_addc(b, ',');
	json_str(b, "cost", c->has_cost ? cost_name(c->cost) : NULL);
	buf_addc(b, ',');
	json_key(b, "hours");
	if (c->hours == NULL) {
		buf_add(b, "null");
	} else {
		static const char *const hol[] = {"unknown", "closed", "open"};

		buf_addc(b, '{');
		json_str(b, "zone", c->hours->zone);
		buf_addc(b, ',');
		json_strv(b, "weekly", (const char *const *)c->weekly.v, c->weekly.n);
		buf_addc(b, ',');
		json_str(b, "public_holidays", hol[c->hours->holidays]);
		buf_addc(b, ',');
		json_str(b, "note", c->hours_note);
		buf_addc(b, '}');
	}
	if (c->type == CONTACT_PHONE || c->type == CONTACT_CHAT) {
		double change = -1;
		enum hours_state st = hours_state(c->hours, r->now, &change);
		static const char *const names[] = {"unknown", "open", "closed"};

		buf_addc(b, ',');
		json_key(b, "now");
		buf_addc(b, '{');
		json_str(b, "state", names[st]);
		buf_addc(b, ',');
		if (st == HOURS_OPEN)
			json_time(b, "until", change);
		else
			json_str(b, "until", NULL);
		buf_addc(b, ',');
		if (st == HOURS_CLOSED && change >= 0)
			json_time(b, "opens", change);
		else
			json_str(b, "opens", NULL);
		buf_addc(b, '}');
	}
	buf_addc(b, '}');
}

static void
json_service(struct render *r, struct buf *b, const struct service *s)
{
	const char *aud[3], *off[6];
	size_t na = audience_names(s->audience, aud, 3), no = offer_names(s->offers, off, 6), i;

	buf_addc(b, '{');
	json_str(b, "id", s->id);
	buf_addc(b, ',');
	json_str(b, "name", s->name);
	buf_addc(b, ',');
	json_str(b, "organization", s->organization);
	buf_addc(b, ',');
	json_str(b, "status", status_name(s->status));
	buf_addc(b, ',');
	json_str(b, "successor", s->successor);
	buf_addc(b, ',');
	json_str(b, "ended", s->ended);
	buf_addc(b, ',');
	json_strv(b, "countries", (const char *const *)s->countries.v, s->countries.n);
	buf_addc(b, ',');
	json_strv(b, "languages", (const char *const *)s->languages.v, s->languages.n);
	buf_addc(b, ',');
	json_strv(b, "audience", aud, na);
	buf_addc(b, ',');
	json_strv(b, "offers", off, no);
	buf_addc(b, ',');
	json_str(b, "cost", cost_name(s->cost));
	buf_addc(b, ',');
	json_str(b, "anonymous", anonymity_name(s->anonymous));
	buf_addc(b, ',');
	json_str(b, "min_age", s->min_age);
	buf_addc(b, ',');
	json_texts(b, "description", &s->description);
	buf_addc(b, ',');
	json_texts(b, "eligibility", &s->eligibility);
	buf_addc(b, ',');
	json_texts(b, "confidentiality", &s->confidentiality);
	buf_addc(b, ',');
	json_key(b, "contacts");
	buf_addc(b, '[');
	for (i = 0; i < s->ncontacts; i++) {
		if (i)
			buf_addc(b, ',');
		json_contact(r, b, &s->contacts[i]);
	}
	buf_add(b, "],");
	json_strv(b, "unknown", (const char *const *)s->unknown.v, s->unknown.n);
	buf_addc(b, ',');
	json_key(b, "sources");
	buf_addc(b, '[');
	for (i = 0; i < s->nsources; i++) {
		const struct source *so = &s->sources[i];

		if (i)
			buf_addc(b, ',');
		buf_addc(b, '{');
		json_str(b, "url", so->url);
		buf_addc(b, ',');
		json_str(b, "date", so->date);
		buf_addc(b, ',');
		json_str(b, "evidence", so->evidence);
		buf_addc(b, ',');
		json_strv(b, "supports", (const char *const *)so->supports.v, so->supports.n);
		buf_addc(b, '}');
	}
	buf_add(b, "],");
	json_str(b, "checked", s->checked);
	buf_addc(b, ',');
	json_strv(b, "worker_notes", (const char *const *)s->worker_notes.v, s->worker_notes.n);
	buf_addc(b, ',');
	json_str(b, "do_not_refer", s->do_not_refer);
	buf_addc(b, ',');
	json_str(b, "alert", s->alert);
	buf_addc(b, ',');
	json_str(b, "alert_until", s->alert_until);
	buf_addc(b, ',');
	json_str(b, "origin", s->origin);
	buf_addc(b, '}');
}

static void
json_emergency(struct buf *b, const struct table *t, const char *country)
{
	size_t i, j, n = 0;

	json_key(b, "emergency");
	buf_addc(b, '[');
	for (i = 0; i < t->nemergency; i++) {
		const struct emergency *e = &t->emergency[i];

		if (strcmp(e->country, country) != 0 &&
		    !(strcmp(e->country, "EU") == 0 && i18n_region_contains("EU", country)))
			continue;
		for (j = 0; j < e->n; j++) {
			size_t k, l;
			bool dup = false;

			/* A number listed for the EU and the country appears once,
			 * as in the text output. */
			for (k = 0; k <= i && !dup; k++)
				for (l = 0; l < (k == i ? j : t->emergency[k].n) && !dup; l++)
					dup = (strcmp(t->emergency[k].country, country) == 0 ||
					       strcmp(t->emergency[k].country, "EU") == 0) &&
					      strcmp(t->emergency[k].v[l].number, e->v[j].number) == 0;
			if (dup)
				continue;
			if (n++)
				buf_addc(b, ',');
			buf_addc(b, '{');
			json_str(b, "applies", e->country);
			buf_addc(b, ',');
			json_str(b, "number", e->v[j].number);
			buf_addc(b, ',');
			json_str(b, "kind", emergency_kind_name(e->v[j].kind));
			buf_addc(b, '}');
		}
	}
	buf_addc(b, ']');
}

static void
json_head(struct render *r, struct buf *b, const struct table *t)
{
	char ver[16];

	(void)r;
	buf_add(b, "{\"signpost\":{\"format\":1,");
	json_str(b, "ui_language", i18n_tag(r->ui));
	buf_add(b, "},\"data\":{\"schema\":");
	snprintf(ver, sizeof ver, "%d", t->schema);
	buf_add(b, ver);
	buf_addc(b, ',');
	json_str(b, "date", t->date);
	buf_addc(b, ',');
	json_strv(b, "files", (const char *const *)t->files.v, t->files.n);
	buf_add(b, "},");
	json_time(b, "at", r->now);
	buf_addc(b, ',');
}

/* ---- cards ---- */

void
render_card(struct render *r, const struct service *s, const char *language)
{
	struct i18n *ui = r->card ? r->card : r->ui;
	struct buf b = {0};
	bool fb;
	const char *d = texts_get(&s->description, language, &fb);
	char *v, *v2;
	static const enum contact_type order[] = {CONTACT_PHONE, CONTACT_CHAT, CONTACT_WEB,
						  CONTACT_EMAIL, CONTACT_TOR};
	size_t k;

	v = render_data(s->name);
	buf_addf(&b, "%s\n", v);
	free(v);
	if (d != NULL) {
		char *clean = render_data(d), *w = i18n_wrap(ui, clean, r->width, "", "");

		buf_addf(&b, "%s\n", w);
		free(w);
		free(clean);
	}
	for (k = 0; k < sizeof order / sizeof order[0]; k++) {
		const struct contact *c = match_contact(s, order[k], language);

		if (c != NULL)
			render_contact(r, ui, &b, "", c, true);
	}
	v = render_enum(ui, "cost", cost_name(s->cost));
	render_field(&(struct render){.ui = ui, .width = r->width}, &b, "", "label.cost", v);
	free(v);
	v2 = render_enum(ui, "anon", anonymity_name(s->anonymous));
	render_field(&(struct render){.ui = ui, .width = r->width}, &b, "", "label.anonymous", v2);
	free(v2);
	render_put(r, &b);
	buf_free(&b);
}

/* ---- results ---- */

/* Makes a result whole for writing it (see render_results). */
static void
render_fill(struct render *r, const struct table *t, const struct service *s)
{
	if (table_fill(t, s) == -1)
		r->data_changed = true;
}

void
render_results(struct render *r, const struct table *t, const struct render_query *q,
	       const struct match_result *res, size_t n)
{
	struct buf b = {0};
	size_t i;

	if (r->format == RENDER_JSON) {
		const char *aud[3];
		size_t na = audience_names(q->audience ? q->audience
						       : (AUDIENCE_SELF | AUDIENCE_CLOSE),
					   aud, 3);

		json_head(r, &b, t);
		buf_add(&b, "\"query\":{");
		json_str(&b, "country", q->country);
		buf_addc(&b, ',');
		json_str(&b, "language", q->language);
		buf_addc(&b, ',');
		json_str(&b, "language_source", q->language_likely ? "likely" : "given");
		buf_addc(&b, ',');
		json_strv(&b, "audience", aud, na);
		buf_addc(&b, ',');
		buf_add(&b, q->open_now ? "\"open_now\":true" : "\"open_now\":false");
		buf_add(&b, "},\"results\":[");
		render_put(r, &b);
		for (i = 0; i < n; i++) {
			static const char *const rn[] = {"country", "world", "language",
							 "other_languages", "english_fallback",
							 "audience"};
			const char *reasons[6];
			size_t nr = 0, k;
			bool fb;
			const char *dl = NULL;

			for (k = 0; k < 6; k++)
				if (res[i].reasons & (1u << k))
					reasons[nr++] = rn[k];
			render_fill(r, t, res[i].svc);
			if (i)
				buf_addc(&b, ',');
			buf_addf(&b, "{\"rank\":%zu,\"tier\":%d,", i + 1, res[i].tier);
			json_strv(&b, "reasons", reasons, nr);
			buf_addc(&b, ',');
			(void)texts_get(&res[i].svc->description, q->language, &fb);
			for (k = 0; k < res[i].svc->description.n && !fb; k++)
				if (match_language(res[i].svc->description.v[k].lang, q->language))
					dl = res[i].svc->description.v[k].lang;
			json_str(&b, "description_language", fb ? "en" : dl ? dl : q->language);
			buf_addc(&b, ',');
			json_key(&b, "service");
			json_service(r, &b, res[i].svc);
			buf_addc(&b, '}');
			render_put(r, &b);
			table_slim(t, res[i].svc);
		}
		buf_add(&b, "],");
		json_emergency(&b, t, q->country);
		buf_add(&b, "}\n");
		render_put(r, &b);
		buf_free(&b);
		return;
	}
	if (r->format == RENDER_CARD) {
		for (i = 0; i < n; i++) {
			if (i)
				render_emit(r, "\n", 1);
			render_fill(r, t, res[i].svc);
			render_card(r, res[i].svc, q->language);
			table_slim(t, res[i].svc);
		}
		return;
	}
	{
		char *cn = i18n_country_name(r->ui, q->country);
		char *ln = i18n_language_name(r->ui, q->language);
		char *m = i18n_fmt(r->ui, "results.header", "ss", cn, ln), *w;

		w = i18n_wrap(r->ui, m, r->width, "", "");
		buf_addf(&b, "%s\n", w);
		free(w);
		free(m);
		if (q->language_likely) {
			m = i18n_fmt(r->ui, "results.language_likely", "ss", ln, cn);
			w = i18n_wrap(r->ui, m, r->width, "", "");
			buf_addf(&b, "%s\n", w);
			free(w);
			free(m);
		}
		if (n > 0 && res[0].tier == 4) {
			m = i18n_fmt(r->ui, "results.english_fallback", "ss", cn, ln);
			w = i18n_wrap(r->ui, m, r->width, "", "");
			buf_addf(&b, "%s\n", w);
			free(w);
			free(m);
		}
		m = n ? i18n_fmt(r->ui, "results.count", "n", (double)n)
		      : i18n_fmt(r->ui, q->open_now && q->matched ? "results.none_open"
							      : "results.none",
				 "ss", cn, ln);
		w = i18n_wrap(r->ui, m, r->width, "", "");
		buf_addf(&b, "%s\n", w);
		free(w);
		free(m);
		free(cn);
		free(ln);
	}
	render_put(r, &b);
	for (i = 0; i < n; i++) {
		const struct service *s = res[i].svc;
		char *name, *org, *why, *head, *w;

		render_fill(r, t, s);
		name = render_data(s->name);
		org = render_data(s->organization);
		why = render_reasons(r, &res[i], q);
		head = xasprintf("%zu. %s \xe2\x80\x94 %s", i + 1, name, org);

		if (!i18n_utf8(r->ui)) {
			free(head);
			head = xasprintf("%zu. %s - %s", i + 1, name, org);
		}
		w = i18n_wrap(r->ui, head, r->width, "", "   ");
		buf_addf(&b, "\n%s\n", w);
		free(w);
		render_field(r, &b, "   ", "label.why", why);
		render_body(r, &b, t, s, q->language, false);
		render_put(r, &b);
		table_slim(t, s);
		free(head);
		free(why);
		free(org);
		free(name);
	}
	buf_addc(&b, '\n');
	render_emergency_text(r, &b, t, q->country);
	render_put(r, &b);
	buf_free(&b);
}

void
render_service(struct render *r, const struct table *t, const struct service *s,
	       const char *language)
{
	struct buf b = {0};

	if (r->format == RENDER_JSON) {
		json_head(r, &b, t);
		json_key(&b, "service");
		json_service(r, &b, s);
		buf_add(&b, "}\n");
		render_put(r, &b);
		buf_free(&b);
		return;
	}
	if (r->format == RENDER_CARD) {
		render_card(r, s, language);
		return;
	}
	{
		char *name = render_data(s->name), *org = render_data(s->organization);
		char *w = i18n_wrap(r->ui, name, r->width, "", "   ");

		buf_addf(&b, "%s\n", w);
		free(w);
		render_field(r, &b, "   ", "label.organization", org);
		free(name);
		free(org);
	}
	if (s->status == STATUS_ENDED) {
		char *m;
		const struct service *succ = s->successor ? table_find(t, s->successor) : NULL;

		if (succ) {
			char *sn = render_data(succ->name);

			m = i18n_fmt(r->ui, "status.ended_successor", "ss", sn, succ->id);
			free(sn);
		} else {
			m = i18n_str(r->ui, "status.ended");
		}
		render_field(r, &b, "   ", "label.status", m);
		free(m);
	}
	render_body(r, &b, t, s, language, true);
	render_put(r, &b);
	buf_free(&b);
}

void
render_pairs(struct render *r, const char *key, const char *const *codes, const char *const *names,
	     size_t n)
{
	struct buf b = {0};
	size_t i;

	if (r->format == RENDER_JSON) {
		buf_addc(&b, '{');
		json_key(&b, key);
		buf_addc(&b, '[');
		for (i = 0; i < n; i++) {
			if (i)
				buf_addc(&b, ',');
			buf_addc(&b, '{');
			json_str(&b, "code", codes[i]);
			buf_addc(&b, ',');
			json_str(&b, "name", names[i]);
			buf_addc(&b, '}');
		}
		buf_add(&b, "]}\n");
		render_put(r, &b);
		buf_free(&b);
		return;
	}
	for (i = 0; i < n; i++) {
		sanitize_text(&b, codes[i], true);
		buf_addc(&b, '\t');
		sanitize_text(&b, names[i], true);
		buf_addc(&b, '\n');
		render_put(r, &b);
	}
	buf_free(&b);
}


char *
render_not_found(struct i18n *ui, bool language, const char *in, enum i18n_match m,
		 const struct i18n_candidates *cand)
{
	struct buf b = {0};
	char *sep = i18n_str(ui, "list.separator"), *clean = sanitize_dup(in), *msg;
	size_t i;

	for (i = 0; i < cand->n; i++) {
		char *n = language ? i18n_language_name(ui, cand->codes[i])
				   : i18n_country_name(ui, cand->codes[i]);

		if (i)
			buf_add(&b, sep);
		buf_addf(&b, "%s (%s)", n, cand->codes[i]);
		free(n);
	}
	if (m == I18N_AMBIGUOUS)
		msg = i18n_fmt(ui, language ? "error.ambiguous_language" : "error.ambiguous_country",
			       "ss", clean, b.s ? b.s : "");
	else if (cand->n)
		msg = i18n_fmt(ui,
			       language ? "error.unknown_language_suggest"
					: "error.unknown_country_suggest",
			       "ss", clean, b.s);
	else
		msg = i18n_fmt(ui, language ? "error.unknown_language" : "error.unknown_country",
			       "s", clean);
	free(sep);
	free(clean);
	buf_free(&b);
	return msg;
}
