#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# signpost benchmark (issue 8).  One command, from the top of the source tree:
#
#     tests/bench/run.sh [BUILD_DIR]        (default: build-rel, a Release build)
#
# Prints a Markdown table on stdout: median wall time (hyperfine, or a loop of
# spawns without it), the ratio to /bin/true measured in the same run, peak
# RSS (/usr/bin/time), private memory at exit (/proc/self/smaps_rollup, read
# by a tiny LD_PRELOAD library), and instruction counts (valgrind callgrind).
# Then memory against the size of the answer (the same measurements, a small
# and a large query on the same table), and the interactive session on a
# pseudo-terminal (tests/bench/interactive.py: Enter to results, Tab).
# It is a benchmark, not a test: it is not registered in ctest and never fails
# on a number.  Needs: python3, hyperfine (optional), time, valgrind, gcc;
# yq, jq and python3-yaml for the comparison rows (skipped when missing).
# Synthetic tables go to a temporary directory, never into the tree.
#
# BENCH_SIZES (default "20 1000 10000 100000") chooses the synthetic tables;
# BENCH_CALLGRIND_MAX (default 1000) is the largest table run under callgrind.
set -eu

top=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-build-rel}
case $build in /*) ;; *) build=$top/$build ;; esac
sizes=${BENCH_SIZES:-20 1000 10000 100000}
cg_max=${BENCH_CALLGRIND_MAX:-1000}

if [ ! -x "$build/bin/signpost" ]; then
    echo "run.sh: building $build (Release)" >&2
    cmake -S "$top" -B "$build" -DCMAKE_BUILD_TYPE=Release >&2
    cmake --build "$build" -j2 >&2
fi
sp=$build/bin/signpost
shipped=$build/share/signpost/services.yaml
mkindex=$build/src/signpost-mkindex

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir -p "$tmp/home" "$tmp/xdg" "$tmp/cfg"

# A pinned environment: the UI in English, no overlays, no colour.
export LC_ALL=C.UTF-8 LANG=C.UTF-8 LANGUAGE= TZ=UTC HOME=$tmp/home \
    XDG_DATA_HOME=$tmp/xdg XDG_CONFIG_HOME=$tmp/cfg COLUMNS=80 NO_COLOR=1
unset SIGNPOST_DATA 2>/dev/null || true

# Private memory at exit: Private_Clean + Private_Dirty of smaps_rollup, in KiB,
# appended to $BENCH_PRIV_OUT by every process of the command.
cat >"$tmp/priv.c" <<'EOF'
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
__attribute__((destructor)) static void bench_priv(void)
{
    const char *out = getenv("BENCH_PRIV_OUT");
    FILE *f = fopen("/proc/self/smaps_rollup", "r");
    char line[256];
    long kb = 0, v;
    if (out == NULL || f == NULL)
        return;
    while (fgets(line, sizeof line, f) != NULL)
        if (sscanf(line, "Private_Clean: %ld", &v) == 1 || sscanf(line, "Private_Dirty: %ld", &v) == 1)
            kb += v;
    fclose(f);
    if ((f = fopen(out, "a")) != NULL) {
        fprintf(f, "%ld\n", kb);
        fclose(f);
    }
}
EOF
priv_so=
if command -v gcc >/dev/null 2>&1 && gcc -shared -fPIC -O2 -o "$tmp/priv.so" "$tmp/priv.c" 2>/dev/null; then
    priv_so=$tmp/priv.so
fi

# The floor (issue 15): a program linked to the same libraries that opens
# what any lookup needs from ICU (a collator, a country's display name, a
# date format) and does nothing else.  signpost is measured against it.
cat >"$tmp/floor.c" <<'EOF'
#include <stdio.h>
#include <readline/readline.h>
#include <unicode/ucol.h>
#include <unicode/udat.h>
#include <unicode/uloc.h>
#include <yaml.h>
int main(void)
{
    UErrorCode st = U_ZERO_ERROR;
    UChar name[64], out[64];
    UCollator *c = ucol_open("cs", &st);
    UDateFormat *d = udat_open(UDAT_SHORT, UDAT_MEDIUM, "cs", NULL, -1, NULL, 0, &st);
    yaml_parser_t p;
    uloc_getDisplayCountry("cs_CZ", "cs", name, 64, &st);
    udat_format(d, 0.0, out, 64, NULL, &st);
    yaml_parser_initialize(&p);
    yaml_parser_delete(&p);
    udat_close(d);
    ucol_close(c);
    return U_FAILURE(st) || rl_library_version == NULL;
}
EOF
floor=
if gcc -O2 -o "$tmp/floor" "$tmp/floor.c" $(pkg-config --cflags --libs icu-i18n icu-uc yaml-0.1) \
        -lreadline 2>"$tmp/floor.err"; then
    floor=$tmp/floor
else
    echo "run.sh: the floor program did not build: $(head -n 1 "$tmp/floor.err")" >&2
fi

echo "run.sh: generating synthetic tables ($sizes services)" >&2
# Each table gets its compiled index (as the build gives the shipped one);
# one copy without an index shows what a full parse costs.
for n in $sizes; do
    python3 "$top/tests/bench/gen-table.py" "$n" "$tmp/t$n.yaml"
    s0=$(date +%s%N)
    "$mkindex" "$tmp/t$n.yaml" "$tmp/t$n.idx"
    echo "run.sh: indexed $n services in $(( ($(date +%s%N) - s0) / 1000000 )) ms" >&2
done
mkdir -p "$tmp/noidx"
for n in $sizes; do
    [ "$n" = 1000 ] && cp "$tmp/t$n.yaml" "$tmp/noidx/t$n.yaml"
done

# The comparison filter: services whose countries contain CZ or world and whose
# languages contain cs; print their ids.
jqf='.services[] | select((.countries | index("CZ") or index("world")) and (.languages | index("cs"))) | .id'
pyf='import sys, yaml
d = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
for s in d["services"]:
    if ("CZ" in s["countries"] or "world" in s["countries"]) and "cs" in s["languages"]:
        print(s["id"])'
have_yq=no; command -v yq >/dev/null 2>&1 && command -v jq >/dev/null 2>&1 && have_yq=yes
have_py=no; python3 -c 'import yaml' 2>/dev/null && have_py=yes

# Cases: one per line, "runs<TAB>label<TAB>command" (command words separated by
# spaces; no word contains a space except the quoted filters, passed by name).
cases=$tmp/cases
: >"$cases"
add() { printf '%s\t%s\t%s\n' "$1" "$2" "$3" >>"$cases"; }
add 50 '`/bin/true`' '/bin/true'
[ -n "$floor" ] && add 30 'floor: ICU, libyaml, readline; a collator, a name, a date format' "$floor"
add 30 'shipped table, `-c CZ -l cs`' "$sp -c CZ -l cs"
add 30 'shipped table, `-c CZ -l cs -f json`' "$sp -c CZ -l cs -f json"
add 30 'shipped table, `-c CZ` (UI en)' "$sp --ui-language en -c CZ"
add 30 'shipped table, `-c Tschechien` (UI en)' "$sp --ui-language en -c Tschechien"
for n in $sizes; do
    if [ "$n" -ge 100000 ]; then r=2; elif [ "$n" -ge 10000 ]; then r=5; elif [ "$n" -ge 1000 ]; then r=10; else r=30; fi
    add $r "$n services, \`-c CZ -l cs\`" "$sp --data $tmp/t$n.yaml -c CZ -l cs"
    add $r "$n services, \`-c CZ -l cs -f json\`" "$sp --data $tmp/t$n.yaml -c CZ -l cs -f json"
    # About 130 matches at 100,000 services, like the prototype's query of
    # issue 8 (gen-table.py adds LU to one service in 1,400).
    if [ "$n" -ge 10000 ]; then
        add 10 "$n services, \`-c LU -l fr\`" "$sp --data $tmp/t$n.yaml -c LU -l fr"
        add 10 "$n services, \`-c LU -l fr -f json\`" "$sp --data $tmp/t$n.yaml -c LU -l fr -f json"
    fi
done
[ -e "$tmp/noidx/t1000.yaml" ] &&
    add 10 '1000 services, no index (full parse)' "$sp --data $tmp/noidx/t1000.yaml -c CZ -l cs"
for f in shipped t1000; do
    [ $f = shipped ] && { file=$shipped; what='shipped table'; } || { file=$tmp/$f.yaml; what='1000 services'; }
    [ -e "$file" ] || continue # 1000 not in BENCH_SIZES
    r=5; [ $f = shipped ] || r=3
    [ $have_py = yes ] && add $r "$what, python3 + PyYAML (safe_load)" "python3 -c PYF $file"
    [ $have_yq = yes ] && add $r "$what, yq + jq" "yq -r JQF $file"
done

# run_cmd COMMAND...: run a case's command under $WRAP (words, may be empty),
# substituting the named filters.
WRAP=
run_cmd() {
    # shellcheck disable=SC2086
    case ${3-} in
        PYF) $WRAP python3 -c "$pyf" "$4" ;;
        JQF) $WRAP yq -r "$jqf" "$4" ;;
        *) $WRAP "$@" ;;
    esac
}

# median of the numbers on stdin
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print ""; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# wall_ms RUNS COMMAND...: median wall time in ms
wall_ms() {
    runs=$1; shift
    if command -v hyperfine >/dev/null 2>&1; then
        case " $* " in
            *" PYF "*) hyperfine -N -w 1 -r "$runs" -i --export-json "$tmp/h.json" \
                           "python3 -c '$pyf' $4" >/dev/null 2>&1 ;;
            *" JQF "*) hyperfine -N -w 1 -r "$runs" -i --export-json "$tmp/h.json" \
                           "yq -r '$jqf' $4" >/dev/null 2>&1 ;;
            *) w=1; [ "$runs" -le 5 ] && w=0
               hyperfine -N -w $w -r "$runs" -i --export-json "$tmp/h.json" "$*" >/dev/null 2>&1 ;;
        esac
        python3 -c 'import json, sys; print("%.2f" % (json.load(open(sys.argv[1]))["results"][0]["median"] * 1000))' "$tmp/h.json"
    else
        i=0
        while [ $i -lt "$runs" ]; do
            s=$(date +%s%N); run_cmd "$@" >/dev/null 2>&1 || true; e=$(date +%s%N)
            echo $(( (e - s) / 1000 )); i=$((i + 1))
        done | median | awk '{ printf "%.2f\n", $1 / 1000 }'
    fi
}

rss_mib() {
    WRAP="/usr/bin/time -f %M -o $tmp/rss" run_cmd "$@" >/dev/null 2>&1 || true
    WRAP=
    tail -n 1 "$tmp/rss" | awk '{ printf "%.1f\n", $1 / 1024 }'
}

priv_mib() {
    [ -n "$priv_so" ] || { echo n/a; return; }
    rm -f "$tmp/priv"
    BENCH_PRIV_OUT=$tmp/priv LD_PRELOAD=$priv_so run_cmd "$@" >/dev/null 2>&1 || true
    [ -s "$tmp/priv" ] && sort -g "$tmp/priv" | tail -n 1 | awk '{ printf "%.1f\n", $1 / 1024 }' || echo n/a
}

insns_m() {
    rm -f "$tmp"/cg.*
    WRAP="valgrind --tool=callgrind --trace-children=yes --callgrind-out-file=$tmp/cg.%p" \
        run_cmd "$@" >/dev/null 2>&1 || true
    WRAP=
    # the sum over every process of the command (yq runs jq); a callgrind
    # file states its total twice (summary: and totals:), count it once
    cat "$tmp"/cg.* 2>/dev/null | awk '/^totals:/ { t += $2 } END { if (t) printf "%.2f\n", t / 1e6; else print "n/a" }'
}

res=$tmp/res
: >"$tmp/vals"
: >"$res"
: >"$tmp/mem" # label, peak RSS, private at exit: for the memory table
true_ms=
echo "run.sh: measuring $(wc -l <"$cases") cases" >&2
while IFS="$(printf '\t')" read -r runs label cmd; do
    echo "run.sh:   $label" >&2
    # shellcheck disable=SC2086
    set -- $cmd
    # signpost exits 0 (found) or 1 (nothing matched); anything else is a refusal
    rc=0; run_cmd "$@" >/dev/null 2>"$tmp/err" || rc=$?
    if [ $rc -gt 1 ]; then
        why=$(head -n 1 "$tmp/err" | sed "s|$tmp/||; s/|/\\|/g")
        printf '| %s | fails: exit %s, %s | | | | | |\n' "$label" "$rc" "$why" >>"$res"
        continue
    fi
    ms=$(wall_ms "$runs" "$@")
    [ -z "$true_ms" ] && true_ms=$ms
    ratio=$(awk -v a="$ms" -v b="$true_ms" 'BEGIN { printf "%.1f", a / b }')
    rss=$(rss_mib "$@")
    pm=$(priv_mib "$@")
    n=$(printf '%s' "$label" | sed -n 's/^\([0-9][0-9]*\) services.*/\1/p')
    if [ -n "$n" ] && [ "$n" -gt "$cg_max" ]; then
        ins="not run (> $cg_max services)"
    elif [ -n "$n" ] && { [ "${3-}" = PYF ] || [ "${3-}" = JQF ]; }; then
        ins="not run (slow under valgrind)"
    else
        ins=$(insns_m "$@")
    fi
    printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$label" "$ms" "$ratio" "$rss" "$pm" "$ins" "$runs" >>"$res"
    printf '%s\t%s\t%s\t%s\n' "$label" "$ms" "$rss" "$ins" >>"$tmp/vals"
    printf '%s\t%s\t%s\n' "$label" "$rss" "$pm" >>"$tmp/mem"
