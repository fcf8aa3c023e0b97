#!/usr/bin/env python3
"""The referral's invariants over generated lookups (issue 12).

    invariants.py SIGNPOST HOLIDAYS-DUMP SRCDIR

Runs 200 or more lookups -- countries x caller languages x moments, among
them public holidays -- through `signpost -f json` and checks, for each:

  * no contact meant for another country is offered ("from");
  * no line is "open" on a public holiday of its calendar, as the holiday
    data lists it (holidays-dump), when the line closes on public holidays,
    nor on one of the service's own closure days;
  * no result without a contact the caller can use ranks above one with;
  * the answer is never empty while a worldwide service in one of the
    caller's languages exists (for the default audience, not ended).

It prints one line per failure and exits 1 if there is any.  Needs
Debian's /usr/bin/python3 (python3-yaml); without it, it fails.
"""
import datetime
import json
import os
import subprocess
import sys
import zoneinfo

import yaml

COUNTRIES = ["CZ", "GB", "IE", "US", "CA", "DE", "AT", "CH", "FR", "BE", "NL", "SE", "FI",
             "NO", "DK", "ES", "PT", "PL", "SK", "AU", "NZ", "MX", "BR", "CO", "IN", "EG",
             "JP", "LV", "Wales", "Scotland", "Quebec", "Bayern"]
LANGS = ["", "en", "cs", "de", "fr", "es", "pl", "ar", "tr,de", "sv", "fi", "nl", "pt",
         "lv", "hi", "ar,en", "zh"]
# Moments, UTC: an ordinary weekday noon and night, Christmas Day, Easter
# Monday 2027, New Year's Day, a Sunday.
MOMENTS = ["2026-12-07T12:00Z", "2026-12-07T21:30Z", "2026-12-25T12:00Z",
           "2027-03-29T10:00Z", "2027-01-01T11:00Z", "2026-12-13T12:00Z"]


def self_test():
    """Each check must be able to fail: documents that break each rule."""
    def doc(results, country="CZ", langs=("cs",)):
        return {"query": {"country": country, "languages": list(langs), "open_now": False},
                "at": "2026-12-25T12:00:00Z", "results": results}
    def res(sid, contacts, closed=False):
        return {"service": {"id": sid}, "contacts": contacts, "study_closed": closed}
    line = {"offered": True, "from": ["CZ"], "value": "1", "state": {"state": "open"},
            "hours": {"zone": "Europe/Prague", "closed": [], "public_holidays": "closed",
                      "calendar": "CZ"}}
    cases = [
        doc([res("a", [dict(line, **{"from": ["SK"]})])]),                 # from another country
        doc([res("a", [line])]),                                           # open on Christmas
        doc([res("a", []), res("b", [dict(line, state=None)])]),           # unusable first
        doc([], langs=("en",)),                                            # empty, world en exists
    ]
    services = [{"id": "w", "status": "active", "countries": ["world"], "audience": ["self"],
                 "languages": ["en"]}]
    for n, d in enumerate(cases):
        f = []
        check(d, services, {"CZ": {"2026-12-25"}}, f"self-test {n}", f)
        if not f:
            print(f"self-test {n}: the check did not fail")
            return False
    return True


def main():
    binary, dump, src = sys.argv[1:4]
    if not self_test():
        return 1
    services = yaml.safe_load(open(os.path.join(src, "data", "services.yaml"),
                                   encoding="utf-8"))["services"]
    holidays = {}
    out = subprocess.run([dump, os.path.join(src, "data", "holidays.yaml"), "2026", "2027"],
                         capture_output=True, text=True, check=True).stdout
    for line in out.splitlines():
        cal, day = line.split(" ", 2)[:2]
        if len(day) == 10:
            holidays.setdefault(cal, set()).add(day)
    env = dict(os.environ, LC_ALL="C.UTF-8", TZ="UTC", HOME="/nonexistent",
               XDG_DATA_HOME="/nonexistent", SIGNPOST_DATA="")
    failures, runs = [], 0
    for i, country in enumerate(COUNTRIES):
        for j, lang in enumerate(LANGS):
            # Every country with a third of the languages and two moments,
            # so each language and moment occurs with many countries.
            if (i + j) % 3 != 0:
                continue
            for k in range(2):
                at = MOMENTS[(i + j + k * 3) % len(MOMENTS)]
                argv = [binary, "-c", country, "-f", "json", "--at", at]
                if lang:
                    argv += ["-l", lang]
                p = subprocess.run(argv, capture_output=True, text=True, env=env)
                runs += 1
                what = " ".join(argv[1:])
                if p.returncode not in (0, 1):
                    failures.append(f"{what}: status {p.returncode}: {p.stderr.strip()}")
                    continue
                check(json.loads(p.stdout), services, holidays, what, failures)
    for f in failures:
        print(f)
    print(f"{runs} lookups, {len(failures)} failures")
    return 1 if failures or runs < 200 else 0


def serves(tag, want):
    return tag.split("-")[0] == want.split("-")[0]


def check(doc, services, holidays, what, failures):
    q = doc["query"]
    at = datetime.datetime.fromisoformat(doc["at"].replace("Z", "+00:00"))
    seen_unusable = False
    for r in doc["results"]:
        usable = any(c["offered"] for c in r["contacts"]) and not r["study_closed"]
        sid = r["service"]["id"]
        if not usable:
            seen_unusable = True
        elif seen_unusable:
            failures.append(f"{what}: {sid} (usable) ranks below a result without a usable contact")
        for c in r["contacts"]:
            if c["offered"] and c["from"] and q["country"] not in c["from"]:
                failures.append(f"{what}: {sid} offers {c['value']} meant for {c['from']}")
            h, st = c.get("hours"), c.get("state")
            if h is None or st is None or st["state"] != "open":
                continue
            local = at.astimezone(zoneinfo.ZoneInfo(h["zone"])).date()
            day = local.isoformat()
            if day[5:] in h["closed"] or day in h["closed"]:
                failures.append(f"{what}: {sid} {c['value']} open on its own closure day {day}")
            if h["public_holidays"] == "closed" and day in holidays.get(h["calendar"], ()):
                failures.append(f"{what}: {sid} {c['value']} open on a public holiday {day}")
            if h["public_holidays"] == "unknown" and day in holidays.get(h["calendar"], ()):
                failures.append(f"{what}: {sid} {c['value']} 'open' on a holiday whose hours "
                                f"are not known ({day})")
    if not doc["results"] and not q["open_now"]:
        for s in services:
            if s["status"] == "ended" or "world" not in s["countries"]:
                continue
            if not set(s["audience"]) & {"self", "close"}:
                continue
            if any(serves(t, w) for t in s["languages"] for w in q["languages"]):
                failures.append(f"{what}: empty answer, yet {s['id']} is worldwide in "
                                f"{q['languages']}")
                break


if __name__ == "__main__":
    sys.exit(main())
