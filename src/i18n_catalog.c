/*
 * i18n_catalog.c - reads the UI catalogs, ICU resource bundles of
 * strings (locales/LL.res), with ures_openDirect: no fallback to a parent
 * locale or a root bundle, since the English fallback is i18n.c's and
 * works per message.  Nothing here formats, prints or writes.
 */
#include "i18n_catalog.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <unicode/ures.h>

#include "file.h"
#include "i18n_impl.h"
#include "sanitize.h"
#include "xmalloc.h"

struct i18n_catalog_entry {
	const char *key; /* in the bundle's data */
	const UChar *s;  /* the message as the bundle has it, in its data */
	int32_t len;
	char *pattern; /* UTF-8, made safe (sanitize_text) when first asked for */
};

struct i18n_catalog {
	UResourceBundle *b;           /* open while c is: keys and texts live in it */
	struct i18n_catalog_entry *v; /* in key order (strcmp), as genrb writes them */
	size_t n;
};

static int
i18n_catalog_cmp(const void *a, const void *b)
{
	return strcmp(((const struct i18n_catalog_entry *)a)->key,
		      ((const struct i18n_catalog_entry *)b)->key);
}

/*
 * The package name under which ICU finds dir/NAME.res.  ICU takes a
 * package name for a directory only when it is absolute or holds two
 * slashes (otherwise it is the name of an ICU data tree), so a relative
 * dir is written "./dir/".
 */
static char *
i18n_catalog_package(const char *dir)
{
	return xasprintf("%s%s/", dir[0] == '/' ? "" : "./", dir);
}

struct i18n_catalog *
i18n_catalog_open(const char *dir, const char *name, char **cause)
{
	UErrorCode st = U_ZERO_ERROR;
	UResourceBundle *b;
	struct i18n_catalog *c;
	char *pkg;
	int32_t size;

	*cause = NULL;
	/* ICU opens the file itself: refuse a FIFO (which would block the
	 * open) or a device first, as every file signpost reads (file.h). */
	{
		char *path = xasprintf("%s/%s.res", dir, name);
		struct stat sb;
		int fd = file_open(path, &sb, cause);

		free(path);
		if (fd == -1)
			return NULL;
		close(fd);
	}
	pkg = i18n_catalog_package(dir);
	b = ures_openDirect(pkg, name, &st);
	free(pkg);
	if (U_FAILURE(st)) {
		*cause = xasprintf("%s/%s.res: cannot read the catalog (ures_openDirect: %s)", dir,
				   name, u_errorName(st));
		return NULL;
	}
	if (ures_getType(b) != URES_TABLE) {
		*cause = xasprintf("%s/%s.res: not a table of messages", dir, name);
		ures_close(b);
		return NULL;
	}
	size = ures_getSize(b);
	c = xcalloc(1, sizeof *c);
	c->b = b;
	c->v = xcalloc((size_t)size + 1, sizeof *c->v);
	/* Keys and texts stay in the bundle's data: a run uses few of the
	 * messages, and converts only those (i18n_catalog_safe). */
	while (c->n < (size_t)size && ures_hasNext(b)) {
		struct i18n_catalog_entry *e = &c->v[c->n];

		e->s = ures_getNextString(b, &e->len, &e->key, &st);
		if (U_FAILURE(st) || e->key == NULL) {
			*cause = xasprintf("%s/%s.res: message %zu: %s", dir, name, c->n,
					   U_FAILURE(st) ? u_errorName(st) : "no key");
			goto fail;
		}
		if (e->s == NULL) {
			*cause = xasprintf("%s/%s.res: message %s is not a string", dir, name,
					   e->key);
			goto fail;
		}
		/* genrb writes the keys sorted and once each (ICU finds them by
		 * binary search); a file from elsewhere may not, and which of
		 * two equal keys a lookup found would be chance. */
		if (c->n > 0 && strcmp(c->v[c->n - 1].key, e->key) >= 0) {
			*cause = xasprintf("%s/%s.res: message %s is %s", dir, name, e->key,
					   strcmp(c->v[c->n - 1].key, e->key) == 0
						   ? "there twice"
						   : "out of key order");
			goto fail;
		}
		c->n++;
	}
	return c;
fail:
	i18n_catalog_free(c);
	return NULL;
}

