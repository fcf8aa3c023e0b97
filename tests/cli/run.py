#!/usr/bin/env python3
"""Golden CLI test runner for signpost, in the manner of jq's tests.

Runs one case file against the signpost binary in a pinned environment and
compares stdout, stderr and the exit status with what the case expects; on a
mismatch it prints a unified diff and exits 1.  It never touches anything
outside a fresh temporary directory.

    run.py --bin PATH [--fixtures DIR] [--built DIR] [--update] CASE...

A case file is a few "key: value" header lines, then sections that each start
with a line "--- NAME" and run to the next section:

    # a comment
    args: -c CZ -l cs --at 2026-12-07T13:00+01:00     (split like a shell)
    env: TZ=Europe/Prague LANG=cs_CZ.UTF-8          (added; "-NAME" unsets)
    status: 0
    stdout-to: pipe | closed-pipe | /dev/full | head  (default: pipe)
    requires-locale: tr_TR.UTF-8                     (skipped, status 77, if absent)
    --- file xdg/signpost/local.yaml                 (written under the temp dir first)
    ...
    --- stdin                                        (default: /dev/null)
    --- stdout                                       (compared exactly)
    --- stderr                                       (compared exactly; absent = must be empty)
    --- jq                                           (one jq -e filter per line, on stdout)
    --- stdout-contains                              (each line must occur in stdout)
    --- stdout-regex, --- stderr-regex               (every output line fully matches one of
                                                      these patterns, and each pattern some line)
    requires-catalog: cs de                          (skipped, status 77, until those catalogs exist)

"--- stdout" absent means stdout is not compared byte for byte (use jq or
stdout-contains then).  In args, env, files and expected output, @TMP@ is the
temporary directory, @DATADIR@ the staged data directory next to the binary,
@FIXTURES@ tests/data and @BUILT@ the fixtures the build makes (--built).  A
trailing newline at the end of a section is part of it; the file's last
newline closes the last section.

--update rewrites the stdout and stderr sections (and status) from the actual
run: read every change before keeping it.
"""

import argparse
import difflib
import json
import locale
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

SECTIONS_WITH_ARG = ("file",)
SCHEMA = None


