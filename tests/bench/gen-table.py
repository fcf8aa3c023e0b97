#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Write a deterministic synthetic signpost table (schema 2) of N services.

    tests/bench/gen-table.py N OUT.yaml

Fixed seed, Python 3 standard library only.  Field sizes follow the shipped
table (about 3 KB per service): descriptions in 2-4 languages, 2-4 contacts,
2-3 sources, opening hours on some phones, valid ISO 3166-1 countries and
BCP 47 languages.  One service in 1,400 also serves Luxembourg (LU), which
has no services of its own, for a query with few matches.  Every scalar that
another tool could read as a number, a date or a boolean is quoted, but the
country `NO` is left bare on purpose in some flow lists, as people write it.
The output is for benchmarks only: it names no real service.
"""

import random
import sys

# country: (zone, calling code, main language)
COUNTRIES = {
    "AT": ("Europe/Vienna", "43", "de"), "BE": ("Europe/Brussels", "32", "nl"),
    "BG": ("Europe/Sofia", "359", "bg"), "CH": ("Europe/Zurich", "41", "de"),
    "CZ": ("Europe/Prague", "420", "cs"), "DE": ("Europe/Berlin", "49", "de"),
    "DK": ("Europe/Copenhagen", "45", "da"), "EE": ("Europe/Tallinn", "372", "et"),
    "ES": ("Europe/Madrid", "34", "es"), "FI": ("Europe/Helsinki", "358", "fi"),
    "FR": ("Europe/Paris", "33", "fr"), "GB": ("Europe/London", "44", "en"),
    "GR": ("Europe/Athens", "30", "el"), "HR": ("Europe/Zagreb", "385", "hr"),
    "HU": ("Europe/Budapest", "36", "hu"), "IE": ("Europe/Dublin", "353", "en"),
    "IT": ("Europe/Rome", "39", "it"), "LT": ("Europe/Vilnius", "370", "lt"),
    "LV": ("Europe/Riga", "371", "lv"), "NL": ("Europe/Amsterdam", "31", "nl"),
    "NO": ("Europe/Oslo", "47", "nb"), "PL": ("Europe/Warsaw", "48", "pl"),
    "PT": ("Europe/Lisbon", "351", "pt"), "RO": ("Europe/Bucharest", "40", "ro"),
    "SE": ("Europe/Stockholm", "46", "sv"), "SI": ("Europe/Ljubljana", "386", "sl"),
    "SK": ("Europe/Bratislava", "421", "sk"), "TR": ("Europe/Istanbul", "90", "tr"),
    "UA": ("Europe/Kyiv", "380", "uk"), "US": ("America/New_York", "1", "en"),
    "CA": ("America/Toronto", "1", "en"), "BR": ("America/Sao_Paulo", "55", "pt"),
    "MX": ("America/Mexico_City", "52", "es"), "AU": ("Australia/Sydney", "61", "en"),
    "IN": ("Asia/Kolkata", "91", "hi"), "JP": ("Asia/Tokyo", "81", "ja"),
}
CODES = sorted(COUNTRIES)
LANGS = ["en", "de", "cs", "sk", "pl", "fr", "es", "pt", "pt-BR", "it", "nl",
         "sv", "da", "nb", "fi", "et", "lv", "lt", "hu", "ro", "bg", "hr",
         "sl", "el", "tr", "uk", "ru", "hi", "ja", "ar", "fil", "de-CH"]

# Realistic text in a few scripts; lengths like the shipped descriptions.
TEXT = {
    "en": "Free, anonymous counselling for people who are worried about their sexual thoughts about children or about viewing child sexual abuse material, with trained therapists, by phone, chat and in person.",
    "de": "Kostenlose, anonyme Beratung für Menschen, die sich wegen ihrer sexuellen Gedanken über Kinder oder wegen der Nutzung von Missbrauchsabbildungen Sorgen machen, mit geschulten Therapeutinnen und Therapeuten.",
    "cs": "Bezplatné anonymní poradenství pro lidi, kteří se obávají svých sexuálních myšlenek na děti nebo sledování materiálů zachycujících sexuální zneužívání dětí, s vyškolenými terapeuty po telefonu i online.",
    "ru": "Бесплатная анонимная консультация для людей, которых беспокоят их сексуальные мысли о детях или просмотр материалов сексуального насилия над детьми, с обученными терапевтами по телефону и в чате.",
    "el": "Δωρεάν, ανώνυμη συμβουλευτική για άτομα που ανησυχούν για τις σεξουαλικές τους σκέψεις για παιδιά ή για την προβολή υλικού σεξουαλικής κακοποίησης παιδιών, με εκπαιδευμένους θεραπευτές.",
    "hi": "उन लोगों के लिए निःशुल्क, गुमनाम परामर्श जो बच्चों के बारे में अपने यौन विचारों को लेकर चिंतित हैं, प्रशिक्षित चिकित्सकों के साथ फ़ोन और चैट पर।",
    "ja": "子どもに対する性的な考えや児童性的虐待コンテンツの閲覧について悩んでいる人のための、訓練を受けたセラピストによる無料・匿名の相談です。電話とチャットで利用できます。",
    "ar": "استشارة مجانية ومجهولة الهوية للأشخاص القلقين بشأن أفكارهم الجنسية تجاه الأطفال أو بشأن مشاهدة مواد الاعتداء الجنسي على الأطفال، مع معالجين مدربين عبر الهاتف والدردشة.",
}
SCRIPT_OF = {"ru": "ru", "uk": "ru", "bg": "ru", "el": "el", "hi": "hi",
             "ja": "ja", "ar": "ar"}
WORDS = ["Centre", "Institute", "Clinic", "Network", "Foundation", "Programme",
         "Project", "Association", "Service", "Initiative"]
PLACES = ["North", "South", "East", "West", "Central", "Coastal", "Metropolitan",
          "Regional", "National", "University"]
AUDIENCE = ["self", "close", "professional"]
# Countries whose public holidays data/holidays.yaml has (a line elsewhere
# is open on public holidays, so it needs no calendar).
CALENDARS = {"AT", "BE", "CA", "CH", "CZ", "DE", "DK", "ES", "FI", "FR", "IE", "IN", "LU",
             "LV", "NL", "NO", "NZ", "PL", "PT", "SE", "SK", "US"}
OFFERS = ["helpline", "chat", "self-help", "therapy", "counselling", "information"]
DAYS = ["mon-fri 09:00-17:00", "mon,wed,fri 12:00-20:00", "tue,thu 08:00-16:00",
        "sat 10:00-14:00", "sun 18:00-02:00", "mon-thu 19:00-23:00"]
EVIDENCE = ["official", "press", "code", "old", "literature"]


def q(s):
    """A double-quoted YAML scalar."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def text_for(lang, i):
    base = TEXT.get(SCRIPT_OF.get(lang.split("-")[0], lang.split("-")[0]), TEXT["en"])
    return base + " (%s, %d)" % (lang, i)


