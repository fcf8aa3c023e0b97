/*
 * i18n_layout.c - how things are put together for the UI locale: lists
 * (ICU's list formatter), numbers in the locale's digits.  Line breaking,
 * display widths and the terminal's character set are in i18n.c.
 */
#include <stdlib.h>
#include <string.h>

#include <unicode/ulistformatter.h>
#include <unicode/unum.h>

#include "i18n_impl.h"
#include "xmalloc.h"

char *
i18n_list(struct i18n *ui, const char *const *items, size_t n, enum i18n_list type)
{
	UErrorCode status = U_ZERO_ERROR;
	UListFormatter *lf;
	UChar **u, *out = NULL;
	int32_t *lens, len = 0;
	size_t i;
	char *s = NULL;

	if (n == 0)
		return xstrdup("");
	if (n == 1)
		return xstrdup(items[0]);
	lf = ulistfmt_openForType(ui->locale,
				  type == I18N_LIST_OR ? ULISTFMT_TYPE_OR : ULISTFMT_TYPE_AND,
				  ULISTFMT_WIDTH_WIDE, &status);
	u = xcalloc(n, sizeof *u);
	lens = xcalloc(n, sizeof *lens);
	for (i = 0; i < n; i++)
		u[i] = i18n_u16(items[i], &lens[i]);
	for (i = 0; i < n; i++)
		if (u[i] == NULL)
			status = U_INVALID_CHAR_FOUND;
	if (U_SUCCESS(status)) {
		len = ulistfmt_format(lf, (const UChar *const *)u, lens, (int32_t)n, NULL, 0,
				      &status);
		if (status == U_BUFFER_OVERFLOW_ERROR) {
			status = U_ZERO_ERROR;
			out = xreallocarray(NULL, (size_t)len + 1, sizeof *out);
			ulistfmt_format(lf, (const UChar *const *)u, lens, (int32_t)n, out, len + 1,
					&status);
		}
	}
	if (out != NULL && U_SUCCESS(status))
		s = i18n_u8(out, len);
	for (i = 0; i < n; i++)
		free(u[i]);
	free(u);
	free(lens);
	free(out);
	if (lf != NULL)
		ulistfmt_close(lf);
	if (s == NULL) {
		/* Should ICU fail, the items are still all shown. */
		struct buf b = {0};

		for (i = 0; i < n; i++) {
			if (i)
				buf_add(&b, ", ");
			buf_add(&b, items[i]);
		}
		s = buf_detach(&b);
	}
	return s;
}

char *
i18n_number(struct i18n *ui, double n)
{
	return i18n_fmt(ui, "format.number", "n", n);
}
