"""Names a package face loads on first use (PEP 562), so importing the face stays cheap."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any


def lazy_getattr(
    package: str, names: Mapping[str, str], namespace: dict[str, Any]
) -> Callable[[str], Any]:
    """A module ``__getattr__`` loading ``name`` from the submodule ``names[name]`` of
    ``package`` the first time it is asked for, then keeping it in ``namespace``."""

    def __getattr__(name: str) -> Any:
        if name in names:
            from importlib import import_module

            value = getattr(import_module(f".{names[name]}", package), name)
            namespace[name] = value
            return value
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    return __getattr__
