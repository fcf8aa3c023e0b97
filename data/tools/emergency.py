#!/usr/bin/python3
"""Generate data/emergency.yaml from libphonenumber's short-number metadata.

For every region whose short-number metadata has an emergency pattern, this
expands the pattern into the exact set of numbers it accepts, checks each one
with phonenumbers.is_emergency_number(), merges the curated kinds from
data/emergency-kinds.yaml and writes data/emergency.yaml.  It must not guess:
a pattern it cannot expand exactly, a curated number the metadata does not
list, or a curated entry without a source is an error, and nothing is written.

Run with Debian's interpreter, which has python3-phonenumbers and python3-yaml:

    /usr/bin/python3 data/tools/emergency.py [--kinds FILE] [--output FILE]

The output is deterministic: regions sorted by code; in each region the
curated numbers in the curated order with the general number(s) first, then
the numbers no seen page names (kind "other") in numeric order.  The
metadata's example emergency number is never used: it is not the number
people dial (112 for the US, 060 for Mexico).
"""

import argparse
import json
import os
import re
import subprocess
import sys

try:
    import phonenumbers
    from phonenumbers import PhoneMetadata, shortnumberinfo
    import phonenumbers.shortdata  # noqa: F401  (registers the short-number regions)
    import yaml
except ImportError as e:  # pragma: no cover - depends on the machine
    sys.exit("emergency.py: %s (run with /usr/bin/python3; Debian packages "
             "python3-phonenumbers and python3-yaml)" % e)

KINDS = ("general", "police", "fire", "ambulance", "municipal-police", "text", "other")
EVIDENCE = ("official", "literature", "press", "code", "old")
SUPPORTS = ("kinds", "notes", "withdrawn")
METADATA_URL = ("https://github.com/google/libphonenumber/blob/v%s/"
                "resources/ShortNumberMetadata.xml")
MAX_NUMBERS = 10000  # per pattern; more would mean a pattern we misread


class ExpandError(Exception):
    """A pattern uses syntax the expander does not handle, or is unbounded."""


# --------------------------------------------------------------------------
# Pattern expansion.
#
# libphonenumber's emergency patterns use a small part of the regex syntax:
# digits, \d, character classes with ranges, (?:...) groups, alternation and
# the ? quantifier.  The expander handles those plus bounded repeats {n} and
# {n,m}, and refuses everything else (*, +, {n,}, anchors, negated classes,
# escapes other than \d, lookarounds) rather than guess what it means.

DIGITS = "0123456789"


class _Parser:
    def __init__(self, pattern):
        self.p = pattern
        self.i = 0

    def error(self, what):
        raise ExpandError("%s at offset %d in %r" % (what, self.i, self.p))

    def peek(self):
        return self.p[self.i] if self.i < len(self.p) else None

    def take(self):
        c = self.peek()
        self.i += 1
        return c

    def parse(self):
        result = self.alternation()
        if self.peek() is not None:
            self.error("unexpected %r" % self.peek())
        return result

    def alternation(self):
        out = set(self.sequence())
        while self.peek() == "|":
            self.take()
            out |= self.sequence()
        return out

    def sequence(self):
        out = {""}
        while self.peek() not in (None, "|", ")"):
            atom = self.quantified(self.atom())
            out = {a + b for a in out for b in atom}
            if len(out) > MAX_NUMBERS:
                self.error("more than %d strings" % MAX_NUMBERS)
        return out

    def atom(self):
        c = self.take()
        if c in DIGITS:
            return {c}
        if c == "\\":
            e = self.take()
            if e == "d":
                return set(DIGITS)
            self.error("unsupported escape \\%s" % e)
        if c == "[":
            return self.char_class()
        if c == "(":
            if self.p.startswith("?:", self.i):
                self.i += 2
            elif self.peek() == "?":
                self.error("unsupported group (?%s" % self.p[self.i + 1:self.i + 2])
            inner = self.alternation()
            if self.take() != ")":
                self.error("unclosed group")
            return inner
        self.error("unsupported %r" % c)

    def char_class(self):
        if self.peek() == "^":
            self.error("negated class")
        out = set()
        while True:
            c = self.take()
            if c is None:
                self.error("unclosed class")
            if c == "]":
                break
            if c == "\\":
                if self.take() != "d":
                    self.error("unsupported escape in class")
                out |= set(DIGITS)
                continue
            if c not in DIGITS:
                self.error("unsupported %r in class" % c)
            if self.peek() == "-" and self.p[self.i + 1:self.i + 2] not in ("", "]"):
                self.take()
                hi = self.take()
                if hi not in DIGITS or hi < c:
                    self.error("bad range %s-%s" % (c, hi))
                out |= {chr(x) for x in range(ord(c), ord(hi) + 1)}
            else:
                out.add(c)
        if not out:
            self.error("empty class")
        return out

    def quantified(self, atom):
        c = self.peek()
        if c == "?":
            self.take()
            if self.peek() in ("?", "+"):
                self.error("unsupported lazy or possessive quantifier")
            return atom | {""}
        if c in ("*", "+"):
            self.error("unbounded quantifier %s" % c)
        if c == "{":
            m = re.match(r"\{(\d+)(?:(,)(\d*))?\}", self.p[self.i:])
            if not m:
                self.error("bad repeat")
            lo = int(m.group(1))
            if m.group(2) and not m.group(3):
                self.error("unbounded repeat")
            hi = int(m.group(3)) if m.group(3) else lo
            if hi < lo:
                self.error("bad repeat")
            self.i += m.end()
            out = set()
            for n in range(lo, hi + 1):
                strings = {""}
                for _ in range(n):
                    strings = {a + b for a in strings for b in atom}
                    if len(strings) > MAX_NUMBERS:
                        self.error("more than %d strings" % MAX_NUMBERS)
                out |= strings
            return out
        return atom


