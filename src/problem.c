/*
 * problem.c - the list of problems found in data files.  No output.
 */
#include "problem.h"

#include <stdlib.h>

void
problem_vadd(struct problems *pr, const char *name, int line, int column, bool warning,
	     const char *fmt, va_list ap)
{
	struct problem *p;

	pr->v = xreallocarray(pr->v, pr->n + 1, sizeof *pr->v);
	p = &pr->v[pr->n++];
	p->where = line > 0 ? xasprintf("%s:%d:%d", name, line, column) : xstrdup(name);
	p->what = xvasprintf(fmt, ap);
	p->warning = warning;
	if (!warning)
		pr->errors++;
}

void
problem_add(struct problems *pr, const char *name, int line, int column, bool warning,
	    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	problem_vadd(pr, name, line, column, warning, fmt, ap);
	va_end(ap);
}

void
problems_free(struct problems *pr)
{
	size_t i;

	for (i = 0; i < pr->n; i++) {
		free(pr->v[i].where);
		free(pr->v[i].what);
	}
	free(pr->v);
	pr->v = NULL;
	pr->n = pr->errors = 0;
}

void
problems_truncate(struct problems *pr, size_t n)
{
	while (pr->n > n) {
		struct problem *p = &pr->v[--pr->n];

		if (!p->warning)
			pr->errors--;
		free(p->where);
		free(p->what);
	}
}
