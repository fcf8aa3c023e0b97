/*
 * prompt.c - the interactive session (placeholder until the session lands).
 */
#include "prompt.h"

#include "cli.h"

int
prompt_run(struct prompt_session *s)
{
	(void)s;
	return EXIT_USAGE;
}
