#!/usr/bin/env python3
"""terminal_safety.py - no byte from a table, an overlay or the command line
may drive the terminal.  Runs signpost on tests/data/hostile/ and fails if
stdout or stderr carries a raw ESC, another C0 control (except newline and
the tab of --list), DEL,
a C1 control (UTF-8 C2 80..C2 9F) or a bidi embedding/override/isolate
(U+202A-202E, U+2066-2069), checks that the hostile text is still shown
(made visible) and that JSON escapes it, and that hostile URLs are refused.

usage: terminal_safety.py SIGNPOST SOURCE_DIR
"""
import json
import os
import struct
import re
import subprocess
import sys
import tempfile

BIN, SRC = sys.argv[1], sys.argv[2]
sys.path.insert(0, os.path.join(SRC, "tests"))
from fixtures import private_fixtures  # noqa: E402  (a copy signpost trusts)
HOSTILE = os.path.join(private_fixtures(), "hostile")
TABLE = os.path.join(HOSTILE, "table.yaml")
failures = []
# Tables the test writes must be ones signpost trusts (src/trust.h).
os.umask(0o022)

BAD = re.compile(rb"[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]")


def fail(what):
    failures.append(what)
    print("FAIL: " + what, file=sys.stderr)


def run(args, xdg_files=(), want_rc=None):
    with tempfile.TemporaryDirectory() as tmp:
        home, xdg = os.path.join(tmp, "home"), os.path.join(tmp, "xdg")
        os.makedirs(home)
        os.makedirs(os.path.join(xdg, "signpost"))
        for f in xdg_files:
            with open(os.path.join(HOSTILE, f), "rb") as src, \
                    open(os.path.join(xdg, "signpost", f), "wb") as dst:
                dst.write(src.read())
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C.UTF-8",
               "LANG": "C.UTF-8", "TZ": "UTC", "HOME": home, "XDG_DATA_HOME": xdg,
               "COLUMNS": "80", "NO_COLOR": "1"}
        for k in ("ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"):
            if k in os.environ:
                env[k] = os.environ[k]
        p = subprocess.run([BIN] + args, env=env, stdin=subprocess.DEVNULL,
                           capture_output=True, timeout=120)
    label = "signpost " + " ".join(repr(a) if BAD.search(a.encode()) else a for a in args)
    for name, data in (("stdout", p.stdout), ("stderr", p.stderr)):
        m = BAD.search(data)
        if m:
            ctx = data[max(0, m.start() - 30):m.end() + 10]
            fail(f"{label}: raw control {m.group()!r} on {name} near {ctx!r}")
    if want_rc is not None and p.returncode != want_rc:
        fail(f"{label}: exit {p.returncode}, want {want_rc}; stderr: {p.stderr[:300]!r}")
    return p


def expect_in(label, data, needles):
    for n in needles:
        if n.encode() not in data:
            fail(f"{label}: {n!r} not shown")


# Text, card and --show: the hostile text is there, made visible.
VISIBLE = ["^[[2J", "^[[31m Line", "^[]8;;https://evil.example/"]
OVERLAY = ["^[]52;c;cm0gLXJmIH4=^G", "<U+009B>2J", "Reason ^[[2J^[[H"]
for args, needles in (
        (["-c", "CZ", "-v"], VISIBLE + ["<U+009D>52;c;eA==<U+009C>"] + OVERLAY),
        (["-c", "CZ", "-l", "en", "-v"], VISIBLE + ["^[]52;c;ZWNobyBwd25lZA==^G", "<U+009B>2J then"]),
        (["-c", "CZ", "-f", "card"], ["^[[2J", "^[[31m Line"]),
        (["--show", "hostile-line"], VISIBLE + OVERLAY),
        (["--list", "services"], ["^[[2J"])):
    p = run(["--data", TABLE] + args, xdg_files=["overlay.yaml"], want_rc=0)
    expect_in(" ".join(args), p.stdout, needles)

# JSON: raw output clean, every hostile string escaped and intact.
p = run(["--data", TABLE, "-c", "CZ", "-f", "json"], xdg_files=["overlay.yaml"], want_rc=0)
try:
    doc = json.loads(p.stdout)
    svc = doc["results"][0]["service"]
    if svc["name"] != "Evil\x1b[2J\x1b[31m Line":
        fail(f"json: name not preserved: {svc['name']!r}")
    if "\x9b2J" not in svc["description"]["en"]:
        fail(f"json: description not preserved: {svc['description']!r}")
    if "\x1b]52;c;cm0gLXJmIH4=\x07" not in "".join(svc.get("worker_notes", [])):
        fail("json: worker note with OSC 52 missing")
