/*
 * test_i18n_text.c - i18n_text_shown: whether a text of a table shows
 * what it holds.  Its answer for ASCII is computed without ICU; here it
 * is compared, for every ASCII character alone and inside text, with
 * what ICU's properties say, and the classes it refuses are checked on
 * characters of each.
 */
#include <stdio.h>
#include <string.h>

#include <unicode/uchar.h>

#include "check.h"
#include "i18n.h"

/* The answer from ICU's properties alone, for one character c followed
 * by letters (so "no visible character" is not the question). */
static enum i18n_shown
by_icu(UChar32 c)
{
	int8_t type = u_charType(c);

	if (u_hasBinaryProperty(c, UCHAR_BIDI_CONTROL))
		return I18N_SHOWN_BIDI;
	if (u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT))
		return I18N_SHOWN_INVISIBLE;
	if (type == U_FORMAT_CHAR)
		return I18N_SHOWN_FORMAT;
	return I18N_SHOWN_OK;
}

static void
test_ascii(void)
{
	int c;

	for (c = 1; c < 0x80; c++) {
		char one[2] = {(char)c, '\0'}, text[8] = {'a', (char)c, 'b', '\0'};
		int32_t cp;
		bool white = u_isUWhiteSpace(c);

		/* Inside text: what ICU's properties say. */
		CHECK(i18n_text_shown(text, &cp) == by_icu(c));
		/* Alone: a character that is not white space is seen; white
		 * space alone carries no mark, so it is fine too. */
		CHECK(i18n_text_shown(one, &cp) == I18N_SHOWN_OK);
		CHECK(white == (c == ' ' || (c >= 0x09 && c <= 0x0d)));
	}
}

static void
test_classes(void)
{
	int32_t cp;

	CHECK(i18n_text_shown("Call \xe2\x80\xae" "evil", &cp) == I18N_SHOWN_BIDI); /* RLO */
	CHECK(cp == 0x202e);
	CHECK(i18n_text_shown("a\xe2\x80\x8b" "b", &cp) == I18N_SHOWN_INVISIBLE); /* ZWSP */
	CHECK(cp == 0x200b);
	CHECK(i18n_text_shown("\xcc\x81\xcc\x81", &cp) == I18N_SHOWN_MARKS); /* marks alone */
	CHECK(i18n_text_shown("e\xcc\x81", &cp) == I18N_SHOWN_OK);           /* é, decomposed */
	CHECK(i18n_text_shown("\xc4\x8d" "e\xc5\xa1tina", &cp) == I18N_SHOWN_OK);
	/* A zero-width joiner after a virama belongs to the script. */
	CHECK(i18n_text_shown("\xe0\xa4\x95\xe0\xa5\x8d\xe2\x80\x8d\xe0\xa4\xb7", &cp) ==
	      I18N_SHOWN_OK);
	CHECK(i18n_text_shown("", &cp) == I18N_SHOWN_OK);
}

/* ASCII after something seen is stepped over a word at a time: a control
 * after any length of it, at any alignment, is still found. */
static void
test_runs(void)
{
	static const char *const tail[] = {"\xe2\x80\xae", "\xe2\x80\x8b", "\xcc\x81"};
	static const enum i18n_shown want[] = {I18N_SHOWN_BIDI, I18N_SHOWN_INVISIBLE, I18N_SHOWN_OK};
	char text[64];
	int32_t cp;

	for (size_t k = 0; k < 3; k++)
		for (size_t n = 1; n < 40; n++) {
			memset(text, 'x', n);
			snprintf(text + n, sizeof text - n, "%s yz", tail[k]);
			if (i18n_text_shown(text, &cp) != want[k])
				fprintf(stderr, "%zu ASCII bytes, then tail %zu: wrong\n", n, k);
			CHECK(i18n_text_shown(text, &cp) == want[k]);
		}
}

int
main(void)
{
	test_ascii();
	test_classes();
	test_runs();
	return check_done();
}
