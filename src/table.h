/*
 * table.h - the resource table: services and emergency numbers, loaded
 * from YAML (schema 1, see data/README.md) into immutable structures, with
 * every problem reported as FILE:LINE:COLUMN.  Overlays (local tables)
 * merge over the shipped one.  Nothing here prints or exits.
 */
#ifndef SIGNPOST_TABLE_H
#define SIGNPOST_TABLE_H

#include <stdbool.h>
#include <stddef.h>

#include "hours.h"
#include "problem.h"
#include "ynode.h"

enum service_status { STATUS_ACTIVE, STATUS_STUDY, STATUS_ENDED };
enum cost { COST_UNKNOWN, COST_FREE, COST_NORMAL_RATE, COST_PAID };
enum anonymity { ANON_UNKNOWN, ANON_YES, ANON_NO, ANON_PARTLY };
enum contact_type { CONTACT_WEB, CONTACT_PHONE, CONTACT_CHAT, CONTACT_EMAIL, CONTACT_TOR };

/* Audience and offer bits. */
#define AUDIENCE_SELF 0x1u
#define AUDIENCE_CLOSE 0x2u
#define AUDIENCE_PROFESSIONAL 0x4u

#define OFFER_HELPLINE 0x01u
#define OFFER_CHAT 0x02u
#define OFFER_SELF_HELP 0x04u
#define OFFER_THERAPY 0x08u
#define OFFER_COUNSELLING 0x10u
#define OFFER_INFORMATION 0x20u

/* A text in several languages; v[i].lang is a canonical BCP 47 tag. */
struct text {
	char *lang;
	char *text;
};
struct texts {
	struct text *v;
	size_t n;
};

struct strv {
	char **v;
	size_t n;
};

struct contact {
	enum contact_type type;
	char *value;
	char *label;          /* or NULL */
	struct strv languages; /* empty: all the service's languages */
	struct strv from;     /* empty: from anywhere */
	enum cost cost;       /* COST_UNKNOWN: the service's cost */
	bool has_cost;
	struct hours *hours;  /* NULL: hours unknown */
	struct strv weekly;   /* the hours as written, for JSON */
	char *hours_note;
};

struct source {
	char *url;
	char *date;     /* YYYY[-MM[-DD]] or "unknown" */
	char *evidence; /* official, press, code, old, literature */
	struct strv supports;
};

struct service {
	char *id, *name, *organization;
	enum service_status status;
	char *successor; /* or NULL */
	char *ended;     /* or NULL */
	struct strv countries; /* alpha-2 or "world" */
	struct strv languages; /* canonical BCP 47 */
	unsigned audience, offers;
	enum cost cost;
	enum anonymity anonymous;
	char *min_age; /* digits, "unknown" or "none" */
	struct texts description, eligibility, confidentiality;
	struct contact *contacts;
	size_t ncontacts;
	struct strv unknown;
	struct source *sources;
	size_t nsources;
	char *checked; /* YYYY-MM-DD or "never" */
	/* Local additions (overlays). */
	struct strv worker_notes;
	char *do_not_refer; /* reason, or NULL */
	char *alert, *alert_until;
	const char *origin; /* the file that defined it; owned by the table */
	int line, column; /* of the id */
	/* Loaded for ranking only (table_load_each): description,
	 * eligibility, confidentiality, unknown, sources and (with the
	 * table's slim_contacts) contacts are empty until table_fill reads
	 * them again from service number src of the table's source. */
	bool slim, filled;
	size_t src;
};

enum emergency_kind { EMERG_GENERAL, EMERG_POLICE, EMERG_FIRE, EMERG_AMBULANCE,
		      EMERG_MUNICIPAL_POLICE, EMERG_TEXT };

struct emergency_number {
	char *number;
	enum emergency_kind kind;
	char *note;
};

struct emergency {
	char country[4]; /* alpha-2, or "EU" */
	struct emergency_number *v;
	size_t n;
	struct source *sources;
	size_t nsources;
};

