"""Page metadata from HTML without a DOM: title, date, authors, URL, language.

trafilatura's metadata pass (``extract_metadata`` + htmldate) cost about a quarter of the
HTML extraction time on scrapinghub-aeb; the cues almost every article page carries sit in
``<meta>`` tags, ``<link rel="canonical">``, ``<title>`` and JSON-LD, which regular
expressions over the raw HTML read in well under a millisecond.

Dates: this module finds the candidates (published meta tags, JSON-LD ``datePublished``, a
``<time>`` marked as the publication time and not in a comment section or teaser list, and
the page's other ``<time>`` stamps as local-time hints); :mod:`communique.dates` normalises
them and chooses (URL path day first, then order of trust, UTC stamps moved to the local
day the page shows). Only a page without any date cue goes to htmldate's extensive search
(one more parse of that page; the quick search scored 0.866 against 0.906 on
htmldate-bbaw, see ``bench/dates.py``).
"""

from __future__ import annotations

import html as htmllib
import json
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from .. import dates
from ._tags import element_end, first_element, iter_tags

__all__ = ["PageMeta", "page_metadata"]

HEAD_SCAN_CHARS = 300_000  # meta tags are looked for in this much of the page
JSONLD_MAX_CHARS = 100_000  # JSON-LD blocks longer than this are skipped

_I = re.IGNORECASE | re.DOTALL
_ATTR_RE = re.compile(r"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", _I)
# searched in one tag's attributes (tags and elements are found by ._tags, in linear time)
_LANG_RE = re.compile(r"\blang\s*=\s*[\"']?([A-Za-z]{2,3})", _I)
_JSONLD_TYPE_RE = re.compile(r"application/ld\+json", _I)
_DATETIME_RE = re.compile(r"\bdatetime\s*=", _I)
# a <time> marked as the publication time (HTML5 pubdate, schema.org, microformats, CMS classes)
_PUBLISHED_TIME_RE = re.compile(r"\bpubdate\b|datepublished|published|dt-published|entry-date", _I)
# where a comment section or a teaser list starts, <time> elements are other articles' or
# readers' times: the id/class names templates give them
_COMMENTS_RE = re.compile(  # in the attributes of a div, section, ol, ul or aside
    r"\b(?:id|class)\s*=\s*[\"'](?:[^\"']*[\s_-])?"
    r"(?:comments?|comment-list|commentlist|disqus_thread)(?:[\s_-][^\"']*)?[\"']",
    _I,
)
_TEASER_CONTEXT_RE = re.compile(
    r"(?:class|id)\s*=\s*[\"'][^\"']*(?:comment|related|teaser|recommend|sidebar|widget"
    r"|article-list|more-|pagination|popular)[^\"']*[\"'][^<]*>(?:(?!</(?:div|li|article|section)>).){0,400}$",
    _I | re.DOTALL,
)
TIME_CONTEXT_CHARS = 600  # markup before a <time> looked at for a comment/teaser container
MAX_TIME_HINTS = 40  # <time> elements read as local-day hints at most
_TAG_RE = re.compile(r"<[^>]+>")
_SPACE_RE = re.compile(r"\s+")
_TITLE_SUFFIX_RE = re.compile(r"(?<!\s)\s+(?:[|–—»·]|-|::)\s+")

# meta keys (property / name / itemprop, lower case) in order of trust
_DATE_KEYS = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "article.published",
    "published_time",
    "publish-date",
    "publishdate",
    "pubdate",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.created",
    "dc.date",
    "date",
)
_TITLE_KEYS = ("og:title", "twitter:title", "headline", "dc.title")
_AUTHOR_KEYS = ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator")
_URL_KEYS = ("og:url", "twitter:url")


@dataclass(frozen=True)
class PageMeta:
    """Metadata read from a page; every field may be missing."""

    title: str | None = None
    published: str | None = None
    published_evidence: str | None = None
    authors: tuple[str, ...] = ()
    url: str | None = None
    hostname: str | None = None
    language: str | None = None


