"""Event coding: unit cases on small sentences, the seeds as an analyst codes them, and
accuracy gates on PLOVER-GSR (floors a little under bench/events.py; floors only rise)."""

from __future__ import annotations

import sys
from typing import Any

import pytest

from communique.events import CAMEO, plover_of_cameo
from communique.records import PLOVER_TYPES, Analysis
from conftest import CNBC_SEED, DATA, ROOT, RT_SEED, need_shared
from conftest import analyze_sentence as _analyze
from conftest import coded_events as _events


def _find(an: Analysis, src: str, tgt: str | None, etype: str) -> list[Any]:
    return [e for s, t, ty, e in _events(an) if s == src and t == tgt and ty == etype]


# -- tables ------------------------------------------------------------------------------
def test_cameo_table_covers_plover_types() -> None:
    assert {p for p, _m, _g in CAMEO.values()} == set(PLOVER_TYPES)
    assert plover_of_cameo("163") == "SANCTION"
    assert plover_of_cameo("1121") == "ACCUSE"
    assert plover_of_cameo("0841") == "RETREAT"
    assert plover_of_cameo("19") == "ASSAULT"
    assert all(-10 <= g <= 10 for _p, _m, g in CAMEO.values())


# -- small sentences -------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "src", "tgt", "etype"),
    [
        ("Russia accused Ukraine of shelling the plant on Monday.", "RUS", "UKR", "ACCUSE"),
        ("The United States imposed sanctions on Iran.", "USA", "IRN", "SANCTION"),
        ("Turkey rejected a Greek proposal for talks.", "TUR", "GRC", "REJECT"),
        ("Iran threatened to attack Israel.", "IRN", "ISR", "THREATEN"),
        ("Germany agreed to provide aid to Ukraine.", "DEU", "UKR", "AGREE"),
        ("Ukraine was attacked by Russia.", "RUS", "UKR", "ASSAULT"),
        ("France called on Russia to withdraw its troops.", "FRA", "RUS", "REQUEST"),
    ],
)
def test_simple_events(pipeline: Any, text: str, src: str, tgt: str, etype: str) -> None:
    an = _analyze(pipeline, text, "2022-03-09")
    assert _find(an, src, tgt, etype), _events(an)


@pytest.mark.parametrize(
    ("text", "src", "tgt", "etype"),
    [
        # the verb's preposition carries the object ("called for sanctions against X")
        ("Nigeria called for sanctions against Iran.", "NGA", "IRN", "REQUEST"),
        # an unnamed group acted on at home is coded by its country (CAMEO convention)
        (
            "The Sudanese government accused Darfur rebels of violating the truce.",
            "SDN",
            "SDN",
            "ACCUSE",
        ),
        ("Egyptian police opened fire on demonstrators in Cairo.", "EGY", "EGY", "ASSAULT"),
        # lexicon: extradition is judicial cooperation (CAMEO 063), "staged" lemmatised right
        ("Iraq extradited two suspects to Jordan.", "IRQ", "JOR", "COOPERATE"),
        ("Palestinian activists staged a rally against Israel.", "PSE", "ISR", "PROTEST"),
        # generated from the CAMEO labels: "Torture" 1822
        ("Syria tortured Lebanese prisoners.", "SYR", "LBN", "ASSAULT"),
        # carry-on verb + event noun; "from" names the members' organisation
        ("Britain promised to continue military aid to Mozambique.", "GBR", "MOZ", "AGREE"),
    ],
)
def test_wider_coverage(pipeline: Any, text: str, src: str, tgt: str, etype: str) -> None:
    an = _analyze(pipeline, text, "2022-03-09")
    assert _find(an, src, tgt, etype), _events(an)


def test_domestic_target_needs_an_unnamed_group(pipeline: Any) -> None:
    an = _analyze(pipeline, "Serbia arrested Russian journalists.", "2022-03-09")
    assert _find(an, "SRB", "RUS", "COERCE") and not _find(an, "SRB", "SRB", "COERCE")
    an = _analyze(pipeline, "Serbia arrested opposition activists.", "2022-03-09")
    (e,) = _find(an, "SRB", "SRB", "COERCE")
    assert an.article.text[e.target.start : e.target.end] == "opposition activists"


def test_generated_lexicon_is_cameo_not_weis() -> None:
    from communique.events import GEN_LIGHT, GEN_PHRASAL, GEN_VERBS

    assert plover_of_cameo(GEN_VERBS["torture"]) == "ASSAULT"
    assert plover_of_cameo(GEN_VERBS["criticize"]) == "ACCUSE"
    assert plover_of_cameo(GEN_LIGHT[("impose", "blockade")]) == "COERCE"
    # PETR.Validate.verbs.txt codes CONDEMN [122] and CRITICIZE [121] in WEIS; read as
    # CAMEO they would be REJECT: the generator must drop them
    assert "condemn" not in GEN_VERBS and GEN_VERBS.get("criticize") == "111"
    codes = [*GEN_VERBS.values(), *GEN_LIGHT.values(), *GEN_PHRASAL.values()]
    assert all(c in CAMEO for c in codes)


