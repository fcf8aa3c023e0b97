/*
 * test_sanitize.c - no byte from data may drive the terminal: C0 and C1
 * controls, ESC-introduced sequences (CSI, OSC 8 links, OSC 52 clipboard
 * writes), bidi overrides and isolates, and invalid UTF-8, each in text
 * and in JSON.
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "sanitize.h"

static const struct {
	const char *in;
	const char *text;    /* oneline */
	const char *block;   /* multi-line */
	const char *json;
} cases[] = {
	{"plain", "plain", "plain", "\"plain\""},
	{"", "", "", "\"\""},
	{"čeština עברית 日本", "čeština עברית 日本", "čeština עברית 日本",
	 "\"čeština עברית 日本\""},
	/* C0 */
	{"a\x01z", "a^Az", "a^Az", "\"a\\u0001z\""},
	{"bell\a", "bell^G", "bell^G", "\"bell\\u0007\""},
	{"a\rb", "a^Mb", "a^Mb", "\"a\\u000db\""},
	{"a\nb\tc", "a b c", "a\nb^Ic", "\"a\\nb\\tc\""},
	{"del\x7f", "del^?", "del^?", "\"del\\u007f\""},
	{"q\"b\\", "q\"b\\", "q\"b\\", "\"q\\\"b\\\\\""},
	/* ESC sequences: the ESC is made visible, the rest is inert text. */
	{"\x1b[2J\x1b[31mred", "^[[2J^[[31mred", "^[[2J^[[31mred",
	 "\"\\u001b[2J\\u001b[31mred\""},
	{"\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\",
	 "^[]8;;https://evil.example/^[\\click^[]8;;^[\\",
	 "^[]8;;https://evil.example/^[\\click^[]8;;^[\\",
	 "\"\\u001b]8;;https://evil.example/\\u001b\\\\click\\u001b]8;;\\u001b\\\\\""},
	{"\x1b]52;c;ZWNobyBoaQ==\a", "^[]52;c;ZWNobyBoaQ==^G", "^[]52;c;ZWNobyBoaQ==^G",
	 "\"\\u001b]52;c;ZWNobyBoaQ==\\u0007\""},
	/* C1: CSI (U+009B), OSC (U+009D), NEL (U+0085) */
	{"\xc2\x9b" "2J", "<U+009B>2J", "<U+009B>2J", "\"\\u009b2J\""},
	{"\xc2\x9d" "52;c;x\xc2\x9c", "<U+009D>52;c;x<U+009C>", "<U+009D>52;c;x<U+009C>",
	 "\"\\u009d52;c;x\\u009c\""},
	{"a\xc2\x85z", "a<U+0085>z", "a<U+0085>z", "\"a\\u0085z\""},
	{"\xc2\xa0nbsp", "\xc2\xa0nbsp", "\xc2\xa0nbsp", "\"\xc2\xa0nbsp\""},
	/* Bidi overrides, embeddings, isolates and marks */
	{"abc\xe2\x80\xaetxt.exe", "abc<U+202E>txt.exe", "abc<U+202E>txt.exe",
	 "\"abc\\u202etxt.exe\""},
	{"\xe2\x80\xaa\xe2\x80\xab\xe2\x80\xac\xe2\x80\xad",
	 "<U+202A><U+202B><U+202C><U+202D>", "<U+202A><U+202B><U+202C><U+202D>",
	 "\"\\u202a\\u202b\\u202c\\u202d\""},
	{"\xe2\x81\xa6x\xe2\x81\xa7y\xe2\x81\xa8z\xe2\x81\xa9",
	 "<U+2066>x<U+2067>y<U+2068>z<U+2069>", "<U+2066>x<U+2067>y<U+2068>z<U+2069>",
	 "\"\\u2066x\\u2067y\\u2068z\\u2069\""},
	{"\xe2\x80\x8e\xe2\x80\x8f\xd8\x9c", "<U+200E><U+200F><U+061C>",
	 "<U+200E><U+200F><U+061C>", "\"\\u200e\\u200f\\u061c\""},
	{"l\xe2\x80\xa8p\xe2\x80\xa9", "l<U+2028>p<U+2029>", "l<U+2028>p<U+2029>",
	 "\"l\\u2028p\\u2029\""},
	/* Invalid UTF-8: each bad sequence becomes U+FFFD */
	{"a\xffz", "a\xef\xbf\xbdz", "a\xef\xbf\xbdz", "\"a\\ufffdz\""},
	{"\xc3\x28", "\xef\xbf\xbd(", "\xef\xbf\xbd(", "\"\\ufffd(\""},
	{"\xc0\x9b", "\xef\xbf\xbd\xef\xbf\xbd", "\xef\xbf\xbd\xef\xbf\xbd",
	 "\"\\ufffd\\ufffd\""},                       /* overlong CSI */
	{"\xe0\x80\x9b", "\xef\xbf\xbd", "\xef\xbf\xbd", "\"\\ufffd\""}, /* overlong */
	{"\xed\xa0\x80", "\xef\xbf\xbd", "\xef\xbf\xbd", "\"\\ufffd\""}, /* surrogate */
	{"\xf4\x90\x80\x80", "\xef\xbf\xbd", "\xef\xbf\xbd", "\"\\ufffd\""},
	{"end\xe2\x80", "end\xef\xbf\xbd", "end\xef\xbf\xbd", "\"end\\ufffd\""}, /* truncated */
	{"\xf0\x9f\x98\x80", "\xf0\x9f\x98\x80", "\xf0\x9f\x98\x80", "\"\xf0\x9f\x98\x80\""},
};

/* No output may contain ESC, a C1 byte pair or a raw bidi control. */
static int
clean(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	for (; *p; p++) {
		if (*p == 0x1b || *p == 0x7f || (*p < 0x20 && *p != '\n'))
			return 0;
		if (p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
			return 0;
		if (p[0] == 0xe2 && p[1] == 0x80 && p[2] >= 0xaa && p[2] <= 0xae)
			return 0;
		if (p[0] == 0xe2 && p[1] == 0x81 && p[2] >= 0xa6 && p[2] <= 0xa9)
			return 0;
	}
	return 1;
}

int
main(void)
{
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct buf b = {0};
		char *d = sanitize_dup(cases[i].in);

		CHECK_STR(d, cases[i].text);
		CHECK(clean(d));
		free(d);
		sanitize_text(&b, cases[i].in, false);
		CHECK_STR(b.s ? b.s : "", cases[i].block);
		CHECK(clean(b.s ? b.s : ""));
		buf_reset(&b);
		sanitize_json(&b, cases[i].in);
		CHECK_STR(b.s, cases[i].json);
		CHECK(clean(b.s));
		/* A diagnostic line: the same, but never a second line. */
		buf_reset(&b);
		sanitize_line(&b, cases[i].in);
		CHECK(clean(b.s ? b.s : "") && strchr(b.s ? b.s : "", '\n') == NULL);
		buf_free(&b);
	}
	{
		/* A key or a file name that would forge a line of its own. */
		struct buf b = {0};

		sanitize_line(&b, "fake.yaml\nsignpost: all checks passed\tok");
		CHECK_STR(b.s, "fake.yaml^Jsignpost: all checks passed^Iok");
		buf_free(&b);
	}
	return check_done();
}
