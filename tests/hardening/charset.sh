#!/usr/bin/env bash
# charset.sh SIGNPOST SRCDIR - on a terminal that is not UTF-8 (a Czech
# Latin-2 locale), output and diagnostics are converted to its character
# set by ICU (or transliterated), never raw UTF-8; under LANG=C they are
# ASCII.  Issue 7, "Robust I/O".
set -euo pipefail
bin=$1 src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export TZ=UTC COLUMNS=80 NO_COLOR=1 HOME="$tmp" XDG_DATA_HOME="$tmp/xdg"
unset LANGUAGE LC_MESSAGES LANG
fail() { echo "charset: $*" >&2; exit 1; }

if [ "$(LC_ALL=cs_CZ.ISO-8859-2 locale charmap 2>/dev/null)" != ISO-8859-2 ]; then
	echo "charset: no cs_CZ.ISO-8859-2 locale here (package locales-all)" >&2
	exit 77
fi
run() { LC_ALL=$1 "$bin" --data "$src/tests/data/mini.yaml" "${@:2}" >"$tmp/out" 2>"$tmp/err" || true; }

# Latin-2: the bytes are ISO-8859-2 (č is 0xE8), not UTF-8 (0xC4 0x8D).
run cs_CZ.ISO-8859-2 -c CZ -l cs --at 2026-12-07T13:00+01:00
iconv -f ISO-8859-2 -t UTF-8 <"$tmp/out" | grep -q 'jazyk: čeština' || fail "stdout is not Latin-2 Czech"
if python3 -c 'import sys; sys.stdin.buffer.read().decode("utf-8")' <"$tmp/out" 2>/dev/null; then
	fail "stdout decodes as UTF-8: not converted"
fi
# A diagnostic too: an unknown country with Czech text in it.
run cs_CZ.ISO-8859-2 -c Česko_neznámé
iconv -f ISO-8859-2 -t UTF-8 <"$tmp/err" >/dev/null 2>&1 || fail "stderr is not valid Latin-2"
if LC_ALL=C.UTF-8 grep -q $'\xc4\x8d' "$tmp/err"; then fail "raw UTF-8 on stderr"; fi

# Names typed on that terminal arrive in Latin-2 and are understood.
run cs_CZ.ISO-8859-2 -c "$(printf 'Česko' | iconv -f UTF-8 -t ISO-8859-2)" \
	-l "$(printf 'čeština' | iconv -f UTF-8 -t ISO-8859-2)" --at 2026-12-07T13:00+01:00
iconv -f ISO-8859-2 -t UTF-8 <"$tmp/out" | grep -q 'jazyk: čeština' ||
	fail "a Latin-2 country or language name was not understood"

# LANG=C: ASCII only, Czech transliterated.
run C -c CZ -l cs --ui-language cs --at 2026-12-07T13:00+01:00
if LC_ALL=C grep -q '[^[:print:][:space:]]' "$tmp/out"; then fail "non-ASCII under LANG=C"; fi
grep -q 'jazyk: cestina' "$tmp/out" || fail "no transliterated Czech under LANG=C"
# A closed standard input: a lookup still works; no lookup is a usage error.
LC_ALL=C.UTF-8 "$bin" --data "$src/tests/data/mini.yaml" -c CZ -l cs <&- >"$tmp/out" 2>"$tmp/err" ||
	fail "a lookup with stdin closed failed"
grep -q 'Test Line' "$tmp/out" || fail "no result with stdin closed"
rc=0
LC_ALL=C.UTF-8 "$bin" <&- >"$tmp/out" 2>"$tmp/err" || rc=$?
[ "$rc" = 2 ] || fail "no lookup with stdin closed: exit $rc, not 2"
echo "charset: ok"
