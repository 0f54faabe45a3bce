"""The endpoint's writes: SPARQL updates checked and applied in killable workers, one at a time.

An update is first checked in a forked child (:func:`kg.server.runner.run_forked`:
no ``SERVICE`` or ``LOAD``, the request's dataset written into it), then
applied where it can be killed at the time limit, changing nothing:

* a graph in memory: on the forked child's copy of the store, which the
  server then loads in its place (a few seconds per million triples);
* a store folder: by a writer process of its own (:mod:`kg.server.store_writer`),
  after which the server reopens the folder read-only to serve what it wrote.
  The server never holds the folder's write lock, so a killed writer leaves
  nothing locked and the next update runs.

Graph Store writes to a store folder go through the same writer
(:meth:`UpdateRunner.write`).

Known limit: pyoxigraph calls opening a store read-only while another
process writes it undefined behaviour (RocksDB may delete, when it compacts,
a file the reader has not opened yet). ``kg serve STORE`` already serves a
store a build writes that way. The reader never writes, so the worst case is
a query answered 500 while a writer runs; the store stays whole, and the
server reopens the folder after each write. Each writer opens the folder for
one update, and the opening flushes the last writer's log into new small files:
a folder gains about seven ``.sst`` files per update, which were not compacted
away in our trials (update and query times stayed flat over 80 updates, but a
query on a tiny store so written took 0.4 ms against 0.04 ms on a fresh copy).
A writer process living as long as the server would avoid that.
"""
from __future__ import annotations

import functools
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

import anyio
import pyoxigraph as ox

from ..errors import EndpointError, Errors
from .runner import fork_available, run_forked
from .sandbox import check_safe
from .updates import UpdateDataset, UpdateDatasetError, with_dataset
from ..vocab import PREFIXES

if TYPE_CHECKING:
    from ..graph import KnowledgeGraph

__all__ = ["UpdateRunner", "write_store", "store_folder"]

# The writer is a fresh interpreter. kg/__init__.py imports the whole pipeline (a second);
# the writer needs only kg.server.store_writer and kg.server.sandbox (and kg.errors), so "kg" is
# made a bare package of the folder above this one (kg/server/__init__.py imports nothing). The
# current directory is left off sys.path: it could shadow any module.
_BOOTSTRAP = ("import sys, types; sys.path[:] = [p for p in sys.path if p not in ('', '.')]; "
              "kg = types.ModuleType('kg'); kg.__path__ = [sys.argv[1]]; sys.modules['kg'] = kg; "
              "from kg.server.store_writer import main; sys.exit(main())")


def store_folder(graph: KnowledgeGraph) -> Path | None:
    """The folder of an on-disk store, or None for a graph in memory."""
    return Path(graph.path) if graph.path is not None and Path(graph.path).is_dir() else None


class UpdateRunner:
    """Runs the writes of one served graph in workers, killed at their deadline.

    Call :meth:`run` and :meth:`write` holding the server's update lock: writes
    run one at a time.
    """

    def __init__(self, graph: KnowledgeGraph, *, timeout: float) -> None:
        self.graph, self.timeout = graph, timeout
        self.forks = fork_available()
        self.folder = store_folder(graph)

    async def run(self, text: str, using: UpdateDataset, base_iri: str | None, deadline: float,
                  stopped: EndpointError) -> None:
        """Check and apply a request's update; ``stopped`` is raised at the deadline, nothing changed."""
        with anyio.CancelScope(shield=True):  # a client gone does not leave an update half served
            if self.folder is not None:
                rewritten = await self._checked(text, using, deadline, stopped)
                await self.write(rewritten, base_iri, deadline, stopped)
            elif self.forks:
                await self._run_in_memory(text, using, base_iri, deadline, stopped)
            else:  # no fork: check here, run in a thread (cannot be stopped)
                rewritten = _check_update(self.graph.store, text, using)
                await anyio.to_thread.run_sync(_run_update, self.graph.store, rewritten, base_iri)

    async def write(self, update: str, base_iri: str | None, deadline: float, stopped: EndpointError) -> None:
        """Apply a checked update to the store folder in a writer process, then serve what it wrote."""
        assert self.folder is not None, "write() is for a store folder"
        run = functools.partial(write_store, self.folder, update, base_iri,
                                timeout=deadline - time.monotonic(), on_timeout=stopped)
        with anyio.CancelScope(shield=True):  # what the writer applied is served, client gone or not
            await anyio.to_thread.run_sync(run)
            await self._reopen()

    async def _checked(self, text: str, using: UpdateDataset, deadline: float, stopped: EndpointError) -> str:
        """The update checked and rewritten in a killable child (in this process without fork)."""
        if not self.forks:
            return _check_update(self.graph.store, text, using)
        run = functools.partial(run_forked, _check_update, (self.graph.store, text, using),
                                timeout=deadline - time.monotonic(), on_timeout=stopped)
        return await anyio.to_thread.run_sync(run)

    async def _reopen(self) -> None:
        """Serve the folder as the writer left it (a read-only open sees the store as it was when opened)."""
        from ..store import open_store_read_only

        fresh = await anyio.to_thread.run_sync(open_store_read_only, self.folder)
        self.graph.store = fresh.store

    async def _run_in_memory(self, text: str, using: UpdateDataset, base_iri: str | None, deadline: float,
                             stopped: EndpointError) -> None:
        """Run the update on a forked child's copy of the store; load the child's result in its place."""
        with tempfile.TemporaryDirectory(prefix="kg-update-") as folder:
            dump = os.path.join(folder, "store.nq")
            run = functools.partial(run_forked, _apply_update, (self.graph.store, text, using, base_iri, dump),
                                    timeout=deadline - time.monotonic(), on_timeout=stopped)
            await anyio.to_thread.run_sync(run)
            fresh = ox.Store()
            await anyio.to_thread.run_sync(functools.partial(fresh.bulk_load, path=dump, format=ox.RdfFormat.N_QUADS))
            self.graph.store = fresh


