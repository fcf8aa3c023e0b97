#!/usr/bin/env python3
"""Checks the manual pages under man/ (tests/man/CMakeLists.txt runs it).

    check.py lint MANDIR              mandoc -Tlint and groff -ww -z on every page
                                      under MANDIR, translations included
    check.py synopsis PAGE BINARY     SYNOPSIS == the usage lines of BINARY --help
    check.py examples PAGE BINARY     every "$ command" in EXAMPLES runs and exits 0
    check.py translations MANDIR      every MANDIR/LANG/PAGE has the English
                                      MANDIR/PAGE's SYNOPSIS, structure and
                                      literal text (commands, examples)

Examples run under bash -o pipefail in a pinned environment (LANG=C.UTF-8,
TZ=UTC, COLUMNS=80, NO_COLOR=1, HOME and XDG_DATA_HOME empty temporary
directories) with BINARY's directory first in PATH.
"""

import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile


def render(page):
    out = subprocess.run(["mandoc", "-Kutf-8", "-Tutf8", "-Owidth=200", page], check=True,
                         capture_output=True, encoding="utf-8").stdout
    return re.sub(r".\x08", "", out)  # drop overstrike (bold, underline)


def sections(text):
    """The sections of a rendered page, in order, as (heading, lines).

    A heading is any line that starts in the first column, other than the
    page's header and footer lines, so that translated headings (POUŽITÍ,
    ÜBERSICHT) are found as well as English ones."""
    body = text.splitlines()
    while body and not body[-1].strip():
        body.pop()
    out = []
    for line in body[1:-1]:
        if line and not line[0].isspace():
            out.append((line, []))
        elif out:
            out[-1][1].append(line)
    return out


def section(text, name):
    for heading, lines in sections(text):
        if heading == name:
            return lines
    return []


def own_xref(line, pages):
    m = re.search(r"STYLE: referenced manual not found: Xr (\S+) (\S+)", line)
    return bool(m) and any(os.path.basename(p) == f"{m.group(1)}.{m.group(2)}" for p in pages)


def all_pages(mandir):
    return sorted(glob.glob(os.path.join(mandir, "**", "*.[1-9]"), recursive=True))


def long_line_ok(line, source):
    """mandoc measures a line after turning each non-ASCII character into
    a \\[uXXXX] escape, so it finds Czech and German lines too long; a
    line of at most 80 characters is not."""
    m = re.search(r":(\d+):\d+: STYLE: input text line longer than 80 bytes", line)
    return bool(m) and len(source[int(m.group(1)) - 1]) <= 80


def escaped_delimiter(line):
    """mandoc also takes the closing bracket of that escape for a trailing
    delimiter, so an mdoc heading that ends in "Í" draws a false STYLE
    note."""
    return bool(re.search(r"STYLE: trailing delimiter: .*\\\[u[0-9A-F]{4,5}\]$", line))


def lint(mandir):
    pages = all_pages(mandir)
    if not pages:
        print(f"no manual pages under {mandir}")
        return 1
    rc = 0
    for page in pages:
        with open(page, "rb") as f:
            raw = f.read()
        try:
            first = raw.decode("utf-8").split("\n", 1)[0]
        except UnicodeDecodeError as e:
            print(f"FAIL: {page} is not UTF-8: {e}")
            rc = 1
            continue
        # man-db, groff's preconv and mandoc all honour this cue; without
        # it a page's accents depend on how the reader guesses.
        if not raw.isascii() and not re.search(r"-\*-.*coding: *utf-8.*-\*-", first, re.I):
            print(f'FAIL: {page} is not ASCII; its first line must be .\\" -*- coding: UTF-8 -*-')
            rc = 1
        # The pages are UTF-8: mandoc is told so, and groff reads them
        # through preconv (-K utf8) for the utf8 device man uses on a
        # terminal.
        for cmd in (["mandoc", "-Kutf-8", "-Tlint", "-Wstyle", page],
                    ["groff", "-ww", "-z", "-K", "utf8", "-Tutf8", "-man", page]):
            p = subprocess.run(cmd, capture_output=True, encoding="utf-8", errors="replace")
            # mandoc looks cross-references up in the installed manuals
            # only; a reference to a page of this tree is not a problem.
            source = raw.decode("utf-8").splitlines()
            # A page po4a wrote from a PO file is not edited: the length
            # of its source lines is po4a's, not a translator's, choice.
            generated = "This file was generated with po4a" in raw.decode("utf-8")
            kept = [l for l in (p.stdout + p.stderr).splitlines()
                    if not own_xref(l, pages) and not long_line_ok(l, source)
                    and not escaped_delimiter(l)
                    and not (generated and "input text line longer than 80" in l)]
            msg = "\n".join(kept).strip()
            only_style = p.returncode == 1 and cmd[0] == "mandoc"
            if (p.returncode != 0 and not (only_style and not msg)) or msg:
                print(f"FAIL: {' '.join(cmd)} (status {p.returncode})\n{msg}")
                rc = 1
            else:
                print(f"ok: {' '.join(cmd)}")
    return rc


def env_for(tmp, binary):
    env = {"PATH": os.path.dirname(binary) + os.pathsep + os.environ.get("PATH", "/usr/bin:/bin"),
           "LANG": "C.UTF-8", "TZ": "UTC", "COLUMNS": "80", "NO_COLOR": "1",
           "HOME": os.path.join(tmp, "home"), "XDG_DATA_HOME": os.path.join(tmp, "xdg")}
    os.makedirs(env["HOME"])
    os.makedirs(env["XDG_DATA_HOME"])
    return env


