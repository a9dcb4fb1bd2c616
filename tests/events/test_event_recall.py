"""Acts the coder used to miss on news-style text (issue 10's recall): threats said as
warnings, hosting a visitor, envoys summoned in the passive, people released, plural
phrases that count the states named just before ("the two countries agreed")."""

from __future__ import annotations

from typing import Any

import pytest

from communique.records import Article
from conftest import analyze_sentence as _analyze
from conftest import coded_events as _coded


def _dyads(pipeline: Any, text: str) -> set[tuple[Any, Any, str, str]]:
    return {(s, t, ty, e.cameo) for s, t, ty, e in _coded(_analyze(pipeline, text))}


def _country_dyads(pipeline: Any, text: str) -> set[tuple[Any, Any, str, str]]:
    """The dyads with each actor as its country's code ("RUS:COP" as "RUS")."""
    return {(s and s[:3], t and t[:3], ty, c) for s, t, ty, c in _dyads(pipeline, text)}


def _acts(pipeline: Any, text: str) -> set[tuple[Any, Any, str]]:
    """(source, target, type) of each event: the dyads without their CAMEO codes."""
    return {d[:3] for d in _dyads(pipeline, text)}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Russia warned of further measures.", ("RUS", None, "THREATEN", "130")),
        ("Russia warned the United States of retaliation.", ("RUS", "USA", "THREATEN", "130")),
        (
            "Iran warned Israel of a crushing response if it attacks.",
            ("IRN", "ISR", "THREATEN", "130"),
        ),
    ],
)
def test_a_warning_of_consequences_is_a_threat(pipeline: Any, text: str, want: Any) -> None:
    assert want in _dyads(pipeline, text)


@pytest.mark.parametrize(
    "text", ["The IMF warned of slowing growth.", "Economists warned of a recession."]
)
def test_a_warning_of_what_may_happen_is_no_act(pipeline: Any, text: str) -> None:
    assert not _dyads(pipeline, text)


def test_receiving_a_visitor_is_hosting(pipeline: Any) -> None:
    text = "President Recep Tayyip Erdogan received the Greek foreign minister for an hour."
    assert ("TUR", "GRC", "CONSULT", "043") in _dyads(pipeline, text)
    # a mission of observers is let in (CAMEO 086); a report or a call is not a visitor
    text = "Kyrgyz Prime Minister Nikolai Tanaev received a mission of observers from the OSCE."
    assert {d[3] for d in _dyads(pipeline, text)} == {"086"}
    assert not _dyads(pipeline, "The ministry had received a report from Berlin.")
    # a call received is a talk by phone (041), not a visitor hosted
    assert {d[3] for d in _dyads(pipeline, "Putin received a call from Erdogan.")} == {"041"}


def test_an_envoy_summoned_in_the_passive_is_summoned_by_the_ministry(pipeline: Any) -> None:
    text = "Russia's ambassador was summoned to the German Foreign Ministry on Monday."
    assert {(s, t) for s, t, _, _ in _dyads(pipeline, text)} == {("DEU", "RUS")}
    # the title of a named envoy is what the verb takes
    text = (
        "German Ambassador Alexander Graf Lambsdorff was summoned to the Russian Foreign Ministry."
    )
    assert {(s, t) for s, t, _, _ in _dyads(pipeline, text)} == {("RUS", "DEU")}
    # summoned to a place, by nobody named: no act of anyone's
    assert not _dyads(pipeline, "The envoy was summoned to Moscow.")


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Russia returned 64 Ukrainian servicemen on Monday.", ("RUS", "UKR")),
        ("In return, Kyiv released 66 Russian servicemen on Monday.", ("UKR", "RUS")),
        ("Kyiv freed 66 Russians, the ministry said.", ("UKR", "RUS")),
        ("Russia has handed back 64 Ukrainian soldiers.", ("RUS", "UKR")),
    ],
)
def test_people_released_or_returned(pipeline: Any, text: str, want: Any) -> None:
    assert (*want, "RETREAT", "0841") in _dyads(pipeline, text)


def test_people_returning_is_no_release(pipeline: Any) -> None:
    assert not _dyads(pipeline, "The troops returned to their base.")


def test_a_round_of_talks_is_talks(pipeline: Any) -> None:
    text = "India and Nigeria held a round of defence cooperation talks in New Delhi."
    assert {("IND", "NGA", "CONSULT", "040"), ("NGA", "IND", "CONSULT", "040")} <= _dyads(
        pipeline, text
    )


def _article(pipeline: Any, text: str) -> set[tuple[Any, Any, str]]:
    an = pipeline.analyze_doc(
        pipeline.nlp(text), Article(id="t", text=text, published="2023-12-05"), isolate=False
    )
    return {(s, t, ty) for s, t, ty, _ in _coded(an)}


def test_the_two_countries_are_the_two_states_named_before(pipeline: Any) -> None:
    text = (
        "India and Nigeria held defence talks in New Delhi on Tuesday. "
        "The two countries agreed to expand training for naval officers."
    )
    assert {("IND", "NGA", "AGREE"), ("NGA", "IND", "AGREE")} <= _article(pipeline, text)
    text = (
        "Turkish Foreign Minister Hakan Fidan met Greek Foreign Minister Giorgos Gerapetritis "
        "in Ankara. The two ministers also agreed to increase cooperation."
    )
    assert {("TUR", "GRC", "AGREE"), ("GRC", "TUR", "AGREE")} <= _article(pipeline, text)


def test_a_count_that_does_not_fit_names_nobody(pipeline: Any) -> None:
    # three states in view for "the two countries": which two is not clear
    text = (
        "Russia, China and India held talks in Moscow. "
        "The two countries agreed to expand trade in national currencies."
    )
    assert not [d for d in _article(pipeline, text) if d[2] == "AGREE"]


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        # in someone's words, "should" advises (an appeal, CAMEO 02), "must" demands (10)
        ('"The U.S. should stop its wrong practices immediately," Wang Wenbin said.', "020"),
        ('"The U.S. must stop its wrong practices immediately," Wang Wenbin said.', "100"),
        # a request is an appeal (CAMEO 02: "make an appeal or request")
        ("Finland requested NATO air policing over its territory.", "020"),
    ],
)
def test_advice_and_requests_are_appeals_demands_are_not(
    pipeline: Any, text: str, cameo: str
) -> None:
    assert {d[3] for d in _dyads(pipeline, text) if d[2] == "REQUEST"} == {cameo}


@pytest.mark.parametrize(
    ("text", "hypothetical"),
    [
        ("Customs and Border Protection did not accept the offer.", False),
        ("Iran did not agree to the proposal.", False),
        ("Iran would not agree to the deal unless sanctions are lifted.", True),
    ],
)
def test_not_accepting_is_a_refusal(pipeline: Any, text: str, hypothetical: bool) -> None:
    events = _analyze(pipeline, text).events
    assert [(e.type, e.cameo, e.negated, e.hypothetical) for e in events] == [
        ("REJECT", "120", False, hypothetical)
    ]
    # an agreement not yet made is no refusal
    coded = _coded(_analyze(pipeline, "Russia is unlikely to agree to cut output."))
    assert [(ty, e.hypothetical) for _, _, ty, e in coded] == [("AGREE", True)]


def test_they_after_a_coordinated_subject_of_states_is_those_states(pipeline: Any) -> None:
    text = (
        "Greek Foreign Minister Giorgos Gerapetritis and Turkish Foreign Minister Hakan Fidan "
        "met in Ankara on Monday. They agreed to start talks on the continental shelf."
    )
    agreed = {(s, t) for s, t, ty in _article(pipeline, text) if ty == "AGREE"}
    assert agreed == {("GRC", "TUR"), ("TUR", "GRC")}
    # any other "they" is left alone: protesters, officials, companies
    text = "Protesters and police clashed in Hong Kong. They agreed to talk."
    assert not [d for d in _article(pipeline, text) if d[2] == "AGREE"]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Moscow denies that the aircraft entered Estonian airspace.", "EST"),
        ("Russia denied that its forces had attacked Ukrainian civilians.", "UKR"),
        # the denier's own state is not whom the denial is aimed at
        ("Kremlin spokesman Dmitry Peskov denied that Moscow had any involvement.", None),
        ("The Kremlin denied any involvement in the attack.", None),
    ],
)
def test_denying_what_happened_is_a_rejection(pipeline: Any, text: str, target: Any) -> None:
    events = _analyze(pipeline, text).events
    assert [(s, t, ty, c) for s, t, ty, c in _dyads(pipeline, text) if ty == "REJECT"] == [
        ("RUS", target, "REJECT", "120")
    ]
    # the act denied, when its doer is named, is told as not done
    assert all(e.negated for e in events if e.type != "REJECT")
    # a denial of something no one claimed of anyone is nothing
    assert not _dyads(pipeline, "He denied that he was tired.")


def test_it_after_a_body_is_that_body(pipeline: Any) -> None:
    text = (
        "The U.S. State Department condemned the seizure. "
        "It demanded that Tehran immediately release the ship and its crew."
    )
    assert ("USA", "IRN", "REQUEST") in _article(pipeline, text)
    # a person is "he" or "she", and "it is" is no one
    text = "Putin condemned the seizure. It demanded that Tehran release the ship."
    assert not [d for d in _article(pipeline, text) if d[2] == "REQUEST"]
    text = "The State Department condemned the seizure. It is clear that Iran will respond."
    assert [d[2] for d in _article(pipeline, text)] == ["ACCUSE"]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Tehran vowed to retaliate against Washington.", ("IRN", "USA", "THREATEN", "130")),
        ("Beijing will respond to Canberra's decision in kind.", ("CHN", "AUS", "THREATEN", "130")),
        (
            "Paris will not leave Algeria's decision to expel twelve French officials without "
            "an answer, the ministry said.",
            ("FRA", "DZA", "THREATEN", "130"),
        ),
        (
            "Norway expelled three Russian diplomats on Friday. Russia's foreign ministry said "
            "it would respond to the expulsions.",
            ("RUS", "NOR", "THREATEN", "130"),
        ),
        (
            '"NATO moved its troops to our border, and we will respond accordingly," Russian '
            "Defence Minister Sergei Shoigu said.",
            ("RUS", "IGO", "THREATEN", "130"),
        ),
    ],
)
def test_an_answer_promised_to_another_act_is_a_threat(pipeline: Any, text: str, want: Any) -> None:
    dyads = _dyads(pipeline, text)
    assert want in dyads
    assert all(not (s == want[0] and t is None and ty == "THREATEN") for s, t, ty, _ in dyads)


@pytest.mark.parametrize(
    "text",
    [
        "The ministry will respond to questions from reporters on Friday.",
        "Asked whether Japan would retaliate, the minister declined to comment.",
        "Russia responded to the sanctions by expelling two diplomats.",  # done: the act is
    ],
)
def test_answers_that_are_no_threat(pipeline: Any, text: str) -> None:
    assert not [d for d in _dyads(pipeline, text) if d[2] == "THREATEN"]


def test_the_noun_a_passive_participle_modifies_is_what_was_done_to(pipeline: Any) -> None:
    text = "The 40 Georgian detainees handed over by Russia on Monday were all civilians."
    assert ("RUS", "GEO", "RETREAT", "0841") in _dyads(pipeline, text)
    text = "The two Dutch diplomats expelled by Caracas arrived home on Sunday."
    assert ("VEN", "NLD", "SANCTION", "166") in _dyads(pipeline, text)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Canada announced new measures against Iranian officials.", ("CAN", "IRN")),
        ("Japan imposed penalties against two of the Russian banks.", ("JPN", "RUS")),
    ],
)
def test_measures_against_someone_are_a_sanction(pipeline: Any, text: str, want: Any) -> None:
    assert (*want, "SANCTION", "163") in _dyads(pipeline, text)


def test_measures_against_no_one_are_no_sanction(pipeline: Any) -> None:
    assert not _dyads(pipeline, "Canada announced measures to curb inflation.")


def test_time_given_to_leave_is_an_expulsion_and_no_date(pipeline: Any) -> None:
    an = _analyze(
        pipeline, "Lithuania gave three Belarusian diplomats five days to leave the country."
    )
    [(s, t, ty, e)] = _coded(an)
    assert (s, t, ty, e.cameo) == ("LTU", "BLR", "SANCTION", "166")
    assert e.date == an.article.published[:10]  # "five days" is how long, not when


def test_opposing_an_actor_or_its_act_is_disapproval(pipeline: Any) -> None:
    text = "China firmly opposes the sanctions imposed by the United States on Chinese firms."
    assert ("CHN", "USA", "ACCUSE", "110") in _dyads(pipeline, text)
    assert not _dyads(pipeline, "Most Americans oppose a war with Iran.")  # a view, no act


def test_extradition_is_asked_of_a_state(pipeline: Any) -> None:
    text = "Turkey is seeking the journalists' extradition from Sweden."
    assert ("TUR", "SWE", "REQUEST", "020") in _dyads(pipeline, text)


@pytest.mark.parametrize(
    "text",
    [
        "Belarus threatened to close its border with Poland.",
        "Tehran vowed to retaliate against Washington.",
        "Pyongyang will respond to the drills in kind, the ministry said.",
    ],
)
def test_a_threat_made_is_not_hypothetical(pipeline: Any, text: str) -> None:
    threats = [e for _, _, ty, e in _coded(_analyze(pipeline, text)) if ty == "THREATEN"]
    assert threats and not any(e.hypothetical for e in threats)


def test_claims_called_groundless_are_rejected(pipeline: Any) -> None:
    text = (
        "Canada and Australia accused Beijing of the cyberattack on Monday. The Chinese "
        "embassy called the accusations groundless."
    )
    dyads = _dyads(pipeline, text)
    assert {("CHN", "CAN", "REJECT", "120"), ("CHN", "AUS", "REJECT", "120")} <= dyads
    text = (
        "Canada accused Beijing of the cyberattack. The Chinese embassy called the "
        "accusations serious."
    )
    assert not [d for d in _dyads(pipeline, text) if d[2] == "REJECT"]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Sweden has suspended development aid to Mali.", ("SWE", "MLI", "SANCTION")),
        ("The Dutch premier cancelled a planned visit to Turkey.", ("NLD", "TUR", "SANCTION")),
        (
            "Ethiopia threatened to close the border unless Eritrea withdrew its troops.",
            ("ETH", "ERI", "THREATEN"),
        ),
    ],
)
def test_whom_a_cut_or_a_conditional_threat_is_aimed_at(
    pipeline: Any, text: str, want: Any
) -> None:
    assert want in _acts(pipeline, text)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Szijjarto announced the deal in Moscow after meeting Russian Deputy Prime "
            "Minister Alexander Novak.",
            ("HUN", "RUS", "CONSULT"),
        ),
        ("The EU called for Russia to withdraw its troops.", ("IGO", "RUS", "REQUEST")),
    ],
)
def test_the_doer_of_after_meeting_and_the_one_called_for(
    pipeline: Any, text: str, want: Any
) -> None:
    assert want in _acts(pipeline, text)


def test_a_decision_taken_is_the_act(pipeline: Any) -> None:
    text = "China decided on Thursday to take countermeasures against two U.S. arms makers."
    got = [(s, t, ty, e.hypothetical) for s, t, ty, e in _coded(_analyze(pipeline, text))]
    assert ("CHN", "USA", "SANCTION", False) in got


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (  # a relative pronoun stands for the name its clause hangs on
            "He hoped for talks with the Taliban, who have long refused to negotiate peace "
            "with Kabul.",
            ("AFG", "AFG", "REJECT"),
        ),
        (  # ... through a verb coordinated with the clause's first
            "The Palestinian Authority - which considers the US biased and has rejected the"
            " Trump administration as a mediator - called for an emergency meeting.",
            ("PSE", "USA", "REJECT"),
        ),
        (
            "The meeting was hosted by Putin, who criticised the United States.",
            ("RUS", "USA", "ACCUSE"),
        ),
    ],
)
def test_a_relative_clause_acts_for_its_name(pipeline: Any, text: str, want: Any) -> None:
    assert want in _acts(pipeline, text)


def test_a_relative_clause_that_describes_its_name_is_no_act(pipeline: Any) -> None:
    # the simple present of a relative clause tells what its noun does as a rule
    text = "Oman, which mediates between Tehran and Washington on several issues, did not comment."
    assert not _dyads(pipeline, text)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (  # the subject's talks, with their partner
            "Szijjarto made the announcement after talks with Russian Deputy Prime Minister "
            "Alexander Novak.",
            {("HUN", "RUS", "CONSULT")},
        ),
        (  # a meeting between two parties where the clause's act took place
            "The agreement was reached in Ankara at a meeting between Turkish Energy Minister "
            "Alparslan Bayraktar and Iraqi Oil Minister Hayan Abdul-Ghani.",
            {("TUR", "IRQ", "CONSULT"), ("IRQ", "TUR", "CONSULT")},
        ),
        (  # "their meeting": the subject's parties met each other
            "At their meeting in Ankara, the foreign ministers of Greece and Turkey agreed on "
            "more than many observers expected.",
            {("GRC", "TUR", "CONSULT"), ("TUR", "GRC", "CONSULT")},
        ),
    ],
)
def test_an_encounter_that_is_the_setting_of_the_subjects_act(
    pipeline: Any, text: str, want: set[Any]
) -> None:
    assert want <= _acts(pipeline, text)


def test_a_setting_encounter_is_dated_as_the_act_held_at_it(pipeline: Any) -> None:
    text = "Lavrov spoke at talks with China on Tuesday."
    got = {(s, t, e.date) for s, t, _, e in _coded(_analyze(pipeline, text, "2023-03-01"))}
    assert ("RUS", "CHN", "2023-02-28") in got
    # "after": held just before the act, on its day, as the story gold's writers date it
    # ("signed the document in Vilnius after talks", twenty-ninth session)
    text = "Hungary signed the deal after talks with Russia on Monday."
    got = {(s, t, e.date) for s, t, _, e in _coded(_analyze(pipeline, text, "2023-03-01"))}
    assert ("HUN", "RUS", "2023-02-27") in got


def test_dismissed_criticism_is_rejected_and_brussels_is_the_eu(pipeline: Any) -> None:
    text = (
        "The European Commission criticised Hungary. Szijjarto dismissed criticism from Brussels."
    )
    assert ("HUN", "IGO", "REJECT") in _acts(pipeline, text)
    # with no EU body named, Brussels is Belgium's government
    text = "Szijjarto dismissed criticism from Brussels."
    assert ("HUN", "BEL", "REJECT") in _acts(pipeline, text)


def test_a_light_verb_reads_its_coordinated_objects(pipeline: Any) -> None:
    text = (
        "The United States is providing aerial photographs and other military intelligence "
        "to Macedonia."
    )
    assert ("USA", "MKD", "AID", "072") in _dyads(pipeline, text)


@pytest.mark.parametrize(
    "text",
    [
        "Putin's visit to Beijing on Tuesday ended with a deal.",  # the capital's state
        "Putin's visit to Shanghai on Tuesday ended with a deal.",  # a city's
    ],
)
def test_a_visit_to_a_city_is_a_visit_to_its_state(pipeline: Any, text: str) -> None:
    assert ("RUS", "CHN", "CONSULT", "042") in _dyads(pipeline, text)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Russia suspended talks with Ukraine.", ("RUS", "UKR", "SANCTION", "164")),
        ("Russia broke off talks with Ukraine.", ("RUS", "UKR", "SANCTION", "164")),
        ("The US called off negotiations with Iran.", ("USA", "IRN", "SANCTION", "164")),
        (  # "the talks" are with whoever held them with the subject's state before
            "Washington and the Taliban had been holding direct talks pursuing an agreement. "
            "They were on the verge of a deal when President Trump scuttled the talks in "
            "September.",
            ("USA", "AFG", "SANCTION", "164"),
        ),
    ],
)
def test_talks_halted(pipeline: Any, text: str, want: Any) -> None:
    assert want in _dyads(pipeline, text)


