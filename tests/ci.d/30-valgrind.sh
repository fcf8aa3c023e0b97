#!/usr/bin/env bash
# valgrind memcheck: builds signpost without sanitizers but with
# SIGNPOST_FREE_ALL (everything freed, u_cleanup at exit) in build-valgrind
# and runs representative commands, then every golden CLI case, under
# memcheck; any error, and any definite or indirect leak, fails.
# Run locally: bash tests/ci.d/30-valgrind.sh   (about 2 minutes)
set -euo pipefail
cd "$(dirname "$0")/../.."
src=$PWD
dir=${SIGNPOST_VALGRIND_DIR:-build-valgrind}

cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=Debug -DSIGNPOST_WERROR=ON \
	-DCMAKE_C_FLAGS="${CFLAGS:-} -DSIGNPOST_FREE_ALL=1" >/dev/null
cmake --build "$dir" -j2 --target signpost signpost-mkindex signpost_cli_fixtures

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/home" "$tmp/xdg"
export LC_ALL=C.UTF-8 LANG=C.UTF-8 TZ=Europe/Prague HOME="$tmp/home" XDG_DATA_HOME="$tmp/xdg" \
	COLUMNS=80 NO_COLOR=1
unset LANGUAGE LC_MESSAGES SIGNPOST_DATA 2>/dev/null || true
vg=(valgrind -q --leak-check=full --show-leak-kinds=definite,indirect
	--errors-for-leak-kinds=definite,indirect --error-exitcode=99)
bin="$src/$dir/bin/signpost"
hostile="$src/tests/data/hostile"
fail=0

# One command: argv; expected exit status is anything but 99 (valgrind).
run() {
	local rc=0
	timeout 300 "${vg[@]}" "$bin" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null || rc=$?
	if [ "$rc" -eq 99 ] || [ "$rc" -eq 124 ] || grep -q '^==[0-9]*==' "$tmp/err"; then
		echo "30-valgrind: FAIL (exit $rc): signpost $*" >&2
		grep '^==[0-9]*==' "$tmp/err" | head -40 >&2
		fail=1
	else
		echo "30-valgrind: ok (exit $rc): signpost $*"
	fi
}

run -c CZ
run -c CZ -l cs
run -c CZ -l cs -f json
run -c CZ -f card
run -c Tschechien -l tschechisch
run --ui-language cs -c CZ
run -c SE --at 2026-12-07T13:00+01:00
run -c DE --open-now
run -c FI -l fi
run -c XX
run -c CZ -l xx-invalid-tag-!!
run --show troubled-desire
run --show no-such-id
for l in countries languages services ui-languages sources; do
	run --list "$l"
done
run --check
run --check --stale 30
run --help
run --version
run --no-such-option
if [ -d "$hostile" ]; then
	for f in "$hostile"/*.yaml; do
		run --check "$f"
	done
	[ -f "$hostile/table.yaml" ] && run --data "$hostile/table.yaml" -c CZ -f json
	[ -f "$hostile/table.yaml" ] && run --data "$hostile/table.yaml" -c CZ
fi
for f in "$src"/tests/data/*.yaml; do
	[ -e "$f" ] || continue
	run --check "$f"
done
# The python3 the build chose (one with the test suite's modules).
py=$(sed -n 's/^Python3_EXECUTABLE:[A-Z]*=//p' "$dir/CMakeCache.txt")
# A long answer through an index (about 500 results of 1,000 services).
"$py" tests/bench/gen-table.py 1000 "$tmp/g0.yaml" >/dev/null
sed 's/^    countries: .*/    countries: [CZ]/' "$tmp/g0.yaml" >"$tmp/g.yaml"
"$src/$dir/src/signpost-mkindex" "$tmp/g.yaml" "$tmp/g.idx"
run --data "$tmp/g.yaml" -c CZ -l cs -f json
run --data "$tmp/g.yaml" -c CZ -l cs
run --data "$tmp/g.yaml" -c CZ -l cs --open-now -f card

# Every golden CLI case once more, under memcheck (two runners at once).
ls tests/cli/cases/*.case | xargs -n 40 -P 2 env SIGNPOST_WRAPPER="${vg[*]}" \
	"$py" tests/cli/run.py --bin "$bin" --fixtures "$src/tests/data" \
	--built "$src/$dir/tests/cli" --schema "$src/data/schema/signpost.schema.json" \
	>"$tmp/golden" 2>&1 ||
	{ grep -v ': ok$' "$tmp/golden" | head -80 >&2; fail=1; }
echo "30-valgrind: golden cases: $(grep -c ': ok$' "$tmp/golden") ok," \
	"$(grep -c ': skipped' "$tmp/golden" || true) skipped"
exit "$fail"
