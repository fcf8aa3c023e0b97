/*
 * holiday.h - public-holiday calendars (data/holidays.yaml) and the date
 * arithmetic they need: is a given civil day a public holiday in a
 * country or region?  Pure: no ICU, no I/O, no globals.  The caller
 * parses the YAML (ynode) and decides what a holiday means for a line.
 *
 * A calendar is a list of rules (fixed month-day, one-off date, days
 * after Western or Orthodox Easter, nth or last weekday of a month, the
 * first weekday on or after a date), each optionally limited to years
 * (from/until) or to weekdays, with an optional substitute ("observed")
 * rule.  A region names its country as parent and inherits its rules.
 * A calendar may say which years its data covers (covers: from/until),
 * when some of its holidays are set year by year (lunar calendars,
 * decrees): outside those years a day that is not a known holiday is
 * HOLIDAY_UNKNOWN, never HOLIDAY_NO.
 */
#ifndef SIGNPOST_HOLIDAY_H
#define SIGNPOST_HOLIDAY_H

#include <stdbool.h>
#include <stddef.h>

#include "problem.h"
#include "ynode.h"

struct holidays; /* all calendars of one file; immutable once loaded */

enum holiday_answer { HOLIDAY_UNKNOWN, HOLIDAY_NO, HOLIDAY_YES };

/*
 * Builds the calendars from root, the parsed holidays.yaml (schema "1",
 * format in data/README.md, "Public-holiday calendars"); name is the file name used in
 * messages.  Every problem found is appended to pr as
 * "NAME:LINE:COLUMN: what" (unknown key, bad date, unknown weekday, nth
 * out of range, parent not found, circular parent, duplicate id, ...).
 * Returns the calendars, or NULL when any error was found (warnings alone
 * do not fail).  Time linear in the size of the tree.  The result does not
 * point into root; free it with holidays_free.
 */
struct holidays *holidays_load_tree(const char *name, const struct ynode *root,
				    struct problems *pr);

/* Frees h and everything it owns; holidays_free(NULL) does nothing. */
void holidays_free(struct holidays *h);

/* True when h has a calendar with exactly this id ("CZ", "DE-BE"). */
bool holidays_known(const struct holidays *h, const char *calendar);

/*
 * Is the civil day y-m-d (proleptic Gregorian) a public holiday in
 * calendar, its parents' holidays and substitute days included?
 * HOLIDAY_YES, with *name (when name is not NULL) set to the holiday's
 * English name, owned by h ("Christmas Day (observed)" for a substitute
 * day).  HOLIDAY_NO when it is not.  HOLIDAY_UNKNOWN when h is NULL, the
 * calendar is unknown, the date is not a valid day, or y is outside the
 * years the calendar (or a parent) covers and the day is not a known
 * holiday.  *name is left NULL unless the answer is HOLIDAY_YES.
 */
enum holiday_answer holidays_on(const struct holidays *h, const char *calendar, int y, int m, int d,
				const char **name);
/*
 * holidays_on for the n days from y-m-d on: answers[i] (and names[i],
 * when names is not NULL) for the day i days later, the holidays of each
 * year worked out once for the span.  holidays_on is this with n = 1.
 */
void holidays_on_days(const struct holidays *h, const char *calendar, int y, int m, int d, size_t n,
		      enum holiday_answer *answers, const char **names);

/* The number of calendars in h, and the id of the i-th (file order). */
size_t holidays_count(const struct holidays *h);
const char *holidays_id(const struct holidays *h, size_t i);

/*
 * True when the data of calendar (and of its parents) covers year y, so
 * that a day of y that is not listed is known not to be a holiday.
 */
bool holidays_covers(const struct holidays *h, const char *calendar, int y);

/*
 * Date helpers, all on the proleptic Gregorian calendar.
 * holiday_days: days since 1970-01-01 (negative before).
 * holiday_civil: the inverse.
 * holiday_weekday: 0 = Monday .. 6 = Sunday.
 * holiday_add_days: moves *y-*m-*d by n days (n may be negative).
 * holiday_valid: y-m-d names a day (1 <= m <= 12, 1 <= d <= days in month).
 * holiday_easter: Western (Gregorian) Easter Sunday of year y.
 * holiday_orthodox_easter: Orthodox (Julian computus) Easter Sunday of
 * year y, as a Gregorian date; years 1583 to 4099.
 */
long holiday_days(int y, int m, int d);
void holiday_civil(long days, int *y, int *m, int *d);
int holiday_weekday(int y, int m, int d);
void holiday_add_days(int *y, int *m, int *d, long n);
bool holiday_valid(int y, int m, int d);
void holiday_easter(int y, int *m, int *d);
void holiday_orthodox_easter(int y, int *m, int *d);

#endif
