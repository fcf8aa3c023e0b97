/*
 * paths.c - locating the data.  It asks the system where the running
 * program is and lists directories; it never writes or creates anything.
 */
#include "paths.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#if defined(__APPLE__)
#include <mach-o/dyld.h>
#include <stdint.h>
#elif defined(__FreeBSD__) || defined(__DragonFly__)
#include <sys/sysctl.h>
#include <sys/types.h>
#endif

#include "config.h"
#include "trust.h"
#include "xmalloc.h"

/*
 * Writes the absolute path of the running program, symbolic links
 * resolved, to exe (PATH_MAX bytes).  Returns 0, or -1 where the system
 * cannot say (no /proc, an unknown system): the caller then uses the
 * configured install path.  argv[0] is never used: it is whatever the
 * caller chose.
 */
static int
paths_exe(char exe[PATH_MAX])
{
#if defined(__APPLE__)
	/* The path the program was started by, perhaps through a symbolic
	 * link (Homebrew links bin/signpost into its prefix): resolved so
	 * that bin/../share is the package's own. */
	char given[PATH_MAX];
	uint32_t size = sizeof given;

	if (_NSGetExecutablePath(given, &size) != 0 || realpath(given, exe) == NULL)
		return -1;
	return 0;
#elif defined(__FreeBSD__) || defined(__DragonFly__)
	int mib[4] = {CTL_KERN, KERN_PROC, KERN_PROC_PATHNAME, -1};
	size_t size = PATH_MAX;

	if (sysctl(mib, 4, exe, &size, NULL, 0) != 0 || size == 0 || exe[0] != '/')
		return -1;
	exe[PATH_MAX - 1] = '\0';
	return 0;
#else
	/* Linux, and other systems with a Linux-style /proc (Cygwin, GNU). */
	ssize_t n = readlink("/proc/self/exe", exe, PATH_MAX - 1);

	if (n <= 0 || exe[0] != '/')
		return -1;
	exe[n] = '\0';
	return 0;
#endif
}

char *
paths_datadir(void)
{
	char exe[PATH_MAX];

	if (paths_exe(exe) == 0) {
		char *slash, *dir, *probe;

		if ((slash = strrchr(exe, '/')) != NULL) {
			*slash = '\0';
			dir = xasprintf("%s/%s", exe, SIGNPOST_REL_DATADIR);
			probe = xasprintf("%s/services.yaml", dir);
			if (access(probe, R_OK) == 0) {
				/* Named without "bin/..": /usr/share/signpost. */
				char *real = realpath(dir, NULL);

				free(probe);
				if (real == NULL)
					return dir;
				free(dir);
				return real;
			}
			free(probe);
			free(dir);
		}
	}
	return xstrdup(SIGNPOST_ABS_DATADIR);
}

static int
paths_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * Adds the *.yaml of dir to *v.  A directory that is not there has no
 * tables; one that is there but cannot be read, or that others could
 * write, is an error in pr: its tables can hide services and mark them
 * not to be referred to, so answering without them could send a caller
 * to a service the helpline has withdrawn.
 */
static void
paths_scan(const char *dir, char ***v, size_t *n, struct problems *pr)
{
	DIR *d;
	struct dirent *de;
	struct stat st;
	size_t first = *n;
	char *cause = NULL;

	if (stat(dir, &st) == -1) {
		if (errno != ENOENT && errno != ENOTDIR)
			problem_add(pr, dir, 0, 0, false,
				    "the directory of local tables cannot be examined: %s",
				    strerror(errno));
		return;
	}
	if (!S_ISDIR(st.st_mode)) {
		problem_add(pr, dir, 0, 0, false,
			    "not a directory; local tables are read from a directory of this name");
		return;
	}
	if (trust_check(dir, &st, &cause) == -1) {
		problem_add(pr, dir, 0, 0, false, "refused: %s", cause);
		free(cause);
		return;
	}
	if ((d = opendir(dir)) == NULL) {
		problem_add(pr, dir, 0, 0, false,
			    "the directory of local tables cannot be read: %s; make it readable "
			    "(chmod a+rx '%s') or remove it",
			    strerror(errno), dir);
		return;
	}
	while ((de = readdir(d)) != NULL) {
		size_t l = strlen(de->d_name);

		if (de->d_name[0] == '.' || l < 6 || strcmp(de->d_name + l - 5, ".yaml") != 0)
			continue;
		/* Grown by doubling: a directory of many files stays linear. */
		if (*n == 0 || (*n >= 8 && (*n & (*n - 1)) == 0))
			*v = xreallocarray(*v, *n ? *n * 2 : 8, sizeof **v);
		(*v)[(*n)++] = xasprintf("%s/%s", dir, de->d_name);
	}
	closedir(d);
	if (*n - first > 1) /* *v may still be NULL */
		qsort(*v + first, *n - first, sizeof **v, paths_cmp);
}

size_t
paths_overlays(char ***out, enum origin_kind **kinds, struct problems *pr)
{
	char **v = NULL;
	size_t n = 0, nsys, i;
	const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
	char *user = NULL;

	paths_scan(SIGNPOST_SYSCONFDIR, &v, &n, pr);
	nsys = n;
	if (xdg != NULL && xdg[0] == '/')
		user = xasprintf("%s/signpost", xdg);
	else if (home != NULL && home[0] == '/')
		user = xasprintf("%s/.local/share/signpost", home);
	if (user != NULL)
		paths_scan(user, &v, &n, pr);
	free(user);
	*kinds = xcalloc(n + 1, sizeof **kinds);
	for (i = 0; i < n; i++)
		(*kinds)[i] = i < nsys ? ORIGIN_SYSTEM : ORIGIN_USER;
	*out = v;
	return n;
}

void
paths_free(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}
