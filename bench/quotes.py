"""Quote extraction accuracy on the gold set, side by side with textacy.

    python bench/quotes.py [--gold tests/gold/quotes.jsonl] [--errors] [--no-textacy]

Every document of the gold set (the 22 samples and, when ../shared is there, the two
seeds) runs through the real pipeline (``Pipeline.documents`` → ``articles`` →
``analyze``, outlets from samples/outlets.csv). Gold offsets refer to the raw files, so each
gold content string is located in the *cleaned* ``Article.text`` (the ``content_occurrence``
-th occurrence, or the last one when the cleaner dropped earlier copies such as pull-quotes;
white space and HTML entities are normalised when the exact string is not there). Gold
strings the cleaner dropped count as misses and are reported.

Scores (rows: gold/predicted type and overall):

- quote P/R/F1 at character overlap 0.3 and 0.8: overlap = |gold ∩ pred| / |gold| on the
  content spans; pairs are matched one-to-one, best overlap first, regardless of type.
  A row for type T counts gold quotes of type T for recall and predicted quotes of type T
  for precision; ``type`` is the share of matched gold quotes (at 0.3) given the right type.
- exact-span F1 of content, cue and speaker: a prediction counts when its span equals the
  gold span (cue and speaker: the gold string's occurrence nearest the gold content).
- speaker-actor accuracy on quotes matched at 0.3: the predicted actor's name against the
  gold ``speaker_actor`` (normalised, registry aliases accepted); gold null means the
  speaker must stay unresolved.

textacy's ``direct_quotations`` runs on the same cleaned texts (parsed by the same model)
and is scored the same way (its quotes are all direct; its speaker tokens are resolved
through our actor mentions). Install it for the benchmark only: ``pip install textacy``.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
import time
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
TYPES = ("direct", "mixed", "indirect")
THRESHOLDS = (0.3, 0.8)


@dataclass
class Pred:
    start: int
    end: int
    type: str
    cue: tuple[int, int] | None = None
    speaker: tuple[int, int] | None = None
    actor: str | None = None  # predicted actor name
    actor_id: str | None = None
    actor_code: str | None = None  # ISO3 / IGO / NGO of the predicted actor
    actor_kind: str | None = None


@dataclass
class Gold:
    rec: dict[str, Any]
    start: int = -1
    end: int = -1
    cue: tuple[int, int] | None = None
    speaker: tuple[int, int] | None = None


@dataclass
class Tally:
    gold: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    pred: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    # (threshold, kind, type) → count; kind "r" = matched gold, "p" = matched pred
    hit: dict[tuple[Any, ...], int] = field(default_factory=lambda: defaultdict(int))
    exact: dict[tuple[str, str, str], int] = field(default_factory=lambda: defaultdict(int))
    actor_ok: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    actor_n: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    type_ok: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    missing: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


# -- locating gold strings in the cleaned text ---------------------------------------------
def _occurrences(text: str, needle: str) -> list[int]:
    out, i = [], text.find(needle)
    while i >= 0:
        out.append(i)
        i = text.find(needle, i + 1)
    return out


def _loose(needle: str) -> re.Pattern[str]:
    parts = [re.escape(p) for p in html.unescape(needle).split()]
    return re.compile(r"\s+".join(parts))


def locate_content(text: str, content: str, occurrence: int) -> tuple[int, int] | None:
    starts = [(s, s + len(content)) for s in _occurrences(text, content)]
    if not starts:
        starts = [(m.start(), m.end()) for m in _loose(content).finditer(text)]
    if not starts:
        return None
    return starts[min(occurrence, len(starts) - 1)]


def locate_near(text: str, needle: str | None, near: tuple[int, int]) -> tuple[int, int] | None:
    """The occurrence of ``needle`` (as whole words) nearest the span ``near``."""
    if not needle:
        return None
    pat = _loose(needle).pattern
    if needle[:1].isalnum():
        pat = r"(?<!\w)" + pat
    if needle[-1:].isalnum():
        pat += r"(?!\w)"
    best: tuple[int, int] | None = None
    best_d = 10**9
    for m in re.finditer(pat, text):
        d = max(near[0] - m.end(), m.start() - near[1], 0)
        if d < best_d:
            best, best_d = (m.start(), m.end()), d
    return best


# -- names --------------------------------------------------------------------------------
def norm_name(name: str) -> str:
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    s = re.sub(r"^the\s+", "", s.replace("’", "'"))
    return re.sub(r"[^\w]+", " ", s).strip()


def actor_matches(
    gold_name: str | None, pred: Pred, registry: Any, gold_country: str | None = None
) -> bool:
    """Same actor: the same name, a registry alias of the predicted entry, or — for an
    organisation speaker — a body of the right state or organisation (gold "French Foreign
    Ministry", predicted "France diplomatic service", code FRA): communique resolves
    organisations a state does not list in its registry to that state's body by sector."""
    if gold_name is None:
        return pred.actor_id is None
    if pred.actor_id is None or pred.actor is None:
        return False
    if norm_name(gold_name) == norm_name(pred.actor):
        return True
    # a person learned from the text under a shorter form of the name ("Omar Touray" for
    # "Omar Alieu Touray")
    if (
        pred.actor_kind == "person"
        and pred.actor_id.startswith("learned:")
        and set(norm_name(pred.actor).split()) <= set(norm_name(gold_name).split())
    ):
        return True
    entries = registry.lookup(gold_name)
    if pred.actor_id.split(":GOV")[0] in {e.id for e in entries}:
        return True
    gold_is_person = any(e.kind == "person" for e in entries) or _looks_like_person(gold_name)
    return (
        not gold_is_person
        and pred.actor_kind != "person"
        and gold_country is not None
        and pred.actor_code == gold_country
    )


_ORG_WORDS = re.compile(
    r"\b(ministry|government|office|agency|force|forces|council|commission|committee|embassy|"
    r"department|army|military|chiefs|court|parliament|assembly|union|organi[sz]ation|party|"
    r"kremlin|administration|authorities|service|police|bank|fund|statement)\b",
    re.I,
)


def _looks_like_person(name: str) -> bool:
    return not _ORG_WORDS.search(name)


# -- scoring ------------------------------------------------------------------------------
def match(golds: list[Gold], preds: list[Pred], threshold: float) -> dict[int, int]:
    """Gold index → pred index, one-to-one, best overlap first."""
    pairs = []
    for gi, g in enumerate(golds):
        if g.start < 0:
            continue
        for pi, p in enumerate(preds):
            inter = min(g.end, p.end) - max(g.start, p.start)
            if inter <= 0:
                continue
            ov = inter / max(1, g.end - g.start)
            if ov >= threshold:
                pairs.append((ov, -abs(p.start - g.start), gi, pi))
    pairs.sort(reverse=True)
    out: dict[int, int] = {}
    used: set[int] = set()
    for _, _, gi, pi in pairs:
        if gi in out or pi in used:
            continue
        out[gi] = pi
        used.add(pi)
    return out


def score_doc(
    t: Tally, text: str, golds: list[Gold], preds: list[Pred], registry: Any, label: str
) -> None:
    for g in golds:
        t.gold[g.rec["type"]] += 1
    for p in preds:
        t.pred[p.type] += 1
    for th in THRESHOLDS:
        m = match(golds, preds, th)
        for gi, pi in m.items():
            t.hit[(th, "r", golds[gi].rec["type"])] += 1
            t.hit[(th, "p", preds[pi].type)] += 1
        if th == THRESHOLDS[0]:
            for gi, pi in m.items():
                g, p = golds[gi], preds[pi]
                gt = g.rec["type"]
                t.type_ok[gt] += p.type == gt
                t.actor_n[gt] += 1
                ok = actor_matches(
                    g.rec["speaker_actor"], p, registry, g.rec.get("speaker_country")
                )
                t.actor_ok[gt] += ok
                if not ok:
                    t.errors.append(
                        f"{label} ACTOR {g.rec['id']}: gold {g.rec['speaker']!r}→"
                        f"{g.rec['speaker_actor']!r}, pred "
                        f"{text[p.speaker[0] : p.speaker[1]] if p.speaker else None!r}→{p.actor!r}"
                    )
                for what, gs, ps in (
                    ("cue", g.cue, p.cue),
                    ("speaker", g.speaker, p.speaker),
                ):
                    if gs is not None and gs == ps:
                        t.exact[(what, "tp", gt)] += 1
                        t.exact[(what, "tpp", p.type)] += 1
            for gi, g in enumerate(golds):
                if gi not in m and g.start >= 0:
                    t.errors.append(
                        f"{label} MISS {g.rec['id']} [{g.rec['type']}] {g.rec['content'][:90]!r}"
                    )
            hit_p = set(m.values())
            for pi, p in enumerate(preds):
                if pi not in hit_p:
                    t.errors.append(f"{label} FP [{p.type}] {text[p.start : p.end][:90]!r}")
    spans = {(p.start, p.end): p for p in preds}
    for g in golds:
        p = spans.get((g.start, g.end))
        if p is not None:
            t.exact[("content", "tp", g.rec["type"])] += 1
            t.exact[("content", "tpp", p.type)] += 1
    for p in preds:
        t.exact[("cue", "np", p.type)] += p.cue is not None
        t.exact[("speaker", "np", p.type)] += p.speaker is not None
    for g in golds:
        t.exact[("cue", "ng", g.rec["type"])] += g.cue is not None
        t.exact[("speaker", "ng", g.rec["type"])] += g.speaker is not None


def prf(tp_p: int, n_p: int, tp_r: int, n_g: int) -> tuple[float, float, float]:
    p = tp_p / n_p if n_p else 0.0
    r = tp_r / n_g if n_g else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def rows(t: Tally) -> list[dict[str, Any]]:
    out = []
    for ty in (*TYPES, "all"):
        tys = TYPES if ty == "all" else (ty,)
        n_g = sum(t.gold[x] for x in tys)
        n_p = sum(t.pred[x] for x in tys)
        row: dict[str, Any] = {"type": ty, "gold": n_g, "pred": n_p}
        for th in THRESHOLDS:
            tp_r = sum(t.hit[(th, "r", x)] for x in tys)
            tp_p = sum(t.hit[(th, "p", x)] for x in tys)
            row[f"f{th}"] = prf(tp_p, n_p, tp_r, n_g)
        tp_r = sum(t.exact[("content", "tp", x)] for x in tys)
        tp_p = sum(t.exact[("content", "tpp", x)] for x in tys)
        row["content"] = prf(tp_p, n_p, tp_r, n_g)[2]
        for what in ("cue", "speaker"):
            tp_r = sum(t.exact[(what, "tp", x)] for x in tys)
            tp_p = sum(t.exact[(what, "tpp", x)] for x in tys)
            n_pp = sum(t.exact[(what, "np", x)] for x in tys)
            n_gg = sum(t.exact[(what, "ng", x)] for x in tys)
            row[what] = prf(tp_p, n_pp, tp_r, n_gg)[2]
        n = sum(t.actor_n[x] for x in tys)
        row["actor"] = sum(t.actor_ok[x] for x in tys) / n if n else 0.0
        row["typeacc"] = sum(t.type_ok[x] for x in tys) / n if n else 0.0
        out.append(row)
    return out


def table(title: str, t: Tally) -> str:
    head = (
        f"| {title} | gold | pred | P@0.3 | R@0.3 | F1@0.3 | P@0.8 | R@0.8 | F1@0.8 "
        "| content F1 | cue F1 | speaker F1 | speaker-actor acc | type acc |"
    )
    lines = [head, "|" + "---|" * 14]
    for r in rows(t):
        a, b = r["f0.3"], r["f0.8"]
        lines.append(
            f"| {r['type']} | {r['gold']} | {r['pred']} | {a[0]:.3f} | {a[1]:.3f} | {a[2]:.3f} "
            f"| {b[0]:.3f} | {b[1]:.3f} | {b[2]:.3f} | {r['content']:.3f} | {r['cue']:.3f} "
            f"| {r['speaker']:.3f} | {r['actor']:.3f} | {r['typeacc']:.3f} |"
        )
    return "\n".join(lines)


# -- inputs -------------------------------------------------------------------------------
def source_of(doc: str) -> tuple[Path, str | None]:
    """(file to read, '#line' suffix of the pipeline origin) for a gold ``doc``."""
    path, _, line = doc.partition("#")
    base = SEEDS / Path(path).name if path.startswith("seeds/") else ROOT / path
    return base, (f"#{int(line) + 1}" if line else None)  # pipeline JSONL lines count from 1


def ours(q: Any, analysis: Any) -> list[Pred]:
    """One prediction per content part: this gold annotates an interrupted quote as one
    record per continuous piece, and communique/2 gives one quote of several parts."""
    actor = analysis.actor(q.speaker_actor_id)
    return [
        Pred(
            part.start,
            part.end,
            q.type,
            (q.cue.start, q.cue.end) if q.cue else None,
            (q.speaker.start, q.speaker.end) if q.speaker else None,
            actor.name if actor else None,
            q.speaker_actor_id,
            actor.code if actor else None,
            actor.kind if actor else None,
        )
        for part in q.content
    ]


def _annotated_kind(q: Any) -> bool:
    """Is the quote of a kind these gold sets annotate? Their guidelines leave out reports
    whose complement is only an object or an infinitive with no quoted words ("urged Kyiv to
    …", "accused Washington of enlisting its allies"), which communique reports since
    issue 11 (``frame`` object / infinitive); tests/gold/attributions.jsonl scores those."""
    if q.in_title:
        return False  # these gold sets annotate the body only (headlines are not quotes)
    return not (q.frame in ("object", "infinitive") and q.type == "indirect")


_MARKS = "\"“”‘’«»„‚‹›'"


def textacy_preds(doc: Any, analysis: Any, failures: list[str]) -> list[Pred]:
    from textacy.extract import direct_quotations

    out = []
    try:
        triples = list(direct_quotations(doc))
    except ValueError as exc:  # textacy refuses a whole document with an odd mark count
        failures.append(str(exc).split(";")[0])
        return []
    for dq in triples:
        s, e = dq.content.start_char, dq.content.end_char
        while s < e and doc.text[s] in _MARKS:
            s += 1
        while e > s and doc.text[e - 1] in _MARKS:
            e -= 1
        sp = dq.speaker
        speaker = (sp[0].idx, sp[-1].idx + len(sp[-1].text)) if sp else None
        cue = (dq.cue[0].idx, dq.cue[-1].idx + len(dq.cue[-1].text)) if dq.cue else None
        actor_id = None
        if speaker:
            for m in analysis.mentions:
                if m.actor_id and m.span.start < speaker[1] and speaker[0] < m.span.end:
                    actor_id = m.actor_id
        actor = analysis.actor(actor_id)
        out.append(Pred(s, e, "direct", cue, speaker, actor.name if actor else None, actor_id))
    return out


@dataclass
class Run:
    ours: Tally
    textacy: Tally | None
    textacy_why: str  # why textacy did not run, if it did not
    textacy_failures: list[str]
    documents: int
    gold: int
    seconds: float
    skipped: list[str]


def load_gold(path: Path) -> dict[str, list[dict[str, Any]]]:
    by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for line in path.open(encoding="utf-8"):
        if line.strip():
            r = json.loads(line)
            by_doc[r["doc"]].append(r)
    return by_doc


def evaluate(pipe: Any, gold: Path, with_textacy: bool = True) -> Run:
    """Run the gold documents through ``pipe`` and score them (and textacy, if asked)."""
    from communique.records import Article

    by_doc = load_gold(gold)
    skipped = [d for d in by_doc if not source_of(d)[0].exists()]
    for d in skipped:
        del by_doc[d]
    files = sorted({str(source_of(d)[0]) for d in by_doc})
    articles: dict[str, Article] = {}
    for a in pipe.articles(pipe.documents(files)):
        if isinstance(a, Article) and a.origin:
            articles[a.origin] = a
        else:
            print(f"failed: {a}", file=sys.stderr)
    wanted: dict[str, Article] = {}
    for d in by_doc:
        path, suffix = source_of(d)
        origin = str(path) + (suffix or "")
        if origin not in articles:
            raise SystemExit(f"{d}: no article with origin {origin} (got {sorted(articles)})")
        wanted[d] = articles[origin]
    docs = list(by_doc)
    t0 = time.perf_counter()
    analyses = dict(zip(docs, pipe.analyze((wanted[d] for d in docs), isolate=False), strict=True))
    secs = time.perf_counter() - t0

    why = ""
    if with_textacy:
        try:
            import textacy  # noqa: F401
        except ImportError as exc:
            with_textacy = False
            why = f"textacy is not installed ({exc}); install it with `pip install textacy`"
    else:
        why = "--no-textacy given"
    parsed: dict[str, Any] = {}
    if with_textacy:
        parsed = dict(zip(docs, pipe.nlp.pipe(wanted[d].text for d in docs), strict=True))

    ours_t, tx_t = Tally(), Tally()
    tx_fail: list[str] = []
    for d in docs:
        text = wanted[d].text
        golds = []
        for r in by_doc[d]:
            g = Gold(r)
            where = locate_content(text, r["content"], r["content_occurrence"])
            if where is None:
                ours_t.missing.append(f"{r['id']}: {r['content'][:80]!r}")
            else:
                g.start, g.end = where
                g.cue = locate_near(text, r["cue"], where)
                g.speaker = locate_near(text, r["speaker"], where)
            golds.append(g)
        preds = [p for q in analyses[d].quotes if _annotated_kind(q) for p in ours(q, analyses[d])]
        score_doc(ours_t, text, golds, preds, pipe.registry, d)
        if with_textacy:
            tx = textacy_preds(parsed[d], analyses[d], tx_fail)
            score_doc(tx_t, text, golds, tx, pipe.registry, d)
    return Run(
        ours_t,
        tx_t if with_textacy else None,
        why,
        tx_fail,
        len(docs),
        sum(len(v) for v in by_doc.values()),
        secs,
        skipped,
    )


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--gold", type=Path, default=ROOT / "tests" / "gold" / "quotes.jsonl")
    ap.add_argument("--errors", action="store_true", help="list misses and false positives")
    ap.add_argument("--no-textacy", action="store_true")
    ap.add_argument("--json", action="store_true", help="print the overall row as JSON too")
    args = ap.parse_args()

    from communique import Options, Pipeline

    pipe = Pipeline(Options(outlets_files=(ROOT / "samples" / "outlets.csv",)))
    run = evaluate(pipe, args.gold, with_textacy=not args.no_textacy)
    for d in run.skipped:
        print(f"skipped {d}: {source_of(d)[0]} is absent")
    print(
        f"gold: {run.gold} quotes in {run.documents} documents; pipeline time "
        f"{run.seconds:.2f}s; gold strings not found in the cleaned text (counted as "
        f"misses): {len(run.ours.missing)}"
    )
    for m in run.ours.missing:
        print(f"  missing {m}")
    print()
    print(table("communique", run.ours))
    print()
    if run.textacy is not None:
        print(table("textacy direct_quotations", run.textacy))
        fails = "; ".join(sorted(set(run.textacy_failures)))
        print(
            f"textacy raised ValueError and returned nothing on {len(run.textacy_failures)} "
            f"of {run.documents} documents ({fails})"
        )
    else:
        print(f"textacy: not run — {run.textacy_why}")
    if args.errors:
        print()
        for e in run.ours.errors:
            print(e)
    if args.json:
        print(json.dumps(rows(run.ours)[-1]))


if __name__ == "__main__":
    main()
