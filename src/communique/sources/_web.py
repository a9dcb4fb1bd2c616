"""URL arguments → documents: an article page, or an RSS 2.0 / RSS 1.0 / Atom feed whose
items are fetched as article pages (in feed order, up to ``feed_limit``), carrying the
item's link, title and date as metadata. Every fetch goes through the injectable
:class:`~communique.sources.Fetcher`; a page or feed that times out, answers an error status
or is too big is a Failure for that item, and the run goes on.

Feeds are parsed here (ElementTree over the fetched bytes, entities refused):
``trafilatura.feeds`` reads a fetched feed document offline but returns its links only,
filtered, without the items' titles and dates, so it does not replace this. Feed dates
(RFC 822 in RSS, ISO 8601 in Atom and Dublin Core) are normalised by
:func:`communique.dates.normalise`."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

from .. import dates
from ..records import Document, Failure, MediaType
from ._decode import decode_bytes, encoding_meta, sniff_media_type
from ._fetch import Fetcher, FetchError, Response
from ._options import IngestOptions, Item

FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
    }
)
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_FEED_ROOTS = {"rss", "feed", "RDF"}


@dataclass(frozen=True)
class FeedItem:
    link: str | None
    title: str | None = None
    published: str | None = None  # ISO 8601 when the feed's date could be read


def from_url(url: str, opts: IngestOptions, client: Fetcher) -> Iterator[Item]:
    try:
        resp = client.get(url)
    except FetchError as exc:
        yield Failure(url, exc.reason, exc.code)
        return
    feed = _feed(resp)
    if isinstance(feed, Failure):
        yield feed
        return
    if feed is None:
        yield _page(url, resp, opts, {})
        return
    if not feed:
        yield Failure(url, "feed has no items")
        return
    for n, item in enumerate(feed[: opts.feed_limit], start=1):
        if not item.link:
            yield Failure(f"{url}#{n}", f"feed item {n} has no link to an article")
            continue
        meta = {k: v for k, v in (("title", item.title), ("published", item.published)) if v}
        try:
            page = client.get(item.link)
        except FetchError as exc:
            yield Failure(item.link, exc.reason, exc.code)
            continue
        yield _page(item.link, page, opts, meta)


def _page(origin: str, resp: Response, opts: IngestOptions, meta: dict[str, Any]) -> Item:
    ctype = resp.content_type
    if ctype and ctype not in HTML_TYPES and not ctype.startswith("text/"):
        return Failure(origin, f"not an article page: the server sent {ctype}; give the page's URL")
    if not resp.body.strip():
        return Failure(origin, "the server sent an empty page")
    decoded = _decode(origin, resp, opts)
    if isinstance(decoded, Failure):
        return decoded
    text, encoding = decoded
    media: MediaType = "text/html" if ctype in HTML_TYPES else sniff_media_type(text)
    if ctype == "text/plain":
        media = "text/plain"
    return Document(origin, text, media, {"url": resp.url, **meta, **encoding_meta(encoding)})


def _decode(origin: str, resp: Response, opts: IngestOptions) -> tuple[str, str] | Failure:
    if resp.charset and not opts.encoding:
        try:
            return resp.body.decode(resp.charset), resp.charset
        except (UnicodeDecodeError, LookupError):
            pass  # servers lie about charsets: fall back to detection
    return decode_bytes(resp.body, origin, opts.encoding)


def _feed(resp: Response) -> list[FeedItem] | Failure | None:
    """The items of a feed; None when the response is not a feed (a page)."""
    head = resp.body[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    xmlish = head.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf:rdf"))
    declared = resp.content_type in FEED_TYPES
    if not (xmlish or declared) or resp.content_type in HTML_TYPES:
        return None
    if b"<!entity" in resp.body[:65536].lower():
        return Failure(resp.url, "feed declares XML entities; refused for safety")
    try:
        root = ET.fromstring(resp.body)
    except ET.ParseError as exc:
        if declared and resp.content_type != "application/xml":
            return Failure(resp.url, f"feed is not well-formed XML ({exc}); check the URL")
        return None  # XML-looking but not XML: let the cleaner try it as a page
    if _local(root.tag) not in _FEED_ROOTS:
        return None
    items = [_item(el) for el in root.iter() if _local(el.tag) in ("item", "entry")]
    return [
        FeedItem(urljoin(resp.url, i.link) if i.link else None, i.title, i.published) for i in items
    ]


def _item(el: ET.Element) -> FeedItem:
    link = title = when = None
    for child in el:
        name = _local(child.tag)
        text = (child.text or "").strip()
        if name == "link":
            href = child.get("href")
            if href is not None:  # Atom: prefer rel="alternate" (the default)
                if child.get("rel", "alternate") == "alternate" and link is None:
                    link = href.strip()
            elif text:
                link = text
        elif name == "guid" and link is None and child.get("isPermaLink") != "false":
            if text.startswith(("http://", "https://")):
                link = text
        elif name == "title" and text:
            title = text
        elif text and (
            name in ("pubDate", "published", "date", "issued")
            or (name in ("updated", "modified") and when is None)
        ):
            when = text
    return FeedItem(link, title, dates.normalise(when))


def _local(tag: Any) -> str:
    """The tag name without its namespace: ``{http://www.w3.org/2005/Atom}entry`` → entry."""
    return str(tag).rsplit("}", 1)[-1]
