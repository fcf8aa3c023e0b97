#!/usr/bin/env bash
# chroot-build.sh - builds the signpost source package the way Debian's
# build daemons do, in a clean Debian 12 chroot made here with
# debootstrap (buildd variant), as an unprivileged user, without network:
#
#   1. source     the release tarball (make-orig.sh) and tests/packaging/debian
#                 as a 3.0 (quilt) source package (dpkg-source -b);
#   2. chroot     debootstrap --variant=buildd bookworm, Debian's mirror taken
#                 from the host's apt configuration;
#   3. nocheck    only the Build-Depends left under the nocheck profile are
#                 installed (none of the test tools: checked), then
#                 DEB_BUILD_OPTIONS=nocheck dpkg-buildpackage -Pnocheck -b;
#   4. check      every Build-Depends installed, dpkg-buildpackage -b with the
#                 upstream tests in dh_auto_test; the ctest log must show
#                 every test run and passed, none skipped
#                 (tests/ctest-verdict.sh, SIGNPOST_ALLOW_SKIP);
#                 both builds must install the same files, byte for byte;
#   5. lintian    lintian --pedantic -I on the source and binary packages: no
#                 tag but the overridden ones (each override says why);
#   6. autopkgtest debian/tests against the built .deb, chroot runner;
#   7. cross      (SIGNPOST_CROSS_ARCH, default arm64; empty skips it)
#                 dpkg-buildpackage -a ARCH -Pcross,nocheck -B with
#                 crossbuild-essential-ARCH: the .deb must hold ARCH binaries
#                 and the same data files as the native one.
#
# Each step prints how long it took.  The chroot is made anew on every
# run, from a base system debootstrap made less than a week before (kept as
# a tarball) and upgraded; the downloaded .debs are kept too, all in
# SIGNPOST_CHROOT_CACHE (default /var/cache/signpost-ci), so that later runs
# fetch little.  Mounts live in a private mount namespace and vanish with
# it.  Needs root.
#
# Usage: tests/packaging/chroot-build.sh [OUTDIR]   (OUTDIR keeps the
# packages and logs)
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
say() { echo "chroot-build: $*"; }
fail() { echo "chroot-build: $*" >&2; exit 1; }
[ "$(id -u)" -eq 0 ] || fail "needs root (debootstrap, chroot, mount)"

# Everything below runs in a mount namespace of its own.
if [ -z "${SIGNPOST_CHROOT_NS:-}" ]; then
	exec unshare --mount --propagation private env SIGNPOST_CHROOT_NS=1 bash "$0" "$@"
fi

out=${1:-}
cache=${SIGNPOST_CHROOT_CACHE:-/var/cache/signpost-ci}
cross=${SIGNPOST_CROSS_ARCH-arm64}
suite=bookworm
tmp=$(mktemp -d /var/tmp/signpost-chroot.XXXXXX)
root=$tmp/root
# Unmount first: the package cache is bind-mounted into the chroot, and
# rm -rf would empty it through the mount.
cleanup() {
	local m
	for m in var/cache/apt/archives dev/shm dev/pts proc; do
		! mountpoint -q "$root/$m" || umount -l "$root/$m"
	done
	rm -rf "$tmp"
}
trap cleanup EXIT
export LC_ALL=C.UTF-8 TZ=UTC DEBIAN_FRONTEND=noninteractive
unset CFLAGS CXXFLAGS CPPFLAGS LDFLAGS

for tool in debootstrap dpkg-source lintian autopkgtest; do
	command -v "$tool" >/dev/null || fail "$tool is not installed"
done

