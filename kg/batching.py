"""Articles through a loaded spaCy pipeline, in batches: the NLP step every executor runs.

It sits below the executors (:mod:`kg.executors`, :mod:`kg.parallel`,
:mod:`kg.distributed`) and the build (:mod:`kg.build`), which all call it;
it imports none of them.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from .model import Article, Extraction

__all__ = ["BATCH_CHARS", "article_batches", "article_doc", "extract_articles"]

# Characters of text per spaCy batch (about 100 MB of peak memory with the small English model).
BATCH_CHARS = 30_000
# Non-breaking and thin spaces split names in spaCy's tokenizer ("in\xa0Hong Kong").
_SPACES = str.maketrans({"\xa0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " "})


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


def article_doc(nlp: Any, article: Article) -> Any:
    """The unparsed Doc of an article, as every build makes it: spaces normalised, its date set.

    Run the pipeline on it with ``nlp(doc)`` or ``nlp.pipe``; ``kg explain`` does the same.
    """
    doc = nlp.make_doc(article.text.translate(_SPACES))  # same length: offsets still point into article.text
    doc._.nkg_published = article.date
    return doc


def extract_articles(articles: Iterable[Article], nlp: Any, *, batch_size: int = 32,
                     zone_size: int = 256) -> Iterator[Extraction]:
    """Run the pipeline over articles, one Extraction each, streaming.

    Articles go through ``nlp.pipe`` in :func:`article_batches`. Each run of
    ``zone_size`` articles is parsed inside one spaCy memory zone
    (:meth:`spacy.Language.memory_zone`): the strings its docs add to the
    vocabulary are freed afterwards, so memory stays flat over a long stream.
    Extractions hold plain Python values, never spaCy objects, so they outlive the zone.
    """
    from .extract import extract

    def docs(batch: list[Article]) -> Iterator[tuple[Any, Article]]:
        for a in batch:
            yield article_doc(nlp, a), a

    stream = iter(articles)
    while zone := list(islice(stream, zone_size)):
        with nlp.memory_zone():
            for batch in article_batches(zone, batch_size):
                for doc, article in nlp.pipe(docs(batch), as_tuples=True, batch_size=len(batch)):
                    yield extract(article, doc)
