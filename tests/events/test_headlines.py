"""Headlines written in title case are parsed in sentence case; their records quote them as
written."""

from __future__ import annotations

from typing import Any

import pytest

from communique.records import Article


def _title_events(pipeline: Any, title: str, body: str = "") -> list[tuple[Any, ...]]:
    an = pipeline.analyze_doc(
        pipeline.nlp(body),
        Article(id="h", text=body, title=title, published="2020-01-01"),
        isolate=False,
    )
    out = []
    for e in an.events:
        assert e.in_title and e.evidence.text == title[e.evidence.start : e.evidence.end]
        assert e.trigger.text == title[e.trigger.start : e.trigger.end]
        s, t = an.actor(e.source_actor_id), an.actor(e.target_actor_id)
        out.append((s.code if s else None, e.type, t.code if t else None, e.hypothetical))
    return out


@pytest.mark.parametrize(
    ("title", "want"),
    [
        ("US Imposes Sanctions On Iranian Oil Minister", ("USA", "SANCTION", "IRN", False)),
        ("Putin Meets Xi In Beijing As Ties Deepen", ("RUS", "CONSULT", "CHN", False)),
        ("Turkey Threatens To Expel US Ambassador", ("TUR", "THREATEN", "USA", False)),
        ("Iranian Tanker Seized By British Navy Off Gibraltar", ("GBR", "COERCE", "IRN", False)),
        # a passive without its "was": the parser made the reporter the subject
        (
            "US Reporter Evan Gershkovich Detained By Russia On Spying Charges",
            ("RUS", "COERCE", "USA", False),
        ),
    ],
)
def test_a_title_cased_headline_is_coded_as_its_sentence(
    pipeline: Any, title: str, want: tuple[Any, ...]
) -> None:
    assert want in _title_events(pipeline, title)


def test_a_headline_announcing_a_plan_is_not_an_act_done(pipeline: Any) -> None:
    got = _title_events(pipeline, "US to Impose New Sanctions on Iran")
    assert got and all(hyp for *_, hyp in got)
    assert ("USA", "THREATEN", "IRN", True) in got


def test_which_words_stay_capitalised(pipeline: Any) -> None:
    recase = pipeline.recaser.sentence_case
    assert recase("Russia Slams US Over New Sanctions") == "Russia slams US over new sanctions"
    # a registry name keeps its words; a new part of the headline keeps its first word
    assert recase("New York Sues Exxon Over Climate | The Daily Wire") == (
        "New York sues Exxon over climate | The daily wire"
    )
    assert recase("Kremlin: US Must Deliver Proof") == "Kremlin: US must deliver proof"
    # the body's own spelling decides: "Rice" is a name in one article, a grain in another
    body = "The envoy, Susan Rice, said the talks would resume."
    assert recase("Talks Will Resume, Rice Says", body) == "Talks will resume, Rice says"
    assert recase("Exports Of Rice Climb As Talks Stall", "rice exports rose") == (
        "Exports of rice climb as talks stall"
    )


@pytest.mark.parametrize(
    "title",
    [
        "Russia stands by China and tells US it must 'deliver proof' over virus allegations",
        "Putin visits China",
        "NATO",
    ],
)
def test_a_headline_in_sentence_case_is_parsed_as_written(pipeline: Any, title: str) -> None:
    assert pipeline.recaser.sentence_case(title) is None


def test_headlines_parsed_in_batches_are_given_their_own_words(pipeline: Any) -> None:
    """``Pipeline.analyze`` parses titles in the same batches as texts."""
    title = "US Imposes Sanctions On Iranian Oil Minister"
    body = "The Treasury named the minister on Friday."
    (an,) = pipeline.analyze([Article(id="b", text=body, title=title, published="2020-01-01")])
    coded = [(an.actor(e.source_actor_id), e) for e in an.events if e.in_title]
    assert any(a is not None and a.code == "USA" and e.type == "SANCTION" for a, e in coded)
    assert all(e.evidence.text == title for _, e in coded)


@pytest.mark.parametrize(
    ("title", "parsed", "want"),
    [
        # the tagger read "Visits" as a plural noun, "Pledges" too: no verb headed them
        (
            "Hungary's Orban Visits Moscow, Drawing EU Rebuke",
            "Hungary 's Orban visited Moscow , drawing EU rebuke",
            ("HUN", "CONSULT", "RUS", False),
        ),
        (
            "Japan Pledges Support For Ukraine",
            "Japan pledged support for Ukraine",
            ("JPN", "SUPPORT", "UKR", False),
        ),
        # the verb is the first present after a name, not the first word in lower case
        (
            "Talks Between Serbia And Kosovo Collapse",
            "Talks between Serbia and Kosovo collapsed",
            ("SRB", "CONSULT", "XKX", False),
        ),
        # a headline's list of names without "and"
        (
            "Ethiopia, Eritrea Declare End to War at Asmara Summit",
            "Ethiopia and Eritrea declared end to war at Asmara summit",
            None,
        ),
        # a verb heads it as parsed: "forces" stays the subject's noun
        (
            "Russian Forces Hit Workshops Near Odessa",
            "Russian forces hit workshops near Odessa",
            ("RUS", "ASSAULT", "UKR", False),
        ),
        # a name and a colon: what the name said
        (
            "Kremlin: US Must Deliver Proof",
            "Kremlin says US must deliver proof",
            ("RUS", "REQUEST", "USA", False),
        ),
        (
            "Fact Check: Is An 'Oxygen Bar' In Delhi Offering Fresh Air",
            "Fact check : Is an ' Oxygen bar ' in Delhi offering fresh air",
            None,
        ),
        # a verb heads it: the comma stays ("WHO" after "and" is read as a pronoun)
        (
            "China, WHO sign agreement to deepen cooperation on primary health care",
            "China , WHO sign agreement to deepen cooperation on primary health care",
            ("CHN", "AGREE", "IGO", False),
        ),
    ],
)
def test_a_headline_without_a_verb_is_parsed_as_the_sentence_it_stands_for(
    pipeline: Any, title: str, parsed: str, want: tuple[Any, ...] | None
) -> None:
    article = Article(id="h", text="", title=title, published="2024-01-01")
    doc = pipeline.recaser.reparsed(pipeline.nlp, pipeline.nlp(pipeline._title_to_parse(article)))
    assert " ".join(t.text for t in doc) == parsed
    if want is not None:
        assert want in _title_events(pipeline, title)


@pytest.mark.parametrize(
    ("word", "past"),
    [
        ("pledges", "pledged"),
        ("bars", "barred"),
        ("meets", "met"),
        ("strikes", "struck"),
        ("denies", "denied"),
        ("cuts", "cut"),
        ("sign", "signed"),
        ("news", None),
        ("Pledges", None),
    ],
)
def test_past_of_a_verb_in_the_present(pipeline: Any, word: str, past: str | None) -> None:
    assert pipeline.recaser.past_of(word) == past
