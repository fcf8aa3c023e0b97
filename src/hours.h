/*
 * hours.h - opening hours of a contact: weekly windows in a named IANA
 * time zone, and whether a line is open at a given instant.  The wall
 * clock of the service's zone comes from i18n (ICU calendars), so the
 * answer is right across daylight-saving changes.  No I/O.
 */
#ifndef SIGNPOST_HOURS_H
#define SIGNPOST_HOURS_H

#include <stddef.h>

enum hours_holidays { HOURS_HOLIDAYS_UNKNOWN, HOURS_HOLIDAYS_CLOSED, HOURS_HOLIDAYS_OPEN };

struct hours_window {
	unsigned char days; /* bit 0 = Monday .. bit 6 = Sunday: days the window starts on */
	int start, end;     /* minutes after midnight; end <= start crosses midnight */
};

struct hours {
	char *zone;
	struct hours_window *v;
	size_t n;
	enum hours_holidays holidays;
};

/*
 * Parses one window, "DAYS HH:MM-HH:MM", where DAYS is a day (mon, tue,
 * wed, thu, fri, sat, sun), a range "mon-fri" (wrapping allowed: "fri-mon")
 * or a comma list "mon,wed,fri" of days and ranges.  End "24:00" is allowed;
 * an end at or before the start means the window ends the next day.
 * Returns 0, or -1 with *cause set (allocated; the caller frees it) and
 * *column the 1-based byte offset of the problem in s.
 */
int hours_parse_window(const char *s, struct hours_window *w, char **cause, int *column);

/* Creates hours in zone with no windows; the caller adds them. */
struct hours *hours_new(const char *zone);
void hours_add(struct hours *h, const struct hours_window *w);
void hours_free(struct hours *h);

enum hours_state { HOURS_UNKNOWN, HOURS_OPEN, HOURS_CLOSED };

/*
 * The state at instant t (ms since the epoch, UTC).  When open, *change is
 * the instant it closes (the end of the merged run of windows), or -1 when
 * it stays open for the 8 days searched; when
 * closed, the next instant it opens, or -1 if it never does (no windows).
 * Public holidays are not known to signpost, so they are not considered
 * here: the caller shows the holiday note.  HOURS_UNKNOWN if h is NULL or
 * its zone is unknown to ICU.
 */
enum hours_state hours_state(const struct hours *h, double t, double *change);

#endif
