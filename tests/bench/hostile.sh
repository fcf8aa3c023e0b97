#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# signpost on hostile and careless local tables (issue 16): time and peak
# memory must stay linear in the size of the input, whatever its shape.
# One command, from the top of the source tree:
#
#     tests/bench/hostile.sh [BUILD_DIR]        (default: build)
#
# Prints a Markdown table: wall time and peak RSS (/usr/bin/time) of one
# run per case, the size of the file, and the exit status.  The target is
# under 1 s for the 1 M-key overlay and the 20,000-service overlay.  It is
# a benchmark, not a test: not registered in ctest, it never fails on a
# number (the unit and hardening tests check what the answers are).
# Every run is under `timeout 120`, so a case that has gone quadratic
# shows as "timeout" instead of holding the machine.  Synthetic files go
# to a temporary directory, never into the tree.
set -eu

top=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-build}
case $build in /*) ;; *) build=$top/$build ;; esac
sp=$build/bin/signpost
[ -x "$sp" ] || { echo "hostile.sh: no $sp (build first)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "hostile.sh: needs /usr/bin/time (package time)" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir -p "$tmp/home" "$tmp/xdg/signpost"

# A pinned environment: no overlays but those a case puts in $tmp/xdg.
export LC_ALL=C.UTF-8 LANG=C.UTF-8 LANGUAGE= TZ=UTC HOME=$tmp/home \
    XDG_DATA_HOME=$tmp/xdg COLUMNS=80 NO_COLOR=1
unset SIGNPOST_DATA 2>/dev/null || true

echo "hostile.sh: generating the files" >&2
python3 - "$tmp" <<'EOF'
import os
import sys

tmp = sys.argv[1]
SVC = '''  - id: {id}
    name: Local Line {i}
    organization: Local Organisation
    status: active
    countries: [{cc}]
    languages: [cs, en]
    audience: [self]
    offers: [helpline]
    cost: free
    anonymous: "yes"
    min_age: "18"
    description:
      en: "A local service."
    contacts:
      - type: phone
        value: "+421 111 222 {i:03d}"
        hours:
          zone: Europe/Bratislava
          public_holidays: closed
          calendar: {cal}
          weekly: ["mon-fri 09:00-17:00"]
    sources:
      - url: https://example.org/{i}
        date: "2026-01-01"
        evidence: official
        supports: [name]
    checked: "2026-01-10"
'''


def svc(id, i, cc="SK", cal="SK"):
    return SVC.format(id=id, i=i, cc=cc, cal=cal)


def write(name, text):
    path = os.path.join(tmp, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


# 1 M keys in one mapping, at the top of an overlay.
write("keys/signpost/keys.yaml",
      'schema: "2"\n' + "".join("k%07d: x\n" % i for i in range(1000000)))
# 1 M keys spread over 10,000 services of 100 misspelt keys each.
write("spread/signpost/spread.yaml", 'schema: "2"\nservices:\n' + "".join(
    "  - id: s%05d\n" % s + "".join("    k%02d: x\n" % k for k in range(99))
    for s in range(10000)))
# An overlay adding 20,000 services (for Slovakia: a lookup for Czechia
# shows few of them, so the time is the reading, not the answer).
body = "".join(svc("local-%05d" % (20000 - i), i) for i in range(20000))
write("add/signpost/add.yaml", 'schema: "2"\nservices:\n' + body)
# The same services as a main table.
write("main.yaml", 'schema: "2"\ndate: "2026-01-01"\nservices:\n' + body)
# 2,000 overlay files of 10 services each.
for f in range(2000):
    write("many/signpost/o%04d.yaml" % f, 'schema: "2"\nservices:\n' + "".join(
        svc("m-%04d-%02d" % (f, i), i) for i in range(10)))
# 20,000 services naming 20,000 calendars that do not exist.
write("cal/signpost/cal.yaml", 'schema: "2"\nservices:\n' + "".join(
    svc("c-%05d" % i, i, cal="X%05d" % i) for i in range(20000)))
# A 9 MB table of one 3 M-entry list: empty mappings, three bytes each.
write("list.yaml", 'schema: "2"\ndate: "2026-01-01"\nservices: [' + "{}," * 3000000 + "{}]\n")
# 900,000 services of an id alone.
write("ids.yaml", 'schema: "2"\ndate: "2026-01-01"\nservices: [' +
      ",".join("{id: a%d}" % i for i in range(900000)) + "]\n")
# One phone line with 50,000 weekly windows.
w = ", ".join('"mon-sun %02d:%02d-23:59"' % (i // 60 % 24, i % 60) for i in range(50000))
write("windows/signpost/w.yaml", 'schema: "2"\nservices:\n' +
      svc("windows", 0, cc="CZ").replace('["mon-fri 09:00-17:00"]', "[" + w + "]"))
EOF

# A 1 M-key mapping through the YAML reader alone, at its default limits
# (4 M nodes): the duplicate-key check is a hash set, not a scan.
ymap=
if command -v cc >/dev/null 2>&1 && [ -e "$build/src/libsignpost_core.a" ]; then
    cat >"$tmp/ymap.c" <<'EOF'
#include <stdio.h>
#include <stdlib.h>
#include "ynode.h"
int main(int argc, char **argv)
{
    size_t len;
    char *cause = NULL, *data = ynode_read_file(argv[1], &ynode_default_limits, &len, &cause);
    struct ynode *n = data ? ynode_parse(argv[1], data, len, &ynode_default_limits, &cause) : NULL;
    (void)argc;
    printf("%zu keys\n", n ? n->n / 2 : 0);
    if (cause)
        fprintf(stderr, "%s\n", cause);
    ynode_free(n);
    free(data);
    return n == NULL;
}
EOF
    if cc -O2 -I"$top/src" -I"$build" -o "$tmp/ymap" "$tmp/ymap.c" "$build/src/libsignpost_core.a" \
        $(pkg-config --libs yaml-0.1) 2>"$tmp/cc.err"; then
        ymap=$tmp/ymap
    else
        echo "hostile.sh: the ynode driver did not build; that row is skipped" >&2
    fi
fi

size() { du -m "$1" | awk '{ print $1 " MB" }'; }

# row LABEL SIZE XDG COMMAND...: one run, with the overlays of $tmp/XDG.
row() {
    label=$1 sz=$2 xdg=$3
    shift 3
    rc=0
    XDG_DATA_HOME=$tmp/$xdg /usr/bin/time -f '%e %M' -o "$tmp/time" \
        timeout 120 "$@" >"$tmp/out" 2>"$tmp/err" || rc=$?
    if [ "$rc" = 124 ]; then
        printf '| %s | %s | timeout (> 120 s) | | |\n' "$label" "$sz"
        return
    fi
    read -r secs kb <<EOF
$(tail -1 "$tmp/time")
EOF
    lines=$(wc -l <"$tmp/err")
    printf '| %s | %s | %s | %s | %s (%s lines on stderr) |\n' "$label" "$sz" "$secs" \
        "$(awk -v k="$kb" 'BEGIN { printf "%.1f", k / 1024 }')" "$rc" "$lines"
}

lookup="-c CZ -l cs --at 2026-12-07T13:00+01:00"
echo "| Case | Input | Wall (s) | Peak RSS (MiB) | Exit |"
echo "|---|---:|---:|---:|---|"
# shellcheck disable=SC2086
{
row 'no overlay (baseline)' - xdg "$sp" $lookup
row 'overlay: 1,000,000 keys in one mapping (refused at the node limit)' \
    "$(size "$tmp/keys/signpost/keys.yaml")" keys "$sp" $lookup
row 'overlay: 1,000,000 misspelt keys in 10,000 services' \
    "$(size "$tmp/spread/signpost/spread.yaml")" spread "$sp" $lookup
row 'overlay adding 20,000 services' "$(size "$tmp/add/signpost/add.yaml")" add "$sp" $lookup
row 'the same 20,000 services as the main table (`--data`)' "$(size "$tmp/main.yaml")" xdg \
    "$sp" --data "$tmp/main.yaml" $lookup
row '2,000 overlay files of 10 services' "$(du -sm "$tmp/many" | awk '{ print $1 " MB" }')" \
    many "$sp" $lookup
row 'overlay: 20,000 services naming 20,000 unknown calendars' \
    "$(size "$tmp/cal/signpost/cal.yaml")" cal "$sp" $lookup
row 'overlay: one line with 50,000 weekly windows' \
    "$(size "$tmp/windows/signpost/w.yaml")" windows "$sp" $lookup
row '`--check` of one 3,000,000-entry list' "$(size "$tmp/list.yaml")" xdg \
    "$sp" --check "$tmp/list.yaml"
row '`--check` of 900,000 services of an id alone' "$(size "$tmp/ids.yaml")" xdg \
    "$sp" --check "$tmp/ids.yaml"
[ -n "$ymap" ] && row 'ynode_parse: one mapping of 1,000,000 keys (default limits)' \
    "$(size "$tmp/keys/signpost/keys.yaml")" xdg "$ymap" "$tmp/keys/signpost/keys.yaml"
}
echo
echo "signpost $("$sp" --version | head -1 | cut -d' ' -f2), $(nproc) CPUs, $(uname -m)."
