/*
 * fuzz_names.c - libFuzzer harness for the country and language name
 * parsers (-c and -l accept codes or names in any language) and their
 * completion: arbitrary bytes, NUL-terminated, through all four, with the
 * English UI and the build's names.cache (SIGNPOST_FUZZ_DATADIR).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct i18n *ui;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char *cause = NULL;

	(void)argc;
	(void)argv;
	ui = i18n_open_tag("en", SIGNPOST_FUZZ_LOCALES, &cause);
	if (ui == NULL)
		abort();
	i18n_set_datadir(ui, SIGNPOST_FUZZ_DATADIR);
	/* Without the names data every input would be "no data". */
	if (!i18n_names_ready(ui, false, NULL))
		abort();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s, *out = NULL, **v;
	struct i18n_candidates c = {0};
	size_t n;

	if (size > 4096)
		return 0;
	s = malloc(size + 1);
	if (s == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	(void)i18n_country_parse(ui, s, &out, &c);
	free(out);
	out = NULL;
	i18n_candidates_free(&c);
	memset(&c, 0, sizeof c);
	(void)i18n_language_parse(ui, s, &out, &c);
	free(out);
	i18n_candidates_free(&c);
	/* Completion of short prefixes lists thousands of names: only
	 * longer ones, to keep each run fast. */
	if (size >= 3) {
		n = i18n_country_complete(ui, s, &v);
		i18n_strv_free(v, n);
		n = i18n_language_complete(ui, s, NULL, 0, &v);
		i18n_strv_free(v, n);
	}
	free(s);
	return 0;
}
