"""Sources → documents. Reads files, directories (recursively), globs, ``.gz``, JSONL and
standard input, and yields a :class:`Document` for every readable input and a
:class:`Failure` (with the reason) for every unreadable one. No network here."""

from __future__ import annotations

import glob
import gzip
import json
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from .records import Document, Failure, MediaType

#: Inputs larger than this (after decompression) are refused: no news article is this big,
#: and a page this size is almost always a dump or a binary. Override with --max-bytes.
MAX_BYTES = 16 * 1024 * 1024

HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
_SKIP_NAMES = {".DS_Store", "Thumbs.db"}


@dataclass(frozen=True)
class IngestOptions:
    max_bytes: int = MAX_BYTES
    encoding: str | None = None  # force a text encoding (e.g. "latin-1"); default: detect
    text_field: str = "text"  # JSONL: field holding plain text
    html_field: str = "html"  # JSONL: field holding HTML (used when present)


Item = Document | Failure


def iter_documents(
    paths: Iterable[str], options: IngestOptions | None = None, *, stdin: BinaryIO | None = None
) -> Iterator[Item]:
    """Yield one Document or Failure per input, in a stable order."""
    opts = options or IngestOptions()
    for p in paths:
        if p == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from _from_bytes("-", stream.read(opts.max_bytes + 1), opts)
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
        matches = sorted(Path(m) for m in glob.glob(p, recursive=True))
        files = [m for m in matches if m.is_file() and _wanted(Path(m.name))]
        if not files:
            yield Failure(p, "pattern matches no files")
        yield from files
    else:
        yield Failure(p, "no such file or directory")


#: What a directory or glob contributes: article-like files only (a README or a CSV
#: beside the articles is not an article). A file named explicitly is always read.
DIR_SUFFIXES = HTML_SUFFIXES | JSONL_SUFFIXES | {".txt", ".text", ".warc"}


def _wanted(f: Path) -> bool:
    """``f`` relative to the directory searched: hidden files and folders are skipped."""
    if any(part.startswith(".") for part in f.parts) or f.name in _SKIP_NAMES:
        return False
    suffix = Path(f.name.removesuffix(".gz")).suffix.lower()
    return suffix in DIR_SUFFIXES


def _from_file(path: Path, opts: IngestOptions) -> Iterator[Item]:
    origin = str(path)
    try:
        size = path.stat().st_size
        if size > opts.max_bytes and path.suffix != ".gz":
            yield Failure(origin, f"file is {_mb(size)}, over the limit of {_mb(opts.max_bytes)}")
            return
        if path.suffix == ".gz":
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
        yield Failure(origin, f"input is over the limit of {_mb(opts.max_bytes)}")
        return
    suffixes = [s.lower() for s in Path(name.removesuffix(".gz")).suffixes[-1:]]
    suffix = suffixes[0] if suffixes else ""
    if not data.strip():
        yield Failure(origin, "empty input")
        return
    text = decode(data, origin, opts.encoding)
    if isinstance(text, Failure):
        yield text
        return
    if suffix in JSONL_SUFFIXES or (not name and text.lstrip().startswith("{")):
        yield from _from_jsonl(origin, text, opts)
        return
    yield Document(origin, text, sniff_media_type(text, suffix))


def _from_jsonl(origin: str, text: str, opts: IngestOptions) -> Iterator[Item]:
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{origin}#{lineno}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Failure(where, f"line {lineno} is not JSON ({exc.msg})")
            continue
        if not isinstance(obj, dict):
            yield Failure(where, f"line {lineno} is not a JSON object")
            continue
        html = obj.get(opts.html_field)
        body = obj.get(opts.text_field)
        meta: dict[str, Any] = {
            k: obj[k] for k in ("url", "outlet", "title", "published", "authors") if obj.get(k)
        }
        if isinstance(html, str) and html.strip():
            yield Document(where, html, "text/html", meta)
        elif isinstance(body, str) and body.strip():
            yield Document(where, body, "text/plain", meta)
        else:
            fields = f"{opts.text_field!r} or {opts.html_field!r}"
            yield Failure(where, f"line {lineno} has no {fields} field with text")


def decode(data: bytes, origin: str, encoding: str | None = None) -> str | Failure:
    """Bytes → text. BOMs are honoured; otherwise UTF-8, or the encoding the user forced."""
    if encoding:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            return Failure(origin, f"cannot decode as {encoding}: {exc}")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            return Failure(origin, f"invalid UTF-16: {exc}")
    if _looks_binary(data):
        return Failure(origin, "binary file, not text or HTML")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        declared = _declared_charset(data)
        if declared:
            try:
                return data.decode(declared)
            except (UnicodeDecodeError, LookupError):
                pass
        return Failure(
            origin,
            f"invalid UTF-8 at byte {exc.start}; if the file is in another encoding, "
            "pass --encoding (e.g. --encoding latin-1)",
        )


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


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB"
