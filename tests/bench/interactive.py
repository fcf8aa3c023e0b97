#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Time the interactive session of signpost on a real pseudo-terminal.

    tests/bench/interactive.py [--runs N] [--later K] [--timeout S] SIGNPOST

Issue 8 asks that results appear within 5 ms of Enter on the shipped table
and that the first Tab completion comes within 20 ms.  This script starts
SIGNPOST (no arguments: the shipped table) N times on a pseudo-terminal
of 500 rows and 80 columns, in the environment of tests/interactive/run.sh
(an empty environment but PATH; HOME and the XDG directories empty and
temporary; LC_ALL=C.UTF-8, TZ=UTC, COLUMNS=80, NO_COLOR=1, TERM=dumb), so
the UI is English and nothing is paged.  In each session it types, always
the same keys:

    Cze Tab            first Tab of the session: the line becomes Czechia
    Enter              the language question, "Caller's language [Czech]: "
    Enter              first lookup: the results, then the command prompt
    then K times:
      new Enter        back to the country question
      Tsch Tab         no English or native name starts so: a bell
      Enter            "is not a country ...; did you mean ...", the question again
      Cze Tab Enter    a later Tab, then the language question
      Enter            a later lookup in the same session
    quit Enter         the session must end with status 0

Before each session /bin/echo is started the same way, as a baseline for
the start-up time (a fork of this Python process and an exec).

