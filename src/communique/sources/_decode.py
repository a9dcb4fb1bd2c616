"""Bytes → text: byte-order marks, UTF-8, a declared charset, or detection; and what kind
of text it is (HTML or plain)."""

from __future__ import annotations

import codecs
from typing import Any

from ..records import Failure, MediaType
from ._options import HTML_SUFFIXES


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
    declared = (_declared_charset(data) or "utf-8").lower().replace("_", "-")
    if declared in ("utf-8", "utf8") and _has_utf8(data):
        # UTF-8 with a few stray bytes (a cp1252 quote pasted in, a file joined from two):
        # the UTF-8 stays UTF-8 and only the stray bytes are read as cp1252, where decoding
        # the whole file as cp1252 turned every accent into mojibake ("AuÃŸenminister")
        return data.decode("utf-8-sig", errors=_CP1252_BYTES), MIXED
    for guess in (_declared_charset, _detect):  # detection when the page's charset fails
        charset = guess(data)
        found = decode_named(data, charset)
        if found is not None:
            return found, str(charset)
    return Failure(
        origin,
        f"invalid UTF-8 at byte {bad} and no other encoding fits; if you know the "
        "encoding, pass --encoding (e.g. --encoding latin-1)",
    )


#: The encoding reported for UTF-8 text with stray cp1252 bytes.
MIXED = "utf-8+cp1252"
_CP1252_BYTES = "communique-cp1252-bytes"


def _cp1252_bytes(exc: UnicodeError) -> tuple[str, int]:
    """A codec error handler: the bytes UTF-8 could not decode, read as cp1252."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    bad = exc.object[exc.start : exc.end]
    return bytes(bad).decode("cp1252", errors="replace"), exc.end


codecs.register_error(_CP1252_BYTES, _cp1252_bytes)


def _has_utf8(data: bytes) -> bool:
    """Do the bytes hold at least one well-formed multi-byte UTF-8 character (so the file
    is UTF-8 with strays, not a single-byte encoding)? Checked on a bounded head."""
    text = data[:MAX_DETECT_BYTES].decode("utf-8", errors="replace")
    return any(ord(c) > 127 and c != "\ufffd" for c in text)


def decode_named(data: bytes, name: str | None) -> str | None:
    """``data`` decoded with the charset a page, a server or a detector names; None when
    there is no name, no such codec, or the bytes do not fit it. Pages name charsets that
    are not text codecs at all (``"undefined"``, whose codec always raises; ``"base64"``),
    and a name is only ever a hint: the caller falls back to detection."""
    if not name:
        return None
    try:
        if not getattr(codecs.lookup(name), "_is_text_encoding", True):
            return None  # bytes-to-bytes codecs (base64, zlib) are not charsets
        return data.decode(name)
    except (UnicodeError, LookupError):  # UnicodeError: the "undefined" codec's refusal
        return None


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


#: Every byte but the control characters text never holds (0-8, 14-31): deleting these
#: from a head leaves its control characters, counted at C speed.
_NOT_CONTROL = bytes(b for b in range(256) if not (b < 9 or 13 < b < 32))


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    control = len(head.translate(None, _NOT_CONTROL))
    return control > len(head) * 0.05


def _declared_charset(data: bytes) -> str | None:
    head = data[:4096].lower()
    i = head.find(b"charset=")
    if i < 0:
        return None
    raw = head[i + 8 : i + 40].strip(b"\"' ")
    name = bytes(
        c for c in raw.split(b'"')[0].split(b";")[0] if c < 128 and (chr(c).isalnum() or c in b"-_")
    )
    return name.decode("ascii") or None  # codec names are ASCII: other bytes are dropped


def sniff_media_type(text: str, suffix: str = "") -> MediaType:
    if suffix in HTML_SUFFIXES:
        return "text/html"
    head = text[:2048].lstrip().lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")) or "<body" in head:
        return "text/html"
    return "text/plain"