def test_a_month_named_alone_is_this_years_when_it_has_begun(pipeline: Any) -> None:
    text = "President Trump scuttled the talks with the Taliban in September."
    got = [(e.date, e.date_precision) for *_r, e in _coded(_analyze(pipeline, text, "2019-11-20"))]
    assert got == [("2019-09", "month")]


def test_a_protest_note_handed_over_is_a_formal_protest(pipeline: Any) -> None:
    text = (
        "Estonia's foreign ministry summoned Russia's chargé d'affaires to hand over a protest"
        " note."
    )
    got = _dyads(pipeline, text)
    assert ("EST", "RUS", "ACCUSE", "114") in got  # the envoy summoned
    assert not {d for d in got if d[2] == "RETREAT"}, got  # no release of anyone
    # a note is no protest unless it says so
    assert not _dyads(pipeline, "China sent a note to the United States.")


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("India agreed to buy oil from Russia.", ("IND", "RUS", "AGREE")),
        ("India refused to buy oil from Russia.", ("IND", "RUS", "REJECT")),
    ],
)
def test_the_seller_is_whom_a_purchase_agreed_or_refused_is_with(
    pipeline: Any, text: str, want: Any
) -> None:
    assert want in _acts(pipeline, text)


@pytest.mark.parametrize(
    "text",
    [
        "Young Algerians blocked roads leading to the city centre on Sunday.",
        "Algerian landowners began a hunger strike outside Parliament.",
    ],
)
def test_a_protest_whose_object_is_its_form_is_at_home(pipeline: Any, text: str) -> None:
    assert ("DZA", "DZA", "PROTEST") in _acts(pipeline, text)


def test_a_protest_whose_purpose_names_a_state_is_not_at_home(pipeline: Any) -> None:
    text = (
        "Up to 1,000 ethnic Turks began a hunger strike on Monday to protest against Sweden's"
        " decision to send them back to Bulgaria."
    )
    got = _acts(pipeline, text)
    assert not {d for d in got if d[0] == d[1]}, got


def test_force_used_at_home_is_against_home(pipeline: Any) -> None:
    got = _acts(pipeline, "Syrian government forces bombed a hospital in Idlib.")
    assert ("SYR", "SYR", "ASSAULT") in got
    # troops moved at home are aimed at no one
    assert ("RUS", None, "MOBILIZE") in _acts(pipeline, "Russia deployed troops in Belgorod.")


def test_demands_from_an_unnamed_group_at_home(pipeline: Any) -> None:
    text = "The Thai government rejected demands from protesters for new elections."
    assert ("THA", "THA", "REJECT") in _acts(pipeline, text)


def test_an_object_pronoun_takes_up_the_noun_before_it(pipeline: Any) -> None:
    text = "Russia has no territorial claims against Finland and does not intend to threaten it."
    assert ("RUS", "FIN", "THREATEN") in _acts(pipeline, text)
    text = (
        "Hong Kong police pinned 800 students inside a university and threatened to use live"
        " ammunition on them."
    )
    assert ("HKG", "HKG", "THREATEN") in _acts(pipeline, text)
    # the subject is the actor, not what "it" takes up
    got = _dyads(pipeline, "Iran seized the tanker and released it.")
    assert not {d for d in got if d[1] == "IRN"}, got


def test_a_pronoun_source_is_told_by_its_name(pipeline: Any) -> None:
    text = (
        "John Williams, the president of the Federal Reserve Bank of New York, said in a"
        " speech last week that the uncertainty is weighing on growth. Mr. Trump's theatrical"
        " embrace is not limited to China. He has threatened Japan with tariffs."
    )
    got = [(s, t, e.source.text) for s, t, _ty, e in _coded(_analyze(pipeline, text))]
    # "He" is the possessor of the subject just before (Trump), not the last subject
    assert ("USA", "JPN", "Trump") in got, got
    # "US" is a name, not the pronoun "us"
    got = [e.source.text for *_r, e in _coded(_analyze(pipeline, "The US condemned Russia."))]
    assert got == ["US"], got


def test_an_object_after_a_long_as_phrase_is_the_object(pipeline: Any) -> None:
    text = (
        "Albania on Friday denounced as an ugly crime Serbia's suppression of ethnic Albanian"
        " unrest in Montenegro."
    )
    assert ("ALB", "SRB", "ACCUSE") in _acts(pipeline, text)


def test_who_after_a_group_is_the_group_though_hung_on_a_thing(pipeline: Any) -> None:
    text = (
        "He hoped the swap would pave the way for direct talks between his government and the"
        " Taliban, who have long refused to negotiate peace with Kabul."
    )
    assert ("AFG", "AFG", "REJECT") in _acts(pipeline, text)
    # after a person's name "who" may be another's: not taken
    text = (
        "He hoped for direct talks between the minister and Sergei Lavrov, who has long"
        " criticized NATO."
    )
    assert not {d for d in _dyads(pipeline, text) if d[0] == "RUS"}


def test_them_is_the_subject_of_the_sentence_before(pipeline: Any) -> None:
    text = "Russian warplanes bombed two villages on Monday. Ukraine's air force shot them down."
    assert ("UKR", "RUS", "ASSAULT") in _acts(pipeline, text)
    # "it" is as often an act or a thing
    text = "Pistorius spoke on Monday. Germany would help Finland if Helsinki requested it."
    assert not {d for d in _dyads(pipeline, text) if d[0] == d[1]}


def test_discussing_something_with_someone(pipeline: Any) -> None:
    # the parser hangs "with" on the object: one discusses with someone all the same
    text = "Pompeo discussed the investigations with Russian officials."
    assert ("USA", "RUS", "CONSULT") in _acts(pipeline, text)


def test_a_purpose_is_carried_out_where_it_is_sent(pipeline: Any) -> None:
    text = (
        "The United Nations has sent 21 military and civilian personnel to Bosnia on Wednesday"
        " to investigate the feasibility of a peacekeeping force."
    )
    assert ("IGO", "BIH", "ACCUSE") in _acts(pipeline, text)
    # talks held somewhere are not with the host
    text = "Russia sent a delegation to Istanbul to negotiate a ceasefire."
    assert not {d for d in _dyads(pipeline, text) if d[1] == "TUR"}


def test_asylum_is_sought_of_the_state_where_it_is_sought(pipeline: Any) -> None:
    text = "Some 800,000 Iraqi Kurds sought refuge in Germany last month."
    assert ("IRQ", "DEU", "REQUEST") in _acts(pipeline, text)


def test_a_visit_to_a_place_is_to_its_state(pipeline: Any) -> None:
    text = "Putin visited a car factory in Shenzhen on Tuesday."
    assert ("RUS", "CHN", "CONSULT") in _acts(pipeline, text)
    # at home, to no one
    got = _dyads(pipeline, "Putin visited a car factory in Kazan on Tuesday.")
    assert not {d for d in got if d[1] is not None}, got


def test_force_where_its_setting_was_and_an_ethnicity_is_not_a_state(pipeline: Any) -> None:
    text = (
        "Serb forces killed three ethnic Albanians in a gunbattle in southeastern Serbia"
        " Friday, a political council said."
    )
    got = _acts(pipeline, text)
    assert ("SRB", "SRB", "ASSAULT") in got and ("SRB", "ALB", "ASSAULT") not in got, got
    text = "Israeli troops launched artillery fire against Syrian army positions on Monday."
    assert ("ISR", "SYR", "ASSAULT", "194") in _dyads(pipeline, text)


def test_an_undated_act_is_dated_by_the_wire_dateline(pipeline: Any) -> None:
    text = (
        "WASHINGTON, Sept 26 (Meuse Wire) - Blinken met Pakistani Foreign Minister Bilawal"
        " Bhutto Zardari. Bhutto Zardari thanked Washington for its help."
    )
    # published after midnight the next day: the dateline's day is the day reported
    an = _analyze(pipeline, text, "2022-09-27")
    got = {(s, t, e.date) for s, t, _ty, e in _coded(an)}
    assert ("PAK", "USA", "2022-09-26") in got, got


def test_an_undated_act_happened_on_the_day_the_lead_tells(pipeline: Any) -> None:
    lead = (
        "The foreign ministers of Greece and Turkey announced on Tuesday that their"
        " countries would begin exploratory talks. Officials said the mood was good."
    )
    act = " Fidan rejected Greek plans for two marine parks in the Aegean."

    def dates(text: str) -> set[tuple[str, str, str | None]]:
        # published on Wednesday 2024-10-16, the morning after
        return {(s, t, e.date) for s, t, _ty, e in _coded(_analyze(pipeline, text, "2024-10-16"))}

    assert ("TUR", "GRC", "2024-10-15") in dates(lead + act)
    # a lead on the publication day's news keeps that day ("on Wednesday, a day after")
    same_day = lead.replace("on Tuesday", "on Wednesday")
    assert ("TUR", "GRC", "2024-10-16") in dates(same_day + act)
    # a day in a relative clause or a plan is not the day of the news
    relative = (
        "India has asked Iran for consular access to the sailors of a tanker, which was"
        " seized on Saturday, the ministry said. Officials gave no details."
    )
    assert ("TUR", "GRC", "2024-10-16") in dates(relative + act)
    plan = "Greece and Turkey will meet on Monday, officials said. The mood was good."
    assert ("TUR", "GRC", "2024-10-16") in dates(plan + act)
    # an incident is answered on days of its own: only statements and meetings carry
    incident = "Greek coast guard ships entered the disputed waters on Tuesday. Nobody was hurt."
    assert ("TUR", "GRC", "2024-10-16") in dates(incident + act)
    # a verbal act is a statement: criticism faced, a condemnation
    faced = "Athens faced stiff criticism on Tuesday over its plans. Officials said little."
    assert ("TUR", "GRC", "2024-10-15") in dates(faced + act)


def test_a_clause_on_a_noun_is_not_dated_by_the_verb_above_it(pipeline: Any) -> None:
    text = (
        "Finnish President Sauli Niinisto said last Thursday that his country's membership"
        " was not directed against anyone, an assertion that Moscow has rejected."
    )
    got = {(s, ty, e.date) for s, _t, ty, e in _coded(_analyze(pipeline, text, "2023-04-12"))}
    assert ("RUS", "REJECT", "2023-04-06") not in got, got
    assert {(s, ty) for s, ty, _d in got} >= {("RUS", "REJECT")}, got
    # a verb's own content is still dated by it
    text = "Russia said on Monday that it had expelled two Finnish diplomats."
    got = {(s, t, e.date) for s, t, _ty, e in _coded(_analyze(pipeline, text, "2023-04-12"))}
    assert ("RUS", "FIN", "2023-04-10") in got, got


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Qatar and Germany on Tuesday signed a memorandum on hydrogen cooperation.",
            ("QAT", "DEU", "AGREE", "057"),
        ),
        (
            "The Egyptian parliament ratified the maritime border agreement with Saudi Arabia.",
            ("EGY", "SAU", "AGREE", "057"),
        ),
        (
            "Ukrainian prosecutors indicted two Russian officers for war crimes.",
            ("UKR", "RUS", "ACCUSE", "1121"),
        ),
        ("Israeli forces blockaded Gaza for a week.", ("ISR", "PSE", "COERCE", "191")),
        (
            "Norway brokered a ceasefire between Colombia and the FARC rebels.",
            ("NOR", "COL", "CONSULT", "045"),
        ),
        (
            "Serbian opposition parties boycotted the vote in parliament.",
            ("SRB", "SRB", "PROTEST", "143"),
        ),
    ],
)
def test_common_political_verbs(pipeline: Any, text: str, want: tuple[Any, ...]) -> None:
    assert want in _dyads(pipeline, text)


def test_staying_away_from_a_match_is_no_act(pipeline: Any) -> None:
    assert not _dyads(pipeline, "Some Belgian fans boycotted the match against Italy.")


def test_a_dateline_does_not_split_its_story_sentence(pipeline: Any) -> None:
    text = (
        "The minister calls the deal a diversification. Activists see it differently.\n\n"
        "DOHA/BERLIN – Germany and Qatar signed a memorandum of understanding on green"
        " hydrogen in Doha on Tuesday, in a deal the German government hopes will help.\n\n"
        "Habeck said the deal was good."
    )
    assert ("DEU", "QAT", "AGREE", "057") in _dyads(pipeline, text)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Demonstrators blocked roads in Algiers on Monday.", ("DZA", "DZA", "PROTEST")),
        ("Protesters in Lagos burned tyres to protest the new law.", ("NGA", "NGA", "PROTEST")),
        ("Militants attacked a police station in Peshawar.", ("PAK", "PAK", "ASSAULT")),
        (
            "Liberian riot police used tear gas to disperse demonstrators protesting election"
            " results in Monrovia.",
            ("LBR", "LBR", "PROTEST"),
        ),
        # a sentence of running text is no headline: a past tense the tagger took for a
        # participle still has its subject
        (
            "Climate activists protested outside the Economy Ministry in Berlin on Tuesday.",
            ("DEU", "DEU", "PROTEST"),
        ),
    ],
)
def test_an_unnamed_group_is_of_the_state_where_it_acts(
    pipeline: Any, text: str, want: tuple[Any, ...]
) -> None:
    assert want in _acts(pipeline, text)


def test_a_protest_outside_an_embassy_is_at_its_state(pipeline: Any) -> None:
    text = "Activists protested outside the Turkish embassy in Athens on Monday."
    assert ("GRC", "TUR", "PROTEST") in _acts(pipeline, text)
    text = "Hundreds of Serbs protested in front of the US embassy in Belgrade."
    assert ("SRB", "USA", "PROTEST") in _acts(pipeline, text)


def test_an_unnamed_group_acted_on_is_no_source(pipeline: Any) -> None:
    assert not _dyads(pipeline, "More than 100 protesters killed in Iran unrest")
    assert not _dyads(pipeline, "Protesters were killed in Tehran.")
    # soldiers and troops fight abroad: a place is not their state
    assert not _dyads(pipeline, "Soldiers attacked a village in southern Lebanon.")


def test_on_a_day_s_evening_dates_the_act(pipeline: Any) -> None:
    text = "Climate activists protested outside the ministry in Berlin on Tuesday evening."
    got = {(s, e.date) for s, _t, _ty, e in _coded(_analyze(pipeline, text, "2023-05-17"))}
    assert ("DEU", "2023-05-16") in got, got


def test_an_act_going_on_has_no_day(pipeline: Any) -> None:
    text = "Separately, the US is seeking the journalist's extradition from the UK."
    got = {(s, t, e.date) for s, t, _ty, e in _coded(_analyze(pipeline, text, "2019-11-20"))}
    assert ("USA", "GBR", None) in got, got
    # a plan told with "going to" is no act going on; the statement's day stands
    text = "Russia is going to ask the United Nations to open an investigation."
    got = {(s, t, e.date) for s, t, _ty, e in _coded(_analyze(pipeline, text, "2019-11-20"))}
    assert ("RUS", "IGO", "2019-11-20") in got, got


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("A top aide to Zelenskiy met Pompeo in Warsaw.", ("UKR", "USA", "CONSULT")),
        ("An adviser to Putin criticised Merkel.", ("RUS", "DEU", "ACCUSE")),
        ("Pompeo met an aide to Zelenskiy.", ("USA", "UKR", "CONSULT")),
    ],
)
def test_an_aide_is_of_the_principal_s_state(
    pipeline: Any, text: str, want: tuple[Any, ...]
) -> None:
    assert want in _acts(pipeline, text)


def test_an_envoy_to_a_country_is_not_of_it(pipeline: Any) -> None:
    an = _analyze(pipeline, "An envoy to Ukraine criticised Merkel.")
    assert not any(s == "UKR" for s, _t, _ty, _e in _coded(an))


def test_no_object_negates_the_act(pipeline: Any) -> None:
    for text in (
        "Russia imposed no new sanctions on Ukraine.",
        "Russia held no talks with Ukraine.",
    ):
        (event,) = [e for _s, t, _ty, e in _coded(_analyze(pipeline, text)) if t == "UKR"]
        assert event.negated, text
    coded = _coded(_analyze(pipeline, "Russia held talks with Ukraine."))
    # talks are held by both sides (each consults the other), neither negated
    assert {(c[0], c[1]) for c in coded} == {("RUS", "UKR"), ("UKR", "RUS")}, coded
    assert not any(c[3].negated for c in coded)


def test_names_set_off_by_dashes_are_the_subject(pipeline: Any) -> None:
    text = (
        "The only two Arab states to have signed peace treaties with Israel - Egypt and Jordan "
        "- also sharply criticised the US policy shift, with Jordanian Foreign Minister Ayman "
        'Safadi warning of "dangerous consequences".'
    )
    got = _acts(pipeline, text)
    # the "with"-phrase after the comma is a setting, not whom they criticised
    assert got == {("EGY", "USA", "ACCUSE"), ("JOR", "USA", "ACCUSE")}, got
    got = _acts(pipeline, "Two neighbours — Russia and Belarus — condemned Poland.")
    assert got == {("RUS", "POL", "ACCUSE"), ("BLR", "POL", "ACCUSE")}, got


def test_coercion_of_what_is_somewhere_is_of_its_state(pipeline: Any) -> None:
    text = (
        "The British government on Monday outlawed the largest Protestant extremist "
        "organization in Northern Ireland."
    )
    assert ("GBR", "GBR", "COERCE") in _acts(pipeline, text)


def test_an_offer_of_aid_and_a_capital_given_it(pipeline: Any) -> None:
    assert ("JPN", "KEN", "AGREE", "033") in _dyads(pipeline, "Japan offered Kenya a loan.")
    text = "The Turkish minister said Ankara had offered Baghdad new talks on the pipeline."
    assert ("TUR", "IRQ", "AGREE", "036") in _dyads(pipeline, text)


def test_a_titled_surname_is_whoever_held_the_title_then(pipeline: Any) -> None:
    """The registry does not take "Bush" alone (two presidents bore it): the title and the
    day say which."""
    text = "President Bush criticised Russia."
    for day, name in (("1990-05-20", "George H. W. Bush"), ("2003-05-20", "George W. Bush")):
        an = _analyze(pipeline, text, day)
        assert [an.actor(m.actor_id).name for m in an.mentions if m.span.text == "Bush"] == [
            name
        ], day
        assert ("USA", "RUS", "ACCUSE") in {(s, t, ty) for s, t, ty, _e in _coded(an)}
    # no President Bush then: one of the two, both American, told of afterwards (or in an
    # article dated loosely); which one the text does not say, nor any office held now
    an = _analyze(pipeline, text, "2012-05-20")
    bush = [an.actor(m.actor_id) for m in an.mentions if m.span.text == "Bush"]
    assert [(a.country, a.role, a.learned) for a in bush] == [("USA", None, True)]
    an = _analyze(pipeline, "President Reagan criticised Russia.", "1999-05-20")
    assert [an.actor(m.actor_id).name for m in an.mentions if m.span.text == "Reagan"] == [
        "Ronald Reagan"
    ]