def service(r, i, out):
    world = r.random() < 0.02 or i == 2
    if world:
        countries = ["world"]
    elif i == 1:
        countries = ["CZ"]  # so that even the 20-service table answers CZ/cs
    else:
        countries = sorted(r.sample(CODES, r.choice([1, 1, 1, 2, 3])))
    home = COUNTRIES[countries[0]] if not world else ("UTC", "44", "en")
    langs = {home[2]} | ({"cs"} if i <= 2 else set())
    while len(langs) < r.choice([1, 2, 2, 3, 4]):
        langs.add(r.choice(LANGS))
    langs = sorted(langs)
    desc_langs = ["en"] + [x for x in langs if x != "en"]
    desc_langs = desc_langs[:r.choice([2, 3, 4])]
    name = "%s %s %d" % (r.choice(PLACES), r.choice(WORDS), i)
    w = out.write
    w("\n  # synthetic service %d\n" % i)
    w("  - id: svc-%06d\n" % i)
    w("    name: %s\n" % q(name))
    w("    organization: %s\n" % q("%s %s of %s" % (r.choice(PLACES), r.choice(WORDS),
                                                     "the world" if world else countries[0])))
    study = r.random() < 0.05
    w("    status: %s\n" % ("study" if study else "active"))
    if study:
        w("    study:\n      ends: \"2027-06\"\n      recruiting: open\n")
    # Luxembourg, a small country for a query of about 130 matches at
    # 100,000 services like the prototype's of issue 8: -c LU -l fr gives
    # 13 at 10,000 and 129 at 100,000, a little over half of them worldwide
    # services in French.  LU is chosen by the service's number and draws
    # nothing from r, so every other field and every other country's
    # services stay as they were; services for CZ never get it.
    listed = countries
    if not world and "CZ" not in countries and i % 1400 == 700:
        listed = sorted(countries + ["LU"])
    w("    countries: [%s]\n" % ", ".join(listed))
    w("    languages: [%s]\n" % ", ".join(langs))
    w("    audience: [%s]\n" % ", ".join(sorted(r.sample(AUDIENCE, r.choice([1, 2, 3])),
                                               key=AUDIENCE.index)))
    w("    offers: [%s]\n" % ", ".join(sorted(r.sample(OFFERS, r.choice([1, 2, 3])),
                                             key=OFFERS.index)))
    w("    cost: %s\n" % r.choice(["free", "free", "normal-rate", "unknown"]))
    w('    anonymous: %s\n' % q(r.choice(["yes", "yes", "partly", "unknown"])))
    w("    min_age: %s\n" % q(r.choice(["16", "18", "unknown", "none"])))
    w("    description:\n")
    for l in desc_langs:
        w("      %s: %s\n" % (l, q(text_for(l, i))))
    if r.random() < 0.3:
        w("    confidentiality:\n")
        w("      en: %s\n" % q("Counsellors keep what you say confidential unless a child is in immediate danger; you do not have to give your name (%d)." % i))
    w("    contacts:\n")
    domain = "svc-%06d.example.org" % i
    w("      - type: web\n        value: https://www.%s/\n        label: {en: Website}\n" % domain)
    n_contacts = r.choice([2, 3, 4])
    kinds = ["phone", "email", "chat"]
    has_phone = False
    for k in range(n_contacts - 1):
        kind = kinds[k % 3]
        if kind == "phone":
            has_phone = True
            num = "+%s %03d %03d %03d" % (home[1], r.randrange(1000), r.randrange(1000),
                                         r.randrange(1000))
            w("      - type: phone\n        value: %s\n" % q(num))
            w("        label: {en: %s}\n" % q("Helpline for people worried about their sexual thoughts"))
            w("        cost: %s\n" % r.choice(["free", "normal-rate"]))
            if not world and r.random() < 0.5:
                w("        hours:\n          zone: %s\n          weekly:\n" % home[0])
                for d in r.sample(DAYS, r.choice([1, 2])):
                    w("            - %s\n" % q(d))
                ph = r.choice(["closed", "open", "unknown"])
                if countries[0] not in CALENDARS:
                    ph = "open"
                w("          public_holidays: %s\n" % ph)
                if ph != "open":
                    w("          calendar: %s\n" % countries[0])
        elif kind == "email":
            w("      - type: email\n        value: help@%s\n" % domain)
        else:
            w("      - type: chat\n        value: https://chat.%s/\n        label: {en: Anonymous chat}\n"
              % domain)
            if len(langs) > 1:
                w("        languages: [%s]\n" % langs[0])
    unknown = [] if has_phone else ["phone"]
    if not has_phone or r.random() < 0.5:
        unknown.append("hours")
    if unknown:
        w("    unknown: [%s]\n" % ", ".join(unknown))
    w("    sources:\n")
    for s in range(r.choice([2, 2, 3])):
        date = r.choice(["unknown", "2024-02", "2023", "2025-06-30"])
        w("      - url: https://www.%s/about/page-%d\n" % (domain, s))
        w("        date: %s\n" % (date if date == "unknown" else q(date)))
        w("        evidence: %s\n" % r.choice(EVIDENCE))
        w("        supports: [name, organization, offers, description, web%s]\n"
          % (", phone" if has_phone and s == 0 else ""))
    w("    checked: never\n")
    if r.random() < 0.5:
        w("    notes: %s\n" % q("Synthetic entry for the benchmark; sizes follow the shipped table. "
                              "Re-verify every phone number and opening time on the live site "
                              "before use (entry %d)." % i))


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: gen-table.py N OUT.yaml")
    n = int(sys.argv[1])
    r = random.Random(20261129)
    with open(sys.argv[2], "w", encoding="utf-8") as out:
        out.write("# synthetic signpost table for tests/bench (schema 2), %d services\n" % n)
        out.write('schema: "2"\ndate: "2026-11-29"\nservices:\n')
        for i in range(1, n + 1):
            service(r, i, out)


if __name__ == "__main__":
    main()
