"""Relation series on a small store built here: the series of a sample dyad against a table
computed by hand (counts, sums, means, index) and against the exact bootstrap distribution
(every resample enumerated); an act reported by three outlets counted once; negated and
hypothetical events left out unless --all; coarse dates; charts; the CLI's output, errors
and exit codes."""

from __future__ import annotations

import itertools
import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from communique.cli import cli
from communique.relations import (
    SCHEMA,
    Report,
    plot_series,
    relation_series,
    same_acts,
    top_dyads,
    with_evidence,
)
from communique.store import Store
from conftest import QUAD, day
from conftest import dyad_article as _article

runner = CliRunner()

#: The sample dyad, USA -> CHN. January 2020: five acts, one of them (ACCUSE, 10-11 Jan)
#: reported by three outlets; February: a CONSULT with no date of its own (placed by its
#: publication date), a SUPPORT dated only to the month, a negated ASSAULT and a
#: hypothetical THREATEN. Plus one CHN -> USA act that only --both counts.
ARTICLES = [
    _article(
        "Kestrel News",
        "2020-01-10T09:00Z",
        [
            ("USA", "ACCUSE", "CHN", -2.0, day("2020-01-10")),
            ("person:antony-blinken", "CONSULT", "CHN", 1.0, day("2020-01-09")),
        ],
    ),
    _article(
        "Gulf Lantern", "2020-01-11T08:00Z", [("USA", "ACCUSE", "CHN", -2.0, day("2020-01-10"))]
    ),
    _article(
        "Volga Global",
        "2020-01-12T08:00Z",
        [
            ("USA", "ACCUSE", "CHN", -2.0, day("2020-01-11")),
            ("USA", "AID", "CHN", 7.0, day("2020-01-12")),
        ],
    ),
    _article(
        "The Calloway Ledger",
        "2020-01-25T12:00-05:00",
        [
            ("USA", "SANCTION", "CHN", -8.0, day("2020-01-24")),
            ("USA", "REJECT", "CHN", -4.0, day("2020-01-25")),
            ("CHN", "REJECT", "USA", -4.0, day("2020-01-25")),
        ],
    ),
    _article(
        "Kestrel News",
        "2020-02-03T10:00Z",
        [
            ("USA", "CONSULT", "CHN", 1.0, {}),  # no date: the publication day, 2020-02-03
            ("USA", "SUPPORT", "CHN", 3.0, {"date": "2020-02", "date_precision": "month"}),
            ("USA", "ASSAULT", "CHN", -10.0, {**day("2020-02-02"), "negated": True}),
            ("USA", "THREATEN", "CHN", -6.0, {**day("2020-02-03"), "hypothetical": True}),
        ],
    ),
]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("rel") / "rel.db"
    with Store.open(path) as store:
        run = store.start_run(["built in the test"])
        for a in ARTICLES:
            store.add(a, run)
    return str(path)


def _series(db: str, *args: Any, **kw: Any) -> Any:
    with Store.open(db) as store:
        return relation_series(store, *args, **kw)


#: Computed by hand from ARTICLES: per month, acts, reports, acts by quad class
#: (verbal coop, material coop, verbal conflict, material conflict), intensity sum, mean,
#: index = (coop - conflict) / acts.
HAND = {
    "2020-01": (5, 7, (1, 1, 2, 1), -6.0, -1.2, (2 - 3) / 5),
    "2020-02": (2, 2, (2, 0, 0, 0), 4.0, 2.0, 1.0),
}


def test_series_matches_the_table_computed_by_hand(db: str) -> None:
    s = _series(db, "USA", "CHN", by="month")
    assert [p.period.label for p in s.periods] == ["2020-01", "2020-02"]
    for p in s.periods:
        acts, reports, quads, total, mean, index = HAND[p.period.label]
        assert (p.events, p.reports) == (acts, reports)
        assert tuple(p.quads[q].value for q in QUADS_ORDER) == quads
        assert p.intensity_sum.value == pytest.approx(total)
        assert p.intensity_mean.value == pytest.approx(mean)
        assert p.index.value == pytest.approx(index)
        assert p.few == (acts < 5)
    jan = s.periods[0]
    assert {t: e.value for t, e in jan.types.items()} == {
        "CONSULT": 1,
        "AID": 1,
        "ACCUSE": 1,
        "REJECT": 1,
        "SANCTION": 1,
    }
    assert jan.outlets == 4
    assert s.left_out == {"hypothetical": 1, "negated": 1}


QUADS_ORDER = ("verbal_coop", "material_coop", "verbal_conflict", "material_conflict")


def _exact_quantiles(values: list[float], stat: Any) -> Any:
    """The exact bootstrap distribution of ``stat`` over ``values`` (every one of the n^n
    equally likely resamples), as a quantile function."""
    dist = sorted(stat(r) for r in itertools.product(values, repeat=len(values)))

    def q(p: float) -> float:
        return dist[min(len(dist) - 1, int(p * len(dist)))]

    return q


