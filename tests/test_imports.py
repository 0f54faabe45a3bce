"""The import graph of kg/: no circles, and lower steps do not reach up to the front ends.

Every ``import`` and ``from ... import`` in the package is read with ``ast``,
function-level ones included (they run, only later). Imports under ``if
TYPE_CHECKING:`` are left out: they never run and only name types. Importing
``kg.a.b`` also imports the package ``kg.a`` (unless the importer is inside ``kg.a``);
the top package ``kg`` (the public facade, ``kg/__init__.py``) is left out, as every
submodule's import runs it.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

KG = Path(__file__).resolve().parent.parent / "kg"

# Front ends: the steps below them never import them, not even inside a function. The HTTP
# server is the package kg.server and every module in it (importing kg.server.x imports kg.server).
FRONT_ENDS = {"kg.__main__", "kg.cli", "kg.server", "kg.view", "kg.analysis", "kg.explain"}
SERVER = "kg.server"
# KnowledgeGraph.to_networkx() and .show() reach kg.analysis and kg.view through kg.graph.VIEWS,
# a registry of names imported on first use: no import of a front end here.
KNOWN_REACH_UP: set[tuple[str, str]] = set()


def module_name(path: Path) -> str:
    parts = path.relative_to(KG.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _type_checking_lines(tree: ast.AST) -> set[int]:
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.body:
                lines.update(range(child.lineno, (child.end_lineno or child.lineno) + 1))
    return lines


def imports_of(path: Path, modules: set[str]) -> set[str]:
    """The kg modules ``path`` imports (at any level, outside TYPE_CHECKING), packages included."""
    me = module_name(path)
    package = me if path.name == "__init__.py" else me.rpartition(".")[0]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _type_checking_lines(tree)
    found: set[str] = set()
    for node in ast.walk(tree):
        if getattr(node, "lineno", None) in skip:
            continue
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")
            if node.level:
                base = base[:len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            names = [target] + [f"{target}.{a.name}" for a in node.names]
        else:
            continue
        for name in names:
            while name and name not in modules:
                name = name.rpartition(".")[0]
            parts = name.split(".")
            for i in range(2, len(parts) + 1):  # the module and its parent packages, not "kg" itself
                parent = ".".join(parts[:i])
                if not me.startswith(parent + "."):  # a package's own modules run inside its import
                    found.add(parent)
    found.discard(me)
    return {m for m in found if m in modules}


def import_graph() -> dict[str, set[str]]:
    files = sorted(KG.rglob("*.py"))
    modules = {module_name(f) for f in files}
    return {module_name(f): imports_of(f, modules) for f in files}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_imports_walker_sees_function_level_imports():
    graph = import_graph()
    assert "kg.nlp" in graph["kg.build"]  # `from .nlp import ...` inside build()
    assert "kg.store" in graph["kg.build"]
    assert "kg.graph" not in graph["kg.analysis"]  # only under TYPE_CHECKING


def test_imports_cycles_finds_a_circle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_imports_have_no_cycle():
    assert cycles(import_graph()) == []


def front_end(module: str) -> bool:
    return module in FRONT_ENDS or module.startswith(SERVER + ".")


@pytest.mark.parametrize("module", sorted(FRONT_ENDS | {m for m in import_graph() if front_end(m)}))
def test_imports_front_ends_are_imported_only_by_front_ends(module):
    users = {m for m, deps in import_graph().items() if module in deps and not front_end(m)
             and m != "kg" and (m, module) not in KNOWN_REACH_UP}
    assert users == set()


def test_imports_server_is_reached_only_through_the_cli():
    """Of the modules outside kg/server/, only kg.cli (``kg serve``) imports the server."""
    graph = import_graph()
    assert "kg.server.serve" in graph and "kg.server.store_writer" in graph
    users = {m for m, deps in graph.items() if m != SERVER and not m.startswith(SERVER + ".") and SERVER in deps}
    assert users == {"kg.cli"}
