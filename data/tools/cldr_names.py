#!/usr/bin/env python3
"""Extract subdivision names and language equivalences from Unicode CLDR.

Build-time tool: reads the CLDR XML of Debian's unicode-cldr-core (the
directory "common", e.g. /usr/share/unicode/cldr/common) and writes tab-
separated UTF-8 text for the names index builder.  It needs only the Python
standard library, decides nothing and adds nothing: every row is a CLDR fact.

    cldr_names.py [--subdivisions FILE] [--language-aliases FILE]
                  [--language-matches FILE] CLDR_COMMON_DIR

FILE may be "-" for standard output; give at least one.  Output is sorted,
one row per line, no header, no quoting (CLDR values hold no tab or newline;
a value that did would be an error).

subdivisions (from subdivisions/*.xml, supplemental/subdivisions.xml and
validity/subdivision.xml), one row per name:
    1 code    ISO 3166-2 code, upper case: GB-SCT, DE-BY, CA-QC, AT-9
    2 locale  BCP 47 tag of the CLDR file: cs, de-CH, sr-Latn, yue-Hans
    3 name    the name as CLDR writes it: Skotsko, Bayern, Québec, Cymru
    4 draft   CLDR's draft status: approved, contributed, provisional or
              unconfirmed (approved when CLDR gives none)
    5 parent  what contains it in CLDR's subdivision containment: the
              country (GB for GB-SCT, DE for DE-BY: a top-level subdivision)
              or another subdivision (GB-ENG for GB-KEN)
  Only codes CLDR's validity data calls "regular"; deprecated and unknown
  codes, and the region-level entries (AS, IC, ...) that CLDR files among
  subdivisions, are left out.  root.xml holds no language and is skipped.
  A code's country is found through CLDR's subdivision containment, so
  "gbsct" becomes GB-SCT exactly.

language-aliases (supplemental/supplementalMetadata.xml languageAlias):
    1 alias        the deprecated or legacy code, BCP 47 form: tl, iw, no, sgn-BR
    2 replacement  what CLDR replaces it with: fil, he, nb, bzs
    3 reason       CLDR's reason: deprecated, legacy, macrolanguage, overlong, ...

language-matches (supplemental/languageInfo.xml languageMatch), only the
entries between specific languages (no "*" wildcards, no "$" variables):
    1 desired    what the user asks for: arz, nb, gsw
    2 supported  what is offered: ar, no, de
    3 distance   CLDR's distance (smaller is closer): 10, 1, 4
    4 oneway     true when the match holds only from desired to supported
"""

import argparse
import glob
import os
import sys
import xml.etree.ElementTree as ET


class CldrError(Exception):
    pass


def bcp47(code):
    """CLDR's underscore form to BCP 47: sr_Latn -> sr-Latn, sgn_BR -> sgn-BR."""
    return code.replace("_", "-")


def _check(value, what):
    if not value or "\t" in value or "\n" in value or "\r" in value:
        raise CldrError("%s %r cannot be written as a TSV field" % (what, value))
    return value


def regular_subdivisions(common):
    """The set of subdivision ids CLDR's validity data calls regular."""
    root = ET.parse(os.path.join(common, "validity", "subdivision.xml")).getroot()
    out = set()
    for node in root.iter("id"):
        if node.get("type") != "subdivision" or node.get("idStatus") != "regular":
            continue
        for token in (node.text or "").split():
            if "~" in token:  # "ad02~8" is ad02, ad03, ... ad08
                start, end = token.split("~")
                if len(end) != 1:
                    raise CldrError("unsupported validity range %r" % token)
                for c in range(ord(start[-1]), ord(end) + 1):
                    out.add(start[:-1] + chr(c))
            else:
                out.add(token)
    if not out:
        raise CldrError("no regular subdivisions in validity/subdivision.xml")
    return out


def subdivision_parents(common):
    """Map subdivision id -> the id (or country code) that contains it."""
    root = ET.parse(os.path.join(common, "supplemental", "subdivisions.xml")).getroot()
    parent = {}
    for g in root.iter("subgroup"):
        for child in g.get("contains", "").split():
            parent[child] = g.get("type")
    return parent


