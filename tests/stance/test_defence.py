"""A holder who calls an attack on a target wrong, or rejects it, defends the target:
positive toward it, held by whoever condemns the attack, not by the attacker (issue 12,
CNBC's Peskov on China). The sentences are new ones, not the seeds'."""

from __future__ import annotations

from typing import Any

import pytest

from communique.records import Analysis, Stance
from communique.stance import DEFENDED, defence_of, defender
from conftest import analyze_sentence


def _defended(nlp: Any, text: str, target: str) -> str | None:
    doc = nlp(text)
    start = text.index(target)
    d = defence_of(doc[:], start, start + len(target))
    return d.kind if d else None


@pytest.mark.parametrize(
    ("text", "target", "kind"),
    [
        ("France said it was wrong to blame Germany for the crisis.", "Germany", "evaluation"),
        ("The accusations against Spain are baseless, the minister said.", "Spain", "evaluation"),
        ("Ankara said there was no reason to blame Athens for the fires.", "Athens", "evaluation"),
        ("Brazil wrongly accused Argentina of dumping steel.", "Argentina", "evaluation"),
        ("India said it was unfair to sanction Iran over the deal.", "Iran", "evaluation"),
        ("Italy rejected the accusations against Spain as groundless.", "Spain", "rejection"),
        ("Poland refused to join the criticism of Hungary.", "Hungary", "rejection"),
        ("Russia warned against blaming China for the pandemic.", "China", "rejection"),
        ("Canada condemned the attacks on Mexico.", "Mexico", "rejection"),
        ("Tokyo deplored the new round of sanctions imposed on Seoul.", "Seoul", "rejection"),
        ("Ottawa condemned the sanctions Washington imposed on Havana.", "Havana", "rejection"),
        (
            "Oslo would not show solidarity with Sweden-bashing remarks.",
            "Sweden",
            "withheld support",
        ),
    ],
)
def test_attacks_under_condemnation_are_defences(
    pipeline: Any, text: str, target: str, kind: str
) -> None:
    assert _defended(pipeline.nlp, text, target) == kind


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("France blamed Germany for the crisis.", "Germany"),  # a plain accusation
        ("France did not praise Germany for the crisis.", "Germany"),  # negated praise
        ("It is not wrong to criticise Turkey.", "Turkey"),  # a negated condemnation
        ("Japan refused to condemn attacks on Korea.", "Korea"),  # a refused rejection
        ("It is not the first time Washington has blamed Tehran.", "Tehran"),
        ("US lawmakers condemned Trump attacks on the judges.", "Trump"),  # the attacker
        ("Sweden's criticism of Norway was unfair, Denmark said.", "Sweden"),  # the attacker
        ("Kenya said Uganda was wrong to blame Tanzania.", "Uganda"),  # the attacker
        ("Critics of Beijing refused to comment.", "Beijing"),  # the attack is the agent
        ("He praised the talks with Rome, in which Paris was criticised.", "Paris"),
        ("Germany imposed sanctions on Iran.", "Iran"),
        ("NATO pledged to protect Estonia against Russia.", "Russia"),
    ],
)
def test_other_sentences_are_not_defences(pipeline: Any, text: str, target: str) -> None:
    assert _defended(pipeline.nlp, text, target) is None


@pytest.mark.parametrize(
    ("text", "target", "holder"),
    [
        ("France said it was wrong to blame Germany for the crisis.", "Germany", "France"),
        ("We consider it not a proper time to blame Beijing.", "Beijing", "We"),
        ("The accusations against Spain were rejected by Italy.", "Spain", "Italy"),
        ("Russia couldn't show any solidarity with Iran-bashing statements.", "Iran", "Russia"),
        ("Brazil wrongly accused Argentina of dumping steel.", "Argentina", None),  # the writer
        ("It is wrong to blame Germany.", "Germany", None),
    ],
)
def test_the_defender_is_who_condemns_not_who_attacks(
    pipeline: Any, text: str, target: str, holder: str | None
) -> None:
    doc = pipeline.nlp(text)
    start = text.index(target)
    d = defence_of(doc[:], start, start + len(target))
    assert d is not None
    tok = defender(doc[:], d)
    assert (tok.text if tok is not None else None) == holder


def _toward(an: Analysis, code: str) -> Stance:
    (s,) = [s for s in an.stance if (a := an.actor(s.target_actor_id)) and a.code == code]
    return s


def _code(an: Analysis, actor_id: str | None) -> str | None:
    a = an.actor(actor_id)
    return a.code if a else None


def test_france_defends_germany(stance_pipeline: Any) -> None:
    an = analyze_sentence(
        stance_pipeline, "France said it was wrong to blame Germany for the crisis."
    )
    s = _toward(an, "DEU")
    assert s.polarity == "positive" and s.score == DEFENDED["positive"]
    assert _code(an, s.holder_actor_id) == "FRA" and s.holder_kind == "speaker"


def test_a_plain_accusation_stays_negative(stance_pipeline: Any) -> None:
    an = analyze_sentence(stance_pipeline, "France blamed Germany for the crisis.")
    assert _toward(an, "DEU").polarity == "negative"


def test_negated_praise_is_not_turned_positive(stance_pipeline: Any) -> None:
    an = analyze_sentence(stance_pipeline, "France did not praise Germany for the crisis.")
    assert _toward(an, "DEU").polarity != "positive"


def test_the_attacker_does_not_hold_the_defence(stance_pipeline: Any) -> None:
    """The quote finder makes Brazil the speaker of "accused", but "wrongly" is the
    writer's: the writer holds the stance toward Argentina, not Brazil."""
    an = analyze_sentence(stance_pipeline, "Brazil wrongly accused Argentina of dumping steel.")
    s = _toward(an, "ARG")
    assert s.polarity == "positive" and s.holder_kind == "outlet" and s.holder is None


def test_the_rejecting_subject_holds_the_defence(stance_pipeline: Any) -> None:
    an = analyze_sentence(stance_pipeline, "Italy rejected the accusations against Spain.")
    s = _toward(an, "ESP")
    assert s.polarity == "positive" and _code(an, s.holder_actor_id) == "ITA"
