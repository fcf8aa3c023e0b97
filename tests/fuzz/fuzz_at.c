/*
 * fuzz_at.c - libFuzzer harness for the --at parser (i18n_parse_datetime):
 * any text, in a worker's zone with daylight saving (Europe/Prague) and in
 * one with a half-hour change (Australia/Lord_Howe).  Never a crash; a
 * time it takes is a finite instant; a local time daylight saving made
 * doubtful comes with a note, an exact one without; and an instant read
 * with an explicit offset is the same in every worker's zone.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "i18n_impl.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct i18n *prague, *howe;

static struct i18n *
fuzz_ui(const char *zone)
{
	char *cause = NULL;
	struct i18n *ui = i18n_open_tag("en", SIGNPOST_FUZZ_LOCALES, &cause);

	if (ui == NULL)
		abort();
	i18n_set_datadir(ui, SIGNPOST_FUZZ_DATADIR);
	snprintf(ui->worker_zone, sizeof ui->worker_zone, "%s", zone);
	return ui;
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	prague = fuzz_ui("Europe/Prague");
	howe = fuzz_ui("Australia/Lord_Howe");
	return 0;
}

static int
fuzz_one(struct i18n *ui, const char *s, double *t)
{
	int fit = i18n_parse_datetime(ui, s, t);
	char *note;

	if (fit == -1)
		return -1;
	if (fit < I18N_AT_EXACT || fit > I18N_AT_REPEATED || !isfinite(*t))
		abort();
	note = i18n_at_note(ui, s, *t, fit);
	if ((note == NULL) != (fit == I18N_AT_EXACT) && fit != I18N_AT_REPEATED)
		abort();
	free(note);
	return fit;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s;
	double a = 0, b = 0;
	int fa, fb;

	if (size > 64)
		return 0;
	if ((s = malloc(size + 1)) == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	fa = fuzz_one(prague, s, &a);
	fb = fuzz_one(howe, s, &b);
	/* Taken in one zone, taken in the other (the grammar is the same). */
	if ((fa == -1) != (fb == -1))
		abort();
	/* With an offset, the zone does not matter. */
	if (fa != -1 && (strchr(s, 'Z') != NULL || strchr(s + (size > 10 ? 10 : size), '+') != NULL) &&
	    a != b)
		abort();
	free(s);
	return 0;
}
