#!/usr/bin/env bash
# new-language-test.sh SRCDIR SIGNPOST
# What README's "Translating signpost" tells a translator, done by a test
# on a copy of the source tree:
#  1. start a language from the template with msginit and translate one
#     message; configure a build with the new file: the build makes its
#     catalog, and signpost --ui-language xx shows the translation, and
#     English for every message not translated yet;
#  2. change that message's English in the template and msgmerge: the
#     translation is marked fuzzy, and the build leaves it out, so
#     signpost shows the new English.
# Only the catalogs are built in the copy; the signpost under test reads
# them through SIGNPOST_LOCALEDIR.
set -euo pipefail
src=$1 bin=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# What the test writes, and its copy of the fixtures, must be tables
# signpost trusts whatever the checkout's modes (src/trust.h).
umask 022
cp -R "$src/tests/data" "$tmp/fixtures" && chmod -R go-w "$tmp/fixtures"
fail() { echo "new-language-test: $*" >&2; exit 1; }
export HOME=$tmp/home XDG_DATA_HOME=$tmp/xdg
mkdir -p "$HOME" "$XDG_DATA_HOME" "$tmp/src"
# The source tree without build trees or version control.
tar -C "$src" --exclude='./build*' --exclude=./.git -cf - . | tar -C "$tmp/src" -xf -
loc=$tmp/src/locales

# 1. A new language, one message translated.
(cd "$loc" && msginit --no-translator -l xx -i signpost.pot -o xx.po) >/dev/null 2>&1 ||
	fail "msginit could not start xx.po"
grep -q '^"Language: xx\\n"$' "$loc/xx.po" || fail "msginit wrote no Language: xx"
python3 - "$loc/xx.po" <<'PY'
import sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
old = 'msgctxt "results.header"\n'
i = s.index(old)
j = s.index('msgstr ""\n', i)
s = s[:j] + 'msgstr "Xx-sluzby: {0} / {1}"\n' + s[j + len('msgstr ""\n'):]
open(p, "w", encoding="utf-8").write(s)
PY
msgfmt --check-format -c -o /dev/null "$loc/xx.po" || fail "msgfmt refuses the new xx.po"
cmake -S "$tmp/src" -B "$tmp/build" -DBUILD_TESTING=OFF >"$tmp/log" 2>&1 ||
	{ cat "$tmp/log" >&2; fail "configure failed"; }
cmake --build "$tmp/build" --target signpost_locales >>"$tmp/log" 2>&1 ||
	{ cat "$tmp/log" >&2; fail "building the catalogs failed"; }
res=$tmp/build/share/signpost/locales
[ -f "$res/xx.res" ] || fail "the build made no xx.res (made: $(ls "$res"))"

export SIGNPOST_LOCALEDIR=$res
run() { "$bin" --ui-language xx --data "$tmp/fixtures/mini.yaml" -c CZ -l cs >"$tmp/out" 2>"$tmp/err" ||
	{ cat "$tmp/err" >&2; fail "signpost --ui-language xx failed"; }; }
run
"$bin" --list ui-languages | grep -q '^xx	' || fail "--list ui-languages does not list xx"
# The emergency numbers come first; the header follows them.
grep -q '^Xx-sluzby: .* / ' "$tmp/out" || { cat "$tmp/out" >&2; fail "the translation is not shown"; }
grep -q '^1\. Test Line — Czechia, in Czech$' "$tmp/out" || { cat "$tmp/out" >&2; fail "an untranslated message is not in English"; }

# 2. The English changes; msgmerge marks the translation fuzzy; the build
# leaves it out and signpost shows the new English.
python3 - "$loc/signpost.pot" <<'PY' || fail "could not change the English of results.header"
import re, sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
# A small edit, as English usually changes: msgmerge then keeps the
# translation, marked fuzzy (a rewrite would make it obsolete instead).
s, n = re.subn(r'(msgctxt "results.header"\nmsgid "[^\n]*)"\n', r'\1 (changed)"\n', s)
if n != 1:
    sys.exit(1)
open(p, "w", encoding="utf-8").write(s)
PY
msgmerge -q -U --backup=none "$loc/xx.po" "$loc/signpost.pot" || fail "msgmerge failed"
grep -A3 '^#, fuzzy' "$loc/xx.po" | grep -q '^msgctxt "results.header"$' ||
	{ grep -B3 -A3 results.header "$loc/xx.po" >&2; fail "msgmerge did not mark the changed message fuzzy"; }
grep -q '^msgstr "Xx-sluzby' "$loc/xx.po" || fail "msgmerge dropped the old translation"
cmake --build "$tmp/build" --target signpost_locales >>"$tmp/log" 2>&1 ||
	{ cat "$tmp/log" >&2; fail "rebuilding the catalogs failed"; }
run
# The longer English header may wrap: read the output as one line.
! grep -q 'Xx-sluzby' "$tmp/out" && tr '\n' ' ' <"$tmp/out" | grep -q ' found\. (changed) ' ||
	{ cat "$tmp/out" >&2; fail "the fuzzy translation was shown, not the new English"; }
echo "new-language-test: ok"
