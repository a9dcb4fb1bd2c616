"""communique: news articles → evidence-backed political event data.

>>> import communique
>>> result = communique.analyze_text("Kremlin spokesman Dmitry Peskov said ...")  # doctest: +SKIP
>>> store = communique.open_store("communique.db")  # doctest: +SKIP
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from ._lazy import lazy_getattr
from ._version import __version__ as __version__
from .errors import CommuniqueError

if TYPE_CHECKING:
    from pathlib import Path

    from .pipeline import Options, Pipeline, Stage
    from .records import (
        SCHEMA,
        Actor,
        Analysis,
        Article,
        Event,
        Failure,
        Mention,
        Quote,
        Span,
        Stance,
    )
    from .store import Store

#: Names loaded on first use, so that `import communique` (and `communique --help`) does
#: not load the records, the pipeline, spaCy or the store until they are asked for.
_RECORDS = ("SCHEMA", "Actor", "Analysis", "Article", "Event", "Failure", "Mention", "Quote")
_LAZY = {
    **dict.fromkeys((*_RECORDS, "Span", "Stance"), "records"),
    "Options": "pipeline",
    "Pipeline": "pipeline",
    "Stage": "pipeline",
    "Store": "store",
}


__getattr__ = lazy_getattr(__name__, _LAZY, globals())


__all__ = [
    "SCHEMA",
    "Actor",
    "Analysis",
    "Article",
    "CommuniqueError",
    "Event",
    "Failure",
    "Mention",
    "Options",
    "Pipeline",
    "Quote",
    "Span",
    "Stage",
    "Stance",
    "Store",
    "analyze_text",
    "open_store",
]


@lru_cache(maxsize=1)
def _default_pipeline() -> Pipeline:
    from .pipeline import Pipeline

    return Pipeline()


def analyze_text(
    text: str,
    *,
    url: str | None = None,
    outlet: str | None = None,
    published: str | None = None,
) -> Analysis:
    """Analyse one article given as plain text or HTML; loads the model on first use."""
    return _default_pipeline().analyze_text(text, url=url, outlet=outlet, published=published)


def open_store(path: str | Path = "communique.db") -> Store:
    """Open (creating and migrating as needed) a communique SQLite store."""
    from .store import Store

    return Store.open(path)
