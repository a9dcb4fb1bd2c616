"""Mojibake: UTF-8 text that was decoded as cp1252 or Latin-1 somewhere upstream ("AndrÃ©s"
for "Andrés", "donâ€™t" for "don't"). Scraped pages and exported datasets carry it even when
our own decoding is right. Each run of characters that could be such a misreading is
re-encoded and decoded as UTF-8; it is replaced only when that succeeds, so real Latin-1
letters ("São Paulo", "Ãlvaro" written as such) are left alone.
"""

from __future__ import annotations

import re

# a lead byte of a UTF-8 sequence (0xC2-0xF4) read as cp1252/Latin-1, then 1-3 continuation
# bytes (0x80-0xBF) read the same way
_CONT = "\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
_ONE = f"[\u00c2-\u00f4][{_CONT}]{{1,3}}"
# one sequence, then more: the same matches as (?:ONE)+, but a pattern that opens with a
# character class lets re skip to the next lead character (8× faster on web pages)
_RUN = re.compile(f"{_ONE}(?:{_ONE})*")
_LEADS = tuple(map(chr, range(0xC2, 0xF5)))


def repair_mojibake(text: str) -> str:
    """``text`` with UTF-8-read-as-cp1252 runs decoded again (unchanged when there are none)."""
    # most pages hold none of the lead characters: str.isascii and `in` rule them out at
    # memory speed, before the regular expression reads the page
    if text.isascii() or not any(c in text for c in _LEADS) or not _RUN.search(text):
        return text
    return _RUN.sub(_redecode, text)


def _redecode(m: re.Match[str]) -> str:
    s = m.group(0)
    try:
        return bytes(_byte(c) for c in s).decode("utf-8")
    except UnicodeDecodeError:
        return s


def _byte(c: str) -> int:
    """The byte a cp1252 reader turned into ``c`` (Latin-1 for the five bytes cp1252 leaves
    undefined, which such readers pass through as C1 controls)."""
    try:
        return c.encode("cp1252")[0]
    except UnicodeEncodeError:
        return ord(c)  # U+0081, U+008D, U+008F, U+0090, U+009D: the byte itself
