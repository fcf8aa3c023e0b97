/*
 * table.c - the resource table loader and validator.  It turns the ynode
 * tree of a YAML file into struct table, checking every field against
 * schema 1 and collecting every problem with its FILE:LINE:COLUMN, so
 * `signpost --check` can list them all at once.  No I/O beyond reading the
 * file, no printing.
 */
#include "table.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "xmalloc.h"
#include "ynode.h"

#define TABLE_MAX_SERVICES 250000

struct loader {
	const char *name;
	struct problems *pr;
	const struct table_options *o;
	bool overlay;
};

static const struct ynode_limits *
table_limits(const struct table_options *o)
{
	return o != NULL && o->limits != NULL ? o->limits : &ynode_default_limits;
}

/*
 * Validating codes through ICU is the costly part of loading a table, and
 * the same few codes recur in every service: remember the answers.  The
 * memo is per process and only ever holds what ICU said.
 */
static unsigned char table_country_memo[26][26]; /* 0 unknown, 1 valid, 2 not */

static bool
table_country_known(const char *s)
{
	unsigned char *m;

	if (s[0] < 'A' || s[0] > 'Z' || s[1] < 'A' || s[1] > 'Z')
		return false;
	m = &table_country_memo[s[0] - 'A'][s[1] - 'A'];
	if (*m == 0)
		*m = i18n_country_valid(s) ? 1 : 2;
	return *m == 1;
}

#define TABLE_LANG_MEMO 64
static struct {
	char in[16];
	char out[16]; /* "" when not a valid tag */
} table_lang_memo[TABLE_LANG_MEMO];
static size_t table_lang_memo_n;

/* i18n_language_canonical, remembered for short tags. */
static char *
table_canonical(const char *tag)
{
	size_t i;
	char *c;

	if (strlen(tag) < sizeof table_lang_memo[0].in) {
		for (i = 0; i < table_lang_memo_n; i++)
			if (strcmp(table_lang_memo[i].in, tag) == 0)
				return table_lang_memo[i].out[0] ? xstrdup(table_lang_memo[i].out)
								 : NULL;
	}
	c = i18n_language_canonical(tag);
	if (strlen(tag) < sizeof table_lang_memo[0].in &&
	    (c == NULL || strlen(c) < sizeof table_lang_memo[0].out) &&
	    table_lang_memo_n < TABLE_LANG_MEMO) {
		strcpy(table_lang_memo[table_lang_memo_n].in, tag);
		strcpy(table_lang_memo[table_lang_memo_n].out, c ? c : "");
		table_lang_memo_n++;
	}
	return c;
}

static void SP_PRINTF(3, 4)
table_err(struct loader *L, const struct ynode *n, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	problem_vadd(L->pr, L->name, n ? n->line : 0, n ? n->column : 0, false, fmt, ap);
	va_end(ap);
}

static void SP_PRINTF(3, 4)
table_warn(struct loader *L, const struct ynode *n, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	problem_vadd(L->pr, L->name, n ? n->line : 0, n ? n->column : 0, true, fmt, ap);
	va_end(ap);
}


/* Levenshtein distance, bounded to short words (keys). */
static size_t
table_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j;
	size_t row[64], prev, tmp;

	if (la >= 63 || lb >= 63)
		return 99;
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		prev = row[0];
		row[0] = i;
		for (j = 1; j <= lb; j++) {
			size_t best = prev + (a[i - 1] != b[j - 1]);

			if (row[j] + 1 < best)
				best = row[j] + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			tmp = row[j];
			row[j] = best;
			prev = tmp;
		}
	}
	return row[lb];
}

/* The closest allowed word to s, or NULL when none is close. */
static const char *
table_suggest(const char *s, const char *const *allowed)
{
	const char *best = NULL;
	size_t bd = 99, d;

	for (; *allowed; allowed++) {
		d = table_distance(s, *allowed);
		if (d < bd) {
			bd = d;
			best = *allowed;
		}
	}
	return bd <= 2 || (bd <= 3 && strlen(s) > 6) ? best : NULL;
}

static bool
table_in(const char *s, const char *const *words)
{
	for (; *words; words++)
		if (strcmp(s, *words) == 0)
			return true;
	return false;
}

/* Reports keys of map n that are not in allowed. */
static void
table_keys(struct loader *L, const struct ynode *n, const char *const *allowed)
{
	size_t i;

	for (i = 0; i + 1 < n->n; i += 2) {
		const char *k = n->v[i]->s, *s;

		if (table_in(k, allowed))
			continue;
		if ((s = table_suggest(k, allowed)) != NULL)
			table_err(L, n->v[i], "unknown key \"%s\" (did you mean \"%s\"?)", k, s);
		else
			table_err(L, n->v[i], "unknown key \"%s\"", k);
	}
}

static const char *
table_type_name(const struct ynode *n)
{
	return n->type == YNODE_MAP ? "a mapping" : n->type == YNODE_SEQ ? "a list" : "a string";
}

/* The scalar at key, or NULL (reported when required or of another type). */
static const char *
table_str(struct loader *L, const struct ynode *map, const char *key, bool required,
	  const char *owner)
{
	const struct ynode *v = ynode_get(map, key);

	if (v == NULL) {
		if (required)
			table_err(L, map, "%s has no \"%s\"", owner, key);
		return NULL;
	}
	if (v->type != YNODE_SCALAR) {
		table_err(L, v, "\"%s\" must be a string, not %s", key, table_type_name(v));
		return NULL;
	}
	if (v->len == 0) {
		table_err(L, v, "\"%s\" is empty", key);
		return NULL;
	}
	return v->s;
}

static const struct ynode *
table_seq(struct loader *L, const struct ynode *map, const char *key, bool required,
	  const char *owner)
{
	const struct ynode *v = ynode_get(map, key);

	if (v == NULL) {
		if (required)
			table_err(L, map, "%s has no \"%s\"", owner, key);
		return NULL;
	}
	if (v->type != YNODE_SEQ) {
		table_err(L, v, "\"%s\" must be a list, not %s", key, table_type_name(v));
		return NULL;
	}
	return v;
}

static void
strv_add(struct strv *sv, const char *s)
{
	sv->v = xreallocarray(sv->v, sv->n + 1, sizeof *sv->v);
	sv->v[sv->n++] = xstrdup(s);
}

static void
strv_free(struct strv *sv)
{
	size_t i;

	for (i = 0; i < sv->n; i++)
		free(sv->v[i]);
	free(sv->v);
	sv->v = NULL;
	sv->n = 0;
}

