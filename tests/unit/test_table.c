/*
 * test_table.c - the table loader on small tables written to a temporary
 * directory: a valid table loads with the fields in place, each broken
 * one is refused with exactly the message and position a data maintainer
 * would read, an index only narrows what is read, and overlays add,
 * replace and hide with the same checks with or without an index.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "i18n.h"
#include "index.h"
#include "table.h"
#include "xmalloc.h"

static char tmpdir[64];

/* Writes s to NAME in the temporary directory, unless it holds s
 * already (so an index made after it stays newer); returns its path. */
static char *
put(const char *name, const char *s)
{
	char *path = xasprintf("%s/%s", tmpdir, name), old[4096];
	FILE *f = fopen(path, "rb");

	if (f != NULL) {
		size_t n = fread(old, 1, sizeof old, f);

		fclose(f);
		if (n == strlen(s) && memcmp(old, s, n) == 0)
			return path;
	}
	f = fopen(path, "wb");

	CHECK(f != NULL);
	if (f != NULL) {
		CHECK(fwrite(s, 1, strlen(s), f) == strlen(s));
		CHECK(fclose(f) == 0);
	}
	return path;
}

/* A whole valid service, then extra lines (or ""). */
#define HEAD "schema: \"2\"\ndate: \"2026-01-02\"\nservices:\n"
#define SERVICE(extra)                                                        \
	"  - id: demo\n"                                                      \
	"    name: Demo line\n"                                               \
	"    organization: Demo org\n"                                        \
	"    status: active\n"                                                \
	"    countries: [CZ]\n"                                               \
	"    languages: [cs]\n"                                               \
	"    audience: [self]\n"                                              \
	"    offers: [helpline]\n"                                            \
	"    cost: free\n"                                                    \
	"    anonymous: \"yes\"\n"                                            \
	"    min_age: none\n"                                                 \
	"    description:\n"                                                  \
	"      en: A demo.\n"                                                 \
	"    contacts:\n"                                                     \
	"      - type: phone\n"                                               \
	"        value: \"+420 123 456\"\n"                                   \
	"    sources:\n"                                                      \
	"      - url: https://example.org/\n"                                 \
	"        date: \"2026\"\n"                                            \
	"        evidence: official\n"                                        \
	"        supports: [name]\n"                                          \
	"    checked: never\n" extra
#define TAIL ""

/* Loads yaml as the main table t.yaml (with want, through its index if
 * one is beside it). */
static struct table *
load_want(const char *yaml, const struct table_want *want, struct problems *pr)
{
	struct table_options o = {.today = 0, .stale_days = -1, .warn_unknown = false};
	char *path = put("t.yaml", yaml), *cwd = getcwd(NULL, 0);
	struct table_files f = {"t.yaml", ORIGIN_DATA, NULL, NULL};
	struct table *t;

	/* Messages name the file as given: load it by its short name. */
	CHECK(chdir(tmpdir) == 0);
	t = table_load(&f, want, &o, pr);
	if (t != NULL && table_finish(t, pr) != 0) {
		table_free(t);
		t = NULL;
	}
	CHECK(cwd != NULL && chdir(cwd) == 0);
	free(cwd);
	free(path);
	return t;
}

static struct table *
load(const char *yaml, struct problems *pr)
{
	return load_want(yaml, NULL, pr);
}

static void
test_valid(void)
{
	struct problems pr = {0};
	struct table *t = load(HEAD SERVICE("") TAIL, &pr);
	const struct service *s;

	CHECK(t != NULL);
	CHECK(pr.n == 0);
	if (t == NULL)
		return;
	CHECK(t->nservices == 1);
	CHECK_STR(t->date, "2026-01-02");
	s = table_find(t, "demo");
	CHECK(s != NULL);
	if (s != NULL) {
		CHECK_STR(s->name, "Demo line");
		CHECK(s->status == STATUS_ACTIVE);
		CHECK(s->audience == AUDIENCE_SELF);
		CHECK(s->offers == OFFER_HELPLINE);
		CHECK(s->cost == COST_FREE && s->anonymous == ANON_YES);
		CHECK(s->ncontacts == 1 && s->contacts[0].type == CONTACT_PHONE);
		CHECK_STR(s->contacts[0].value, "+420 123 456");
		CHECK(s->line == 4 && s->column == 9);
		CHECK(s->origin != NULL && strcmp(s->origin->name, "t.yaml") == 0);
		CHECK(s->origin != NULL && s->origin->kind == ORIGIN_DATA);
	}
	CHECK(table_find(t, "nothing") == NULL);
	table_free(t);
	problems_free(&pr);
}

