/*
 * i18n_text.c - whether a text from a table shows what it holds: no
 * invisible, format or tag character that could make two services look
 * alike on screen or hide part of a name, no text of combining marks
 * alone.  By ICU's character properties, so that it follows the Unicode
 * version ICU has.  Judges only; nothing is changed or printed.
 */
#include "i18n_impl.h"

#include <stdint.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "xmalloc.h"

/* The code point before index i of s (UTF-8), or -1. */
static UChar32
text_before(const char *s, int32_t i)
{
	UChar32 c;

	if (i <= 0)
		return -1;
	U8_PREV(s, 0, i, c);
	return c;
}

static bool
text_virama(UChar32 c)
{
	return c >= 0 && u_getCombiningClass(c) == 9;
}

/* The joining type of the nearest character, skipping transparent ones,
 * going back (dir -1) or on (dir 1) from byte i of s (len bytes). */
static int32_t
text_joining(const char *s, int32_t i, int32_t len, int dir)
{
	UChar32 c;

	for (;;) {
		if (dir < 0) {
			if (i <= 0)
				return U_JT_NON_JOINING;
			U8_PREV(s, 0, i, c);
		} else {
			if (i >= len)
				return U_JT_NON_JOINING;
			U8_NEXT(s, i, len, c);
		}
		if (c < 0)
			return U_JT_NON_JOINING;
		if (u_getIntPropertyValue(c, UCHAR_JOINING_TYPE) != U_JT_TRANSPARENT)
			return u_getIntPropertyValue(c, UCHAR_JOINING_TYPE);
	}
}

/*
 * Zero-width joiner and non-joiner are needed inside words of some
 * scripts (Persian, the Indic scripts): allowed where IDNA allows them
 * (RFC 5892, CONTEXTJ): after a virama, or a non-joiner between a letter
 * that joins to the left and one that joins to the right.  Anywhere else
 * they are invisible and change nothing but how a text compares.
 */
static bool
text_joiner_ok(const char *s, int32_t start, int32_t end, int32_t len, UChar32 c)
{
	int32_t before, after;

	if (text_virama(text_before(s, start)))
		return true;
	if (c != 0x200c)
		return false;
	before = text_joining(s, start, len, -1);
	after = text_joining(s, end, len, 1);
	return (before == U_JT_LEFT_JOINING || before == U_JT_DUAL_JOINING) &&
	       (after == U_JT_RIGHT_JOINING || after == U_JT_DUAL_JOINING);
}

enum i18n_shown
i18n_text_shown(const char *s, int32_t *cp)
{
	int32_t i = 0, len = (int32_t)strlen(s);
	bool seen = false, mark = false;

	*cp = -1;
	while (i < len) {
		int32_t start = i;
		unsigned char b = (unsigned char)s[i];
		UChar32 c;
		int8_t type;

		if (b < 0x80) {
			/* What ICU answers below for ASCII, without asking it (most
			 * text is ASCII; test_i18n_text compares every byte): no
			 * bidi control, nothing ignorable or a format character,
			 * no mark, and white space is TAB to CR and SPACE.  Once
			 * something was seen, ASCII changes nothing: it is stepped
			 * over a word at a time. */
			if (!seen) {
				seen = b != ' ' && (b < 0x09 || b > 0x0d);
				i++;
				continue;
			}
			for (;;) {
				uint64_t w;

				if (len - i < 8) {
					while (i < len && (unsigned char)s[i] < 0x80)
						i++;
					break;
				}
				memcpy(&w, s + i, sizeof w);
				if ((w & 0x8080808080808080u) != 0) {
					while ((unsigned char)s[i] < 0x80)
						i++;
					break;
				}
				i += 8;
			}
			continue;
		}
		U8_NEXT(s, i, len, c);
		if (c < 0)
			continue; /* invalid UTF-8 is the YAML reader's to refuse */
		type = u_charType(c);
		*cp = c;
		if (u_hasBinaryProperty(c, UCHAR_BIDI_CONTROL))
			return I18N_SHOWN_BIDI;
		if ((c == 0x200c || c == 0x200d) && text_joiner_ok(s, start, i, len, c))
			continue;
		if (u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT))
			return I18N_SHOWN_INVISIBLE;
		if (type == U_FORMAT_CHAR)
			return I18N_SHOWN_FORMAT;
		if (type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK ||
		    type == U_ENCLOSING_MARK)
			mark = true;
		else if (!u_isUWhiteSpace(c))
			seen = true;
	}
	*cp = -1;
	return seen || !mark ? I18N_SHOWN_OK : I18N_SHOWN_MARKS;
}

char *
i18n_char_name(int32_t cp)
{
	UErrorCode st = U_ZERO_ERROR;
	char name[128];
	int32_t n = u_charName(cp, U_EXTENDED_CHAR_NAME, name, sizeof name, &st);

	if (U_FAILURE(st) || n <= 0 || n >= (int32_t)sizeof name)
		return xasprintf("U+%04X", (unsigned)cp);
	return xasprintf("U+%04X %s", (unsigned)cp, name);
}
