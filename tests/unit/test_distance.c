/*
 * test_distance.c - the one edit distance (distance.h): substitutions,
 * insertions and deletions cost one step each, a swap of neighbours one
 * step (optimal string alignment, not two as in Levenshtein), and the
 * answer is max + 1 as soon as the distance must exceed max.
 */
#include <string.h>

#include "check.h"
#include "distance.h"

/* distance() of two ASCII words, each byte an element. */
static int
words(const char *a, const char *b, int max)
{
	int32_t x[DISTANCE_MAX], y[DISTANCE_MAX];
	size_t la = strlen(a), lb = strlen(b), i;

	for (i = 0; i < la; i++)
		x[i] = (unsigned char)a[i];
	for (i = 0; i < lb; i++)
		y[i] = (unsigned char)b[i];
	return distance(x, la, y, lb, max);
}

int
main(void)
{
	int32_t cz[] = {0x10d, 'e', 's', 'k', 'o'}, ce[] = {'c', 'e', 's', 'k', 'o'};

	CHECK(words("", "", 3) == 0);
	CHECK(words("czechia", "czechia", 3) == 0);
	CHECK(words("czechai", "czechia", 3) == 1);       /* a swap is one step */
	CHECK(words("languages", "langauges", 3) == 1);
	CHECK(words("ca", "abc", 3) == 3);                /* no edit of a swapped pair */
	CHECK(words("kitten", "sitting", 3) == 3);
	CHECK(words("hours", "hour", 3) == 1);
	CHECK(words("", "abc", 3) == 3);
	CHECK(words("abc", "", 2) == 3);                  /* max + 1 */
	CHECK(words("kitten", "sitting", 2) == 3);
	CHECK(words("austria", "australia", 1) == 2);
	CHECK(words("ab", "abcdefgh", 3) == 4);           /* the lengths alone say so */
	/* Code points, not bytes: one substitution. */
	CHECK(distance(cz, 5, ce, 5, 3) == 1);
	return check_done();
}