static const struct {
	const char *yaml;
	const char *where, *what;
} bad[] = {
	{ "", "t.yaml:1:1", "empty file" },
	{ "- a\n", "t.yaml:1:1", "the file must be a mapping with schema and services" },
	{ "schema: \"1\"\ndate: \"2026-01-02\"\nservices: []\n", "t.yaml:1:9",
	  "schema 1 is not supported (this is schema 2)" },
	{ "schema: \"2\"\ndate: \"2026-13-02\"\nservices: []\n", "t.yaml:2:7",
	  "\"2026-13-02\" is not a date (YYYY-MM-DD)" },
	{ "schema: \"2\"\nservices: []\n", "t.yaml:1:1", "the table has no \"date\"" },
	{ "schema: \"2\"\ndate: \"2026-01-02\"\nservices: []\nservice: []\n", "t.yaml:4:1",
	  "unknown key \"service\" (did you mean \"services\"?)" },
	{ HEAD SERVICE("    lnag: x\n") TAIL, "t.yaml:26:5",
	  "unknown key \"lnag\"" },
	{ HEAD SERVICE("    languages: [cs]\n") TAIL, "t.yaml:26:5",
	  "duplicate key \"languages\" (first at line 9)" },
	{ HEAD "  - 3\n" TAIL, "t.yaml:4:5", "a service must be a mapping" },
	{ HEAD SERVICE("") SERVICE("") TAIL, "t.yaml:26:9",
	  "duplicate id \"demo\" (first at line 4)" },
	{ HEAD "  - &a {id: x}\n" TAIL, "t.yaml:4:5", "anchors are not allowed" },
	{ "schema: \"2\"\ndate: \"2026-01-02\"\nservices: *x\n", "t.yaml:3:11",
	  "aliases are not allowed" },
	{ "schema: !!str 1\n", "t.yaml:1:9", "tags are not allowed" },
	{ "a: 1\n---\nb: 2\n", "t.yaml:2:1", "only one YAML document is allowed" },
	{ "a: [1\n", "t.yaml:2:1",
	  "did not find expected ',' or ']' while parsing a flow sequence" },
	{ "a: \"\xc3\x28\"\n", "t.yaml:1:5",
	  "invalid UTF-8 (invalid trailing UTF-8 octet)" },
};

