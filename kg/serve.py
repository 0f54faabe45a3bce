"""``kg serve``: a SPARQL 1.1 Protocol endpoint and HTML pages over a built graph.

Routes
------
``/sparql``          SPARQL 1.1 Protocol: query by GET or POST (form or
                     ``application/sparql-query``); update by POST only, and
                     only when the app was made with ``allow_update=True``.
``/store``           SPARQL 1.1 Graph Store HTTP Protocol (:mod:`kg.gsp`):
                     reads always, writes with ``allow_update``.
``/``                the graph explorer (``kg.view.render_html``, or a plain
                     list of entities when the viewer cannot be imported).
``/query``           an HTML form for SPARQL; results come back as a table.
``/entity/{path}``   one page per entity: names, links, facts and evidence.
``/health``          JSON: status, triples, named graphs, what is served.

Why each query and update runs in a forked child process (:mod:`kg.runner`):
Oxigraph evaluates in Rust and cannot be interrupted from Python, so a
thread running a runaway query would burn a core for ever. A forked child
sees the store as it is (copy-on-write, nothing reloaded), has no network,
and is killed when the time limit passes, so a slow query costs one 503,
never a stuck server. An update of an in-memory graph runs on the child's
copy, which the server then loads in its place (a few seconds per million
triples); an update of an on-disk store is checked in a child and applied
by the server.

Why ``SERVICE`` and ``LOAD`` are refused (:mod:`kg.sandbox`): pyoxigraph
ships an HTTP client and would fetch other hosts for them. The decision is
made on the parsed request, and the children cannot open sockets anyway.

Queries are admitted by :class:`kg.runner.Scheduler`: the wait for a worker
counts against the time limit, one client never holds every worker, a full
queue answers 503 with ``Retry-After``. Requests must name a Host the server
was started for (:mod:`kg.http_guard`, DNS rebinding), updates a same-site
Origin; CORS is granted to reads only.

Known limits: a child's memory is not capped; an update's WHERE sees the
union of the named graphs but its DELETE and INSERT templates without GRAPH
still write the store's own default graph; entity pages run their small
queries in the server process, without the time limit.
"""
from __future__ import annotations

import concurrent.futures
import contextlib
import copy
import functools
import itertools
import logging
import os
import re
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs

import anyio
import pyoxigraph as ox
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import (HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse,
                                 Response)
from starlette.routing import Route

from .errors import EndpointError, Errors, KGError
from .graph import KnowledgeGraph
from .gsp import GSP_METHODS, GraphStore
from .http_guard import CORS_READ_HEADERS, HostPolicy, SecurityHeaders
from .pages import _EXAMPLE_QUERY, EntityPages, Explorer, answer_html, esc, page, query_page
from .pages import entity_list_html  # noqa: F401 (kg.serve.entity_list_html, as before)
from .protocol import MAX_BODY  # noqa: F401 (kg.serve.MAX_BODY, as before)
from .protocol import accepted as _accepted
from .protocol import preflight as _preflight
from .protocol import prefixes_for as _prefixes_for
from .protocol import read_body_bytes as _read_body_bytes
from .runner import Scheduler, fork_available, run_forked
from .sandbox import MAX_NESTING, keywords_in_text, nesting_depth, network_denied, refused_operations
from .updates import UpdateDataset, UpdateDatasetError, with_dataset
from .vocab import PREFIXES

__all__ = ["create_app", "serve", "EndpointError", "negotiate", "check_safe"]

log = logging.getLogger("kg.serve")

JSON_RESULTS, TSV_RESULTS = ox.QueryResultsFormat.JSON, ox.QueryResultsFormat.TSV
TURTLE = ox.RdfFormat.TURTLE


# ------------------------------------------------------------------ result formats
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
    for media in _accepted(accept):
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


