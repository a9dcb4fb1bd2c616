"""Queries from the command line on a small store built here: dyads, actor arguments
(codes, IGO short names, ids, names; ambiguous and unknown ones), event types, quads, CAMEO
prefixes, event dates, outlets by name or domain, full-text search, tables that fit 80
columns, and bad input as one line with exit code 2."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from communique.cli import cli
from communique.records import Actor, Analysis, Article, Event, Quote, Span, article_id
from communique.store import (
    EXTRA_COLUMNS,
    GDELT_COLUMNS,
    ICEWS_COLUMNS,
    POLECAT_COLUMNS,
    Filters,
    Store,
    export_store,
    query_plan,
)

runner = CliRunner()


def _event(i: int, text: str, src: str, tgt: str, typ: str, **kw: Any) -> Event:
    whole = Span(0, len(text), text)
    return Event(i, typ, whole, Span(0, 1, text[0]), src, tgt, **kw)


def _analysis(
    outlet: str,
    url: str,
    published: str,
    title: str,
    text: str,
    actors: tuple[Actor, ...],
    events: tuple[Event, ...],
    quotes: tuple[Quote, ...] = (),
) -> Analysis:
    art = Article(
        article_id(outlet, text), text, url=url, outlet=outlet, title=title, published=published
    )
    return Analysis(art, actors=actors, events=events, quotes=quotes)


USA = Actor("USA", "United States", "state", "USA", "USA", None)
CHN = Actor("CHN", "China", "state", "CHN", "CHN", None)
RUS = Actor("RUS", "Russia", "state", "RUS", "RUS", None)
UKR = Actor("UKR", "Ukraine", "state", "UKR", "UKR", None)
WHO = Actor("igo:WHO", "World Health Organization", "IGO", "IGO", None, "IGO")
WANG_YI = Actor("person:wang-yi", "Wang Yi", "person", "CHN", "CHN", "DIP", "Foreign Minister")
WANG_MING = Actor("learned:wang-ming", "Wang Ming", "person", "CHN", "CHN", "GOV", learned=True)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("q") / "q.db"
    first = "=HYPERLINK(1) The United States accused China of hiding data."
    a1 = _analysis(
        "Silk Meridian",
        "https://www.silk-meridian.example/2019/11/20/a",
        "2019-11-20T10:00+08:00",
        "Pressure on Beijing",
        first,
        (USA, CHN, WHO, WANG_YI, WANG_MING),
        (
            _event(
                0,
                first,
                "USA",
                "CHN",
                "ACCUSE",
                cameo="112",
                quad="verbal_conflict",
                intensity=-2.0,
                date="2019-11-19",
                date_precision="day",
                also=(Span(0, 13, first[:13]),),  # stated twice in the article
            ),
            _event(
                1,
                "China rejected the claims.",
                "CHN",
                "USA",
                "REJECT",
                cameo="128",
                quad="verbal_conflict",
                intensity=-4.0,
                date="2019-11",
                date_precision="month",
            ),
            _event(
                2,
                "The WHO asked China for samples.",
                "igo:WHO",
                "CHN",
                "REQUEST",
                cameo="10",
                quad="verbal_conflict",
                date="2019",
                date_precision="year",
            ),
            _event(
                3,
                "Wang Yi met US envoys.",
                "person:wang-yi",
                "USA",
                "CONSULT",
                cameo="040",
                quad="verbal_coop",
                intensity=1.0,
                date="2020-01-05",
                date_precision="day",
            ),
            _event(
                4,
                "Wang Ming praised the deal.",
                "learned:wang-ming",
                "USA",
                "SUPPORT",
                cameo="051",
                quad="verbal_coop",
                date="2019-11-20",
                date_precision="day",
            ),
        ),
        (
            Quote(
                0,
                "direct",
                (Span(0, 5, "=HYPE"),),
                Span(0, 10, first[:10]),
                speaker_actor_id="person:wang-yi",
            ),
        ),
    )
    text2 = "Russia shelled Ukraine, the alliance said, and Washington sanctioned Moscow."
    a2 = _analysis(
        "Kestrel News",
        "https://news.kestrel.example/2021/05/01/b",
        "2021-05-01T09:00Z",
        "Alliance talks fail",
        text2,
        (RUS, UKR, USA),
        (
            _event(
                0,
                text2,
                "RUS",
                "UKR",
                "ASSAULT",
                cameo="190",
                quad="material_conflict",
                intensity=-10.0,
                negated=True,
                date="2021-04-30",
                date_precision="day",
            ),
            _event(
                1,
                text2,
                "USA",
                "RUS",
                "SANCTION",
                cameo="163",
                quad="material_conflict",
                intensity=-8.0,
                date="2021-05-01",
                date_precision="day",
            ),
        ),
    )
    with Store.open(path) as store:
        run = store.start_run(["built in the test"])
        store.add(a1, run)
        store.add(a2, run)
    return str(path)


def _json(db: str, *args: str, kind: str = "events") -> list[dict[str, Any]]:
    res = runner.invoke(cli, [kind, "--db", db, "--format", "json", *args])
    assert res.exit_code == 0, res.output
    rows: list[dict[str, Any]] = json.loads(res.output)
    return rows


def _pairs(rows: list[dict[str, Any]]) -> set[tuple[str, str, str]]:
    return {(r["source_actor_id"], r["type"], r["target_actor_id"]) for r in rows}


def _fails(db: str, *args: str, kind: str = "events") -> str:
    res = runner.invoke(cli, [kind, "--db", db, *args])
    assert res.exit_code == 2, (args, res.output)
    assert res.output.startswith("communique: ") and res.output.count("\n") == 1, res.output
    assert "Traceback" not in res.output
    return res.output


def test_source_target_dyad_and_between(db: str) -> None:
    assert _pairs(_json(db, "--source", "USA")) == {
        ("USA", "ACCUSE", "CHN"),
        ("USA", "SANCTION", "RUS"),
    }
    assert {r["type"] for r in _json(db, "--target", "CHN")} == {"ACCUSE", "REQUEST"}
    assert _pairs(_json(db, "--dyad", "USA:CHN")) == {("USA", "ACCUSE", "CHN")}
    # a country code takes in its people and bodies: Wang Yi and Wang Ming are CHN
    assert {r["type"] for r in _json(db, "--dyad", "CHN:USA")} == {"REJECT", "CONSULT", "SUPPORT"}
    assert {r["type"] for r in _json(db, "--between", "USA", "CHN")} == {
        "ACCUSE",
        "REJECT",
        "CONSULT",
        "SUPPORT",
    }
    assert {r["type"] for r in _json(db, "--dyad", "igo:WHO:CHN")} == {"REQUEST"}


def test_repeated_actors_match_any_of_them(db: str) -> None:
    rus = _json(db, "--actor", "RUS")
    assert _json(db, "--actor", "rus") == rus
    who = _json(db, "--actor", "WHO")
    both = _json(db, "--actor", "RUS", "--actor", "WHO")
    assert rus and who and len(both) == len(rus) + len(who)


def test_actor_arguments(db: str) -> None:
    who = _pairs(_json(db, "--actor", "WHO"))
    assert who == {("igo:WHO", "REQUEST", "CHN")}
    assert _pairs(_json(db, "--actor", "igo:WHO")) == who
    assert _pairs(_json(db, "--actor", "World Health Organization")) == who
    assert {r["type"] for r in _json(db, "--source", "Wang Yi")} == {"CONSULT"}
    assert {r["type"] for r in _json(db, "--source", "China")} == {"REJECT", "CONSULT", "SUPPORT"}
    out = _fails(db, "--actor", "Wang")
    assert "ambiguous" in out and "person:wang-yi" in out and "learned:wang-ming" in out
    for unknown in ("Zorglub", "%", "_"):
        assert "expected an actor code" in _fails(db, "--actor", unknown)
    assert "SOURCE:TARGET" in _fails(db, "--dyad", "USA")


def test_type_quad_and_cameo(db: str) -> None:
    assert {r["type"] for r in _json(db, "--type", "accuse", "--type", "SANCTION")} == {
        "ACCUSE",
        "SANCTION",
    }
    coop = {r["type"] for r in _json(db, "--quad", "verbal_coop")}
    assert coop == {"CONSULT", "SUPPORT"} == {r["type"] for r in _json(db, "--quad", "1")}
    assert {r["cameo"] for r in _json(db, "--cameo", "11*")} == {"112"}
    assert {r["cameo"] for r in _json(db, "--cameo", "1*")} == {"112", "128", "10", "190", "163"}
    assert {r["cameo"] for r in _json(db, "--cameo", "040")} == {"040"}
    assert "PLOVER" in _fails(db, "--type", "HUG")
    assert "quad class" in _fails(db, "--quad", "5")
    assert "CAMEO code" in _fails(db, "--cameo", "1x")


def test_event_dates_beside_publication_dates(db: str) -> None:
    # a month or a year that overlaps the bound counts; a day before it does not
    assert {
        r["date"] for r in _json(db, "--event-since", "2019-11-20", "--event-until", "2019-12")
    } == {
        "2019-11",
        "2019",
        "2019-11-20",
    }
    assert {r["date"] for r in _json(db, "--event-until", "2019-11-19")} == {
        "2019-11-19",
        "2019-11",
        "2019",
    }
    # publication dates are another filter: A2 was published in 2021
    assert {r["date"] for r in _json(db, "--since", "2021", "--event-until", "2021-04")} == {
        "2021-04-30"
    }
    assert len(_json(db, "--until", "2019-11-20")) == 5
    assert _json(db, "--until", "2019-11-19") == []


@pytest.mark.parametrize("bad", ["19/11/2019", "2019-13-45", "2019-02-30", "soon", "20191119"])
@pytest.mark.parametrize("option", ["--since", "--until", "--event-since", "--event-until"])
def test_bad_dates_say_what_is_expected(db: str, option: str, bad: str) -> None:
    assert "YYYY-MM-DD" in _fails(db, option, bad)


def test_outlets_by_name_or_domain(db: str) -> None:
    for outlet in ("Kestrel News", "kestrel news", "kestrel.example", "news.kestrel.example"):
        rows = _json(db, "--outlet", outlet)
        assert {r["outlet"] for r in rows} == {"Kestrel News"}, outlet
    assert len(_json(db, "--outlet", "kestrel.example", "--outlet", "silk-meridian.example")) == 7
    assert "no outlet" in _fails(db, "--outlet", "nytimes.com")
    assert "no outlet" in _fails(db, "--outlet", "%")


def test_quotes_and_articles_take_the_filters_they_have(db: str) -> None:
    quotes = _json(db, "--actor", "Wang Yi", kind="quotes")
    assert [q["speaker"] for q in quotes] == ["Wang Yi"]
    assert _json(db, "--actor", "RUS", kind="quotes") == []
    arts = _json(db, "--actor", "WHO", kind="articles")
    assert [a["outlet"] for a in arts] == ["Silk Meridian"]
    assert len(_json(db, "--since", "2021-05", kind="articles")) == 1
    res = runner.invoke(cli, ["quotes", "--db", db, "--dyad", "USA:CHN"])
    assert res.exit_code == 2


def test_huge_limits_and_unknown_columns_are_one_line_errors(db: str) -> None:
    assert "--limit" in _fails(db, "--limit", "9" * 20)
    assert "choose from" in _fails(db, "--columns", "date,nonsense")


def test_tables_fit_80_columns(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    for kind in ("events", "quotes", "articles"):
        res = runner.invoke(cli, [kind, "--db", db])
        assert res.exit_code == 0, res.output
        lines = res.stdout.splitlines()
        assert lines and max(len(x) for x in lines) <= 80, res.stdout
    res = runner.invoke(cli, ["events", "--db", db, "--columns", "date,cameo,intensity"])
    header = res.stdout.splitlines()[0].split()
    assert header == ["date", "cameo", "intensity"]


def test_a_squeezed_table_wraps_whole_words(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Short columns that leave the text less than its usual width: the text wraps at
    words, none is cut at the edge ("held talk" for "held talks")."""
    monkeypatch.setenv("COLUMNS", "80")
    cols = "source,type,target,date,quad,cameo,intensity,evidence"
    res = runner.invoke(cli, ["events", "--db", db, "--columns", cols, "--type", "REJECT"])
    assert res.exit_code == 0, res.output
    assert max(len(x) for x in res.stdout.splitlines()) <= 80
    printed = set(res.stdout.split())
    assert {"China", "rejected", "the", "claims."} <= printed, res.stdout


