"""Executors of the NLP step, looked up by name: ``local``, ``processes``, ``dask``.

An executor is a function ``(articles, plan) -> Iterator[Extraction]`` that
yields one :class:`~kg.model.Extraction` per article, in input order. Each is
registered under a name with the module that holds it, imported on first use
(as rdflib's plugins are), so ``kg --help`` never imports multiprocessing
pools or Dask. The built-ins go through :func:`register` like any other:

    register("ray", "mypackage.ray_executor", "extract_ray")
    get("ray")(articles, Plan(model="en_core_web_sm"))
"""
from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from .batching import extract_articles
from .errors import Errors, KGError
from .model import Article, Extraction

__all__ = ["Plan", "Executor", "register", "get", "names", "choose", "extract_local"]


@dataclass(frozen=True)
class Plan:
    """How to run the NLP step: which pipeline, in what batches, on what workers."""

    model: str  # spaCy pipeline name, loaded by each worker
    batch_size: int = 32  # articles per spaCy batch (local) or per task (processes, dask)
    jobs: int = 1  # worker processes (processes)
    nlp: Any = None  # a loaded pipeline to use instead of loading ``model`` (local)
    pool: Any = None  # a started kg.parallel.WorkerPool to reuse (processes)
    scheduler: Any = None  # a Dask scheduler address or client (dask)

    @property
    def task_size(self) -> int:
        """Articles per task sent to a worker: at most 8, so small tasks keep every worker busy to the end."""
        return max(1, min(self.batch_size, 8))


Executor = Callable[[Iterable[Article], Plan], Iterator[Extraction]]

_REGISTRY: dict[str, tuple[str, str]] = {}


def register(name: str, module: str, function: str) -> None:
    """Make ``module.function`` the executor called ``name`` (imported on first :func:`get`)."""
    _REGISTRY[name] = (module, function)


def get(name: str) -> Executor:
    """The executor called ``name``; [E110] if there is none.

    >>> get("local").__name__
    'extract_local'
    """
    try:
        module, function = _REGISTRY[name]
    except KeyError:
        raise KGError(Errors.E110.format(name=name, known=", ".join(names()))) from None
    return getattr(importlib.import_module(module), function)


def names() -> list[str]:
    """The registered executor names, sorted.

    >>> names()
    ['dask', 'local', 'processes']
    """
    return sorted(_REGISTRY)


def choose(*, jobs: int = 1, scheduler: Any = None, pool: Any = None) -> str:
    """The executor a build's options ask for: a pool or ``jobs > 1`` is ``processes``, a scheduler ``dask``.

    >>> choose(jobs=4), choose(scheduler="tcp://h:8786"), choose()
    ('processes', 'dask', 'local')
    """
    if pool is not None:
        return "processes"
    if scheduler:
        return "dask"
    return "processes" if jobs > 1 else "local"


def extract_local(articles: Iterable[Article], plan: Plan) -> Iterator[Extraction]:
    """The ``local`` executor: this process, the given pipeline or ``plan.model`` loaded once."""
    from .nlp import load_pipeline

    yield from extract_articles(articles, plan.nlp or load_pipeline(plan.model), batch_size=plan.batch_size)


register("local", "kg.executors", "extract_local")
register("processes", "kg.parallel", "extract_processes")
register("dask", "kg.distributed", "extract_distributed")
