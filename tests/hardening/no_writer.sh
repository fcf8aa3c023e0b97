#!/bin/sh
# no_writer.sh - the signpost program contains no code that writes a file
# (issue 15): the names.cache builder, every file writer and every live
# scan of ICU's locales live in the build-only library signpost_build,
# which the program never links.  Its symbols (nm) must show none of them,
# nor the C library's calls that only a writer needs, nor the ICU calls
# names.cache answers instead (region data, date pattern generators).
#
# usage: no_writer.sh SIGNPOST [NM]
set -eu
bin=$1
nm=${2:-nm}
syms=$("$nm" "$bin") || { echo "no_writer: $nm $bin failed"; exit 1; }
bad=$(printf '%s\n' "$syms" | awk '{print $NF}' | sed 's/@.*//' | grep -E \
    '^(names_build.*|build_write_file|nb_.*|i18n_cache_write|cbuf_.*|mk_write|rename|renameat|renameat2|unlink|unlinkat|remove|mkstemp|mkdtemp|creat|truncate|ftruncate|link|symlink|udatpg_.*|uregion_.*)(_[0-9]+)?$' \
    || true)
if [ -n "$bad" ]; then
    echo "no_writer: $bin has symbols of a writer or of a live ICU scan:"
    printf '  %s\n' $bad
    exit 1
fi
# Not vacuous: the binary has symbols, and the reader is in it.
printf '%s\n' "$syms" | grep -q 'i18n_cache_open' ||
    { echo "no_writer: no i18n_cache_open in $bin (stripped?)"; exit 1; }
echo "no_writer: ok"
