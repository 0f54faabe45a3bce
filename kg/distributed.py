"""Run the NLP step on a Dask cluster (``pip install 'newskg[dask]'``).

Batches of :class:`~kg.model.Article` go to the cluster's workers; each
worker process loads the spaCy pipeline once (on its first batch) and turns
articles into :class:`~kg.model.Extraction` objects, as the local worker
processes of :mod:`kg.parallel` do. Results come back in input order with
only a few batches in flight, so memory stays flat however many articles
stream through. Every worker needs newskg and the spaCy pipeline installed.

Dask is imported inside the functions, so ``kg --help`` stays fast.
"""
from __future__ import annotations

import functools
import gc
import threading
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from .errors import Errors, KGError
from .model import Article, Extraction
from .parallel import in_order, run_batch

if TYPE_CHECKING:
    from distributed import Client

    from .executors import Plan

__all__ = ["extract_dask", "extract_distributed"]


@functools.lru_cache(maxsize=None)
def _pipeline(model: str):
    """The pipeline ``model`` of this worker process, loaded once, and a lock to use it."""
    from .nlp import load_pipeline

    return load_pipeline(model), threading.Lock()


_LOADING = threading.Lock()  # a worker with several threads still loads each pipeline once


def _extract_batch(model: str, articles: list[Article]) -> list[Extraction]:
    """Runs on a worker: one batch of articles through the worker's pipeline."""
    with _LOADING:
        nlp, lock = _pipeline(model)
    with lock:  # one spaCy call at a time per process; give workers one thread each (--nthreads 1)
        return run_batch(nlp, articles)


def _connect(scheduler: str, timeout: float | None) -> Client:
    """A client of ``scheduler``; [E090] without dask, [E089] when it cannot be reached."""
    try:
        from distributed import Client
    except ImportError as e:
        raise KGError(Errors.E090.format(reason=e)) from None
    reason = None
    try:
        return Client(scheduler, set_as_default=False,
                      **({"timeout": timeout} if timeout is not None else {}))
    except (OSError, ValueError, TypeError) as e:  # refused, timed out, malformed address
        reason = f"{type(e).__name__}: {e}"
    # The half-made Client must go while its event loop still runs; collected at exit,
    # it prints a traceback.
    gc.collect()
    raise KGError(Errors.E089.format(address=scheduler, reason=reason))


def extract_dask(articles: Iterable[Article], *, scheduler: str | Client, model: str,
                 batch_size: int = 8, in_flight: int | None = None,
                 timeout: float | None = None) -> Iterator[Extraction]:
    """Extractions of ``articles`` computed on a Dask cluster, in input order.

    Parameters
    ----------
    articles : iterable of Article
        Read lazily; at most ``in_flight`` batches are on the cluster at once.
    scheduler : str or distributed.Client
        A scheduler address (``tcp://HOST:PORT``), connected to and closed here,
        or a connected client, left open.
    model : str
        Name of the spaCy pipeline each worker loads (once per worker process).
    batch_size : int
        Articles per task.
    in_flight : int, optional
        Batches queued on the cluster; default twice its worker threads.
    timeout : float, optional
        Seconds to wait for the scheduler; default dask's
        ``distributed.comm.timeouts.connect``.

    Raises
    ------
    KGError
        [E090] if dask is not installed, [E089] if the scheduler cannot be
        reached, [E091] if a worker fails on a batch.
    """
    owned = isinstance(scheduler, str)
    client = _connect(scheduler, timeout) if owned else scheduler
    try:
        window = in_flight or max(2, 2 * sum(client.nthreads().values()))
        # Stopped early or failed: in_order cancels the queued batches before the client closes.
        yield from in_order(articles, batch_size=batch_size, window=window,
                            submit=lambda batch: client.submit(_extract_batch, model, batch, pure=False),
                            wait=lambda future: future.result(), error=Errors.E091, cancel=client.cancel)
    finally:
        if owned:
            client.close()


def extract_distributed(articles: Iterable[Article], plan: Plan) -> Iterator[Extraction]:
    """The ``dask`` executor (:mod:`kg.executors`): ``plan.scheduler``'s cluster, ``plan.task_size`` articles a task."""
    yield from extract_dask(articles, scheduler=plan.scheduler, model=plan.model, batch_size=plan.task_size)
