"""The derived stance graph (:func:`._graph.derive_graph`), kept on disk between runs.

Deriving it imports onnx and onnxruntime's quantiser (0.8 s of CPU) and builds several
float32 copies of the model on the way (about 300 MB, which the C heap keeps after they
are freed); a process that only runs the graph needs neither. So the derived bytes are
written once to the cache folder (:mod:`communique._cache`) under a name hashed from
everything they depend on — the model file's bytes, the code that derives them, the
versions of onnx, onnxruntime and numpy, the layers and the quantisation — and every
later process hands onnxruntime that file. The same inputs give the same bytes
(``derive_graph`` is deterministic), so a cached graph and a fresh one give the same
vectors."""

from __future__ import annotations

import contextlib
import hashlib
import subprocess
import sys
from importlib import metadata
from pathlib import Path
from typing import Any

from .._cache import cache_dir, write_cached
from .._memory import release_free_memory
from ..errors import ModelNotFoundError
from ._graph import SESSION_DISABLED_OPTIMIZERS

#: Bump when what is cached changes in a way the hashed inputs do not show.
FORMAT = "communique-stance-graph/1"

#: The module whose code derives the graph: its bytes are part of the file's name.
_DERIVER = Path(__file__).with_name("_graph.py")


def graph_file(model: Path, layers: int, quantize: bool) -> Path:
    """Where the graph derived from ``model`` is (or would be) cached."""
    h = hashlib.sha256(FORMAT.encode() + b"\0")
    for package in ("onnx", "onnxruntime", "numpy"):
        try:
            h.update(f"{package}={metadata.version(package)}\0".encode())
        except metadata.PackageNotFoundError:
            h.update(f"{package}=?\0".encode())
    h.update(f"{layers}\0{quantize}\0".encode())
    h.update(_DERIVER.read_bytes())
    with model.open("rb") as fh:
        h.update(hashlib.file_digest(fh, "sha256").digest())
    return cache_dir() / f"minilm-{h.hexdigest()[:32]}.onnx"


def derived_graph(model: Path, layers: int, quantize: bool, *, child: bool = True) -> Path | bytes:
    """The derived graph of ``model``: the cached file when there is one, else derived now
    and cached (the bytes themselves when the cache folder cannot be written). With
    ``child``, a missing file is derived in a child process first, so the copies deriving
    makes never sit in this process's heap (the first run on a machine peaked 70 MB higher
    deriving in the analysing process, even after ``malloc_trim``)."""
    path = graph_file(model, layers, quantize)
    if path.is_file():
        return path
    if child and sys.executable:
        code = (
            "import sys; from pathlib import Path; "
            "from communique.stance._graphfile import derived_graph; "
            "derived_graph(Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3] == '1', child=False)"
        )
        args = [str(model), str(layers), "1" if quantize else "0"]
        with contextlib.suppress(OSError):  # no child: derived here, below
            subprocess.run([sys.executable, "-c", code, *args], capture_output=True, check=False)
        if path.is_file():
            return path
    from ._graph import derive_graph

    try:
        graph = derive_graph(model, layers, quantize)
    except ImportError as exc:  # a broken install: onnx is a dependency
        raise ModelNotFoundError(
            f"deriving the stance model needs onnx ({exc}); reinstall communique (./dev setup)"
        ) from exc
    return path if write_cached(path, lambda fh: fh.write(graph)) else graph


def open_session(model: Path, layers: int, quantize: bool, options: Any) -> Any:
    """An onnxruntime session of the graph derived from ``model`` (cached, see above),
    with the session ``options``. A cached file onnxruntime cannot read is derived again.
    What building the session freed goes back to the system (it is most of what the
    session allocates: see :mod:`communique._memory`)."""
    import onnxruntime as ort

    graph = derived_graph(model, layers, quantize)
    try:
        session = _session(ort, graph, options)
    except Exception:  # onnxruntime's errors have no common base; only a file is retried
        if not isinstance(graph, Path):
            raise
        with contextlib.suppress(OSError):
            graph.unlink()
        session = _session(ort, derived_graph(model, layers, quantize), options)
    release_free_memory()
    return session


def _session(ort: Any, graph: Path | bytes, options: Any) -> Any:
    source = str(graph) if isinstance(graph, Path) else graph
    return ort.InferenceSession(
        source,
        sess_options=options,
        providers=["CPUExecutionProvider"],
        disabled_optimizers=list(SESSION_DISABLED_OPTIMIZERS),
    )