done <"$cases"

# matches FILE ARGS...: how many results signpost gives for ARGS on FILE
matches() {
    f=$1; shift
    "$sp" --data "$f" "$@" -f json 2>/dev/null |
        python3 -c 'import json,sys; print(len(json.load(sys.stdin)["results"]))' 2>/dev/null || echo '?'
}

echo "| Case | Median wall (ms) | × \`/bin/true\` | Peak RSS (MiB) | Private at exit (MiB) | Instructions (M) | Runs |"
echo "|---|---:|---:|---:|---:|---:|---:|"
cat "$res"
echo
for n in $sizes; do
    printf '%s services: %s bytes of YAML; ' "$n" "$(wc -c <"$tmp/t$n.yaml")"
    printf '%s services match `-c CZ -l cs`' "$(matches "$tmp/t$n.yaml" -c CZ -l cs)"
    [ "$n" -ge 10000 ] && printf ', %s match `-c LU -l fr`' "$(matches "$tmp/t$n.yaml" -c LU -l fr)"
    echo
done
echo
echo "Wall time: $(command -v hyperfine >/dev/null 2>&1 && hyperfine --version || echo 'a loop of spawns'), median, output to /dev/null." \
     "Instructions: valgrind --tool=callgrind, whole process including the dynamic loader, summed over child processes."

