/*
 * fuzz_table.c - libFuzzer harness for the table loader: arbitrary bytes
 * as a YAML table (and the same bytes as a local overlay over it), with
 * every --check warning turned on, then the cross-reference pass, then a
 * lookup rendered as text and as a card.  What is rendered must be safe
 * for a terminal: no C0 control but newline, no DEL, no C1 control, no
 * bidi override or isolate reaches it, whatever the table holds.
 *
 * The loader reads files, as signpost does: each input is written to a
 * private directory (under /dev/shm when there is one).
 */
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"
#include "lookup.h"
#include "render.h"
#include "table.h"
#include "xmalloc.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct i18n *ui;
static char dir[64], *path, *holidays;

/* The private directory goes when the fuzzer ends. */
static void
fuzz_clean(void)
{
	unlink(path);
	rmdir(dir);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char *cause = NULL;

	(void)argc;
	(void)argv;
	/* UTF-8 output, as on most terminals: the safety check below reads it. */
	setlocale(LC_CTYPE, "C.UTF-8");
	snprintf(dir, sizeof dir, "%s/signpost-fuzz.XXXXXX",
		 access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp");
	if (mkdtemp(dir) == NULL)
		abort();
	atexit(fuzz_clean);
	path = xasprintf("%s/t.yaml", dir);
	holidays = xasprintf("%s/holidays.yaml", SIGNPOST_FUZZ_DATADIR);
	ui = i18n_open_tag("en", SIGNPOST_FUZZ_LOCALES, &cause);
	if (ui == NULL)
		abort();
	i18n_set_datadir(ui, SIGNPOST_FUZZ_DATADIR);
	if (!i18n_names_ready(ui, false, NULL))
		abort();
	return 0;
}

/* Nothing in out may drive a terminal. */
static void
fuzz_safe(const unsigned char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if ((p[i] < 0x20 && p[i] != '\n') || p[i] == 0x7f)
			abort();
		if (i + 1 < n && p[i] == 0xc2 && p[i + 1] >= 0x80 && p[i + 1] < 0xa0)
			abort();
		if (i + 2 < n && p[i] == 0xe2 && p[i + 1] == 0x80 && p[i + 2] >= 0xaa &&
		    p[i + 2] <= 0xae)
			abort();
	}
}

static void
fuzz_render(struct table *t, enum render_format format)
{
	static const char *const langs[] = {"cs", "en"};
	struct lookup_query q = {.country = "CZ", .languages = langs, .nlanguages = 2,
				 .at = 1.7966448e12, .at_given = true};
	struct render r = {.ui = ui, .format = format, .width = 80};
	struct answer *a;
	char *buf = NULL;
	size_t len = 0;

	if ((r.out = open_memstream(&buf, &len)) == NULL)
		abort();
	a = lookup_run(t, ui, &q);
	render_answer(&r, t, a);
	if (a->n > 0)
		render_details(&r, a, 0);
	lookup_free(a);
	fclose(r.out);
	if (getenv("SIGNPOST_FUZZ_VERBOSE") != NULL)
		fprintf(stderr, "fuzz_table: %zu bytes rendered\n", len);
	fuzz_safe((const unsigned char *)buf, len);
	free(buf);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct table_options o = {.today = 1.7e12, .stale_days = 30, .warn_unknown = true};
	struct problems pr = {0};
	struct table_files f = {path, ORIGIN_DATA, NULL, holidays};
	struct table *t;
	FILE *out = fopen(path, "wb");

	if (out == NULL)
		abort();
	if (size > 0 && fwrite(data, 1, size, out) != size)
		abort();
	fclose(out);
	t = table_load(&f, NULL, &o, &pr);
	if (t != NULL) {
		/* The same bytes as a local overlay: replaces, hides, notes. */
		(void)table_overlay(t, path, ORIGIN_USER, &o, &pr);
		if (table_finish(t, &pr) == 0 && pr.errors == 0) {
			fuzz_render(t, RENDER_TEXT);
			fuzz_render(t, RENDER_CARD);
		}
		table_free(t);
	}
	if (pr.n > PROBLEMS_KEPT * 2 || pr.kept_errors > PROBLEMS_KEPT)
		abort();
	problems_free(&pr);
	return 0;
}
