/*
 * dump.c - prints every public holiday of every calendar in a
 * holidays.yaml for every day of a range of years, for the oracle test
 * (compare.py) and for a person checking the data by eye.  Built only
 * with the tests; never installed.
 *
 * usage: holidays-dump FILE FIRST-YEAR LAST-YEAR
 * Output, one line each, calendars in file order:
 *   CAL YEAR covered|not-covered
 *   CAL YYYY-MM-DD NAME
 * Problems in FILE go to stderr as FILE:LINE:COLUMN: what, exit 1.
 */
#include <stdio.h>
#include <stdlib.h>

#include "holiday.h"
#include "problem.h"
#include "ynode.h"

int
main(int argc, char **argv)
{
	struct problems pr = {0};
	struct holidays *h;
	struct ynode *root;
	char *data, *cause = NULL, *end;
	size_t len;
	long first, last;

	if (argc != 4) {
		fprintf(stderr, "usage: holidays-dump FILE FIRST-YEAR LAST-YEAR\n");
		return 2;
	}
	first = strtol(argv[2], &end, 10);
	if (*end != '\0' || first < 1600 || first > 4000)
		return 2;
	last = strtol(argv[3], &end, 10);
	if (*end != '\0' || last < first || last > 4000)
		return 2;
	if ((data = ynode_read_file(argv[1], &ynode_default_limits, &len, &cause)) == NULL) {
		fprintf(stderr, "holidays-dump: %s\n", cause);
		free(cause);
		return 1;
	}
	root = ynode_parse(argv[1], data, len, &ynode_default_limits, &cause);
	free(data);
	if (root == NULL) {
		fprintf(stderr, "holidays-dump: %s\n", cause);
		free(cause);
		return 1;
	}
	h = holidays_load_tree(argv[1], root, &pr);
	ynode_free(root);
	for (size_t i = 0; i < pr.n; i++)
		fprintf(stderr, "holidays-dump: %s: %s%s\n", pr.v[i].where,
			pr.v[i].warning ? "warning: " : "", pr.v[i].what);
	problems_free(&pr);
	if (h == NULL)
		return 1;
	for (size_t c = 0; c < holidays_count(h); c++) {
		const char *id = holidays_id(h, c);

		for (int y = (int)first; y <= (int)last; y++) {
			printf("%s %d %s\n", id, y, holidays_covers(h, id, y) ? "covered" : "not-covered");
			for (int m = 1; m <= 12; m++)
				for (int d = 1; holiday_valid(y, m, d); d++) {
					const char *name;

					if (holidays_on(h, id, y, m, d, &name) == HOLIDAY_YES)
						printf("%s %04d-%02d-%02d %s\n", id, y, m, d, name);
				}
		}
	}
	holidays_free(h);
	return ferror(stdout) ? 1 : 0;
}
