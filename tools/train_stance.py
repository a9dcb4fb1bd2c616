"""Train the stance head shipped in src/communique/stance/data/stance-head.npz.

    python tools/train_stance.py [--layers K] [--cache /tmp/communique-stance] [--out PATH]

Reads the train and dev parts of NewsMTSC-train (bench/_newsmtsc.py: split by story or
article, fixed by a hash; the test part is never read here — bench/stance.py reports on
it). Every (sentence, target) pair gets every feature block (communique.stance.BLOCKS;
MiniLM vectors of layer --layers, by default the encoder's LAYERS, are computed once and
cached under --cache, outside the repository); then
each variant — a set of blocks and a head (multinomial logistic regression or a one-layer
MLP, a few regularisation strengths) — is fitted on train and scored on dev (macro-F1),
the best is kept (or, when it reads one of issue 12's named sentences, NAMED, otherwise
than named, the best head tied with it — within TIED of its dev macro-F1 — that reads
them all right), its temperature is fitted on dev (least negative log-likelihood on a
grid), and its weights are written as plain numpy arrays. Deterministic: fixed seed, one
BLAS thread, the same input gives the same file.

Needs scikit-learn (requirements/dev.txt); communique itself needs only numpy to run it.
"""

from __future__ import annotations

import argparse
import dataclasses
import functools
import hashlib
import json
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import _newsmtsc  # noqa: E402

SEED = 13

#: The variants tried: (name, blocks, head kind, regularisation strengths).
_ALL = ("sent", "target", "window", "head", "clause", "parse")
_LEX = ("lex_head", "lex_window")
VARIANTS: tuple[tuple[str, tuple[str, ...], str, tuple[float, ...]], ...] = (
    ("sent+target/logreg", ("sent", "target"), "logreg", (0.003, 0.01, 0.03)),
    ("sent+target+window/logreg", ("sent", "target", "window"), "logreg", (0.003, 0.01, 0.03)),
    ("all/logreg", _ALL, "logreg", (0.0003, 0.001, 0.003)),
    ("sent+target/mlp", ("sent", "target"), "mlp", (3.0, 10.0)),
    ("all-but-clause/mlp", ("sent", "target", "window", "head", "parse"), "mlp", (3.0, 10.0)),
    ("all/mlp", _ALL, "mlp", (3.0, 10.0)),
    ("all+lex/logreg", (*_ALL, *_LEX), "logreg", (0.0003, 0.001, 0.003)),
    (
        "all-but-clause+lex/mlp",
        ("sent", "target", "window", "head", "parse", *_LEX),
        "mlp",
        (3.0, 10.0),
    ),
    ("all+lex/mlp", (*_ALL, *_LEX), "mlp", (3.0, 10.0)),
)

#: Issue 12's named sentences: (sentence, target, the polarity a head must read).
NAMED = (
    ("Peskov accused Washington of lying.", "Washington", "negative"),
    ("Moscow values its partnership with Beijing.", "Beijing", "positive"),
    (
        "Russia condemned the United States but thanked China for its support.",
        "United States",
        "negative",
    ),
    ("Russia condemned the United States but thanked China for its support.", "China", "positive"),
)

#: Heads whose dev macro-F1 is within this of the best are tied (the dev part's standard
#: error is about 0.012 on its 1,303 targets): the best of them that reads NAMED right
#: is kept.
TIED = 0.005

TEMPERATURES = tuple(round(0.5 + 0.02 * i, 2) for i in range(101))  # 0.50 … 2.50


