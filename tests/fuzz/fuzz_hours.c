/*
 * fuzz_hours.c - libFuzzer harness for the opening-hours window parser:
 * arbitrary bytes, NUL-terminated; a parsed window must be in range and
 * a refusal must point inside the string.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "hours.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct hours_window w;
	char *s, *cause = NULL;
	int col = 0;

	if (size > 4096)
		return 0;
	s = malloc(size + 1);
	if (s == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	if (hours_parse_window(s, &w, &cause, &col) == 0) {
		if (w.days == 0 || w.days > 0x7f || w.start < 0 || w.start > 1440 || w.end < 0 ||
		    w.end > 1440)
			abort();
	} else {
		if (cause == NULL || col < 1 || (size_t)col > strlen(s) + 1)
			abort();
		free(cause);
	}
	free(s);
	return 0;
}