/* A service with one field replaced: name and the expected problem. */
static const struct {
	const char *from, *to;
	const char *where, *what;
} fields[] = {
	{ "    status: active\n", "    status: activ\n", "t.yaml:7:13",
	  "\"activ\" is not a valid status (did you mean \"active\"?)" },
	{ "    countries: [CZ]\n", "    countries: [XX]\n", "t.yaml:8:17",
	  "\"XX\" is not an ISO 3166-1 alpha-2 country code or \"world\"" },
	{ "    countries: [CZ]\n", "    countries: []\n", "t.yaml:8:16",
	  "\"countries\" must not be empty" },
	{ "    countries: [CZ]\n", "    countries: [CZ]\n    regions: [DE-BE]\n", "t.yaml:9:15",
	  "region DE-BE is not in the service's countries" },
	{ "    countries: [CZ]\n", "    countries: [CZ]\n    regions: [Prague]\n", "t.yaml:9:15",
	  "\"Prague\" is not an ISO 3166-2 region code (like GB-SCT)" },
	{ "    languages: [cs]\n", "    languages: cs\n", "t.yaml:9:16",
	  "\"languages\" must be a list, not a string" },
	{ "    languages: [cs]\n", "    languages: [\"c s\"]\n", "t.yaml:9:17",
	  "\"c s\" is not a valid BCP 47 language tag" },
	{ "    audience: [self]\n", "    audience: [slef]\n", "t.yaml:10:16",
	  "\"slef\" is not a valid audience value (did you mean \"self\"?)" },
	{ "    min_age: none\n", "    min_age: \"123\"\n", "t.yaml:14:14",
	  "\"123\" is not an age in years, \"unknown\" or \"none\"" },
	{ "    min_age: none\n", "    min_age: none\n    reporting: maybe\n", "t.yaml:15:16",
	  "\"maybe\" is not a valid reporting" },
	{ "      en: A demo.\n", "      cs: Demo.\n", "t.yaml:16:7",
	  "\"description\" has no English (en) text" },
	{ "        value: \"+420 123 456\"\n", "        value: \"call us\"\n", "t.yaml:19:16",
	  "\"call us\" is not a phone number (digits, spaces, hyphens, a leading +)" },
	{ "        value: \"+420 123 456\"\n", "        value: \"123 456\"\n", "t.yaml:19:16",
	  "a phone number in national form needs \"from\" with exactly one country (whose "
	  "numbering plan it uses)" },
	{ "        value: \"+420 123 456\"\n",
	  "        value: \"+420 123 456\"\n        international: \"+420 123 456\"\n",
	  "t.yaml:20:24", "the value is already in international form" },
	{ "        value: \"+420 123 456\"\n",
	  "        value: \"+420 123 456\"\n        label: Freephone\n", "t.yaml:20:16",
	  "\"label\" must be a mapping of language tags to texts, not a string" },
	{ "        value: \"+420 123 456\"\n",
	  "        value: \"+420 123 456\"\n        interpreters: some\n", "t.yaml:20:23",
	  "\"interpreters\" must be \"all\" or a list of languages" },
	{ "        value: \"+420 123 456\"\n",
	  "        value: \"+420 123 456\"\n        hours: {zone: Europe/Prague, "
	  "weekly: [\"mon 09:00-17:00\"]}\n",
	  "t.yaml:20:16", "hours has no \"public_holidays\"" },
	{ "        value: \"+420 123 456\"\n",
	  "        value: \"+420 123 456\"\n        hours: {zone: Europe/Prague, "
	  "weekly: [\"mon 09:00-17:00\"], public_holidays: closed}\n",
	  "t.yaml:20:16", "hours has no \"calendar\"" },
	{ "        value: \"+420 123 456\"\n",
	  "        value: \"+420 123 456\"\n        hours: {zone: Europe/Prague, "
	  "weekly: [\"mon 09:00-17:00\"], public_holidays: open, closed: [\"12-32\"]}\n",
	  "t.yaml:20:99", "a closed day must be MM-DD (every year) or YYYY-MM-DD" },
	{ "        value: \"+420 123 456\"\n",
	  "        value: \"+420 123 456\"\n        hours: {zone: Europe/Prague, "
	  "weekly: [\"mon 09:00-17:00\"], public_holidays: closed, calendar: XX}\n",
	  "t.yaml:4:9", "service \"demo\": calendar \"XX\" is not in the holiday calendars" },
	{ "      - url: https://example.org/\n", "      - url: \"javascript:alert(1)\"\n",
	  "t.yaml:21:14", "\"javascript:alert(1)\" is not a safe http(s) URL" },
	{ "      - url: https://example.org/\n", "      - url: \"https://example.org./\"\n",
	  "t.yaml:21:14", "\"https://example.org./\" is not a safe http(s) URL" },
	{ "      - url: https://example.org/\n", "      - url: \"https://exa\\e]8;;x\\a.org/\"\n",
	  "t.yaml:21:14", "\"https://exa\x1b]8;;x\x07.org/\" is not a safe http(s) URL" },
	{ "        date: \"2026\"\n", "        date: \"26\"\n", "t.yaml:22:15",
	  "\"26\" is not a date (YYYY, YYYY-MM, YYYY-MM-DD or unknown)" },
	{ "        supports: [name]\n", "        supports: [colour]\n", "t.yaml:24:20",
	  "\"colour\" is not a fact a source can support" },
	{ "    checked: never\n", "    checked: \"2026-02-30\"\n", "t.yaml:25:14",
	  "\"2026-02-30\" is not a date (YYYY-MM-DD) or never" },
	{ "    name: Demo line\n", "    name: \"\"\n", "t.yaml:5:11", "\"name\" is empty" },
	{ "    name: Demo line\n", "", "t.yaml:4:5", "service \"demo\" has no \"name\"" },
	{ "  - id: demo\n", "  - id: Demo\n", "t.yaml:4:9",
	  "id \"Demo\" must be lower-case letters, digits and hyphens" },
	{ "    status: active\n", "    status: active\n    successor: other\n", "t.yaml:8:16",
	  "only an ended service can have a successor" },
	{ "    status: active\n", "    status: study\n", "t.yaml:7:13",
	  "service \"demo\" is a study: say when it ends and whether it recruits (study: {ends, "
	  "recruiting})" },
	{ "    status: active\n", "    status: ended\n", "t.yaml:18:7",
	  "an ended service keeps no contacts (people must not be sent to them)" },
};

