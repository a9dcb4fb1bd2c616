"""The scrapinghub article-extraction-benchmark metric and corpus reader.

Metric as in the benchmark's ``evaluate.py`` (see ``../shared/data/scrapinghub-aeb/PROVENANCE.md``):
``\\w+`` tokens (case kept) -> multiset of 4-gram shingles (a text shorter than four tokens
is one shingle); per document TP/FP/FN normalised to sum 1; precision and recall averaged
over documents; F1 = 2PR/(P+R) of the averages. Re-scoring the published reference outputs
reproduces the published table (trafilatura 2.0.0 0.958, html-text 0.665).
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "Page",
    "Score",
    "iter_pages",
    "load_ground_truth",
    "load_reference",
    "page_encoding",
    "score",
    "shingle_counts",
]

_TOKEN_RE = re.compile(r"\w+", re.UNICODE)
_META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
NGRAM_N = 4


@dataclass(frozen=True)
class Score:
    """Benchmark scores: averaged precision and recall, F1 of the averages, doc count."""

    precision: float
    recall: float
    f1: float
    n: int


@dataclass(frozen=True)
class Page:
    """One benchmark page: its id, decoded HTML, URL and ground-truth body."""

    id: str
    html: str
    url: str
    truth: str


def shingle_counts(text: str, n: int = NGRAM_N) -> Counter[str]:
    """Return the multiset of ``n``-token shingles of ``text`` (upstream ``_ngrams``)."""
    tokens = _TOKEN_RE.findall(text or "")
    out: Counter[str] = Counter()
    for i in range(max(1, len(tokens) - n + 1)):
        shingle = " ".join(tokens[i : i + n])
        if shingle:
            out[shingle] += 1
    return out


def tp_fp_fn(truth: str, pred: str) -> tuple[float, float, float]:
    """Per-document TP/FP/FN over shingles, normalised to sum 1 (all zero if empty)."""
    t = shingle_counts(truth)
    p = shingle_counts(pred)
    tp = fp = fn = 0
    for key in t.keys() | p.keys():
        tc, pc = t.get(key, 0), p.get(key, 0)
        tp += min(tc, pc)
        fp += max(0, pc - tc)
        fn += max(0, tc - pc)
    s = tp + fp + fn
    if s == 0:
        return 0.0, 0.0, 0.0
    return tp / s, fp / s, fn / s


def score(truth: Mapping[str, str], pred: Mapping[str, str]) -> Score:
    """Score predictions ``{id: body}`` against ``{id: body}`` truth (missing = empty)."""
    precisions: list[float] = []
    recalls: list[float] = []
    for key, true_text in truth.items():
        tp, fp, fn = tp_fp_fn(true_text, pred.get(key, "") or "")
        precisions.append(tp / (tp + fp) if tp + fp > 0 else 0.0)
        recalls.append(tp / (tp + fn) if tp + fn > 0 else 0.0)
    n = len(precisions)
    p = sum(precisions) / n if n else 0.0
    r = sum(recalls) / n if n else 0.0
    f1 = 2 * p * r / (p + r) if p + r > 0 else 0.0
    return Score(p, r, f1, n)


def load_ground_truth(data: Path) -> dict[str, tuple[str, str]]:
    """Return ``{id: (articleBody, url)}`` from ``ground-truth.json``."""
    raw = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    return {k: (v.get("articleBody", "") or "", v.get("url", "") or "") for k, v in raw.items()}


def load_reference(data: Path, name: str) -> dict[str, str]:
    """Return ``{id: articleBody}`` of a published extractor output (e.g. ``html-text``)."""
    raw = json.loads((data / "reference-outputs" / f"{name}.json").read_text(encoding="utf-8"))
    if isinstance(raw, dict) and "output" in raw and isinstance(raw["output"], dict):
        raw = raw["output"]
    return {k: (v.get("articleBody", "") or "") for k, v in raw.items()}


def page_encoding(data: bytes) -> str:
    """Encoding declared in the page's ``<meta>`` (first 4 kB), else ``utf-8``."""
    m = _META_CHARSET_RE.search(data[:4096])
    if m:
        name = m.group(1).decode("ascii", "replace").lower()
        try:
            "".encode(name)
        except LookupError:
            return "utf-8"
        return name
    return "utf-8"


def iter_pages(data: Path, limit: int | None = None) -> Iterator[Page]:
    """Yield benchmark pages in id order, HTML decoded with the declared encoding."""
    truth = load_ground_truth(data)
    for i, key in enumerate(sorted(truth)):
        if limit is not None and i >= limit:
            return
        blob = gzip.decompress((data / "html" / f"{key}.html.gz").read_bytes())
        html = blob.decode(page_encoding(blob), errors="replace")
        body, url = truth[key]
        yield Page(key, html, url, body)
