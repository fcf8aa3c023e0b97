/*
 * file.c - regular files only, read in bounded size.  No writes.
 */
#include "file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "xmalloc.h"

int
file_open(const char *path, struct stat *st, char **cause)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY), flags, e;

	if (fd == -1) {
		e = errno;
		*cause = xasprintf("%s: %s", path, strerror(e));
		errno = e;
		return -1;
	}
	if (fstat(fd, st) == -1) {
		e = errno;
		*cause = xasprintf("%s: %s", path, strerror(e));
		close(fd);
		errno = e;
		return -1;
	}
	if (!S_ISREG(st->st_mode)) {
		*cause = xasprintf("%s: not a regular file (%s)", path,
				   S_ISDIR(st->st_mode)    ? "a directory"
				   : S_ISFIFO(st->st_mode) ? "a FIFO"
				   : S_ISCHR(st->st_mode)  ? "a character device"
				   : S_ISBLK(st->st_mode)  ? "a block device"
				   : S_ISSOCK(st->st_mode) ? "a socket"
							   : "a special file");
		close(fd);
		errno = EINVAL;
		return -1;
	}
	/* Reads of a regular file never block; clear the flag anyway so no
	 * read is ever cut short by it. */
	if ((flags = fcntl(fd, F_GETFL)) != -1)
		(void)fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
	return fd;
}

char *
file_read_all(int fd, const char *path, const struct stat *st, size_t max, size_t *len,
	      char **cause)
{
	size_t cap, n = 0;
	char *p;

	if (st->st_size < 0 || (uint64_t)st->st_size > max) {
		*cause = xasprintf("%s: file is larger than %zu bytes", path, max);
		return NULL;
	}
	cap = (size_t)st->st_size;
	p = xmalloc(cap + 1);
	for (;;) {
		ssize_t got;

		if (n == cap) {
			/* The file grew while being read: read on, within max. */
			char probe;

			got = read(fd, &probe, 1);
			if (got == 0)
				break;
			if (got < 0 && errno == EINTR)
				continue;
			if (got < 0)
				goto fail;
			if (cap + 1 > max) {
				*cause = xasprintf("%s: file is larger than %zu bytes", path, max);
				free(p);
				return NULL;
			}
			cap = cap * 2 + 1 < max ? cap * 2 + 1 : max;
			p = xreallocarray(p, cap + 1, 1);
			p[n++] = probe;
			continue;
		}
		got = read(fd, p + n, cap - n);
		if (got == 0)
			break;
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0)
			goto fail;
		n += (size_t)got;
	}
	p[n] = '\0';
	*len = n;
	return p;
fail:
	*cause = xasprintf("%s: %s", path, strerror(errno));
	free(p);
	return NULL;
}

char *
file_read_at(int fd, uint64_t off, size_t len)
{
	char *p = xmalloc(len + 1);
	size_t n = 0;

	while (n < len) {
		ssize_t got = pread(fd, p + n, len - n, (off_t)(off + n));

		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0) {
			free(p);
			return NULL;
		}
		n += (size_t)got;
	}
	p[len] = '\0';
	return p;
}

const char *
file_basename(const char *path)
{
	const char *s = strrchr(path, '/');

	return s ? s + 1 : path;
}
