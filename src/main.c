/*
 * main.c - signpost's entry point: set the locale, parse options, load
 * the table, run a scripted lookup, a list, a check or the interactive
 * session, and map the outcome to an exit status.  The only file besides
 * cli, prompt and diag that decides to print or exit.
 */
#include <errno.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "config.h"
#include "diag.h"
#include "file.h"
#include "i18n.h"
#include "index.h"
#include "lookup.h"
#include "match.h"
#include "paths.h"
#include "prompt.h"
#include "render.h"
#include "table.h"
#include "xmalloc.h"

struct main_ctx {
	struct options o;
	double r_now; /* the moment asked about (--at, or now) */
	struct i18n *ui;
	char *datadir, *localedir;
	struct table *t;
	struct render r;
	const char *tz_was; /* TZ named a special file and was replaced by UTC */
	bool warned;        /* the tables were read once and their warnings said */
};

/* Prints a catalog message as an error: "signpost: message". */
static void
main_err(struct main_ctx *m, const char *key, const char *arg)
{
	char *msg = arg ? i18n_fmt(m->ui, key, "s", arg) : i18n_str(m->ui, key);

	diag_error("%s", msg);
	free(msg);
}

static int
main_usage_error(struct main_ctx *m, const char *key, const char *arg)
{
	char *hint = i18n_str(m->ui, "error.usage_hint");

	main_err(m, key, arg);
	diag_note("%s", hint);
	free(hint);
	/* In JSON mode, scripts read the error on stdout as JSON too. */
	if (m->r.format == RENDER_JSON && m->r.out != NULL) {
		char *msg = arg ? i18n_fmt(m->ui, key, "s", arg) : i18n_str(m->ui, key);

		render_error_json(&m->r, EXIT_USAGE, strncmp(key, "error.", 6) == 0 ? key + 6 : key,
				  msg, arg, NULL, NULL, 0);
		free(msg);
	}
	return EXIT_USAGE;
}

static int
main_help(struct main_ctx *m)
{
	struct buf b = {0};
	char *w, *wrapped;
	size_t i;
	int col = 28;

	w = i18n_str(m->ui, "help.usage");
	/* Align the synopsis lines under the first by display width: the
	 * translated "Usage:" may not be ASCII. */
	for (i = 0; cli_synopsis[i]; i++)
		buf_addf(&b, "%s%*s %s\n", i ? "" : w, i ? i18n_width(w) : 0, "", cli_synopsis[i]);
	free(w);
	buf_addc(&b, '\n');
	w = i18n_str(m->ui, "help.summary");
	wrapped = i18n_wrap(m->ui, w, 79, "", "");
	buf_addf(&b, "%s\n\n", wrapped);
	free(wrapped);
	free(w);
	for (i = 0; cli_help[i].flags; i++) {
		char *text = i18n_str(m->ui, cli_help[i].key);
		char *first = xasprintf("  %-*s", col - 2, cli_help[i].flags);
		char *pad = xasprintf("%*s", col, "");

		if ((int)strlen(cli_help[i].flags) > col - 3) {
			buf_addf(&b, "  %s\n", cli_help[i].flags);
			free(first);
			first = xstrdup(pad);
		}
		wrapped = i18n_wrap(m->ui, text, 79, first, pad);
		buf_addf(&b, "%s\n", wrapped);
		free(wrapped);
		free(pad);
		free(first);
		free(text);
	}
	buf_addc(&b, '\n');
	w = i18n_str(m->ui, "help.exit_status");
	wrapped = i18n_wrap(m->ui, w, 79, "", "");
	buf_addf(&b, "%s\n", wrapped);
	free(wrapped);
	free(w);
	render_line(&m->r, b.s);
	buf_free(&b);
	return EXIT_MATCH;
}

static const char *main_table_path(struct main_ctx *m, char **owned, enum origin_kind *kind);

