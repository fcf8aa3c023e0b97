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
	struct i18n *ui; /* the worker's language; may be replaced */
	const char *locales_dir;
	const char *datadir; /* for the names cache of a new UI context */
	const struct table *t;
	struct render *r; /* output settings (width, colour, now) */
	unsigned audience;
	bool open_now;
	double now; /* --at, if given */
	bool at_given;
	bool discreet; /* clear the screen and scrollback at the end */
};

/*
 * Runs the session on the terminal (stdin and stdout must be terminals)
 * until quit or end of input, and returns the exit status: 0 after quit or
 * Ctrl-D, 128 + the signal number after SIGTERM or SIGHUP, EXIT_IO when
 * the terminal fails.  s->ui (and s->r->ui) may be replaced by the "ui"
 * command: the caller frees s->ui afterwards, not the one it passed in.
 * s->r is restored as it was given, except ui, width and now.
 */
int prompt_run(struct prompt_session *s);

#endif
