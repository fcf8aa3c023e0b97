/*
 * table.c - the resource table loader and validator.  It turns the ynode
 * trees of the data files into struct table, checking every field against
 * schema 2 (data/README.md) and collecting every problem with its
 * FILE:LINE:COLUMN, so `signpost --check` can list them all at once.
 * Every item of a list (a service, a country's emergency numbers, a
 * holiday calendar) goes through one loader, whether the whole file is
 * read or an index chose the items.  Reads files; never prints.
 */
#include "table.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "file.h"
#include "hash.h"
#include "i18n.h"
#include "index.h"
#include "trust.h"
#include "xmalloc.h"

#define TABLE_MAX_SERVICES 1000000
/* Each window costs time zone arithmetic on every lookup that shows the
 * line: a week has seven days, and no line needs more than a few
 * windows a day. */
#define TABLE_MAX_WINDOWS 64

const struct ynode_limits table_limits = {
	.max_bytes = (size_t)1 << 30, /* a large local table, read in linear time */
	.max_scalar = 16384,
	.max_depth = 16,
	.max_nodes = 100000, /* per item (a service), and for the rest of a file */
};

/* The three kinds of data file, by the name of their list. */
enum table_kind { KIND_SERVICES, KIND_EMERGENCY, KIND_HOLIDAYS };
static const char *const kind_list[] = {"services", "emergency", "calendars", NULL};

/*
 * Language tags already canonicalized in this reading: a table names the
 * same few tags thousands of times, and ICU's canonicalization is the
 * costliest step of loading a service.  Direct-mapped, so a lookup is
 * constant time whatever the file holds.
 */
#define TABLE_MEMO 64
struct table_memo {
	char *tag[TABLE_MEMO];
	char *canon[TABLE_MEMO]; /* NULL: not a valid tag */
};

struct loader {
	const char *name;
	struct problems *pr;
	const struct table_options *o;
	bool overlay;
	const struct table_file *file;
	struct table_memo *memo; /* allocated on first need; table_loader_done frees it */
	bool local;              /* a local table: read only when trusted (trust.h) */
};

static void
table_loader_done(struct loader *L)
{
	size_t i;

	if (L->memo == NULL)
		return;
	for (i = 0; i < TABLE_MEMO; i++) {
		free(L->memo->tag[i]);
		free(L->memo->canon[i]);
	}
	free(L->memo);
	L->memo = NULL;
}

/* i18n_language_canonical, remembered: an allocated tag, or NULL. */
static char *
table_canonical(struct loader *L, const char *tag)
{
	size_t slot = (size_t)(hash_str(tag) % TABLE_MEMO);

	if (L->memo == NULL)
		L->memo = xcalloc(1, sizeof *L->memo);
	if (L->memo->tag[slot] == NULL || strcmp(L->memo->tag[slot], tag) != 0) {
		free(L->memo->tag[slot]);
		free(L->memo->canon[slot]);
		L->memo->tag[slot] = xstrdup(tag);
		L->memo->canon[slot] = i18n_language_canonical(tag);
	}
	return L->memo->canon[slot] ? xstrdup(L->memo->canon[slot]) : NULL;
}

static void table_err(struct loader *L, const struct ynode *n, const char *fmt, ...)
	SP_PRINTF(3, 4);

static void
table_err(struct loader *L, const struct ynode *n, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	problem_vadd(L->pr, L->name, n ? n->line : 0, n ? n->column : 0, false, fmt, ap);
	va_end(ap);
}

static void table_warn(struct loader *L, const struct ynode *n, const char *fmt, ...)
	SP_PRINTF(3, 4);

static void
table_warn(struct loader *L, const struct ynode *n, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	problem_vadd(L->pr, L->name, n ? n->line : 0, n ? n->column : 0, true, fmt, ap);
	va_end(ap);
}

/* ":LINE:COLUMN:" at s, as the YAML reader writes it. */
static bool
table_line_col(const char *s, int *line, int *col)
{
	char *end;
	long l, c;

	if (*s != ':')
		return false;
	l = strtol(s + 1, &end, 10);
	if (end == s + 1 || *end != ':')
		return false;
	s = end;
	c = strtol(s + 1, &end, 10);
	if (end == s + 1 || *end != ':' || l < 0 || l > INT_MAX || c < 0 || c > INT_MAX)
		return false;
	*line = (int)l;
	*col = (int)c;
	return true;
}

/* A "NAME:L:C: what" cause from ynode or file as a problem. */
static void
table_cause(struct loader *L, char *cause)
{
	size_t nl = strlen(L->name);
	char *colon = strncmp(cause, L->name, nl) == 0 ? strstr(cause + nl, ": ") : NULL;
	int line = 0, col = 0;

	if (colon != NULL && table_line_col(cause + nl, &line, &col))
		problem_add(L->pr, L->name, line, col, false, "%s", colon + 2);
	else if (colon != NULL)
		problem_add(L->pr, L->name, 0, 0, false, "%s", colon + 2);
	else
		problem_add(L->pr, L->name, 0, 0, false, "%s", cause);
	free(cause);
}

static const struct ynode_limits *
table_limits_of(const struct table_options *o)
{
	return o != NULL && o->limits != NULL ? o->limits : &table_limits;
}

struct items;
static void table_discard(struct items *it, size_t from);

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
		if ((s = problem_suggest(L->pr, k, allowed)) != NULL)
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

/*
 * Whether the text of scalar v shows what it holds (i18n_text_shown): an
 * invisible, format or bidi control character, or a text of combining
 * marks alone, could make two services look alike or hide part of a
 * name or a number.  Reported as an error naming the character and the
 * text (the field key, the text in language lang of key, or a list item
 * when key is NULL); false.
 */
