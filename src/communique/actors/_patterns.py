"""The registry's phrase-matcher patterns, cached on disk.

The matcher looks for every registry name as a sequence of token ids (spaCy ``ORTH``
hashes, the same in every process). Tokenising ten thousand names costs about as much
CPU as loading the model and, done as spaCy ``Doc`` objects, some 40 MB of memory; so the
ids are kept in a file named by a hash of everything they depend on (the names, spaCy's
version, the model and its tokenizer's rules). A changed registry or model is a new name,
never a stale answer.

The folder and how a file is written are :mod:`communique._cache`'s; a file that cannot
be read or does not add up is ignored and rebuilt."""

from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from .._cache import cache_dir, write_cached

#: Bump when the file's layout changes.
FORMAT = "communique-matcher-patterns/1"


def pattern_ids(nlp: Any, names: Sequence[str]) -> list[tuple[int, ...]]:
    """Each name's token ids under ``nlp``'s tokenizer, from the cache when it has them."""
    from importlib.metadata import version

    h = hashlib.sha256(FORMAT.encode())
    meta = nlp.meta
    h.update(f"{version('spacy')}\0{meta.get('name')}\0{meta.get('version')}\0".encode())
    # the tokenizer's rules, not its vocab: the vocab grows with every text read, so a
    # matcher built after the first parse (a one-process run) never found its file
    h.update(nlp.tokenizer.to_bytes(exclude=["vocab"]))
    for name in names:
        h.update(name.encode("utf-8", "surrogatepass") + b"\0")
    path = cache_dir() / f"matcher-{h.hexdigest()[:32]}.npz"
    cached = _read(path, len(names))
    if cached is not None:
        return cached
    # one name at a time: no ten thousand Docs alive at once
    pats = [tuple(int(t.orth) for t in nlp.tokenizer(name)) for name in names]
    _write(path, pats)
    return pats


def _read(path: Path, count: int) -> list[tuple[int, ...]] | None:
    try:
        with np.load(path, allow_pickle=False) as data:
            flat, lengths = data["flat"], data["lengths"]
            if len(lengths) != count or int(lengths.sum()) != len(flat) or (lengths < 0).any():
                return None
            ids = flat.tolist()
    except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile):  # absent, broken
        return None
    out: list[tuple[int, ...]] = []
    at = 0
    for n in lengths.tolist():
        out.append(tuple(ids[at : at + n]))
        at += n
    return out


def _write(path: Path, pats: Sequence[tuple[int, ...]]) -> None:
    flat = np.fromiter((i for p in pats for i in p), dtype=np.uint64)
    lengths = np.array([len(p) for p in pats], dtype=np.int64)
    write_cached(path, lambda fh: np.savez(fh, flat=flat, lengths=lengths))
