/*
 * main.c - signpost's entry point: set the locale, parse options, load
 * the table, run a scripted lookup, a list, a check or the interactive
 * session, and map the outcome to an exit status.  The only file besides
 * cli, prompt and diag that decides to print or exit.
 */
#include <dirent.h>
#include <errno.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "cli.h"
#include "config.h"
#include "diag.h"
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
	struct i18n *ui;
	char *datadir, *localedir;
	struct table *t;
	struct render r;
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
		buf_addf(&b, "%s%*s %s\n", i ? "" : w, i ? i18n_width(w) : 0, "",
			 cli_synopsis[i]);
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

static int
main_version(struct main_ctx *m)
{
	char *l = i18n_fmt(m->ui, "version.line", "ss", SIGNPOST_VERSION, i18n_icu_version());
	char *d = i18n_fmt(m->ui, "version.data", "ss", m->t ? m->t->date : "?", "1");
	char *c = i18n_str(m->ui, "version.license");

	fprintf(stdout, "signpost %s\n", SIGNPOST_VERSION);
	render_line(&m->r, l);
	render_line(&m->r, d);
	render_line(&m->r, "Copyright (C) 2026 the signpost authors.");
	render_line(&m->r, c);
	free(l);
	free(d);
	free(c);
	return EXIT_MATCH;
}

static void
main_problems(const struct problems *pr, bool warnings)
{
	size_t i;

	for (i = 0; i < pr->n; i++) {
		if (pr->v[i].warning && !warnings)
			continue;
		if (pr->v[i].warning)
			diag_warning("%s: %s", pr->v[i].where, pr->v[i].what);
		else
			diag_error("%s: %s", pr->v[i].where, pr->v[i].what);
	}
}

static const char *
main_table_path(struct main_ctx *m, char **owned)
{
	const char *env = getenv("SIGNPOST_DATA");

	*owned = NULL;
	if (m->o.check_file)
		return m->o.check_file;
	if (m->o.data)
		return m->o.data;
	if (env && *env)
		return env;
	*owned = xasprintf("%s/services.yaml", m->datadir);
	return *owned;
}

/* Loads the table and the overlays; returns 0 or an exit status. */
/* The index beside a table: NAME.yaml -> NAME.idx (allocated). */
static char *
main_index_path(const char *yaml)
{
	size_t n = strlen(yaml);

	if (n > 5 && strcmp(yaml + n - 5, ".yaml") == 0)
		return xasprintf("%.*s.idx", (int)(n - 5), yaml);
	return xasprintf("%s.idx", yaml);
}

/*
 * Loads the table and the overlays; returns 0 or an exit status.  With a
 * country (a lookup), the table's compiled index is used when it is there
 * and current, so only the services that can match are read; the
 * worldwide services in English only with english.
 */
static int
main_load(struct main_ctx *m, bool check, const char *country, const char *language,
	  bool english)
{
	struct table_options to = {.today = m->r.now, .stale_days = m->o.stale_days,
				   .warn_unknown = check, .slim_contacts = !m->o.open_now};
	struct problems pr = {0};
	char *owned, **ov = NULL;
	const char *path = main_table_path(m, &owned);
	size_t nov = 0, i;

	if (country != NULL && !check) {
		char *idx = main_index_path(path);

		m->t = index_load(path, idx, country, language, english, &to);
		free(idx);
	}
	if (m->t == NULL)
		m->t = table_load(path, &to, &pr);
	/* A --check of one file checks that file alone. */
	if (m->t && !m->o.check_file) {
		nov = paths_overlays(&ov);
		for (i = 0; i < nov; i++)
			table_overlay(m->t, ov[i], &to, &pr);
		paths_free(ov, nov);
	}
	if (m->t && pr.errors == 0)
		table_finish(m->t, &pr);
	main_problems(&pr, check);
	if (pr.errors || m->t == NULL) {
		char *msg = i18n_fmt(m->ui, "check.summary", "nn", (double)pr.errors,
				     (double)(pr.n - pr.errors));

		if (check)
			diag_note("%s", msg);
		free(msg);
		problems_free(&pr);
		table_free(m->t);
		m->t = NULL;
		free(owned);
		return EXIT_DATA;
	}
	if (check) {
		char *msg = i18n_fmt(m->ui, "check.ok", "snn", path, (double)m->t->nservices,
				     (double)pr.n);

		render_line(&m->r, msg);
		free(msg);
	}
	problems_free(&pr);
	free(owned);
	return 0;
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
	free(msg);
	free(conv);
	i18n_candidates_free(&c);
	return EXIT_USAGE;
}

