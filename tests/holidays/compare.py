#!/usr/bin/python3
"""compare.py - the holiday rules of data/holidays.yaml against an
independent implementation, Debian's python3-holidays (0.10.1 in Debian
12), for every calendar the library knows and every day of a range of
years.

usage: /usr/bin/python3 compare.py DUMP HOLIDAYS.yaml KNOWN.yaml [FIRST LAST]

DUMP is the built holidays-dump program.  Every day on which the two
disagree must be listed in KNOWN (tests/holidays/known-differences.yaml)
with the side that is right and the source that shows it; an unexplained
difference, a listed difference that no longer happens, or a missing
python3-holidays fails the test.  Calendars the library does not know are
named as "not checked by the oracle", never skipped silently; years a
calendar's data does not cover (lunar or decreed holidays) are named too.

Run it with /usr/bin/python3: python3-holidays and python3-yaml are
installed for Debian's interpreter only.
"""

import datetime
import re
import subprocess
import sys

try:
    import holidays
    import yaml
except ImportError as e:  # the test must fail, never skip
    sys.exit("compare.py: FAIL: %s (install python3-holidays and python3-yaml, "
             "and run with /usr/bin/python3)" % e)

# signpost calendar id -> (python-holidays class, keyword arguments), as
# python3-holidays 0.10.1 names its countries and subdivisions.  Sweden
# and Norway count every Sunday as a holiday unless told not to: Sundays
# are the weekly hours' business, not the holiday table's.
ORACLE = {
    "AT": ("Austria", {"prov": None}),
    "AU": ("Australia", {"prov": None}),
    "AU-ACT": ("Australia", {"prov": "ACT"}),
    "AU-NSW": ("Australia", {"prov": "NSW"}),
    "AU-NT": ("Australia", {"prov": "NT"}),
    "AU-QLD": ("Australia", {"prov": "QLD"}),
    "AU-SA": ("Australia", {"prov": "SA"}),
    "AU-TAS": ("Australia", {"prov": "TAS"}),
    "AU-VIC": ("Australia", {"prov": "VIC"}),
    "AU-WA": ("Australia", {"prov": "WA"}),
    "BE": ("Belgium", {}),
    "CA": ("Canada", {"prov": None}),
    "CA-ON": ("Canada", {"prov": "ON"}),
    "CA-QC": ("Canada", {"prov": "QC"}),
    "CH": ("Switzerland", {"prov": None}),
    "CZ": ("Czechia", {}),
    "DE": ("Germany", {"prov": None}),
    "DK": ("Denmark", {}),
    "ES": ("Spain", {"prov": None}),
    "ES-CT": ("Spain", {"prov": "CAT"}),
    "FI": ("Finland", {}),
    "FR": ("France", {"prov": "Métropole"}),
    "GB-EAW": ("England", {}),
    "GB-ENG": ("England", {}),
    "GB-NIR": ("NorthernIreland", {}),
    "GB-SCT": ("Scotland", {}),
    "GB-WLS": ("Wales", {}),
    "IE": ("Ireland", {}),
    "IN": ("India", {}),
    "LU": ("Luxembourg", {}),
    "NL": ("Netherlands", {}),
    "NO": ("Norway", {"include_sundays": False}),
    "NZ": ("NewZealand", {"prov": None}),
    "PL": ("Poland", {}),
    "PT": ("Portugal", {}),
    "SE": ("Sweden", {"include_sundays": False}),
    "SK": ("Slovakia", {}),
    "US": ("UnitedStates", {"state": None}),
}
for _s in ("BW", "BY", "BE", "BB", "HB", "HH", "HE", "MV", "NI", "NW", "RP", "SL", "SN",
           "ST", "SH", "TH"):
    ORACLE["DE-" + _s] = ("Germany", {"prov": _s})
for _s in ("AG", "AR", "AI", "BL", "BS", "BE", "FR", "GE", "GL", "GR", "JU", "LU", "NE",
           "NW", "OW", "SG", "SH", "SZ", "SO", "TG", "TI", "UR", "VD", "VS", "ZG", "ZH"):
    ORACLE["CH-" + _s] = ("Switzerland", {"prov": _s})
# Austria's states as 0.10.1 names them (ISO 3166-2 AT-1 .. AT-9).
for _n, _s in zip("123456789", ("B", "K", "N", "O", "S", "ST", "T", "V", "W")):
    ORACLE["AT-" + _n] = ("Austria", {"prov": _s})


def fail(msg):
    print("FAIL: " + msg)
    return 1


