/*
 * render.h - every byte signpost writes for the user: results, a service,
 * lists and referral cards, as text, JSON or a card.  It decides nothing
 * (the ranking is match's, the words are the catalogs'); it only lays
 * out.  Data never reaches the terminal as a control sequence: text goes
 * through sanitize, JSON is escaped.
 */
#ifndef SIGNPOST_RENDER_H
#define SIGNPOST_RENDER_H

#include <stdbool.h>
#include <stdio.h>

#include "i18n.h"
#include "match.h"
#include "table.h"

enum render_format { RENDER_TEXT, RENDER_JSON, RENDER_CARD };

struct render {
	FILE *out;
	struct i18n *ui;   /* the worker's language */
	struct i18n *card; /* the caller's language, for referral cards */
	enum render_format format;
	int width;         /* columns for text */
	bool color;        /* colour open/closed (terminals only) */
	double now;        /* the moment "open now" is evaluated at */
	int error;         /* errno of the first failed write; 0 if none */
	bool broken_pipe;  /* the reader went away: stop quietly */
	bool data_changed; /* a result could not be read again (table_fill) */
};

/* What was asked, for headings and JSON. */
struct render_query {
	const char *country;
	const char *language;
	bool language_likely; /* chosen from the country, not given */
	unsigned audience;
	bool open_now;
	bool matched; /* services matched before --open-now filtered them */
};

/*
 * Writes ranked results (all of them: the caller filters) and the
 * country's emergency numbers.  Slim services (a long answer from the
 * index) are filled one at a time as they are written and dropped again,
 * so memory does not grow with the output; if one cannot be read again,
 * it is written as it is and data_changed is set.  card_index > 0 writes only the card of that
 * result (format RENDER_CARD writes the cards of all results).
 */
void render_results(struct render *r, const struct table *t, const struct render_query *q,
		    const struct match_result *res, size_t n);
/* Writes one service in full (--show, or "details N" in a session). */
void render_service(struct render *r, const struct table *t, const struct service *s,
		    const char *language);
/* Writes the referral card of s in r->card's language. */
void render_card(struct render *r, const struct service *s, const char *language);
/* Writes a two-column list: code TAB name, one per line (JSON: an array
 * of {"code":..,"name":..} objects under key). */
void render_pairs(struct render *r, const char *key, const char *const *codes,
		  const char *const *names, size_t n);
/* Writes a line of text from the UI catalog layer (already formatted). */
void render_line(struct render *r, const char *text);
/*
 * The message for a country or language name that was not understood:
 * "could mean several: ..." (AMBIGUOUS) or "did you mean ...?" (UNKNOWN),
 * the candidates named in the UI language.  Returns an allocated string;
 * the typed text is sanitized.
 */
char *render_not_found(struct i18n *ui, bool language, const char *in, enum i18n_match m,
		       const struct i18n_candidates *cand);
/* Flushes; returns 0 or the errno of a failed write. */
int render_flush(struct render *r);

#endif
