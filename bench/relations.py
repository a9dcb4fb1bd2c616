"""Relation series on a large store: time and peak memory.

    python bench/relations.py [--events 100000 20000] [--per-article 10] [--keep DIR]

Builds a synthetic store per size: articles of ``--per-article`` events among six states,
a third of them between the United States and China, dated over ten years, each act told
by one to three outlets on neighbouring days (so counting acts once has work to do), with
negated and hypothetical events among them; written through ``Store.add`` as a run would.
Then runs each task through the CLI in its own process, so its peak RSS is its own, and
prints the store's articles and events, seconds and peak RSS per task. Record the table in
BENCHMARKS.md with the command that made it.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CODES = ("USA", "CHN", "RUS", "UKR", "IND", "TUR")
#: type, quad class, Goldstein intensity
TYPES = (
    ("ACCUSE", "verbal_conflict", -2.0),
    ("CONSULT", "verbal_coop", 1.0),
    ("SANCTION", "material_conflict", -8.0),
    ("AGREE", "verbal_coop", 3.0),
    ("REJECT", "verbal_conflict", -4.0),
    ("AID", "material_coop", 7.4),
    ("THREATEN", "verbal_conflict", -6.0),
    ("ASSAULT", "material_conflict", -10.0),
)
OUTLETS = ("Kestrel News", "Gulf Lantern", "Volga Global", "The Calloway Ledger")


def _dyad(k: int) -> tuple[str, str]:
    """A third of the acts are USA -> CHN or CHN -> USA; the rest any pair of the six."""
    if k % 3 == 0:
        return ("USA", "CHN") if k % 2 else ("CHN", "USA")
    s = CODES[k % 6]
    return s, CODES[(k // 6 + 1 + k % 5) % 6] if CODES[(k // 6 + 1 + k % 5) % 6] != s else "IND"


def build(db: Path, events: int, per_article: int) -> int:
    """Write ``events`` events into a new store at ``db``; returns the number of articles."""
    from datetime import date, timedelta

    from communique.records import Actor, Analysis, Article, Event, Span, article_id
    from communique.store import Store

    actors = tuple(Actor(c, c, "state", c, c, None) for c in CODES)
    start = date(2015, 1, 1)
    articles = events // per_article
    with Store.open(db) as store:
        run = store.start_run(["bench/relations.py"])
        for n in range(articles):
            outlet = OUTLETS[n % len(OUTLETS)]
            evs = []
            sentences = []
            for i in range(per_article):
                # act k is told by up to three articles (n, n+1, n+2 share some acts)
                k = (n * per_article + i) // (1 + n % 3)
                src, tgt = _dyad(k)
                typ, quad, intensity = TYPES[k % len(TYPES)]
                sentences.append(f"{src} {typ.lower()} {tgt} (act {k}, report {n}.{i}).")
                when = start + timedelta(days=(k * 3) // 100 % 3650 + (n % 2))
                evs.append((i, typ, quad, intensity, src, tgt, when, k))
            text = " ".join(sentences)
            at = 0
            built = []
            for (i, typ, quad, intensity, src, tgt, when, k), sentence in zip(
                evs, sentences, strict=True
            ):
                span = Span(at, at + len(sentence), sentence)
                at += len(sentence) + 1
                built.append(
                    Event(
                        i,
                        typ,
                        span,
                        Span(span.start, span.start + 3, sentence[:3]),
                        src,
                        tgt,
                        cameo="112",
                        quad=quad,
                        intensity=intensity,
                        negated=k % 17 == 0,
                        hypothetical=k % 23 == 0,
                        date=when.isoformat(),
                        date_precision="day",
                    )
                )
            art = Article(
                article_id(outlet, text),
                text,
                url=f"https://bench.example/{n}",
                outlet=outlet,
                published=f"{evs[0][6].isoformat()}T12:00Z",
            )
            store.add(Analysis(art, actors=actors, events=tuple(built)), run)
    return articles


TASKS = {
    "relations USA CHN --by week --both": ["USA", "CHN", "--by", "week", "--both"],
    "relations USA CHN --by month --format json": ["USA", "CHN", "--format", "json"],
    "relations USA CHN --by quarter --plot chart.png": [
        "USA",
        "CHN",
        "--by",
        "quarter",
        "--plot",
        "{tmp}/chart.png",
    ],
    "relations --top 20": ["--top", "20"],
}


def task(db: str, name: str, tmp: str) -> dict[str, float]:
    """One task in this process: wall and CPU seconds (CPU time is what the task used,
    whatever else the machine runs), and peak RSS (MB)."""
    from click.testing import CliRunner

    from communique.cli import cli

    args = [a.format(tmp=tmp) for a in TASKS[name]]
    start, cpu = time.perf_counter(), time.process_time()
    res = CliRunner().invoke(cli, ["relations", "--db", db, *args])
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    if res.exit_code:
        raise SystemExit(f"{name}: {res.output}")
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"seconds": seconds, "cpu": cpu, "rss_mb": rss_mb}


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("--events", type=int, nargs="+", default=[100_000, 20_000])
    ap.add_argument("--per-article", type=int, default=10)
    ap.add_argument("--keep", help="build the stores in this directory and keep them")
    ap.add_argument("--task", help=argparse.SUPPRESS)
    ap.add_argument("--db", help=argparse.SUPPRESS)
    ap.add_argument("--tmp", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.task:  # a child: one task, its numbers as JSON
        print(json.dumps(task(a.db, a.task, a.tmp)))
        return
    print("load average at start: " + " ".join(f"{x:.2f}" for x in os.getloadavg()))
    print(
        "| articles | events | task | wall s | CPU s | peak RSS (MB) |\n"
        "|---:|---:|---|---:|---:|---:|"
    )
    for size in sorted(a.events):
        with tempfile.TemporaryDirectory() as tmp:
            db = Path(a.keep or tmp) / f"relations-{size}.db"
            if db.exists():
                from communique.store import Store

                with Store.open(db) as store:
                    articles = store.counts()["articles"]
            else:
                start = time.perf_counter()
                articles = build(db, size, a.per_article)
                built = time.perf_counter() - start
                print(
                    f"| {articles:,} | {size:,} | build the store | {built:.1f} | | |", flush=True
                )
            for name in TASKS:
                cmd = [sys.executable, __file__, "--task", name, "--db", str(db), "--tmp", tmp]
                out = json.loads(
                    subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
                )
                print(
                    f"| {articles:,} | {size:,} | `{name}` | {out['seconds']:.2f} "
                    f"| {out['cpu']:.2f} | {out['rss_mb']:.0f} |",
                    flush=True,
                )
    print("load average at end: " + " ".join(f"{x:.2f}" for x in os.getloadavg()))


if __name__ == "__main__":
    main()