# ------------------------------------------------------------------ safety
def check_safe(sparql: str, kind: str = "query") -> None:
    """Refuse ``SERVICE`` and ``LOAD``, decided on the parsed query or update (see :mod:`kg.sandbox`).

    The old textual scan is a second opinion; either one refuses. A request
    that rdflib's SPARQL grammar cannot parse runs only inside a worker without
    network (Oxigraph then says what is wrong with it).

    >>> check_safe('SELECT * { ?s ?p "SERVICE <http://x/>" } # SERVICE')
    >>> check_safe("SELECT * { FILTER('!'<'>') SERVICE <http://x/> { ?s ?p ?o } }")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kg.errors.EndpointError: [E062] SERVICE (federated query) is refused: ...
    """
    depth = nesting_depth(sparql)
    if depth > MAX_NESTING:
        raise EndpointError(400, Errors.E099.format(depth=depth, limit=MAX_NESTING))
    found, parsed = refused_operations(sparql, kind)
    found |= keywords_in_text(sparql)
    if "SERVICE" in found:
        raise EndpointError(400, Errors.E062)
    if "LOAD" in found:
        raise EndpointError(400, Errors.E065)
    if not parsed and not network_denied():
        raise EndpointError(400, Errors.E079.format(reason="not SPARQL 1.1 as rdflib reads it"))


# ------------------------------------------------------------------ evaluation
@dataclass(frozen=True)
class DatasetSpec:
    """The RDF dataset of a request (``default-graph-uri`` / ``named-graph-uri``).

    Without ``default-graph-uri`` the default graph is the union of all graphs.
    """

    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()

    @classmethod
    def from_params(cls, params: dict[str, list[str]]) -> DatasetSpec:
        spec = cls(tuple(params.get("default-graph-uri", ())), tuple(params.get("named-graph-uri", ())))
        spec.options()  # validate the IRIs now, in the server, not in the worker
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
    try:
        return ox.NamedNode(value)
    except ValueError as e:
        raise EndpointError(400, Errors.E076.format(value=value, param=param, reason=e)) from None


@dataclass(frozen=True)
class Answer:
    """A serialised query answer; ``kind`` is "boolean", "solutions" or "graph"."""

    body: bytes
    media_type: str
    kind: str


def evaluate(store: ox.Store, sparql: str, dataset: DatasetSpec, formats: OutputFormats,
             max_results: int, base_iri: str | None = None) -> Answer:
    """Run one query and serialise its answer, refusing more than ``max_results`` rows or triples.

    ``base_iri`` resolves relative IRIs (the protocol lets the endpoint's own URL be the base).
    """
    try:
        answer = store.query(sparql, prefixes=PREFIXES, base_iri=base_iri, **dataset.options())
    except SyntaxError as e:
        raise EndpointError(400, Errors.E061.format(reason=str(e).strip())) from None
    if isinstance(answer, ox.QueryBoolean):
        return Answer(answer.serialize(format=formats.results), formats.results.media_type, "boolean")
    if isinstance(answer, ox.QuerySolutions):
        body = _capped_solutions(answer, formats.results, max_results)
        return Answer(body, formats.results.media_type, "solutions")
    triples = list(itertools.islice(answer, max_results + 1))
    if len(triples) > max_results:
        raise EndpointError(413, Errors.E067.format(limit=max_results, unit="triples"))
    body = ox.serialize(triples, format=formats.graph, prefixes=_prefixes_for(formats.graph))
    return Answer(body, formats.graph.media_type, "graph")


class _RowCap:
    """A write target for TSV results that stops the serialiser after ``limit`` rows.

    TSV writes one line per solution (plus a header), so counting newlines
    counts rows while Oxigraph streams them, without a second evaluation.
    """

    def __init__(self, limit: int):
        self.limit, self.lines, self.over = limit, 0, False
        self.buffer = bytearray()

    def write(self, data: bytes) -> int:
        self.lines += data.count(b"\n")
        self.buffer += data
        if self.lines > self.limit + 1:
            self.over = True
            raise OverflowError("result cap reached")
        return len(data)

    def flush(self) -> None:
        pass


def _capped_solutions(solutions: ox.QuerySolutions, fmt: ox.QueryResultsFormat, limit: int) -> bytes:
    """Serialise at most ``limit`` solutions in ``fmt`` (as TSV first, then converted)."""
    cap = _RowCap(limit)
    try:
        solutions.serialize(cap, format=TSV_RESULTS)
    except Exception:
        if not cap.over:
            raise
    if cap.over:
        raise EndpointError(413, Errors.E067.format(limit=limit, unit="rows"))
    if fmt == TSV_RESULTS:
        return bytes(cap.buffer)
    return ox.parse_query_results(bytes(cap.buffer), format=TSV_RESULTS).serialize(format=fmt)


