#!/usr/bin/env python3
"""Cards for the caller, whole in the caller's language (issue 13).

    cards.py SIGNPOST SRCDIR

A Czech, French, Turkish and Arabic card (caller language, made from an
English UI) contains no word of another language except the names and
addresses of services, no "not known" line and no maintainer note; a
service the caller cannot use gets no card, and every service on a card
gives at least one contact (a Turkish card for Germany once listed an
English-only service with no way to reach it).
"""
import os
import re
import subprocess
import sys

import yaml

AT = "2026-12-07T13:00+01:00"
ENGLISH = {"the", "and", "for", "with", "your", "you", "phone", "open", "closed", "hours",
           "free", "anonymous", "website", "from", "age", "service", "not", "known", "study",
           "research", "help", "people", "who", "are", "is", "of", "in", "to", "on", "or",
           "web", "time", "programme", "program", "site", "english", "available"}


def po(path):
    """msgctxt -> msgstr of a PO file (enough of the format for this test)."""
    out, ctx, cur, key = {}, None, None, None
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        m = re.match(r'^(msgctxt|msgid|msgstr) "(.*)"$', line)
        if m:
            key = m.group(1)
            if key == "msgctxt":
                ctx = m.group(2)
            elif key == "msgstr":
                cur = m.group(2)
            continue
        m = re.match(r'^"(.*)"$', line)
        if m and key == "msgstr":
            cur += m.group(1)
        if not line.strip() and ctx is not None and cur is not None:
            out[ctx] = cur
            ctx = cur = key = None
    if ctx is not None and cur is not None:
        out[ctx] = cur
    return out


def main():
    binary, src = sys.argv[1:3]
    table = yaml.safe_load(open(os.path.join(src, "data", "services.yaml"), encoding="utf-8"))
    names = sorted({s["name"] for s in table["services"]} |
                   {s["organization"] for s in table["services"]}, key=len, reverse=True)
    notes = [s["notes"] for s in table["services"] if s.get("notes")]
    failures = []
    env = dict(os.environ, LC_ALL="C.UTF-8", TZ="UTC", COLUMNS="80", HOME="/nonexistent",
               XDG_DATA_HOME="/nonexistent", SIGNPOST_DATA="")
    for country, lang, catalog in (("CZ", "cs", "cs"), ("FR", "fr", "fr"), ("DE", "tr", "tr"),
                                   ("EG", "ar", "ar")):
        p = subprocess.run([binary, "--ui-language", "en", "-c", country, "-l", lang, "-f",
                            "card", "--at", AT], capture_output=True, text=True, env=env)
        card = p.stdout
        what = f"card -c {country} -l {lang}"
        if not card.strip():
            failures.append(f"{what}: empty")
            continue
        cat = po(os.path.join(src, "locales", catalog + ".po"))
        types = [cat[k] for k in ("contact.web", "contact.phone", "contact.chat",
                                  "contact.email", "contact.tor") if cat.get(k)]
        for block in card.strip("\n").split("\n\n"):
            lines = block.split("\n")
            if not any(re.match(re.escape(t) + r"( |$)", ln.lstrip("\u2067\u2068\u200f"))
                       for ln in lines[1:] for t in types):
                failures.append(f"{what}: {lines[0]!r} is carded without a contact")
        for key in ("age.unknown", "anon.unknown", "cost.unknown", "date.unknown",
                    "state.no_hours"):
            if cat.get(key) and cat[key] in card:
                failures.append(f"{what}: says {cat[key]!r} ({key})")
        for n in notes:
            if n[:40] in card:
                failures.append(f"{what}: shows a maintainer note: {n[:40]!r}")
        text = card.replace("\u2066", "").replace("\u2067", "").replace("\u2068", "") \
                   .replace("\u2069", "").replace("\u200f", "").replace("\u200e", "")
        for n in names:
            text = text.replace(n, " ")
        text = re.sub(r"(https?://|www\.)\S+|[\w.+-]+@[\w.-]+|\+?[\d][\d ()-]*\d", " ", text)
        words = re.findall(r"[^\W\d_]+", text)
        if lang == "ar":
            latin = [w for w in words if re.match(r"[A-Za-z]", w)]
            if latin:
                failures.append(f"{what}: Latin words in an Arabic card: {sorted(set(latin))[:12]}")
        else:
            native = {"fr": {"site", "web", "programme", "service"},
                      "cs": {"web", "program"}, "tr": {"web", "site"}}[lang]
            english = sorted({w for w in words if w.lower() in ENGLISH and
                              w.lower() not in native})
            if english:
                failures.append(f"{what}: English words: {english}")
    for f in failures:
        print(f)
    print(f"{len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
