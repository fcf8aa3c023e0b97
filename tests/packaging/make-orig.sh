#!/usr/bin/env bash
# make-orig.sh TOP OUT - writes the release tarball of the source tree TOP
# (the .orig.tar.gz of a Debian 3.0 (quilt) package, the Source0 of the
# RPM) to OUT, unpacking to signpost-VERSION/.  It is `git archive HEAD`
# when the work tree is clean; otherwise the work tree's tracked and
# untracked, not ignored files (listed by git, written by tar), so that
# uncommitted work is what gets built; outside a git checkout, the tree
# without build directories.  Nothing is written to the repository.
# Files carry SOURCE_DATE_EPOCH (default: now) as their time, and modes
# that nobody but the owner may write (0644, 0755 for directories and
# executables), whatever the umask of the checkout: signpost refuses a
# table that its group may change, and the tests read tables from the
# unpacked tree.
set -euo pipefail
top=$1 out=$2
version=$(sed -n 's/^project(signpost VERSION \([0-9.]*\).*/\1/p' "$top/CMakeLists.txt")
[ -n "$version" ] || { echo "make-orig: no version in $top/CMakeLists.txt" >&2; exit 1; }
epoch=${SOURCE_DATE_EPOCH:-$(date +%s)}
tarball() { tar --sort=name --mtime="@$epoch" --owner=0 --group=0 --numeric-owner --mode=go-w "$@" | gzip -n >"$out"; }

if ! git -C "$top" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
	echo "make-orig: the source tree (not a git checkout; build directories left out)"
	tarball -C "$top" --exclude='./build*' --exclude='./obj-*' --exclude=./.git \
		--transform="s|^\.|signpost-$version|" -cf - .
elif [ -z "$(git -C "$top" status --porcelain --untracked-files=normal)" ]; then
	echo "make-orig: git archive HEAD ($(git -C "$top" rev-parse --short HEAD))"
	git -C "$top" -c tar.umask=0022 archive --format=tar.gz --prefix="signpost-$version/" -o "$out" HEAD
else
	echo "make-orig: the work tree (uncommitted changes included)"
	list=$(mktemp)
	trap 'rm -f "$list"' EXIT
	(cd "$top" && git ls-files -z --cached --others --exclude-standard |
		while IFS= read -r -d '' f; do [ -f "$f" ] && printf '%s\0' "$f"; done) >"$list"
	tarball -C "$top" --null -T "$list" --transform="s|^|signpost-$version/|" -cf -
fi
