#!/usr/bin/env bash
# charset.sh SIGNPOST SRCDIR - on a terminal that is not UTF-8 (a Czech
# Latin-2 locale), output and diagnostics are converted to its character
# set by ICU (or transliterated), never raw UTF-8; under LANG=C they are
# ASCII.  Issue 7, "Robust I/O".  And what reaches such a terminal is
# safe after the conversion: no byte 0x80 to 0x9F (a C1 control: 0x9B is
# CSI) in a one-byte set, though CP1251 has "›" there and KOI8-R its
# box drawing (issue 16), on stdout and on stderr.
set -euo pipefail
bin=$1 src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# What the test writes, and its copy of the fixtures, must be tables
# signpost trusts whatever the checkout's modes (src/trust.h).
umask 022
cp -R "$src/tests/data" "$tmp/fixtures" && chmod -R go-w "$tmp/fixtures"
export TZ=UTC COLUMNS=80 NO_COLOR=1 HOME="$tmp" XDG_DATA_HOME="$tmp/xdg"
unset LANGUAGE LC_MESSAGES LANG
fail() { echo "charset: $*" >&2; exit 1; }

if [ "$(LC_ALL=cs_CZ.ISO-8859-2 locale charmap 2>/dev/null)" != ISO-8859-2 ]; then
	echo "charset: no cs_CZ.ISO-8859-2 locale here (package locales-all)" >&2
	exit 77
fi
run() { LC_ALL=$1 "$bin" --data "$tmp/fixtures/mini.yaml" "${@:2}" >"$tmp/out" 2>"$tmp/err" || true; }

# Latin-2: the bytes are ISO-8859-2 (č is 0xE8), not UTF-8 (0xC4 0x8D).
run cs_CZ.ISO-8859-2 -c CZ -l cs --at 2026-12-07T13:00+01:00
iconv -f ISO-8859-2 -t UTF-8 <"$tmp/out" | grep -q 'Tísňová čísla (Česko)' || fail "stdout is not Latin-2 Czech"
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
iconv -f ISO-8859-2 -t UTF-8 <"$tmp/out" | grep -q '(Česko) a jeho jazyky (čeština)' ||
	fail "a Latin-2 country or language name was not understood"

# LANG=C: ASCII only, Czech transliterated.
run C -c CZ -l cs --ui-language cs --at 2026-12-07T13:00+01:00
if LC_ALL=C grep -q '[^[:print:][:space:]]' "$tmp/out"; then fail "non-ASCII under LANG=C"; fi
grep -q 'Tisnova cisla (Cesko)' "$tmp/out" || fail "no transliterated Czech under LANG=C"
grep -q '12:00 (GMT)' "$tmp/out" || fail "ICU's narrow no-break space is not a space under LANG=C"
# A closed standard input: a lookup still works; no lookup is a usage error.
LC_ALL=C.UTF-8 "$bin" --data "$tmp/fixtures/mini.yaml" -c CZ -l cs <&- >"$tmp/out" 2>"$tmp/err" ||
	fail "a lookup with stdin closed failed"
grep -q 'Test Line' "$tmp/out" || fail "no result with stdin closed"
rc=0
LC_ALL=C.UTF-8 "$bin" <&- >"$tmp/out" 2>"$tmp/err" || rc=$?
[ "$rc" = 2 ] || fail "no lookup with stdin closed: exit $rc, not 2"
# No C1 control after conversion.  A table whose texts hold characters
# that one-byte sets put at 0x80 to 0x9F: "›" (CP1251 0x9B, CSI),
# box drawing (KOI8-R 0x80 to 0x9F), dashes, quotes, the euro sign.
# (bytes: the script runs in the C locale, where $'\\u...' is not UTF-8)
c1=$'\xe2\x80\xba2J \xe2\x94\x80\xe2\x94\x82\xe2\x94\x8c\xe2\x96\x80 \xe2\x80\x94\xe2\x80\x93 \xe2\x80\x9c\xe2\x80\x9d \xe2\x80\xa6 \xe2\x82\xac \xe2\x84\xa2 \xe2\x84\x96'
sed "s/name: Test Line/name: \"Test $c1 Line\"/; s/en: \"Test phone\"/en: \"Phone $c1\"/" \
	"$tmp/fixtures/mini.yaml" >"$tmp/c1.yaml"
# A bad key holding them: a diagnostic on stderr with the same text.
printf '%s\n' "schema: \"2\"" "date: \"2026-01-15\"" "k$c1: x" "services: []" >"$tmp/c1-bad.yaml"
no_c1() { # FILE WHAT
	if LC_ALL=C grep -q $'[\x80-\x9f]' "$1"; then
		fail "$2: a byte 0x80-0x9F (C1 control): $(LC_ALL=C grep -ao $'.\{0,12\}[\x80-\x9f].\{0,4\}' "$1" | head -3 | od -c | head -4)"
	fi
}
for loc in ru_RU.CP1251 ru_RU.KOI8-R cs_CZ.ISO-8859-2; do
	if [ "$(LC_ALL=$loc locale charmap 2>/dev/null)" = "" ] ||
		[ "$(LC_ALL=$loc locale charmap 2>/dev/null)" = ANSI_X3.4-1968 ]; then
		fail "no $loc locale (package locales-all)"
		continue
	fi
	for f in text full card; do
		LC_ALL=$loc "$bin" --data "$tmp/c1.yaml" -c CZ -l cs -f $f --at 2026-12-07T13:00+01:00 \
			>"$tmp/out" 2>"$tmp/err" || fail "$loc -f $f: exit $?"
		no_c1 "$tmp/out" "$loc -f $f, stdout"
		no_c1 "$tmp/err" "$loc -f $f, stderr"
		grep -q 'Test' "$tmp/out" || fail "$loc -f $f: the service is not shown"
	done
	LC_ALL=$loc "$bin" --check "$tmp/c1-bad.yaml" >"$tmp/out" 2>"$tmp/err" || true
	grep -q 'unknown key' "$tmp/err" || fail "$loc: no diagnostic for the bad key"
	no_c1 "$tmp/err" "$loc --check, stderr"
	LC_ALL=$loc "$bin" -c "Czech$c1" >"$tmp/out" 2>"$tmp/err" || true
	no_c1 "$tmp/err" "$loc unknown country, stderr"
done
# What the conversion may still write: CP1251's own letters.
LC_ALL=ru_RU.CP1251 "$bin" --data "$tmp/c1.yaml" -c CZ -l cs --at 2026-12-07T13:00+01:00 >"$tmp/out" 2>&1
LC_ALL=C grep -q $'\xb9' "$tmp/out" || fail "CP1251: the numero sign (0xB9) was not kept"
LC_ALL=C grep -q 'Test >2J' "$tmp/out" || fail "CP1251: U+203A is not transliterated"
echo "charset: ok"