def expand(pattern):
    """Return the set of digit strings the pattern accepts as a whole.

    Raises ExpandError for syntax outside the supported subset and for
    patterns that accept unboundedly many strings.
    """
    strings = _Parser(pattern).parse()
    rx = re.compile(pattern)
    for s in strings:  # the parser and Python's re must agree
        if not rx.fullmatch(s):
            raise ExpandError("internal: %r does not match %r" % (s, pattern))
    return strings


def number_key(n):
    return (len(n), n)


# --------------------------------------------------------------------------
# Metadata.

def metadata_regions():
    """Map region code -> emergency pattern, for regions that have one."""
    out = {}
    for region in sorted(phonenumbers.shortdata._AVAILABLE_REGION_CODES):
        md = PhoneMetadata.short_metadata_for_region(region)
        desc = md.emergency if md is not None else None
        if desc is not None and desc.national_number_pattern:
            out[region] = desc.national_number_pattern
    return out


def debian_version():
    """The Debian package version of python3-phonenumbers, or None."""
    try:
        r = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "python3-phonenumbers"],
                           capture_output=True, text=True, check=False)
    except OSError:
        return None
    return r.stdout.strip() if r.returncode == 0 and r.stdout.strip() else None


# --------------------------------------------------------------------------
# Curated kinds.

class DataError(Exception):
    pass


def _need(cond, where, msg):
    if not cond:
        raise DataError("%s: %s" % (where, msg))


def _check_sources(sources, where, needs):
    _need(isinstance(sources, list) and sources, where, "needs a list of sources")
    covered = set()
    for i, s in enumerate(sources):
        w = "%s: source %d" % (where, i + 1)
        _need(isinstance(s, dict), w, "must be a mapping")
        _need(set(s) <= {"url", "date", "evidence", "supports"}, w,
              "unknown key(s) %s" % sorted(set(s) - {"url", "date", "evidence", "supports"}))
        _need(isinstance(s.get("url"), str) and re.match(r"https?://[^\s/]+[^\s]*$", s["url"])
              and not re.match(r"https?://[^/]*\.(/|$)", s["url"]), w, "bad url")
        _need(isinstance(s.get("date"), str) and
              re.fullmatch(r"unknown|\d{4}(-\d\d(-\d\d)?)?", s["date"]), w,
              "date must be YYYY[-MM[-DD]] or unknown")
        _need(s.get("evidence") in EVIDENCE, w, "evidence must be one of %s" % (EVIDENCE,))
        sup = s.get("supports")
        _need(isinstance(sup, list) and sup and set(sup) <= set(SUPPORTS), w,
              "supports must list some of %s" % (SUPPORTS,))
        covered |= set(sup)
    for n in needs:
        _need(n in covered, where, "no source supports %s" % n)


def _check_numbers(numbers, where):
    _need(isinstance(numbers, list) and numbers, where, "needs a list of numbers")
    seen = set()
    out = []
    for n in numbers:
        _need(isinstance(n, dict), where, "a number must be a mapping")
        _need(set(n) <= {"number", "kind", "also", "note"}, where,
              "unknown key(s) %s" % sorted(set(n) - {"number", "kind", "also", "note"}))
        num = n.get("number")
        w = "%s: %s" % (where, num)
        _need(isinstance(num, str) and num.isdigit(), where, "number must be a quoted digit string")
        _need(num not in seen, w, "listed twice")
        seen.add(num)
        _need(n.get("kind") in KINDS, w, "kind must be one of %s" % (KINDS,))
        _need(n["kind"] != "other" or "note" in n, w,
              "kind other needs a note (a number no page names is simply left out)")
        also = n.get("also", [])
        _need(isinstance(also, list) and set(also) <= set(KINDS[1:5]) and n["kind"] not in also,
              w, "also must list other kinds among police, fire, ambulance, municipal-police")
        note = n.get("note")
        if note is not None:
            _need(isinstance(note, dict) and "en" in note and
                  all(isinstance(k, str) and isinstance(v, str) and v.strip()
                      for k, v in note.items()), w, "note must map languages to text, with en")
        out.append(n)
    return out