void
i18n_catalog_free(struct i18n_catalog *c)
{
	size_t i;

	if (c == NULL)
		return;
	for (i = 0; i < c->n; i++)
		free(c->v[i].pattern);
	free(c->v);
	ures_close(c->b);
	free(c);
}

/* The pattern of e: same treatment as data, so a catalog from anywhere
 * (a hostile SIGNPOST_LOCALEDIR) cannot send escape sequences (unpaired
 * surrogates become U+FFFD).  Made when first asked for: a run uses few
 * of the messages.  NULL only if ICU cannot convert the text at all. */
static const char *
i18n_catalog_safe(struct i18n_catalog_entry *e)
{
	if (e->pattern == NULL) {
		struct buf safe = {0};
		char *text = i18n_u8(e->s, e->len);

		if (text == NULL)
			return NULL; /* ICU could not convert it: as if missing */
		sanitize_text(&safe, text, false);
		free(text);
		e->pattern = safe.s != NULL ? buf_detach(&safe) : xstrdup("");
	}
	return e->pattern;
}

const char *
i18n_catalog_get(struct i18n_catalog *c, const char *key)
{
	struct i18n_catalog_entry k = {.key = key}, *e;

	if (c == NULL)
		return NULL;
	e = bsearch(&k, c->v, c->n, sizeof *c->v, i18n_catalog_cmp);
	return e ? i18n_catalog_safe(e) : NULL;
}

size_t
i18n_catalog_count(const struct i18n_catalog *c)
{
	return c ? c->n : 0;
}

const char *
i18n_catalog_key(const struct i18n_catalog *c, size_t i)
{
	return c->v[i].key;
}

const char *
i18n_catalog_pattern(struct i18n_catalog *c, size_t i)
{
	return i18n_catalog_safe(&c->v[i]);
}

static int
i18n_catalog_strcmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

size_t
i18n_catalog_list(const char *dir, char ***out)
{
	DIR *d;
	struct dirent *de;
	char **v = NULL;
	size_t n = 0;

	*out = NULL;
	if ((d = opendir(dir)) == NULL)
		return 0;
	while ((de = readdir(d)) != NULL) {
		size_t len = strlen(de->d_name);
		char id[ULOC_FULLNAME_CAPACITY], *name;
		int32_t parsed = 0;
		UErrorCode st = U_ZERO_ERROR;

		struct stat sb;

		if (len < 5 || len - 4 >= sizeof id || strcmp(de->d_name + len - 4, ".res") != 0)
			continue;
		/* A FIFO or a directory named LL.res is no catalog: that
		 * language is left out, as if its catalog were not there. */
		if (fstatat(dirfd(d), de->d_name, &sb, 0) == -1 || !S_ISREG(sb.st_mode))
			continue;
		name = xstrndup(de->d_name, len - 4);
		/* A well-formed locale ("pt_BR" read as "pt-BR"), nothing else:
		 * not ICU's root or pool bundles, not a stray file. */
		for (char *p = name; *p; p++)
			if (*p == '_')
				*p = '-';
		uloc_forLanguageTag(name, id, sizeof id, &parsed, &st);
		if (U_FAILURE(st) || parsed != (int32_t)(len - 4) || id[0] == '\0' ||
		    strspn(de->d_name,
			   "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_") !=
			    len - 4) {
			free(name);
			continue;
		}
		memcpy(name, de->d_name, len - 4);
		v = xreallocarray(v, n + 1, sizeof *v);
		v[n++] = name;
	}
	closedir(d);
	if (n > 1)
		qsort(v, n, sizeof *v, i18n_catalog_strcmp);
	*out = v;
	return n;
}
