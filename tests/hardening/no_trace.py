#!/usr/bin/env python3
"""no_trace.py - signpost leaves no trace: under `strace -f` a scripted
lookup, every --list, --check and --show, and an interactive session on a
pseudo-terminal (lookup, show, quit) must not open any file for writing
(other than the stdout/stderr it was given), create, rename, link or delete
any file or directory, truncate anything, or create a socket.

usage: no_trace.py SIGNPOST SOURCE_DIR
Skips (exit 77) when strace is missing or cannot trace here.
"""
import os
import pty
import re
import select
import shutil
import subprocess
import sys
import tempfile

BIN, SRC = sys.argv[1], sys.argv[2]
sys.path.insert(0, os.path.join(SRC, "tests"))
from fixtures import private_fixtures  # noqa: E402  (a copy signpost trusts)
FIXTURES = private_fixtures()
# Tables the test writes must be ones signpost trusts (src/trust.h).
os.umask(0o022)
CALLS = ("open,openat,openat2,creat,rename,renameat,renameat2,unlink,unlinkat,mkdir,mkdirat,"
         "rmdir,socket,connect,truncate,ftruncate,link,linkat,symlink,symlinkat,mknod,mknodat")
ALWAYS_BAD = re.compile(r"^(?:\d+\s+)?(creat|rename\w*|unlink\w*|mkdir\w*|rmdir|socket|connect|"
                        r"truncate|ftruncate|link\w*|symlink\w*|mknod\w*)\(")
OPEN = re.compile(r"^(?:\d+\s+)?(open|openat|openat2)\((.*)\)\s+=")
WRITE_FLAGS = re.compile(r"O_WRONLY|O_RDWR|O_CREAT|O_TRUNC|O_APPEND")

strace = shutil.which("strace")
if strace is None:
    print("no_trace: strace is not installed; skipped")
    sys.exit(77)
if subprocess.run([strace, "-f", "-o", os.devnull, "true"],
                  capture_output=True).returncode != 0:
    print("no_trace: strace cannot trace in this environment; skipped")
    sys.exit(77)

failures = []
commands = [
    ["-c", "CZ"], ["-c", "CZ", "-l", "cs"], ["-c", "Tschechien", "-f", "json"],
    ["-c", "CZ", "-f", "card"], ["-c", "SE", "--open-now"],
    ["-c", "DE", "--at", "2026-12-07T13:00+01:00"], ["-c", "XX"],
    ["--show", "troubled-desire"],
    ["--list", "countries"], ["--list", "languages"], ["--list", "services"],
    ["--list", "ui-languages"], ["--list", "sources"],
    ["--check"], ["--check", "--stale", "30"],
    ["--check", os.path.join(FIXTURES, "hostile", "table.yaml")],
    ["--data", os.path.join(FIXTURES, "hostile", "table.yaml"), "-c", "CZ"],
    ["--help"], ["--version"],
]

with tempfile.TemporaryDirectory() as tmp:
    home, xdg = os.path.join(tmp, "home"), os.path.join(tmp, "xdg")
    os.makedirs(home)
    os.makedirs(os.path.join(xdg, "signpost"))
    shutil.copy(os.path.join(FIXTURES, "hostile", "overlay.yaml"),
                os.path.join(xdg, "signpost", "local.yaml"))
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C.UTF-8",
           "LANG": "C.UTF-8", "TZ": "UTC", "HOME": home, "XDG_DATA_HOME": xdg,
           "COLUMNS": "80", "NO_COLOR": "1"}
    for k in ("ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"):
        if k in os.environ:
            env[k] = os.environ[k]
    log = os.path.join(tmp, "trace")
    for args in commands:
        # The overlay names a service of the shipped table; with --data the
        # hostile table has it too (hostile-line), so keep it only there.
        if "--data" not in args and os.path.exists(os.path.join(xdg, "signpost", "local.yaml")):
            os.unlink(os.path.join(xdg, "signpost", "local.yaml"))
        with open(os.path.join(tmp, "out"), "wb") as out:
            p = subprocess.run([strace, "-f", "-qq", "-o", log, "-e", "trace=" + CALLS, BIN] + args,
                               env=env, stdin=subprocess.DEVNULL, stdout=out,
                               stderr=subprocess.PIPE, timeout=300)
        ran = 0
        with open(log, encoding="utf-8", errors="replace") as f:
            for line in f:
                line = line.rstrip("\n")
                if ALWAYS_BAD.match(line):
                    failures.append(f"signpost {' '.join(args)}: {line}")
                m = OPEN.match(line)
                if m:
                    ran += 1
                    if WRITE_FLAGS.search(m.group(2)):
                        failures.append(f"signpost {' '.join(args)}: {line}")
        if ran == 0:
            failures.append(f"signpost {' '.join(args)}: no open traced at all (exit {p.returncode})")
        if p.returncode not in (0, 1, 2):
            failures.append(f"signpost {' '.join(args)}: exit {p.returncode}: {p.stderr[:300]!r}")


def interactive(env, log):
    """One interactive session on a pty: a lookup, then quit."""
    master, slave = pty.openpty()
    p = subprocess.Popen([strace, "-f", "-qq", "-o", log, "-e", "trace=" + CALLS, BIN,
                          "--at", "2026-12-07T13:00+01:00"],
                         env=dict(env, TERM="xterm"), stdin=slave, stdout=slave, stderr=slave,
                         close_fds=True)
    os.close(slave)
    keys = [b"cz\t", b"\r", b"\r", b"quit\r", b"\x04"]
    seen = b""
    try:
        while p.poll() is None:
            r, _, _ = select.select([master], [], [], 1.0)
            if r:
                try:
                    seen += os.read(master, 65536)
                except OSError:
                    break
            elif keys:
                os.write(master, keys.pop(0))
            elif p.poll() is None:
                try:
                    p.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    p.kill()
                    p.wait()
                    return f"interactive session did not end; screen: {seen[-300:]!r}"
        p.wait(timeout=20)
    finally:
        os.close(master)
    if b"Emergency numbers (Czechia)" not in seen:
        return f"interactive session showed no lookup; screen: {seen[-300:]!r}"
    return None


if os.path.isdir(os.path.join(SRC, "tests", "interactive")):
    with tempfile.TemporaryDirectory() as tmp:
        home, xdg = os.path.join(tmp, "home"), os.path.join(tmp, "xdg")
        os.makedirs(home)
        os.makedirs(xdg)
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C.UTF-8",
               "LANG": "C.UTF-8", "TZ": "UTC", "HOME": home, "XDG_DATA_HOME": xdg,
               "COLUMNS": "80", "NO_COLOR": "1"}
        log = os.path.join(tmp, "trace")
        err = interactive(env, log)
        if err:
            failures.append(err)
        with open(log, encoding="utf-8", errors="replace") as f:
            for line in f:
                m = OPEN.match(line)
                if ALWAYS_BAD.match(line) or (m and WRITE_FLAGS.search(m.group(2))):
                    failures.append("interactive: " + line.rstrip("\n"))
    commands.append(["(interactive session)"])

for f in failures:
    print("FAIL: " + f, file=sys.stderr)
if failures:
    sys.exit(1)
print(f"no trace: {len(commands)} runs, no writes, no sockets")
