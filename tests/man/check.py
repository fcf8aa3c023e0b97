#!/usr/bin/env python3
"""Checks the manual pages under man/ (tests/man/CMakeLists.txt runs it).

    check.py lint MANDIR              mandoc -Tlint and groff -ww -z on every page
    check.py synopsis PAGE BINARY     SYNOPSIS == the usage lines of BINARY --help
    check.py examples PAGE BINARY     every "$ command" in EXAMPLES runs and exits 0

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
    out = subprocess.run(["mandoc", "-Tutf8", "-Owidth=200", page], check=True,
                         capture_output=True, text=True).stdout
    return re.sub(r".\x08", "", out)  # drop overstrike (bold, underline)


def section(text, name):
    lines, inside = [], False
    for line in text.splitlines():
        if re.match(r"^[A-Z][A-Z ]*$", line):
            inside = line == name
            continue
        if inside:
            lines.append(line)
    return lines


def own_xref(line, pages):
    m = re.search(r"STYLE: referenced manual not found: Xr (\S+) (\S+)", line)
    return bool(m) and any(os.path.basename(p) == f"{m.group(1)}.{m.group(2)}" for p in pages)


def lint(mandir):
    pages = sorted(glob.glob(os.path.join(mandir, "**", "*.[1-9]"), recursive=True))
    if not pages:
        print(f"no manual pages under {mandir}")
        return 1
    rc = 0
    for page in pages:
        for cmd in (["mandoc", "-Tlint", "-Wstyle", page], ["groff", "-ww", "-z", "-man", page]):
            p = subprocess.run(cmd, capture_output=True, text=True)
            # mandoc looks cross-references up in the installed manuals
            # only; a reference to a page of this tree is not a problem.
            kept = [l for l in (p.stdout + p.stderr).splitlines()
                    if not own_xref(l, pages)]
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


def main(argv):
    if len(argv) == 3 and argv[1] == "lint":
        return lint(argv[2])
    if len(argv) == 4 and argv[1] == "synopsis":
        return synopsis(argv[2], os.path.abspath(argv[3]))
    if len(argv) == 4 and argv[1] == "examples":
        return examples(argv[2], os.path.abspath(argv[3]))
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
