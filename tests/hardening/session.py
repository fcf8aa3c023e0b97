#!/usr/bin/env python3
"""session.py - what is typed or pasted into the interactive session never
drives the terminal (issue 16): readline echoes input as it comes, so a
pasted C1 control (U+009B is CSI), a bidi override (U+202E) or invalid
UTF-8 must reach the screen made safe (U+FFFD), and on a terminal of one
byte per character a byte from 0x80 to 0x9F must not be echoed at all.
Runs signpost on a pseudo-terminal; every read has a deadline.

usage: session.py SIGNPOST
"""
import os
import pty
import select
import signal
import sys
import tempfile
import time

# Tables the test writes must be ones signpost trusts (src/trust.h).
os.umask(0o022)

BIN = sys.argv[1]
failures = []


def fail(what):
    failures.append(what)
    print("FAIL: " + what, file=sys.stderr)


def read_until(fd, needle, seconds):
    out, end = b"", time.time() + seconds
    while time.time() < end and (needle is None or needle not in out):
        r, _, _ = select.select([fd], [], [], 0.2)
        if r:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
    return out


def session(locale, typed, args=(), xdg="/nonexistent", more=()):
    """Starts a session, answers the country question with typed (then
    each line of more), and returns everything the terminal got after
    the question."""
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": locale, "TZ": "UTC",
           "HOME": "/nonexistent", "XDG_DATA_HOME": xdg, "TERM": "xterm",
           "COLUMNS": "200", "NO_COLOR": "1"}
    for k in ("ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"):
        if k in os.environ:
            env[k] = os.environ[k]
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(BIN, [BIN, "--ui-language", "en"] + list(args), env)
    first = read_until(fd, b"country", 20)
    if b"country" not in first:
        fail(f"{locale}: no country question: {first[-200:]!r}")
    os.write(fd, typed + b"\r")
    out = read_until(fd, None, 3)
    for line in more:
        os.write(fd, line + b"\r")
        out += read_until(fd, None, 2)
    os.kill(pid, signal.SIGTERM)
    try:
        read_until(fd, None, 1)
        os.waitpid(pid, 0)
    except OSError:
        pass
    return out


PASTE = b"Cz\xc2\x9b2J\xe2\x80\xaeec\xffh\xe2\x81\xa6ia"
out = session("C.UTF-8", PASTE)
for bad, what in ((b"\xc2\x9b", "C1 CSI (U+009B)"), (b"\xe2\x80\xae", "U+202E"),
                  (b"\xff", "invalid UTF-8"), (b"\xe2\x81\xa6", "U+2066")):
    if bad in out:
        fail(f"UTF-8: {what} echoed raw: {out[:300]!r}")
if b"\xef\xbf\xbd" not in out:
    fail(f"UTF-8: the pasted controls are not shown as U+FFFD: {out[:300]!r}")

out = session("cs_CZ.ISO-8859-2", b"Cz\x9b2J\x85ech")
if b"\x9b" in out or b"\x85" in out:
    fail(f"ISO-8859-2: a C1 byte echoed: {out[:300]!r}")

# A service a local table replaced: its card says nothing of it, and the
# worker reads below the card which table changed it.
SRC = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
sys.path.insert(0, os.path.join(SRC, "tests"))
from fixtures import private_fixtures  # noqa: E402  (a copy signpost trusts)
FIXTURES = private_fixtures()
with tempfile.TemporaryDirectory() as tmp:
    os.chmod(tmp, 0o755)
    os.makedirs(os.path.join(tmp, "signpost"))
    mini = open(os.path.join(SRC, "tests", "data", "mini.yaml"), encoding="utf-8").read()
    local = "schema: \"2\"\nservices:\n" + mini[mini.index("  - id: test-line"):].replace(
        "+420 111 222 333", "+420 999 999 999")
    with open(os.path.join(tmp, "signpost", "local.yaml"), "w", encoding="utf-8") as f:
        f.write(local)
    out = session("C.UTF-8", b"CZ", ["--data", os.path.join(FIXTURES, "mini.yaml")],
                  xdg=tmp, more=[b"cs", b"card 1", b"details 1"])
    if b"changed by a local table (your own: local.yaml)" not in out:
        fail(f"session: no local mark in the call view: {out[-600:]!r}")
    if b"Test Line on the card: changed by a local table (your own: local.yaml)" not in out:
        fail(f"session: no note below the card: {out[-600:]!r}")
    if b"/signpost/local.yaml)" not in out:
        fail(f"session: the details do not name the file: {out[-600:]!r}")

if failures:
    print(f"{len(failures)} failure(s)", file=sys.stderr)
    sys.exit(1)
print("session: ok")
