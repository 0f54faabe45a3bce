"""SPARQL 1.1 Graph Store HTTP Protocol at ``/store``: ``?graph=IRI``, ``?default``, or ``/store/PATH``.

Indirect identification names a graph in the query string; direct
identification names the graph whose IRI is the request URL itself
(``http://HOST:PORT/store/person/1.ttl``), and a ``POST /store`` makes a new
graph of that form and answers its IRI in ``Location``.

``GET``/``HEAD /store?graph=IRI`` answers one named graph, ``?default`` the
store's own default graph (not the union queries see), in the format the
``Accept`` header asks for (Turtle by default); an unknown graph is 404.
``PUT`` (replace), ``POST`` (merge) and ``DELETE`` need ``kg serve
--allow-update`` and a same-site ``Origin``, like SPARQL Update; the body is
parsed in a sandboxed worker, so a hostile document costs a 400, never the
server. Reads get CORS, writes never do.
"""
from __future__ import annotations

import functools
import itertools
import time
import uuid
from typing import TYPE_CHECKING

import anyio
import pyoxigraph as ox
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from ..errors import EndpointError, Errors
from .http_guard import CORS_READ_HEADERS
from .protocol import accepted, preflight, prefixes_for, read_body_bytes
from .runner import run_forked

if TYPE_CHECKING:
    from .serve import Site

__all__ = ["GraphStore", "GSP_METHODS"]

TURTLE = ox.RdfFormat.TURTLE
READ_METHODS = ("GET", "HEAD")
GSP_METHODS = ["GET", "HEAD", "PUT", "POST", "DELETE", "OPTIONS"]


def _target(request: Request) -> ox.NamedNode | ox.DefaultGraph:
    """The graph a request names: ``?graph=IRI`` or ``?default``, exactly one of them."""
    if request.path_params.get("path"):  # direct identification: the URL is the graph's name
        if request.query_params:
            raise EndpointError(400, Errors.E094.format(given="a graph URL with query parameters"))
        return ox.NamedNode(str(request.url.replace(query="", fragment="")))
    graphs = request.query_params.getlist("graph")
    default = "default" in request.query_params
    if request.method == "POST" and not graphs and not default:  # POST to the store: a new graph
        return ox.NamedNode(f"{str(request.url.replace(query='', fragment=''))}/{uuid.uuid4().hex}")
    if len(graphs) + default != 1:
        given = ", ".join([*(f"graph={g}" for g in graphs), *(["default"] if default else [])]) or "neither"
        raise EndpointError(400, Errors.E094.format(given=given))
    if default:
        return ox.DefaultGraph()
    try:
        return ox.NamedNode(graphs[0])
    except ValueError as e:
        raise EndpointError(400, Errors.E076.format(value=graphs[0], param="graph", reason=e)) from None


def _exists(store: ox.Store, graph) -> bool:
    if isinstance(graph, ox.DefaultGraph):
        return True
    return store.contains_named_graph(graph) or next(
        iter(store.quads_for_pattern(None, None, None, graph)), None) is not None


def _accepted_format(accept: str | None) -> ox.RdfFormat:

    for media in accepted(accept):
        fmt = ox.RdfFormat.from_media_type(media)
        if fmt is not None and fmt not in (ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG):
            return fmt
    return TURTLE


def _parse_body(body: bytes, media_type: str, base_iri: str | None) -> bytes:
    """In a worker: the body as N-Triples (raises 400 when it does not parse).

    ``multipart/form-data`` (a form uploading files): every part is parsed by its own type.
    """
    if media_type.split(";")[0].strip().lower() == "multipart/form-data":
        from email.parser import BytesParser
        from email.policy import HTTP

        message = BytesParser(policy=HTTP).parsebytes(
            f"Content-Type: {media_type}\r\n\r\n".encode("latin-1") + body)
        if not message.is_multipart():
            raise EndpointError(400, Errors.E097.format(fmt="multipart/form-data", reason="no parts"))
        return b"".join(_parse_body(part.get_payload(decode=True) or b"", part.get_content_type(), base_iri)
                        for part in message.iter_parts())
    fmt = ox.RdfFormat.from_media_type(media_type.split(";")[0].strip())
    if fmt is None or fmt in (ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG):
        raise EndpointError(415, Errors.E096.format(value=media_type))
    try:
        triples = [ox.Triple(q.subject, q.predicate, q.object)
                   for q in ox.parse(body, format=fmt, base_iri=base_iri)]
    except (SyntaxError, ValueError) as e:
        raise EndpointError(400, Errors.E097.format(fmt=fmt.name, reason=str(e).strip())) from None
    return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""


