"""Upload a graph to a SPARQL 1.1 Graph Store Protocol server.

Each named graph goes with one ``PUT <endpoint>?graph=<iri>`` of N-Triples,
which replaces that graph on the server, so pushing twice is harmless.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

import pyoxigraph as ox

from .errors import Errors, GraphError, KGError
from .graph import KnowledgeGraph

__all__ = ["push", "graph_payloads"]

NTRIPLES = "application/n-triples"


def graph_payloads(kg: KnowledgeGraph) -> Iterator[tuple[str, bytes]]:
    """(graph IRI, N-Triples bytes) of every named graph, sorted by IRI."""
    names = sorted((g for g in kg.store.named_graphs() if isinstance(g, ox.NamedNode)), key=lambda g: g.value)
    for g in names:
        yield g.value, kg.store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=g)


def push(kg: KnowledgeGraph, endpoint: str, *, batch: int = 1, timeout: float = 60.0,
         client: Any = None) -> int:
    """PUT every named graph of ``kg`` to ``endpoint``, ``batch`` requests at a time.

    Returns the number of graphs sent. Raises :class:`~kg.errors.GraphError`
    when the server cannot be reached or refuses a graph. ``client`` (an
    ``httpx.Client``, e.g. with a mock transport) is used and left open.
    """
    import httpx

    if batch < 1:
        raise KGError(Errors.E088.format(value=batch))
    own = client is None
    client = client or httpx.Client(timeout=timeout)

    def put(item: tuple[str, bytes]) -> None:
        iri, body = item
        try:
            r = client.put(endpoint, params={"graph": iri}, content=body, headers={"Content-Type": NTRIPLES})
        except httpx.HTTPError as e:
            raise GraphError(Errors.E086.format(url=endpoint, reason=f"{type(e).__name__}: {e}")) from None
        if r.status_code >= 300:
            raise GraphError(Errors.E087.format(graph=iri, status=r.status_code, reason=r.text.strip()[:200],
                                                url=endpoint))

    window = 4 * batch if batch > 1 else 1  # a few graphs queued per thread, never the whole graph
    n = 0
    try:
        with ThreadPoolExecutor(batch) as pool:
            pending: deque[Future] = deque()
            for item in graph_payloads(kg):
                pending.append(pool.submit(put, item))
                if len(pending) >= window:
                    pending.popleft().result()
                    n += 1
            for future in pending:
                future.result()
                n += 1
    finally:
        if own:
            client.close()
    return n