def test_an_act_is_aimed_at_whom_a_phrase_inside_it_names(pipeline: Any) -> None:
    """With no target at the verb, the first "to", "against", "on" or "with" phrase inside
    what the act is about names it ("any direct assistance to the US-led war": the US)."""
    text = (
        "The Turkish government has refused to commit to any direct assistance to the "
        "US-led war against Iraq."
    )
    assert ("TUR", "USA", "REJECT") in _acts(pipeline, text)
    # not where someone goes, nor what a report was handed to, nor a setting
    text = "Ousted President Askar Akayev has agreed to resign without returning to Kyrgyzstan."
    assert ("KGZ", None, "AGREE") in _acts(pipeline, text)
    text = (
        "Afghanistan has been sharing expertise with the rebels, according to a report "
        "submitted to the Canadian Security Intelligence Service."
    )
    assert ("AFG", None, "COOPERATE") in _acts(pipeline, text)


def test_negotiating_is_consulting_and_a_promise_to_negotiate_its_intent(pipeline: Any) -> None:
    """CAMEO 046 "engage in negotiation" for talks under way or held; 036 "express intent
    to meet or negotiate" for talks promised or agreed to."""
    text = (
        "China and member states of the Association of Southeast Asian Nations are "
        "negotiating a code of conduct in the South China Sea."
    )
    assert ("CHN", "IGO", "CONSULT", "046") in _dyads(pipeline, text)
    text = "Russia will negotiate with Ukraine on the grain corridor next week, the Kremlin said."
    assert ("RUS", "UKR", "AGREE", "036") in _dyads(pipeline, text)
    assert ("IRN", "USA", "AGREE", "036") in _dyads(
        pipeline, "Iran agreed to negotiate with the United States on Monday."
    )


def test_talks_that_continue_have_no_day(pipeline: Any) -> None:
    text = "The United States and China continue to negotiate a trade deal, officials said."
    got = {(s, t, e.date) for s, t, _ty, e in _coded(_analyze(pipeline, text, "2019-11-18"))}
    assert ("USA", "CHN", None) in got, got


def test_a_force_led_by_a_state_acts_for_it(pipeline: Any) -> None:
    """ "X-led forces", "the X-led coalition" act for X (as source and as target); forces
    X backs do not; coordinated objects share the phrase the last one carries."""
    text = (
        "Ethiopian-led forces launched artillery, mortar and rocket fire against Somali "
        "militia camps."
    )
    assert ("ETH", "SOM", "ASSAULT") in _acts(pipeline, text)
    assert ("IRQ", "USA", "ASSAULT") in _acts(pipeline, "Iraq attacked the US-led coalition.")
    acts = _acts(pipeline, "Russian-backed separatists shelled Ukrainian positions.")
    assert not any(s == "RUS" for s, _t, _ty in acts), acts


def test_an_object_the_parser_made_a_subject_is_still_the_target(pipeline: Any) -> None:
    """ "granted asylum to five Panamanian officers holed up in a residence": the parser
    makes "officers" the subject of "holed" and leaves "to" without an object."""
    text = (
        "Peru has granted diplomatic asylum to five Panamanian army officers holed up in a "
        "diplomatic residence."
    )
    assert ("PER", "PAN", "AID") in _acts(pipeline, text)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Russian missiles struck the port of Odesa overnight.", ("RUS", "UKR", "ASSAULT")),
        ("Russian drones hit energy facilities in Kharkiv.", ("RUS", "UKR", "ASSAULT")),
        ("Russian missiles hit the Odesa port.", ("RUS", "UKR", "ASSAULT")),
    ],
)
def test_force_on_a_thing_somewhere_hits_its_state(
    pipeline: Any, text: str, want: tuple[str, str, str]
) -> None:
    """ "hit" and "strike" are force when weapons hit a thing a place phrase puts in a state;
    not a deal struck somewhere, nor what a storm hits."""
    assert want in _acts(pipeline, text)


@pytest.mark.parametrize(
    "text",
    [
        "Israeli negotiators struck a deal in Cairo.",
        "Russian troops struck a deal in Kyiv.",
        "The storm hit the port of Odesa.",
    ],
)
def test_a_deal_struck_somewhere_is_no_force(pipeline: Any, text: str) -> None:
    assert not [a for a in _acts(pipeline, text) if a[2] == "ASSAULT"]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # the place phrase on the verb or on what is imposed: the same target either way
        ("The Egyptian government imposed a curfew in Cairo.", ("EGY", "EGY", "COERCE")),
        ("The Thai government declared a state of emergency in Bangkok.", ("THA", "THA", "COERCE")),
        ("Russian police detained an activist in Kyiv.", ("RUS", "UKR", "COERCE")),
    ],
)
def test_coercion_somewhere_is_of_its_state(
    pipeline: Any, text: str, want: tuple[str, str, str]
) -> None:
    assert _acts(pipeline, text) == {want}


def test_a_threat_of_coercion_somewhere_is_aimed_at_its_state(pipeline: Any) -> None:
    text = "The Algerian president threatened to impose a curfew in Algiers after the unrest."
    assert _acts(pipeline, text) == {("DZA", "DZA", "THREATEN")}
    # a threat to deploy one's own forces at home is aimed at no one there
    assert ("RUS", "RUS", "THREATEN") not in _acts(
        pipeline, "Russia threatened to deploy missiles in Kaliningrad."
    )


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Israel turned down a request by the United Nations.", {("ISR", "IGO", "REJECT")}),
        # the parser makes "back" an adverb here: still the verb's particle
        ("Washington rolled back tariffs on Chinese goods.", {("USA", "CHN", "RETREAT")}),
        (
            "Putin spoke to Erdogan by phone on Monday.",
            {("RUS", "TUR", "CONSULT"), ("TUR", "RUS", "CONSULT")},
        ),
        # talking to no one named consults no one
        ("Peskov spoke to reporters on Monday.", set()),
        ("Peskov talked to reporters on Monday.", set()),
    ],
)
def test_phrasal_verbs_of_common_acts(
    pipeline: Any, text: str, want: set[tuple[str, str, str]]
) -> None:
    assert _acts(pipeline, text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "The European Union on Friday expressed solidarity with Germany.",
            ("IGO", "DEU", "SUPPORT"),
        ),
        ("Japan expressed concern over North Korea's missile launch.", ("JPN", "PRK", "ACCUSE")),
        ("Russian jets violated Finnish airspace.", ("RUS", "FIN", "COERCE")),
        ("Two Russian military aircraft entered Estonia's airspace.", ("RUS", "EST", "COERCE")),
        ("The Russian planes flew into Estonian airspace.", ("RUS", "EST", "COERCE")),
        (
            "The violation of Estonian airspace by two Russian military aircraft on Tuesday "
            "has renewed calls for stronger air defences.",
            ("RUS", "EST", "COERCE"),
        ),
        # meeting another's aircraft in the air is a show of force
        ("Finnish jets intercepted two Russian bombers.", ("FIN", "RUS", "MOBILIZE")),
    ],
)
def test_stances_expressed_and_airspace_entered(
    pipeline: Any, text: str, want: tuple[str, str, str]
) -> None:
    assert _acts(pipeline, text) == {want}


@pytest.mark.parametrize(
    "text",
    [
        "The plane flew into Moscow on Monday.",  # a journey, not an airspace entered
        "The violation of the ceasefire by the rebels was condemned.",  # no state's airspace
        "Air traffic controllers intercepted a message from the pilots.",  # no aircraft met
    ],
)
def test_flights_and_breaches_that_are_no_coercion(pipeline: Any, text: str) -> None:
    assert not {a for a in _acts(pipeline, text) if a[2] in ("COERCE", "MOBILIZE")}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Iraq wants Turkey to pay about 1.5 billion dollars.", {("IRQ", "TUR", "REQUEST")}),
        ("Washington encouraged Baghdad to resolve the dispute.", {("USA", "IRQ", "REQUEST")}),
        # a wish to act oneself is that act, planned; a meeting one side wants is its own
        ("Iraq wants to meet Turkey.", {("IRQ", "TUR", "CONSULT")}),
        # a people's wish is an opinion, no one asked; nor is a thing wished better
        ("Most Americans want Congress to investigate Trump.", set()),
        ("Russian officials want their relationship with the U.S. to improve.", set()),
    ],
)
def test_wanting_someone_else_to_act_asks_them(
    pipeline: Any, text: str, want: set[tuple[str, str, str]]
) -> None:
    assert _acts(pipeline, text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Germany declared four Russian diplomats persona non grata.", ("DEU", "RUS", "SANCTION")),
        ("Russia has thrown four German diplomats out of the country.", ("RUS", "DEU", "SANCTION")),
        (
            "Moscow answered in kind, ordering four German diplomats out of Russia.",
            ("RUS", "DEU", "SANCTION"),
        ),
        (
            "Russia retaliated for Germany's expulsion of four Russian embassy employees.",
            ("DEU", "RUS", "SANCTION"),
        ),
        ("China put two U.S. arms makers on a sanctions list.", ("CHN", "USA", "SANCTION")),
        ("The US added five Chinese firms to its entity list.", ("USA", "CHN", "SANCTION")),
    ],
)
def test_expulsions_and_listings_said_without_expel_or_sanction(
    pipeline: Any, text: str, want: tuple[str, str, str]
) -> None:
    assert want in _acts(pipeline, text)
    assert not _acts(pipeline, "The court threw out the case.")
    assert not _acts(pipeline, "He put the book on the list.")


def test_an_act_counted_from_is_dated_from_the_act_counted(pipeline: Any) -> None:
    text = (
        "China issued one-year press visas to three American reporters on Friday, four days "
        "after the two sides agreed in Beijing to ease the process."
    )
    an = _analyze(pipeline, text, "2024-03-25")  # a Monday: Friday is 22 March
    agreed = [c[3] for c in _coded(an) if c[3].trigger.text == "agreed"]
    assert agreed and {e.date for e in agreed} == {"2024-03-18"}, agreed


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Iran's seizure of a British tanker drew condemnation.", ("IRN", "GBR", "COERCE")),
        ("Ukraine's incursion into Russia's Kursk region continued.", ("UKR", "RUS", "ASSAULT")),
        ("Estonia's arrest of two Russian citizens angered Moscow.", ("EST", "RUS", "COERCE")),
    ],
)
def test_seizures_arrests_and_incursions_named_by_nouns(
    pipeline: Any, text: str, want: tuple[str, str, str]
) -> None:
    assert want in _acts(pipeline, text)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "A human rights group accused Croatian authorities of failing to uphold property "
            "rights.",
            ("NGO", "HRV", "ACCUSE"),
        ),
        (
            "A group of physicians is urging the Department of Homeland Security to accept its "
            "offer to provide free flu shots.",
            ("NGO", "USA", "REQUEST"),
        ),
    ],
)
def test_a_civil_group_described_not_named_acts_as_an_ngo(
    pipeline: Any, text: str, want: tuple[str, str, str]
) -> None:
    assert want in _acts(pipeline, text)


def test_a_civil_group_qualified_by_a_state_is_not_an_anonymous_ngo(pipeline: Any) -> None:
    an = _analyze(pipeline, "Russian rights group Memorial condemned the arrests.")
    assert not [a for a in an.actors if a.code == "NGO"], an.actors


def test_the_group_takes_up_a_civil_group_named_before(pipeline: Any) -> None:
    an = _analyze(
        pipeline,
        "A group of physicians wrote to the administration. The group had set a deadline of "
        "Tuesday for the administration to respond.",
    )
    ids = [m.actor_id for m in an.mentions if m.span.text in ("group of physicians", "The group")]
    assert len(ids) == 2 and ids[0] == ids[1] and ids[0].startswith("ngo:"), an.mentions


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a modal over a perfect is about the past: a reproach, not an appeal
        (
            "Human rights groups said that Germany should have tied the deal to labour reforms.",
            {("NGO", "DEU", "ACCUSE", "111")},
        ),
        ("Amnesty said Germany must have known about the abuses.", set()),
        ("Amnesty said Germany must release the prisoners.", {("NGO", "DEU", "REQUEST", "100")}),
    ],
)
def test_should_have_done_is_a_reproach_and_must_have_a_guess(
    pipeline: Any, text: str, want: set[tuple[str, str, str, str]]
) -> None:
    assert _dyads(pipeline, text) == want


def test_a_by_phrase_of_measure_beside_an_active_subject_is_no_agent(pipeline: Any) -> None:
    text = "President Omar El Bashir on Thursday shortened by one hour the nightly curfew."
    an = _analyze(pipeline, text, "1992-06-01")  # Bashir in office
    assert ("SDN", None, "CONCEDE") in {c[:3] for c in _coded(an)}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "India also offered Nigeria a line of credit for the purchase of defence equipment.",
            ("IND", "NGA", "AGREE", "033"),
        ),
        ("The EU imposed a new package of sanctions on Russia.", ("IGO", "RUS", "SANCTION", "163")),
        (
            "Turkey also proposed to Iraq a new long-term agreement to replace the pipeline treaty.",
            ("TUR", "IRQ", "AGREE", "030"),
        ),
        (
            "Ankara had offered Baghdad a new long-term agreement on the pipeline.",
            ("TUR", "IRQ", "AGREE", "030"),
        ),
    ],
)
def test_offers_and_measures_held_in_a_container_noun(
    pipeline: Any, text: str, want: tuple[str, str, str, str]
) -> None:
    assert want in _dyads(pipeline, text)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "The drills have drawn criticism from the United States. Pretoria has rejected the "
            "criticism.",
            ("ZAF", "USA", "REJECT"),
        ),
        (
            "Cyprus and Egypt have signed a deal to bring Cypriot gas to Egypt. Turkey rejected "
            "the agreement.",
            ("TUR", "CYP", "REJECT"),
        ),
    ],
)
def test_an_act_taken_up_is_aimed_at_its_maker_told_by_a_noun_or_another_verb(
    pipeline: Any, text: str, want: tuple[str, str, str]
) -> None:
    assert want in _acts(pipeline, text)


def test_a_perfect_lead_told_again_with_its_day_takes_that_day(pipeline: Any) -> None:
    text = (
        "Cyprus and Egypt have signed a deal to bring Cypriot gas to Egypt. The agreement was "
        "signed on Tuesday in Nicosia. Turkey rejected the agreement."
    )
    an = _analyze(pipeline, text, "2024-07-10")  # a Wednesday
    assert {e.date for e in an.events} == {"2024-07-09"}, an.events
    # a day after a perfect lead that is of another act stays another act's
    an = _analyze(
        pipeline,
        "Japan has lodged a protest with China. Chinese ships entered the waters on Monday.",
        "2024-07-10",
    )
    lodged = [e for e in an.events if e.trigger.text == "lodged"]
    assert lodged and lodged[0].date == "2024-07-10", an.events


def test_an_act_carried_out_on_a_noun_told_before_is_aimed_as_it_was(pipeline: Any) -> None:
    text = (
        "China firmly opposes the sanctions imposed by the United States on Chinese companies, "
        "a spokesperson said. The U.S. Treasury Department announced the sanctions on Tuesday."
    )
    assert ("USA", "CHN", "SANCTION") in _acts(pipeline, text)


def test_a_definite_number_alone_is_the_group_counted_before(pipeline: Any) -> None:
    text = (
        "The United States backed Germany's decision to expel four Russian diplomats. Berlin "
        "ordered the four to leave on Monday."
    )
    assert ("DEU", "RUS", "SANCTION") in _acts(pipeline, text)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Russian prosecutors dropped charges against the American journalist.", ("RUS", "USA")),
        ("Turkey closed the case against the Saudi officials.", ("TUR", "SAU")),
        (
            "Prosecutors in Sweden have dropped an investigation into a rape allegation made "
            "against the Australian journalist.",
            ("SWE", "AUS"),
        ),
    ],
)
def test_a_legal_case_given_up_is_a_concession_to_whom_it_was_against(
    pipeline: Any, text: str, want: tuple[str, str]
) -> None:
    assert (*want, "CONCEDE", "081") in _dyads(pipeline, text)


def test_charges_filed_are_an_accusation_of_crime(pipeline: Any) -> None:
    text = "Ukrainian prosecutors filed charges against two Russian commanders."
    assert ("UKR", "RUS", "ACCUSE", "1121") in _dyads(pipeline, text)


def test_a_group_noun_capitalised_after_a_headline_is_still_a_group(pipeline: Any) -> None:
    text = (
        "Sweden drops rape investigation\n\nProsecutors in Sweden have dropped an investigation "
        "into a rape allegation made against the Australian journalist."
    )
    assert ("SWE", "AUS", "CONCEDE") in _acts(pipeline, text)


@pytest.mark.parametrize(
    "text",
    [
        "The Australian journalist faces 18 criminal charges in the US.",
        "The Australian journalist faces US charges of espionage.",
    ],
)
def test_charges_faced_are_an_accusation_by_the_state_bringing_them(
    pipeline: Any, text: str
) -> None:
    assert ("USA", "AUS", "ACCUSE", "1121") in _dyads(pipeline, text)


def test_charges_faced_now_were_brought_at_no_stated_time(pipeline: Any) -> None:
    an = _analyze(pipeline, "The Australian journalist faces 18 criminal charges in the US.")
    assert [e.date for e in an.events] == [None], an.events


def test_a_pronoun_target_is_told_by_its_actors_name(pipeline: Any) -> None:
    text = (
        "Prosecutors in Sweden dropped the case against the Australian journalist Julian "
        "Assange. He had been facing a rape charge in Sweden since 2010."
    )
    an = _analyze(pipeline, text)
    facing = [e for e in an.events if e.trigger.text == "facing"]
    assert facing and facing[0].target is not None and facing[0].target.text != "He", facing


def test_supporters_of_a_person_are_their_countrys_people_not_the_person(pipeline: Any) -> None:
    an = _analyze(
        pipeline,
        "Supporters of Imran Khan attacked the army headquarters in Rawalpindi.",
        "2023-05-10",
    )
    sources = {e.source_actor_id for e in an.events}
    assert sources == {"PAK:CVL"}, an.events


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Russia is waging war on Ukraine.", ("RUS", "UKR", "ASSAULT", "190")),
        (
            "Russia waged a campaign of attacks on Ukraine.",
            ("RUS", "UKR", "ASSAULT", "190"),
        ),
        ("Russia seized control of Crimea.", ("RUS", "UKR", "COERCE", "192")),
        ("Russia recognized the independence of Abkhazia.", ("RUS", "GEO", "SUPPORT", "054")),
        ("Russia halted gas supplies to Ukraine.", ("RUS", "UKR", "SANCTION", "163")),
        ("Russia chided Ukraine for the deal.", ("RUS", "UKR", "ACCUSE", "111")),
        ("Russia armed separatists in Ukraine.", ("RUS", "UKR", "AID", "072")),
        (
            "Germany pleaded with Russia to release the journalist.",
            ("DEU", "RUS", "REQUEST", "025"),
        ),
    ],
)
def test_common_acts_the_lexicon_lacked(pipeline: Any, text: str, want: Any) -> None:
    assert want in _dyads(pipeline, text)


@pytest.mark.parametrize(
    "text",
    [
        "Democrats took control of the House of Representatives.",
        "The investors gained control of the company.",
    ],
)
def test_control_of_what_is_no_place_is_no_occupation(pipeline: Any, text: str) -> None:
    assert not [d for d in _dyads(pipeline, text) if d[3] == "192"]


def test_what_is_pleaded_for_is_not_an_act_of_its_own(pipeline: Any) -> None:
    dyads = _dyads(pipeline, "Germany pleaded with Russia to release the journalist.")
    assert dyads == {("DEU", "RUS", "REQUEST", "025")}
    assert not _dyads(pipeline, "Patrick Carlineo pleaded guilty to the charges.")


