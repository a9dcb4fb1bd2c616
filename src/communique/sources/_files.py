"""Sources → documents. Reads files, directories (recursively), globs, ``.gz``, JSONL, CSV,
WARC (``.warc``, ``.warc.gz``), standard input and URLs (pages and RSS/Atom feeds), and yields
a :class:`Document` for every readable input and a :class:`Failure` (with the reason) for
every unreadable one — per item: a broken record, row or feed entry never stops the run.

Only URL arguments touch the network, through the injectable client in :mod:`.fetch`;
everything else here, and all of analysis, is offline. Containers (WARC, JSONL, CSV, feeds)
are read one record at a time, so memory stays flat however large the input grows."""

from __future__ import annotations

import dataclasses
import glob
import gzip
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from ..nlp import PARSER_CHARS
from ..records import Document, Failure, lone_surrogate
from ._decode import decode_bytes, encoding_meta, sniff_media_type
from ._fetch import Fetcher
from ._options import (
    CSV_SUFFIXES,
    HTML_SUFFIXES,
    JSONL_SUFFIXES,
    WARC_SUFFIXES,
    IngestOptions,
    Item,
    megabytes,
    over_limit,
)
from ._rows import from_csv, from_jsonl, jsonl_lines
from ._warc import from_warc
from ._web import from_url

_SKIP_NAMES = {".DS_Store", "Thumbs.db"}
_URL_PREFIXES = ("http://", "https://")


def iter_documents(
    paths: Iterable[str],
    options: IngestOptions | None = None,
    *,
    stdin: BinaryIO | None = None,
    client: Fetcher | None = None,
) -> Iterator[Item]:
    """Yield one Document or Failure per input (per record for containers), in a stable
    order. ``client`` fetches URL arguments; by default one is built from ``options`` the
    first time a URL is met."""
    for item in _items(paths, options or IngestOptions(), stdin, client):
        if lone_surrogate(item.origin) is not None:
            item = dataclasses.replace(item, origin=printable_origin(item.origin))
        yield item


def count_documents(paths: Iterable[str]) -> int | None:
    """How many documents :func:`iter_documents` will yield for ``paths``, or None when
    that cannot be known without reading them all (URLs, standard input, WARC and CSV
    files, a JSONL file over COUNT_BYTES). A JSONL file counts its lines, read in blocks
    (a gzip bomb costs time, never memory). For progress bars: an estimate (a blank line
    counts, a file that vanishes meanwhile is one failure still)."""
    total = 0
    for p in paths:
        if p == "-" or p.lower().startswith(_URL_PREFIXES):
            return None
        for path in _expand(p):
            suffix = "" if isinstance(path, Failure) else _suffix(path.name)
            if suffix in WARC_SUFFIXES or suffix in CSV_SUFFIXES:
                return None
            if suffix in JSONL_SUFFIXES and not isinstance(path, Failure):
                lines = _count_lines(path)
                if lines is None:
                    return None
                total += lines
            else:
                total += 1
    return total


#: A JSONL file holding more than this (decompressed) is not counted up front.
COUNT_BYTES = 256 * 1024 * 1024


def _count_lines(path: Path) -> int | None:
    lines = seen = 0
    last = b"\n"
    try:
        opener = gzip.open if path.name.lower().endswith(".gz") else open
        with opener(path, "rb") as fh:
            while block := fh.read(1 << 20):
                lines += block.count(b"\n")
                seen += len(block)
                last = block[-1:]
                if seen > COUNT_BYTES:
                    return None
    except (OSError, EOFError, zlib.error):
        return 1  # read again, and failed, by iter_documents: one failure
    return lines + (last != b"\n")


def printable_origin(origin: str) -> str:
    """A path holding bytes that are not UTF-8 (Python keeps them as lone surrogates, which
    cannot be printed or stored) with those bytes written as ``\\xff``."""
    try:
        raw = origin.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate that stands for no byte
        return origin.encode("utf-8", "backslashreplace").decode("utf-8")
    return raw.decode("utf-8", "backslashreplace")


def _items(
    paths: Iterable[str], opts: IngestOptions, stdin: BinaryIO | None, client: Fetcher | None
) -> Iterator[Item]:
    for p in paths:
        if p == "-":
            stream = stdin if stdin is not None else getattr(sys.stdin, "buffer", None)
            try:
                if stream is None:
                    raise OSError("closed")
                data = stream.read(opts.max_bytes + 1)
            except (OSError, ValueError):  # no standard input, or a closed one
                yield Failure("-", "standard input is closed: nothing to read from '-'")
                continue
            yield from _from_bytes("-", data, opts)
            continue
        if p.lower().startswith(_URL_PREFIXES):
            if client is None:
                client = Fetcher(
                    timeout=opts.timeout,
                    retries=opts.retries,
                    max_bytes=opts.max_bytes,
                    allow_private_hosts=opts.allow_private_hosts,
                )
            yield from from_url(p, opts, client)
            continue
        for path in _expand(p):
            if isinstance(path, Failure):
                yield path
            else:
                yield from _from_file(path, opts)


