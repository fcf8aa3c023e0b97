#!/usr/bin/python3
"""Independent checks of data/services.yaml (schema 2).

Run with Debian's /usr/bin/python3, which has python3-yaml and python3-phonenumbers:

    /usr/bin/python3 tests/datacheck/services.py [data/services.yaml]

Exit status: 0 when every check passes, 1 with a list of failures on stderr,
2 when a required module is missing (the test then FAILS; it never skips).

What is checked (see data/README.md, "Checks"):
  - schema-2 shape: required keys, no unknown keys, allowed words, id slugs, dates;
  - every phone number is valid for its `from` country (python3-phonenumbers), and
    toll-free where the contact's effective cost is `free` and the number is national
    (exceptions: TOLL_FREE_EXCEPTIONS below, each with the source that shows it);
  - every `international` equals phonenumbers' INTERNATIONAL format of value + from,
    and is present whenever it can be derived (national value, single `from`);
  - every URL is well formed (scheme, host without trailing dot, no spaces) and https,
    except source addresses stored over http (HTTP_SOURCES) and .onion addresses;
  - every non-unknown fact of each service is covered by some source's `supports`;
  - caller-facing texts avoid stigmatising labels ("child pornography", "paedophile").
"""

import datetime
import re
import sys

try:
    import yaml
    import phonenumbers
    from phonenumbers import PhoneNumberFormat, PhoneNumberType
except ImportError as e:  # never skip: a missing module is a failure
    sys.stderr.write("datacheck: FAIL: a required module is missing (%s).\n"
                     "Install Debian's python3-yaml and python3-phonenumbers and run with "
                     "/usr/bin/python3.\n" % e)
    sys.exit(2)

try:
    import zoneinfo
except ImportError:  # pragma: no cover - Python < 3.9
    zoneinfo = None

# --------------------------------------------------------------------------------------
# Vocabulary (schema 2)

TOP_KEYS = {"schema", "date", "services"}
SERVICE_REQUIRED = ["id", "name", "organization", "status", "countries", "languages",
                    "audience", "offers", "cost", "anonymous", "min_age", "description",
                    "contacts", "sources", "checked"]
SERVICE_OPTIONAL = ["study", "ended", "successor", "regions", "max_age", "reporting",
                    "eligibility", "confidentiality", "unknown", "notes"]
STATUS = {"active", "study", "ended"}
STUDY_KEYS = {"ends", "recruiting", "registry"}
RECRUITING = {"open", "closed", "unknown"}
AUDIENCE = {"self", "close", "professional"}
OFFERS = {"helpline", "chat", "self-help", "therapy", "counselling", "information"}
COST = {"free", "normal-rate", "paid", "unknown"}
ANONYMOUS = {"yes", "no", "partly", "unknown"}
REPORTING = {"none", "limited", "unknown"}
CONTACT_TYPES = {"phone", "web", "chat", "email", "tor"}
CONTACT_KEYS = {"type", "value", "international", "from", "label", "languages",
                "interpreters", "cost", "hours"}
HOURS_KEYS = {"zone", "weekly", "public_holidays", "calendar", "closed", "note"}
PUBLIC_HOLIDAYS = {"closed", "open", "unknown"}
UNKNOWN_WORDS = {"web", "phone", "chat", "email", "tor", "hours", "cost", "anonymous",
                 "min_age", "languages", "reporting"}
SOURCE_KEYS = {"url", "date", "evidence", "supports"}
EVIDENCE = {"official", "literature", "press", "code", "old"}
FACTS = {"name", "organization", "status", "study", "countries", "regions", "languages",
         "audience", "offers", "cost", "anonymous", "min_age", "max_age", "reporting",
         "description", "eligibility", "confidentiality", "web", "phone", "chat", "email",
         "tor", "hours", "interpreters", "successor", "ended"}

RE_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
RE_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
RE_FULLDATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
RE_COUNTRY = re.compile(r"^[A-Z]{2}$")
RE_REGION = re.compile(r"^([A-Z]{2})-[A-Z0-9]{1,3}$")
RE_LANG = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
RE_AGE = re.compile(r"^\d{1,2}$")
RE_PHONE_VALUE = re.compile(r"^\+?[0-9][0-9 ()./-]*[0-9]$")
RE_EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")
DAY = r"(mon|tue|wed|thu|fri|sat|sun)"
RE_WINDOW = re.compile(r"^%s(-%s|(,%s)+)? ([01]\d|2[0-3]):[0-5]\d-(([01]\d|2[0-3]):[0-5]\d|24:00)$"
                       % (DAY, DAY, DAY))