class GraphStore:
    """The ``/store`` handler over a :class:`~kg.server.serve.Site` (its graph, limits, lock and host policy)."""

    def __init__(self, site: Site) -> None:
        self.site = site

    async def handle(self, request: Request) -> Response:
        """Answer one ``/store`` request: GET/HEAD read a graph, PUT/POST/DELETE change it (when allowed)."""
        cors = request.method in READ_METHODS
        try:
            if request.method == "OPTIONS":

                return preflight()
            graph = _target(request)
            if cors:
                return self._read(request, graph)
            return await self._write(request, graph)
        except EndpointError as e:
            headers = {**e.headers, **(CORS_READ_HEADERS if cors else {})}
            return PlainTextResponse(str(e), e.status, headers=headers)

    def _read(self, request: Request, graph) -> Response:
        store = self.site.graph.store
        if not _exists(store, graph):
            raise EndpointError(404, Errors.E095.format(graph=graph))
        cap = self.site.runner.max_results
        quads = list(itertools.islice(store.quads_for_pattern(None, None, None, graph), cap + 1))
        if len(quads) > cap:
            raise EndpointError(413, Errors.E067.format(limit=cap, unit="triples"))
        fmt = _accepted_format(request.headers.get("accept"))

        triples = [ox.Triple(q.subject, q.predicate, q.object) for q in quads]
        body = ox.serialize(triples, format=fmt, prefixes=prefixes_for(fmt)) or b""
        headers = {**CORS_READ_HEADERS, "Content-Length": str(len(body))}
        if request.method == "HEAD":
            return Response(None, media_type=fmt.media_type, headers=headers)
        return Response(body, media_type=fmt.media_type, headers=headers)

    async def _write(self, request: Request, graph: ox.NamedNode | ox.DefaultGraph) -> Response:
        """PUT, POST or DELETE one graph, in the store itself or, for a store folder, by its writer process."""
        site = self.site
        if not site.allow_update:
            raise EndpointError(403, Errors.E063)
        site.hosts.check_origin(request.headers.get("origin"))
        deadline = time.monotonic() + site.timeout
        stopped = EndpointError(503, Errors.E073.format(timeout=site.timeout), {"Retry-After": "1"})
        data = b""
        if request.method in ("PUT", "POST"):
            body = await read_body_bytes(request)
            base = graph.value if isinstance(graph, ox.NamedNode) else None
            content_type = request.headers.get("content-type", "")
            run = functools.partial(run_forked, _parse_body, (body, content_type, base),
                                    timeout=deadline - time.monotonic(), on_timeout=stopped)
            data = await anyio.to_thread.run_sync(run)
        with anyio.move_on_after(max(0.0, deadline - time.monotonic())) as waited:
            await site.update_lock.acquire()
        if waited.cancelled_caught:
            raise stopped
        try:
            existed = _has_content(site.graph.store, graph)
            if request.method == "DELETE" and not existed:
                raise EndpointError(404, Errors.E095.format(graph=graph))
            if site.updates.folder is not None:
                await site.updates.write(_as_update(request.method, graph, data), None, deadline, stopped)
            else:
                _apply(site.graph.store, request.method, graph, data)
            site.explorer.invalidate()
        finally:
            site.update_lock.release()
        if existed or request.method == "DELETE":
            return Response(status_code=204)
        location = {"Location": graph.value} if isinstance(graph, ox.NamedNode) else {}
        return Response(status_code=201, headers=location)


def _has_content(store: ox.Store, graph: ox.NamedNode | ox.DefaultGraph) -> bool:
    """A named graph that exists (empty or not), or a default graph holding a triple."""
    return _exists(store, graph) and (isinstance(graph, ox.NamedNode) or next(
        iter(store.quads_for_pattern(None, None, None, graph)), None) is not None)


def _apply(store: ox.Store, method: str, graph: ox.NamedNode | ox.DefaultGraph, data: bytes) -> None:
    """The write on a store in this process: DELETE or PUT clear the graph, PUT or POST add ``data``."""
    if method in ("PUT", "DELETE"):
        _clear(store, graph)
    if method == "DELETE":
        return
    if isinstance(graph, ox.NamedNode):
        store.add_graph(graph)
    store.extend([ox.Quad(t.subject, t.predicate, t.object, graph)
                  for t in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)])


def _as_update(method: str, graph: ox.NamedNode | ox.DefaultGraph, data: bytes) -> str:
    """The write as one SPARQL update, for a store folder's writer: all of it applies, or nothing.

    ``data`` is N-Triples from :func:`_parse_body`, whose terms SPARQL reads as they are.

    >>> _as_update("PUT", ox.NamedNode("http://g/1"), b"")
    'DROP SILENT GRAPH <http://g/1> ;\\nCREATE SILENT GRAPH <http://g/1>'
    >>> _as_update("POST", ox.DefaultGraph(), b'<http://s> <http://p> "o" .')
    'INSERT DATA { <http://s> <http://p> "o" . }'
    """
    named = isinstance(graph, ox.NamedNode)
    target = f"GRAPH <{graph.value}>" if named else "DEFAULT"
    operations = []
    if method in ("PUT", "DELETE"):
        operations.append(f"DROP SILENT {target}")
    if method in ("PUT", "POST") and named:
        operations.append(f"CREATE SILENT {target}")
    if data:
        triples = data.decode("utf-8")
        operations.append(f"INSERT DATA {{ {target} {{ {triples} }} }}" if named else f"INSERT DATA {{ {triples} }}")
    return " ;\n".join(operations)


def _clear(store: ox.Store, graph: ox.NamedNode | ox.DefaultGraph) -> None:
    if isinstance(graph, ox.DefaultGraph):
        store.clear_graph(graph)
    elif store.contains_named_graph(graph):
        store.remove_graph(graph)
