"""Issue 16: `communique --help` loads the command line only; the records, readers,
pipeline, store and their libraries load with the commands that use them (the time this
saves is measured in bench/startup.py)."""

from __future__ import annotations

import subprocess
import sys

HEAVY = (
    "spacy",
    "numpy",
    "rich",
    "warcio",
    "fsspec",
    "trafilatura",
    "communique.records",
    "communique.pipeline",
    "communique.store",
    "communique.sources._files",
)


def test_the_command_line_imports_nothing_heavy() -> None:
    code = (
        "import sys; from communique.cli import cli; "
        "print(' '.join(sorted(m for m in sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(out.stdout.split())
    assert "communique.cli" in loaded
    assert not [m for m in HEAVY if m in loaded]


def test_the_lazy_names_still_load() -> None:
    import communique
    import communique.sources as sources

    assert communique.Article.__module__ == "communique.records"
    assert communique.SCHEMA.startswith("communique/")
    assert callable(sources.iter_documents) and callable(sources.count_documents)
    assert sources.IngestOptions().feed_limit == sources.FEED_LIMIT