@pytest.mark.slow
def test_generated_lexicon_is_fresh() -> None:
    """tools/make_event_lexicon.py --check: the committed module is what the script writes."""
    import subprocess

    need_shared(DATA / "petrarch2-unittests" / "PETR.Validate.verbs.txt")
    script = ROOT / "tools" / "make_event_lexicon.py"
    done = subprocess.run([sys.executable, str(script), "--check"], check=False)
    assert done.returncode == 0, "rerun python tools/make_event_lexicon.py"


def test_compound_actors_expand(pipeline: Any) -> None:
    an = _analyze(
        pipeline, "The United States imposed sanctions on Iran, Libya and Cuba.", "2020-01-10"
    )
    for tgt in ("IRN", "LBY", "CUB"):
        assert _find(an, "USA", tgt, "SANCTION"), _events(an)
    an = _analyze(pipeline, "Russia and China signed an agreement.", "2020-01-10")
    assert _find(an, "RUS", "CHN", "AGREE") and _find(an, "CHN", "RUS", "AGREE")


def test_negation_and_modality(pipeline: Any) -> None:
    an = _analyze(pipeline, "Germany did not criticize France.", "2020-01-10")
    (e,) = _find(an, "DEU", "FRA", "ACCUSE")
    assert e.negated and e.confidence < 0.5
    an = _analyze(pipeline, "Germany would impose sanctions on Iran.", "2020-01-10")
    (e,) = _find(an, "DEU", "IRN", "THREATEN")
    assert e.hypothetical


def test_dates_resolve_against_publication(pipeline: Any) -> None:
    an = _analyze(pipeline, "Russia accused Ukraine of shelling on Sunday.", "2022-03-09")
    (e,) = _find(an, "RUS", "UKR", "ACCUSE")
    assert e.date == "2022-03-06" and e.date_evidence is not None
    an = _analyze(pipeline, "In December 2019, the U.S. imposed sanctions on Russia.", "2020-05-05")
    (e,) = _find(an, "USA", "RUS", "SANCTION")
    assert e.date == "2019-12"


def test_evidence_offsets(pipeline: Any) -> None:
    an = _analyze(pipeline, "The United States imposed sanctions on Iran.", None)
    for e in an.events:
        text = an.article.text
        assert text[e.evidence.start : e.evidence.end] == e.evidence.text
        assert text[e.trigger.start : e.trigger.end] == e.trigger.text
        assert e.cameo in CAMEO and e.quad and e.intensity is not None


# -- seeds -----------------------------------------------------------------------------
@pytest.fixture(scope="module")
def cnbc(pipeline: Any) -> Analysis:
    need_shared(CNBC_SEED)
    a: Analysis = pipeline.analyze_text(
        CNBC_SEED.read_text(encoding="utf-8"), published="2020-05-05"
    )
    return a


@pytest.fixture(scope="module")
def rt(pipeline: Any) -> Analysis:
    need_shared(RT_SEED)
    a: Analysis = pipeline.analyze_text(RT_SEED.read_text(encoding="utf-8"))
    return a


def _speaker_code(an: Analysis, e: Any) -> str | None:
    if e.reported_by is None:
        return None
    a = an.actor(an.quotes[e.reported_by].speaker_actor_id)
    return a.code if a else None


def test_cnbc_pompeo_accuses_china(cnbc: Analysis) -> None:
    found = [
        e
        for e in _find(cnbc, "USA", "CHN", "ACCUSE")
        if e.date == "2020-05-03" and e.reported_by is not None
    ]
    assert found, _events(cnbc)
    speakers = {cnbc.quotes[e.reported_by].speaker_actor_id for e in found}
    assert "person:mike-pompeo" in speakers


def test_cnbc_russia_demands_proof(cnbc: Analysis) -> None:
    found = _find(cnbc, "RUS", "USA", "REQUEST")
    assert any("proof" in e.evidence.text for e in found), _events(cnbc)
    assert all(_speaker_code(cnbc, e) == "RUS" for e in found)


def test_cnbc_us_sanctions_russia_december_2019(cnbc: Analysis) -> None:
    found = _find(cnbc, "USA", "RUS", "SANCTION")
    assert [e.date for e in found] == ["2019-12"], _events(cnbc)
    assert not _find(cnbc, "USA", "DEU", "SANCTION")  # the pipeline's destination


def test_cnbc_russia_china_cooperate(cnbc: Analysis) -> None:
    assert _find(cnbc, "RUS", "CHN", "COOPERATE") or _find(cnbc, "CHN", "RUS", "COOPERATE")


def test_rt_kremlin_rejects_alliance(rt: Analysis) -> None:
    found = [(t, e) for s, t, ty, e in _events(rt) if s == "RUS" and ty == "REJECT"]
    assert any(e.date == "2020-07-24" and t == "USA" for t, e in found), _events(rt)


def test_rt_negated_alliance_is_flagged(rt: Analysis) -> None:
    found = [e for e in rt.events if "enter into alliances" in e.evidence.text]
    assert found and all(e.negated for e in found)