def synopsis(page, binary):
    want = [l.strip() for l in section(render(page), "SYNOPSIS") if l.strip()]
    help_out = subprocess.run([binary, "--help"], env={"LC_ALL": "C.UTF-8", "PATH": "/usr/bin:/bin"},
                              check=True, capture_output=True, text=True).stdout
    got = []
    for i, line in enumerate(help_out.splitlines()):
        if not line.strip():
            break
        got.append(re.sub(r"^Usage:\s*", "", line).strip() if i == 0 else line.strip())
    if want != got:
        print("FAIL: the SYNOPSIS of", page, "is not the usage of --help")
        print("SYNOPSIS:\n  " + "\n  ".join(want))
        print("--help:\n  " + "\n  ".join(got))
        return 1
    print("ok: SYNOPSIS ==", len(got), "usage lines of --help")
    return 0


def examples(page, binary):
    cmds = [l.strip()[2:] for l in section(render(page), "EXAMPLES") if l.strip().startswith("$ ")]
    if not cmds:
        print("FAIL: no examples found in", page)
        return 1
    rc = 0
    for cmd in cmds:
        tmp = tempfile.mkdtemp(prefix="signpost-man.")
        try:
            p = subprocess.run(["bash", "-o", "pipefail", "-c", cmd], env=env_for(tmp, binary),
                               cwd=tmp, stdin=subprocess.DEVNULL, capture_output=True, text=True,
                               timeout=60)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        if p.returncode != 0 or not p.stdout:
            print(f"FAIL: {cmd}: status {p.returncode}, {len(p.stdout)} bytes on stdout\n{p.stderr}")
            rc = 1
        else:
            print(f"ok: {cmd}")
    return rc


# Macros that give a page its shape.  A complete, faithful translation
# keeps them all, in the same order, while the words around them and the
# font macros (.B, .BR, .Ic, ...) may move with the grammar.
SHAPE = {"TH", "SH", "SS", "TP", "IP", "PP", "P", "LP", "RS", "RE", "nf", "fi",
         "Dd", "Dt", "Sh", "Ss", "Bl", "It", "El", "Bd", "Ed", "Pp", "Dl"}


def shape(page):
    """The shape macros of PAGE's source, and its literal text: the
    .nf/.fi and .Bd -literal blocks and .Dl lines, which hold syntax and
    commands and are never translated."""
    macros, literal, inside = [], [], False
    with open(page, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            m = re.match(r"^\.\s*([A-Za-z]+)", line)
            name = m.group(1) if m else None
            if name in ("fi", "Ed"):
                inside = False
            # po4a ends a font change with \fP (previous), a hand-written
            # page with \fR: the same text.
            line = line.replace("\\fP", "\\fR")
            if inside:
                literal.append(line)
            if name in SHAPE:
                macros.append(name)
            if name == "Dl":
                literal.append(line)
            if name == "nf" or (name == "Bd" and "-literal" in line):
                inside = True
    return macros, literal


def translations(mandir):
    pages = [p for p in all_pages(mandir) if os.path.dirname(p) != os.path.normpath(mandir)]
    if not pages:
        print(f"FAIL: no translated pages under {mandir}/*/")
        return 1
    rc = 0
    for page in pages:
        english = os.path.join(mandir, os.path.basename(page))
        if not os.path.exists(english):
            print(f"FAIL: {page} translates {english}, which does not exist")
            rc = 1
            continue
        failed = []
        ours, theirs = sections(render(english)), sections(render(page))
        # The SYNOPSIS is the second section in both; option syntax and
        # file names are not translated, so its lines are the English ones.
        want = [l.strip() for l in ours[1][1] if l.strip()] if len(ours) > 1 else []
        got = [l.strip() for l in theirs[1][1] if l.strip()] if len(theirs) > 1 else []
        if ours[1][0] != "SYNOPSIS" or want != got:
            failed.append("its SYNOPSIS is not the English one:\n  "
                          + "\n  ".join(got) + "\nEnglish:\n  " + "\n  ".join(want))
        (em, el), (tm, tl) = shape(english), shape(page)
        if em != tm:
            diff = next((i for i, (a, b) in enumerate(zip(em, tm)) if a != b), min(len(em), len(tm)))
            failed.append(f"its structure differs from the English page at shape macro {diff + 1}: "
                          f"English {em[diff:diff + 4]}, here {tm[diff:diff + 4]} "
                          f"({len(em)} and {len(tm)} shape macros; a section or item is missing or extra)")
        if el != tl:
            extra = [l for l in tl if l not in el] + [l for l in el if l not in tl]
            failed.append("its literal text (SYNOPSIS, commands, examples) differs from the "
                          "English page:\n  " + "\n  ".join(extra or ["(order)"]))
        if failed:
            print("\n".join(f"FAIL: {page}: {why}" for why in failed))
            rc = 1
        else:
            print(f"ok: {page}: SYNOPSIS, {len(tm)} shape macros and {len(tl)} literal lines "
                  f"as in {english}")
    return rc


def main(argv):
    if len(argv) == 3 and argv[1] == "lint":
        return lint(argv[2])
    if len(argv) == 3 and argv[1] == "translations":
        return translations(argv[2])
    if len(argv) == 4 and argv[1] == "synopsis":
        return synopsis(argv[2], os.path.abspath(argv[3]))
    if len(argv) == 4 and argv[1] == "examples":
        return examples(argv[2], os.path.abspath(argv[3]))
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
