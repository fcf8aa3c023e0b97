/*
 * table.h - the resource table: services, emergency numbers and the
 * public-holiday calendars their hours keep, loaded from YAML (schema 2,
 * see data/README.md) into structures that do not change after loading,
 * with every problem reported as FILE:LINE:COLUMN.  Local tables
 * (overlays) merge over the shipped one.  An index beside a file
 * (index.h) only chooses which of its items are read; every item read is
 * parsed and checked from the YAML itself.  Nothing here prints or exits.
 */
#ifndef SIGNPOST_TABLE_H
#define SIGNPOST_TABLE_H

#include <stdbool.h>
#include <stddef.h>

#include "holiday.h"
#include "hours.h"
#include "problem.h"
#include "ynode.h"

enum service_status { STATUS_ACTIVE, STATUS_STUDY, STATUS_ENDED };
enum recruiting { RECRUITING_UNKNOWN, RECRUITING_OPEN, RECRUITING_CLOSED };
enum cost { COST_UNKNOWN, COST_FREE, COST_NORMAL_RATE, COST_PAID };
enum anonymity { ANON_UNKNOWN, ANON_YES, ANON_NO, ANON_PARTLY };
enum reporting { REPORTING_UNKNOWN, REPORTING_NONE, REPORTING_LIMITED };
enum contact_type { CONTACT_WEB, CONTACT_PHONE, CONTACT_CHAT, CONTACT_EMAIL, CONTACT_TOR };

/* Audience and offer bits. */
#define AUDIENCE_SELF         0x1u
#define AUDIENCE_CLOSE        0x2u
#define AUDIENCE_PROFESSIONAL 0x4u

#define OFFER_HELPLINE    0x01u
#define OFFER_CHAT        0x02u
#define OFFER_SELF_HELP   0x04u
#define OFFER_THERAPY     0x08u
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
	char *value;              /* as the source prints it */
	char *international;      /* phone: the international form, or NULL */
	struct texts label;       /* caller-facing, per language; may be empty */
	struct strv languages;    /* empty: all the service's languages */
	struct strv interpreters; /* languages served through interpreters */
	bool interpreters_all;    /* ... or every language */
	struct strv from;         /* empty: from anywhere */
	enum cost cost;           /* when has_cost; else the service's cost */
	bool has_cost;
	struct hours *hours;     /* NULL: hours unknown */
	struct strv weekly;      /* the hours as written, for JSON */
	struct texts hours_note; /* caller-facing, per language */
};

struct source {
	char *url;
	char *date;     /* YYYY[-MM[-DD]] or "unknown" */
	char *evidence; /* official, literature, press, code, old */
	struct strv supports;
};

/* Where a service or a change to it comes from. */
enum origin_kind {
	ORIGIN_SHIPPED, /* the table installed with signpost */
	ORIGIN_DATA,    /* --data FILE or SIGNPOST_DATA */
	ORIGIN_SYSTEM,  /* an overlay in SYSCONFDIR/signpost */
	ORIGIN_USER     /* an overlay in $XDG_DATA_HOME/signpost */
};
struct table_file {
	char *path; /* as opened (messages, details) */
	char *name; /* the file's name without directories */
	enum origin_kind kind;
};

