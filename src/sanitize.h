/*
 * sanitize.h - makes text from data or from the user safe to show: no byte
 * may drive the terminal.  C0 and C1 controls, DEL, and Unicode bidi
 * controls (embeddings, overrides, isolates, marks) become visible
 * placeholders; invalid UTF-8 becomes U+FFFD.  Also JSON string escaping.
 * Pure functions, no I/O.
 */
#ifndef SIGNPOST_SANITIZE_H
#define SIGNPOST_SANITIZE_H

#include <stdbool.h>

#include "xmalloc.h"

/* Appends s to b with every control made visible: C0 as ^X (caret
 * notation), DEL as ^?, C1 and bidi controls as <U+XXXX>; tabs and
 * newlines become spaces when oneline is true. */
void sanitize_text(struct buf *b, const char *s, bool oneline);
/* Appends s to b as exactly one line: newlines and tabs too are shown,
 * as ^J and ^I, so that no text can start a line of its own (a forged
 * "all checks passed" in a diagnostic). */
void sanitize_line(struct buf *b, const char *s);
/* Returns an allocated sanitized copy of s (one line). */
char *sanitize_dup(const char *s);
/* Appends s to b as a JSON string (with quotes), escaping controls, C1,
 * bidi controls, U+2028/9 and invalid UTF-8 (as U+FFFD). */
void sanitize_json(struct buf *b, const char *s);

#endif
