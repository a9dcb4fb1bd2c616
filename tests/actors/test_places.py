"""Cities and regions (places.csv): a place names its state when used for it ("Russian
forces shelled Kharkiv"), is only a location otherwise ("met in Odesa"), and an act of
force on what lies in a place is aimed at the place's state."""

from __future__ import annotations

from typing import Any

import pytest

from communique.actors import Registry
from conftest import analyze_sentence as _analyze
from conftest import coded_events as _coded


def _mentions(pipeline: Any, text: str) -> dict[str, str | None]:
    an = _analyze(pipeline, text)
    out = {}
    for m in an.mentions:
        a = an.actor(m.actor_id)
        out[m.span.text] = a.code if a else None
    return out


def test_every_place_row_names_a_known_state() -> None:
    reg = Registry.load()
    places = [e for e in reg.entries() if e.kind == "state"]
    assert {e.code for e in places} <= set(reg.countries)
    odesa = reg.lookup("Odessa")
    assert [e.code for e in odesa] == ["UKR"] and odesa[0].via == "place"


@pytest.mark.parametrize(
    ("text", "place", "code"),
    [
        ("Russian forces shelled Kharkiv.", "Kharkiv", "UKR"),
        ("Russia attacked the port of Odesa with missiles.", "Odesa", "UKR"),
        ("Russian forces fired cruise missiles at Odesa overnight.", "Odesa", "UKR"),
        ("Kharkiv officials said the city was hit.", "Kharkiv officials", "UKR"),
        # where something happens: a location, no actor
        ("Zelensky met Erdogan in Odesa.", "Odesa", None),
        ("Ukrainian troops advanced in the Kursk region.", "Kursk region", None),
        # a thing named after a place is not its state's
        ("Berlin backs the Istanbul talks.", "Istanbul", None),
    ],
)
def test_a_place_names_its_state_when_used_for_it(
    pipeline: Any, text: str, place: str, code: str | None
) -> None:
    assert _mentions(pipeline, text).get(place, "absent") == code


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Russian forces shelled Kharkiv.", ("RUS", "UKR")),
        ("Russian forces shelled villages near Kharkiv.", ("RUS", "UKR")),
        (
            "The Russian armed forces carried out a strike with drones on facilities in the "
            "Odessa region overnight.",
            ("RUS", "UKR"),
        ),
        ("Ukrainian drones struck the Belgorod region.", ("UKR", "RUS")),
    ],
)
def test_force_on_a_place_is_force_on_its_state(pipeline: Any, text: str, want: Any) -> None:
    coded = _coded(_analyze(pipeline, text))
    assert any((s, t) == want and ty == "ASSAULT" for s, t, ty, _ in coded), coded


def test_a_deployment_at_home_has_no_target(pipeline: Any) -> None:
    coded = _coded(_analyze(pipeline, "Russia deployed troops in Belgorod."))
    assert [(s, t, ty) for s, t, ty, _ in coded] == [("RUS", None, "MOBILIZE")]


@pytest.mark.parametrize(
    ("published", "want"),
    [("1992-03-02", ("SDN", "SDN")), ("2015-03-02", ("SDN", "SSD"))],
)
def test_a_city_before_its_states_independence_is_the_older_states(
    pipeline: Any, published: str, want: Any
) -> None:
    text = "Sudanese rebels shelled the southern regional capital Juba on Sunday."
    coded = _coded(_analyze(pipeline, text, published))
    assert any((s, t) == want and ty == "ASSAULT" for s, t, ty, _ in coded), coded