def test_bootstrap_intervals_match_the_exact_bootstrap(db: str) -> None:
    s = _series(db, "USA", "CHN", by="month", boot=20000, seed=7)
    jan = s.periods[0]
    intensities = [-2.0, 1.0, 7.0, -8.0, -4.0]  # the acts of January, by hand
    coop = [0.0, 1.0, 1.0, 0.0, 0.0]
    for est, values, stat in (
        (jan.intensity_mean, intensities, lambda r: sum(r) / len(r)),
        (jan.intensity_sum, intensities, sum),
        (jan.index, coop, lambda r: (2 * sum(r) - len(r)) / len(r)),
        (jan.quads["verbal_conflict"], [1.0, 0.0, 0.0, 0.0, 1.0], sum),
    ):
        q = _exact_quantiles(values, stat)
        # the 2.5% and 97.5% points, within what 20,000 resamples can tell apart
        assert q(0.015) <= est.low <= q(0.035), (est, q(0.015), q(0.035))
        assert q(0.965) <= est.high <= q(0.985), (est, q(0.965), q(0.985))


def test_the_same_seed_gives_the_same_intervals(db: str) -> None:
    one = _series(db, "USA", "CHN", by="month", seed=3).to_dict()
    assert _series(db, "USA", "CHN", by="month", seed=3).to_dict() == one
    other = _series(db, "USA", "CHN", by="month", seed=4).to_dict()
    assert other["periods"] != one["periods"]  # another seed, other resamples
    # a period's interval does not depend on which other periods are in the series
    cut = _series(db, "USA", "CHN", by="month", seed=3, since="2020-02").to_dict()
    assert cut["periods"] == one["periods"][1:]


def test_an_act_reported_by_three_outlets_counts_once(db: str) -> None:
    jan = _series(db, "USA", "CHN", by="month").periods[0]
    accuse = [a for a in jan.acts if a.type == "ACCUSE"]
    assert len(accuse) == 1
    assert accuse[0].outlets == ("Gulf Lantern", "Kestrel News", "Volga Global")
    assert len(accuse[0].reports) == 3 and accuse[0].date == "2020-01-10"


def test_a_series_without_evidence_has_the_same_numbers_and_reads_it_per_period(db: str) -> None:
    """The web view's chart reads a series without evidence sentences, and one period's
    evidence when it is shown: the same numbers and, for that period, the same acts."""
    full = _series(db, "USA", "CHN", by="month", both=True)
    lean = _series(db, "USA", "CHN", by="month", both=True, evidence=False)
    assert lean.to_dict() == full.to_dict()
    assert all(
        r.evidence is None and r.url is None
        for p in lean.periods
        for a in p.acts
        for r in a.reports
    )
    with Store.open(db) as store:
        for p_lean, p_full in zip(lean.periods, full.periods, strict=True):
            shown = with_evidence(store, p_lean)
            assert shown.acts == p_full.acts
            assert shown.to_dict(with_acts=True) == p_full.to_dict(with_acts=True)
    assert any(r.evidence for a in full.periods[0].acts for r in a.reports)


def _report(d: str, outlet: str, typ: str = "ACCUSE", **kw: Any) -> Report:
    fields: dict[str, Any] = {
        "source": "USA",
        "target": "CHN",
        "type": typ,
        "quad": QUAD[typ],
        "intensity": -2.0,
        "date": d,
        "precision": {4: "year", 7: "month"}.get(len(d), "day"),
        "dated_by": "event",
        "negated": False,
        "hypothetical": False,
        "outlet": outlet,
        "published": d,
        "url": None,
        "evidence": None,
        "article_id": outlet + d,
        "event_id": 0,
    }
    return Report(**{**fields, **kw})


def test_same_acts_rule() -> None:
    acts = same_acts(
        [
            _report("2020-01-12", "A"),
            _report("2020-01-10", "B"),
            _report("2020-01-11", "C"),  # a day after B, the act's first report: B's act
            _report("2020-01-13", "D"),  # A is two days after B: A starts an act, D joins
            _report("2020-01-14", "E"),  # two days after A: not chained on through D
            _report("2020-01-10", "F", typ="REJECT"),  # another type: another act
            _report("2020-01-10", "G", negated=True),  # another flag: another act
            _report("2020-01", "H"),  # dated to a month: never merged with a day...
            _report("2020-01", "I"),  # ...but with the same month
        ]
    )
    groups = sorted("".join(r.outlet or "" for r in a.reports) for a in acts)
    assert groups == ["AD", "BC", "E", "F", "G", "HI"]


def test_negated_and_hypothetical_only_with_all(db: str) -> None:
    feb = _series(db, "USA", "CHN", by="month", all_events=True).periods[1]
    assert sorted(a.type for a in feb.acts) == ["ASSAULT", "CONSULT", "SUPPORT", "THREATEN"]
    assert feb.intensity_sum.value == pytest.approx(1 + 3 - 10 - 6)
    realised = _series(db, "USA", "CHN", by="month").periods[1]
    assert sorted(a.type for a in realised.acts) == ["CONSULT", "SUPPORT"]


