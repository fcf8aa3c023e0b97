#!/usr/bin/env bash
# build-deb.sh - builds signpost as a Debian package the way a distribution
# would: a release tarball of the checkout, unpacked in a temporary
# directory, with tests/packaging/debian added as debian/, then
# `dpkg-buildpackage -us -uc -b` (the upstream tests run in dh_auto_test,
# none may be skipped), `lintian --pedantic -I` with no tag but the
# overridden ones on the .changes and its .deb,
# `dpkg -i`, a lookup from /usr/bin and `man signpost`.  The package is
# removed again at the end unless --keep is given.  Needs root (dpkg -i).
#
# The tarball is made by make-orig.sh: `git archive HEAD` when the work
# tree is clean, otherwise the work tree's files, so uncommitted work is
# what gets built.  Nothing here writes to the repository.
#
# Usage: tests/packaging/build-deb.sh [--keep] [OUTDIR]
set -euo pipefail
keep=false
[ "${1:-}" = --keep ] && { keep=true; shift; }
top=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "build-deb: $*" >&2; exit 1; }
say() { echo "build-deb: $*"; }

export LC_ALL=C.UTF-8 TZ=UTC
# Build as a distribution does, with its flags only: not with CI's -Werror.
unset CFLAGS CXXFLAGS CPPFLAGS LDFLAGS

version=$(dpkg-parsechangelog -l "$top/tests/packaging/debian/changelog" -S Version)
upstream=${version%-*}
cmake_version=$(sed -n 's/^project(signpost VERSION \([0-9.]*\).*/\1/p' "$top/CMakeLists.txt")
[ "$upstream" = "$cmake_version" ] ||
	fail "debian/changelog says $upstream, CMakeLists.txt says $cmake_version"
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(dpkg-parsechangelog -l "$top/tests/packaging/debian/changelog" -S Timestamp)}

# 1. The release tarball (the .orig.tar.gz of a 3.0 (quilt) package).
orig=$tmp/signpost_$upstream.orig.tar.gz
bash "$top/tests/packaging/make-orig.sh" "$top" "$orig" | sed 's/^make-orig/build-deb/'

# 2. Unpack, add debian/, build the binary package and run the tests.
tar -C "$tmp" -xzf "$orig"
src=$tmp/signpost-$upstream
[ ! -e "$src/debian" ] || fail "the tarball already has a debian/ folder"
cp -R "$top/tests/packaging/debian" "$src/debian"
say "dpkg-buildpackage -us -uc -b in $src"
(cd "$src" && dpkg-buildpackage -us -uc -b) >"$tmp/build.log" 2>&1 ||
	{ tail -n 80 "$tmp/build.log" >&2; fail "dpkg-buildpackage failed (log above)"; }
bash "$top/tests/ctest-verdict.sh" "$tmp/build.log" build-deb ||
	fail "the upstream tests did not all run and pass"
arch=$(dpkg-architecture -qDEB_HOST_ARCH)
deb=$tmp/signpost_${version}_$arch.deb
changes=$tmp/signpost_${version}_$arch.changes
if [ ! -f "$deb" ] || [ ! -f "$changes" ]; then
	fail "no $deb or $changes"
fi
say "$(grep -E '^[0-9]+% tests passed' "$tmp/build.log")"

# 3. lintian --pedantic -I: no tag at all but the overridden ones (each
# override in debian/ carries its reason).
say "lintian --pedantic -I"
lintian --pedantic -I --show-overrides --tag-display-limit 0 "$changes" 2>&1 |
	grep -v 'running with root privileges' || true
lintian --pedantic -I --fail-on error,warning,info,pedantic -q "$changes" >/dev/null 2>&1 ||
	fail "lintian reports tags (above)"

# 4. Install it and use it.
[ "$(id -u)" -eq 0 ] || fail "dpkg -i needs root"
say "dpkg -i $(basename "$deb")"
dpkg -i "$deb" >"$tmp/dpkg.log" 2>&1 || { cat "$tmp/dpkg.log" >&2; fail "dpkg -i failed"; }
$keep || trap 'dpkg -r signpost >/dev/null 2>&1 || true; rm -rf "$tmp"' EXIT
cd "$tmp"
mkdir -p "$tmp/home"
env -i PATH=/usr/bin:/bin LC_ALL=C.UTF-8 TZ=UTC HOME="$tmp/home" COLUMNS=80 NO_COLOR=1 \
	/usr/bin/signpost -c CZ -l cs --no-input >"$tmp/run.out" 2>"$tmp/run.err" ||
	{ cat "$tmp/run.out" "$tmp/run.err" >&2; fail "/usr/bin/signpost -c CZ -l cs failed"; }
grep -q Parafilik "$tmp/run.out" || { cat "$tmp/run.out" >&2; fail "no Parafilik in the lookup"; }
head -n 3 "$tmp/run.out"
env -i PATH=/usr/bin:/bin LC_ALL=C.UTF-8 HOME="$tmp/home" MANPAGER=cat MANWIDTH=80 \
	man signpost >"$tmp/man.out" 2>"$tmp/man.err" || { cat "$tmp/man.err" >&2; fail "man signpost failed"; }
head -n 8 "$tmp/man.out"
grep -q 'SYNOPSIS' "$tmp/man.out" || fail "man signpost does not render"
env -i PATH=/usr/bin:/bin LC_ALL=C.UTF-8 MANPAGER=cat man 5 signpost | grep -q 'LOCAL TABLES' ||
	fail "man 5 signpost does not render"
[ -f /usr/share/bash-completion/completions/signpost ] || fail "no bash completion installed"
[ -f /usr/share/zsh/vendor-completions/_signpost ] ||
	fail "no zsh completion in Debian's vendor-completions"
# No installed file names the directory the package was built in.
dpkg -L signpost | while read -r f; do [ -f "$f" ] && printf '%s\0' "$f"; done |
	xargs -0 grep -lF -- "$tmp" >&2 && fail "the build path $tmp is in the files above"

if [ -n "$out" ]; then
	mkdir -p "$out"
	cp "$deb" "$changes" "$tmp"/*.buildinfo "$orig" "$out/"
	say "copied the package to $out"
fi
$keep && say "signpost $version stays installed (--keep)"
say "ok: signpost $version built, tested, lintian-clean, installed and run"
