"""Target-dependent stance on the held-out test part of NewsMTSC-train (issue 12).

    python bench/stance.py [--part test] [--bins 10]
    python bench/stance.py --defences > defences.jsonl   # to label; sets stance.DEFENDED

The part is fixed by bench/_newsmtsc.py (split by story / article; tools/train_stance.py
fits on train and chooses on dev and never reads test). In the same run, on the same
targets: communique's stance model; VADER's compound score of the whole sentence
(negative ≤ -0.05 < neutral < 0.05 ≤ positive, VADER's own thresholds; it ignores the
target); and the majority class of the train part. Prints macro-F1 (the NewsMTSC metric),
accuracy and per-class F1, then a reliability table of the model's top probability
(binned confidence against accuracy, with the expected calibration error).

The model row is the head alone (what the gate in tests/gates/test_stance_gate.py holds).
"with defences" is what ``analyze`` gives: a target the sentence defends ("wrong to blame
X", stance._defence) gets DEFENDED. NewsMTSC labels how the words portray the target, not
what the holder thinks of it, so that row is listed with each defended target, not judged
by this data alone.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _newsmtsc

LABELS = ("negative", "neutral", "positive")

#: VADER's documented thresholds on the compound score.
VADER_NEG, VADER_POS = -0.05, 0.05


def f1s(gold: Sequence[str], pred: Sequence[str]) -> dict[str, float]:
    out = {}
    for c in LABELS:
        tp = sum(g == p == c for g, p in zip(gold, pred, strict=True))
        n_pred, n_gold = sum(p == c for p in pred), sum(g == c for g in gold)
        prec, rec = tp / max(n_pred, 1), tp / max(n_gold, 1)
        out[c] = 0.0 if tp == 0 else 2 * prec * rec / (prec + rec)
    return out


def macro_f1(gold: Sequence[str], pred: Sequence[str]) -> float:
    return float(np.mean(list(f1s(gold, pred).values())))


def accuracy(gold: Sequence[str], pred: Sequence[str]) -> float:
    return sum(g == p for g, p in zip(gold, pred, strict=True)) / max(len(gold), 1)


def model_probs(part: str, nlp: Any = None) -> tuple[list[str], np.ndarray, tuple[str, ...]]:
    """Gold labels and the shipped model's probabilities on ``part``."""
    gold, probs, labels, _ = _run(part, nlp)
    return gold, probs, labels


def _run(
    part: str, nlp: Any = None
) -> tuple[list[str], np.ndarray, tuple[str, ...], list[tuple[int, Any, Any]]]:
    """Gold labels, the head's probabilities, their labels, and the targets the sentence
    defends ((row, Defence, sentence) each) on ``part``."""
    from communique.nlp import load_nlp
    from communique.stance import StanceModel, defence_of

    exs = list(_newsmtsc.examples(part))
    nlp = nlp or load_nlp()
    sentences = sorted({e.sentence for e in exs})
    docs = dict(zip(sentences, nlp.pipe(sentences, batch_size=64), strict=True))
    model = StanceModel()
    probs = model.predict([(docs[e.sentence][:], [(e.start, e.end)]) for e in exs])
    defended = []
    for row, e in enumerate(exs):
        d = defence_of(docs[e.sentence][:], e.start, e.end)
        if d is not None:
            defended.append((row, d, docs[e.sentence]))
    return [e.label for e in exs], probs, model.head.labels, defended


def with_defences(
    probs: np.ndarray, labels: Sequence[str], defended: Sequence[tuple[int, Any, Any]]
) -> np.ndarray:
    """The probabilities analyze gives: DEFENDED for a target the sentence defends."""
    from communique.stance import DEFENDED

    out = probs.copy()
    for row, _, _ in defended:
        out[row] = [DEFENDED[label] for label in labels]
    return out


def vader(part: str) -> list[str]:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    sia = SentimentIntensityAnalyzer()
    out = []
    for e in _newsmtsc.examples(part):
        c = sia.polarity_scores(e.sentence)["compound"]
        out.append("negative" if c <= VADER_NEG else "positive" if c >= VADER_POS else "neutral")
    return out


def reliability(
    gold: Sequence[str], probs: np.ndarray, labels: Sequence[str], bins: int
) -> tuple[list[tuple[float, float, int, float, float]], float]:
    """(low, high, targets, mean confidence, accuracy) per confidence bin, and the ECE."""
    conf = probs.max(axis=1)
    pred = [labels[i] for i in probs.argmax(axis=1)]
    right = np.array([g == p for g, p in zip(gold, pred, strict=True)], dtype=float)
    lo = 1.0 / len(labels)
    edges = np.linspace(lo, 1.0, bins + 1)
    rows, ece = [], 0.0
    for i in range(bins):
        sel = (conf >= edges[i]) & ((conf < edges[i + 1]) if i < bins - 1 else (conf <= 1.0))
        n = int(sel.sum())
        if n:
            c, a = float(conf[sel].mean()), float(right[sel].mean())
            ece += n / len(gold) * abs(c - a)
            rows.append((float(edges[i]), float(edges[i + 1]), n, c, a))
    return rows, ece


#: Where ``--defences`` looks: every text of the development data and the samples.
SHARED = _newsmtsc.ROOT.parent / "shared" / "data"
SAMPLE_TEXTS = _newsmtsc.ROOT / "samples" / "text"


