"""Page metadata from HTML without a DOM: title, date, authors, URL, language.

trafilatura's metadata pass (``extract_metadata`` + htmldate) cost about a quarter of the
HTML extraction time on scrapinghub-aeb; the cues almost every article page carries sit in
``<meta>`` tags, ``<link rel="canonical">``, ``<title>`` and JSON-LD, which regular
expressions over the raw HTML read in well under a millisecond. Only a page without any
date cue goes to htmldate's quick search (one more parse of that page).
"""

from __future__ import annotations

import html as htmllib
import json
import re
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

__all__ = ["PageMeta", "page_metadata"]

HEAD_SCAN_CHARS = 300_000  # meta tags are looked for in this much of the page
JSONLD_MAX_CHARS = 100_000  # JSON-LD blocks longer than this are skipped

_I = re.IGNORECASE | re.DOTALL
_META_RE = re.compile(r"<meta\b([^>]*)>", _I)
_ATTR_RE = re.compile(r"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", _I)
_TITLE_RE = re.compile(r"<title\b[^>]*>(.*?)</title>", _I)
_H1_RE = re.compile(r"<h1\b[^>]*>(.*?)</h1>", _I)
_LINK_RE = re.compile(r"<link\b([^>]*)>", _I)
_HTML_LANG_RE = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})", _I)
_JSONLD_RE = re.compile(
    r"<script\b[^>]*application/ld\+json[^>]*>(.*?)</script>",
    _I,
)
_TIME_RE = re.compile(r"<time\b[^>]*\bdatetime\s*=\s*[\"']([^\"']+)[\"']", _I)
_TAG_RE = re.compile(r"<[^>]+>")
_SPACE_RE = re.compile(r"\s+")
_TITLE_SUFFIX_RE = re.compile(r"\s+(?:[|–—»·]|-|::)\s+")
_ISO_RE = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?"
)

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


#: Dates before this year in page metadata are placeholders, not publication dates (news
#: on the web starts in the 1990s; seen: JSON-LD "0001-01-01T00:00:00Z").
MIN_YEAR = 1990


def iso_datetime(value: str) -> str | None:
    """``2021-06-24T11:05:00+01:00`` -> ``2021-06-24T11:05+01:00``; date only stays a date."""
    m = _ISO_RE.search(value)
    if m is None:
        return None
    y, mo, d, h, mi, tz = m.groups()
    if int(y) < MIN_YEAR:
        return None  # a CMS placeholder ("0001-01-01"), not a publication date
    try:
        day = datetime(int(y), int(mo), int(d))
        if h is None:
            return day.date().isoformat()
        stamp = datetime(int(y), int(mo), int(d), int(h), int(mi))
    except ValueError:
        return None
    iso = stamp.isoformat(timespec="minutes")
    if tz == "Z":
        iso += "+00:00"
    elif tz:
        digits = tz[1:].replace(":", "")
        iso += f"{tz[0]}{digits[:2]}:{digits[2:4]}"
    return iso


def _jsonld(html: str) -> dict[str, object]:
    """Merged top-level fields of the page's JSON-LD article objects (first wins)."""
    found: dict[str, object] = {}
    for m in _JSONLD_RE.finditer(html):
        blob = m.group(1).strip()
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


def page_metadata(html: str, url: str | None = None) -> PageMeta:
    """Read title, publication date, authors, canonical URL and language from ``html``."""
    head = html[:HEAD_SCAN_CHARS]
    meta: dict[str, str] = {}
    for m in _META_RE.finditer(head):
        a = _attrs(m.group(1))
        key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
        content = a.get("content")
        if key and content and key not in meta:
            meta[key] = content
    ld = _jsonld(head) if "ld+json" in head else {}

    published = evidence = None
    for key in _DATE_KEYS:
        if key in meta and (iso := iso_datetime(meta[key])):
            published, evidence = iso, f"html meta {key}"
            break
    if published is None:
        for key in ("datePublished", "dateCreated"):
            value = ld.get(key)
            if isinstance(value, str) and (iso := iso_datetime(value)):
                published, evidence = iso, f"html JSON-LD {key}"
                break
    if published is None and (t := _TIME_RE.search(head)) and (iso := iso_datetime(t.group(1))):
        published, evidence = iso, "html <time datetime>"

    title = next((meta[k] for k in _TITLE_KEYS if meta.get(k)), None)
    if title is None and isinstance(ld.get("headline"), str):
        title = str(ld["headline"])
    if title is None and (h1 := _H1_RE.search(html)):
        title = _clean(h1.group(1)) or None
    if title is None and (t := _TITLE_RE.search(head)):
        title = _TITLE_SUFFIX_RE.split(_clean(t.group(1)))[0] or None

    authors: list[str] = []
    for key in _AUTHOR_KEYS:
        value = meta.get(key, "")
        if value and "//" not in value:
            authors = [a.strip() for a in re.split(r"\s*(?:;|,| and )\s*", value) if a.strip()]
            break
    if not authors:
        authors = [n.strip() for n in _names(ld.get("author")) if n.strip()]

    canonical = None
    for m in _LINK_RE.finditer(head):
        a = _attrs(m.group(1))
        if "canonical" in a.get("rel", "").lower().split() and a.get("href", "").startswith("http"):
            canonical = a["href"]
            break
    page_url = canonical or next((meta[k] for k in _URL_KEYS if meta.get(k)), None) or url
    lang = _HTML_LANG_RE.search(head)
    return PageMeta(
        title=title,
        published=published,
        published_evidence=evidence,
        authors=tuple(dict.fromkeys(authors)),
        url=page_url,
        hostname=_host(page_url) or _host(url),
        language=lang.group(1).lower() if lang else None,
    )
