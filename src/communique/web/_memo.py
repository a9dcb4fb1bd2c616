"""What the web app keeps between requests: the answers of its dearest reads (a dyad's
acts and relation series, the busiest dyads, the overview's counts, an actor's sums over
the store: how articles named it, stance toward and by it), each kept only while the store
is unchanged.

Every answer is filed under the store's *generation*, which moves on whenever another
connection has committed to the store since the last request — an ``analyze`` or a
``recode`` writing — or the file at the store's path was replaced. The generation is read
from SQLite's ``PRAGMA data_version`` on one read-only connection kept open for that
alone (its values are comparable only on one connection) and the file's device and inode.
When it moves on, everything kept is dropped: an answer is never served after a write
that could change it. An answer computed while a write commits is filed under the
generation seen before computing it, so it is at least as new as that generation; the
next request sees the new generation and computes again."""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from ..store import Store

T = TypeVar("T")

#: Answers kept at most (the least recently used is dropped first). The acts and series of
#: the busiest dyad of a 10,000-article store (3,850 reports) take a few MB.
MEMO_SIZE = 64


class Memo:
    """Answers kept per store generation; ``size`` 0 keeps nothing (every read is made)."""

    def __init__(self, path: str, size: int = MEMO_SIZE) -> None:
        self.path = path
        self.size = size
        self._lock = threading.Lock()
        self._watch: Store | None = None
        self._seen: tuple[int, int, int] | None = None  # device, inode, data_version
        self._generation = 0
        self._kept: OrderedDict[tuple[int, Hashable], Any] = OrderedDict()
        self.hits = 0
        self.misses = 0

    def generation(self) -> int:
        """The store's generation now: it moves on when the store changed since last asked."""
        with self._lock:
            st = os.stat(self.path)
            file = (st.st_dev, st.st_ino)
            if self._watch is None or self._seen is None or self._seen[:2] != file:
                if self._watch is not None:  # another file at the path: watch that one
                    self._watch.close()
                self._watch = Store.open(self.path, read_only=True, any_thread=True)
            seen = (*file, self._watch.data_version())
            if seen != self._seen:
                self._seen = seen
                self._generation += 1
                self._kept.clear()
            return self._generation

    def get(self, key: Hashable, make: Callable[[], T]) -> T:
        """The answer kept under ``key`` for the store as it is now, else ``make()``'s
        (kept for the next requests while the store stays unchanged)."""
        if self.size <= 0:
            return make()
        generation = self.generation()
        with self._lock:
            if (generation, key) in self._kept:
                self._kept.move_to_end((generation, key))
                self.hits += 1
                return self._kept[(generation, key)]  # type: ignore[no-any-return]
        value = make()
        with self._lock:
            self.misses += 1
            if generation == self._generation:  # the store did not move on meanwhile
                self._kept[(generation, key)] = value
                while len(self._kept) > self.size:
                    self._kept.popitem(last=False)
        return value

    def close(self) -> None:
        with self._lock:
            if self._watch is not None:
                self._watch.close()
                self._watch = None
                self._seen = None
