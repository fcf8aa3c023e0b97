#!/usr/bin/env bash
# po-test.sh SRCDIR
# The translations of the manual pages (man/po/signpost.N/LANG.po, po4a):
# the templates and PO files are in step with the English pages (po4a in
# update mode changes nothing but dates), and every paragraph is
# translated and none is fuzzy, since the build writes what po4a has and
# an untranslated paragraph would stay English in a Czech or German page.
set -euo pipefail
src=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "man-po-test: $*" >&2; exit 1; }

cp -r "$src/man" "$tmp/man"
cd "$tmp/man"
for cfg in po4a-*.cfg; do
	po4a -q --no-translations "$cfg" >"$tmp/log" 2>&1 || { cat "$tmp/log" >&2; fail "po4a $cfg failed"; }
done
# po4a stamps the template with the time it ran.
strip() { grep -v '^"POT-Creation-Date: ' "$1"; }
for f in "$src"/man/po/*/*.po "$src"/man/po/*/*.pot; do
	rel=${f#"$src/man/"}
	diff -u <(strip "$f") <(strip "$tmp/man/$rel") >&2 ||
		fail "man/$rel is not in step with the English page: run po4a on the configuration in man/"
done
for f in "$src"/man/po/*/*.po; do
	stats=$(LC_ALL=C msgfmt --statistics -o /dev/null "$f" 2>&1)
	case $stats in
	*fuzzy* | *untranslated*) fail "${f#"$src/"}: $stats" ;;
	esac
done
echo "man-po-test: ok"
