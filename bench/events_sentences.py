"""Events on the sentence gold: single news sentences whose every political act a writer
who never saw the coder labelled (source, target, PLOVER type, negated, hypothetical;
tests/gold/sentences/README.md), in seventeen parts: TUNING (S001–S160), HELD-OUT
(S161–S240), HELD-OUT 2 (S241–S320, written in the twenty-fourth session after the
first held-out part had been scored for many changes), HELD-OUT 3 (S321–S400, written
in the twenty-fifth session after its first changes), HELD-OUT 4 (S401–S480, written in
the twenty-seventh session after its changes), TUNING 2 (S481–S640, written in the
twenty-ninth session to tune on), HELD-OUT 5 (S641–S720, written blind at that
session's end, after its changes), HELD-OUT 6 (S721–S800, written blind at the thirtieth
session's start), HELD-OUT 7 (S921–S1000, written blind at the thirty-second session's
start, in the manner of state and regional media), TUNING 3 (S1001–S1160, written the
same way right after it, to tune on), HELD-OUT 8 (S1161–S1240, in the same manner, written
blind at that session's end, after its changes), HELD-OUT 9 (S1241–S1320, wire, regional
and newspaper styles mixed, written blind in the thirty-third session); passages of two to four
sentences, whose acts' parties may be named in another sentence of the passage, written
in the twenty-sixth session: PASSAGES (P001–P060, held out) and PASSAGES TUNING
(P061–P120); and title-cased headlines, each run as the title of an article with no text,
written in the thirty-first session: HEADLINES TUNING (S801–S840) and HEADLINES (S841–S880,
held out) and HEADLINES 2 (S881–S920, held out: half in sentence case, written at
that session's end). The held-out parts are scored once per change as aggregates.

    python bench/events_sentences.py [--split tune|tune-2|tune-3|held-out|held-out-2|held-out-3|
                                      held-out-4|held-out-5|held-out-6|held-out-7|held-out-8|
                                      held-out-9|
                                      passages-tune|passages|headlines-tune|headlines|
                                      headlines-2|all]
                                     [--errors N]

Each record (a sentence or a passage) goes through the real pipeline (``nlp.pipe`` +
``Pipeline.analyze_doc``) with its own publication date. Actors count as the gold writes
them: a state's bodies, officials and people as its ISO code, an IGO and its officers as
its short name (as bench/events_stories.py maps them).

Scores, per part:
- recall: realised gold acts (not negated, not hypothetical) with a target for which a
  realised emitted event has the same source and target; ``typed`` also the PLOVER type.
  Acts done together (CONSULT, AGREE, COOPERATE) match in either direction.
- precision: realised emitted events with a source and a target that equal a realised
  gold act of their sentence (in a passage: of a sentence that states the event;
  ``typed``: with its type), over all such events. In a passage, recall also asks for
  the event in the sentence the gold act is labelled in.
- flags right: of the gold acts (any flags) an emitted event matches by dyad and type,
  the share whose negated and hypothetical flags are the gold's.
- quiet: of the sentences that state no act, the share on which nothing is emitted.
"""

from __future__ import annotations

import argparse
import bisect
import json
import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from events_stories import dyad_rates, gold_code, print_rows, same_pair

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold" / "sentences"
PARTS = {
    "tune": "TUNING",
    "tune2": "TUNING 2",
    "tune3": "TUNING 3",
    "heldout": "HELD-OUT",
    "heldout2": "HELD-OUT 2",
    "heldout3": "HELD-OUT 3",
    "heldout4": "HELD-OUT 4",
    "heldout5": "HELD-OUT 5",
    "heldout6": "HELD-OUT 6",
    "heldout7": "HELD-OUT 7",
    "heldout8": "HELD-OUT 8",
    "heldout9": "HELD-OUT 9",
    "passages_tune": "PASSAGES TUNING",
    "passages": "PASSAGES",
    "headlines_tune": "HEADLINES TUNING",
    "headlines": "HEADLINES",
    "headlines2": "HEADLINES 2",
}


