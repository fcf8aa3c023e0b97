/*
 * trust.c - ownership and permissions of local tables and the
 * directories that hold them.  No writes, no user database look-ups
 * (getpwuid may ask a daemon over a socket; ids are shown as numbers).
 */
#include "trust.h"

#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "xmalloc.h"

/* Why one file or directory is not trusted, or NULL when it is.  self:
 * path is the one asked about (else a directory above it). */
static char *
trust_one(const char *path, const struct stat *st, bool dir, bool self)
{
	uid_t me = getuid();
	mode_t mode = st->st_mode & 07777;
	char *what = self ? xstrdup(dir ? "the directory" : "the file")
			  : xasprintf("the directory %s", path),
	     *why = NULL;

	if (st->st_uid != 0 && st->st_uid != me)
		why = xasprintf("%s belongs to user id %lu, not to you (user id %lu) or root, so "
				"that user could change the referrals; have it owned by root or by "
				"you (chown root '%s'), or remove it",
				what, (unsigned long)st->st_uid, (unsigned long)me, path);
	else if ((mode & (S_IWGRP | S_IWOTH)) != 0 && !(dir && !self && (mode & S_ISVTX)))
		/* A sticky directory above is like /tmp: others may add
		 * entries to it, but never replace ours.  Not the directory
		 * asked about (of local tables): every file there is read,
		 * and one dropped in by anybody would stop every lookup. */
		why = xasprintf("%s is writable by %s (mode %04o), so %s could change the "
				"referrals; run: chmod go-w '%s'",
				what, (mode & S_IWOTH) ? "everyone" : "its group", (unsigned)mode,
				(mode & S_IWOTH) ? "anyone" : "any member of that group", path);
	free(what);
	return why;
}

int
trust_check(const char *path, const struct stat *st, char **cause)
{
	struct stat sb;
	char *real, *slash;
	bool dir;

	*cause = NULL;
	if (st == NULL) {
		if (stat(path, &sb) == -1) {
			*cause = xstrdup(strerror(errno));
			return -1;
		}
		st = &sb;
	}
	dir = S_ISDIR(st->st_mode);
	if ((*cause = trust_one(path, st, dir, true)) != NULL)
		return -1;
	/* The directories above it, by its real path: a symbolic link is
	 * judged by where it leads. */
	if ((real = realpath(path, NULL)) == NULL) {
		*cause = xstrdup(strerror(errno));
		return -1;
	}
	while ((slash = strrchr(real, '/')) != NULL) {
		if (slash == real)
			slash[1] = '\0'; /* "/" itself, last */
		else
			*slash = '\0';
		if (stat(real, &sb) == -1) {
			*cause = xasprintf("the directory %s: %s", real, strerror(errno));
			break;
		}
		if ((*cause = trust_one(real, &sb, true, false)) != NULL)
			break;
		if (slash == real)
			break;
	}
	free(real);
	return *cause != NULL ? -1 : 0;
}