except (ValueError, KeyError, IndexError) as e:
    fail(f"json: cannot read the output: {e}: {p.stdout[:200]!r}")
for esc in (rb"\u001b", rb"\u009b"):
    if esc not in p.stdout:
        fail(f"json: {esc!r} escape missing")

# Bidi controls and invisible characters in a table are refused when it
# is read, each named, in --check and in a lookup alike.
BIDI = os.path.join(HOSTILE, "bidi.yaml")
for args in (["--check", BIDI], ["--data", BIDI, "-c", "CZ"]):
    p = run(args, want_rc=3)
    for n in (b"U+202E RIGHT-TO-LEFT OVERRIDE, a bidirectional control character",
              b"U+2066 LEFT-TO-RIGHT ISOLATE", b"U+200B ZERO WIDTH SPACE, an invisible character",
              b"U+2060 WORD JOINER"):
        if n not in p.stderr:
            fail(f"{' '.join(args)}: {n!r} not named: {p.stderr[:300]!r}")

# Hostile URLs are refused by --check, in contacts and sources (those
# with bidi controls already as texts that do not show what they hold).
urls = sorted(f for f in os.listdir(HOSTILE) if f.startswith("url-"))
if len(urls) < 12:
    fail(f"only {len(urls)} URL fixtures")
for f in urls:
    p = run(["--check", os.path.join(HOSTILE, f)], want_rc=3)
    if b"is not a safe" not in p.stderr and b"bidirectional control character" not in p.stderr:
        fail(f"--check {f}: no 'is not a safe' message: {p.stderr[:300]!r}")

# A hostile URL in a local overlay stops the lookup, message inert.
p = run(["--data", TABLE, "-c", "CZ"], xdg_files=["overlay-url.yaml"])
if p.returncode == 0 or b"is not a safe web address" not in p.stderr:
    fail(f"overlay-url: exit {p.returncode}; stderr {p.stderr[:300]!r}")

# Echoed user input never drives the terminal either.
for args in (["-c", "\x1b[2J\x1b]52;c;eA==\x07"], ["-c", "CZ", "-l", "\u202ecs\x9b"],
             ["--show", "\x1b]8;;https://e.example/\x1b\\x"], ["--list", "\x1b[31m"],
             ["--\x1b[2Jbad"]):
    p = run(["--data", TABLE] + args)
    if p.returncode == 0:
        fail(f"{args!r}: exit 0")

# A catalog from elsewhere (SIGNPOST_LOCALEDIR): a message key twice in
# the compiled bundle is refused, not resolved by the order of a sort.
def res_with_duplicate_key(src, dst):
    """Copies the resource bundle src to dst with its second message key
    made the first one's (ICU .res, format 2+: the root is a table)."""
    import struct
    d = bytearray(open(src, "rb").read())
    data = struct.unpack_from("<H", d, 0)[0]
    root = struct.unpack_from("<I", d, data)[0]
    kind, off = root >> 28, root & 0xFFFFFFF
    nidx = struct.unpack_from("<I", d, data + 4)[0] & 0xFF
    keys_top = struct.unpack_from("<%dI" % nidx, d, data + 4)[1]
    if kind == 5:    # URES_TABLE16: in the 16-bit units after the keys
        p = data + keys_top * 4 + off * 2
    elif kind == 2:  # URES_TABLE: 32-bit offset
        p = data + off * 4
    else:
        raise ValueError("root of type %d" % kind)
    first = struct.unpack_from("<H", d, p + 2)[0]
    struct.pack_into("<H", d, p + 4, first)
    open(dst, "wb").write(bytes(d))


en_res = os.path.join(os.path.dirname(BIN), "..", "share", "signpost", "locales", "en.res")
with tempfile.TemporaryDirectory() as cat:
    try:
        res_with_duplicate_key(en_res, os.path.join(cat, "en.res"))
        env = dict(os.environ, SIGNPOST_LOCALEDIR=cat, LC_ALL="C.UTF-8")
        p = subprocess.run([BIN, "--data", TABLE, "-c", "CZ"], env=env, capture_output=True,
                           stdin=subprocess.DEVNULL, timeout=60)
        if p.returncode != 3 or b"is there twice" not in p.stderr:
            fail(f"catalog with a key twice: exit {p.returncode}; {p.stderr[:300]!r}")
    except (OSError, ValueError, struct.error) as e:
        fail(f"catalog with a key twice: cannot make it: {e}")

if failures:
    print(f"{len(failures)} failure(s)", file=sys.stderr)
    sys.exit(1)
print("terminal safety: ok")