# The budget of issue 15, from the rows above.
val() { awk -F '\t' -v l="$1" -v k="$2" '$1 == l { print $k }' "$tmp/vals"; }
if [ -n "$floor" ]; then
    fl='floor: ICU, libyaml, readline; a collator, a name, a date format'
    cz='shipped table, `-c CZ -l cs`'
    awk -v t="$(val "$cz" 2)" -v ft="$(val "$fl" 2)" -v i="$(val "$cz" 4)" -v fi="$(val "$fl" 4)" \
        -v r="$(val "$cz" 3)" -v fr="$(val "$fl" 3)" \
        -v a="$(val 'shipped table, `-c Tschechien` (UI en)' 2)" -v b="$(val 'shipped table, `-c CZ` (UI en)' 2)" \
        -v t1="$(val '10000 services, `-c CZ -l cs`' 2)" -v t2="$(val '100000 services, `-c LU -l fr`' 2)" '
        function yes(c) { return c ? "within" : "OVER" }
        BEGIN {
            print ""
            print "Against the budget of issue 15 (shipped table, `-c CZ -l cs`, this run):"
            print ""
            print "| Measure | Result | Budget | |"
            print "|---|---:|---:|---|"
            printf "| time / floor | %.2fx | 2.5x | %s |\n", t / ft, yes(t / ft <= 2.5)
            if (i + 0 > 0 && fi + 0 > 0)
                printf "| instructions / floor | %.2fx | 3x | %s |\n", i / fi, yes(i / fi <= 3)
            printf "| peak RSS - floor | %+.1f MiB | +3 MiB | %s |\n", r - fr, yes(r - fr <= 3)
            printf "| `-c Tschechien` - `-c CZ` | %+.2f ms | +1 ms | %s |\n", a - b, yes(a - b <= 1)
            if (t1 != "")
                printf "| 10,000 services, `-c CZ -l cs` | %.1f ms | 50 ms | %s |\n", t1, yes(t1 <= 50)
            if (t2 != "")
                printf "| 100,000 services, `-c LU -l fr` | %.1f ms | 100 ms | %s |\n", t2, yes(t2 <= 100)
        }'