RE_CLOSED = re.compile(r"^(\d{4}-)?(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")
RE_URL = re.compile(r"^(https?)://([^/?#\s]+)([/?#][^\s]*)?$")

# Caller-facing words that the data must not use (Luxembourg Guidelines, person-first).
FORBIDDEN = [
    ("child pornography", re.compile(r"child\s+porn", re.I)),
    ("paedophile as a label", re.compile(r"\b(paedophile|pedophile)s?\b", re.I)),
    ("pornographie enfantine / pédopornographie", re.compile(r"pornographie enfantine|pédopornograph|pédophile", re.I)),
    ("Kinderpornografie / Pädophile", re.compile(r"kinderporn|pädophile\b", re.I)),
    ("pornografía infantil / pedófilo", re.compile(r"pornograf[íi]a infantil|ped[óo]filo", re.I)),
    ("dětská pornografie", re.compile(r"dětsk\w* pornograf", re.I)),
]

# Source addresses that are quoted exactly as the stored copy has them, over http.
# A contact (a link offered to a caller) is never allowed to be http.
HTTP_SOURCES = {
    "http://www.stopitnow.org/node/2227",
    "http://www.standaard.be/cnt/dmf20170519_02889597",
    "http://www.mutualistes.com/pedophilie-pedocriminalite-campagne",
    "http://www.iterapi.se/sites/bridge/lang/cs",
    "http://mikkeli.pelastakaalapset.fi/2018/01/19/omahoito-ohjelma-lasten-seksuaalisen-kaltoinkohtelun-ennaltaehkaisyyn/",
    "http://www.n-tv.de/panorama/Wenn-Teenager-auf-Kinder-stehen-article19712715.html",
    "http://www.rbb-online.de/panorama/beitrag/2017/08/projekt-du-traeumst-von-ihnen-fuer-jugendliche-an-der-charite.htm/writecomment=true.html",
    "http://www.elnuevodia.com.co/nuevodia/salud/502731-conozca-te-guio-una-linea-de-ayuda-que-asesora-y-orienta-sobre-sexualidad-menores-de",
    "http://www.pressreader.com/new-zealand/the-new-zealand-herald/20180629/281629601008906",
}

# Numbers whose contact cost is `free` although python3-phonenumbers does not type them
# TOLL_FREE: service id -> value -> the source that shows the call is free.
TOLL_FREE_EXCEPTIONS = {
}

errors = []


def err(where, msg):
    errors.append("%s: %s" % (where, msg))


def is_str(v):
    return isinstance(v, str)


def check_text_map(where, m, required_en=True):
    if not isinstance(m, dict) or not m:
        err(where, "must be a non-empty map of language -> text")
        return set()
    if required_en and "en" not in m:
        err(where, "has no English (en) text")
    for lang, text in m.items():
        if not is_str(lang) or not RE_LANG.match(lang):
            err(where, "language key %r is not a BCP 47 tag" % (lang,))
        if not is_str(text) or not text.strip():
            err(where, "text for %r is empty or not a string" % (lang,))
            continue
        if "\n" in text:
            err(where, "text for %r spans several lines" % (lang,))
        for what, rx in FORBIDDEN:
            if rx.search(text):
                err(where, "text for %r uses %s" % (lang, what))
    return set(m.keys())


def check_url(where, url, allow_http=False, onion=False):
    if not is_str(url):
        err(where, "URL is not a string")
        return None
    if url != url.strip() or " " in url:
        err(where, "URL %r contains spaces" % url)
        return None
    m = RE_URL.match(url)
    if not m:
        err(where, "URL %r is not well formed (scheme://host/...)" % url)
        return None
    scheme, host = m.group(1), m.group(2)
    hostname = host.rsplit("@", 1)[-1].split(":")[0]
    if hostname.endswith("."):
        err(where, "URL %r has a trailing dot in its host name" % url)
    if "." not in hostname:
        err(where, "URL %r has no domain in its host name" % url)
    if onion != hostname.endswith(".onion"):
        err(where, "URL %r: .onion host expected only for type tor" % url)
    if scheme != "https" and not onion and not allow_http:
        err(where, "URL %r is not https (add it to HTTP_SOURCES only if the stored copy is http)" % url)
    return hostname


