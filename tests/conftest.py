from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from communique.records import Actor, Analysis, Article, Event, Span, article_id

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
DATA = SHARED / "data"
SAMPLES = ROOT / "samples"
RT_SEED = SEEDS / "003_f4b5563bde48a2d2.txt"
CNBC_SEED = SEEDS / "000_faa8e0f4ddf92ad0.txt"


def bench_module(name: str) -> Any:
    """A script of ``bench/`` imported as a module: the gates score with the benches' own
    code. ``bench/`` stays on ``sys.path``, as the scripts import each other."""
    import importlib
    import sys

    path = str(ROOT / "bench")
    if path not in sys.path:
        sys.path.insert(0, path)
    return importlib.import_module(name)


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


# -- a store's records built by hand (relation series, the web view's dyad pages) -------

USA = Actor("USA", "United States", "state", "USA", "USA", None)
CHN = Actor("CHN", "China", "state", "CHN", "CHN", None)
BLINKEN = Actor(
    "person:antony-blinken", "Antony Blinken", "person", "USA", "USA", "DIP", "Secretary of State"
)
QUAD = {
    "ACCUSE": "verbal_conflict",
    "CONSULT": "verbal_coop",
    "AID": "material_coop",
    "SANCTION": "material_conflict",
    "REJECT": "verbal_conflict",
    "ASSAULT": "material_conflict",
    "SUPPORT": "verbal_coop",
    "THREATEN": "verbal_conflict",
}


def dyad_article(
    outlet: str, published: str, events: list[tuple[str, str, str, float, dict[str, Any]]]
) -> Analysis:
    """One article of ``outlet`` whose sentence i states event i: (source, type, target,
    intensity, extra Event fields); its actors are USA, CHN and BLINKEN."""
    sentences = [
        f"{s} {t.lower()}s {g} ({outlet}, {published}, {i})."
        for i, (s, t, g, _, _) in enumerate(events)
    ]
    text = " ".join(sentences)
    evs = []
    at = 0
    for i, ((src, typ, tgt, intensity, kw), sentence) in enumerate(
        zip(events, sentences, strict=True)
    ):
        span = Span(at, at + len(sentence), sentence)
        at += len(sentence) + 1
        evs.append(
            Event(
                i,
                typ,
                span,
                Span(span.start, span.start + 1, sentence[0]),
                src,
                tgt,
                quad=QUAD[typ],
                intensity=intensity,
                **kw,
            )
        )
    art = Article(
        article_id(outlet, text),
        text,
        url=f"https://{outlet.lower().replace(' ', '')}.example/{published}",
        outlet=outlet,
        published=published,
    )
    return Analysis(art, actors=(USA, CHN, BLINKEN), events=tuple(evs))


def day(d: str) -> dict[str, Any]:
    """Event fields of an act dated to day ``d``."""
    return {"date": d, "date_precision": "day"}