fi

# Memory against the answer: a few matches and thousands on the same table.
# If output streamed from a constant working set, both would need the same.
mem_rows=$tmp/memrows
: >"$mem_rows"
for n in $sizes; do
    [ "$n" -ge 10000 ] || continue
    for q in 'LU fr' 'CZ cs'; do
        # shellcheck disable=SC2086
        set -- $q
        m=$(matches "$tmp/t$n.yaml" -c "$1" -l "$2")
        for f in text json; do
            fl=; [ $f = json ] && fl=' -f json'
            label="$n services, \`-c $1 -l $2$fl\`"
            out=$("$sp" --data "$tmp/t$n.yaml" -c "$1" -l "$2" -f $f 2>/dev/null | wc -c) || out=0
            awk -F '\t' -v l="$label" -v m="$m" -v o="$out" '$1 == l {
                printf "| %s | %s | %.2f | %s | %s |\n", l, m, o / 1048576, $2, $3 }' "$tmp/mem" >>"$mem_rows"
        done
    done
done
if [ -s "$mem_rows" ]; then
    echo
    echo "Memory against the size of the answer (peak RSS and private memory from the table above):"
    echo
    echo "| Case | Matches | Output (MiB) | Peak RSS (MiB) | Private at exit (MiB) |"
    echo "|---|---:|---:|---:|---:|"
    cat "$mem_rows"
    # For the largest table: what each further match costs, text and JSON.
    big=$(tail -n 1 "$mem_rows" | awk '{ print $2 }')
    echo
    grep "^| $big services" "$mem_rows" | awk -F '|' -v big="$big" '
        { m[NR] = $3; o[NR] = $4; r[NR] = $5 }
        END {
            if (NR != 4)
                exit
            for (i = 1; i <= 2; i++) {
                dm = m[i + 2] - m[i]
                if (dm > 0)
                    printf "At %s services, %s: %d more matches, %.1f MiB more output, %+.1f MiB of peak RSS (%.1f KiB per match).\n",
                        big, i == 1 ? "text" : "JSON", dm, o[i + 2] - o[i], r[i + 2] - r[i],
                        (r[i + 2] - r[i]) * 1024 / dm
            }
        }'
fi

# The interactive session on the shipped table (issue 8: results within 5 ms
# of Enter, the first Tab completion within 20 ms).
echo
echo "Interactive session (tests/bench/interactive.py, shipped table):"
echo
if ! command -v python3 >/dev/null 2>&1; then
    echo "not measured: python3 is missing."
elif python3 "$top/tests/bench/interactive.py" "$sp" >"$tmp/inter" 2>"$tmp/inter.err"; then
    cat "$tmp/inter"
else
    echo "not measured: $(head -n 1 "$tmp/inter.err")"
fi
