#!/usr/bin/env bash
# index-test.sh SIGNPOST MKINDEX SRCDIR
# Lookups with a current index equal lookups without one; an index whose
# ranges no longer match (same size, older mtime), a truncated index and a
# YAML newer than its index all fall back to reading the YAML; a broken
# table gets no index.
set -euo pipefail
bin=$1 mk=$2 src=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export LC_ALL=C.UTF-8 TZ=UTC COLUMNS=80 NO_COLOR=1 HOME="$tmp/home" XDG_DATA_HOME="$tmp/xdg"
unset SIGNPOST_DATA LANGUAGE
mkdir -p "$tmp/a" "$tmp/b" "$tmp/home" "$tmp/xdg"
fail() { echo "index-test: $*" >&2; exit 1; }

cp "$src/data/services.yaml" "$tmp/a/t.yaml"
cp "$src/data/services.yaml" "$tmp/b/t.yaml"
"$mk" "$tmp/a/t.yaml" "$tmp/a/t.idx" || fail "mkindex refused the shipped table"

# The same lookups, relative paths so the outputs can be compared byte for byte.
n=0
for c in CZ SK DE AT CH FR BE NL GB IE US CA AU ES PT PL FI SE KP BR; do
	for l in "" en cs de fr es pt pl fi sv nl sk sr-Latn; do
		for f in text json card; do
			a=$(cd "$tmp/a" && "$bin" --data t.yaml -c "$c" ${l:+-l "$l"} -f "$f" \
				--at 2026-12-07T13:00+01:00 2>&1; echo "status $?")
			b=$(cd "$tmp/b" && "$bin" --data t.yaml -c "$c" ${l:+-l "$l"} -f "$f" \
				--at 2026-12-07T13:00+01:00 2>&1; echo "status $?")
			[ "$a" = "$b" ] || fail "-c $c -l '$l' -f $f differs with the index"
			n=$((n + 1))
		done
	done
done

# Audiences and --open-now, where the worldwide services in English (read
# only when nothing else matches) come and go.
for c in CZ KP JP US; do
	for extra in "-a professional" "-a all" "--open-now" "-a close --open-now"; do
		a=$(cd "$tmp/a" && "$bin" --data t.yaml -c "$c" -l ja $extra -f json \
			--at 2026-12-07T13:00+01:00 2>&1; echo "status $?")
		b=$(cd "$tmp/b" && "$bin" --data t.yaml -c "$c" -l ja $extra -f json \
			--at 2026-12-07T13:00+01:00 2>&1; echo "status $?")
		[ "$a" = "$b" ] || fail "-c $c -l ja $extra differs with the index"
		n=$((n + 1))
	done
done

# A long answer (more than INDEX_WHOLE, 512 services) keeps its services slim and
# reads each again as it is written: the same output as a full read, with
# and without an overlay that replaces, hides and annotates some of them.
# (All 1,000 generated services are moved to Czechia for a long answer.)
python3 "$src/tests/bench/gen-table.py" 1000 "$tmp/g.yaml" >/dev/null
sed 's/^    countries: .*/    countries: [CZ]/' "$tmp/g.yaml" >"$tmp/a/g.yaml"
cp "$tmp/a/g.yaml" "$tmp/b/g.yaml"
"$mk" "$tmp/a/g.yaml" "$tmp/a/g.idx" || fail "mkindex refused the generated table"
compare_long() {
	for q in "-c CZ -l cs" "-c CZ -l de" "-c CZ -l cs --open-now" "-c CZ -l cs -a all"; do
		for f in text json card; do
			a=$(cd "$tmp/a" && "$bin" --data g.yaml $q -f "$f" \
				--at 2026-12-07T13:00+01:00 2>&1; echo "status $?")
			b=$(cd "$tmp/b" && "$bin" --data g.yaml $q -f "$f" \
				--at 2026-12-07T13:00+01:00 2>&1; echo "status $?")
			[ "$a" = "$b" ] || fail "$1: $q -f $f differs with the index"
			n=$((n + 1))
		done
	done
}
compare_long "generated table"
long=$(cd "$tmp/a" && "$bin" --data g.yaml -c CZ -l cs -f json | grep -o '"rank":' | wc -l)
[ "$long" -gt 512 ] || fail "the long answer has only $long results"
# Replace the first result, hide the second, annotate the third.
set -- $(cd "$tmp/b" && "$bin" --data g.yaml -c CZ -l cs -f json |
	grep -o '"id":"svc-[0-9]*"' | head -3 | sed 's/.*"\(svc-[0-9]*\)"/\1/')