def read_dump(dump, path, first, last):
    out = subprocess.run([dump, path, str(first), str(last)], capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit("compare.py: FAIL: %s exited %d:\n%s" % (dump, out.returncode, out.stderr))
    order, days, covered = [], {}, {}
    for line in out.stdout.splitlines():
        cal, what, rest = (line.split(" ", 2) + [""])[:3]
        if cal not in days:
            order.append(cal)
            days[cal] = {}
            covered[cal] = set()
        if re.fullmatch(r"\d{4}", what):
            if rest == "covered":
                covered[cal].add(int(what))
        else:
            days[cal][datetime.date.fromisoformat(what)] = rest
    return order, days, covered


def oracle_days(cal, years):
    cls, kw = ORACLE[cal]
    lib = getattr(holidays, cls)(years=sorted(years), **kw)
    return {d: n for d, n in lib.items() if d.year in years}


def load_known(path):
    with open(path, encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    if not isinstance(doc, dict) or doc.get("schema") != "1":
        sys.exit("compare.py: FAIL: %s: schema must be \"1\"" % path)
    known = doc.get("differences") or []
    for i, k in enumerate(known):
        where = "%s: difference %d (%s)" % (path, i + 1, k.get("calendar"))
        for key in ("calendar", "only_in", "right", "why", "sources"):
            if not k.get(key):
                sys.exit("compare.py: FAIL: %s has no %s" % (where, key))
        if k["only_in"] not in ("signpost", "library"):
            sys.exit("compare.py: FAIL: %s: only_in must be signpost or library" % where)
        if k["right"] not in ("signpost", "library"):
            sys.exit("compare.py: FAIL: %s: right must be signpost or library" % where)
        if ("dates" in k) == ("name" in k):
            sys.exit("compare.py: FAIL: %s needs exactly one of dates, name" % where)
        for s in k["sources"]:
            if not str(s.get("url", "")).startswith(("https://", "http://")) or "date" not in s:
                sys.exit("compare.py: FAIL: %s: each source needs url and date" % where)
        k["_dates"] = {datetime.date.fromisoformat(str(d)) for d in k.get("dates", [])}
        k["_used"] = False
    return known


def explained(known, cal, day, side, name):
    for k in known:
        if k["calendar"] != cal or k["only_in"] != side:
            continue
        if "years" in k and not (k["years"][0] <= day.year <= k["years"][1]):
            continue
        if day in k["_dates"] or ("name" in k and re.fullmatch(k["name"], name)):
            k["_used"] = True
            return k
    return None


def main(argv):
    if len(argv) not in (4, 6):
        sys.exit(__doc__)
    dump, data, known_path = argv[1:4]
    first, last = (int(argv[4]), int(argv[5])) if len(argv) == 6 else (2024, 2035)
    print("python3-holidays %s; days %d-01-01 to %d-12-31" % (holidays.__version__, first, last))
    order, days, covered = read_dump(dump, data, first, last)
    known = load_known(known_path)
    failures = checked = agreed = listed = 0
    unchecked, bad_cals = [], set()
    for cal in order:
        if cal not in ORACLE:
            unchecked.append(cal)
            continue
        years = covered[cal]
        missing = sorted(set(range(first, last + 1)) - years)
        if missing:
            print("%s: years %s not covered by the data (holidays set year by year); "
                  "not compared" % (cal, ", ".join(map(str, missing))))
        if not years:
            continue
        ours = {d: n for d, n in days[cal].items() if d.year in years}
        theirs = oracle_days(cal, years)
        checked += 1
        for day in sorted(set(ours) | set(theirs)):
            if day in ours and day in theirs:
                agreed += 1
                continue
            side = "signpost" if day in ours else "library"
            name = ours.get(day) or theirs.get(day)
            k = explained(known, cal, day, side, name)
            if k is None:
                failures += fail("%s %s only in %s: %s" % (cal, day, side, name))
                bad_cals.add(cal)
            else:
                listed += 1
    for k in known:
        if not k["_used"]:
            failures += fail("known difference no longer happens: %s %s %s" % (
                k["calendar"], k.get("name") or sorted(map(str, k["_dates"])), k["only_in"]))
    for cal in unchecked:
        print("%s: not checked by the oracle (python3-holidays %s has no calendar for it)"
              % (cal, holidays.__version__))
    print("%d calendars checked, %d not checked by the oracle; %d holidays agree, "
          "%d listed differences" % (checked, len(unchecked), agreed, listed))
    # One check per calendar compared, one for the list of differences.
    stale = sum(1 for k in known if not k["_used"])
    print("%d passed, %d failed" % (checked - len(bad_cals) + (stale == 0),
                                    len(bad_cals) + (stale != 0)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
