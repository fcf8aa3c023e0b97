/*
 * test_i18n_wrap.c - display widths and line wrapping (i18n_width,
 * i18n_wrap): the ASCII path, the short-text path and the ICU
 * line-breaking path must agree on every width, mandatory breaks must
 * be kept even in short text, and isolates are never split.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


#include "check.h"
#include "i18n.h"
#include "i18n_catalog.h"
#include "table.h"
#include "xmalloc.h"

/* Exported by src/i18n.c for this test: i18n_wrap without its shortcuts,
 * and the test for text its Latin shortcut handles. */
char *i18n_wrap_icu(struct i18n *ui, const char *text, int width, const char *first,
		    const char *rest);
bool i18n_plain_latin(const char *s);

static char *locales_dir;

static struct i18n *
open_ui(const char *tag)
{
	char *cause = NULL;
	struct i18n *ui = i18n_open_tag(tag, locales_dir, &cause);

	if (ui == NULL) {
		fprintf(stderr, "i18n_open_tag(%s): %s\n", tag, cause);
		free(cause);
	}
	return ui;
}

static void
check_wrap(struct i18n *ui, const char *text, int width, const char *want)
{
	char *got = i18n_wrap(ui, text, width, "> ", "  ");

	CHECK_STR(got, want);
	free(got);
}

static void
test_width(void)
{
	CHECK(i18n_width("") == 0);
	CHECK(i18n_width("abc") == 3);
	CHECK(i18n_width("P\xc5\x99\xc3\xadklad") == 7);   /* Příklad */
	CHECK(i18n_width("e\xcc\x81") == 1);               /* e + combining acute */
	CHECK(i18n_width("\xe6\x97\xa5\xe6\x9c\xac") == 4); /* 日本: wide */
	CHECK(i18n_width("\xe2\x81\xa6" "a" "\xe2\x81\xa9") == 1); /* LRI a PDI */
}

static void
test_short(struct i18n *ui)
{
	/* Fits: returned whole, trailing spaces dropped. */
	check_wrap(ui, "Linka d\xc5\xafv\xc4\x9bry", 40, "> Linka d\xc5\xafv\xc4\x9bry");
	check_wrap(ui, "Linka d\xc5\xafv\xc4\x9bry   ", 40, "> Linka d\xc5\xafv\xc4\x9bry");
	/* Exactly the width (2 + 15 columns), then one column short. */
	check_wrap(ui, "Linka d\xc5\xafv\xc4\x9bry 24", 17, "> Linka d\xc5\xafv\xc4\x9bry 24");
	check_wrap(ui, "Linka d\xc5\xafv\xc4\x9bry 24", 16, "> Linka d\xc5\xafv\xc4\x9bry\n  24");
	/* Mandatory breaks are kept however short the text. */
	check_wrap(ui, "a\xc3\xa9\nb", 40, "> a\xc3\xa9\n  b");
	check_wrap(ui, "a\xc3\xa9\xe2\x80\xa8" "b", 40, "> a\xc3\xa9\xe2\x80\xa8\n  b");
	check_wrap(ui, "a\xc3\xa9\n", 40, "> a\xc3\xa9");
	/* Wide characters count twice. */
	check_wrap(ui, "\xe6\x97\xa5\xe6\x9c\xac \xe6\x97\xa5", 8,
		   "> \xe6\x97\xa5\xe6\x9c\xac\n  \xe6\x97\xa5");
}

static void
test_long(struct i18n *ui)
{
	/* Czech: every line within the width, words whole, no trailing space. */
	check_wrap(ui,
		   "Anonymn\xc3\xad a bezplatn\xc3\xa1 pomoc pro lidi, kte\xc5\x99\xc3\xad maj\xc3\xad "
		   "obavy ze sv\xc3\xbd" "ch my\xc5\xa1lenek.",
		   24,
		   "> Anonymn\xc3\xad a bezplatn\xc3\xa1\n  pomoc pro lidi, kte\xc5\x99\xc3\xad\n"
		   "  maj\xc3\xad obavy ze sv\xc3\xbd" "ch\n  my\xc5\xa1lenek.");
	/* An isolate is not split, even where it overflows. */
	check_wrap(ui, "Volejte \xe2\x81\xa6+420 123 456 789\xe2\x81\xa9 dnes", 20,
		   "> Volejte\n  \xe2\x81\xa6+420 123 456 789\xe2\x81\xa9\n  dnes");
	/* No break after a hyphen (option names, compound words). */
	check_wrap(ui, "pou\xc5\xbeijte --open-now", 14, "> pou\xc5\xbeijte\n  --open-now");
}

