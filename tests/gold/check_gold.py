#!/usr/bin/env python3
"""Check the gold quote annotations in tests/gold/quotes.jsonl (stdlib only).

For every record: the document exists, `content` occurs in it at least
`content_occurrence + 1` times, and `cue`, `speaker` and `addressee` (when not null) occur in it.
Also checks the record schema (fields, types, unique ids, type values, ISO3/IGO country codes).
Prints counts by type and exits 1 on any error.

Documents are paths relative to the repository root, except:
  samples/jsonl/FILE.jsonl#N   the `text` field of line N (0-based) of that JSONL file
  seeds/NAME.txt               the seed articles, which are not part of the repository; they are
                               looked up in $COMMUNIQUE_SEEDS_DIR, ./seeds and ../shared/seeds.
                               Records on a seed that cannot be found are skipped with a warning
                               (an error with --strict).

Occurrences are counted with overlapping matches: occurrence k starts at the k-th position p
(0-based, in increasing order) with text.startswith(content, p).

Usage: python3 tests/gold/check_gold.py [--strict] [-v] [GOLD_FILE]
"""

import json
import os
import re
import sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
FIELDS = [
    "doc",
    "id",
    "type",
    "content",
    "content_occurrence",
    "cue",
    "speaker",
    "speaker_actor",
    "speaker_country",
    "addressee",
]
TYPES = ("direct", "indirect", "mixed")
COUNTRY = re.compile(r"^(?:[A-Z]{3})$")


def seed_dirs():
    dirs = []
    if os.environ.get("COMMUNIQUE_SEEDS_DIR"):
        dirs.append(os.environ["COMMUNIQUE_SEEDS_DIR"])
    dirs += [os.path.join(ROOT, "seeds"), os.path.join(os.path.dirname(ROOT), "shared", "seeds")]
    return dirs


def read_text(path):
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def load_doc(doc, cache):
    """Return the document text, or None if it is a seed that is not available.
    Raises ValueError for a malformed reference or a missing repository document."""
    if doc in cache:
        return cache[doc]
    if "#" in doc:
        path, _, n = doc.partition("#")
        if not n.isdigit():
            raise ValueError(f"bad line reference in {doc!r}")
        full = os.path.join(ROOT, path)
        if not os.path.isfile(full):
            raise ValueError(f"document not found: {path}")
        lines = read_text(full).split("\n")
        lines = [ln for ln in lines if ln.strip()]
        if int(n) >= len(lines):
            raise ValueError(f"{path} has no line {n}")
        text = json.loads(lines[int(n)])["text"]
    elif doc.startswith("seeds/"):
        text = None
        for d in seed_dirs():
            p = os.path.join(d, doc[len("seeds/") :])
            if os.path.isfile(p):
                text = read_text(p)
                break
    else:
        full = os.path.join(ROOT, doc)
        if not os.path.isfile(full):
            raise ValueError(f"document not found: {doc}")
        text = read_text(full)
    cache[doc] = text
    return text


def count_occurrences(text, s):
    n, i = 0, text.find(s)
    while i != -1:
        n += 1
        i = text.find(s, i + 1)
    return n


def main(argv):
    strict = "--strict" in argv
    verbose = "-v" in argv
    args = [a for a in argv if not a.startswith("-")]
    gold_path = args[0] if args else os.path.join(HERE, "quotes.jsonl")
    errors, warnings = [], []
    records = []
    with open(gold_path, encoding="utf-8") as f:
        for ln, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                records.append((ln, json.loads(line)))
            except json.JSONDecodeError as e:
                errors.append(f"line {ln}: invalid JSON ({e})")

    cache, seen_ids, skipped = {}, set(), Counter()
    checked = []
    for ln, r in records:
        where = f"line {ln} ({r.get('id', '?')})"
        missing = [k for k in FIELDS if k not in r]
        extra = [k for k in r if k not in FIELDS]
        if missing:
            errors.append(f"{where}: missing fields {missing}")
            continue
        if extra:
            errors.append(f"{where}: unknown fields {extra}")
        if r["id"] in seen_ids:
            errors.append(f"{where}: duplicate id")
        seen_ids.add(r["id"])
        if r["type"] not in TYPES:
            errors.append(f"{where}: type {r['type']!r} not in {TYPES}")
        for k in ("content", "cue", "speaker"):
            if not isinstance(r[k], str) or not r[k]:
                errors.append(f"{where}: {k} must be a non-empty string")
        if r["addressee"] is not None and (
            not isinstance(r["addressee"], str) or not r["addressee"]
        ):
            errors.append(f"{where}: addressee must be a non-empty string or null")
        if r["speaker_actor"] is not None and not isinstance(r["speaker_actor"], str):
            errors.append(f"{where}: speaker_actor must be a string or null")
        c = r["speaker_country"]
        if c is not None and not (c == "IGO" or COUNTRY.match(c)):
            errors.append(f"{where}: speaker_country {c!r} is not ISO3, 'IGO' or null")
        occ = r["content_occurrence"]
        if not isinstance(occ, int) or isinstance(occ, bool) or occ < 0:
            errors.append(f"{where}: content_occurrence must be an integer >= 0")
            continue
        if not all(isinstance(r[k], str) and r[k] for k in ("doc", "content", "cue", "speaker")):
            continue
        try:
            text = load_doc(r["doc"], cache)
        except (ValueError, KeyError, json.JSONDecodeError) as e:
            errors.append(f"{where}: {e}")
            continue
        if text is None:
            skipped[r["doc"]] += 1
            continue
        n = count_occurrences(text, r["content"])
        if n == 0:
            errors.append(f"{where}: content not found in {r['doc']}: {r['content'][:70]!r}")
        elif occ >= n:
            errors.append(
                f"{where}: content_occurrence {occ} but only {n} occurrence(s) in {r['doc']}"
            )
        for k in ("cue", "speaker", "addressee"):
            v = r[k]
            if isinstance(v, str) and v and v not in text:
                errors.append(f"{where}: {k} {v!r} not found in {r['doc']}")
        if r["type"] == "direct" and any(ch in r["content"] for ch in '"“”«»„'):
            warnings.append(f"{where}: direct quote content contains a double quote mark")
        checked.append(r)

    for doc, n in sorted(skipped.items()):
        msg = f"{doc}: document not available, {n} record(s) not checked"
        (errors if strict else warnings).append(msg)

    by_group = defaultdict(Counter)
    for _, r in records:
        if isinstance(r, dict) and "doc" in r and "type" in r:
            group = "seeds" if r["doc"].startswith("seeds/") else "samples"
            by_group[group][r["type"]] += 1
            by_group["all"][r["type"]] += 1
    docs = Counter(r.get("doc") for _, r in records if isinstance(r, dict))

    print(f"gold file: {os.path.relpath(gold_path, ROOT)}")
    print(f"records: {len(records)} in {len(docs)} documents; checked against text: {len(checked)}")
    for group in ("samples", "seeds", "all"):
        c = by_group[group]
        total = sum(c.values())
        if not total:
            continue
        share = (c["indirect"] + c["mixed"]) / total
        print(
            f"  {group:8s} total {total:4d}  direct {c['direct']:4d}  indirect {c['indirect']:4d}  "
            f"mixed {c['mixed']:4d}  (indirect+mixed {share:.0%})"
        )
    if verbose:
        for doc, n in sorted(docs.items()):
            print(f"    {n:3d}  {doc}")
    for w in warnings:
        print("WARNING:", w)
    for e in errors:
        print("ERROR:", e)
    if errors:
        print(f"FAILED: {len(errors)} error(s)")
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
