/*
 * lookup.c - ranking plus the --open-now filter, for main and prompt.
 */
#include "lookup.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "hours.h"
#include "xmalloc.h"

/*
 * The collation keys of the names one ranking compares, each made once:
 * a merge sort compares every name about log2(n) times, and making the
 * key is most of the cost of a comparison.  Keyed by the name's address,
 * which is stable for the ranking's duration; open addressing, at most
 * half full.
 */
struct lookup_keys {
	struct i18n *ui;
	size_t cap; /* a power of two */
	const char **name;
	char **key;
};

static const char *
lookup_key(struct lookup_keys *k, const char *name)
{
	size_t h = (size_t)((uint64_t)((uintptr_t)name >> 3) * 0x9e3779b97f4a7c15ULL >> 7);

	for (h &= k->cap - 1; k->name[h] != NULL; h = (h + 1) & (k->cap - 1))
		if (k->name[h] == name)
			return k->key[h];
	k->name[h] = name;
	k->key[h] = i18n_sort_key(k->ui, name);
	return k->key[h];
}

static int
lookup_collate(const char *a, const char *b, void *ctx)
{
	return strcmp(lookup_key(ctx, a), lookup_key(ctx, b));
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
	struct lookup_keys keys = {ui, 16, NULL, NULL};
	size_t n, i, k;

	while (keys.cap < 2 * t->nservices + 2)
		keys.cap *= 2;
	keys.name = xcalloc(keys.cap, sizeof *keys.name);
	keys.key = xcalloc(keys.cap, sizeof *keys.key);
	n = match_rank(t, q, lookup_collate, &keys, out);
	for (i = 0; i < keys.cap; i++)
		free(keys.key[i]);
	free(keys.name);
	free(keys.key);
	*matched = n > 0;
	if (!open_now)
		return n;
	for (i = k = 0; i < n; i++)
		if (lookup_open_now(out[i].svc, now))
			out[k++] = out[i];
	return k;
}
