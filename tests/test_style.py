"""Every public function, method and class of kg/ has type hints and a docstring.

Public: a module-level function or class whose name does not start with ``_``, and
the public methods of a public class. A function needs a docstring, an annotation
on every parameter (``self``/``cls`` of a method excepted) and a return
annotation; a class needs a docstring. Read with ``ast``: nothing is imported.

``EXEMPT`` lists the modules not yet checked (their owners are at work on them);
remove a module from it once it passes.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
KG = ROOT / "kg"

# Paths relative to the repository; a folder ending in "/" exempts everything under it.
EXEMPT: set[str] = set()  # every module of kg/ passes


def exempt(path: Path) -> bool:
    rel = path.relative_to(ROOT).as_posix()
    return any(rel == e or (e.endswith("/") and rel.startswith(e)) for e in EXEMPT)


def _function_problems(fn: ast.FunctionDef | ast.AsyncFunctionDef, method: bool) -> list[str]:
    missing = [] if ast.get_docstring(fn) else ["docstring"]
    a = fn.args
    params = [*a.posonlyargs, *a.args, *a.kwonlyargs, *filter(None, (a.vararg, a.kwarg))]
    bound = method and not any(isinstance(d, ast.Name) and d.id == "staticmethod" for d in fn.decorator_list)
    for i, p in enumerate(params):
        if p.annotation is None and not (bound and i == 0):
            missing.append(f"annotation of {p.arg}")
    if fn.returns is None:
        missing.append("return annotation")
    return missing


def problems(source: str) -> list[str]:
    """``"name (line): what is missing"`` for each public function, method or class lacking something."""
    found = []
    for node in ast.parse(source).body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and not node.name.startswith("_"):
            missing = _function_problems(node, method=False)
            if missing:
                found.append(f"{node.name} ({node.lineno}): {', '.join(missing)}")
        elif isinstance(node, ast.ClassDef) and not node.name.startswith("_"):
            if not ast.get_docstring(node):
                found.append(f"{node.name} ({node.lineno}): docstring")
            for m in node.body:
                if isinstance(m, (ast.FunctionDef, ast.AsyncFunctionDef)) and not m.name.startswith("_"):
                    missing = _function_problems(m, method=True)
                    if missing:
                        found.append(f"{node.name}.{m.name} ({m.lineno}): {', '.join(missing)}")
    return found


MODULES = sorted(p for p in KG.rglob("*.py") if not exempt(p))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_style_public_functions_have_hints_and_docstrings(path):
    assert problems(path.read_text(encoding="utf-8")) == []


def test_style_exempt_modules_exist():
    """A stale entry (a module renamed or removed) would exempt nothing; drop it."""
    for e in EXEMPT:
        assert (ROOT / e).exists(), e


@pytest.mark.parametrize("source,found", [
    ("def f(x: int) -> int:\n    'Doc.'\n    return x\n", []),
    ("def _f(x):\n    return x\n", []),
    ("def f(x):\n    return x\n", ["f (1): docstring, annotation of x, return annotation"]),
    ("class A:\n    def m(self, y: int):\n        'Doc.'\n",
     ["A (1): docstring", "A.m (2): return annotation"]),
    ("class A:\n    'Doc.'\n    @staticmethod\n    def m(y) -> None:\n        'Doc.'\n",
     ["A.m (4): annotation of y"]),
    ("class _A:\n    def m(self, y):\n        pass\n", []),
    ("async def f(*a, **k) -> None:\n    'Doc.'\n", ["f (1): annotation of a, annotation of k"]),
])
def test_style_problems_finds_what_is_missing(source, found):
    assert problems(source) == found
