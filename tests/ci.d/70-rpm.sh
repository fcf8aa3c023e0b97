#!/usr/bin/env bash
# The RPM (tests/packaging/rpm-test.sh): tests/packaging/rpm/signpost.spec,
# a Fedora-style spec file, built with Debian's rpmbuild -bb from the
# release tarball, its %check running the whole ctest suite (no test may
# fail or be skipped), then the package's file list (rpm -qlp) and
# library dependencies checked.  rpm/debian-host.macros stands in for the
# Fedora macros Debian's rpm lacks.
# Run locally, as root: bash tests/ci.d/70-rpm.sh   (about 3 minutes)
set -euo pipefail
cd "$(dirname "$0")/../.."
export DEBIAN_FRONTEND=noninteractive
apt-get install -y -qq --no-install-recommends rpm >/dev/null
# The build and test tools are the README's list, as for 60-deb.sh.
dpkg-checkbuilddeps tests/packaging/debian/control
timeout 900 bash tests/packaging/rpm-test.sh
