/*
 * test_table.c - the table loader on small tables held in strings: a valid
 * table loads with the fields in place, and each broken one is refused
 * with exactly the message and position a data maintainer would read.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "i18n.h"
#include "table.h"
#include "xmalloc.h"

/* A whole valid service, then extra lines (or ""). */
#define HEAD "schema: \"1\"\ndate: \"2026-01-02\"\nservices:\n"
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
#define TAIL "emergency: []\n"

static struct table *
load(const char *yaml, struct problems *pr)
{
	struct table_options o = {.today = 0, .stale_days = -1, .warn_unknown = false};

	return table_load_mem("t.yaml", yaml, strlen(yaml), &o, pr);
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
		CHECK_STR(s->origin, "t.yaml");
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
	{ "- a\n", "t.yaml:1:1", "the table must be a mapping with schema, date, services" },
	{ "schema: \"2\"\ndate: \"2026-01-02\"\nservices: []\n" TAIL, "t.yaml:1:9",
	  "schema 2 is not supported (this is schema 1)" },
	{ "schema: \"1\"\ndate: \"2026-13-02\"\nservices: []\n" TAIL, "t.yaml:2:7",
	  "\"2026-13-02\" is not a date (YYYY-MM-DD)" },
	{ "schema: \"1\"\nservices: []\n" TAIL, "t.yaml:1:1", "the table has no \"date\"" },
	{ "schema: \"1\"\ndate: \"2026-01-02\"\nservices: []\n" TAIL "emergncy: []\n", "t.yaml:5:1",
	  "unknown key \"emergncy\" (did you mean \"emergency\"?)" },
	{ HEAD SERVICE("    lnag: x\n") TAIL, "t.yaml:26:5",
	  "unknown key \"lnag\"" },
	{ HEAD SERVICE("    languages: [cs]\n") TAIL, "t.yaml:26:5",
	  "duplicate key \"languages\" (first at line 9)" },
	{ HEAD "  - 3\n" TAIL, "t.yaml:4:5", "a service must be a mapping" },
	{ HEAD SERVICE("") SERVICE("") TAIL, "t.yaml:26:9",
	  "duplicate id \"demo\" (first at line 4)" },
	{ HEAD "  - &a {id: x}\n" TAIL, "t.yaml:4:5", "anchors are not allowed" },
	{ "schema: \"1\"\ndate: \"2026-01-02\"\nservices: *x\n", "t.yaml:3:11",
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
	{ "    languages: [cs]\n", "    languages: cs\n", "t.yaml:9:16",
	  "\"languages\" must be a list, not a string" },
	{ "    languages: [cs]\n", "    languages: [\"c s\"]\n", "t.yaml:9:17",
	  "\"c s\" is not a valid BCP 47 language tag" },
	{ "    audience: [self]\n", "    audience: [slef]\n", "t.yaml:10:16",
	  "\"slef\" is not a valid audience value (did you mean \"self\"?)" },
	{ "    min_age: none\n", "    min_age: \"123\"\n", "t.yaml:14:14",
	  "\"123\" is not an age in years, \"unknown\" or \"none\"" },
	{ "      en: A demo.\n", "      cs: Demo.\n", "t.yaml:16:7",
	  "\"description\" has no English (en) text" },
	{ "        value: \"+420 123 456\"\n", "        value: \"call us\"\n", "t.yaml:19:16",
	  "\"call us\" is not a phone number (digits, spaces, hyphens, a leading +)" },
	{ "      - url: https://example.org/\n", "      - url: \"javascript:alert(1)\"\n",
	  "t.yaml:21:14", "\"javascript:alert(1)\" is not a safe http(s) URL" },
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
	/* More services than a table may hold: refused before any is read. */
	buf_add(&b, "schema: 1\ndate: \"2026-01-01\"\nemergency: []\nservices:\n");
	for (i = 0; i < 250001; i++)
		buf_add(&b, "- x\n");
	expect_one(b.s, "t.yaml:5:1", "too many services (250001; at most 250000)", "services");
	buf_free(&b);
}

/* Text lookup follows language fallbacks: de-CH falls back to de. */
static void
test_texts(void)
{
	struct text v[] = {{"en", "E"}, {"de", "D"}, {"sr-Latn", "SL"}};
	struct texts t = {v, 3};
	bool fb;

	CHECK_STR(texts_get(&t, "de-CH", &fb), "D");
	CHECK(!fb);
	CHECK_STR(texts_get(&t, "de", &fb), "D");
	CHECK_STR(texts_get(&t, "sr-Latn", &fb), "SL");
	CHECK(!fb);
	CHECK_STR(texts_get(&t, "sr-Cyrl", &fb), "E");
	CHECK(fb);
	CHECK_STR(texts_get(&t, "fi", &fb), "E");
	CHECK(fb);
}

/* A source of services held as YAML strings, for table_load_each. */
struct strings_src {
	const char *const *yaml;
	size_t reads;      /* calls so far */
	size_t fail_after; /* reads beyond this many fail (0: never) */
	bool other_id;     /* reads after the first n give another service */
	size_t n;
	bool closed;
};

static struct ynode *
strings_read(void *ctx, size_t i)
{
	struct strings_src *x = ctx;
	char *cause = NULL;
	struct ynode *y;
	const char *text;

	x->reads++;
	if (x->fail_after != 0 && x->reads > x->fail_after)
		return NULL;
	text = x->other_id && x->reads > x->n ? x->yaml[(i + 1) % x->n] : x->yaml[i];
	y = ynode_parse("t.yaml", text, strlen(text), &ynode_default_limits, &cause);
	free(cause);
	return y;
}

static void
strings_close(void *ctx)
{
	((struct strings_src *)ctx)->closed = true;
}

static bool slim_contacts; /* the table_options of load_each */

static struct table *
load_each(struct strings_src *x, bool slim, struct problems *pr)
{
	static const char root_yaml[] = HEAD "  []\n" TAIL;
	struct table_options o = {.today = 0, .stale_days = -1, .warn_unknown = false,
				  .slim_contacts = slim_contacts};
	struct table_source *src = xcalloc(1, sizeof *src);
	char *cause = NULL;
	struct ynode *root = ynode_parse("t.yaml", root_yaml, sizeof root_yaml - 1,
					 &ynode_default_limits, &cause);
	struct table *t;

	free(cause);
	src->read = strings_read;
	src->close = strings_close;
	src->ctx = x;
	src->n = x->n;
	t = table_load_each("t.yaml", root, src, slim, &o, pr);
	ynode_free(root);
	return t;
}

#define ONE(id, text)                                                                      \
	"id: " id "\nname: Line " id "\norganization: Org\nstatus: active\ncountries: [CZ]\n" \
	"languages: [cs]\naudience: [self]\noffers: [helpline]\ncost: free\n"               \
	"anonymous: \"yes\"\nmin_age: none\ndescription:\n  en: " text "\n"                \
	"eligibility:\n  en: Adults.\nconfidentiality:\n  en: Anonymous.\ncontacts:\n"     \
	"  - type: phone\n    value: \"+420 123 456\"\nunknown: [hours]\nsources:\n"        \
	"  - url: https://example.org/\n    date: \"2026\"\n    evidence: official\n"      \
	"    supports: [name]\nchecked: never\n"

/*
 * Services loaded one at a time: whole, or slim and filled again on
 * demand with exactly what a whole load gives; a source that fails or
 * changes leaves the service slim and says so.
 */
static void
test_each(void)
{
	static const char *const yaml[] = {ONE("b-line", "Second."), ONE("a-line", "First.")};
	struct strings_src xw = {yaml, 0, 0, false, 2, false}, xs = xw;
	struct problems pr = {0};
	struct table *whole = load_each(&xw, false, &pr), *slim = load_each(&xs, true, &pr);
	size_t i;

	CHECK(pr.n == 0);
	CHECK(whole != NULL && slim != NULL);
	CHECK(xw.closed && !xs.closed); /* only a slim table keeps its source */
	if (whole == NULL || slim == NULL) {
		table_free(whole);
		table_free(slim);
		return;
	}
	CHECK(whole->nservices == 2 && slim->nservices == 2);
	CHECK_STR(slim->services[0].id, "a-line"); /* sorted by id, as ever */
	for (i = 0; i < 2; i++) {
		const struct service *w = &whole->services[i], *s = &slim->services[i];
		bool fb;

		CHECK(!w->slim && s->slim);
		CHECK_STR(s->name, w->name);
		CHECK(s->ncontacts == (slim_contacts ? 0u : 1u) && s->audience == w->audience);
		CHECK(s->description.n == 0 && s->nsources == 0 && s->unknown.n == 0);
		CHECK(table_fill(slim, s) == 0);
		CHECK(s->ncontacts == 1 && strcmp(s->contacts[0].value, "+420 123 456") == 0);
		CHECK_STR(texts_get(&s->description, "en", &fb), texts_get(&w->description, "en", &fb));
		CHECK_STR(texts_get(&s->eligibility, "en", &fb), "Adults.");
		CHECK_STR(texts_get(&s->confidentiality, "en", &fb), "Anonymous.");
		CHECK(s->nsources == 1 && s->unknown.n == 1);
		CHECK(table_fill(slim, s) == 0); /* already whole: nothing read */
		table_slim(slim, s);
		CHECK(s->description.n == 0 && s->nsources == 0);
		CHECK(s->ncontacts == (slim_contacts ? 0u : 1u));
		CHECK(table_fill(whole, w) == 0); /* a whole one is left alone */
	}
	CHECK(xs.reads == 4);
	table_free(slim);
	CHECK(xs.closed);

	/* The source fails, or gives another service, when asked again. */
	xs = (struct strings_src){yaml, 0, 2, false, 2, false};
	slim = load_each(&xs, true, &pr);
	CHECK(slim != NULL && table_fill(slim, &slim->services[0]) == -1);
	CHECK(slim != NULL && slim->services[0].description.n == 0);
	table_free(slim);
	xs = (struct strings_src){yaml, 0, 0, true, 2, false};
	slim = load_each(&xs, true, &pr);
	CHECK(slim != NULL && table_fill(slim, &slim->services[0]) == -1);
	table_free(slim);
	/* A source that fails while loading gives no table, and is closed. */
	xs = (struct strings_src){yaml, 0, 1, false, 2, false};
	CHECK(load_each(&xs, true, &pr) == NULL && xs.closed && pr.n == 0);
	table_free(whole);
	problems_free(&pr);
}

int
main(void)
{
	test_valid();
	test_each();
	slim_contacts = true;
	test_each();
	test_bad();
	test_limits();
	test_texts();
	i18n_cleanup();
	return check_done();
}
