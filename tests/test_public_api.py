"""What ``communique`` exports, pinned: changing the public surface is a decision, made here
on purpose. Tests, benchmarks and tools use the faces, never private modules."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

import communique
from conftest import ROOT

TOP = {
    "SCHEMA",
    "Actor",
    "Analysis",
    "Article",
    "CommuniqueError",
    "Event",
    "Failure",
    "Mention",
    "Options",
    "Pipeline",
    "Quote",
    "Span",
    "Stage",
    "Stance",
    "Store",
    "analyze_text",
    "open_store",
}

#: Each package face and the names other packages and users rely on (a face may add more).
FACES = {
    "communique.sources": {"IngestOptions", "iter_documents", "Fetcher", "sniff_media_type"},
    "communique.clean": {"Given", "OutletTable", "to_article", "extract_html", "clean_text"},
    "communique.actors": {"ActorIndex", "ActorResolver", "Registry", "cameo_sector"},
    "communique.quotes": {"extract_quotes", "quote_spans"},
    "communique.events": {"code_events", "plover_of_cameo", "CAMEO"},
    "communique.store": {"Store", "SCHEMA_VERSION", "MIGRATIONS", "export_store", "query"},
    "communique.pipeline": {"Pipeline", "Options", "Stage", "DEFAULT_STAGES", "check_stages"},
    "communique.dates": {"parse_published", "resolve"},
    "communique.stance": {"StanceModel", "stance_records", "Head", "LABELS", "pair_features"},
    "communique.batch": {"run_batch", "load_batch", "dask_client", "DATASETS", "PipelinePlugin"},
}


def test_top_level_exports_are_pinned() -> None:
    assert set(communique.__all__) == TOP
    for name in TOP:
        assert getattr(communique, name) is not None


@pytest.mark.parametrize("face", sorted(FACES))
def test_package_faces(face: str) -> None:
    mod = importlib.import_module(face)
    assert hasattr(mod, "__all__"), f"{face} names its public functions in __all__"
    exported = set(mod.__all__)
    assert FACES[face] <= exported, FACES[face] - exported
    for name in exported:
        assert not name.startswith("_") and hasattr(mod, name), name


def _private_imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    bad = []
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        for n in names:
            parts = n.split(".")
            if parts[0] == "communique" and any(p.startswith("_") for p in parts[1:]):
                bad.append(f"{path.relative_to(ROOT)}: {n}")
    return bad


def test_tests_benchmarks_and_tools_use_public_faces() -> None:
    files = [p for d in ("tests", "bench", "tools", "docs") for p in (ROOT / d).rglob("*.py")]
    bad = [b for f in files for b in _private_imports(f)]
    assert not bad, "\n".join(bad)
