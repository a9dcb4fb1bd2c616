"""HTML main-text extraction: trafilatura, a fallback, then our own line filter.

1. Pull-quote and kicker elements are dropped by class name (they repeat or label the
   article), then ``trafilatura.bare_extraction`` with ``favor_precision=True`` and comments
   off (chosen by measurement on scrapinghub-aeb, see ``bench/ingest.py``), tables kept and
   trafilatura's metadata pass off; the page is never fetched (we pass the HTML string;
   ``url`` is metadata only).
2. Metadata (title, date with time and offset, authors, canonical URL, language) comes from
   :func:`communique.clean._meta.page_metadata` (meta tags, JSON-LD, ``<time>``,
   ``<title>``/``<h1>``; the date chosen by :func:`communique.dates.choose_published`),
   with htmldate's extensive search only for pages without any date cue: this keeps
   extract_html at the speed of bare ``trafilatura.extract``.
3. When trafilatura yields less than ``MIN_TEXT_CHARS``, the recall-oriented trafilatura run,
   and then our plain-text cleaner over the whole-page text (``trafilatura.html2txt``).
4. Our line filter (:func:`communique.clean._text.clean_lines` without region search) cuts
   the furniture every extractor keeps: ``Also on rt.com ...`` teasers, share prompts,
   photo credits, datelines, repeated headlines. ``Removed`` offsets point into the
   extractor's text (the text the filter saw), not into the HTML.

Malformed input never raises: the result has empty ``text`` and a note saying why.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from .. import dates
from ._meta import PageMeta, page_metadata
from ._tags import bound_tags, element_end, iter_tags
from ._text import clean_lines, clean_text
from ._types import Cleaned

__all__ = ["extract_html"]

MIN_TEXT_CHARS = 250  # below this the precision run is retried for recall; tuned on aeb
MAX_HTML_CHARS = 20_000_000  # refuse pages larger than this (not an article)


def _trafilatura_run(html: str, url: str | None, *, precision: bool) -> Any:
    """One offline ``bare_extraction`` call; ``None`` when trafilatura finds nothing."""
    import trafilatura  # heavy import, deferred so importing communique stays cheap

    return trafilatura.bare_extraction(
        html,
        url=url,
        favor_precision=precision,
        favor_recall=not precision,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        deduplicate=False,
        # metadata comes from communique.clean._meta (regexes over the raw page): trafilatura's
        # own pass cost ~25% of the extraction time on aeb
        with_metadata=False,
    )


# Elements that repeat or label the article rather than belong to it, by the class names
# page templates commonly give them: pull-quotes (repeat a body quote), kickers (section label)
# (searched in the attributes of a blockquote, aside, span or p; a nested element of the same
# name ends the dropped one early, as a regular expression's first closing tag would)
_FURNITURE_CLASS_RE = re.compile(
    r"\bclass\s*=\s*[\"'][^\"']*\b(?:pull-?quote|kicker)\b", re.IGNORECASE
)
_FURNITURE_TAGS = ("blockquote", "aside", "span", "p")


def _strip_furniture(html: str) -> str:
    """Drop pull-quote and kicker elements (see ``_FURNITURE_CLASS_RE``); an unclosed one
    is kept. Linear in the page, however many unclosed openings it has."""
    if "quote" not in html and "kicker" not in html:
        return html
    parts: list[str] = []
    kept = 0  # html[kept:] is not yet copied
    unclosed: set[str] = set()  # names with no closing tag left after the scan's position
    pos = 0
    while True:
        tag = next(iter_tags(html, *_FURNITURE_TAGS, start=pos), None)
        if tag is None:
            break
        pos = tag.end
        if tag.name in unclosed or not _FURNITURE_CLASS_RE.search(tag.attrs):
            continue
        closed = element_end(html, tag)
        if closed is None:
            unclosed.add(tag.name)
            continue
        parts += [html[kept : tag.start], " "]
        kept = pos = closed[1]
    return "".join(parts) + html[kept:] if parts else html


def _whole_page_text(html: str) -> str:
    """All visible text of the page (for the plain-text cleaner fallback)."""
    import trafilatura

    return trafilatura.html2txt(html) or ""


def _meta(doc: Any, name: str) -> str | None:
    value = getattr(doc, name, None) if doc is not None else None
    return str(value) if value else None


def extract_html(html: str, *, url: str | None = None) -> Cleaned:
    """Extract the article body and metadata from an HTML page, offline.

    Returns :class:`Cleaned` with ``extractor`` naming the path taken (``trafilatura``,
    ``trafilatura-recall`` or ``text-fallback``); never raises on malformed HTML.
    """
    notes: list[str] = []
    if not isinstance(html, str) or not html.strip():
        return Cleaned(text="", url=url, extractor="none", notes=("empty HTML input",))
    if len(html) > MAX_HTML_CHARS:
        return Cleaned(text="", url=url, extractor="none", notes=("HTML too large",))
    # trafilatura logs every page it cannot parse; the note below carries that instead
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    html = bound_tags(html)  # no element's attributes may take quadratic time to parse
    doc: Any = None
    extractor = "trafilatura"
    body_html = _strip_furniture(html)
    try:
        doc = _trafilatura_run(body_html, url, precision=True)
        text = (_meta(doc, "text") or "").strip()
        if len(text) < MIN_TEXT_CHARS:
            retry = _trafilatura_run(body_html, url, precision=False)
            retry_text = (_meta(retry, "text") or "").strip()
            if len(retry_text) > len(text):
                doc, text, extractor = retry, retry_text, "trafilatura-recall"
    # trafilatura/lxml raise many exception types on broken markup; the caller decides
    except Exception as exc:
        notes.append(f"trafilatura failed: {type(exc).__name__}: {exc}")
        text = ""
    page = page_metadata(html, url)
    title = page.title
    if len(text) < MIN_TEXT_CHARS:
        try:
            page_text = _whole_page_text(html)
        except Exception as exc:
            notes.append(f"html2txt failed: {type(exc).__name__}: {exc}")
            page_text = ""
        fallback = clean_text(page_text) if page_text else None
        if fallback is not None and len(fallback.text) > len(text):
            notes.append("trafilatura found too little text; used the plain-text cleaner")
            return _with_page(fallback, page, url, title, "text-fallback", notes)
    if not text:
        notes.append("no article text found in the HTML")
        return _with_page(Cleaned(text=""), page, url, title, extractor, notes)
    filtered = clean_lines(text, select_region=False, title=title)
    return _with_page(filtered, page, url, title, extractor, notes)


def _with_page(
    cleaned: Cleaned,
    page: PageMeta,
    url: str | None,
    title: str | None,
    extractor: str,
    notes: list[str],
) -> Cleaned:
    """A text-cleaner result with the page's own metadata taking precedence (a dateline
    in the text may still say which local day the page's UTC time stamp is)."""
    published = None
    if page.published:
        published = dates.Candidate(page.published, page.published_evidence or "html")
        if cleaned.published:
            text_date = dates.Candidate(cleaned.published, cleaned.published_evidence or "text")
            published = dates.local_day(published, [text_date])
    elif cleaned.published:
        published = dates.Candidate(cleaned.published, cleaned.published_evidence or "text")
    return Cleaned(
        text=cleaned.text,
        removed=cleaned.removed,
        title=title or cleaned.title,
        authors=page.authors,
        published=published.iso if published else None,
        published_evidence=published.evidence if published else None,
        url=page.url or url,
        outlet_domain=page.hostname or cleaned.outlet_domain,
        language=page.language,
        extractor=extractor,
        notes=(*notes, *cleaned.notes),
        kept_spans=cleaned.kept_spans,
    )
