"""NewsMTSC-train (../shared/data/newsmtsc-train) as (sentence, target, label) examples,
split into fixed train / dev / test parts by story, for tools/train_stance.py (which sees
train and dev only) and bench/stance.py (which reports on test).

The split is by source article group, so sentences of one article never straddle parts:
AllSides ids (``allsides_<article>_<story>_<sentence>_…``) are grouped by story (the
left, centre and right articles on one event go together), POLUSA ids
(``polusa_v1_<article>_…``) by article. A group's part is fixed by a hash of its key:
PARTS of the groups' hash space go to train, dev and test, whatever the file order.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "newsmtsc-train" / "train.jsonl"

#: Share of groups in each part (train, dev, test).
PARTS = (("train", 0.70), ("dev", 0.15), ("test", 0.15))

LABELS = {2.0: "negative", 4.0: "neutral", 6.0: "positive"}


@dataclass(frozen=True)
class Example:
    group: str
    sentence: str
    start: int
    end: int
    label: str


def group_of(gid: str) -> str:
    p = gid.split("_")
    return f"allsides:{p[2]}" if p[0] == "allsides" else f"{p[0]}:{p[2]}"


def part_of(group: str) -> str:
    x = int(hashlib.sha256(group.encode()).hexdigest()[:8], 16) / 0xFFFFFFFF
    edge = 0.0
    for name, share in PARTS:
        edge += share
        if x < edge:
            return name
    return PARTS[-1][0]


def examples(part: str, path: Path = DATA) -> Iterator[Example]:
    """Every labelled target of the sentences in ``part`` (train, dev or test), file order."""
    with path.open(encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            group = group_of(row["primary_gid"])
            if part_of(group) != part:
                continue
            text = row["sentence_normalized"]
            for t in row["targets"]:
                yield Example(group, text, int(t["from"]), int(t["to"]), LABELS[t["polarity"]])
