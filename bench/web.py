"""The web view on a store of 10,000 articles: how long each page takes to answer.

    python bench/web.py [--articles 10000] [--requests 40] [--keep DIR] [--db PATH] [--no-memo]

The store is synthetic: analysing 10,000 articles here would take hours, so samples/ is
analysed once (the real pipeline, stance included) and its analyses are written again
under new ids through ``Store.add`` — each copy with its own id, a publication date
spread over six years (its events' dates moved with it), and a last line of its own so
the full-text index holds 10,000 different documents — until the store holds
``--articles`` (``--db`` measures an existing store instead). The app then runs under
uvicorn on 127.0.0.1 and every page is asked for ``--requests`` times over HTTP (one
connection per request, as a browser's first visit), with varied ids and queries. Prints
the store's counts, the load average, and a table: page, p50, p95, max (ms of wall
time), and the CPU time the process (server and client) spent per request, p50 and p95:
on a shared machine under load the wall time says more about the neighbours. Record it in BENCHMARKS.md with
the command that made it.

The app keeps its dearest answers (a dyad's relation series, the busiest dyads) while the
store is unchanged, so a page asked for again is cheaper; ``--no-memo`` keeps nothing, and
every request pays what a first visit pays.

Stories: the copies are written through ``Store.add``, which does not group articles into
stories (``analyze`` does, at the end of a run), so the stories table of a built store holds
only the samples' stories. The stories pages are measured over those (the store's counts
line says how many): their times show the cost of a page, not of a 10,000-article stories
table. Grouping the copies would not help: copies of one sample a few days apart would chain
into stories years long.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import os
import random
import statistics
import sys
import tempfile
import threading
import time
import urllib.request
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
#: Publication dates of the copies run over this many days from 2019-01-01.
DAYS = 6 * 365


def _shift(d: str | None, precision: str | None, delta: timedelta) -> str | None:
    """An event date moved by ``delta`` at its own precision."""
    if not d:
        return d
    try:
        day = (
            date.fromisoformat(d[:10])
            if precision == "day"
            else date(int(d[:4]), int(d[5:7] or 1) if len(d) >= 7 else 1, 1)
        )
    except ValueError:
        return d
    moved = day + delta
    return (
        moved.isoformat()
        if precision == "day"
        else (moved.isoformat()[:7] if precision == "month" else str(moved.year))
    )


def build(db: Path, n: int) -> None:
    """Analyse samples/ into a fresh store, then copy its analyses until it holds ``n``."""
    from communique.pipeline import Options, Pipeline
    from communique.records import Analysis
    from communique.runner import analyze_into_store
    from communique.store import Store

    t0 = time.perf_counter()
    analyze_into_store(
        Pipeline(Options(outlets_files=(ROOT / "samples" / "outlets.csv",))),
        [str(ROOT / "samples")],
        str(db),
    )
    with Store.open(db) as store:
        originals = list(store.iter_analyses())
        start = date(2019, 1, 1)
        run = store.start_run(["bench/web.py"])
        have = len(originals)
        i = 0
        while have < n:
            an = originals[i % len(originals)]
            a = an.article
            new_day = start + timedelta(days=i * DAYS // n)
            old_day = date.fromisoformat((a.published or "2020-01-01")[:10])
            delta = new_day - old_day
            new_id = hashlib.sha256(f"{a.id}:{i}".encode()).hexdigest()[:16]
            article = dataclasses.replace(
                a,
                id=new_id,
                text=a.text + f"\n\nCopy {i} of {a.id}.",
                published=new_day.isoformat() + (a.published or "")[10:],
                origin=f"bench:{i}",
            )
            events = tuple(
                dataclasses.replace(e, date=_shift(e.date, e.date_precision, delta))
                for e in an.events
            )
            store.add(Analysis(article, an.actors, an.mentions, an.quotes, events, an.stance), run)
            have += 1
            i += 1
        store.finish_run(run, articles=have, skipped=0, failures=0)
    print(f"built {db} in {time.perf_counter() - t0:.0f}s", file=sys.stderr)


def pages(db: Path, rng: random.Random) -> dict[str, list[str]]:
    """The URLs asked for, per page: varied ids and queries."""
    from communique.store import Store

    with Store.open(db, read_only=True) as store:
        ids = [r[0] for r in store.query("SELECT id FROM articles ORDER BY random() LIMIT 200")]
        events = [
            (r[0], r[1])
            for r in store.query("SELECT article_id, id FROM events ORDER BY random() LIMIT 200")
        ]
        people = [
            r[0]
            for r in store.query(
                "SELECT DISTINCT speaker_actor_id FROM quotes WHERE speaker_actor_id LIKE 'person:%'"
            )
        ]
        stories = [r[0] for r in store.query("SELECT id FROM stories WHERE outlets > 1")] or [
            r[0] for r in store.query("SELECT id FROM stories")
        ]
        dyads = [
            (r[0], r[1])
            for r in store.query(
                """SELECT sa.code, ta.code FROM events e
                   JOIN actors sa ON sa.article_id = e.article_id AND sa.id = e.source_actor_id
                   JOIN actors ta ON ta.article_id = e.article_id AND ta.id = e.target_actor_id
                   WHERE sa.code != ta.code GROUP BY 1, 2 ORDER BY count(*) DESC LIMIT 6"""
            )
        ]
    words = ["talks", "sanctions", "Istanbul", "protest", '"South China Sea"', "energy", "minister"]
    kinds = [("RUS", "ACCUSE"), ("USA", ""), ("CHN", "CONSULT"), ("UKR", "")]
    pick = rng.choice
    per = 60
    return {
        "overview /": ["/"] * per,
        "search articles (words)": [f"/search?q={pick(words)}" for _ in range(per)],
        "search articles (words + outlet + dates)": [
            f"/search?q={pick(words)}&outlet=Kestrel+News&since=2020&until=2023" for _ in range(per)
        ],
        "search events (actor + type)": [
            "/search?kind=events&actor={}&type={}".format(*pick(kinds)) for _ in range(per)
        ],
        "search quotes (actor)": [f"/search?kind=quotes&actor={pick(people)}" for _ in range(per)],
        "article": [f"/article/{pick(ids)}" for _ in range(per)],
        "article with an event in focus": [
            "/article/{}?event={}".format(*pick(events)) for _ in range(per)
        ],
        "actor (state)": [f"/actor/{pick(['RUS', 'USA', 'CHN', 'UKR'])}" for _ in range(per)],
        "actor (person)": [f"/actor/{pick(people)}" for _ in range(per)],
        "dyads (busiest)": ["/dyad"] * per,
        "dyad chart (month, both ways)": [
            "/dyad?a={}&b={}&by=month&both=1".format(*pick(dyads)) for _ in range(per)
        ],
        "dyad chart, a period's acts": [
            "/dyad?a={}&b={}&by=year&both=1&period={}".format(*pick(dyads), rng.randint(2019, 2024))
            for _ in range(per)
        ],
        "stories (list)": ["/stories"] * per,
        "stories (outlet + since)": [
            f"/stories?outlet=Silk+Meridian&since={rng.randint(2019, 2024)}" for _ in range(per)
        ],
        "story (outlet comparison)": [f"/story/{pick(stories)}" for _ in range(per)],
    }


def measure(db: Path, requests: int, seed: int = 0, memo: bool = True) -> list[dict[str, Any]]:
    import uvicorn

    from communique.web import create_app

    sys.path.insert(0, str(ROOT / "tests" / "web"))
    from web_support import free_port

    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(
            create_app(db, **({} if memo else {"memo_size": 0})),
            host="127.0.0.1",
            port=port,
            log_level="warning",
        )
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    base = f"http://127.0.0.1:{port}"
    rows = []
    try:
        for name, urls in pages(db, random.Random(seed)).items():
            urllib.request.urlopen(base + quote(urls[0], safe="/?=&:+%")).read()  # warm it
            times, cpu = [], []
            for url in urls[:requests]:
                url = quote(url, safe="/?=&:+%")
                t, c = time.perf_counter(), time.process_time()
                with urllib.request.urlopen(base + url) as r:
                    r.read()
                    assert r.status == 200, url
                times.append((time.perf_counter() - t) * 1000)
                cpu.append((time.process_time() - c) * 1000)
            rows.append({"page": name, "n": len(times), **_stats(times), **_stats(cpu, "cpu_")})
    finally:
        server.should_exit = True
        thread.join(10)
    return rows


def _stats(ms: list[float], prefix: str = "") -> dict[str, float]:
    s = sorted(ms)
    return {
        prefix + "p50": statistics.median(s),
        prefix + "p95": s[min(len(s) - 1, round(0.95 * (len(s) - 1)))],
        prefix + "max": s[-1],
    }


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--requests", type=int, default=40)
    ap.add_argument("--keep", help="build the store in this folder and keep it")
    ap.add_argument("--db", help="measure this store instead of building one")
    ap.add_argument(
        "--no-memo", action="store_true", help="keep nothing between requests (first visits)"
    )
    args = ap.parse_args()
    if args.db:
        db = Path(args.db)
    else:
        folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="bench-web-"))
        folder.mkdir(parents=True, exist_ok=True)
        db = folder / "web.db"
        if not db.exists():
            build(db, args.articles)
    from communique.store import Store

    with Store.open(db, read_only=True) as store:
        counts = {
            t: store.query(f"SELECT count(*) FROM {t}")[0][0]
            for t in ("articles", "events", "quotes", "stance", "mentions", "stories")
        }
    print("store: " + ", ".join(f"{n:,} {t}" for t, n in counts.items()))
    load = os.getloadavg()[0]
    rows = measure(db, args.requests, memo=not args.no_memo)
    print("answers kept between requests: " + ("none (--no-memo)" if args.no_memo else "yes"))
    print(
        f"load average before: {load:.1f}, after: {os.getloadavg()[0]:.1f} ({os.cpu_count()} cores)"
    )
    width = max(len(r["page"]) for r in rows)
    print(f"| {'page':<{width}} | requests | p50 ms | p95 ms | max ms | CPU p50 ms | CPU p95 ms |")
    print(f"|{'-' * (width + 2)}|---------:|-------:|-------:|-------:|-----------:|-----------:|")
    for r in rows:
        print(
            f"| {r['page']:<{width}} | {r['n']:>8} | {r['p50']:>6.1f} | {r['p95']:>6.1f} "
            f"| {r['max']:>6.1f} | {r['cpu_p50']:>10.1f} | {r['cpu_p95']:>10.1f} |"
        )
    slow = [r["page"] for r in rows if r["p95"] >= 300]
    slow_cpu = [r["page"] for r in rows if r["cpu_p95"] >= 300]
    print(
        "every page under 300 ms at p95"
        if not slow
        else f"over 300 ms at p95 (wall): {', '.join(slow)}"
        + (f"; in CPU time: {', '.join(slow_cpu)}" if slow_cpu else "; none in CPU time")
    )


if __name__ == "__main__":
    main()
