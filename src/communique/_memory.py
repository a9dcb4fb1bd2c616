"""Giving freed memory back to the system.

glibc's ``malloc`` keeps memory that C code (onnxruntime building a session, spaCy
parsing a long text) allocated and freed, ready for the next request: the process's
resident size stays at its high-water mark, and what is allocated next may land on fresh
pages beside the freed ones. ``malloc_trim`` hands the free pages back. Called after the
few steps that free a lot at once; elsewhere (macOS, musl, Windows) it does nothing."""

from __future__ import annotations

import ctypes
import functools
import sys
from typing import Any


@functools.cache
def _libc() -> Any:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(None)  # the symbols already loaded: the C library among them
    except OSError:
        return None
    return libc if hasattr(libc, "malloc_trim") else None  # glibc only (not musl)


def release_free_memory() -> None:
    """Return the C heap's free pages to the system (glibc ``malloc_trim``)."""
    libc = _libc()
    if libc is not None:
        libc.malloc_trim(0)