def test_search_uses_the_full_text_index(db: str) -> None:
    rows = _json(db, "alliance", kind="search")
    assert [r["outlet"] for r in rows] == ["Kestrel News"] and "[alliance]" in rows[0]["match"]
    assert _json(db, "alliance", "--actor", "CHN", kind="search") == []
    assert len(_json(db, "alliance OR accused", kind="search")) == 2
    assert "cannot search" in _fails(db, '"unbalanced', kind="search")


def test_csv_cells_cannot_run_as_formulas(db: str) -> None:
    res = runner.invoke(cli, ["events", "--db", db, "--format", "csv", "--type", "ACCUSE"])
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert rows[0]["evidence"].startswith("'=HYPERLINK")
    assert rows[0]["intensity"] == "-2.0"  # numbers stay numbers
    res = runner.invoke(cli, ["quotes", "--db", db, "--format", "csv"])
    quote = next(csv.DictReader(io.StringIO(res.stdout)))
    assert quote["content"] == "'=HYPE"


# -- exports in the field's layouts ------------------------------------------------------


def _export(db: str, tmp_path: Path, fmt: str, *args: str) -> Path:
    out = tmp_path / f"events.{fmt}.tsv"
    res = runner.invoke(cli, ["export", "--db", db, "--format", fmt, "--out", str(out), *args])
    assert res.exit_code == 0, res.output
    return out