# step NAME COMMAND...: runs COMMAND, then says how long it took.
step() {
	local name=$1 t0=$SECONDS
	shift
	say "[$name] start"
	"$@"
	say "[$name] took $((SECONDS - t0)) s"
}
# in_root COMMAND...: COMMAND in the chroot, as root.
in_root() { chroot "$root" "$@"; }
# apt_root ARGS...: apt-get -y ARGS in the chroot, its output shown only
# if it fails.
apt_root() {
	chroot "$root" apt-get -y -q "$@" >"$tmp/apt.log" 2>&1 ||
		{ tail -n 40 "$tmp/apt.log" >&2; fail "apt-get $* failed in the chroot"; }
}
# as_builder DIR COMMAND...: COMMAND in the chroot as the build user, in
# DIR, with no network (a new, empty network namespace) and the
# environment of a build daemon.
as_builder() {
	local dir=$1
	shift
	unshare --net chroot "$root" runuser -u builder -- env -i \
		PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/sbuild-nonexistent LC_ALL=C.UTF-8 \
		TZ=UTC SOURCE_DATE_EPOCH="$SOURCE_DATE_EPOCH" ${DBO:+DEB_BUILD_OPTIONS="$DBO"} \
		sh -c 'cd "$1" && shift && exec "$@"' sh "$dir" "$@"
}

version=$(dpkg-parsechangelog -l "$top/tests/packaging/debian/changelog" -S Version)
upstream=${version%-*}
export SOURCE_DATE_EPOCH
SOURCE_DATE_EPOCH=$(dpkg-parsechangelog -l "$top/tests/packaging/debian/changelog" -S Timestamp)
dsc=signpost_$version.dsc

# 1. The source package.
source_package() {
	bash "$top/tests/packaging/make-orig.sh" "$top" "$tmp/signpost_$upstream.orig.tar.gz"
	tar -C "$tmp" -xzf "$tmp/signpost_$upstream.orig.tar.gz"
	[ ! -e "$tmp/signpost-$upstream/debian" ] || fail "the tarball already has a debian/ folder"
	cp -R "$top/tests/packaging/debian" "$tmp/signpost-$upstream/debian"
	(cd "$tmp" && dpkg-source -b "signpost-$upstream" >/dev/null)
	[ -f "$tmp/$dsc" ] || fail "dpkg-source made no $dsc"
}

# 2. The chroot: Debian's mirror as the host's apt reaches it.
make_chroot() {
	local mirror security
	mirror=$(apt-get indextargets --format '$(REPO_URI) $(RELEASE)' 'Identifier: Packages' |
		awk -v s="$suite" '$2 == s { print $1; exit }')
	security=$(apt-get indextargets --format '$(REPO_URI) $(RELEASE)' 'Identifier: Packages' |
		awk -v s="$suite-security" '$2 == s { print $1; exit }')
	[ -n "$mirror" ] || fail "the host's apt has no $suite source to take the mirror from"
	mkdir -p "$cache/debootstrap" "$cache/apt/partial"
	# A base system debootstrap made less than a week ago is unpacked
	# (then upgraded below) rather than made again, which takes minutes.
	local base=$cache/$suite-buildd.tar
	if [ -n "$(find "$base" -mtime -7 2>/dev/null)" ]; then
		mkdir "$root"
		tar -C "$root" --numeric-owner -xpf "$base"
		say "chroot: the base system of $(date -r "$base" +%F), from $base"
	else
		debootstrap --variant=buildd --cache-dir="$cache/debootstrap" "$suite" "$root" "$mirror" \
			>"$tmp/debootstrap.log" 2>&1 ||
			{ tail -n 30 "$tmp/debootstrap.log" >&2; fail "debootstrap failed"; }
		tar -C "$root" --numeric-owner -cpf "$base.new" . && mv "$base.new" "$base"
		say "chroot: debootstrap --variant=buildd $suite from $mirror"
	fi
	{
		echo "deb $mirror $suite main"
		echo "deb $mirror $suite-updates main"
		[ -z "$security" ] || echo "deb $security $suite-security main"
	} >"$root/etc/apt/sources.list"
	cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
	# What a build needs of /proc and /dev: expect and the session tests
	# open pseudo-terminals; the downloaded packages are kept.
	mount -t proc proc "$root/proc"
	mount -t devpts -o newinstance,ptmxmode=0666,mode=0620 devpts "$root/dev/pts"
	ln -sf pts/ptmx "$root/dev/ptmx"
	mount -t tmpfs tmpfs "$root/dev/shm"
	mount --bind "$cache/apt" "$root/var/cache/apt/archives"
	apt_root update
	apt_root dist-upgrade
	in_root useradd --create-home --home-dir /build builder
	cp "$tmp/$dsc" "$tmp/signpost_$upstream.orig.tar.gz" "$tmp"/signpost_"$version".debian.tar.* \
		"$root/build/"
	in_root chown -R builder: /build
}

