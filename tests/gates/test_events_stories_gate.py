"""Events on the story gold (tests/gold/stories: news-style articles whose acts writers
labelled blind, bench/events_stories.py prints the full table): recall and precision of
the realised events on both parts, and the share of found acts dated right, stay at least
where they are (floors only rise)."""

from __future__ import annotations

from typing import Any

import pytest

from conftest import bench_module

#: Measured 2026-12-05 (tenth session: answers promised are threats, measures against
#: someone are sanctions, a passive participle's noun is its target, threats made are
#: not hypothetical): TUNING recall 0.458 / precision 0.745, HELD-OUT 0.458 / 0.627
#: (0.338 / 0.731 and 0.393 / 0.572 at the ninth session's start); later in the tenth
#: ("after meeting X", "called for X to", claims called groundless, exercises alone are a
#: show of force): 0.463 / 0.747 and 0.463 / 0.626. The eleventh (relative clauses,
#: encounters as settings, talks halted, protest notes, a purchase's seller): 0.495 / 0.762
#: and 0.473 / 0.628. The nineteenth (meetings held by both sides, wants and
#: encouragement, expulsions and listings said otherwise): 0.514 / 0.762 and 0.493 / 0.631.
#: The twentieth (airspace flown into, a violation of it named by a noun, aircraft
#: intercepted): 0.523 / 0.765 and 0.493 / 0.631; 0.528 / 0.766 with appeals made again
#: ("renewed calls for Israel to allow") and an EU officer counted as the EU, as the
#: writers code him; 0.532 / 0.767 with "the allegations" taken up as an accusation.
#: The twenty-first (offers of agreements, "the criticism" and "the agreement" taken up,
#: "the four", "announced the sanctions" aimed as told before): 0.569 / 0.772 and
#: 0.493 / 0.632; 0.574 / 0.773 with "the ministry" taking up a foreign office. The
#: twenty-third (what the source called something, amounts "in aid", a ship's state, a
#: denied act negated): held-out 0.502 / 0.637. The twenty-fourth (aid given by kind, a
#: supply going on background): 0.574 / 0.777 and 0.502 / 0.645; then, with an intent
#: stated an act done, 0.574 / 0.773 and 0.517 / 0.651 (the tuning part's one new event,
#: "Lithuania has pledged to host a permanent German brigade", is unlabelled background;
#: its floor is back to 0.77, where the session found it, as every held-out part rose).
#: The twenty-sixth (a target lent by the same source's act on one state in the sentence
#: next to it; a headline's act with no target one with the body's): 0.583 / 0.771 and
#: 0.552 / 0.645.
#: Twenty-ninth session (a titled person the tagger took for an organisation, and the
#: rules written from the sentence gold's TUNING 2): 0.583 / 0.771 and 0.567 / 0.647.
#: Thirtieth session: 0.599 / 0.780 and 0.572 / 0.649, the tuning part's joint exercise of
#: three navies (T09-a2) labelled again blind as six directed pairs, as the gold README's
#: "both directions" rule asks (it had one, ZAF with no target).
FLOORS = {"tune": (0.59, 0.77), "heldout": (0.57, 0.64)}
#: Of the gold acts found, the share dated as the writers date them (first measured
#: 2026-12-06, fourteenth session: 0.748 / 0.684 with undated acts on the publication
#: day; 0.804 / 0.737 on the day of the statements or meeting the lead tells).
#: 0.829 / 0.737 since the twenty-first (a perfect lead told again with its day, or the
#: statement that made it known); 0.831 / 0.737 at its end.
DATE_FLOORS = {"tune": 0.82, "heldout": 0.73}


@pytest.mark.slow
def test_story_gold_event_floors() -> None:
    bench = bench_module("events_stories")
    from communique import Options, Pipeline

    pipe = Pipeline(Options(stance=False))
    got: dict[str, Any] = {}
    for part in FLOORS:
        arts = bench.load(bench.GOLD, part)
        got[part] = bench.score(arts, bench.emitted(pipe, arts))
    for part, (recall, precision) in FLOORS.items():
        assert got[part]["recall"] >= recall, (part, got[part])
        assert got[part]["precision"] >= precision, (part, got[part])
        assert got[part]["date right"] >= DATE_FLOORS[part], (part, got[part])