def base(tag):
    return tag.split("-")[0]


def check_service(s, ids):
    sid = s.get("id", "?") if isinstance(s, dict) else "?"
    where = "service %s" % sid
    if not isinstance(s, dict):
        err(where, "is not a map")
        return
    for k in s:
        if k not in SERVICE_REQUIRED and k not in SERVICE_OPTIONAL:
            err(where, "unknown key %r" % k)
    for k in SERVICE_REQUIRED:
        if k not in s:
            err(where, "missing required key %r" % k)
    if not is_str(s.get("id")) or not RE_ID.match(s.get("id", "")):
        err(where, "id must be a slug [a-z0-9-]")
    for k in ("name", "organization"):
        if k in s and (not is_str(s[k]) or not s[k].strip()):
            err(where, "%s must be a non-empty string" % k)

    unknown = s.get("unknown", []) or []
    if not isinstance(unknown, list):
        err(where, "unknown must be a list")
        unknown = []
    for w in unknown:
        if w not in UNKNOWN_WORDS:
            err(where, "unknown: %r is not an allowed word" % (w,))

    status = s.get("status")
    if status not in STATUS:
        err(where, "status %r not in %s" % (status, sorted(STATUS)))
    if status == "study":
        st = s.get("study")
        if not isinstance(st, dict):
            err(where, "status study needs a study: block")
        else:
            for k in st:
                if k not in STUDY_KEYS:
                    err(where, "study: unknown key %r" % k)
            ends = st.get("ends")
            if not is_str(ends) or not (ends == "unknown" or RE_DATE.match(ends)):
                err(where, "study.ends must be YYYY[-MM[-DD]] or unknown")
            if st.get("recruiting") not in RECRUITING:
                err(where, "study.recruiting must be one of %s" % sorted(RECRUITING))
            if "registry" in st and not is_str(st["registry"]):
                err(where, "study.registry must be a string")
    elif "study" in s:
        err(where, "study: is only allowed with status: study")
    if "ended" in s:
        if status != "ended":
            err(where, "ended: only with status: ended")
        if not is_str(s["ended"]) or not RE_DATE.match(s["ended"]):
            err(where, "ended must be YYYY[-MM[-DD]]")
    if "successor" in s:
        if status != "ended":
            err(where, "successor: only with status: ended")
        if s["successor"] not in ids:
            err(where, "successor %r is not the id of a service" % (s["successor"],))
    if status == "ended" and s.get("contacts"):
        err(where, "an ended service keeps no contacts")

    countries = s.get("countries")
    world = countries == ["world"]
    if not isinstance(countries, list) or not countries:
        err(where, "countries must be a non-empty list")
        countries = []
    elif not world:
        for c in countries:
            if not is_str(c) or not RE_COUNTRY.match(c):
                err(where, "country %r is not ISO 3166-1 alpha-2 (quote NO, ON, YES...)" % (c,))
    if "regions" in s:
        if not isinstance(s["regions"], list) or not s["regions"]:
            err(where, "regions must be a non-empty list")
        else:
            for r in s["regions"]:
                m = RE_REGION.match(r) if is_str(r) else None
                if not m:
                    err(where, "region %r is not an ISO 3166-2 code CC-XXX" % (r,))
                elif m.group(1) not in countries:
                    err(where, "region %r is not inside countries %s" % (r, countries))

    langs = s.get("languages")
    if not isinstance(langs, list) or not langs:
        err(where, "languages must be a non-empty list")
        langs = []
    for l in langs:
        if not is_str(l) or not RE_LANG.match(l):
            err(where, "language %r is not a BCP 47 tag" % (l,))
    for k, allowed in (("audience", AUDIENCE), ("offers", OFFERS)):
        v = s.get(k)
        if not isinstance(v, list) or not v:
            err(where, "%s must be a non-empty list" % k)
            continue
        for x in v:
            if x not in allowed:
                err(where, "%s: %r not in %s" % (k, x, sorted(allowed)))
    if s.get("cost") not in COST:
        err(where, "cost %r not in %s" % (s.get("cost"), sorted(COST)))
    if s.get("anonymous") not in ANONYMOUS:
        err(where, "anonymous %r not in %s (quote \"yes\"/\"no\")" % (s.get("anonymous"), sorted(ANONYMOUS)))
    ma = s.get("min_age")
    if not is_str(ma) or not (ma in ("unknown", "none") or RE_AGE.match(ma)):
        err(where, "min_age must be quoted digits, unknown or none")
    if "max_age" in s:
        if not is_str(s["max_age"]) or not RE_AGE.match(s["max_age"]):
            err(where, "max_age must be quoted digits")
        elif RE_AGE.match(ma or "") and int(ma) > int(s["max_age"]):
            err(where, "min_age is above max_age")
    if "reporting" in s and s["reporting"] not in REPORTING:
        err(where, "reporting %r not in %s" % (s["reporting"], sorted(REPORTING)))
    for k in ("cost", "anonymous", "min_age"):
        if (s.get(k) == "unknown") != (k in unknown):
            err(where, "%s is %r but %s in unknown: (keep the value and the list in step)"
                % (k, s.get(k), "listed" if k in unknown else "not listed"))

    dl = check_text_map(where + " description", s.get("description"))
    for l in langs:
        if l not in dl:
            err(where, "description has no line in %r, a language of the service" % l)
    for k in ("eligibility", "confidentiality"):
        if k in s:
            check_text_map(where + " " + k, s[k])
    checked = s.get("checked")
    if not is_str(checked) or not (checked == "never" or RE_FULLDATE.match(checked)):
        err(where, "checked must be YYYY-MM-DD or never")
    if "notes" in s and not is_str(s["notes"]):
        err(where, "notes must be a string")

    # contacts
    present = set()
    contacts = s.get("contacts")
    if not isinstance(contacts, list):
        err(where, "contacts must be a list (may be [])")
        contacts = []
    for i, c in enumerate(contacts):
        check_contact("%s contact %d" % (where, i + 1), s, c, countries, world, langs, present)
    if not contacts and status != "ended":
        pass  # allowed: an entry with no usable contact ranks last

    # sources and coverage
    supported = set()
    sources = s.get("sources")
    if not isinstance(sources, list) or not sources:
        err(where, "sources must be a non-empty list")
        sources = []
    for i, src in enumerate(sources):
        sw = "%s source %d" % (where, i + 1)
        if not isinstance(src, dict):
            err(sw, "is not a map")
            continue
        for k in src:
            if k not in SOURCE_KEYS:
                err(sw, "unknown key %r" % k)
        for k in SOURCE_KEYS:
            if k not in src:
                err(sw, "missing %r" % k)
        url = src.get("url")
        check_url(sw, url, allow_http=url in HTTP_SOURCES)
        if is_str(url) and "github.com/ahmia" in url:
            err(sw, "a search engine's code listing is not an acceptable source")
        d = src.get("date")
        if not is_str(d) or not (d == "unknown" or RE_DATE.match(d)):
            err(sw, "date must be quoted YYYY[-MM[-DD]] or unknown")
        if src.get("evidence") not in EVIDENCE:
            err(sw, "evidence %r not in %s" % (src.get("evidence"), sorted(EVIDENCE)))
        sup = src.get("supports")
        if not isinstance(sup, list) or not sup:
            err(sw, "supports must be a non-empty list")
            continue
        for f in sup:
            if f not in FACTS:
                err(sw, "supports: %r is not a fact word" % (f,))
        supported.update(sup)

    needed = {"name", "organization", "status", "countries", "audience", "offers", "description"}
    if "languages" not in unknown:
        needed.add("languages")
    for k in ("cost", "anonymous", "min_age"):
        if s.get(k) not in (None, "unknown"):
            needed.add(k)
    for k in ("max_age", "eligibility", "confidentiality", "regions", "successor", "ended"):
        if k in s:
            needed.add(k)
    if s.get("reporting") not in (None, "unknown"):
        needed.add("reporting")
    if status == "study":
        needed.add("study")
    needed |= present
    for f in sorted(needed - supported):
        err(where, "fact %r is not covered by any source's supports" % f)


