/*
 * test_i18n_wrap.c - display widths and line wrapping (i18n_width,
 * i18n_wrap, ICU's line breaker): words kept in order at every width,
 * mandatory breaks kept even in short text, left-to-right isolates
 * (numbers) never split, other isolates closed and reopened at a break, and
 * every text of the shipped table wrapped within the width.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


#include "check.h"
#include "i18n.h"
#include "i18n_catalog.h"
#include "table.h"
#include "xmalloc.h"


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
	/* A first-strong isolate (a text of the table) may break: it is
	 * closed before each newline and opened again after the indent, so
	 * every line is balanced for a terminal that lays out lines alone. */
	check_wrap(ui, "Text: \xe2\x81\xa8one two three four\xe2\x81\xa9 end", 16,
		   "> Text: \xe2\x81\xa8one two\xe2\x81\xa9\n"
		   "  \xe2\x81\xa8" "three four\xe2\x81\xa9 end");
	/* ... with a number inside it still whole. */
	check_wrap(ui, "\xe2\x81\xa8" "Call \xe2\x81\xa6+420 123 456\xe2\x81\xa9 now\xe2\x81\xa9", 12,
		   "> \xe2\x81\xa8" "Call\xe2\x81\xa9\n"
		   "  \xe2\x81\xa8\xe2\x81\xa6+420 123 456\xe2\x81\xa9\xe2\x81\xa9\n"
		   "  \xe2\x81\xa8now\xe2\x81\xa9");
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

/*
 * Every text of the shipped table at many widths: the words stay in
 * order and no line is wider than the width unless it holds no space
 * (one long word, an address, a script without spaces between words).
 */
static size_t corpus_checked;

static void
check_props(struct i18n *ui, const char *text)
{
	int width;

	for (width = 20; width <= 120; width += 9) {
		char *got = i18n_wrap(ui, text, width, "   ", "   "), *copy = xstrdup(got), *line;
		char *save = NULL;
		bool fits = true;

		for (line = strtok_r(copy, "\n", &save); line != NULL;
		     line = strtok_r(NULL, "\n", &save))
			if (i18n_width(line) > width && strchr(line + 3, ' ') != NULL)
				fits = false;
		if (!fits)
			fprintf(stderr, "width %d: \"%s\"\n", width, got);
		CHECK(fits);
		corpus_checked++;
		free(copy);
		free(got);
	}
}

static void
test_corpus(const char *src)
{
	char *path = xasprintf("%s/data/services.yaml", src);
	struct table_files f = {path, ORIGIN_SHIPPED, NULL, NULL};
	struct table_options o = {.stale_days = -1};
	struct problems pr = {0};
	struct table *t;
	struct i18n *ui;

	/* Country codes are checked against the build's names.cache. */
	if (getenv("SIGNPOST_STAGE_DIR") != NULL)
		i18n_set_datadir(NULL, getenv("SIGNPOST_STAGE_DIR"));
	t = table_load(&f, NULL, &o, &pr);
	ui = open_ui("en");
	size_t i, k;

	CHECK(t != NULL && ui != NULL);
	for (i = 0; t != NULL && ui != NULL && i < t->nservices; i++) {
		const struct service *s = &t->services[i];
		const struct texts *all[] = {&s->description, &s->eligibility, &s->confidentiality};

		for (k = 0; k < 3; k++)
			for (size_t j = 0; j < all[k]->n; j++)
				check_props(ui, all[k]->v[j].text);
	}
	CHECK(corpus_checked > 1000);
	i18n_free(ui);
	table_free(t);
	problems_free(&pr);
	free(path);
}

int
main(void)
{
	const char *src = getenv("SIGNPOST_SOURCE_DIR");
	struct i18n *ui;

	/* The names data of the build (country codes, names, time patterns). */
	i18n_set_datadir(NULL, getenv("SIGNPOST_STAGE_DIR"));
	locales_dir = xstrdup(getenv("SIGNPOST_LOCALEDIR") != NULL ? getenv("SIGNPOST_LOCALEDIR")
							     : "locales");
	test_width();
	if ((ui = open_ui("cs")) != NULL) {
		test_short(ui);
		test_long(ui);
		test_every_width(ui);
		i18n_free(ui);
	}
	CHECK(ui != NULL);
	test_corpus(src != NULL ? src : ".");
	free(locales_dir);
	i18n_cleanup();
	return check_done();
}
