"""Run the NLP step in worker processes.

Each worker (a "spawn" process) loads the spaCy pipeline once and turns
batches of :class:`~kg.model.Article` into :class:`~kg.model.Extraction`
objects (plain picklable dataclasses). Results come back in input order and
only a few batches are in flight at a time, so memory stays flat however many
articles stream through. :mod:`kg.distributed` streams its Dask tasks through
the same :func:`in_order`.
"""
from __future__ import annotations

import functools
import multiprocessing as mp
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar

from .batching import article_batches, extract_articles
from .errors import Errors, KGError
from .model import Article, Extraction

if TYPE_CHECKING:
    from .executors import Plan

__all__ = ["WorkerPool", "extract_parallel", "extract_processes", "in_order", "run_batch"]

Handle = TypeVar("Handle")


@functools.lru_cache(maxsize=None)
def _pipeline(model: str) -> Any:
    """The pipeline ``model`` of this worker process, loaded once (the pool's initializer)."""
    from .nlp import load_pipeline

    return load_pipeline(model)


def run_batch(nlp: Any, articles: list[Article]) -> list[Extraction]:
    """One batch of articles through a loaded pipeline, as a worker runs it."""
    return list(extract_articles(articles, nlp, batch_size=max(1, len(articles))))


def _extract_batch(model: str, articles: list[Article]) -> list[Extraction]:
    """Runs in a worker: one batch through the worker's pipeline."""
    return run_batch(_pipeline(model), articles)


def in_order(articles: Iterable[Article], *, batch_size: int, window: int,
             submit: Callable[[list[Article]], Handle], wait: Callable[[Handle], list[Extraction]],
             error: str, cancel: Callable[[list[Handle]], Any] | None = None) -> Iterator[Extraction]:
    """Submit ``articles`` in :func:`~kg.batching.article_batches` and yield their extractions in input order.

    At most ``window`` batches are submitted and not yet collected, so memory
    stays flat. A worker failure other than a :class:`KGError` becomes one
    ``KGError`` line from ``error`` (a coded message with a ``{reason}`` slot).
    Batches still queued when the iterator stops early or fails go to ``cancel``.
    """
    pending: deque = deque()
    try:
        for batch in article_batches(articles, batch_size):
            pending.append(submit(batch))
            if len(pending) >= window:
                yield from _collect(wait, pending.popleft(), error)
        while pending:
            yield from _collect(wait, pending.popleft(), error)
    finally:
        if pending and cancel is not None:
            cancel(list(pending))


def _collect(wait: Callable[[Handle], list[Extraction]], handle: Handle, error: str) -> list[Extraction]:
    try:
        return wait(handle)
    except KGError:
        raise
    except Exception as e:  # a worker crashed on an article: say so in one line
        raise KGError(error.format(reason=f"{type(e).__name__}: {e}")) from e


class WorkerPool:
    """``jobs`` worker processes, each holding one loaded pipeline.

    Use as a context manager; it can serve several builds (the bench keeps one warm).
    """

    def __init__(self, model: str, jobs: int, *, context: str = "spawn"):
        if jobs < 1:
            raise KGError(Errors.E083.format(jobs=jobs))
        self.model, self.jobs = model, jobs
        self._pool = mp.get_context(context).Pool(jobs, initializer=_pipeline, initargs=(model,))

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop the workers; safe to call twice."""
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None

    def warm_up(self) -> None:
        """Wait until every worker has loaded its pipeline."""
        self._pool.starmap(_extract_batch, [(self.model, [])] * self.jobs, chunksize=1)

    def extract(self, articles: Iterable[Article], *, batch_size: int = 32,
                in_flight: int | None = None) -> Iterator[Extraction]:
        """Extractions of ``articles``, in input order, at most ``in_flight`` batches queued."""
        return in_order(articles, batch_size=batch_size, window=in_flight or 4 * self.jobs,
                        submit=lambda batch: self._pool.apply_async(_extract_batch, (self.model, batch)),
                        wait=lambda result: result.get(), error=Errors.E084)


def extract_parallel(articles: Iterable[Article], *, model: str, jobs: int,
                     batch_size: int = 32) -> Iterator[Extraction]:
    """Extract with ``jobs`` fresh worker processes (closed when the iterator ends)."""
    with WorkerPool(model, jobs) as pool:
        yield from pool.extract(articles, batch_size=batch_size)


def extract_processes(articles: Iterable[Article], plan: Plan) -> Iterator[Extraction]:
    """The ``processes`` executor (:mod:`kg.executors`): ``plan.pool`` if given, else ``plan.jobs`` fresh workers."""
    if plan.pool is not None:
        yield from plan.pool.extract(articles, batch_size=plan.task_size, in_flight=4 * plan.pool.jobs)
    else:
        yield from extract_parallel(articles, model=plan.model, jobs=plan.jobs, batch_size=plan.task_size)
