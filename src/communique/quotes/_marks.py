"""Quotation marks → quoted stretches of text, for every mark style news uses.

Marks are paired within a paragraph. An opener that is never closed is dropped and the
paragraph is scanned again without it, so one stray mark never swallows the rest of the
article or hides the quotes after it. The news convention for a quote running over several
paragraphs is honoured: a paragraph whose quote is still open when it ends continues in
the next one, which opens with a new mark; each paragraph gives its own piece.
"""

from __future__ import annotations

import re

from ..records import Span, span_of

#: Opening mark → the marks that may close it. „ closes with “ (German) or ” (Polish);
#: straight marks close with themselves.
CLOSERS: dict[str, str] = {
    "“": "”",
    '"': '"',
    "«": "»",
    "„": "“”",
    "‘": "’",
    "‚": "‘’",
    "‹": "›",
    "'": "'",
}
#: Every character that can open or close a quote.
MARKS = frozenset("".join(CLOSERS) + "".join(CLOSERS.values()))
_PARAGRAPH = re.compile(r"\n[ \t\r\f\v]*\n\s*")
#: Characters after which a straight mark opens rather than closes.
_OPEN_BEFORE = " \t\n([{—–-/:;"
#: Characters before which a mark closes rather than opens.
_CLOSE_AFTER = " \t\n.,;:!?)]}—–-…"


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph; paragraphs are separated by blank lines."""
    out, pos = [], 0
    for m in _PARAGRAPH.finditer(text):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        out.append((pos, len(text)))
    return out


def quote_spans(text: str) -> list[Span]:
    """The quoted stretches of ``text`` (content only, without the marks), in text order.
    Each span reproduces its text: ``text[s.start:s.end] == s.text``."""
    out: list[Span] = []
    paras = paragraphs(text)
    for n, (p0, p1) in enumerate(paras):
        ignored: set[int] = set()
        while True:
            spans, still_open = _scan(text, p0, p1, ignored)
            if still_open is None:
                break
            pos, opener = still_open
            nxt = paras[n + 1][0] if n + 1 < len(paras) else -1
            if nxt >= 0 and text[nxt] == opener:  # continues in the next paragraph
                spans.append((pos + 1, p1))
                break
            ignored.add(pos)  # an opener never closed: drop it and pair the rest again
        for s, e in spans:
            sp = span_of(text, s, e)
            if sp.end > sp.start:
                out.append(sp)
    return out


def _scan(
    text: str, p0: int, p1: int, ignored: set[int]
) -> tuple[list[tuple[int, int]], tuple[int, str] | None]:
    spans: list[tuple[int, int]] = []
    open_at: tuple[int, str] | None = None
    for i in range(p0, p1):
        c = text[i]
        if c not in MARKS or i in ignored:
            continue
        if open_at is None:
            if c in CLOSERS and _can_open(text, i, p0, p1):
                open_at = (i, c)
            continue
        start, opener = open_at
        if c in CLOSERS[opener] and _can_close(text, i, p0, p1, opener):
            spans.append((start + 1, i))
            open_at = None
        elif c == opener and _can_open(text, i, p0, p1):
            open_at = (i, c)  # the same opener again: the earlier one was never closed
    return spans, open_at


def _can_open(text: str, i: int, p0: int, p1: int) -> bool:
    c = text[i]
    after = text[i + 1] if i + 1 < p1 else " "
    before = text[i - 1] if i > p0 else " "
    if after.isspace():
        return False
    if c in "\"'":
        return before in _OPEN_BEFORE or before in MARKS
    if c == "‘":
        return not before.isalnum()
    return True


def _can_close(text: str, i: int, p0: int, p1: int, opener: str) -> bool:
    c = text[i]
    after = text[i + 1] if i + 1 < p1 else " "
    before = text[i - 1] if i > p0 else " "
    if c in "’'":
        if before.isalnum() and after.isalnum():
            return False  # an apostrophe: don’t, Côte d’Ivoire
        if before in "sS" and after == " " and i + 2 < p1 and text[i + 2].islower():
            # "the allies’ concerns": a plural possessive, when a later mark can close
            return text.find(c, i + 1, p1) < 0
    # a straight mark between a space and a word looks like an opener
    return not (c in "\"'" and before.isspace() and after not in _CLOSE_AFTER)
