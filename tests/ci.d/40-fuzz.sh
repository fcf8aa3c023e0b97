#!/usr/bin/env bash
# Fuzzing: builds the libFuzzer harnesses of tests/fuzz with clang
# (-fsanitize=fuzzer,address,undefined) in build-fuzz and runs each for
# FUZZ_SECONDS (default 120) on 2 jobs, seeded from the shipped table,
# every table fixture in tests/data, and tests/fuzz/corpus.  Seven
# harnesses of 2 minutes are 14 minutes: what CI's 90 minutes leave once
# the rest of tests/ci.d (sanitizers, packages in a chroot, RPM) has its
# share; the total is printed.  Longer runs: FUZZ_SECONDS=600.
# Any crash, leak, timeout or out-of-memory fails; the reproducer is left
# in build-fuzz/findings/ (turn it into a fixture in tests/data and a unit
# test).  Run locally: FUZZ_SECONDS=300 bash tests/ci.d/40-fuzz.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
src=$PWD
dir=${SIGNPOST_FUZZ_DIR:-build-fuzz}
secs=${FUZZ_SECONDS:-120}
harnesses="table index at catalog names hours tree"

CFLAGS= cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER=clang \
	-DSIGNPOST_FUZZ=ON -DBUILD_TESTING=OFF -DSIGNPOST_WERROR=ON >/dev/null
# shellcheck disable=SC2086
cmake --build "$dir" -j2 --target $(printf 'fuzz_%s ' $harnesses)

work="$src/$dir/fuzz-work"
rm -rf "$work" "$src/$dir/findings"
mkdir -p "$work" "$src/$dir/findings"
seed() { # harness, then seed files
	local h=$1
	shift
	mkdir -p "$work/seed-$h" "$work/corpus-$h"
	for f in "$@"; do
		[ -f "$f" ] && cp "$f" "$work/seed-$h/$(echo "$f" | tr / _)"
	done
	if [ -d "tests/fuzz/corpus/$h" ]; then
		cp tests/fuzz/corpus/"$h"/* "$work/seed-$h/" 2>/dev/null || true
	fi
}
shopt -s nullglob globstar
seed table data/*.yaml tests/data/**/*.yaml
# The index harness takes a table after its length (u16, little-endian).
seed index
for f in tests/data/*.yaml tests/data/**/*.yaml; do
	[ "$(stat -c %s "$f")" -lt 65536 ] || continue
	python3 -c 'import struct, sys; d = open(sys.argv[1], "rb").read(); sys.stdout.buffer.write(struct.pack("<H", len(d)) + d)' \
		"$f" >"$work/seed-index/$(echo "$f" | tr / _)"
done
seed at
seed catalog
seed names
seed hours
seed tree

export ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
fail=0
n=$(echo $harnesses | wc -w)
echo "40-fuzz: $n harnesses x ${secs}s = $((n * secs / 60)) min $((n * secs % 60)) s of fuzzing"
start=$(date +%s)
for h in $harnesses; do
	case $h in
	table | index) maxlen=262144 ;;
	at) maxlen=64 ;;
	catalog) maxlen=4096 ;;
	tree) maxlen=4096 ;;
	*) maxlen=256 ;;
	esac
	echo "40-fuzz: fuzz_$h for ${secs}s"
	if ! (cd "$src/$dir/findings" &&
		timeout $((secs + 60)) "$src/$dir/fuzz/fuzz_$h" -dict="$src/tests/fuzz/schema.dict" \
			-max_total_time="$secs" -max_len="$maxlen" -timeout=10 -rss_limit_mb=2048 \
			-jobs=2 -workers=2 -print_final_stats=1 -artifact_prefix="$h-" \
			"$work/corpus-$h" "$work/seed-$h" >"$work/$h.log" 2>&1); then
		echo "40-fuzz: fuzz_$h found a problem:" >&2
		cat "$src/$dir/findings"/fuzz-*.log "$work/$h.log" 2>/dev/null |
			grep -E -A30 'ERROR|runtime error|Sanitizer|deadly signal|timeout' | head -80 >&2 || true
		ls "$src/$dir/findings" >&2
		fail=1
	fi
	# With -jobs, libFuzzer writes each job's log to fuzz-N.log in the cwd.
	grep -h 'stat::number_of_executed_units\|Done [0-9]* runs' "$src/$dir/findings"/fuzz-*.log 2>/dev/null | tail -2 || true
	rm -f "$src/$dir/findings"/fuzz-*.log
done
echo "40-fuzz: done in $(( ($(date +%s) - start) / 60 )) min $(( ($(date +%s) - start) % 60 )) s"
exit "$fail"