static int
main_version(struct main_ctx *m)
{
	char *l = i18n_fmt(m->ui, "version.line", "ss", SIGNPOST_VERSION, i18n_icu_version());
	char *d = i18n_fmt(m->ui, "version.data", "ss", m->t ? m->t->date : "?", "2");
	char *c = i18n_str(m->ui, "version.license");

	fprintf(stdout, "signpost %s\n", SIGNPOST_VERSION);
	render_line(&m->r, l);
	render_line(&m->r, d);
	/* The derived files: which are used, and why one is not. */
	{
		static const char *const files[] = {"services", "emergency", "holidays"};
		static const char *const states[] = {"used",  "missing", "not_file",
						     "stale", "damaged", "format"};
		char *about = NULL, *owned;
		enum origin_kind kind;
		size_t i;

		(void)i18n_names_ready(m->ui, false, &about);
		render_line(&m->r, about);
		free(about);
		for (i = 0; i < 3; i++) {
			char *yaml = i == 0 ? xstrdup(main_table_path(m, &owned, &kind))
					    : xasprintf("%s/%s.yaml", m->datadir, files[i]);
			char *ipath = index_path(yaml), *msg;
			struct stat ys;

			if (i == 0)
				free(owned);
			if (stat(yaml, &ys) == 0) {
				msg = i18n_fmt(m->ui, "version.index", "ss", file_basename(ipath),
					       states[index_state_of(ipath, &ys)]);
				render_line(&m->r, msg);
				free(msg);
			}
			free(ipath);
			free(yaml);
		}
	}
	render_line(&m->r, "Copyright (C) 2026 the signpost authors.");
	render_line(&m->r, c);
	free(l);
	free(d);
	free(c);
	return EXIT_MATCH;
}

/*
 * The problems found, one line each: at most PROBLEMS_KEPT of them, then
 * how many more there were (a table with a million bad keys is not a
 * million lines on the terminal).  Warnings only when asked for.
 */
static void
main_problems(struct main_ctx *m, const struct problems *pr, bool warnings)
{
	size_t i, errors = 0, warned = 0, more;

	for (i = 0; i < pr->n && errors + warned < PROBLEMS_KEPT; i++) {
		if (pr->v[i].warning && !warnings && !pr->v[i].always)
			continue;
		if (pr->v[i].warning) {
			diag_warning("%s: %s", pr->v[i].where, pr->v[i].what);
			warned++;
		} else {
			diag_error("%s: %s", pr->v[i].where, pr->v[i].what);
			errors++;
		}
	}
	more = pr->errors - errors + (warnings ? pr->warnings - warned : 0);
	if (more > 0) {
		char *msg = i18n_fmt(m->ui, "check.more", "n", (double)more);

		diag_note("%s", msg);
		free(msg);
	}
}

/* The main table: --check FILE, --data, SIGNPOST_DATA, or the shipped one. */
static const char *
main_table_path(struct main_ctx *m, char **owned, enum origin_kind *kind)
{
	const char *env = getenv("SIGNPOST_DATA");

	*owned = NULL;
	*kind = ORIGIN_DATA;
	if (m->o.check_file)
		return m->o.check_file;
	if (m->o.data)
		return m->o.data;
	if (env && *env)
		return env;
	*kind = ORIGIN_SHIPPED;
	*owned = xasprintf("%s/services.yaml", m->datadir);
	return *owned;
}

/*
 * --check: the index beside each data file, if there is one, must be the
 * one signpost-mkindex would make of the file now.  A stale index is only
 * slower (lookups read the whole file); one that does not match while it
 * looks current could narrow a lookup wrongly, so it is an error.
 * Returns 0 or -1 (reported).
 */
static int
main_check_indexes(struct main_ctx *m, const struct table_files *f, const struct table_options *to)
{
	const char *files[3] = {f->services, f->emergency, f->holidays};
	size_t i;
	int rc = 0;

	for (i = 0; i < 3; i++) {
		struct stat ys;
		char *ipath, *cause = NULL, *have;
		struct buf want = {0};
		struct problems pr = {0};
		size_t len;
		int fd;

		if (files[i] == NULL || (i == 2 && m->o.check_file))
			continue;
		ipath = index_path(files[i]);
		if ((fd = file_open(ipath, &ys, &cause)) == -1) {
			/* No index: lookups read the whole file. */
			free(cause);
			free(ipath);
			continue;
		}
		have = file_read_all(fd, ipath, &ys, (size_t)1 << 30, &len, &cause);
		close(fd);
		free(cause);
		if (table_index_make(files[i], to, &want, &pr) != 0 || have == NULL ||
		    (len != want.len || memcmp(have, want.s, len) != 0)) {
			char *msg = i18n_fmt(m->ui, "check.index_mismatch", "ss", ipath, files[i]);

			diag_error("%s", msg);
			free(msg);
			rc = -1;
		} else if (have != NULL) {
			char *msg = i18n_fmt(m->ui, "check.index_ok", "s", ipath);

			render_line(&m->r, msg);
			free(msg);
		}
		problems_free(&pr);
		buf_free(&want);
		free(have);
		free(ipath);
	}
	return rc;
}

