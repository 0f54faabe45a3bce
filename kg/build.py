"""The build step: articles -> spaCy -> extractions -> quads in a KnowledgeGraph.

:func:`build` is a pipeline of named steps, each a method of :class:`Build`:

    read -> skip_unchanged (incremental builds) -> extract (an executor, kg.executors)
         -> write (store batches, reference graph) -> finish (entity resolution, sector scheme, build note)
"""
from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from itertools import chain
from pathlib import Path
from typing import Any

from . import executors
from .batching import BATCH_CHARS, article_batches, article_doc, extract_articles  # noqa: F401 (API)
from .errors import Errors, InputError, KGError
from .graph import REFERENCE_GRAPH, KnowledgeGraph
from .model import Article, Extraction
from .rdf import extraction_quads, reference_quads, sector_quads
from .read import article_from_text, check_article, read_articles
from .schema import PLACE_CLASSES

SECTORS_GRAPH = "https://w3id.org/newskg/graph/sectors"
# Articles between flushes of an on-disk store's write buffers (RocksDB memtables):
# unflushed, they hold about 120 kB per article in memory until the store is closed.
FLUSH_EVERY = 256


def _articles(inputs: Iterable[str | Path | Article],
              on_error: Callable[[KGError], None]) -> Iterator[Article]:
    """Articles from a mix of Articles, article texts and paths (paths read last, in one pass)."""
    paths = []
    for item in inputs:
        if isinstance(item, Article):
            yield item
        elif isinstance(item, Path) or (isinstance(item, str) and "\n" not in item and len(item) < 4096
                                        and Path(item).exists()):
            paths.append(item)
        elif isinstance(item, str):
            try:
                yield article_from_text(item)
            except InputError as e:
                on_error(e)
        else:
            raise InputError(Errors.E009.format(kind=type(item).__name__))
    if paths:
        yield from read_articles(paths, on_error=on_error)


def _model_name(nlp: Any) -> str:
    """The ``lang_name`` of a given pipeline, hashed into each article's content hash."""
    meta = getattr(nlp, "meta", {}) or {}
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'pipeline')}"


def build(inputs: Iterable[str | Path | Article], *, nlp: Any = None, model: str | None = None,
          graph: KnowledgeGraph | None = None, strict: bool = False,
          on_error: Callable[[KGError], None] | None = None,
          progress: Callable[[Extraction], None] | None = None,
          jobs: int = 1, batch_size: int = 32, incremental: bool | None = None,
          on_skip: Callable[[Article], None] | None = None, pool: Any = None,
          dask: str | None = None) -> KnowledgeGraph:
    """Build a knowledge graph from files, folders, article texts or :class:`Article` objects.

    Bad articles are reported to ``on_error`` (default: a line on stderr) and
    skipped, unless ``strict`` is set.

    ``jobs > 1`` runs spaCy in that many worker processes (see :mod:`kg.parallel`;
    ``pool`` reuses a started :class:`~kg.parallel.WorkerPool`); ``dask``, a scheduler
    address (``tcp://HOST:PORT``), runs it on that Dask cluster instead (see
    :mod:`kg.distributed`). ``incremental`` (default: when ``graph`` is an on-disk
    store, see :func:`kg.store.open_store`) records a content hash per article and
    skips unchanged articles before any NLP;
    ``on_skip`` hears of each. Articles are written ``batch_size`` at a time, one
    transaction per batch; an on-disk store is flushed every ``FLUSH_EVERY`` articles
    (memory stays flat) and compacted at the end of a build that wrote that many.
    """
    from .nlp import DEFAULT_MODEL

    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    if jobs < 1:
        raise KGError(Errors.E083.format(jobs=jobs))
    kg = graph if graph is not None else KnowledgeGraph()
    if incremental is None:
        incremental = kg.path is not None and Path(kg.path).is_dir()
    plan = executors.Plan(model=model or (_model_name(nlp) if nlp is not None else DEFAULT_MODEL),
                          batch_size=batch_size, jobs=jobs, nlp=nlp, pool=pool, scheduler=dask)
    run = Build(kg, plan, executors.choose(jobs=jobs, scheduler=dask, pool=pool), strict=strict,
                on_error=on_error, on_skip=on_skip, progress=progress)
    articles = run.read(inputs)
    if incremental:
        articles = run.skip_unchanged(articles)
    run.write(run.extract(articles))
    return run.finish(inputs, incremental)


