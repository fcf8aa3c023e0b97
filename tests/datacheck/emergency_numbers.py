#!/usr/bin/python3
"""Independent checks of data/emergency.yaml against python3-phonenumbers.

- every region of the short-number metadata that has an emergency pattern is
  present, and no other;
- each region lists exactly the numbers the pattern accepts (found here by
  trying every digit string up to the longest possible length, not with the
  generator's expander), each one an emergency number for its region per
  phonenumbers.is_emergency_number(), split between numbers and withdrawn;
- kinds only from seen sources: a kind other than "other", a note or a
  withdrawn number needs a source other than the metadata that supports it;
- the general number comes first (911 for MX and the US, never the metadata's
  example number);
- the EU group in data/emergency-kinds.yaml is CLDR's EU group.

    emergency_numbers.py DATA_DIR CLDR_COMMON_DIR

Run with /usr/bin/python3; a missing module is a failure, never a skip.
"""

import itertools
import os
import re
import sys
import xml.etree.ElementTree as ET

try:
    import phonenumbers
    from phonenumbers import PhoneMetadata, shortnumberinfo
    import phonenumbers.shortdata  # noqa: F401
    import yaml
except ImportError as e:
    print("FAIL: %s (needs /usr/bin/python3 with python3-phonenumbers and python3-yaml)" % e)
    sys.exit(1)

KINDS = {"general", "police", "fire", "ambulance", "municipal-police", "text", "other"}
EVIDENCE = {"official", "literature", "press", "code", "old"}
METADATA_URL = ("https://github.com/google/libphonenumber/blob/v%s/"
                "resources/ShortNumberMetadata.xml" % phonenumbers.__version__)

failures = []


def fail(msg):
    failures.append(msg)


def accepted(pattern, lengths):
    """Every digit string of the given lengths the pattern accepts, by brute force."""
    rx = re.compile(pattern)
    out = set()
    for n in lengths:
        for digits in itertools.product("0123456789", repeat=n):
            s = "".join(digits)
            if rx.fullmatch(s):
                out.add(s)
    return out


def load(path):
    with open(path, encoding="utf-8") as f:
        return yaml.load(f, Loader=yaml.BaseLoader)


def check_source(s, where):
    if set(s) != {"url", "date", "evidence", "supports"}:
        fail("%s: a source needs exactly url, date, evidence, supports" % where)
        return set()
    if not re.match(r"https?://[^\s/]+[^\s]*$", s["url"]) or \
            re.match(r"https?://[^/]*\.(/|$)", s["url"]):
        fail("%s: bad url %r" % (where, s["url"]))
    if not re.fullmatch(r"unknown|\d{4}(-\d\d(-\d\d)?)?", s["date"]):
        fail("%s: bad date %r" % (where, s["date"]))
    if s["evidence"] not in EVIDENCE:
        fail("%s: bad evidence %r" % (where, s["evidence"]))
    return set(s["supports"])


