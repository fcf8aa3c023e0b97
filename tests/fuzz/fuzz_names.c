/*
 * fuzz_names.c - libFuzzer harness for the country and language name
 * parsers (-c and -l accept codes or names in any language): arbitrary
 * bytes, NUL-terminated, through both, with the English UI.
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
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s, *out = NULL;
	struct i18n_candidates c = {0};

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
	free(s);
	return 0;
}
