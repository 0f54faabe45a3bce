"""The HTTP side of SPARQL: what a request asks (:func:`read_operation`) and how to answer (:func:`negotiate`).

For the SPARQL endpoint (:mod:`kg.server.serve`) and the Graph Store (:mod:`kg.server.gsp`):
Accept headers and ``format=`` names, request bodies, the request's dataset
(``default-graph-uri``, ``named-graph-uri``, ``using-*``), CORS preflight and
the prefixes of RDF answers. Below both front ends; imports neither.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import parse_qs

import pyoxigraph as ox
from starlette.requests import Request
from starlette.responses import Response

from ..errors import EndpointError, Errors
from .http_guard import CORS_READ_HEADERS
from .updates import UpdateDataset
from ..vocab import PREFIXES

__all__ = ["MAX_BODY", "accepted", "prefixes_for", "read_body_bytes", "preflight", "OutputFormats",
           "FORMAT_NAMES", "negotiate", "DatasetSpec", "Operation", "read_operation"]

MAX_BODY = 1 << 20  # bytes; a longer SPARQL request is a mistake or an attack


def accepted(header: str | None) -> list[str]:
    """Media types of an Accept header, best first (ties keep their order).

    >>> accepted("text/csv;q=0.5, application/json")
    ['application/json', 'text/csv']
    """
    ranked = []
    for i, part in enumerate((header or "").split(",")):
        media, *params = (p.strip() for p in part.split(";"))
        q = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if media and q > 0:
            ranked.append((-q, i, media.lower()))
    return [media for _, _, media in sorted(ranked)]


def prefixes_for(fmt: ox.RdfFormat) -> dict[str, str] | None:
    """The prefixes to write in an RDF answer: ours for Turtle, TriG and N3, none for the rest."""
    return PREFIXES if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG, ox.RdfFormat.N3) else None


async def read_body_bytes(request: Request) -> bytes:
    """The request body, refused (413) past ``MAX_BODY`` bytes."""
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY:
            raise EndpointError(413, Errors.E075.format(limit=MAX_BODY))
        chunks.append(chunk)
    return b"".join(chunks)


def preflight() -> Response:
    """CORS preflight: reads may come from any page; updates are refused later by their Origin."""
    return Response(status_code=204, headers={
        **CORS_READ_HEADERS, "Access-Control-Allow-Methods": "GET, POST, HEAD",
        "Access-Control-Allow-Headers": "Content-Type, Accept", "Access-Control-Max-Age": "600"})


# ------------------------------------------------------------------ result formats
JSON_RESULTS, TSV_RESULTS = ox.QueryResultsFormat.JSON, ox.QueryResultsFormat.TSV
TURTLE = ox.RdfFormat.TURTLE


@dataclass(frozen=True)
class OutputFormats:
    """What to answer with: one format for SELECT/ASK, one for CONSTRUCT/DESCRIBE.

    The query type is only known once Oxigraph has parsed the query, so both
    are chosen up front.
    """

    results: ox.QueryResultsFormat = JSON_RESULTS
    graph: ox.RdfFormat = TURTLE
    html: bool = False


# ``format=`` names (SPARQLWrapper sends json, xml, turtle, n3, csv, tsv, json-ld, rdf+xml)
FORMAT_NAMES: dict[str, tuple[ox.QueryResultsFormat | None, ox.RdfFormat | None]] = {
    "json": (JSON_RESULTS, ox.RdfFormat.JSON_LD),
    "xml": (ox.QueryResultsFormat.XML, ox.RdfFormat.RDF_XML),
    "csv": (ox.QueryResultsFormat.CSV, None),
    "tsv": (TSV_RESULTS, None),
    "turtle": (None, TURTLE), "ttl": (None, TURTLE),
    "n3": (None, ox.RdfFormat.N3),
    "nt": (None, ox.RdfFormat.N_TRIPLES), "ntriples": (None, ox.RdfFormat.N_TRIPLES),
    "n-triples": (None, ox.RdfFormat.N_TRIPLES),
    "json-ld": (None, ox.RdfFormat.JSON_LD), "jsonld": (None, ox.RdfFormat.JSON_LD),
    "nq": (None, ox.RdfFormat.N_QUADS), "nquads": (None, ox.RdfFormat.N_QUADS),
    "n-quads": (None, ox.RdfFormat.N_QUADS),
    "trig": (None, ox.RdfFormat.TRIG),
    "rdf": (None, ox.RdfFormat.RDF_XML), "rdf+xml": (None, ox.RdfFormat.RDF_XML),
}


def negotiate(accept: str | None, format_names: list[str] | None = None) -> OutputFormats:
    """Pick the output formats from ``format=`` values, else from the Accept header.

    >>> negotiate("text/csv").results.name
    'SPARQL Results in CSV'
    >>> negotiate("application/sparql-results+xml;q=0.5, text/tab-separated-values").results.name
    'SPARQL Results in TSV'
    >>> negotiate("*/*") == OutputFormats()
    True
    >>> negotiate(None, ["turtle"]).graph.name
    'Turtle'
    """
    if format_names:
        return _named_format(format_names)
    results, graph = None, None
    for media in accepted(accept):
        if media == "text/html" and results is None and graph is None:
            return OutputFormats(html=True)
        results = results or ox.QueryResultsFormat.from_media_type(media)
        graph = graph or ox.RdfFormat.from_media_type(media)
    return OutputFormats(results or JSON_RESULTS, graph or TURTLE)


def _named_format(names: list[str]) -> OutputFormats:
    """The first ``format=`` value we know, by short name or by media type."""
    for name in (n.strip().lower() for n in names):
        if name == "html":
            return OutputFormats(html=True)
        results, graph = FORMAT_NAMES.get(name, (None, None))
        if "/" in name:
            results = ox.QueryResultsFormat.from_media_type(name)
            graph = ox.RdfFormat.from_media_type(name)
        if results or graph:
            return OutputFormats(results or JSON_RESULTS, graph or TURTLE)
    known = ", ".join(["html", *FORMAT_NAMES])
    raise EndpointError(400, Errors.E068.format(value=names[0], known=known))


# ------------------------------------------------------------------ the request's dataset
@dataclass(frozen=True)
class DatasetSpec:
    """The RDF dataset of a request (``default-graph-uri`` / ``named-graph-uri``).

    Without ``default-graph-uri`` the default graph is the union of all graphs.
    """

    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()

    @classmethod
    def from_params(cls, params: dict[str, list[str]]) -> DatasetSpec:
        """The dataset of a request's parameters, its IRIs checked here (400), not in a worker."""
        spec = cls(tuple(params.get("default-graph-uri", ())), tuple(params.get("named-graph-uri", ())))
        spec.options()
        return spec

    def options(self) -> dict:
        """Keyword arguments for ``Store.query``."""
        opts: dict = {"use_default_graph_as_union": not self.default_graphs}
        if self.default_graphs:
            opts["default_graph"] = [_graph_iri(g, "default-graph-uri") for g in self.default_graphs]
        if self.named_graphs:
            opts["named_graphs"] = [_graph_iri(g, "named-graph-uri") for g in self.named_graphs]
        return opts