/* A list of strings; each item must be a string. */
static void
table_strv(struct loader *L, const struct ynode *seq, struct strv *out)
{
	size_t i;

	for (i = 0; seq && i < seq->n; i++) {
		if (seq->v[i]->type != YNODE_SCALAR || seq->v[i]->len == 0)
			table_err(L, seq->v[i], "list items must be non-empty strings");
		else
			strv_add(out, seq->v[i]->s);
	}
}

static int
table_enum(struct loader *L, const struct ynode *map, const char *key, const char *const *names,
	   bool required, const char *owner, int dflt)
{
	const char *s = table_str(L, map, key, required, owner);
	const char *sug;
	int i;

	if (s == NULL)
		return dflt;
	for (i = 0; names[i]; i++)
		if (strcmp(s, names[i]) == 0)
			return i;
	sug = table_suggest(s, names);
	if (sug)
		table_err(L, ynode_get(map, key), "\"%s\" is not a valid %s (did you mean \"%s\"?)", s,
			  key, sug);
	else
		table_err(L, ynode_get(map, key), "\"%s\" is not a valid %s", s, key);
	return dflt;
}

static unsigned
table_bits(struct loader *L, const struct ynode *map, const char *key, const char *const *names,
	   bool required, const char *owner)
{
	const struct ynode *seq = table_seq(L, map, key, required, owner);
	unsigned bits = 0;
	size_t i;
	int k;

	for (i = 0; seq && i < seq->n; i++) {
		const struct ynode *it = seq->v[i];
		const char *sug;

		if (it->type != YNODE_SCALAR) {
			table_err(L, it, "list items must be strings");
			continue;
		}
		for (k = 0; names[k]; k++)
			if (strcmp(it->s, names[k]) == 0)
				break;
		if (names[k]) {
			bits |= 1u << k;
			continue;
		}
		if ((sug = table_suggest(it->s, names)) != NULL)
			table_err(L, it, "\"%s\" is not a valid %s value (did you mean \"%s\"?)", it->s,
				  key, sug);
		else
			table_err(L, it, "\"%s\" is not a valid %s value", it->s, key);
	}
	if (seq && seq->n == 0 && required)
		table_err(L, seq, "\"%s\" must not be empty", key);
	return bits;
}

/* The number in the n digits at s (already checked to be digits), or -1. */
static int
table_digits(const char *s, int n)
{
	char *end;
	long v = strtol(s, &end, 10);

	return end == s + n ? (int)v : -1;
}

/* YYYY, YYYY-MM or YYYY-MM-DD with plausible numbers. */
static bool
table_date_ok(const char *s, bool day_required)
{
	size_t n = strlen(s), i;
	int y, m = 1, d = 1;
	static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (n != 4 && n != 7 && n != 10)
		return false;
	if (day_required && n != 10)
		return false;
	for (i = 0; i < n; i++) {
		if (i == 4 || i == 7) {
			if (s[i] != '-')
				return false;
		} else if (!isdigit((unsigned char)s[i])) {
			return false;
		}
	}
	y = table_digits(s, 4);
	if (n >= 7)
		m = table_digits(s + 5, 2);
	if (n == 10)
		d = table_digits(s + 8, 2);
	return y >= 1900 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= mdays[m - 1];
}

static bool
table_country_ok(const char *s, bool allow_world)
{
	if (allow_world && strcmp(s, "world") == 0)
		return true;
	return strlen(s) == 2 && isupper((unsigned char)s[0]) && isupper((unsigned char)s[1]) &&
	       table_country_known(s);
}

static void
table_countries(struct loader *L, const struct ynode *seq, struct strv *out, bool allow_world)
{
	size_t i;

	for (i = 0; seq && i < seq->n; i++) {
		const struct ynode *it = seq->v[i];

		if (it->type != YNODE_SCALAR)
			table_err(L, it, "list items must be strings");
		else if (!table_country_ok(it->s, allow_world))
			table_err(L, it, "\"%s\" is not an ISO 3166-1 alpha-2 country code%s", it->s,
				  allow_world ? " or \"world\"" : "");
		else
			strv_add(out, it->s);
	}
}

static void
table_languages(struct loader *L, const struct ynode *seq, struct strv *out)
{
	size_t i;

	for (i = 0; seq && i < seq->n; i++) {
		const struct ynode *it = seq->v[i];
		char *c;

		if (it->type != YNODE_SCALAR) {
			table_err(L, it, "list items must be strings");
			continue;
		}
		if ((c = table_canonical(it->s)) == NULL) {
			table_err(L, it, "\"%s\" is not a valid BCP 47 language tag", it->s);
			continue;
		}
		strv_add(out, c);
		free(c);
	}
}

static void
table_texts(struct loader *L, const struct ynode *map, const char *key, bool required,
	    const char *owner, struct texts *out)
{
	const struct ynode *v = ynode_get(map, key);
	size_t i;
	bool en = false;

	if (v == NULL) {
		if (required)
			table_err(L, map, "%s has no \"%s\"", owner, key);
		return;
	}
	if (v->type != YNODE_MAP) {
		table_err(L, v, "\"%s\" must be a mapping of language tags to texts, not %s", key,
			  table_type_name(v));
		return;
	}
	for (i = 0; i + 1 < v->n; i += 2) {
		const struct ynode *k = v->v[i], *t = v->v[i + 1];
		char *c;

		if ((c = table_canonical(k->s)) == NULL) {
			table_err(L, k, "\"%s\" is not a valid BCP 47 language tag", k->s);
			continue;
		}
		if (t->type != YNODE_SCALAR || t->len == 0) {
			table_err(L, t, "the %s text must be a non-empty string", k->s);
			free(c);
			continue;
		}
		if (strcmp(c, "en") == 0)
			en = true;
		out->v = xreallocarray(out->v, out->n + 1, sizeof *out->v);
		out->v[out->n].lang = c;
		out->v[out->n].text = xstrdup(t->s);
		out->n++;
	}
	if (!en)
		table_err(L, v, "\"%s\" has no English (en) text", key);
}

static void
texts_free(struct texts *t)
{
	size_t i;

	for (i = 0; i < t->n; i++) {
		free(t->v[i].lang);
		free(t->v[i].text);
	}
	free(t->v);
}

/* Only visible ASCII, no spaces or quotes, in a URL. */
static bool
table_url_chars_ok(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s <= 0x20 || (unsigned char)*s >= 0x7f || *s == '"' || *s == '<' ||
		    *s == '>' || *s == '\\' || *s == '`')
			return false;
	return true;
}

