/*
 * render_impl.h - what the render rooms (render.c: output and shared
 * pieces, render_text.c, render_json.c, render_card.c) share.  Not for
 * the rest of signpost.
 */
#ifndef SIGNPOST_RENDER_IMPL_H
#define SIGNPOST_RENDER_IMPL_H

#include "render.h"
#include "xmalloc.h"

#define LRI "\xe2\x81\xa6"
#define FSI "\xe2\x81\xa8"
#define PDI "\xe2\x81\xa9"
#define RLM "\xe2\x80\x8f"

/* Writes len bytes of UTF-8 in the terminal's character set (JSON: as
 * they are), with no C1 control left after the conversion. */
void render_emit(struct render *r, const char *s, size_t len);
/* Writes b and empties it. */
void render_put(struct render *r, struct buf *b);

/* Data made safe, one line (allocated). */
char *render_data(const char *s);
/* Data made safe and isolated left to right (addresses, numbers, codes):
 * it never breaks and keeps its order in right-to-left text. */
char *render_ltr(const char *s);
/* Data made safe and isolated in its own direction (names). */
char *render_isolate(const char *s);
/*
 * Appends text wrapped to r->width in ui's direction: the first line
 * after `first`, the others after `rest`; each line ends with a newline,
 * and in a right-to-left language starts with a right-to-left mark.
 */
void render_wrap(struct render *r, struct i18n *ui, struct buf *out, const char *text,
		 const char *first, const char *rest);
/* "Label: value" wrapped under indent, the label from the catalog. */
void render_field(struct render *r, struct i18n *ui, struct buf *out, const char *indent,
		  const char *labelkey, const char *value);
/* A catalog message whose key is prefix + name ("cost." "free"). */
char *render_word(struct i18n *ui, const char *prefix, const char *name);
/* "Phone 317 071 668 (SexHelp line)": the type, the value as a caller in
 * country dials it, the label in lang; in the worker's UI (ui == r->ui)
 * an English label where lang has none, on a caller's card none. */
char *render_contact_head(struct render *r, struct i18n *ui, const struct contact *c,
			  const char *country, const char *lang);
/* The ages a service is for, when any bound is known ("for ages 12 to
 * 17", "up to the age of 25", "from the age of 18"); else NULL. */
char *render_ages(struct i18n *ui, const struct service *s);

/* The phone number, address or e-mail of c as this caller dials or
 * types it (the national form in its own country, else international),
 * isolated. */
char *render_value(const struct contact *c, const char *country);
/* The label of c in lang, or NULL. */
const char *render_label_in(const struct contact *c, const char *lang);
/*
 * The state of a line at the moment asked about, every time labelled
 * with its zone: "open now, until 20:00 Czechia Time (your time 14:00)",
 * "closed today (public holiday), opens Mon 12:00 Czechia Time",
 * "hours not known".  A card (card true) gives no state, only whether
 * the hours are known.
 */
char *render_state(struct render *r, struct i18n *ui, const struct offered *o,
		   const struct lookup_query *q);
/* The weekly hours of h: "Mon, Wed, Fri 12:00–20:00; Tue, Thu
 * 8:00–16:00 (Czechia Time); closed on public holidays". */
char *render_hours(struct render *r, struct i18n *ui, const struct hours *h);
/* The name of zone in ui's language ("Central European Time"), owned by
 * r until the render call ends (i18n_zone_name, asked once per zone and
 * language in a call). */
const char *render_zone_name(struct render *r, struct i18n *ui, const char *zone);
/* Empties r's zone names: the end of a public render_* call. */
void render_zones_clear(struct render *r);
/* The key facts that can stop a referral (age, study, cost, reporting,
 * local marks) in one line, or NULL when there are none. */
char *render_facts(struct render *r, struct i18n *ui, const struct result *res);
/* The languages of a strv named in ui, as a list. */
char *render_languages(struct i18n *ui, const struct strv *langs);
/* One service for --show (render_service), as lookup_service decided it:
 * in JSON (render_json.c), or as a card or text message (render_card.c,
 * which says when the service has no card). */
void render_service_json(struct render *r, const struct table *t, const struct result *res,
			 const struct lookup_query *q);
void render_service_card(struct render *r, const struct result *res, const struct lookup_query *q);
/* The local-table mark of s ("added locally", ...), or NULL.  with_file:
 * the table's whole path, isolated so that it is never broken, else its
 * file name alone (for stderr). */
char *render_local_mark(struct i18n *ui, const struct service *s, bool with_file);
/* The services local tables hid, each with the table ("2 services are
 * hidden by a local table: x (your own: h.yaml) and y (...)"), or NULL
 * when none is.  with_file: each table's whole path, never broken, as in
 * render_local_mark; isolate: ids isolated for the terminal (not stderr). */
char *render_hidden(struct i18n *ui, const struct table *t, bool with_file, bool isolate);

#endif