/*
 * For every width, the wrapped text holds the original words in order
 * and no line is wider than the width unless it is one word.
 */
static void
test_every_width(struct i18n *ui)
{
	const char *text = "Bezplatn\xc3\xa1 linka pro \xc4\x8d\x6c\x65nky rodiny, p\xc5\x99\xc3\xa1tele "
			   "a odborn\xc3\xadky, kte\xc5\x99\xc3\xad se ob\xc3\xa1vaj\xc3\xad o n\xc4\x9b" "koho.";
	int width;

	for (width = 4; width <= 100; width++) {
		char *got = i18n_wrap(ui, text, width, "> ", "  "), *copy, *line, *save = NULL;
		struct buf words = {0};
		bool fits = true;

		copy = xstrdup(got);
		for (line = strtok_r(copy, "\n", &save); line != NULL;
		     line = strtok_r(NULL, "\n", &save)) {
			if (i18n_width(line) > width && strchr(line + 2, ' ') != NULL)
				fits = false;
			if (words.len > 0)
				buf_addc(&words, ' ');
			buf_add(&words, line + 2);
		}
		if (!fits || strcmp(words.s, text) != 0)
			fprintf(stderr, "width %d: \"%s\"\n", width, got);
		CHECK(fits);
		CHECK_STR(words.s, text);
		buf_free(&words);
		free(copy);
		free(got);
	}
}

/* Texts wrapped both ways, and how many took the Latin shortcut. */
static size_t compared, latin;

/* What the shortcut takes and leaves: punctuation after a space stays on
 * the line ("type ?", French "Usage :"), quotes and slashes go to ICU. */
static void compare_paths(struct i18n *ui, const char *text);

static void
test_latin(struct i18n *ui)
{
	CHECK(i18n_plain_latin("Linka d\xc5\xafv\xc4\x9bry, Ctrl-C a Ctrl-D; ano: ne! co?"));
	CHECK(i18n_plain_latin("type ? now"));
	CHECK(!i18n_plain_latin("Yahoo!News"));
	CHECK(!i18n_plain_latin("\"quoted\""));
	CHECK(!i18n_plain_latin("and/or"));
	CHECK(!i18n_plain_latin("9\xe2\x80\x93" "17"));   /* en dash */
	CHECK(!i18n_plain_latin("a\xc2\xa0" "b"));         /* no-break space */
	CHECK(!i18n_plain_latin("\xc3\x97"));               /* multiplication sign */
	check_wrap(ui, "Usage : signpost", 9, "> Usage :\n  signpost");
	check_wrap(ui, "type ? to see", 8, "> type ?\n  to see");
	compare_paths(ui, "Usage : signpost --help ; ou ? ou ! fin .");
	compare_paths(ui, "in person. (en, 2) and ( spaced ) then 'quoted' ('a') done");
	compare_paths(ui, "x (y) z, f(x) g(1) and 'it' (so) l'homme d'accord 3.5 km 1, 2; 3");
	CHECK(!i18n_plain_latin("end.(x)"));
	CHECK(!i18n_plain_latin("f(x)(y)"));
	CHECK(!i18n_plain_latin("see.5"));
	CHECK(i18n_plain_latin("3.5 km"));
}

/* i18n_wrap and the ICU path agree on text at every width. */
static void
compare_paths(struct i18n *ui, const char *text)
{
	static const char *const pre[][2] = {{"> ", "  "}, {"", "   "}, {"    ", "    "}};
	int width;
	size_t k;
	bool same = true;

	for (width = 6; width <= 100 && same; width++)
		for (k = 0; k < sizeof pre / sizeof pre[0] && same; k++) {
			char *a = i18n_wrap(ui, text, width, pre[k][0], pre[k][1]);
			char *b = i18n_wrap_icu(ui, text, width, pre[k][0], pre[k][1]);

			if (strcmp(a, b) != 0) {
				fprintf(stderr, "width %d: \"%s\"\n  i18n_wrap: \"%s\"\n  ICU:       \"%s\"\n",
					width, text, a, b);
				same = false;
			}
			free(a);
			free(b);
		}
	CHECK(same);
	compared++;
	latin += i18n_plain_latin(text);
}

static void
compare_texts(struct i18n *ui, const struct texts *t)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		compare_paths(ui, t->v[i].text);
}

/*
 * Random strings over the alphabet of the Latin shortcut, biased towards
 * punctuation next to spaces: where the shortcut takes one, it must break
 * exactly where ICU does.  A fixed seed keeps the test repeatable.
 */
