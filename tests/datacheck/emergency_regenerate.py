#!/usr/bin/python3
"""Re-run data/tools/emergency.py into a temporary file and compare it byte for
byte with the committed data/emergency.yaml.

A difference means the committed file was edited by hand, the curated kinds
changed without regenerating, or the installed python3-phonenumbers differs
from the one the file was made with (its header names the version).  Run with
/usr/bin/python3; a missing module is a failure, never a skip.
"""

import difflib
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))


def main():
    committed = os.path.join(ROOT, "data", "emergency.yaml")
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "emergency.yaml")
        r = subprocess.run([sys.executable, os.path.join(ROOT, "data", "tools", "emergency.py"),
                            "--kinds", os.path.join(ROOT, "data", "emergency-kinds.yaml"),
                            "--output", out])
        if r.returncode != 0:
            print("FAIL: data/tools/emergency.py exited with %d" % r.returncode)
            return 1
        with open(out, "rb") as f:
            fresh = f.read()
    with open(committed, "rb") as f:
        old = f.read()
    if fresh == old:
        print("ok: data/emergency.yaml is what data/tools/emergency.py writes")
        return 0
    print("FAIL: data/emergency.yaml differs from a fresh run of data/tools/emergency.py "
          "(regenerate it with /usr/bin/python3 data/tools/emergency.py):")
    diff = difflib.unified_diff(old.decode("utf-8").splitlines(),
                                fresh.decode("utf-8").splitlines(),
                                "committed", "regenerated", lineterm="", n=1)
    for i, line in enumerate(diff):
        if i == 60:
            print("...")
            break
        print(line)
    return 1


if __name__ == "__main__":
    sys.exit(main())
