/*
 * json.h - a small JSON writer into a struct buf: objects, arrays,
 * strings (escaped by sanitize_json), numbers, booleans, null.  It only
 * appends; the caller writes the buffer out.  Commas and nesting are its
 * business, so the render code cannot get them wrong.
 */
#ifndef SIGNPOST_JSON_H
#define SIGNPOST_JSON_H

#include <stdbool.h>
#include <stddef.h>

#include "xmalloc.h"

#define JSON_MAX_DEPTH 32

struct json {
	struct buf *b;
	int depth;
	bool more[JSON_MAX_DEPTH]; /* a value already written at this depth */
};

/* key is the member name inside an object, NULL inside an array or at
 * the top. */
void json_obj(struct json *j, const char *key);
void json_arr(struct json *j, const char *key);
/* Ends the innermost object or array. */
void json_end(struct json *j, char close);
void json_str(struct json *j, const char *key, const char *v); /* NULL: null */
void json_int(struct json *j, const char *key, long v);
void json_bool(struct json *j, const char *key, bool v);
void json_null(struct json *j, const char *key);
void json_strv(struct json *j, const char *key, const char *const *v, size_t n);

#endif
