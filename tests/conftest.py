from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
DATA = SHARED / "data"
SAMPLES = ROOT / "samples"
RT_SEED = SEEDS / "003_f4b5563bde48a2d2.txt"
CNBC_SEED = SEEDS / "000_faa8e0f4ddf92ad0.txt"


def need_shared(path: Path = SHARED) -> Path:
    """Skip (with the reason) when ../shared is not beside the checkout, as in a user's clone."""
    if not path.exists():
        pytest.skip(
            f"{path} is absent: the development data sits beside the repo only in our workspace"
        )
    return path


@pytest.fixture(scope="session")
def pipeline():  # type: ignore[no-untyped-def]
    """The pipeline without its stance stage: most tests look at actors, quotes and events,
    and stance costs more than all of them together (tests/stance has its own fixture)."""
    from communique import Options, Pipeline

    return Pipeline(Options(stance=False))


@pytest.fixture(scope="session")
def stance_pipeline(pipeline):  # type: ignore[no-untyped-def]
    """The full pipeline, stance stage included (sharing the spaCy model)."""
    from communique import Pipeline

    return Pipeline(nlp=pipeline.nlp)


def analyze_sentence(pipeline: Any, text: str, published: str | None = "2019-11-10") -> Any:
    """One sentence through the real stages, as an Analysis (the cleaner wants article-sized
    input, so it is skipped)."""
    from communique.records import Article

    return pipeline.analyze_doc(
        pipeline.nlp(text), Article(id="t", text=text, published=published), isolate=False
    )


def coded_events(an: Any) -> list[tuple[Any, ...]]:
    """(source code, target code, PLOVER type, event) of each event of an analysis."""
    out = []
    for e in an.events:
        s, t = an.actor(e.source_actor_id), an.actor(e.target_actor_id)
        out.append((s.code if s else None, t.code if t else None, e.type, e))
    return out
