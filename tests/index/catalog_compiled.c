/*
 * catalog_compiled.c - catalog-compiled CATALOG.yaml...: loads each
 * catalog with catalog_load, as signpost does, and prints "FILE: compiled"
 * when its compiled form (LANG.ytree) was used or "FILE: parsed" when the
 * YAML was parsed.  The compiled form changes nothing signpost prints, so
 * this is how the tests see that the built and installed ones are used.
 * Exits 0 when every catalog came from its compiled form, 1 when one was
 * parsed, 2 when one does not load.
 */
#include <stdio.h>
#include <stdlib.h>

#include "catalog.h"

int
main(int argc, char **argv)
{
	int rc = argc > 1 ? 0 : 2;

	for (int i = 1; i < argc; i++) {
		char *cause = NULL;
		struct catalog *c = catalog_load(argv[i], &cause);

		if (c == NULL) {
			fprintf(stderr, "catalog-compiled: %s\n", cause);
			free(cause);
			rc = 2;
			continue;
		}
		printf("%s: %s\n", argv[i], c->compiled ? "compiled" : "parsed");
		if (!c->compiled && rc == 0)
			rc = 1;
		catalog_free(c);
	}
	return rc;
}
