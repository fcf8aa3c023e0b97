#!/usr/bin/env bash
# catalog-test.sh SIGNPOST MKINDEX CATALOG-COMPILED SRCDIR
# The compiled catalogs (LANG.ytree, ynode.h): the build makes one for
# every catalog, current and used by the built signpost; mkindex --catalog
# is deterministic and refuses a broken catalog; a stale compiled catalog
# is never believed, and a broken YAML beside one gets the YAML's error.
set -euo pipefail
bin=$1 mk=$2 cc=$3 src=$4
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export LC_ALL=C.UTF-8 TZ=UTC COLUMNS=80 NO_COLOR=1 HOME="$tmp/home" XDG_DATA_HOME="$tmp/xdg"
unset SIGNPOST_DATA SIGNPOST_LOCALEDIR LANGUAGE
mkdir -p "$tmp/home" "$tmp/xdg" "$tmp/loc"
fail() { echo "catalog-test: $*" >&2; exit 1; }
built=$(cd "$(dirname "$bin")/../share/signpost/locales" && pwd)

# Every shipped catalog has a current compiled form in the build tree.
n=0
for f in "$src"/locales/*.yaml; do
	name=${f##*/}
	[ -f "$built/${name%.yaml}.ytree" ] || fail "no ${name%.yaml}.ytree in $built"
	n=$((n + 1))
done
"$cc" "$built"/*.yaml >"$tmp/cc" || { cat "$tmp/cc" >&2; fail "a built compiled catalog is not used"; }
[ "$(grep -c ': compiled$' "$tmp/cc")" = "$n" ] || fail "not all $n catalogs were checked"

# The built signpost opens the compiled form of the catalog it shows, for
# the default English and for Czech.  (LeakSanitizer cannot run under
# ptrace: off for these runs.)
for ui in en cs; do
	ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 strace -f -qq -e trace=openat \
		-o "$tmp/trace" "$bin" -c CZ -l cs --ui-language "$ui" >/dev/null
	grep "share/signpost/locales/$ui\.ytree\"" "$tmp/trace" | grep -qv ENOENT ||
		{ cat "$tmp/trace" >&2; fail "$ui.ytree was not opened"; }
done

# Deterministic, and what the build made.
"$mk" --catalog "$src/locales/cs.yaml" "$tmp/1.ytree"
"$mk" --catalog "$src/locales/cs.yaml" "$tmp/2.ytree"
cmp -s "$tmp/1.ytree" "$tmp/2.ytree" || fail "two compiles of cs.yaml differ"
cmp -s "$tmp/1.ytree" "$built/cs.ytree" || fail "the built cs.ytree is not mkindex's"

# A copy of the catalogs, compiled by mkindex, read by signpost.
cp "$src"/locales/*.yaml "$tmp/loc/"
for f in "$tmp"/loc/*.yaml; do
	"$mk" --catalog "$f" "${f%.yaml}.ytree" || fail "mkindex refused ${f##*/}"
done
"$cc" "$tmp"/loc/*.yaml >/dev/null || fail "the compiled copies are not used"
export SIGNPOST_LOCALEDIR=$tmp/loc
"$bin" -c CZ -l cs >"$tmp/a" || fail "lookup with compiled copies failed"

# An edit of the same size: the stale compiled form is ignored, the edit shown.
sed -i 's/"Services for {0}, in {1}"/"Servicez for {0}, in {1}"/' "$tmp/loc/en.yaml"
cmp -s "$src/locales/en.yaml" "$tmp/loc/en.yaml" && fail "the edit did not apply"
[ "$(stat -c %s "$src/locales/en.yaml")" = "$(stat -c %s "$tmp/loc/en.yaml")" ] ||
	fail "the edit changed the size"
touch -r "$tmp/loc/en.ytree" "$tmp/loc/en.yaml"
"$cc" "$tmp/loc/en.yaml" >/dev/null && fail "a stale en.ytree was believed"
"$bin" -c CZ -l cs | grep -q '^Servicez for Czechia' || fail "an edited catalog was served from its stale compiled form"

# A longer edit, likewise.
sed -i 's/"Servicez for {0}, in {1}"/"Services (edited) for {0}, in {1}"/' "$tmp/loc/en.yaml"
"$bin" -c CZ -l cs | grep -q '^Services (edited) for Czechia' ||
	fail "a grown catalog was served from its stale compiled form"

# A broken catalog beside a stale compiled form: the YAML's error, with
# its place (the unclosed list runs to the end of the file).
printf '  bad.key: [unclosed\n' >>"$tmp/loc/en.yaml"
line=$(($(wc -l <"$tmp/loc/en.yaml") + 1))
if "$bin" -c CZ -l cs >"$tmp/out" 2>"$tmp/err"; then
	fail "signpost ran with a broken en.yaml"
fi
grep -Fq "loc/en.yaml:$line:1: did not find expected ',' or ']'" "$tmp/err" ||
	{ cat "$tmp/err" >&2; fail "no YAML error for a broken en.yaml"; }

# mkindex refuses broken catalogs and leaves no file.
printf 'language: cs\nmessages:\n  a: [1]\n' >"$tmp/shape.yaml"
if "$mk" --catalog "$tmp/shape.yaml" "$tmp/shape.ytree" 2>"$tmp/err"; then
	fail "mkindex compiled a catalog with a list for a message"
fi
grep -Fq "shape.yaml:3:6: message \"a\" must be a string" "$tmp/err" ||
	{ cat "$tmp/err" >&2; fail "mkindex did not say why"; }
if "$mk" --catalog "$tmp/loc/en.yaml" "$tmp/broken.ytree" 2>/dev/null; then
	fail "mkindex compiled a broken YAML"
fi
[ ! -e "$tmp/shape.ytree" ] && [ ! -e "$tmp/broken.ytree" ] || fail "mkindex left a file for a broken catalog"
echo "catalog-test: ok ($n compiled catalogs)"