/*
 * Loads the table and the overlays; returns 0 or an exit status.  With
 * want (a lookup), an index beside a file narrows what is read to the
 * items of those keys (index.h); what is read is the same either way.
 */
static int
main_load(struct main_ctx *m, bool check, const struct table_want *want)
{
	struct table_options to = {
		.today = m->r_now, .stale_days = m->o.stale_days, .warn_unknown = check};
	struct problems pr = {0};
	char *owned, **ov = NULL, *emerg, *hol;
	enum origin_kind kind, *kinds = NULL;
	const char *path = main_table_path(m, &owned, &kind);
	struct table_files f = {path, kind, NULL, NULL};
	size_t nov = 0, i;
	int rc = 0;

	emerg = xasprintf("%s/emergency.yaml", m->datadir);
	hol = xasprintf("%s/holidays.yaml", m->datadir);
	/* A --check of one file checks that file alone, against the shipped
	 * holiday calendars its hours may name. */
	f.holidays = hol;
	if (!m->o.check_file)
		f.emergency = emerg;
	m->t = table_load(&f, want, &to, &pr);
	if (m->t && !m->o.check_file) {
		nov = paths_overlays(&ov, &kinds, &pr);
		for (i = 0; i < nov; i++)
			table_overlay(m->t, ov[i], kinds[i], &to, &pr);
		paths_free(ov, nov);
		free(kinds);
	}
	if (m->t && pr.errors == 0)
		table_finish(m->t, &pr);
	if (!m->warned || pr.errors)
		main_problems(m, &pr, check);
	if (pr.errors || m->t == NULL) {
		char *msg = i18n_fmt(m->ui, "check.summary", "nn", (double)pr.errors,
				     (double)pr.warnings);

		if (check)
			diag_note("%s", msg);
		if (m->r.format == RENDER_JSON && m->r.out != NULL)
			render_error_json(&m->r, EXIT_DATA, "data", pr.n ? pr.v[0].what : msg,
					  pr.n ? pr.v[0].where : NULL, NULL, NULL, 0);
		free(msg);
		problems_free(&pr);
		table_free(m->t);
		m->t = NULL;
		free(owned);
		free(emerg);
		free(hol);
		return EXIT_DATA;
	}
	if (check) {
		char *msg = i18n_fmt(m->ui, "check.ok", "snn", path, (double)m->t->nservices,
				     (double)pr.warnings);
		struct table_quality q;

		render_line(&m->r, msg);
		free(msg);
		table_quality(m->t, &q);
		msg = i18n_fmt(m->ui, "check.sources", "nnn", (double)q.sources, (double)q.official,
			       (double)q.literature);
		render_line(&m->r, msg);
		free(msg);
		msg = i18n_fmt(m->ui, "check.sources_weak", "nnn", (double)q.press, (double)q.code,
			       (double)q.old);
		render_line(&m->r, msg);
		free(msg);
		msg = i18n_fmt(m->ui, "check.dated", "nn", (double)q.dated, (double)q.undated);
		render_line(&m->r, msg);
		free(msg);
		msg = i18n_fmt(m->ui, "check.unknown", "nnn", (double)q.unknown_facts,
			       (double)q.never_checked, (double)q.no_contact);
		render_line(&m->r, msg);
		free(msg);
		if (main_check_indexes(m, &f, &to) != 0) {
			table_free(m->t);
			m->t = NULL;
			rc = EXIT_DATA;
		}
	}
	problems_free(&pr);
	free(owned);
	free(emerg);
	free(hol);
	return rc;
}

