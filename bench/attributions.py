"""Attribution accuracy on the statement-level gold of issue 11, side by side with textacy.

    python bench/attributions.py [--split tune|held-out|all] [--errors] [--no-textacy]

Gold: ``tests/gold/attributions.jsonl`` over the 12 articles of ``tests/gold/attrib/``
(guidelines in tests/gold/README.md, "Attribution gold (issue 11)"): one record per
statement, its content a list of parts, with the kind of attribution (say, speech_act,
according_to, nominal, colon, document) and the kind of source. Articles 01-09 are
TUNING, 10-12 HELD-OUT (scored once per change, never tuned on).

Every article runs through the real pipeline (``Pipeline.documents`` → ``articles`` →
``analyze``); gold parts are located in the cleaned text. A predicted quote matches a gold
statement at threshold T when the share of the gold parts' characters covered by the
predicted parts is at least T (one-to-one, best first). Scores:

- P/R/F1 at 0.3 and 0.8, overall and recall per kind (the kind is the gold's; predictions
  carry no gold kind, so precision is overall only);
- on statements matched at 0.3: speaker (the predicted speaker span overlaps the gold
  speaker mention), speaker actor (as bench/quotes.py judges it), source kind, and whether
  the statement came out as one quote (its parts all in the matched quote).

textacy's ``direct_quotations`` runs on the same cleaned texts (install it for the benchmark
only: ``pip install textacy``); each of its quotes is a one-part statement.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold" / "attributions.jsonl"
THRESHOLDS = (0.3, 0.8)
KINDS = ("say", "speech_act", "according_to", "nominal", "colon", "document")
#: Articles (by number) never tuned on.
HELD_OUT = frozenset({10, 11, 12})


def _bench_quotes() -> Any:
    """bench/quotes.py (locating gold strings, actor matching), loaded by path: the name
    ``quotes`` is also a test package and a communique subpackage."""
    name = "bench_quotes"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, Path(__file__).parent / "quotes.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module  # its dataclasses look their module up
        spec.loader.exec_module(module)
    return sys.modules[name]


qb = _bench_quotes()


def split_of(doc: str) -> str:
    return "held-out" if int(Path(doc).name[:2]) in HELD_OUT else "tune"


@dataclass
class Stmt:
    """A predicted statement: its parts and what was said of its source."""

    parts: list[tuple[int, int]]
    pred: Any  # qb.Pred of the first part (speaker, cue, actor)
    source_kind: str | None = None


@dataclass
class Gold:
    rec: dict[str, Any]
    parts: list[tuple[int, int]] = field(default_factory=list)
    speaker: tuple[int, int] | None = None

    @property
    def size(self) -> int:
        return sum(e - s for s, e in self.parts)


def overlap(g: Gold, p: Stmt) -> float:
    covered = sum(max(0, min(ge, pe) - max(gs, ps)) for gs, ge in g.parts for ps, pe in p.parts)
    return covered / max(1, g.size)


def match(golds: list[Gold], preds: list[Stmt], threshold: float) -> dict[int, int]:
    pairs = []
    for gi, g in enumerate(golds):
        if not g.parts:
            continue
        for pi, p in enumerate(preds):
            ov = overlap(g, p)
            if ov >= threshold:
                pairs.append((ov, gi, pi))
    pairs.sort(key=lambda x: (-x[0], x[1], x[2]))
    out: dict[int, int] = {}
    used: set[int] = set()
    for _ov, gi, pi in pairs:
        if gi not in out and pi not in used:
            out[gi] = pi
            used.add(pi)
    return out


@dataclass
class Tally:
    gold: Counter[str] = field(default_factory=Counter)  # per kind
    pred: int = 0
    hit_r: Counter[tuple[float, str]] = field(default_factory=Counter)
    hit_p: Counter[float] = field(default_factory=Counter)
    matched: int = 0
    speaker_ok: int = 0
    actor_ok: int = 0
    kind_ok: int = 0
    whole: int = 0
    multi: int = 0
    multi_whole: int = 0
    errors: list[str] = field(default_factory=list)


def score_doc(
    t: Tally, text: str, golds: list[Gold], preds: list[Stmt], registry: Any, label: str
) -> None:
    for g in golds:
        t.gold[g.rec["kind"]] += 1
    t.pred += len(preds)
    for th in THRESHOLDS:
        m = match(golds, preds, th)
        for gi in m:
            t.hit_r[(th, golds[gi].rec["kind"])] += 1
        t.hit_p[th] += len(m)
        if th != THRESHOLDS[0]:
            continue
        for gi, pi in m.items():
            g, p = golds[gi], preds[pi]
            t.matched += 1
            sp = p.pred.speaker
            t.speaker_ok += bool(
                g.speaker and sp and min(g.speaker[1], sp[1]) > max(g.speaker[0], sp[0])
            )
            t.actor_ok += qb.actor_matches(
                g.rec["speaker_actor"], p.pred, registry, g.rec.get("speaker_country")
            )
            t.kind_ok += p.source_kind == g.rec["source_kind"]
            whole = all(any(ps <= gs and ge <= pe for ps, pe in p.parts) for gs, ge in g.parts)
            t.whole += whole
            if len(g.parts) > 1:
                t.multi += 1
                t.multi_whole += whole
        for gi, g in enumerate(golds):
            if gi not in m:
                r = g.rec
                t.errors.append(f"{label} MISS {r['id']} [{r['kind']}/{r['cue']}] {r['content']}")
        hit = set(m.values())
        for pi, p in enumerate(preds):
            if pi not in hit:
                s, e = p.parts[0]
                t.errors.append(f"{label} FP [{p.pred.type}] {text[s:e][:100]!r}")


#: The kinds framed without say/tell (issue 11's "non-say kinds").
NOT_SAY = tuple(k for k in KINDS if k != "say")


def overall(t: Tally, threshold: float) -> tuple[float, float, float]:
    """Precision, recall and F1 over all statements at an overlap threshold."""
    tp_r = sum(t.hit_r[(threshold, k)] for k in KINDS)
    return qb.prf(t.hit_p[threshold], t.pred, tp_r, sum(t.gold.values()))


def kind_recall(t: Tally, threshold: float, kinds: tuple[str, ...]) -> float:
    """Recall over the gold statements of these kinds."""
    n = sum(t.gold[k] for k in kinds)
    return sum(t.hit_r[(threshold, k)] for k in kinds) / n if n else 0.0


def report(title: str, t: Tally) -> str:
    lines = [
        f"| {title} | gold | pred | P@0.3 | R@0.3 | F1@0.3 | P@0.8 | R@0.8 | F1@0.8 |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    a, b = overall(t, 0.3), overall(t, 0.8)
    lines.append(
        f"| all | {sum(t.gold.values())} | {t.pred} | {a[0]:.3f} | {a[1]:.3f} | {a[2]:.3f} "
        f"| {b[0]:.3f} | {b[1]:.3f} | {b[2]:.3f} |"
    )
    lines += ["", f"| {title}: recall by kind | gold | R@0.3 | R@0.8 |", "|---|---|---|---|"]
    for k in (*KINDS, "not say"):
        ks = NOT_SAY if k == "not say" else (k,)
        n = sum(t.gold[x] for x in ks)
        lines.append(
            f"| {k} | {n} | {kind_recall(t, 0.3, ks):.3f} | {kind_recall(t, 0.8, ks):.3f} |"
        )
    m = t.matched or 1
    lines += [
        "",
        f"On the {t.matched} statements matched at 0.3: speaker {t.speaker_ok / m:.3f}, "
        f"speaker actor {t.actor_ok / m:.3f}, source kind {t.kind_ok / m:.3f}, whole "
        f"statement in one quote {t.whole / m:.3f} (multi-part statements: "
        f"{t.multi_whole}/{t.multi}).",
    ]
    return "\n".join(lines)


def _gold(text: str, rec: dict[str, Any]) -> Gold:
    g = Gold(rec)
    for part, occ in zip(rec["content"], rec["content_occurrence"], strict=True):
        where = qb.locate_content(text, part, occ)
        if where is None:
            return Gold(rec)  # a part the cleaner dropped: the statement counts as missed
        g.parts.append(where)
    g.speaker = qb.locate_near(text, rec["speaker"], g.parts[0])
    return g


def ours(analysis: Any) -> list[Stmt]:
    out = []
    for q in analysis.quotes:
        if q.in_title:
            continue  # the gold annotates the body (headlines are among its traps)
        preds = qb.ours(q, analysis)
        out.append(Stmt([(p.start, p.end) for p in preds], preds[0], q.source_kind))
    return out


def evaluate(pipe: Any, split: str, with_textacy: bool) -> dict[str, Any]:
    from communique.records import Article

    by_doc: dict[str, list[dict[str, Any]]] = {}
    for line in GOLD.open(encoding="utf-8"):
        r = json.loads(line)
        if split in ("all", split_of(r["doc"])):
            by_doc.setdefault(r["doc"], []).append(r)
    files = sorted(str(ROOT / d) for d in by_doc)
    arts = {a.origin: a for a in pipe.articles(pipe.documents(files)) if isinstance(a, Article)}
    docs = sorted(by_doc)
    t0 = time.perf_counter()
    analyses = dict(
        zip(docs, pipe.analyze((arts[str(ROOT / d)] for d in docs), isolate=False), strict=True)
    )
    secs = time.perf_counter() - t0
    why = ""
    if with_textacy:
        try:
            import textacy  # noqa: F401
        except ImportError as exc:
            with_textacy, why = False, f"textacy is not installed ({exc})"
    ours_t, tx_t = Tally(), Tally()
    tx_fail: list[str] = []
    for d in docs:
        an = analyses[d]
        text = an.article.text
        golds = [_gold(text, r) for r in by_doc[d]]
        score_doc(ours_t, text, golds, ours(an), pipe.registry, Path(d).name[:2])
        if with_textacy:
            tx = qb.textacy_preds(pipe.nlp(text), an, tx_fail)
            stmts = [Stmt([(p.start, p.end)], p) for p in tx]
            score_doc(tx_t, text, golds, stmts, pipe.registry, Path(d).name[:2])
    return {
        "ours": ours_t,
        "textacy": tx_t if with_textacy else None,
        "why": why or "--no-textacy given",
        "textacy_failures": tx_fail,
        "docs": len(docs),
        "seconds": secs,
    }


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--split", choices=("tune", "held-out", "all"), default="tune")
    ap.add_argument("--errors", action="store_true", help="list misses and false positives")
    ap.add_argument("--no-textacy", action="store_true")
    args = ap.parse_args()
    if not GOLD.exists():
        sys.exit(f"{GOLD} is absent")
    from communique import Pipeline

    run = evaluate(Pipeline(), args.split, not args.no_textacy)
    t: Tally = run["ours"]
    print(
        f"split {args.split}: {sum(t.gold.values())} statements in {run['docs']} articles; "
        f"pipeline time {run['seconds']:.2f}s\n"
    )
    print(report("communique", t))
    if run["textacy"] is not None:
        print()
        print(report("textacy direct_quotations", run["textacy"]))
        if run["textacy_failures"]:
            print(f"\ntextacy raised on {len(run['textacy_failures'])} articles")
    else:
        print(f"\ntextacy: not run — {run['why']}")
    if args.errors:
        print()
        print("\n".join(t.errors))


if __name__ == "__main__":
    main()
