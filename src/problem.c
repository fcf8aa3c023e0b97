/*
 * problem.c - the list of problems found in data files.  No output.
 */
#include "problem.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "distance.h"

void
problem_vadd(struct problems *pr, const char *name, int line, int column, bool warning,
	     const char *fmt, va_list ap)
{
	struct problem *p;
	size_t *kept = warning ? &pr->kept_warnings : &pr->kept_errors;

	if (warning)
		pr->warnings++;
	else
		pr->errors++;
	if (*kept >= PROBLEMS_KEPT)
		return;
	(*kept)++;
	/* At most 2 * PROBLEMS_KEPT entries: grow by doubling from 4. */
	if (pr->n == 0 || (pr->n >= 4 && (pr->n & (pr->n - 1)) == 0))
		pr->v = xreallocarray(pr->v, pr->n ? pr->n * 2 : 4, sizeof *pr->v);
	p = &pr->v[pr->n++];
	p->where = line > 0 ? xasprintf("%s:%d:%d", name, line, column) : xstrdup(name);
	p->what = xvasprintf(fmt, ap);
	p->warning = warning;
	p->always = false;
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
problem_notice(struct problems *pr, const char *name, const char *fmt, ...)
{
	va_list ap;
	size_t n = pr->n;

	va_start(ap, fmt);
	problem_vadd(pr, name, 0, 0, true, fmt, ap);
	va_end(ap);
	if (pr->n > n)
		pr->v[n].always = true;
}

struct problems_mark
problems_mark(const struct problems *pr)
{
	return (struct problems_mark){pr->n, pr->errors, pr->warnings, pr->kept_errors,
				      pr->kept_warnings};
}

bool
problems_since(const struct problems *pr, const struct problems_mark *m)
{
	return pr->errors != m->errors || pr->warnings != m->warnings;
}

size_t
problems_total(const struct problems *pr)
{
	return pr->errors + pr->warnings;
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
	*pr = (struct problems){0};
}

void
problems_rewind(struct problems *pr, const struct problems_mark *m)
{
	while (pr->n > m->n) {
		struct problem *p = &pr->v[--pr->n];

		free(p->where);
		free(p->what);
	}
	pr->errors = m->errors;
	pr->warnings = m->warnings;
	pr->kept_errors = m->kept_errors;
	pr->kept_warnings = m->kept_warnings;
}

/* The distance between two keys (distance.h), bytes as elements; 99 when
 * either is too long to be a key. */
static int
problem_distance(const char *a, const char *b)
{
	int32_t x[64], y[64];
	size_t la = strlen(a), lb = strlen(b), i;

	if (la >= 64 || lb >= 64)
		return 99;
	for (i = 0; i < la; i++)
		x[i] = (unsigned char)a[i];
	for (i = 0; i < lb; i++)
		y[i] = (unsigned char)b[i];
	return distance(x, la, y, lb, 98);
}

const char *
problem_suggest(const struct problems *pr, const char *s, const char *const *words)
{
	const char *best = NULL;
	int bd = 99, d;

	if (pr->kept_errors >= PROBLEMS_KEPT)
		return NULL;
	for (; *words != NULL; words++) {
		/* A close spelling, or a longer form of a short word. */
		d = strncmp(s, *words, strlen(*words)) == 0 ? 1 : problem_distance(s, *words);
		if (d < bd) {
			bd = d;
			best = *words;
		}
	}
	return bd <= 2 || (bd <= 3 && strlen(s) > 6) ? best : NULL;
}
