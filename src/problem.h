/*
 * problem.h - problems found while reading a data file (a table, an
 * overlay, the holiday calendars): errors make the file unusable, warnings
 * (unknown facts, stale entries) do not.  Each names its place as
 * "FILE:LINE:COLUMN".  Collects only; the UI layer reports them.
 */
#ifndef SIGNPOST_PROBLEM_H
#define SIGNPOST_PROBLEM_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#include "xmalloc.h"

struct problem {
	char *where; /* "FILE:LINE:COLUMN", or "FILE" */
	char *what;
	bool warning;
};
struct problems {
	struct problem *v;
	size_t n;
	size_t errors;
};

/*
 * Appends a problem at name:line:column (line 0: the file as a whole).
 * The message is formatted like printf.
 */
void problem_add(struct problems *pr, const char *name, int line, int column, bool warning,
		 const char *fmt, ...) SP_PRINTF(6, 7);
void problem_vadd(struct problems *pr, const char *name, int line, int column, bool warning,
		  const char *fmt, va_list ap) SP_PRINTF(6, 0);
/* Drops the problems after the first n (a reading that is discarded). */
void problems_truncate(struct problems *pr, size_t n);
/* Frees every problem and leaves pr empty; pr itself stays the caller's. */
void problems_free(struct problems *pr);

#endif
