"""The endpoint's SPARQL updates: checked and run in a killable worker, one at a time.

An update of an in-memory graph runs on a forked child's copy of the store
(:func:`kg.runner.run_forked`), which the server then loads in its place (a
few seconds per million triples), so a runaway update is killed at its time
limit and changes nothing. An update of an on-disk store is checked in a child
and applied by the server.
"""
from __future__ import annotations

import functools
import os
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

import anyio
import pyoxigraph as ox

from .errors import EndpointError, Errors
from .runner import fork_available, run_forked
from .sandbox import check_safe
from .updates import UpdateDataset, UpdateDatasetError, with_dataset
from .vocab import PREFIXES

if TYPE_CHECKING:
    from .graph import KnowledgeGraph

__all__ = ["UpdateRunner"]


class UpdateRunner:
    """Runs the SPARQL updates of one served graph in workers, killed at their deadline.

    Call :meth:`run` holding the server's update lock: updates run one at a time.
    """

    def __init__(self, graph: KnowledgeGraph, *, timeout: float) -> None:
        self.graph, self.timeout = graph, timeout
        self.forks = fork_available()

    async def run(self, text: str, using: UpdateDataset, base_iri: str | None, deadline: float,
                  stopped: EndpointError) -> None:
        """Check and run an update in a killable worker; an in-memory store is swapped for its result."""
        on_disk = self.graph.path is not None and Path(self.graph.path).is_dir()
        if not self.forks:  # no fork: check here, run in a thread (cannot be stopped)
            rewritten = _apply_update(self.graph.store, text, using, base_iri, None)
            await anyio.to_thread.run_sync(_run_update, self.graph.store, rewritten, base_iri)
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
    """``store.update`` with our prefixes; a syntax error is a 400, a storage error a 500."""
    try:
        store.update(text, prefixes=PREFIXES, base_iri=base_iri)
    except SyntaxError as e:
        raise EndpointError(400, Errors.E061.format(reason=str(e).strip())) from None
    except (OSError, ValueError) as e:
        raise EndpointError(500, Errors.E071.format(reason=str(e).strip())) from None