class QueryRunner:
    """Runs each query in a forked, sandboxed child (:func:`kg.runner.run_forked`), killed at its deadline.

    The child first checks the query (:func:`check_safe`: parsing is work an
    attacker controls, so it is done where it can be killed), then evaluates it
    over the store as it was at the fork.
    """

    def __init__(self, graph: KnowledgeGraph, *, timeout: float, max_results: int):
        self.graph, self.timeout, self.max_results = graph, timeout, max_results
        self.forks = fork_available()

    def run(self, sparql: str, dataset: DatasetSpec, formats: OutputFormats, *,
            timeout: float | None = None, base_iri: str | None = None) -> Answer:
        """Blocking: call it from a worker thread. ``timeout``: seconds left of the request's limit."""
        left = self.timeout if timeout is None else timeout
        args = (self.graph.store, sparql, dataset, formats, base_iri)
        stopped = EndpointError(503, Errors.E066.format(timeout=self.timeout), {"Retry-After": "1"})
        if not self.forks:
            return self._run_in_thread(args, left, stopped)
        return run_forked(self._evaluate, args, timeout=left, on_timeout=stopped)

    def _evaluate(self, store: ox.Store, sparql: str, dataset: DatasetSpec, formats: OutputFormats,
                  base_iri: str | None) -> Answer:
        check_safe(sparql, "query")
        return evaluate(store, sparql, dataset, formats, self.max_results, base_iri)

    def _run_in_thread(self, args: tuple, timeout: float, stopped: EndpointError) -> Answer:
        """Without fork (not Linux/macOS): stop waiting at the limit; the query itself runs on."""
        pool = concurrent.futures.ThreadPoolExecutor(max_workers=1)
        future = pool.submit(self._evaluate, *args)
        pool.shutdown(wait=False)
        try:
            return future.result(timeout=max(0.0, timeout))
        except concurrent.futures.TimeoutError:
            raise stopped from None


def _apply_update(store: ox.Store, text: str, dataset: UpdateDataset, base_iri: str | None,
                  dump_to: str | None) -> str:
    """In a worker: check and rewrite the update, run it; returns the text the store must run.

    ``dump_to``: the store is in memory, so the worker runs the update on its
    copy and writes the resulting store there (N-Quads) for the server to load.
    Without it (an on-disk store, which only the server may write), the update
    runs on an empty store, to have Oxigraph's parser and a first evaluation
    crash here rather than in the server.
    """
    check_safe(text, "update")
    union = () if dataset else [g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode)]
    try:
        text = with_dataset(text, dataset, union)
    except UpdateDatasetError as e:
        raise EndpointError(400, str(e)) from None
    target = store if dump_to else ox.Store()
    _run_update(target, text, base_iri)
    if dump_to:
        target.dump(dump_to, format=ox.RdfFormat.N_QUADS)
    return text


def _run_update(store: ox.Store, text: str, base_iri: str | None) -> None:
    try:
        store.update(text, prefixes=PREFIXES, base_iri=base_iri)
    except SyntaxError as e:
        raise EndpointError(400, Errors.E061.format(reason=str(e).strip())) from None
    except (OSError, ValueError) as e:
        raise EndpointError(500, Errors.E071.format(reason=str(e).strip())) from None


# ------------------------------------------------------------------ protocol
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
    body = await _read_body_bytes(request)
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as e:
        raise EndpointError(400, Errors.E061.format(reason=f"the body is not UTF-8 ({e})")) from None


#: What /explore/neighbours accepts as a node id: an absolute http(s) IRI, nothing SPARQL could misread.
_IRI = re.compile(r"https?://[^\s<>\"{}|\\^`]+")


