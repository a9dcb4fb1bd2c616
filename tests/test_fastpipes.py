"""The faster attribute ruler and lemmatizer annotate every token as the stock ones do."""

from __future__ import annotations

from typing import Any

import pytest

from communique.nlp import FAST_LEMMATIZER, FAST_RULER, load_nlp, speed_up
from conftest import SAMPLES

#: What the model's rules single out: contractions, dialect spellings, pronouns as
#: objects, expletives, auxiliaries, determiners as pronouns, runs of white space.
TRICKY = [
    "Y'all ain't seen nothin' yet, and it isn't over, he said.",
    "There are reasons why Moscow didn't sign it; I'm sure you've heard them.",
    "She gave it to me, and we gave you that.   Then   they left.\n\n\nNew paragraph.",
    "That was what he'd have done if he had known which was which.",
    "Does he have to go? He does, and they do so because they must.",
    "The talks, which were held in Geneva, weren't fruitful: those were the days.",
]


@pytest.fixture(scope="module")
def stock_and_fast() -> tuple[Any, Any]:
    return load_nlp(fast=False), load_nlp()


def _annotations(doc: Any) -> list[tuple[Any, ...]]:
    return [
        (t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_)
        for t in doc
    ]


def test_the_fast_components_replace_the_stock_ones(stock_and_fast: tuple[Any, Any]) -> None:
    stock, fast = stock_and_fast
    assert "attribute_ruler" in stock.pipe_names and "lemmatizer" in stock.pipe_names
    assert "attribute_ruler" not in fast.pipe_names and "lemmatizer" not in fast.pipe_names
    assert any(n.startswith(FAST_RULER) for n in fast.pipe_names)
    assert any(n.startswith(FAST_LEMMATIZER) for n in fast.pipe_names)


def test_every_token_annotated_as_by_the_stock_pipeline(stock_and_fast: tuple[Any, Any]) -> None:
    stock, fast = stock_and_fast
    texts = TRICKY + [
        p.read_text(encoding="utf-8") for p in sorted((SAMPLES / "text").glob("*.txt"))
    ]
    assert len(texts) > len(TRICKY)  # the bundled samples were read
    tokens = 0
    for a, b in zip(stock.pipe(texts), fast.pipe(texts), strict=True):
        assert _annotations(a) == _annotations(b)
        tokens += len(a)
    assert tokens > 1000


def test_the_rules_that_single_out_tokens_fire(stock_and_fast: tuple[Any, Any]) -> None:
    """Not only the tag map: the ruler's exceptions are applied (the stock pipeline's
    answers, checked above, are these)."""
    _, fast = stock_and_fast
    doc = fast("Y'all ain't seen nothin' yet, and it isn't over.")
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["nothin'"] == "nothing" and lemmas["is"] == "be" and lemmas["ai"] == "be"
    assert doc[2].lemma_ == "not" and doc[2].pos_ == "PART" and doc[1].pos_ == "AUX"


@pytest.mark.parametrize(
    ("pattern", "attrs"),
    [
        ([{"LOWER": "a", "OP": "+"}], {"LEMMA": "many"}),  # an operator
        ([{"LOWER": "a"}, {}], {"LEMMA": "many"}),  # a token matching anything
        ([{"LOWER": "a"}], {"NORM": "x"}),  # an attribute it does not write
    ],
)
def test_a_ruler_with_rules_it_cannot_reproduce_is_left_as_it_was(
    pattern: list[dict[str, Any]], attrs: dict[str, str]
) -> None:
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "b"}]], {"LEMMA": "bee"})
    ruler.add([pattern], attrs)
    speed_up(nlp)
    assert nlp.pipe_names == ["attribute_ruler"]


def test_a_later_rule_wins_and_a_value_may_have_several_rules() -> None:
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "go"}]], {"LEMMA": "first", "TAG": "VB"})
    ruler.add([[{"LOWER": "go"}]], {"LEMMA": "second"})
    ruler.add([[{"LOWER": "we"}, {"LOWER": {"IN": ["go", "went"]}}]], {"TAG": "PRP"}, index=0)
    ruler.add([[{"LOWER": {"REGEX": "^w"}}]], {"POS": "PRON"})
    speed_up(nlp)
    assert nlp.pipe_names == [f"{FAST_RULER}:attribute_ruler"]
    doc = nlp("We go where we went")
    assert [t.lemma_ for t in doc] == ["", "second", "", "", ""]
    assert [t.tag_ for t in doc] == ["PRP", "VB", "", "PRP", ""]
    assert [t.pos_ for t in doc] == ["PRON", "", "PRON", "PRON", "PRON"]
