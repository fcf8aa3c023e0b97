/*
 * json.c - the JSON writer (json.h).
 */
#include "json.h"

#include "sanitize.h"

static void
json_key(struct json *j, const char *key)
{
	int d = j->depth < JSON_MAX_DEPTH ? j->depth : JSON_MAX_DEPTH;

	if (d > 0 && j->more[d - 1])
		buf_addc(j->b, ',');
	if (d > 0)
		j->more[d - 1] = true;
	if (key != NULL) {
		sanitize_json(j->b, key);
		buf_addc(j->b, ':');
	}
}

static void
json_open(struct json *j, const char *key, char c)
{
	json_key(j, key);
	buf_addc(j->b, c);
	if (j->depth < JSON_MAX_DEPTH)
		j->more[j->depth] = false;
	j->depth++;
}

void
json_obj(struct json *j, const char *key)
{
	json_open(j, key, '{');
}

void
json_arr(struct json *j, const char *key)
{
	json_open(j, key, '[');
}

void
json_end(struct json *j, char close)
{
	buf_addc(j->b, close);
	if (j->depth > 0)
		j->depth--;
}

void
json_str(struct json *j, const char *key, const char *v)
{
	json_key(j, key);
	if (v == NULL)
		buf_add(j->b, "null");
	else
		sanitize_json(j->b, v);
}

void
json_int(struct json *j, const char *key, long v)
{
	json_key(j, key);
	buf_addf(j->b, "%ld", v);
}

void
json_bool(struct json *j, const char *key, bool v)
{
	json_key(j, key);
	buf_add(j->b, v ? "true" : "false");
}

void
json_null(struct json *j, const char *key)
{
	json_key(j, key);
	buf_add(j->b, "null");
}

void
json_strv(struct json *j, const char *key, const char *const *v, size_t n)
{
	size_t i;

	json_arr(j, key);
	for (i = 0; i < n; i++)
		json_str(j, NULL, v[i]);
	json_end(j, ']');
}
