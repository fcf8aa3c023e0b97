/*
 * render.c - output and the pieces every format shares: making text safe
 * and writing it, wrapping, the state of a line with labelled times, the
 * weekly hours, the facts that can stop a referral.  The words come from
 * the catalogs, names, times and lists from ICU through i18n; this file
 * arranges them and decides nothing.
 */
#include "render_impl.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "sanitize.h"

/* ---- output ---- */

/* Drops our own isolates in a left-to-right UI: they matter only in
 * right-to-left text, and some terminals draw them. */
static void
render_strip_isolates(struct buf *b, const char *s, size_t len)
{
	const char *p = s, *end = s + len;

	while (p < end) {
		const char *q = memchr(p, 0xe2, (size_t)(end - p));

		if (q == NULL || q + 2 >= end) {
			buf_addn(b, p, (size_t)(end - p));
			return;
		}
		buf_addn(b, p, (size_t)(q - p));
		if ((unsigned char)q[1] == 0x81 && (unsigned char)q[2] >= 0xa6 &&
		    (unsigned char)q[2] <= 0xa9)
			p = q + 3;
		else {
			buf_addn(b, q, 1);
			p = q + 1;
		}
	}
}

void
render_emit(struct render *r, const char *s, size_t len)
{
	struct buf b = {0};
	struct i18n *ui = r->format == RENDER_CARD || r->format == RENDER_SMS
				  ? (r->card ? r->card : r->ui)
				  : r->ui;
	char *conv;
	size_t clen;

	if (r->error || r->broken_pipe)
		return;
	if (r->format != RENDER_JSON && !i18n_rtl(ui)) {
		render_strip_isolates(&b, s, len);
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

void
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

/* ---- pieces ---- */

char *
render_data(const char *s)
{
	return sanitize_dup(s ? s : "");
}

char *
render_ltr(const char *s)
{
	char *clean = sanitize_dup(s ? s : ""), *res = xasprintf(LRI "%s" PDI, clean);

	free(clean);
	return res;
}

char *
render_isolate(const char *s)
{
	char *clean = sanitize_dup(s ? s : ""), *res = xasprintf(FSI "%s" PDI, clean);

	free(clean);
	return res;
}

void
render_wrap(struct render *r, struct i18n *ui, struct buf *out, const char *text, const char *first,
	    const char *rest)
{
	char *w = i18n_wrap(ui, text, r->width, first, rest);
	const char *p = w;
	bool rtl = i18n_rtl(ui);

	/* Each line starts in the language's direction: a bidi terminal
	 * takes a line's direction from its first strong character. */
	for (;;) {
		const char *nl = strchr(p, '\n');

		if (rtl)
			buf_add(out, RLM);
		buf_addn(out, p, nl ? (size_t)(nl - p) : strlen(p));
		buf_addc(out, '\n');
		if (nl == NULL)
			break;
		p = nl + 1;
	}
	free(w);
}

void
render_field(struct render *r, struct i18n *ui, struct buf *out, const char *indent,
	     const char *labelkey, const char *value)
{
	char *label = i18n_str(ui, labelkey);
	char *line = i18n_fmt(ui, "format.label", "ss", label, value);

	render_wrap(r, ui, out, line, indent, indent);
	free(line);
	free(label);
}

static bool
render_is_age(const char *v)
{
	return v != NULL && *v != '\0' && strspn(v, "0123456789") == strlen(v);
}

/* An age the table checked to be digits, as a number. */
static double
render_age_of(const char *v)
{
	return (double)strtol(v, NULL, 10);
}

char *
render_contact_head(struct render *r, struct i18n *ui, const struct contact *c, const char *country,
		    const char *lang)
{
	char *type = render_word(ui, "contact.", contact_type_name(c->type));
	char *value = render_value(c, country), *res;
	const char *label = render_label_in(c, lang);

	if (label == NULL && ui == r->ui)
		label = texts_en(&c->label);
	if (label != NULL) {
		char *l = render_isolate(label);

		res = i18n_fmt(ui, "contact.head_label", "sss", type, value, l);
		free(l);
	} else {
		res = i18n_fmt(ui, "contact.head", "ss", type, value);
	}
	free(type);
	free(value);
	return res;
}

char *
render_ages(struct i18n *ui, const struct service *s)
{
	bool min = render_is_age(s->min_age);

	if (s->max_age != NULL && min)
		return i18n_fmt(ui, "age.range", "nn", render_age_of(s->min_age),
				render_age_of(s->max_age));
	if (s->max_age != NULL)
		return i18n_fmt(ui, "age.max", "n", render_age_of(s->max_age));
	if (min)
		return i18n_fmt(ui, "age.min", "n", render_age_of(s->min_age));
	return NULL;
}

char *
render_word(struct i18n *ui, const char *prefix, const char *name)
{
	char *k = xasprintf("%s%s", prefix, name), *m = i18n_str(ui, k);

	free(k);
	return m;
}

char *
render_value(const struct contact *c, const char *country)
{
	size_t i;
	bool home = false;

	if (c->type == CONTACT_PHONE && c->international != NULL) {
		for (i = 0; i < c->from.n; i++)
			home |= country != NULL && strcmp(c->from.v[i], country) == 0;
		if (!home && country != NULL)
			return render_ltr(c->international);
	}
	return render_ltr(c->value);
}

const char *
render_label_in(const struct contact *c, const char *lang)
{
	return lang ? texts_in(&c->label, lang) : NULL;
}

char *
render_languages(struct i18n *ui, const struct strv *langs)
{
	char **names = xcalloc(langs->n + 1, sizeof *names), *res;
	size_t i;

	for (i = 0; i < langs->n; i++)
		names[i] = i18n_language_name(ui, langs->v[i]);
	res = i18n_list(ui, (const char *const *)names, langs->n, I18N_LIST_AND);
	for (i = 0; i < langs->n; i++)
		free(names[i]);
	free(names);
	return res;
}

/* Local calendar day of t in zone, for "today or not". */
static long
render_day(const char *zone, double t)
{
	struct i18n_wall w;

	if (i18n_zone_wall(zone, t, &w) == -1)
		return 0;
	return (long)w.year * 400 + (long)w.month * 32 + w.day;
}

struct render_zone {
	char *tag, *zone, *name;
};

const char *
render_zone_name(struct render *r, struct i18n *ui, const char *zone)
{
	const char *tag = i18n_tag(ui), *key = zone != NULL ? zone : "";
	struct render_zone *z;
	size_t i;

	for (i = 0; i < r->nzones; i++)
		if (strcmp(r->zones[i].tag, tag) == 0 && strcmp(r->zones[i].zone, key) == 0)
			return r->zones[i].name;
	r->zones = xreallocarray(r->zones, r->nzones + 1, sizeof *r->zones);
	z = &r->zones[r->nzones++];
	z->tag = xstrdup(tag);
	z->zone = xstrdup(key);
	z->name = i18n_zone_name(ui, zone);
	return z->name;
}

void
render_zones_clear(struct render *r)
{
	for (size_t i = 0; i < r->nzones; i++) {
		free(r->zones[i].tag);
		free(r->zones[i].zone);
		free(r->zones[i].name);
	}
	free(r->zones);
	r->zones = NULL;
	r->nzones = 0;
}

/* Instant t as the line's zone shows it, labelled, and the worker's own
 * time when it differs: "20:00 Czechia Time (your time: 14:00)". */
static char *
render_when(struct render *r, struct i18n *ui, const char *zone, double t, double at)
{
	bool day = render_day(zone, t) != render_day(zone, at);
	char *tm = i18n_time_in(ui, zone, t, day), *res;
	const char *zn = render_zone_name(r, ui, zone);

	if (ui == r->ui && !i18n_same_wall_time(ui, zone, t)) {
		const char *wz = i18n_worker_zone(ui);
		char *mine = i18n_time_in(ui, NULL, t,
					  wz[0] != '\0' && render_day(wz, t) != render_day(wz, at));

		res = i18n_fmt(ui, "time.zone_and_yours", "sss", tm, zn, mine);
		free(mine);
	} else {
		res = i18n_fmt(ui, "time.zone", "ss", tm, zn);
	}
	free(tm);
	return res;
}

char *
render_state(struct render *r, struct i18n *ui, const struct offered *o,
	     const struct lookup_query *q)
{
	const struct hours_now *n = &o->now;
	const char *when = q->at_given ? "at" : "now";
	const char *zone = o->c->hours ? o->c->hours->zone : NULL;
	char *t, *res;

	switch (n->state) {
	case HOURS_OPEN:
		if (n->change < 0)
			return i18n_fmt(ui, "state.open", "s", when);
		t = render_when(r, ui, zone, n->change, q->at);
		res = i18n_fmt(ui, "state.open_until", "ss", when, t);
		free(t);
		return res;
	case HOURS_CLOSED: {
		const char *why = n->why == HOURS_WHY_HOLIDAY   ? "holiday"
				  : n->why == HOURS_WHY_CLOSURE ? "closure"
								: "hours";

		if (n->change < 0)
			return i18n_fmt(ui, "state.closed", "ss", when, why);
		t = render_when(r, ui, zone, n->change, q->at);
		res = i18n_fmt(ui, "state.closed_opens", "sss", when, why, t);
		free(t);
		return res;
	}
	case HOURS_UNKNOWN:
	default:
		if (n->why == HOURS_WHY_HOLIDAY_HOURS)
			return i18n_fmt(ui, "state.unknown_holiday", "s", when);
		if (n->why == HOURS_WHY_NO_CALENDAR)
			return i18n_fmt(ui, "state.unknown_calendar", "s", when);
		return i18n_str(ui, "state.no_hours");
	}
}

/* The days of a window: runs of three or more as a range ("Mon–Fri"),
 * the rest listed, by ICU's list formatter. */
static char *
render_days(struct i18n *ui, unsigned days)
{
	char *items[7];
	size_t n = 0, i;
	int d = 0;
	char *res;

	while (d < 7) {
		int e = d;

		if (!(days & (1u << d))) {
			d++;
			continue;
		}
		while (e + 1 < 7 && (days & (1u << (e + 1))))
			e++;
		if (e - d >= 2) {
			char *a = i18n_weekday(ui, d), *b = i18n_weekday(ui, e);

			items[n++] = i18n_fmt(ui, "hours.day_range", "ss", a, b);
			free(a);
			free(b);
		} else {
			for (int k = d; k <= e; k++)
				items[n++] = i18n_weekday(ui, k);
		}
		d = e + 1;
	}
	if (days == 0x7f) {
		for (i = 0; i < n; i++)
			free(items[i]);
		return i18n_str(ui, "hours.every_day");
	}
	res = i18n_list(ui, (const char *const *)items, n, I18N_LIST_AND);
	for (i = 0; i < n; i++)
		free(items[i]);
	return res;
}

char *
render_hours(struct render *r, struct i18n *ui, const struct hours *h)
{
	struct buf w = {0}, out = {0};
	char *sep = i18n_str(ui, "hours.window_separator"), *m;
	const char *zn;
	size_t i;

	for (i = 0; i < h->n; i++) {
		const struct hours_window *win = &h->v[i];
		char *days = render_days(ui, win->days);
		char *range = win->start == 0 && win->end == 1440
				      ? i18n_str(ui, "hours.all_day")
				      : i18n_minutes_range(ui, win->start, win->end);

		if (i)
			buf_add(&w, sep);
		m = i18n_fmt(ui, "hours.window", "ss", days, range);
		buf_add(&w, m);
		free(m);
		free(days);
		free(range);
	}
	zn = render_zone_name(r, ui, h->zone);
	m = i18n_fmt(ui, "hours.weekly", "ss", w.s ? w.s : "", zn);
	buf_add(&out, m);
	free(m);
	buf_free(&w);
	if (h->holidays != HOURS_HOLIDAYS_UNKNOWN) {
		m = i18n_str(ui, h->holidays == HOURS_HOLIDAYS_CLOSED ? "hours.holidays_closed"
								      : "hours.holidays_open");
		buf_add(&out, sep);
		buf_add(&out, m);
		free(m);
	}
	if (h->nclosed > 0) {
		char **days = xcalloc(h->nclosed, sizeof *days), *list;

		for (i = 0; i < h->nclosed; i++)
			days[i] = i18n_month_day(ui, h->closed[i].year, h->closed[i].month,
						 h->closed[i].day);
		list = i18n_list(ui, (const char *const *)days, h->nclosed, I18N_LIST_AND);
		m = i18n_fmt(ui, "hours.closed_on", "s", list);
		buf_add(&out, sep);
		buf_add(&out, m);
		free(m);
		free(list);
		for (i = 0; i < h->nclosed; i++)
			free(days[i]);
		free(days);
	}
	free(sep);
	return buf_detach(&out);
}

char *
render_local_mark(struct i18n *ui, const struct service *s, bool with_file)
{
	const struct table_file *f = s->replaced ? s->replaced : s->origin;
	const char *how;
	char *name, *res;

	/* The main table (shipped, or given with --data: the footer names
	 * it) marks nothing; what an overlay adds, changes or notes is. */
	if (f == NULL || f->kind == ORIGIN_SHIPPED || f->kind == ORIGIN_DATA) {
		if (s->noted == NULL)
			return NULL;
		f = s->noted;
		how = "noted";
	} else {
		how = s->replaced ? "replaced" : "added";
	}
	/* A path is one unbroken left-to-right run: broken at a "/", it
	 * could not be copied from the terminal. */
	name = with_file ? render_ltr(f->path) : render_data(f->name);
	res = i18n_fmt(ui, "local.mark", "sss", how, origin_kind_name(f->kind), name);
	free(name);
	return res;
}

/* At most this many hidden services are named; the rest are counted. */
#define RENDER_HIDDEN_NAMED 10

char *
render_hidden(struct i18n *ui, const struct table *t, bool with_file, bool isolate)
{
	char *items[RENDER_HIDDEN_NAMED + 1] = {NULL}, *list, *res;
	size_t i, n = 0;

	if (t->nhidden == 0)
		return NULL;
	for (i = 0; i < t->nhidden && n < RENDER_HIDDEN_NAMED; i++) {
		const struct table_file *f = t->hidden[i].by;
		char *id = isolate ? render_ltr(t->hidden[i].id) : render_data(t->hidden[i].id);
		char *name = with_file ? render_ltr(f->path) : render_data(f->name);

		items[n++] = i18n_fmt(ui, "local.hidden_item", "sss", id, origin_kind_name(f->kind),
				      name);
		free(name);
		free(id);
	}
	if (t->nhidden > n) {
		items[n] = i18n_fmt(ui, "local.hidden_more", "n", (double)(t->nhidden - n));
		n++;
	}
	list = i18n_list(ui, (const char *const *)items, n, I18N_LIST_AND);
	res = i18n_fmt(ui, "results.hidden", "ns", (double)t->nhidden, list);
	for (i = 0; i < n; i++)
		free(items[i]);
	free(list);
	return res;
}

size_t
render_card_local(struct render *r, const struct table *t, const struct answer *a, size_t i,
		  const struct result *one, char ***out)
{
	size_t n = 0, k, from = 0, to = 0;
	char **v = NULL, *m;

	if (a != NULL) {
		from = i == SIZE_MAX ? 0 : i;
		to = i == SIZE_MAX ? a->n : i + 1;
	}
	for (k = from; k < to || (a == NULL && k == 0 && one != NULL); k++) {
		const struct result *res = a != NULL ? &a->v[k] : one;
		const struct service *svc = res->svc;
		char *mark, *name;

		if (!res->cardable || (mark = render_local_mark(r->ui, svc, false)) == NULL)
			continue;
		/* For stderr, where isolates would show as <U+2068>. */
		name = render_data(svc->name);
		v = xreallocarray(v, n + 2, sizeof *v);
		v[n++] = i18n_fmt(r->ui, "card.local", "ss", name, mark);
		free(name);
		free(mark);
		if (a == NULL)
			break;
	}
	if ((m = render_hidden(r->ui, t, false, false)) != NULL) {
		v = xreallocarray(v, n + 2, sizeof *v);
		v[n++] = m;
	}
	*out = v;
	return n;
}

char *
render_facts(struct render *r, struct i18n *ui, const struct result *res)
{
	const struct service *s = res->svc;
	char *items[8];
	size_t n = 0, i;
	char *out, *sep;
	struct buf b = {0};

	(void)r;
	if (res->study_closed)
		items[n++] = i18n_str(ui, "key.study_closed");
	else if (s->status == STATUS_STUDY && s->study_ends &&
		 strcmp(s->study_ends, "unknown") != 0) {
		char *d = i18n_date(ui, s->study_ends);

		items[n++] = i18n_fmt(ui, "key.study_until", "s", d);
		free(d);
	} else if (s->status == STATUS_STUDY)
		items[n++] = i18n_str(ui, "key.study");
	if ((out = render_ages(ui, s)) != NULL)
		items[n++] = out;
	if (s->cost == COST_PAID)
		items[n++] = i18n_str(ui, "key.paid");
	if (s->reporting == REPORTING_LIMITED)
		items[n++] = i18n_str(ui, "key.reporting");
	if (s->do_not_refer) {
		char *v = render_data(s->do_not_refer);

		items[n++] = i18n_fmt(ui, "key.do_not_refer", "s", v);
		free(v);
	}
	if ((out = render_local_mark(ui, s, false)) != NULL)
		items[n++] = out;
	if (n == 0)
		return NULL;
	sep = i18n_str(ui, "format.facts_separator");
	for (i = 0; i < n; i++) {
		if (i)
			buf_add(&b, sep);
		buf_add(&b, items[i]);
		free(items[i]);
	}
	free(sep);
	return buf_detach(&b);
}

/* ---- lists and errors ---- */

void
render_pairs(struct render *r, const char *key, const char *const *codes, const char *const *names,
	     size_t n)
{
	struct buf b = {0};
	size_t i;

	if (r->format == RENDER_JSON) {
		buf_addc(&b, '{');
		sanitize_json(&b, key);
		buf_add(&b, ":[");
		for (i = 0; i < n; i++) {
			if (i)
				buf_addc(&b, ',');
			buf_add(&b, "{\"code\":");
			sanitize_json(&b, codes[i]);
			buf_add(&b, ",\"name\":");
			sanitize_json(&b, names[i]);
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

void
render_error_json(struct render *r, int status, const char *code, const char *message,
		  const char *input, const char *const *codes, const char *const *names, size_t n)
{
	struct buf b = {0};
	size_t i;

	buf_addf(&b, "{\"error\":{\"status\":%d,\"code\":", status);
	sanitize_json(&b, code);
	buf_add(&b, ",\"message\":");
	sanitize_json(&b, message);
	buf_add(&b, ",\"input\":");
	if (input)
		sanitize_json(&b, input);
	else
		buf_add(&b, "null");
	buf_add(&b, ",\"candidates\":[");
	for (i = 0; i < n; i++) {
		if (i)
			buf_addc(&b, ',');
		buf_add(&b, "{\"code\":");
		sanitize_json(&b, codes[i]);
		buf_add(&b, ",\"name\":");
		sanitize_json(&b, names && names[i] ? names[i] : codes[i]);
		buf_addc(&b, '}');
	}
	buf_add(&b, "]}}\n");
	render_put(r, &b);
	buf_free(&b);
}

char *
render_not_found(struct i18n *ui, bool language, const char *in, enum i18n_match m,
		 const struct i18n_candidates *cand)
{
	char **items, *clean, *msg, *list;
	size_t i;

	/* No names data: say why (the caller stops). */
	if (m == I18N_NO_DATA) {
		(void)i18n_names_ready(ui, false, &msg);
		return msg;
	}
	items = xcalloc(cand->n + 1, sizeof *items);
	clean = sanitize_dup(in);
	for (i = 0; i < cand->n; i++) {
		/* A country, or a region ("GB-WLS"). */
		char *n = language ? i18n_language_name(ui, cand->codes[i])
				   : i18n_region_name(ui, cand->codes[i]);

		items[i] = i18n_fmt(ui, "format.name_code", "ss", n, cand->codes[i]);
		free(n);
	}
	list = i18n_list(ui, (const char *const *)items, cand->n,
			 m == I18N_AMBIGUOUS ? I18N_LIST_AND : I18N_LIST_OR);
	if (m == I18N_AMBIGUOUS)
		msg = i18n_fmt(ui,
			       language ? "error.ambiguous_language" : "error.ambiguous_country",
			       "ss", clean, list);
	else if (cand->n)
		msg = i18n_fmt(ui,
			       language ? "error.unknown_language_suggest"
					: "error.unknown_country_suggest",
			       "ss", clean, list);
	else
		msg = i18n_fmt(ui, language ? "error.unknown_language" : "error.unknown_country",
			       "s", clean);
	for (i = 0; i < cand->n; i++)
		free(items[i]);
	free(items);
	free(list);
	free(clean);
	return msg;
}

/* ---- text messages ---- */

/* GSM 03.38: the basic set, and the extension table (two units each). */
static const char gsm_basic[] =
	"@$\n\r "
	"!\"#%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";
static const char *const gsm_basic_utf8[] = {
	"\xc2\xa3", "\xc2\xa5", "\xc3\xa8", "\xc3\xa9", "\xc3\xb9", "\xc3\xac", "\xc3\xb2",
	"\xc3\x87", "\xc3\x98", "\xc3\xb8", "\xc3\x85", "\xc3\xa5", "\xce\x94", "\xce\xa6",
	"\xce\x93", "\xce\x9b", "\xce\xa9", "\xce\xa0", "\xce\xa8", "\xce\xa3", "\xce\x98",
	"\xce\x9e", "\xc3\x86", "\xc3\xa6", "\xc3\x9f", "\xc3\x89", "\xc2\xa4", "\xc2\xa1",
	"\xc3\x84", "\xc3\x96", "\xc3\x91", "\xc3\x9c", "\xc2\xa7", "\xc2\xbf", "\xc3\xa4",
	"\xc3\xb6", "\xc3\xb1", "\xc3\xbc", "\xc3\xa0", NULL};
static const char gsm_ext[] = "^{}\\[~]|";

int
render_sms_segments(const char *s, bool *ucs2, size_t *units)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t gsm = 0, u16 = 0;
	bool need = false;

	while (*p) {
		size_t len = *p < 0x80 ? 1 : *p < 0xe0 ? 2 : *p < 0xf0 ? 3 : 4;
		bool found = false;

		if (*p < 0x80 && *p && strchr(gsm_basic, *p) != NULL) {
			gsm += 1;
			found = true;
		} else if ((*p < 0x80 && *p && strchr(gsm_ext, *p) != NULL) ||
			   (len == 3 && p[0] == 0xe2 && p[1] == 0x82 && p[2] == 0xac)) {
			gsm += 2; /* the extension table, the euro sign among it */
			found = true;
		} else {
			for (size_t i = 0; gsm_basic_utf8[i]; i++)
				if (strlen(gsm_basic_utf8[i]) == len &&
				    memcmp(gsm_basic_utf8[i], p, len) == 0) {
					gsm += 1;
					found = true;
					break;
				}
		}
		if (!found)
			need = true;
		u16 += len == 4 ? 2 : 1;
		for (size_t i = 0; i < len && *p; i++)
			p++;
	}
	*ucs2 = need;
	if (need) {
		*units = u16;
		return u16 <= 70 ? 1 : (int)((u16 + 66) / 67);
	}
	*units = gsm;
	return gsm <= 160 ? 1 : (int)((gsm + 152) / 153);
}