def test_gdelt_export_loads_with_pandas_under_gdelt_column_names(db: str, tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    path = _export(db, tmp_path, "gdelt")
    codes = {c: str for c in ("EventCode", "EventBaseCode", "EventRootCode")}
    df = pd.read_csv(
        path,
        sep="\t",
        header=None,
        names=[*GDELT_COLUMNS, *EXTRA_COLUMNS],
        dtype=codes,
        quoting=csv.QUOTE_NONE,
    )
    assert len(GDELT_COLUMNS) == 61 and GDELT_COLUMNS[:3] == (
        "GLOBALEVENTID",
        "SQLDATE",
        "MonthYear",
    )
    assert GDELT_COLUMNS[-2:] == ("DATEADDED", "SOURCEURL") and len(df) == 7
    for col in ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "QuadClass", "NumArticles"):
        assert str(df[col].dtype) == "int64", col
    assert df["GLOBALEVENTID"].is_unique
    assert str(df["GoldsteinScale"].dtype) == "float64" and str(df["negated"].dtype) == "bool"
    by_type = df.set_index("plover_type")
    accuse = by_type.loc["ACCUSE"]
    assert (accuse["SQLDATE"], accuse["MonthYear"], accuse["Year"]) == (20191119, 201911, 2019)
    assert (accuse["Actor1Code"], accuse["Actor1Name"], accuse["Actor2CountryCode"]) == (
        "USA",
        "UNITED STATES",
        "CHN",
    )
    assert (accuse["EventCode"], accuse["EventBaseCode"], accuse["EventRootCode"]) == (
        "112",
        "112",
        "11",
    )
    assert accuse["QuadClass"] == 3 and accuse["GoldsteinScale"] == -2.0
    assert accuse["IsRootEvent"] == 1 and accuse["evidence"].startswith("'=HYPERLINK")
    assert accuse["SOURCEURL"] == "https://www.silk-meridian.example/2019/11/20/a"
    assert len(str(accuse["DATEADDED"])) == 14
    consult = by_type.loc["CONSULT"]  # Wang Yi: a Chinese diplomat is CAMEO's CHNGOV
    assert (consult["Actor1Code"], consult["Actor1Type1Code"], consult["EventCode"]) == (
        "CHNGOV",
        "GOV",
        "040",
    )
    assert by_type.loc["REQUEST"]["Actor1Code"] == "IGO"
    assert by_type.loc["REJECT"]["SQLDATE"] == 20191100  # a month: the day is unknown
    assert df["ActionGeo_Lat"].isna().all() and df["AvgTone"].isna().all()
    assert accuse["NumMentions"] == 2  # stated twice: the further statement is `also`
    assert set(df["NumMentions"]) == {1, 2} and set(df["NumArticles"]) == {1}


