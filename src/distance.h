/*
 * distance.h - the one edit distance of signpost: how far a typed name is
 * from a name signpost knows (i18n_parse) and a mistyped key from the
 * keys a data file may use (problem).  Optimal string alignment: the
 * Levenshtein distance with a swap of two neighbours as one step, so that
 * "Czechai" is one step from "Czechia".  Pure: no I/O, no allocation.
 */
#ifndef SIGNPOST_DISTANCE_H
#define SIGNPOST_DISTANCE_H

#include <stddef.h>
#include <stdint.h>

/* Sequences are compared on their first DISTANCE_MAX elements. */
#define DISTANCE_MAX 128

/*
 * The distance between the an code points (or bytes) at a and the bn at
 * b, or max + 1 as soon as it must be more than max.
 */
int distance(const int32_t *a, size_t an, const int32_t *b, size_t bn, int max);

#endif
