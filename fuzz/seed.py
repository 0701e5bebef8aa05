#!/usr/bin/env python3
"""Builds the fuzz targets' seed corpora in fuzz/corpus/<target>/ from the scenarios in
tests/corpus/ and www/examples/ (index.json excluded): whole scenarios for the scenario targets,
every policy document inside them (prefixed by a kind byte) for the policy target, share links
plus raw payloads (mode bytes, see fuzz_targets/link_decode.rs) for the link target, and each
scenario (bench/fixtures/ too) with edits inside its requests, inside a policy and elsewhere for
the engine target (format in fuzz_targets/engine_edits.rs)."""
import base64, glob, hashlib, json, os, struct, zlib

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


# Flag bits as fuzz_targets/engine_edits.rs reads them.
JAPANESE, BRIEF, BASE_AGAIN, SWITCH_LANG, UTF8_BYTES = 1, 2, 4, 8, 16


def after(text, needle, start=0):
    """The byte offset just past `needle` in `text` from `start`; None when it is not there."""
    i = text.find(needle, start)
    return None if i < 0 else i + len(needle)


def requests_at(text):
    """Where the `requests` array's items begin (just past its `[`); None without one."""
    key = after(text, b'"requests"')
    return None if key is None else after(text, b"[", key)


def first_effect(text):
    """Where the first `"Allow"` effect before `requests` begins (a policy's text), else the
    first anywhere (a session policy in a request, or a policy after the requests)."""
    i = text.find(b'"Allow"', 0, requests_at(text) or len(text))
    i = i if i >= 0 else text.find(b'"Allow"')
    return None if i < 0 else i


def engine_seed(raw, flags, edits):
    """One engine_edits input: `edits` are functions from the current text to (position,
    bytes to delete, bytes to insert), or None to skip; each applies to the text before it."""
    out, text = bytes([flags]) + raw + b"\xff", raw
    for e in edits:
        got = e(text)
        if got is None:
            continue
        at, delete, insert = got
        assert at < 0x10000 and delete < 0x100 and len(insert) < 0x100
        out += struct.pack("<HBB", at, delete, len(insert)) + insert
        text = text[:at] + insert + text[at + delete:]
    return out


def request_space(t):
    """White space after the requests' `[`: the world is reused."""
    at = requests_at(t)
    return None if at is None else (at, 0, b"\n  ")


def request_action(t):
    """An `x` before the first request's action (an unknown service)."""
    req = requests_at(t)
    at = None if req is None else after(t, b'"action": "', req)
    return None if at is None else (at, 0, b"x")


def policy_effect(t):
    """The first `"Allow"` outside the requests made `"Deny"`: that policy compiled again."""
    at = first_effect(t)
    return None if at is None else (at, 7, b'"Deny"')


def policy_lines(t):
    """A new line after the first `"Statement":`: everything after it moves a line."""
    at = after(t, b'"Statement":')
    return None if at is None else (at, 0, b"\n")


def opening_space(t):
    """A space after the opening brace: only the first line moves."""
    return (1, 0, b" ")


def end_space(t):
    """A new line before the closing brace: the text after the requests changes."""
    at = t.rfind(b"}")
    return None if at < 0 else (at, 0, b"\n")


def break_end(t):
    """The closing brace deleted: not JSON, the last world stays."""
    at = t.rfind(b"}")
    return None if at < 0 else (at, 1, b"")


def mend_end(t):
    """The closing brace put back."""
    return (len(t), 0, b"}")


def engine_seeds(raw, n):
    lang = JAPANESE if n % 2 else 0
    put("engine_edits", engine_seed(raw, lang | BASE_AGAIN, [request_space, policy_effect, opening_space]))
    put("engine_edits", engine_seed(raw, BRIEF | (lang ^ JAPANESE), [request_action, end_space, policy_lines]))
    put("engine_edits", engine_seed(raw, SWITCH_LANG | UTF8_BYTES, [break_end, mend_end, request_space, policy_effect]))


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
    bench = glob.glob(os.path.join(ROOT, "bench", "fixtures", "*.json"))
    for n, path in enumerate(sorted(files + bench)):
        engine_seeds(open(path, "rb").read(), n)
    for kind in range(7):
        put("policy", bytes([kind]) + b'{"Version":"2012-10-17","Statement":[]}')
    print("seeded", {t: len(os.listdir(os.path.join(OUT, t))) for t in os.listdir(OUT)})


if __name__ == "__main__":
    main()
