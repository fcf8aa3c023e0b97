/*
 * diag.c - writes diagnostics to stderr, sanitized so that nothing a user
 * typed or a table contains can drive the terminal.
 */
#include "diag.h"

#include <langinfo.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "sanitize.h"

/* The diagnostics mode: the UI whose character set stderr uses. */
static struct i18n *diag_ui;

void
diag_set_ui(struct i18n *ui)
{
	diag_ui = ui;
}

/*
 * Before the UI is known, on a terminal that is not UTF-8: ASCII only,
 * every other character a "?".  Raw UTF-8 there would be read as Latin
 * letters and C1 controls (the 0x80 to 0x9F bytes of its sequences).
 */
static void
diag_ascii(struct buf *b)
{
	size_t i, k = 0;

	for (i = 0; i < b->len; i++) {
		unsigned char c = (unsigned char)b->s[i];

		if (c < 0x80)
			b->s[k++] = (char)c;
		else if ((c & 0xc0) != 0x80)
			b->s[k++] = '?';
	}
	b->len = k;
	if (b->s != NULL)
		b->s[k] = '\0';
}

static void diag_out(const char *prefix, const char *fmt, va_list ap) SP_PRINTF(2, 0);

static void
diag_out(const char *prefix, const char *fmt, va_list ap)
{
	char *msg = xvasprintf(fmt, ap), *conv = NULL;
	struct buf b = {0};
	size_t n;

	/* In a right-to-left UI the line starts right to left, and the
	 * program's name stays a left-to-right island in it.  One line,
	 * always: a newline in a file name, a key or a value is shown (^J),
	 * so no data can print a line that looks like ours. */
	if (diag_ui != NULL && i18n_rtl(diag_ui) && *prefix != '\0')
		buf_addf(&b, "\xe2\x80\x8f\xe2\x81\xa6%.*s\xe2\x81\xa9 ", (int)strlen(prefix) - 1,
			 prefix);
	else if (diag_ui != NULL && i18n_rtl(diag_ui))
		buf_add(&b, "\xe2\x80\x8f");
	else
		buf_add(&b, prefix);
	sanitize_line(&b, msg);
	buf_addc(&b, '\n');
	fflush(stdout);
	if (diag_ui != NULL)
		conv = i18n_to_terminal(diag_ui, b.s, b.len, &n);
	else if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
		diag_ascii(&b);
	if (conv != NULL) {
		fwrite(conv, 1, n, stderr);
		free(conv);
	} else {
		fwrite(b.s, 1, b.len, stderr);
	}
	buf_free(&b);
	free(msg);
}

void
diag_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_out("signpost: ", fmt, ap);
	va_end(ap);
}

void
diag_warning(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_out("signpost: warning: ", fmt, ap);
	va_end(ap);
}

void
diag_note(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_out("", fmt, ap);
	va_end(ap);
}
