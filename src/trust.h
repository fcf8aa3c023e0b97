/*
 * trust.h - whether a local table may change what signpost tells a
 * caller, judged the way sudo judges sudoers and ssh its authorized_keys:
 * the file, and every directory above it, must belong to root or to the
 * user running signpost, and must not be writable by anyone else (group
 * or others).  A directory above, writable by others, is accepted with
 * the sticky bit (like /tmp): there nobody else can replace what is in
 * it.  Otherwise anyone with that write access could hide a service or
 * change its number for every worker.
 * Only looks (stat); never changes a file.
 */
#ifndef SIGNPOST_TRUST_H
#define SIGNPOST_TRUST_H

#include <sys/stat.h>

/*
 * Checks path, whose status is st (from the descriptor it is read
 * through, or NULL to stat it), and the directories that hold it, up to
 * the root.  Returns 0 when they are all trusted, or -1 with *cause
 * (allocated) = why it is refused and how to fix it ("the directory
 * /etc/signpost is writable by everyone (mode 0777), so anyone could
 * change the referrals; run: chmod go-w '/etc/signpost'"), for the caller
 * to put after the path.  A path that cannot be examined is refused too.
 */
int trust_check(const char *path, const struct stat *st, char **cause);

#endif