def test_layout_exports_take_the_event_filters(db: str, tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    path = _export(db, tmp_path, "gdelt", "--dyad", "USA:CHN")
    rows = path.read_text(encoding="utf-8").splitlines()
    assert len(rows) == 1 and rows[0].split("\t")[len(GDELT_COLUMNS) + 2] == "ACCUSE"
    polecat = pd.read_csv(
        _export(db, tmp_path, "polecat", "--between", "USA", "RUS"), sep="\t", quoting=3
    )
    assert list(polecat.columns) == [*POLECAT_COLUMNS, *EXTRA_COLUMNS]
    assert polecat.loc[0, "Event Type"] == "SANCTION" and polecat.loc[0, "Actor Country"] == "USA"
    assert polecat.loc[0, "Quad Code"] == 4 and polecat.loc[0, "Version"] == "communique/3"
    icews = pd.read_csv(_export(db, tmp_path, "icews", "--type", "ACCUSE"), sep="\t", quoting=3)
    assert list(icews.columns) == [*ICEWS_COLUMNS, *EXTRA_COLUMNS]
    row = icews.iloc[0]
    assert (row["Source Country"], row["Target Country"], row["Event Text"]) == (
        "United States",
        "China",
        "Accuse",
    )
    assert str(row["CAMEO Code"]) == "112" and row["Publisher"] == "Silk Meridian"


def test_export_errors_are_one_line(db: str, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    res = runner.invoke(
        cli, ["export", "--db", db, "--format", "gdelt", "--out", str(blocker / "x")]
    )
    assert res.exit_code == 2 and res.output.startswith("communique: cannot read or write")
    res = runner.invoke(
        cli,
        ["export", "--db", db, "--format", "csv", "--out", str(tmp_path / "c"), "--actor", "RUS"],
    )
    assert res.exit_code == 2 and "filters apply to gdelt" in res.output
    res = runner.invoke(cli, ["export", "--db", db, "--format", "icews", "--since", "19/11/2019"])
    assert res.exit_code == 2 and "YYYY-MM-DD" in res.output


def test_tables_say_what_did_not_or_may_happen(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    res = runner.invoke(cli, ["events", "--db", db, "--columns", "date,source,type,target"])
    assert "not ASSAULT" in res.stdout and "\nnot " not in res.stdout


def test_columns_pick_fields_in_every_format(db: str) -> None:
    rows = _json(db, "--columns", "date,cameo", "--type", "ACCUSE")
    assert rows == [{"date": "2019-11-19", "cameo": "112"}]
    res = runner.invoke(cli, ["events", "--db", db, "--format", "csv", "--columns", "type,quad"])
    assert res.stdout.splitlines()[0] == "type,quad" and len(res.stdout.splitlines()) == 8
    assert _json(db, "--type", "AID") == []


def test_layout_exports_stream_in_batches(db: str, tmp_path: Path) -> None:
    fetched: list[int] = []
    with Store.open(db) as store:
        real = store.conn

        class Spy:
            def execute(self, *args: Any) -> Any:
                cur = real.execute(*args)

                class Cursor:
                    def fetchmany(self, size: int) -> list[Any]:
                        fetched.append(size)
                        return cur.fetchmany(size)

                    def fetchall(self) -> list[Any]:
                        raise AssertionError("a layout export must stream, not fetchall()")

                    def __getattr__(self, name: str) -> Any:
                        return getattr(cur, name)

                return Cursor()

            def __getattr__(self, name: str) -> Any:
                return getattr(real, name)

        store.conn = Spy()  # type: ignore[assignment]  # a spy on the rows read
        export_store(store, "gdelt", str(tmp_path / "g.tsv"), batch_rows=2)
    assert fetched and max(fetched) == 2 and len(fetched) >= 4  # 7 events, 2 at a time
    assert len((tmp_path / "g.tsv").read_text(encoding="utf-8").splitlines()) == 7


@pytest.mark.parametrize(
    ("kind", "filters"),
    [
        ("events", Filters(dyads=("USA:CHN",))),
        ("events", Filters(actors=("RUS", "WHO"))),
        ("events", Filters(between=(("USA", "CHN"),), types=("ACCUSE",))),
        ("events", Filters(sources=("person:wang-yi",))),
        ("quotes", Filters(actors=("Wang Yi",))),
        ("articles", Filters(since="2020", until="2021-05")),
    ],
)
def test_queries_search_through_indexes(db: str, kind: str, filters: Filters) -> None:
    """No full scan where an index serves, and events are found from their actor columns,
    never by searching every event of every actors row with a code (a square cost)."""
    with Store.open(db) as store:
        plan = query_plan(store, kind, filters)
    assert not [step for step in plan if step.startswith("SCAN") and "VIRTUAL TABLE" not in step]
    assert not any(s.startswith("SEARCH sa ") and "actors_code" in s for s in plan), plan


def test_table_exports_carry_codes_booleans_and_no_formulas(db: str, tmp_path: Path) -> None:
    res = runner.invoke(cli, ["export", "--db", db, "--format", "csv", "--out", str(tmp_path)])
    assert res.exit_code == 0, res.output
    with open(tmp_path / "events.csv", encoding="utf-8", newline="") as fh:
        events = {r["type"]: r for r in csv.DictReader(fh)}
    consult = events["CONSULT"]
    assert (consult["source_actor_id"], consult["source_actor_code"]) == ("person:wang-yi", "CHN")
    assert consult["target_actor_code"] == "USA" and consult["negated"] == "false"
    assert events["ASSAULT"]["negated"] == "true"
    assert events["ACCUSE"]["evidence_text"].startswith("'=HYPERLINK")
    res = runner.invoke(cli, ["events", "--db", db, "--format", "csv", "--type", "ASSAULT"])
    assert next(csv.DictReader(io.StringIO(res.stdout)))["negated"] == "true"


def test_absurd_limits_and_unwritable_outputs_are_one_line_errors(db: str, tmp_path: Path) -> None:
    """Issue 17: a limit past 2^63 and an export into a folder that cannot be written were
    tracebacks."""
    assert "--limit" in _fails(db, "--limit", "99999999999999999999")
    out = tmp_path / "no" / "such" / "folder" / "e.csv"
    (tmp_path / "no").write_text("a file where a folder should be")
    assert "cannot" in _fails(db, "--format", "csv", "--out", str(out), kind="export")