/* An http(s) URL with a plausible host; *onion tells whether it is one. */
static bool
table_http_ok(const char *s, bool *onion)
{
	const char *h, *e;
	size_t hl;

	if (strncmp(s, "https://", 8) == 0)
		h = s + 8;
	else if (strncmp(s, "http://", 7) == 0)
		h = s + 7;
	else
		return false;
	if (!table_url_chars_ok(s))
		return false;
	e = h + strcspn(h, "/?#");
	hl = (size_t)(e - h);
	if (hl == 0 || memchr(h, '@', hl) != NULL || memchr(h, ':', hl) != NULL)
		return false;
	/* A fully qualified name may end in a dot ("example.org."). */
	if (memchr(h, '.', hl) == NULL || h[0] == '.')
		return false;
	for (size_t i = 1; i < hl; i++)
		if (h[i] == '.' && h[i - 1] == '.')
			return false;
	if (h[hl - 1] == '.')
		hl--, e--;
	for (const char *p = h; p < e; p++)
		if (!isalnum((unsigned char)*p) && *p != '.' && *p != '-')
			return false;
	*onion = hl > 6 && strncmp(h + hl - 6, ".onion", 6) == 0;
	return true;
}

static bool
table_email_ok(const char *s)
{
	const char *at = strchr(s, '@');

	if (strncmp(s, "mailto:", 7) == 0)
		s += 7, at = strchr(s, '@');
	if (at == NULL || at == s || strchr(at + 1, '@') || !strchr(at + 1, '.'))
		return false;
	for (; *s; s++)
		if (!isalnum((unsigned char)*s) && !strchr("@.-_+", *s))
			return false;
	return true;
}

/* Digits with spaces, hyphens, dots or slashes; + only first; 3+ digits. */
static bool
table_phone_ok(const char *s)
{
	size_t digits = 0;
	const char *p = s;

	if (strncmp(p, "tel:", 4) == 0)
		p += 4;
	if (*p == '+')
		p++;
	for (; *p; p++) {
		if (isdigit((unsigned char)*p))
			digits++;
		else if (!strchr(" -./()", *p))
			return false;
	}
	return digits >= 3 && digits <= 15 && isdigit((unsigned char)s[strlen(s) - 1]);
}

static const char *const cost_names[] = {"unknown", "free", "normal-rate", "paid", NULL};
static const char *const anon_names[] = {"unknown", "yes", "no", "partly", NULL};
static const char *const status_names[] = {"active", "study", "ended", NULL};
static const char *const contact_names[] = {"web", "phone", "chat", "email", "tor", NULL};
static const char *const audience_words[] = {"self", "close", "professional", NULL};
static const char *const offer_words[] = {"helpline", "chat", "self-help", "therapy",
					  "counselling", "information", NULL};
static const char *const emerg_names[] = {"general", "police", "fire", "ambulance",
					  "municipal-police", "text", NULL};
static const char *const evidence_words[] = {"official", "press", "code", "old", "literature",
					     NULL};
static const char *const fact_words[] = {
	"name", "organization", "status", "countries", "languages", "audience", "offers", "cost",
	"anonymous", "min_age", "description", "eligibility", "confidentiality", "web", "phone",
	"chat", "email", "tor", "hours", "successor", "ended", "numbers", NULL};
static const char *const unknown_words[] = {"web", "phone", "chat", "email", "tor", "hours",
					    "cost", "anonymous", "min_age", "languages", NULL};

const char *cost_name(enum cost c) { return cost_names[c]; }
const char *anonymity_name(enum anonymity a) { return anon_names[a]; }
const char *status_name(enum service_status s) { return status_names[s]; }
const char *contact_type_name(enum contact_type t) { return contact_names[t]; }
const char *emergency_kind_name(enum emergency_kind k) { return emerg_names[k]; }

static size_t
table_bit_names(unsigned bits, const char *const *words, const char **out, size_t cap)
{
	size_t n = 0;

	for (unsigned i = 0; words[i] && n < cap; i++)
		if (bits & (1u << i))
			out[n++] = words[i];
	return n;
}

size_t
audience_names(unsigned bits, const char **out, size_t cap)
{
	return table_bit_names(bits, audience_words, out, cap);
}

size_t
offer_names(unsigned bits, const char **out, size_t cap)
{
	return table_bit_names(bits, offer_words, out, cap);
}

static void
table_sources(struct loader *L, const struct ynode *map, const char *owner, struct source **out,
	      size_t *nout, const char *const *facts)
{
	static const char *const keys[] = {"url", "date", "evidence", "supports", NULL};
	const struct ynode *seq = table_seq(L, map, "sources", true, owner);
	size_t i, j;

	if (seq && seq->n == 0)
		table_err(L, seq, "%s has no sources: every fact needs one", owner);
	for (i = 0; seq && i < seq->n; i++) {
		const struct ynode *s = seq->v[i], *sup;
		struct source src = {0};
		const char *url, *date;
		bool onion;

		if (s->type != YNODE_MAP) {
			table_err(L, s, "a source must be a mapping with url, date, evidence, supports");
			continue;
		}
		table_keys(L, s, keys);
		url = table_str(L, s, "url", true, "the source");
		date = table_str(L, s, "date", true, "the source");
		if (url && !table_http_ok(url, &onion))
			table_err(L, ynode_get(s, "url"), "\"%s\" is not a safe http(s) URL", url);
		if (date && strcmp(date, "unknown") != 0 && !table_date_ok(date, false))
			table_err(L, ynode_get(s, "date"),
				  "\"%s\" is not a date (YYYY, YYYY-MM, YYYY-MM-DD or unknown)", date);
		src.url = xstrdup(url ? url : "");
		src.date = xstrdup(date ? date : "unknown");
		src.evidence = xstrdup(evidence_words[table_enum(L, s, "evidence", evidence_words,
								  true, "the source", 0)]);
		sup = table_seq(L, s, "supports", true, "the source");
		for (j = 0; sup && j < sup->n; j++) {
			const struct ynode *f = sup->v[j];

			if (f->type != YNODE_SCALAR || !table_in(f->s, facts))
				table_err(L, f, "\"%s\" is not a fact a source can support",
					  f->type == YNODE_SCALAR ? f->s : "?");
			else
				strv_add(&src.supports, f->s);
		}
		*out = xreallocarray(*out, *nout + 1, sizeof **out);
		(*out)[(*nout)++] = src;
	}
}

static void
source_free(struct source *s)
{
	free(s->url);
	free(s->date);
	free(s->evidence);
	strv_free(&s->supports);
}