class Build:
    """One build's state, shared by its steps: counts, content hashes, replaced articles."""

    def __init__(self, kg: KnowledgeGraph, plan: executors.Plan, executor: str, *, strict: bool = False,
                 on_error: Callable[[KGError], None] | None = None,
                 on_skip: Callable[[Article], None] | None = None,
                 progress: Callable[[Extraction], None] | None = None):
        self.kg, self.plan, self.executor = kg, plan, executor
        self.on_skip, self.progress = on_skip, progress
        self.written = 0  # articles written to the graph
        self.digests: dict[str, str] = {}  # article IRI -> content hash to record (incremental)
        self.replaced: dict[str, str] = {}  # new article IRI -> older article from the same source

        self.reporter = _Reporter(strict, on_error)

    # ------------------------------------------------------------------ steps
    def read(self, inputs: Iterable[str | Path | Article]) -> Iterator[Article]:
        """Step 1: the articles of ``inputs``, checked; a bad one is reported and skipped."""
        return _read(inputs, self.reporter)

    @property
    def read_count(self) -> int:
        """Articles read so far, good or bad."""
        return self.reporter.read

    def skip_unchanged(self, articles: Iterable[Article]) -> Iterator[Article]:
        """Step 2 (incremental builds): drop articles whose content hash the store already holds."""
        from .store import content_hash, pipeline_version, stored_hashes, stored_sources

        version = pipeline_version(self.plan.model)
        done, sources, seen = stored_hashes(self.kg), stored_sources(self.kg), set()
        for a in articles:
            seen.add(a.iri)
            old = sources.get(a.source)
            if old and old != a.iri and old not in seen:  # the file now holds another article
                self.replaced[a.iri] = old
                done.pop(old, None)
            h = content_hash(a, version)
            if done.get(a.iri) == h:
                if self.on_skip:
                    self.on_skip(a)
                continue
            self.digests[a.iri] = h
            yield a

    def extract(self, articles: Iterable[Article]) -> Iterator[Extraction]:
        """Step 3: one extraction per article, in order, by the chosen executor (none if nothing to do)."""
        it = iter(articles)
        first = next(it, None)
        if first is None:  # nothing changed: no pipeline, no workers
            return
        yield from executors.get(self.executor)(chain([first], it), self.plan)

    def write(self, extractions: Iterable[Extraction]) -> None:
        """Step 4: quads into the store ``batch_size`` articles per transaction, with reference quads."""
        writer = _BatchWriter(self.kg)
        for ex in extractions:
            iri = ex.article.iri
            writer.batch.add(iri, extraction_quads(ex), self.digests.get(iri),  # get: a repeat keeps its hash
                             source=ex.article.source, replaces=self.replaced.pop(iri, None))
            _collect_places(ex, writer.places)
            _collect_sectors(ex, writer.sectors)
            if self.progress:
                self.progress(ex)
            if len(writer.batch) >= self.plan.batch_size:
                writer.flush()
        writer.flush()
        self.written = writer.written
        if self.kg.path is not None and self.written >= FLUSH_EVERY:
            # Each flush left small files that every lookup must check: compact them once, at the end
            # of a large build (a few seconds per million triples); small builds leave it to RocksDB.
            self.kg.store.flush()
            self.kg.store.optimize()

    def finish(self, inputs: Iterable[str | Path | Article], incremental: bool) -> KnowledgeGraph:
        """Step 5: fail a build that read nothing; resolve entities; load the sector scheme; note the build."""
        if self.read_count == 0:
            names = ", ".join(str(i) for i in inputs if not isinstance(i, Article)) or "the input"
            raise InputError(Errors.E007.format(paths=names))
        if self.written:
            from .resolve import resolve

            self.kg.resolution = resolve(self.kg)  # one IRI and one type per entity across every article graph
        _load_sector_scheme(self.kg)
        if incremental:
            from .store import record_build, stored_hashes

            self.kg.store.flush()  # what the note says is on disk, for a server that opens the folder now
            record_build(self.kg, articles=sum(1 for _ in stored_hashes(self.kg)), written=self.written)
        return self.kg


