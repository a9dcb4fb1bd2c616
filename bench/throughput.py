"""Throughput of the full pipeline against bare spaCy ``nlp.pipe`` on the same texts.

    python bench/throughput.py [--repeat 20] [--rounds 3] [--batch-size 32]

Each mode runs in its own process (so peak RSS is its own) over the same article texts:
the bundled samples plus the two seeds (when ../shared is there), repeated ``--repeat``
times; the modes are interleaved over ``--rounds`` rounds (bare, pipeline without the
stance stage, pipeline, bare, ...) and the medians reported, CPU time and wall time
both, with the load average: the machines are shared and noisy, and CPU time is what the
ratios are computed from. Prints articles/s and words/s (per CPU second), the
pipeline/bare ratio, what the stance stage adds to the pipeline's CPU time and peak RSS,
the declared stages' share of bare spaCy's time, and peak RSS. Record the table in
BENCHMARKS.md with the command that made it.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
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
        s = time.process_time()
        try:
            return stage.run(pipe, work)
        finally:
            totals[f"stage:{stage.name}"] += time.process_time() - s

    return Stage(stage.name, stage.needs, stage.gives, run)


def run_mode(mode: str, repeat: int, batch_size: int) -> dict[str, float]:
    from communique import Options, Pipeline
    from communique.pipeline import DEFAULT_STAGES

    articles = corpus(repeat)
    words = sum(len(a.text.split()) for a in articles)  # type: ignore[attr-defined]
    declared = [s for s in DEFAULT_STAGES if mode != "no-stance" or s.name != "stance"]
    stages = {f"stage:{s.name}": 0.0 for s in declared}
    timed = [_timed(s, stages) for s in declared]
    pipe = Pipeline(Options(batch_size=batch_size), stages=timed)
    t0, c0 = time.perf_counter(), time.process_time()
    if mode == "bare":
        import spacy

        from communique.nlp import MODEL_NAMES

        bare = spacy.load(MODEL_NAMES[0])  # the model as shipped, none of our components
        t0, c0 = time.perf_counter(), time.process_time()
        for _ in bare.pipe((a.text for a in articles), batch_size=batch_size):  # type: ignore[attr-defined]
            pass
    else:
        for out in pipe.analyze(articles, isolate=False):  # type: ignore[arg-type]
            assert not hasattr(out, "reason"), out  # a Failure: the bench must not hide one
    secs, cpu = time.perf_counter() - t0, time.process_time() - c0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "articles": len(articles),
        "words": words,
        "seconds": secs,
        "cpu": cpu,
        "rss_mb": rss,
        **stages,
    }


def _once(mode: str, args: argparse.Namespace) -> dict[str, float]:
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
    return dict(json.loads(out.strip().splitlines()[-1]))


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--repeat", type=int, default=20, help="times the corpus is repeated")
    ap.add_argument("--rounds", type=int, default=3, help="interleaved runs of each mode")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--mode", choices=["bare", "no-stance", "pipeline"], help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.mode:
        print(json.dumps(run_mode(args.mode, args.repeat, args.batch_size)))
        return
    print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    runs: dict[str, list[dict[str, float]]] = {"bare": [], "no-stance": [], "pipeline": []}
    for _ in range(args.rounds):  # interleaved: bare, no-stance, pipeline, bare, ...
        for mode in runs:
            runs[mode].append(_once(mode, args))
    print(f"load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")

    def med(mode: str, key: str) -> float:
        return statistics.median(r[key] for r in runs[mode])

    p = runs["pipeline"][0]
    print(
        f"corpus: {p['articles']} articles, {p['words']} words (samples + seeds x{args.repeat}), "
        f"batch {args.batch_size}, 1 process; medians of {args.rounds} interleaved rounds"
    )
    print(f"{'':<28}{'articles/s':>12}{'words/s':>12}{'CPU s':>8}{'wall s':>8}{'peak RSS MB':>13}")
    modes = (
        ("bare spaCy nlp.pipe (sm)", "bare"),
        ("pipeline without stance", "no-stance"),
        ("communique pipeline", "pipeline"),
    )
    for name, mode in modes:
        cpu = med(mode, "cpu")
        print(
            f"{name:<28}{p['articles'] / cpu:>12.1f}{p['words'] / cpu:>12.0f}{cpu:>8.2f}"
            f"{med(mode, 'seconds'):>8.2f}{med(mode, 'rss_mb'):>13.0f}"
        )
    ratios = sorted(
        p["cpu"] / b["cpu"] for b, p in zip(runs["bare"], runs["pipeline"], strict=True)
    )
    print(
        f"pipeline / bare CPU time ratio: {med('pipeline', 'cpu') / med('bare', 'cpu'):.2f} "
        f"(per round: {', '.join(f'{r:.2f}' for r in ratios)})"
    )
    added = sorted(
        p["cpu"] / n["cpu"] - 1 for n, p in zip(runs["no-stance"], runs["pipeline"], strict=True)
    )
    print(
        f"stance adds {100 * (med('pipeline', 'cpu') / med('no-stance', 'cpu') - 1):.0f}% CPU "
        f"time to the pipeline (per round: {', '.join(f'{100 * r:.0f}%' for r in added)}) "
        f"and {med('pipeline', 'rss_mb') - med('no-stance', 'rss_mb'):.0f} MB peak RSS"
    )
    bare_cpu = med("bare", "cpu")
    names = [k for k in p if k.startswith("stage:")]
    print(
        "stage CPU time as % of bare spaCy CPU time: "
        + ", ".join(f"{k[6:]} {100 * med('pipeline', k) / bare_cpu:.1f}%" for k in names)
    )


if __name__ == "__main__":
    main()
