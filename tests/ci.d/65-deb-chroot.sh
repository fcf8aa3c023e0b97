#!/usr/bin/env bash
# The Debian package as Debian's build daemons build it
# (tests/packaging/chroot-build.sh): in a clean Debian 12 chroot made with
# debootstrap, as an unprivileged user without network, once with
# DEB_BUILD_OPTIONS=nocheck (no test tool installed) and once with the
# whole upstream suite (no test may fail or be skipped); lintian
# --pedantic -I on the source and binary packages (only the commented
# overrides in debian/); autopkgtest (chroot runner) against the built
# .deb; and a cross build for arm64 (SIGNPOST_CROSS_ARCH, empty to skip).
# Each step prints how long it took.  Needs root and Debian's mirror
# (through the host's apt configuration).
# Run locally, as root: bash tests/ci.d/65-deb-chroot.sh   (about 8
# minutes on 2 cores; the first run on a machine also downloads about
# 250 MB and runs debootstrap, 2-3 minutes more)
set -euo pipefail
cd "$(dirname "$0")/../.."
export DEBIAN_FRONTEND=noninteractive
apt-get install -y -qq --no-install-recommends debootstrap autopkgtest lintian dpkg-dev \
	devscripts >/dev/null
timeout 1500 bash tests/packaging/chroot-build.sh