def _graph_iri(value: str, param: str) -> ox.NamedNode:
    """The graph IRI a request parameter gives; a bad one is a 400 naming the parameter."""
    try:
        return ox.NamedNode(value)
    except ValueError as e:
        raise EndpointError(400, Errors.E076.format(value=value, param=param, reason=e)) from None


# ------------------------------------------------------------------ operations
@dataclass(frozen=True)
class Operation:
    """One parsed SPARQL Protocol request."""

    kind: str  # "query" | "update"
    text: str
    dataset: DatasetSpec = field(default_factory=DatasetSpec)
    formats: OutputFormats = field(default_factory=OutputFormats)
    using: UpdateDataset = field(default_factory=UpdateDataset)


async def read_operation(request: Request) -> Operation:
    """Parse GET ``?query=``, POST forms and POST ``application/sparql-query|update`` bodies."""
    params: dict[str, list[str]] = {}
    for key, value in request.query_params.multi_items():
        params.setdefault(key, []).append(value)
    if request.method == "POST":
        _merge_body(params, _media_type(request), await _read_body(request))
    queries = [q for q in params.get("query", []) if q.strip()]
    updates = [u for u in params.get("update", []) if u.strip()]
    if len(queries) + len(updates) > 1:
        raise EndpointError(400, Errors.E072.format(count=len(queries) + len(updates)))
    if not queries and not updates:
        raise EndpointError(400, Errors.E060)
    kind, text = ("query", queries[0]) if queries else ("update", updates[0])
    formats = negotiate(request.headers.get("accept"), params.get("format"))
    using = UpdateDataset(*(tuple(_graph_iri(g, key).value for g in params.get(key, ()))
                            for key in ("using-graph-uri", "using-named-graph-uri")))
    return Operation(kind, text, DatasetSpec.from_params(params), formats, using)


def _merge_body(params: dict[str, list[str]], media_type: str, body: str) -> None:
    """Add a POST body's fields (a form) or its query or update (a SPARQL body) to ``params``."""
    if media_type == "application/x-www-form-urlencoded":
        for key, values in parse_qs(body, keep_blank_values=True).items():
            params.setdefault(key, []).extend(values)
    elif media_type == "application/sparql-query":
        params.setdefault("query", []).append(body)
    elif media_type == "application/sparql-update":
        params.setdefault("update", []).append(body)
    else:
        raise EndpointError(415, Errors.E070.format(value=media_type))


def _media_type(request: Request) -> str:
    return request.headers.get("content-type", "").split(";")[0].strip().lower()


async def _read_body(request: Request) -> str:
    body = await read_body_bytes(request)
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as e:
        raise EndpointError(400, Errors.E061.format(reason=f"the body is not UTF-8 ({e})")) from None