def parse_case(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    head, sections, order = {}, {}, []
    cur = None
    buf = []
    for line in text.splitlines(keepends=True):
        if line.startswith("--- "):
            if cur is not None:
                sections[cur] = "".join(buf)
            cur = line[4:].rstrip("\n")
            order.append(cur)
            buf = []
        elif cur is None:
            s = line.strip()
            if not s or s.startswith("#"):
                continue
            key, _, val = s.partition(":")
            head[key.strip()] = val.strip()
        else:
            buf.append(line)
    if cur is not None:
        sections[cur] = "".join(buf)
    return head, sections, order, text


BUILT = ""

# Tables the test writes must be ones signpost trusts (src/trust.h).
os.umask(0o022)


def subst(s, tmp, datadir, fixtures):
    return (s.replace("@TMP@", tmp).replace("@DATADIR@", datadir).replace("@FIXTURES@", fixtures)
            .replace("@BUILT@", BUILT))


def unsubst(s, tmp, datadir, fixtures):
    # Longest first: the data directory may sit inside the fixtures' tree.
    for real, name in sorted(((datadir, "@DATADIR@"), (fixtures, "@FIXTURES@"), (tmp, "@TMP@"),
                              (BUILT, "@BUILT@")),
                             key=lambda p: -len(p[0])):
        if real:
            s = s.replace(real, name)
    return s


def have_locale(name):
    try:
        out = subprocess.run(["locale", "-a"], capture_output=True, text=True).stdout
    except OSError:
        return False
    want = name.lower().replace("utf-8", "utf8")
    return any(l.strip().lower() == want for l in out.splitlines())


def diff(label, want, got):
    return "".join(difflib.unified_diff(want.splitlines(keepends=True), got.splitlines(keepends=True),
                                        "expected " + label, "actual " + label))


def run_case(path, binary, fixtures, update):
    head, sec, order, text = parse_case(path)
    name = os.path.basename(path)
    if "requires-locale" in head and not have_locale(head["requires-locale"]):
        print(f"{name}: SKIP: locale {head['requires-locale']} is not installed")
        return 77
    catdir = os.path.join(os.path.dirname(binary), "..", "share", "signpost", "locales")
    for tag in head.get("requires-catalog", "").split():
        if not os.path.exists(os.path.join(catdir, tag + ".res")):
            print(f"{name}: SKIP: the UI catalog {tag}.res is not there yet")
            return 77
    tmp = tempfile.mkdtemp(prefix="signpost-cli.")
    try:
        return run_in(tmp, path, name, head, sec, order, text, binary, fixtures, update)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def run_in(tmp, path, name, head, sec, order, text, binary, fixtures, update):
    datadir = os.path.normpath(os.path.join(os.path.dirname(binary), "..", "share", "signpost"))
    rawdatadir = os.path.join(os.path.dirname(binary), "..", "share", "signpost")
    home, xdg = os.path.join(tmp, "home"), os.path.join(tmp, "xdg")
    os.makedirs(home)
    os.makedirs(xdg)
    S = lambda s: subst(s, tmp, datadir, fixtures)

    for key in order:
        if key.startswith("file "):
            dest = os.path.join(tmp, S(key[5:].strip()))
            os.makedirs(os.path.dirname(dest), exist_ok=True)
            with open(dest, "w", encoding="utf-8") as f:
                f.write(S(sec[key]))

    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C.UTF-8", "TZ": "UTC",
           "COLUMNS": "80", "NO_COLOR": "1", "HOME": home, "XDG_DATA_HOME": xdg}
    for item in shlex.split(S(head.get("env", ""))):
        if item.startswith("-"):
            env.pop(item[1:], None)
        else:
            k, _, v = item.partition("=")
            env[k] = v
    argv = [binary] + shlex.split(S(head.get("args", "")))
    # SIGNPOST_WRAPPER (e.g. "valgrind -q --error-exitcode=99 ...") runs
    # every case under a checker; its own messages then fail the case.
    wrapper = os.environ.get("SIGNPOST_WRAPPER", "")
    limit = 60
    if wrapper:
        argv = shlex.split(wrapper) + argv
        limit = 600
    want_status = int(head.get("status", "0"))
    mode = head.get("stdout-to", "pipe")

    stdout_data = b""
    if mode == "pipe":
        feed = sec["stdin"].encode() if "stdin" in sec else None
        p = subprocess.run(argv, input=feed, stdin=None if feed is not None else subprocess.DEVNULL,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=tmp,
                           timeout=limit)
        stdout_data, stderr_data, status = p.stdout, p.stderr, p.returncode
    elif mode == "closed-pipe":
        r, w = os.pipe()
        os.close(r)  # the reader is gone before signpost writes a byte
        p = subprocess.run(argv, stdout=w, stdin=subprocess.DEVNULL, stderr=subprocess.PIPE,
                           env=env, cwd=tmp, timeout=limit)
        os.close(w)
        stderr_data, status = p.stderr, p.returncode
    elif mode == "head":
        p1 = subprocess.Popen(argv, stdout=subprocess.PIPE, stdin=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, env=env, cwd=tmp)
        p2 = subprocess.Popen(["head", "-n", "1"], stdin=p1.stdout, stdout=subprocess.PIPE)
        p1.stdout.close()
        stdout_data = p2.communicate(timeout=limit)[0]
        stderr_data = p1.stderr.read()
        p1.stderr.close()
        status = p1.wait(timeout=limit)
    else:
        with open(mode, "wb") as out:
            p = subprocess.run(argv, stdout=out, stdin=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               env=env, cwd=tmp, timeout=limit)
        stderr_data, status = p.stderr, p.returncode

    try:
        got_out = stdout_data.decode("utf-8")
        got_err = stderr_data.decode("utf-8")
    except UnicodeDecodeError as e:
        print(f"{name}: FAIL: output is not valid UTF-8: {e}")
        return 1
    # The binary names its data directory unnormalised (bin/../share/signpost).
    got_out_n = unsubst(got_out.replace(rawdatadir, datadir), tmp, datadir, fixtures)
    got_err_n = unsubst(got_err.replace(rawdatadir, datadir), tmp, datadir, fixtures)

    if update:
        return write_update(path, text, got_out_n, "" if "stderr-regex" in sec else got_err_n, status,
                            "stdout" in sec)

    failures = []
    if status != want_status:
        failures.append(f"exit status: expected {want_status}, got {status}")
    if status < 0:
        failures.append(f"killed by signal {-status}")
    if "stdout" in sec and got_out_n != sec["stdout"]:
        failures.append(diff("stdout", sec["stdout"], got_out_n))
    for what, got in (("stdout", got_out_n), ("stderr", got_err_n)):
        if what + "-regex" not in sec:
            continue
        pats = [re.compile(l) for l in sec[what + "-regex"].splitlines() if l]
        used = set()
        for line in got.splitlines():
            hit = [i for i, pat in enumerate(pats) if pat.fullmatch(line)]
            if not hit:
                failures.append(f"{what} line matches no pattern: {line}")
            used.update(hit)
        for i, pat in enumerate(pats):
            if i not in used:
                failures.append(f"no {what} line matches: {pat.pattern}")
    if "stderr-regex" not in sec and got_err_n != sec.get("stderr", ""):
        failures.append(diff("stderr", sec.get("stderr", ""), got_err_n))
    for line in sec.get("stdout-contains", "").splitlines():
        if line and line not in got_out_n:
            failures.append(f"stdout does not contain: {line}")
    is_json = any(argv[i] in ("-f", "--format") and i + 1 < len(argv) and argv[i + 1] == "json"
                  for i in range(len(argv))) or "-fjson" in argv or "--format=json" in argv
    if "jq" in sec or is_json:
        try:
            doc = json.loads(got_out)
        except ValueError as e:
            failures.append(f"stdout is not one JSON document: {e}")
            doc = None
        # Every JSON output, errors included, follows the published schema.
        if doc is not None and SCHEMA is not None:
            errs = sorted(SCHEMA.iter_errors(doc), key=lambda e: list(e.absolute_path))
            for e in errs[:5]:
                failures.append(f"JSON schema: at {list(e.absolute_path)}: {e.message[:300]}")
    for filt in sec.get("jq", "").splitlines():
        if not filt.strip() or filt.lstrip().startswith("#"):
            continue
        q = subprocess.run(["jq", "-e", filt], input=got_out, capture_output=True, text=True)
        if q.returncode != 0:
            failures.append(f"jq -e '{filt}' failed (status {q.returncode}): "
                            f"{q.stdout.strip()} {q.stderr.strip()}")
    if failures:
        print(f"{name}: FAIL: {' '.join(shlex.quote(a) for a in argv[1:])}")
        for f in failures:
            print(f.rstrip("\n"))
        return 1
    print(f"{name}: ok")
    return 0


