/*
 * prompt.h - the interactive session at a helpline worker's terminal,
 * with GNU readline: country, language, results, then short commands.
 * History lives in memory only; nothing is ever written to disk.
 */
#ifndef SIGNPOST_PROMPT_H
#define SIGNPOST_PROMPT_H

#include <stdbool.h>

#include "i18n.h"
#include "render.h"
#include "table.h"

struct prompt_session {
	struct i18n *ui;          /* the worker's language; may be replaced */
	const char *locales_dir;
	const struct table *t;
	struct render *r;         /* output settings (width, colour, now) */
	unsigned audience;
	bool open_now;
	bool discreet;            /* clear the screen and scrollback at the end */
};

/* Runs the session until quit or end of input; returns the exit status. */
int prompt_run(struct prompt_session *s);

#endif
