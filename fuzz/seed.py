#!/usr/bin/env python3
"""Builds the fuzz targets' seed corpora in fuzz/corpus/<target>/ from the scenarios in
tests/corpus/ and www/examples/ (index.json excluded): whole scenarios for the scenario targets,
every policy document inside them (prefixed by a kind byte) for the policy target, and share links
plus raw payloads (mode bytes, see fuzz_targets/link_decode.rs) for the link target."""
import base64, glob, hashlib, json, os, zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "fuzz", "corpus")
# Kind bytes as fuzz_targets/policy.rs maps them.
IDENTITY, TRUST, RESOURCE, SCP, RCP, BOUNDARY, SESSION = range(7)


def put(target, data):
    d = os.path.join(OUT, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, hashlib.sha1(data).hexdigest()), "wb") as f:
        f.write(data)


def policies(s):
    """(kind, document) for every inline policy document in a scenario."""
    for doc in (s.get("policies") or {}).values():
        yield IDENTITY, doc
    for key in ("users", "groups", "roles"):
        for e in s.get(key) or []:
            for p in e.get("policies") or []:
                yield IDENTITY, p
            if "boundary" in e:
                yield BOUNDARY, e["boundary"]
            if "trust" in e:
                yield TRUST, e["trust"]
    for r in s.get("resources") or []:
        if "policy" in r:
            yield RESOURCE, r["policy"]
    for a in s.get("accounts") or []:
        org = a.get("organization") or {}
        for key, kind in (("scps", SCP), ("rcps", RCP)):
            for level in org.get(key) or []:
                for p in level.get("policies") or []:
                    yield kind, p
    for q in s.get("requests") or []:
        p = (q.get("parameters") or {}).get("Policy")
        if p is not None:
            yield SESSION, p


def main():
    files = glob.glob(os.path.join(ROOT, "tests", "corpus", "*.json"))
    files += glob.glob(os.path.join(ROOT, "fuzz", "seeds", "*.json"))
    files += [f for f in glob.glob(os.path.join(ROOT, "www", "examples", "*.json"))
              if not f.endswith("index.json")]
    for path in sorted(files):
        raw = open(path, "rb").read()
        put("scenario_read", raw)
        put("scenario_run", raw)
        s = json.loads(raw)
        for kind, doc in policies(s):
            if isinstance(doc, dict):
                put("policy", bytes([kind]) + json.dumps(doc, indent=2).encode())
        compact = json.dumps(s, separators=(",", ":"), ensure_ascii=False).encode()
        c = zlib.compressobj(9, zlib.DEFLATED, -15)
        packed = c.compress(compact) + c.flush()
        link = "#s1." + base64.urlsafe_b64encode(packed).decode().rstrip("=")
        put("link_decode", b"\x00" + link.encode())
        put("link_decode", b"\x01" + compact)
    for kind in range(7):
        put("policy", bytes([kind]) + b'{"Version":"2012-10-17","Statement":[]}')
    print("seeded", {t: len(os.listdir(os.path.join(OUT, t))) for t in os.listdir(OUT)})


if __name__ == "__main__":
    main()
