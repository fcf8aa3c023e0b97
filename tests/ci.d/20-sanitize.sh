#!/usr/bin/env bash
# Sanitizers: builds signpost and every test with AddressSanitizer and
# UBSan (-DSIGNPOST_SANITIZE=ON, which also frees everything and calls
# u_cleanup at exit) in build-asan, and runs the whole ctest suite there.
# Any leak, out-of-bounds access or undefined behaviour fails the run.
# Run locally: bash tests/ci.d/20-sanitize.sh   (about 10 minutes on 2 cores)
set -euo pipefail
cd "$(dirname "$0")/../.."
dir=${SIGNPOST_ASAN_DIR:-build-asan}
cc=${CC:-$(command -v clang || command -v gcc)}

cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_COMPILER="$cc" \
	-DSIGNPOST_SANITIZE=ON -DSIGNPOST_WERROR=ON >/dev/null
cmake --build "$dir" -j2

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:halt_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export LSAN_OPTIONS=${LSAN_OPTIONS:-}
out=$(mktemp)
trap 'rm -f "$out"' EXIT
timeout 1800 ctest --test-dir "$dir" --output-on-failure -j2 --timeout 300 2>&1 | tee "$out"
bash tests/ctest-verdict.sh "$out" 20-sanitize