def test_dates_both_directions_and_gaps(db: str) -> None:
    week = _series(db, "USA", "CHN", by="week")
    # the month-dated SUPPORT has no week: left out and said so
    assert week.left_out["dated only to the month (coarser than a week)"] == 1
    assert sum(p.events for p in week.periods) == 5 + 1
    labels = [p.period.label for p in week.periods]
    assert labels[0] == "2020-W02" and labels[-1] == "2020-W06"
    assert len(labels) == 5  # empty weeks between are shown, with no acts
    assert week.periods[1].events == 0 and week.periods[1].index.value is None
    consult = next(a for p in week.periods for a in p.acts if a.date == "2020-02-03")
    assert consult.first.dated_by == "published"
    both = _series(db, "USA", "CHN", by="quarter", both=True)
    assert [(p.period.label, p.events) for p in both.periods] == [("2020-Q1", 5 + 1 + 2)]


def test_top_dyads(db: str) -> None:
    with Store.open(db) as store:
        top = top_dyads(store, 5)
    assert [(d.source, d.target, d.events, d.reports) for d in top] == [
        ("USA", "CHN", 7, 9),
        ("CHN", "USA", 1, 1),
    ]
    with Store.open(db) as store:
        feb = top_dyads(store, 5, since="2020-02")
    assert [(d.source, d.target, d.events) for d in feb] == [("USA", "CHN", 2)]


def test_top_dyads_leave_out_acts_at_home(tmp_path: Path) -> None:
    # an act at home (USA -> USA) is no dyad: the dyad page takes two different actors
    home = _article(
        "Kestrel News",
        "2020-03-02T10:00Z",
        [("USA", "ACCUSE", "USA", -2.0, day("2020-03-02"))] * 3
        + [("USA", "ACCUSE", "CHN", -2.0, day("2020-03-02"))],
    )
    with Store.open(tmp_path / "home.db") as store:
        store.add(home, store.start_run(["built in the test"]))
        top = top_dyads(store, 5)
    assert [(d.source, d.target) for d in top] == [("USA", "CHN")]


def test_plot_files_are_valid_png_and_svg(db: str, tmp_path: Path) -> None:
    s = _series(db, "USA", "CHN", by="week")
    png = plot_series(s, tmp_path / "r.png")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    svg = plot_series(s, tmp_path / "r.svg")
    root = ET.parse(svg).getroot()
    assert root.tag.endswith("svg")
    assert plot_series(s, tmp_path / "again.svg").read_bytes() == svg.read_bytes()


def _cli(db: str, *args: str) -> Any:
    return runner.invoke(cli, ["relations", "--db", db, *args])


def test_cli_formats(db: str, tmp_path: Path) -> None:
    res = _cli(db, "USA", "CHN", "--format", "json", "--events")
    assert res.exit_code == 0, res.output
    doc = json.loads(res.output)
    assert doc["schema"] == SCHEMA and doc["dyad"] == {"a": "USA", "b": "CHN", "directed": True}
    jan = doc["periods"][0]
    assert (jan["events"], jan["reports"]) == (5, 7)
    accuse = next(a for a in jan["acts"] if a["type"] == "ACCUSE")
    assert len(accuse["reports"]) == 3 and all(r["evidence"] for r in accuse["reports"])
    res = _cli(db, "USA", "CHN", "--format", "csv")
    lines = res.output.splitlines()
    assert lines[0].startswith("period,start,end,events,reports,outlets,few_events,index,")
    assert lines[1].startswith("2020-01,2020-01-01,2020-01-31,5,7,4,false,-0.2,")
    res = _cli(db, "USA", "CHN", "--plot", str(tmp_path / "c.png"), "--events")
    assert res.exit_code == 0, res.output
    assert "2020-02  2*" in res.output and "Gulf Lantern" in res.output
    assert (tmp_path / "c.png").exists()
    res = _cli(db, "--top", "2")
    assert res.exit_code == 0 and res.output.splitlines()[2].split()[:4] == [
        "USA",
        "CHN",
        "7",
        "9",
    ]


def test_cli_errors_and_exit_codes(db: str, tmp_path: Path) -> None:
    def fails(*args: str, code: int = 2) -> str:
        res = _cli(db, *args)
        assert res.exit_code == code, (args, res.output)
        assert "Traceback" not in res.output
        return res.output

    assert "expected an actor code" in fails("USA", "Zorglub")
    assert "two actors" in fails("USA")
    assert "not a date" in fails("USA", "CHN", "--since", "2020-13")
    assert "week" in fails("USA", "CHN", "--by", "fortnight")
    assert ".png or .svg" in fails("USA", "CHN", "--plot", str(tmp_path / "x.pdf"))
    assert "same" in fails("USA", "usa")
    assert "--top" in fails("USA", "CHN", "--top", "3")
    out = fails("CHN", "USA", "--since", "2020-02", code=1)
    assert "no realised events from CHN to USA since 2020-02" in out and "--both" in out
