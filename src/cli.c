/*
 * cli.c - the option table and its parser.  Sorted long options, one
 * struct out, no I/O.
 */
#include "cli.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "table.h"

const char *const cli_synopsis[] = {
	"signpost [options] [-c COUNTRY] [-l LANGUAGE[,LANGUAGE...]]",
	"signpost [options] --show ID",
	"signpost [options] --list countries|languages|services|ui-languages|sources",
	"signpost [options] --check [FILE]",
	"signpost --help | --version",
	NULL,
};

const struct cli_help cli_help[] = {
	{"-c, --country COUNTRY", "help.country"},
	{"-l, --language LANGUAGES", "help.language"},
	{"-a, --audience WHO", "help.audience"},
	{"-f, --format FORMAT", "help.format"},
	{"-v, --verbose", "help.verbose"},
	{"    --open-now", "help.open_now"},
	{"    --at DATETIME", "help.at"},
	{"    --show ID", "help.show"},
	{"    --list WHAT", "help.list"},
	{"    --check [FILE]", "help.check"},
	{"    --stale DAYS", "help.stale"},
	{"    --data FILE", "help.data"},
	{"    --ui-language TAG", "help.ui_language"},
	{"    --color WHEN", "help.color"},
	{"    --no-input", "help.no_input"},
	{"    --discreet", "help.discreet"},
	{"-h, --help", "help.help"},
	{"-V, --version", "help.version"},
	{NULL, NULL},
};

const char *const cli_lists[] = {"countries",    "languages", "services",
				 "ui-languages", "sources",   NULL};

enum {
	OPT_AT = 256,
	OPT_CHECK,
	OPT_COLOR,
	OPT_DATA,
	OPT_DISCREET,
	OPT_LIST,
	OPT_NO_INPUT,
	OPT_OPEN_NOW,
	OPT_SHOW,
	OPT_STALE,
	OPT_UI_LANGUAGE,
};

static const struct option cli_longopts[] = {
	{"at", required_argument, NULL, OPT_AT},
	{"audience", required_argument, NULL, 'a'},
	{"check", no_argument, NULL, OPT_CHECK},
	{"color", required_argument, NULL, OPT_COLOR},
	{"colour", required_argument, NULL, OPT_COLOR},
	{"country", required_argument, NULL, 'c'},
	{"data", required_argument, NULL, OPT_DATA},
	{"discreet", no_argument, NULL, OPT_DISCREET},
	{"format", required_argument, NULL, 'f'},
	{"help", no_argument, NULL, 'h'},
	{"language", required_argument, NULL, 'l'},
	{"list", required_argument, NULL, OPT_LIST},
	{"no-input", no_argument, NULL, OPT_NO_INPUT},
	{"open-now", no_argument, NULL, OPT_OPEN_NOW},
	{"show", required_argument, NULL, OPT_SHOW},
	{"stale", required_argument, NULL, OPT_STALE},
	{"ui-language", required_argument, NULL, OPT_UI_LANGUAGE},
	{"verbose", no_argument, NULL, 'v'},
	{"version", no_argument, NULL, 'V'},
	{NULL, 0, NULL, 0},
};

static int
cli_audience(const char *s, unsigned *bits)
{
	char *copy = strdup(s), *p, *save = NULL;
	int ok = copy != NULL;

	for (p = copy ? strtok_r(copy, ",", &save) : NULL; p; p = strtok_r(NULL, ",", &save)) {
		if (strcmp(p, "self") == 0)
			*bits |= AUDIENCE_SELF;
		else if (strcmp(p, "close") == 0)
			*bits |= AUDIENCE_CLOSE;
		else if (strcmp(p, "professional") == 0)
			*bits |= AUDIENCE_PROFESSIONAL;
		else if (strcmp(p, "all") == 0)
			*bits |= AUDIENCE_SELF | AUDIENCE_CLOSE | AUDIENCE_PROFESSIONAL;
		else
			ok = 0;
	}
	free(copy);
	return ok && *bits ? 0 : -1;
}

