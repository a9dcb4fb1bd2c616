"""Outputs judged wrong or partial on real news (tests/gold/events_audit.jsonl) and the
general rule each one led to: a doer that can act, opinions and manners that are no acts,
pressure to act coded as the pressure, the modality of coordinated verbs, the day of a
misparsed participle's clause, and acts told only to say which thing is meant."""

from __future__ import annotations

from typing import Any

import pytest

from conftest import analyze_sentence as _analyze
from conftest import coded_events as _coded


def _events(pipeline: Any, text: str, published: str = "2019-11-19") -> list[Any]:
    return [
        (s, t, ty, e.cameo, e.date, e.hypothetical)
        for s, t, ty, e in _coded(_analyze(pipeline, text, published))
    ]


def _by_country(pipeline: Any, text: str) -> list[tuple[Any, Any, str]]:
    """(source country, target country, type) of each event, in order."""
    return [(s and s[:3], t and t[:3], ty) for s, t, ty, *_ in _events(pipeline, text)]


def _by_country_hypothetical(pipeline: Any, text: str) -> list[tuple[Any, Any, str, bool]]:
    """(source country, target country, type, hypothetical) of each event, in order."""
    return [(s and s[:3], t and t[:3], ty, h) for s, t, ty, _, _, h in _events(pipeline, text)]


@pytest.mark.parametrize(
    "text",
    [
        # a thing a state modifies does not act
        "While the dollar was supported by recent U.S. economic data, the greenback may weaken.",
        # sharing a view is no agreement
        "And we are thankful for and agree with the Judge's decision to sentence him.",
        # a way of acting, not an act
        "This is how Russia negotiates.",
        # "get" without anyone pressed
        '"We get to choose our allies," Zelensky said.',
        '"We get that you are concerned about the budget," Bosma said.',
    ],
)
def test_no_act(pipeline: Any, text: str) -> None:
    assert _events(pipeline, text) == []


def test_doers_named_by_a_passive_still_act(pipeline: Any) -> None:
    text = "A refugee camp was attacked by Burundian militiamen armed with machetes."
    assert [e[:3] for e in _events(pipeline, text)] == [("BDI", None, "ASSAULT")]
    assert [e[:3] for e in _events(pipeline, "The US was criticised by China.")] == [
        ("CHN", "USA", "ACCUSE")
    ]


def test_agreeing_with_someone_is_an_agreement(pipeline: Any) -> None:
    coded = _events(pipeline, "Russia agreed with Turkey on a ceasefire in Idlib.")
    assert [e[:3] for e in coded] == [("RUS", "TUR", "AGREE")]


def test_getting_someone_to_act_is_pressing_them(pipeline: Any) -> None:
    coded = _events(pipeline, "Trump tried to get Ukraine to investigate Joe Biden.")
    assert [e[:3] for e in coded] == [("USA", "UKR", "REQUEST")]
    # pressed for inside another act's noun with no one pressing named: no act of Ukraine's
    text = (
        "Sondland is entangled in the Republican president's efforts to get Ukraine to "
        "investigate political rival Joe Biden."
    )
    assert not [e for e in _events(pipeline, text) if e[0] == "UKR"]


def test_every_coordinated_verb_takes_the_first_ones_future(pipeline: Any) -> None:
    text = "Russia will expand exports, develop ties and support China."
    assert ("RUS", "CHN", "AGREE", "032", "2019-11-19", True) in _events(pipeline, text)
    text = '"We’ll support China," Lavrov said.'  # a typographic apostrophe
    assert [e[2:4] + e[5:] for e in _events(pipeline, text)] == [("AGREE", "032", True)]


def test_a_participle_parsed_as_the_main_verb_takes_its_clause_day(pipeline: Any) -> None:
    text = (
        "Ukrainian and Russian delegations meeting separately with Turkish and Qatari "
        "mediators in Istanbul on Tuesday agreed to work towards a moratorium on attacks."
    )
    coded = _events(pipeline, text, "2024-02-14")
    assert coded and {e[4] for e in coded if e[2] == "CONSULT"} == {"2024-02-13"}


def test_an_act_that_only_says_which_thing_is_meant_has_no_day(pipeline: Any) -> None:
    text = "Neither the House nor the Senate have provided all the money NASA requested."
    assert [(e[2], e[4]) for e in _events(pipeline, text)] == [("REQUEST", None)]


def test_forces_put_on_alert_are_mobilised_other_things_are_not(pipeline: Any) -> None:
    text = "Russia put dozens of warships and coastal missile units on alert on Friday."
    assert [e[:4] for e in _events(pipeline, text)] == [("RUS", None, "MOBILIZE", "152")]
    text = "U.S. sanctions on Chinese tankers put Indian refiners on alert."
    assert not [e for e in _events(pipeline, text) if e[2] == "MOBILIZE"]


