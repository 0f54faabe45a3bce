"""The build step: articles -> spaCy -> extractions -> quads in a KnowledgeGraph."""
from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from .errors import InputError, KGError
from .graph import REFERENCE_GRAPH, KnowledgeGraph
from .model import PLACE_CLASSES, Article, Extraction
from .rdf import extraction_quads, reference_quads
from .read import article_from_text, read_articles

SECTORS_GRAPH = "https://w3id.org/newskg/graph/sectors"
# Non-breaking and thin spaces split names in spaCy's tokenizer ("in\xa0Hong Kong").
_SPACES = str.maketrans({"\xa0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " "})


def _articles(inputs: Iterable[str | Path | Article], on_error) -> Iterator[Article]:
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
            raise KGError(f"Cannot build from {type(item).__name__}; give paths, texts or Articles.")
    if paths:
        yield from read_articles(paths, on_error=on_error)


def extract_articles(articles: Iterable[Article], nlp, *, batch_size: int = 32) -> Iterator[Extraction]:
    """Run the pipeline over articles, one Extraction each, streaming."""
    from .extract import extract

    def docs():
        for a in articles:
            doc = nlp.make_doc(a.text.translate(_SPACES))  # same length: offsets still point into a.text
            doc._.nkg_published = a.date
            yield doc, a

    for doc, article in nlp.pipe(docs(), as_tuples=True, batch_size=batch_size):
        yield extract(article, doc)


def build(inputs: Iterable[str | Path | Article], *, nlp=None, model: str | None = None,
          graph: KnowledgeGraph | None = None, strict: bool = False,
          on_error: Callable[[KGError], None] | None = None,
          progress: Callable[[Extraction], None] | None = None) -> KnowledgeGraph:
    """Build a knowledge graph from files, folders, article texts or :class:`Article` objects.

    Bad articles are reported to ``on_error`` (default: a line on stderr) and
    skipped, unless ``strict`` is set.
    """
    from .nlp import DEFAULT_MODEL, load_pipeline

    if isinstance(inputs, (str, Path)):
        inputs = [inputs]

    def report(error: KGError) -> None:
        if strict:
            raise error
        (on_error or (lambda e: print(f"warning: {e}", file=sys.stderr)))(error)

    nlp = nlp or load_pipeline(model or DEFAULT_MODEL)
    kg = graph if graph is not None else KnowledgeGraph()
    places: dict[str, tuple] = {}
    for ex in extract_articles(_articles(inputs, report), nlp):
        kg.replace_graph(ex.article.iri, extraction_quads(ex))
        _collect_places(ex, places)
        if progress:
            progress(ex)
    kg.add_quads(reference_quads(places, REFERENCE_GRAPH))
    _load_sector_scheme(kg)
    return kg


def _collect_places(ex: Extraction, places: dict) -> None:
    from .nlp.gazetteer import default_gazetteer

    gaz = default_gazetteer()
    for e in ex.entities:
        if e.cls in PLACE_CLASSES and e.iri not in places:
            for name in (e.label, *e.aliases):
                p = gaz.get(name)
                if p is not None and p.geonames_id:
                    places[e.iri] = (p.geonames_id, p.lat, p.lon)
                    break


def _load_sector_scheme(kg: KnowledgeGraph) -> None:
    import pyoxigraph as ox

    from .resources import sector_scheme_path

    try:
        path = sector_scheme_path()
    except KGError:
        return
    if not path.exists():
        return
    g = ox.NamedNode(SECTORS_GRAPH)
    if kg.store.contains_named_graph(g):
        return
    kg.store.load(path=str(path), format=ox.RdfFormat.TURTLE, to_graph=g)
