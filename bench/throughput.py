"""Throughput of the full pipeline against bare spaCy ``nlp.pipe`` on the same texts.

    python bench/throughput.py [--repeat 20] [--batch-size 32]

Each mode runs in its own process (so peak RSS is its own) over the same article texts:
the bundled samples plus the two seeds (when ../shared is there), repeated ``--repeat``
times. Prints articles/s, words/s, the pipeline/bare time ratio, a per-stage breakdown
and peak RSS. Record the table in BENCHMARKS.md with the command that made it.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"


def corpus(repeat: int) -> list[object]:
    from communique import Pipeline
    from communique.records import Article

    pipe = Pipeline()
    paths = [str(ROOT / "samples")] + ([str(SEEDS)] if SEEDS.exists() else [])
    arts = [a for a in pipe.articles(pipe.documents(paths)) if isinstance(a, Article)]
    return [a for _ in range(repeat) for a in arts]


def _timed(stage: Any, totals: dict[str, float]) -> Any:
    """The same declared stage, its time added to ``totals[stage.name]``."""
    from communique import Stage

    def run(pipe: Any, work: Any) -> Any:
        s = time.perf_counter()
        try:
            return stage.run(pipe, work)
        finally:
            totals[stage.name] += time.perf_counter() - s

    return Stage(stage.name, stage.needs, stage.gives, run)


def run_mode(mode: str, repeat: int, batch_size: int) -> dict[str, float]:
    from communique import Options, Pipeline
    from communique.pipeline import DEFAULT_STAGES

    articles = corpus(repeat)
    words = sum(len(a.text.split()) for a in articles)  # type: ignore[attr-defined]
    stages = {s.name: 0.0 for s in DEFAULT_STAGES}
    timed = [_timed(s, stages) for s in DEFAULT_STAGES]
    pipe = Pipeline(Options(batch_size=batch_size), stages=timed)
    t0 = time.perf_counter()
    if mode == "bare":
        import spacy

        from communique.nlp import MODEL_NAMES

        bare = spacy.load(MODEL_NAMES[0])  # the model as shipped, none of our components
        t0 = time.perf_counter()
        for _ in bare.pipe((a.text for a in articles), batch_size=batch_size):  # type: ignore[attr-defined]
            pass
    else:
        for out in pipe.analyze(articles, isolate=False):  # type: ignore[arg-type]
            assert not hasattr(out, "reason"), out  # a Failure: the bench must not hide one
    secs = time.perf_counter() - t0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"articles": len(articles), "words": words, "seconds": secs, "rss_mb": rss, **stages}


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--repeat", type=int, default=20, help="times the corpus is repeated")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--mode", choices=["bare", "pipeline"], help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.mode:
        print(json.dumps(run_mode(args.mode, args.repeat, args.batch_size)))
        return
    res = {}
    for mode in ("bare", "pipeline"):
        out = subprocess.run(
            [
                sys.executable,
                __file__,
                "--mode",
                mode,
                "--repeat",
                str(args.repeat),
                "--batch-size",
                str(args.batch_size),
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        res[mode] = json.loads(out.strip().splitlines()[-1])
    b, p = res["bare"], res["pipeline"]
    print(
        f"corpus: {p['articles']} articles, {p['words']} words (samples + seeds x{args.repeat}), batch {args.batch_size}, 1 process"
    )
    print(f"{'':<28}{'articles/s':>12}{'words/s':>12}{'seconds':>10}{'peak RSS MB':>13}")
    for name, r in (("bare spaCy nlp.pipe (sm)", b), ("communique pipeline", p)):
        print(
            f"{name:<28}{r['articles'] / r['seconds']:>12.1f}{r['words'] / r['seconds']:>12.0f}{r['seconds']:>10.2f}{r['rss_mb']:>13.0f}"
        )
    print(f"pipeline / bare time ratio: {p['seconds'] / b['seconds']:.2f}")
    extra = p["seconds"] - b["seconds"]
    print(
        "stage time as % of bare spaCy time: "
        + ", ".join(f"{k} {100 * p[k] / b['seconds']:.1f}%" for k in ("actors", "quotes", "events"))
        + f" (unaccounted {100 * (extra - p['actors'] - p['quotes'] - p['events']) / b['seconds']:.1f}%)"
    )


if __name__ == "__main__":
    main()
