/*
 * lookup.h - one lookup as both the scripted command line and the
 * interactive session run it: rank with the UI language's collation,
 * then keep only services with a line open at `now` if asked.  Shared so
 * the two can never disagree.  No output.
 */
#ifndef SIGNPOST_LOOKUP_H
#define SIGNPOST_LOOKUP_H

#include <stdbool.h>
#include <stddef.h>

#include "i18n.h"
#include "match.h"
#include "table.h"

/*
 * Ranks the services of t for q into out (room for t->nservices) and
 * returns the count; with open_now, only services with a contact open at
 * now remain.  *matched tells whether anything matched before that filter.
 */
size_t lookup_run(const struct table *t, struct i18n *ui, const struct match_query *q,
		  bool open_now, double now, struct match_result *out, bool *matched);
/* True when a contact of s with known hours is open at now. */
bool lookup_open_now(const struct service *s, double now);

#endif
