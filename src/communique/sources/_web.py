"""URL arguments → documents: an article page, or an RSS 2.0 / RSS 1.0 / Atom feed whose
items are fetched as article pages (in feed order, up to ``feed_limit``), carrying the
item's link, title and date as metadata. Every fetch goes through the injectable
:class:`~communique.sources.Fetcher`; a page or feed that times out, answers an error status
or is too big is a Failure for that item, and the run goes on.

Feeds are parsed by ``feedparser`` over the bytes our Fetcher fetched (it never fetches
anything itself here; a feed declaring XML entities is refused first). ``trafilatura.feeds``
reads a fetched feed offline too but returns its links only, without the items' titles and
dates. Feed dates (RFC 822 in RSS, ISO 8601 in Atom and Dublin Core) are taken as the feed
writes them and normalised by :func:`communique.dates.normalise`, which keeps the offset."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

from .. import dates
from ..records import Document, Failure, MediaType
from ._decode import decode_bytes, decode_named, encoding_meta, sniff_media_type
from ._fetch import Fetcher, FetchError, Response, private_host
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
        if not client.allow_private_hosts and private_host(item.link) is True:
            yield Failure(
                item.link, "a feed link to a private address; refused (--allow-private-hosts)"
            )
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
    if not opts.encoding and (text := decode_named(resp.body, resp.charset)) is not None:
        return text, str(resp.charset)  # servers lie about charsets: else detection
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
    import feedparser  # deferred: only URL arguments that turn out to be feeds need it

    parsed = feedparser.parse(
        resp.body,
        response_headers={"content-location": resp.url, "content-type": resp.content_type},
        sanitize_html=False,
        resolve_relative_uris=False,
    )
    if not parsed.get("version"):
        if declared and resp.content_type != "application/xml":
            return Failure(resp.url, f"not a feed ({_why(parsed)}); check the URL")
        return None  # XML-looking but not a feed: let the cleaner try it as a page
    items = [_item(e, resp.url) for e in parsed.entries]
    if parsed.get("bozo") and not any(i.link for i in items):
        return Failure(resp.url, f"feed is not well-formed XML ({_why(parsed)}); check the URL")
    return items


def _why(parsed: Any) -> str:
    exc = parsed.get("bozo_exception")
    return f"{type(exc).__name__}: {exc}" if exc else "no feed elements"


def _item(entry: Any, base: str) -> FeedItem:
    """A feed entry: its alternate link (resolved against the feed's URL), title and date
    (the published date; the updated one only when there is none)."""
    link = entry.get("link")
    if not link:
        link = next((x.get("href") for x in entry.get("links", ()) if x.get("href")), None)
    when = entry.get("published") or entry.get("updated")
    title = (entry.get("title") or "").strip() or None
    return FeedItem(urljoin(base, link) if link else None, title, dates.normalise(when))