@pytest.mark.parametrize(
    "text",
    [
        # naming, not asking: "calling them invented" is no appeal
        "Moscow has denied the accusations, calling them invented.",
        # a country beaten is a team, whoever beats it ("by beating", parsed without a subject
        # of its own)
        "Austria punched its ticket by beating North Macedonia.",
        # the one accused or criticised does what the gerund says, not the speaker
        "The United States criticized South Africa for holding naval exercises with Russia.",
    ],
)
def test_naming_sport_and_gerunds_of_the_object(pipeline: Any, text: str) -> None:
    got = _events(pipeline, text)
    assert not [e for e in got if e[2] in ("REQUEST", "ASSAULT")], got
    assert not [e for e in got if e[2] == "COOPERATE" and e[0] == "USA"], got


def test_exercises_alone_show_force_with_others_they_are_cooperation(pipeline: Any) -> None:
    got = _events(pipeline, "Russia launched surprise naval drills in the Baltic Sea on Friday.")
    assert [(s, ty, c) for s, _, ty, c, _, _ in got] == [("RUS", "MOBILIZE", "150")]
    got = _events(pipeline, "China and Russia held joint naval drills in the Sea of Japan.")
    assert {(s, t, ty) for s, t, ty, *_ in got} == {
        ("CHN", "RUS", "COOPERATE"),
        ("RUS", "CHN", "COOPERATE"),
    }
    got = _events(pipeline, "South Africa held naval exercises with Russia.")
    assert {(s, t, ty) for s, t, ty, *_ in got} == {("ZAF", "RUS", "COOPERATE")}


@pytest.mark.parametrize(
    "text",
    [
        # a call with nobody named: phoning in to a programme
        "Phoning in from London, British screenwriter Nicole Taylor remembered the anxiety.",
        # the one told, whom the parser makes a verb: no visit by the teller
        "U.S. Ambassador Gordon Sondland told visiting Ukraine officials they would need to "
        "deliver.",
    ],
)
def test_no_call_without_a_party_and_no_visit_by_the_teller(pipeline: Any, text: str) -> None:
    got = {(s, t, ty) for s, t, ty, _e in _coded(_analyze(pipeline, text))}
    assert not {g for g in got if g[2] == "CONSULT"}, got


def test_a_question_put_is_no_demand(pipeline: Any) -> None:
    text = (
        "BBC presenter Emily Maitlis repeatedly demanded how Prince Andrew could be so sure "
        "what he was doing."
    )
    assert not _coded(_analyze(pipeline, text))
    # a demand that someone act still is one
    got = {
        (s, t, ty)
        for s, t, ty, _e in _coded(
            _analyze(pipeline, "Russia demanded that Ukraine withdraw its troops.")
        )
    }
    assert ("RUS", "UKR", "REQUEST") in got


def test_defending_oneself_backs_no_one(pipeline: Any) -> None:
    text = (
        "When Kiev demands that we stop defending ourselves, what kind of moratorium can there"
        " be, Russian Foreign Minister Sergei Lavrov said."
    )
    assert "SUPPORT" not in {ty for _s, _t, ty, _e in _coded(_analyze(pipeline, text))}


def test_a_conditions_subject_is_not_read_past_a_comma(pipeline: Any) -> None:
    # the parser made "den" the condition's verb and the minister its subject
    text = (
        "The European Union may halt mediation efforts among Serbia's feuding republics if "
        "cooperation by all parties founders, Dutch Foreign Minister Hans Van den Broek said."
    )
    threats = [e for e in _events(pipeline, text, "1991-09-03") if e[2] == "THREATEN"]
    assert threats and not [t for _, t, *_ in threats if t and t.startswith("NLD")]


def test_what_someone_needs_to_do_is_not_done(pipeline: Any) -> None:
    text = (
        "He said Giuliani and the president still believed Ukraine needed to investigate "
        "Burisma and the Bidens."
    )
    assert not [e for e in _events(pipeline, text) if e[2] == "ACCUSE"]
    # what had to be done was done
    assert [
        e[:3] for e in _events(pipeline, "Russia had to withdraw its troops from Georgia.")
    ] == [("RUS", "GEO", "RETREAT")]


def test_a_perfect_participle_of_an_earlier_year_is_background(pipeline: Any) -> None:
    text = (
        "Austria argued for decades that it was the first victim of National Socialism, "
        "having been annexed by Hitler's Germany in 1938."
    )
    assert _events(pipeline, text) == []


