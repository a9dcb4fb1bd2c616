"""Actor resolution accuracy on PLOVER-GSR and its share of pipeline time.

    python bench/actors.py [--data ../shared/data/plover-gsr]

For every gold actor text of ../shared/data/plover-gsr/gold.jsonl (322 sentences, the
source and target of each dyad), the sentence runs through the real pipeline and the
actor of the mention that covers the gold text is compared with the gold code (ISO3 or
IGO/NGO) and, where gold gives one, with the gold sector (our sectors mapped to CAMEO's:
DIP → GOV). The gold dates are placeholders (2000-01-01), so sentences are analysed with
no publication date: every role in the registry counts as current.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "data" / "plover-gsr"
#: CAMEO country codes in the gold that differ from ISO 3166.
LEGACY = {"ITL": "ITA", "JAP": "JPN", "VTN": "VNM"}


def predicted(analysis: Any, sentence: str, actor_text: str) -> tuple[str | None, str | None]:
    """(code, CAMEO sector) of the rightmost resolved mention inside the gold actor text."""
    from communique.actors import cameo_sector

    start = sentence.find(actor_text)
    if start < 0:
        return None, None
    end = start + len(actor_text)
    inside = [
        m for m in analysis.mentions if m.actor_id and m.span.start < end and m.span.end > start
    ]
    if not inside:
        return None, None
    people = [m for m in inside if m.label in ("PERSON", "NOMINAL")]
    m = (people or inside)[-1]
    actor = analysis.actor(m.actor_id)
    return actor.code, cameo_sector(actor.sector)


def measure(data: Path, pipe: Any = None) -> dict[str, Any]:
    """Scores and timings over PLOVER-GSR (see the module docstring)."""
    from communique import Pipeline
    from communique.records import Article, article_id

    with open(data / "gold.jsonl", encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh]
    pipe = pipe or Pipeline()
    texts = sorted({r["text"] for r in records})
    t0 = time.perf_counter()
    docs = list(pipe.nlp.pipe(texts))
    t_nlp = time.perf_counter() - t0
    t0 = time.perf_counter()
    analyses = {}
    for text, doc in zip(texts, docs, strict=True):
        analyses[text] = pipe.analyze_doc(doc, Article(article_id(None, text), text), isolate=False)
    t_rest = time.perf_counter() - t0
    t0 = time.perf_counter()
    for doc in docs:
        pipe.resolver(doc, None)
    t_actors = time.perf_counter() - t0

    score: dict[str, Counter[str]] = {"source": Counter(), "target": Counter()}
    seen = set()
    for r in records:
        for role in ("source", "target"):
            g = r.get(role) or {}
            if not g.get("text") or not g.get("code"):
                continue
            key = (r["text"], role, g["text"])
            if key in seen:
                continue
            seen.add(key)
            code, sector = predicted(analyses[r["text"]], r["text"], g["text"])
            gold = LEGACY.get(g["code"], g["code"])
            c = score[role]
            c["n"] += 1
            c["found"] += code is not None
            c["code_ok"] += code == gold
            gsec = (g.get("sector") or "")[:3]
            if gsec and gsec != "***":
                c["sector_n"] += 1
                c["sector_ok"] += sector == gsec
    score["all"] = score["source"] + score["target"]
    return {
        "texts": len(texts),
        "score": score,
        "t_nlp": t_nlp,
        "t_actors": t_actors,
        "t_rest": t_rest,
    }


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--data", type=Path, default=DEFAULT)
    args = ap.parse_args()
    m = measure(args.data)
    print(f"PLOVER-GSR actor resolution ({m['texts']} sentences, unique gold actor texts)")
    print(
        f"{'':<8}{'actors':>8}{'resolved':>10}{'country/IGO acc':>17}{'sector n':>10}{'sector acc':>12}"
    )
    for role in ("source", "target", "all"):
        c = m["score"][role]
        print(
            f"{role:<8}{c['n']:>8}{c['found'] / c['n']:>10.3f}{c['code_ok'] / c['n']:>17.3f}"
            f"{c['sector_n']:>10}{c['sector_ok'] / max(1, c['sector_n']):>12.3f}"
        )
    print(
        f"time: spaCy {m['t_nlp']:.2f}s, actor resolution {m['t_actors']:.2f}s = "
        f"{100 * m['t_actors'] / m['t_nlp']:.1f}% of spaCy; all stages after spaCy {m['t_rest']:.2f}s"
    )


if __name__ == "__main__":
    main()
