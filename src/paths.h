/*
 * paths.h - where signpost finds its files: the shipped table and
 * catalogs (next to the binary as installed, bin/../share/signpost, which
 * the build tree mirrors; else the compiled-in install path), and local
 * overlay tables.  Only reads; never creates anything.
 */
#ifndef SIGNPOST_PATHS_H
#define SIGNPOST_PATHS_H

#include <stddef.h>

#include "table.h"

/* The directory holding services.yaml and locales/ (allocated). */
char *paths_datadir(void);
/*
 * The overlay tables, in merge order: SYSCONFDIR/signpost/NAME.yaml, then
 * $XDG_DATA_HOME/signpost/NAME.yaml (default ~/.local/share/signpost), each
 * directory sorted by name, and in *kinds (allocated) ORIGIN_SYSTEM or
 * ORIGIN_USER for each.  Returns the count; free with paths_free and
 * free(*kinds).  A directory that is there but cannot be read, or that
 * is not trusted (trust.h), is an error in pr and none of its tables is
 * listed; one that is not there has none.
 */
size_t paths_overlays(char ***out, enum origin_kind **kinds, struct problems *pr);
void paths_free(char **v, size_t n);

#endif