static bool
table_shown(struct loader *L, const struct ynode *v, const char *lang, const char *key)
{
	int32_t cp;
	enum i18n_shown why = i18n_text_shown(v->s, &cp);
	char *name, *what;

	if (why == I18N_SHOWN_OK)
		return true;
	/* What the text is, named only when there is something to say. */
	what = key == NULL    ? xstrdup("a list item")
	       : lang != NULL ? xasprintf("the %s text of \"%s\"", lang, key)
			      : xasprintf("\"%s\"", key);
	if (why == I18N_SHOWN_MARKS) {
		table_err(L, v,
			  "%s is made of combining marks alone, which show as nothing or "
			  "stick to what is printed before them",
			  what);
		free(what);
		return false;
	}
	name = i18n_char_name(cp);
	table_err(L, v,
		  "%s holds %s, %s: two services could look alike, or part of it be "
		  "hidden (signpost(5), TEXTS); remove it",
		  what, name,
		  why == I18N_SHOWN_BIDI     ? "a bidirectional control character"
		  : why == I18N_SHOWN_FORMAT ? "a format character"
					     : "an invisible character");
	free(name);
	free(what);
	return false;
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
	if (!table_shown(L, v, NULL, key))
		return NULL;
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
		else if (table_shown(L, seq->v[i], NULL, NULL))
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
	sug = problem_suggest(L->pr, s, names);
	if (sug)
		table_err(L, ynode_get(map, key), "\"%s\" is not a valid %s (did you mean \"%s\"?)",
			  s, key, sug);
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
		if ((sug = problem_suggest(L->pr, it->s, names)) != NULL)
			table_err(L, it, "\"%s\" is not a valid %s value (did you mean \"%s\"?)",
				  it->s, key, sug);
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
	       i18n_country_valid(s);
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
			table_err(L, it, "\"%s\" is not an ISO 3166-1 alpha-2 country code%s",
				  it->s, allow_world ? " or \"world\"" : "");
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
		if ((c = table_canonical(L, it->s)) == NULL) {
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

		if ((c = table_canonical(L, k->s)) == NULL) {
			table_err(L, k, "\"%s\" is not a valid BCP 47 language tag", k->s);
			continue;
		}
		if (t->type != YNODE_SCALAR || t->len == 0) {
			table_err(L, t, "the %s text must be a non-empty string", k->s);
			free(c);
			continue;
		}
		if (!table_shown(L, t, k->s, key)) {
			en |= strcmp(c, "en") == 0; /* there, if refused */
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
		if ((unsigned char)*s <= 0x20 || (unsigned char)*s >= 0x7f || *s == '"' ||
		    *s == '<' || *s == '>' || *s == '\\' || *s == '`')
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
	/* No trailing dot ("example.org."): the same host, but an address
	 * people do not type and a sign of a copied, unchecked source. */
	if (memchr(h, '.', hl) == NULL || h[0] == '.' || h[hl - 1] == '.')
		return false;
	for (size_t i = 1; i < hl; i++)
		if (h[i] == '.' && h[i - 1] == '.')
			return false;
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
static const char *const reporting_names[] = {"unknown", "none", "limited", NULL};
static const char *const recruiting_names[] = {"unknown", "open", "closed", NULL};
static const char *const status_names[] = {"active", "study", "ended", NULL};
static const char *const contact_names[] = {"web", "phone", "chat", "email", "tor", NULL};
static const char *const audience_words[] = {"self", "close", "professional", NULL};
static const char *const offer_words[] = {"helpline",    "chat",        "self-help", "therapy",
					  "counselling", "information", NULL};
static const char *const emerg_names[] = {"general",          "police", "fire",  "ambulance",
					  "municipal-police", "text",   "other", NULL};
static const char *const evidence_words[] = {"official", "press",      "code",
					     "old",      "literature", NULL};
static const char *const origin_names[] = {"shipped", "data", "system", "user"};
static const char *const fact_words[] = {"name",
					 "organization",
					 "status",
					 "study",
					 "countries",
					 "regions",
					 "languages",
					 "audience",
					 "offers",
					 "cost",
					 "anonymous",
					 "min_age",
					 "max_age",
					 "reporting",
					 "description",
					 "eligibility",
					 "confidentiality",
					 "web",
					 "phone",
					 "chat",
					 "email",
					 "tor",
					 "hours",
					 "interpreters",
					 "successor",
					 "ended",
					 NULL};
static const char *const unknown_words[] = {"web",     "phone",     "chat",      "email",
					    "tor",     "hours",     "cost",      "anonymous",
					    "min_age", "languages", "reporting", NULL};

const char *
cost_name(enum cost c)
{
	return cost_names[c];
}

const char *
anonymity_name(enum anonymity a)
{
	return anon_names[a];
}

const char *
reporting_name(enum reporting r)
{
	return reporting_names[r];
}

const char *
recruiting_name(enum recruiting r)
{
	return recruiting_names[r];
}

const char *
status_name(enum service_status s)
{
	return status_names[s];
}

const char *
contact_type_name(enum contact_type t)
{
	return contact_names[t];
}

const char *
emergency_kind_name(enum emergency_kind k)
{
	return emerg_names[k];
}

const char *
origin_kind_name(enum origin_kind k)
{
	return origin_names[k];
}

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
			table_err(L, s,
				  "a source must be a mapping with url, date, evidence, supports");
			continue;
		}
		table_keys(L, s, keys);
		url = table_str(L, s, "url", true, "the source");
		date = table_str(L, s, "date", true, "the source");
		if (url && !table_http_ok(url, &onion))
			table_err(L, ynode_get(s, "url"), "\"%s\" is not a safe http(s) URL", url);
		if (date && strcmp(date, "unknown") != 0 && !table_date_ok(date, false))
			table_err(L, ynode_get(s, "date"),
				  "\"%s\" is not a date (YYYY, YYYY-MM, YYYY-MM-DD or unknown)",
				  date);
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

/* A calendar id: a country code, or a country code, "-" and 1 to 3
 * upper-case letters or digits (ISO 3166-2). */
static bool
table_region_ok(const char *s, bool region_required)
{
	size_t n = strlen(s), i;

	if (n < 2 || !isupper((unsigned char)s[0]) || !isupper((unsigned char)s[1]))
		return false;
	if (n == 2)
		return !region_required;
	if (n < 4 || n > 6 || s[2] != '-')
		return false;
	for (i = 3; i < n; i++)
		if (!isupper((unsigned char)s[i]) && !isdigit((unsigned char)s[i]))
			return false;
	return true;
}

static void
table_hours(struct loader *L, const struct ynode *h, struct contact *c)
{
	static const char *const keys[] = {
		"zone", "weekly", "public_holidays", "calendar", "closed", "note", NULL};
	static const char *const hol[] = {"unknown", "closed", "open", NULL};
	const char *zone, *cal;
	const struct ynode *weekly, *closed;
	size_t i;

	if (h->type != YNODE_MAP) {
		table_err(L, h,
			  "\"hours\" must be a mapping with zone, weekly and public_holidays");
		return;
	}
	table_keys(L, h, keys);
	zone = table_str(L, h, "zone", true, "hours");
	weekly = table_seq(L, h, "weekly", true, "hours");
	if (zone && !i18n_zone_valid(zone)) {
		table_err(L, ynode_get(h, "zone"), "\"%s\" is not an IANA time zone", zone);
		zone = NULL;
	}
	c->hours = hours_new(zone ? zone : "");
	c->hours->holidays =
		(enum hours_holidays)table_enum(L, h, "public_holidays", hol, true, "hours", 0);
	cal = table_str(L, h, "calendar",
			ynode_get(h, "public_holidays") != NULL &&
				c->hours->holidays != HOURS_HOLIDAYS_OPEN,
			"hours");
	if (cal && !table_region_ok(cal, false))
		table_err(L, ynode_get(h, "calendar"),
			  "\"%s\" is not a calendar id (a country code, or a region like DE-BE)",
			  cal);
	else if (cal)
		c->hours->calendar = xstrdup(cal);
	closed = table_seq(L, h, "closed", false, "hours");
	for (i = 0; closed && i < closed->n; i++) {
		struct hours_closure cl;

		if (closed->v[i]->type != YNODE_SCALAR ||
		    hours_parse_closure(closed->v[i]->s, &cl) != 0)
			table_err(L, closed->v[i],
				  "a closed day must be MM-DD (every year) or YYYY-MM-DD");
		else
			hours_add_closure(c->hours, &cl);
	}
	table_texts(L, h, "note", false, "hours", &c->hours_note);
	if (weekly && weekly->n > TABLE_MAX_WINDOWS) {
		table_err(L, weekly, "\"weekly\" has %zu windows; at most %d are allowed",
			  weekly->n, TABLE_MAX_WINDOWS);
		weekly = NULL;
	}
	for (i = 0; weekly && i < weekly->n; i++) {
		const struct ynode *w = weekly->v[i];
		struct hours_window win;
		char *cause = NULL;
		int col = 1;

		if (w->type != YNODE_SCALAR) {
			table_err(L, w,
				  "an hours window must be a string like \"mon-fri 09:00-17:00\"");
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
	if (weekly && weekly->n == 0)
		table_err(L, weekly, "\"weekly\" must not be empty (leave hours out when unknown)");
}

static void
contact_free(struct contact *c)
{
	free(c->value);
	free(c->international);
	texts_free(&c->label);
	strv_free(&c->languages);
	strv_free(&c->interpreters);
	strv_free(&c->from);
	hours_free(c->hours);
	strv_free(&c->weekly);
	texts_free(&c->hours_note);
}

static void
table_contact(struct loader *L, const struct ynode *n, struct contact *c)
{
	static const char *const keys[] = {
		"type",         "value", "international", "label", "languages",
		"interpreters", "cost",  "from",          "hours", NULL};
	const char *value, *intl;
	const struct ynode *h, *itp;
	bool onion = false, ok = true;

	table_keys(L, n, keys);
	c->type =
		(enum contact_type)table_enum(L, n, "type", contact_names, true, "the contact", 0);
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
					  "\"%s\" is not a Tor address (http(s)://....onion)",
					  value);
			break;
		case CONTACT_EMAIL:
			if (!table_email_ok(value))
				table_err(L, ynode_get(n, "value"),
					  "\"%s\" is not an e-mail address", value);
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
	if ((intl = table_str(L, n, "international", false, "the contact")) != NULL) {
		if (c->type != CONTACT_PHONE)
			table_err(L, ynode_get(n, "international"),
				  "only a phone number has an international form");
		else if (intl[0] != '+' || !table_phone_ok(intl))
			table_err(L, ynode_get(n, "international"),
				  "\"%s\" is not an international phone number (+ and digits)",
				  intl);
		else if (value && value[0] == '+')
			table_err(L, ynode_get(n, "international"),
				  "the value is already in international form");
		else
			c->international = xstrdup(intl);
	}
	table_texts(L, n, "label", false, "the contact", &c->label);
	table_languages(L, table_seq(L, n, "languages", false, "the contact"), &c->languages);
	if ((itp = ynode_get(n, "interpreters")) != NULL) {
		if (itp->type == YNODE_SCALAR && strcmp(itp->s, "all") == 0)
			c->interpreters_all = true;
		else if (itp->type == YNODE_SEQ)
			table_languages(L, itp, &c->interpreters);
		else
			table_err(L, itp,
				  "\"interpreters\" must be \"all\" or a list of languages");
	}
	table_countries(L, table_seq(L, n, "from", false, "the contact"), &c->from, false);
	if (c->type == CONTACT_PHONE && value && value[0] != '+' && table_phone_ok(value) &&
	    c->from.n != 1)
		table_err(L, ynode_get(n, "value"),
			  "a phone number in national form needs \"from\" with exactly one country "
			  "(whose numbering plan it uses)");
	if (ynode_get(n, "cost")) {
		c->cost = (enum cost)table_enum(L, n, "cost", cost_names, false, "the contact", 0);
		c->has_cost = true;
	}
	if ((h = ynode_get(n, "hours")) != NULL)
		table_hours(L, h, c);
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
	free(s->study_ends);
	free(s->registry);
	free(s->successor);
	free(s->ended);
	strv_free(&s->countries);
	strv_free(&s->regions);
	strv_free(&s->languages);
	free(s->min_age);
	free(s->max_age);
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
	return holiday_days(table_digits(s, 4), table_digits(s + 5, 2), table_digits(s + 8, 2));
}

static bool
table_age_ok(const char *v)
{
	return strspn(v, "0123456789") == strlen(v) && strlen(v) >= 1 && strlen(v) <= 2;
}

static void
table_study(struct loader *L, const struct ynode *n, struct service *s, const char *owner)
{
	static const char *const keys[] = {"ends", "recruiting", "registry", NULL};
	const struct ynode *st = ynode_get(n, "study");
	const char *v;

	if (st == NULL) {
		if (s->status == STATUS_STUDY)
			table_err(L, ynode_get(n, "status"),
				  "%s is a study: say when it ends and whether it recruits "
				  "(study: {ends, recruiting})",
				  owner);
		s->study_ends = xstrdup("unknown");
		return;
	}
	if (s->status != STATUS_STUDY)
		table_err(L, st, "only a service with status study has \"study\"");
	if (st->type != YNODE_MAP) {
		table_err(L, st, "\"study\" must be a mapping with ends and recruiting");
		s->study_ends = xstrdup("unknown");
		return;
	}
	table_keys(L, st, keys);
	v = table_str(L, st, "ends", true, "the study");
	if (v && strcmp(v, "unknown") != 0 && !table_date_ok(v, false))
		table_err(L, ynode_get(st, "ends"),
			  "\"%s\" is not a date (YYYY[-MM[-DD]]) or unknown", v);
	s->study_ends = xstrdup(v ? v : "unknown");
	s->recruiting = (enum recruiting)table_enum(L, st, "recruiting", recruiting_names, true,
						    "the study", 0);
	if ((v = table_str(L, st, "registry", false, "the study")) != NULL)
		s->registry = xstrdup(v);
}

static void
table_regions(struct loader *L, const struct ynode *n, struct service *s)
{
	const struct ynode *seq = table_seq(L, n, "regions", false, "the service");
	size_t i, j;

	for (i = 0; seq && i < seq->n; i++) {
		const struct ynode *it = seq->v[i];
		bool in = false;

		if (it->type != YNODE_SCALAR || !table_region_ok(it->s, true)) {
			table_err(L, it, "\"%s\" is not an ISO 3166-2 region code (like GB-SCT)",
				  it->type == YNODE_SCALAR ? it->s : "?");
			continue;
		}
		for (j = 0; j < s->countries.n; j++)
			in |= strncmp(s->countries.v[j], it->s, 2) == 0;
		if (!in)
			table_err(L, it, "region %s is not in the service's countries", it->s);
		else
			strv_add(&s->regions, it->s);
	}
}

static void
table_service(struct loader *L, const struct ynode *n, struct service *s)
{
	static const char *const keys[] = {
		"id",        "name",      "organization", "status",      "study",
		"successor", "ended",     "countries",    "regions",     "languages",
		"audience",  "offers",    "cost",         "anonymous",   "min_age",
		"max_age",   "reporting", "description",  "eligibility", "confidentiality",
		"contacts",  "unknown",   "sources",      "checked",     "notes",
		NULL};
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
	snprintf(owner, sizeof owner, "service \"%.100s\"", s->id);
	{
		const struct ynode *idn = ynode_get(n, "id");

		s->line = idn ? idn->line : n->line;
		s->column = idn ? idn->column : n->column;
	}
	s->origin = L->file;
	v = table_str(L, n, "name", true, owner);
	s->name = xstrdup(v ? v : s->id);
	v = table_str(L, n, "organization", true, owner);
	s->organization = xstrdup(v ? v : "");
	s->status = (enum service_status)table_enum(L, n, "status", status_names, true, owner, 0);
	table_study(L, n, s, owner);
	if ((v = table_str(L, n, "successor", false, owner)) != NULL) {
		if (s->status != STATUS_ENDED)
			table_err(L, ynode_get(n, "successor"),
				  "only an ended service can have a successor");
		s->successor = xstrdup(v);
	}
	if ((v = table_str(L, n, "ended", false, owner)) != NULL) {
		if (!table_date_ok(v, false))
			table_err(L, ynode_get(n, "ended"), "\"%s\" is not a date", v);
		if (s->status != STATUS_ENDED)
			table_err(L, ynode_get(n, "ended"), "only an ended service has \"ended\"");
		s->ended = xstrdup(v);
	}
	seq = table_seq(L, n, "countries", true, owner);
	table_countries(L, seq, &s->countries, true);
	if (seq && seq->n == 0)
		table_err(L, seq, "\"countries\" must not be empty");
	table_regions(L, n, s);
	seq = table_seq(L, n, "languages", true, owner);
	table_languages(L, seq, &s->languages);
	if (seq && seq->n == 0)
		table_err(L, seq, "\"languages\" must not be empty");
	s->audience = table_bits(L, n, "audience", audience_words, true, owner);
	s->offers = table_bits(L, n, "offers", offer_words, true, owner);
	s->cost = (enum cost)table_enum(L, n, "cost", cost_names, true, owner, 0);
	s->anonymous = (enum anonymity)table_enum(L, n, "anonymous", anon_names, true, owner, 0);
	v = table_str(L, n, "min_age", true, owner);
	if (v && strcmp(v, "unknown") != 0 && strcmp(v, "none") != 0 && !table_age_ok(v))
		table_err(L, ynode_get(n, "min_age"),
			  "\"%s\" is not an age in years, \"unknown\" or \"none\"", v);
	s->min_age = xstrdup(v ? v : "unknown");
	if ((v = table_str(L, n, "max_age", false, owner)) != NULL) {
		if (!table_age_ok(v))
			table_err(L, ynode_get(n, "max_age"), "\"%s\" is not an age in years", v);
		else
			s->max_age = xstrdup(v);
	}
	s->reporting = (enum reporting)table_enum(L, n, "reporting", reporting_names, false, owner,
						  REPORTING_UNKNOWN);
	table_texts(L, n, "description", true, owner, &s->description);
	table_texts(L, n, "eligibility", false, owner, &s->eligibility);
	table_texts(L, n, "confidentiality", false, owner, &s->confidentiality);
	seq = table_seq(L, n, "contacts", true, owner);
	if (seq) {
		s->contacts = xcalloc(seq->n + 1, sizeof *s->contacts);
		for (i = 0; i < seq->n; i++) {
			if (seq->v[i]->type != YNODE_MAP) {
				table_err(L, seq->v[i],
					  "a contact must be a mapping with type and value");
				continue;
			}
			table_contact(L, seq->v[i], &s->contacts[s->ncontacts++]);
		}
		if (s->status == STATUS_ENDED && seq->n > 0)
			table_err(L, seq,
				  "an ended service keeps no contacts (people must not be "
				  "sent to them)");
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
	table_sources(L, n, owner, &s->sources, &s->nsources, fact_words);
	v = table_str(L, n, "checked", true, owner);
	if (v && strcmp(v, "never") != 0 && !table_date_ok(v, true))
		table_err(L, ynode_get(n, "checked"), "\"%s\" is not a date (YYYY-MM-DD) or never",
			  v);
	s->checked = xstrdup(v ? v : "never");
	if (v && L->o && L->o->stale_days >= 0) {
		if (strcmp(v, "never") == 0) {
			table_warn(L, ynode_get(n, "checked"),
				   "service \"%s\" was never checked on its live site", s->id);
		} else if (table_date_ok(v, true)) {
			long age = (long)(L->o->today / 86400000.0) - table_days(v);

			if (age > L->o->stale_days)
				table_warn(L, ynode_get(n, "checked"),
					   "service \"%s\" was last checked %ld days ago (%s)",
					   s->id, age, v);
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
		texts_free(&e->v[i].note);
	}
	free(e->v);
	strv_free(&e->withdrawn);
	for (i = 0; i < e->nsources; i++)
		source_free(&e->sources[i]);
	free(e->sources);
}

static void
table_emergency(struct loader *L, const struct ynode *n, struct emergency *e)
{
	static const char *const keys[] = {"country", "numbers", "withdrawn", "sources", NULL};
	static const char *const nkeys[] = {"number", "kind", "also", "note", NULL};
	static const char *const wkeys[] = {"number", "since", NULL};
	static const char *const efacts[] = {"numbers", "kinds", "withdrawn", "notes", NULL};
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
		const char *num;
		struct emergency_number *en;

		if (m->type != YNODE_MAP) {
			table_err(L, m,
				  "an emergency number must be a mapping with number and kind");
			continue;
		}
		en = &e->v[e->n++];
		table_keys(L, m, nkeys);
		num = table_str(L, m, "number", true, "the emergency number");
		/* Short numbers: 2 to 8 digits, dialled as they are ("17", "112"). */
		if (num && (strspn(num, "0123456789") != strlen(num) || strlen(num) < 2 ||
			    strlen(num) > 8))
			table_err(L, ynode_get(m, "number"),
				  "\"%s\" is not an emergency number "
				  "(2 to 8 digits)",
				  num);
		en->number = xstrdup(num ? num : "");
		en->kind = (enum emergency_kind)table_enum(L, m, "kind", emerg_names, true,
							   "the emergency number", 0);
		if (ynode_get(m, "also") != NULL)
			en->also = table_bits(L, m, "also", emerg_names, false,
					      "the emergency number");
		table_texts(L, m, "note", false, "the emergency number", &en->note);
	}
	seq = table_seq(L, n, "withdrawn", false, "an emergency entry");
	for (i = 0; seq && i < seq->n; i++) {
		const struct ynode *w = seq->v[i];
		const char *num, *since;

		if (w->type != YNODE_MAP) {
			table_err(L, w,
				  "a withdrawn number must be a mapping with number and since");
			continue;
		}
		table_keys(L, w, wkeys);
		num = table_str(L, w, "number", true, "the withdrawn number");
		since = table_str(L, w, "since", false, "the withdrawn number");
		if (since && !table_date_ok(since, false))
			table_err(L, ynode_get(w, "since"), "\"%s\" is not a date", since);
		if (num)
			strv_add(&e->withdrawn, num);
	}
	table_sources(L, n, "the emergency entry", &e->sources, &e->nsources, efacts);
}

/* ---- reading files ---- */

/*
 * A set of service ids with a number each: open addressing on a keyed
 * hash (hash.h: ids chosen to collide do not make it quadratic), each id
 * copied.  While a file is read: the ids seen, with their lines (the
 * duplicate check).  While overlays merge: where each service is in
 * t->services (a hidden one's own id is freed, its entry stays).
 */
struct table_byid {
	char **id;  /* NULL: empty */
	size_t *at; /* the number */
	size_t cap; /* a power of two */
	size_t n;
};

static size_t
table_strhash(const char *s)
{
	return (size_t)hash_str(s);
}

/* The slot of id: where it is, or the empty one where it would go. */
static size_t
table_byid_slot(const struct table_byid *b, const char *id)
{
	size_t h = table_strhash(id) & (b->cap - 1);

	while (b->id[h] != NULL && strcmp(b->id[h], id) != 0)
		h = (h + 1) & (b->cap - 1);
	return h;
}

/* Adds id with number at and returns true; an id already there keeps
 * its number unless replace, and false is returned. */
static bool
table_byid_put(struct table_byid *b, const char *id, size_t at, bool replace)
{
	size_t h;

	if (2 * (b->n + 1) > b->cap) {
		struct table_byid old = *b;
		size_t i;

		b->cap = old.cap ? old.cap * 2 : 64;
		b->id = xcalloc(b->cap, sizeof *b->id);
		b->at = xcalloc(b->cap, sizeof *b->at);
		b->n = 0;
		for (i = 0; i < old.cap; i++)
			if (old.id[i] != NULL) {
				h = table_byid_slot(b, old.id[i]);
				b->id[h] = old.id[i];
				b->at[h] = old.at[i];
				b->n++;
			}
		free(old.id);
		free(old.at);
	}
	h = table_byid_slot(b, id);
	if (b->id[h] != NULL) {
		if (replace)
			b->at[h] = at;
		return false;
	}
	b->id[h] = xstrdup(id);
	b->n++;
	b->at[h] = at;
	return true;
}

static void
table_byid_free(struct table_byid *b)
{
	size_t i;

	if (b == NULL)
		return;
	for (i = 0; i < b->cap; i++)
		free(b->id[i]);
	free(b->id);
	free(b->at);
	free(b);
}

/* What one file read collects. */
struct items {
	struct loader *L;
	enum table_kind kind;
	struct service *sv;
	size_t nsv;
	struct emergency *em;
	size_t nem;
	struct ynode **cal; /* calendar items, kept for holidays_load_tree */
	size_t ncal;
	/* With an index: the key each item was read for, to check that the
	 * item really has it (a lying index is caught, not believed). */
	const char *key;
	size_t got;    /* items handed over by the current parse */
	bool mismatch; /* an item did not have its key */
	/* For signpost-mkindex. */
	table_key_fn keyfn;
	void *keyctx;
	size_t item;
	bool any; /* the kind is the list's (see table_item) */
	/* Services: the ids read, with their lines (a duplicate is found as
	 * it comes), how many were read, and the errors before the read.
	 * Once the file has an error it cannot be used, and its services
	 * are no longer kept: a file of a million broken entries costs their
	 * ids, not a million services. */
	struct table_byid *ids;
	size_t nread;
	size_t errors0;
};

/* The primary language subtag of a canonical tag, lower case. */
static void
table_primary(const char *tag, char *out, size_t cap)
{
	size_t i;

	for (i = 0; tag[i] && tag[i] != '-' && i + 1 < cap; i++)
		out[i] = (char)tolower((unsigned char)tag[i]);
	out[i] = '\0';
}

/* Calls fn for every index key of service s (index.h). */
static void
table_service_keys(const struct service *s, void (*fn)(void *, const char *), void *ctx)
{
	char key[48], prim[16];
	size_t i, j;
	bool world = false, english = false, anywhere = false;

	if (s->id == NULL) /* table_service always sets it; the analyzer cannot tell */
		return;
	snprintf(key, sizeof key, "i:%.45s", s->id);
	if (strlen(s->id) < 45)
		fn(ctx, key);
	/* An ended service fits no lookup (match.h): only its id is a key. */
	if (s->status == STATUS_ENDED)
		return;
	for (i = 0; i < s->countries.n; i++) {
		if (strcmp(s->countries.v[i], "world") == 0) {
			world = true;
			continue;
		}
		snprintf(key, sizeof key, "c:%s", s->countries.v[i]);
		fn(ctx, key);
	}
	if (!world)
		return;
	for (i = 0; i < s->languages.n; i++) {
		table_primary(s->languages.v[i], prim, sizeof prim);
		snprintf(key, sizeof key, "w:%s", prim);
		fn(ctx, key);
	}
	for (i = 0; i < s->ncontacts; i++) {
		if (s->contacts[i].interpreters_all)
			fn(ctx, "w:*");
		for (j = 0; j < s->contacts[i].interpreters.n; j++) {
			table_primary(s->contacts[i].interpreters.v[j], prim, sizeof prim);
			snprintf(key, sizeof key, "w:%s", prim);
			fn(ctx, key);
		}
	}
	for (i = 0; i < s->languages.n && !english; i++) {
		table_primary(s->languages.v[i], prim, sizeof prim);
		english = strcmp(prim, "en") == 0;
	}
	/* Never usable, whoever asks and whenever: nothing to count. */
	if (!english || s->ncontacts == 0 ||
	    (s->status == STATUS_STUDY && s->recruiting == RECRUITING_CLOSED))
		return;
	/* Counted without being read: usable by every caller at any date,
	 * because it has a contact for callers from anywhere and is no study
	 * with an end date (lookup_study_closed). */
	for (i = 0; i < s->ncontacts && !anywhere; i++)
		anywhere = s->contacts[i].from.n == 0;
	if (!anywhere || (s->status == STATUS_STUDY && s->study_ends != NULL &&
			  strcmp(s->study_ends, "unknown") != 0)) {
		fn(ctx, "u:en");
		return;
	}
	for (i = 0; audience_words[i] != NULL; i++)
		if (s->audience & (1u << i)) {
			snprintf(key, sizeof key, "m:%s", audience_words[i]);
			fn(ctx, key);
		}
}

struct has_key {
	const char *key;
	bool found;
};

static void
table_has_key(void *ctx, const char *key)
{
	struct has_key *h = ctx;

	h->found |= strcmp(h->key, key) == 0;
}

/* The audience bit of a count key "m:AUD" (index.h), or 0 for another key. */
static unsigned
table_count_key(const char *key)
{
	size_t i;

	if (strncmp(key, "m:", 2) != 0)
		return 0;
	for (i = 0; audience_words[i] != NULL; i++)
		if (strcmp(key + 2, audience_words[i]) == 0)
			return 1u << i;
	return 0;
}

/* True when service s has the count key of every audience in bits. */
static bool
table_has_count_keys(const struct service *s, unsigned bits)
{
	char key[32];
	size_t i;

	for (i = 0; audience_words[i] != NULL; i++) {
		struct has_key h = {key, false};

		if (!(bits & (1u << i)))
			continue;
		snprintf(key, sizeof key, "m:%s", audience_words[i]);
		table_service_keys(s, table_has_key, &h);
		if (!h.found)
			return false;
	}
	return true;
}

struct mk_key {
	struct items *it;
};

static void
table_emit_key(void *ctx, const char *key)
{
	struct items *it = ctx;

	it->keyfn(it->keyctx, it->item, 0, key);
}

/* One item of a list, from whichever read: the one loader. */
static void
table_item(void *ctx, const char *list, struct ynode *n)
{
	struct items *it = ctx;
	struct loader *L = it->L;

	/* A file of unknown kind (signpost-mkindex) is the kind of its list. */
	if (it->any && list != NULL)
		it->kind = strcmp(list, "emergency") == 0   ? KIND_EMERGENCY
			   : strcmp(list, "calendars") == 0 ? KIND_HOLIDAYS
							    : KIND_SERVICES;
	it->got++;
	/* Every item, for signpost-mkindex: where it starts. */
	if (it->keyfn != NULL)
		it->keyfn(it->keyctx, it->item, n->line, NULL);
	if (n->type != YNODE_MAP) {
		table_err(L, n, "%s must be a mapping",
			  it->kind == KIND_SERVICES    ? "a service"
			  : it->kind == KIND_EMERGENCY ? "an emergency entry"
						       : "a calendar");
		ynode_free(n);
		it->item++;
		return;
	}
	if (it->kind == KIND_SERVICES) {
		struct service one = {0}, *s = &one;

		if (it->nread++ >= TABLE_MAX_SERVICES) {
			if (it->nread == TABLE_MAX_SERVICES + 1)
				table_err(L, n, "too many services (at most %d)",
					  TABLE_MAX_SERVICES);
			ynode_free(n);
			it->item++;
			return;
		}
		table_service(L, n, s);
		if (s->id != NULL && s->id[0] != '\0') {
			if (it->ids == NULL)
				it->ids = xcalloc(1, sizeof *it->ids);
			if (!table_byid_put(it->ids, s->id, (size_t)s->line, false)) {
				struct ynode at = {.line = s->line, .column = s->column};

				table_err(L, &at, "duplicate id \"%s\" (first at line %zu)", s->id,
					  it->ids->at[table_byid_slot(it->ids, s->id)]);
			}
		}
		if (it->key != NULL) {
			struct has_key h = {it->key, false};

			table_service_keys(s, table_has_key, &h);
			it->mismatch |= !h.found;
		}
		if (it->keyfn != NULL)
			table_service_keys(s, table_emit_key, it);
		if (L->pr->errors != it->errors0) {
			/* The file is refused: keep nothing more of it. */
			service_free(s);
			for (size_t i = 0; i < it->nsv; i++)
				service_free(&it->sv[i]);
			it->nsv = 0;
		} else {
			if (it->nsv == 0 || (it->nsv >= 4 && (it->nsv & (it->nsv - 1)) == 0))
				it->sv = xreallocarray(it->sv, it->nsv ? it->nsv * 2 : 4,
						       sizeof *it->sv);
			it->sv[it->nsv++] = one;
		}
	} else if (it->kind == KIND_EMERGENCY) {
		struct emergency *e;

		if ((it->nem & (it->nem - 1)) == 0)
			it->em = xreallocarray(it->em, it->nem ? it->nem * 2 : 4, sizeof *it->em);
		e = &it->em[it->nem++];
		memset(e, 0, sizeof *e);
		table_emergency(L, n, e);
		if (it->key != NULL)
			it->mismatch |= strncmp(it->key, "e:", 2) != 0 ||
					strcmp(it->key + 2, e->country) != 0;
		if (it->keyfn != NULL) {
			char key[8];

			snprintf(key, sizeof key, "e:%s", e->country);
			it->keyfn(it->keyctx, it->item, 0, key);
		}
	} else {
		const struct ynode *id = ynode_get(n, "id");

		if (it->key != NULL)
			it->mismatch |= id == NULL || id->type != YNODE_SCALAR ||
					strncmp(it->key, "h:", 2) != 0 ||
					strcmp(it->key + 2, id->s) != 0;
		if (it->keyfn != NULL && id != NULL && id->type == YNODE_SCALAR && id->len < 40) {
			char key[48];

			snprintf(key, sizeof key, "h:%s", id->s);
			it->keyfn(it->keyctx, it->item, 0, key);
		}
		it->cal = xreallocarray(it->cal, it->ncal + 1, sizeof(struct ynode *));
		it->cal[it->ncal++] = n;
		it->item++;
		return;
	}
	it->item++;
	ynode_free(n);
}

/* Counts the items of a range (table_index_make). */
static void
table_count_item(void *ctx, const char *list, struct ynode *n)
{
	struct items *it = ctx;

	(void)list;
	it->got++;
	ynode_free(n);
}

/* The top level of a file of kind, already without its list's items. */
/* The schema version of the files of a kind that this signpost reads. */
static const char *
table_schema_of(enum table_kind kind)
{
	return kind == KIND_SERVICES ? "2" : "1";
}

static void
table_root(struct loader *L, const struct ynode *root, enum table_kind kind, struct table *t,
	   bool partial)
{
	static const char *const skeys[] = {"schema", "date", "services", NULL};
	static const char *const okeys[] = {"schema", "date", "services", "hide", "notes", NULL};
	static const char *const ekeys[] = {"schema", "generated", "emergency", NULL};
	static const char *const hkeys[] = {"schema", "calendars", NULL};
	const char *v, *want = table_schema_of(kind);
	const struct ynode *list;

	if (root->type != YNODE_MAP) {
		table_err(L, root, "the file must be a mapping with schema and %s",
			  kind_list[kind]);
		return;
	}
	table_keys(L, root,
		   kind == KIND_EMERGENCY  ? ekeys
		   : kind == KIND_HOLIDAYS ? hkeys
		   : L->overlay            ? okeys
					   : skeys);
	v = table_str(L, root, "schema", true, "the file");
	if (v && strcmp(v, want) != 0)
		table_err(L, ynode_get(root, "schema"),
			  "schema %s is not supported (this is schema %s)", v, want);
	if (kind == KIND_SERVICES) {
		t->schema = 2;
		v = table_str(L, root, "date", !L->overlay, "the table");
		if (v && !table_date_ok(v, true))
			table_err(L, ynode_get(root, "date"), "\"%s\" is not a date (YYYY-MM-DD)",
				  v);
		if (v && t->date == NULL)
			t->date = xstrdup(v);
	}
	if (kind == KIND_EMERGENCY)
		(void)table_str(L, root, "generated", false, "the file");
	list = ynode_get(root, kind_list[kind]);
	/* An index reads the head alone: there the list is still empty (an
	 * item in it means the index does not fit the file). */
	if (list == NULL ? !L->overlay
	    : partial    ? !(list->type == YNODE_SCALAR && list->len == 0 && list->plain) &&
				!(list->type == YNODE_SEQ && list->n == 0)
		      : list->type != YNODE_SEQ)
		table_err(L, list ? list : root, "\"%s\" must be a list", kind_list[kind]);
}

/*
 * Reads the file at path of kind into it, and its top level with
 * table_root.  With keys (and a current index beside it), only the items
 * of those keys; a stale, damaged or lying index is not used.  *root_out
 * (may be NULL) receives the top level (the caller frees it).  Returns 0,
 * or -1 when the file could not be read or parsed (a problem says why).
 */
static int
table_read(struct loader *L, const char *path, enum table_kind kind, const char *const *keys,
	   size_t nkeys, struct items *it, struct table *t, struct index **ix_out,
	   struct ynode **root_out)
{
	struct stat st;
	char *cause = NULL, *data = NULL, *ipath;
	struct ynode *root = NULL;
	struct index *ix = NULL;
	size_t len, k, i, before = it->nsv + it->nem + it->ncal;
	struct problems_mark mark;
	int fd;

	it->L = L;
	it->kind = kind;
	it->errors0 = L->pr->errors;
	if ((fd = file_open(path, &st, &cause)) == -1) {
		if (L->local && errno == EACCES) {
			/* Like an unreadable directory of local tables (paths.c). */
			problem_add(L->pr, path, 0, 0, false,
				    "cannot be read: %s; make it readable (chmod a+r '%s') or "
				    "remove it",
				    strerror(EACCES), path);
			free(cause);
			return -1;
		}
		table_cause(L, cause);
		return -1;
	}
	/* A local table can hide a service or change its number for every
	 * worker: only from a file nobody else can write (trust.h). */
	if (L->local && trust_check(path, &st, &cause) == -1) {
		problem_add(L->pr, path, 0, 0, false, "refused: %s", cause);
		free(cause);
		close(fd);
		return -1;
	}
	if (keys != NULL) {
		struct stat is;

		ipath = index_path(path);
		/* Its index only chooses what is read; one that others could
		 * write is not used, and the run says so. */
		if (L->local && stat(ipath, &is) == 0 && trust_check(ipath, &is, &cause) == -1) {
			problem_notice(L->pr, ipath, "not used (the whole table is read): %s",
				       cause);
			free(cause);
		} else {
			ix = index_open(ipath, &st);
		}
		free(ipath);
	}
	if (ix != NULL) {
		/* The head: the top-level fields, up to the first item. */
		uint32_t *seen = xcalloc(index_count(ix) / 32 + 1, sizeof *seen);
		unsigned char *counted = NULL;
		struct problems_mark pr_before = problems_mark(L->pr);
		long column = -1;
		struct index_rec rec0;

		/* Every item starts with "- " at the column of the first one,
		 * which follows the head: a range that starts deeper (inside a
		 * block of text) is not an item. */
		if (index_count(ix) > 0 && index_record(ix, 0, &rec0) == 0 &&
		    (data = file_read_at(fd, rec0.off, rec0.len < 256 ? rec0.len : 256)) != NULL) {
			column = (long)strspn(data, " ");
			if (data[column] != '-' || data[column + 1] != ' ')
				column = -2;
			free(data);
			data = NULL;
		}
		if (column == -2)
			goto unusable;

		/* A head that cannot be read, or is not the one indexed: the
		 * file itself is read (and its error, if any, said from there). */
		data = file_read_at(fd, 0, index_head(ix));
		if (data == NULL || ynode_hash(data, index_head(ix)) != index_head_hash(ix))
			goto unusable; /* data is freed there */
		root = ynode_parse(path, data, index_head(ix), table_limits_of(L->o), &cause);
		if (root == NULL) {
			free(cause);
			goto unusable;
		}
		free(data);
		data = NULL;
		/* Count keys: which records, for which audiences; not read. */
		for (k = 0; k < nkeys; k++) {
			size_t first,
				n = table_count_key(keys[k]) ? index_find(ix, keys[k], &first) : 0;

			if (n > 0 && counted == NULL)
				counted = xcalloc(index_count(ix) + 1, 1);
			for (i = 0; i < n; i++) {
				uint32_t r = index_posting(ix, first, i);

				if (r >= index_count(ix))
					goto unusable;
				counted[r] |= (unsigned char)table_count_key(keys[k]);
			}
		}
		for (k = 0; k < nkeys && ix != NULL; k++) {
			size_t first,
				n = table_count_key(keys[k]) ? 0 : index_find(ix, keys[k], &first);

			for (i = 0; i < n; i++) {
				uint32_t r = index_posting(ix, first, i);
				struct index_rec rec;
				struct ynode *seq;

				if (r == UINT32_MAX || index_record(ix, r, &rec) != 0)
					goto unusable;
				if (seen[r / 32] & (1u << (r % 32)))
					continue; /* an item under two keys is read once */
				seen[r / 32] |= 1u << (r % 32);
				if ((data = file_read_at(fd, rec.off, rec.len)) == NULL ||
				    ynode_hash(data, rec.len) != rec.hash ||
				    (long)strspn(data, " ") != column || data[column] != '-')
					goto unusable;
				it->key = keys[k];
				it->got = 0;
				seq = ynode_parse_items(path, data, rec.len, (int)rec.line, NULL,
							table_item, it, table_limits_of(L->o),
							&cause);
				it->key = NULL;
				free(data);
				data = NULL;
				if (seq == NULL) {
					free(cause);
					goto unusable;
				}
				ynode_free(seq);
				if (it->got != 1 || it->mismatch)
					goto unusable;
				/* Read for another key: it must have its count keys. */
				if (counted != NULL && counted[r] != 0 && it->nsv > 0 &&
				    !table_has_count_keys(&it->sv[it->nsv - 1], counted[r]))
					goto unusable;
			}
		}
		/* Those not read, in record order (table_unread_drop searches
		 * them). */
		if (counted != NULL) {
			size_t nun = 0;

			for (i = 0; i < index_count(ix); i++)
				nun += counted[i] != 0 && !(seen[i / 32] & (1u << (i % 32)));
			t->unread = xcalloc(nun + 1, sizeof *t->unread);
			for (i = 0; i < index_count(ix); i++)
				if (counted[i] != 0 && !(seen[i / 32] & (1u << (i % 32))))
					t->unread[t->nunread++] =
						(struct table_unread){(uint32_t)i, counted[i]};
		}
		free(counted);
		counted = NULL;
		table_root(L, root, kind, t, true);
		/* What a full read checks, the build checked before making the
		 * index: a problem here means the index does not fit the file. */
		if (problems_since(L->pr, &pr_before))
			goto unusable;
		free(seen);
		close(fd);
		if (root_out)
			*root_out = root;
		else
			ynode_free(root);
		if (ix_out)
			*ix_out = ix;
		else
			index_close(ix);
		return 0;
unusable:
		/* A damaged or lying index: read the file itself, as without
		 * one.  What is shown never depends on the index, nor is
		 * any problem it led to reported. */
		problems_rewind(L->pr, &pr_before);
		free(seen);
		free(counted);
		counted = NULL;
		free(t->unread);
		t->unread = NULL;
		t->nunread = 0;
		free(data);
		data = NULL;
		ynode_free(root);
		root = NULL;
		index_close(ix);
		ix = NULL;
		it->mismatch = false;
		it->key = NULL;
		table_discard(it, before);
		if (lseek(fd, 0, SEEK_SET) == -1) {
			problem_add(L->pr, path, 0, 0, false, "%s", strerror(errno));
			close(fd);
			return -1;
		}
	}
	data = file_read_all(fd, path, &st, table_limits_of(L->o)->max_bytes, &len, &cause);
	close(fd);
	if (data == NULL) {
		table_cause(L, cause);
		return -1;
	}
	{
		const char *one[] = {kind_list[kind], NULL};

		mark = problems_mark(L->pr);
		root = ynode_parse_items(path, data, len, 1, it->any ? kind_list : one, table_item,
					 it, table_limits_of(L->o), &cause);
	}
	free(data);
	if (root == NULL) {
		table_cause(L, cause);
		return -1;
	}
	if (it->any)
		it->kind = kind = ynode_get(root, "emergency") != NULL   ? KIND_EMERGENCY
				  : ynode_get(root, "calendars") != NULL ? KIND_HOLIDAYS
									 : KIND_SERVICES;
	{
		/* Items of another schema cannot be judged by this one: then
		 * only the schema is reported (table_root). */
		const struct ynode *sv = ynode_get(root, "schema");

		if (sv != NULL && sv->type == YNODE_SCALAR &&
		    strcmp(sv->s, table_schema_of(kind)) != 0) {
			problems_rewind(L->pr, &mark);
			table_discard(it, before);
		}
	}
	table_root(L, root, kind, t, false);
	if (root_out)
		*root_out = root;
	else
		ynode_free(root);
	return 0;
}

/* ---- the table ---- */

static struct table_file *
table_add_file(struct table *t, const char *path, enum origin_kind kind)
{
	struct table_file *f = xcalloc(1, sizeof *f);

	f->path = xstrdup(path);
	f->name = xstrdup(file_basename(path));
	f->kind = kind;
	t->files = xreallocarray(t->files, t->nfiles + 1, sizeof(struct table_file *));
	t->files[t->nfiles++] = f;
	return f;
}

void
table_free(struct table *t)
{
	size_t i;

	if (t == NULL)
		return;
	for (i = 0; i < t->nservices; i++)
		service_free(&t->services[i]);
	free(t->services);
	for (i = 0; i < t->nemergency; i++)
		emergency_free(&t->emergency[i]);
	free(t->emergency);
	holidays_free(t->holidays);
	free(t->date);
	for (i = 0; i < t->nfiles; i++) {
		free(t->files[i]->path);
		free(t->files[i]->name);
		free(t->files[i]);
	}
	free(t->files);
	for (i = 0; i < t->nhidden; i++)
		free(t->hidden[i].id);
	free(t->hidden);
	free(t->unread);
	index_close(t->ids);
	free(t->holidays_path);
	table_byid_free(t->byid);
	free(t);
}

static int
table_id_cmp(const void *a, const void *b)
{
	return strcmp(((const struct service *)a)->id, ((const struct service *)b)->id);
}

static int
table_country_cmp(const void *a, const void *b)
{
	return strcmp(((const struct emergency *)a)->country,
		      ((const struct emergency *)b)->country);
}

/* Sorts services by id (table_item has refused duplicates). */
static void
table_sort(struct loader *L, struct service *v, size_t n)
{
	(void)L;
	if (n > 1) /* qsort(NULL, 0, ...) is undefined */
		qsort(v, n, sizeof *v, table_id_cmp);
}

/* Frees what it collected from item number `from` on. */
static void
table_discard(struct items *it, size_t from)
{
	size_t i;

	(void)from;
	for (i = 0; i < it->nsv; i++)
		service_free(&it->sv[i]);
	for (i = 0; i < it->nem; i++)
		emergency_free(&it->em[i]);
	for (i = 0; i < it->ncal; i++)
		ynode_free(it->cal[i]);
	it->nsv = it->nem = it->ncal = it->nread = 0;
	table_byid_free(it->ids);
	it->ids = NULL;
}

struct table *
table_load(const struct table_files *f, const struct table_want *want,
	   const struct table_options *o, struct problems *pr)
{
	struct table *t = xcalloc(1, sizeof *t);
	struct loader L = {.pr = pr, .o = o};
	struct items it = {0};
	size_t before = pr->errors;
	const char *const *keys = want ? want->keys : NULL;
	size_t nkeys = want ? want->nkeys : 0;

	L.name = f->services;
	L.file = table_add_file(t, f->services, f->kind);
	L.local = f->kind != ORIGIN_SHIPPED;
	if (table_read(&L, f->services, KIND_SERVICES, keys, nkeys, &it, t, &t->ids, NULL) == 0) {
		t->services = it.sv;
		t->nservices = it.nsv;
		it.sv = NULL;
		it.nsv = 0;
		table_sort(&L, t->services, t->nservices);
		t->partial = t->ids != NULL;
	}
	t->english_read = !t->partial;
	for (size_t k = 0; k < nkeys; k++)
		t->english_read |= strcmp(keys[k], "w:en") == 0;
	table_discard(&it, 0);
	free(it.sv);
	if (f->emergency != NULL && pr->errors == before) {
		struct items em = {0};

		L.name = f->emergency;
		L.file = table_add_file(t, f->emergency, ORIGIN_SHIPPED);
		L.local = false;
		if (table_read(&L, f->emergency, KIND_EMERGENCY, keys, nkeys, &em, t, NULL, NULL) ==
		    0) {
			t->emergency = em.em;
			t->nemergency = em.nem;
			if (t->nemergency > 1)
				qsort(t->emergency, t->nemergency, sizeof *t->emergency,
				      table_country_cmp);
		} else {
			table_discard(&em, 0);
			free(em.em);
		}
	}
	if (f->holidays != NULL)
		t->holidays_path = xstrdup(f->holidays);
	table_loader_done(&L);
	if (pr->errors != before) {
		table_free(t);
		return NULL;
	}
	return t;
}

/* Starts the merging state: every service of t by id. */
static void
table_byid_start(struct table *t)
{
	size_t i;

	if (t->byid != NULL)
		return;
	t->byid = xcalloc(1, sizeof *t->byid);
	t->services_cap = t->nservices;
	for (i = 0; i < t->nservices; i++)
		table_byid_put(t->byid, t->services[i].id, i, true);
}

/* Ends it: hidden services dropped, the rest sorted by id, once. */
static void
table_byid_end(struct table *t)
{
	size_t i, k;

	if (t->byid == NULL)
		return;
	for (i = k = 0; i < t->nservices; i++)
		if (t->services[i].id != NULL)
			t->services[k++] = t->services[i];
	t->nservices = k;
	if (k > 1)
		qsort(t->services, k, sizeof *t->services, table_id_cmp);
	table_byid_free(t->byid);
	t->byid = NULL;
}

static int
table_id_key_cmp(const void *key, const void *s)
{
	return strcmp(key, ((const struct service *)s)->id);
}

/* Where the service with id is in t->services, or SIZE_MAX: through the
 * id table while a load builds t, by halves once it is sorted.  The
 * loader changes what it finds there; everyone else reads it through
 * table_find. */
static size_t
table_find_at(const struct table *t, const char *id)
{
	const struct service *s;

	if (t->byid != NULL) {
		size_t h = table_byid_slot(t->byid, id);

		if (t->byid->id[h] == NULL)
			return SIZE_MAX;
		s = &t->services[t->byid->at[h]];
	} else if (t->nservices == 0) {
		return SIZE_MAX; /* bsearch(NULL, 0, ...) is undefined */
	} else {
		s = bsearch(id, t->services, t->nservices, sizeof *t->services, table_id_key_cmp);
	}
	return s != NULL && s->id != NULL ? (size_t)(s - t->services) : SIZE_MAX;
}

const struct service *
table_find(const struct table *t, const char *id)
{
	size_t i = table_find_at(t, id);

	return i == SIZE_MAX ? NULL : &t->services[i];
}

bool
table_has_id(const struct table *t, const char *id)
{
	char key[64];

	if (table_find(t, id) != NULL)
		return true;
	if (t->ids == NULL || strlen(id) > 45)
		return false;
	snprintf(key, sizeof key, "i:%s", id);
	return index_has(t->ids, key);
}

const struct emergency *
table_emergency_of(const struct table *t, const char *country)
{
	struct emergency key = {0};

	if (t->nemergency == 0)
		return NULL;
	snprintf(key.country, sizeof key.country, "%s", country);
	return bsearch(&key, t->emergency, t->nemergency, sizeof *t->emergency, table_country_cmp);
}

static void
table_apply_notes(struct loader *L, struct table *t, const struct ynode *notes)
{
	static const char *const keys[] = {"id",    "worker_notes", "do_not_refer",
					   "alert", "alert_until",  NULL};
	size_t i;

	for (i = 0; notes && i < notes->n; i++) {
		const struct ynode *n = notes->v[i];
		struct service *s;
		const char *id, *v;
		size_t at;

		if (n->type != YNODE_MAP) {
			table_err(L, n, "a note must be a mapping with id");
			continue;
		}
		table_keys(L, n, keys);
		if ((id = table_str(L, n, "id", true, "a note")) == NULL)
			continue;
		if ((at = table_find_at(t, id)) == SIZE_MAX) {
			/* Not read (an index narrowed the table): nothing to
			 * attach for this lookup, but the id must exist. */
			if (!table_has_id(t, id))
				table_err(L, ynode_get(n, "id"), "no service has the id \"%s\"",
					  id);
			continue;
		}
		s = &t->services[at];
		s->noted = L->file;
		table_strv(L, table_seq(L, n, "worker_notes", false, "the note"), &s->worker_notes);
		if ((v = table_str(L, n, "do_not_refer", false, "the note")) != NULL) {
			free(s->do_not_refer);
			s->do_not_refer = xstrdup(v);
		}
		if ((v = table_str(L, n, "alert", false, "the note")) != NULL) {
			const char *until = table_str(L, n, "alert_until", true, "an alert");

			if (until && !table_date_ok(until, true))
				table_err(L, ynode_get(n, "alert_until"),
					  "\"%s\" is not a date (YYYY-MM-DD)", until);
			free(s->alert);
			free(s->alert_until);
			s->alert = xstrdup(v);
			s->alert_until = xstrdup(until ? until : "1970-01-01");
		}
	}
}

int
table_overlay(struct table *t, const char *path, enum origin_kind kind,
	      const struct table_options *o, struct problems *pr)
{
	struct loader L = {.name = path, .pr = pr, .o = o, .overlay = true, .local = true};
	struct items it = {0};
	struct ynode *root = NULL;
	struct strv hide = {0};
	const struct ynode *notes = NULL;
	size_t i, j, before = pr->errors;
	struct table_file *file;

	file = table_add_file(t, path, kind);
	L.file = file;
	if (table_read(&L, path, KIND_SERVICES, NULL, 0, &it, t, NULL, &root) == -1) {
		table_discard(&it, 0);
		free(it.sv);
		table_loader_done(&L);
		return -1;
	}
	table_strv(&L, table_seq(&L, root, "hide", false, "the overlay"), &hide);
	notes = table_seq(&L, root, "notes", false, "the overlay");
	table_sort(&L, it.sv, it.nsv);
	for (i = 0; i < hide.n; i++) {
		if (!table_has_id(t, hide.v[i]) &&
		    (it.ids == NULL || it.ids->id[table_byid_slot(it.ids, hide.v[i])] == NULL))
			table_err(&L, ynode_get(root, "hide"), "hide: no service has the id \"%s\"",
				  hide.v[i]);
	}
	if (pr->errors != before) {
		table_discard(&it, 0);
		free(it.sv);
		strv_free(&hide);
		ynode_free(root);
		table_loader_done(&L);
		return -1;
	}
	/* Each service of the overlay replaces the one with its id, or is
	 * added; sorting waits for table_finish, so any number of overlays
	 * of any size cost time linear in what they hold. */
	table_byid_start(t);
	for (j = 0; j < it.nsv; j++) {
		size_t h = table_byid_slot(t->byid, it.sv[j].id);
		struct service *s;

		it.sv[j].origin = file;
		if (t->byid->id[h] != NULL) {
			s = &t->services[t->byid->at[h]];
			if (s->id != NULL) {
				it.sv[j].replaced = file;
				service_free(s);
			}
			*s = it.sv[j];
			continue;
		}
		if (t->nservices == t->services_cap) {
			t->services_cap = t->services_cap ? t->services_cap * 2 : 16;
			t->services =
				xreallocarray(t->services, t->services_cap, sizeof *t->services);
		}
		t->services[t->nservices] = it.sv[j];
		table_byid_put(t->byid, it.sv[j].id, t->nservices++, true);
	}
	free(it.sv);
	table_byid_free(it.ids);
	for (i = 0; i < hide.n; i++) {
		size_t at = table_find_at(t, hide.v[i]);
		struct service *s = at == SIZE_MAX ? NULL : &t->services[at];

		t->hidden = xreallocarray(t->hidden, t->nhidden + 1, sizeof *t->hidden);
		t->hidden[t->nhidden].id = xstrdup(hide.v[i]);
		t->hidden[t->nhidden++].by = file;
		if (s != NULL) {
			service_free(s);
			s->id = NULL; /* dropped by table_finish */
		}
	}
	table_apply_notes(&L, t, notes);
	strv_free(&hide);
	ynode_free(root);
	table_loader_done(&L);
	return pr->errors != before ? -1 : 0;
}

/* Adds the calendar items of ids (and of their parents) from the
 * holidays file to *items, through its index when there is one. */
static int
table_calendars(struct loader *L, struct table *t, struct strv *ids, struct items *cal, bool all)
{
	size_t done = 0, i, j;
	struct index *ix = NULL;

	if (all)
		return table_read(L, t->holidays_path, KIND_HOLIDAYS, NULL, 0, cal, t, NULL, NULL);
	/* Parents are known only once their child is read: read in rounds. */
	while (done < ids->n) {
		struct strv keys = {0};
		size_t from = cal->ncal;

		for (i = done; i < ids->n; i++) {
			char *k = xasprintf("h:%s", ids->v[i]);

			strv_add(&keys, k);
			free(k);
		}
		done = ids->n;
		if (table_read(L, t->holidays_path, KIND_HOLIDAYS, (const char *const *)keys.v,
			       keys.n, cal, t, &ix, NULL) == -1) {
			strv_free(&keys);
			return -1;
		}
		strv_free(&keys);
		/* Without a usable index (none, a FIFO, stale) the whole file
		 * was read: every parent is in it already, and reading it
		 * again would list each calendar twice. */
		if (ix == NULL)
			return 0;
		index_close(ix);
		ix = NULL;
		for (i = from; i < cal->ncal; i++) {
			const struct ynode *p = ynode_get(cal->cal[i], "parent");
			bool have = false;

			if (p == NULL || p->type != YNODE_SCALAR)
				continue;
			for (j = 0; j < ids->n; j++)
				have |= strcmp(ids->v[j], p->s) == 0;
			if (!have)
				strv_add(ids, p->s);
		}
	}
	return 0;
}

static struct ynode *
table_scalar(const char *v)
{
	struct ynode *n = xcalloc(1, sizeof *n);

	n->type = YNODE_SCALAR;
	n->s = xstrdup(v);
	n->len = strlen(v);
	n->line = n->column = 1;
	return n;
}

/*
 * The calendars collected in it, checked as a whole by holiday.c under a
 * root of their own ({schema: 1, calendars: [...]}).  The items are
 * moved out of it.  NULL when they have errors (in pr).
 */
static struct holidays *
table_holidays(const char *name, struct items *it, struct problems *pr)
{
	struct ynode *root = xcalloc(1, sizeof *root), *list = xcalloc(1, sizeof *list);
	struct holidays *h;

	list->type = YNODE_SEQ;
	list->line = list->column = 1;
	list->v = it->cal;
	list->n = it->ncal;
	it->cal = NULL;
	it->ncal = 0;
	root->type = YNODE_MAP;
	root->line = root->column = 1;
	root->v = xcalloc(4, sizeof(struct ynode *));
	root->v[0] = table_scalar("schema");
	root->v[1] = table_scalar("1");
	root->v[2] = table_scalar("calendars");
	root->v[3] = list;
	root->n = 4;
	h = holidays_load_tree(name, root, pr);
	ynode_free(root);
	return h;
}

/* Drops from t->unread the record of an id an overlay hid, or that is
 * among the services read (an overlay's replacement is counted as
 * read). */
static void
table_unread_drop(struct table *t, const char *id)
{
	char key[64];
	size_t first, n, i, k;

	if (strlen(id) > 45)
		return;
	snprintf(key, sizeof key, "i:%s", id);
	n = index_find(t->ids, key, &first);
	for (i = 0; i < n; i++) {
		/* t->unread is in record order: a binary search. */
		uint32_t r = index_posting(t->ids, first, i);
		size_t lo = 0, hi = t->nunread;

		while (lo < hi) {
			k = lo + (hi - lo) / 2;
			if (t->unread[k].record < r)
				lo = k + 1;
			else
				hi = k;
		}
		if (lo < t->nunread && t->unread[lo].record == r)
			t->unread[lo].audience = 0;
	}
}

static void
table_unread_taken(struct table *t)
{
	size_t i, k;

	if (t->nunread == 0 || t->ids == NULL)
		return;
	for (i = 0; i < t->nhidden; i++)
		table_unread_drop(t, t->hidden[i].id);
	for (i = 0; i < t->nservices; i++)
		table_unread_drop(t, t->services[i].id);
	for (i = k = 0; i < t->nunread; i++)
		if (t->unread[i].audience != 0)
			t->unread[k++] = t->unread[i];
	t->nunread = k;
}

int
table_finish(struct table *t, struct problems *pr)
{
	size_t i, j, before = pr->errors;
	struct strv ids = {0};
	struct items cal = {0};
	struct loader L = {.name = t->holidays_path ? t->holidays_path : "", .pr = pr};

	table_byid_end(t);
	table_unread_taken(t);
	for (i = 0; i < t->nservices; i++) {
		const struct service *s = &t->services[i];
		struct loader SL = {.name = s->origin ? s->origin->path : "table", .pr = pr};

		if (s->successor != NULL && !table_has_id(t, s->successor)) {
			struct ynode at = {.line = s->line, .column = s->column};

			table_err(&SL, &at, "service \"%s\": successor \"%s\" names no service",
				  s->id, s->successor);
		}
		for (j = 0; j < s->ncontacts; j++) {
			const struct hours *h = s->contacts[j].hours;
			size_t k;
			bool have = false;

			if (h == NULL || h->calendar == NULL)
				continue;
			for (k = 0; k < ids.n; k++)
				have |= strcmp(ids.v[k], h->calendar) == 0;
			if (!have)
				strv_add(&ids, h->calendar);
		}
	}
	/* The calendars: all of them for a whole table (so --check checks
	 * the file), those the services name for a narrowed one.  The file
	 * is named either way, so an index never changes the answer. */
	if (t->holidays_path != NULL)
		L.file = table_add_file(t, t->holidays_path, ORIGIN_SHIPPED);
	if (t->holidays_path != NULL && (ids.n > 0 || !t->partial)) {
		if (table_calendars(&L, t, &ids, &cal, !t->partial) == 0)
			t->holidays = table_holidays(t->holidays_path, &cal, pr);
		for (i = 0; i < cal.ncal; i++)
			ynode_free(cal.cal[i]);
		free(cal.cal);
	}
	if (t->holidays == NULL && pr->errors == before) {
		/* No holidays file: no calendar is known. */
		struct items none = {0};

		t->holidays = table_holidays("", &none, pr);
	}
	for (i = 0; i < t->nservices && t->holidays != NULL; i++) {
		const struct service *s = &t->services[i];
		struct loader SL = {.name = s->origin ? s->origin->path : "table", .pr = pr};

		for (j = 0; j < s->ncontacts; j++) {
			const struct hours *h = s->contacts[j].hours;

			if (h != NULL && h->calendar != NULL &&
			    !holidays_known(t->holidays, h->calendar)) {
				struct ynode at = {.line = s->line, .column = s->column};

				table_err(&SL, &at,
					  "service \"%s\": calendar \"%s\" is not in the holiday "
					  "calendars",
					  s->id, h->calendar);
			}
		}
	}
	strv_free(&ids);
	return pr->errors != before ? -1 : 0;
}

int
table_keys_of(const char *path, const struct table_options *o, table_key_fn key, void *ctx,
	      struct problems *pr)
{
	struct table *t = xcalloc(1, sizeof *t);
	struct loader L = {.name = path, .pr = pr, .o = o};
	struct items it = {.keyfn = key, .keyctx = ctx, .any = true};
	struct ynode *root = NULL;
	size_t before = pr->errors, i;

	L.file = table_add_file(t, path, ORIGIN_DATA);
	if (table_read(&L, path, KIND_SERVICES, NULL, 0, &it, t, NULL, &root) == 0) {
		if (it.kind == KIND_SERVICES)
			table_sort(&L, it.sv, it.nsv);
		if (it.kind == KIND_HOLIDAYS)
			holidays_free(table_holidays(path, &it, pr));
	}
	ynode_free(root);
	for (i = 0; i < it.ncal; i++)
		ynode_free(it.cal[i]);
	it.ncal = 0;
	table_discard(&it, 0);
	free(it.sv);
	free(it.em);
	free(it.cal);
	table_free(t);
	table_loader_done(&L);
	return pr->errors != before ? -1 : 0;
}

const char *
texts_in_chain(const struct texts *t, char *const *chain, size_t n)
{
	size_t i, j;

	for (j = 0; j < n; j++)
		for (i = 0; i < t->n; i++)
			if (strcmp(t->v[i].lang, chain[j]) == 0)
				return t->v[i].text;
	return NULL;
}

const char *
texts_in(const struct texts *t, const char *lang)
{
	char **fb = NULL;
	size_t nfb;
	const char *r;

	if (t->n == 0 || lang == NULL)
		return NULL;
	nfb = i18n_language_fallbacks(lang, &fb);
	r = texts_in_chain(t, fb, nfb);
	i18n_strv_free(fb, nfb);
	return r;
}

const char *
texts_en(const struct texts *t)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		if (strcmp(t->v[i].lang, "en") == 0)
			return t->v[i].text;
	return NULL;
}

/* ---- the index of a file ---- */

struct mk {
	int *line; /* per item */
	size_t nitems;
	char **keys; /* pairs */
	uint32_t *rec;
	size_t npairs;
};

static void
table_mk_key(void *ctx, size_t item, int line, const char *key)
{
	struct mk *m = ctx;

	if (key == NULL) {
		if (item >= m->nitems) {
			m->line = xreallocarray(m->line, item + 1, sizeof *m->line);
			m->nitems = item + 1;
		}
		m->line[item] = line;
		return;
	}
	m->keys = xreallocarray(m->keys, m->npairs + 1, sizeof *m->keys);
	m->rec = xreallocarray(m->rec, m->npairs + 1, sizeof *m->rec);
	m->keys[m->npairs] = xstrdup(key);
	m->rec[m->npairs++] = (uint32_t)item;
}

int
table_index_make(const char *path, const struct table_options *o, struct buf *out,
		 struct problems *pr)
{
	struct mk m = {0};
	struct stat st;
	struct index_rec *recs = NULL;
	struct index_input in = {0};
	char *cause = NULL, *data = NULL;
	size_t len = 0, i, nlines = 1, *line_off = NULL, before = pr->errors;
	int fd;

	if (table_keys_of(path, o, table_mk_key, &m, pr) != 0)
		goto done;
	if ((fd = file_open(path, &st, &cause)) == -1) {
		problem_add(pr, path, 0, 0, false, "%s", cause);
		free(cause);
		goto done;
	}
	data = file_read_all(fd, path, &st, table_limits_of(o)->max_bytes, &len, &cause);
	close(fd);
	if (data == NULL) {
		problem_add(pr, path, 0, 0, false, "%s", cause);
		free(cause);
		goto done;
	}
	/* Byte offset of the start of every line (1-based lines). */
	line_off = xcalloc(2, sizeof *line_off);
	for (i = 0; i < len; i++)
		if (data[i] == '\n') {
			line_off = xreallocarray(line_off, nlines + 2, sizeof *line_off);
			line_off[++nlines] = i + 1;
		}
	line_off = xreallocarray(line_off, nlines + 2, sizeof *line_off);
	line_off[nlines + 1] = len;
	/* An item is the lines from its own to the next item's; the list is
	 * the file's last key, so the last item runs to the end. */
	recs = xcalloc(m.nitems + 1, sizeof *recs);
	for (i = 0; i < m.nitems; i++) {
		size_t first = (size_t)m.line[i];
		size_t end = i + 1 < m.nitems ? (size_t)m.line[i + 1] : nlines + 1;

		if (first < 1 || first > nlines || end <= first) {
			problem_add(pr, path, m.line[i], 1, false,
				    "to be indexed, each item of the list must start on a line of "
				    "its own");
			goto done;
		}
		recs[i].off = line_off[first];
		recs[i].len = (uint32_t)(line_off[end] - line_off[first]);
		recs[i].line = (uint32_t)first;
		recs[i].hash = ynode_hash(data + recs[i].off, recs[i].len);
	}
	/* The list must be last: nothing after its items but more of them. */
	for (i = 0; i < m.nitems; i++) {
		char *cause2 = NULL;
		struct items it = {0};
		struct loader L = {.name = path, .pr = pr, .o = o};
		struct ynode *root;

		it.L = &L;
		it.kind = KIND_SERVICES;
		it.any = false;
		/* Parsed only to count: an item's range holds exactly one. */
		root = ynode_parse_items(path, data + recs[i].off, recs[i].len, (int)recs[i].line,
					 NULL, table_count_item, &it, table_limits_of(o), &cause2);
		if (root == NULL || it.got != 1) {
			problem_add(pr, path, (int)recs[i].line, 1, false,
				    "to be indexed, the list must be the last key of the file and "
				    "each item must start on a line of its own");
			free(cause2);
			ynode_free(root);
			goto done;
		}
		ynode_free(root);
	}
	in.yaml_size = len;
	in.head_len = m.nitems ? (uint32_t)recs[0].off : (uint32_t)len;
	in.head_hash = ynode_hash(data, in.head_len);
	in.recs = recs;
	in.nrec = m.nitems;
	in.keys = (const char *const *)m.keys;
	in.key_rec = m.rec;
	in.npairs = m.npairs;
	index_build(&in, out);
done:
	for (i = 0; i < m.npairs; i++)
		free(m.keys[i]);
	free(m.keys);
	free(m.rec);
	free(m.line);
	free(recs);
	free(line_off);
	free(data);
	return pr->errors != before ? -1 : 0;
}

void
table_quality(const struct table *t, struct table_quality *q)
{
	size_t i, j;

	memset(q, 0, sizeof *q);
	q->services = t->nservices;
	for (i = 0; i < t->nservices; i++) {
		const struct service *s = &t->services[i];

		q->unknown_facts += s->unknown.n;
		q->never_checked += strcmp(s->checked, "never") == 0;
		q->no_contact += s->ncontacts == 0;
		for (j = 0; j < s->nsources; j++) {
			const char *e = s->sources[j].evidence;

			q->sources++;
			q->official += strcmp(e, "official") == 0;
			q->literature += strcmp(e, "literature") == 0;
			q->press += strcmp(e, "press") == 0;
			q->code += strcmp(e, "code") == 0;
			q->old += strcmp(e, "old") == 0;
			if (strcmp(s->sources[j].date, "unknown") == 0)
				q->undated++;
			else
				q->dated++;
		}
	}
}
