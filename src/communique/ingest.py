"""Sources → documents. Reads files, directories (recursively), globs, ``.gz``, JSONL, CSV,
WARC (``.warc``, ``.warc.gz``), standard input and URLs (pages and RSS/Atom feeds), and yields
a :class:`Document` for every readable input and a :class:`Failure` (with the reason) for
every unreadable one — per item: a broken record, row or feed entry never stops the run.

Only URL arguments touch the network, through the injectable client in :mod:`.fetch`;
everything else here, and all of analysis, is offline. Containers (WARC, JSONL, CSV, feeds)
are read one record at a time, so memory stays flat however large the input grows."""

from __future__ import annotations

import glob
import gzip
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from .fetch import RETRIES, TIMEOUT, Fetcher
from .records import Document, Failure, MediaType

#: Inputs larger than this (after decompression) are refused: no news article is this big,
#: and a page this size is almost always a dump or a binary. For containers (WARC, JSONL,
#: CSV) the limit applies to each record, not to the file. Override with --max-bytes.
MAX_BYTES = 16 * 1024 * 1024
#: Articles fetched from one feed at most, in feed order. Override with --feed-limit.
FEED_LIMIT = 100

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
    outlet_field: str = "outlet"
    timeout: float = TIMEOUT  # URLs: seconds to wait for a server
    retries: int = RETRIES  # URLs: extra attempts after a timeout or a transient error
    feed_limit: int = FEED_LIMIT  # feeds: articles fetched per feed at most


Item = Document | Failure


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
    opts = options or IngestOptions()
    for p in paths:
        if p == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from _from_bytes("-", stream.read(opts.max_bytes + 1), opts)
            continue
        if p.lower().startswith(_URL_PREFIXES):
            from ._sources_web import from_url

            if client is None:
                client = Fetcher(
                    timeout=opts.timeout, retries=opts.retries, max_bytes=opts.max_bytes
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
        from ._sources_warc import from_warc

        yield from from_warc(path, opts)
        return
    if suffix in JSONL_SUFFIXES or suffix in CSV_SUFFIXES:
        from ._sources_rows import from_csv, from_jsonl

        yield from (from_jsonl if suffix in JSONL_SUFFIXES else from_csv)(path, opts)
        return
    origin = str(path)
    gz = path.name.lower().endswith(".gz")
    try:
        size = path.stat().st_size
        if size > opts.max_bytes and not gz:
            yield Failure(origin, f"file is {_mb(size)}, {_over(opts)}")
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


def _from_bytes(origin: str, data: bytes, opts: IngestOptions, name: str = "") -> Iterator[Item]:
    if len(data) > opts.max_bytes:
        yield Failure(origin, f"input is {_over(opts)}")
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
        from ._sources_rows import jsonl_lines

        lines = enumerate(text.splitlines(), start=1)
        yield from jsonl_lines(origin, ((n, (line, encoding)) for n, line in lines), opts)
        return
    yield Document(origin, text, sniff_media_type(text, suffix), encoding_meta(encoding))


def encoding_meta(encoding: str) -> dict[str, Any]:
    """``{"encoding": ...}`` when the text was not plain UTF-8 (so it is worth knowing)."""
    return {} if encoding in ("utf-8", "ascii") else {"encoding": encoding}


#: When charset detection is unsure between encodings (short texts often are), prefer the
#: Western code page: communique reads English-language news, where non-UTF-8 files are
#: overwhelmingly cp1252/Latin-1. A candidate within these margins of the best one wins.
CP1252_CHAOS_MARGIN = 0.05
CP1252_COHERENCE_MARGIN = 0.01


def decode(data: bytes, origin: str, encoding: str | None = None) -> str | Failure:
    """Bytes → text. BOMs are honoured; then UTF-8, a charset the HTML declares, or the
    encoding charset detection finds; ``encoding`` forces one."""
    result = decode_bytes(data, origin, encoding)
    return result if isinstance(result, Failure) else result[0]


def decode_bytes(
    data: bytes, origin: str, encoding: str | None = None
) -> tuple[str, str] | Failure:
    """Like :func:`decode`, also returning the name of the encoding used."""
    if encoding:
        try:
            return data.decode(encoding), encoding.lower()
        except (UnicodeDecodeError, LookupError) as exc:
            return Failure(origin, f"cannot decode as {encoding}: {exc}; try another --encoding")
    for bom, name in ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32")):
        if data.startswith(bom):
            return _decode_as(data, origin, name)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _decode_as(data, origin, "utf-16")
    if _looks_binary(data):
        return Failure(origin, "binary file, not text or HTML")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as exc:
        bad = exc.start
    declared = _declared_charset(data)
    if declared:
        try:
            return data.decode(declared), declared
        except (UnicodeDecodeError, LookupError):
            pass
    detected = _detect(data)
    if detected:
        try:
            return data.decode(detected), detected
        except (UnicodeDecodeError, LookupError):
            pass
    return Failure(
        origin,
        f"invalid UTF-8 at byte {bad} and no other encoding fits; if you know the "
        "encoding, pass --encoding (e.g. --encoding latin-1)",
    )


def _decode_as(data: bytes, origin: str, name: str) -> tuple[str, str] | Failure:
    try:
        return data.decode(name), name
    except UnicodeDecodeError as exc:
        return Failure(origin, f"invalid {name.upper()} after its byte-order mark: {exc}")


def _detect(data: bytes) -> str | None:
    """The encoding charset-normalizer finds for non-UTF-8 bytes, or None."""
    from charset_normalizer import from_bytes

    results = list(from_bytes(data[:MAX_DETECT_BYTES]))
    if not results:
        return None
    best = results[0]
    for r in results:
        if (
            "cp1252" in r.could_be_from_charset  # the encodings that give this same text
            and r.chaos <= best.chaos + CP1252_CHAOS_MARGIN
            and r.coherence >= best.coherence - CP1252_COHERENCE_MARGIN
        ):
            return "cp1252"
    return str(best.encoding)


#: Bytes given to charset detection: enough to decide, and bounded on large files.
MAX_DETECT_BYTES = 256 * 1024


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    control = sum(1 for b in head if b < 9 or 13 < b < 32)
    return control > len(head) * 0.05


def _declared_charset(data: bytes) -> str | None:
    head = data[:4096].lower()
    i = head.find(b"charset=")
    if i < 0:
        return None
    raw = head[i + 8 : i + 40].strip(b"\"' ")
    name = bytes(c for c in raw.split(b'"')[0].split(b";")[0] if chr(c).isalnum() or c in b"-_")
    return name.decode("ascii") or None


def sniff_media_type(text: str, suffix: str = "") -> MediaType:
    if suffix in HTML_SUFFIXES:
        return "text/html"
    head = text[:2048].lstrip().lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")) or "<body" in head:
        return "text/html"
    return "text/plain"


def _over(opts: IngestOptions) -> str:
    return f"over the limit of {_mb(opts.max_bytes)}; pass --max-bytes to raise it"


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB"
