/*
 * distance.c - optimal string alignment distance (distance.h).
 */
#include "distance.h"

int
distance(const int32_t *a, size_t an, const int32_t *b, size_t bn, int max)
{
	int rows[3][DISTANCE_MAX + 1];
	int *pp = rows[0], *p = rows[1], *c = rows[2], *t, best, v;
	size_t i, j;

	if (an > DISTANCE_MAX)
		an = DISTANCE_MAX;
	if (bn > DISTANCE_MAX)
		bn = DISTANCE_MAX;
	/* At least one step per element the longer one has over the other. */
	if ((an > bn ? an - bn : bn - an) > (size_t)max)
		return max + 1;
	for (j = 0; j <= bn; j++)
		p[j] = (int)j;
	for (i = 1; i <= an; i++) {
		c[0] = (int)i;
		best = (int)i;
		for (j = 1; j <= bn; j++) {
			v = p[j - 1] + (a[i - 1] != b[j - 1]);
			if (p[j] + 1 < v)
				v = p[j] + 1;
			if (c[j - 1] + 1 < v)
				v = c[j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    pp[j - 2] + 1 < v)
				v = pp[j - 2] + 1;
			c[j] = v;
			if (v < best)
				best = v;
		}
		if (best > max)
			return max + 1;
		t = pp;
		pp = p;
		p = c;
		c = t;
	}
	return p[bn] > max ? max + 1 : p[bn];
}
