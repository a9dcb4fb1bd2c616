"""Issue 17: any JSON a dump may hold, in any field, is a document or that row's failure —
never an exception out of reading or cleaning (no spaCy here: it runs in milliseconds)."""

from __future__ import annotations

import importlib.util
import json
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from communique.clean import OutletTable, to_article
from communique.records import Article, Document, Failure, lone_surrogate
from communique.sources import iter_documents


def _fuzz_bench() -> Any:
    """bench/fuzz.py, whose strategies this test shares (any JSON value in any field)."""
    path = Path(__file__).resolve().parents[2] / "bench" / "fuzz.py"
    spec = importlib.util.spec_from_file_location("bench_fuzz", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


JSON = _fuzz_bench().JSON
FIELDS = st.fixed_dictionaries(
    {},
    optional={
        k: JSON | st.just("\ud800") for k in ("title", "url", "published", "outlet", "authors")
    },
)
TEXTS = st.sampled_from(
    [
        "Russian Foreign Minister Sergei Lavrov said on Monday that Moscow would respond. " * 3,
        "<html><head><title>T</title></head><body><p>" + "Talks went on in Ankara. " * 20,
        "x\ud800 " * 30,
    ]
)
OUTLETS = OutletTable.load()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=st.lists(st.tuples(TEXTS, FIELDS), min_size=1, max_size=4))
def test_any_json_fields_give_documents_or_failures(rows: list[tuple[str, dict[str, Any]]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "rows.jsonl"
        path.write_text("\n".join(json.dumps({"text": t, **f}) for t, f in rows) + "\n")
        items = list(iter_documents([str(path)]))
    assert len(items) == len(rows)
    for item in items:
        assert isinstance(item, Document | Failure)
        if isinstance(item, Document):
            art = to_article(item, OUTLETS)
            assert isinstance(art, Article | Failure)
            if isinstance(art, Article):  # whatever is kept is text that can be stored
                for value in (art.text, art.title, art.url, art.outlet, art.published):
                    assert value is None or (
                        isinstance(value, str) and lone_surrogate(value) is None
                    )
