#!/usr/bin/env bash
# Fuzzing: builds the libFuzzer harnesses of tests/fuzz with clang
# (-fsanitize=fuzzer,address,undefined) in build-fuzz and runs each for
# FUZZ_SECONDS (default 45) on 2 jobs, seeded from the shipped table,
# every table fixture in tests/data, and tests/fuzz/corpus.
# Any crash, leak, timeout or out-of-memory fails; the reproducer is left
# in build-fuzz/findings/ (turn it into a fixture in tests/data and a unit
# test).  Run locally: FUZZ_SECONDS=300 bash tests/ci.d/40-fuzz.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
src=$PWD
dir=${SIGNPOST_FUZZ_DIR:-build-fuzz}
secs=${FUZZ_SECONDS:-45}

CFLAGS= cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER=clang \
	-DSIGNPOST_FUZZ=ON -DBUILD_TESTING=OFF -DSIGNPOST_WERROR=ON >/dev/null
cmake --build "$dir" -j2 --target fuzz_table fuzz_catalog fuzz_names fuzz_hours fuzz_tree

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
seed catalog
seed names
seed hours
seed tree

export ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
fail=0
for h in table catalog names hours tree; do
	case $h in
	table) maxlen=262144 ;;
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
exit "$fail"
