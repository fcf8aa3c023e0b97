#!/usr/bin/env python3
"""An index can make a lookup faster, never different (issue 15).

    equivalence.py SIGNPOST MKINDEX SRCDIR

  1. Lookups through a current index give byte for byte what a full read
     of the same YAML gives: the shipped table and a generated one of 600
     services, text, JSON, cards, several languages, --open-now, audiences,
     with and without an overlay that replaces, hides and annotates.
  2. Crafted indexes, written here by a second implementation of the
     format (index.h) with every hash and the checksum recomputed: a
     record that points into a block of text that looks like a service, a
     posting under the wrong key, swapped records, a head of another
     length.  None may show anything a full read does not: the answer is
     the full read's (the index is refused), or, where the index only
     leaves a service out (an omitted posting: undetectable without
     reading everything, see index.h), every service shown is the full
     read's own, field for field.
  3. The red-team case: a crafted index beside a table never makes signpost
     show a phone number, a web address or a date that is not in the YAML.
  4. `signpost --check` says an index matches its table, and refuses one
     that does not.
"""
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile

# Tables the test writes must be ones signpost trusts (src/trust.h).
os.umask(0o022)

AT = "2026-12-07T13:00+01:00"
M64 = (1 << 64) - 1


def ynode_hash(b):
    """The hash of src/ynode.c, written again from its description."""
    def mix(h, w):
        h ^= w
        h = (h * 0x9E3779B97F4A7C15) & M64
        return h ^ (h >> 32)
    h = (0xCBF29CE484222325 ^ len(b)) & M64
    full = len(b) // 8 * 8
    for i in range(0, full, 8):
        h = mix(h, struct.unpack_from("<Q", b, i)[0])
    w = 0
    for c in reversed(b[full:]):
        w = (w << 8) | c
    h = mix(h, w)
    h ^= h >> 33
    h = (h * 0xFF51AFD7ED558CCD) & M64
    return h ^ (h >> 33)


def parse_index(blob):
    magic, size, head_hash, head_len, nrec, nkey, npost, pool_len, _ = \
        struct.unpack_from("<8sQQIIIIII", blob, 0)
    off = 48
    recs = [list(struct.unpack_from("<QIIQ", blob, off + 24 * i)) for i in range(nrec)]
    off += 24 * nrec
    keys = [struct.unpack_from("<IIII", blob, off + 16 * i) for i in range(nkey)]
    off += 16 * nkey
    post = list(struct.unpack_from("<%dI" % npost, blob, off))
    off += 4 * npost
    pool = blob[off:off + pool_len]
    postings = {}
    for po, ln, first, count in keys:
        postings[pool[po:po + ln].decode()] = post[first:first + count]
    return {"magic": magic, "size": size, "head_len": head_len, "recs": recs,
            "postings": postings}


def build_index(ix, yaml_bytes):
    """Index bytes from a parsed (and perhaps crafted) index: hashes and the
    checksum recomputed, as an attacker would."""
    for r in ix["recs"]:
        r[3] = ynode_hash(yaml_bytes[r[0]:r[0] + r[1]])
    keys = sorted(ix["postings"], key=lambda k: k.encode())
    post, kent, pool = [], [], b""
    for k in keys:
        kent.append((len(pool), len(k.encode()), len(post), len(ix["postings"][k])))
        pool += k.encode()
        post += sorted(set(ix["postings"][k]))
    head_hash = ynode_hash(yaml_bytes[:ix["head_len"]]) ^ (1 if ix.get("bad_head_hash") else 0)
    out = struct.pack("<8sQQIIIIII", ix["magic"], ix["size"],
                      head_hash, ix["head_len"], len(ix["recs"]),
                      len(kent), len(post), len(pool), 0)
    for r in ix["recs"]:
        out += struct.pack("<QIIQ", *r)
    for k in kent:
        out += struct.pack("<IIII", *k)
    out += struct.pack("<%dI" % len(post), *post) + pool
    return out + struct.pack("<Q", ynode_hash(out))


class Env:
    def __init__(self, binary, tmp):
        self.binary, self.tmp = binary, tmp
        self.env = dict(os.environ, LC_ALL="C.UTF-8", TZ="UTC", COLUMNS="80", NO_COLOR="1",
                        HOME=os.path.join(tmp, "home"), XDG_DATA_HOME=os.path.join(tmp, "xdg"),
                        SIGNPOST_DATA="")

    def run(self, cwd, *args):
        p = subprocess.run([self.binary, *args], cwd=cwd, capture_output=True, text=True,
                           env=self.env)
        return p.returncode, p.stdout, p.stderr