/* In JSON mode an error is also JSON on stdout, for scripts. */
static void
main_json_error(struct main_ctx *m, int status, const char *code, const char *msg,
		const char *input, const struct i18n_candidates *c, bool language)
{
	char **names;
	size_t i, n = c ? c->n : 0;

	if (m->r.format != RENDER_JSON || m->r.out == NULL)
		return;
	names = xcalloc(n + 1, sizeof *names);
	for (i = 0; i < n; i++)
		names[i] = language ? i18n_language_name(m->ui, c->codes[i])
				    : i18n_region_name(m->ui, c->codes[i]);
	render_error_json(&m->r, status, code, msg, input, c ? (const char *const *)c->codes : NULL,
			  (const char *const *)names, n);
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

/* Resolves a country (language false) or a language typed by the user;
 * prints why not and returns EXIT_USAGE if it cannot. */
static int
main_resolve(struct main_ctx *m, bool language, const char *arg, char **out)
{
	struct i18n_candidates c = {0};
	/* Typed on a terminal that is not UTF-8 (Latin-2 "Česko"): convert. */
	char *conv = i18n_from_terminal(m->ui, arg), *msg;
	const char *in = conv ? conv : arg;
	enum i18n_match r = language ? i18n_language_parse(m->ui, in, out, &c)
				     : i18n_country_parse(m->ui, in, out, &c);

	if (r == I18N_FOUND) {
		i18n_candidates_free(&c);
		free(conv);
		return 0;
	}
	msg = render_not_found(m->ui, language, in, r, &c);
	diag_error("%s", msg);
	main_json_error(m, EXIT_USAGE,
			r == I18N_AMBIGUOUS
				? (language ? "ambiguous_language" : "ambiguous_country")
				: (language ? "unknown_language" : "unknown_country"),
			msg, in, &c, language);
	free(msg);
	free(conv);
	i18n_candidates_free(&c);
	return EXIT_USAGE;
}

/*
 * The caller's languages from -l (a comma-separated list, in order of
 * preference), each resolved; without -l, the country's usual language.
 * Returns 0 or an exit status.
 */
static int
main_languages(struct main_ctx *m, const char *country, struct strv *out, bool *likely)
{
	char *copy, *p, *save = NULL, *tag;
	int rc = 0;

	*likely = m->o.language == NULL;
	if (m->o.language == NULL) {
		if ((tag = i18n_likely_language(country)) == NULL)
			tag = xstrdup("en");
		out->v = xcalloc(2, sizeof *out->v);
		out->v[out->n++] = tag;
		return 0;
	}
	copy = xstrdup(m->o.language);
	for (p = strtok_r(copy, ",", &save); p != NULL && rc == 0; p = strtok_r(NULL, ",", &save)) {
		size_t i;
		bool dup = false;

		while (*p == ' ')
			p++;
		if (*p == '\0')
			continue;
		if ((rc = main_resolve(m, true, p, &tag)) != 0)
			break;
		for (i = 0; i < out->n; i++)
			dup |= strcmp(out->v[i], tag) == 0;
		if (dup) {
			free(tag);
			continue;
		}
		out->v = xreallocarray(out->v, out->n + 1, sizeof *out->v);
		out->v[out->n++] = tag;
	}
	free(copy);
	if (rc == 0 && out->n == 0)
		rc = main_usage_error(m, "error.bad_language_list", m->o.language);
	return rc;
}

/* Tells the worker the card is not in the caller's first language. */
static void
main_card_note(struct main_ctx *m, const char *want, const char *got)
{
	char *a = i18n_language_name(m->ui, want), *b = i18n_language_name(m->ui, got);
	char *msg = i18n_fmt(m->ui, "card.other_language", "ss", a, b);

	diag_note("%s", msg);
	free(msg);
	free(a);
	free(b);
}

/*
 * The card's language: the caller's first language that has a catalog
 * (a card is never half in one language and half in another), else the
 * UI's, said so on stderr.
 */
static struct i18n *
main_card_ui(struct main_ctx *m, const struct strv *langs)
{
	size_t i;

	for (i = 0; i < langs->n; i++) {
		char *cause = NULL;
		struct i18n *c = i18n_open_tag(langs->v[i], m->localedir, &cause);

		free(cause);
		if (c != NULL && match_language(i18n_tag(c), langs->v[i])) {
			if (i > 0)
				main_card_note(m, langs->v[0], i18n_tag(c));
			return c;
		}
		i18n_free(c);
	}
	main_card_note(m, langs->n ? langs->v[0] : "en", i18n_tag(m->ui));
	return NULL;
}

/*
 * Beside a card (or text message), on stderr: what local tables changed
 * about it, for the worker.  The card on stdout stays the caller's.
 */
static void
main_card_local(struct main_ctx *m, const struct answer *a, const struct result *one)
{
	char **notes;
	size_t n = render_card_local(&m->r, m->t, a, SIZE_MAX, one, &notes), i;

	render_flush(&m->r);
	for (i = 0; i < n; i++)
		diag_note("%s", notes[i]);
	i18n_strv_free(notes, n);
}

static int
main_lookup(struct main_ctx *m)
{
	char *code = NULL, **keys = NULL;
	struct strv langs = {0};
	struct lookup_query q = {0};
	struct answer *a;
	struct table_want want;
	struct i18n *card = NULL;
	size_t nkeys, i;
	int rc;
	char country[3];

	if (m->o.country == NULL)
		return main_usage_error(m, "error.need_country", NULL);
	if ((rc = main_resolve(m, false, m->o.country, &code)) != 0)
		return rc;
	/* A region ("Wales", "GB-WLS") is its country and the region. */
	snprintf(country, sizeof country, "%s", code);
	if ((rc = main_languages(m, country, &langs, &q.languages_likely)) != 0) {
		free(code);
		for (i = 0; i < langs.n; i++)
			free(langs.v[i]);
		free(langs.v);
		return rc;
	}
	q.country = country;
	q.region = strlen(code) > 2 ? code : NULL;
	q.languages = (const char *const *)langs.v;
	q.nlanguages = langs.n;
	q.audience = m->o.audience;
	q.open_now = m->o.open_now;
	q.at = m->r_now;
	q.at_given = m->o.at != NULL;
	for (int pass = 0;; pass++) {
		nkeys = lookup_keys(&q, pass > 0, &keys);
		want = (struct table_want){(const char *const *)keys, nkeys};
		rc = main_load(m, false, &want);
		i18n_strv_free(keys, nkeys);
		if (rc != 0)
			break;
		a = lookup_run(m->t, m->ui, &q);
		if (!a->need_english)
			break;
		/* Nothing read can be used: the answer is the English services
		 * open worldwide, so they are read too (warnings said once). */
		lookup_free(a);
		table_free(m->t);
		m->t = NULL;
		m->warned = true;
	}
	if (rc == 0) {
		if (m->o.format == FORMAT_CARD || m->o.format == FORMAT_SMS) {
			m->r.card = card = main_card_ui(m, &langs);
			lookup_cards(a, i18n_tag(card ? card : m->ui));
		}
		render_answer(&m->r, m->t, a);
		if (m->o.format == FORMAT_CARD || m->o.format == FORMAT_SMS)
			main_card_local(m, a, NULL);
		m->r.card = NULL;
		i18n_free(card);
		/* --open-now: 1 when nothing is open or may be. */
		for (i = 0, rc = EXIT_NOMATCH; i < a->n; i++)
			if (!q.open_now || a->v[i].avail == AVAIL_OPEN ||
			    a->v[i].avail == AVAIL_UNKNOWN)
				rc = EXIT_MATCH;
		lookup_free(a);
	}
	for (i = 0; i < langs.n; i++)
		free(langs.v[i]);
	free(langs.v);
	free(code);
	return rc;
}

static int
main_show(struct main_ctx *m)
{
	const struct service *s = table_find(m->t, m->o.show);
	struct result *res;
	struct strv langs = {0};
	struct lookup_query q = {0};
	char *code = NULL, country[3] = "";
	struct i18n *card = NULL;
	size_t i;
	int rc;

	if (s == NULL) {
		char *msg = i18n_fmt(m->ui, "error.unknown_service", "s", m->o.show);

		/* Hidden by a local table: say so, and by which. */
		for (i = 0; i < m->t->nhidden; i++)
			if (strcmp(m->t->hidden[i].id, m->o.show) == 0) {
				free(msg);
				msg = i18n_fmt(m->ui, "error.hidden_service", "sss", m->o.show,
					       origin_kind_name(m->t->hidden[i].by->kind),
					       m->t->hidden[i].by->path);
				break;
			}

		diag_error("%s", msg);
		main_json_error(m, EXIT_USAGE, "unknown_service", msg, m->o.show, NULL, false);
		free(msg);
		return EXIT_USAGE;
	}
	if (m->o.country != NULL) {
		if ((rc = main_resolve(m, false, m->o.country, &code)) != 0)
			return rc;
		snprintf(country, sizeof country, "%s", code);
		q.country = country;
		q.region = strlen(code) > 2 ? code : NULL;
	}
	if (m->o.language != NULL || m->o.country != NULL) {
		if ((rc = main_languages(m, country, &langs, &q.languages_likely)) != 0) {
			free(code);
			return rc;
		}
	} else {
		langs.v = xcalloc(2, sizeof *langs.v);
		langs.v[langs.n++] = xstrdup(i18n_tag(m->ui));
	}
	q.languages = (const char *const *)langs.v;
	q.nlanguages = langs.n;
	q.at = m->r_now;
	q.at_given = m->o.at != NULL;
	res = lookup_service(m->t, m->ui, s, &q);
	if (m->o.format == FORMAT_CARD || m->o.format == FORMAT_SMS) {
		m->r.card = card = main_card_ui(m, &langs);
		lookup_card(res, i18n_tag(card ? card : m->ui));
	}
	render_service(&m->r, m->t, res, &q);
	if (m->o.format == FORMAT_CARD || m->o.format == FORMAT_SMS)
		main_card_local(m, NULL, res);
	lookup_result_free(res);
	m->r.card = NULL;
	i18n_free(card);
	for (i = 0; i < langs.n; i++)
		free(langs.v[i]);
	free(langs.v);
	free(code);
	return EXIT_MATCH;
}

/* A listed code and its name; key: the name's collation key, once sorted. */
struct main_pair {
	char *code, *name, *key;
};

static int
main_pair_cmp(const void *a, const void *b)
{
	const struct main_pair *x = a, *y = b;
	int c = strcmp(x->key, y->key);

	return c ? c : strcmp(x->code, y->code);
}

static void
main_pairs_add(struct main_pair **v, size_t *n, const char *code, char *name)
{
	size_t i;

	for (i = 0; i < *n; i++)
		if (strcmp((*v)[i].code, code) == 0) {
			free(name);
			return;
		}
	*v = xreallocarray(*v, *n + 1, sizeof **v);
	(*v)[*n].code = xstrdup(code);
	(*v)[*n].name = name;
	(*v)[*n].key = NULL;
	(*n)++;
}

static int
main_list(struct main_ctx *m)
{
	struct main_pair *v = NULL;
	size_t n = 0, i, j;
	const char **codes, **names;

	if (strcmp(m->o.list, "countries") == 0) {
		for (i = 0; i < m->t->nservices; i++)
			for (j = 0; j < m->t->services[i].countries.n; j++) {
				const char *c = m->t->services[i].countries.v[j];

				if (strcmp(c, "world") != 0)
					main_pairs_add(&v, &n, c, i18n_country_name(m->ui, c));
			}
		for (i = 0; i < m->t->nemergency; i++)
			if (strcmp(m->t->emergency[i].country, "EU") != 0 &&
			    strcmp(m->t->emergency[i].country, "") != 0)
				main_pairs_add(
					&v, &n, m->t->emergency[i].country,
					i18n_country_name(m->ui, m->t->emergency[i].country));
	} else if (strcmp(m->o.list, "languages") == 0) {
		for (i = 0; i < m->t->nservices; i++)
			for (j = 0; j < m->t->services[i].languages.n; j++) {
				const char *l = m->t->services[i].languages.v[j];

				main_pairs_add(&v, &n, l, i18n_language_name(m->ui, l));
			}
	} else if (strcmp(m->o.list, "services") == 0) {
		for (i = 0; i < m->t->nservices; i++)
			main_pairs_add(&v, &n, m->t->services[i].id,
				       xstrdup(m->t->services[i].name));
	} else if (strcmp(m->o.list, "sources") == 0) {
		/* The files read, by kind and name: no path of this machine. */
		for (i = 0; i < m->t->nfiles; i++)
			main_pairs_add(&v, &n, m->t->files[i]->name,
				       xstrdup(origin_kind_name(m->t->files[i]->kind)));
	} else {
		/* ui-languages: every catalog, named in itself. */
		char **tags;
		size_t nt = i18n_ui_languages(m->localedir, &tags);

		for (i = 0; i < nt; i++)
			main_pairs_add(&v, &n, tags[i], i18n_language_autonym(tags[i]));
		i18n_strv_free(tags, nt);
	}
	if (n > 1 && strcmp(m->o.list, "sources") != 0) {
		for (i = 0; i < n; i++)
			v[i].key = i18n_sort_key(m->ui, v[i].name);
		qsort(v, n, sizeof *v, main_pair_cmp);
	}
	codes = xcalloc(n + 1, sizeof *codes);
	names = xcalloc(n + 1, sizeof *names);
	for (i = 0; i < n; i++) {
		codes[i] = v[i].code;
		names[i] = v[i].name;
	}
	render_pairs(&m->r, m->o.list, codes, names, n);
	for (i = 0; i < n; i++) {
		free(v[i].code);
		free(v[i].name);
		free(v[i].key);
	}
	free(v);
	free(codes);
	free(names);
	return EXIT_MATCH;
}

static int
main_width(void)
{
	struct winsize ws;
	const char *cols = getenv("COLUMNS");
	char *end;
	long v;

	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20)
		return ws.ws_col > 200 ? 200 : ws.ws_col;
	if (cols == NULL)
		return 80;
	/* Not atoi: COLUMNS=99999999999 would overflow it. */
	v = strtol(cols, &end, 10);
	return end != cols && *end == '\0' && v >= 20 && v <= 1000 ? (int)v : 80;
}

