#!/usr/bin/env bash
# The Debian package: installs the packaging tools, then runs
# tests/packaging/build-deb.sh, which builds signpost from a release
# tarball with tests/packaging/debian (upstream tests in dh_auto_test),
# requires a lintian run with no errors and no warnings, installs the
# .deb with dpkg -i, runs `signpost -c CZ -l cs` from /usr/bin and renders
# `man signpost`, then removes the package.
# Run locally, as root: bash tests/ci.d/60-deb.sh   (about 2 minutes)
set -euo pipefail
cd "$(dirname "$0")/../.."
export DEBIAN_FRONTEND=noninteractive
apt-get install -y -qq --no-install-recommends debhelper devscripts lintian dpkg-dev \
	fakeroot man-db >/dev/null
# Everything else the build needs is the README's list; check it is there
# (dpkg-checkbuilddeps reads debian/control) rather than install silently.
dpkg-checkbuilddeps tests/packaging/debian/control
timeout 600 bash tests/packaging/build-deb.sh
