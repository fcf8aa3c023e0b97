/*
 * problem.h - problems found while reading a data file (a table, an
 * overlay, the holiday calendars): errors make the file unusable, warnings
 * (unknown facts, stale entries) do not.  Each names its place as
 * "FILE:LINE:COLUMN".  Collects only; the UI layer reports them.
 *
 * Only the first PROBLEMS_KEPT errors and the first PROBLEMS_KEPT warnings
 * are kept; the rest are counted.  A table with a million bad keys then
 * costs a counter, not a million messages in memory and on the terminal.
 */
#ifndef SIGNPOST_PROBLEM_H
#define SIGNPOST_PROBLEM_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#include "xmalloc.h"

#define PROBLEMS_KEPT 100

struct problem {
	char *where; /* "FILE:LINE:COLUMN", or "FILE" */
	char *what;
	bool warning;
	bool always; /* a warning to show in every run, not only --check */
};
struct problems {
	struct problem *v; /* the problems kept, in the order found */
	size_t n;          /* kept */
	size_t errors;     /* every error found, kept or not */
	size_t warnings;   /* every warning found, kept or not */
	size_t kept_errors, kept_warnings;
};
/* The state of a list, to go back to (problems_rewind). */
struct problems_mark {
	size_t n, errors, warnings, kept_errors, kept_warnings;
};

/*
 * Appends a problem at name:line:column (line 0: the file as a whole).
 * The message is formatted like printf.  Beyond PROBLEMS_KEPT of its
 * kind, only counted.
 */
void problem_add(struct problems *pr, const char *name, int line, int column, bool warning,
		 const char *fmt, ...) SP_PRINTF(6, 7);
void problem_vadd(struct problems *pr, const char *name, int line, int column, bool warning,
		  const char *fmt, va_list ap) SP_PRINTF(6, 0);
/* A warning that every run shows (a local file that is not used, and
 * why), not only --check. */
void problem_notice(struct problems *pr, const char *name, const char *fmt, ...) SP_PRINTF(3, 4);
/* Where pr stands now; true when pr has more problems than at m. */
struct problems_mark problems_mark(const struct problems *pr);
bool problems_since(const struct problems *pr, const struct problems_mark *m);
/* Drops every problem found after m (a reading that is discarded). */
void problems_rewind(struct problems *pr, const struct problems_mark *m);
/*
 * The word of words (NULL-terminated) that s was most likely meant to be
 * (a close spelling, or a longer form of a short word: "friday" for
 * "fri"), for a "did you mean" hint; NULL when none is close, and once no
 * more errors are kept (a file of a million misspelt keys costs no
 * million searches for a hint nobody reads).
 */
const char *problem_suggest(const struct problems *pr, const char *s, const char *const *words);
/* Every problem found, kept or not. */
size_t problems_total(const struct problems *pr);
/* Frees every problem and leaves pr empty; pr itself stays the caller's. */
void problems_free(struct problems *pr);

#endif
