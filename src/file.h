/*
 * file.h - opening and reading the files signpost reads (tables, their
 * indexes, names data, catalogs): regular files only, never a FIFO or a
 * device that would block or never end, read in bounded size.  Only
 * reads; nothing here creates, writes or removes a file.
 */
#ifndef SIGNPOST_FILE_H
#define SIGNPOST_FILE_H

#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>

/*
 * Opens path for reading without blocking (O_NONBLOCK, so a FIFO cannot
 * hang the open), then refuses anything that is not a regular file.
 * Returns the descriptor (close-on-exec, blocking again) with *st filled,
 * or -1 with *cause = "PATH: what" (allocated; the caller frees it) and
 * errno set: ENOENT when it does not exist, EINVAL when it is not a
 * regular file (a directory, a FIFO, a device, a socket).
 */
int file_open(const char *path, struct stat *st, char **cause);
/*
 * Reads the whole file open at fd (st from file_open), at most max bytes.
 * Returns the bytes, NUL-terminated, length in *len, or NULL with *cause
 * = "PATH: what".
 */
char *file_read_all(int fd, const char *path, const struct stat *st, size_t max, size_t *len,
		    char **cause);
/* Reads len bytes at off into a new NUL-terminated buffer, or NULL when
 * the file is shorter or the read fails. */
char *file_read_at(int fd, uint64_t off, size_t len);
/* The file's name without its directories (a pointer into path). */
const char *file_basename(const char *path);

#endif