def record_of(ix, sid):
    """The record of the service with id sid (its i: key)."""
    return ix["postings"]["i:" + sid][0]


def touch_newer(path, than):
    st = os.stat(than)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))


QUERIES = [("-c", "CZ", "-l", "cs"), ("-c", "CZ"), ("-c", "GB", "-l", "pl"), ("-c", "DE", "-l", "tr,de"),
           ("-c", "US"), ("-c", "SE", "-l", "ar"), ("-c", "Wales"), ("-c", "MX", "-l", "es"),
           ("-c", "LU", "-l", "fr"), ("-c", "JP", "-l", "ja", "-a", "all"),
           ("-c", "CZ", "-l", "cs", "--open-now"), ("-c", "FR", "-a", "professional")]


def main():
    binary, mkindex, src = sys.argv[1:4]
    tmp = tempfile.mkdtemp(prefix="signpost-index.")
    failures = []
    try:
        e = Env(binary, tmp)
        for d in ("a", "b", "home", "xdg"):
            os.makedirs(os.path.join(tmp, d))
        tables = {"t.yaml": open(os.path.join(src, "data", "services.yaml"), "rb").read()}
        subprocess.run([sys.executable, os.path.join(src, "tests", "bench", "gen-table.py"), "600",
                        os.path.join(tmp, "g.yaml")], check=True)
        tables["g.yaml"] = open(os.path.join(tmp, "g.yaml"), "rb").read()
        for name, data in tables.items():
            for d in ("a", "b"):
                open(os.path.join(tmp, d, name), "wb").write(data)
            subprocess.run([mkindex, os.path.join(tmp, "a", name)], check=True)
        # 1. Equivalence.
        n = 0

        def compare(label, names=tables):
            nonlocal n
            for name in names:
                for q in QUERIES:
                    for f in ("text", "json", "card"):
                        args = ["--data", name, *q, "-f", f, "--at", AT]
                        a = e.run(os.path.join(tmp, "a"), *args)
                        b = e.run(os.path.join(tmp, "b"), *args)
                        n += 1
                        if a != b:
                            failures.append(f"{label}: {' '.join(args)} differs with the index")
        compare("current index")
        # ... and with an overlay (read whole) over a narrowed table.
        ids = [r["service"]["id"] for r in
               json.loads(e.run(os.path.join(tmp, "b"), "--data", "g.yaml", "-c", "CZ", "-f", "json",
                                "--at", AT)[1])["results"]][:3]
        g = tables["g.yaml"].decode()
        first = g[g.index("  - id: " + ids[0]):]
        first = first[:first.index("\n\n")] + "\n"
        overlay = ('schema: "2"\nservices:\n' +
                   first.replace("    name: ", '    name: "Replaced locally" # ', 1) +
                   "hide: [%s]\nnotes:\n  - id: %s\n    worker_notes: [\"Call after 10\"]\n"
                   % (ids[1] if len(ids) > 1 else ids[0], ids[-1]))
        os.makedirs(os.path.join(tmp, "xdg", "signpost"))
        open(os.path.join(tmp, "xdg", "signpost", "local.yaml"), "w").write(overlay)
        os.chmod(os.path.join(tmp, "xdg", "signpost", "local.yaml"), 0o644)
        compare("with an overlay", ["g.yaml"])
        os.remove(os.path.join(tmp, "xdg", "signpost", "local.yaml"))
        # An overlay over services that are counted, not read (the "N more
        # services are offered in English" of a narrowed table): one hidden,
        # one replaced by a copy for callers from Finland only.
        def more(cwd):
            doc = json.loads(e.run(cwd, "--data", "t.yaml", "-c", "CZ", "-l", "cs", "-f", "json",
                                   "--at", AT)[1])
            return doc["more"]["count"] if doc.get("more") else 0
        before = more(os.path.join(tmp, "b"))
        t = tables["t.yaml"].decode()
        otan = t[t.index("  - id: otan-vastuun"):]
        otan = otan[:otan.index("\n\n")] + "\n"
        otan = otan.replace("        languages: [en]\n", "        languages: [en]\n        from: [FI]\n", 1)
        otan = otan.replace("        languages: [fi]\n", "        languages: [fi]\n        from: [FI]\n", 1)
        open(os.path.join(tmp, "xdg", "signpost", "local.yaml"), "w").write(
            'schema: "2"\nservices:\n' + otan + "hide: [redirection]\n")
        os.chmod(os.path.join(tmp, "xdg", "signpost", "local.yaml"), 0o644)
        compare("with an overlay over counted services", ["t.yaml"])
        after = more(os.path.join(tmp, "b"))
        if after != before - 2 or more(os.path.join(tmp, "a")) != after:
            failures.append(f"overlay over counted services: {before} more, then {after}, "
                            f"{more(os.path.join(tmp, 'a'))} through the index (want {before - 2})")
        os.remove(os.path.join(tmp, "xdg", "signpost", "local.yaml"))

        # 2. Crafted indexes for the shipped table.
        data = tables["t.yaml"]
        ipath = os.path.join(tmp, "a", "t.idx")
        good = open(ipath, "rb").read()
        full = {}
        for q in QUERIES:
            rc, out, _ = e.run(os.path.join(tmp, "b"), "--data", "t.yaml", *q, "-f", "json", "--at", AT)
            full[q] = json.loads(out)
        all_services = {}
        for doc in full.values():
            for r in doc["results"]:
                all_services[r["service"]["id"]] = r["service"]

        def crafted(label, mutate, must_equal):
            ix = parse_index(good)
            mutate(ix)
            open(ipath, "wb").write(build_index(ix, data))
            touch_newer(ipath, os.path.join(tmp, "a", "t.yaml"))
            for q in QUERIES:
                rc, out, err = e.run(os.path.join(tmp, "a"), "--data", "t.yaml", *q, "-f", "json",
                                     "--at", AT)
                if rc not in (0, 1):
                    failures.append(f"{label}: {' '.join(q)}: status {rc} {err.strip()}")
                    continue
                doc = json.loads(out)
                if must_equal and doc != full[q]:
                    failures.append(f"{label}: {' '.join(q)}: the answer differs from a full read")
                for r in doc["results"]:
                    s = r["service"]
                    if all_services.get(s["id"], s) != s:
                        failures.append(f"{label}: {' '.join(q)}: {s['id']} is not the table's")
                for field in ("date",):
                    if doc["data"][field] != full[q]["data"][field]:
                        failures.append(f"{label}: {' '.join(q)}: data {field} differs")

        # This second implementation writes what mkindex writes: else
        # every crafted index below would be refused for its format, and
        # the cases would test nothing.
        if build_index(parse_index(good), data) != good:
            failures.append("the test's index writer does not write what signpost-mkindex writes")
        text = data.decode()
        ix0 = parse_index(good)
        # A record that starts inside a block of text: a service's notes
        # made to look like an item (the first record is split in two).
        def into_text(ix):
            r = ix["recs"][0]
            cut = text.index("\n", text.index("    notes:", r[0])) + 1
            ix["recs"][0:1] = [[r[0], cut - r[0], r[2], 0], [cut, r[0] + r[1] - cut, r[2] + 1, 0]]
            for k, v in ix["postings"].items():
                ix["postings"][k] = [p + 1 if p > 0 else p for p in v]
            ix["postings"]["c:CZ"] = sorted(set(ix["postings"].get("c:CZ", []) + [1]))
        crafted("a record inside a block of text", into_text, True)
        # A posting under the wrong key: a German service for Czechia.
        def wrong_key(ix):
            de = ix["postings"].get("c:DE", [])
            ix["postings"]["c:CZ"] = sorted(set(ix["postings"].get("c:CZ", []) + de))
        crafted("a posting under the wrong key", wrong_key, True)
        # Two records swapped.
        def swap(ix):
            ix["recs"][1], ix["recs"][2] = ix["recs"][2], ix["recs"][1]
        crafted("swapped records", swap, True)
        # A head of another length (the first service taken into it).
        def head(ix):
            ix["head_len"] += ix["recs"][0][1]
            ix["recs"] = ix["recs"][1:]
            ix["postings"] = {k: [p - 1 for p in v if p > 0] for k, v in ix["postings"].items()}
        crafted("a longer head", head, True)
        # A head whose hash is not the head's (the index's own checksum
        # recomputed): the index is refused before anything is read.
        def bad_head_hash(ix):
            ix["bad_head_hash"] = True
        crafted("a head of another hash", bad_head_hash, True)
        # An omitted posting: the service is left out, nothing is invented.
        def omit(ix):
            ix["postings"]["c:CZ"] = ix["postings"].get("c:CZ", [])[1:]
        crafted("an omitted posting", omit, False)
        # Count keys (m:AUD, index.h) are believed for what is not read:
        # one under a service no caller can use changes the count of
        # services offered in English, never what is shown.
        def count_unusable(ix):
            ix["postings"]["m:self"] = sorted(set(ix["postings"]["m:self"] + [record_of(ix, "help-wanted")]))
        crafted("a count key for a service no caller can use", count_unusable, False)
        # ... but one under a service read for another key is caught.
        def count_read(ix):
            ix["postings"]["m:professional"] = sorted(
                set(ix["postings"].get("m:professional", []) + [record_of(ix, "troubled-desire")]))
        crafted("a count key that a service read does not have", count_read, True)
        # 3. The red-team table: a notes block holding a fake service.
        fake = ('schema: "2"\ndate: "2026-01-01"\nservices:\n  - id: real\n    name: Real line\n'
                '    organization: Org\n    status: active\n    countries: [CZ]\n    languages: [cs]\n'
                '    audience: [self]\n    offers: [helpline]\n    cost: free\n    anonymous: "yes"\n'
                '    min_age: none\n    description: {en: A real line.}\n    contacts:\n'
                '      - {type: phone, value: "+420 111 222 333"}\n    sources:\n'
                '      - {url: "https://example.org/", date: unknown, evidence: official, supports: [name]}\n'
                '    checked: never\n    notes: |\n      - id: evil\n        name: Evil line\n'
                '        organization: Org\n        status: active\n        countries: [CZ]\n'
                '        languages: [cs]\n        audience: [self]\n        offers: [helpline]\n'
                '        cost: free\n        anonymous: "yes"\n        min_age: none\n'
                '        description: {en: Call us.}\n        contacts:\n'
                '          - {type: phone, value: "+420 666 666 666"}\n'
                '          - {type: web, value: "https://evil.example/"}\n        sources:\n'
                '          - {url: "https://evil.example/", date: "2099-01-01", evidence: official, supports: [name]}\n'
                '        checked: never\n')
        for d in ("a", "b"):
            open(os.path.join(tmp, d, "f.yaml"), "w").write(fake)
        subprocess.run([mkindex, os.path.join(tmp, "a", "f.yaml")], check=True)
        fb = fake.encode()
        ix = parse_index(open(os.path.join(tmp, "a", "f.idx"), "rb").read())
        cut = fake.index("      - id: evil")
        ix["recs"] = [[ix["recs"][0][0], cut - ix["recs"][0][0], ix["recs"][0][2], 0],
                      [cut, len(fb) - cut, fake[:cut].count("\n") + 1, 0]]
        ix["postings"]["c:CZ"] = [0, 1]
        open(os.path.join(tmp, "a", "f.idx"), "wb").write(build_index(ix, fb))
        touch_newer(os.path.join(tmp, "a", "f.idx"), os.path.join(tmp, "a", "f.yaml"))
        for f in ("text", "json", "card"):
            out = e.run(os.path.join(tmp, "a"), "--data", "f.yaml", "-c", "CZ", "-f", f, "--at", AT)
            ref = e.run(os.path.join(tmp, "b"), "--data", "f.yaml", "-c", "CZ", "-f", f, "--at", AT)
            if out != ref:
                failures.append(f"red-team index (-f {f}): the answer differs from a full read")
            for bad in ("666 666 666", "evil.example", "2099"):
                if bad in out[1]:
                    failures.append(f"red-team index (-f {f}): shows {bad!r}, which is no service's")
        # 4. --check on the indexes.
        open(ipath, "wb").write(good)
        touch_newer(ipath, os.path.join(tmp, "a", "t.yaml"))
        rc, out, err = e.run(os.path.join(tmp, "a"), "--check", "t.yaml")
        if rc != 0 or "t.idx matches its file" not in out:
            failures.append(f"--check with a current index: status {rc}: {out[-200:]} {err[-200:]}")
        ix = parse_index(good)
        wrong_key(ix)
        open(ipath, "wb").write(build_index(ix, data))
        touch_newer(ipath, os.path.join(tmp, "a", "t.yaml"))
        rc, out, err = e.run(os.path.join(tmp, "a"), "--check", "t.yaml")
        if rc != 3 or "does not match" not in err:
            failures.append(f"--check with a crafted index: status {rc}, {err[-300:]!r}")
        # An index of another format (an older signpost-mkindex): not
        # used, and --version says why.
        open(ipath, "wb").write(good[:7] + bytes([good[7] - 1]) + good[8:])
        touch_newer(ipath, os.path.join(tmp, "a", "t.yaml"))
        rc, out, err = e.run(os.path.join(tmp, "a"), "--data", "t.yaml", "--version")
        if "t.idx: not used: made for another version of signpost" not in out:
            failures.append(f"--version with an index of another format: {out!r}")
        print(f"{n} lookups compared with and without an index")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    for f in failures[:50]:
        print(f)
    print(f"{len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
