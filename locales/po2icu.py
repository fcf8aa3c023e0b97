#!/usr/bin/env python3
"""po2icu.py - turns one gettext catalog into an ICU resource bundle source.

    po2icu.py [--source] --name NAME IN.po OUT.txt

The build runs it on every locales/LL.po, and with --source on
locales/signpost.pot (English, whose text is the msgid), then compiles
OUT.txt with ICU's genrb into NAME.res, the file signpost reads.  Only
the Python standard library is used, and nothing here is needed at run
time.

Each entry's msgctxt is the message key and its msgstr (with --source:
its msgid) the ICU MessageFormat pattern.  A fuzzy entry (the English
changed since it was translated, as msgmerge marks it) and an empty
msgstr are untranslated: they are left out of the bundle, so signpost
shows the English message.  Obsolete (#~) entries are ignored.  The
output is ASCII, with every other character written as an escape, and
its keys sorted, so the same catalog always gives the same bytes.

Errors (exit status 1, "FILE:LINE: what"): an entry without msgctxt, a
key that is not letters, digits, '.', '-' or '_', a key twice, gettext
plural forms (plurals belong inside the ICU pattern), a charset other
than UTF-8, or a malformed line.
"""

import argparse
import re
import sys

KEY = re.compile(r"[A-Za-z0-9._-]+\Z")
ESCAPES = {"n": 0x0A, "t": 0x09, "r": 0x0D, "a": 0x07, "b": 0x08, "f": 0x0C, "v": 0x0B,
           "\\": 0x5C, '"': 0x22, "'": 0x27, "?": 0x3F}


class PoError(Exception):
    pass


def unquote(text, where):
    """The bytes of one PO string literal ("..." with C escapes)."""
    if len(text) < 2 or text[0] != '"' or text[-1] != '"':
        raise PoError(f"{where}: expected a quoted string")
    s, out, i = text[1:-1], bytearray(), 0
    while i < len(s):
        c = s[i]
        if c == '"':
            raise PoError(f"{where}: unescaped quote")
        if c != "\\":
            out += c.encode("utf-8")
            i += 1
            continue
        i += 1
        if i >= len(s):
            raise PoError(f"{where}: backslash at the end of a string")
        e = s[i]
        if e in ESCAPES:
            out.append(ESCAPES[e])
            i += 1
        elif e in "01234567":
            m = re.match(r"[0-7]{1,3}", s[i:])
            out.append(int(m.group(0), 8) & 0xFF)
            i += len(m.group(0))
        elif e == "x":
            m = re.match(r"[0-9A-Fa-f]{1,2}", s[i + 1:])
            if not m:
                raise PoError(f"{where}: \\x without hexadecimal digits")
            out.append(int(m.group(0), 16))
            i += 1 + len(m.group(0))
        else:
            raise PoError(f"{where}: unknown escape \\{e}")
    return bytes(out)