def subdivision_countries(common):
    """Map subdivision id -> ISO 3166-1 country code through CLDR's containment."""
    parent = subdivision_parents(common)
    out = {}
    for sub in parent:
        node, hops = sub, 0
        while node in parent and not node.isupper():
            node = parent[node]
            hops += 1
            if hops > 10:
                raise CldrError("containment loop at %s" % sub)
        if node.isupper() and len(node) == 2:
            out[sub] = node
    return out


def subdivisions(common):
    regular = regular_subdivisions(common)
    country = subdivision_countries(common)
    parent = subdivision_parents(common)
    rows = set()
    for path in sorted(glob.glob(os.path.join(common, "subdivisions", "*.xml"))):
        locale = os.path.splitext(os.path.basename(path))[0]
        if locale == "root":
            continue
        for node in ET.parse(path).getroot().iter("subdivision"):
            sid = node.get("type")
            if sid not in regular:
                continue
            cc = country.get(sid)
            if cc is None or not sid.startswith(cc.lower()) or len(sid) <= 2:
                raise CldrError("%s: cannot place subdivision %r in a country" % (path, sid))
            code = "%s-%s" % (cc, sid[2:].upper())
            name = " ".join((node.text or "").split())
            up = parent[sid]
            if not up.isupper():  # a subdivision: "gbeng" -> GB-ENG
                if up not in country or not up.startswith(country[up].lower()):
                    raise CldrError("%s: cannot place %r, parent of %r" % (path, up, sid))
                up = "%s-%s" % (country[up], up[2:].upper())
            rows.add((code, _check(bcp47(locale), "locale"), _check(name, "name"),
                      node.get("draft", "approved"), up))
    return sorted(rows)


def language_aliases(common):
    root = ET.parse(os.path.join(common, "supplemental", "supplementalMetadata.xml")).getroot()
    rows = set()
    for node in root.iter("languageAlias"):
        rows.add((_check(bcp47(node.get("type", "")), "alias"),
                  _check(bcp47(node.get("replacement", "")), "replacement"),
                  _check(node.get("reason", ""), "reason")))
    return sorted(rows)


def language_matches(common):
    root = ET.parse(os.path.join(common, "supplemental", "languageInfo.xml")).getroot()
    rows = set()
    for node in root.iter("languageMatch"):
        desired, supported = node.get("desired", ""), node.get("supported", "")
        if any(c in desired + supported for c in "*$"):
            continue
        distance = node.get("distance")
        if distance is None or not distance.isdigit():
            raise CldrError("languageMatch %s -> %s has no distance" % (desired, supported))
        oneway = "true" if node.get("oneway") == "true" else "false"
        rows.add((_check(bcp47(desired), "desired"), _check(bcp47(supported), "supported"),
                  distance, oneway))
    return sorted(rows)


def write(rows, path):
    text = "".join("\t".join(r) + "\n" for r in rows)
    if path == "-":
        sys.stdout.write(text)
        return
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    os.replace(tmp, path)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--subdivisions", metavar="FILE")
    ap.add_argument("--language-aliases", metavar="FILE")
    ap.add_argument("--language-matches", metavar="FILE")
    ap.add_argument("cldr", metavar="CLDR_COMMON_DIR")
    args = ap.parse_args(argv)
    jobs = [(args.subdivisions, subdivisions), (args.language_aliases, language_aliases),
            (args.language_matches, language_matches)]
    if not any(path for path, _ in jobs):
        ap.error("give at least one of --subdivisions, --language-aliases, --language-matches")
    if sum(1 for path, _ in jobs if path == "-") > 1:
        ap.error("only one output can go to standard output")
    try:
        for path, extract in jobs:
            if path:
                write(extract(args.cldr), path)
    except (OSError, ET.ParseError, CldrError) as e:
        sys.stderr.write("cldr_names.py: %s\n" % e)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