static void
test_random(struct i18n *ui)
{
	static const char *const atoms[] = {
		"a", "b", "Z", "7", "0", " ", " ", " ", "  ", ".", ",", ":", ";", "!", "?",
		"-", "(", ")", "'", "\xc5\xaf", "\xc3\x89", "\n", "word", "(x)", "l'",
	};
	unsigned long seed = 12345;
	size_t n = sizeof atoms / sizeof atoms[0], taken = 0, i, k;

	for (i = 0; i < 4000; i++) {
		struct buf b = {0};
		size_t len = 3 + i % 14;
		int width;
		bool same = true;

		for (k = 0; k < len; k++) {
			seed = seed * 6364136223846793005UL + 1442695040888963407UL;
			buf_add(&b, atoms[(seed >> 33) % n]);
		}
		if (!i18n_plain_latin(b.s)) {
			buf_free(&b);
			continue;
		}
		taken++;
		for (width = 3; width <= 24 && same; width++) {
			char *x = i18n_wrap(ui, b.s, width, "", " ");
			char *y = i18n_wrap_icu(ui, b.s, width, "", " ");

			if (strcmp(x, y) != 0) {
				fprintf(stderr, "width %d: \"%s\"\n  i18n_wrap: \"%s\"\n  ICU:       \"%s\"\n",
					width, b.s, x, y);
				same = false;
			}
			free(x);
			free(y);
		}
		CHECK(same);
		buf_free(&b);
	}
	CHECK(taken > 500);
}

/*
 * Every catalog message and every text of the shipped table, wrapped by
 * i18n_wrap (which takes a shortcut for Latin-alphabet text) and by the
 * ICU line breaker alone: the same lines, at every width.
 */
static void
test_corpus(const char *src)
{
	char **names, *path;
	size_t nn = i18n_catalog_list(locales_dir, &names);
	struct problems pr = {0};
	struct table_options o = {.stale_days = -1};
	struct table *t;
	size_t i, j;

	CHECK(nn > 0);
	for (j = 0; j < nn; j++) {
		char *cause = NULL, tag[32];
		struct i18n_catalog *c = i18n_catalog_open(locales_dir, names[j], &cause);
		struct i18n *ui;

		snprintf(tag, sizeof tag, "%s", names[j]);
		for (char *p = tag; *p; p++)
			if (*p == '_')
				*p = '-';
		ui = open_ui(tag);
		for (i = 0; c != NULL && ui != NULL && i < i18n_catalog_count(c); i++)
			compare_paths(ui, i18n_catalog_pattern(c, i));
		i18n_free(ui);
		i18n_catalog_free(c);
		free(cause);
	}
	i18n_strv_free(names, nn);
	path = xasprintf("%s/data/services.yaml", src);
	t = table_load(path, &o, &pr);
	CHECK(t != NULL);
	for (j = 0; t != NULL && j < 2; j++) {
		struct i18n *ui = open_ui(j == 0 ? "en" : "cs");

		for (i = 0; ui != NULL && i < t->nservices; i++) {
			const struct service *s = &t->services[i];
			size_t k;

			compare_paths(ui, s->name);
			compare_texts(ui, &s->description);
			compare_texts(ui, &s->eligibility);
			compare_texts(ui, &s->confidentiality);
			for (k = 0; k < s->ncontacts; k++)
				if (s->contacts[k].hours_note != NULL)
					compare_paths(ui, s->contacts[k].hours_note);
		}
		i18n_free(ui);
	}
	table_free(t);
	problems_free(&pr);
	free(path);
	/* The comparison means something only if many texts were Latin. */
	fprintf(stderr, "%zu texts compared, %zu by the Latin shortcut\n", compared, latin);
	CHECK(compared > 3000 && latin > 1000);
}

int
main(void)
{
	const char *src = getenv("SIGNPOST_SOURCE_DIR");
	struct i18n *ui;

	locales_dir = xstrdup(getenv("SIGNPOST_LOCALEDIR") != NULL ? getenv("SIGNPOST_LOCALEDIR")
							     : "locales");
	test_width();
	if ((ui = open_ui("cs")) != NULL) {
		test_short(ui);
		test_long(ui);
		test_every_width(ui);
		test_latin(ui);
		test_random(ui);
		i18n_free(ui);
	}
	CHECK(ui != NULL);
	test_corpus(src != NULL ? src : ".");
	free(locales_dir);
	i18n_cleanup();
	return check_done();
}