def load_kinds(path):
    """Read emergency-kinds.yaml: {country: {"numbers": [...], "withdrawn": [...],
    "sources": [...]}} with group entries (EU) folded into their member countries."""
    with open(path, encoding="utf-8") as f:
        doc = yaml.load(f, Loader=yaml.BaseLoader)  # every scalar a string, as signpost reads it
    _need(isinstance(doc, dict) and doc.get("schema") == "1", path, 'schema must be "1"')
    _need(set(doc) <= {"schema", "groups", "countries"}, path, "unknown top-level key")
    merged = {}

    def entry(country):
        return merged.setdefault(country, {"numbers": [], "group_numbers": [],
                                           "withdrawn": [], "sources": []})

    for g in doc.get("groups") or []:
        where = "%s: group %s" % (path, g.get("id"))
        _need(set(g) <= {"id", "name", "countries", "numbers", "sources", "notes"}, where,
              "unknown key")
        _need(isinstance(g.get("countries"), list) and g["countries"], where, "needs countries")
        _check_numbers(g.get("numbers"), where)
        _check_sources(g.get("sources"), where,
                       ["kinds"] + (["notes"] if any("note" in n for n in g["numbers"]) else []))
        for c in g["countries"]:
            m = entry(c)
            have = {n["number"] for n in m["group_numbers"]}
            for n in g["numbers"]:
                _need(n["number"] not in have, where, "%s: two groups name %s"
                      % (c, n["number"]))
                m["group_numbers"].append(n)
            m["sources"] += [s for s in g["sources"] if s not in m["sources"]]
    countries_seen = set()
    for e in doc.get("countries") or []:
        c = e.get("country")
        where = "%s: %s" % (path, c)
        _need(isinstance(c, str) and re.fullmatch(r"[A-Z]{2}", c), where, "bad country code")
        _need(c not in countries_seen, where, "listed twice")
        countries_seen.add(c)
        _need(set(e) <= {"country", "numbers", "withdrawn", "sources", "notes"}, where,
              "unknown key(s) %s" % sorted(set(e) - {"country", "numbers", "withdrawn",
                                                     "sources", "notes"}))
        needs = []
        if e.get("numbers") is not None:
            _check_numbers(e["numbers"], where)
            needs.append("kinds")
            if any("note" in n for n in e["numbers"]):
                needs.append("notes")
        else:
            e["numbers"] = []
        for w in e.get("withdrawn") or []:
            _need(isinstance(w, dict) and set(w) <= {"number", "since"} and
                  isinstance(w.get("number"), str) and w["number"].isdigit(), where,
                  "withdrawn entries are {number, since}")
            _need(isinstance(w.get("since", "2000"), str) and
                  re.fullmatch(r"\d{4}(-\d\d(-\d\d)?)?", w.get("since", "2000")), where,
                  "since must be a quoted YYYY[-MM[-DD]]")
            needs.append("withdrawn")
        _need(e["numbers"] or e.get("withdrawn"), where, "needs numbers or withdrawn")
        _check_sources(e.get("sources"), where, sorted(set(needs)))
        m = entry(c)
        m["numbers"] = list(e["numbers"])
        m["withdrawn"] = list(e.get("withdrawn") or [])
        m["sources"] = list(e["sources"]) + [s for s in m["sources"] if s not in e["sources"]]
    # A country's own entry comes first; a group's number is added after it unless the
    # country names the same number, which must then have the same kind.
    for c, m in merged.items():
        own = {n["number"]: n for n in m["numbers"]}
        for n in m.pop("group_numbers"):
            if n["number"] in own:
                _need(own[n["number"]]["kind"] == n["kind"], "%s: %s" % (path, c),
                      "%s is %s in the country entry but %s in its group"
                      % (n["number"], own[n["number"]]["kind"], n["kind"]))
            else:
                m["numbers"].append(n)
    return merged


# --------------------------------------------------------------------------
# Output.

def q(s):
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(s, ensure_ascii=False)