static void
table_hours(struct loader *L, const struct ynode *h, struct contact *c)
{
	static const char *const keys[] = {"zone", "weekly", "public_holidays", "note", NULL};
	static const char *const hol[] = {"unknown", "closed", "open", NULL};
	const char *zone, *note;
	const struct ynode *weekly;
	size_t i;

	if (h->type != YNODE_MAP) {
		table_err(L, h, "\"hours\" must be a mapping with zone and weekly");
		return;
	}
	table_keys(L, h, keys);
	zone = table_str(L, h, "zone", true, "hours");
	weekly = table_seq(L, h, "weekly", true, "hours");
	if (zone && !i18n_zone_valid(zone)) {
		table_err(L, ynode_get(h, "zone"), "\"%s\" is not an IANA time zone", zone);
		zone = NULL;
	}
	if (zone == NULL || weekly == NULL)
		return;
	c->hours = hours_new(zone);
	c->hours->holidays = (enum hours_holidays)table_enum(L, h, "public_holidays", hol, false,
							     "hours", 0);
	if ((note = table_str(L, h, "note", false, "hours")) != NULL)
		c->hours_note = xstrdup(note);
	for (i = 0; i < weekly->n; i++) {
		const struct ynode *w = weekly->v[i];
		struct hours_window win;
		char *cause = NULL;
		int col = 1;

		if (w->type != YNODE_SCALAR) {
			table_err(L, w, "an hours window must be a string like \"mon-fri 09:00-17:00\"");
			continue;
		}
		if (hours_parse_window(w->s, &win, &cause, &col) == -1) {
			struct ynode at = *w;

			at.column += col - 1 + (w->plain ? 0 : 1);
			table_err(L, &at, "%s", cause);
			free(cause);
			continue;
		}
		hours_add(c->hours, &win);
		strv_add(&c->weekly, w->s);
	}
}

static void
contact_free(struct contact *c)
{
	free(c->value);
	free(c->label);
	strv_free(&c->languages);
	strv_free(&c->from);
	hours_free(c->hours);
	strv_free(&c->weekly);
	free(c->hours_note);
}

static void
table_contact(struct loader *L, const struct ynode *n, struct contact *c)
{
	static const char *const keys[] = {"type", "value", "label", "languages", "cost",
					   "from", "hours", "note", NULL};
	const char *value, *label;
	const struct ynode *h;
	bool onion = false, ok = true;

	table_keys(L, n, keys);
	c->type = (enum contact_type)table_enum(L, n, "type", contact_names, true, "the contact", 0);
	value = table_str(L, n, "value", true, "the contact");
	if (value) {
		switch (c->type) {
		case CONTACT_WEB:
		case CONTACT_CHAT:
			ok = table_http_ok(value, &onion) && !onion;
			if (!ok)
				table_err(L, ynode_get(n, "value"),
					  "\"%s\" is not a safe web address (https:// or http://)",
					  value);
			break;
		case CONTACT_TOR:
			ok = table_http_ok(value, &onion) && onion;
			if (!ok)
				table_err(L, ynode_get(n, "value"),
					  "\"%s\" is not a Tor address (http(s)://....onion)", value);
			break;
		case CONTACT_EMAIL:
			if (!table_email_ok(value))
				table_err(L, ynode_get(n, "value"), "\"%s\" is not an e-mail address",
					  value);
			break;
		case CONTACT_PHONE:
			if (!table_phone_ok(value))
				table_err(L, ynode_get(n, "value"),
					  "\"%s\" is not a phone number (digits, spaces, "
					  "hyphens, a leading +)",
					  value);
			break;
		}
	}
	c->value = xstrdup(value ? value : "");
	if ((label = table_str(L, n, "label", false, "the contact")) != NULL)
		c->label = xstrdup(label);
	table_languages(L, table_seq(L, n, "languages", false, "the contact"), &c->languages);
	table_countries(L, table_seq(L, n, "from", false, "the contact"), &c->from, false);
	if (ynode_get(n, "cost")) {
		c->cost = (enum cost)table_enum(L, n, "cost", cost_names, false, "the contact", 0);
		c->has_cost = true;
	}
	if ((h = ynode_get(n, "hours")) != NULL)
		table_hours(L, h, c);
	(void)table_str(L, n, "note", false, "the contact");
}

static bool
table_id_ok(const char *s)
{
	if (*s == '\0' || *s == '-')
		return false;
	for (; *s; s++)
		if (!islower((unsigned char)*s) && !isdigit((unsigned char)*s) && *s != '-')
			return false;
	return true;
}

static void
service_free(struct service *s)
{
	size_t i;

	free(s->id);
	free(s->name);
	free(s->organization);
	free(s->successor);
	free(s->ended);
	strv_free(&s->countries);
	strv_free(&s->languages);
	free(s->min_age);
	texts_free(&s->description);
	texts_free(&s->eligibility);
	texts_free(&s->confidentiality);
	for (i = 0; i < s->ncontacts; i++)
		contact_free(&s->contacts[i]);
	free(s->contacts);
	strv_free(&s->unknown);
	for (i = 0; i < s->nsources; i++)
		source_free(&s->sources[i]);
	free(s->sources);
	free(s->checked);
	strv_free(&s->worker_notes);
	free(s->do_not_refer);
	free(s->alert);
	free(s->alert_until);
}

