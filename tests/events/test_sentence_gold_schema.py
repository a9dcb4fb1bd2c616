"""The sentence gold (tests/gold/sentences) is well formed: ids in order across its
parts, every act typed with a PLOVER type, codes as its README says."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest

from conftest import ROOT, bench_module

GOLD = ROOT / "tests" / "gold" / "sentences"
TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}  # fmt: skip


def test_the_sentence_gold_is_well_formed() -> None:
    ids = []
    for part, first, n in (
        ("tune", 1, 160),
        ("heldout", 161, 80),
        ("heldout2", 241, 80),
        ("heldout3", 321, 80),
        ("heldout4", 401, 80),
        ("tune2", 481, 160),
        ("heldout5", 641, 80),
        ("heldout6", 721, 80),
        ("headlines_tune", 801, 40),
        ("headlines", 841, 40),
        ("headlines2", 881, 40),
        ("heldout7", 921, 80),
        ("tune3", 1001, 160),
        ("heldout8", 1161, 80),
        ("heldout9", 1241, 80),
    ):
        lines = (GOLD / f"{part}.jsonl").read_text(encoding="utf-8").splitlines()
        recs = [json.loads(line) for line in lines if line]
        assert [r["id"] for r in recs] == [f"S{i:03d}" for i in range(first, first + n)]
        ids += [r["id"] for r in recs]
        for r in recs:
            assert r["text"].strip() and date(2015, 1, 1) <= date.fromisoformat(r["published"])
            assert r.get("headline", False) is part.startswith("headlines")
            for e in r["events"]:
                assert e["type"] in TYPES, (r["id"], e)
                for code in (e["source"], e["target"]):
                    assert code is None or re.fullmatch(r"[A-Z]{3}|[A-Za-z0-9 ]{2,12}", code), code
                assert isinstance(e["negated"], bool) and isinstance(e["hypothetical"], bool)
    assert len(set(ids)) == 1320


@pytest.mark.parametrize(("part", "first"), [("passages", 1), ("passages_tune", 61)])
def test_the_passage_gold_is_well_formed(part: str, first: int) -> None:
    """Passages of two to four sentences, each act with the sentence that states it."""
    sentence_starts = bench_module("events_sentences").sentence_starts
    lines = (GOLD / f"{part}.jsonl").read_text(encoding="utf-8").splitlines()
    recs = [json.loads(line) for line in lines if line]
    assert [r["id"] for r in recs] == [f"P{i:03d}" for i in range(first, first + 60)]
    for r in recs:
        n = len(sentence_starts(r["text"].strip()))  # as the bench splits the passage
        assert 2 <= n <= 4, r["id"]
        assert date(2015, 1, 1) <= date.fromisoformat(r["published"]) <= date(2024, 12, 31)
        for e in r["events"]:
            assert e["type"] in TYPES and 0 <= e["sentence"] < n, (r["id"], e)
            assert isinstance(e["negated"], bool) and isinstance(e["hypothetical"], bool)