def test_a_purpose_is_of_the_time_of_the_act_it_is_for(pipeline: Any) -> None:
    text = (
        "The office referred the call to U.S. Capitol Police, who worked with the FBI to "
        "investigate."
    )
    dates = {e[2]: e[4] for e in _events(pipeline, text)}
    assert dates == {"COOPERATE": None, "ACCUSE": None}


def test_what_ones_own_side_needs_to_do_is_its_intent(pipeline: Any) -> None:
    text = "Pompeo said the US needs to work with Russia on arms control."
    assert [e[:3] + e[5:] for e in _events(pipeline, text)] == [("USA", "RUS", "COOPERATE", True)]
    text = '"We need to work with Russia," Pompeo said.'
    assert [e[2] for e in _events(pipeline, text)] == ["COOPERATE"]


@pytest.mark.parametrize(
    "text",
    [
        "Iran denies sending weapons to Russia.",
        "Russia denied attacking the convoy.",
        "Russia denied that it attacked the convoy.",
        "Iran denied sending troops to Syria and arming the rebels.",
    ],
)
def test_what_someone_denies_doing_is_negated(pipeline: Any, text: str) -> None:
    coded = _coded(_analyze(pipeline, text, "2019-11-19"))
    acts = [e for *_, e in coded if e.type != "REJECT"]
    assert acts and all(e.negated for e in acts), coded


def test_a_visit_one_is_invited_to_make_is_not_made(pipeline: Any) -> None:
    events = _events(pipeline, "Modi invited Putin to visit India.", "2023-05-01")
    assert events and all(e[5] for e in events if e[2] == "CONSULT"), events


@pytest.mark.parametrize(
    "text",
    [
        # a plural subject's base form is the present: no subjunctive demand
        "Cyprus has insisted that any EU concessions to Ankara depend on progress.",
        # "it" in a state's own argument is the state itself, not another side asked
        "Turkey has not imposed sanctions on Russia, arguing that it must keep channels open.",
    ],
)
def test_no_request_where_none_is_made(pipeline: Any, text: str) -> None:
    assert not [e for e in _events(pipeline, text) if e[2] == "REQUEST"]


def test_what_a_demand_asks_for_is_not_done_in_any_conjunct(pipeline: Any) -> None:
    text = "Kyiv insisted that Moscow hand the plant back and pull its troops out of the site."
    acts = [e for e in _events(pipeline, text) if e[2] == "RETREAT"]
    assert acts and all(e[5] for e in acts)


def test_a_round_of_many_acts_is_no_one_act(pipeline: Any) -> None:
    text = "Shahed drones have been launched by Russia against Ukrainian cities every night."
    assert _events(pipeline, text) == []


def test_a_currency_rallying_is_no_protest(pipeline: Any) -> None:
    text = "The Japanese yen rallied sharply against the dollar on Monday."
    assert _events(pipeline, text, "2024-05-28") == []


def test_a_withdrawal_from_ones_own_land_has_no_target(pipeline: Any) -> None:
    text = "Serbian forces completed their withdrawal from the Serbian town of Nis on Tuesday."
    acts = [e for e in _events(pipeline, text, "1999-06-20") if e[2] == "RETREAT"]
    assert acts and all(e[1] is None for e in acts), acts
    text = "Israeli forces completed their withdrawal from Lebanon on Tuesday."
    acts = [e for e in _events(pipeline, text, "2000-05-25") if e[2] == "RETREAT"]
    assert acts and all(e[1] == "LBN" for e in acts), acts


def test_an_act_a_thing_is_used_for_describes_the_thing(pipeline: Any) -> None:
    text = "Iran continues to supply the drones that Russia uses to attack Ukrainian cities."
    assert not [e for e in _events(pipeline, text, "2024-04-17") if e[2] == "ASSAULT"]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # the victim of the act commented on is not whom the comment is aimed at
        ("France condemned the attack on Israel.", ("FRA", None, "ACCUSE")),
        ("Germany denounced the strikes on Kyiv.", ("DEU", None, "ACCUSE")),
        (
            "Turkey condemned the killing of Iranian general Qassem Soleimani.",
            ("TUR", None, "ACCUSE"),
        ),
        ("China condemned the sanctions on Iran.", ("CHN", None, "ACCUSE")),
        ("The US welcomed the sanctions on Russia.", ("USA", None, "SUPPORT")),
        # whoever the act is told to be by is
        ("France condemned the Hamas attack on Israel.", ("FRA", "PSE", "ACCUSE")),
        ("France condemned the attack by Hamas on Israel.", ("FRA", "PSE", "ACCUSE")),
        ("France condemned Russia's attack on Ukraine.", ("FRA", "RUS", "ACCUSE")),
        (
            "Britain condemned the strikes carried out by Russia on Ukrainian cities.",
            ("GBR", "RUS", "ACCUSE"),
        ),
    ],
)
def test_a_comment_on_a_hostile_act_is_on_its_doer(pipeline: Any, text: str, want: Any) -> None:
    assert [e[:3] for e in _events(pipeline, text)] == [want]