@pytest.mark.parametrize(
    "text",
    [
        "Ukrainian President Volodymyr Zelensky said Russia was waging a war on the world's "
        "food supply.",
        "The Philippine government declared war on drugs.",
    ],
)
def test_a_war_on_a_thing_is_a_figure_not_force(pipeline: Any, text: str) -> None:
    assert not [d for d in _dyads(pipeline, text) if d[2] == "ASSAULT"]


def test_up_to_a_number_is_the_object_not_a_phrase(pipeline: Any) -> None:
    # the parser takes "up" for a particle and "to" for a preposition
    text = "Afghan rebels have kidnapped up to 16 Russian civilian advisers from a town bazaar."
    assert ("AFG", "RUS", "ASSAULT") in _acts(pipeline, text)


def test_a_participle_after_a_passive_is_passive(pipeline: Any) -> None:
    text = (
        "The 48-year-old Australian was evicted in April and sentenced to 50 weeks in jail "
        "for breaching his bail conditions."
    )
    an = _analyze(pipeline, text, "2019-11-19")
    assert not an.events  # the Australian did not sentence anyone
    assert not _dyads(pipeline, "The Australian was arrested and jailed.")
    # an act of the subject's own stays its own
    text = "Serbia's prime minister was criticised and resigned."
    assert ("SRB", None, "RETREAT") in _acts(pipeline, text)


def test_a_demand_to_be_ready_is_no_intent_of_the_one_asked(pipeline: Any) -> None:
    text = (
        "Egyptian President Hosni Mubarak said that the US must be ready to mediate between "
        "Israelis and Palestinians."
    )
    assert _acts(pipeline, text) == {("EGY", "USA", "REQUEST")}


def test_goods_cut_off_are_cut_to_where_they_went(pipeline: Any) -> None:
    text = "Gas deliveries to Austria stopped after Gazprom halted supplies."
    assert ("RUS", "AUT", "SANCTION") in _acts(pipeline, text)


def test_an_aside_about_an_earlier_year_is_background(pipeline: Any) -> None:
    text = (
        "The Australian journalist Julian Assange has avoided extradition to Sweden for seven "
        "years after seeking refuge at the Ecuadorean embassy in London in 2012."
    )
    assert not [e for e in _analyze(pipeline, text, "2019-11-19").events if e.date == "2012"]
    # the same act told in its own clause is an event of its year
    text = (
        "The Australian journalist Julian Assange sought refuge at the Ecuadorean embassy in "
        "London in 2012."
    )
    assert [e.date for e in _analyze(pipeline, text, "2019-11-19").events] == ["2012"]


def test_a_time_phrase_hung_on_the_verbs_noun_dates_the_act(pipeline: Any) -> None:
    text = "Moscow halted supplies through the Nord Stream 1 pipeline in 2022."
    assert [e.date for e in _analyze(pipeline, text, "2024-05-01").events] == ["2022"]


def test_claims_said_to_be_wrong_are_rejected(pipeline: Any) -> None:
    text = (
        "Britain accused Russia of the cyber attack. On Monday, Russia's embassy in London "
        "said the accusations were absurd."
    )
    an = _analyze(pipeline, text, "2021-06-24")
    rejects = [e for s, t, ty, e in _coded(an) if ty == "REJECT" and (s, t) == ("RUS", "GBR")]
    assert [e.trigger.text for e in rejects] == ["absurd"], an.events
    assert rejects[0].date == "2021-06-21"
    # a claim said not to be wrong is not rejected
    text = (
        "Britain accused Russia of the cyber attack. Russia's embassy said the accusations "
        "were not groundless."
    )
    assert not [d for d in _dyads(pipeline, text) if d[2] == "REJECT"]


def test_evidence_not_given_rejects_the_other_sides_claims(pipeline: Any) -> None:
    text = (
        "The Russian embassy called the accusations of espionage groundless and said the "
        "German authorities had not presented any evidence."
    )
    assert ("RUS", "DEU", "REJECT", "120") in _dyads(pipeline, text)
    assert not [d for d in _dyads(pipeline, text) if d[2] == "ACCUSE"]


def test_an_unnamed_agent_of_a_passive_is_placed_where_it_acts(pipeline: Any) -> None:
    text = "Two American professors were abducted by gunmen in Kabul."
    assert ("AFG", "USA", "ASSAULT") in _acts(pipeline, text)
    assert ("DZA", "DZA", "ASSAULT") in _acts(
        pipeline, "Protesters were attacked by police in Algiers."
    )


def test_a_subject_the_parser_made_a_participle_clause(pipeline: Any) -> None:
    # "operating" parsed as the subject of "condemned", "Cross" as its own subject
    text = "The Red Cross operating in Iraq condemned the attack."
    assert {s for s, _, _ in _acts(pipeline, text)} == {"NGO"}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Russia began the withdrawal of its troops from Syria.", ("RUS", "SYR", "RETREAT")),
        ("Russia completed the pullout of its forces from Kherson.", ("RUS", "UKR", "RETREAT")),
        ("The UN sent inspectors to Iraq.", ("IGO", "IRQ", "ACCUSE")),
    ],
)
def test_a_withdrawal_carried_out_and_inspectors_sent(pipeline: Any, text: str, want: Any) -> None:
    assert want in _acts(pipeline, text)
    # a withdrawal demanded of others is aimed at whoever is to withdraw
    text = "NATO demanded the withdrawal of Serbian forces from Kosovo."
    assert ("IGO", "SRB", "REQUEST") in _acts(pipeline, text)


def test_what_an_obligation_needs_done_is_not_done(pipeline: Any) -> None:
    text = (
        "The pressure must continue for Damascus to allow the U.N. to deliver aid, the "
        "State Department said."
    )
    assert not [d for d in _dyads(pipeline, text) if d[2] == "AID"]
    text = '"Russia must stop attacking Ukraine," Borrell said.'
    assert not [d for d in _dyads(pipeline, text) if d[2] == "ASSAULT"]


def test_an_act_years_before_the_news_told_as_an_aside_is_background(pipeline: Any) -> None:
    text = (
        "Roughly 13,000 US troops remain in Afghanistan, 18 years after Washington invaded "
        "the country in the wake of the September 11, 2001 attacks."
    )
    assert not _analyze(pipeline, text, "2019-11-19").events
    # days after is the same news
    text = "Protests erupted two days after police arrested the opposition leader in Minsk."
    assert ("BLR", "BLR", "COERCE") in _acts(pipeline, text)


def test_a_yielding_refused_is_a_rejection_of_each(pipeline: Any) -> None:
    text = "Beijing and the Hong Kong government will not take a step back."
    acts = _acts(pipeline, text)
    assert acts == {("CHN", None, "REJECT"), ("HKG", None, "REJECT")}, acts
    assert ("TWN", "CHN", "REJECT") in _acts(pipeline, "Taiwan will not yield to Chinese pressure.")
    # a step back taken is a concession
    assert ("CHN", None, "CONCEDE") in _acts(pipeline, "China took a step back from its demands.")


def test_what_was_said_at_a_dated_meeting_is_of_its_day(pipeline: Any) -> None:
    text = (
        "He testified about a July 10 meeting at the White House when U.S. Ambassador Gordon "
        "Sondland told visiting Ukraine officials they would need to deliver."
    )
    an = _analyze(pipeline, text, "2019-11-20")
    assert [e.date for e in an.events if e.type == "REQUEST"] == ["2019-07-10"], an.events


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Protests in Iran against the government continued on Monday.", ("IRN", "IRN")),
        ("Protests in Hong Kong against Beijing continued on Monday.", ("HKG", "CHN")),
        ("Police were deployed after protests in Paris turned violent.", ("FRA", "FRA")),
    ],
)
def test_protests_named_by_a_noun_are_their_places_peoples(
    pipeline: Any, text: str, want: Any
) -> None:
    assert (*want, "PROTEST") in _acts(pipeline, text)


@pytest.mark.parametrize(
    "text",
    [
        "The prime minister spoke at a rally in Ohio.",  # a campaign rally
        "The opposition called for protests in Moscow next week.",  # called for, not held
        "The parade was a demonstration of force in Pyongyang.",
    ],
)
def test_protests_not_held_or_not_protests_are_no_events(pipeline: Any, text: str) -> None:
    assert not [d for d in _dyads(pipeline, text) if d[2] == "PROTEST"]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Russia refused Ukraine's offer.", ("RUS", "UKR", "REJECT", "125")),
        ("Serbia refused the EU's demand to recognise Kosovo.", ("SRB", "IGO", "REJECT", "120")),
    ],
)
def test_what_was_put_forward_refused_is_rejected(pipeline: Any, text: str, want: Any) -> None:
    assert want in _dyads(pipeline, text)


def test_an_investigation_or_backlash_undergone(pipeline: Any) -> None:
    an = _analyze(pipeline, "Iran is facing an investigation by the IAEA.", "2019-11-20")
    coded = [(s, t, ty, e.cameo, e.date) for s, t, ty, e in _coded(an)]
    assert coded == [("IGO", "IRN", "ACCUSE", "090", None)], coded  # going on: no day
    assert ("IGO", "RUS", "ACCUSE") in _acts(pipeline, "Russia's move drew backlash from NATO.")


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Iran condemned what it called Israel's aggression against Syria.", ("IRN", "ISR")),
        ("Russia denounced what it described as U.S. interference.", ("RUS", "USA")),
        ("Russia rejected what it called baseless accusations by Britain.", ("RUS", "GBR")),
        ("Turkey welcomed what it called a positive step by Greece.", ("TUR", "GRC")),
    ],
)
def test_what_the_source_called_something_is_what_it_acts_on(
    pipeline: Any, text: str, want: Any
) -> None:
    assert want in {(s, t) for s, t, _ in _acts(pipeline, text)}


def test_the_maker_of_an_object_the_parser_hung_on_the_verb_is_its_target(
    pipeline: Any,
) -> None:
    assert ("RUS", "FRA", "REJECT") in _acts(pipeline, "Russia rejected the proposal by France.")
    assert ("RUS", "GBR", "REJECT") in _acts(
        pipeline, "Russia rejected baseless accusations by Britain."
    )
    # a "by" that is no maker names no one
    assert ("RUS", None, "REJECT") in _acts(pipeline, "Russia rejected the proposal by a vote.")


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # an amount "in aid" is aid
        ("The US pledged $500 million in aid to Ukraine.", {("USA", "UKR", "AGREE", "033")}),
        # force told by a light verb
        (
            "Israel carried out airstrikes on Hamas targets in Gaza.",
            {("ISR", "PSE", "ASSAULT", "195")},
        ),
        # fire exchanged goes both ways
        (
            "India and Pakistan exchanged fire across the Line of Control.",
            {("IND", "PAK", "ASSAULT", "190"), ("PAK", "IND", "ASSAULT", "190")},
        ),
        (
            "Indian troops exchanged fire with Pakistani forces.",
            {("IND", "PAK", "ASSAULT", "190"), ("PAK", "IND", "ASSAULT", "190")},
        ),
        # a ship is its manager's or its flag's, but not a flag of convenience's
        ("Iran seized a Greek-managed tanker.", {("IRN", "GRC", "COERCE", "171")}),
        ("Iran seized a British-flagged tanker.", {("IRN", "GBR", "COERCE", "171")}),
        ("Iran seized a Marshall Islands-flagged tanker.", {("IRN", None, "COERCE", "171")}),
    ],
)
def test_amounts_light_verbs_exchanges_and_ships(pipeline: Any, text: str, want: Any) -> None:
    assert {(s and s[:3], t and t[:3], ty, c) for s, t, ty, c in _dyads(pipeline, text)} == want


def test_representations_lodged_are_a_formal_protest(pipeline: Any) -> None:
    text = "Beijing lodged stern representations with Washington."
    assert {(s and s[:3], t and t[:3], ty, c) for s, t, ty, c in _dyads(pipeline, text)} == {
        ("CHN", "USA", "ACCUSE", "114")
    }


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # force on something in a state named as such
        (
            "Ukrainian drones struck an oil refinery in southern Russia.",
            ("UKR", "RUS", "ASSAULT"),
        ),
        # drills conducted or staged around a state are a show of force aimed at it
        ("China conducted military drills around Taiwan.", ("CHN", "TWN", "MOBILIZE")),
        ("China staged military drills around Taiwan.", ("CHN", "TWN", "MOBILIZE")),
    ],
)
def test_force_on_a_states_ground_and_drills_around_it(pipeline: Any, text: str, want: Any) -> None:
    assert want in _acts(pipeline, text)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Russia massed troops near Ukraine's border.", ("RUS", "UKR", "MOBILIZE")),
        ("Russia deployed troops near Ukraine's border.", ("RUS", "UKR", "MOBILIZE")),
        ("Russia moved tanks closer to the border with Ukraine.", ("RUS", "UKR", "MOBILIZE")),
        # its own border is aimed at no one
        ("Russia moved troops to its western border.", ("RUS", None, "MOBILIZE")),
    ],
)
def test_forces_gathered_near_a_states_border_are_aimed_at_it(
    pipeline: Any, text: str, want: Any
) -> None:
    assert want in _acts(pipeline, text)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a comment on the act of the clause it is set beside is aimed at whoever acted
        (
            "Spain recognised a Palestinian state on Tuesday, a move Israel condemned.",
            {("ESP", "PSE", "SUPPORT"), ("ISR", "ESP", "ACCUSE")},
        ),
        (
            "Russia expelled two Estonian diplomats, a decision that Tallinn condemned.",
            {("RUS", "EST", "SANCTION"), ("EST", "RUS", "ACCUSE")},
        ),
        # accusations traded go both ways
        (
            "India and Pakistan traded accusations over ceasefire violations.",
            {("IND", "PAK", "ACCUSE"), ("PAK", "IND", "ACCUSE")},
        ),
        # agreements struck, force unleashed, cooperation suspended, a ground operation
        (
            "Britain and Japan struck a defence pact.",
            {("GBR", "JPN", "AGREE"), ("JPN", "GBR", "AGREE")},
        ),
        ("Iran unleashed a barrage of ballistic missiles at Israel.", {("IRN", "ISR", "ASSAULT")}),
        ("Germany suspended development cooperation with Niger.", {("DEU", "NER", "SANCTION")}),
        (
            "Turkey launched a ground operation against Kurdish militants in northern Syria.",
            {("TUR", "SYR", "ASSAULT")},
        ),
        # a missile test is a show of force
        (
            "North Korea test-fired a solid-fuel intermediate-range missile into the sea on Sunday.",
            {("PRK", None, "MOBILIZE")},
        ),
        # a guest welcomed to a capital is hosted; no one hosts their own state
        (
            "Viktor Orban welcomed Xi Jinping to Budapest with a military ceremony.",
            {("HUN", "CHN", "CONSULT")},
        ),
        (
            "Pope Francis received Volodymyr Zelensky at the Vatican on Saturday.",
            {("VAT", "UKR", "CONSULT")},
        ),
        # an office run by another state is that state's
        ("Kosovo police shut down five Serbian-run municipal offices.", {("XKX", "SRB", "COERCE")}),
    ],
)
def test_acts_of_the_sentence_gold_tuning_part(pipeline: Any, text: str, want: Any) -> None:
    got = {(s and s[:3], t and t[:3], ty) for s, t, ty, _ in _dyads(pipeline, text)}
    assert got == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Hezbollah launched dozens of rockets at northern Israel on Sunday.",
            {("LBN", "ISR", "ASSAULT")},
        ),
        (
            "Beijing slapped anti-dumping duties of up to 212% on Australian wine.",
            {("CHN", "AUS", "SANCTION")},
        ),
        (
            "The EU's new package of sanctions bans imports of Russian diamonds.",
            {("IGO", "RUS", "SANCTION")},
        ),
        # a demand put in the subjunctive, and what it asks for not done
        (
            "Kyiv insisted that Moscow hand the Zaporizhzhia plant back to Ukraine.",
            {("UKR", "RUS", "REQUEST")},
        ),
    ],
)
def test_rockets_duties_bans_and_insistence(pipeline: Any, text: str, want: Any) -> None:
    got = {(s and s[:3], t and t[:3], ty) for s, t, ty, _ in _dyads(pipeline, text)}
    assert got == want


def test_money_disbursed_to_a_state_is_aid(pipeline: Any) -> None:
    text = "The European Commission disbursed a further 4.5 billion euros to Kyiv on Wednesday."
    assert ("IGO", "UKR", "AID") in {(s, t and t[:3], ty) for s, t, ty, _ in _dyads(pipeline, text)}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # what is given says the kind of aid: arms (072), money (071), relief (073)
        ("Germany sent 14 Leopard 2 tanks to Ukraine.", ("DEU", "UKR", "AID", "072")),
        ("Britain delivered air defence systems to Ukraine.", ("GBR", "UKR", "AID", "072")),
        ("France supplied Ukraine with Caesar howitzers.", ("FRA", "UKR", "AID", "072")),
        ("The IMF approved a $3 billion loan for Pakistan.", ("IGO", "PAK", "AID", "071")),
        (
            "The United Arab Emirates shipped 3,000 tonnes of food and medical supplies to "
            "Port Sudan.",
            ("ARE", "SDN", "AID", "073"),
        ),
        # a promise of aid is an intent stated (CAMEO 033)
        (
            "Britain promised to continue military aid to Mozambique.",
            ("GBR", "MOZ", "AGREE", "033"),
        ),
    ],
)
def test_aid_given_to_a_state(pipeline: Any, text: str, want: tuple[Any, ...]) -> None:
    assert want in _dyads(pipeline, text)


def test_aid_not_sent_or_only_possible_is_flagged(pipeline: Any) -> None:
    an = _analyze(pipeline, "Germany has not sent Taurus cruise missiles to Ukraine.")
    assert [(e.type, e.negated) for _, _, _, e in _coded(an)] == [("AID", True)]
    an = _analyze(pipeline, "Seoul may supply lethal weapons to Ukraine.")
    assert [(e.type, e.hypothetical) for _, _, _, e in _coded(an)] == [("AID", True)]


def test_relief_from_tariffs_is_no_aid(pipeline: Any) -> None:
    text = "Beijing wants Trump to provide some relief from the 25% tariffs on Chinese goods."
    assert not [d for d in _dyads(pipeline, text) if d[2] == "AID"]


def test_a_supply_that_goes_on_is_background_after_the_lead(pipeline: Any) -> None:
    text = (
        "Russia expelled two German diplomats on Monday.\n\n"
        "Moscow said the move answered Berlin's expulsion of Russian staff last week.\n\n"
        "Germany continues to supply weapons to Ukraine. Greece has supplied weapons to "
        "Ukraine too."
    )
    assert not [a for a in _article(pipeline, text) if a[2] == "AID"]
    # told as the news, it is an act
    assert ("DEU", "UKR", "AID") in _article(pipeline, "Germany sent weapons to Ukraine.")


def test_an_answer_to_what_was_said_is_aimed_at_who_said_it(pipeline: Any) -> None:
    text = (
        "Finnish President Sauli Niinistö said last Thursday that his country's membership "
        "was “not directed against anyone,” an assertion that Moscow has rejected."
    )
    assert ("RUS", "FIN", "REJECT") in _article(pipeline, text)


def test_aid_to_a_recipient_named_below_the_verb(pipeline: Any) -> None:
    text = (
        "Germany will deliver an air defence system and generators worth 150 million euros "
        "to Ukraine, the government in Berlin announced on Wednesday."
    )
    assert ("DEU", "UKR", "AGREE") in _article(pipeline, text)