class Site:
    """Request handlers over one graph; ``create_app`` wires them to routes."""

    def __init__(self, graph: KnowledgeGraph, *, allow_update: bool, timeout: float,
                 max_results: int, explorer_html: Callable[[KnowledgeGraph], str] | None,
                 hosts: HostPolicy | None = None, scheduler: Scheduler | None = None):
        self.graph, self.allow_update, self.timeout = graph, allow_update, timeout
        self.runner = QueryRunner(graph, timeout=timeout, max_results=max_results)
        self.explorer = Explorer(graph, explorer_html)
        self.entities = EntityPages(graph)
        self.hosts = hosts or HostPolicy()
        self.scheduler = scheduler or Scheduler()
        self.update_lock = anyio.Lock()
        # threads for page work done in the server process (entity pages, explorer data)
        self.workers = anyio.CapacityLimiter(max(2, os.cpu_count() or 2))
        self.served = served_build(graph)
        import rdflib.plugins.sparql.parser  # noqa: F401 - loaded once here, not in every worker

    async def sparql(self, request: Request) -> Response:
        if request.method == "OPTIONS":
            return _preflight()
        if request.method == "GET" and not request.query_params:
            if _wants_html(request):
                return RedirectResponse("/query", status_code=303)
            return self.service_description(request)
        deadline = time.monotonic() + self.timeout
        op: Operation | None = None
        try:
            op = await read_operation(request)
            if op.kind == "update":
                return await self._update(request, op, deadline)
            answer = await self._query(request, op, deadline)
        except EndpointError as e:
            return _error_response(e, op, cors=op is None or op.kind == "query")
        if op.formats.html:
            return HTMLResponse(query_page(op.text, answer_html(answer)))
        return Response(answer.body, media_type=answer.media_type, headers=CORS_READ_HEADERS)

    async def _query(self, request: Request, op: Operation, deadline: float) -> Answer:
        stopped = EndpointError(503, Errors.E066.format(timeout=self.timeout), {"Retry-After": "1"})
        async with self.scheduler.slot(_client(request), deadline, stopped):
            formats = OutputFormats(JSON_RESULTS, TURTLE) if op.formats.html else op.formats
            run = functools.partial(self.runner.run, op.text, op.dataset, formats,
                                    timeout=deadline - time.monotonic(), base_iri=_base(request))
            return await anyio.to_thread.run_sync(run)

    async def _update(self, request: Request, op: Operation, deadline: float) -> Response:
        if not self.allow_update:
            raise EndpointError(403, Errors.E063)
        if request.method != "POST":
            raise EndpointError(405, Errors.E064)
        self.hosts.check_origin(request.headers.get("origin"))
        stopped = EndpointError(503, Errors.E073.format(timeout=self.timeout), {"Retry-After": "1"})
        with anyio.move_on_after(max(0.0, deadline - time.monotonic())) as waited:
            await self.update_lock.acquire()
        if waited.cancelled_caught:
            raise stopped
        try:
            await self.run_update(op.text, op.using, _base(request), deadline, stopped)
        finally:
            self.update_lock.release()
        return Response(status_code=204)

    async def run_update(self, text: str, using: UpdateDataset, base_iri: str | None, deadline: float,
                         stopped: EndpointError) -> None:
        """Check and run an update in a killable worker; an in-memory store is swapped for its result.

        Call it holding ``update_lock``.
        """
        on_disk = self.graph.path is not None and Path(self.graph.path).is_dir()
        if not self.runner.forks:  # no fork: check here, run in a thread (cannot be stopped)
            rewritten = _apply_update(self.graph.store, text, using, base_iri, None)
            await anyio.to_thread.run_sync(_run_update, self.graph.store, rewritten, base_iri)
            self.explorer.invalidate()
            return
        with tempfile.TemporaryDirectory(prefix="kg-update-") as folder:
            dump = None if on_disk else os.path.join(folder, "store.nq")
            run = functools.partial(run_forked, _apply_update, (self.graph.store, text, using, base_iri, dump),
                                    timeout=deadline - time.monotonic(), on_timeout=stopped)
            rewritten = await anyio.to_thread.run_sync(run)
            if dump is not None:
                fresh = ox.Store()
                await anyio.to_thread.run_sync(functools.partial(fresh.bulk_load, path=dump,
                                                                 format=ox.RdfFormat.N_QUADS))
                self.graph.store = fresh
            else:
                try:
                    with anyio.fail_after(max(0.0, deadline - time.monotonic())):
                        await anyio.to_thread.run_sync(_run_update, self.graph.store, rewritten, base_iri,
                                                       abandon_on_cancel=True)
                except TimeoutError:
                    raise EndpointError(503, Errors.E098.format(timeout=self.timeout)) from None
        self.explorer.invalidate()

    def home(self, request: Request) -> Response:
        return HTMLResponse(self.explorer.html())

    def query_form(self, request: Request) -> Response:
        """YASGUI (served from the package) with the example queries; the plain form without script."""
        from .query_page import yasgui_page

        plain = query_page(request.query_params.get("query") or _EXAMPLE_QUERY)
        return HTMLResponse(yasgui_page(plain[plain.index("<main>") + 6:plain.index("</main>")]))

    def asset(self, request: Request) -> Response:
        from .query_page import asset

        found = asset(request.path_params["name"])
        if found is None:
            return Response("Not found", status_code=404, media_type="text/plain")
        return Response(found[0], media_type=found[1], headers={"Cache-Control": "public, max-age=86400"})

    def service_description(self, request: Request) -> Response:
        """SPARQL 1.1 Service Description (GET /sparql without a query), in Turtle or N-Triples."""
        import pyoxigraph as ox

        from .query_page import service_description

        store = self.graph.store
        text = service_description(str(request.url.replace(query="", fragment="")).rstrip("?"),
                                   allow_update=self.allow_update, triples=len(store),
                                   graphs=sum(1 for _ in store.named_graphs()))
        if "application/n-triples" in request.headers.get("accept", ""):
            triples = ox.parse(text.encode(), format=ox.RdfFormat.TURTLE)
            return Response(ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES), media_type="application/n-triples")
        return Response(text, media_type="text/turtle; charset=utf-8")

    def entity(self, request: Request) -> Response:
        try:
            return HTMLResponse(self.entities.render(request.path_params["path"]))
        except EndpointError as e:
            return HTMLResponse(page("Not found", f"<h1>Not found</h1><p>{esc(e)}</p>"), e.status)

    async def follow_builds(self, every: float = 1.0) -> None:
        """For a store served read-only: when a build finishes (its note changes), serve what it built.

        A read-only open sees the store as it was when opened, so a build can
        write meanwhile; the finished build is swapped in as a whole.
        """
        from .store import build_stamp, open_store_read_only

        path = self.graph.path
        stamp = build_stamp(path)
        while True:
            await anyio.sleep(every)
            now = build_stamp(path)
            if now == stamp:
                continue
            try:
                fresh = await anyio.to_thread.run_sync(open_store_read_only, path)
            except KGError as e:  # keep serving what we have; try again at the next change
                log.warning("could not reopen %s: %s", path, e)
                continue
            stamp = now
            self.graph.store = fresh.store
            self.served = served_build(self.graph)
            self.explorer.invalidate()
            log.info("serving the build finished at %s", self.served.get("build", {}).get("finished"))

    async def explore(self, request: Request) -> Response:
        """JSON for the explorer page: ``/explore/neighbours?id=IRI`` or ``/explore/search?q=TEXT``."""
        from .view import neighbourhood_data, search_data

        what = request.path_params["what"]
        if what == "neighbours":
            iri = request.query_params.get("id", "")
            if not _IRI.fullmatch(iri):
                return JSONResponse({"error": "Give ?id= an entity or fact IRI."}, status_code=400)
            job, arg = neighbourhood_data, iri
        elif what == "search":
            job, arg = search_data, request.query_params.get("q", "")[:200]
        else:
            return JSONResponse({"error": "Use /explore/neighbours?id=IRI or /explore/search?q=TEXT."},
                                status_code=404)
        data = await anyio.to_thread.run_sync(job, self.graph, arg, limiter=self.workers)
        return JSONResponse(data)

    def health(self, request: Request) -> Response:
        store = self.graph.store
        graphs = sum(1 for _ in store.named_graphs())
        return JSONResponse({"status": "ok", "triples": len(store), "graphs": graphs, **self.served})

    def describe(self) -> str:
        mode = "read-write" if self.allow_update else "read-only"
        return (f"newskg endpoint: {len(self.graph)} triples, {mode}, query time limit "
                f"{self.timeout:g} s, at most {self.runner.max_results} results")