struct service {
	char *id, *name, *organization;
	enum service_status status;
	/* status study: */
	char *study_ends; /* YYYY[-MM[-DD]], "unknown" */
	enum recruiting recruiting;
	char *registry;        /* or NULL */
	char *successor;       /* or NULL */
	char *ended;           /* or NULL */
	struct strv countries; /* alpha-2 or "world" */
	struct strv regions;   /* ISO 3166-2 ("GB-SCT"); empty: the whole country */
	struct strv languages; /* canonical BCP 47 */
	unsigned audience, offers;
	enum cost cost;
	enum anonymity anonymous;
	char *min_age; /* digits, "unknown" or "none" */
	char *max_age; /* digits, or NULL */
	enum reporting reporting;
	struct texts description, eligibility, confidentiality;
	struct contact *contacts;
	size_t ncontacts;
	struct strv unknown;
	struct source *sources;
	size_t nsources;
	char *checked; /* YYYY-MM-DD or "never" */
	/* Local tables (overlays). */
	struct strv worker_notes;
	char *do_not_refer; /* reason, or NULL */
	char *alert, *alert_until;
	const struct table_file *origin;   /* the file that defined it */
	const struct table_file *replaced; /* when an overlay replaced the shipped entry: the
					    * overlay (origin is then the overlay too) */
	const struct table_file *noted;    /* an overlay that attached notes, or NULL */
	int line, column;                  /* of the id */
};

enum emergency_kind {
	EMERG_GENERAL,
	EMERG_POLICE,
	EMERG_FIRE,
	EMERG_AMBULANCE,
	EMERG_MUNICIPAL_POLICE,
	EMERG_TEXT,
	EMERG_OTHER
};

struct emergency_number {
	char *number;
	enum emergency_kind kind;
	unsigned also;     /* other services it reaches: bits 1 << EMERG_* */
	struct texts note; /* for the worker, per language */
};

struct emergency {
	char country[4]; /* alpha-2, or "EU" */
	struct emergency_number *v;
	size_t n;
	struct strv withdrawn; /* numbers switched off: never offered */
	struct source *sources;
	size_t nsources;
};

/* A service an overlay hid, for the answer to say so. */
struct hidden {
	char *id;
	const struct table_file *by;
};

struct index;

struct table {
	int schema;
	char *date;
	struct service *services; /* sorted by id */
	size_t nservices;
	struct emergency *emergency; /* sorted by country */
	size_t nemergency;
	struct holidays *holidays; /* the calendars read; never NULL after loading */
	struct table_file **files; /* every file read, in order */
	size_t nfiles;
	struct hidden *hidden;
	size_t nhidden;
	/* Narrowed by an index: only the items of the keys asked for were
	 * read.  ids answers whether an id exists in the whole main table. */
	bool partial;
	struct index *ids;
	/* Narrowed: the services of the count keys asked for ("m:AUD",
	 * index.h) that were not read, with the audiences they serve; a
	 * lookup counts them, never shows them.  Those an overlay hides or
	 * replaces are taken out by table_finish. */
	struct table_unread {
		uint32_t record;   /* in the index of the main table */
		unsigned audience; /* AUDIENCE_* bits */
	} * unread;
	size_t nunread;
	/* Every service open worldwide in English was read (a whole table,
	 * or "w:en" was asked for): the English fallback can be shown. */
	bool english_read;
	/* Where table_finish reads the calendars the services name. */
	char *holidays_path;
	/* While overlays merge (from the first table_overlay to
	 * table_finish): services are in the order added, some emptied (id
	 * NULL: hidden), and found by id through byid; table_finish sorts
	 * them once.  So n services over k overlays cost O(n), not O(n k). */
	struct table_byid *byid;
	size_t services_cap;
};

struct table_options {
	double today;                      /* ms since the epoch, for --stale and alerts */
	int stale_days;                    /* warn about checked dates older than this; < 0 off */
	bool warn_unknown;                 /* report `unknown:` facts as warnings */
	const struct ynode_limits *limits; /* NULL: table_limits */
};

/* The limits for tables: large local tables are allowed, in linear time. */
extern const struct ynode_limits table_limits;

/* The files of a main table. */
struct table_files {
	const char *services;  /* required */
	enum origin_kind kind; /* of services: ORIGIN_SHIPPED or ORIGIN_DATA */
	const char *emergency; /* or NULL */
	const char *holidays;  /* or NULL */
};

/*
 * What a lookup needs, for the index to narrow the reading: keys as
 * index.h describes them ("c:CZ", "w:cs", "e:CZ" ...).  The holiday
 * calendars that the services read name are read too.
 */
