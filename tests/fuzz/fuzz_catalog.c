/*
 * fuzz_catalog.c - libFuzzer harness for the UI catalog loader: arbitrary
 * bytes as a catalog file (locales/LANG.yaml), then a lookup of a known key.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "catalog.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *cause = NULL;
	struct catalog *c = catalog_load_mem("fuzz.yaml", (const char *)data, size, &cause);

	if (c != NULL) {
		(void)catalog_get(c, "results.count");
		(void)catalog_get(c, "");
	}
	catalog_free(c);
	free(cause);
	return 0;
}
