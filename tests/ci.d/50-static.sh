#!/usr/bin/env bash
# Static analysis: clang-tidy (checks and reasons in .clang-tidy) and
# cppcheck (warning, portability, performance; suppressions, each with its
# reason, in .cppcheck-suppressions) over every src/*.c, with the flags of
# a real build (build-static: compile_commands.json and the generated
# config.h).  Any finding fails the run.  First, every file of src/ must
# be as clang-format writes it with the checked-in .clang-format.
# Run locally: bash tests/ci.d/50-static.sh   (about 1 minute on 2 cores)
set -euo pipefail
cd "$(dirname "$0")/../.."
export LC_ALL=C
dir=${SIGNPOST_STATIC_DIR:-build-static}

# Files whose findings only warn while they are being rewritten: none.
transition=""

for tool in clang-tidy cppcheck clang-format; do
	command -v "$tool" >/dev/null || {
		echo "50-static: $tool not found (apt-get install clang-tidy cppcheck clang-format)" >&2
		exit 1
	}
done
if ! find src -name '*.[ch]' -print0 | sort -z | xargs -0 clang-format --dry-run --Werror; then
	echo "50-static: the files above are not formatted: clang-format -i them" >&2
	exit 1
fi
echo "50-static: src/ is formatted ($(clang-format --version | sed 's/^ *//'))"
echo "50-static: $(clang-tidy --version | grep -m1 -i version | sed 's/^ *//'), $(cppcheck --version)"

cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=Debug -DCMAKE_EXPORT_COMPILE_COMMANDS=ON >/dev/null
config=$(find "$dir" -name config.h -print -quit)
[ -n "$config" ] && [ -f "$dir/compile_commands.json" ] || {
	echo "50-static: no config.h or compile_commands.json in $dir" >&2
	exit 1
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

# Findings are "file:line:col: severity: message [check]", from clang-tidy
# with absolute paths; each is judged by the file it is in (a header's
# finding counts once, whichever source file included it).
judge() { # tool, file of finding lines
	local tool=$1 f file line
	while IFS= read -r line; do
		file=${line%%:*}
		file=${file#"$PWD"/}
		f=" $transition "
		if [ "${f#* "$file" }" != "$f" ]; then
			echo "50-static: warning (transition, not failing): $tool: ${line#"$PWD"/}"
		else
			echo "50-static: $tool: ${line#"$PWD"/}" >&2
			fail=1
		fi
	done <"$2"
}
findings='^[^ :]+:[0-9]+:[0-9]+: (warning|error|fatal error):'

# clang-tidy: one process per file, two at a time; each file's full
# output (with the analyzer's path notes) is kept for the failure report.
export dir tmp
printf '%s\n' src/*.c | xargs -P2 -I{} sh -c '
	log="$tmp/tidy.$(basename "$1").log"
	clang-tidy -p "$dir" --quiet "$1" >"$log" 2>&1
	echo $? >"$log.rc"' sh {}
for c in src/*.c; do
	log="$tmp/tidy.$(basename "$c").log"
	grep -E "$findings" "$log" >>"$tmp/tidy.all" || true
	if [ "$(cat "$log.rc")" != 0 ]; then
		f=" $transition "
		[ "${f#* "$c" }" != "$f" ] || { echo "--- clang-tidy $c:"; cat "$log"; } >&2
		grep -qE "$findings" "$log" || { echo "50-static: clang-tidy failed on $c" >&2; fail=1; }
	fi
done
sort -u "$tmp/tidy.all" -o "$tmp/tidy.all"
judge clang-tidy "$tmp/tidy.all"

# cppcheck 2.10 knows no C17; C11 is the nearest (C17 only fixed defects).
rc=0
cppcheck --enable=warning,portability,performance --error-exitcode=1 --inline-suppr \
	--suppressions-list=.cppcheck-suppressions -I src -I "$dir" -I "$(dirname "$config")" \
	--std=c11 -q --template='{file}:{line}:{column}: {severity}: {message} [{id}]' \
	src/ >"$tmp/cppcheck.log" 2>&1 || rc=$?
findings='^[^ :]+:[0-9]+:[0-9]+: (error|warning|style|performance|portability|information):'
grep -E "$findings" "$tmp/cppcheck.log" | sort -u >"$tmp/cppcheck.all" || true
judge cppcheck "$tmp/cppcheck.all"
if [ "$rc" != 0 ] && [ ! -s "$tmp/cppcheck.all" ] ||
	grep -vqE "$findings" "$tmp/cppcheck.log"; then
	cat "$tmp/cppcheck.log" >&2
	echo "50-static: cppcheck failed (exit status $rc)" >&2
	fail=1
fi

if [ "$fail" != 0 ]; then
	echo "50-static: findings above; fix them, or disable a check in .clang-tidy or" \
		"suppress in .cppcheck-suppressions with the reason" >&2
	exit 1
fi
echo "50-static: clang-tidy and cppcheck found nothing"
