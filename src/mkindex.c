/*
 * mkindex.c - signpost-mkindex: the tool that writes the index of a data
 * file (format in index.h) beside it, for the build and for maintainers
 * of large local tables.  The index is made by table_index_make after a
 * full check of the file, exactly as signpost checks it; a file with
 * errors gets no index.  signpost itself never writes a file: this tool
 * is the only one that writes an index.
 */
#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "i18n.h"
#include "index.h"
#include "paths.h"
#include "table.h"
#include "xmalloc.h"

static void
mk_usage(FILE *f)
{
	fprintf(f, "usage: signpost-mkindex [--names-dir DIR] FILE.yaml [INDEX]\n"
		   "       signpost-mkindex --help | --version\n");
}

static void
mk_help(void)
{
	mk_usage(stdout);
	printf("\n"
	       "Checks a signpost data file (a table of services, emergency numbers or\n"
	       "holiday calendars) as `signpost --check` does and writes its index, by\n"
	       "default FILE.idx beside it, so that lookups read only what they show.\n"
	       "The index is believed only while the file is unchanged: make it again\n"
	       "after every edit.\n"
	       "\n"
	       "  --names-dir DIR  read names.cache (country and language codes) from\n"
	       "                   DIR, not from signpost's data directory\n"
	       "  --help           show this help and exit\n"
	       "  --version        show the version and exit\n"
	       "\n"
	       "See signpost(5), LOCAL TABLES.\n");
}

/*
 * Writes the len bytes at p to path, through path.tmp renamed into place,
 * so a lookup reading the old index while it is rebuilt keeps reading the
 * old one.  Returns 0, or -1 with nothing left behind.
 */
static int
mk_write(const char *path, const char *p, size_t len)
{
	char *tmp = xasprintf("%s.tmp", path);
	FILE *f;
	int rc = -1;

	if ((f = fopen(tmp, "wb")) != NULL) {
		bool written = fwrite(p, 1, len, f) == len;

		if (fclose(f) == 0 && written && rename(tmp, path) == 0)
			rc = 0;
		else
			remove(tmp);
	}
	free(tmp);
	return rc;
}

int
main(int argc, char **argv)
{
	struct table_options to = {.stale_days = -1};
	struct problems pr = {0};
	struct buf out = {0};
	char *ipath;
	size_t i;
	int rc = 0;

	static const struct option longopts[] = {
		{"names-dir", required_argument, NULL, 'n'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	const char *names_dir = NULL;
	int c;

	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (c) {
		case 'n':
			names_dir = optarg;
			break;
		case 'h':
			mk_help();
			return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 1;
		case 'V':
			printf("signpost-mkindex (signpost) %s\n", SIGNPOST_VERSION);
			return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 1;
		default:
			mk_usage(stderr);
			return 2;
		}
	}
	argc -= optind;
	argv += optind;
	if (argc < 1 || argc > 2) {
		mk_usage(stderr);
		return 2;
	}
	/* The table is checked as signpost checks it: country codes by
	 * names.cache (the build's own, before it is installed). */
	ipath = names_dir != NULL ? xstrdup(names_dir) : paths_datadir();
	i18n_set_datadir(NULL, ipath);
	if (!i18n_names_ready(NULL, false, NULL)) {
		fprintf(stderr,
			"signpost-mkindex: %s/names.cache cannot be used (signpost "
			"--version says why)\n",
			ipath);
		free(ipath);
		i18n_cleanup();
		return 1;
	}
	free(ipath);
	if (table_index_make(argv[0], &to, &out, &pr) != 0) {
		for (i = 0; i < pr.n; i++)
			if (!pr.v[i].warning)
				fprintf(stderr, "signpost-mkindex: %s: %s\n", pr.v[i].where,
					pr.v[i].what);
		if (pr.errors > pr.kept_errors)
			fprintf(stderr, "signpost-mkindex: ... and %zu more errors\n",
				pr.errors - pr.kept_errors);
		rc = 1;
	} else {
		ipath = argc == 2 ? xstrdup(argv[1]) : index_path(argv[0]);
		if (mk_write(ipath, out.s, out.len) == -1) {
			fprintf(stderr, "signpost-mkindex: %s: %s\n", ipath, strerror(errno));
			rc = 1;
		}
		free(ipath);
	}
	buf_free(&out);
	problems_free(&pr);
	i18n_cleanup();
	return rc;
}
