"""Fuzz the input path and ``analyze_text`` with Hypothesis for a time budget (issue 17).

    python bench/fuzz.py [--minutes 10]

Two targets, alternating until the budget is spent:

- **input path**: random bytes and random JSONL rows (any JSON in any field, lone
  surrogates, binary junk, markup fragments) through ``iter_documents`` on standard input
  and ``to_article``: each input must become Documents/Articles or Failures — any other
  exception is a crash;
- **analysis**: random texts made of news-like sentences, quote marks of every kind, colons,
  dashes, line breaks (the first line may be taken as the title), names of states and
  people, and random Unicode, through ``Pipeline.analyze_text`` with a random publication
  date: the library's own
  errors (``CommuniqueError``) are allowed; any other exception is a crash, and every span
  of every record must reproduce its text from the article's text or title.

Prints the number of examples tried per target, crashes and span mismatches (each with a
shortened repr of the input that caused it), the wall and CPU time and the load average.
Exit code 1 when anything broke."""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
import time
from typing import Any

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

WORDS = st.sampled_from(
    [
        "Russia",
        "Ukraine",
        "the United States",
        "China",
        "NATO",
        "Sergei Lavrov",
        "Dmitry Peskov",
        "President Xi Jinping",
        "the Kremlin",
        "said",
        "accused",
        "urged",
        "warned",
        "attacked",
        "met",
        "on Monday",
        "in 1967",
        "18 years after",
        "according to officials",
        "told reporters",
        "of",
        "to",
        "and",
        "not",
        "would",
        "whether",
        ":",
        ",",
        ".",
        "?",
        "—",
        '"',
        "“",
        "”",
        "«",
        "»",
        "'",
        "‘",
        "’",
        "\n",
        "\n\n",
        "(",
        ")",
    ]
)
SENTENCES = st.lists(WORDS | st.text(max_size=8), min_size=1, max_size=60).map(" ".join)
TEXTS = st.lists(SENTENCES, min_size=1, max_size=8).map(" ".join) | st.text(max_size=400)
JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False)
    | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=6,
)
ROWS = st.fixed_dictionaries(
    {},
    optional={
        k: JSON | st.just("\ud800") | TEXTS
        for k in ("text", "title", "url", "published", "outlet", "authors")
    },
)
RAW = (
    st.binary(max_size=600)
    | TEXTS.map(lambda t: t.encode("utf-8", "surrogatepass"))
    | st.lists(ROWS, max_size=4).map(
        lambda rows: "\n".join(json.dumps(r, ensure_ascii=False) for r in rows).encode(
            "utf-8", "surrogatepass"
        )
    )
)
DATES = st.none() | st.sampled_from(["2019-11-20", "2024-02-15", "1990-01-01", "not a date"])


class _Budget(Exception):
    """The time budget is spent: ends a Hypothesis run without it counting as a failure."""


def _short(x: Any) -> str:
    r = repr(x)
    return r if len(r) <= 160 else r[:157] + "..."


def _spans(a: Any) -> list[tuple[bool, Any]]:
    out = [(m.in_title, m.span) for m in a.mentions]
    for q in a.quotes:
        out += [(q.in_title, s) for s in (*q.content, q.sentence, q.speaker, q.cue, q.addressee)]
    for e in a.events:
        out += [
            (e.in_title, s)
            for s in (e.evidence, e.trigger, e.source, e.target, e.date_evidence, *e.also)
        ]
    for s in a.stance:
        out += [(s.in_title, x) for x in (s.target, s.evidence, s.holder)]
    return [(t, s) for t, s in out if s is not None]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--minutes", type=float, default=10.0, help="time budget (default 10)")
    args = ap.parse_args()

    from communique import Pipeline
    from communique.clean import Given, OutletTable, to_article
    from communique.errors import CommuniqueError
    from communique.records import Document
    from communique.sources import iter_documents

    pipe = Pipeline()
    outlets = OutletTable.load()
    crashes: list[str] = []
    mismatches: list[str] = []
    tried = {"input path": 0, "analysis": 0}
    end = time.monotonic() + args.minutes * 60
    t0, c0 = time.monotonic(), time.process_time()

    def check_input(data: bytes) -> None:
        tried["input path"] += 1
        try:
            for item in iter_documents(["-"], stdin=io.BytesIO(data)):
                if isinstance(item, Document):
                    to_article(item, outlets, Given())
        except Exception as exc:  # what we are looking for
            crashes.append(f"input path: {type(exc).__name__}: {exc} <- {_short(data)}")

    def check_analysis(text: str, published: str | None) -> None:
        tried["analysis"] += 1
        try:
            a = pipe.analyze_text(text, published=published)
        except CommuniqueError:
            return  # the library's own refusal (empty text, lone surrogate, ...)
        except Exception as exc:  # a crash
            crashes.append(f"analysis: {type(exc).__name__}: {exc} <- {_short(text)}")
            return
        for in_title, s in _spans(a):
            source = (a.article.title or "") if in_title else a.article.text
            if source[s.start : s.end] != s.text:
                mismatches.append(f"{_short(s)} in {_short(source)}")

    fuzz_settings = settings(
        max_examples=10**9,
        deadline=None,
        database=None,
        derandomize=False,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )

    @fuzz_settings
    @given(RAW)
    def run_inputs(data: bytes) -> None:
        check_input(data)
        if time.monotonic() > slice_end:
            raise _Budget

    @fuzz_settings
    @given(TEXTS, DATES)
    def run_analysis(text: str, published: str | None) -> None:
        check_analysis(text, published)
        if time.monotonic() > slice_end:
            raise _Budget

    rounds = 0
    while time.monotonic() < end:
        for target in (run_inputs, run_analysis):
            slice_end = min(end, time.monotonic() + 30)
            try:
                target()
            except _Budget:
                pass
            except Exception as exc:  # Hypothesis wraps what escaped
                crashes.append(f"runner: {type(exc).__name__}: {_short(str(exc))}")
            rounds += 1
    wall, cpu = time.monotonic() - t0, time.process_time() - c0

    print(f"fuzz: {args.minutes:g} min budget, {rounds} runs of 30 s, load {os.getloadavg()}")
    print("| target | examples |\n|---|---:|")
    for k, v in tried.items():
        print(f"| {k} | {v} |")
    print(f"crashes outside the library's errors: {len(crashes)}")
    print(f"span mismatches: {len(mismatches)}")
    print(f"wall {wall:.0f} s, CPU {cpu:.0f} s")
    for line in (crashes + mismatches)[:20]:
        print("  " + line)
    sys.exit(1 if crashes or mismatches else 0)


if __name__ == "__main__":
    main()
