"""Run the NLP step in worker processes.

Each worker (a "spawn" process) loads the spaCy pipeline once and turns
batches of :class:`~kg.model.Article` into :class:`~kg.model.Extraction`
objects (plain picklable dataclasses). Results come back in input order and
only a few batches are in flight at a time, so memory stays flat however many
articles stream through.
"""
from __future__ import annotations

import multiprocessing as mp
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice

from .errors import Errors, KGError
from .model import Article, Extraction

__all__ = ["WorkerPool", "extract_parallel"]

_NLP = None


def _init_worker(model: str) -> None:
    global _NLP
    from .nlp import load_pipeline

    _NLP = load_pipeline(model)


def _extract_batch(articles: list[Article]) -> list[Extraction]:
    from .build import extract_articles

    return list(extract_articles(articles, _NLP, batch_size=max(1, len(articles))))


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(articles)
    while batch := list(islice(it, size)):
        yield batch


class WorkerPool:
    """``jobs`` worker processes, each holding one loaded pipeline.

    Use as a context manager; it can serve several builds (the bench keeps one warm).
    """

    def __init__(self, model: str, jobs: int, *, context: str = "spawn"):
        if jobs < 1:
            raise KGError(Errors.E083.format(jobs=jobs))
        self.model, self.jobs = model, jobs
        self._pool = mp.get_context(context).Pool(jobs, initializer=_init_worker, initargs=(model,))

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None

    def warm_up(self) -> None:
        """Wait until every worker has loaded its pipeline."""
        self._pool.map(_extract_batch, [[]] * self.jobs, chunksize=1)

    def extract(self, articles: Iterable[Article], *, batch_size: int = 32,
                in_flight: int | None = None) -> Iterator[Extraction]:
        """Extractions of ``articles``, in input order, at most ``in_flight`` batches queued."""
        window = in_flight or 4 * self.jobs
        pending: deque = deque()
        for batch in _batches(articles, batch_size):
            pending.append(self._pool.apply_async(_extract_batch, (batch,)))
            if len(pending) >= window:
                yield from _result(pending.popleft())
        while pending:
            yield from _result(pending.popleft())


def _result(async_result) -> list[Extraction]:
    try:
        return async_result.get()
    except KGError:
        raise
    except Exception as e:  # a worker crashed on an article: say so in one line
        raise KGError(Errors.E084.format(reason=f"{type(e).__name__}: {e}")) from e


def extract_parallel(articles: Iterable[Article], *, model: str, jobs: int,
                     batch_size: int = 32) -> Iterator[Extraction]:
    """Extract with ``jobs`` fresh worker processes (closed when the iterator ends)."""
    with WorkerPool(model, jobs) as pool:
        yield from pool.extract(articles, batch_size=batch_size)