def _expand(p: str) -> Iterator[Path | Failure]:
    path = Path(p)
    if path.is_dir():
        files = sorted(f for f in path.rglob("*") if f.is_file() and _wanted(f.relative_to(path)))
        if not files:
            yield Failure(p, "directory holds no readable files")
        yield from files
    elif path.is_file():
        yield path
    elif any(ch in p for ch in "*?["):
        asked = _suffix(Path(p).name)  # "*.csv" asks for CSV files even though dirs skip them
        extra = {asked} if asked and not any(ch in asked for ch in "*?[") else set()
        matches = sorted(Path(m) for m in glob.glob(p, recursive=True))
        files = [m for m in matches if m.is_file() and _wanted(Path(m.name), extra)]
        if not files:
            yield Failure(p, "pattern matches no files")
        yield from files
    else:
        yield Failure(p, "no such file or directory")


#: What a directory or glob contributes: article-like files only (a README or a CSV
#: beside the articles is not an article — samples/outlets.csv is a table). A file named
#: explicitly is always read, and a glob naming a suffix (``*.csv``) reads that suffix.
DIR_SUFFIXES = HTML_SUFFIXES | JSONL_SUFFIXES | WARC_SUFFIXES | {".txt", ".text"}


def _suffix(name: str) -> str:
    """The suffix that says what a file holds: ``a.warc.gz`` → ``.warc``."""
    return Path(name.removesuffix(".gz").removesuffix(".GZ")).suffix.lower()


def _wanted(f: Path, extra: set[str] | None = None) -> bool:
    """``f`` relative to the directory searched: hidden files and folders are skipped."""
    if any(part.startswith(".") for part in f.parts) or f.name in _SKIP_NAMES:
        return False
    suffix = _suffix(f.name)
    return suffix in DIR_SUFFIXES or suffix in (extra or set())


def _from_file(path: Path, opts: IngestOptions) -> Iterator[Item]:
    suffix = _suffix(path.name)
    if suffix in WARC_SUFFIXES:
        yield from from_warc(path, opts)
        return
    if suffix in JSONL_SUFFIXES or suffix in CSV_SUFFIXES:
        rows = (from_jsonl if suffix in JSONL_SUFFIXES else from_csv)(path, opts)
        yield from capped_failures(str(path), rows)
        return
    origin = str(path)
    gz = path.name.lower().endswith(".gz")
    try:
        size = path.stat().st_size
        if size > opts.max_bytes and not gz:
            yield Failure(origin, f"file is {megabytes(size)}, {over_limit(opts)}")
            return
        if suffix in _TEXT_SUFFIXES and size > TEXT_BYTES_REFUSED:
            # at most 4 bytes a character: over twice the parser's limit whatever the
            # encoding, so refused unread (the pipeline would refuse it after decoding,
            # holding the bytes and the text at once)
            yield Failure(
                origin,
                f"text file is {megabytes(size)}, more than twice the parser's limit of "
                f"{PARSER_CHARS:,} characters; split the input into articles",
            )
            return
        if gz:
            with gzip.open(path, "rb") as fh:
                data = fh.read(opts.max_bytes + 1)
        else:
            data = path.read_bytes()
    except (OSError, EOFError, zlib.error) as exc:
        yield Failure(origin, f"cannot read: {exc}")
        return
    yield from _from_bytes(origin, data, opts, name=path.name)


#: A plain-text file over this many bytes has more than twice PARSER_CHARS characters.
TEXT_BYTES_REFUSED = 4 * 2 * PARSER_CHARS
_TEXT_SUFFIXES = {".txt", ".text"}


#: Failed records of one container (JSONL, CSV) reported one by one; the rest are counted
#: in one last failure, so a file of a million bad lines gives 101 rows and lines, not a
#: million of each.
MAX_RECORD_FAILURES = 100


def capped_failures(origin: str, items: Iterable[Item]) -> Iterator[Item]:
    """``items`` with at most MAX_RECORD_FAILURES failures, then one that counts the rest."""
    failed = 0
    last: Failure | None = None
    for item in items:
        if isinstance(item, Failure):
            failed += 1
            if failed > MAX_RECORD_FAILURES:
                last = item
                continue
        yield item
    if last is not None:
        more = failed - MAX_RECORD_FAILURES
        yield Failure(
            f"{origin}#more",
            f"{more:,} more records failed, not reported one by one (the last, "
            f"{last.origin}: {last.reason}); {failed:,} of this file's records failed in all",
        )


def _from_bytes(origin: str, data: bytes, opts: IngestOptions, name: str = "") -> Iterator[Item]:
    if len(data) > opts.max_bytes:
        yield Failure(origin, f"input is {over_limit(opts)}")
        return
    suffix = _suffix(name)
    if not data.strip():
        yield Failure(origin, "empty input")
        return
    decoded = decode_bytes(data, origin, opts.encoding)
    if isinstance(decoded, Failure):
        yield decoded
        return
    text, encoding = decoded
    if suffix in JSONL_SUFFIXES or (not name and text.lstrip().startswith("{")):
        lines = enumerate(text.splitlines(), start=1)
        rows = jsonl_lines(origin, ((n, (line, encoding)) for n, line in lines), opts)
        yield from capped_failures(origin, rows)
        return
    yield Document(origin, text, sniff_media_type(text, suffix), encoding_meta(encoding))