# build NAME DPKG-BUILDPACKAGE-OPTIONS...: unpacks the source package
# afresh in /build/src (the same path each time, so that builds can be
# compared byte for byte) and builds it as the build user, without
# network; the packages end in /build/NAME, the log in $tmp/NAME.log.
build() {
	local name=$1
	shift
	as_builder /build sh -c "rm -rf src && dpkg-source -x $dsc src" >"$tmp/unpack.log" 2>&1 ||
		{ cat "$tmp/unpack.log" >&2; fail "dpkg-source -x failed"; }
	if ! as_builder /build/src dpkg-buildpackage -us -uc "$@" >"$tmp/$name.log" 2>&1; then
		# CMake's own error first: the tail is often its compiler probe log.
		grep -A 15 '^CMake Error' "$tmp/$name.log" | head -n 60 >&2 || true
		# And what each failed test printed (ctest --verbose prefixes
		# its lines with the test's number).
		sed -n 's/^[[:space:]]*\([0-9]*\) - .*(Failed)$/\1/p' "$tmp/$name.log" |
			while read -r n; do grep "^$n: " "$tmp/$name.log" | tail -n 40; done >&2 || true
		tail -n 80 "$tmp/$name.log" >&2
		fail "$name: dpkg-buildpackage $* failed (log above)"
	fi
	mkdir "$root/build/$name"
	mv "$root"/build/*.deb "$root"/build/*.changes "$root"/build/*.buildinfo "$root/build/$name/"
	say "$name: $(cd "$root/build/$name" && echo *.deb)"
}

# 3. nocheck: only what the nocheck profile keeps is installed.
build_nocheck() {
	apt_root build-dep -P nocheck "/build/$dsc"
	local p present=""
	# python3 builds too (CLDR extraction, catalogs): its modules are the tests'.
	for p in jq expect mandoc libfribidi-bin python3-yaml python3-jsonschema python3-phonenumbers \
		python3-holidays strace zsh fish locales-all bash-completion; do
		in_root dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q ' installed' &&
			present="$present $p"
	done
	[ -z "$present" ] || fail "the nocheck chroot has test tools installed:$present"
	say "nocheck: no test tool is installed"
	DBO=nocheck build nocheck -Pnocheck -b
	grep -q -- '-DBUILD_TESTING=OFF' "$tmp/nocheck.log" || fail "nocheck did not pass -DBUILD_TESTING=OFF"
}

# 4. The full build with the upstream tests.
build_check() {
	apt_root build-dep "/build/$dsc"
	DBO='' build check -b
	bash "$top/tests/ctest-verdict.sh" "$tmp/check.log" chroot-build ||
		fail "the upstream tests did not all run and pass in the chroot"
	say "check: $(grep -E '^[0-9]+% tests passed' "$tmp/check.log")"
	# A nocheck build installs exactly what a checked one does.
	local a b
	a=$(ls "$root"/build/nocheck/signpost_*.deb) b=$(ls "$root"/build/check/signpost_*.deb)
	diff <(dpkg-deb -c "$a" | awk '{print $1, $6}') <(dpkg-deb -c "$b" | awk '{print $1, $6}') >&2 ||
		fail "the nocheck and checked packages hold different files"
	if cmp -s <(dpkg-deb --fsys-tarfile "$a") <(dpkg-deb --fsys-tarfile "$b"); then
		say "check: the nocheck and checked packages' files are identical"
	else
		fail "the nocheck and checked packages' files differ"
	fi
}

# 5. lintian on the source package and the checked build's binaries.
run_lintian() {
	local arch changes
	arch=$(dpkg-architecture -qDEB_HOST_ARCH)
	changes=$root/build/check/signpost_${version}_$arch.changes
	[ -f "$changes" ] || fail "no $changes"
	lintian --pedantic -I --show-overrides --tag-display-limit 0 "$tmp/$dsc" "$changes" 2>&1 |
		grep -v 'running with root privileges' | tee "$tmp/lintian.log"
	lintian --pedantic -I --fail-on error,warning,info,pedantic -q "$tmp/$dsc" "$changes" \
		>/dev/null 2>&1 || fail "lintian --pedantic -I shows tags that are not overridden (above)"
	say "lintian: $(grep -c '^O: ' "$tmp/lintian.log" || true) overridden tags, no other"
}

# 6. autopkgtest, chroot runner, against the built .deb.
run_autopkgtest() {
	local rc=0
	autopkgtest --no-built-binaries --output-dir "$tmp/autopkgtest" \
		"$root"/build/check/signpost_*.deb "$tmp/signpost-$upstream/" -- chroot "$root" \
		>"$tmp/autopkgtest.log" 2>&1 || rc=$?
	# (autopkgtest prints each result twice: as it runs and in its summary)
	grep -E '^[a-z0-9-]+ +(PASS|FAIL|SKIP|FLAKY)' "$tmp/autopkgtest.log" | awk '!seen[$0]++' |
		sed 's/^/chroot-build: autopkgtest: /' || true
	grep -h '^cli: ' "$tmp/autopkgtest.log" | tail -n 1 || true
	if [ "$rc" -ne 0 ]; then
		grep -A 25 '^FAIL ' "$tmp/autopkgtest.log" | head -n 150 >&2 || true
		tail -n 60 "$tmp/autopkgtest.log" >&2
		fail "autopkgtest failed (exit $rc)"
	fi
}

# 7. A cross build: tools for the build machine, binaries for $cross.
build_cross() {
	in_root dpkg --add-architecture "$cross"
	apt_root update
	apt_root install --no-install-recommends "crossbuild-essential-$cross"
	apt_root build-dep -a "$cross" -P cross,nocheck "/build/$dsc"
	DBO=nocheck build cross -a "$cross" -Pcross,nocheck -B
	local deb native x
	deb=$(ls "$root"/build/cross/signpost_*_"$cross".deb) native=$(ls "$root"/build/check/signpost_*.deb)
	mkdir "$tmp/x" "$tmp/n"
	dpkg-deb -x "$deb" "$tmp/x"
	dpkg-deb -x "$native" "$tmp/n"
	x=$(LC_ALL=C readelf -h "$tmp/x/usr/bin/signpost" | sed -n 's/^ *Machine: *//p')
	say "cross: usr/bin/signpost is for $x"
	case $cross in
	arm64) [ "$x" = AArch64 ] || fail "the $cross package's binary is for $x" ;;
	esac
	# Files derived at build time, by tools run on the build machine, are
	# the native build's (the data is little-endian and ICU the same).
	diff -r "$tmp/n/usr/share" "$tmp/x/usr/share" -x changelog.Debian.gz -x copyright >&2 ||
		fail "the $cross package's data differs from the native one's"
	say "cross: its share/ is the native package's, names.cache and services.idx included"
}

total=$SECONDS
step source source_package
step chroot make_chroot
step nocheck build_nocheck
step check build_check
step lintian run_lintian
step autopkgtest run_autopkgtest
if [ -n "$cross" ]; then
	step "cross $cross" build_cross
else
	say "cross build skipped (SIGNPOST_CROSS_ARCH is empty)"
fi
if [ -n "$out" ]; then
	mkdir -p "$out"
	cp "$tmp"/*.log "$tmp/$dsc" "$tmp"/signpost_"$upstream".orig.tar.gz \
		"$tmp"/signpost_"$version".debian.tar.* "$out/"
	for d in "$root"/build/*/; do
		d=${d%/}
		[ "${d##*/}" != src ] || continue
		mkdir -p "$out/${d##*/}"
		cp "$d"/* "$out/${d##*/}/"
	done
	say "packages and logs copied to $out"
fi
say "ok: signpost $version in a clean $suite chroot: nocheck, checked, lintian, autopkgtest${cross:+, cross $cross} ($((SECONDS - total)) s)"