def check_contact(where, s, c, countries, world, langs, present):
    if not isinstance(c, dict):
        err(where, "is not a map")
        return
    for k in c:
        if k not in CONTACT_KEYS:
            err(where, "unknown key %r" % k)
    t = c.get("type")
    if t not in CONTACT_TYPES:
        err(where, "type %r not in %s" % (t, sorted(CONTACT_TYPES)))
        return
    present.add(t)
    v = c.get("value")
    if not is_str(v) or not v.strip():
        err(where, "value must be a non-empty string")
        return
    frm = c.get("from")
    if frm is not None:
        if not isinstance(frm, list) or not frm:
            err(where, "from must be a non-empty list")
            frm = None
        else:
            for x in frm:
                if not is_str(x) or not RE_COUNTRY.match(x):
                    err(where, "from %r is not ISO 3166-1 alpha-2 (quote NO)" % (x,))
                elif not world and x not in countries:
                    err(where, "from %r is not one of the service's countries %s" % (x, countries))
    if "international" in c and t != "phone":
        err(where, "international is only for phone contacts")
    if t == "phone":
        check_phone(where, s, c, v, frm)
    elif t in ("web", "chat"):
        check_url(where, v)
    elif t == "tor":
        check_url(where, v, onion=True)
    elif t == "email":
        if not RE_EMAIL.match(v):
            err(where, "e-mail %r is not well formed" % v)
    if "label" in c:
        check_text_map(where + " label", c["label"])
    if "languages" in c:
        cl = c["languages"]
        if not isinstance(cl, list) or not cl:
            err(where, "languages must be a non-empty list")
        else:
            for l in cl:
                if l not in langs:
                    err(where, "contact language %r is not a language of the service" % (l,))
    if "interpreters" in c:
        it = c["interpreters"]
        if it != "all" and not (isinstance(it, list) and it and all(is_str(x) and RE_LANG.match(x) for x in it)):
            err(where, "interpreters must be all or a list of BCP 47 tags")
        present.add("interpreters")
    if "cost" in c and c["cost"] not in COST:
        err(where, "cost %r not in %s" % (c["cost"], sorted(COST)))
    if "hours" in c:
        check_hours(where + " hours", c["hours"])
        present.add("hours")