int
cli_parse(int argc, char **argv, struct options *o, const char **cause, const char **arg)
{
	int c, actions = 0;
	bool verbose = false;
	char *end;
	long v;

	memset(o, 0, sizeof *o);
	o->stale_days = -1;
	o->action = ACTION_INTERACTIVE;
	*cause = NULL;
	*arg = NULL;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":a:c:f:hl:vV", cli_longopts, NULL)) != -1) {
		switch (c) {
		case 'a':
			if (cli_audience(optarg, &o->audience) == -1) {
				*cause = "error.bad_audience";
				*arg = optarg;
				return -1;
			}
			break;
		case 'c':
			o->country = optarg;
			break;
		case 'f':
			if (strcmp(optarg, "text") == 0)
				o->format = FORMAT_TEXT;
			else if (strcmp(optarg, "json") == 0)
				o->format = FORMAT_JSON;
			else if (strcmp(optarg, "card") == 0)
				o->format = FORMAT_CARD;
			else if (strcmp(optarg, "full") == 0)
				o->format = FORMAT_FULL;
			else if (strcmp(optarg, "sms") == 0)
				o->format = FORMAT_SMS;
			else {
				*cause = "error.bad_format";
				*arg = optarg;
				return -1;
			}
			break;
		case 'h':
			o->action = ACTION_HELP;
			return 0;
		case 'l':
			o->language = optarg;
			break;
		case 'v':
			verbose = true;
			break;
		case 'V':
			o->action = ACTION_VERSION;
			return 0;
		case OPT_AT:
			o->at = optarg;
			break;
		case OPT_CHECK:
			o->action = ACTION_CHECK;
			actions++;
			break;
		case OPT_COLOR:
			if (strcmp(optarg, "auto") == 0)
				o->color = COLOR_AUTO;
			else if (strcmp(optarg, "always") == 0)
				o->color = COLOR_ALWAYS;
			else if (strcmp(optarg, "never") == 0)
				o->color = COLOR_NEVER;
			else {
				*cause = "error.bad_color";
				*arg = optarg;
				return -1;
			}
			break;
		case OPT_DATA:
			o->data = optarg;
			break;
		case OPT_DISCREET:
			o->discreet = true;
			break;
		case OPT_LIST: {
			size_t i;

			for (i = 0; cli_lists[i] && strcmp(cli_lists[i], optarg) != 0; i++)
				;
			if (cli_lists[i] == NULL) {
				*cause = "error.bad_list";
				*arg = optarg;
				return -1;
			}
			o->list = optarg;
			o->action = ACTION_LIST;
			actions++;
			break;
		}
		case OPT_NO_INPUT:
			o->no_input = true;
			break;
		case OPT_OPEN_NOW:
			o->open_now = true;
			break;
		case OPT_SHOW:
			o->show = optarg;
			o->action = ACTION_SHOW;
			actions++;
			break;
		case OPT_STALE:
			v = strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || v < 0 || v > 100000) {
				*cause = "error.bad_stale";
				*arg = optarg;
				return -1;
			}
			o->stale_days = (int)v;
			break;
		case OPT_UI_LANGUAGE:
			o->ui_language = optarg;
			break;
		case ':':
			*cause = "error.missing_argument";
			*arg = argv[optind - 1];
			return -1;
		default:
			*cause = "error.unknown_option";
			*arg = argv[optind - 1];
			return -1;
		}
	}
	if (actions > 1) {
		*cause = "error.one_action";
		return -1;
	}
	if (optind < argc) {
		if (o->action == ACTION_CHECK && optind == argc - 1) {
			o->check_file = argv[optind];
		} else {
			*cause = "error.extra_argument";
			*arg = argv[optind];
			return -1;
		}
	}
	if (o->stale_days >= 0 && o->action != ACTION_CHECK) {
		*cause = "error.stale_without_check";
		return -1;
	}
	/* --verbose is the full view of text output. */
	if (verbose && o->format == FORMAT_TEXT)
		o->format = FORMAT_FULL;
	if (o->action == ACTION_INTERACTIVE && (o->country || o->language))
		o->action = ACTION_LOOKUP;
	return 0;
}
