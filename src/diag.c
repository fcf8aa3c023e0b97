/*
 * diag.c - writes diagnostics to stderr, sanitized so that nothing a user
 * typed or a table contains can drive the terminal.
 */
#include "diag.h"

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

static void SP_PRINTF(2, 0)
diag_out(const char *prefix, const char *fmt, va_list ap)
{
	char *msg = xvasprintf(fmt, ap);
	struct buf b = {0};

	/* In a right-to-left UI the line starts right to left, and the
	 * program's name stays a left-to-right island in it. */
	if (diag_ui != NULL && i18n_rtl(diag_ui) && *prefix != '\0')
		buf_addf(&b, "\xe2\x80\x8f\xe2\x81\xa6%.*s\xe2\x81\xa9 ", (int)strlen(prefix) - 1,
			 prefix);
	else if (diag_ui != NULL && i18n_rtl(diag_ui))
		buf_add(&b, "\xe2\x80\x8f");
	else
		buf_add(&b, prefix);
	sanitize_text(&b, msg, false);
	buf_addc(&b, '\n');
	fflush(stdout);
	{
		size_t n;
		char *conv = diag_ui ? i18n_to_terminal(diag_ui, b.s, b.len, &n) : NULL;

		if (conv != NULL) {
			fwrite(conv, 1, n, stderr);
			free(conv);
		} else {
			fputs(b.s, stderr);
		}
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
