"""The dataset of a SPARQL Update request: ``using-graph-uri``, ``using-named-graph-uri``, the union.

Oxigraph takes no dataset with an update, so the protocol parameters become
``USING``/``USING NAMED`` clauses written into each ``DELETE``/``INSERT ...
WHERE`` operation (SPARQL 1.1 Protocol, 2.2.3: the parameters act as if the
clauses were there). Without them, and without ``USING`` or ``WITH`` of its
own, an operation's ``WHERE`` gets every named graph as its default graph:
the union that queries see. The rewritten text is parsed again and must have
exactly the operations of the original with the clauses added, or the
request is refused: the rewrite never silently changes what an update means.
"""
from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from ..errors import Errors, QueryError

__all__ = ["UpdateDataset", "with_dataset", "UpdateDatasetError"]


class UpdateDatasetError(QueryError):
    """An update whose dataset cannot be honoured (HTTP 400)."""


@dataclass(frozen=True)
class UpdateDataset:
    """``using-graph-uri`` and ``using-named-graph-uri`` values of a request."""

    using: tuple[str, ...] = ()
    using_named: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.using or self.using_named)


# Tokens: long and short strings, IRIs, comments, words, braces. An IRI cannot
# hold spaces or braces, so a ``<`` mistaken for one never hides a brace.
_TOKEN = re.compile(r'''
      (?P<s>"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^'\\]|\\.|'(?!''))*\'\'\'
           |"(?:[^"\\\n\r]|\\.)*"|'(?:[^'\\\n\r]|\\.)*')
    | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    | (?P<c>\#[^\n\r]*)
    | (?P<w>[A-Za-z_][\w\-.:]*|[?$]\w+)
    | (?P<open>\{) | (?P<close>\}) | (?P<semi>;)
    | (?P<other>\S)
''', re.VERBOSE | re.DOTALL)


def _where_sites(text: str) -> list[tuple[int, int | None, int | None]]:
    """Each top-level ``WHERE``: (its offset, and for ``DELETE WHERE`` the span of its pattern)."""
    sites, depth, previous, pending = [], 0, "", None
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup
        if kind in ("s", "iri", "c", "other"):
            if depth == 0 and kind != "c":
                previous = m.group().upper()
            continue
        if kind == "open":
            if depth == 0 and pending is not None:
                pending = (pending[0], m.start())
            depth += 1
        elif kind == "close":
            depth -= 1
            if depth == 0:
                previous = "}"
            if depth == 0 and pending is not None and len(pending) == 2:
                sites.append((pending[0], pending[1], m.end()))
                pending = None
        elif depth == 0 and kind == "w":
            word = m.group().upper()
            if word == "WHERE" and previous == "DELETE":
                pending = (m.start(),)
            elif word == "WHERE":
                sites.append((m.start(), None, None))
            previous = word
    return sites


def _clauses(using: Sequence[str], using_named: Sequence[str]) -> str:
    return "".join(f"USING <{g}> " for g in using) + "".join(f"USING NAMED <{g}> " for g in using_named)


def _operations(text: str) -> list[dict]:
    from .sandbox import parse_update

    tree = parse_update(text)
    ops = []
    for op in dict.get(tree, "request") or []:
        using = dict.get(op, "using") or []
        ops.append({"name": op.name, "with": dict.get(op, "withClause") is not None,
                    "using": len(using) if isinstance(using, list) else 1})
    return ops


def with_dataset(text: str, dataset: UpdateDataset, union: Sequence[str] = ()) -> str:
    """``text`` with the request's ``USING`` clauses written into each operation that has a WHERE.

    ``union``: the named graphs an operation without a dataset of its own reads
    in its WHERE (ignored when the request gives ``using-*`` parameters).

    >>> with_dataset("INSERT { ?s a <x:T> } WHERE { ?s ?p ?o }", UpdateDataset(("http://g/1",)))
    'INSERT { ?s a <x:T> } USING <http://g/1> WHERE { ?s ?p ?o }'
    >>> with_dataset("DELETE WHERE { ?s ?p ?o }", UpdateDataset(), union=["http://g/1"])
    'DELETE { ?s ?p ?o } USING <http://g/1> USING NAMED <http://g/1> WHERE { ?s ?p ?o }'
    """
    if not dataset and not union:
        return text
    try:
        ops = _operations(text)
    except Exception:  # noqa: BLE001 - a syntax error: Oxigraph will say where
        return text
    if dataset and any(op["with"] or op["using"] for op in ops):
        raise UpdateDatasetError(Errors.E077)
    # The union can be thousands of graphs: the rewrite is checked with one placeholder graph
    # (parsing stays as cheap as the update itself), then the placeholder is replaced.
    marker = f"urn:newskg:union:{uuid.uuid4().hex}"
    clauses = _clauses(dataset.using, dataset.using_named) if dataset else _clauses([marker], [marker])
    modify = [op for op in ops if op["name"] in ("Modify", "DeleteWhere")]
    sites = _where_sites(text)
    if len(sites) != len(modify):
        raise UpdateDatasetError(Errors.E078)
    out, last, expected = [], 0, []
    for (at, start, end), op in zip(sites, modify):
        mine = not dataset and (op["with"] or op["using"])
        added = len(dataset.using) + len(dataset.using_named) if dataset else 2
        expected.append(op["using"] if mine else added)
        if mine:
            continue
        if start is None:
            out.append(text[last:at] + clauses)
            last = at
        else:  # DELETE WHERE { P } has no USING: DELETE { P } USING ... WHERE { P }
            pattern = text[start:end]
            out.append(text[last:at] + pattern + " " + clauses + "WHERE " + pattern)
            last = end
    out.append(text[last:])
    rewritten = "".join(out)
    try:
        after = [op for op in _operations(rewritten) if op["name"] in ("Modify", "DeleteWhere")]
    except Exception:  # noqa: BLE001
        raise UpdateDatasetError(Errors.E078) from None
    if len(after) != len(modify) or [op["using"] for op in after] != expected:
        raise UpdateDatasetError(Errors.E078)
    if not dataset:
        rewritten = rewritten.replace(_clauses([marker], [marker]), _clauses(union, union))
    return rewritten