@pytest.mark.parametrize(
    "text",
    [
        '"Russia has once again attacked our energy infrastructure," Ukrainian President '
        "Volodymyr Zelensky wrote on Telegram.",
        '"Russia attacked us again last night," Ukraine\'s president Volodymyr Zelensky said.',
    ],
)
def test_what_a_speaker_calls_ours_is_the_speakers_side(pipeline: Any, text: str) -> None:
    assert ("RUS", "UKR", "ASSAULT") in _article(pipeline, text)


def test_the_speakers_own_side_acting_is_not_its_own_target(pipeline: Any) -> None:
    text = '"We will defend our borders against Russia," Zelensky said.'
    assert not [a for a in _article(pipeline, text) if a[0] == a[1]]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            # two sides of one state: one (SDN, SDN) dyad
            "Clashes between Sudan's army and the Rapid Support Forces spread to Wad Madani.",
            1,
        ),
        ("Fighting between Armenia and Azerbaijan broke out on Monday.", 2),
        ("Clashes erupted between Indian and Chinese troops in the Galwan valley.", 2),
        # a cause or a setting is not this sentence's act; nor is fighting only feared
        (
            "Russia closed its borders because of fighting between Azerbaijanis and Armenians.",
            0,
        ),
        ("Fighting between Armenia and Azerbaijan could break out again.", 0),
    ],
)
def test_fighting_between_two_sides_is_force_both_ways(pipeline: Any, text: str, want: int) -> None:
    fights = [a for a in _article(pipeline, text) if a[2] == "ASSAULT"]
    assert len(fights) == want, fights


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "The UN General Assembly suspended Russia from the Human Rights Council.",
            ("IGO", "RUS", "SANCTION"),
        ),
        (
            "The African Union suspended Niger from the bloc after the coup.",
            ("IGO", "NER", "SANCTION"),
        ),
        (
            "Moscow barred 500 Americans, including Barack Obama, from entering Russia.",
            ("RUS", "USA", "SANCTION"),
        ),
        (
            "Washington and Hanoi upgraded their relationship to a strategic partnership.",
            ("USA", "VNM", "SUPPORT"),
        ),
        # the lemmatiser's "relaunche" is "relaunch"
        (
            "India and the European Union relaunched negotiations on a trade agreement.",
            ("IND", "IGO", "CONSULT"),
        ),
    ],
)
def test_states_shut_out_ties_upgraded_talks_relaunched(
    pipeline: Any, text: str, want: tuple[Any, ...]
) -> None:
    assert want in _article(pipeline, text)


def test_a_ban_from_politics_stays_a_ban(pipeline: Any) -> None:
    text = "The court dissolved the opposition party and banned its leaders from politics."
    assert not [a for a in _article(pipeline, text) if a[2] == "SANCTION"]


def test_prisoners_swapped_are_released_both_ways(pipeline: Any) -> None:
    text = "Russia and Ukraine swapped prisoners of war on Monday."
    assert {("RUS", "UKR", "RETREAT"), ("UKR", "RUS", "RETREAT")} <= _article(pipeline, text)
    # a swap that only dates another act is that act's background
    text = "The strike came three days after Russia and Ukraine swapped prisoners of war."
    assert not [a for a in _article(pipeline, text) if a[2] == "RETREAT"]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # armed sides that clash use force on each other, however the sentence orders them
        (
            "Indian and Chinese troops clashed in the Galwan valley.",
            {("IND", "CHN", "ASSAULT"), ("CHN", "IND", "ASSAULT")},
        ),
        (
            "Chinese troops clashed with Indian soldiers on the border.",
            {("IND", "CHN", "ASSAULT"), ("CHN", "IND", "ASSAULT")},
        ),
        # a fight is the fighter's act on the other side
        ("Armenian forces fought Azerbaijani troops on the border.", {("ARM", "AZE", "ASSAULT")}),
        # a dispute, a fight against a thing, unarmed sides: no force
        ("Indian and Chinese troops clashed over the border.", set()),
        ("Johnson and Corbyn clashed over Brexit.", set()),
        ("The Spanish government vowed to fight corruption.", set()),
        ("French firefighters fought the blaze for three days.", set()),
        ("Protesters clashed with police in Hong Kong.", set()),
    ],
)
def test_armed_sides_that_clash_or_fight_use_force(
    pipeline: Any, text: str, want: set[tuple[Any, ...]]
) -> None:
    assert {a for a in _article(pipeline, text) if a[2] == "ASSAULT"} == want


def test_the_bodies_of_two_states_in_an_of_phrase_are_the_two_states(pipeline: Any) -> None:
    text = "The central banks of Saudi Arabia and China signed a currency swap agreement."
    assert {("SAU", "CHN", "AGREE"), ("CHN", "SAU", "AGREE")} <= _article(pipeline, text)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "A U.S. destroyer shot down three drones that the Houthis had launched.",
            ("USA", "YEM", "ASSAULT"),
        ),
        ("Israeli jets destroyed rockets that Hezbollah had fired.", ("ISR", "LBN", "ASSAULT")),
        ("France rejected the plan that Russia put forward.", ("FRA", "RUS", "REJECT")),
    ],
)
def test_who_launched_or_put_forward_the_thing_acted_on_is_the_target(
    pipeline: Any, text: str, want: tuple[Any, ...]
) -> None:
    assert want in _article(pipeline, text)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a crowd storming a building protests violently at whose it is (CAMEO 145); where
        # the crowd is puts it in a state, not what the protest is about
        (
            "Hundreds of protesters stormed the Swedish embassy in Baghdad on Thursday over "
            "a planned Koran burning in Stockholm.",
            {("IRQ", "SWE", "PROTEST")},
        ),
        # an armed body storming a place uses force
        ("Hamas fighters stormed Israeli towns near Gaza.", {("PSE", "ISR", "ASSAULT")}),
        # other senses
        ("The Russian coach stormed out of the room.", set()),
        ("Nadal stormed to victory over Serbia's Djokovic.", set()),
    ],
)
def test_storming_is_a_violent_protest_or_force_by_whom_it_is_done(
    pipeline: Any, text: str, want: set[tuple[Any, ...]]
) -> None:
    assert {a for a in _article(pipeline, text) if a[1] != a[0]} == want


def test_a_leader_arriving_in_a_city_visits_its_state(pipeline: Any) -> None:
    text = "Chinese President Xi Jinping arrived in Moscow on Monday for a three-day state visit."
    assert ("CHN", "RUS", "CONSULT") in _article(pipeline, text)
    # a ship's port call is not told as a visit to the state
    text = "The Chinese task group arrived in Durban on Saturday."
    assert not [a for a in _article(pipeline, text) if a[1] is not None]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Serbia's president spoke warmly of China, calling Beijing \"a true and reliable "
            'friend".',
            ("SRB", "CHN", "SUPPORT", "051"),
        ),
        ("Joe Biden called Vladimir Putin a war criminal.", ("USA", "RUS", "ACCUSE", "112")),
        ("Erdogan described Israel as a terrorist state.", ("TUR", "ISR", "ACCUSE", "112")),
        ("Kim Jong Un called South Korea the principal enemy.", ("PRK", "KOR", "ACCUSE", "111")),
        # the parser's second object and dative
        (
            "Germany branded the Russian diplomats a threat to its security.",
            ("DEU", "RUS", "ACCUSE", "111"),
        ),
        (
            "Germany expelled 40 Russian diplomats, branding them a threat to its security.",
            ("DEU", "RUS", "ACCUSE", "111"),
        ),
    ],
)
def test_calling_an_actor_a_name_praises_or_condemns_it(
    pipeline: Any, text: str, want: tuple[Any, ...]
) -> None:
    assert want in _dyads(pipeline, text)


def test_a_name_not_given_or_given_to_a_thing_is_no_act(pipeline: Any) -> None:
    assert not _dyads(pipeline, "Macron did not call Russia an enemy.")
    assert not _dyads(pipeline, "Analysts called the summit a success.")


def test_views_exchanged_and_a_guest_received_are_consultations(pipeline: Any) -> None:
    text = "Wang Yi and Antony Blinken exchanged views on Afghanistan and Venezuela by phone."
    assert _article(pipeline, text) == {("CHN", "USA", "CONSULT"), ("USA", "CHN", "CONSULT")}
    # what talks are on is their topic, not a party
    text = "Russia and the United States held talks on Afghanistan and Venezuela."
    assert _article(pipeline, text) == {("RUS", "USA", "CONSULT"), ("USA", "RUS", "CONSULT")}
    # a guest received, in the passive as in the active
    text = "Lula was received by Xi Jinping at the Great Hall of the People on Friday."
    assert ("CHN", "BRA", "CONSULT") in _article(pipeline, text)
    assert not _article(pipeline, "The letter was received by the Kremlin.")


def test_a_state_qualifying_a_thing_is_not_one_of_the_sides_counted(pipeline: Any) -> None:
    # "American missiles" names no side: "the two sides" are China and Russia
    text = (
        "Wang Yi held talks with Sergey Lavrov in Beijing on Monday. Lavrov said Russia would "
        "not deploy such missiles as long as American missiles do not appear there. The two "
        "sides also exchanged views on the Korean Peninsula."
    )
    an = _analyze(pipeline, text, "2019-10-14")
    views = {(s, t) for s, t, _, e in _coded(an) if e.trigger.text == "exchanged"}
    assert views == {("CHN", "RUS"), ("RUS", "CHN")}


def test_an_act_earlier_in_the_day_is_dated_that_day(pipeline: Any) -> None:
    text = "Earlier in the day, Lavrov was received by Chinese Vice President Wang Qishan."
    an = _analyze(pipeline, text, "2019-10-14")
    assert [(e.type, e.date) for *_, e in _coded(an)] == [("CONSULT", "2019-10-14")]


def test_a_known_persons_journey_to_a_place_is_a_visit_to_its_state(pipeline: Any) -> None:
    text = "German Foreign Minister Annalena Baerbock travelled to Kyiv on an unannounced visit."
    assert ("DEU", "UKR", "CONSULT") in _article(pipeline, text)
    assert ("USA", "CHN", "CONSULT") in _article(pipeline, "Antony Blinken flew to Beijing.")
    # home again, or a group's journey: no visit
    assert not _article(pipeline, "Vladimir Putin flew back to Moscow.")
    assert not _article(pipeline, "Thousands of Ukrainian refugees travelled to Poland.")


def test_a_joint_patrol_or_a_drill_kicked_off_together_is_military_cooperation(
    pipeline: Any,
) -> None:
    text = "Russian and Chinese strategic bombers flew a joint patrol over the Sea of Japan."
    assert _article(pipeline, text) == {
        ("RUS", "CHN", "COOPERATE"),
        ("CHN", "RUS", "COOPERATE"),
    }
    text = "India and France kicked off a five-day joint naval drill in the Arabian Sea."
    assert ("IND", "FRA", "COOPERATE") in _article(pipeline, text)
    # alone, a patrol shows force at no one
    assert _article(pipeline, "Chinese bombers flew a patrol over the East China Sea.") == {
        ("CHN", None, "MOBILIZE")
    }


def test_aid_handed_over_named_by_a_noun_goes_to_its_to_phrase(pipeline: Any) -> None:
    text = "Iran's delivery of drones to Russia drew condemnation from Kyiv."
    assert ("IRN", "RUS", "AID") in _article(pipeline, text)
    text = "North Korea's supply of artillery shells to Russia has prolonged the war."
    assert ("PRK", "RUS", "AID") in _article(pipeline, text)
    # what is handed over is no aid: no event
    assert not _article(pipeline, "Russia's supply of gas to Europe fell sharply.")


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # an amount in a currency is of what its "in" phrase names, wherever the parser
        # hangs it
        ("Japan provided 4.5 billion dollars in loans to Ukraine.", ("JPN", "UKR", "AID")),
        (
            "Germany pledged 500 million euros in humanitarian aid to Sudan.",
            ("DEU", "SDN", "AGREE"),
        ),
        # a show of force near a state is aimed at it
        ("China deployed warships near Taiwan.", ("CHN", "TWN", "MOBILIZE")),
    ],
)
def test_amounts_of_aid_and_forces_near_a_state(
    pipeline: Any, text: str, want: tuple[Any, ...]
) -> None:
    assert want in _article(pipeline, text)


def test_an_amount_paid_is_no_aid(pipeline: Any) -> None:
    assert not _article(pipeline, "China paid 500 million dollars in cash for the port.")


def test_recognition_as_a_state_or_leader_and_a_bare_count_protesting(pipeline: Any) -> None:
    assert ("ESP", "PSE", "SUPPORT") in _article(pipeline, "Spain recognised Palestine as a state.")
    assert not _article(pipeline, "Ukraine did not recognise Russia as a state.")
    text = "Thousands protested in Tbilisi against the foreign agents law."
    assert ("GEO", "GEO", "PROTEST") in _article(pipeline, text)


def test_a_strike_by_one_state_on_another_is_force_a_workers_strike_is_none(
    pipeline: Any,
) -> None:
    text = "Israel's strike on the Iranian consulate in Damascus killed seven officers."
    assert ("ISR", "IRN", "ASSAULT") in _article(pipeline, text)
    assert ("USA", "IRQ", "ASSAULT") in _article(
        pipeline, "The US strike on Iraq drew condemnation."
    )
    assert not _article(pipeline, "A strike by French rail workers paralysed Paris.")


def test_revenge_vowed_is_a_threat(pipeline: Any) -> None:
    text = "Iran's supreme leader vowed revenge against Israel."
    assert ("IRN", "ISR", "THREATEN") in _article(pipeline, text)


def test_a_states_people_held_abroad_are_released_to_it(pipeline: Any) -> None:
    assert ("IRN", "FRA", "RETREAT") in _article(pipeline, "Iran released a French citizen.")
    text = "Iran freed two French nationals on Friday."
    assert ("IRN", "FRA", "RETREAT") in _article(pipeline, text)
    assert not _article(pipeline, "The Iranian company released a statement.")


def test_force_used_inside_a_state_is_aimed_at_it(pipeline: Any) -> None:
    text = "Pakistan carried out airstrikes inside Iran."
    assert ("PAK", "IRN", "ASSAULT") in _article(pipeline, text)


def test_an_act_with_no_target_is_aimed_at_the_one_state_its_source_acts_on_elsewhere(
    pipeline: Any,
) -> None:
    text = (
        "The United States accused Iran of seizing a British tanker on Friday. "
        "It called for the crew to be freed."
    )
    an = _analyze(pipeline, text)
    (call,) = [e for s, t, ty, e in _coded(an) if ty == "REQUEST"]
    assert an.actor(call.target_actor_id).code == "IRN"
    # the target's span is the mention of the other sentence's act, and says it is a guess
    assert call.target is not None and text[call.target.start : call.target.end] == "Iran"
    assert call.confidence <= 0.55
    # acts on two states elsewhere: no one party to aim at
    text = (
        "The United States accused Iran of seizing a British tanker on Friday. "
        "Washington also criticised Russia on Saturday. It called for the crew to be freed."
    )
    assert ("USA", None, "REQUEST") in _acts(pipeline, text)


def test_an_act_takes_no_target_from_another_act_of_its_own_sentence(pipeline: Any) -> None:
    # the sentence names what it names: the parse found no target for the call
    text = "The United States accused Iran of seizing a British tanker and called for calm."
    assert {t for s, t, ty in _acts(pipeline, text) if ty == "REQUEST"} == {None}


def test_a_request_that_someone_act_is_aimed_at_them(pipeline: Any) -> None:
    text = "Bangladesh has formally requested that India send back Sheikh Hasina."
    assert ("BGD", "IND", "REQUEST") in _acts(pipeline, text)
    text = "Mali requested the UN Security Council to withdraw its mission."
    assert {(s, ty) for s, t, ty in _acts(pipeline, text) if t} == {("MLI", "REQUEST")}


def test_relations_cut_are_a_sanction(pipeline: Any) -> None:
    assert ("DZA", "MAR", "SANCTION", "161") in _dyads(
        pipeline, "Algeria cut diplomatic relations with Morocco on Tuesday."
    )


@pytest.mark.parametrize(
    "text",
    [
        "The DRC accused Rwanda on Sunday of arming M23 rebels. Kigali denied the charge.",
        "Canberra criticised Honiara's decision. Honiara rebuffed the criticism.",
    ],
)
def test_a_charge_or_criticism_taken_up_is_aimed_at_its_author(pipeline: Any, text: str) -> None:
    (rejection,) = [(s, t) for s, t, ty in _acts(pipeline, text) if ty == "REJECT"]
    assert rejection[1] is not None and rejection[1] != rejection[0], rejection


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Kyrgyzstan held Tajik forces responsible for shelling villages.", ("KGZ", "TJK")),
        ("Cairo held Addis Ababa responsible for the failure of the talks.", ("EGY", "ETH")),
    ],
)
def test_holding_an_actor_responsible_accuses_it(pipeline: Any, text: str, want: Any) -> None:
    assert (*want, "ACCUSE", "112") in _dyads(pipeline, text)


def test_talks_held_are_not_held_responsible(pipeline: Any) -> None:
    assert not {
        d for d in _dyads(pipeline, "The two leaders held talks in Cairo.") if d[2] == "ACCUSE"
    }


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # the parser reads a reduced relative ("the minister [who was] alleged ...")
        (
            "France's interior minister alleged on Thursday that Azerbaijan had meddled in "
            "the unrest.",
            ("FRA", "AZE", "ACCUSE"),
        ),
        # the parser makes the name an adverb of its verb
        ("Nauru cut diplomatic ties with Taiwan on Monday.", ("NRU", "TWN", "SANCTION")),
    ],
)
def test_a_subject_the_parser_hung_elsewhere(pipeline: Any, text: str, want: Any) -> None:
    assert want in _acts(pipeline, text)


def test_a_reduced_passive_keeps_its_subject_as_the_one_acted_on(pipeline: Any) -> None:
    # a participle with no object or clause is still a passive: not Ukraine's act
    assert not {
        a for a in _acts(pipeline, "Ukraine attacked by Russia overnight.") if a[0] == "UKR"
    }


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Moscow alleged that Kyiv was behind the attack.", ("RUS", "UKR")),
        ("Beijing charged that Washington had interfered in Hong Kong.", ("CHN", "USA")),
    ],
)
def test_an_allegation_accuses_the_subject_of_what_it_alleges(
    pipeline: Any, text: str, want: Any
) -> None:
    assert (*want, "ACCUSE", "112") in _dyads(pipeline, text)


def test_an_allegation_of_ones_own_suffering_accuses_no_one_of_it(pipeline: Any) -> None:
    assert not {
        a for a in _acts(pipeline, "Russia alleged that it had been attacked.") if a[2] == "ACCUSE"
    }


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Rwanda expressed its gratitude to Mozambique for its support.",
            ("RWA", "MOZ", "SUPPORT"),
        ),
        ("Armenia sent a team of 28 rescuers to Turkey on Wednesday.", ("ARM", "TUR", "AID")),
        (
            "The Economic Community of West African States suspended all financial "
            "transactions with Niamey.",
            ("IGO", "NER", "SANCTION"),
        ),
    ],
)
def test_thanks_rescuers_and_transactions_suspended(pipeline: Any, text: str, want: Any) -> None:
    assert want in _acts(pipeline, text)


def test_targets_struck_in_a_state_are_an_attack_on_it(pipeline: Any) -> None:
    assert ("ISR", "SYR", "ASSAULT") in _acts(pipeline, "Israel struck targets in Syria overnight.")
    # what else is struck somewhere is no attack
    assert not _acts(pipeline, "Negotiators struck a deal in Cairo on Monday.")