static bool
main_color(const struct options *o)
{
	const char *nc = getenv("NO_COLOR"), *term = getenv("TERM");

	if (o->color == COLOR_NEVER)
		return false;
	if (o->color == COLOR_ALWAYS)
		return true;
	if (nc != NULL && *nc != '\0')
		return false;
	return isatty(STDOUT_FILENO) && term && strcmp(term, "dumb") != 0;
}

static int
main_run(struct main_ctx *m, int argc, char **argv)
{
	const char *cause, *arg, *ld;
	char *why = NULL;
	int perr = cli_parse(argc, argv, &m->o, &cause, &arg), rc;

	m->datadir = paths_datadir();
	m->localedir = (ld = getenv("SIGNPOST_LOCALEDIR")) != NULL && *ld != '\0'
			       ? xstrdup(ld)
			       : xasprintf("%s/locales", m->datadir);
	/* Even a bad command line is answered in the language asked for, if
	 * --ui-language came before the mistake. */
	m->ui = i18n_open(m->o.ui_language, m->localedir, &why);
	if (m->ui == NULL && m->o.ui_language != NULL) {
		/* Say so in the environment's language. */
		char *why2 = NULL;

		m->ui = i18n_open(NULL, m->localedir, &why2);
		free(why2);
		if (m->ui != NULL) {
			free(why);
			diag_set_ui(m->ui);
			m->r.out = stdout;
			m->r.ui = m->ui;
			return main_usage_error(m, "error.bad_ui_language", m->o.ui_language);
		}
	}
	if (m->ui != NULL) {
		const char *tz;

		i18n_set_datadir(m->ui, m->datadir);
		diag_set_ui(m->ui);
		/* Times would otherwise be read and shown in a zone nobody
		 * asked for, silently. */
		if (m->tz_was != NULL) {
			char *msg = i18n_fmt(m->ui, "warning.zone_unknown", "s", m->tz_was);

			diag_warning("%s", msg);
			free(msg);
		} else if (i18n_zone_fallback(m->ui, &tz)) {
			char *msg = i18n_fmt(m->ui, "warning.zone_unknown", "s", tz);

			diag_warning("%s", msg);
			free(msg);
		}
	}
	if (m->ui == NULL) {
		diag_error("%s", why ? why : "cannot load the catalogs");
		free(why);
		return EXIT_DATA;
	}
	m->r.out = stdout;
	m->r.ui = m->ui;
	m->r.width = main_width();
	m->r.color = main_color(&m->o);
	m->r.format = m->o.format == FORMAT_JSON   ? RENDER_JSON
		      : m->o.format == FORMAT_CARD ? RENDER_CARD
		      : m->o.format == FORMAT_SMS  ? RENDER_SMS
		      : m->o.format == FORMAT_FULL ? RENDER_FULL
						   : RENDER_TEXT;
	m->r_now = i18n_now();
	if (perr != 0)
		return main_usage_error(m, cause, arg);
	if (m->o.at != NULL) {
		int fit = i18n_parse_datetime(m->ui, m->o.at, &m->r_now);
		char *note;

		if (fit == -1)
			return main_usage_error(m, "error.bad_at", m->o.at);
		/* A local time that daylight saving made doubtful: say which
		 * instant is used, and how to ask for the other. */
		if ((note = i18n_at_note(m->ui, m->o.at, m->r_now, fit)) != NULL) {
			diag_warning("%s", note);
			free(note);
		}
	}
	switch (m->o.action) {
	case ACTION_HELP:
		return main_help(m);
	case ACTION_VERSION:
		break;
	default: {
		/* Names, regions and date patterns come from names.cache alone:
		 * without it nothing can be answered rightly. */
		char *about = NULL;

		if (!i18n_names_ready(m->ui, m->o.action == ACTION_CHECK, &about)) {
			diag_error("%s", about);
			if (m->r.format == RENDER_JSON)
				render_error_json(&m->r, EXIT_DATA, "names_data", about, NULL, NULL,
						  NULL, 0);
			free(about);
			return EXIT_DATA;
		}
		/* A check of the data in use names the names data it used. */
		if (m->o.action == ACTION_CHECK && m->o.check_file == NULL)
			render_line(&m->r, about);
		free(about);
		break;
	}
	}
	switch (m->o.action) {
	case ACTION_VERSION:
		(void)main_load(m, false, NULL);
		return main_version(m);
	case ACTION_CHECK:
		return main_load(m, true, NULL);
	default:
		break;
	}
	if (m->o.action == ACTION_INTERACTIVE &&
	    (m->o.no_input || !isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)))
		return main_usage_error(m, "error.no_input", NULL);
	/* A lookup loads its own table, through the index. */
	if (m->o.action != ACTION_LOOKUP && (rc = main_load(m, false, NULL)) != 0)
		return rc;
	switch (m->o.action) {
	case ACTION_LOOKUP:
		return main_lookup(m);
	case ACTION_SHOW:
		return main_show(m);
	case ACTION_LIST:
		return main_list(m);
	default: {
		struct prompt_session s = {.ui = m->ui,
					   .locales_dir = m->localedir,
					   .datadir = m->datadir,
					   .t = m->t,
					   .r = &m->r,
					   .audience = m->o.audience,
					   .now = m->r_now,
					   .at_given = m->o.at != NULL,
					   .open_now = m->o.open_now,
					   .discreet = m->o.discreet};

		rc = prompt_run(&s);
		m->ui = s.ui;
		return rc;
	}
	}
}