/* Days from 1970-01-01 to a YYYY-MM-DD civil date (proleptic Gregorian). */
static long
table_days(const char *s)
{
	int y = table_digits(s, 4), m = table_digits(s + 5, 2), d = table_digits(s + 8, 2);
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void
table_service(struct loader *L, const struct ynode *n, struct service *s)
{
	static const char *const keys[] = {
		"id", "name", "organization", "status", "successor", "ended", "countries",
		"languages", "audience", "offers", "cost", "anonymous", "min_age", "description",
		"eligibility", "confidentiality", "contacts", "unknown", "sources", "checked",
		"notes", NULL};
	const char *id, *v;
	char owner[160];
	const struct ynode *seq;
	size_t i;

	table_keys(L, n, keys);
	id = table_str(L, n, "id", true, "a service");
	if (id && !table_id_ok(id))
		table_err(L, ynode_get(n, "id"),
			  "id \"%s\" must be lower-case letters, digits and hyphens", id);
	s->id = xstrdup(id ? id : "");
	snprintf(owner, sizeof owner, "service \"%s\"", s->id);
	{
		const struct ynode *idn = ynode_get(n, "id");

		s->line = idn ? idn->line : n->line;
		s->column = idn ? idn->column : n->column;
	}
	v = table_str(L, n, "name", true, owner);
	s->name = xstrdup(v ? v : s->id);
	v = table_str(L, n, "organization", true, owner);
	s->organization = xstrdup(v ? v : "");
	s->status = (enum service_status)table_enum(L, n, "status", status_names, true, owner, 0);
	if ((v = table_str(L, n, "successor", false, owner)) != NULL) {
		if (s->status != STATUS_ENDED)
			table_err(L, ynode_get(n, "successor"),
				  "only an ended service can have a successor");
		s->successor = xstrdup(v);
	}
	if ((v = table_str(L, n, "ended", false, owner)) != NULL) {
		if (!table_date_ok(v, false))
			table_err(L, ynode_get(n, "ended"), "\"%s\" is not a date", v);
		s->ended = xstrdup(v);
	}
	seq = table_seq(L, n, "countries", true, owner);
	table_countries(L, seq, &s->countries, true);
	if (seq && seq->n == 0)
		table_err(L, seq, "\"countries\" must not be empty");
	seq = table_seq(L, n, "languages", true, owner);
	table_languages(L, seq, &s->languages);
	if (seq && seq->n == 0)
		table_err(L, seq, "\"languages\" must not be empty");
	s->audience = table_bits(L, n, "audience", audience_words, true, owner);
	s->offers = table_bits(L, n, "offers", offer_words, true, owner);
	s->cost = (enum cost)table_enum(L, n, "cost", cost_names, true, owner, 0);
	s->anonymous = (enum anonymity)table_enum(L, n, "anonymous", anon_names, true, owner, 0);
	v = table_str(L, n, "min_age", true, owner);
	if (v && strcmp(v, "unknown") != 0 && strcmp(v, "none") != 0 &&
	    (strspn(v, "0123456789") != strlen(v) || strlen(v) > 2))
		table_err(L, ynode_get(n, "min_age"),
			  "\"%s\" is not an age in years, \"unknown\" or \"none\"", v);
	s->min_age = xstrdup(v ? v : "unknown");
	table_texts(L, n, "description", true, owner, &s->description);
	table_texts(L, n, "eligibility", false, owner, &s->eligibility);
	table_texts(L, n, "confidentiality", false, owner, &s->confidentiality);
	seq = table_seq(L, n, "contacts", true, owner);
	if (seq) {
		s->contacts = xcalloc(seq->n + 1, sizeof *s->contacts);
		for (i = 0; i < seq->n; i++) {
			if (seq->v[i]->type != YNODE_MAP) {
				table_err(L, seq->v[i], "a contact must be a mapping with type and value");
				continue;
			}
			table_contact(L, seq->v[i], &s->contacts[s->ncontacts++]);
		}
	}
	seq = table_seq(L, n, "unknown", false, owner);
	for (i = 0; seq && i < seq->n; i++) {
		const struct ynode *u = seq->v[i];

		if (u->type != YNODE_SCALAR || !table_in(u->s, unknown_words)) {
			table_err(L, u, "\"%s\" is not a fact that can be unknown",
				  u->type == YNODE_SCALAR ? u->s : "?");
			continue;
		}
		strv_add(&s->unknown, u->s);
		if (L->o && L->o->warn_unknown)
			table_warn(L, u, "service \"%s\": %s is unknown", s->id, u->s);
	}
	if (L->o && L->o->warn_unknown) {
		/* Facts already listed under unknown: are reported once, above. */
		bool lc = false, la = false, lm = false;

		for (i = 0; i < s->unknown.n; i++) {
			lc |= strcmp(s->unknown.v[i], "cost") == 0;
			la |= strcmp(s->unknown.v[i], "anonymous") == 0;
			lm |= strcmp(s->unknown.v[i], "min_age") == 0;
		}
		if (s->cost == COST_UNKNOWN && !lc && ynode_get(n, "cost"))
			table_warn(L, ynode_get(n, "cost"), "service \"%s\": cost is unknown", s->id);
		if (s->anonymous == ANON_UNKNOWN && !la && ynode_get(n, "anonymous"))
			table_warn(L, ynode_get(n, "anonymous"), "service \"%s\": anonymity is unknown",
				   s->id);
		if (strcmp(s->min_age, "unknown") == 0 && !lm && ynode_get(n, "min_age"))
			table_warn(L, ynode_get(n, "min_age"), "service \"%s\": minimum age is unknown",
				   s->id);
	}
	table_sources(L, n, owner, &s->sources, &s->nsources, fact_words);
	v = table_str(L, n, "checked", true, owner);
	if (v && strcmp(v, "never") != 0 && !table_date_ok(v, true))
		table_err(L, ynode_get(n, "checked"), "\"%s\" is not a date (YYYY-MM-DD) or never", v);
	s->checked = xstrdup(v ? v : "never");
	if (v && L->o && L->o->stale_days >= 0) {
		if (strcmp(v, "never") == 0) {
			table_warn(L, ynode_get(n, "checked"),
				   "service \"%s\" was never checked on its live site", s->id);
		} else if (table_date_ok(v, true)) {
			long age = (long)(L->o->today / 86400000.0) - table_days(v);

			if (age > L->o->stale_days)
				table_warn(L, ynode_get(n, "checked"),
					   "service \"%s\" was last checked %ld days ago (%s)", s->id,
					   age, v);
		}
	}
	(void)table_str(L, n, "notes", false, owner);
}

static void
emergency_free(struct emergency *e)
{
	size_t i;

	for (i = 0; i < e->n; i++) {
		free(e->v[i].number);
		free(e->v[i].note);
	}
	free(e->v);
	for (i = 0; i < e->nsources; i++)
		source_free(&e->sources[i]);
	free(e->sources);
}

static void
table_emergency(struct loader *L, const struct ynode *n, struct emergency *e)
{
	static const char *const keys[] = {"country", "numbers", "sources", NULL};
	static const char *const nkeys[] = {"number", "kind", "note", NULL};
	static const char *const efacts[] = {"numbers", NULL};
	const char *c;
	const struct ynode *seq;
	size_t i;

	table_keys(L, n, keys);
	c = table_str(L, n, "country", true, "an emergency entry");
	if (c && strcmp(c, "EU") != 0 && !table_country_ok(c, false))
		table_err(L, ynode_get(n, "country"),
			  "\"%s\" is not an ISO 3166-1 alpha-2 country code or EU", c);
	snprintf(e->country, sizeof e->country, "%s", c && strlen(c) <= 2 ? c : "");
	seq = table_seq(L, n, "numbers", true, "an emergency entry");
	if (seq)
		e->v = xcalloc(seq->n + 1, sizeof *e->v);
	for (i = 0; seq && i < seq->n; i++) {
		const struct ynode *m = seq->v[i];
		const char *num, *note;

		if (m->type != YNODE_MAP) {
			table_err(L, m, "an emergency number must be a mapping with number and kind");
			continue;
		}
		table_keys(L, m, nkeys);
		num = table_str(L, m, "number", true, "the emergency number");
		if (num && !table_phone_ok(num))
			table_err(L, ynode_get(m, "number"), "\"%s\" is not a phone number", num);
		e->v[e->n].number = xstrdup(num ? num : "");
		e->v[e->n].kind = (enum emergency_kind)table_enum(L, m, "kind", emerg_names, true,
								  "the emergency number", 0);
		note = table_str(L, m, "note", false, "the emergency number");
		e->v[e->n].note = note ? xstrdup(note) : NULL;
		e->n++;
	}
	table_sources(L, n, "the emergency entry", &e->sources, &e->nsources, efacts);
}

static void table_source_close(struct table_source *src);

static void
table_free_parts(struct table *t)
{
	size_t i;

	for (i = 0; i < t->nservices; i++)
		service_free(&t->services[i]);
	free(t->services);
	for (i = 0; i < t->nemergency; i++)
		emergency_free(&t->emergency[i]);
	free(t->emergency);
	free(t->date);
	strv_free(&t->files);
	table_source_close(t->source);
	t->source = NULL;
}

void
table_free(struct table *t)
{
	if (t == NULL)
		return;
	table_free_parts(t);
	free(t);
}

static int
table_id_cmp(const void *a, const void *b)
{
	return strcmp(((const struct service *)a)->id, ((const struct service *)b)->id);
}

/* Sorts by id and reports duplicates (line numbers say where). */
static void
table_index(struct loader *L, struct table *t)
{
	size_t i;

	/* qsort(NULL, 0, ...) is undefined: an overlay may have no services. */
	if (t->nservices > 1)
		qsort(t->services, t->nservices, sizeof *t->services, table_id_cmp);
	for (i = 1; i < t->nservices; i++) {
		struct service *a = &t->services[i - 1], *b = &t->services[i];

		if (strcmp(a->id, b->id) == 0 && a->id[0] != '\0') {
			const struct service *later = a->line > b->line ? a : b;
			struct ynode at = {.line = later->line, .column = later->column};
			int first = a->line < b->line ? a->line : b->line;

			table_err(L, &at, "duplicate id \"%s\" (first at line %d)", a->id, first);
		}
	}
}

static void table_parse_root(struct loader *L, struct ynode *root, struct table *t,
			     struct strv *hide, struct ynode **notes_out);

/* Parses one file (main table or overlay) into t. */
static void
table_parse(struct loader *L, const char *data, size_t len, struct table *t, struct strv *hide,
	    struct ynode **notes_out)
{
	struct ynode *root;
	char *cause = NULL;

	if ((root = ynode_parse(L->name, data, len, table_limits(L->o), &cause)) == NULL) {
		/* cause is "NAME:L:C: what"; split it for the problem list. */
		struct problem *p;
		size_t nl = strlen(L->name);
		char *colon = strncmp(cause, L->name, nl) == 0 ? strstr(cause + nl, ": ") : NULL;

		L->pr->v = xreallocarray(L->pr->v, L->pr->n + 1, sizeof *L->pr->v);
		p = &L->pr->v[L->pr->n++];
		if (colon) {
			p->where = xstrndup(cause, (size_t)(colon - cause));
			p->what = xstrdup(colon + 2);
		} else {
			p->where = xstrdup(L->name);
			p->what = xstrdup(cause);
		}
		p->warning = false;
		L->pr->errors++;
		free(cause);
		return;
	}
	table_parse_root(L, root, t, hide, notes_out);
	ynode_free(root);
}

/* The table in the tree root (main table or overlay) into t. */
static void
table_parse_root(struct loader *L, struct ynode *root, struct table *t, struct strv *hide,
		 struct ynode **notes_out)
{
	static const char *const keys[] = {"schema", "date", "services", "emergency", NULL};
	static const char *const okeys[] = {"schema", "date", "services", "emergency",
					    "hide",   "notes", NULL};
	const char *v;
	const struct ynode *seq;
	size_t i;

	if (root->type != YNODE_MAP) {
		table_err(L, root, "the table must be a mapping with schema, date, services");
		return;
	}
	table_keys(L, root, L->overlay ? okeys : keys);
	v = table_str(L, root, "schema", true, "the table");
	if (v && strcmp(v, "1") != 0)
		table_err(L, ynode_get(root, "schema"), "schema %s is not supported (this is schema 1)",
			  v);
	t->schema = 1;
	v = table_str(L, root, "date", !L->overlay, "the table");
	if (v && !table_date_ok(v, true))
		table_err(L, ynode_get(root, "date"), "\"%s\" is not a date (YYYY-MM-DD)", v);
	if (v && t->date == NULL)
		t->date = xstrdup(v);
	seq = table_seq(L, root, "services", !L->overlay, "the table");
	if (seq && seq->n > TABLE_MAX_SERVICES)
		table_err(L, seq, "too many services (%zu; at most %d)", seq->n, TABLE_MAX_SERVICES);
	else if (seq) {
		t->services = xcalloc(seq->n + 1, sizeof *t->services);
		for (i = 0; i < seq->n; i++) {
			if (seq->v[i]->type != YNODE_MAP) {
				table_err(L, seq->v[i], "a service must be a mapping");
				continue;
			}
			table_service(L, seq->v[i], &t->services[t->nservices]);
			t->services[t->nservices].origin = NULL;
			t->nservices++;
		}
	}
	seq = table_seq(L, root, "emergency", !L->overlay, "the table");
	if (seq) {
		t->emergency = xcalloc(seq->n + 1, sizeof *t->emergency);
		for (i = 0; i < seq->n; i++) {
			if (seq->v[i]->type != YNODE_MAP) {
				table_err(L, seq->v[i], "an emergency entry must be a mapping");
				continue;
			}
			table_emergency(L, seq->v[i], &t->emergency[t->nemergency++]);
		}
	}
	if (L->overlay && hide != NULL && notes_out != NULL) {
		table_strv(L, table_seq(L, root, "hide", false, "the overlay"), hide);
		if ((seq = table_seq(L, root, "notes", false, "the overlay")) != NULL) {
			/* Detach the notes for table_overlay to apply. */
			for (i = 0; i + 1 < root->n; i += 2)
				if (root->v[i + 1] == seq) {
					*notes_out = root->v[i + 1];
					root->v[i + 1] = xcalloc(1, sizeof **notes_out);
					root->v[i + 1]->type = YNODE_SEQ;
				}
		}
	}
	table_index(L, t);
}

/* A main table from a parsed tree (root) or from bytes (data, len). */
static struct table *
table_load_from(const char *name, struct ynode *root, const char *data, size_t len,
		const struct table_options *o, struct problems *pr)
{
	struct loader L = {.name = name, .pr = pr, .o = o};
	struct table *t = xcalloc(1, sizeof *t);
	size_t before = pr->errors;

	strv_add(&t->files, name);
	if (root != NULL)
		table_parse_root(&L, root, t, NULL, NULL);
	else
		table_parse(&L, data, len, t, NULL, NULL);
	for (size_t i = 0; i < t->nservices; i++)
		t->services[i].origin = t->files.v[0];
	if (pr->errors != before) {
		table_free(t);
		return NULL;
	}
	return t;
}

struct table *
table_load_tree(const char *name, struct ynode *root, const struct table_options *o,
		struct problems *pr)
{
	return table_load_from(name, root, NULL, 0, o, pr);
}

/* Frees what a slim service does without; a slim one has none of it. */
static void
service_drop_texts(struct service *s, bool contacts)
{
	size_t i;

	if (contacts) {
		for (i = 0; i < s->ncontacts; i++)
			contact_free(&s->contacts[i]);
		free(s->contacts);
		s->contacts = NULL;
		s->ncontacts = 0;
	}

	texts_free(&s->description);
	texts_free(&s->eligibility);
	texts_free(&s->confidentiality);
	strv_free(&s->unknown);
	for (i = 0; i < s->nsources; i++)
		source_free(&s->sources[i]);
	free(s->sources);
	memset(&s->description, 0, sizeof s->description);
	memset(&s->eligibility, 0, sizeof s->eligibility);
	memset(&s->confidentiality, 0, sizeof s->confidentiality);
	memset(&s->unknown, 0, sizeof s->unknown);
	s->sources = NULL;
	s->nsources = 0;
}

static void
table_source_close(struct table_source *src)
{
	if (src != NULL) {
		src->close(src->ctx);
		free(src);
	}
}

struct table *
table_load_each(const char *name, struct ynode *root, struct table_source *src, bool slim,
		const struct table_options *o, struct problems *pr)
{
	struct loader L = {.name = name, .pr = pr, .o = o};
	struct table *t;
	size_t before = pr->errors, i, n = src->n;

	if (n > TABLE_MAX_SERVICES) {
		table_err(&L, root, "too many services (%zu; at most %d)", n, TABLE_MAX_SERVICES);
		table_source_close(src);
		return NULL;
	}
	if ((t = table_load_from(name, root, NULL, 0, o, pr)) == NULL) {
		table_source_close(src);
		return NULL;
	}
	for (i = 0; i < t->nservices; i++)
		service_free(&t->services[i]);
	free(t->services);
	t->services = xcalloc(n + 1, sizeof *t->services);
	t->nservices = 0;
	t->source = src;
	t->slim_contacts = slim && o != NULL && o->slim_contacts;
	for (i = 0; i < n; i++) {
		struct ynode *y = src->read(src->ctx, i);
		struct service *s = &t->services[t->nservices];

		if (y == NULL) {
			table_free(t);
			return NULL;
		}
		if (y->type != YNODE_MAP) {
			table_err(&L, y, "a service must be a mapping");
		} else {
			table_service(&L, y, s);
			s->origin = t->files.v[0];
			if (slim) {
				service_drop_texts(s, t->slim_contacts);
				s->slim = true;
				s->src = i;
			}
			t->nservices++;
		}
		ynode_free(y);
	}
	if (!slim) {
		table_source_close(t->source);
		t->source = NULL;
	}
	table_index(&L, t);
	if (pr->errors != before) {
		table_free(t);
		return NULL;
	}
	return t;
}

/* The service of t that s points to, writable; NULL if s is not t's. */
static struct service *
table_own(const struct table *t, const struct service *s)
{
	size_t i;

	if (t->nservices == 0 || s < t->services || s >= t->services + t->nservices)
		return NULL;
	i = (size_t)(s - t->services);
	return &t->services[i];
}

int
table_fill(const struct table *t, const struct service *s)
{
	struct service *w = table_own(t, s), full = {0};
	struct problems pr = {0};
	struct loader L = {.name = t->files.n ? t->files.v[0] : "", .pr = &pr};
	struct ynode *y;

	if (w == NULL || !w->slim || w->filled)
		return 0;
	if (t->source == NULL || (y = t->source->read(t->source->ctx, w->src)) == NULL)
		return -1;
	if (y->type == YNODE_MAP)
		table_service(&L, y, &full);
	ynode_free(y);
	/* The same bytes gave the slim one: they cannot differ, but a
	 * source is checked, not trusted. */
	if (pr.errors != 0 || full.id == NULL || strcmp(full.id, w->id) != 0) {
		service_free(&full);
		problems_free(&pr);
		return -1;
	}
	problems_free(&pr);
	w->description = full.description;
	w->eligibility = full.eligibility;
	w->confidentiality = full.confidentiality;
	w->unknown = full.unknown;
	w->sources = full.sources;
	w->nsources = full.nsources;
	if (t->slim_contacts) {
		w->contacts = full.contacts;
		w->ncontacts = full.ncontacts;
		full.contacts = NULL;
		full.ncontacts = 0;
	}
	memset(&full.description, 0, sizeof full.description);
	memset(&full.eligibility, 0, sizeof full.eligibility);
	memset(&full.confidentiality, 0, sizeof full.confidentiality);
	memset(&full.unknown, 0, sizeof full.unknown);
	full.sources = NULL;
	full.nsources = 0;
	service_free(&full);
	w->filled = true;
	return 0;
}

void
table_slim(const struct table *t, const struct service *s)
{
	struct service *w = table_own(t, s);

	if (w == NULL || !w->slim || !w->filled)
		return;
	service_drop_texts(w, t->slim_contacts);
	w->filled = false;
}

struct table *
table_load_mem(const char *name, const char *data, size_t len, const struct table_options *o,
	       struct problems *pr)
{
	return table_load_from(name, NULL, data, len, o, pr);
}

struct table *
table_load(const char *path, const struct table_options *o, struct problems *pr)
{
	size_t len;
	char *cause = NULL, *data;
	struct table *t;

	if ((data = ynode_read_file(path, table_limits(o), &len, &cause)) == NULL) {
		pr->v = xreallocarray(pr->v, pr->n + 1, sizeof *pr->v);
		pr->v[pr->n].where = xstrdup(path);
		pr->v[pr->n].what = xstrdup(cause + strlen(path) + 2);
		pr->v[pr->n].warning = false;
		pr->n++;
		pr->errors++;
		free(cause);
		return NULL;
	}
	t = table_load_mem(path, data, len, o, pr);
	free(data);
	return t;
}

const struct service *
table_find(const struct table *t, const char *id)
{
	struct service key = {.id = (char *)id};

	if (t->nservices == 0)
		return NULL; /* bsearch(NULL, 0, ...) is undefined */
	return bsearch(&key, t->services, t->nservices, sizeof *t->services, table_id_cmp);
}

static void
table_apply_notes(struct loader *L, struct table *t, const struct ynode *notes)
{
	static const char *const keys[] = {"id", "worker_notes", "do_not_refer", "alert",
					   "alert_until", NULL};
	size_t i;

	for (i = 0; notes && i < notes->n; i++) {
		const struct ynode *n = notes->v[i];
		struct service *s;
		const char *id, *v;

		if (n->type != YNODE_MAP) {
			table_err(L, n, "a note must be a mapping with id");
			continue;
		}
		table_keys(L, n, keys);
		if ((id = table_str(L, n, "id", true, "a note")) == NULL)
			continue;
		if ((s = (struct service *)table_find(t, id)) == NULL) {
			/* A partial table (index.c) holds only the services that
			 * matched; notes on the others do not concern this lookup. */
			if (!t->partial)
				table_err(L, ynode_get(n, "id"), "no service has the id \"%s\"", id);
			continue;
		}
		table_strv(L, table_seq(L, n, "worker_notes", false, "the note"), &s->worker_notes);
		if ((v = table_str(L, n, "do_not_refer", false, "the note")) != NULL) {
			free(s->do_not_refer);
			s->do_not_refer = xstrdup(v);
		}
		if ((v = table_str(L, n, "alert", false, "the note")) != NULL) {
			const char *until = table_str(L, n, "alert_until", true, "an alert");

			if (until && !table_date_ok(until, true))
				table_err(L, ynode_get(n, "alert_until"), "\"%s\" is not a date (YYYY-MM-DD)",
					  until);
			free(s->alert);
			free(s->alert_until);
			s->alert = xstrdup(v);
			s->alert_until = xstrdup(until ? until : "1970-01-01");
		}
	}
}

int
table_overlay(struct table *t, const char *path, const struct table_options *o,
	      struct problems *pr)
{
	struct loader L = {.name = path, .pr = pr, .o = o, .overlay = true};
	struct table add = {0};
	struct strv hide = {0};
	struct ynode *notes = NULL;
	size_t len, i, before = pr->errors;
	char *cause = NULL, *data;
	const char *origin;

	if ((data = ynode_read_file(path, table_limits(o), &len, &cause)) == NULL) {
		pr->v = xreallocarray(pr->v, pr->n + 1, sizeof *pr->v);
		pr->v[pr->n].where = xstrdup(path);
		pr->v[pr->n].what = xstrdup(cause + strlen(path) + 2);
		pr->v[pr->n].warning = false;
		pr->n++;
		pr->errors++;
		free(cause);
		return -1;
	}
	table_parse(&L, data, len, &add, &hide, &notes);
	free(data);
	for (i = 0; i < hide.n; i++)
		if (!t->partial && table_find(t, hide.v[i]) == NULL &&
		    table_find(&add, hide.v[i]) == NULL)
			table_err(&L, NULL, "hide: no service has the id \"%s\"", hide.v[i]);
	if (pr->errors != before) {
		table_free_parts(&add);
		strv_free(&hide);
		ynode_free(notes);
		return -1;
	}
	strv_add(&t->files, path);
	origin = t->files.v[t->files.n - 1];
	/* Replace or add services, then hide, then attach notes. */
	for (i = 0; i < add.nservices; i++) {
		struct service *old = (struct service *)table_find(t, add.services[i].id);

		add.services[i].origin = origin;
		if (old != NULL) {
			service_free(old);
			*old = add.services[i];
		} else {
			t->services = xreallocarray(t->services, t->nservices + 1, sizeof *t->services);
			t->services[t->nservices++] = add.services[i];
			qsort(t->services, t->nservices, sizeof *t->services, table_id_cmp);
		}
	}
	free(add.services);
	add.services = NULL;
	add.nservices = 0;
	for (i = 0; i < hide.n; i++) {
		struct service *s = (struct service *)table_find(t, hide.v[i]);

		if (s != NULL) {
			size_t k = (size_t)(s - t->services);

			service_free(s);
			memmove(s, s + 1, (t->nservices - k - 1) * sizeof *s);
			t->nservices--;
		}
	}
	for (i = 0; i < add.nemergency; i++) {
		t->emergency = xreallocarray(t->emergency, t->nemergency + 1, sizeof *t->emergency);
		t->emergency[t->nemergency++] = add.emergency[i];
	}
	free(add.emergency);
	add.emergency = NULL;
	add.nemergency = 0;
	table_apply_notes(&L, t, notes);
	ynode_free(notes);
	strv_free(&hide);
	table_free_parts(&add);
	return pr->errors != before ? -1 : 0;
}

int
table_finish(struct table *t, struct problems *pr)
{
	size_t i, before = pr->errors;

	/* A partial table lacks most services; its index was built only
	 * from a table whose successors were all checked. */
	if (t->partial)
		return 0;

	for (i = 0; i < t->nservices; i++) {
		const struct service *s = &t->services[i];
		struct loader L = {.name = s->origin ? s->origin : "table", .pr = pr};

		if (s->successor != NULL && table_find(t, s->successor) == NULL) {
			struct ynode at = {.line = s->line, .column = s->column};

			table_err(&L, &at, "service \"%s\": successor \"%s\" names no service", s->id,
				  s->successor);
		}
	}
	return pr->errors != before ? -1 : 0;
}

const char *
texts_get(const struct texts *t, const char *lang, bool *fallback)
{
	char **fb = NULL;
	size_t nfb = 0, i, j;
	const char *en = NULL;

	*fallback = false;
	if (t->n == 0)
		return NULL;
	if (lang != NULL)
		nfb = i18n_language_fallbacks(lang, &fb);
	for (j = 0; j < nfb; j++)
		for (i = 0; i < t->n; i++)
			if (strcmp(t->v[i].lang, fb[j]) == 0) {
				const char *r = t->v[i].text;

				i18n_strv_free(fb, nfb);
				return r;
			}
	i18n_strv_free(fb, nfb);
	for (i = 0; i < t->n; i++)
		if (strcmp(t->v[i].lang, "en") == 0)
			en = t->v[i].text;
	*fallback = true;
	return en ? en : t->v[0].text;
}