def build(regions, kinds, version):
    """Return the list of output entries; raise DataError on any mismatch."""
    unknown = sorted(set(kinds) - set(regions))
    _need(not unknown, "emergency-kinds", "regions without an emergency pattern in the "
          "metadata: %s" % ", ".join(unknown))
    entries = []
    for region in sorted(regions):
        pattern = regions[region]
        try:
            accepted = expand(pattern)
        except ExpandError as e:
            raise DataError("%s: emergency pattern %r: %s" % (region, pattern, e))
        for n in sorted(accepted, key=number_key):
            _need(shortnumberinfo.is_emergency_number(n, region), region,
                  "%s matches the pattern but is_emergency_number() says no" % n)
        cur = kinds.get(region, {"numbers": [], "withdrawn": [], "sources": []})
        withdrawn = {w["number"]: w for w in cur["withdrawn"]}
        for n in list(cur["numbers"]) + list(withdrawn.values()):
            _need(n["number"] in accepted, region, "curated number %s is not an emergency "
                  "number in the metadata (pattern %r)" % (n["number"], pattern))
        for n in cur["numbers"]:
            _need(n["number"] not in withdrawn, region, "%s is both listed and withdrawn"
                  % n["number"])
        curated = sorted(cur["numbers"], key=lambda n: n["kind"] != "general")
        named = {n["number"] for n in curated}
        rest = sorted(accepted - named - set(withdrawn), key=number_key)
        numbers = curated + [{"number": n, "kind": "other"} for n in rest]
        sources = [{"url": METADATA_URL % version, "date": "unknown", "evidence": "code",
                    "supports": ["numbers"]}] + cur["sources"]
        entries.append({"country": region, "numbers": numbers,
                        "withdrawn": sorted(withdrawn.values(),
                                            key=lambda w: number_key(w["number"])),
                        "sources": sources})
    return entries


def render(entries, version, debian):
    pkg = "python3-phonenumbers %s" % (debian or version)
    out = [
        "# Emergency numbers per region. GENERATED by data/tools/emergency.py: do not edit;",
        "# change data/emergency-kinds.yaml (curated kinds and their sources) and regenerate:",
        "#   /usr/bin/python3 data/tools/emergency.py",
        "# Numbers: every number libphonenumber's short-number metadata %s accepts as an"
        % version,
        "# emergency number, checked with phonenumbers.is_emergency_number(). Kinds: only where",
        "# a seen page names them (data/emergency-kinds.yaml); \"other\" = the metadata says",
        "# emergency, no seen page says which service. \"withdrawn\": numbers the metadata still",
        "# lists but a seen page says are switched off; never offered to a caller.",
        'schema: "1"',
        "generated: %s" % q("data/tools/emergency.py from libphonenumber short-number metadata "
                            "%s (%s)" % (version, pkg)),
        "emergency:",
    ]
    for e in entries:
        out.append("  - country: %s" % e["country"])
        out.append("    numbers:")
        for n in e["numbers"]:
            out.append("      - number: %s" % q(n["number"]))
            out.append("        kind: %s" % n["kind"])
            if n.get("also"):
                out.append("        also: [%s]" % ", ".join(n["also"]))
            if n.get("note"):
                langs = sorted(n["note"], key=lambda k: (k != "en", k))
                out.append("        note: {%s}" % ", ".join(
                    "%s: %s" % (k, q(n["note"][k])) for k in langs))
        if e["withdrawn"]:
            out.append("    withdrawn:")
            for w in e["withdrawn"]:
                out.append("      - number: %s" % q(w["number"]))
                if "since" in w:
                    out.append("        since: %s" % q(str(w["since"])))
        out.append("    sources:")
        for s in e["sources"]:
            out.append("      - url: %s" % q(s["url"]))
            out.append("        date: %s" % q(s["date"]))
            out.append("        evidence: %s" % s["evidence"])
            out.append("        supports: [%s]" % ", ".join(s["supports"]))
    return "\n".join(out) + "\n"


def main(argv=None):
    here = os.path.dirname(os.path.abspath(__file__))
    data = os.path.dirname(here)
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--kinds", default=os.path.join(data, "emergency-kinds.yaml"))
    ap.add_argument("--output", default=os.path.join(data, "emergency.yaml"),
                    help="file to write, or - for standard output")
    args = ap.parse_args(argv)
    version = phonenumbers.__version__
    try:
        kinds = load_kinds(args.kinds)
        entries = build(metadata_regions(), kinds, version)
    except DataError as e:
        sys.stderr.write("emergency.py: %s\n" % e)
        return 1
    text = render(entries, version, debian_version())
    if args.output == "-":
        sys.stdout.write(text)
    else:
        tmp = args.output + ".tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, args.output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
