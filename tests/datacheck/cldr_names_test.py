#!/usr/bin/env python3
"""Checks of data/tools/cldr_names.py on Debian's unicode-cldr-core.

Runs the extractor twice into temporary files (the output must not change),
then looks for rows a helpline worker's callers need: Wales/Cymru, Skotsko,
Anglie, Québec, Bayern, each in its country; tl -> fil, iw -> he; arz -> ar,
nb <-> no.

    cldr_names_test.py CLDR_COMMON_DIR

Needs only the standard library.
"""

import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
TOOL = os.path.join(HERE, "..", "..", "data", "tools", "cldr_names.py")

EXPECTED = {
    "subdivisions": [
        ("GB-WLS", "en", "Wales"), ("GB-WLS", "cy", "Cymru"), ("GB-SCT", "en", "Scotland"),
        ("GB-SCT", "cs", "Skotsko"), ("GB-ENG", "cs", "Anglie"),
        ("GB-NIR", "en", "Northern Ireland"),
        ("CA-QC", "fr", "Québec"), ("DE-BY", "de", "Bayern"), ("DE-BE", "de", "Berlin"),
    ],
    # code, parent: top-level subdivisions sit in their country, others in
    # a subdivision.
    "parents": [("GB-WLS", "GB"), ("GB-SCT", "GB"), ("DE-BY", "DE"), ("CA-QC", "CA"),
                ("US-TX", "US"), ("GB-KEN", "GB-ENG")],
    "language-aliases": [("tl", "fil", "legacy"), ("iw", "he", "deprecated"),
                         ("arb", "ar", "macrolanguage")],
    "language-matches": [("arz", "ar", "10", "true"), ("ary", "ar", "10", "true"),
                         ("nb", "no", "1", "false")],
}
SHAPES = {
    "subdivisions": r"[A-Z]{2}-[A-Z0-9]{1,3}\t[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2})?\t[^\t]+\t"
                    r"(approved|contributed|provisional|unconfirmed)\t[A-Z]{2}(-[A-Z0-9]{1,3})?",
    "language-aliases": r"[A-Za-z0-9-]+\t[A-Za-z0-9-]+\t[a-z]+",
    "language-matches": r"[A-Za-z0-9-]+\t[A-Za-z0-9-]+\t\d+\t(true|false)",
}


def run(cldr, tmp, tag):
    paths = {k: os.path.join(tmp, "%s-%s.tsv" % (k, tag)) for k in SHAPES}
    cmd = [sys.executable, TOOL, "--subdivisions", paths["subdivisions"],
           "--language-aliases", paths["language-aliases"],
           "--language-matches", paths["language-matches"], cldr]
    r = subprocess.run(cmd)
    if r.returncode != 0:
        raise SystemExit("FAIL: cldr_names.py exited with %d" % r.returncode)
    out = {}
    for k, p in paths.items():
        with open(p, encoding="utf-8") as f:
            out[k] = f.read()
    return out


def main(argv):
    if len(argv) != 2:
        print(__doc__)
        return 2
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        first, second = run(argv[1], tmp, "a"), run(argv[1], tmp, "b")
    for kind, text in first.items():
        if text != second[kind]:
            failures.append("%s: two runs differ" % kind)
        lines = text.split("\n")
        if lines[-1] != "" or not lines[:-1]:
            failures.append("%s: empty or not newline-terminated" % kind)
        lines = lines[:-1]
        if lines != sorted(lines, key=lambda l: tuple(l.split("\t"))):
            failures.append("%s: rows are not sorted" % kind)
        bad = [l for l in lines if not re.fullmatch(SHAPES[kind], l)]
        if bad:
            failures.append("%s: %d malformed rows, e.g. %r" % (kind, len(bad), bad[0]))
        rows = {tuple(l.split("\t")) for l in lines}
        width = len(EXPECTED[kind][0])
        prefix = {r[:width] for r in rows}
        for want in EXPECTED[kind]:
            if want not in prefix:
                failures.append("%s: missing %s" % (kind, "\t".join(want)))
        if kind == "subdivisions":
            parents = {(r[0], r[4]) for r in rows}
            for want in EXPECTED["parents"]:
                if want not in parents:
                    failures.append("subdivisions: %s is not in %s" % want)
    for f in failures:
        print("FAIL: " + f)
    if failures:
        return 1
    print("ok: %s" % ", ".join("%d %s" % (t.count("\n"), k) for k, t in sorted(first.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
