#!/usr/bin/env python3
"""The call view, the full view and the card (issue 13).

    view.py SIGNPOST SRCDIR

  * At 80 columns the call view fits: -c CZ -l cs in 30 lines, -c US and
    -c AU in 50, and every result's chosen contact is visible.
  * --show ID (the full view) gives everything the table holds about a
    service: organisation, every contact, every source, what is unknown,
    when it was checked.
  * The text-message format counts segments as GSM 03.38 / UCS-2 do.
"""
import json
import os
import subprocess
import sys

import yaml

AT = "2026-12-07T13:00+01:00"


def run(binary, *args, env_extra=None):
    env = dict(os.environ, LC_ALL="C.UTF-8", TZ="UTC", COLUMNS="80", HOME="/nonexistent",
               XDG_DATA_HOME="/nonexistent", SIGNPOST_DATA="", NO_COLOR="1")
    env.update(env_extra or {})
    p = subprocess.run([binary, *args], capture_output=True, text=True, env=env)
    return p.returncode, p.stdout, p.stderr


GSM = set("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡"
          "ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà")
GSM_EXT = set("^{}\\[~]|€")


def segments(text):
    """Text-message segments, written from the standard, not from signpost."""
    if all(c in GSM or c in GSM_EXT for c in text):
        units = sum(2 if c in GSM_EXT else 1 for c in text)
        return (1 if units <= 160 else -(-units // 153)), "gsm7", units
    units = len(text.encode("utf-16-le")) // 2
    return (1 if units <= 70 else -(-units // 67)), "ucs2", units


def main():
    binary, src = sys.argv[1:3]
    failures = []
    for country, lang, most in (("CZ", "cs", 30), ("US", None, 50), ("AU", None, 50)):
        args = ["-c", country, "--at", AT] + (["-l", lang] if lang else [])
        rc, text, _ = run(binary, *args)
        lines = text.rstrip("\n").split("\n")
        if len(lines) > most:
            failures.append(f"{' '.join(args)}: {len(lines)} lines at 80 columns, at most {most}")
        if any(len(l) > 80 for l in lines if " " in l.strip()):
            failures.append(f"{' '.join(args)}: a line is wider than 80 columns")
        rc, js, _ = run(binary, *args, "-f", "json")
        flat = text.replace("\n   ", " ")
        for r in json.loads(js)["results"]:
            for c in r["contacts"]:
                if c["primary"] and c["value"] not in flat and (c["international"] or "") not in flat:
                    failures.append(f"{' '.join(args)}: the contact {c['value']} of "
                                    f"{r['service']['id']} is not shown")
    table = yaml.safe_load(open(os.path.join(src, "data", "services.yaml"), encoding="utf-8"))
    for s in table["services"]:
        rc, text, err = run(binary, "--show", s["id"], "--at", AT, env_extra={"COLUMNS": "400"})
        if rc != 0:
            failures.append(f"--show {s['id']}: status {rc} {err.strip()}")
            continue
        want = [s["organization"]] + [c["value"] for c in s["contacts"]] + \
               [src_["url"] for src_ in s["sources"]]
        for w in want:
            if w not in text:
                failures.append(f"--show {s['id']}: does not show {w!r}")
    for country, lang in (("CZ", "cs"), ("EG", "ar"), ("IN", "hi"), ("PL", "pl")):
        rc, text, _ = run(binary, "-c", country, "-l", lang, "-f", "sms", "--at", AT)
        msg, _, count = text.rstrip("\n").rpartition("\n\n")
        n, kind, units = segments(msg)
        if f"{n} text message" not in count or str(units) not in count or \
                ("UCS-2" in count) != (kind == "ucs2"):
            failures.append(f"-f sms -c {country} -l {lang}: says {count!r}; "
                            f"the message takes {n} segments ({kind}, {units} units)")
    for f in failures:
        print(f)
    print(f"{len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