def corpus_texts() -> list[tuple[str, str]]:
    """(corpus, text) of every sentence or article body in ../shared/data and the text
    samples: NewsMTSC-train (all parts), PLOVER-GSR, PETRARCH2's tests, the AEB ground
    truth, the htmldate pages (their text by trafilatura, English only)."""
    import gzip
    import json

    import trafilatura

    out = []
    for line in (SHARED / "newsmtsc-train" / "train.jsonl").open(encoding="utf-8"):
        out.append(("newsmtsc", json.loads(line)["sentence_normalized"]))
    for name in ("plover-gsr", "petrarch2-unittests"):
        for line in (SHARED / name / "gold.jsonl").open(encoding="utf-8"):
            row = json.loads(line)
            out.append((name, row.get("text") or row.get("sentence") or ""))
    truth = json.loads((SHARED / "scrapinghub-aeb" / "ground-truth.json").read_text("utf-8"))
    out += [("aeb", v.get("articleBody", "")) for v in truth.values()]
    out += [("samples", p.read_text("utf-8")) for p in sorted(SAMPLE_TEXTS.glob("*.txt"))]
    for page in sorted((SHARED / "htmldate-bbaw" / "pages").glob("*.html.gz")):
        html = gzip.decompress(page.read_bytes()).decode("utf-8", "replace")
        text = trafilatura.extract(html, target_language="en")
        if text:
            out.append(("htmldate", text))
    return out


def scan_defences() -> int:
    """Every named target the sentence defends in corpus_texts(), one JSON line each, to
    label by hand: the labels set stance.DEFENDED (BENCHMARKS.md, Stance, "Defences")."""
    import json

    from communique.nlp import load_nlp
    from communique.stance import defence_of

    nlp = load_nlp()
    texts = corpus_texts()
    seen, sentences = set(), 0
    docs = nlp.pipe([t[:100_000] for _, t in texts], batch_size=16)
    for (corpus, _), doc in zip(texts, docs, strict=True):
        for sent in doc.sents:
            sentences += 1
            for ent in sent.ents:
                if ent.label_ not in ("PERSON", "ORG", "GPE", "NORP"):
                    continue
                d = defence_of(sent, ent.start_char, ent.end_char)
                if d is None or (sent.text, ent.text) in seen:
                    continue
                seen.add((sent.text, ent.text))
                row = {"corpus": corpus, "target": ent.text, "kind": d.kind}
                row |= {"attack": doc[d.attack].text, "cue": doc[d.cue].text, "sentence": sent.text}
                print(json.dumps(row, ensure_ascii=False), flush=True)
    print(f"{len(seen)} defended targets in {sentences} sentences", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--part", default="test", choices=("train", "dev", "test"))
    ap.add_argument("--bins", type=int, default=10)
    ap.add_argument(
        "--defences",
        action="store_true",
        help="list the targets defended in all of ../shared/data and the samples instead",
    )
    args = ap.parse_args(argv)
    if args.defences:
        return scan_defences()
    if not _newsmtsc.DATA.exists():
        print(f"stance: {_newsmtsc.DATA} is absent", file=sys.stderr)
        return 2
    t0 = time.time()
    gold, probs, labels, defended = _run(args.part)
    took = time.time() - t0
    ours = [labels[i] for i in probs.argmax(axis=1)]
    as_analyzed = with_defences(probs, labels, defended)
    majority = Counter(e.label for e in _newsmtsc.examples("train")).most_common(1)[0][0]
    rows = {
        "communique stance model": ours,
        "  with defences (analyze)": [labels[i] for i in as_analyzed.argmax(axis=1)],
        "VADER (sentence compound)": vader(args.part),
        f"majority class ({majority})": [majority] * len(gold),
    }
    groups = {e.group for e in _newsmtsc.examples(args.part)}
    print(
        f"NewsMTSC-train, part {args.part!r}: {len(gold)} targets in {len(groups)} "
        f"story/article groups; gold {dict(Counter(gold))}; model time {took:.0f}s"
    )
    print(f"{'':28s} macro-F1  accuracy   F1 neg   F1 neu   F1 pos")
    for name, pred in rows.items():
        f = f1s(gold, pred)
        print(
            f"{name:28s} {macro_f1(gold, pred):8.3f}  {accuracy(gold, pred):8.3f}  "
            f"{f['negative']:7.3f}  {f['neutral']:7.3f}  {f['positive']:7.3f}"
        )
    table, ece = reliability(gold, probs, labels, args.bins)
    print(f"\nreliability of the model's top probability ({args.bins} bins):")
    print("  confidence      targets  mean conf  accuracy")
    for lo, hi, n, c, a in table:
        print(f"  {lo:.2f}–{hi:.2f}  {n:10d}  {c:9.3f}  {a:8.3f}")
    print(f"expected calibration error: {ece:.3f}")
    ece_analyzed = reliability(gold, as_analyzed, labels, args.bins)[1]
    print(f"  with defences (analyze): {ece_analyzed:.3f}")
    print(f"\ntargets the sentence defends (stance._defence): {len(defended)}")
    for row, d, doc in defended:
        print(
            f"  gold {gold[row]}, head {ours[row]}; {d.kind}: {doc[d.attack].text!r} under "
            f"{doc[d.cue].text!r} | {doc.text[:140]}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
