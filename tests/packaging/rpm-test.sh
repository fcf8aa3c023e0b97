#!/usr/bin/env bash
# rpm-test.sh - builds tests/packaging/rpm/signpost.spec as an RPM
# packager would, on this Debian machine: the release tarball
# (make-orig.sh, as `git archive` makes it) as Source0, then
# `rpmbuild -bb` with %check, which runs the whole ctest suite (no test
# may fail or be skipped: tests/ctest-verdict.sh), then checks the
# package with `rpm -qlp` against the files the install must hold and
# `rpm -qp --requires` for the libraries it links.
#
# Debian's rpm lacks Fedora's cmake and shell-completion macros:
# rpm/debian-host.macros defines them (loaded with rpmbuild --load).  The
# BuildRequires name Fedora packages, which Debian's empty rpm database
# cannot know, so rpmbuild runs with --nodeps; their Debian equivalents
# are the README's build line.
#
# Usage: tests/packaging/rpm-test.sh [OUTDIR]   (OUTDIR keeps the .rpm)
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
here=$top/tests/packaging
out=${1:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "rpm-test: $*" >&2; exit 1; }
say() { echo "rpm-test: $*"; }
export LC_ALL=C.UTF-8 TZ=UTC
unset CFLAGS CXXFLAGS CPPFLAGS LDFLAGS

for tool in rpmbuild rpm; do
	command -v "$tool" >/dev/null || fail "$tool is not installed (Debian package rpm)"
done
spec=$here/rpm/signpost.spec
version=$(sed -n 's/^project(signpost VERSION \([0-9.]*\).*/\1/p' "$top/CMakeLists.txt")
spec_version=$(sed -n 's/^Version: *//p' "$spec")
[ "$version" = "$spec_version" ] || fail "signpost.spec says $spec_version, CMakeLists.txt $version"

mkdir -p "$tmp/rpmbuild/SOURCES"
bash "$here/make-orig.sh" "$top" "$tmp/rpmbuild/SOURCES/signpost-$version.tar.gz" |
	sed 's/^make-orig/rpm-test/'
say "rpmbuild -bb (with %check)"
t0=$SECONDS
if ! rpmbuild -bb --nodeps --load "$here/rpm/debian-host.macros" \
	--define "_topdir $tmp/rpmbuild" "$spec" >"$tmp/rpmbuild.log" 2>&1; then
	tail -n 80 "$tmp/rpmbuild.log" >&2
	fail "rpmbuild failed (log above)"
fi
say "rpmbuild took $((SECONDS - t0)) s"
grep -q '^+ /usr/bin/ctest ' "$tmp/rpmbuild.log" || fail "%check did not run ctest"
bash "$top/tests/ctest-verdict.sh" "$tmp/rpmbuild.log" rpm-test ||
	fail "the tests in %check did not all run and pass"
say "%check: $(grep -E '^[0-9]+% tests passed' "$tmp/rpmbuild.log")"

rpm=$(find "$tmp/rpmbuild/RPMS" -name "signpost-$version-1*.rpm")
if [ -z "$rpm" ] || [ "$(echo "$rpm" | wc -l)" != 1 ]; then
	fail "not one signpost RPM: $rpm"
fi
say "$(basename "$rpm")"

# The files: exactly these (directories aside).
rpm -qlp "$rpm" | sort >"$tmp/have"
{
	printf '%s\n' /usr/bin/signpost /usr/libexec/signpost/signpost-mkindex \
		/usr/share/signpost/names.cache /usr/share/signpost/signpost.schema.json \
		/usr/share/licenses/signpost/LICENSE \
		/usr/share/doc/signpost/README.md /usr/share/doc/signpost/README.data.md \
		/usr/share/bash-completion/completions/signpost \
		/usr/share/zsh/site-functions/_signpost \
		/usr/share/fish/vendor_completions.d/signpost.fish
	for f in services emergency holidays; do
		echo "/usr/share/signpost/$f.yaml"
		echo "/usr/share/signpost/$f.idx"
	done
	echo /usr/share/signpost/locales/en.res
	for f in "$top"/locales/*.po; do
		n=${f##*/}
		echo "/usr/share/signpost/locales/${n%.po}.res"
	done
	echo /usr/share/man/man1/signpost.1.gz
	echo /usr/share/man/man5/signpost.5.gz
	for f in "$top"/man/po/signpost.[1-9]/*.po; do
		lang=${f##*/} lang=${lang%.po} page=${f%/*} page=${page##*/}
		echo "/usr/share/man/$lang/man${page##*.}/$page.gz"
	done
} | sort >"$tmp/want"
# rpm -qlp lists the owned directories too, and the build-id links that
# Fedora's packages carry as well; compare the files only.
grep -vxF -e /usr/libexec/signpost -e /usr/share/signpost -e /usr/share/signpost/locales \
	-e /usr/share/doc/signpost -e /usr/share/licenses/signpost "$tmp/have" |
	grep -v '^/usr/lib/\.build-id\(/\|$\)' >"$tmp/have.files" || true
diff -u "$tmp/want" "$tmp/have.files" >&2 || fail "the RPM holds other files than expected (diff above)"
say "rpm -qlp: $(wc -l <"$tmp/have.files") files, as expected"

# Automatic dependencies: the libraries it links, nothing of the build tree.
rpm -qp --requires "$rpm" >"$tmp/requires"
for lib in libicuuc libicui18n libyaml libreadline; do
	grep -q "^$lib" "$tmp/requires" || { cat "$tmp/requires" >&2; fail "no dependency on $lib"; }
done
if rpm -qlp -v "$rpm" | grep -F "$tmp"; then
	fail "the RPM names the build directory"
fi
rpm -qp --queryformat '%{NAME} %{VERSION}-%{RELEASE} %{ARCH}, %{LICENSE}\n' "$rpm"

if [ -n "$out" ]; then
	mkdir -p "$out"
	cp "$rpm" "$tmp/rpmbuild.log" "$out/"
fi
say "ok"
