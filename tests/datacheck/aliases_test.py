#!/usr/bin/python3
"""Checks of data/aliases.yaml against CLDR.

Each alias of a country or region (code) maps to a valid code (an ISO 3166-1
region CLDR calls regular, or a regular ISO 3166-2 subdivision); each alias of
a language (tag) to a language CLDR calls regular.  Neither is already a CLDR
name in its language (territory names with their short and variant forms,
subdivision names, language names; after case and accent folding), nor names a
different code or language in any CLDR locale, and each has at least one
well-formed source.

    aliases_test.py DATA_DIR CLDR_COMMON_DIR

Run with /usr/bin/python3 (python3-yaml); a missing module is a failure.
"""

import glob
import os
import re
import sys
import unicodedata
import xml.etree.ElementTree as ET

try:
    import yaml
except ImportError as e:
    print("FAIL: %s (needs /usr/bin/python3 with python3-yaml)" % e)
    sys.exit(1)

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.join(HERE, "..", "..", "data", "tools"))
import cldr_names  # noqa: E402

EVIDENCE = {"official", "literature", "press", "code", "old"}


def fold(s):
    s = unicodedata.normalize("NFKD", s.casefold())
    return " ".join("".join(c for c in s if not unicodedata.combining(c)).split())


def regular_regions(cldr):
    root = ET.parse(os.path.join(cldr, "validity", "region.xml")).getroot()
    out = set()
    for node in root.iter("id"):
        if node.get("type") == "region" and node.get("idStatus") == "regular":
            for tok in (node.text or "").split():
                if "~" in tok:
                    start, end = tok.split("~")
                    out |= {start[:-1] + chr(c) for c in range(ord(start[-1]), ord(end) + 1)}
                else:
                    out.add(tok)
    return {r for r in out if re.fullmatch(r"[A-Z]{2}", r)}


def regular_languages(cldr):
    root = ET.parse(os.path.join(cldr, "validity", "language.xml")).getroot()
    out = set()
    for node in root.iter("id"):
        if node.get("type") == "language" and node.get("idStatus") == "regular":
            for tok in (node.text or "").split():
                if "~" in tok:
                    start, end = tok.split("~")
                    out |= {start[:-1] + chr(c) for c in range(ord(start[-1]), ord(end) + 1)}
                else:
                    out.add(tok)
    return out


def cldr_language_names_by_locale(cldr):
    """{locale: {folded name: set of language tags}} from every main/*.xml."""
    names = {}
    for path in glob.glob(os.path.join(cldr, "main", "*.xml")):
        loc = os.path.splitext(os.path.basename(path))[0]
        for t in ET.parse(path).getroot().iter("language"):
            if t.text and t.get("type"):
                names.setdefault(loc, {}).setdefault(fold(t.text), set()).add(
                    t.get("type").replace("_", "-"))
    return names


def cldr_names_by_locale(cldr):
    """{locale: {folded name: set of codes}} for territory and subdivision names."""
    names = {}
    for path in glob.glob(os.path.join(cldr, "main", "*.xml")):
        loc = os.path.splitext(os.path.basename(path))[0]
        for t in ET.parse(path).getroot().iter("territory"):
            if t.text and re.fullmatch(r"[A-Z]{2}|\d{3}", t.get("type", "")):
                names.setdefault(loc, {}).setdefault(fold(t.text), set()).add(t.get("type"))
    for code, loc, name, _draft, _parent in cldr_names.subdivisions(cldr):
        names.setdefault(loc.replace("-", "_"), {}).setdefault(fold(name), set()).add(code)
    return names


def main(argv):
    if len(argv) != 3:
        print(__doc__)
        return 2
    data, cldr = argv[1], argv[2]
    failures = []
    with open(os.path.join(data, "aliases.yaml"), encoding="utf-8") as f:
        doc = yaml.load(f, Loader=yaml.BaseLoader)
    if doc.get("schema") != "1" or set(doc) != {"schema", "aliases"}:
        failures.append('aliases.yaml: needs schema "1" and aliases, nothing else')
    regions = regular_regions(cldr)
    languages = regular_languages(cldr)
    subdivisions = {r[0] for r in cldr_names.subdivisions(cldr)}
    names = cldr_names_by_locale(cldr)
    lnames = cldr_language_names_by_locale(cldr)
    seen = set()
    for i, a in enumerate(doc.get("aliases") or []):
        where = "alias %d (%s)" % (i + 1, a.get("name"))
        keys = set(a)
        if keys - {"name", "language", "code", "tag", "sources", "notes"} or \
                not {"name", "language", "sources"} <= keys or \
                len(keys & {"code", "tag"}) != 1:
            failures.append("%s: needs name, language, code or tag, sources (and optional notes)"
                            % where)
            continue
        name, lang = a["name"], a["language"]
        is_language = "tag" in a
        code = a["tag"] if is_language else a["code"]
        if name != name.strip() or not name or "\t" in name:
            failures.append("%s: bad name" % where)
        if (fold(name), lang, is_language) in seen:
            failures.append("%s: listed twice" % where)
        seen.add((fold(name), lang, is_language))
        if not re.fullmatch(r"[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2})?", lang) or \
                not os.path.exists(os.path.join(cldr, "main", lang.split("-")[0] + ".xml")):
            failures.append("%s: language %r is not a CLDR language" % (where, lang))
        if is_language:
            if code.split("-")[0] not in languages or \
                    not re.fullmatch(r"[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2})?", code):
                failures.append("%s: tag %r is not a regular language" % (where, code))
        elif not (code in regions or code in subdivisions):
            failures.append("%s: %r is neither a regular region nor a subdivision" % (where, code))
        base = lang.split("-")[0]
        for loc, table in (lnames if is_language else names).items():
            codes = table.get(fold(name), set())
            if (loc == base or loc.startswith(base + "_")) and codes:
                failures.append("%s: already a CLDR name in %s for %s" % (where, loc,
                                                                        ", ".join(sorted(codes))))
            if codes - {code}:
                failures.append("%s: CLDR %s uses this name for %s" % (where, loc,
                                                                      ", ".join(sorted(codes))))
        srcs = a["sources"]
        if not isinstance(srcs, list) or not srcs:
            failures.append("%s: needs sources" % where)
            continue
        for s in srcs:
            if set(s) != {"url", "date", "evidence"}:
                failures.append("%s: a source is url, date, evidence" % where)
                continue
            if not re.match(r"https?://[^\s/]+[^\s]*$", s["url"]) or \
                    re.match(r"https?://[^/]*\.(/|$)", s["url"]):
                failures.append("%s: bad url %r" % (where, s["url"]))
            if not re.fullmatch(r"unknown|\d{4}(-\d\d(-\d\d)?)?", s["date"]):
                failures.append("%s: bad date %r" % (where, s["date"]))
            if s["evidence"] not in EVIDENCE:
                failures.append("%s: bad evidence %r" % (where, s["evidence"]))
    for f in failures:
        print("FAIL: " + f)
    if failures:
        return 1
    print("ok: %d aliases, none a CLDR name, each with a source" % len(seen))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
