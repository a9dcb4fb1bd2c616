"""One article per row: JSONL (one JSON object per line) and CSV/TSV (a header row, then one
article per row), with configurable field names. Read a row at a time, each row bounded by
``--max-bytes``, so a dump of any size streams with flat memory; a bad row is a Failure
for that row and the rest of the file is still read."""

from __future__ import annotations

import codecs
import csv
import gzip
import io
import json
import zlib
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from .. import dates
from ..records import Document, Failure
from ._decode import decode_bytes, encoding_meta
from ._options import IngestOptions, Item, megabytes, over_limit

#: Bytes of a CSV file looked at to choose its encoding (when it is not UTF-8).
HEAD_BYTES = 64 * 1024
_READ = 1024 * 1024


Reader = io.BufferedReader | gzip.GzipFile  # both can ``peek``


def _open(path: Path) -> Reader:
    """The file's bytes, decompressed when it ends in .gz (the caller closes it)."""
    if path.name.lower().endswith(".gz"):
        return gzip.GzipFile(path, "rb")
    return io.BufferedReader(io.FileIO(path, "rb"), buffer_size=HEAD_BYTES)


def _meta(obj: dict[str, Any], opts: IngestOptions) -> dict[str, Any] | str:
    """The row's metadata fields, or why one of them cannot be used: each must be text
    (``authors`` may also be a list of texts). A number, a list, an object or true/false
    where text belongs is refused with the field's name, never stored as whatever it is."""
    fields = {
        "url": opts.url_field,
        "outlet": opts.outlet_field,
        "title": opts.title_field,
        "published": opts.published_field,
        "authors": "authors",
    }
    meta: dict[str, Any] = {}
    for key, name in fields.items():
        value = obj.get(name)
        if value is None or value == "":
            continue
        texts = value if key == "authors" and isinstance(value, list) else [value]
        wrong = next((v for v in texts if not isinstance(v, str)), None)
        if wrong is not None:
            return (
                f"field {name!r} is {_kind(wrong)}, not text; give the {key} as a string "
                f'(e.g. "{name}": "{_EXAMPLES[key]}")'
            )
        meta[key] = value
    if "published" in meta:
        # normalised once, here, where the row enters; an unreadable value is dropped, and
        # the cleaner's date (from the page or the text) is used instead
        published = dates.normalise(meta.pop("published"), day_first=opts.day_first)
        if published:
            meta["published"] = published
    return meta


_EXAMPLES = {
    "url": "https://example.com/a",
    "outlet": "Reuters",
    "title": "Headline",
    "published": "2020-05-05",
    "authors": "Jane Doe",
}


def _kind(value: object) -> str:
    """What a JSON value is, in words."""
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _document(
    where: str, what: str, obj: dict[str, Any], opts: IngestOptions, encoding: str
) -> Item:
    html = obj.get(opts.html_field)
    body = obj.get(opts.text_field)
    meta = _meta(obj, opts)
    if isinstance(meta, str):
        return Failure(where, f"{what}: {meta}")
    meta.update(encoding_meta(encoding))
    if isinstance(html, str) and html.strip():
        return Document(where, html, "text/html", meta)
    if isinstance(body, str) and body.strip():
        return Document(where, body, "text/plain", meta)
    fields = f"{opts.text_field!r} or {opts.html_field!r}"
    return Failure(
        where,
        f"{what} has no {fields} field with text; name the fields with --text-field "
        "or --html-field",
    )


# -- JSONL ------------------------------------------------------------------------------
def from_jsonl(path: Path, opts: IngestOptions) -> Iterator[Item]:
    origin = str(path)
    try:
        with _open(path) as fh:
            head = fh.peek(4)[:4]
            if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")):
                # UTF-16/32 cannot be split into lines as bytes: decode the whole (bounded)
                data = fh.read(opts.max_bytes + 1)
                if len(data) > opts.max_bytes:
                    yield Failure(origin, f"UTF-16 JSONL file is {over_limit(opts)}")
                    return
                decoded = decode_bytes(data, origin, opts.encoding)
                if isinstance(decoded, Failure):
                    yield decoded
                    return
                text, enc = decoded
                lines = ((n, (line, enc)) for n, line in enumerate(text.splitlines(), start=1))
                yield from jsonl_lines(origin, lines, opts)
                return
            yield from jsonl_lines(origin, _byte_lines(origin, fh, opts), opts)
    except (OSError, EOFError, zlib.error) as exc:
        yield Failure(origin, f"cannot read: {exc}; the rest of the file is skipped")


Line = tuple[str, str] | Failure  # (text, encoding) or why the line cannot be read


def _byte_lines(origin: str, fh: Reader, opts: IngestOptions) -> Iterator[tuple[int, Line]]:
    """Decode line by line, each bounded by max_bytes (an over-long line is skipped)."""
    lineno = 0
    while True:
        line = fh.readline(opts.max_bytes + 1)
        if not line:
            return
        lineno += 1
        where = f"{origin}#{lineno}"
        if len(line) > opts.max_bytes and not line.endswith(b"\n"):
            while (rest := fh.readline(_READ)) and not rest.endswith(b"\n"):
                pass  # skip the rest of the over-long line without holding it
            yield lineno, Failure(where, f"line {lineno} is {over_limit(opts)}")
            continue
        if lineno == 1:
            line = line.removeprefix(codecs.BOM_UTF8)
        if not line.strip():
            continue
        yield lineno, decode_bytes(line, where, opts.encoding)