def test_a_call_for_measures_against_a_state_is_aimed_at_it(pipeline: Any) -> None:
    text = "Archbishop Desmond Tutu called for sanctions against Nigeria."
    assert [e[1] for e in _events(pipeline, text) if e[1]] in ([], ["NGA"])
    text = "Germany demanded sanctions on Russia."
    assert ("DEU", "RUS") in [e[:2] for e in _events(pipeline, text)]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Ukraine attacked Russian positions near Bakhmut.", ("UKR", "RUS", "ASSAULT")),
        (
            "Russia said Ukraine had attacked its positions in the Kursk region.",
            ("UKR", "RUS", "ASSAULT"),
        ),
        # a view held is still attacked in words
        ("Lavrov attacked the Western position in the talks in Geneva.", ("RUS", None, "ACCUSE")),
    ],
)
def test_positions_somewhere_are_places_held(pipeline: Any, text: str, want: Any) -> None:
    assert _by_country(pipeline, text) == [want]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a hunger strike is a protest, no air strike
        (
            "More than 1,000 Palestinian prisoners in Israeli jails launched an open-ended "
            "hunger strike on Monday.",
            [("PSE", None, "PROTEST")],
        ),
        # a protest at a detention is not at those detained
        (
            "Athens summoned the Turkish ambassador on Friday to protest the detention of two "
            "Greek soldiers.",
            [("GRC", "TUR", "ACCUSE"), ("GRC", None, "PROTEST")],
        ),
        # a strike staged is the protest itself, aimed where it says
        (
            "Argentina's largest labour federation staged a nationwide general strike against "
            "President Javier Milei's austerity measures.",
            [("ARG", "ARG", "PROTEST")],
        ),
    ],
)
def test_protests_and_what_they_protest(pipeline: Any, text: str, want: Any) -> None:
    got = _by_country(pipeline, text)
    assert got == want


def test_an_act_in_reports_rejected_is_denied(pipeline: Any) -> None:
    text = (
        "Kremlin spokesman Dmitry Peskov rejected reports that Russian warplanes had bombed a "
        "hospital in Syria's Idlib province."
    )
    events = _analyze(pipeline, text).events
    assert [e.negated for e in events if e.type == "ASSAULT"] == [True]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # refugees sheltering somewhere give no one shelter
        (
            "The UN refugee agency appealed on Friday for $175 million to support Burundian "
            "refugees sheltering in Tanzania, Rwanda and Congo.",
            [("IGO", None, "REQUEST")],
        ),
        ("Turkey sheltered millions of Syrian refugees.", [("TUR", "SYR", "AID")]),
    ],
)
def test_shelter_given_needs_someone_sheltered(pipeline: Any, text: str, want: Any) -> None:
    got = _by_country(pipeline, text)
    assert got == want


def test_a_proposal_attacked_somewhere_is_still_words(pipeline: Any) -> None:
    got = _by_country(pipeline, "Moscow attacked the US proposal in Geneva.")
    assert got == [("RUS", "USA", "ACCUSE")]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Iran blasted the US decision to withdraw from the deal.", [("IRN", "USA", "ACCUSE")]),
        # armed doers blasting positions, a missile slamming into a block: blows
        (
            "Russian artillery blasted Ukrainian positions near Bakhmut.",
            [("RUS", "UKR", "ASSAULT")],
        ),
    ],
)
def test_blasting_is_criticism_unless_guns_do_it(pipeline: Any, text: str, want: Any) -> None:
    got = _by_country(pipeline, text)
    assert got == want


def test_a_missile_slamming_into_a_block_is_a_blow(pipeline: Any) -> None:
    # (the block's city places the target only for verbs of hitting; not asserted here)
    text = "A Russian missile slammed into an apartment block in the Ukrainian city of Dnipro."
    assert [(s and s[:3], ty) for s, _, ty, *_ in _events(pipeline, text)] == [("RUS", "ASSAULT")]


