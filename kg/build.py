"""The build step: articles -> spaCy -> extractions -> quads in a KnowledgeGraph."""
from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from itertools import chain, islice
from pathlib import Path

from .errors import Errors, InputError, KGError
from .graph import REFERENCE_GRAPH, KnowledgeGraph
from .model import Article, Extraction
from .rdf import extraction_quads, reference_quads, sector_quads
from .read import article_from_text, check_article, read_articles
from .schema import CLASS_TREE

SECTORS_GRAPH = "https://w3id.org/newskg/graph/sectors"
# Characters of text per spaCy batch (about 100 MB of peak memory with the small English model).
BATCH_CHARS = 30_000
# Articles between flushes of an on-disk store's write buffers (RocksDB memtables):
# unflushed, they hold about 120 kB per article in memory until the store is closed.
FLUSH_EVERY = 256
# Non-breaking and thin spaces split names in spaCy's tokenizer ("in\xa0Hong Kong").
_SPACES = str.maketrans({"\xa0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " "})


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


def article_batches(articles: Iterable[Article], size: int,
                    max_chars: int = BATCH_CHARS) -> Iterator[list[Article]]:
    """Batches of at most ``size`` articles and, unless one article is longer, ``max_chars`` characters.

    spaCy's peak memory grows with the text of the batch it parses, so batches
    bounded by length keep memory flat when a corpus holds a few very long articles.
    """
    batch: list[Article] = []
    chars = 0
    for article in articles:
        if batch and (len(batch) >= size or chars + len(article.text) > max_chars):
            yield batch
            batch, chars = [], 0
        batch.append(article)
        chars += len(article.text)
    if batch:
        yield batch


def article_doc(nlp, article: Article):
    """The unparsed Doc of an article, as every build makes it: spaces normalised, its date set.

    Run the pipeline on it with ``nlp(doc)`` or ``nlp.pipe``; ``kg explain`` does the same.
    """
    doc = nlp.make_doc(article.text.translate(_SPACES))  # same length: offsets still point into article.text
    doc._.nkg_published = article.date
    return doc


def extract_articles(articles: Iterable[Article], nlp, *, batch_size: int = 32,
                     zone_size: int = 256) -> Iterator[Extraction]:
    """Run the pipeline over articles, one Extraction each, streaming.

    Articles go through ``nlp.pipe`` in :func:`article_batches`. Each run of
    ``zone_size`` articles is parsed inside one spaCy memory zone
    (:meth:`spacy.Language.memory_zone`): the strings its docs add to the
    vocabulary are freed afterwards, so memory stays flat over a long stream.
    Extractions hold plain Python values, never spaCy objects, so they outlive the zone.
    """
    from .extract import extract

    def docs(batch: list[Article]):
        for a in batch:
            yield article_doc(nlp, a), a

    stream = iter(articles)
    while zone := list(islice(stream, zone_size)):
        with nlp.memory_zone():
            for batch in article_batches(zone, batch_size):
                for doc, article in nlp.pipe(docs(batch), as_tuples=True, batch_size=len(batch)):
                    yield extract(article, doc)


def _model_name(nlp) -> str:
    """The ``lang_name`` of a given pipeline, hashed into each article's content hash."""
    meta = getattr(nlp, "meta", {}) or {}
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'pipeline')}"


