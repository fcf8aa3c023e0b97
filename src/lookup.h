/*
 * lookup.h - the referral, decided once: which services fit the caller,
 * in what order, which of each service's contacts to offer and why,
 * whether each line is open, closed or unknown at the moment asked
 * about, which description languages to show, and the country's
 * emergency numbers.  The scripted command line and the interactive
 * session both call it, so they cannot disagree, and render only lays
 * out what it decided.  No output, no ICU (names and collation come
 * through i18n).
 */
#ifndef SIGNPOST_LOOKUP_H
#define SIGNPOST_LOOKUP_H

#include <stdbool.h>
#include <stddef.h>

#include "hours.h"
#include "i18n.h"
#include "match.h"
#include "table.h"

/* Why a contact is offered, or not. */
#define CHOSE_COUNTRY       0x01u /* meant for callers in the caller's country */
#define CHOSE_ANYWHERE      0x02u /* usable from any country */
#define CHOSE_LANGUAGE      0x04u /* in one of the caller's languages */
#define CHOSE_INTERPRETER   0x08u /* through an interpreter in one of them */
#define CHOSE_OTHER_COUNTRY 0x10u /* meant for another country: never offered */
#define CHOSE_STUDY_CLOSED  0x20u /* a link of a study that takes no one new */

struct offered {
	const struct contact *c;
	unsigned why; /* CHOSE_* */
	int lang;     /* the caller language (index) it is in, or -1 */
	bool usable;  /* may be given to this caller */
	bool primary; /* the one to give first (the call view's contact) */
	bool page;    /* the web page in the caller's language (call view) */
	/* lookup_card: the contact goes on the caller's card, and the card
	 * names the languages it is in (neither the caller's nor the card's). */
	bool card, card_names_languages;
	struct hours_now now; /* phone and chat: the state at the moment asked */
};

/* How reachable a service is for this caller, best first. */
enum reach {
	REACH_HUMAN,         /* a phone or chat line, open now or with known hours */
	REACH_HUMAN_UNKNOWN, /* a phone or chat line whose hours are not known */
	REACH_SELF,          /* a programme or web page, usable at any time */
	REACH_NONE           /* no contact this caller can use */
};

/* Open, closed or unknown for the whole service (for --open-now). */
enum avail { AVAIL_OPEN, AVAIL_UNKNOWN, AVAIL_ANYTIME, AVAIL_CLOSED, AVAIL_NONE };

struct result {
	const struct service *svc;
	int tier;         /* match.h */
	unsigned reasons; /* REASON_* (match.h) */
	int lang;         /* the caller language it serves (index), or -1 */
	enum reach reach;
	enum avail avail;
	bool study_closed;               /* a study whose end has passed or that takes no one new */
	bool alert;                      /* a local table's alert about it is in force then */
	bool regional;                   /* only for some regions of the country */
	bool cardable;                   /* lookup_card: a card for it gives a contact */
	const struct service *successor; /* an ended service's, when the table has it */
	struct offered *contacts;        /* every contact: offered ones first, in order */
	size_t ncontacts;
	/* The description for the worker (UI language, else English) and for
	 * the caller (their first language that has one, or NULL). */
	const char *desc_lang, *caller_lang;
};

struct lookup_query {
	const char *country;          /* alpha-2 */
	const char *region;           /* ISO 3166-2, or NULL */
	const char *const *languages; /* canonical tags, the caller's first */
	size_t nlanguages;
	bool languages_likely; /* chosen from the country, not given */
	unsigned audience;     /* AUDIENCE_*; 0: self and close */
	bool open_now;
	double at;     /* the moment asked about */
	bool at_given; /* --at: "at", never "now" */
};

struct emergency_item {
	const char *number;
	enum emergency_kind kind;
	const char *applies;      /* "CZ" or "EU" */
	const struct texts *note; /* what a seen page says it is for, or empty */
};

struct answer {
	struct lookup_query q;
	struct result *v; /* ranked */
	size_t n;
	bool matched; /* something fit before --open-now */
	/* --open-now: how many of the fitting services were left out as
	 * closed, and whether the unknown and any-time ones are shown because
	 * nothing is known to be open. */
	size_t n_closed, n_unknown, n_anytime;
	bool showing_unknown;
	/* Services in a language the caller did not give (English), not shown. */
	size_t more, more_lang_count;
	const char *more_lang;
	/* Nothing the table read can be used, and the English services open
	 * worldwide were not read (lookup_keys without english): read the
	 * table again with them and run the lookup again. */
	bool need_english;
	struct emergency_item *emergency;
	size_t nemergency;
	bool emergency_known; /* the table has an entry for the country */
	size_t nhidden;       /* services a local table hid */
};

/*
 * The index keys (index.h) a lookup for q reads; the caller frees them
 * with i18n_strv_free.  Returns the count.  Without english, the English
 * services open worldwide that every caller can use are counted, not
 * read (the "m:" keys); with it they are read, for an answer that shows
 * them (answer.need_english).
 */
size_t lookup_keys(const struct lookup_query *q, bool english, char ***out);

/*
 * Decides the referral for q from the services of t.  ui gives the
 * collation of names and the description language.  Returns an answer
 * the caller frees with lookup_free; it points into t.
 */
struct answer *lookup_run(const struct table *t, struct i18n *ui, const struct lookup_query *q);
void lookup_free(struct answer *a);

/*
 * The referral for one service s, as lookup_run decides it for each
 * result (for --show without a lookup, q->country may be NULL: then every
 * contact is offered as it is); tier and reasons are 0.  Free it with
 * lookup_result_free.
 */
struct result *lookup_service(const struct table *t, struct i18n *ui, const struct service *s,
			      const struct lookup_query *q);
void lookup_result_free(struct result *r);
/*
 * Decides what a card in language lang (a tag: the caller's, or English
 * when there is no card in theirs) gives of r.  The contacts the caller
 * may use that are in one of their languages, through an interpreter, in
 * the card's language or in no language the table names go on it; when
 * r has none of those, the ones the call view gives (primary and page) go
 * on it with their languages named, so no caller is sent to a line in a
 * language they do not speak without being told.  r->cardable: at least
 * one contact goes on it.  lookup_cards does it for every result of a.
 */
void lookup_card(struct result *r, const char *lang);
void lookup_cards(struct answer *a, const char *lang);
/* Whether the alert a local table set on s is in force at `at` (ms since
 * the epoch): up to and including its last day, in UTC. */
bool lookup_alert_in_force(const struct service *s, double at);

#endif