def served_build(graph: KnowledgeGraph) -> dict:
    """What ``/health`` says is served: the graph's file or store, and the build that made it."""
    from .store import last_build

    info: dict = {"source": str(graph.path) if graph.path is not None else None,
                  "read_only": bool(getattr(graph, "read_only", False)),
                  "opened": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
    build = last_build(graph)
    if build:
        info["build"] = build
    return info


def _client(request: Request) -> str:
    return request.client.host if request.client else "-"


def _base(request: Request) -> str:
    """The endpoint's own URL: the base IRI of relative IRIs in a request (SPARQL 1.1 Protocol 2.1.4)."""
    return str(request.url.replace(query="", fragment=""))


def _wants_html(request: Request) -> bool:
    return "text/html" in request.headers.get("accept", "")


def _error_response(error: EndpointError, op: Operation | None, *, cors: bool = False) -> Response:
    """Plain text, as most SPARQL servers answer errors; the form again for HTML users."""
    headers = {**error.headers, **(CORS_READ_HEADERS if cors else {})}
    if error.status == 405:
        headers["Allow"] = "POST"
    if op is not None and op.formats.html:
        body = query_page(op.text, f"<p class=error>{esc(error)}</p>")
        return HTMLResponse(body, error.status, headers=headers)
    return PlainTextResponse(str(error), error.status, headers=headers)


class AccessLog:
    """ASGI middleware: one log line per request with method, path, status and duration."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start, status = time.perf_counter(), 500

        async def send_and_note(message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_and_note)
        finally:
            client = scope.get("client") or ("-", 0)
            log.info("%s %s %s %d %.1fms", client[0], scope["method"], scope["path"], status,
                     (time.perf_counter() - start) * 1000)


def create_app(graph: KnowledgeGraph, *, allow_update: bool = False, timeout: float = 10.0,
               max_results: int = 10000,
               explorer_html: Callable[[KnowledgeGraph], str] | None = None,
               host: str = "127.0.0.1", allowed_hosts: Iterable[str] = (),
               scheduler: Scheduler | None = None) -> Starlette:
    """The web app: SPARQL endpoint, Graph Store reads, explorer, query form, entity pages, health.

    Parameters
    ----------
    graph : the graph to serve (queries see the union of its named graphs).
    allow_update : accept SPARQL Update over POST (refused with 403 otherwise).
    timeout : seconds a query may run before it is killed and answered with 503.
    max_results : most rows (SELECT) or triples (CONSTRUCT/DESCRIBE) in an answer; more is 413.
    explorer_html : renders the ``/`` page; by default ``kg.view.render_html``.
    host, allowed_hosts : the address the server listens on and other names it answers to
        (a request for any other ``Host`` is refused: DNS rebinding).
    scheduler : admission of queries to workers (:class:`kg.runner.Scheduler`).
    """
    hosts = HostPolicy(host, allowed_hosts)
    site = Site(graph, allow_update=allow_update, timeout=timeout, max_results=max_results,
                explorer_html=explorer_html, hosts=hosts, scheduler=scheduler)
    store = GraphStore(site)
    routes = [
        Route("/", site.home),
        Route("/query", site.query_form),
        Route("/sparql", site.sparql, methods=["GET", "POST", "OPTIONS"]),
        Route("/store", store.handle, methods=GSP_METHODS),
        Route("/store/{path:path}", store.handle, methods=GSP_METHODS),
        Route("/entity/{path:path}", site.entity),
        Route("/health", site.health),
        Route("/explore/{what}", site.explore),
        Route("/assets/{name}", site.asset),
        Route("/favicon.ico", lambda request: Response(status_code=204)),
    ]

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette):
        log.info(site.describe())
        async with anyio.create_task_group() as tasks:
            if getattr(graph, "read_only", False) and graph.path is not None:
                tasks.start_soon(site.follow_builds)
            yield
            tasks.cancel_scope.cancel()

    middleware = [Middleware(AccessLog), Middleware(SecurityHeaders, policy=hosts)]
    return Starlette(routes=routes, middleware=middleware, lifespan=lifespan)


def serve(graph_path: str | Path, *, host: str = "127.0.0.1", port: int = 8000,
          allow_update: bool = False, timeout: float = 10.0, max_results: int = 10000,
          allowed_hosts: Iterable[str] = ()) -> None:
    """Load a graph file or store folder and serve it with uvicorn until interrupted."""
    import uvicorn

    from .graph import load

    if Path(graph_path).is_dir() and not allow_update:
        from .store import open_store_read_only

        graph = open_store_read_only(graph_path)  # a build may write the store meanwhile
    else:
        graph = load(graph_path)
    app = create_app(graph, allow_update=allow_update, timeout=timeout,
                     max_results=max_results, host=host, allowed_hosts=allowed_hosts)
    log_config = copy.deepcopy(uvicorn.config.LOGGING_CONFIG)
    log_config["loggers"]["kg.serve"] = {"handlers": ["default"], "level": "INFO", "propagate": False}
    # AccessLog writes the access lines (with durations), so uvicorn's own are off.
    uvicorn.run(app, host=host, port=port, log_config=log_config, access_log=False)
