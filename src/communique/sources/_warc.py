"""WARC files (``.warc``, ``.warc.gz``, as Common Crawl News publishes them) → documents.

Every ``response`` record whose HTTP payload is HTML (and whose status is 2xx) becomes a
Document: media type text/html, ``meta["url"]`` the WARC-Target-URI, origin
``file.warc.gz#N`` where N counts the records of the file from 1 (warcinfo and request
records included, so N points at the record). The publication date is left to the cleaner:
WARC-Date is when the page was crawled, not published. Other records (requests, metadata,
images, redirects, error pages) are skipped silently.

A broken record (bad headers, corrupt gzip member, truncated payload) is a Failure for
that record; reading then resumes at the next record start found after it — the next gzip
member that opens with ``WARC/`` or, uncompressed, the next ``WARC/1.x`` line — so the rest
of the file is still read. Records are streamed one at a time.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from ..records import Document, Failure
from ._decode import decode_bytes, decode_named, encoding_meta
from ._options import IngestOptions, Item, megabytes, over_limit

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_GZIP_MAGIC = b"\x1f\x8b\x08"
_WARC_MAGIC = b"WARC/1."
_SCAN = 1024 * 1024
#: Bytes after the last record taken as padding, not as a cut-off record.
_SLACK = 8


def from_warc(path: Path, opts: IngestOptions) -> Iterator[Item]:
    # imported here: warcio brings fsspec, and `communique --help` must stay cheap
    from warcio.archiveiterator import ArchiveIterator  # type: ignore[import-untyped]  # no types

    origin = str(path)
    try:
        fh = open(path, "rb")  # noqa: SIM115  # closed in finally: the generator may pause
    except OSError as exc:
        yield Failure(origin, f"cannot read: {exc}")
        return
    try:
        gz = fh.read(2) == _GZIP_MAGIC[:2]
        size = fh.seek(0, 2)
        if not (_opens_warc(fh, 0) if gz else _at(fh, 0).startswith(_WARC_MAGIC)):
            yield Failure(
                origin,
                "not a WARC file: it does not start with a WARC/1.0 or WARC/1.1 record; "
                "rename it if it is something else",
            )
            return
        number = 0  # records read so far
        start: int | None = 0  # where the iterator (re)starts
        while start is not None:
            fh.seek(start)
            it = ArchiveIterator(fh)
            record_start = start
            try:
                for record in it:
                    number += 1
                    record_start = it.offset
                    item = _record(record, f"{origin}#{number}", opts)
                    if item is not None:
                        yield item
                if size - it.offset > _SLACK:  # warcio stops quietly at a cut-off record
                    yield Failure(
                        f"{origin}#{number + 1}",
                        f"record {number + 1} is cut off: the file ends inside it "
                        f"({size - it.offset} bytes unread); was the download complete?",
                    )
                return
            # warcio raises many types on malformed input (ArchiveLoadFailed, zlib.error,
            # ValueError, EOFError, ...); a broken record must never end the run.
            except Exception as exc:
                if it.record is None or it.offset != record_start:
                    number += 1  # the failure is in a record not yet counted
                start = _resync(fh, max(record_start, it.offset) + 1, gz)
                if start is None:
                    why = "the file ends inside it or after it; was the download complete?"
                else:
                    why = "skipped, the rest of the file is read"
                yield Failure(
                    f"{origin}#{number}",
                    f"record {number} is broken or cut off ({_why(exc)}); {why}",
                )
    finally:
        fh.close()


def _record(record: Any, where: str, opts: IngestOptions) -> Item | None:
    """A Document for an HTML response, a Failure if it cannot be read, None to skip."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    status = record.http_headers.get_statuscode()
    if not (status or "").startswith("2"):
        return None
    ctype = record.http_headers.get_header("Content-Type") or ""
    media = ctype.split(";")[0].strip().lower()
    if media and media not in HTML_TYPES:
        return None  # not read: warcio skips the payload when moving on
    url = record.rec_headers.get_header("WARC-Target-URI")
    payload: bytes = record.content_stream().read(opts.max_bytes + 1)
    if not media and not payload[:1024].lstrip().lower().startswith((b"<!doctype html", b"<html")):
        return None
    if len(payload) > opts.max_bytes:
        length = record.rec_headers.get_header("Content-Length") or ""
        size = f" (record of {megabytes(int(length))})" if length.isdigit() else ""
        return Failure(where, f"HTML page {url}{size} is {over_limit(opts)}")
    missing = getattr(record.raw_stream, "limit", 0)
    if missing:
        return Failure(
            where,
            f"record for {url} is cut off ({missing} bytes missing); was the download complete?",
        )
    if not payload.strip():
        return Failure(where, f"HTML page {url} is empty")
    decoded = _decode(payload, where, ctype, opts)
    if isinstance(decoded, Failure):
        return decoded
    text, encoding = decoded
    meta = {"url": url, **encoding_meta(encoding)} if url else encoding_meta(encoding)
    return Document(where, text, "text/html", meta)


def _decode(
    payload: bytes, where: str, ctype: str, opts: IngestOptions
) -> tuple[str, str] | Failure:
    """The charset the HTTP header names wins (unless the user forced one)."""
    if not opts.encoding and "charset=" in ctype.lower():
        charset = ctype.lower().split("charset=")[1].split(";")[0].strip(" \"'")
        if (text := decode_named(payload, charset)) is not None:
            return text, charset  # servers lie about charsets: else detection
    return decode_bytes(payload, where, opts.encoding)


def _resync(fh: IO[bytes], pos: int, gz: bool) -> int | None:
    """The offset of the next record start at or after ``pos``, or None at the end."""
    magic = _GZIP_MAGIC if gz else b"\n" + _WARC_MAGIC
    fh.seek(pos)
    base = pos
    tail = b""
    while True:
        chunk = fh.read(_SCAN)
        if not chunk:
            return None
        data = tail + chunk
        offset = base - len(tail)
        i = data.find(magic)
        while i >= 0:
            at = offset + i + (0 if gz else 1)
            if not gz or _opens_warc(fh, at):
                return at
            i = data.find(magic, i + 1)
        tail = data[-(len(magic) - 1) :]
        base += len(chunk)
        fh.seek(base)


def _opens_warc(fh: IO[bytes], at: int) -> bool:
    """Does a gzip member starting at ``at`` decompress to a WARC record header?"""
    try:
        head = zlib.decompressobj(31).decompress(_at(fh, at, 4096), 16)
    except zlib.error:
        return False
    return head.startswith(_WARC_MAGIC)


def _at(fh: IO[bytes], at: int, n: int = 16) -> bytes:
    """``n`` bytes at offset ``at``, leaving the file position where it was."""
    here = fh.tell()
    fh.seek(at)
    try:
        return fh.read(n)
    finally:
        fh.seek(here)


def _why(exc: Exception) -> str:
    msg = "".join(c if c.isprintable() else "?" for c in " ".join(str(exc).split()))[:160]
    return f"{type(exc).__name__}: {msg}" if msg else type(exc).__name__
