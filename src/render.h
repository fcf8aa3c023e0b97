/*
 * render.h - every byte signpost writes for the user: the answer to a
 * lookup, a service in full, referral cards and text messages, lists and
 * errors, as text, JSON or a card.  It decides nothing: what to show
 * comes from the lookup (lookup.h), the words from the catalogs, names,
 * numbers, dates, lists and directions from ICU.  It only lays out.  Data
 * never reaches the terminal as a control sequence: text is made safe
 * after conversion to the terminal's character set, JSON is escaped.
 */
#ifndef SIGNPOST_RENDER_H
#define SIGNPOST_RENDER_H

#include <stdbool.h>
#include <stdio.h>

#include "i18n.h"
#include "lookup.h"
#include "table.h"

enum render_format {
	RENDER_TEXT, /* the call view: a few lines per service */
	RENDER_FULL, /* everything the table says, for each service */
	RENDER_JSON, /* format 2, data/signpost.schema.json */
	RENDER_CARD, /* a referral card in the caller's language */
	RENDER_SMS   /* a card short enough for text messages */
};

struct render {
	FILE *out;
	struct i18n *ui;   /* the worker's language */
	struct i18n *card; /* the caller's language, for cards (or NULL: ui) */
	enum render_format format;
	int width;        /* columns for text */
	bool color;       /* colour open/closed (terminals only) */
	bool session;     /* in the interactive session: hints name commands, not options */
	int error;        /* errno of the first failed write; 0 if none */
	bool broken_pipe; /* the reader went away: stop quietly */
	/* The zone names laid out by the render call in progress
	 * (render_zone_name): a long answer names a few zones again and
	 * again, and ICU takes about 90,000 instructions for each name.
	 * Every public render_* call empties it before it returns. */
	struct render_zone *zones;
	size_t nzones;
};

/* Writes the answer to a lookup in r's format (cards: as lookup_cards
 * decided them for r->card's language). */
void render_answer(struct render *r, const struct table *t, const struct answer *a);
/* Writes result i of a in full (text), as in "details N". */
void render_details(struct render *r, const struct answer *a, size_t i);
/* Writes the card (or text message) of result i of a, in r->card's
 * language, as lookup_card decided it for that language. */
void render_card(struct render *r, const struct answer *a, size_t i);
/*
 * Writes one service in full (--show ID) in r's format (text is the full
 * view), as lookup_service decided it for q (and, for a card,
 * lookup_card).
 */
void render_service(struct render *r, const struct table *t, const struct result *res,
		    const struct lookup_query *q);
/*
 * What local tables changed about what a card shows, for the worker (the
 * card itself is the caller's and says nothing of it): in r->ui's
 * language, one line per service ("Test Line: changed by a local table
 * (your own: local.yaml)") and one naming the services they hid.  For
 * result i of a, or every result of a (i == SIZE_MAX), or, with a NULL,
 * for one (lookup_service); results not carded (lookup_card) are not
 * named.  Returns the number of lines in *out (free with i18n_strv_free).
 */
size_t render_card_local(struct render *r, const struct table *t, const struct answer *a, size_t i,
			 const struct result *one, char ***out);
/* Writes a two-column list: code TAB name, one per line (JSON: an
 * array of {"code":..,"name":..} objects under key). */
void render_pairs(struct render *r, const char *key, const char *const *codes,
		  const char *const *names, size_t n);
/* Writes a line of UI text (already formatted), made safe. */
void render_line(struct render *r, const char *text);
/*
 * In JSON mode, an error as JSON on stdout:
 * {"error":{"status":N,"code":"...","message":"...","input":..,"candidates":[...]}}.
 * codes and names (may be NULL) are the candidates.
 */
void render_error_json(struct render *r, int status, const char *code, const char *message,
		       const char *input, const char *const *codes, const char *const *names,
		       size_t n);
/*
 * The message for a country or language name that was not taken: "could
 * mean several: ..." (AMBIGUOUS) or "did you mean ...?" (UNKNOWN), the
 * candidates named in the UI language.  Returns an allocated string; the
 * typed text is made safe.
 */
char *render_not_found(struct i18n *ui, bool language, const char *in, enum i18n_match m,
		       const struct i18n_candidates *cand);
/* Flushes; returns 0 or the errno of a failed write. */
int render_flush(struct render *r);

/* GSM 03.38 / UCS-2 text-message segments of UTF-8 text s: the count,
 * and in *ucs2 whether it needs UCS-2 (anything outside GSM-7). */
int render_sms_segments(const char *s, bool *ucs2, size_t *units);

#endif
