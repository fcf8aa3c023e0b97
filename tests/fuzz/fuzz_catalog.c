/*
 * fuzz_catalog.c - libFuzzer harness for catalog messages.  The catalogs
 * are ICU resource bundles that ICU itself reads (i18n_catalog.c), so what
 * signpost's own code does with a catalog's text is this: sanitize each
 * message, scan its arguments (i18n_pattern_args) and format it with ICU
 * MessageFormat.  The first byte chooses the argument types, the rest is
 * a message; whatever formats must hold no control character but newline,
 * whatever bytes the message held (a hostile SIGNPOST_LOCALEDIR).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"

/* Exported by src/i18n.c for this harness; not part of the i18n.h API. */
char *i18n_fmt_pattern(struct i18n *ui, const char *pattern, const char *types);

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct i18n *ui;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char *cause = NULL;

	(void)argc;
	(void)argv;
	ui = i18n_open_tag("cs", SIGNPOST_FUZZ_LOCALES, &cause);
	if (ui == NULL)
		abort();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const types[] = {"", "s", "n", "ss", "sn", "ns", "nn", "sss", "snn", "nsn"};
	char *pattern, *out;
	const unsigned char *p;

	if (size < 1 || size > 65536)
		return 0;
	pattern = malloc(size);
	if (pattern == NULL)
		return 0;
	memcpy(pattern, data + 1, size - 1);
	pattern[size - 1] = '\0';
	out = i18n_fmt_pattern(ui, pattern, types[data[0] % (sizeof types / sizeof types[0])]);
	/* Catalog text passes the sanitizer: no control, C1 included. */
	for (p = (const unsigned char *)out; p != NULL && *p; p++)
		if ((*p < 0x20 && *p != '\n') || *p == 0x7f || (p[0] == 0xc2 && p[1] >= 0x80 && p[1] < 0xa0))
			abort();
	free(out);
	free(pattern);
	return 0;
}
