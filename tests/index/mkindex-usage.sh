#!/usr/bin/env bash
# mkindex-usage.sh MKINDEX VERSION - signpost-mkindex is a tool people
# are told to run (signpost(5)): --help prints its usage on stdout and
# exits 0, --version names the release, and a wrong command line prints
# the usage on stderr and fails.
set -euo pipefail
mk=$1 version=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "mkindex-usage: $*" >&2; exit 1; }

"$mk" --help >"$tmp/out" 2>"$tmp/err" || fail "--help exits $?"
[ ! -s "$tmp/err" ] || { cat "$tmp/err" >&2; fail "--help wrote to stderr"; }
head -n 1 "$tmp/out" | grep -qx 'usage: signpost-mkindex \[--names-dir DIR\] FILE.yaml \[INDEX\]' ||
	{ cat "$tmp/out" >&2; fail "--help does not start with the usage"; }
grep -q -- '--names-dir' "$tmp/out" || fail "--help does not name --names-dir"

"$mk" --version >"$tmp/out" 2>"$tmp/err" || fail "--version exits $?"
[ "$(cat "$tmp/out")" = "signpost-mkindex (signpost) $version" ] ||
	{ cat "$tmp/out" >&2; fail "--version does not say $version"; }

for args in "" "--no-such-option" "a b c" "--names-dir"; do
	# shellcheck disable=SC2086
	if "$mk" $args >"$tmp/out" 2>"$tmp/err"; then
		fail "'$args' succeeded"
	fi
	[ ! -s "$tmp/out" ] || fail "'$args' wrote to stdout"
	grep -q '^usage: signpost-mkindex' "$tmp/err" || fail "'$args' does not print the usage"
done
echo "mkindex-usage: ok"
