/*
 * mknames.c - the build-time tool that writes names.cache, the index of
 * every CLDR locale's country and language names together with ICU's
 * region answers and date patterns (i18n_cache.c), from the ICU it is
 * linked with.  Never installed; its output is deterministic, so two
 * builds of one tree install byte-identical caches.
 *
 * Usage: mknames OUTPUT
 */
#include <stdio.h>
#include <stdlib.h>

#include "i18n.h"
#include "i18n_impl.h"

int
main(int argc, char **argv)
{
	char *cause = NULL;
	int rc;

	if (argc != 2) {
		fprintf(stderr, "usage: mknames OUTPUT\n");
		return 2;
	}
	rc = i18n_cache_write(argv[1], &cause);
	if (rc == -1)
		fprintf(stderr, "mknames: %s\n", cause != NULL ? cause : "cannot write the cache");
	free(cause);
	i18n_cleanup();
	return rc == -1 ? 1 : 0;
}
