#!/usr/bin/env bash
# ctest-verdict.sh LOG [WHO] - judges a ctest run by its output (ctest's
# own, or a build log holding it): it passes only if ctest says
# "100% tests passed, 0 tests failed out of N" with N > 0 and lists no
# test as skipped.  ctest counts a skipped test (exit 77: a locale, a
# catalog or strace missing) as passed, so without this a suite could
# vanish while CI stays green.  A test that may skip in one environment is
# allowed by naming it in SIGNPOST_ALLOW_SKIP (space-separated ctest
# names, e.g. "hardening/no_trace" where ptrace is forbidden); nothing is
# allowed by default.  WHO prefixes the messages (default ctest-verdict).
set -euo pipefail
log=$1 who=${2:-ctest-verdict}
allow=" ${SIGNPOST_ALLOW_SKIP:-} "

grep -Eq '^100% tests passed, 0 tests failed out of [1-9]' "$log" || {
	echo "$who: not every test passed, or none ran" >&2
	exit 1
}
# ctest lists them after "The following tests did not run:" as
# "<tab>  12 - cli/name (Skipped)".
skipped=$(sed -n 's/^[[:space:]]*[0-9][0-9]* - \(.*\) (Skipped)$/\1/p' "$log" | sort -u)
bad=0
for t in $skipped; do
	if [[ $allow == *" $t "* ]]; then
		echo "$who: skipped, as SIGNPOST_ALLOW_SKIP allows: $t"
	else
		echo "$who: skipped: $t" >&2
		bad=$((bad + 1))
	fi
done
[ "$bad" -eq 0 ] || {
	echo "$who: $bad tests skipped (see why in their output); install what they need," \
		"or name them in SIGNPOST_ALLOW_SKIP if this environment cannot run them" >&2
	exit 1
}
