"""Dyad queries and exports on a large store: time and peak memory.

    python bench/exports.py [--events 100000 20000] [--per-article 10]

Builds a synthetic store per size (articles of ``--per-article`` events between a dozen
states, written through ``Store.add`` as a run would), then runs each task in its own
process, so that its peak RSS is its own: a directed dyad query (``events --dyad USA:CHN
--format csv``), the GDELT layout export of every event, and the CSV table export. Prints
seconds and peak RSS per task and size: memory that stays flat as the store grows is
what streaming means. Record the table in BENCHMARKS.md with the command that made it.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CODES = ("USA", "CHN", "RUS", "UKR", "GBR", "FRA", "DEU", "IND", "IRN", "TUR", "JPN", "BRA")
TYPES = ("ACCUSE", "CONSULT", "SANCTION", "AGREE", "REJECT", "THREATEN")


def build(db: Path, events: int, per_article: int) -> None:
    from communique.records import Actor, Analysis, Article, Event, Span, article_id
    from communique.store import Store

    actors = tuple(Actor(c, c, "state", c, c, None) for c in CODES)
    with Store.open(db) as store:
        run = store.start_run(["bench/exports.py"])
        for n in range(events // per_article):
            text = f"Report {n}: " + " ".join(
                f"{CODES[(n + i) % 12]} acted towards {CODES[(n + 2 * i + 1) % 12]}."
                for i in range(per_article)
            )
            whole = Span(0, len(text), text)
            evs = tuple(
                Event(
                    i,
                    TYPES[(n + i) % len(TYPES)],
                    whole,
                    Span(0, 6, text[:6]),
                    CODES[(n + i) % 12],
                    CODES[(n + 2 * i + 1) % 12],
                    cameo="112",
                    quad="verbal_conflict",
                    intensity=-2.0,
                    date=f"20{10 + n % 15}-0{1 + n % 9}-1{n % 10}",
                    date_precision="day",
                )
                for i in range(per_article)
            )
            art = Article(
                article_id("Bench", text),
                text,
                url=f"https://bench.example/{n}",
                outlet="Bench",
                published=f"20{10 + n % 15}-0{1 + n % 9}-1{n % 10}T12:00Z",
            )
            store.add(Analysis(art, actors=actors, events=evs), run)


TASKS = {
    "events --dyad USA:CHN --format csv": ["events", "--dyad", "USA:CHN", "--format", "csv"],
    "export --format gdelt": ["export", "--format", "gdelt", "--out", "{tmp}/events.tsv"],
    "export --format csv": ["export", "--format", "csv", "--out", "{tmp}/csv"],
}


def task(db: str, name: str, tmp: str) -> dict[str, float]:
    """One task in this process: seconds and peak RSS (MB)."""
    from click.testing import CliRunner

    from communique.cli import cli

    args = [a.format(tmp=tmp) for a in TASKS[name]]
    start = time.perf_counter()
    res = CliRunner().invoke(cli, [*args[:1], "--db", db, *args[1:]])
    seconds = time.perf_counter() - start
    if res.exit_code:
        raise SystemExit(f"{name}: {res.output}")
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"seconds": seconds, "rss_mb": rss_mb}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--events", type=int, nargs="+", default=[100_000, 20_000])
    ap.add_argument("--per-article", type=int, default=10)
    ap.add_argument("--task", help=argparse.SUPPRESS)
    ap.add_argument("--db", help=argparse.SUPPRESS)
    ap.add_argument("--tmp", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.task:  # a child: one task, its numbers as JSON
        print(json.dumps(task(a.db, a.task, a.tmp)))
        return
    print("| events | task | seconds | peak RSS (MB) |\n|---:|---|---:|---:|")
    for size in sorted(a.events):
        with tempfile.TemporaryDirectory() as tmp:
            db = Path(tmp) / "bench.db"
            start = time.perf_counter()
            build(db, size, a.per_article)
            built = time.perf_counter() - start
            print(f"| {size:,} | build the store (Store.add) | {built:.1f} | |", flush=True)
            for name in TASKS:
                cmd = [sys.executable, __file__, "--task", name, "--db", str(db), "--tmp", tmp]
                out = json.loads(
                    subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
                )
                print(
                    f"| {size:,} | `{name}` | {out['seconds']:.2f} | {out['rss_mb']:.0f} |",
                    flush=True,
                )


if __name__ == "__main__":
    main()
