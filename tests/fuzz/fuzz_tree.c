/*
 * fuzz_tree.c - libFuzzer harness for ynode_decode, which reads the parsed
 * services stored in a compiled index (a file others can tamper with;
 * corpus/tree/catalog is the tree of a small YAML document):
 * arbitrary bytes must decode or be refused, never crash, and whatever
 * decodes must encode and decode again to the same bytes.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ynode.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ynode *n = ynode_decode(data, size, &ynode_default_limits), *m;
	struct buf a = {0}, b = {0};

	if (n == NULL)
		return 0;
	ynode_encode(n, &a);
	m = ynode_decode((const unsigned char *)a.s, a.len, &ynode_default_limits);
	if (m == NULL)
		abort();
	ynode_encode(m, &b);
	if (a.len != b.len || memcmp(a.s, b.s, a.len) != 0)
		abort();
	buf_free(&a);
	buf_free(&b);
	ynode_free(m);
	ynode_free(n);
	return 0;
}