def _digest(*paths: Path) -> str:
    h = hashlib.sha256()
    for p in paths:
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def block_matrix(part: str, cache: Path, layers: int) -> tuple[dict[str, np.ndarray], np.ndarray]:
    """Every feature block of every example of ``part``, and the labels; cached."""
    from communique.nlp import load_nlp
    from communique.stance import BLOCKS, LABELS, Encoder, pair_features

    pkg = ROOT / "src" / "communique" / "stance"
    files = ("_features.py", "_encoder.py", "_graph.py", "_model.py")
    key = _digest(_newsmtsc.DATA, *(pkg / f for f in files))
    path = cache / f"{part}-{key}-layers{layers}.npz"
    if path.exists():
        with np.load(path) as z:
            return {b: z[b] for b in BLOCKS}, z["y"]
    exs = list(_newsmtsc.examples(part))
    nlp = load_nlp()
    t0 = time.time()
    sentences = sorted({e.sentence for e in exs})
    docs = dict(zip(sentences, nlp.pipe(sentences, batch_size=64), strict=True))
    pairs = [(docs[e.sentence][:], [(e.start, e.end)]) for e in exs]
    x = pair_features(Encoder(layers=layers), pairs, BLOCKS)
    print(f"{part}: {len(exs)} targets featurised in {time.time() - t0:.0f}s", file=sys.stderr)
    sizes = {"parse": x.shape[1] - (len(BLOCKS) - 1) * 384}
    out, at = {}, 0
    for b in BLOCKS:
        n = sizes.get(b, 384)
        out[b] = x[:, at : at + n]
        at += n
    y = np.array([LABELS.index(e.label) for e in exs])
    cache.mkdir(parents=True, exist_ok=True)
    np.savez(path, y=y, **out)
    return out, y


def macro_f1(y: np.ndarray, p: np.ndarray, k: int = 3) -> float:
    f1s = []
    for c in range(k):
        tp = float(np.sum((p == c) & (y == c)))
        prec = tp / max(float(np.sum(p == c)), 1.0)
        rec = tp / max(float(np.sum(y == c)), 1.0)
        f1s.append(0.0 if tp == 0 else 2 * prec * rec / (prec + rec))
    return float(np.mean(f1s))


def fit(kind: str, strength: float, x: np.ndarray, y: np.ndarray) -> Any:
    from sklearn.linear_model import LogisticRegression
    from sklearn.neural_network import MLPClassifier

    if kind == "logreg":
        return LogisticRegression(C=strength, max_iter=3000, random_state=SEED).fit(x, y)
    return MLPClassifier(
        hidden_layer_sizes=(256,),
        alpha=strength,
        max_iter=300,
        early_stopping=True,
        validation_fraction=0.1,
        random_state=SEED,
    ).fit(x, y)


def layers_of(kind: str, clf: Any) -> tuple[tuple[np.ndarray, np.ndarray], ...]:
    if kind == "logreg":
        return ((clf.coef_.T.astype(np.float32), clf.intercept_.astype(np.float32)),)
    return tuple(
        (w.astype(np.float32), b.astype(np.float32))
        for w, b in zip(clf.coefs_, clf.intercepts_, strict=True)
    )


def nll(logits: np.ndarray, y: np.ndarray, t: float) -> float:
    from communique.stance import softmax

    p = softmax(logits / t)
    return float(-np.mean(np.log(p[np.arange(len(y)), y] + 1e-12)))


def _tempered(
    plain: Any, dev: dict[str, np.ndarray], y_dev: np.ndarray, n_train: int, layers: int
) -> tuple[Any, dict[str, Any]]:
    """The fitted head ``plain`` with its temperature fitted on dev, and what the file
    records of it."""
    logits = plain.logits(np.hstack([dev[b] for b in plain.blocks]))
    temperature = min(TEMPERATURES, key=lambda t: nll(logits, y_dev, t))
    meta: dict[str, Any] = {
        "encoder_layers": layers,
        "dev_nll_before": round(nll(logits, y_dev, 1.0), 4),
        "dev_nll_after": round(nll(logits, y_dev, temperature), 4),
        "train_targets": n_train,
        "dev_targets": len(y_dev),
        "seed": SEED,
        "tied_within": TIED,
        "data": "NewsMTSC train.jsonl, parts train (fit) and dev (selection, temperature)",
    }
    return dataclasses.replace(plain, temperature=temperature, encoder_layers=layers), meta