def write_update(path, text, out, err, status, has_stdout):
    lines = text.splitlines(keepends=True)
    keep, skip = [], False
    for line in lines:
        if line.startswith("--- "):
            skip = line[4:].rstrip("\n") in ("stdout", "stderr")
        if line.startswith("status:"):
            line = f"status: {status}\n"
        if not skip:
            keep.append(line)
    new = "".join(keep)
    if has_stdout:
        new += "--- stdout\n" + out
        if out and not out.endswith("\n"):
            new += "\n"
    if err:
        new += "--- stderr\n" + err
    with open(path, "w", encoding="utf-8") as f:
        f.write(new)
    print(f"{os.path.basename(path)}: updated (status {status})")
    return 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--fixtures", default=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                       "..", "data"))
    ap.add_argument("--built", default="", help="the fixtures the build makes (@BUILT@)")
    ap.add_argument("--update", action="store_true")
    ap.add_argument("--schema", help="validate JSON output against this JSON Schema")
    ap.add_argument("cases", nargs="+")
    a = ap.parse_args()
    global BUILT, SCHEMA
    BUILT = os.path.abspath(a.built) if a.built else ""
    if a.schema:
        # Debian's python3-jsonschema; without it the test fails, never skips.
        import jsonschema
        with open(a.schema, encoding="utf-8") as f:
            SCHEMA = jsonschema.Draft202012Validator(json.load(f))
    binary = os.path.abspath(a.bin)
    # A copy that signpost trusts whatever the checkout's modes (tests/fixtures.py).
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    from fixtures import private_fixtures
    fixtures = os.path.normpath(private_fixtures(os.path.abspath(a.fixtures)))
    rc = 0
    for c in a.cases:
        r = run_case(c, binary, fixtures, a.update)
        if r == 77 and len(a.cases) == 1:
            return 77
        rc |= 1 if r == 1 else 0
    return rc


if __name__ == "__main__":
    sys.exit(main())