def check_phone(where, s, c, v, frm):
    if not RE_PHONE_VALUE.match(v):
        err(where, "phone value %r has characters a printed number does not have" % v)
        return
    plus = v.startswith("+")
    if not plus and not frm:
        err(where, "a phone number without '+' needs from: (its numbering plan)")
        return
    if plus and "international" in c:
        err(where, "leave international out when the value already starts with '+'")
    try:
        n = phonenumbers.parse(v, None if plus else frm[0])
    except phonenumbers.NumberParseException as e:
        err(where, "python3-phonenumbers cannot parse %r: %s" % (v, e))
        return
    if not phonenumbers.is_valid_number(n):
        err(where, "%r is not a valid number per python3-phonenumbers" % v)
        return
    if not plus:
        # A national number is written in the numbering plan of its `from` country,
        # so it must be valid there. A "+" number carries its own country code; its
        # `from` names the callers it is for (e.g. a UK number for callers in Ireland).
        for region in frm:
            if not phonenumbers.is_valid_number_for_region(n, region):
                err(where, "%r is not valid for from %s per python3-phonenumbers" % (v, region))
    intl = phonenumbers.format_number(n, PhoneNumberFormat.INTERNATIONAL)
    if not plus:
        if len(frm) == 1:
            if "international" not in c:
                err(where, "international can be derived (%r) and is missing" % intl)
            elif c["international"] != intl:
                err(where, "international %r differs from the derived %r" % (c["international"], intl))
        elif "international" in c:
            err(where, "international needs a single from country")
    cost = c.get("cost", s.get("cost"))
    if cost == "free" and not plus:
        ntype = phonenumbers.number_type(n)
        if ntype != PhoneNumberType.TOLL_FREE and v not in TOLL_FREE_EXCEPTIONS.get(s.get("id"), {}):
            err(where, "%r is free per the data but not TOLL_FREE per python3-phonenumbers "
                       "(type %d); add a justified exception or fix the cost" % (v, ntype))


