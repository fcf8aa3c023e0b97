/*
 * test_i18n_collate.c - collation in the UI language: i18n_sort_key's
 * strcmp order is exactly the order of ICU's collator for the language
 * (ucol_strcollUTF8, opened here), for every pair of a set of names
 * chosen to disagree with byte order (Czech "ch" after "h", accents and
 * case as secondary and tertiary differences, non-Latin scripts).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ucol.h>

#include "check.h"
#include "i18n.h"
#include "xmalloc.h"

static const char *const names[] = {
	"Chr\xc3\xa1m",  "Hrad",       "cesta",     "\xc4\x8c" "esko", "Cesko",
	"\xc3\xa9t\xc3\xa9", "ete",    "Ete",       "\xc3\x89t\xc3\xa9", "Zebra",
	"\xc5\xbd" "aba", "zebra",     "Stop It Now", "stop it now", "Stop it Now!",
	"\xd0\x90\xd0\xb1\xd0\xb2", "\xd8\xa7\xd9\x84\xd8\xb9", "\xe6\x97\xa5\xe6\x9c\xac",
	"", "10 Help", "9 Help",      "a",          "A",        "\xc3\xa5",
};

static int
sign(int x)
{
	return (x > 0) - (x < 0);
}

static void
test_pairs(const char *tag, const char *locales_dir)
{
	char *cause = NULL;
	struct i18n *ui = i18n_open_tag(tag, locales_dir, &cause);
	UErrorCode st = U_ZERO_ERROR;
	UCollator *coll = ucol_open(tag, &st);
	size_t n = sizeof names / sizeof names[0], i, j;
	char *keys[sizeof names / sizeof names[0]];

	CHECK(ui != NULL);
	CHECK(U_SUCCESS(st));
	if (ui == NULL || U_FAILURE(st)) {
		fprintf(stderr, "%s: %s\n", tag, cause ? cause : u_errorName(st));
		free(cause);
		i18n_free(ui);
		ucol_close(coll);
		return;
	}
	for (i = 0; i < n; i++)
		keys[i] = i18n_sort_key(ui, names[i]);
	for (i = 0; i < n; i++)
		for (j = 0; j < n; j++) {
			UErrorCode cst = U_ZERO_ERROR;
			int want = sign(ucol_strcollUTF8(coll, names[i], -1, names[j], -1, &cst));
			int got = sign(strcmp(keys[i], keys[j]));

			CHECK(U_SUCCESS(cst));
			if (got != want)
				fprintf(stderr, "%s: \"%s\" vs \"%s\": key %d, collate %d\n", tag,
					names[i], names[j], got, want);
			CHECK(got == want);
		}
	/* Czech sorts "ch" after "h"; byte order would not. */
	if (strcmp(tag, "cs") == 0)
		CHECK(strcmp(keys[0], keys[1]) > 0);
	for (i = 0; i < n; i++)
		free(keys[i]);
	/* Invalid UTF-8 still gets a key (itself). */
	keys[0] = i18n_sort_key(ui, "\xff\xfe");
	CHECK_STR(keys[0], "\xff\xfe");
	free(keys[0]);
	i18n_free(ui);
	ucol_close(coll);
}

int
main(void)
{
	const char *loc = getenv("SIGNPOST_LOCALEDIR");
	char *dir = xstrdup(loc != NULL ? loc : "locales");

	test_pairs("cs", dir);
	test_pairs("en", dir);
	test_pairs("sv", dir);
	test_pairs("tr", dir);
	free(dir);
	i18n_cleanup();
	return check_done();
}
