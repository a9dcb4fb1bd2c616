"""The house rules, checked on the source: no import cycles (not even through imports hidden
inside functions), and no package reaching into another package's private modules — other
packages use a package's face (its ``__init__``)."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "src" / "communique"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _resolve(importer: str, is_package: bool, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    base = importer.split(".")
    if not is_package:
        base = base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def import_graph() -> dict[str, set[str]]:
    """Module → the communique modules it imports, anywhere in its body."""
    mods = _modules()
    graph: dict[str, set[str]] = {}
    for name, path in mods.items():
        edges: set[str] = set()
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                edges |= {a.name for a in node.names if a.name.split(".")[0] == "communique"}
            elif isinstance(node, ast.ImportFrom):
                target = _resolve(name, path.name == "__init__.py", node)
                if target.split(".")[0] != "communique":
                    continue
                for alias in node.names:
                    sub = f"{target}.{alias.name}"
                    edges.add(sub if sub in mods else target)
        graph[name] = {e for e in edges if e in mods and e != name}
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    found: list[list[str]] = []
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(n: str) -> None:
        state[n] = 1
        stack.append(n)
        for m in sorted(graph[n]):
            if state.get(m) == 1:
                found.append([*stack[stack.index(m) :], m])
            elif m not in state:
                visit(m)
        stack.pop()
        state[n] = 2

    for n in sorted(graph):
        if n not in state:
            visit(n)
    return found


def private_violations(graph: dict[str, set[str]]) -> list[str]:
    """Imports of a private module (a ``_name`` part) from outside the package owning it."""
    bad = []
    for importer, targets in graph.items():
        for t in targets:
            parts = t.split(".")
            private = next((i for i, p in enumerate(parts) if p.startswith("_")), None)
            if private is None:
                continue
            owner = ".".join(parts[:private])
            if not (importer == owner or importer.startswith(owner + ".")):
                bad.append(f"{importer} imports {t} (use the face of {owner})")
    return sorted(bad)


def test_the_graph_sees_the_packages() -> None:
    graph = import_graph()
    assert "communique.quotes._extract" in graph["communique.quotes"]
    assert "communique.actors" in graph["communique.quotes._extract"]
    assert "communique.pipeline" in graph["communique"]


def test_no_import_cycles() -> None:
    cycles = _cycles(import_graph())
    assert not cycles, "import cycles:\n" + "\n".join(" → ".join(c) for c in cycles)


def test_no_package_imports_another_packages_private_modules() -> None:
    bad = private_violations(import_graph())
    assert not bad, "\n".join(bad)


def test_the_checks_catch_what_they_claim() -> None:
    graph = {"communique.a": {"communique.b._x"}, "communique.b._x": {"communique.a"}}
    assert _cycles(graph) == [["communique.a", "communique.b._x", "communique.a"]]
    assert private_violations(graph) == [
        "communique.a imports communique.b._x (use the face of communique.b)"
    ]
    assert private_violations({"communique.b._y": {"communique.b._x"}}) == []