static void
expect_one(const char *yaml, const char *where, const char *what, const char *label)
{
	struct problems pr = {0};
	struct table *t = load(yaml, &pr);

	CHECK(t == NULL);
	CHECK(pr.errors >= 1);
	if (pr.n >= 1) {
		CHECK_STR(pr.v[0].where, where);
		CHECK_STR(pr.v[0].what, what);
		if (pr.n > 1 || strcmp(pr.v[0].what, what) != 0)
			for (size_t i = 0; i < pr.n; i++)
				fprintf(stderr, "  (%s) %s: %s\n", label, pr.v[i].where, pr.v[i].what);
	}
	CHECK(pr.n == 1);
	table_free(t);
	problems_free(&pr);
}

static char *
replace(const char *s, const char *from, const char *to)
{
	const char *p = strstr(s, from);
	struct buf b = {0};

	if (p == NULL)
		return NULL;
	buf_addn(&b, s, (size_t)(p - s));
	buf_add(&b, to);
	buf_add(&b, p + strlen(from));
	return buf_detach(&b);
}

static void
test_bad(void)
{
	size_t i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		expect_one(bad[i].yaml, bad[i].where, bad[i].what, bad[i].what);
	for (i = 0; i < sizeof fields / sizeof fields[0]; i++) {
		char *y = replace(HEAD SERVICE("") TAIL, fields[i].from, fields[i].to);

		CHECK(y != NULL);
		if (y == NULL)
			continue;
		expect_one(y, fields[i].where, fields[i].what, fields[i].to);
		free(y);
	}
}

/* Hostile sizes: each limit is refused with its message, quickly. */
static void
test_limits(void)
{
	struct buf b = {0};
	size_t i;

	/* Nesting deeper than the limit. */
	buf_add(&b, "a: ");
	for (i = 0; i < 40; i++)
		buf_addc(&b, '[');
	for (i = 0; i < 40; i++)
		buf_addc(&b, ']');
	buf_addc(&b, '\n');
	expect_one(b.s, "t.yaml:1:20", "nesting is too deep", "depth");
	buf_reset(&b);
	/* A scalar over the limit. */
	buf_add(&b, "a: \"");
	for (i = 0; i < 20000; i++)
		buf_addc(&b, 'x');
	buf_add(&b, "\"\n");
	expect_one(b.s, "t.yaml:1:4", "value is longer than 16384 bytes", "scalar");
	buf_reset(&b);
	/* A billion laughs is refused at the first anchor. */
	buf_add(&b, "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\n"
		    "c: &c [*b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c]\n");
	expect_one(b.s, "t.yaml:1:4", "anchors are not allowed", "laughs");
	buf_reset(&b);
	/* One service of a hundred thousand nodes and one more: refused in
	 * the service, however large the file may be. */
	buf_add(&b, HEAD "  - id: x\n    languages: [");
	for (i = 0; i < 100000; i++)
		buf_add(&b, i ? ",a" : "a");
	buf_add(&b, "]\n");
	expect_one(b.s, "t.yaml:5:200007", "too many nodes in the document", "nodes");
	buf_free(&b);
}

/* Text lookup follows language fallbacks: de-CH falls back to de, never
 * to another language (the caller of texts_in decides about English). */
static void
test_texts(void)
{
	struct text v[] = {{"en", "E"}, {"de", "D"}, {"sr-Latn", "SL"}};
	struct texts t = {v, 3};

	CHECK_STR(texts_in(&t, "de-CH"), "D");
	CHECK_STR(texts_in(&t, "de"), "D");
	CHECK_STR(texts_in(&t, "sr-Latn"), "SL");
	CHECK(texts_in(&t, "sr-Cyrl") == NULL);
	CHECK(texts_in(&t, "fi") == NULL);
	CHECK_STR(texts_en(&t), "E");
}

#define ONE(id, country, langs, extra)                                                    \
	"  - id: " id "\n    name: Line " id "\n    organization: Org\n    status: active\n"   \
	"    countries: [" country "]\n    languages: [" langs "]\n    audience: [self]\n"    \
	"    offers: [helpline]\n    cost: free\n    anonymous: \"yes\"\n    min_age: none\n" \
	"    description:\n      en: About " id ".\n    contacts:\n      - type: phone\n"     \
	"        value: \"+420 123 456\"\n" extra "    sources:\n"                            \
	"      - url: https://example.org/\n        date: \"2026\"\n        evidence: official\n" \
	"        supports: [name]\n    checked: never\n"

