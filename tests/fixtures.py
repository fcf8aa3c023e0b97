# SPDX-License-Identifier: GPL-3.0-or-later
"""The test fixtures (tests/data), as a private copy that signpost trusts.

signpost refuses a local table that anyone but its owner may change, and
checks every directory above it (src/trust.h).  A checkout made under
umask 0002 (the default for users on many distributions) or unpacked from
an archive with group-writable modes would make every test that reads a
fixture fail for that reason alone.  private_fixtures() copies tests/data
into a fresh directory from mkdtemp (mode 0700) with group and others'
write bits cleared, and removes it when the process exits.  The copy is
what the tests name, so their outputs show its path (run.py maps it back
to @FIXTURES@).
"""

import atexit
import os
import shutil
import tempfile


def private_fixtures(source=None):
    """Returns the path of a trusted copy of source (default: tests/data)."""
    if source is None:
        source = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")
    top = tempfile.mkdtemp(prefix="signpost-fixtures-")
    atexit.register(shutil.rmtree, top, True)
    copy = os.path.join(top, "data")
    shutil.copytree(source, copy, symlinks=True)
    for root, dirs, files in os.walk(copy):
        for name in [root] + [os.path.join(root, n) for n in dirs + files]:
            if not os.path.islink(name):
                os.chmod(name, os.stat(name).st_mode & ~0o022)
    return copy
