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

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"


def corpus(repeat: int) -> list[object]:
    from communique import Pipeline
    from communique.records import Article

    pipe = Pipeline()
    paths = [str(ROOT / "samples")] + ([str(SEEDS)] if SEEDS.exists() else [])
    arts = [a for a in pipe.articles(pipe.documents(paths)) if isinstance(a, Article)]
    return [a for _ in range(repeat) for a in arts]


def run_mode(mode: str, repeat: int, batch_size: int) -> dict[str, float]:
    from communique import Options, Pipeline
    from communique.dates import parse_published
    from communique.events import code_events
    from communique.quotes import extract_quotes

    articles = corpus(repeat)
    words = sum(len(a.text.split()) for a in articles)  # type: ignore[attr-defined]
    pipe = Pipeline(Options(batch_size=batch_size))
    stages = {"actors": 0.0, "quotes": 0.0, "events": 0.0}
    t0 = time.perf_counter()
    if mode == "bare":
        import spacy

        from communique.nlp import MODEL_NAMES

        bare = spacy.load(MODEL_NAMES[0])  # the model as shipped, none of our components
        t0 = time.perf_counter()
        for _ in bare.pipe((a.text for a in articles), batch_size=batch_size):  # type: ignore[attr-defined]
            pass
    else:
        pairs = ((a.text, a) for a in articles)  # type: ignore[attr-defined]
        for doc, art in pipe.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
            day = parse_published(art.published)
            s = time.perf_counter()
            idx = pipe.resolver(doc, day)
            s1 = time.perf_counter()
            quotes = extract_quotes(doc, idx)
            s2 = time.perf_counter()
            code_events(doc, idx, quotes, day)
            s3 = time.perf_counter()
            stages["actors"] += s1 - s
            stages["quotes"] += s2 - s1
            stages["events"] += s3 - s2
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