def test_a_state_described_but_not_named_lends_no_target(pipeline: Any) -> None:
    text = (
        "Nauru cut diplomatic ties with Taiwan on Monday and said it would instead recognise "
        "the People's Republic of China. Taipei charged Beijing with luring away its allies "
        "through promises of aid. It also said it had ended relations with the Pacific island "
        "nation first, to preserve its dignity."
    )
    ended = [e for e in _analyze(pipeline, text).events if e.trigger.text == "ended"]
    assert [(e.type, e.target_actor_id) for e in ended] == [("SANCTION", None)]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a condition set on the act makes it a threat made, as "threatened to" does
        (
            "Turkey would suspend relations with Israel unless the blockade is lifted, "
            "Erdogan said.",
            [("TUR", "ISR", "THREATEN", False)],
        ),
        # the condition hung on the verb of warning after the clause
        (
            "Beijing would downgrade relations with Vilnius if Lithuania allowed Taiwan to open "
            "a representative office, a Chinese foreign ministry spokesman warned on Monday.",
            [("CHN", "LTU", "THREATEN", False)],
        ),
        # the same told by unnamed insiders is a plan being weighed, not a warning given
        (
            "Turkey would suspend relations with Israel unless the blockade is lifted, "
            "sources said.",
            [("TUR", "ISR", "THREATEN", True)],
        ),
        # weighed, not done
        (
            "Turkey is considering suspending relations with Israel.",
            [("TUR", "ISR", "SANCTION", True)],
        ),
    ],
)
def test_conditions_and_deliberations(pipeline: Any, text: str, want: Any) -> None:
    got = _by_country_hypothetical(pipeline, text)
    assert got == want


def test_a_told_acts_result_is_not_the_tellers(pipeline: Any) -> None:
    text = (
        "Azerbaijan's defence ministry accused Armenian forces of firing on its positions in "
        "the Kalbajar district overnight, wounding one soldier."
    )
    got = _by_country(pipeline, text)
    assert got == [("AZE", "ARM", "ACCUSE")]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Russia said it struck Ukrainian positions.", [("RUS", "UKR", "ASSAULT")]),
        ("Moscow attacked the opposition's positions on migration.", [("RUS", None, "ACCUSE")]),
    ],
)
def test_a_sides_positions_are_places(pipeline: Any, text: str, want: Any) -> None:
    got = _by_country(pipeline, text)
    assert got == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a charge denied after it is told: the accusation was made, at Eritrea
        (
            "The Ethiopian government on Thursday accused neighbouring Eritrea of sending troops "
            "across the border, a charge Asmara has repeatedly denied.",
            [("ETH", "ERI", "ACCUSE", False)],
        ),
        # a place near a state's border is on either side of it: no target from it
        (
            "Pakistani troops killed six militants in a raid near the Afghan border.",
            [("PAK", None, "ASSAULT", False)],
        ),
    ],
)
def test_charges_denied_after_and_places_near_a_border(pipeline: Any, text: str, want: Any) -> None:
    got = [
        (s and s[:3], t and t[:3], ty, e.negated)
        for s, t, ty, e in _coded(_analyze(pipeline, text, "2019-11-19"))
    ]
    assert got == want


def test_a_relative_clause_with_a_plural_verb_is_of_all_the_names(pipeline: Any) -> None:
    text = "Qatar and Egypt, which have mediated between Israel and Hamas for months, met."
    got = {(s and s[:3], t, ty) for s, t, ty, *_ in _events(pipeline, text) if ty == "CONSULT"}
    assert {s for s, _, _ in got} >= {"QAT", "EGY"}


def test_forces_to_be_sent_somewhere_are_a_plan_not_a_threat(pipeline: Any) -> None:
    text = "Germany will send 4,000 troops to Lithuania by 2027."
    got = _by_country_hypothetical(pipeline, text)
    assert got == [("DEU", "LTU", "MOBILIZE", True)]


def test_a_conjunct_with_its_own_auxiliary_keeps_its_own_tense(pipeline: Any) -> None:
    text = (
        "Guyana's President Irfaan Ali said his government would take the dispute to the UN "
        "Security Council and had put the country's defence forces on alert along the "
        "Venezuelan border."
    )
    got = _by_country_hypothetical(pipeline, text)
    assert ("GUY", "VEN", "MOBILIZE", False) in got


def test_what_a_state_gives_and_another_cuts_is_aimed_at_its_receiver(pipeline: Any) -> None:
    # "US financing": the qualifying state gives it; cut, it is aimed at whom it went to
    # (it had been aimed at the United States itself: a second definition of the word
    # list had replaced the first)
    got = _by_country(pipeline, "Washington halted US financing to Ukraine.")
    assert got == [("USA", "UKR", "SANCTION")]