/*
 * Where a table's services come from one at a time (index.c): read(ctx, i)
 * gives service i's tree (the caller frees it) or NULL when the source
 * fails; close(ctx) releases the source.
 */
struct table_source {
	struct ynode *(*read)(void *ctx, size_t i);
	void (*close)(void *ctx);
	void *ctx;
	size_t n;
};

struct table {
	int schema;
	char *date;
	struct service *services;
	size_t nservices;
	struct emergency *emergency;
	size_t nemergency;
	struct strv files; /* every file loaded, in order */
	bool partial;      /* only the services a lookup needs (index.c) */
	struct table_source *source; /* of slim services; closed with the table */
	bool slim_contacts;          /* they have no contacts either */
};


struct table_options {
	double today;    /* ms since the epoch, for --stale and alerts */
	int stale_days;  /* warn about checked dates older than this; < 0 off */
	bool warn_unknown; /* report `unknown:` facts as warnings */
	const struct ynode_limits *limits; /* NULL: ynode_default_limits */
	bool slim_contacts; /* slim services (table_load_each) drop their contacts
			     * too: nothing ranks by them (no --open-now) */
};

/*
 * Loads the table at path.  Returns the table, or NULL if there was any
 * error; every problem found (errors and warnings) is appended to pr.
 */
struct table *table_load(const char *path, const struct table_options *o, struct problems *pr);
/* The same from bytes in memory; name is used in messages. */
struct table *table_load_mem(const char *name, const char *data, size_t len,
			     const struct table_options *o, struct problems *pr);
/* The same from a tree already parsed (index.c); root stays the caller's. */
struct table *table_load_tree(const char *name, struct ynode *root,
			      const struct table_options *o, struct problems *pr);
/*
 * The same from a root whose services come one at a time (index.c): the
 * services of root (if any) are dropped, then src->read gives services
 * 0 .. src->n - 1, each loaded and its tree freed at once, so only one
 * service's tree is in memory at a time.  With slim, only what ranking
 * needs is kept of each (see struct service) and the table keeps src to
 * fill them when they are shown, so memory does not grow with the size of
 * the answer; without, src is closed at once.  src is the table's from
 * now on, and closed on every error.  When src->read fails, NULL is
 * returned without a problem (the caller's source failed, not the table).
 * root stays the caller's.
 */
struct table *table_load_each(const char *name, struct ynode *root, struct table_source *src,
			      bool slim, const struct table_options *o, struct problems *pr);
/*
 * Makes a slim service of t whole again, reading it from t's source;
 * table_slim drops it again once shown.  A service that is not slim is
 * left alone.  Returns 0, or -1 when the source cannot give it back (the
 * file changed under the lookup), and then it stays slim.
 */
int table_fill(const struct table *t, const struct service *s);
void table_slim(const struct table *t, const struct service *s);

/*
 * Merges the overlay at path over t: its services are added, or replace
 * those with the same id, or hide them (`hide: [id, ...]`); `notes` attach
 * worker notes, do-not-refer marks and alerts to existing ids.  Returns 0,
 * or -1 with problems in pr and t unchanged.
 */
int table_overlay(struct table *t, const char *path, const struct table_options *o,
		  struct problems *pr);
/* Checks cross-references (successors) after all overlays; adds problems. */
int table_finish(struct table *t, struct problems *pr);
void table_free(struct table *t);

const struct service *table_find(const struct table *t, const char *id);
/* The text in lang, following its fallbacks (de-CH -> de); else English,
 * with *fallback set; else the first.  NULL if there is none. */
const char *texts_get(const struct texts *t, const char *lang, bool *fallback);

const char *cost_name(enum cost c);
const char *anonymity_name(enum anonymity a);
const char *status_name(enum service_status s);
const char *contact_type_name(enum contact_type t);
const char *emergency_kind_name(enum emergency_kind k);
/* Names of the bits set, in a fixed order, for JSON and messages. */
size_t audience_names(unsigned bits, const char **out, size_t cap);
size_t offer_names(unsigned bits, const char **out, size_t cap);

#endif