def main(argv):
    if len(argv) != 3:
        print(__doc__)
        return 2
    data, cldr = argv[1], argv[2]
    doc = load(os.path.join(data, "emergency.yaml"))
    if doc.get("schema") != "1":
        fail('emergency.yaml: schema must be "1"')
    if phonenumbers.__version__ not in doc.get("generated", ""):
        fail("emergency.yaml: generated does not name metadata %s" % phonenumbers.__version__)

    regions = {}
    for r in phonenumbers.shortdata._AVAILABLE_REGION_CODES:
        desc = PhoneMetadata.short_metadata_for_region(r).emergency
        if desc is not None and desc.national_number_pattern:
            regions[r] = desc
    entries = {}
    for e in doc["emergency"]:
        if e["country"] in entries:
            fail("%s: listed twice" % e["country"])
        entries[e["country"]] = e
    missing, extra = set(regions) - set(entries), set(entries) - set(regions)
    if missing:
        fail("regions with an emergency pattern but no entry: %s" % ", ".join(sorted(missing)))
    if extra:
        fail("entries for regions without an emergency pattern: %s" % ", ".join(sorted(extra)))
    if [e["country"] for e in doc["emergency"]] != sorted(entries):
        fail("entries are not sorted by region")

    checked = 0
    for region in sorted(set(regions) & set(entries)):
        e, desc = entries[region], regions[region]
        numbers = [n["number"] for n in e["numbers"]]
        withdrawn = [w["number"] for w in e.get("withdrawn", [])]
        listed = numbers + withdrawn
        longest = max(list(desc.possible_length or ()) + [len(n) for n in listed])
        expected = accepted(desc.national_number_pattern, range(1, longest + 1))
        if len(set(listed)) != len(listed):
            fail("%s: a number is listed twice" % region)
        if set(listed) != expected:
            fail("%s: lists %s but the pattern accepts %s" % (region, sorted(listed),
                                                              sorted(expected)))
        for n in listed:
            checked += 1
            if not shortnumberinfo.is_emergency_number(n, region):
                fail("%s: %s is not an emergency number per python3-phonenumbers" % (region, n))
        if desc.example_number and desc.example_number not in expected:
            fail("%s: the metadata's example %s is not accepted" % (region, desc.example_number))

        supports, curated = set(), False
        for i, s in enumerate(e["sources"]):
            sup = check_source(s, "%s: source %d" % (region, i + 1))
            if i == 0:
                if s["url"] != METADATA_URL or sup != {"numbers"}:
                    fail("%s: the first source must be the metadata (%s)"
                         % (region, METADATA_URL))
            else:
                if s["url"] == METADATA_URL or "numbers" in sup:
                    fail("%s: a curated source cannot stand in for the metadata" % region)
                supports |= sup
        for n in e["numbers"]:
            w = "%s: %s" % (region, n["number"])
            if n.get("kind") not in KINDS:
                fail("%s: bad kind %r" % (w, n.get("kind")))
                continue
            if set(n) - {"number", "kind", "also", "note"}:
                fail("%s: unknown keys %s"
                     % (w, sorted(set(n) - {"number", "kind", "also", "note"})))
            if n["kind"] != "other" or "also" in n or "note" in n:
                curated = True
            if "also" in n and not set(n["also"]) <= KINDS - {"general", "other", "text"}:
                fail("%s: bad also %r" % (w, n["also"]))
            if "note" in n and (not isinstance(n["note"], dict) or "en" not in n["note"]):
                fail("%s: a note maps languages to text and has en" % w)
            if "note" in n and "notes" not in supports:
                fail("%s: a note without a source that supports notes" % w)
        if curated and "kinds" not in supports:
            fail("%s: kinds without a seen source that supports kinds" % region)
        if withdrawn and "withdrawn" not in supports:
            fail("%s: withdrawn numbers without a source that supports withdrawn" % region)
        kinds = [n["kind"] for n in e["numbers"]]
        if "general" in kinds and kinds[0] != "general":
            fail("%s: the general number must come first" % region)
        if not e["numbers"]:
            fail("%s: no number left to offer" % region)

    for region in ("MX", "US"):
        first = entries.get(region, {"numbers": [{}]})["numbers"][0]
        if first.get("number") != "911" or first.get("kind") != "general":
            fail("%s: 911 must be the first, general number (got %r)" % (region, first))

    kinds_doc = load(os.path.join(data, "emergency-kinds.yaml"))
    eu = [g for g in kinds_doc.get("groups", []) if g.get("id") == "EU"]
    sup = ET.parse(os.path.join(cldr, "supplemental", "supplementalData.xml")).getroot()
    cldr_eu = [g.get("contains").split() for g in sup.iter("group") if g.get("type") == "EU"]
    if len(eu) != 1 or len(cldr_eu) != 1 or set(eu[0]["countries"]) != set(cldr_eu[0]):
        fail("the EU group differs from CLDR's: %s vs %s"
             % (sorted(eu[0]["countries"]) if eu else None,
                sorted(cldr_eu[0]) if cldr_eu else None))

    for f in failures:
        print("FAIL: " + f)
    if failures:
        return 1
    print("ok: %d regions, %d numbers checked against python3-phonenumbers %s"
          % (len(entries), checked, phonenumbers.__version__))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
