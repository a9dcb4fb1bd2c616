"""Stories: grouping articles into stories (stable ids, incremental equals batch, merges),
story events, and the outlet comparison on a sample story."""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from click.testing import CliRunner

from communique.cli import cli
from communique.store import Store
from communique.stories import (
    Assigner,
    Features,
    StoryEvent,
    StoryOptions,
    assign_stories,
    group_acts,
    rebuild_stories,
    reports_of,
    resolve_story,
    sentence_vectors,
    story_markdown,
    story_report,
)
from conftest import SAMPLES

#: Story C of samples/README.md: US sanctions on Chinese shipping firms (Sept 2020), told by
#: a US paper, Chinese state media and an Indian daily.
STORY_C = [
    SAMPLES / "text" / "calloway-2020-09-25-chinese-shipping-sanctions.txt",
    SAMPLES / "text" / "silkmeridian-2020-09-25-long-arm-jurisdiction.txt",
    SAMPLES / "html" / "coromandel-2020-09-25-indian-refiners-alert.html",
]
#: Story F (Russian troops to the Finnish border) and an unrelated story the same year.
OTHERS = [
    SAMPLES / "text" / "volgaglobal-2023-04-12-northwestern-flank.txt",
    SAMPLES / "html" / "rhineobserver-2023-04-12-russia-troops-finnish-border.html",
    SAMPLES / "text" / "gulflantern-2023-05-16-qatar-germany-hydrogen.txt",
]


def _analyze(db: Path, paths: list[Path]) -> None:
    res = CliRunner().invoke(
        cli,
        [
            "analyze",
            "-q",
            "--no-stance",
            "--db",
            str(db),
            "--outlets",
            str(SAMPLES / "outlets.csv"),
            *map(str, paths),
        ],
    )
    assert res.exit_code == 0, res.output


def _stories(db: Path) -> dict[str, str]:
    with Store.open(db) as store:
        return {
            r[0]: r[1]
            for r in store.query(
                "SELECT a.origin, s.story_id FROM story_articles s "
                "JOIN articles a ON a.id = s.article_id"
            )
        }


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("stories") / "c.db"
    _analyze(db, STORY_C + OTHERS)
    return db


def _story_of(db: Path, name: str) -> str:
    return next(s for origin, s in _stories(db).items() if name in origin)


def test_sample_stories_group_by_happening(sample_db: Path) -> None:
    by = _stories(sample_db)
    c = {by[str(p)] for p in STORY_C}
    f = {by[str(p)] for p in OTHERS[:2]}
    assert len(c) == 1 and len(f) == 1, by
    assert c != f and by[str(OTHERS[2])] not in c | f


def test_comparison_names_the_omission_and_the_sources(sample_db: Path) -> None:
    sid = _story_of(sample_db, "calloway-2020-09-25")
    with Store.open(sample_db) as store:
        report = story_report(store, sid)
    outlets = {o["outlet"]: o for o in report["outlets"]}
    assert set(outlets) == {"The Calloway Ledger", "Silk Meridian", "The Coromandel Post"}
    assert outlets["Silk Meridian"]["state_affiliated"]
    assert not outlets["The Calloway Ledger"]["state_affiliated"]
    assert outlets["The Calloway Ledger"]["first_reporter"]
    events = {e["act"]: e for e in report["events"]}
    # the sanctions themselves: told by the US paper, by Chinese state media and, in
    # passing, by the Indian daily ("after the United States blacklisted five Chinese
    # shipping companies"), counted once
    sanction = [e for e in events.values() if e["type"] == "SANCTION" and e["source"] == "USA"]
    assert len(sanction) == 1 and sanction[0]["sources"] == 3, sanction
    # China's demand that the US stop, told by the other two, is left out by the Indian
    # daily, which tells the story from its refiners' side
    demand = [e for e in events.values() if e["source"] == "CHN" and e["target"] == "USA"]
    left = outlets["The Coromandel Post"]["left_out_events"]
    assert demand and demand[0]["act"] in left, (demand, left)
    # whom each quoted: Pompeo in the US paper, not in Chinese state media
    speakers = {o: {s["speaker"] for s in v["speakers"]} for o, v in outlets.items()}
    assert "Mike Pompeo" in speakers["The Calloway Ledger"]
    assert "Mike Pompeo" not in speakers["Silk Meridian"]
    assert "Mike Pompeo" in outlets["Silk Meridian"]["left_out_voices"] or any(
        s["country"] == "CHN" for s in outlets["Silk Meridian"]["speakers"]
    )
    md = story_markdown(report)
    assert "### Left out" in md and "The Coromandel Post" in md and "SANCTION" in md
    assert "**state-affiliated**" in md