def test_a_state_told_to_act_is_asked_to(pipeline: Any) -> None:
    acts = _acts(pipeline, "India told Canada to withdraw 41 diplomats.")
    assert ("IND", "CAN", "REQUEST") in acts
    assert not {a for a in acts if a[2] == "RETREAT"}  # asked for, not done
    assert not _acts(pipeline, "The White House told reporters to expect delays.")


def test_a_round_of_talks_opened_was_held(pipeline: Any) -> None:
    text = "A fresh round of talks between Russian and Ukrainian negotiators opened in Istanbul."
    assert {("RUS", "UKR", "CONSULT"), ("UKR", "RUS", "CONSULT")} <= _acts(pipeline, text)
    text = "Israel called for a new round of talks between Russia and Ukraine."
    assert not {a for a in _acts(pipeline, text) if a[2] == "CONSULT"}  # asked for, not held


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "The Israeli military responded with artillery and air strikes on southern Lebanon.",
            ("ISR", "LBN", "ASSAULT"),
        ),
        ("Iran retaliated with missile strikes on Israel.", ("IRN", "ISR", "ASSAULT")),
    ],
)
def test_strikes_answered_with_are_the_answerers(pipeline: Any, text: str, want: Any) -> None:
    assert want in _acts(pipeline, text)


@pytest.mark.parametrize(
    "text",
    [
        "The ICC issued an arrest warrant for Vladimir Putin.",
        "The ICC prosecutor applied for arrest warrants against Vladimir Putin.",
    ],
)
def test_an_arrest_warrant_issued_or_sought_accuses(pipeline: Any, text: str) -> None:
    assert {(s, t, ty) for s, t, ty in _acts(pipeline, text)} == {("IGO", "RUS", "ACCUSE")}


def test_applying_for_membership_accuses_no_one(pipeline: Any) -> None:
    assert not _acts(pipeline, "Ukraine applied for membership of NATO.")


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The United States aided Ukraine.", ("USA", "UKR", "AID", "070")),
        ("Pakistan insulted India.", ("PAK", "IND", "ACCUSE", "111")),
        ("Russian jets downed a Ukrainian fighter jet.", ("RUS", "UKR", "ASSAULT", "190")),
        ("China invited Russia to talks in Beijing.", ("CHN", "RUS", "AGREE", "036")),
        ("Xi invited Zelensky to visit Beijing.", ("CHN", "UKR", "AGREE", "036")),
        ("Ukraine recognized Kosovo on Monday.", ("UKR", "XKX", "SUPPORT", "054")),
        ("Putin had talks with Xi on Monday.", ("RUS", "CHN", "CONSULT", "040")),
        ("Russia shut its embassy in Ukraine.", ("RUS", "UKR", "SANCTION", "161")),
        ("Germany pledged its support for Ukraine.", ("DEU", "UKR", "SUPPORT", "051")),
    ],
)
def test_common_political_verbs_and_phrases(pipeline: Any, text: str, want: Any) -> None:
    assert want in _dyads(pipeline, text)


@pytest.mark.parametrize(
    "text",
    [
        "Workers downed tools at the plant.",  # a strike, not an aircraft shot down
        "The club invited fans to the stadium.",
        "Russia recognized the results of the vote.",  # a thing recognised, not a state
    ],
)
def test_other_senses_of_those_verbs_are_no_events(pipeline: Any, text: str) -> None:
    assert not _dyads(pipeline, text)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Russia pulled its troops out of Ukraine.", ("RUS", "UKR", "RETREAT")),
        ("Russia complied with Ukraine's demands.", ("RUS", "UKR", "CONCEDE")),
        ("Russia normalised relations with Ukraine.", ("RUS", "UKR", "SUPPORT")),
        ("Russia downgraded relations with Ukraine.", ("RUS", "UKR", "SANCTION")),
        ("Russia brought a case against Ukraine.", ("RUS", "UKR", "ACCUSE")),
        ("Russia declined Ukraine's invitation.", ("RUS", "UKR", "REJECT")),
        ("Russia ignored Ukraine's demands.", ("RUS", "UKR", "REJECT")),
    ],
)
def test_yielding_relations_cases_and_refusals(pipeline: Any, text: str, want: Any) -> None:
    assert want in _acts(pipeline, text)


def test_backing_down_is_yielding_not_support(pipeline: Any) -> None:
    acts = _acts(pipeline, "Russia backed down in its dispute with Ukraine.")
    assert {a[2] for a in acts} == {"CONCEDE"}
    # access given to someone in another's custody is not yielding to them
    text = "He called for the Red Cross to be given access to all Ukrainians in Russian custody."
    assert not {a for a in _acts(pipeline, text) if a[2] == "CONCEDE"}


def test_a_group_acted_on_at_home_is_not_the_body_acting(pipeline: Any) -> None:
    an = _analyze(pipeline, "Hong Kong police fired tear gas at protesters.")
    (ev,) = an.events
    assert (ev.source_actor_id, ev.target_actor_id) == ("HKG:COP", "HKG:CVL")
    assert an.actor("HKG:CVL").name == "Hong Kong civilians"


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Macron called Putin on Tuesday.", ("FRA", "RUS")),
        ("Biden called Netanyahu to discuss the hostages.", ("USA", "ISR")),
        ("Biden called Xi Jinping on Thursday, the White House said.", ("USA", "CHN")),
    ],
)
def test_an_actor_called_is_a_phone_call(pipeline: Any, text: str, want: Any) -> None:
    assert {(*want, "CONSULT", "041"), (want[1], want[0], "CONSULT", "041")} == _dyads(
        pipeline, text
    )


@pytest.mark.parametrize(
    "text",
    [
        "Trump called Zelensky a liar.",
        "Trump called him names.",
        "Putin called off the meeting with Biden.",
        "Russia called on Ukraine to withdraw.",
    ],
)
def test_naming_appeals_and_calling_off_are_no_phone_calls(pipeline: Any, text: str) -> None:
    assert not {d for d in _dyads(pipeline, text) if d[3] == "041"}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("An angry crowd protested in Belgrade on Saturday.", ("SRB", "SRB", "PROTEST")),
        # the state's name inside the body it places ("army base in northern Mali")
        ("Rebels attacked an army base in northern Mali.", ("MLI", "MLI", "ASSAULT")),
    ],
)
def test_unnamed_doers_placed_where_they_act(pipeline: Any, text: str, want: Any) -> None:
    assert want in _acts(pipeline, text)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The EU hit Russia with a new package of sanctions.", ("IGO", "RUS", "SANCTION")),
        ("The United States slapped China with new tariffs.", ("USA", "CHN", "SANCTION")),
        (
            "The sanctions, which the EU imposed on Russia in March, were extended.",
            ("IGO", "RUS", "SANCTION"),
        ),
    ],
)
def test_penalties_hit_with_and_imposed_in_a_relative_clause(
    pipeline: Any, text: str, want: Any
) -> None:
    assert {(s, t, ty) for s, t, ty in _acts(pipeline, text)} == {want}  # no assault


@pytest.mark.parametrize(
    "text",
    [
        "Russia warned that it would attack Ukraine.",
        "Russia said it would attack Ukraine if provoked.",
    ],
)
def test_future_force_announced_by_its_doer_is_a_threat_made(pipeline: Any, text: str) -> None:
    (ev,) = _coded(_analyze(pipeline, text))
    assert ev[:3] == ("RUS", "UKR", "THREATEN") and not ev[3].hypothetical


def test_force_stopped_is_de_escalation_and_peacekeepers_protect(pipeline: Any) -> None:
    assert _acts(pipeline, "Russia stopped attacking Ukraine.") == {("RUS", "UKR", "RETREAT")}
    # asked to stop, it goes on
    text = "China urged the United States to stop imposing sanctions on Chinese companies."
    assert ("USA", "CHN", "SANCTION") in _acts(pipeline, text)
    text = "Bangladesh deployed peacekeepers to Sierra Leone."
    assert _dyads(pipeline, text) == {("BGD", "SLE", "AID", "074")}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            '"We condemn this attack," the Chinese foreign ministry said of the US strike on Iran.',
            ("CHN", "USA", "ACCUSE"),
        ),
        (
            '"We reject these accusations," the Kremlin said of Ukraine’s claims.',
            ("RUS", "UKR", "REJECT"),
        ),
        ("Zelensky said Ukraine was grateful to Germany for its help.", ("UKR", "DEU", "SUPPORT")),
    ],
)
def test_quotes_said_of_someone_and_thanks(pipeline: Any, text: str, want: Any) -> None:
    assert want in _acts(pipeline, text)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Washington designated the Houthis a terrorist organisation.", ("USA", "YEM", "SANCTION")),
        ("Belarus pardoned a jailed Japanese national.", ("BLR", "JPN", "RETREAT")),
        ("Pakistan closed its airspace to Indian flights.", ("PAK", "IND", "SANCTION")),
        ("Moscow suspended the New START treaty with Washington.", ("RUS", "USA", "SANCTION")),
        ("The World Bank suspended funding to Uganda.", ("IGO", "UGA", "SANCTION")),
    ],
)
def test_listings_pardons_airspace_treaties_and_funding(
    pipeline: Any, text: str, want: Any
) -> None:
    assert want in _acts(pipeline, text)


def test_designating_something_else_sanctions_no_one(pipeline: Any) -> None:
    acts = _acts(pipeline, "Russia designated Navalny a foreign agent.")
    assert not {a for a in acts if a[2] == "SANCTION"}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Iran fired back at Israel's accusations.", ("IRN", "ISR", "ACCUSE")),
        ("Beijing took aim at Washington's trade policy.", ("CHN", "USA", "ACCUSE")),
        ("Erdogan railed against Sweden.", ("TUR", "SWE", "ACCUSE")),
        # armed doers firing at positions use force
        ("Russian troops fired at Ukrainian positions.", ("RUS", "UKR", "ASSAULT")),
        ("Russian forces hit positions in Ukraine.", ("RUS", "UKR", "ASSAULT")),
    ],
)
def test_verbal_attacks_and_force(pipeline: Any, text: str, want: Any) -> None:
    assert {a for a in _acts(pipeline, text) if a[1]} == {want}


def test_vowing_to_avenge_is_a_threat(pipeline: Any) -> None:
    assert ("IRN", None, "THREATEN") in _acts(
        pipeline, "Iran vowed to avenge the killing of its general."
    )


@pytest.mark.parametrize(
    "text",
    [
        "Clinton also attacked Facebook, Twitter bots and the media.",
        "President Trump fired back at Griffin on Twitter.",
    ],
)
def test_a_politicians_attack_is_words(pipeline: Any, text: str) -> None:
    assert {a[2] for a in _acts(pipeline, text)} == {"ACCUSE"}


def test_a_name_given_is_no_phone_call_and_a_shared_island_no_cooperation(
    pipeline: Any,
) -> None:
    text = 'Trump, meanwhile, continued calling Clinton, "crooked Hillary" on Monday.'
    assert not {d for d in _dyads(pipeline, text) if d[3] == "041"}
    text = "St. Martin, an island shared by the Dutch and French, is rebuilding."
    assert not _acts(pipeline, text)


def test_requests_received_and_screenings_hosted_host_no_one(pipeline: Any) -> None:
    text = "The White House said Monday that Trump received Kim's request for a second meeting."
    assert not {a for a in _acts(pipeline, text) if a[2] == "CONSULT"}
    assert not _acts(pipeline, "Obama hosted a White House screening of the film.")
    assert ("TUR", "GRC", "CONSULT") in _acts(
        pipeline, "Erdogan received the Greek foreign minister in Ankara."
    )


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("President Donald Trump suspended U.S. aid to Ukraine.", ("USA", "UKR", "SANCTION")),
        (
            "President Donald Trump suspended U.S. funding for the United Nations' health agency.",
            ("USA", "IGO", "SANCTION"),
        ),
    ],
)
def test_aid_cut_is_aimed_at_its_recipient_not_its_giver(
    pipeline: Any, text: str, want: Any
) -> None:
    assert _acts(pipeline, text) == {want}


def test_time_phrases_figures_and_attacks_launched_in_words(pipeline: Any) -> None:
    # "for the first time" is when, not what is called for
    text = "President Donald Trump called former President Jimmy Carter for the first time."
    assert not {a for a in _acts(pipeline, text) if a[2] == "REQUEST"}
    text = "Obama opens door to limited ground combat operations against ISIS."
    assert not _acts(pipeline, text)
    text = "True to form, President Trump launched a Twitter attack on Judge Robart."
    assert {a[2] for a in _acts(pipeline, text)} == {"ACCUSE"}
    assert ("RUS", "UKR", "ASSAULT") in _acts(pipeline, "Russia launched an attack on Ukraine.")


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a protest whose object names a place at home is at the protesters' rulers
        (
            "Seven opposition parties in Nepal have organized a general strike that shut "
            "down Kathmandu.",
            ("NPL", "NPL", "PROTEST"),
        ),
        # "the capital city of Algiers" is a place, as "in Algiers" is: the protesters are
        # Algerians, not the government
        (
            "About 200 protesters blocked roads in the capital city of Algiers.",
            ("DZA", "DZA", "PROTEST"),
        ),
    ],
)
def test_protests_at_home_are_at_the_protesters_rulers(pipeline: Any, text: str, want: Any) -> None:
    assert {(s and s[:3], t and t[:3], ty) for s, t, ty in _acts(pipeline, text)} == {want}


def test_a_protest_joined_to_demand_independence_from_another_state_is_not_at_home(
    pipeline: Any,
) -> None:
    text = (
        "Prisoners rioted at a jail in East Timor's capital Dili on Monday joining thousands "
        "of demonstrators in demanding a referendum on independence from Indonesian rule."
    )
    acts = _acts(pipeline, text)
    assert ("TLS", None, "PROTEST") in acts
    assert ("TLS", "TLS", "PROTEST") not in acts


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # targeting by armed doers or with weapons is force
        ("Israeli jets targeted Hamas positions in Gaza.", ("ISR", "PSE", "ASSAULT", "190")),
        (
            "Russia targeted Ukrainian energy infrastructure with drones overnight.",
            ("RUS", "UKR", "ASSAULT", "190"),
        ),
        ("Beijing snubbed the Japanese prime minister.", ("CHN", "JPN", "REJECT", "120")),
        (
            "Russian forces encircled the Ukrainian town of Avdiivka.",
            ("RUS", "UKR", "COERCE", "191"),
        ),
        # a state's people barred from entering: an entry ban
        (
            "Moldova barred 20 Russian officials from entering the country.",
            ("MDA", "RUS", "SANCTION", "163"),
        ),
        # a party's attack is words
        (
            "Republicans attacked Democrats over the border crisis.",
            ("USA", "USA", "ACCUSE", "111"),
        ),
    ],
)
def test_targets_snubs_sieges_entry_bans_and_party_attacks(
    pipeline: Any, text: str, want: Any
) -> None:
    assert want in _country_dyads(pipeline, text)


@pytest.mark.parametrize(
    "text",
    [
        "Washington also targeted companies in Hong Kong and mainland China.",
        "UK and US target Iranian drone suppliers with new sanctions",
        "The campaign targeted young voters in Ohio.",
        "Republicans targeted Democrats over the border crisis.",
    ],
)
def test_targeting_without_arms_is_no_force(pipeline: Any, text: str) -> None:
    assert not {a for a in _acts(pipeline, text) if a[2] == "ASSAULT"}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("South Korean doctors went on strike on Monday.", ("KOR", "KOR", "PROTEST", "143")),
        (
            "French rail workers went on strike against the pension reform.",
            ("FRA", "FRA", "PROTEST", "143"),
        ),
        (
            "South Korean doctors walked off the job to protest the plan.",
            ("KOR", "KOR", "PROTEST", "143"),
        ),
        # a junta is its state's rulers
        ("The junta in Niger expelled the French ambassador.", ("NER", "FRA", "SANCTION", "166")),
    ],
)
def test_strikes_walkouts_and_juntas(pipeline: Any, text: str, want: Any) -> None:
    assert want in _country_dyads(pipeline, text)


@pytest.mark.parametrize(
    "text", ["The talks went on for hours.", "The president went on television to defend it."]
)
def test_going_on_is_no_strike(pipeline: Any, text: str) -> None:
    assert not _acts(pipeline, text)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "An American journalist was detained in Moscow on spying charges.",
            ("RUS", "USA", "COERCE", "173"),
        ),
        (
            "A French tourist was sentenced to five years in prison in Iran.",
            ("IRN", "FRA", "COERCE", "173"),
        ),
        ("Three Iranian diplomats were expelled from Germany.", ("DEU", "IRN", "SANCTION", "166")),
    ],
)
def test_an_authoritys_act_in_the_passive_is_done_by_the_state_where_it_was_done(
    pipeline: Any, text: str, want: Any
) -> None:
    assert want in _country_dyads(pipeline, text)


@pytest.mark.parametrize(
    "text",
    [
        # no place said, or a place another state may hold
        "Carlineo was arrested in April for a phone call.",
        "Five Palestinians were arrested in the West Bank overnight.",
        "Three Crimean Tatars were detained in Crimea.",
        # no one named the act was done to
        "The migrants were deported from the United States to Guatemala.",
        # a doer named is the doer
        "He was arrested in connection with the attack.",
    ],
)
def test_no_unnamed_authority_without_a_state_or_a_known_patient(pipeline: Any, text: str) -> None:
    assert not _acts(pipeline, text)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The Kremlin dismissed the report as fake news.", ("RUS", None, "REJECT")),
    ],
)
def test_reports_dismissed(pipeline: Any, text: str, want: Any) -> None:
    assert want in {(s and s[:3], t and t[:3], ty) for s, t, ty in _acts(pipeline, text)}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # the parser hangs a coordinated subject on the auxiliary
        (
            "Egypt and Qatar are mediating between Israel and Hamas.",
            {("EGY", "ISR", "CONSULT"), ("QAT", "ISR", "CONSULT")},
        ),
        # a force that says "it" struck is the one that struck
        (
            "The Israeli army said it had struck Hezbollah targets.",
            {("ISR", "LBN", "ASSAULT")},
        ),
        # a headline's subjects set apart by a comma act together
        (
            "Japan, South Korea agree to resume defence talks",
            {("JPN", "KOR", "AGREE"), ("KOR", "JPN", "AGREE")},
        ),
        # who claims responsibility for an attack made it
        (
            "Hamas claimed responsibility for the attack on Israeli soldiers.",
            {("PSE", "ISR", "ASSAULT")},
        ),
    ],
)
def test_subjects_the_parser_hung_elsewhere_and_attacks_claimed(
    pipeline: Any, text: str, want: set[tuple[str, str, str]]
) -> None:
    assert want <= {d[:3] for d in _country_dyads(pipeline, text)}


@pytest.mark.parametrize(
    "text",
    [
        "No group has claimed responsibility for the attack on the Pakistani convoy.",
        "The typhoon said to be the strongest this year hit the Philippines.",
    ],
)
def test_no_one_claiming_is_no_doer(pipeline: Any, text: str) -> None:
    assert not {a for a in _acts(pipeline, text) if a[2] == "ASSAULT"}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Saudi Arabia resumed diplomatic relations with Syria after a decade.",
            ("SAU", "SYR", "SUPPORT", "054"),
        ),
        ("Turkey blocked Finland's NATO bid for months.", ("TUR", "FIN", "REJECT", "120")),
        # talks blocked are not held
        ("Hungary blocked Ukraine's EU accession talks.", ("HUN", "UKR", "REJECT", "120")),
    ],
)
def test_relations_resumed_and_bids_blocked(pipeline: Any, text: str, want: Any) -> None:
    dyads = _country_dyads(pipeline, text)
    assert want in dyads
    assert not {d for d in dyads if d[2] == "CONSULT"}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Biden and Zelensky discussed air defence in a call on Tuesday.",
            {("USA", "UKR", "CONSULT", "040"), ("UKR", "USA", "CONSULT", "040")},
        ),
        (
            "The Egyptian president received a phone call from his Turkish counterpart.",
            {("EGY", "TUR", "CONSULT", "041"), ("TUR", "EGY", "CONSULT", "041")},
        ),
        # a capital in the name of an agreement is no government
        ("The United States withdrew from the Paris climate agreement.", set()),
    ],
)
def test_talks_by_two_calls_taken_and_agreements_named_after_a_city(
    pipeline: Any, text: str, want: set[Any]
) -> None:
    assert {d for d in _country_dyads(pipeline, text) if d[1]} == want


