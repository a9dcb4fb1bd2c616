"""Finding tags and elements in raw HTML in linear time.

A regular expression like ``<title[^>]*>(.*?)</title>`` takes time proportional to the
rest of the page from *every* place it starts: a page with many unclosed ``<title>``,
``<meta `` or ``<script>`` openings makes it quadratic (issue 17: 200,000 characters of
``<p class="quote`` took 90 s). Here every scan moves forward only: a tag ends at the next
``>`` (none left: no more tags), an element at the first closing tag after it (none
left: no later element of that name can close either)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

#: A tag longer than this is cut to its bare name (``<div a1="v" … a100000="v">`` →
#: ``<div>``) before any parsing: lxml and htmldate take quadratic time over an element's
#: attributes, and no article's text sits in its attributes. Inline SVG paths, the longest
#: tags real pages have, stay well below it.
MAX_TAG_CHARS = 20_000

_LONG_TAG_RE = re.compile(rf"<([A-Za-z][\w:-]*+)[^<>]{{{MAX_TAG_CHARS},}}+>")


@dataclass(frozen=True)
class Tag:
    """An opening tag: its lower-case name, where it starts and ends, its attribute text."""

    name: str
    start: int
    end: int
    attrs: str


@functools.cache
def _opening(names: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"<({'|'.join(map(re.escape, names))})\b", re.IGNORECASE)


@functools.cache
def _closing(name: str) -> re.Pattern[str]:
    return re.compile(rf"</{re.escape(name)}\s*>", re.IGNORECASE)


def iter_tags(html: str, *names: str, start: int = 0, end: int | None = None) -> Iterator[Tag]:
    """The opening tags named ``names`` in ``html[start:end]``, in order. A ``<`` inside a
    tag (before its ``>``) starts no tag of its own."""
    stop = len(html) if end is None else end
    pos = start
    opening = _opening(names)
    while m := opening.search(html, pos, stop):
        gt = html.find(">", m.end(), stop)
        if gt < 0:
            return
        yield Tag(m.group(1).lower(), m.start(), gt + 1, html[m.end() : gt])
        pos = gt + 1


def element_end(html: str, tag: Tag, end: int | None = None) -> tuple[int, int] | None:
    """Where the content of the element ``tag`` opens ends (its closing tag's start) and
    where its closing tag ends; None when it is never closed."""
    m = _closing(tag.name).search(html, tag.end, len(html) if end is None else end)
    return (m.start(), m.end()) if m else None


def first_element(html: str, name: str, end: int | None = None) -> str | None:
    """The content of the first closed ``name`` element in ``html[:end]``."""
    for tag in iter_tags(html, name, end=end):
        closed = element_end(html, tag, end)
        if closed is None:
            return None  # no later one can close either
        return html[tag.end : closed[0]]
    return None


def bound_tags(html: str) -> str:
    """``html`` with every tag over MAX_TAG_CHARS cut to its bare name."""
    if len(html) <= MAX_TAG_CHARS:
        return html
    return _LONG_TAG_RE.sub(r"<\1>", html)