def test_senkaku_sample_omissions_and_sources(tmp_path: Path) -> None:
    """Story K of samples/README.md: four outlets, each leaving out something others told."""
    db = tmp_path / "k.db"
    _analyze(db, [SAMPLES / "jsonl" / "stories.jsonl"])
    (sid,) = set(_stories(db).values())
    with Store.open(db) as store:
        report = story_report(store, sid)
    outlets = {o["outlet"]: o for o in report["outlets"]}
    assert len(outlets) == 4
    acts = {e["act"]: e for e in report["events"]}
    protest = next(
        e
        for e in acts.values()
        if e["source"] == "JPN" and e["target"] == "CHN" and e["sources"] >= 3
    )
    backing = next(e for e in acts.values() if e["source"] == "USA" and e["type"] == "SUPPORT")
    # Chinese state media leave out Japan's protest and the US backing that the others report
    assert {protest["act"], backing["act"]} <= set(outlets["Silk Meridian"]["left_out_events"])
    assert backing["act"] in outlets["Meuse Wire"]["left_out_events"]
    # and quote other people: the Chinese spokesman, not Japan's foreign minister
    silk = {x["speaker"] for x in outlets["Silk Meridian"]["speakers"]}
    ledger = {x["speaker"] for x in outlets["The Calloway Ledger"]["speakers"]}
    assert "Wang Wenbin" in silk and "Yoko Kamikawa" not in silk
    assert {"Yoko Kamikawa", "Rahm Emanuel"} <= ledger
    assert "Yoko Kamikawa" in outlets["Silk Meridian"]["left_out_voices"]
    assert "Wang Wenbin" in outlets["The Calloway Ledger"]["left_out_voices"]


def test_relation_series_count_story_events(sample_db: Path) -> None:
    from communique.relations import relation_series

    with Store.open(sample_db) as store:
        series = relation_series(store, "USA", "CHN", by="month", boot=10)
        story_acts = {
            f"{r[0]}#{r[1]}" for r in store.query("SELECT story_id, act FROM story_events")
        }
    (period,) = [p for p in series.periods if p.events]
    (sanction,) = [a for a in period.acts if a.type == "SANCTION"]
    # told by 3 outlets (one of them in its headline too), counted once
    assert len(sanction.outlets) == 3 and len(sanction.reports) >= 3, sanction.reports
    assert all(r.story_act in story_acts for r in sanction.reports)
    assert len({r.story_act for r in sanction.reports}) == 1


def test_a_recode_refreshes_story_events(sample_db: Path, tmp_path: Path) -> None:
    import shutil

    db = tmp_path / "recoded.db"
    shutil.copy(sample_db, db)
    with Store.open(db) as store:
        before = _stories(db)
        store.conn.execute("DELETE FROM story_events")  # stale: the recode must rewrite them
        store.conn.commit()
    res = CliRunner().invoke(cli, ["recode", "--db", str(db), "--all", "--no-stance", "-q"])
    assert res.exit_code == 0, res.output
    with Store.open(db) as store:
        rows = store.query(
            "SELECT count(*), count(e.id) FROM story_events se "
            "LEFT JOIN events e ON e.article_id = se.article_id AND e.id = se.event_id"
        )[0]
    assert rows[0] > 0 and rows[0] == rows[1], "every story event row names a stored event"
    assert _stories(db) == before, "the grouping is kept"


