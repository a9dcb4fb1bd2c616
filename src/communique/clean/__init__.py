"""Documents → articles: main text, title, outlet, publication date.

HTML goes through :func:`extract_html` (trafilatura with a fallback and our own final line
cleaner); plain text through :func:`clean_text`. Metadata given by the caller (``--url``,
``--outlet``, ``--published``, JSONL fields) wins over what the page or the text says;
publication dates, given or found, are normalised by :mod:`communique.dates`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import dates
from ..records import Article, Document, Failure, RemovedSpan, article_id, lone_surrogate
from ._html import extract_html
from ._meta import page_metadata
from ._mojibake import repair_mojibake
from ._outlets import Outlet, OutletTable, domain_of
from ._text import clean_text
from ._types import Cleaned, Removed

__all__ = [
    "Cleaned",
    "Given",
    "Outlet",
    "OutletTable",
    "Removed",
    "clean_text",
    "domain_of",
    "extract_html",
    "page_metadata",
    "repair_mojibake",
    "to_article",
]

#: Below this many characters of body text, a page (not a plain-text snippet) is reported as
#: "no article text".
MIN_ARTICLE_CHARS = 40
#: Plain text up to this long whose cleaning kept nothing is taken whole (a snippet).
SNIPPET_CHARS = 600


@dataclass(frozen=True)
class Given:
    """Metadata the user supplied for a document; it overrides what was found in it."""

    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    title: str | None = None


def to_article(
    doc: Document, outlets: OutletTable, given: Given | None = None
) -> Article | Failure:
    g = given or Given()
    meta = doc.meta
    bad = _not_unicode(doc, g)
    if bad:
        return Failure(doc.origin, bad)
    url = g.url or meta.get("url")
    # text mis-decoded upstream ("AndrÃ©s") is repaired first: the cleaner's cues ("©")
    # and everything after read the words as written
    content = repair_mojibake(doc.content)
    if doc.media_type == "text/html":
        cleaned = extract_html(content, url=url)
    else:
        cleaned = clean_text(content)
    text = cleaned.text.strip()
    snippet = (
        doc.media_type == "text/plain"
        and len(text) < MIN_ARTICLE_CHARS
        and len(content) <= SNIPPET_CHARS
        and (len(content.strip()) >= MIN_ARTICLE_CHARS or _sentences(content))
    )
    if snippet:
        # a snippet (a sentence or two given to analyze_text or on stdin) is not a page:
        # there is no furniture to cut, so it is the article as it stands, however short
        # when it reads as sentences ("Peskov accused Washington of lying.", not a
        # "Page not found" file)
        text = content.strip()
        cleaned = Cleaned(text=text, extractor="snippet")
    elif len(text) < MIN_ARTICLE_CHARS:
        why = "; ".join(cleaned.notes) or "the cleaner kept nothing that reads as article text"
        return Failure(doc.origin, f"no article text found ({why})")
    url = url or cleaned.url
    outlet = g.outlet or meta.get("outlet") or _outlet_name(outlets, url, cleaned)
    # every date enters through dates.normalise; an unreadable given date is dropped (the
    # page's or the text's own date is used instead), never stored as a fake date
    published = evidence = None
    if given_day := dates.normalise(g.published):
        published, evidence = given_day, "given: --published"
    elif field_day := dates.normalise(meta.get("published")):
        published, evidence = field_day, "given: input field 'published'"
    elif cleaned.published:
        published = cleaned.published
        evidence = cleaned.published_evidence or cleaned.extractor
    authors = meta.get("authors") or cleaned.authors
    if isinstance(authors, str):
        authors = [authors]
    return Article(
        id=article_id(outlet, text),
        text=text,
        url=url,
        outlet=outlet,
        title=g.title or meta.get("title") or cleaned.title,
        published=published,
        published_evidence=evidence,
        authors=tuple(str(a) for a in authors),
        language=cleaned.language or "en",
        origin=doc.origin,
        extractor=cleaned.extractor,
        removed=tuple(RemovedSpan(r.start, r.end, r.reason, r.text) for r in cleaned.removed),
    )


def _not_unicode(doc: Document, given: Given) -> str | None:
    """Why the document cannot be taken as text (a lone surrogate in it, its fields or the
    metadata given), or None."""
    fields: list[tuple[str, object]] = [("the text", doc.content)]
    fields += [(f"field {k!r}", v) for k, v in doc.meta.items()]
    fields += [
        (f"the given {k}", getattr(given, k)) for k in ("url", "outlet", "published", "title")
    ]
    for what, value in fields:
        values = value if isinstance(value, list | tuple) else [value]
        for v in values:
            if isinstance(v, str) and (at := lone_surrogate(v)) is not None:
                return (
                    f"{what} holds a lone surrogate ({v[at]!r}) at character {at}, which is "
                    "not valid Unicode; fix the input's encoding"
                )
    return None


def _sentences(text: str) -> bool:
    """Does a short text read as one or more sentences: two words or more, ending as a
    sentence ends?"""
    words = text.split()
    return (
        len(words) >= 2
        and any(c.isalpha() for c in text)
        and _SENTENCE_END.search(text) is not None
    )


_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s*$")


def _outlet_name(outlets: OutletTable, url: str | None, cleaned: Cleaned) -> str | None:
    for cue in (url, cleaned.outlet_domain):
        if cue:
            found = outlets.by_domain(cue)
            if found:
                return found.name
    for cue in (url, cleaned.outlet_domain):
        if cue:
            return domain_of(cue) or None
    return None
