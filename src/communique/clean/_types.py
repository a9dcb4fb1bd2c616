"""Result types shared by the cleaners (HTML and plain text)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Removed:
    """A piece of the input that the cleaner cut, kept so nothing is silently lost.

    ``start``/``end`` are character offsets into the cleaner's *input* text (for plain
    text: the raw text; for HTML: the whole-page text the extractor saw, when known).
    """

    start: int
    end: int
    reason: str  # e.g. "navigation", "teaser", "share", "cookie", "credit", "promo", "legal", "dateline"
    text: str


@dataclass(frozen=True)
class Cleaned:
    """What a cleaner returns: the article body plus the metadata it could see."""

    text: str
    removed: tuple[Removed, ...] = ()
    title: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None  # ISO 8601 date or date-time, timezone when known
    published_evidence: str | None = None  # the string the date was read from
    url: str | None = None
    outlet_domain: str | None = None  # registrable domain the outlet was recognised from
    language: str | None = None
    extractor: str = ""  # which extractor produced ``text`` (trafilatura, fallback, text)
    notes: tuple[str, ...] = field(default_factory=tuple)
    # (start, end) in the cleaner's input of each kept paragraph, in ``text`` order; the
    # paragraphs are joined with "\n\n" so offsets in ``text`` map back to the input.
    kept_spans: tuple[tuple[int, int], ...] = ()
