"""KnowledgeGraph: the built graph, queried with SPARQL and used from Python.

It wraps an Oxigraph store (in memory, or a folder on disk) holding one named
graph per article. ``.dataset`` gives the same data as an rdflib ``Dataset``
(through oxrdflib) for code that speaks rdflib.
"""
from __future__ import annotations

import csv
import importlib
import io
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from .errors import Errors, GraphError, QueryError
from .io import load_file, save_store, write_format
from .schema import FACT_CLASSES, specificity, subclasses
from .terms import term_value  # noqa: F401 (kg.graph.term_value, as before)
from .vocab import NKG_IRI, SPARQL_PREFIXES

REFERENCE_GRAPH = "https://w3id.org/newskg/graph/reference"
#: RDF formats a CONSTRUCT or DESCRIBE answer is written in.
RDF_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES,
               "rdfxml": ox.RdfFormat.RDF_XML, "jsonld": ox.RdfFormat.JSON_LD}


def _shift_lines(message: str, lines: int) -> str:
    """Line numbers of "error at L:C" in ``message`` less ``lines`` (the hidden prefix lines).

    >>> _shift_lines("error at 11:26: expected one of LATERAL", 10)
    'error at line 1, column 26: expected one of LATERAL'
    """
    return re.sub(r"\b(\d+):(\d+)\b", lambda m: f"line {max(1, int(m.group(1)) - lines)}, column {m.group(2)}",
                  message, count=1)


@dataclass
class Result:
    """The answer of a SPARQL query: rows for SELECT, a boolean for ASK, triples for CONSTRUCT."""

    kind: str  # "select" | "ask" | "graph"
    columns: list[str] = field(default_factory=list)
    rows: list[tuple] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[tuple[str, str, str]] = field(default_factory=list)
    terms: list = field(default_factory=list, repr=False)  # CONSTRUCT / DESCRIBE: the pyoxigraph Triples

    def serialize(self, fmt: str = "turtle") -> str:
        """A CONSTRUCT or DESCRIBE answer as RDF: ``turtle`` (with our prefixes), ``ntriples``,
        ``rdfxml`` or ``jsonld``."""
        from .vocab import PREFIXES

        # id: would need escaped slashes (id:entity\/qingdao): full IRIs read better
        prefixes = {p: iri for p, iri in PREFIXES.items() if p != "id"} if fmt == "turtle" else None
        return ox.serialize(self.terms, format=RDF_FORMATS[fmt], prefixes=prefixes).decode("utf-8")

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return (dict(zip(self.columns, row)) for row in self.rows)

    def __len__(self) -> int:
        return len(self.rows) if self.kind == "select" else len(self.triples)

    def to_dataframe(self) -> Any:
        """SELECT rows as a pandas ``DataFrame`` (pandas is imported only here)."""
        import pandas as pd

        return pd.DataFrame(self.rows, columns=self.columns)

    def format(self, fmt: str = "table") -> str:
        """Render as ``table``, ``csv`` or ``json``; a CONSTRUCT or DESCRIBE answer also as an RDF
        format (:data:`RDF_FORMATS`), and as Turtle for ``table``."""
        if self.kind == "graph" and (fmt in RDF_FORMATS or fmt == "table"):
            return self.serialize("turtle" if fmt == "table" else fmt)
        if self.kind == "ask":
            return json.dumps({"boolean": self.boolean}) if fmt == "json" else str(self.boolean).lower()
        columns, rows = (self.columns, self.rows) if self.kind == "select" else (
            ["subject", "predicate", "object"], self.triples)
        if fmt == "json":
            return json.dumps([dict(zip(columns, r)) for r in rows], ensure_ascii=False, indent=2)
        if fmt == "csv":
            buf = io.StringIO()
            w = csv.writer(buf)
            w.writerow(columns)
            w.writerows(["" if v is None else v for v in r] for r in rows)
            return buf.getvalue()
        cells = [[("" if v is None else str(v)) for v in r] for r in rows]
        widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
        widths = [min(w, 80) for w in widths]
        line = lambda vals: " | ".join(v[:80].ljust(w) for v, w in zip(vals, widths))  # noqa: E731
        out = [line(columns), "-+-".join("-" * w for w in widths)] + [line(r) for r in cells]
        out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
        return "\n".join(out)


