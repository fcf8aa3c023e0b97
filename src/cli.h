/*
 * cli.h - the command line: argv -> struct options.  Parsing only: no
 * output, no exit.  "Help requested" is a parse result, not an exit deep
 * inside (curl's tool layer does the same).
 */
#ifndef SIGNPOST_CLI_H
#define SIGNPOST_CLI_H

#include <stdbool.h>

enum cli_format { FORMAT_TEXT, FORMAT_FULL, FORMAT_JSON, FORMAT_CARD, FORMAT_SMS };
enum cli_color { COLOR_AUTO, COLOR_ALWAYS, COLOR_NEVER };
enum cli_action {
	ACTION_LOOKUP,
	ACTION_SHOW,
	ACTION_LIST,
	ACTION_CHECK,
	ACTION_HELP,
	ACTION_VERSION,
	ACTION_INTERACTIVE
};

struct options {
	enum cli_action action;
	const char *country, *language, *data, *ui_language, *show, *list, *at;
	const char *check_file; /* --check FILE; NULL: the table in use */
	enum cli_format format;
	enum cli_color color;
	unsigned audience; /* AUDIENCE_* bits; 0: the default */
	int stale_days;    /* -1: off */
	bool open_now, no_input, discreet;
};

/* Exit statuses, documented in signpost(1). */
#define EXIT_MATCH   0
#define EXIT_NOMATCH 1
#define EXIT_USAGE   2
#define EXIT_DATA    3
#define EXIT_IO      4

/*
 * Parses argv.  Returns 0, or -1 with *cause set to an English-independent
 * message key and *arg to the offending text (owned by argv): the caller
 * formats it with the catalog.
 */
int cli_parse(int argc, char **argv, struct options *o, const char **cause, const char **arg);

/* The usage synopsis, one line per form, without the word "Usage:"; the
 * same lines are the SYNOPSIS of signpost(1). */
extern const char *const cli_synopsis[];
/* Option names and the catalog key of their help text, in order. */
struct cli_help {
	const char *flags; /* "-c, --country COUNTRY" */
	const char *key;   /* "help.country" */
};
extern const struct cli_help cli_help[];
/* The values --list takes. */
extern const char *const cli_lists[];

#endif
