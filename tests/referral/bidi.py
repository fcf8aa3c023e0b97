#!/usr/bin/env python3
"""Arabic as a bidi terminal shows it (issue 13), checked with GNU FriBidi.

    bidi.py SIGNPOST

For an Arabic lookup (UI and caller in Arabic), an Arabic card made from
an English UI, and an error, every output line is passed to the fribidi
command (Debian's libfribidi-bin) as a terminal would lay it out:

  * its base direction is right to left (the line says so itself, with a
    mark or an isolate, whatever its first word);
  * every address and number in it (URLs, phone numbers, e-mail) reads the
    same, left to right, in the visual line;
  * the result numbers and the times use one numbering system, the UI
    locale's (Arabic-Indic digits), never a mix within the same line.
"""
import os
import re
import subprocess
import sys

AT = "2026-12-07T13:00+01:00"
TOKEN = re.compile(r"(?:https?://|www\.)\S+?(?=[\s\u2069)]|$)|\+?\d[\d ]{2,}\d|[\w.+-]+@[\w.-]+")
ISOLATES = "\u2066\u2067\u2068\u2069\u200e\u200f\u061c"


def run(binary, *args, ui="ar"):
    env = dict(os.environ, LC_ALL="C.UTF-8", TZ="Africa/Cairo", COLUMNS="80",
               HOME="/nonexistent", XDG_DATA_HOME="/nonexistent", SIGNPOST_DATA="")
    p = subprocess.run([binary, "--ui-language", ui, *args], capture_output=True, text=True,
                       env=env)
    return p.stdout, p.stderr


def fribidi(line, what):
    p = subprocess.run(["fribidi", "--nopad", "--nobreak", "--basedir"], input=line + "\n",
                       capture_output=True, text=True, check=True)
    out = p.stdout.splitlines()
    base = next((l for l in out if l.startswith("Base direction:")), "")
    visual = next((l for l in out if not l.startswith("Base direction:")), "")
    return base, visual


def check_lines(text, what, failures):
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        base, visual = fribidi(line, what)
        if "R" not in base.split(":")[-1]:
            failures.append(f"{what}, line {n}: base direction {base!r}: {line!r}")
        plain = "".join(c for c in line if c not in ISOLATES)
        for tok in TOKEN.findall(plain):
            if tok.strip() and tok not in "".join(c for c in visual if c not in ISOLATES):
                failures.append(f"{what}, line {n}: {tok!r} does not read left to right "
                                f"in {visual!r}")
        latin = bool(re.search(r"(?<![\w+/.@-])[0-9]+[.:][0-9]*(?![\w/.@-])", plain))
        arabic = bool(re.search(r"[\u0660-\u0669]", plain))
        if latin and arabic:
            failures.append(f"{what}, line {n}: Latin and Arabic-Indic digits mixed: {line!r}")


def main():
    binary = sys.argv[1]
    failures = []
    out, _ = run(binary, "-c", "EG", "-l", "ar", "--at", AT)
    check_lines(out, "lookup", failures)
    out, _ = run(binary, "-c", "SE", "-l", "ar,en", "--at", AT, "-v")
    check_lines(out, "full view", failures)
    out, _ = run(binary, "-c", "EG", "-l", "ar", "--at", AT, "-f", "card", ui="en")
    check_lines(out, "card from an English UI", failures)
    _, err = run(binary, "-c", "Narnia")
    check_lines(err, "error", failures)
    if not out.strip():
        failures.append("the card is empty")
    for f in failures[:40]:
        print(f)
    print(f"{len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
