"""The worker plugin travels to the workers by pickle, with the user's outlet and actor
files inside it (workers on other machines do not have them); its name changes with them,
so a batch with other files does not reuse a pipeline built from the old ones."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from communique import Options
from conftest import SAMPLES

pytest.importorskip("distributed")


def test_the_plugin_pickles_with_the_files_and_without_a_pipeline(tmp_path: Path) -> None:
    from communique.batch import PipelinePlugin

    outlets = tmp_path / "outlets.csv"
    outlets.write_bytes((SAMPLES / "outlets.csv").read_bytes())
    plugin = PipelinePlugin(Options(outlets_files=(outlets,), stance=False))
    back = pickle.loads(pickle.dumps(plugin))
    assert back.name == plugin.name
    assert back.files == {"outlets": [("outlets.csv", outlets.read_bytes())], "actors": []}
    assert back.options.outlets_files == () and back.options.stance is False

    outlets.write_text("domain,name\nexample.org,Example\n", encoding="utf-8")
    assert PipelinePlugin(Options(outlets_files=(outlets,), stance=False)).name != plugin.name
    assert PipelinePlugin(Options(outlets_files=(outlets,))).name != plugin.name
