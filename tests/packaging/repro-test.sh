#!/usr/bin/env bash
# repro-test.sh - builds the source tree twice, from two copies and in two
# build directories of different names and lengths, with SOURCE_DATE_EPOCH
# set, installs both into a DESTDIR, and requires the installed trees to be
# identical byte for byte (the binary included) and file modes too.
#
# Usage: repro-test.sh SOURCE_DIR [BUILD_TYPE]
set -euo pipefail
src=$1 type=${2:-RelWithDebInfo}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "repro-test: $*" >&2; exit 1; }
export SOURCE_DATE_EPOCH=1764374400 LC_ALL=C.UTF-8 TZ=UTC

# One snapshot of the tree (it may be edited while we build), copied
# again under a longer name, so that neither a source nor a build path
# can hide in the output.
mkdir "$tmp/s"
tar -C "$src" --exclude='./build*' --exclude='./obj-*' --exclude=./.git -cf - . | tar -C "$tmp/s" -xf -
cp -a "$tmp/s" "$tmp/source-copy-with-a-longer-name"

one() {
	local s=$1 b=$2
	if ! { cmake -S "$s" -B "$b" -DCMAKE_BUILD_TYPE="$type" -DBUILD_TESTING=OFF \
		-DCMAKE_INSTALL_PREFIX=/usr && cmake --build "$b" -j2 &&
		DESTDIR=$b.root cmake --install "$b"; } >"$b.log" 2>&1; then
		cat "$b.log" >&2
		fail "build in $b failed"
	fi
}
one "$tmp/s" "$tmp/a"
one "$tmp/source-copy-with-a-longer-name" "$tmp/build-with-a-longer-name"
a=$tmp/a.root b=$tmp/build-with-a-longer-name.root

(cd "$a" && find . -printf '%M %p\n' | sort) >"$tmp/a.list"
(cd "$b" && find . -printf '%M %p\n' | sort) >"$tmp/b.list"
diff -u "$tmp/a.list" "$tmp/b.list" >&2 || fail "the two installs hold different files or modes"
diff -r --no-dereference "$a" "$b" >&2 || fail "the two installs differ (above)"
n=$(find "$a" -type f | wc -l)
[ "$n" -gt 5 ] || fail "only $n files installed?"
echo "repro-test: ok ($n files identical)"
