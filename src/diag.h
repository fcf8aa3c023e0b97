/*
 * diag.h - the one sink for errors, warnings and notes on stderr, in the
 * form "signpost: FILE:LINE:COLUMN: what".  Messages carry no trailing
 * newline; diag adds it.  Part of the UI layer.
 */
#ifndef SIGNPOST_DIAG_H
#define SIGNPOST_DIAG_H

#include "xmalloc.h"

struct i18n;

/* Diagnostics follow the terminal's character set once the UI is known
 * (converted or transliterated, never raw UTF-8 on a Latin-2 terminal);
 * before that, and with NULL, they are written as UTF-8. */
void diag_set_ui(struct i18n *ui);
void diag_error(const char *fmt, ...) SP_PRINTF(1, 2);
void diag_warning(const char *fmt, ...) SP_PRINTF(1, 2);
/* A plain line on stderr without the program name (hints, lists). */
void diag_note(const char *fmt, ...) SP_PRINTF(1, 2);

#endif