def _check_update(store: ox.Store, text: str, dataset: UpdateDataset) -> str:
    """In a worker: refuse what the endpoint refuses; the update with the request's dataset written in.

    Without a dataset of its own, an update's WHERE reads the union of the store's named graphs.
    """
    check_safe(text, "update")
    union = () if dataset else [g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode)]
    try:
        return with_dataset(text, dataset, union)
    except UpdateDatasetError as e:
        raise EndpointError(400, str(e)) from None


def _apply_update(store: ox.Store, text: str, dataset: UpdateDataset, base_iri: str | None, dump_to: str) -> None:
    """In a forked worker: check the update, run it on this copy of the store, dump the result (N-Quads)."""
    _run_update(store, _check_update(store, text, dataset), base_iri)
    store.dump(dump_to, format=ox.RdfFormat.N_QUADS)


def _run_update(store: ox.Store, text: str, base_iri: str | None) -> None:
    """``store.update`` with our prefixes; a syntax error is a 400, a storage error a 500."""
    try:
        store.update(text, prefixes=PREFIXES, base_iri=base_iri)
    except SyntaxError as e:
        raise EndpointError(400, Errors.E061.format(reason=str(e).strip())) from None
    except (OSError, ValueError) as e:
        raise EndpointError(500, Errors.E071.format(reason=str(e).strip())) from None


def write_store(folder: Path, update: str, base_iri: str | None, *, timeout: float,
                on_timeout: EndpointError) -> None:
    """Blocking: apply ``update`` to the store ``folder`` in a writer process killed after ``timeout`` seconds.

    Raises ``on_timeout`` when the writer was killed before it applied the
    update, and the writer's refusal as an :class:`EndpointError` (400, a 503
    while another process writes the folder, 500).
    """
    if timeout <= 0:
        raise on_timeout
    request = json.dumps({"store": str(folder), "update": update, "base_iri": base_iri, "prefixes": PREFIXES})
    writer = subprocess.Popen([sys.executable, "-c", _BOOTSTRAP, str(Path(__file__).resolve().parent.parent)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        out, err = writer.communicate(request.encode("utf-8"), timeout=timeout)
    except subprocess.TimeoutExpired:
        writer.kill()
        out, err = writer.communicate()
        if _reply(out) != {"ok": True}:  # killed before its transaction was written: nothing changed
            raise on_timeout from None
        return
    _raise_refusal(_reply(out), err, folder, writer.returncode)


def _reply(out: bytes) -> dict | None:
    """The writer's JSON reply (its last line), or None when it died without one."""
    lines = out.decode("utf-8", "replace").strip().splitlines()
    try:
        return json.loads(lines[-1]) if lines else None
    except ValueError:
        return None


def _raise_refusal(reply: dict | None, err: bytes, folder: Path, code: int | None) -> None:
    """Raise the coded error for a writer's reply other than ``{"ok": true}``."""
    if reply == {"ok": True}:
        return
    if reply is None:
        last = (err.decode("utf-8", "replace").strip().splitlines() or [f"exit status {code}"])[-1]
        raise EndpointError(500, Errors.E071.format(reason=f"the store writer died ({last})"))
    reason = reply.get("reason", "")
    if reply.get("error") == "open":
        raise EndpointError(503, Errors.E050.format(path=folder, reason=reason), {"Retry-After": "1"})
    if reply.get("error") == "syntax":
        raise EndpointError(400, Errors.E061.format(reason=reason))
    raise EndpointError(500, Errors.E071.format(reason=reason))
