"""What ingest can be told (one frozen options object) and its limits."""

from __future__ import annotations

from dataclasses import dataclass

from ..records import Document, Failure
from ._limits import FEED_LIMIT, MAX_BYTES, RETRIES, TIMEOUT

HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
CSV_SUFFIXES = {".csv", ".tsv"}
WARC_SUFFIXES = {".warc"}
_SKIP_NAMES = {".DS_Store", "Thumbs.db"}
_URL_PREFIXES = ("http://", "https://")


@dataclass(frozen=True)
class IngestOptions:
    max_bytes: int = MAX_BYTES
    encoding: str | None = None  # force a text encoding (e.g. "latin-1"); default: detect
    text_field: str = "text"  # JSONL/CSV: field holding plain text
    html_field: str = "html"  # JSONL/CSV: field holding HTML (used when present)
    url_field: str = "url"  # JSONL/CSV: metadata fields, passed on to the cleaner
    title_field: str = "title"
    published_field: str = "published"
    # JSONL/CSV: how to read an ambiguous slash date in the published field. "09/03/2022" is
    # 2022-09-03 by default (month first, as in the US) and 2022-03-09 with day_first
    # (--day-first). Unambiguous values (ISO, "March 9, 2022", "31/03/2022") ignore it.
    day_first: bool = False
    outlet_field: str = "outlet"
    timeout: float = TIMEOUT  # URLs: seconds to wait for a server
    retries: int = RETRIES  # URLs: extra attempts after a timeout or a transient error
    feed_limit: int = FEED_LIMIT  # feeds: articles fetched per feed at most
    # URLs: redirects and feed links may lead to private/loopback/link-local addresses
    allow_private_hosts: bool = False


Item = Document | Failure


def over_limit(opts: IngestOptions) -> str:
    """The reason given for an input above ``opts.max_bytes``."""
    return f"over the limit of {megabytes(opts.max_bytes)}; pass --max-bytes to raise it"


def megabytes(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB"