/*
 * TZ may name a file (":/path", "/path", or a zone under TZDIR), which
 * the C library opens without looking: a FIFO there would hang signpost
 * before its first line.  Such a TZ is replaced by UTC before anything
 * reads it; returns the value that was replaced (to say so), or NULL.
 */
static char *
main_tz_guard(void)
{
	const char *tz = getenv("TZ"), *dir = getenv("TZDIR");
	char *path, *was = NULL;
	struct stat st;

	if (tz == NULL || *tz == '\0')
		return NULL;
	if (*tz == ':')
		tz++;
	path = *tz == '/'
		       ? xstrdup(tz)
		       : xasprintf("%s/%s",
				   dir != NULL && *dir != '\0' ? dir : "/usr/share/zoneinfo", tz);
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
		was = xstrdup(getenv("TZ"));
		setenv("TZ", "UTC", 1);
	}
	free(path);
	return was;
}

int
main(int argc, char **argv)
{
	struct main_ctx m = {0};
	char *tz_was;
	int rc;

	/*
	 * Only the character set comes from the C library's locale (terminal
	 * output and readline); languages, numbers and dates come from the
	 * catalogs and ICU, and number parsing stays in the "C" locale.
	 */
	tz_was = main_tz_guard();
	setlocale(LC_CTYPE, "");
#ifdef SIGNPOST_ICU_TZ_DIR
	/* Time-zone rules newer than ICU's built-in ones, where the system
	 * has them in ICU's format (README, "Time zones"): ICU reads this on
	 * its first zone lookup.  A directory the user named wins. */
	setenv("ICU_TIMEZONE_FILES_DIR", SIGNPOST_ICU_TZ_DIR, 0);
#endif
	/* A reader that goes away (| head) ends output quietly: EPIPE. */
	signal(SIGPIPE, SIG_IGN);
	m.tz_was = tz_was;
	rc = main_run(&m, argc, argv);
	free(tz_was);
	if (m.r.out != NULL && render_flush(&m.r) != 0) {
		diag_error("%s: %s", "stdout", strerror(m.r.error));
		rc = EXIT_IO;
	}
	if (fclose(stdout) != 0 && !m.r.broken_pipe && errno != EPIPE && rc != EXIT_IO) {
		diag_error("%s: %s", "stdout", strerror(errno));
		rc = EXIT_IO;
	}
	table_free(m.t);
	diag_set_ui(NULL);
	i18n_free(m.ui);
	free(m.datadir);
	free(m.localedir);
#ifdef SIGNPOST_FREE_ALL
	i18n_cleanup();
#endif
	return rc;
}
