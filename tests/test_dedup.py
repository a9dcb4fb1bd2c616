"""Duplicates: exact and near-duplicate copies are linked to the first copy, not analysed."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from communique import open_store
from communique.cli import cli
from communique.dedup import NEAR_DUPLICATE, Hasher

WIRE = (
    "Russia has dismissed accusations by the United States and three of its allies that Moscow was "
    "behind a cyberattack on electricity companies in Poland and Lithuania. Kremlin spokesman Dmitry "
    "Peskov told reporters on Thursday that Moscow had nothing to do with the incident and had not been "
    "presented with a single piece of evidence. Poland's foreign ministry said it would summon the "
    "Russian ambassador and called on the European Union to prepare a response. Lithuanian officials "
    "said the attack had briefly cut power to some 40,000 homes near Vilnius before engineers restored "
    "supplies, and that investigators had traced the intrusion to servers used in earlier campaigns. "
)
EDITED = (
    WIRE.replace("on Thursday", "on Thursday afternoon")
    + "The Kremlin has denied similar claims before."
)
REWRITE = (
    "Moscow rejected Western claims over the Baltic grid hack on Thursday. Peskov said no evidence had "
    "been shown, while Warsaw summoned Russia's envoy and Vilnius said 40,000 homes lost power for hours "
    "after hackers breached the network. The European Union is weighing a joint response, diplomats said."
)


def test_similarity_separates_copies_from_rewrites() -> None:
    h = Hasher()
    a, b, c = h.signature(WIRE), h.signature(EDITED), h.signature(REWRITE)
    assert a.similarity(h.signature(WIRE)) == 1.0
    assert a.similarity(b) >= NEAR_DUPLICATE
    assert a.similarity(c) < 0.3
    assert h.signature(WIRE).minhash == a.minhash, "signatures are deterministic"


def test_duplicates_are_linked_not_analysed(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "1-wire.txt").write_text(WIRE)
    (tmp_path / "a" / "2-copy.txt").write_text(EDITED)
    (tmp_path / "a" / "3-rewrite.txt").write_text(REWRITE)
    db = str(tmp_path / "c.db")
    res = CliRunner().invoke(cli, ["analyze", "-q", "--db", db, str(tmp_path / "a")])
    assert res.exit_code == 0, res.output
    with open_store(db) as store:
        assert store.counts()["articles"] == 2
        (dup,) = store.query("SELECT origin, duplicate_of, similarity FROM duplicates")
        first = store.query("SELECT id FROM articles WHERE origin LIKE '%1-wire.txt'")[0][0]
    assert dup["origin"].endswith("2-copy.txt") and dup["duplicate_of"] == first
    # across runs too: a later copy of a stored article is linked, not analysed
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "again.txt").write_text(EDITED + " Updated at 18:00.")
    res = CliRunner().invoke(cli, ["analyze", "-q", "--db", db, str(tmp_path / "b")])
    assert res.exit_code == 0
    with open_store(db) as store:
        assert store.counts()["articles"] == 2 and store.counts()["duplicates"] == 2


def test_in_flight_index_forgets_stored_articles() -> None:
    from communique.dedup import Index

    h, index = Hasher(), Index()
    index.add("a", h.signature(WIRE))
    index.add("b", h.signature(REWRITE))
    assert [aid for aid, _ in index.candidates(h.signature(EDITED))] == ["a"]
    index.remove("a")
    index.remove("b")
    index.remove("never-added")
    assert len(index) == 0 and list(index.candidates(h.signature(WIRE))) == []
