/*
 * fuzz_table.c - libFuzzer harness for the table loader: arbitrary bytes
 * as a YAML table, with every --check warning turned on, then the
 * cross-reference pass, then a lookup on whatever loaded.
 */
#include <stddef.h>
#include <stdint.h>

#include "match.h"
#include "table.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
fuzz_cmp(const char *a, const char *b, void *ctx)
{
	(void)ctx;
	for (; *a && *a == *b; a++, b++)
		;
	return (unsigned char)*a - (unsigned char)*b;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct table_options o = {.today = 1.7e12, .stale_days = 30, .warn_unknown = true};
	struct problems pr = {0};
	struct table *t = table_load_mem("fuzz.yaml", (const char *)data, size, &o, &pr);

	if (t != NULL) {
		struct match_result out[64];
		struct match_query q = {"CZ", "cs", 0};

		table_finish(t, &pr);
		if (t->nservices <= 64)
			(void)match_rank(t, &q, fuzz_cmp, NULL, out);
		table_free(t);
	}
	problems_free(&pr);
	return 0;
}