/*
 * An index only chooses which services are read: through it, the
 * services of the keys asked for are exactly those of a full read, with
 * the same fields; ids of the others are still known; a stale, damaged
 * or lying index is never believed.
 */
static void
test_index(void)
{
	static const char yaml[] = HEAD ONE("b-cz", "CZ", "cs", "") ONE("a-world", "world", "en, de", "")
		ONE("c-de", "DE", "de", "") ONE("d-world", "world", "fr",
					       "        interpreters: [pl]\n");
	const char *keys[] = {"c:CZ", "w:de", "w:pl"};
	struct table_want want = {keys, 3};
	struct table_options o = {.stale_days = -1};
	struct problems pr = {0};
	struct table *full, *part;
	struct buf idx = {0};
	char *path = put("t.yaml", yaml), *ipath = index_path(path);
	size_t i;
	FILE *f;

	full = load(yaml, &pr);
	CHECK(full != NULL && full->nservices == 4 && !full->partial);
	CHECK(table_index_make(path, &o, &idx, &pr) == 0);
	CHECK(pr.n == 0);
	/* The index is written after the table (it must not be older). */
	f = fopen(ipath, "wb");
	CHECK(f != NULL && fwrite(idx.s, 1, idx.len, f) == idx.len && fclose(f) == 0);
	part = load_want(yaml, &want, &pr);
	CHECK(part != NULL && part->partial);
	CHECK(pr.n == 0);
	if (full != NULL && part != NULL) {
		CHECK(part->nservices == 3);
		for (i = 0; i < part->nservices; i++) {
			const struct service *p = &part->services[i], *w = table_find(full, p->id);

			CHECK(w != NULL);
			if (w == NULL)
				continue;
			CHECK_STR(p->name, w->name);
			CHECK(p->line == w->line && p->ncontacts == w->ncontacts);
		}
		CHECK(table_find(part, "c-de") == NULL);
		CHECK(table_has_id(part, "c-de") && !table_has_id(part, "nope"));
		CHECK(table_find(part, "d-world") != NULL); /* through its interpreter */
	}
	table_free(part);
	/* A damaged index (a record points into another service) is not used:
	 * everything is read, so the answer is the same. */
	if (idx.len > 60) {
		idx.s[48] ^= 0x10; /* the first record's offset */
		f = fopen(ipath, "wb");
		CHECK(f != NULL && fwrite(idx.s, 1, idx.len, f) == idx.len && fclose(f) == 0);
		part = load_want(yaml, &want, &pr);
		CHECK(part != NULL && !part->partial && part->nservices == 4);
		table_free(part);
	}
	/* A table newer than its index is read whole. */
	{
		struct timespec ts[2] = {{0, UTIME_OMIT}, {2000000000, 0}};

		CHECK(utimensat(AT_FDCWD, path, ts, 0) == 0);
		part = load_want(yaml, &want, &pr);
		CHECK(part != NULL && !part->partial);
		table_free(part);
	}
	CHECK(pr.n == 0);
	table_free(full);
	problems_free(&pr);
	buf_free(&idx);
	unlink(ipath);
	free(ipath);
	free(path);
}

/*
 * Count keys (index.h): an English service open worldwide that every
 * caller can use is counted without being read; one with contacts only
 * for some countries is read (u:en); asked for with w:en, all are read.
 * An overlay that hides or replaces a counted service takes it out.
 */