@pytest.mark.parametrize(
    "text",
    [
        "Russia discussed the issue.",
        "The embassy received calls from worried citizens.",
        "Police received a call about a suspicious package.",
    ],
)
def test_no_talk_with_no_one(pipeline: Any, text: str) -> None:
    assert not {a for a in _acts(pipeline, text) if a[1]}


def test_whose_takes_up_the_noun_of_its_clause(pipeline: Any) -> None:
    text = (
        "Finland applied to join NATO together with Sweden, whose membership is still "
        "blocked by Turkey and Hungary."
    )
    acts = _acts(pipeline, text)
    assert {("TUR", "SWE", "REJECT"), ("HUN", "SWE", "REJECT")} <= acts


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # what criticism is over is no second target
        ("China criticized the US over the Taiwan arms sale.", {("CHN", "USA", "ACCUSE")}),
        ("Erdogan lashed out at Israel over the Gaza war.", {("TUR", "ISR", "ACCUSE")}),
        # with no one else named it is
        ("Japan complained over Chinese incursions.", {("JPN", "CHN", "ACCUSE")}),
        (
            "India raised concerns with Canada over the activities of Sikh separatists.",
            {("IND", "CAN", "ACCUSE")},
        ),
    ],
)
def test_criticism_over_something_and_concerns_raised(
    pipeline: Any, text: str, want: set[Any]
) -> None:
    assert {d[:3] for d in _country_dyads(pipeline, text)} == want


def test_mediators_together_do_not_mediate_between_each_other(pipeline: Any) -> None:
    assert _acts(pipeline, "Qatar and Egypt brokered a ceasefire.") == {
        ("QAT", None, "CONSULT"),
        ("EGY", None, "CONSULT"),
    }
    text = "Qatar and Egypt brokered a ceasefire between Israel and Hamas."
    assert ("QAT", "ISR", "CONSULT") in _acts(pipeline, text)
    # parties who meet do meet each other
    assert ("FRA", "DEU", "CONSULT") in _acts(pipeline, "France and Germany met in Paris.")


def test_contracts_signed_between_states_are_agreements(pipeline: Any) -> None:
    text = "Russia signed a contract with Egypt to build a nuclear plant."
    assert ("RUS", "EGY", "AGREE") in _acts(pipeline, text)
    assert not _acts(pipeline, "The company signed a contract with a local supplier.")


def test_a_co_host_is_no_guest(pipeline: Any) -> None:
    text = "Turkey, which hosted the talks together with Qatar, has not commented."
    assert not {a for a in _acts(pipeline, text) if a[1] == "QAT"}


def test_a_counterpart_received_is_a_guest_hosted(pipeline: Any) -> None:
    text = "Greek Prime Minister Kyriakos Mitsotakis received his Turkish counterpart in Athens."
    assert ("GRC", "TUR", "CONSULT", "043") in _country_dyads(pipeline, text)
    assert not _acts(pipeline, "The president received a letter from the Iranian leader.")


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Orban welcomed his Serbian counterpart to Budapest.", ("HUN", "SRB", "CONSULT", "043")),
    ],
)
def test_counterparts_welcomed(pipeline: Any, text: str, want: Any) -> None:
    assert want in _country_dyads(pipeline, text)


def test_taken_to_court_is_sued(pipeline: Any) -> None:
    text = "The Philippines took China to court over the South China Sea."
    assert ("PHL", "CHN", "ACCUSE", "115") in _country_dyads(pipeline, text)
    assert not _acts(pipeline, "The ambulance took the minister to hospital.")


def test_a_bid_to_join_approved_is_agreed(pipeline: Any) -> None:
    text = "Hungary's parliament approved Sweden's bid to join NATO."
    assert ("HUN", "SWE", "AGREE", "057") in _country_dyads(pipeline, text)
    assert not _acts(pipeline, "The board approved the budget.")


def test_who_claims_an_attack_made_it(pipeline: Any) -> None:
    text = "The Houthis claimed an attack on a US warship in the Red Sea."
    assert {(t and t[:3], ty) for _, t, ty in _acts(pipeline, text)} == {("USA", "ASSAULT")}
    # an attack claimed to be another's is not the claimer's
    text = "Russia claimed an attack by Ukraine on Belarus."
    assert all(s != "RUS" for s, _, _ in _acts(pipeline, text))


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("India is in talks with Russia over oil purchases.", ("IND", "RUS", "CONSULT", "040")),
        ("India is in negotiations with Russia.", ("IND", "RUS", "CONSULT", "046")),
        ("Ukraine and Russia are in direct talks in Istanbul.", ("UKR", "RUS", "CONSULT", "040")),
    ],
)
def test_being_in_talks_is_holding_them(pipeline: Any, text: str, want: Any) -> None:
    assert want in _dyads(pipeline, text)
    assert (want[1], want[0], *want[2:]) in _dyads(pipeline, text)


def test_not_being_in_talks_is_negated(pipeline: Any) -> None:
    analysis = _analyze(pipeline, "India is not in talks with Russia.")
    assert analysis.events and all(e.negated for e in analysis.events)
    assert not _dyads(pipeline, "India is expected to be in talks with Russia next week.")


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Japan sent a disaster relief team to Turkey.", ("JPN", "TUR", "AID", "073")),
        ("Qatar shipped fuel to Gaza.", ("QAT", "PSE", "AID", "073")),
        ("Egypt delivered blankets and tents to Gaza.", ("EGY", "PSE", "AID", "073")),
    ],
)
def test_relief_sent(pipeline: Any, text: str, want: Any) -> None:
    assert _country_dyads(pipeline, text) == {want}


def test_an_extradition_is_cooperation_with_the_state_handed_to(pipeline: Any) -> None:
    text = "Poland extradited a Russian spy suspect to the United States."
    assert _country_dyads(pipeline, text) == {("POL", "USA", "COOPERATE", "063")}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Israeli police raided the offices of Al Jazeera in Jerusalem.",
            ("ISR", "COERCE", "170"),
        ),
        ("Indian tax officials raided the BBC offices in New Delhi.", ("IND", "COERCE", "170")),
        (
            "US special forces raided a compound in Syria, killing an Islamic State leader.",
            ("USA", "ASSAULT", "190"),
        ),
    ],
)
def test_raids_by_police_coerce_by_forces_assault(pipeline: Any, text: str, want: Any) -> None:
    assert want in {(s, ty, c) for s, _, ty, c in _country_dyads(pipeline, text)}


def test_raiding_the_fridge_is_no_act(pipeline: Any) -> None:
    assert not _dyads(pipeline, "He raided the fridge.")


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Ukrainian forces sank a Russian landing ship off Crimea.", {("UKR", "RUS", "ASSAULT")}),
        ("Republicans sank the bill in the Senate.", set()),
    ],
)
def test_ships_sunk(pipeline: Any, text: str, want: Any) -> None:
    assert {d[:3] for d in _country_dyads(pipeline, text)} == want


def test_militants_placed_where_they_attack_their_own_state_are_its_rebels(
    pipeline: Any,
) -> None:
    text = "Militants ambushed a Nigerian army convoy in Maiduguri."
    events = _analyze(pipeline, text).events
    assert [(e.source_actor_id, e.target_actor_id, e.type) for e in events] == [
        ("NGA:REB", "NGA", "ASSAULT")
    ]
    # protesters are no rebels: no act of a state on itself
    assert not _dyads(pipeline, "Protesters attacked a Kenyan police station in Nairobi.")


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Three Egyptian soldiers were killed by Israeli fire near the Rafah crossing.",
            ("ISR", "EGY", "ASSAULT"),
        ),
        ("Two civilians were killed by Russian shelling in Kherson.", ("RUS", "UKR", "ASSAULT")),
        (
            "A Turkish drone was downed by Russian air defences over Syria.",
            ("RUS", "TUR", "ASSAULT"),
        ),
    ],
)
def test_a_sides_fire_named_as_the_doer(pipeline: Any, text: str, want: Any) -> None:
    assert {d[:3] for d in _country_dyads(pipeline, text)} == {want}


def test_a_fire_with_no_side_is_no_doer(pipeline: Any) -> None:
    assert not _dyads(pipeline, "The Russian embassy was destroyed by fire.")


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Delhi expressed disappointment with Ottawa's allegations.",
            {("IND", "CAN", "ACCUSE", "110")},
        ),
        ("Turkey expressed anger at the Swedish decision.", {("TUR", "SWE", "ACCUSE", "111")}),
        (
            "Ankara reacted angrily to the Swedish decision to allow the protest.",
            {("TUR", "SWE", "ACCUSE", "111")},
        ),
        ("Markets reacted sharply to the rate decision.", set()),
        ("Japan reacted calmly to the Chinese statement.", set()),
    ],
)
def test_displeasure_voiced_and_angry_reactions(pipeline: Any, text: str, want: Any) -> None:
    assert _country_dyads(pipeline, text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Japanese Prime Minister Fumio Kishida and his Australian counterpart Anthony "
            "Albanese discussed maritime security in a phone call on Thursday.",
            {("JPN", "AUS", "CONSULT", "040"), ("AUS", "JPN", "CONSULT", "040")},
        ),
        (
            "Nauru and China restored diplomatic relations at a ceremony in Beijing.",
            {("NRU", "CHN", "SUPPORT", "054"), ("CHN", "NRU", "SUPPORT", "054")},
        ),
        (
            "Zimbabwe, Mozambique agree to step up joint border patrols",
            {("ZWE", "MOZ", "AGREE", "030"), ("MOZ", "ZWE", "AGREE", "030")},
        ),
    ],
)
def test_two_parties_the_parser_did_not_join(pipeline: Any, text: str, want: Any) -> None:
    assert _country_dyads(pipeline, text) == want


def test_a_court_placed_where_it_sits(pipeline: Any) -> None:
    text = "A court in Minsk has sentenced a German citizen to death on terrorism charges."
    events = _analyze(pipeline, text).events
    assert [(e.source_actor_id, e.type) for e in events] == [("BLR:JUD", "COERCE")]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Russia's defence ministry claimed its forces had captured the town of "
            "Krasnohorivka in the Donetsk region.",
            ("RUS:MIL", "UKR", "COERCE"),
        ),
        (
            "The Israeli army said its troops had killed three Hamas militants in Gaza.",
            ("body:israel-defense-forces", "body:hamas", "ASSAULT"),
        ),
    ],
)
def test_a_tellers_own_forces(pipeline: Any, text: str, want: Any) -> None:
    events = _analyze(pipeline, text).events
    assert [(e.source_actor_id, e.target_actor_id, e.type) for e in events] == [want]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Seventy Russian diplomats were ordered out of Bulgaria on Tuesday.",
            {("BGR", "RUS", "SANCTION", "166")},
        ),
        (
            "Germany has delivered the first of four IRIS-T air defence systems to Ukraine.",
            {("DEU", "UKR", "AID", "072")},
        ),
        (
            "Saudi Arabia deposited $2 billion with the State Bank of Pakistan on Tuesday.",
            {("SAU", "PAK", "AID", "071")},
        ),
    ],
)
def test_expelled_in_the_passive_the_first_of_several_money_deposited(
    pipeline: Any, text: str, want: Any
) -> None:
    assert _country_dyads(pipeline, text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Jordanian and Egyptian military aircraft airdropped food parcels over northern Gaza.",
            {("JOR", "PSE", "AID", "073"), ("EGY", "PSE", "AID", "073")},
        ),
        (
            "The International Committee of the Red Cross delivered 15 tonnes of medical "
            "supplies to hospitals in Ethiopia's Tigray region.",
            {("NGO", "ETH", "AID", "073")},
        ),
    ],
)
def test_relief_dropped_over_or_sent_into_a_place(pipeline: Any, text: str, want: Any) -> None:
    assert _country_dyads(pipeline, text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Solomon Islands Prime Minister Manasseh Sogavare signed a policing cooperation "
            "agreement with China during a visit to Beijing on Monday.",
            ("SLB", "CHN", "CONSULT", "042"),
        ),
        (
            "Indian External Affairs Minister S. Jaishankar, on a two-day visit to Kathmandu, "
            "witnessed the signing of a long-term deal.",
            ("IND", "NPL", "CONSULT", "042"),
        ),
    ],
)
def test_a_visit_during_which_its_visitor_acted(pipeline: Any, text: str, want: Any) -> None:
    assert want in _country_dyads(pipeline, text)


def test_no_visit_without_a_visitor_who_acts(pipeline: Any) -> None:
    assert not _dyads(pipeline, "He fell ill during a visit to Paris.")


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Hezbollah resumed attacks on Israeli positions.", ("LBN", "ISR", "ASSAULT", False)),
        ("Russia stepped up its attacks on Ukrainian cities.", ("RUS", "UKR", "ASSAULT", False)),
        # a vow of force is a threat made; a plan is one not yet made
        (
            "Iraq's Kataib Hezbollah militia vowed on Saturday to resume attacks on American "
            "forces unless they leave the country by the end of the year.",
            ("IRQ", "USA", "THREATEN", False),
        ),
        ("Iran vowed to attack Israel.", ("IRN", "ISR", "THREATEN", False)),
        ("Iran plans to attack Israel.", ("IRN", "ISR", "THREATEN", True)),
    ],
)
def test_attacks_resumed_and_vowed(pipeline: Any, text: str, want: Any) -> None:
    got = {
        (s and s[:3], t and t[:3], ty, e.hypothetical)
        for s, t, ty, e in _coded(_analyze(pipeline, text))
    }
    assert got == {want}


def test_signatures_put_to_a_treaty(pipeline: Any) -> None:
    text = (
        "Uzbek President Shavkat Mirziyoyev and his Kyrgyz counterpart Sadyr Japarov put their "
        "signatures to a treaty settling the last disputed sections of their frontier."
    )
    assert _country_dyads(pipeline, text) == {
        ("UZB", "KGZ", "AGREE", "057"),
        ("KGZ", "UZB", "AGREE", "057"),
    }


def test_an_assault_on_a_market_is_a_figure(pipeline: Any) -> None:
    text = (
        "Japan's carmakers are mounting an all-out assault on the electric vehicle market, "
        "with Toyota unveiling three battery-powered models."
    )
    assert not _dyads(pipeline, text)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Norway gave $20 million to Ukraine.", {("NOR", "UKR", "AID", "071")}),
        ("Norway pledged 200 million kroner to Ukraine.", {("NOR", "UKR", "AGREE", "033")}),
        (
            "Norway has pledged an additional 200 million kroner to rebuild energy "
            "infrastructure in Ukraine's Kharkiv region.",
            {("NOR", "UKR", "AGREE", "033")},
        ),
        (
            "Washington paused some foreign assistance programmes benefiting Niger's "
            "government on Friday.",
            {("USA", "NER", "SANCTION", "162")},
        ),
        ("The country has 200 million people.", set()),
    ],
)
def test_sums_given_and_aid_paused(pipeline: Any, text: str, want: Any) -> None:
    assert _country_dyads(pipeline, text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Israel allowed aid trucks into Gaza.", {("ISR", "PSE", "RETREAT", "0863")}),
        (
            "Sweden freed a former Iranian prison official in exchange for two Swedes.",
            {("SWE", "IRN", "RETREAT", "0841")},
        ),
        (
            "Colombia and Venezuela reopened their border to cargo trucks on Monday.",
            {("COL", "VEN", "CONCEDE", "081"), ("VEN", "COL", "CONCEDE", "081")},
        ),
        (
            "Russia handed over 64 Ukrainian soldiers to Ukraine.",
            {("RUS", "UKR", "RETREAT", "0841")},
        ),
        ("China released a Canadian report on trade.", set()),
        ("The company handed its products to customers.", set()),
    ],
)
def test_aid_let_through_people_and_property_handed_back_borders_reopened(
    pipeline: Any, text: str, want: Any
) -> None:
    assert _country_dyads(pipeline, text) == want


def test_a_guest_welcomed_for_talks_is_hosted(pipeline: Any) -> None:
    text = "Biden welcomed Kishida for talks at the White House."
    events = _analyze(pipeline, text, "2024-03-06").events
    assert [(e.type, e.cameo) for e in events] == [("CONSULT", "043")]
    # a decision welcomed is praise, whatever it is for
    assert {d[2:] for d in _country_dyads(pipeline, "Germany welcomed the Polish decision.")} == {
        ("SUPPORT", "051")
    }


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Russia blocked the UN resolution on Ukraine.", {("RUS", "IGO", "REJECT", "120")}),
        (
            "A Hong Kong court overturned the government's mask ban.",
            {("HKG", None, "REJECT", "120")},
        ),
    ],
)
def test_measures_blocked_or_struck_down(pipeline: Any, text: str, want: Any) -> None:
    assert _country_dyads(pipeline, text) == want


def test_a_subpoena_is_an_investigation(pipeline: Any) -> None:
    text = "House Democrats subpoenaed the White House for documents on Ukraine."
    assert {d[2:] for d in _country_dyads(pipeline, text)} == {("ACCUSE", "090")}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Several hundred demonstrators gathered outside the French embassy in Ouagadougou "
            "on Friday.",
            {("BFA", "FRA", "PROTEST", "141")},
        ),
        (
            "Protesters gathered outside the US embassy in Baghdad.",
            {("IRQ", "USA", "PROTEST", "141")},
        ),
        ("Supporters gathered outside the stadium in Ankara.", set()),
    ],
)
def test_protesters_gathered_demonstrate(pipeline: Any, text: str, want: Any) -> None:
    assert _country_dyads(pipeline, text) == want


def test_an_arrest_named_by_a_noun_is_made_where_it_was(pipeline: Any) -> None:
    text = (
        "The arrest of a French citizen in Baku on espionage charges has further soured ties "
        "between Paris and Azerbaijan."
    )
    events = _analyze(pipeline, text).events
    assert [(e.source_actor_id, e.type) for e in events] == [("AZE:COP", "COERCE")]
    assert not _dyads(pipeline, "The arrest of the suspect in Paris was welcomed.")


def test_aid_given_goes_where_it_arrived(pipeline: Any) -> None:
    text = (
        "The first batch of 200,000 Sinopharm vaccine doses donated by China arrived in Harare "
        "on Monday."
    )
    assert {d[:3] for d in _country_dyads(pipeline, text)} == {("CHN", "ZWE", "AID")}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "The killing of a Bangladeshi teenager by Indian border guards sparked protests.",
            {("IND", "BGD", "ASSAULT", "1823")},
        ),
        (
            "The assassination of the Iranian general by US forces drew condemnation.",
            {("USA", "IRN", "ASSAULT", "186")},
        ),
        # one state's own people killed by its own police: no act between states here
        ("The killing of a teenager by French police sparked riots.", set()),
    ],
)
def test_killings_named_by_nouns(pipeline: Any, text: str, want: Any) -> None:
    assert _country_dyads(pipeline, text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Mexico froze relations with Canada on Tuesday.", {("MEX", "CAN", "SANCTION", "161")}),
        (
            "Nauru cut its diplomatic ties with Taiwan on Monday.",
            {("NRU", "TWN", "SANCTION", "161")},
        ),
        (
            "The African Union suspended Gabon from all of the bloc's activities.",
            {("IGO", "GAB", "SANCTION", "160")},
        ),
    ],
)
def test_relations_cut_and_members_suspended(pipeline: Any, text: str, want: Any) -> None:
    assert _country_dyads(pipeline, text) == want


