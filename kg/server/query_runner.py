"""The endpoint's queries: evaluated in a forked, sandboxed child, capped, serialised, killed at the limit.

Why a forked child (:func:`kg.server.runner.run_forked`): Oxigraph evaluates in
Rust and cannot be interrupted from Python, so a thread running a runaway
query would burn a core for ever. A forked child sees the store as it is
(copy-on-write, nothing reloaded), has no network, and is killed when the
time limit passes, so a slow query costs one 503, never a stuck server.
The child also checks the query (:func:`kg.server.sandbox.check_safe`): parsing is
work an attacker controls, so it is done where it can be killed.
"""
from __future__ import annotations

import concurrent.futures
import itertools
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pyoxigraph as ox

from ..errors import EndpointError, Errors
from .protocol import TSV_RESULTS, DatasetSpec, OutputFormats, prefixes_for
from .runner import fork_available, run_forked
from .sandbox import check_safe
from ..vocab import PREFIXES

if TYPE_CHECKING:
    from ..graph import KnowledgeGraph

__all__ = ["Answer", "evaluate", "QueryRunner"]


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
    body = ox.serialize(triples, format=formats.graph, prefixes=prefixes_for(formats.graph))
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
    """Runs each query in a forked, sandboxed child (:func:`kg.server.runner.run_forked`), killed at its deadline.

    The child first checks the query (:func:`kg.server.sandbox.check_safe`), then
    evaluates it over the store as it was at the fork.
    """

    def __init__(self, graph: KnowledgeGraph, *, timeout: float, max_results: int) -> None:
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