def _attrs(tag: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for m in _ATTR_RE.finditer(tag):
        value = m.group(2) if m.group(2) is not None else m.group(3) or m.group(4) or ""
        out[m.group(1).lower()] = htmllib.unescape(value).strip()
    return out


def _clean(text: str) -> str:
    return _SPACE_RE.sub(" ", htmllib.unescape(_TAG_RE.sub(" ", text))).strip()


def _jsonld(html: str) -> dict[str, object]:
    """Merged top-level fields of the page's JSON-LD article objects (first wins)."""
    found: dict[str, object] = {}
    for tag in iter_tags(html, "script"):
        if not _JSONLD_TYPE_RE.search(tag.attrs):
            continue
        closed = element_end(html, tag)
        if closed is None:
            break  # no later script can close either
        blob = html[tag.end : closed[0]].strip()
        if not blob or len(blob) > JSONLD_MAX_CHARS:
            continue
        try:
            data = json.loads(blob)
        except ValueError:
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            item = stack.pop(0)
            if not isinstance(item, dict):
                continue
            graph = item.get("@graph")
            if isinstance(graph, list):
                stack.extend(graph)
            for key in ("datePublished", "headline", "author", "url", "dateCreated"):
                if key in item and key not in found:
                    found[key] = item[key]
    return found


def _names(value: object) -> list[str]:
    """Author names from a JSON-LD ``author`` value (string, object or list)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        name = value.get("name")
        return [name] if isinstance(name, str) else []
    if isinstance(value, list):
        return [n for v in value for n in _names(v)]
    return []


def _host(url: str | None) -> str | None:
    if not url or "//" not in url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.") or None


def page_metadata(html: str, url: str | None = None, *, search: bool = True) -> PageMeta:
    """Read title, publication date, authors, canonical URL and language from ``html``.

    The date candidates (meta tags, JSON-LD, ``<time>`` elements) go to
    :func:`communique.dates.choose_published`; a page without any (and without a date in
    its URL) goes to htmldate's extensive search when ``search``.
    """
    head = html[:HEAD_SCAN_CHARS]
    meta: dict[str, str] = {}
    for tag in iter_tags(head, "meta"):
        a = _attrs(tag.attrs)
        key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
        content = a.get("content")
        if key and content and key not in meta:
            meta[key] = content
    ld = _jsonld(head) if "ld+json" in head else {}

    page_url = _canonical(head) or next((meta[k] for k in _URL_KEYS if meta.get(k)), None) or url
    cands, hints = _date_candidates(html, meta, ld)
    dated_url = url if dates.date_from_url(url) else page_url
    chosen = dates.choose_published(cands, url=dated_url, hints=hints)
    if chosen is None and search:
        chosen = _htmldate(html, url)

    title = next((meta[k] for k in _TITLE_KEYS if meta.get(k)), None)
    if title is None and isinstance(ld.get("headline"), str):
        title = str(ld["headline"])
    if title is None and (h1 := first_element(html, "h1")) is not None:
        title = _clean(h1) or None
    if title is None and (t := first_element(head, "title")) is not None:
        title = _TITLE_SUFFIX_RE.split(_clean(t))[0] or None

    authors: list[str] = []
    for key in _AUTHOR_KEYS:
        value = meta.get(key, "")
        if value and "//" not in value:
            authors = [a.strip() for a in re.split(r"\s*(?:;|,| and )\s*", value) if a.strip()]
            break
    if not authors:
        authors = [n.strip() for n in _names(ld.get("author")) if n.strip()]

    html_tag = next(iter_tags(head, "html"), None)
    lang = _LANG_RE.search(html_tag.attrs) if html_tag else None
    return PageMeta(
        title=title,
        published=chosen.iso if chosen else None,
        published_evidence=chosen.evidence if chosen else None,
        authors=tuple(dict.fromkeys(authors)),
        url=page_url,
        hostname=_host(page_url) or _host(url),
        language=lang.group(1).lower() if lang else None,
    )


def _canonical(head: str) -> str | None:
    for tag in iter_tags(head, "link"):
        a = _attrs(tag.attrs)
        if "canonical" in a.get("rel", "").lower().split() and a.get("href", "").startswith("http"):
            return a["href"]
    return None


def _page_iso(value: str) -> str | None:
    return dates.normalise(value, min_year=dates.PAGE_MIN_YEAR)


def _date_candidates(
    html: str, meta: dict[str, str], ld: dict[str, object]
) -> tuple[list[dates.Candidate], list[dates.Candidate]]:
    """Publication-date candidates in order of trust (meta tags, JSON-LD, a ``<time>``
    marked as the publication time), and the page's other ``<time>`` elements as hints."""
    cands = [
        dates.Candidate(found, f"html meta {key}")
        for key in _DATE_KEYS
        if key in meta and (found := _page_iso(meta[key]))
    ]
    for key in ("datePublished", "dateCreated"):
        value = ld.get(key)
        if isinstance(value, str) and (found := _page_iso(value)):
            cands.append(dates.Candidate(found, f"html JSON-LD {key}"))
    hints: list[dates.Candidate] = []
    if "<time" not in html and "<TIME" not in html:
        return cands, hints
    containers = iter_tags(html, "div", "section", "ol", "ul", "aside")
    comments = next((t for t in containers if _COMMENTS_RE.search(t.attrs)), None)
    comments_at = comments.start if comments else len(html)
    marked: dates.Candidate | None = None
    days_before: set[str] = set()  # days of the teasers' "published" times above it
    times = (t for t in iter_tags(html, "time") if _DATETIME_RE.search(t.attrs))
    for n, m in enumerate(times):
        if n >= MAX_TIME_HINTS:
            break
        found = _page_iso(_attrs(m.attrs).get("datetime", ""))
        if not found:
            continue
        c = dates.Candidate(found, "html <time datetime>")
        if marked is None and m.start < comments_at and _PUBLISHED_TIME_RE.search(m.attrs):
            if _TEASER_CONTEXT_RE.search(html, max(0, m.start - TIME_CONTEXT_CHARS), m.start):
                days_before.add(found[:10])
            else:
                marked = c
                continue
        if "T" in found:
            hints.append(c)  # a time of day: may show the local day of a UTC stamp
    # the article's own time comes before the teaser lists; after teasers on other days,
    # a "published" time is one more list entry (measured on htmldate-bbaw)
    if marked is not None and days_before <= {marked.iso[:10]}:
        cands.append(marked)
    return cands, hints


def _htmldate(html: str, url: str | None) -> dates.Candidate | None:
    """htmldate's extensive search (original date), for pages without any date cue."""
    try:
        from htmldate import find_date  # deferred: heavy import

        found = find_date(html, extensive_search=True, original_date=True, url=url)
    # htmldate/lxml raise many exception types on broken markup; no date is the answer
    except Exception:
        found = None
    iso = _page_iso(found) if found else None
    return dates.Candidate(iso, "htmldate") if iso else None
