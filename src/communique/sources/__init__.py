"""Sources → documents: files, directories, globs, ``.gz``, JSONL, CSV, WARC, standard input
and URLs (pages and RSS/Atom feeds). One :class:`~communique.records.Document` per readable
input and one :class:`~communique.records.Failure` (with the reason) per unreadable one.

Only URL arguments touch the network, through the injectable :class:`Fetcher`."""

from __future__ import annotations

from ._decode import decode, sniff_media_type
from ._fetch import RETRIES, TIMEOUT, Fetcher, Request, Response, urllib_transport
from ._files import MAX_RECORD_FAILURES, count_documents, iter_documents
from ._options import FEED_LIMIT, MAX_BYTES, IngestOptions

__all__ = [
    "FEED_LIMIT",
    "MAX_BYTES",
    "MAX_RECORD_FAILURES",
    "RETRIES",
    "TIMEOUT",
    "Fetcher",
    "IngestOptions",
    "Request",
    "Response",
    "count_documents",
    "decode",
    "iter_documents",
    "sniff_media_type",
    "urllib_transport",
]