class KnowledgeGraph:
    """A built news knowledge graph.

    >>> g = KnowledgeGraph()
    >>> len(g)
    0
    """

    def __init__(self, store: ox.Store | None = None, path: Path | None = None):
        self.store = store if store is not None else ox.Store()
        self.path = path
        self.resolution = None  # what kg.resolve changed in the last build (kg.resolve.Resolution)

    @classmethod
    def from_folder(cls, path: Path) -> KnowledgeGraph:
        """Open the on-disk Oxigraph store in ``path``; a locked or broken one is [E050]."""
        try:
            return cls(ox.Store(str(path)), path=path)
        except OSError as e:
            raise GraphError(Errors.E050.format(path=path, reason=e)) from None

    # ---------------------------------------------------------------- building
    def add_quads(self, quads: Iterable[ox.Quad]) -> None:
        """Add quads as they are (e.g. from :func:`kg.rdf.extraction_quads`), in one call."""
        self.store.extend(quads)

    def replace_graph(self, graph_iri: str, quads: Iterable[ox.Quad]) -> None:
        """Swap one article's named graph for new content."""
        g = ox.NamedNode(graph_iri)
        if self.store.contains_named_graph(g):
            self.store.remove_graph(g)
        self.store.extend(quads)

    def __len__(self) -> int:
        return len(self.store)

    # ---------------------------------------------------------------- querying
    def query(self, sparql: str, *, prefixes: bool = True) -> Result:
        """Run a SPARQL query over the union of all graphs.

        The ``nkg:``, ``schema:``, ``rdfs:``, ``skos:``, ``prov:``, ``xsd:``,
        ``owl:``, ``geo:`` and ``id:`` prefixes are predeclared.
        """
        text = SPARQL_PREFIXES + sparql if prefixes else sparql
        try:
            answer = self.store.query(text, use_default_graph_as_union=True)
        except (SyntaxError, ValueError, OSError) as e:
            reason = " ".join(str(e).split())
            if prefixes:  # the position in the user's own text, not after the predeclared prefixes
                reason = _shift_lines(reason, SPARQL_PREFIXES.count("\n"))
            raise QueryError(Errors.E040.format(reason=reason)) from None
        if isinstance(answer, (bool, ox.QueryBoolean)):
            return Result("ask", boolean=bool(answer))
        if isinstance(answer, ox.QuerySolutions):
            columns = [v.value for v in answer.variables]
            rows = [tuple(term_value(sol[c]) for c in columns) for sol in answer]
            return Result("select", columns=columns, rows=rows)
        terms = list(answer)
        triples = [(term_value(t.subject), term_value(t.predicate), term_value(t.object)) for t in terms]
        return Result("graph", triples=triples, terms=terms)

    @property
    def dataset(self) -> Any:
        """The graph as an rdflib ``Dataset`` over the same Oxigraph store."""
        from oxrdflib import OxigraphStore
        from rdflib import Dataset

        return Dataset(store=OxigraphStore(store=self.store))

    def articles(self) -> list[str]:
        """IRIs of the articles in the graph, sorted."""
        return [r[0] for r in self.query("SELECT ?a WHERE { ?a a nkg:Article } ORDER BY ?a").rows]

    def entities(self, cls: str | None = None) -> list[dict[str, Any]]:
        """Entities (IRI, class, label), optionally of one class (``"City"``, ``"Place"``...)."""
        classes = subclasses(cls) if cls else None
        where = f"VALUES ?c {{ {' '.join('nkg:' + c for c in classes)} }}" if classes else ""
        rows = self.query(f"""
            SELECT ?e ?c (SAMPLE(?l) AS ?label) WHERE {{
              {where} GRAPH ?g {{ ?g a nkg:Article . ?e a ?c ; rdfs:label ?l . }}
              FILTER(STRSTARTS(STR(?c), "{NKG_IRI}"))
              FILTER(?c NOT IN ({', '.join('nkg:' + c for c in _NOT_ENTITIES)}))
            }} GROUP BY ?e ?c ORDER BY ?label""").rows
        best: dict[str, dict] = {}
        for iri, c, label in rows:
            c = c.removeprefix(NKG_IRI)
            known = best.get(iri)
            if known is None or specificity(c) < specificity(known["class"]):
                best[iri] = {"iri": iri, "class": c, "label": label}
        return sorted(best.values(), key=lambda e: e["label"].lower())

    def facts(self, kind: str | None = None) -> list[dict[str, Any]]:
        """Fact nodes (Post, Cooperation, Agreement, Investment) with their properties."""
        kinds = [kind] if kind else list(FACT_CLASSES)
        out = []
        for k in kinds:
            rows = self.query(f"""
                SELECT ?f ?p ?o WHERE {{ ?f a nkg:{k} ; ?p ?o .
                  FILTER(?p NOT IN (rdf:type, nkg:evidence)) }} ORDER BY ?f ?p ?o""").rows
            by_node: dict[str, dict] = {}
            for f, p, o in rows:
                d = by_node.setdefault(f, {"iri": f, "kind": k})
                d.setdefault(p.rsplit("#", 1)[-1].rsplit("/", 1)[-1], []).append(o)
            out.extend(by_node.values())
        return out

    # ---------------------------------------------------------------- output
    def save(self, path: str | Path) -> Path:
        """Write to a file; the format follows the extension (.trig .nq .ttl .nt .jsonld)."""
        fmt, keeps = write_format(path)
        return save_store(self.store, path, fmt, keeps)

    def to_networkx(self) -> Any:
        """The entity and fact graph as a networkx ``MultiDiGraph`` (the ``networkx`` view, :mod:`kg.analysis`)."""
        return view("networkx")(self)

    def show(self, path: str | Path, **options: Any) -> Path:
        """Write the interactive HTML explorer to ``path`` (the ``html`` view, :mod:`kg.view`)."""
        return view("html")(self, path, **options)


#: Views of a graph that live in the front ends: name -> (module, function), imported on
#: first use, so this module imports no front end (they import it).
VIEWS: dict[str, tuple[str, str]] = {"networkx": ("kg.analysis", "to_networkx"),
                                     "html": ("kg.view", "write_html")}


def view(name: str) -> Callable[..., Any]:
    """The view function registered as ``name`` in :data:`VIEWS`.

    >>> view("networkx").__module__
    'kg.analysis'
    """
    module, function = VIEWS[name]
    return getattr(importlib.import_module(module), function)


_NOT_ENTITIES = ("Article", "Evidence") + FACT_CLASSES  # nkg classes of nodes that are no entity


def load(path: str | Path) -> KnowledgeGraph:
    """Open a graph file (.trig, .nq, .ttl, .nt, .jsonld) or an on-disk store folder."""
    path = Path(path)
    if path.is_dir():
        return KnowledgeGraph.from_folder(path)
    graph = KnowledgeGraph(path=path)
    load_file(graph.store, path)
    return graph
