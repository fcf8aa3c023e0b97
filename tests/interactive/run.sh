#!/bin/sh
# run.sh SIGNPOST SCRIPT.exp - runs one interactive test through a real
# pseudo-terminal (expect) in a pinned environment: HOME and the XDG
# directories are fresh empty temporary directories, and the test fails if
# anything was created in them (signpost must never write a file).
set -eu
bin=$1
script=$2
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/signpost-pty.XXXXXX")
trap 'rm -rf "$tmp"' EXIT HUP INT TERM
mkdir "$tmp/home" "$tmp/data" "$tmp/config" "$tmp/state" "$tmp/cache"
rc=0
env -i PATH=/usr/bin:/bin HOME="$tmp/home" XDG_DATA_HOME="$tmp/data" \
	XDG_CONFIG_HOME="$tmp/config" XDG_STATE_HOME="$tmp/state" XDG_CACHE_HOME="$tmp/cache" \
	TZ=UTC LC_ALL=C.UTF-8 COLUMNS=80 NO_COLOR=1 TERM=dumb \
	${SIGNPOST_TEST_VERBOSE:+SIGNPOST_TEST_VERBOSE=1} \
	SIGNPOST="$bin" SIGNPOST_TEST_LIB="$here/lib.exp" \
	expect -c "source {$here/lib.exp}" -f "$script" || rc=$?
left=$(cd "$tmp" && find home data config state cache -mindepth 1 | head -n 20)
if [ -n "$left" ]; then
	echo "FAIL: signpost left files behind:" >&2
	echo "$left" >&2
	exit 1
fi
exit "$rc"
