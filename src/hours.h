/*
 * hours.h - opening hours of a contact: weekly windows in a named IANA
 * time zone, and whether a line is open at a given instant.  The wall
 * clock of the service's zone comes from i18n (ICU calendars), so the
 * answer is right across daylight-saving changes.  No I/O.
 */
#ifndef SIGNPOST_HOURS_H
#define SIGNPOST_HOURS_H

#include <stddef.h>

struct holidays;

enum hours_holidays { HOURS_HOLIDAYS_UNKNOWN, HOURS_HOLIDAYS_CLOSED, HOURS_HOLIDAYS_OPEN };

struct hours_window {
	unsigned char days; /* bit 0 = Monday .. bit 6 = Sunday: days the window starts on */
	int start, end;     /* minutes after midnight; end <= start crosses midnight */
};

/* A whole day the line is closed: every year (year 0) or once. */
struct hours_closure {
	int year, month, day;
};

struct hours {
	char *zone;
	struct hours_window *v;
	size_t n;
	enum hours_holidays holidays; /* what the line does on public holidays */
	char *calendar;               /* whose public holidays; NULL when holidays is OPEN */
	struct hours_closure *closed; /* the service's own closures */
	size_t nclosed;
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
/*
 * Parses a closure day, "MM-DD" (every year) or "YYYY-MM-DD" (once).
 * Returns 0, or -1 when s is neither (or names no real day).
 */
int hours_parse_closure(const char *s, struct hours_closure *c);

/* Creates hours in zone with no windows; the caller adds them. */
struct hours *hours_new(const char *zone);
void hours_add(struct hours *h, const struct hours_window *w);
void hours_add_closure(struct hours *h, const struct hours_closure *c);
void hours_free(struct hours *h);

enum hours_state { HOURS_UNKNOWN, HOURS_OPEN, HOURS_CLOSED };

/* Why a line is in its state, beyond its weekly hours. */
enum hours_why {
	HOURS_WHY_WEEKLY,        /* open or closed by the weekly hours */
	HOURS_WHY_NO_HOURS,      /* unknown: no hours known */
	HOURS_WHY_HOLIDAY,       /* closed: a public holiday (holiday names it) */
	HOURS_WHY_CLOSURE,       /* closed: one of the service's own closure days */
	HOURS_WHY_HOLIDAY_HOURS, /* unknown: a public holiday, and what the line does on
				 * public holidays is not known */
	HOURS_WHY_NO_CALENDAR    /* unknown: the public holidays of the line's calendar (or
				 * of this year) are not in the table, so today may be one */
};

struct hours_now {
	enum hours_state state;
	enum hours_why why;
	const char *holiday; /* English name, owned by the calendars; or NULL */
	/* Open: when it closes (the end of the run of open windows) or -1
	 * when it stays open beyond the days looked at.  Closed: when it next
	 * opens for certain, or -1 when not within the days looked at.
	 * Unknown: -1. */
	double change;
};

/*
 * The state of h at instant t (ms since the epoch, UTC), with the public
 * holidays of cal (may be NULL: every calendar unknown).  Each window is
 * judged by the day it starts on, in h's zone: on one of the service's
 * closure days it does not open; on a public holiday it opens when the
 * line is open on public holidays, does not when closed, and its state is
 * unknown when that is not known; on a day that may be a public holiday
 * (the calendar or the year is not in the table) it is unknown, never
 * open.  HOURS_UNKNOWN (HOURS_WHY_NO_HOURS) if h is NULL or its zone is
 * unknown to ICU.
 */
void hours_state(const struct hours *h, const struct holidays *cal, double t,
		 struct hours_now *out);

#endif