def build(inputs: Iterable[str | Path | Article], *, nlp=None, model: str | None = None,
          graph: KnowledgeGraph | None = None, strict: bool = False,
          on_error: Callable[[KGError], None] | None = None,
          progress: Callable[[Extraction], None] | None = None,
          jobs: int = 1, batch_size: int = 32, incremental: bool | None = None,
          on_skip: Callable[[Article], None] | None = None, pool=None,
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
    from .nlp import DEFAULT_MODEL, load_pipeline
    from .store import (ArticleBatch, content_hash, pipeline_version, stored_hashes, stored_sources,
                        write_batch)

    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    if jobs < 1:
        raise KGError(Errors.E083.format(jobs=jobs))

    def report(error: KGError) -> None:
        if strict:
            raise error
        (on_error or (lambda e: print(f"warning: {e}", file=sys.stderr)))(error)

    kg = graph if graph is not None else KnowledgeGraph()
    if incremental is None:
        incremental = kg.path is not None and Path(kg.path).is_dir()
    model_name = model or (_model_name(nlp) if nlp is not None else DEFAULT_MODEL)
    read = 0

    def counted(items: Iterable[Article]) -> Iterator[Article]:
        nonlocal read
        for a in items:
            read += 1
            try:
                check_article(a)  # one bad article is reported and skipped, never sinks the batch
            except InputError as e:
                report(e)
                continue
            yield a

    articles: Iterable[Article] = counted(_articles(inputs, report))

    digests: dict[str, str] = {}
    replaced: dict[str, str] = {}  # new article IRI -> IRI of the older article from the same source
    if incremental:
        version = pipeline_version(model_name)
        done, sources, seen = stored_hashes(kg), stored_sources(kg), set()

        def changed(items: Iterable[Article]) -> Iterator[Article]:
            for a in items:
                seen.add(a.iri)
                old = sources.get(a.source)
                if old and old != a.iri and old not in seen:  # the file now holds another article
                    replaced[a.iri] = old
                    done.pop(old, None)
                h = content_hash(a, version)
                if done.get(a.iri) == h:
                    if on_skip:
                        on_skip(a)
                    continue
                digests[a.iri] = h
                yield a

        articles = changed(articles)

    def extract_all(todo: Iterable[Article]) -> Iterator[Extraction]:
        it = iter(todo)
        first = next(it, None)
        if first is None:  # nothing changed: no pipeline, no workers
            return
        todo = chain([first], it)
        chunk = max(1, min(batch_size, 8))  # small tasks keep every worker busy to the end
        if pool is not None:
            yield from pool.extract(todo, batch_size=chunk, in_flight=4 * pool.jobs)
        elif dask:
            from .distributed import extract_dask

            yield from extract_dask(todo, scheduler=dask, model=model_name, batch_size=chunk)
        elif jobs > 1:
            from .parallel import extract_parallel

            yield from extract_parallel(todo, model=model_name, jobs=jobs, batch_size=chunk)
        else:
            yield from extract_articles(todo, nlp or load_pipeline(model_name), batch_size=batch_size)

    extractions = extract_all(articles)
    batch, places, sectors = ArticleBatch(), {}, {}
    written = unflushed = 0  # articles written; of them, since the store's buffers were last flushed

    def flush() -> None:
        nonlocal batch, places, sectors, written, unflushed
        if len(batch):
            write_batch(kg, batch, chain(reference_quads(places, REFERENCE_GRAPH),
                                         sector_quads(sectors, REFERENCE_GRAPH)))
            written += len(batch)
            unflushed += len(batch)
            if kg.path is not None and unflushed >= FLUSH_EVERY:
                kg.store.flush()
                unflushed = 0
        batch, places, sectors = ArticleBatch(), {}, {}

    for ex in extractions:
        iri = ex.article.iri
        batch.add(iri, extraction_quads(ex), digests.get(iri), source=ex.article.source,  # get: a repeat keeps its hash
                  replaces=replaced.pop(iri, None))
        _collect_places(ex, places)
        _collect_sectors(ex, sectors)
        if progress:
            progress(ex)
        if len(batch) >= batch_size:
            flush()
    flush()
    if kg.path is not None and written >= FLUSH_EVERY:
        # Each flush left small files that every lookup must check: compact them once, at the end
        # of a large build (a few seconds per million triples); small builds leave it to RocksDB.
        kg.store.flush()
        kg.store.optimize()
    if read == 0:
        names = ", ".join(str(i) for i in inputs if not isinstance(i, Article)) or "the input"
        raise InputError(Errors.E007.format(paths=names))
    if written:
        from .resolve import resolve

        kg.resolution = resolve(kg)  # one IRI and one type per entity across every article graph
    _load_sector_scheme(kg)
    if incremental:
        from .store import record_build

        kg.store.flush()  # what the note says is on disk, for a server that opens the folder now
        record_build(kg, articles=sum(1 for _ in stored_hashes(kg)), written=written)
    return kg


def _collect_places(ex: Extraction, places: dict) -> None:
    """GeoNames id and coordinates of the extraction's places, for the reference graph."""
    from .nlp.gazetteer import default_gazetteer

    gaz = default_gazetteer()
    for e in ex.entities:
        if e.cls in CLASS_TREE["Place"] and e.iri not in places:
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