def check_hours(where, h):
    if not isinstance(h, dict):
        err(where, "must be a map")
        return
    for k in h:
        if k not in HOURS_KEYS:
            err(where, "unknown key %r" % k)
    z = h.get("zone")
    if not is_str(z):
        err(where, "zone must be an IANA zone name")
    elif zoneinfo is not None:
        try:
            zoneinfo.ZoneInfo(z)
        except Exception:
            err(where, "zone %r is not a known IANA zone" % z)
    wk = h.get("weekly")
    if not isinstance(wk, list) or not wk:
        err(where, "weekly must be a non-empty list of \"DAYS HH:MM-HH:MM\"")
    else:
        for w in wk:
            if not is_str(w) or not RE_WINDOW.match(w):
                err(where, "weekly window %r is not \"DAYS HH:MM-HH:MM\"" % (w,))
    ph = h.get("public_holidays")
    if ph not in PUBLIC_HOLIDAYS:
        err(where, "public_holidays must be one of %s" % sorted(PUBLIC_HOLIDAYS))
    cal = h.get("calendar")
    if ph != "open" and cal is None:
        err(where, "calendar is required unless public_holidays is open")
    if cal is not None and (not is_str(cal) or not (RE_COUNTRY.match(cal) or RE_REGION.match(cal))):
        err(where, "calendar %r is not a country or ISO 3166-2 region id (quote NO)" % (cal,))
    if "closed" in h:
        cl = h["closed"]
        if not isinstance(cl, list):
            err(where, "closed must be a list")
        else:
            for d in cl:
                if not is_str(d) or not RE_CLOSED.match(d):
                    err(where, "closed day %r is not MM-DD or YYYY-MM-DD" % (d,))
    if "note" in h:
        check_text_map(where + " note", h["note"])


def calendars(services):
    out = set()
    for s in services:
        for c in s.get("contacts") or []:
            h = c.get("hours") if isinstance(c, dict) else None
            if isinstance(h, dict) and is_str(h.get("calendar")):
                out.add(h["calendar"])
    return sorted(out)


def all_strings(x, path):
    """signpost reads every scalar as a string; other YAML tools guess types, so an
    unquoted NO, yes, 18 or 2024-02-01 becomes a boolean, a number or a date there."""
    if isinstance(x, dict):
        for k, v in x.items():
            if not is_str(k):
                err(path, "key %r is not a string (quote it)" % (k,))
            all_strings(v, "%s.%s" % (path, k))
    elif isinstance(x, list):
        for i, v in enumerate(x):
            all_strings(v, "%s[%d]" % (path, i))
    elif not is_str(x):
        err(path, "value %r is read as %s by YAML 1.1 tools: quote it" % (x, type(x).__name__))


def main(argv):
    path = argv[1] if len(argv) > 1 else "data/services.yaml"
    with open(path, encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    all_strings(doc, path)
    if not isinstance(doc, dict):
        err(path, "top level is not a map")
    else:
        for k in doc:
            if k not in TOP_KEYS:
                err(path, "unknown top-level key %r" % k)
        if doc.get("schema") != "2":
            err(path, "schema must be the string \"2\"")
        d = doc.get("date")
        if not is_str(d) or not RE_FULLDATE.match(d):
            err(path, "date must be a quoted YYYY-MM-DD")
        else:
            try:
                datetime.date.fromisoformat(d)
            except ValueError:
                err(path, "date %r is not a calendar date" % d)
        services = doc.get("services")
        if not isinstance(services, list) or not services:
            err(path, "services must be a non-empty list")
            services = []
        ids = [s.get("id") for s in services if isinstance(s, dict)]
        for i in sorted(set(x for x in ids if ids.count(x) > 1), key=str):
            err(path, "id %r is used more than once" % (i,))
        for s in services:
            check_service(s, set(ids))
    if errors:
        sys.stderr.write("datacheck: %d failure(s) in %s:\n" % (len(errors), path))
        for e in errors:
            sys.stderr.write("  - %s\n" % e)
        print("0 passed, 1 failed")
        return 1
    print("datacheck: %s: %d services OK (python3-phonenumbers %s); calendars used: %s"
          % (path, len(services), phonenumbers.__version__, ", ".join(calendars(services))))
    print("1 passed, 0 failed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
