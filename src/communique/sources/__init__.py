"""Sources → documents: files, directories, globs, ``.gz``, JSONL, CSV, WARC, standard input
and URLs (pages and RSS/Atom feeds). One :class:`~communique.records.Document` per readable
input and one :class:`~communique.records.Failure` (with the reason) per unreadable one.

Only URL arguments touch the network, through the injectable :class:`Fetcher`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._lazy import lazy_getattr
from ._limits import FEED_LIMIT, MAX_BYTES, RETRIES, TIMEOUT

if TYPE_CHECKING:
    from ._decode import decode, sniff_media_type
    from ._fetch import Fetcher, Request, Response, urllib_transport
    from ._files import MAX_RECORD_FAILURES, count_documents, iter_documents
    from ._options import IngestOptions

#: Names loaded on first use: the limits above are all `communique --help` needs, and
#: the readers bring the records, the HTTP client, warcio and fsspec.
_LAZY = {
    "IngestOptions": "_options",
    "decode": "_decode",
    "sniff_media_type": "_decode",
    "Fetcher": "_fetch",
    "Request": "_fetch",
    "Response": "_fetch",
    "urllib_transport": "_fetch",
    "MAX_RECORD_FAILURES": "_files",
    "count_documents": "_files",
    "iter_documents": "_files",
}


__getattr__ = lazy_getattr(__name__, _LAZY, globals())


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