def test_story_cli_formats(sample_db: Path) -> None:
    sid = _story_of(sample_db, "calloway-2020-09-25")
    run = CliRunner()
    out = run.invoke(cli, ["story", sid, "--db", str(sample_db), "--format", "json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    assert data["schema"] == "communique/3" and data["story"]["id"] == sid
    listed = run.invoke(
        cli, ["stories", "--db", str(sample_db), "--format", "json", "--actor", "CHN"]
    )
    assert sid in {r["id"] for r in json.loads(listed.stdout)}
    none = run.invoke(cli, ["story", "s0000", "--db", str(sample_db)])
    assert none.exit_code == 2 and "no story" in none.output


def test_rerunning_analysis_gives_the_same_story_ids(sample_db: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.db"
    _analyze(again, list(reversed(STORY_C + OTHERS)))  # another input order, the same ids
    assert _stories(again) == _stories(sample_db)
    with Store.open(again) as store:
        rebuild_stories(store)
    assert _stories(again) == _stories(sample_db)


# -- synthetic articles: the assignment alone, without the encoder -------------------------
def _unit(v: np.ndarray) -> np.ndarray:
    return np.asarray(v / np.linalg.norm(v), dtype=np.float32)


def _store(tmp: Path, items: list[tuple[str, int, np.ndarray, dict[str, int]]]) -> Store:
    store = Store.open(tmp)
    with store.conn:
        for aid, day, vec, actors in items:
            f = Features(aid, day, actors, _unit(vec), (), np.zeros((0, 384), dtype=np.float32))
            published = f"2024-01-{day:02d}T12:00"
            store.conn.execute(
                "INSERT INTO articles(id, text, title, published, outlet) VALUES (?,?,?,?,?)",
                (aid, "x", aid, published, "O" + aid[-1]),
            )
            store.conn.execute("INSERT INTO story_features VALUES (?,?,?,?,?,?)", f.row())
            store.conn.executemany(
                "INSERT INTO story_keys(key, day, article_id) VALUES (?,?,?)",
                [(k, f.day, aid) for k in f.keys],
            )
    return store


def _random_items(n: int, seed: int = 1) -> list[tuple[str, int, np.ndarray, dict[str, int]]]:
    rng = np.random.default_rng(seed)
    topics = rng.normal(size=(6, 384))
    items = []
    for i in range(n):
        t = int(rng.integers(0, 6))
        vec = topics[t] + rng.normal(size=384) * 0.9
        actors = {f"K{t}": 3, f"K{int(rng.integers(0, 6))}": 1}
        items.append((f"a{i:03d}", 1 + i // 4, vec, actors))
    return items


def test_incremental_assignment_equals_batch(tmp_path: Path) -> None:
    items = _random_items(40)
    batch = _store(tmp_path / "batch.db", items)
    assign_stories(batch, encoder=Any)  # type: ignore[arg-type] - features are stored
    one = _store(tmp_path / "one.db", items)
    for aid, *_ in items:  # article by article, each committed alone, as runs add them
        a = Assigner(one, encoder=Any)  # type: ignore[arg-type]
        a.add(aid)
        a.finish()
    q = "SELECT article_id, story_id FROM story_articles ORDER BY article_id"
    got_batch = [tuple(r) for r in batch.query(q)]
    assert got_batch == [tuple(r) for r in one.query(q)]
    assert 1 < len({s for _, s in got_batch}) < len(items), "some stories, not one or none"
    rebuild_stories(batch, encoder=Any)  # type: ignore[arg-type]
    assert [tuple(r) for r in batch.query(q)] == got_batch


def test_stories_merge_when_an_article_links_both(tmp_path: Path) -> None:
    x, y = np.eye(384)[0], np.eye(384)[1]
    store = _store(
        tmp_path / "m.db",
        [
            ("a1", 1, x, {"USA": 2}),
            ("a2", 2, y, {"USA": 2}),
            ("a3", 3, x + y, {"USA": 2}),
        ],
    )
    opts = StoryOptions()
    a = Assigner(store, opts, encoder=Any)  # type: ignore[arg-type]
    assert a.add("a1") == "sa1"
    assert a.add("a2") == "sa2", "orthogonal texts: a story each"
    assert a.add("a3") == "sa1", "like both: the two merge into the one begun first"
    done = a.finish()
    assert done.merged == 1
    assert {r[0] for r in store.query("SELECT story_id FROM story_articles")} == {"sa1"}
    assert resolve_story(store, "sa2") == "sa1"
    assert store.query("SELECT articles FROM stories WHERE id = 'sa1'")[0][0] == 3


# -- story events: the same act told two ways, two acts kept apart -------------------------
@pytest.fixture(scope="module")
def encode() -> Any:
    from communique.stance import shared_encoder

    encoder = shared_encoder()
    return lambda texts: sentence_vectors(encoder, texts)


def _events(encode: Any, rows: list[tuple[Any, ...]]) -> list[set[Any]]:
    """The story events of a story whose reports are (article, source, target, type,
    evidence[, dated_by]), one outlet per article, every act dated 2024-03-11 by its own
    sentence (or, with dated_by "published", by its article's publication that day): each
    as a set of (article, type, the report's number in its article)."""
    members = []
    for article in dict.fromkeys(r[0] for r in rows):
        mine = [r for r in rows if r[0] == article]
        events = tuple(
            StoryEvent(n, r[1], r[2], r[3], False, False, "2024-03-11", (*r, "event")[5], 0, r[4])
            for n, r in enumerate(mine)
        )
        vectors = encode([e.evidence for e in events])
        f = Features(article, 738956, {}, vectors[0], events, vectors)
        members.append((f, "Outlet " + article, "2024-03-11T18:00"))
    return [
        {(r.article_id, r.event.type, r.event.event_id) for r in act}
        for act in group_acts(reports_of(members))
    ]


def _acts(encode: Any, rows: list[tuple[Any, ...]]) -> list[set[tuple[str, str]]]:
    """The story events as sets of (article, type)."""
    return [{(a, t) for a, t, _ in act} for act in _events(encode, rows)]


def test_one_act_coded_two_ways_by_two_outlets_is_one_story_event(encode: Any) -> None:
    # one outlet's sentence names the expelled diplomats' country and reads as sanctions;
    # the other's has no target and the coder reads its "accusing them" as an accusation
    acts = _acts(
        encode,
        [
            (
                "a",
                "POL",
                "BLR",
                "SANCTION",
                "Poland expelled three Belarusian diplomats on Monday, citing espionage.",
            ),
            (
                "b",
                "POL",
                None,
                "ACCUSE",
                "Poland has ordered three Belarusian diplomats to leave the country, "
                "accusing them of spying for Minsk.",
            ),
        ],
    )
    assert acts == [{("a", "SANCTION"), ("b", "ACCUSE")}]


def test_a_missing_target_and_a_self_coded_party_are_compatible(encode: Any) -> None:
    meeting = [
        (
            "a",
            "GRC",
            "TUR",
            "CONSULT",
            "Greek Foreign Minister Giorgos Gerapetritis met his Turkish counterpart "
            "Hakan Fidan in Ankara on Monday.",
        ),
        # the coder took Turkey for both parties of the talks
        (
            "b",
            "TUR",
            "TUR",
            "CONSULT",
            "Gerapetritis and Fidan held talks in Ankara on Monday.",
        ),
        ("c", "GRC", None, "CONSULT", "The two foreign ministers met in Ankara on Monday."),
    ]
    assert _acts(encode, meeting) == [{("a", "CONSULT"), ("b", "CONSULT"), ("c", "CONSULT")}]


def test_two_acts_between_the_same_pair_stay_two_story_events(encode: Any) -> None:
    # a meeting and a sanctions announcement, both USA -> CHN on one day, in two outlets;
    # the second tells both in one sentence (two events of one sentence)
    acts = _acts(
        encode,
        [
            (
                "a",
                "USA",
                "CHN",
                "CONSULT",
                "US Secretary of State Antony Blinken met Chinese Foreign Minister "
                "Wang Yi in Beijing on Monday.",
            ),
            (
                "a",
                "USA",
                "CHN",
                "SANCTION",
                "The US Treasury on Monday imposed sanctions on five Chinese companies "
                "accused of supplying drone parts to Russia.",
            ),
            (
                "b",
                "USA",
                "CHN",
                "SANCTION",
                "After meeting Wang Yi, Blinken announced sanctions on five Chinese companies.",
            ),
            (
                "b",
                "USA",
                "CHN",
                "CONSULT",
                "After meeting Wang Yi, Blinken announced sanctions on five Chinese companies.",
            ),
            (
                "c",
                "USA",
                None,
                "SANCTION",
                "Washington also announced sanctions on five Chinese firms.",
            ),
        ],
    )
    assert sorted(acts, key=len) == [
        {("a", "CONSULT"), ("b", "CONSULT")},
        {("a", "SANCTION"), ("b", "SANCTION"), ("c", "SANCTION")},
    ]


def test_different_types_need_close_evidence_and_a_shared_actor(encode: Any) -> None:
    talks = "Blinken held talks with Wang Yi in the Chinese capital on Monday."
    sanctions = "Washington also announced sanctions on five Chinese firms on Monday."
    # far apart in words: two acts even with the same parties and day
    far = [("a", "USA", "CHN", "CONSULT", talks), ("b", "USA", "CHN", "SANCTION", sanctions)]
    assert len(_acts(encode, far)) == 2
    # the same words, but no actor in common: two acts
    apart = [("a", "USA", None, "CONSULT", talks), ("b", None, "CHN", "SANCTION", talks)]
    assert len(_acts(encode, apart)) == 2


def test_an_article_restating_its_act_is_one_report(encode: Any) -> None:
    rows = [
        # the headline without a target, the text's sentence with one: one act ...
        ("a", "GBR", None, "ACCUSE", "Britain blames Russian military hackers for grid attack"),
        (
            "a",
            "GBR",
            "RUS",
            "ACCUSE",
            "Foreign Secretary Dominic Raab said on Monday that Russia's GRU was almost "
            "certainly responsible for the attack.",
        ),
        # ... and the same act told again without a date of its own (an older accusation
        # told this way joins it too, rather than count as a new act on the publication day)
        (
            "a",
            "GBR",
            "RUS",
            "ACCUSE",
            "London said the attack bore the hallmarks of Russian military intelligence.",
            "published",
        ),
        (
            "b",
            "GBR",
            "RUS",
            "ACCUSE",
            "The British government accused Russian military intelligence of the cyberattack.",
        ),
        # another type, far apart in words: its own act
        ("b", "RUS", "GBR", "REJECT", "Moscow rejected the accusations as absurd."),
    ]
    assert sorted(_events(encode, rows), key=len) == [
        {("b", "REJECT", 1)},
        {("a", "ACCUSE", 0), ("a", "ACCUSE", 1), ("a", "ACCUSE", 2), ("b", "ACCUSE", 0)},
    ]


def test_a_joint_act_of_three_parties_is_one_story_event(encode: Any) -> None:
    # "the three countries signed": the coder makes a pair of each two parties, both ways
    signed = "The three countries signed an agreement to revive the gas pipeline."
    agreed = "At the meeting, the three countries agreed to update the feasibility study."
    pairs = [("DZA", "NGA"), ("NGA", "DZA"), ("DZA", "NER"), ("NER", "DZA"), ("NGA", "NER")]
    rows = [("a", s, t, "AGREE", signed) for s, t in pairs]
    rows += [("b", s, t, "AGREE", agreed) for s, t in pairs]
    # another act of one of the parties in another sentence stays apart
    rows.append(("b", "NER", "DZA", "REQUEST", "Niger demanded security guarantees."))
    acts = _acts(encode, rows)
    assert sorted(acts, key=len) == [{("b", "REQUEST")}, {("a", "AGREE"), ("b", "AGREE")}]


def test_a_month_agrees_with_a_day_inside_it() -> None:
    """ "The Foreign Office demanded the release last week" (read as 2024-08) and "Britain
    has demanded its release" (2024-08-25): the same act when the parties and type agree."""
    from communique.stories import Report, same_act

    def report(article: str, when: str) -> Report:
        event = StoryEvent(0, "GBR", None, "REQUEST", False, False, when, "event", 0, "")
        return Report(article, event, "Outlet " + article, when, np.zeros(0, dtype=np.float32))

    assert same_act(report("a", "2024-08"), report("b", "2024-08-25"))
    assert same_act(report("a", "2024"), report("b", "2024-08-25"))
    assert not same_act(report("a", "2024-07"), report("b", "2024-08-25"))
    assert not same_act(report("a", "2024-08-20"), report("b", "2024-08-25"))


def test_evidence_alike_needs_dates_of_a_retelling() -> None:
    """ "Berlin expelled some 40 Russian diplomats in 2022" (background) is not this week's
    expulsion however alike the words; a report dated by the coder days later ("Germany
    has expelled four Russian diplomats", dated its article's day) is the act retold."""
    from communique.stories import Report, same_act

    alike = np.full(4, 0.5, dtype=np.float32)  # the same evidence vector: cosine 1

    def report(article: str, target: str | None, when: str) -> Report:
        event = StoryEvent(0, "DEU", target, "SANCTION", False, False, when, "event", 0, "")
        return Report(article, event, "Outlet " + article, when, alike)

    this_week = report("b", "RUS", "2023-09-11")
    assert same_act(report("a", None, "2023-09-11"), this_week)
    assert same_act(report("a", None, "2023-09-16"), this_week)
    assert not same_act(report("a", None, "2022"), this_week)
    assert not same_act(report("a", None, "2023-09-25"), this_week)


# -- new happenings: a retaliation days later is a story of its own -----------------------
def _store_with_events(tmp: Path, items: list[tuple[str, int, list[StoryEvent]]]) -> Store:
    """Articles of one text (their vectors equal: text alone would put them in one story)
    published in January 2024 on the given days, with the given events."""
    store = Store.open(tmp)
    vec = _unit(np.eye(384)[0])
    with store.conn:
        for aid, day, told in items:
            events = [dataclasses.replace(e, event_id=n) for n, e in enumerate(told)]
            published = f"2024-01-{day:02d}"
            ev = np.tile(vec, (len(events), 1)) if events else np.zeros((0, 384))
            f = Features(
                aid,
                date.fromisoformat(published).toordinal(),
                {"DEU": 3, "RUS": 3},
                vec,
                tuple(events),
                ev.astype(np.float32),
            )
            store.conn.execute(
                "INSERT INTO articles(id, text, title, published, outlet) VALUES (?,?,?,?,?)",
                (aid, "x", aid, published + "T12:00", "O" + aid[-1]),
            )
            store.conn.execute("INSERT INTO story_features VALUES (?,?,?,?,?,?)", f.row())
            store.conn.executemany(
                "INSERT INTO story_keys(key, day, article_id) VALUES (?,?,?)",
                [(k, f.day, aid) for k in f.keys],
            )
    return store


def _lead(source: str, target: str, type_: str, day: int, *, lead: bool = True) -> StoryEvent:
    when = f"2024-01-{day:02d}"
    return StoryEvent(0, source, target, type_, False, False, when, "event", 0, "", lead)


def test_a_retaliation_days_later_is_a_new_story_and_reactions_stay(tmp_path: Path) -> None:
    items = [
        # day 8: Germany expels Russian diplomats, told by two outlets
        ("a1", 8, [_lead("DEU", "RUS", "SANCTION", 8)]),
        ("a2", 8, [_lead("DEU", "RUS", "SANCTION", 8)]),
        # day 11: the EU backs Germany (a reaction in words, days later: the same story)
        ("a3", 11, [_lead("EUR", "DEU", "SUPPORT", 11)]),
        # day 12: Russia expels German diplomats (its lead also retells Germany's act)
        ("a4", 12, [_lead("RUS", "DEU", "SANCTION", 12), _lead("DEU", "RUS", "SANCTION", 8)]),
        # day 12: Germany's measure retold in the lead, Russia's further down
        (
            "a5",
            12,
            [_lead("DEU", "RUS", "SANCTION", 8), _lead("RUS", "DEU", "SANCTION", 12, lead=False)],
        ),
        # day 13: an analysis with no act in its lead
        ("a6", 13, []),
    ]
    store = _store_with_events(tmp_path / "r.db", items)
    assign_stories(store, encoder=Any)  # type: ignore[arg-type] - features are stored
    got = dict(store.query("SELECT article_id, story_id FROM story_articles"))
    assert got["a2"] == got["a3"] == "sa1", "the same measure and a reaction: one story"
    assert got["a4"] == "sa4", "a measure days later by the other party: a new story"
    # like both stories, but their happenings are one the answer to the other: not merged
    assert got["a5"] in {"sa1", "sa4"} and got["a6"] in {"sa1", "sa4"}
    assert not store.query("SELECT * FROM story_merged")
    rebuild_stories(store, options=StoryOptions(new_after_days=None), encoder=Any)  # type: ignore[arg-type]
    assert set(dict(store.query("SELECT article_id, story_id FROM story_articles")).values()) == {
        "sa1"
    }, "without the test for new happenings, text puts them all in one story"


def test_only_measures_and_encounters_dated_in_the_lead_are_acts_of_their_own() -> None:
    from communique.stories import lead_acts

    day = date(2024, 1, 12).toordinal()
    told = lead_acts(
        [
            _lead("RUS", "DEU", "SANCTION", 12),
            _lead("CHN", "PHL", "CONSULT", 12),
            _lead("RUS", "DEU", "ACCUSE", 12),  # words
            _lead("RUS", "DEU", "ASSAULT", 12, lead=False),  # not in the lead
            _lead("IND", "IND", "CONSULT", 12),  # one party taken twice
            dataclasses.replace(_lead("RUS", "DEU", "COERCE", 12), dated_by="published"),
            dataclasses.replace(_lead("RUS", "DEU", "COERCE", 12), hypothetical=True),
        ]
    )
    assert told == [(day, "measure", "RUS"), (day, "encounter", "CHN")]


def test_a_follow_up_that_retells_the_act_with_its_day_joins_days_later(tmp_path: Path) -> None:
    # the same text ten days on: the day penalty alone keeps it out (1 - 0.06 x 10 < 0.51)
    items = [
        ("a1", 8, [_lead("IRN", "GBR", "COERCE", 8)]),
        # "ten days after Iran's Revolutionary Guards seized the tanker": the act and its day
        (
            "a2",
            18,
            [_lead("GBR", "IRN", "REQUEST", 18), _lead("IRN", "GBR", "COERCE", 8, lead=False)],
        ),
        # the same seizure told with another day, and an article telling none: not follow-ups
        ("b3", 18, [_lead("IRN", "GBR", "COERCE", 3, lead=False)]),
        ("c4", 18, [_lead("GBR", "IRN", "REQUEST", 18)]),
    ]
    store = _store_with_events(tmp_path / "f.db", items[:2])
    assign_stories(store, encoder=Any)  # type: ignore[arg-type] - features are stored
    got = dict(store.query("SELECT article_id, story_id FROM story_articles"))
    assert got == {"a1": "sa1", "a2": "sa1"}
    rebuild_stories(store, options=StoryOptions(retold=False), encoder=Any)  # type: ignore[arg-type]
    got = dict(store.query("SELECT article_id, story_id FROM story_articles"))
    assert got == {"a1": "sa1", "a2": "sa2"}, "without the rule, ten days apart is too far"
    for other in items[2:]:
        store = _store_with_events(tmp_path / f"{other[0]}.db", [items[0], other])
        assign_stories(store, encoder=Any)  # type: ignore[arg-type]
        got = dict(store.query("SELECT article_id, story_id FROM story_articles"))
        assert got[other[0]] == "s" + other[0]


def test_a_swap_told_from_either_side_is_one_story_event(tmp_path: Path) -> None:
    # each sentence codes the swap both ways round (each side releases the other's
    # people); two outlets name the sides in other orders: one act, not one per side.
    # "Accused each other" is two acts, each side's own.
    day = "2024-04-16T18:00:00+00:00"
    texts = [
        "Russia and Ukraine swapped 64 prisoners of war each on Tuesday in a deal brokered "
        "by the United Arab Emirates. Russia and Ukraine accused each other of torturing "
        "prisoners on Tuesday.",
        "Ukraine and Russia exchanged prisoners on Tuesday, the first exchange since "
        "February. Ukraine and Russia accused each other of torturing prisoners on Tuesday.",
    ]
    src = tmp_path / "swap.jsonl"
    src.write_text(
        "".join(
            json.dumps(
                {
                    "url": f"https://outlet{n}.example/swap",
                    "title": "Prisoners swapped",
                    "text": t,
                    "published": day,
                }
            )
            + "\n"
            for n, t in enumerate(texts)
        ),
        encoding="utf-8",
    )
    db = tmp_path / "swap.db"
    _analyze(db, [src])
    with Store.open(db) as store:
        rows = store.query(
            "SELECT e.type, e.trigger_text, se.story_id, se.act FROM events e "
            "JOIN story_events se ON se.article_id = e.article_id AND se.event_id = e.id"
        )
    swaps = {(r[2], r[3]) for r in rows if r[0] == "RETREAT"}
    accusations = {(r[2], r[3]) for r in rows if r[0] == "ACCUSE"}
    assert len([r for r in rows if r[0] == "RETREAT"]) == 4, rows  # two per article
    assert len(swaps) == 1, rows
    assert len(accusations) == 2, rows