static void
test_index_count(void)
{
	static const char yaml[] = HEAD ONE("b-cz", "CZ", "cs", "") ONE("a-world", "world", "en", "")
		ONE("f-world", "world", "en", "        from: [DE]\n");
	static const char hide[] = "schema: \"2\"\nhide: [a-world]\n";
	const char *keys[] = {"c:CZ", "u:en", "m:self", "m:close"};
	const char *english[] = {"c:CZ", "w:en"};
	struct table_want want = {keys, 4}, want_en = {english, 2};
	struct table_options o = {.stale_days = -1};
	struct problems pr = {0};
	struct table *part;
	struct buf idx = {0};
	char *path = put("t.yaml", yaml), *ipath = index_path(path), *ov;
	FILE *f;

	CHECK(table_index_make(path, &o, &idx, &pr) == 0);
	f = fopen(ipath, "wb");
	CHECK(f != NULL && fwrite(idx.s, 1, idx.len, f) == idx.len && fclose(f) == 0);
	part = load_want(yaml, &want, &pr);
	CHECK(part != NULL && part->partial && !part->english_read);
	if (part != NULL) {
		CHECK(part->nservices == 2 && table_find(part, "f-world") != NULL);
		CHECK(table_find(part, "a-world") == NULL);
		CHECK(part->nunread == 1 && part->unread[0].record == 1 &&
		      part->unread[0].audience == AUDIENCE_SELF);
	}
	table_free(part);
	part = load_want(yaml, &want_en, &pr);
	CHECK(part != NULL && part->partial && part->english_read && part->nunread == 0);
	CHECK(part != NULL && table_find(part, "a-world") != NULL);
	table_free(part);
	/* Hidden by an overlay: no longer counted. */
	{
		struct table_files tf = {path, ORIGIN_DATA, NULL, NULL};

		ov = put("hide.yaml", hide);
		part = table_load(&tf, &want, &o, &pr);
		CHECK(part != NULL && part->nunread == 1);
		CHECK(part != NULL && table_overlay(part, ov, ORIGIN_USER, &o, &pr) == 0);
		CHECK(part != NULL && table_finish(part, &pr) == 0 && part->nunread == 0);
		table_free(part);
		free(ov);
	}
	CHECK(pr.n == 0);
	problems_free(&pr);
	buf_free(&idx);
	unlink(ipath);
	free(ipath);
	free(path);
}

/* Overlays: add, replace and hide, marking where each change came from;
 * a hide of an id that does not exist is an error. */
static void
test_overlay(void)
{
	static const char yaml[] = HEAD ONE("b-cz", "CZ", "cs", "") ONE("a-world", "world", "en", "");
	static const char ov[] = HEAD ONE("b-cz", "CZ", "cs", "") ONE("z-new", "CZ", "cs", "")
		"hide: [a-world]\n";
	struct table_options o = {.stale_days = -1};
	struct problems pr = {0};
	struct table *t = load(yaml, &pr);
	char *p = put("local.yaml", ov), *p2 = put("bad.yaml", "schema: \"2\"\nhide: [a-wrold]\n");
	const struct service *s;

	CHECK(t != NULL);
	if (t == NULL)
		return;
	CHECK(table_overlay(t, p, ORIGIN_USER, &o, &pr) == 0);
	CHECK(table_finish(t, &pr) == 0);
	CHECK(pr.n == 0);
	CHECK(t->nservices == 2);
	s = table_find(t, "b-cz");
	CHECK(s != NULL && s->replaced != NULL && s->replaced->kind == ORIGIN_USER);
	s = table_find(t, "z-new");
	CHECK(s != NULL && s->origin != NULL && s->origin->kind == ORIGIN_USER && s->replaced == NULL);
	CHECK(table_find(t, "a-world") == NULL);
	CHECK(t->nhidden == 1 && strcmp(t->hidden[0].id, "a-world") == 0);
	CHECK(table_overlay(t, p2, ORIGIN_SYSTEM, &o, &pr) == -1);
	CHECK(pr.n == 1 && strstr(pr.v[0].what, "hide: no service has the id \"a-wrold\"") != NULL);
	for (size_t i = 0; i < pr.n; i++)
		if (strstr(pr.v[i].what, "a-wrold") == NULL)
			fprintf(stderr, "  %s: %s\n", pr.v[i].where, pr.v[i].what);
	table_free(t);
	problems_free(&pr);
	free(p);
	free(p2);
}

/*
 * Overlays merge in order, with one sort at the end: a later overlay
 * replaces what an earlier one added, a hide removes it, a later one can
 * add it again, and notes reach services added by the same overlay.
 * Many overlay files cost no more than one of the same size.
 */