def parse(path):
    """The entries of a PO file: dicts with line, flags, msgctxt, msgid,
    msgid_plural, msgstr (text), obsolete."""
    entries, cur, field = [], None, None

    def start(lineno):
        return {"line": lineno, "flags": set(), "obsolete": False}

    def finish():
        nonlocal cur, field
        if cur is not None and "msgid" in cur:
            entries.append(cur)
        cur, field = None, None

    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    for n, raw in enumerate(lines, 1):
        where = f"{path}:{n}"
        line = raw.strip()
        if not line:
            finish()
            continue
        if line.startswith("#~"):
            # An obsolete entry, kept by msgmerge for reference: skipped.
            if cur is None or not cur["obsolete"]:
                finish()
                cur = start(n)
                cur["obsolete"] = True
                cur["msgid"] = b""
            continue
        if line.startswith("#"):
            if cur is not None and "msgid" in cur:
                finish()
            if cur is None:
                cur = start(n)
            if line.startswith("#,"):
                cur["flags"].update(x.strip() for x in line[2:].split(",") if x.strip())
            continue
        m = re.match(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+(\".*\")\Z", line)
        if m:
            name = m.group(1)
            if name in ("msgctxt", "msgid") and cur is not None and "msgid" in cur:
                finish()
            if cur is None:
                cur = start(n)
            if name.startswith("msgstr["):
                raise PoError(f"{where}: gettext plural forms are not used; put the plural "
                              "inside the ICU pattern")
            if name in cur:
                raise PoError(f"{where}: {name} twice in one entry")
            cur[name] = unquote(m.group(2), where)
            field = name
            continue
        if line.startswith('"') and cur is not None and field is not None:
            cur[field] += unquote(line, where)
            continue
        raise PoError(f"{where}: cannot read this line")
    finish()
    for e in entries:
        for k in ("msgctxt", "msgid", "msgid_plural", "msgstr"):
            if k in e:
                try:
                    e[k] = e[k].decode("utf-8")
                except UnicodeDecodeError:
                    raise PoError(f"{path}:{e['line']}: {k} is not UTF-8")
    return entries


def charset(entries, path):
    for e in entries:
        if e["msgid"] == "" and "msgctxt" not in e and not e["obsolete"]:
            m = re.search(r"charset=([^\s;]+)", e.get("msgstr", ""))
            if m and m.group(1).upper() not in ("UTF-8", "CHARSET"):
                raise PoError(f"{path}:{e['line']}: charset {m.group(1)}: only UTF-8 is read")


def icu_string(s):
    """s as an ICU resource-bundle string literal, ASCII only."""
    out = ['"']
    for ch in s:
        c = ord(ch)
        if ch == '"' or ch == "\\":
            out.append("\\" + ch)
        elif 0x20 <= c < 0x7F:
            out.append(ch)
        elif c <= 0xFFFF:
            out.append("\\u%04X" % c)
        else:
            out.append("\\U%08X" % c)
    out.append('"')
    return "".join(out)


def convert(path, name, source):
    entries = parse(path)
    charset(entries, path)
    messages = {}
    for e in entries:
        if e["obsolete"] or (e["msgid"] == "" and "msgctxt" not in e):
            continue
        where = f"{path}:{e['line']}"
        if "msgid_plural" in e:
            raise PoError(f"{where}: gettext plural forms are not used; put the plural "
                          "inside the ICU pattern")
        key = e.get("msgctxt")
        if key is None:
            raise PoError(f"{where}: no msgctxt: every message needs its key as context")
        if not KEY.match(key):
            raise PoError(f"{where}: \"{key}\" is not a message key")
        if key in messages:
            raise PoError(f"{where}: the key {key} is there twice")
        text = e["msgid"] if source else e.get("msgstr", "")
        if not source and ("fuzzy" in e["flags"] or text == ""):
            messages[key] = None  # untranslated: English is shown
            continue
        messages[key] = text
    out = [f"// {name}: generated by po2icu.py; edit the PO file, not this.",
           f"{name}:table(nofallback) {{"]
    for key in sorted(messages):
        if messages[key] is not None:
            out.append(f"    {icu_string(key)} {{ {icu_string(messages[key])} }}")
    out.append("}")
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--name", required=True, help="the bundle (locale) name, e.g. cs or pt_BR")
    ap.add_argument("--source", action="store_true",
                    help="the template: take each msgid as the message (English)")
    ap.add_argument("input")
    ap.add_argument("output")
    a = ap.parse_args()
    if not re.match(r"[A-Za-z0-9_]+\Z", a.name):
        print(f"po2icu: \"{a.name}\" is not a bundle name", file=sys.stderr)
        return 1
    try:
        text = convert(a.input, a.name, a.source)
    except (PoError, OSError, UnicodeDecodeError) as e:
        print(f"po2icu: {e}", file=sys.stderr)
        return 1
    with open(a.output, "w", encoding="ascii", newline="\n") as f:
        f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