mkdir -p "$tmp/xdg/signpost"
sed -n "/^  - id: $1\$/,/^  # synthetic/p" "$tmp/b/g.yaml" | sed '$d' |
	sed "s/^    name: .*/    name: \"Replaced locally\"/" >"$tmp/svc"
{
	echo 'schema: "1"'
	echo 'services:'
	cat "$tmp/svc"
	echo "hide: [$2]"
	echo 'notes:'
	echo "  - id: $3"
	echo '    worker_notes: ["Ask for the intake team."]'
	echo '    do_not_refer: "Waiting list closed this month."'
} >"$tmp/xdg/signpost/local.yaml"
compare_long "generated table with an overlay"
out=$(cd "$tmp/a" && "$bin" --data g.yaml -c CZ -l cs -f json) ||
	fail "the overlay broke the long answer"
case $out in *'"Replaced locally"'*) ;; *) fail "the replacement is not in the long answer" ;; esac
case $out in *"\"$2\""*) fail "the hidden service is in the long answer" ;; esac
case $out in *'Waiting list closed this month.'*) ;; *) fail "the note is not in the long answer" ;; esac
rm -rf "$tmp/xdg/signpost"

# The index is really used: the table is opened once, not read in full.
# (LeakSanitizer cannot run under ptrace: off for this one run.)
opens=$(cd "$tmp/a" && ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 strace -f -qq -e trace=openat -o "$tmp/trace" "$bin" --data t.yaml -c CZ \
	>/dev/null && grep -c 't.yaml"' "$tmp/trace")
[ "$opens" = 1 ] || fail "the index was not used (t.yaml opened $opens times)"
grep -q 't.idx"' "$tmp/trace" || fail "t.idx not opened"

# An edit of the same size with an old mtime: the range hash catches it.
sed -i 's/+420 317 071 668/+420 317 071 669/' "$tmp/a/t.yaml"
touch -r "$tmp/a/t.idx" "$tmp/a/t.yaml"
(cd "$tmp/a" && "$bin" --data t.yaml -c CZ -l cs) | grep -q '317 071 669' ||
	fail "an edited range was served from the stale index"

# A YAML newer than its index is read in full.
"$mk" "$tmp/a/t.yaml" "$tmp/a/t.idx"
sed -i 's/+420 317 071 669/+420 317 071 667/' "$tmp/a/t.yaml"
touch -d '+1 minute' "$tmp/a/t.yaml"
(cd "$tmp/a" && "$bin" --data t.yaml -c CZ -l cs) | grep -q '317 071 667' ||
	fail "a newer YAML was ignored"

# A truncated index is ignored.
"$mk" "$tmp/a/t.yaml" "$tmp/a/t.idx"
head -c 100 "$tmp/a/t.idx" >"$tmp/a/t.idx.cut" && mv "$tmp/a/t.idx.cut" "$tmp/a/t.idx"
touch -d '+2 minutes' "$tmp/a/t.idx"
(cd "$tmp/a" && "$bin" --data t.yaml -c CZ -l cs) | grep -q 'Parafilik' ||
	fail "a truncated index broke the lookup"

# A new index replaces the old one whole (renamed into place): a signpost
# still reading the old file keeps reading what it opened.
cp "$tmp/a/t.idx" "$tmp/old.idx"
exec 3<"$tmp/a/t.idx"
sed -i 's/+420 317 071 667/+420 317 071 668/' "$tmp/a/t.yaml"
"$mk" "$tmp/a/t.yaml" "$tmp/a/t.idx"
cmp -s - "$tmp/old.idx" <&3 || fail "rebuilding an index changed the open old one"
exec 3<&-
cmp -s "$tmp/a/t.idx" "$tmp/old.idx" && fail "the index was not rebuilt"
[ ! -e "$tmp/a/t.idx.tmp" ] || fail "mkindex left its temporary file"

# The build is deterministic, and a broken table gets no index.
"$mk" "$tmp/b/t.yaml" "$tmp/b/1.idx"
"$mk" "$tmp/b/t.yaml" "$tmp/b/2.idx"
cmp -s "$tmp/b/1.idx" "$tmp/b/2.idx" || fail "two indexes of one table differ"
if "$mk" "$src/tests/data/broken/duplicate-id.yaml" "$tmp/b/x.idx" 2>/dev/null; then
	fail "mkindex indexed a broken table"
fi
[ ! -e "$tmp/b/x.idx" ] || fail "mkindex left an index of a broken table"
echo "index-test: ok ($n lookups compared)"