Each time is taken from just before the key is written to the terminal to
the arrival of the byte that completes the step, read with select(2) on the
master side.  "First byte" is the first byte after readline's own newline
(the echo of Enter); "next prompt" is the end of "Command (? for help): ",
when the results are complete.  The table (Markdown, on stdout) gives the
median and the maximum of each step in milliseconds.  It is a benchmark,
not a test: it fails only when the session does not behave (a prompt that
never appears, an early end), never on a number.  Python 3 standard
library only.
"""

import argparse
import fcntl
import os
import pty
import re
import select
import shutil
import signal
import statistics
import struct
import sys
import tempfile
import termios
import time

PROG = "interactive.py"
ROWS, COLS = 500, 80

# The questions of the English UI (tests/interactive/lib.exp).
COUNTRY_Q = b"Caller's country: "
LANGUAGE_Q = b"Caller's language [Czech]: "
COMMAND_Q = b"Command (? for help): "
RESULTS_HEAD = "Services for the caller's country (Czechia) and languages (Czech)".encode()


class SessionError(Exception):
    """The session did not show what was expected."""


def ms(seconds):
    return seconds * 1000.0


class Session:
    """One signpost process on a pseudo-terminal, and what it has written
    since the last key was sent, with the arrival time of each chunk."""

    def __init__(self, argv, env, timeout):
        self.timeout = timeout
        self.buf = b""
        self.chunks = []  # (offset just past the chunk in buf, arrival time)
        self.eof = False
        t0 = time.perf_counter()
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            try:
                # The size is set before exec, so signpost never sees 0x0.
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
                os.execve(argv[0], argv, env)
            except OSError as e:
                os.write(2, ("%s: cannot run %s: %s\n" % (PROG, argv[0], e.strerror)).encode())
            os._exit(127)
        self.t0 = t0

    def send(self, keys):
        """Writes keys; the output read so far is forgotten.  Returns the
        time just before the write."""
        self.buf = b""
        self.chunks = []
        t = time.perf_counter()
        os.write(self.fd, keys)
        return t

    def _read(self, deadline):
        left = deadline - time.perf_counter()
        if left <= 0:
            return False
        r, _, _ = select.select([self.fd], [], [], left)
        if not r:
            return False
        try:
            data = os.read(self.fd, 65536)
        except OSError:  # EIO: the slave side is closed, the process ended
            data = b""
        now = time.perf_counter()
        if not data:
            self.eof = True
            return False
        self.buf += data
        self.chunks.append((len(self.buf), now))
        return True

    def arrival(self, offset):
        """When the byte at offset of buf arrived."""
        for end, t in self.chunks:
            if offset < end:
                return t
        raise AssertionError("offset past the output")

    def wait(self, where, what):
        """Reads until where(buf) gives the offset of the byte that completes
        the step; returns its arrival time.  SessionError on time-out or end."""
        deadline = time.perf_counter() + self.timeout
        while True:
            off = where(self.buf)
            if off is not None:
                return self.arrival(off)
            if self.eof:
                raise SessionError("signpost ended while waiting for %s" % what)
            if not self._read(deadline) and not self.eof:
                raise SessionError("timed out after %g s waiting for %s" % (self.timeout, what))

    def wait_end(self, what):
        """Waits for the end of output and of the process; returns the exit
        status (or 128 + signal)."""
        deadline = time.perf_counter() + self.timeout
        while not self.eof:
            if not self._read(deadline) and not self.eof:
                raise SessionError("timed out after %g s waiting for %s" % (self.timeout, what))
        _, status = os.waitpid(self.pid, 0)
        self.pid = None
        os.close(self.fd)
        return os.waitstatus_to_exitcode(status) if status & 0x7f == 0 else 128 + (status & 0x7f)

    def kill(self):
        if self.pid is not None:
            try:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
            except OSError:
                pass
            self.pid = None
            os.close(self.fd)

    def tail(self, n=400):
        return self.buf[-n:].decode("utf-8", "replace")


def ends_with(text):
    """where(): the last byte of buf when buf ends with text (the prompt is
    the last thing written before signpost waits for a key)."""
    return lambda b: len(b) - 1 if b.endswith(text) else None


def contains(text):
    """where(): the last byte of the first occurrence of text."""
    def where(b):
        i = b.find(text)
        return i + len(text) - 1 if i >= 0 else None
    return where


def after_newline(b):
    """where(): the first byte after the first newline (readline echoes
    Enter as a newline before signpost writes anything)."""
    i = b.find(b"\n")
    return i + 1 if 0 <= i < len(b) - 1 else None


def typed(sess, keys, what):
    """Types keys that only echo, and waits for the echo."""
    sess.send(keys)
    sess.wait(ends_with(keys), "the echo of %s" % what)


def lookup(sess, times, first):
    """From the country question to the command prompt: Tab, Enter, Enter.
    Adds the step times to times (a dict of lists)."""
    tag = "first" if first else "later"
    typed(sess, b"Cze", '"Cze"')
    t = sess.send(b"\t")
    # With TERM=dumb readline writes the missing letters (or backspaces and
    # the whole name): the line ends with the completion either way.
    times["tab_" + tag].append(ms(sess.wait(ends_with(b"chia"), "Cze + Tab to complete to Czechia") - t))
    t = sess.send(b"\r")
    times["country"].append(ms(sess.wait(ends_with(LANGUAGE_Q), '"%s"' % LANGUAGE_Q.decode()) - t))
    t = sess.send(b"\r")
    first_byte = sess.wait(after_newline, "the results")
    done = sess.wait(ends_with(COMMAND_Q), '"%s" after the results' % COMMAND_Q.decode())
    if RESULTS_HEAD not in sess.buf:
        raise SessionError('"%s" missing from the results' % RESULTS_HEAD.decode())
    times["results_first_" + tag].append(ms(first_byte - t))
    times["results_done_" + tag].append(ms(done - t))
    return sess.buf


def later(sess, times):
    """new, a name that is no country (Tab rings, Enter suggests), then a lookup."""
    t = sess.send(b"new\r")
    sess.wait(ends_with(COUNTRY_Q), '"%s" after new' % COUNTRY_Q.decode())
    typed(sess, b"Tsch", '"Tsch"')
    t = sess.send(b"\t")
    times["tab_bell"].append(ms(sess.wait(contains(b"\a"), "the bell after Tsch + Tab") - t))
    t = sess.send(b"\r")
    sess.wait(contains(b"is not a country signpost knows"), '"is not a country signpost knows"')
    again = b"Caller's country [Czechia]: "
    times["ambiguous"].append(ms(sess.wait(ends_with(again), '"%s"' % again.decode()) - t))
    lookup(sess, times, first=False)


def run(args):
    sp = os.path.abspath(args.signpost)
    if not os.access(sp, os.X_OK):
        raise SessionError("%s is not an executable" % sp)
    argv = [sp]
    tmp = tempfile.mkdtemp(prefix="signpost-bench.")
    try:
        dirs = {}
        for d in ("home", "data", "config", "state", "cache"):
            dirs[d] = os.path.join(tmp, d)
            os.mkdir(dirs[d])
        env = {"PATH": "/usr/bin:/bin", "HOME": dirs["home"], "XDG_DATA_HOME": dirs["data"],
               "XDG_CONFIG_HOME": dirs["config"], "XDG_STATE_HOME": dirs["state"],
               "XDG_CACHE_HOME": dirs["cache"], "TZ": "UTC", "LC_ALL": "C.UTF-8",
               "COLUMNS": str(COLS), "NO_COLOR": "1", "TERM": "dumb"}
        times = {k: [] for k in ("baseline", "start", "tab_first", "tab_later", "tab_bell", "ambiguous",
                                 "country", "results_first_first", "results_done_first",
                                 "results_first_later", "results_done_later")}
        results = b""
        for i in range(args.runs):
            # What starting any program on the terminal costs from here.
            base = Session(["/bin/echo", "-n", "x: "], env, args.timeout)
            try:
                times["baseline"].append(ms(base.wait(ends_with(b"x: "), "the output of /bin/echo")
                                            - base.t0))
                base.wait_end("/bin/echo to end")
            except SessionError as e:
                raise SessionError("run %d, %s" % (i + 1, e)) from None
            finally:
                base.kill()
            sess = Session(argv, env, args.timeout)
            try:
                where = "run %d, " % (i + 1)
                try:
                    times["start"].append(ms(sess.wait(ends_with(COUNTRY_Q), '"%s"' % COUNTRY_Q.decode())
                                              - sess.t0))
                    results = lookup(sess, times, first=True)
                    for _ in range(args.later):
                        later(sess, times)
                    sess.send(b"quit\r")
                    rc = sess.wait_end("the end after quit")
                    if rc != 0:
                        raise SessionError("exit status %d after quit" % rc)
                except SessionError as e:
                    raise SessionError("%s%s; last output:\n%s" % (where, e, sess.tail())) from None
            finally:
                sess.kill()
        return times, results
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def table(times, results, args):
    rows = [
        ("baseline", "baseline: `/bin/echo -n 'x: '` → its output", ""),
        ("start", "session start → `Caller's country:`", ""),
        ("tab_first", "first Tab of a session, `Cze` → `Czechia`", "20"),
        ("tab_later", "later Tab (after `new`), `Cze` → `Czechia`", ""),
        ("tab_bell", "later Tab, `Tsch` → bell (no English or native name)", ""),
        ("ambiguous", "Enter on `Tsch` → suggestions, question again", ""),
        ("country", "Enter on `Czechia` → language question", ""),
        ("results_first_first", "first lookup: Enter → first byte of results", "5"),
        ("results_done_first", "first lookup: Enter → results complete (next prompt)", "5"),
        ("results_first_later", "later lookup (after `new`): Enter → first byte", "5"),
        ("results_done_later", "later lookup: Enter → results complete", "5"),
    ]
    out = ["| Interactive step | Median (ms) | Max (ms) | Target (ms) | Samples |",
           "|---|---:|---:|---:|---:|"]
    for key, label, target in rows:
        v = times[key]
        if not v:
            continue
        out.append("| %s | %.2f | %.2f | %s | %d |" % (label, statistics.median(v), max(v), target, len(v)))
    text = results.decode("utf-8", "replace")
    found = re.search(r"\(Czech\): (\d+) found", text)
    out.append("")
    out.append("%d sessions of %d lookups each, shipped table; every lookup is Czechia, Czech: "
               "%s, %d bytes on the terminal.  A pseudo-terminal of %dx%d, TERM=dumb, UI English; "
               "times from the write of the key to the arrival of the byte (select(2) on the "
               "master side)."
               % (args.runs, 1 + args.later,
                  "%s services found" % found.group(1) if found else "no count found",
                  len(results), ROWS, COLS))
    return "\n".join(out)


def main():
    p = argparse.ArgumentParser(prog=PROG, description="Time the interactive session of signpost.")
    p.add_argument("--runs", type=int, default=20, help="fresh sessions (default 20)")
    p.add_argument("--later", type=int, default=3, help="later lookups per session (default 3)")
    p.add_argument("--timeout", type=float, default=10.0, help="seconds to wait for a step (default 10)")
    p.add_argument("signpost", help="the signpost binary")
    args = p.parse_args()
    if args.runs < 1 or args.later < 0 or args.timeout <= 0:
        p.error("--runs must be at least 1, --later at least 0, --timeout positive")
    try:
        times, results = run(args)
    except SessionError as e:
        sys.exit("%s: %s" % (PROG, e))
    print(table(times, results, args))


if __name__ == "__main__":
    main()