@pytest.mark.parametrize("which", ["cnbc", "rt"])
def test_no_event_from_teasers_or_menus(which: str, request: pytest.FixtureRequest) -> None:
    an: Analysis = request.getfixturevalue(which)
    text = an.article.text
    title = an.article.title or ""
    for e in an.events:
        if e.in_title:  # the headline is analysed apart; its spans point into the title
            assert title[e.evidence.start : e.evidence.end] == e.evidence.text
            continue
        assert text[e.evidence.start : e.evidence.end] == e.evidence.text
        assert not e.evidence.text.lower().startswith(("also on", "read more", "related"))
        assert len(e.evidence.text.split()) >= 6
        for r in an.article.removed:
            assert e.evidence.text not in r.text


# -- accuracy gates ----------------------------------------------------------------------
@pytest.fixture(scope="module")
def gsr_scores(pipeline: Any) -> dict[str, dict[str, Any]]:
    need_shared(DATA / "plover-gsr" / "gold.jsonl")
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import events as bench  # bench/events.py
    finally:
        sys.path.pop(0)
    gold = bench.load_gsr()
    got = bench.run(pipeline, [(sid, g["text"], g["date"]) for sid, g in gold.items()])
    return {s: bench.score_gsr(gold, got, s) for s in ("tune", "held-out")}


@pytest.mark.slow
def test_gsr_held_out_precision_floor(gsr_scores: dict[str, dict[str, Any]]) -> None:
    held = gsr_scores["held-out"]
    # measured 0.810 / 0.311 (2026-12-05, tenth session: whom a cut or a conditional
    # threat is aimed at); 0.800 / 0.293 before it; 0.817 / 0.323 since the twelfth (a
    # protest whose object is its own form is at the protesters' rulers); 0.820 / 0.329 with
    # force at home coded against home; 0.823 / 0.335 since the fourteenth (common political
    # verbs the lexicon lacked); 0.825 / 0.341 since the seventeenth (a target named inside
    # what the act is about); 0.828 / 0.348 since the nineteenth (meetings held by both
    # sides); 0.831 / 0.354 since the twenty-fifth (a leader arriving in a city visits its
    # state); 0.846 / 0.360 since the thirty-second (state bodies named with "of", a
    # spokesperson speaking for the body that names them); 0.848 / 0.366 since the
    # thirty-third (armed groups and IGOs the registry lacked)
    assert held["precision"] >= 0.84
    assert held["recall"] >= 0.36
    # measured 0.830; 0.844 since the twenty-second (a yielding refused is a rejection)
    assert held["type_acc"] >= 0.84
    assert held["src_found"] >= 0.52  # measured 0.527


@pytest.mark.slow
def test_gsr_tuning_floor(gsr_scores: dict[str, dict[str, Any]]) -> None:
    tune = gsr_scores["tune"]
    # measured 0.868 / 0.432 (2026-12-05, tenth session); 0.860 / 0.406 before it;
    # 0.872 / 0.448 since the eleventh (relative clauses, groups "in" a state); 0.875 /
    # 0.458 since the twelfth; 0.878 / 0.469 with its force at home, demands from groups
    # at home, objects after a long "as"-phrase; 0.899 / 0.484 since the thirteenth (an
    # ethnicity not placed is not its kin state, purposes done where they are sent); 0.893 /
    # 0.500 since the fourteenth (unnamed groups of the state where they act); 0.894 /
    # 0.505 since the fifteenth (coercion of what is somewhere, aides, offers); 0.895 /
    # 0.510 since the seventeenth; 0.896 / 0.516 since the eighteenth (forces a state leads),
    # 0.897 / 0.521 with objects the parser made subjects; 0.892 / 0.536 since the
    # nineteenth (demands between a government and its challengers, meetings held by both
    # sides, threats of coercion somewhere); 0.893 / 0.542 since the twentieth (a government
    # named after a leader out of office); 0.902 / 0.547 since the twenty-second (a city
    # before its state's independence, a demand's content no intent of the one asked);
    # 0.904 / 0.557 since the twenty-eighth (protests at home whose object names a home
    # place, "the capital city of Algiers" a place); 0.904 / 0.562 in the twenty-ninth;
    # 0.906 / 0.573 in the thirty-third ("President Bush" when no Bush held the title, the
    # registry's armed groups and IGOs), 0.907 / 0.578 with "Chechen" and the like
    assert tune["precision"] >= 0.90
    assert tune["recall"] >= 0.57
    assert tune["type_f1"] >= 0.90  # measured 0.904


def test_no_events_between_people_we_cannot_place(pipeline: Any) -> None:
    """Political event data: a singer accusing her former label is not an event; the same
    verb between states is."""
    gossip = _analyze(
        pipeline, "Singer Jane Holloway accused Tom Berrick of stealing her songs.", "2019-11-14"
    )
    assert gossip.events == ()
    politics = _analyze(pipeline, "Russia accused Ukraine of shelling the plant.", "2022-08-11")
    assert [(e.type, e.source_actor_id, e.target_actor_id) for e in politics.events] == [
        ("ACCUSE", "RUS", "UKR")
    ]
