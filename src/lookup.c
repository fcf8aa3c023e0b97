/*
 * lookup.c - ranking plus the --open-now filter, for main and prompt.
 */
#include "lookup.h"

#include "hours.h"

static int
lookup_collate(const char *a, const char *b, void *ctx)
{
	return i18n_collate(ctx, a, b);
}

bool
lookup_open_now(const struct service *s, double now)
{
	size_t i;

	for (i = 0; i < s->ncontacts; i++) {
		double ch;

		if (s->contacts[i].hours && hours_state(s->contacts[i].hours, now, &ch) == HOURS_OPEN)
			return true;
	}
	return false;
}

size_t
lookup_run(const struct table *t, struct i18n *ui, const struct match_query *q, bool open_now,
	   double now, struct match_result *out, bool *matched)
{
	size_t n = match_rank(t, q, lookup_collate, ui, out), i, k;

	*matched = n > 0;
	if (!open_now)
		return n;
	for (i = k = 0; i < n; i++)
		if (lookup_open_now(out[i].svc, now))
			out[k++] = out[i];
	return k;
}