def test_a_name_before_a_verb_the_parser_read_as_an_order_is_its_subject(pipeline: Any) -> None:
    # the parser makes "Nauru" a modifier of "cut", as if "cut" were an imperative
    assert _country_dyads(pipeline, "Nauru cut its diplomatic ties with Taiwan.") == {
        ("NRU", "TWN", "SANCTION", "161")
    }


def test_forces_put_on_combat_readiness_mobilise(pipeline: Any) -> None:
    text = "Serbia put its army on the highest level of combat readiness on Monday."
    assert {d[2:] for d in _country_dyads(pipeline, text)} == {("MOBILIZE", "152")}


def test_exercises_begun_together_are_military_cooperation(pipeline: Any) -> None:
    text = "India and Egypt began a joint military exercise on Saturday."
    assert _country_dyads(pipeline, text) == {
        ("IND", "EGY", "COOPERATE", "062"),
        ("EGY", "IND", "COOPERATE", "062"),
    }


def test_the_chair_of_an_organisation_speaks_for_it(pipeline: Any) -> None:
    text = "The chairperson of the African Union Commission urged Ethiopia to resolve the dispute."
    assert _country_dyads(pipeline, text) == {("IGO", "ETH", "REQUEST", "020")}


def test_travel_bans_on_another_states_people_are_sanctions(pipeline: Any) -> None:
    text = "The European Union imposed travel bans on eight Nicaraguan officials."
    assert _country_dyads(pipeline, text) == {("IGO", "NIC", "SANCTION", "163")}


def test_what_is_said_in_a_call_with_someone_is_said_in_a_call(pipeline: Any) -> None:
    text = "In a phone call with Erdogan, Putin discussed the grain deal."
    assert _country_dyads(pipeline, text) == {
        ("RUS", "TUR", "CONSULT", "041"),
        ("TUR", "RUS", "CONSULT", "041"),
    }


def test_a_states_leader_the_registry_lacks_speaks_for_its_government(pipeline: Any) -> None:
    # the registry holds no "president of Yemen" on the day: the office is Yemen's
    text = '"We thank our Saudi brothers for their generous support," Yemen\'s president said.'
    assert _country_dyads(pipeline, text) == {("YEM", "SAU", "SUPPORT", "051")}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Brazil reaffirmed its backing for Argentina's sovereignty claim over the Falkland "
            "Islands.",
            {("BRA", "ARG", "SUPPORT", "051")},
        ),
        (
            "India and Pakistan exchanged lists of their nuclear installations on Monday.",
            {("IND", "PAK", "COOPERATE", "064"), ("PAK", "IND", "COOPERATE", "064")},
        ),
        # a leader attending another state's ceremony visits it
        (
            "Paraguayan President Santiago Pena attended the inauguration of Taiwan's new "
            "leader in Taipei on Monday.",
            {("PRY", "TWN", "CONSULT", "042")},
        ),
        ("Modi attended a military parade in Moscow.", {("IND", "RUS", "CONSULT", "042")}),
    ],
)
def test_backing_lists_exchanged_and_ceremonies_attended(
    pipeline: Any, text: str, want: Any
) -> None:
    assert _country_dyads(pipeline, text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Niger's military rulers revoked a 2012 defence pact with the United States.",
            {("NER", "USA", "SANCTION", "160")},
        ),
        (
            "Washington imposed visa restrictions on 17 Ugandan officials.",
            {("USA", "UGA", "SANCTION", "163")},
        ),
        ("The African Union lifted Mali's suspension.", {("IGO", "MLI", "RETREAT", "085")}),
        # denouncing an agreement is criticism, not leaving it
        (
            "Israel denounced the agreement as a historic mistake.",
            {("ISR", None, "ACCUSE", "111")},
        ),
    ],
)
def test_pacts_revoked_visas_restricted_suspensions_lifted(
    pipeline: Any, text: str, want: Any
) -> None:
    assert _country_dyads(pipeline, text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a teller's own weapons are its military
        (
            "The Russian defence ministry said its air defence systems had shot down 14 "
            "Ukrainian drones.",
            {("RUS", "UKR", "ASSAULT", "193")},
        ),
        # protesters placed where they march through
        (
            "Thousands of protesters marched through central Tbilisi on Sunday.",
            {("GEO", "GEO", "PROTEST", "141")},
        ),
        # a comment on an arrest made in a state is aimed at that state
        (
            "Kenya condemned the arrest of two Kenyan activists in Tanzania.",
            {("KEN", "TZA", "ACCUSE", "111")},
        ),
        # a release is asked of whoever holds the people
        (
            "Kenya's foreign ministry demanded the release of two Kenyan activists detained "
            "in Tanzania.",
            {("KEN", "TZA", "REQUEST", "1053")},
        ),
    ],
)
def test_own_weapons_marches_arrests_commented_and_releases_asked(
    pipeline: Any, text: str, want: Any
) -> None:
    assert _country_dyads(pipeline, text) == want


def test_a_visiting_leader_met_is_met(pipeline: Any) -> None:
    # the parser reads "visiting" as a verb taking the prime minister as its object
    text = "Xi Jinping met visiting Spanish Prime Minister Pedro Sanchez on Friday."
    assert _country_dyads(pipeline, text) == {
        ("CHN", "ESP", "CONSULT", "040"),
        ("ESP", "CHN", "CONSULT", "040"),
    }


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a visit paid, made or begun is its subject's, to the host the "to" phrase names
        (
            "Xi Jinping paid a state visit to Vietnam on Monday.",
            {("CHN", "VNM", "CONSULT", "042", False)},
        ),
        (
            "Chinese Premier Li Qiang began a three-day visit to Australia on Saturday.",
            {("CHN", "AUS", "CONSULT", "042", False)},
        ),
        # a host the registry cannot place is no host
        ("Japan's prime minister paid a visit to the Yasukuni shrine.", set()),
        # the one a passive expects, schedules or invites is who is to act, not yet done
        (
            "Xi Jinping is expected to visit Vietnam next week.",
            {("CHN", "VNM", "CONSULT", "042", True)},
        ),
        (
            "Chinese President Xi Jinping is expected to make a state visit to Vietnam.",
            {("CHN", "VNM", "CONSULT", "042", True)},
        ),
        (
            "Cuba's foreign minister is scheduled to visit Beijing next week.",
            {("CUB", "CHN", "CONSULT", "042", True)},
        ),
        (
            "China is expected to impose sanctions on Japan.",
            {("CHN", "JPN", "SANCTION", "163", True)},
        ),
    ],
)
def test_visits_made_and_acts_expected_of_someone(pipeline: Any, text: str, want: Any) -> None:
    got = {
        (s and s[:3], t and t[:3], ty, e.cameo, e.hypothetical)
        for s, t, ty, e in _coded(_analyze(pipeline, text))
    }
    assert got == want


def test_an_act_under_a_plan_is_not_done(pipeline: Any) -> None:
    # the CNBC seed: details to be released, which would support a theory
    text = (
        "On Tuesday, President Trump told White House reporters that he was planning to "
        "release details to support the theory that the coronavirus came from a laboratory."
    )
    events = _coded(_analyze(pipeline, text))
    assert events and all(e.hypothetical for *_, e in events)


def test_a_preposition_hung_on_a_particle_names_the_target(pipeline: Any) -> None:
    text = "France handed the artefacts back to Benin on Tuesday."
    assert _acts(pipeline, text) == {("FRA", "BEN", "RETREAT")}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # the formal phrasing of state and regional media
        (
            "Vietnam and Laos signed 15 cooperation documents in Vientiane on Tuesday.",
            {("VNM", "LAO", "AGREE", "057"), ("LAO", "VNM", "AGREE", "057")},
        ),
        (
            "Xi extended an invitation to Brazilian President Jair Bolsonaro to visit China.",
            {("CHN", "BRA", "AGREE", "036")},
        ),
        (
            "Qatar's Emir Sheikh Tamim bin Hamad Al Thani sent a cable of congratulations to "
            "the President of Egypt.",
            {("QAT", "EGY", "SUPPORT", "051")},
        ),
        (
            "The Saudi Foreign Ministry expressed the Kingdom's condemnation of the Israeli "
            "occupation forces' storming of Al-Aqsa Mosque.",
            {("SAU", "ISR", "ACCUSE", "111")},
        ),
        # the giver's own backing goes to the "for" phrase; backing praised is the
        # possessor's
        (
            "Egyptian President Abdel Fattah al-Sisi affirmed Egypt's full support for "
            "Sudan's sovereignty.",
            {("EGY", "SDN", "SUPPORT", "051")},
        ),
        (
            "Ukraine welcomed China's support for the peace plan.",
            {("UKR", "CHN", "SUPPORT", "051")},
        ),
        # "called on" a leader, asking nothing, is a visit
        (
            "India's External Affairs Minister S Jaishankar called on President Ranil "
            "Wickremesinghe in Colombo.",
            {("IND", "LKA", "CONSULT", "042")},
        ),
        (
            "UN rights chief Volker Turk called on Tunisia to free detained journalists.",
            {("IGO", "TUN", "REQUEST", "020"), ("TUN", "TUN", "RETREAT", "0841")},
        ),
        # the one called on to act is who acts
        (
            "China called on the United States to stop arming Taiwan.",
            {("CHN", "USA", "REQUEST", "020"), ("USA", "TWN", "AID", "072")},
        ),
        # whoever launched what is shot down is whom it is aimed at
        (
            "Ukrainian air defence forces shot down 25 of the 30 drones launched by Russia.",
            {("UKR", "RUS", "ASSAULT", "193")},
        ),
        (
            "Nigerian troops neutralised 15 terrorists in Borno State.",
            {("NGA", "NGA", "ASSAULT", "1823")},
        ),
        # a state body named with its state in an "of" phrase
        (
            "The Ministry of Defence of Ukraine accused Russia of shelling Kharkiv.",
            {("UKR", "RUS", "ACCUSE", "112")},
        ),
        # a state's body named with a two-word adjective; a title with a name in apposition
        (
            "The Sri Lankan Navy arrested 22 Indian fishermen.",
            {("LKA", "IND", "COERCE", "173")},
        ),
        (
            "President His Highness Sheikh Khalifa bin Zayed Al Nahyan received a phone call "
            "from Indonesian President Joko Widodo.",
            {("ARE", "IDN", "CONSULT", "041"), ("IDN", "ARE", "CONSULT", "041")},
        ),
        (
            "Viet Nam and Australia inked a memorandum of understanding on critical minerals.",
            {("VNM", "AUS", "AGREE", "057"), ("AUS", "VNM", "AGREE", "057")},
        ),
        (
            "Nigeria and Morocco on Thursday signed three memoranda of understanding.",
            {("NGA", "MAR", "AGREE", "057"), ("MAR", "NGA", "AGREE", "057")},
        ),
        # journeys expected or due
        (
            "Prime Minister Narendra Modi is expected to travel to Moscow for the annual "
            "India-Russia summit.",
            {("IND", "RUS", "CONSULT", "042")},
        ),
        (
            "Kenyan President William Ruto is due to travel to Washington next month.",
            {("KEN", "USA", "CONSULT", "042")},
        ),
        # an envoy summoned and handed a note is the one given it
        (
            "Indian envoy Pranay Verma was summoned to Bangladesh's foreign ministry on "
            "Tuesday and handed a protest note.",
            {("BGD", "IND", "ACCUSE", "114")},
        ),
        # a spokesperson of a state's body speaks for it; "the US side" is its government
        (
            "A Chinese foreign ministry spokesperson said the US side must stop arming Taiwan.",
            {("CHN", "USA", "REQUEST", "100")},
        ),
        (
            "India has dispatched a second consignment of 32 tonnes of medicines for the "
            "people of Gaza.",
            {("IND", "PSE", "AID", "073")},
        ),
        (
            "Moscow has barred entry to 500 US citizens.",
            {("RUS", "USA", "SANCTION", "163")},
        ),
        (
            "Kim Jong Un sent a congratulatory message to Russian President Vladimir Putin.",
            {("PRK", "RUS", "SUPPORT", "051")},
        ),
        (
            "Pakistan and China reaffirmed their commitment to the completion of the projects.",
            {("PAK", "CHN", "AGREE", "030"), ("CHN", "PAK", "AGREE", "030")},
        ),
        # protests at an embassy: picketed, or gathered chanting against its state
        (
            "Armenian demonstrators picketed the Russian embassy in Yerevan.",
            {("ARM", "RUS", "PROTEST", "141")},
        ),
        (
            "Hundreds of Iranian students gathered outside the British embassy in Tehran, "
            "chanting slogans against London.",
            {("IRN", "GBR", "PROTEST", "141")},
        ),
        # what is shared "on" a state is the topic; the sharers share with each other
        (
            "South Korea, the United States and Japan have begun sharing missile warning data "
            "on North Korea.",
            {
                (a, b, "COOPERATE", "064")
                for a in ("KOR", "USA", "JPN")
                for b in ("KOR", "USA", "JPN")
                if a != b
            },
        ),
        # a visit at someone's invitation was offered by them
        (
            "Kazakh President Kassym-Jomart Tokayev paid an official visit to Uzbekistan at the "
            "invitation of President Shavkat Mirziyoyev.",
            {("KAZ", "UZB", "CONSULT", "042"), ("UZB", "KAZ", "AGREE", "036")},
        ),
    ],
)
def test_the_phrasing_of_state_and_regional_media(pipeline: Any, text: str, want: Any) -> None:
    assert _country_dyads(pipeline, text) == want


def test_a_meeting_told_unlikely_is_not_held(pipeline: Any) -> None:
    text = (
        "A meeting between Ukrainian President Volodymyr Zelensky and Russian President "
        "Vladimir Putin is unlikely in the foreseeable future, a Kremlin spokesman said."
    )
    assert not [e for *_, e in _coded(_analyze(pipeline, text)) if not e.hypothetical]


def test_a_denied_favour_is_no_rejection_of_whom_it_favoured(pipeline: Any) -> None:
    # whom the denial answers is not Russia, which the drones would have gone to
    text = "Iran's mission to the United Nations denied that Tehran had supplied drones to Russia."
    assert ("IRN", None, "REJECT") in _acts(pipeline, text)
    assert ("IRN", "RUS", "REJECT") not in _acts(pipeline, text)


def test_talks_with_a_visiting_leader_are_with_that_leader(pipeline: Any) -> None:
    text = "Chinese Premier Li Qiang held talks with visiting Vietnamese Prime Minister Pham Minh Chinh."
    assert {("CHN", "VNM", "CONSULT"), ("VNM", "CHN", "CONSULT")} <= _acts(pipeline, text)


@pytest.mark.parametrize(
    "text",
    [
        "Germany expelled two Russian diplomats on Monday, in a move condemned by Moscow.",
        "Germany expelled two Russian diplomats on Monday, in a move that Moscow condemned.",
    ],
)
def test_a_move_commented_on_in_its_own_sentence_is_aimed_at_its_maker(
    pipeline: Any, text: str
) -> None:
    assert {("DEU", "RUS", "SANCTION"), ("RUS", "DEU", "ACCUSE")} <= _acts(pipeline, text)


def test_a_name_after_a_title_is_a_person_whatever_the_tagger_says(pipeline: Any) -> None:
    """The tagger reads "Jasem Mohamed Albudaiwi" as an organisation; after a title it is the
    title holder, who acts for the body the title names."""
    text = (
        "Gulf Cooperation Council Secretary-General Jasem Mohamed Albudaiwi welcomed the"
        " agreement between Saudi Arabia and Iran."
    )
    an = _analyze(pipeline, text)
    assert [m.label for m in an.mentions if m.span.text == "Jasem Mohamed Albudaiwi"] == ["PERSON"]
    assert {("IGO", "SAU", "SUPPORT"), ("IGO", "IRN", "SUPPORT")} <= {
        (s, t, ty) for s, t, ty, _e in _coded(an)
    }


def test_a_veto_cast_is_a_veto(pipeline: Any) -> None:
    text = "Washington on Tuesday cast its third veto of a Security Council draft resolution."
    assert ("USA", "IGO", "REJECT", "129") in _dyads(pipeline, text)


def test_force_on_what_a_place_shelters_is_on_that_place(pipeline: Any) -> None:
    text = "Israeli warplanes struck a school sheltering displaced families in Gaza City."
    assert ("ISR", "PSE", "ASSAULT") in {(s and s[:3], t, ty) for s, t, ty in _acts(pipeline, text)}


@pytest.mark.parametrize(
    ("text", "hypothetical"),
    [
        ("Iraqi militants attempted to assassinate Prime Minister Iyad Allawi.", False),
        ("Russia tried to assassinate the Ukrainian president.", False),
        ("Russia will try to seize Kharkiv.", True),
        ("China tried to meet Japan.", True),  # a meeting tried is not held
    ],
)
def test_force_tried_is_force_used(pipeline: Any, text: str, hypothetical: bool) -> None:
    events = _analyze(pipeline, text, "2004-06-01").events
    assert events and all(e.hypothetical is hypothetical for e in events)


def test_it_after_a_body_named_by_its_states_possessive_is_that_state(pipeline: Any) -> None:
    text = (
        "Niger's ruling military council on Friday ordered the French ambassador to leave"
        " within 48 hours. It charged Paris with acting against Niger's interests."
    )
    assert ("NER", "FRA", "ACCUSE") in _acts(pipeline, text)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Guyana and Venezuela agreed not to use force in the Essequibo dispute.",
            {("GUY", "VEN", "AGREE", "0356"), ("VEN", "GUY", "AGREE", "0356")},
        ),
        ("Russia promised not to attack Ukraine.", {("RUS", "UKR", "AGREE", "0356")}),
    ],
)
def test_an_intent_not_to_use_force_is_no_threat(
    pipeline: Any, text: str, want: set[tuple[str, str, str, str]]
) -> None:
    assert _dyads(pipeline, text) == want


def test_a_border_where_force_is_used_is_not_its_target(pipeline: Any) -> None:
    text = "Turkey shot down a Russian warplane on the Syrian border."
    assert _acts(pipeline, text) == {("TUR", "RUS", "ASSAULT")}
    # what is massed on a border is massed against the state across it
    assert ("RUS", "UKR", "MOBILIZE") in _acts(
        pipeline, "Russia massed troops on the Ukrainian border."
    )


def test_an_organ_named_after_its_organisation_acts_for_it(pipeline: Any) -> None:
    text = "The IMF Executive Board approved a bailout for Pakistan."
    assert ("IGO", "PAK", "AID") in _acts(pipeline, text)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Chechen rebels attacked a police post in Grozny.", "RUS"),
        (
            "Ethiopia's government and Tigrayan forces agreed to a permanent cessation of"
            " hostilities.",
            "ETH",
        ),
    ],
)
def test_the_people_of_one_states_region_are_that_states(
    pipeline: Any, text: str, want: str
) -> None:
    assert {s and s[:3] for s, _t, _ty in _acts(pipeline, text)} == {want}