static void
test_overlay_order(void)
{
	static const char yaml[] = HEAD ONE("b-cz", "CZ", "cs", "") ONE("a-world", "world", "en", "");
	static const char o1[] = HEAD ONE("x-new", "CZ", "cs", "") ONE("b-cz", "SK", "sk", "");
	static const char o2[] = "schema: \"2\"\nhide: [x-new, a-world]\n";
	static const char o3[] = HEAD ONE("x-new", "DE", "de", "") ONE("c-new", "AT", "de", "")
		"notes:\n  - id: c-new\n    worker_notes: [\"ask first\"]\n";
	struct table_options o = {.stale_days = -1};
	struct problems pr = {0};
	struct table *t = load(yaml, &pr);
	char *p1 = put("o1.yaml", o1), *p2 = put("o2.yaml", o2), *p3 = put("o3.yaml", o3);
	const struct service *s;
	size_t i;

	CHECK(t != NULL);
	if (t == NULL)
		return;
	CHECK(table_overlay(t, p1, ORIGIN_SYSTEM, &o, &pr) == 0);
	CHECK(table_overlay(t, p2, ORIGIN_SYSTEM, &o, &pr) == 0);
	CHECK(table_overlay(t, p3, ORIGIN_USER, &o, &pr) == 0);
	CHECK(table_finish(t, &pr) == 0);
	CHECK(pr.n == 0);
	for (i = 0; i < pr.n; i++)
		fprintf(stderr, "  %s: %s\n", pr.v[i].where, pr.v[i].what);
	CHECK(t->nservices == 3);
	for (i = 1; i < t->nservices; i++)
		CHECK(strcmp(t->services[i - 1].id, t->services[i].id) < 0);
	s = table_find(t, "b-cz");
	CHECK(s != NULL && s->replaced != NULL && s->replaced->kind == ORIGIN_SYSTEM &&
	      strcmp(s->countries.v[0], "SK") == 0);
	s = table_find(t, "x-new");
	CHECK(s != NULL && s->replaced == NULL && s->origin->kind == ORIGIN_USER &&
	      strcmp(s->countries.v[0], "DE") == 0);
	s = table_find(t, "c-new");
	CHECK(s != NULL && s->worker_notes.n == 1 && s->noted != NULL);
	CHECK(table_find(t, "a-world") == NULL);
	CHECK(t->nhidden == 2);
	table_free(t);
	problems_free(&pr);
	free(p1);
	free(p2);
	free(p3);
}

/*
 * A file with very many problems keeps the first PROBLEMS_KEPT and counts
 * the rest; a duplicate id is found wherever it is, on one line too; a
 * line with more weekly windows than anyone needs is refused.
 */
static void
test_many_problems(void)
{
	struct buf b = {0};
	struct problems pr = {0};
	struct table *t;
	size_t i;

	buf_add(&b, HEAD);
	for (i = 0; i < 150; i++)
		buf_addf(&b, "  - {id: s%zu, lnag: x}\n", i);
	t = load(b.s, &pr);
	CHECK(t == NULL);
	CHECK(pr.n == PROBLEMS_KEPT && pr.kept_errors == PROBLEMS_KEPT);
	CHECK(pr.errors > 150 && problems_total(&pr) == pr.errors);
	problems_free(&pr);
	buf_free(&b);
	/* Two on one line. */
	t = load("schema: \"2\"\ndate: \"2026-01-02\"\nservices: [{id: dd}, {id: dd}]\n", &pr);
	CHECK(t == NULL);
	for (i = 0; i < pr.n && strcmp(pr.v[i].what, "duplicate id \"dd\" (first at line 3)"); i++)
		;
	CHECK(i < pr.n && strcmp(pr.v[i].where, "t.yaml:3:27") == 0);
	problems_free(&pr);
	buf_add(&b, HEAD SERVICE(""));
	{
		char *y = replace(b.s, "      - type: phone\n        value: \"+420 123 456\"\n",
				  "      - type: phone\n        value: \"+420 123 456\"\n"
				  "        hours:\n          zone: Europe/Prague\n"
				  "          public_holidays: open\n          weekly: [");
		struct buf w = {0};

		buf_add(&w, y);
		free(y);
		/* Close the list after 65 windows, and the service stays valid. */
		y = strstr(w.s, "weekly: [") + 9;
		buf_reset(&b);
		buf_addn(&b, w.s, (size_t)(y - w.s));
		for (i = 0; i < 65; i++)
			buf_addf(&b, "%s\"mon 09:%02zu-10:00\"", i ? ", " : "", i % 60);
		buf_add(&b, "]\n");
		buf_add(&b, y);
		buf_free(&w);
	}
	expect_one(b.s, "t.yaml:23:19", "\"weekly\" has 65 windows; at most 64 are allowed", "windows");
	buf_free(&b);
}

/*
 * Texts that do not show what they hold are refused, with the character
 * named: invisible, format, tag and bidi control characters, Hangul
 * fillers, a name of combining marks alone.  Joiners stay allowed where
 * Persian and the Indic scripts need them.
 */
