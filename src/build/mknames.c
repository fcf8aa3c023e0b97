/*
 * mknames.c - signpost_mknames, the build-time tool that writes
 * names.cache (i18n_cache.h) from the ICU it is linked with, CLDR's XML as
 * data/tools/cldr_names.py extracts it, and data/aliases.yaml.  Never
 * installed; its output is deterministic, so two builds of one tree
 * install byte-identical files.  It must run on the machine that runs
 * signpost (the file is keyed to that ICU and its locale data).
 *
 * Usage: signpost_mknames --subdivisions TSV --language-aliases TSV
 *            --language-matches TSV --aliases YAML --cldr-version V OUTPUT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "names_build.h"
#include "xmalloc.h"

static int
usage(void)
{
	fprintf(stderr,
		"usage: signpost_mknames --subdivisions TSV --language-aliases TSV\n"
		"           --language-matches TSV --aliases YAML --cldr-version V OUTPUT\n");
	return 2;
}

int
main(int argc, char **argv)
{
	struct names_build_input in = {0};
	struct buf out = {0};
	char *cause = NULL;
	const char *path = NULL;
	int i, rc = 1;

	for (i = 1; i < argc; i++) {
		const char **slot =
			strcmp(argv[i], "--subdivisions") == 0       ? &in.subdivisions
			: strcmp(argv[i], "--language-aliases") == 0 ? &in.language_aliases
			: strcmp(argv[i], "--language-matches") == 0 ? &in.language_matches
			: strcmp(argv[i], "--aliases") == 0          ? &in.aliases
			: strcmp(argv[i], "--cldr-version") == 0     ? &in.cldr_version
								     : NULL;

		if (slot != NULL && i + 1 < argc)
			*slot = argv[++i];
		else if (slot == NULL && argv[i][0] != '-' && path == NULL)
			path = argv[i];
		else
			return usage();
	}
	if (path == NULL || in.subdivisions == NULL || in.language_aliases == NULL ||
	    in.language_matches == NULL || in.aliases == NULL)
		return usage();
	if (names_build(&in, &out, &cause) == 0 &&
	    build_write_file(path, out.s, out.len, &cause) == 0)
		rc = 0;
	else
		fprintf(stderr, "signpost_mknames: %s\n", cause != NULL ? cause : "failed");
	free(cause);
	buf_free(&out);
	i18n_cleanup();
	return rc;
}
