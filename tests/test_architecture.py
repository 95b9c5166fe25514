"""The package imports one way, and no module reaches into another's private names.

Layers, lowest first (a module may import its own layer's modules and any layer below):

    lib → config → reports.model → reports.vocabulary → reports.parse → reports.read
        → reports.tables → reports.facts → reports.extract → reports.intake
        → kolada, quality → warehouse, export → assets → definitions → runner → summary → cli

Every import counts, at module level or inside a function, so a lazy import cannot hide an
upward edge. Within one layer the modules must not import each other in a cycle.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "pipelines"
LAYERS = [
    ["lib"], ["config"], ["reports.model"], ["reports.vocabulary"], ["reports.parse"], ["reports.read"],
    ["reports.tables"], ["reports.facts"], ["reports.extract"], ["reports.intake"],
    ["kolada", "quality"], ["warehouse", "export", "pages"], ["assets"], ["definitions"], ["runner"], ["summary"], ["cli"],
]
RANK = {name: i for i, names in enumerate(LAYERS) for name in names}
MAX_LINES = 500


def _module(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _layer(module: str) -> str:
    parts = module.split(".")[1:]
    if not parts:
        return "pipelines"
    if parts[0] == "reports" and len(parts) > 1:
        return f"reports.{parts[1]}"
    return parts[0]


def _imports() -> dict[str, list[tuple[str, list[str], int]]]:
    """module → [(imported module, imported names, line)] for imports of pipelines modules."""
    out: dict[str, list[tuple[str, list[str], int]]] = defaultdict(list)
    for path in sorted(PACKAGE.rglob("*.py")):
        module = _module(path)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("pipelines"):
                target = node.module
                names = [a.name for a in node.names]
                # "from pipelines.reports.read import pdf": the submodule is the target
                for name in names:
                    sub = PACKAGE.parent / Path(*target.split("."), name)
                    if sub.with_suffix(".py").exists() or (sub / "__init__.py").exists():
                        out[module].append((f"{target}.{name}", [], node.lineno))
                        break
                else:
                    out[module].append((target, names, node.lineno))
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name.startswith("pipelines"):
                        out[module].append((alias.name, [], node.lineno))
    return out


def test_every_module_has_a_layer() -> None:
    unknown = sorted({_layer(m) for m in _imports()} - set(RANK) - {"pipelines"})
    assert not unknown, f"add these packages to LAYERS: {unknown}"


def upward(imports: dict[str, list[tuple[str, list[str], int]]]) -> list[str]:
    out = []
    for module, targets in imports.items():
        here = RANK.get(_layer(module))
        for target, _, line in targets:
            there = RANK.get(_layer(target))
            if here is not None and there is not None and there > here:
                out.append(f"{module}:{line} imports {target} ({_layer(module)} → {_layer(target)})")
    return out


def private(imports: dict[str, list[tuple[str, list[str], int]]]) -> list[str]:
    return [f"{module}:{line} imports {name} from {target}"
            for module, targets in imports.items() for target, names, line in targets
            for name in names if name.startswith("_") and target != module]


def test_imports_only_go_down() -> None:
    found = upward(_imports())
    assert not found, "\n".join(found)


def test_no_import_cycles_within_a_layer() -> None:
    graph: dict[str, set[str]] = defaultdict(set)
    for module, targets in _imports().items():
        for target, _, _ in targets:
            if target != module and _layer(target) == _layer(module):
                graph[module].add(target)
    cycles = []
    state: dict[str, int] = {}

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                cycles.append(" → ".join(path[path.index(nxt):] + [nxt]) if nxt in path else f"{node} → {nxt}")
            elif state.get(nxt) is None:
                visit(nxt, path + [nxt])
        state[node] = 2

    for node in sorted(graph):
        if state.get(node) is None:
            visit(node, [node])
    assert not cycles, "\n".join(cycles)


def test_no_module_imports_another_modules_private_names() -> None:
    found = private(_imports())
    assert not found, "\n".join(found)


def test_modules_stay_small_or_say_why() -> None:
    long = []
    for path in sorted(PACKAGE.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        if text.count("\n") > MAX_LINES and "Why this module is long:" not in (ast.get_docstring(ast.parse(text)) or ""):
            long.append(f"{path.relative_to(ROOT)}: {text.count(chr(10))} lines")
    assert not long, "split these modules or state at their top why they are long:\n" + "\n".join(long)


def test_the_checks_see_an_upward_import_and_a_private_name() -> None:
    """The checkers themselves, on imports that break the rules."""
    bad = {"pipelines.reports.tables.find": [("pipelines.reports.facts.cells", ["cell_fact"], 3),
                                             ("pipelines.reports.tables.words", ["_joins"], 4)],
           "pipelines.reports.facts.cells": [("pipelines.reports.tables.find", ["find_tables"], 5)]}
    assert upward(bad) == ["pipelines.reports.tables.find:3 imports pipelines.reports.facts.cells "
                           "(reports.tables → reports.facts)"]
    assert private(bad) == ["pipelines.reports.tables.find:4 imports _joins from pipelines.reports.tables.words"]
