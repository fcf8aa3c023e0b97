/*
 * sanitize.c - terminal-safe and JSON-safe text.  A hand-written UTF-8
 * decoder keeps this file free of ICU so it stays pure and fuzzable.
 */
#include "sanitize.h"

#include <stdint.h>
#include <string.h>

/* Decodes one UTF-8 sequence; returns its length, *cp = -1 if invalid. */
static size_t
sanitize_next(const unsigned char *s, int32_t *cp)
{
	unsigned char c = s[0];
	size_t n, i;
	int32_t v;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xc2 && c <= 0xdf) {
		n = 2;
		v = c & 0x1f;
	} else if (c >= 0xe0 && c <= 0xef) {
		n = 3;
		v = c & 0x0f;
	} else if (c >= 0xf0 && c <= 0xf4) {
		n = 4;
		v = c & 0x07;
	} else {
		*cp = -1;
		return 1;
	}
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80) {
			*cp = -1;
			return i;
		}
		v = (v << 6) | (s[i] & 0x3f);
	}
	if ((n == 3 && v < 0x800) || (n == 4 && (v < 0x10000 || v > 0x10ffff)) ||
	    (v >= 0xd800 && v <= 0xdfff)) {
		*cp = -1;
		return n;
	}
	*cp = v;
	return n;
}

static bool
sanitize_bidi(int32_t c)
{
	return c == 0x061c || c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e) ||
	       (c >= 0x2066 && c <= 0x2069);
}

/* How newlines and tabs come out. */
enum sanitize_lines { LINES_KEEP, LINES_SPACE, LINES_SHOW };

static void
sanitize_mode(struct buf *b, const char *s, enum sanitize_lines lines)
{
	const unsigned char *p = (const unsigned char *)s;

	while (*p) {
		int32_t c;
		size_t n = sanitize_next(p, &c);

		if (c < 0) {
			buf_add(b, "\xef\xbf\xbd");
		} else if ((c == '\n' || c == '\t') && lines == LINES_SPACE) {
			buf_addc(b, ' ');
		} else if (c == '\n' && lines == LINES_KEEP) {
			buf_addc(b, '\n');
		} else if (c < 0x20) {
			buf_addc(b, '^');
			buf_addc(b, (char)(c + 0x40));
		} else if (c == 0x7f) {
			buf_add(b, "^?");
		} else if ((c >= 0x80 && c < 0xa0) || sanitize_bidi(c) || c == 0x2028 ||
			   c == 0x2029) {
			buf_addf(b, "<U+%04X>", (unsigned)c);
		} else {
			buf_addn(b, (const char *)p, n);
		}
		p += n;
	}
}

void
sanitize_text(struct buf *b, const char *s, bool oneline)
{
	sanitize_mode(b, s, oneline ? LINES_SPACE : LINES_KEEP);
}

void
sanitize_line(struct buf *b, const char *s)
{
	sanitize_mode(b, s, LINES_SHOW);
}

char *
sanitize_dup(const char *s)
{
	struct buf b = {0};

	sanitize_text(&b, s, true);
	return buf_detach(&b);
}

void
sanitize_json(struct buf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	buf_addc(b, '"');
	while (*p) {
		int32_t c;
		size_t n = sanitize_next(p, &c);

		if (c < 0)
			buf_add(b, "\\ufffd");
		else if (c == '"')
			buf_add(b, "\\\"");
		else if (c == '\\')
			buf_add(b, "\\\\");
		else if (c == '\n')
			buf_add(b, "\\n");
		else if (c == '\t')
			buf_add(b, "\\t");
		else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || sanitize_bidi(c) ||
			 c == 0x2028 || c == 0x2029)
			buf_addf(b, "\\u%04x", (unsigned)c);
		else
			buf_addn(b, (const char *)p, n);
		p += n;
	}
	buf_addc(b, '"');
}