class _Reporter:
    """Reports bad articles (raises them when strict) and counts the articles read.

    It holds no graph: a reported error's traceback keeps the reading frame, and
    with it this object, alive as long as the caller keeps the error.
    """

    def __init__(self, strict: bool, on_error: Callable[[KGError], None] | None):
        self.strict, self.on_error, self.read = strict, on_error, 0

    def __call__(self, error: KGError) -> None:
        """A bad article: raised when strict, else told to ``on_error`` (default: a line on stderr)."""
        if self.strict:
            raise error
        (self.on_error or (lambda e: print(f"warning: {e}", file=sys.stderr)))(error)


def _read(inputs: Iterable[str | Path | Article], report: _Reporter) -> Iterator[Article]:
    """The checked articles of ``inputs``, counted in ``report.read``; bad ones go to ``report``."""
    for a in _articles(inputs, report):
        report.read += 1
        try:
            check_article(a)  # one bad article is reported and skipped, never sinks the batch
        except InputError as e:
            report(e)
            continue
        yield a


class _BatchWriter:
    """The open batch of article graphs and its reference quads; :meth:`flush` writes them in one transaction."""

    def __init__(self, kg: KnowledgeGraph):
        self.kg = kg
        self.written = 0  # articles written
        self.unflushed = 0  # of them, since the store's buffers were last flushed
        self._fresh()

    def _fresh(self) -> None:
        from .store import ArticleBatch

        self.batch = ArticleBatch()
        self.places: dict[str, tuple[int | None, float | None, float | None]] = {}
        self.sectors: dict[str, str] = {}

    def flush(self) -> None:
        """Write the open batch, if any; flush an on-disk store's buffers every ``FLUSH_EVERY`` articles."""
        from .store import write_batch

        if len(self.batch):
            write_batch(self.kg, self.batch, chain(reference_quads(self.places, REFERENCE_GRAPH),
                                                   sector_quads(self.sectors, REFERENCE_GRAPH)))
            self.written += len(self.batch)
            self.unflushed += len(self.batch)
            if self.kg.path is not None and self.unflushed >= FLUSH_EVERY:
                self.kg.store.flush()
                self.unflushed = 0
        self._fresh()


def _collect_places(ex: Extraction, places: dict) -> None:
    """GeoNames id and coordinates of the extraction's places, for the reference graph."""
    from .nlp.gazetteer import default_gazetteer

    gaz = default_gazetteer()
    for e in ex.entities:
        if e.cls in PLACE_CLASSES and e.iri not in places:
            for name in (e.label, *e.aliases):
                p = gaz.get(name)
                if p is not None and p.geonames_id:
                    places[e.iri] = (p.geonames_id, p.lat, p.lon)
                    break


def _collect_sectors(ex: Extraction, sectors: dict) -> None:
    """New sector phrases go under the scheme concept their head words name."""
    from .nlp.sectors import default_scheme

    scheme = default_scheme()
    for e in ex.entities:
        if e.cls == "Sector" and e.iri not in sectors and scheme.concept(e.label) is None:
            broader = scheme.broader(e.label)
            if broader and broader != e.iri:
                sectors[e.iri] = broader


def _load_sector_scheme(kg: KnowledgeGraph) -> None:
    """Load the SKOS sector scheme into its own named graph, once, so sectors have labels and broader links."""
    import pyoxigraph as ox

    from .resources import sector_scheme_path

    try:
        path = sector_scheme_path()
    except KGError:  # no ontology/ folder (an installed wheel): the graph goes without the scheme
        return
    g = ox.NamedNode(SECTORS_GRAPH)
    if kg.store.contains_named_graph(g):
        return
    kg.store.load(path=str(path), format=ox.RdfFormat.TURTLE, to_graph=g)
