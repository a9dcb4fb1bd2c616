"""Files communique can always rebuild (the registry matcher's patterns, the stance
encoder's derived graph), kept between runs in one folder: ``$COMMUNIQUE_CACHE_DIR``,
else ``$XDG_CACHE_HOME/communique``, else ``~/.cache/communique``.

Each file is named by a hash of everything its content depends on, so a change is a new
name, never a stale answer; deleting the folder is always safe. A file is written under a
temporary name and renamed into place (two processes building it at once each write a
whole file, the last rename wins, both are the same); a folder that cannot be written
only means no cache."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO


def cache_dir() -> Path:
    """Where communique keeps files it can always rebuild."""
    if explicit := os.environ.get("COMMUNIQUE_CACHE_DIR"):
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "communique"


def write_cached(path: Path, write: Callable[[IO[bytes]], object]) -> bool:
    """Write ``path`` whole or not at all (``write`` fills an open binary file); False when
    it could not be written (a read-only home, a full disk: the caller goes on without)."""
    tmp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=path.suffix, dir=path.parent)
        with os.fdopen(fd, "wb") as fh:
            write(fh)
        os.replace(tmp, path)
        tmp = None
        return True
    except OSError:
        return False
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
