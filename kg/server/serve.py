"""``kg serve``: the routes of a SPARQL 1.1 Protocol endpoint and HTML pages over a built graph, and its lifecycle.

Routes
------
``/sparql``          SPARQL 1.1 Protocol: query by GET or POST (form or
                     ``application/sparql-query``); update by POST only, and
                     only when the app was made with ``allow_update=True``.
``/store``           SPARQL 1.1 Graph Store HTTP Protocol (:mod:`kg.server.gsp`):
                     reads always, writes with ``allow_update``.
``/``                the graph explorer (``kg.view.render_html``, or a plain
                     list of entities when the viewer cannot be imported).
``/query``           an HTML form for SPARQL; results come back as a table.
``/entity/{path}``   one page per entity: names, links, facts and evidence.
``/health``          JSON: status, triples, named graphs, what is served.

What a request asks and how to answer it is read by :mod:`kg.server.protocol`
(operations, content negotiation); queries run in :mod:`kg.server.query_runner`,
updates in :mod:`kg.server.update_runner`, in sandboxed workers killed at the time
limit (forked, :mod:`kg.server.runner`; a store folder's updates in a writer process
of their own), so a slow request costs one 503, never a stuck server. A store
folder is served read-only, even with ``allow_update``: its writer takes the
write lock for each update, and a build may write the folder meanwhile.
``SERVICE`` and ``LOAD`` are refused (:mod:`kg.server.sandbox`): pyoxigraph ships an
HTTP client and would fetch other hosts for them; the decision is made on the
parsed request, and the workers cannot open sockets anyway.

Queries are admitted by :class:`kg.server.runner.Scheduler`: the wait for a worker
counts against the time limit, one client never holds every worker, a full
queue answers 503 with ``Retry-After``. Requests must name a Host the server
was started for (:mod:`kg.server.http_guard`, DNS rebinding), updates a same-site
Origin; CORS is granted to reads only.

Known limits: a child's memory is not capped; an update's WHERE sees the
union of the named graphs but its DELETE and INSERT templates without GRAPH
still write the store's own default graph; entity pages run their small
queries in the server process, without the time limit.
"""
from __future__ import annotations

import contextlib
import copy
import functools
import logging
import os
import re
import time
from collections.abc import Callable, Iterable
from pathlib import Path

import anyio
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import (HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse,
                                 Response)
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..errors import EndpointError, Errors, GraphError, KGError
from ..graph import KnowledgeGraph
from .gsp import GSP_METHODS, GraphStore
from .http_guard import CORS_READ_HEADERS, HostPolicy, SecurityHeaders
from .pages import _EXAMPLE_QUERY, EntityPages, Explorer, answer_html, esc, page, query_page
from .pages import entity_list_html  # noqa: F401 (kg.server.serve.entity_list_html, as before)
from .protocol import MAX_BODY  # noqa: F401 (kg.server.serve.MAX_BODY, as before)
from .protocol import JSON_RESULTS, TURTLE, Operation, OutputFormats, preflight, read_operation
from .protocol import negotiate  # noqa: F401 (kg.server.serve.negotiate, as before)
from .query_runner import Answer, QueryRunner
from .runner import Scheduler
from .sandbox import check_safe  # noqa: F401 (kg.server.serve.check_safe, as before)
from .update_runner import UpdateRunner

__all__ = ["create_app", "serve", "EndpointError", "negotiate", "check_safe"]

log = logging.getLogger("kg.server.serve")

#: What /explore/neighbours accepts as a node id: an absolute http(s) IRI, nothing SPARQL could misread.
_IRI = re.compile(r"https?://[^\s<>\"{}|\\^`]+")