static void
test_invisible(void)
{
	static const struct {
		const char *name; /* the service's name, as YAML */
		const char *what; /* NULL: accepted */
	} cases[] = {
		{"\"Demo\\u200bline\"", "\"name\" holds U+200B ZERO WIDTH SPACE, an invisible "
					 "character"},
		{"\"Demo\\u200dline\"", "\"name\" holds U+200D ZERO WIDTH JOINER, an invisible "
					 "character"},
		{"\"Demo\\u2060line\"", "\"name\" holds U+2060 WORD JOINER"},
		{"\"Demo\\ufeffline\"", "\"name\" holds U+FEFF ZERO WIDTH NO-BREAK SPACE"},
		{"\"Demo\\u00adline\"", "\"name\" holds U+00AD SOFT HYPHEN"},
		{"\"Demo\\U000E0041line\"", "\"name\" holds U+E0041 TAG LATIN CAPITAL LETTER A"},
		{"\"Demo\\ufffbline\"", "\"name\" holds U+FFFB INTERLINEAR ANNOTATION TERMINATOR, a "
					 "format character"},
		{"\"Demo\\u3164line\"", "\"name\" holds U+3164 HANGUL FILLER"},
		{"\"Demo\\uffa0line\"", "\"name\" holds U+FFA0 HALFWIDTH HANGUL FILLER"},
		{"\"\\u115f\\u1160\"", "\"name\" holds U+115F HANGUL CHOSEONG FILLER"},
		{"\"Demo \\u202eenil\"", "\"name\" holds U+202E RIGHT-TO-LEFT OVERRIDE, a "
					  "bidirectional control character"},
		{"\"\\u0301\\u0308\"", "\"name\" is made of combining marks alone"},
		{"\"\\u0645\\u06cc\\u200c\\u062e\\u0648\"", NULL}, /* Persian ZWNJ */
		{"\"\\u0915\\u094d\\u200d\\u0937\"", NULL},          /* ZWJ after a virama */
		{"\"Cafe\\u0301\"", NULL},
	};
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *to = xasprintf("    name: %s\n", cases[i].name);
		char *y = replace(HEAD SERVICE("") TAIL, "    name: Demo line\n", to);
		struct problems pr = {0};
		struct table *t = load(y, &pr);

		if (cases[i].what == NULL) {
			CHECK(t != NULL && pr.errors == 0);
		} else {
			CHECK(t == NULL && pr.n == 1);
			CHECK(pr.n >= 1 && strncmp(pr.v[0].what, cases[i].what,
						   strlen(cases[i].what)) == 0);
			if (pr.n >= 1 && strncmp(pr.v[0].what, cases[i].what, strlen(cases[i].what)))
				fprintf(stderr, "  case %zu: %s\n", i, pr.v[0].what);
		}
		table_free(t);
		problems_free(&pr);
		free(y);
		free(to);
	}
	/* In a description, a label, an overlay's worker note too. */
	{
		char *y = replace(HEAD SERVICE("") TAIL, "      en: A demo.\n",
				  "      en: \"A\\u200bdemo.\"\n");

		expect_one(y, "t.yaml:16:11", "the en text of \"description\" holds U+200B ZERO WIDTH SPACE, an "
		   "invisible character: two services could look alike, or part of it be hidden "
		   "(signpost(5), TEXTS); remove it", "description");
		free(y);
	}
}

int
main(void)
{
	const char *td = getenv("TMPDIR");

	/* The names data of the build (country codes, names, time patterns). */
	i18n_set_datadir(NULL, getenv("SIGNPOST_STAGE_DIR"));
	/* The tables written here must be ones signpost trusts (trust.h),
	 * whatever the umask the tests run under. */
	umask(022);
	snprintf(tmpdir, sizeof tmpdir, "%s/table.XXXXXX", td && *td && strlen(td) < 40 ? td : "/tmp");
	if (mkdtemp(tmpdir) == NULL) {
		perror(tmpdir);
		return 1;
	}
	/* Country codes are checked against the build's names.cache. */
	if (getenv("SIGNPOST_STAGE_DIR") == NULL) {
		fprintf(stderr, "SIGNPOST_STAGE_DIR is not set\n");
		return 1;
	}
	i18n_set_datadir(NULL, getenv("SIGNPOST_STAGE_DIR"));
	test_valid();
	test_bad();
	test_limits();
	test_texts();
	test_index();
	test_index_count();
	test_overlay();
	test_overlay_order();
	test_many_problems();
	test_invisible();
	{
		char *cmd = xasprintf("rm -rf '%s'", tmpdir);

		CHECK(system(cmd) == 0);
		free(cmd);
	}
	i18n_cleanup();
	return check_done();
}