def misread(head: Any) -> list[str]:
    """The named sentences (NAMED) whose target ``head`` reads otherwise than named."""
    from communique.stance import StanceModel, shared_encoder

    nlp = _nlp()
    model = StanceModel(head=head, encoder=shared_encoder(head.encoder_layers))
    wrong = []
    for text, target, want in NAMED:
        start = text.index(target)
        (p,) = model.predict([(nlp(text)[:], [(start, start + len(target))])])
        if head.labels[int(p.argmax())] != want:
            wrong.append(f"{target} in {text!r}")
    return wrong


@functools.cache
def _nlp() -> Any:
    from communique.nlp import load_nlp

    return load_nlp()


def main(argv: list[str] | None = None) -> int:
    from threadpoolctl import threadpool_limits

    from communique.stance import LAYERS, WEIGHTS_PATH, Head

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cache", type=Path, default=Path("/tmp/communique-stance"))
    ap.add_argument("--out", type=Path, default=WEIGHTS_PATH)
    ap.add_argument("--layers", type=int, default=LAYERS, help="MiniLM layers the head reads")
    args = ap.parse_args(argv)
    if not _newsmtsc.DATA.exists():
        print(f"train_stance: {_newsmtsc.DATA} is absent", file=sys.stderr)
        return 2
    train, y_train = block_matrix("train", args.cache, args.layers)
    dev, y_dev = block_matrix("dev", args.cache, args.layers)
    results: list[tuple[float, str, float, Head]] = []  # dev macro-F1, variant, strength
    with threadpool_limits(limits=1):
        for name, blocks, kind, strengths in VARIANTS:
            xt = np.hstack([train[b] for b in blocks])
            xd = np.hstack([dev[b] for b in blocks])
            mean, scale = xt.mean(axis=0), xt.std(axis=0) + 1e-6
            for c in strengths:
                clf = fit(kind, c, (xt - mean) / scale, y_train)
                pred = clf.predict((xd - mean) / scale)
                f1 = macro_f1(y_dev, pred)
                acc = float(np.mean(pred == y_dev))
                print(f"{name:30s} {c:>6}: dev macro-F1 {f1:.3f}  accuracy {acc:.3f}")
                fitted = Head(
                    blocks, mean.astype(np.float32), scale.astype(np.float32), layers_of(kind, clf)
                )
                results.append((f1, name, c, fitted))
        # the best by dev macro-F1, unless it misreads a named sentence and a head tied
        # with it (within TIED) reads them all right: then the best such head
        results.sort(key=lambda r: -r[0])  # stable: ties keep VARIANTS' order
        kept: tuple[Head, dict[str, Any]] | None = None
        for f1, name, c, fitted in results:
            if f1 < results[0][0] - TIED:
                break
            head, meta = _tempered(fitted, dev, y_dev, len(y_train), args.layers)
            wrong = misread(head)
            print(f"{name} ({c}), dev macro-F1 {f1:.3f}: named sentences misread {wrong or 0}")
            meta.update(variant=name, strength=c, dev_macro_f1=round(f1, 4), misread=wrong)
            if kept is None or (kept[1]["misread"] and not wrong):
                kept = (head, meta)
            if not wrong:
                break
    assert kept is not None
    head, meta = kept
    if meta["misread"]:
        print(f"no head tied with the best reads the named sentences: {meta['misread']}")
    head = dataclasses.replace(head, meta=json.dumps(meta))
    head.save(args.out)
    print(
        f"kept {meta['variant']} (strength {meta['strength']}): dev macro-F1 "
        f"{meta['dev_macro_f1']:.3f}; temperature {head.temperature}"
    )
    print(json.dumps(meta))
    print(f"wrote {args.out} ({args.out.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