def load(part: str, gold: Path = GOLD) -> list[dict[str, Any]]:
    path = gold / f"{part}.jsonl"
    if not path.exists():
        sys.exit(f"{path} is absent: the sentence gold is written by its README")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def emitted(pipe: Any, recs: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Record id → its emitted events (all of them, with their flags)."""
    from communique.records import Article

    out: dict[str, list[dict[str, Any]]] = {}
    pairs = [(r["text"], (r["id"], r["published"], r.get("headline"))) for r in recs]
    for doc, (rid, day, headline) in pipe.nlp.pipe(pairs, as_tuples=True, batch_size=64):
        if headline:  # a headline is an article's title, parsed as titles are
            article = Article(id=rid, text="", title=doc.text, published=day)
            an = pipe.analyze_doc(pipe.nlp(""), article, isolate=False)
        else:
            an = pipe.analyze_doc(doc, Article(id=rid, text=doc.text, published=day), isolate=False)
        starts = sentence_starts(doc.text)
        out[rid] = [
            {
                "source": gold_code(an.actor(e.source_actor_id)),
                "target": gold_code(an.actor(e.target_actor_id)),
                "type": e.type,
                "trigger": e.trigger.text,
                "negated": e.negated,
                "hypothetical": e.hypothetical,
                # the passage's sentences that state it (its evidence and ``also``)
                "sentences": {
                    bisect.bisect_right(starts, span.start) - 1 for span in (e.evidence, *e.also)
                },
            }
            for e in an.events
        ]
    return out


#: Where a passage's writer ended a sentence (tests/gold/sentences/README.md, passages):
#: after ". ! ?" (and a closing quote) before a capital, a digit or an opening quote.
_SENTENCE_END = re.compile(r'[.!?]["”]?(?=\s+["“]?[A-Z0-9]|$)')


def sentence_starts(text: str) -> list[int]:
    """The character offsets where the sentences of ``text`` start, as the passages'
    writer split them (spaCy splits all 60 passages the same way)."""
    return [0, *(m.end() for m in _SENTENCE_END.finditer(text) if m.end() < len(text))]


def _pair(e: dict[str, Any], g: dict[str, Any]) -> bool:
    """Same source and target, or reversed for an act done together; in a passage, in
    the sentence the gold says states it."""
    at = g.get("sentence")
    return same_pair(e, g, gold_type="type") and (at is None or at in e["sentences"])


def _realised(x: dict[str, Any]) -> bool:
    return not x.get("negated") and not x.get("hypothetical")


def score(recs: list[dict[str, Any]], out: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    gold_n = found = typed = 0
    flag_n = flag_right = 0
    quiet_n = quiet = 0
    emitted_n = right = right_typed = 0
    for r in recs:
        events = out[r["id"]]
        if not r["events"]:
            quiet_n += 1
            quiet += not events
        for g in r["events"]:
            same = [e for e in events if _pair(e, g) and e["type"] == g["type"]]
            if same:
                flag_n += 1
                flag_right += any(
                    (e["negated"], e["hypothetical"])
                    == (bool(g.get("negated")), bool(g.get("hypothetical")))
                    for e in same
                )
            if g.get("target") is None or not _realised(g):
                continue
            gold_n += 1
            cands = [e for e in events if _realised(e) and _pair(e, g)]
            found += bool(cands)
            typed += any(e["type"] == g["type"] for e in cands)
        for e in events:
            if not _realised(e) or e["source"] is None or e["target"] is None:
                continue
            emitted_n += 1
            acts = [g for g in r["events"] if _realised(g) and _pair(e, g)]
            right += bool(acts)
            right_typed += any(g["type"] == e["type"] for g in acts)
    return {
        "sentences": len(recs),
        **dyad_rates(gold_n, found, typed, emitted_n, right, right_typed),
        "flags right": flag_right / flag_n if flag_n else 0.0,
        "quiet": quiet / quiet_n if quiet_n else 0.0,
    }


def errors(recs: list[dict[str, Any]], out: dict[str, list[dict[str, Any]]], n: int) -> None:
    """The first ``n`` sentences whose emitted events differ from the gold."""

    def row(x: dict[str, Any]) -> tuple[Any, ...]:
        flags = (bool(x.get("negated")), bool(x.get("hypothetical")))
        return (x["source"], x["target"], x["type"], *flags)

    shown = 0
    for r in recs:
        gold = sorted((row(g) for g in r["events"]), key=str)
        got = sorted((row(e) for e in out[r["id"]]), key=str)
        if gold != got and shown < n:
            shown += 1
            print(f"- {r['id']}: {r['text']}")
            print(f"    gold {gold}")
            print(f"    got  {got}  {[e['trigger'] for e in out[r['id']]]}")


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument(
        "--split",
        choices=(
            "tune",
            "tune-2",
            "tune-3",
            "held-out",
            "held-out-2",
            "held-out-3",
            "held-out-4",
            "held-out-5",
            "held-out-6",
            "held-out-7",
            "held-out-8",
            "held-out-9",
            "passages-tune",
            "passages",
            "headlines-tune",
            "headlines",
            "headlines-2",
            "all",
        ),
        default="all",
    )
    ap.add_argument("--errors", type=int, default=0, help="list N differing sentences a part")
    args = ap.parse_args()
    from communique import Options, Pipeline

    pipe = Pipeline(Options(stance=False))
    wanted = {
        "tune": ["tune"],
        "tune-2": ["tune2"],
        "tune-3": ["tune3"],
        "held-out": ["heldout"],
        "held-out-2": ["heldout2"],
        "held-out-3": ["heldout3"],
        "held-out-4": ["heldout4"],
        "held-out-5": ["heldout5"],
        "held-out-6": ["heldout6"],
        "held-out-7": ["heldout7"],
        "held-out-8": ["heldout8"],
        "held-out-9": ["heldout9"],
        "passages-tune": ["passages_tune"],
        "passages": ["passages"],
        "headlines-tune": ["headlines_tune"],
        "headlines": ["headlines"],
        "headlines-2": ["headlines2"],
    }
    parts = {p: PARTS[p] for p in wanted.get(args.split, list(PARTS))}
    rows = []
    for part, label in parts.items():
        recs = load(part)
        out = emitted(pipe, recs)
        rows.append((label, score(recs, out)))
        if args.errors:
            print(f"## {label}: sentences that differ")
            errors(recs, out, args.errors)
    print_rows(rows)


if __name__ == "__main__":
    main()
