"""Events on the story gold: news-style articles by eight invented outlets, each sentence
that states a political act labelled by writers who never saw the coder (source, target,
PLOVER type, date; tests/gold/stories/README.md). A second real-news-like check of the
event coder beside bench/events_real.py, on text written to the same guidelines in two
parts: TUNING (T stories) and HELD-OUT (H stories).

    python bench/events_stories.py [--gold DIR] [--errors N] [--split tune|held-out|all]

Scores, per part:
- recall: gold acts (with a target) for which an event emitted on the same article has an
  evidence sentence overlapping the gold sentence (as bench/events_real.py matches them)
  and the gold source and target codes (a person or body counts as its country; an IGO as
  its short name); ``typed`` also needs the PLOVER type.
- precision: emitted events (not in a headline: headlines are not labelled) with a source
  and a target code that equal a gold act of their sentence (``typed``: with its type
  too), over all such emitted events. The writers labelled every sentence stating one of
  the story's own acts, but not acts of other happenings told as background ("three days
  after Washington imposed sanctions"), so this is a lower bound.
- Symmetric acts (CONSULT, AGREE, COOPERATE: "Turkey and Iraq agreed") match in either
  direction: the writers labelled one direction, the coder emits both.
- no-target: emitted events without a target code, and the share of gold acts whose
  target is null.
- date right: of the gold acts found, the share with an event of the same day (or no
  date where the gold has none: the writers date an act only when the text tells it).
"""

from __future__ import annotations

import argparse
import functools
import json
import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from events_real import same_sentence

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold" / "stories"
#: PLOVER types of acts done together: a gold (A, B) matches an emitted (B, A).
SYMMETRIC = frozenset({"CONSULT", "AGREE", "COOPERATE"})
#: Gold IGO names that differ from the registry's codes: the UN's and the EU's organs are
#: the UN and the EU, as the gold guidelines name organisations by their short names.
_IGO_NAMES = {
    **dict.fromkeys(("UNO", "UNSC", "UNGA", "UNHRC"), "UN"),
    **dict.fromkeys(("EUR", "EUC", "EUCONS", "EUCO", "EUP", "EEAS"), "EU"),
}


@functools.cache
def _registry() -> Any:
    from communique.actors import Registry

    return Registry.load()


def _igo_of_role(role: str | None) -> str | None:
    """The IGO a role is held in: "Secretary General of NATO" → NATO, "EU High
    Representative for Foreign Affairs and Security Policy" → EU."""
    m = re.search(r"\bof (?:the )?(.+)$", role or "")
    names = [m.group(1)] if m else []
    names += (role or "").split()[:1]  # the organisation named before the office
    for e in (e for name in names for e in _registry().lookup(name)):
        if e.id.startswith("igo:"):
            short = e.id.split(":", 1)[1]
            return _IGO_NAMES.get(short, short)
    return None


def gold_code(actor: Any) -> str | None:
    """An actor as the gold writes it: a state's (or its people's) ISO code, an IGO's (or
    its officers') short name."""
    if actor is None:
        return None
    if actor.id.startswith("igo:"):
        short = actor.id.split(":", 1)[1]
        return _IGO_NAMES.get(short, short)
    if actor.code == "IGO":
        return _igo_of_role(actor.role)
    return actor.country or (actor.code if actor.code not in ("IGO", "NGO") else None)


