"""Issue 16: the registry matcher's patterns are built once and cached on disk, keyed by
what they depend on; a corrupt or foreign file is ignored and rebuilt."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from communique.actors import ActorResolver, Registry, cache_dir, pattern_ids

NAMES = ["Dmitry Peskov", "European Union", "U.S. State Department", "Kremlin"]


def _fresh(nlp: Any, names: list[str]) -> list[tuple[int, ...]]:
    return [tuple(t.orth for t in nlp.tokenizer(n)) for n in names]


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("COMMUNIQUE_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_patterns_are_written_once_then_read(pipeline: Any, cache: Path) -> None:
    nlp = pipeline.nlp
    assert cache_dir() == cache
    assert pattern_ids(nlp, NAMES) == _fresh(nlp, NAMES)
    (written,) = cache.iterdir()
    # the file is what is read: ids changed in it come back (a rebuild would not give them)
    with np.load(written) as data:
        flat, lengths = data["flat"], data["lengths"]
    with written.open("wb") as fh:
        np.savez(fh, flat=flat + np.uint64(1), lengths=lengths)
    assert pattern_ids(nlp, NAMES) == [tuple(i + 1 for i in p) for p in _fresh(nlp, NAMES)]
    assert len(list(cache.iterdir())) == 1
    # other names: another file, not the first one's answer
    assert pattern_ids(nlp, NAMES[:2]) == _fresh(nlp, NAMES[:2])
    assert len(list(cache.iterdir())) == 2


def test_a_corrupt_cache_file_is_ignored_and_rebuilt(pipeline: Any, cache: Path) -> None:
    nlp = pipeline.nlp
    pattern_ids(nlp, NAMES)
    (written,) = cache.iterdir()
    for junk in (b"", b"not a numpy file", written.read_bytes()[:100]):
        written.write_bytes(junk)
        assert pattern_ids(nlp, NAMES) == _fresh(nlp, NAMES)
    assert written.read_bytes()[:2] == b"PK"  # rewritten whole


def test_an_unwritable_cache_folder_only_means_no_cache(
    pipeline: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the folder should be")
    monkeypatch.setenv("COMMUNIQUE_CACHE_DIR", str(blocker / "cache"))
    assert pattern_ids(pipeline.nlp, NAMES) == _fresh(pipeline.nlp, NAMES)


def test_the_resolver_finds_the_same_mentions_with_a_cached_matcher(
    pipeline: Any, cache: Path
) -> None:
    text = "Kremlin spokesman Dmitry Peskov said the European Union must act."
    doc = pipeline.nlp(text)
    registry = Registry.load(())
    built = ActorResolver(pipeline.nlp, registry)  # writes the cache
    cached = ActorResolver(pipeline.nlp, registry)  # reads it
    assert list(cache.iterdir())
    assert built.matcher(doc) == cached.matcher(doc) and built.matcher(doc)