struct table_want {
	const char *const *keys;
	size_t nkeys;
};

/*
 * Loads the main table.  With want (and a current index beside a file),
 * only the items of those keys are read from that file; with want NULL,
 * everything.  Returns the table, or NULL if there was any error; every
 * problem found (errors and warnings) is appended to pr.
 */
struct table *table_load(const struct table_files *f, const struct table_want *want,
			 const struct table_options *o, struct problems *pr);
/*
 * Merges the overlay at path (of kind ORIGIN_SYSTEM or ORIGIN_USER) over
 * t: its services are added, or replace those with the same id, or hide
 * them (`hide: [id, ...]`); `notes` attach worker notes, do-not-refer
 * marks and alerts to existing ids.  Returns 0, or -1 with problems in pr
 * and t unchanged.  Call table_finish after the last overlay.
 */
int table_overlay(struct table *t, const char *path, enum origin_kind kind,
		  const struct table_options *o, struct problems *pr);
/* Sorts what the overlays added (once, for all of them) and checks
 * cross-references (successors, calendars) after all overlays; adds
 * problems. */
int table_finish(struct table *t, struct problems *pr);
void table_free(struct table *t);

/*
 * The loader of one data file, for signpost-mkindex: reads the file at
 * path in full like table_load and calls fn(ctx, item, line, NULL) once
 * for every item of its list (numbered from 0 in file order; line is
 * where its mapping starts), then fn(ctx, item, 0, key) for every index
 * key of it (index.h).  Returns 0, or -1 with problems in pr.
 */
typedef void (*table_key_fn)(void *ctx, size_t item, int line, const char *key);
int table_keys_of(const char *path, const struct table_options *o, table_key_fn key, void *ctx,
		  struct problems *pr);

/*
 * The bytes of the index of the data file at path (index.h), after a full
 * check of the file: what signpost-mkindex writes and what `signpost
 * --check` compares with the index beside a file.  Returns 0, or -1 with
 * problems in pr.
 */
int table_index_make(const char *path, const struct table_options *o, struct buf *out,
		     struct problems *pr);

/* How well the services of a table are sourced, for `signpost --check`. */
struct table_quality {
	size_t services;
	size_t sources, official, literature, press, code, old;
	size_t dated, undated;
	size_t unknown_facts; /* entries in `unknown:` lists */
	size_t never_checked; /* services never confirmed on the live site */
	size_t no_contact;    /* services without any contact */
};
void table_quality(const struct table *t, struct table_quality *q);

const struct service *table_find(const struct table *t, const char *id);
/* True when a service with this id exists in the table, including, for a
 * partial table, the services of the main table that were not read. */
bool table_has_id(const struct table *t, const char *id);
const struct emergency *table_emergency_of(const struct table *t, const char *country);
/* The text in lang, following its fallbacks (de-CH -> de), or NULL. */
const char *texts_in(const struct texts *t, const char *lang);
/* The same for a chain of n tags that i18n_language_fallbacks gave, for a
 * caller that asks many texts for one language (texts_in is this with
 * the chain of lang). */
const char *texts_in_chain(const struct texts *t, char *const *chain, size_t n);
/* The English text, or NULL. */
const char *texts_en(const struct texts *t);

const char *cost_name(enum cost c);
const char *anonymity_name(enum anonymity a);
const char *reporting_name(enum reporting r);
const char *recruiting_name(enum recruiting r);
const char *status_name(enum service_status s);
const char *contact_type_name(enum contact_type t);
const char *emergency_kind_name(enum emergency_kind k);
const char *origin_kind_name(enum origin_kind k);
/* Names of the bits set, in a fixed order, for JSON and messages. */
size_t audience_names(unsigned bits, const char **out, size_t cap);
size_t offer_names(unsigned bits, const char **out, size_t cap);

#endif