def load(gold: Path, part: str) -> list[dict[str, Any]]:
    path = gold / f"{part}_articles.jsonl"
    if not path.exists():
        sys.exit(f"{path} is absent: the story gold is written by tests/gold/stories/README.md")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def emitted(pipe: Any, arts: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Article id → its emitted events, flattened."""
    from communique import Failure
    from communique.clean import Given, to_article
    from communique.records import Document

    articles = []
    for a in arts:
        doc = Document(a["id"], a["text"], "text/plain")
        art = to_article(
            doc,
            pipe.outlets,
            Given(url=a["url"], outlet=a["outlet"], published=a["published"], title=a["title"]),
        )
        if isinstance(art, Failure):
            sys.exit(f"{a['id']}: {art.reason}")
        articles.append((a["id"], art))
    out: dict[str, list[dict[str, Any]]] = {}
    analyses = pipe.analyze((x for _, x in articles), isolate=False)
    for (aid, _), an in zip(articles, analyses, strict=True):
        out[aid] = [
            {
                "sentence": e.evidence.text,
                "also": [s.text for s in e.also],
                "source": gold_code(an.actor(e.source_actor_id)),
                "target": gold_code(an.actor(e.target_actor_id)),
                "type": e.type,
                "trigger": e.trigger.text,
                "in_title": e.in_title,
                "date": e.date,
            }
            for e in an.events
            if not e.negated and not e.hypothetical
        ]
    return out


def _sentences(e: dict[str, Any]) -> list[str]:
    return [e["sentence"], *e["also"]]


def same_pair(e: dict[str, Any], g: dict[str, Any], gold_type: str = "plover") -> bool:
    """Same source and target, or reversed for a symmetric act (the gold's type under
    ``gold_type``)."""
    if (e["source"], e["target"]) == (g["source"], g["target"]):
        return True
    return (
        e["type"] in SYMMETRIC
        and g[gold_type] in SYMMETRIC
        and (e["target"], e["source"]) == (g["source"], g["target"])
    )


def dyad_rates(
    gold_n: int, found: int, typed: int, emitted_n: int, right: int, right_typed: int
) -> dict[str, Any]:
    """The gold count, recall and precision (plain and typed) of a gold's dyads, in the
    order the tables print them."""
    return {
        "gold": gold_n,
        "recall": found / gold_n if gold_n else 0.0,
        "typed recall": typed / gold_n if gold_n else 0.0,
        "emitted": emitted_n,
        "precision": right / emitted_n if emitted_n else 0.0,
        "typed precision": right_typed / emitted_n if emitted_n else 0.0,
    }


def score(arts: list[dict[str, Any]], out: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    gold_n = found = typed = dated = 0
    null_target = 0
    for a in arts:
        for g in a["acts"]:
            if g.get("target") is None:
                null_target += 1
                continue
            gold_n += 1
            cands = [
                e
                for e in out[a["id"]]
                if any(same_sentence(s, g["sentence"]) for s in _sentences(e)) and same_pair(e, g)
            ]
            found += bool(cands)
            typed += any(e["type"] == g["plover"] for e in cands)
            dated += any(e["date"] == g.get("date") for e in cands)
    emitted_n = right = right_typed = no_target = 0
    for a in arts:
        for e in out[a["id"]]:
            if e["in_title"]:
                continue
            if e["source"] is None or e["target"] is None:
                no_target += 1
                continue
            emitted_n += 1
            acts = [
                g
                for g in a["acts"]
                if any(same_sentence(s, g["sentence"]) for s in _sentences(e)) and same_pair(e, g)
            ]
            right += bool(acts)
            right_typed += any(g["plover"] == e["type"] for g in acts)
    return {
        "articles": len(arts),
        **dyad_rates(gold_n, found, typed, emitted_n, right, right_typed),
        "no-target out": no_target,
        "gold null target": null_target,
        "date right": dated / found if found else 0.0,
    }


def errors(arts: list[dict[str, Any]], out: dict[str, list[dict[str, Any]]], n: int) -> None:
    shown = 0
    for a in arts:
        for g in a["acts"]:
            if g.get("target") is None or shown >= n:
                continue
            got = [
                (e["source"], e["target"], e["type"], e["trigger"])
                for e in out[a["id"]]
                if any(same_sentence(s, g["sentence"]) for s in _sentences(e))
            ]
            if not any(x[:3] == (g["source"], g["target"], g["plover"]) for x in got):
                shown += 1
                print(f"- {a['id']}: {g['sentence']}")
                print(f"    gold {(g['source'], g['target'], g['plover'])}  got {got}")


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--split", choices=("tune", "held-out", "all"), default="all")
    ap.add_argument("--errors", type=int, default=0, help="list N missed acts of each part")
    args = ap.parse_args()
    from communique import Options, Pipeline

    pipe = Pipeline(Options(stance=False))
    parts = {"tune": "TUNING", "heldout": "HELD-OUT"}
    if args.split != "all":
        parts = {
            k: v for k, v in parts.items() if v == {"tune": "TUNING"}.get(args.split, "HELD-OUT")
        }
    rows = []
    for part, label in parts.items():
        arts = load(args.gold, part)
        out = emitted(pipe, arts)
        rows.append((label, score(arts, out)))
        if args.errors:
            print(f"## {label}: missed acts")
            errors(arts, out, args.errors)
    print_rows(rows)


def print_rows(rows: list[tuple[str, dict[str, Any]]]) -> None:
    """A markdown table of each part's scores."""
    keys = list(rows[0][1])
    print("| part | " + " | ".join(keys) + " |")
    print("|---|" + "---|" * len(keys))
    for label, r in rows:
        cells = [f"{v:.3f}" if isinstance(v, float) else str(v) for v in r.values()]
        print(f"| {label} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
