#!/usr/bin/env python3
"""The rooms of src/ (issue 15): files named by their prefix, one job each.

    rooms.py SRCDIR

  1. Only the i18n rooms include ICU: `grep -l 'unicode/' src/*.c` lists
     i18n*.c alone (src/build/, the build-only tools, may include it too).
  2. No circle: a room is the prefix of its files (render_text.c and
     render.h are the room "render"); room A depends on room B when a file
     of A includes B's header.  The graph of rooms has no cycle, so every
     room can be understood, and tested, with only the rooms below it.
Prints each problem and exits 1; prints the order of the rooms and exits 0.
"""
import os
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def room(name):
    stem = os.path.splitext(os.path.basename(name))[0]
    return stem.split("_")[0]


def main():
    src = sys.argv[1]
    problems = []
    files = sorted(f for f in os.listdir(src) if f.endswith((".c", ".h")))
    for f in files:
        text = open(os.path.join(src, f), encoding="utf-8").read()
        if f.endswith(".c") and "unicode/" in text and not f.startswith("i18n"):
            problems.append(f"src/{f} includes ICU (unicode/...): only the i18n rooms may")
    rooms = {}
    for f in files:
        text = open(os.path.join(src, f), encoding="utf-8").read()
        r = room(f)
        rooms.setdefault(r, set())
        for inc in INCLUDE.findall(text):
            if "/" in inc or not os.path.exists(os.path.join(src, inc)):
                continue  # config.h in the build tree, or another directory
            d = room(inc)
            if d != r:
                rooms[r].add((d, f, inc))
    # Depth-first search for a cycle, reporting the files that make it.
    state, order, stack = {}, [], []

    def visit(r):
        state[r] = 1
        stack.append(r)
        for d, f, inc in sorted(rooms.get(r, ())):
            if state.get(d) == 1:
                cyc = stack[stack.index(d):] + [d]
                problems.append("a circle of rooms: " + " -> ".join(cyc) +
                                f" (src/{f} includes {inc})")
            elif d not in state:
                visit(d)
        stack.pop()
        state[r] = 2
        order.append(r)

    for r in sorted(rooms):
        if r not in state:
            visit(r)
    for p in problems:
        print(p)
    if problems:
        return 1
    print("rooms, each after those it uses: " + " ".join(order))
    return 0


if __name__ == "__main__":
    sys.exit(main())
