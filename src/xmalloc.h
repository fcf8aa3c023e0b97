/*
 * xmalloc.h - allocation wrappers that never return NULL, and a growable
 * string buffer.  On allocation failure they print a message and abort the
 * process: signpost cannot do anything useful without memory.
 */
#ifndef SIGNPOST_XMALLOC_H
#define SIGNPOST_XMALLOC_H

#include <stdarg.h>
#include <stddef.h>

#if defined(__GNUC__)
#define SP_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define SP_PRINTF(a, b)
#endif

void *xmalloc(size_t size);
void *xcalloc(size_t n, size_t size);
/* Like reallocarray(3): grows p to n * size bytes, checking the product. */
void *xreallocarray(void *p, size_t n, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* Returns a newly allocated formatted string; the caller frees it. */
char *xasprintf(const char *fmt, ...) SP_PRINTF(1, 2);
char *xvasprintf(const char *fmt, va_list ap) SP_PRINTF(1, 0);

/* A growable NUL-terminated byte string.  A zeroed struct is empty and valid. */
struct buf {
	char *s;
	size_t len;
	size_t cap;
};

void buf_add(struct buf *b, const char *s);
void buf_addn(struct buf *b, const char *s, size_t n);
void buf_addc(struct buf *b, char c);
void buf_addf(struct buf *b, const char *fmt, ...) SP_PRINTF(2, 3);
/* Returns the contents (never NULL) and leaves b empty; the caller frees it. */
char *buf_detach(struct buf *b);
void buf_reset(struct buf *b);
void buf_free(struct buf *b);

#endif
