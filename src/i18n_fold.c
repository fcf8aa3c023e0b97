/*
 * i18n_fold.c - how names are compared: case and accent folding of what a
 * person typed and of every name names.cache holds (the build tool folds
 * with this same code, so a key and a query always agree); near misses
 * are measured by distance.h.  No name data here, nothing that
 * allocates beyond the results, nothing that prints.
 */
#include "i18n_impl.h"

#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include "xmalloc.h"

/* Apostrophes vanish ("Côte d'Ivoire" == "cote divoire"); other punctuation
 * and white space separate words; everything else is text. */
enum fold_class { FOLD_TEXT, FOLD_SEP, FOLD_DROP };

static enum fold_class
fold_class(UChar32 c)
{
	if (c == '\'' || c == '`' || c == 0x2018 || c == 0x2019 || c == 0x02bc || c == 0x00b4)
		return FOLD_DROP;
	if (u_isUWhiteSpace(c) || u_ispunct(c) || u_iscntrl(c))
		return FOLD_SEP;
	return FOLD_TEXT;
}

/* Appends the canonical decomposition of c, without nonspacing marks. */
static int32_t
fold_decompose(const UNormalizer2 *nfd, UChar32 c, UChar *out, int32_t cap)
{
	UChar d[32];
	UErrorCode st = U_ZERO_ERROR;
	int32_t dn = -1, i = 0, n = 0;
	UChar32 e;

	if (nfd != NULL)
		dn = unorm2_getDecomposition(nfd, c, d, (int32_t)(sizeof d / sizeof d[0]), &st);
	if (U_FAILURE(st) || dn < 0) {
		dn = 0;
		U16_APPEND_UNSAFE(d, dn, c);
	}
	while (i < dn) {
		U16_NEXT(d, i, dn, e);
		if (u_charType(e) == U_NON_SPACING_MARK)
			continue;
		if (n + U16_LENGTH(e) > cap)
			break;
		U16_APPEND_UNSAFE(out, n, e);
	}
	return n;
}

/*
 * Folds one code point: canonical decomposition, nonspacing marks dropped,
 * default (locale-independent) full case folding, decomposed again.  This
 * is the caseless match of Unicode D145 without accents; default folding
 * keeps Turkish dotted and dotless i apart from the process's locale.
 * Returns the number of code points written to out (at most 16).
 */
static int
fold_cp(const UNormalizer2 *nfd, UChar32 c, UChar32 *out)
{
	UChar a[32], f[64], g[32];
	UErrorCode st = U_ZERO_ERROR;
	int32_t an, fn, gn, i = 0, j;
	int n = 0;
	UChar32 e, h;

	if ((an = fold_decompose(nfd, c, a, 32)) == 0)
		return 0;
	fn = u_strFoldCase(f, 64, a, an, U_FOLD_CASE_DEFAULT, &st);
	if (U_FAILURE(st) || fn > 64) {
		memcpy(f, a, (size_t)an * sizeof a[0]);
		fn = an;
	}
	while (i < fn && n < 16) {
		U16_NEXT(f, i, fn, e);
		gn = fold_decompose(nfd, e, g, 32);
		for (j = 0; j < gn && n < 16;) {
			U16_NEXT(g, j, gn, h);
			out[n++] = h;
		}
	}
	return n;
}

UChar32 *
i18n_fold(const UChar *s, int32_t len, int32_t *flen)
{
	UErrorCode st = U_ZERO_ERROR;
	const UNormalizer2 *nfd = unorm2_getNFDInstance(&st);
	UChar32 *f = NULL, buf[16], c;
	size_t cap = 0, n = 0;
	int32_t pos = 0;
	int k, i;
	bool started = false, space = false;

	if (U_FAILURE(st))
		nfd = NULL;
	/* Runs of separators become one space, none at either end. */
	while (pos < len) {
		U16_NEXT(s, pos, len, c);
		switch (fold_class(c)) {
		case FOLD_DROP:
			continue;
		case FOLD_SEP:
			space = started;
			continue;
		case FOLD_TEXT:
			break;
		}
		if ((k = fold_cp(nfd, c, buf)) == 0)
			continue;
		if (n + (size_t)k + 2 > cap) {
			cap = cap ? cap * 2 : 64;
			f = xreallocarray(f, cap, sizeof *f);
		}
		if (space)
			f[n++] = ' ';
		for (i = 0; i < k; i++)
			f[n++] = buf[i];
		started = true;
		space = false;
	}
	if (f == NULL)
		f = xcalloc(1, sizeof *f);
	*flen = (int32_t)n;
	return f;
}

UChar32 *
i18n_fold8(const char *s, int32_t *flen)
{
	int32_t len;
	UChar *u = i18n_u16(s, &len);
	UChar32 *f;

	if (u == NULL)
		return NULL;
	f = i18n_fold(u, len, flen);
	free(u);
	return f;
}

size_t
i18n_fold_utf8(const UChar32 *q, int32_t n, char *out)
{
	int32_t i;
	size_t len = 0;

	for (i = 0; i < n; i++) {
		UBool err = 0;

		U8_APPEND((uint8_t *)out, len, (size_t)n * 4, q[i], err);
		(void)err;
	}
	return len;
}

int32_t
i18n_fold_decode(const char *key, size_t klen, UChar32 *out, int32_t cap)
{
	int32_t j = 0, n = 0;
	UChar32 c;

	while (j < (int32_t)klen && n < cap) {
		U8_NEXT((const uint8_t *)key, j, (int32_t)klen, c);
		out[n++] = c;
	}
	return n;
}