static int
main_lookup(struct main_ctx *m)
{
	char *country = NULL, *language = NULL;
	struct match_result *res;
	size_t n;
	int rc;
	struct render_query q = {0};
	struct i18n *card = NULL;

	if (m->o.country == NULL)
		return main_usage_error(m, "error.need_country", NULL);
	if ((rc = main_resolve(m, false, m->o.country, &country)) != 0)
		return rc;
	if (m->o.language) {
		if ((rc = main_resolve(m, true, m->o.language, &language)) != 0) {
			free(country);
			return rc;
		}
	} else if ((language = i18n_likely_language(country)) == NULL) {
		language = xstrdup("en");
	}
	if ((rc = main_load(m, false, country, language, false)) != 0) {
		free(country);
		free(language);
		return rc;
	}
	q.country = country;
	q.language = language;
	q.language_likely = m->o.language == NULL;
	q.audience = m->o.audience;
	q.open_now = m->o.open_now;
	res = xcalloc(m->t->nservices + 1, sizeof *res);
	n = lookup_run(m->t, m->ui, &(struct match_query){country, language, m->o.audience},
		       m->o.open_now, m->r.now, res, &q.matched);
	if (!q.matched && m->t->partial) {
		/* Nothing for the country or in the language: the worldwide
		 * services in English (tier 4), left out of the index's partial
		 * table, are read now. */
		table_free(m->t);
		m->t = NULL;
		free(res);
		if ((rc = main_load(m, false, country, language, true)) != 0) {
			free(country);
			free(language);
			return rc;
		}
		res = xcalloc(m->t->nservices + 1, sizeof *res);
		n = lookup_run(m->t, m->ui, &(struct match_query){country, language, m->o.audience},
			       m->o.open_now, m->r.now, res, &q.matched);
	}
	if (m->o.format == FORMAT_CARD) {
		char *cause = NULL;

		card = i18n_open_tag(language, m->localedir, &cause);
		free(cause);
		m->r.card = card ? card : m->ui;
	}
	render_results(&m->r, m->t, &q, res, n);
	i18n_free(card);
	m->r.card = NULL;
	free(res);
	free(country);
	free(language);
	if (m->r.data_changed) {
		char *owned;

		main_err(m, "error.data_changed", main_table_path(m, &owned));
		free(owned);
		return EXIT_DATA;
	}
	return n ? EXIT_MATCH : EXIT_NOMATCH;
}

static int
main_show(struct main_ctx *m)
{
	const struct service *s = table_find(m->t, m->o.show);
	char *language = NULL;
	struct i18n *card = NULL;
	int rc;

	if (s == NULL) {
		main_err(m, "error.unknown_service", m->o.show);
		return EXIT_USAGE;
	}
	if (m->o.language && (rc = main_resolve(m, true, m->o.language, &language)) != 0)
		return rc;
	if (language == NULL)
		language = xstrdup(i18n_tag(m->ui));
	if (m->o.format == FORMAT_CARD) {
		char *cause = NULL;

		card = i18n_open_tag(language, m->localedir, &cause);
		free(cause);
		m->r.card = card ? card : m->ui;
	}
	render_service(&m->r, m->t, s, language);
	i18n_free(card);
	m->r.card = NULL;
	free(language);
	return EXIT_MATCH;
}

struct main_pair {
	char *code, *name;
};

static struct i18n *main_sort_ui;

