"""Records laid over the text they came from: every quote, event and actor mention is a
stand-off span, and the page shows the text cut at every span boundary, each piece knowing
which records cover it (the most specific one is what a click opens)."""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Iterable

#: Kinds of marks, most specific first: a piece covered by several links to the first.
KINDS = ("trigger", "speaker", "cue", "mention", "quote", "evidence")
_RANK = {k: i for i, k in enumerate(KINDS)}


@dataclasses.dataclass(frozen=True, slots=True)
class Mark:
    """A span of a record: ``ref`` is the record's anchor (``ev-3``, ``q-2``, ``m-14``),
    ``note`` the one line a hover shows."""

    start: int
    end: int
    kind: str
    ref: str
    note: str


@dataclasses.dataclass(frozen=True, slots=True)
class Piece:
    """A run of text covered by the same marks; ``opens`` are the anchors of the records
    that start here (the text's own links back to them)."""

    text: str
    marks: tuple[Mark, ...] = ()
    opens: tuple[str, ...] = ()

    @property
    def classes(self) -> str:
        return " ".join(sorted({m.kind for m in self.marks}, key=_RANK.__getitem__))

    @property
    def target(self) -> Mark | None:
        return min(self.marks, key=lambda m: _RANK[m.kind]) if self.marks else None

    @property
    def note(self) -> str:
        return "\n".join(dict.fromkeys(m.note for m in sorted(self.marks, key=_rank)))

    def has(self, ref: str) -> bool:
        return any(m.ref == ref for m in self.marks)


def _rank(m: Mark) -> tuple[int, int]:
    return (_RANK[m.kind], m.start)


def pieces(text: str, marks: Iterable[Mark]) -> list[Piece]:
    """``text`` cut at every boundary of ``marks`` (spans outside the text are left out),
    in order; joined, the pieces are the text."""
    n = len(text)
    kept = [m for m in marks if 0 <= m.start < m.end <= n]
    cuts = sorted({0, n, *(m.start for m in kept), *(m.end for m in kept)})
    starts: dict[int, list[Mark]] = {}
    for m in kept:
        starts.setdefault(m.start, []).append(m)
    out: list[Piece] = []
    active: list[Mark] = []
    for lo, hi in itertools.pairwise(cuts):
        active = [m for m in active if m.end > lo] + starts.get(lo, [])
        opens = tuple(dict.fromkeys(m.ref for m in starts.get(lo, [])))
        out.append(Piece(text[lo:hi], tuple(active), opens))
    return out