def jsonl_lines(
    origin: str, lines: Iterable[tuple[int, Line]], opts: IngestOptions
) -> Iterator[Item]:
    """JSON objects → documents; ``lines`` are (line number, (text, encoding) | Failure)."""
    for lineno, decoded in lines:
        if isinstance(decoded, Failure):
            yield decoded
            continue
        line, enc = decoded
        if not line.strip():
            continue
        where = f"{origin}#{lineno}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Failure(where, f"line {lineno} is not JSON ({exc.msg}); fix or remove it")
            continue
        if not isinstance(obj, dict):
            yield Failure(where, f"line {lineno} is not a JSON object")
            continue
        yield _document(where, f"line {lineno}", obj, opts, enc)


# -- CSV --------------------------------------------------------------------------------
def from_csv(path: Path, opts: IngestOptions) -> Iterator[Item]:
    origin = str(path)
    # csv refuses fields over 128 KiB by default, less than many HTML pages: allow one
    # article's worth. (A process-wide setting of the csv module; raising it only widens.)
    if csv.field_size_limit() < opts.max_bytes:
        csv.field_size_limit(opts.max_bytes)
    delimiter = "\t" if _is_tsv(path) else ","
    row = 0
    with ExitStack() as stack:
        try:
            raw = _open(path)
            stack.callback(raw.close)
            encoding = _csv_encoding(origin, _head(raw), opts)
            if isinstance(encoding, Failure):
                yield encoding
                return
            text = stack.enter_context(io.TextIOWrapper(raw, encoding=_codec(encoding), newline=""))
            reader = csv.DictReader(_bounded_lines(text, opts.max_bytes), delimiter=delimiter)
            columns = reader.fieldnames
        except (OSError, EOFError, zlib.error, UnicodeDecodeError, csv.Error) as exc:
            yield Failure(origin, f"cannot read: {exc}")
            return
        except _LineTooLong:
            yield Failure(origin, f"the CSV header line is {over_limit(opts)}")
            return
        if not columns:
            yield Failure(origin, "CSV file is empty; it needs a header row naming its columns")
            return
        if opts.text_field not in columns and opts.html_field not in columns:
            yield Failure(
                origin,
                f"CSV has no {opts.text_field!r} or {opts.html_field!r} column (columns: "
                f"{', '.join(repr(c) for c in columns[:12])}); name the article column with "
                "--text-field or --html-field",
            )
            return
        while True:
            row += 1
            where = f"{origin}#{row}"
            try:
                record = next(reader)
            except StopIteration:
                return
            except _LineTooLong:
                yield Failure(
                    where,
                    f"row {row} holds a line {over_limit(opts)}; the rest of the file is skipped",
                )
                return
            except csv.Error as exc:
                yield Failure(where, f"row {row} is not valid CSV ({exc}); fix or remove it")
                continue
            except (UnicodeDecodeError, OSError, EOFError, zlib.error) as exc:
                yield Failure(
                    where,
                    f"cannot read row {row} or after it ({exc}); the rest of the file is "
                    "skipped: pass --encoding if the file is not in "
                    f"{encoding}",
                )
                return
            size = sum(len(v) for v in record.values() if isinstance(v, str))
            if size > opts.max_bytes:
                yield Failure(where, f"row {row} holds {megabytes(size)}, {over_limit(opts)}")
                continue
            yield _document(where, f"row {row}", record, opts, encoding)


class _LineTooLong(Exception):
    """A line longer than --max-bytes: reading it whole could take any amount of memory (a
    gzip file of a few MB can hold one line of gigabytes)."""


def _bounded_lines(text: io.TextIOWrapper, limit: int) -> Iterator[str]:
    """The lines of ``text`` for the csv reader, none read beyond ``limit`` characters."""
    while line := text.readline(limit + 1):
        if len(line) > limit:
            raise _LineTooLong
        yield line


def _head(fh: Reader) -> bytes:
    """The first bytes of ``fh``, without consuming them."""
    return fh.peek(HEAD_BYTES)[:HEAD_BYTES]  # at most one buffer (8-64 KiB): enough to judge


def _is_tsv(path: Path) -> bool:
    return path.name.lower().removesuffix(".gz").endswith(".tsv")


def _codec(encoding: str) -> str:
    return "utf-8-sig" if encoding == "utf-8" else encoding


def _csv_encoding(origin: str, head: bytes, opts: IngestOptions) -> str | Failure:
    """The encoding of a CSV file, judged on its first bytes (a cut multi-byte character
    at the end of them is not held against UTF-8)."""
    if opts.encoding:
        return opts.encoding
    try:
        head.decode("utf-8-sig")
        return "utf-8"
    except UnicodeDecodeError as exc:
        if exc.start >= len(head) - 3 and exc.reason == "unexpected end of data":
            return "utf-8"
    decoded = decode_bytes(head, origin)
    return decoded if isinstance(decoded, Failure) else decoded[1]