static int
main_pair_cmp(const void *a, const void *b)
{
	const struct main_pair *x = a, *y = b;
	int c = i18n_collate(main_sort_ui, x->name, y->name);

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
			if (strcmp(m->t->emergency[i].country, "EU") != 0)
				main_pairs_add(&v, &n, m->t->emergency[i].country,
					       i18n_country_name(m->ui, m->t->emergency[i].country));
	} else if (strcmp(m->o.list, "languages") == 0) {
		for (i = 0; i < m->t->nservices; i++)
			for (j = 0; j < m->t->services[i].languages.n; j++) {
				const char *l = m->t->services[i].languages.v[j];

				main_pairs_add(&v, &n, l, i18n_language_name(m->ui, l));
			}
	} else if (strcmp(m->o.list, "services") == 0) {
		for (i = 0; i < m->t->nservices; i++)
			main_pairs_add(&v, &n, m->t->services[i].id, xstrdup(m->t->services[i].name));
	} else if (strcmp(m->o.list, "sources") == 0) {
		for (i = 0; i < m->t->files.n; i++) {
			char *k = xasprintf("%zu", i + 1);

			main_pairs_add(&v, &n, k, xstrdup(m->t->files.v[i]));
			free(k);
		}
	} else {
		/* ui-languages: every catalog, named in itself. */
		DIR *d = opendir(m->localedir);
		struct dirent *de;

		while (d != NULL && (de = readdir(d)) != NULL) {
			size_t l = strlen(de->d_name);
			char *tag;

			if (l < 6 || strcmp(de->d_name + l - 5, ".yaml") != 0)
				continue;
			tag = xstrndup(de->d_name, l - 5);
			main_pairs_add(&v, &n, tag, i18n_language_autonym(tag));
			free(tag);
		}
		if (d != NULL)
			closedir(d);
	}
	main_sort_ui = m->ui;
	if (n > 1 && strcmp(m->o.list, "sources") != 0)
		qsort(v, n, sizeof *v, main_pair_cmp);
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
		i18n_set_datadir(m->ui, m->datadir);
		diag_set_ui(m->ui);
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
	m->r.format = m->o.format == FORMAT_JSON ? RENDER_JSON
		      : m->o.format == FORMAT_CARD ? RENDER_CARD
						   : RENDER_TEXT;
	m->r.now = i18n_now();
	if (perr != 0)
		return main_usage_error(m, cause, arg);
	if (m->o.at != NULL && i18n_parse_datetime(m->ui, m->o.at, &m->r.now) == -1)
		return main_usage_error(m, "error.bad_at", m->o.at);
	switch (m->o.action) {
	case ACTION_HELP:
		return main_help(m);
	case ACTION_VERSION:
		(void)main_load(m, false, NULL, NULL, false);
		return main_version(m);
	case ACTION_CHECK:
		return main_load(m, true, NULL, NULL, false);
	default:
		break;
	}
	if (m->o.action == ACTION_INTERACTIVE &&
	    (m->o.no_input || !isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)))
		return main_usage_error(m, "error.no_input", NULL);
	/* A lookup loads its own table, through the index. */
	if (m->o.action != ACTION_LOOKUP && (rc = main_load(m, false, NULL, NULL, false)) != 0)
		return rc;
	switch (m->o.action) {
	case ACTION_LOOKUP:
		return main_lookup(m);
	case ACTION_SHOW:
		return main_show(m);
	case ACTION_LIST:
		return main_list(m);
	default: {
		struct prompt_session s = {.ui = m->ui, .locales_dir = m->localedir, .datadir = m->datadir, .t = m->t,
					   .r = &m->r, .audience = m->o.audience,
					   .open_now = m->o.open_now, .discreet = m->o.discreet};

		rc = prompt_run(&s);
		m->ui = s.ui;
		return rc;
	}
	}
}

int
main(int argc, char **argv)
{
	struct main_ctx m = {0};
	int rc;

	/*
	 * Only the character set comes from the C library's locale (terminal
	 * output and readline); languages, numbers and dates come from the
	 * catalogs and ICU, and number parsing stays in the "C" locale.
	 */
	setlocale(LC_CTYPE, "");
#ifdef SIGNPOST_ICU_TZ_DIR
	/* Time-zone rules newer than ICU's built-in ones, where the system
	 * has them in ICU's format (README, "Time zones"): ICU reads this on
	 * its first zone lookup.  A directory the user named wins. */
	setenv("ICU_TIMEZONE_FILES_DIR", SIGNPOST_ICU_TZ_DIR, 0);
#endif
	/* A reader that goes away (| head) ends output quietly: EPIPE. */
	signal(SIGPIPE, SIG_IGN);
	rc = main_run(&m, argc, argv);
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