class Site:
    """Request handlers over one graph; ``create_app`` wires them to routes."""

    def __init__(self, graph: KnowledgeGraph, *, allow_update: bool, timeout: float,
                 max_results: int, explorer_html: Callable[[KnowledgeGraph], str] | None,
                 hosts: HostPolicy | None = None, scheduler: Scheduler | None = None) -> None:
        self.graph, self.allow_update, self.timeout = graph, allow_update, timeout
        self.runner = QueryRunner(graph, timeout=timeout, max_results=max_results)
        self.updates = UpdateRunner(graph, timeout=timeout)
        if allow_update and self.updates.folder is not None and not getattr(graph, "read_only", False):
            raise GraphError(Errors.E098.format(path=graph.path))  # its lock would stop the writer
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
        """``/sparql``: a query or an update; without one, the service description (or the query page)."""
        if request.method == "OPTIONS":
            return preflight()
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
        """One update at a time (the lock), from this site only; the wait counts against the limit."""
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
            await self.updates.run(op.text, op.using, _base(request), deadline, stopped)
            self.explorer.invalidate()
        finally:
            self.update_lock.release()
        return Response(status_code=204)

    def home(self, request: Request) -> Response:
        """``/``: the explorer page."""
        return HTMLResponse(self.explorer.html())

    def query_form(self, request: Request) -> Response:
        """YASGUI (served from the package) with the example queries; the plain form without script."""
        from .query_page import yasgui_page

        plain = query_page(request.query_params.get("query") or _EXAMPLE_QUERY)
        return HTMLResponse(yasgui_page(plain[plain.index("<main>") + 6:plain.index("</main>")]))

    def asset(self, request: Request) -> Response:
        """``/assets/NAME``: the query page's script and style, from the package."""
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
        """``/entity/PATH``: one entity's page, or a 404 page."""
        try:
            return HTMLResponse(self.entities.render(request.path_params["path"]))
        except EndpointError as e:
            return HTMLResponse(page("Not found", f"<h1>Not found</h1><p>{esc(e)}</p>"), e.status)

    async def follow_builds(self, every: float = 1.0) -> None:
        """For a store served read-only: when a build finishes (its note changes), serve what it built.

        A read-only open sees the store as it was when opened, so a build can
        write meanwhile; the finished build is swapped in as a whole.
        """
        from ..store import build_stamp, open_store_read_only

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
        from ..view import neighbourhood_data, search_data

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
        """``/health``: triples, named graphs and what is served (JSON)."""
        store = self.graph.store
        graphs = sum(1 for _ in store.named_graphs())
        return JSONResponse({"status": "ok", "triples": len(store), "graphs": graphs, **self.served})

    def describe(self) -> str:
        """One log line: size, mode and limits of this endpoint."""
        mode = "read-write" if self.allow_update else "read-only"
        return (f"newskg endpoint: {len(self.graph)} triples, {mode}, query time limit "
                f"{self.timeout:g} s, at most {self.runner.max_results} results")


def served_build(graph: KnowledgeGraph) -> dict:
    """What ``/health`` says is served: the graph's file or store, and the build that made it."""
    from ..store import last_build

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

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start, status = time.perf_counter(), 500

        async def send_and_note(message: Message) -> None:
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
    scheduler : admission of queries to workers (:class:`kg.server.runner.Scheduler`).
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

    from ..graph import load

    if Path(graph_path).is_dir():
        graph = _open_served_store(Path(graph_path), allow_update)
    else:
        graph = load(graph_path)
    app = create_app(graph, allow_update=allow_update, timeout=timeout,
                     max_results=max_results, host=host, allowed_hosts=allowed_hosts)
    log_config = copy.deepcopy(uvicorn.config.LOGGING_CONFIG)
    log_config["loggers"]["kg.server.serve"] = {"handlers": ["default"], "level": "INFO", "propagate": False}
    # AccessLog writes the access lines (with durations), so uvicorn's own are off.
    uvicorn.run(app, host=host, port=port, log_config=log_config, access_log=False)


def _open_served_store(folder: Path, allow_update: bool) -> KnowledgeGraph:
    """A store folder opened read-only: a build may write it, and each update's writer takes its lock."""
    from ..store import open_store, open_store_read_only

    if allow_update and not any(folder.iterdir()):  # a new, empty folder: make the store first
        open_store(folder)  # and close it at once, releasing its lock
    return open_store_read_only(folder)
