"""Turn extractions into RDF quads: the only module that knows the graph contract.

One named graph per article (its name is the article IRI); see
``../shared/eval/CONTRACT.md`` and ``ontology/newskg.ttl``. Quads are
pyoxigraph terms so a build can bulk-load them into an Oxigraph store.
"""
from __future__ import annotations

import functools
from dataclasses import replace
from collections.abc import Iterator
from itertools import combinations

from pyoxigraph import Literal, NamedNode, Quad

from .ids import evidence_iri, fact_iri, money_iri
from .model import (ORG_CLASSES, PERSON_CLASSES, PLACE_CLASSES, Agreement, Cooperation, Entity,
                    EventInfo, Evidence, Extraction, Investment, LocatedIn, Money, Post)
from .textclean import strip_bidi
from .vocab import GEO_IRI, NKG_IRI, PROV_IRI, SCHEMA_IRI

RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
RDFS_LABEL = NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
SKOS_ALT = NamedNode("http://www.w3.org/2004/02/skos/core#altLabel")
SKOS_BROADER = NamedNode("http://www.w3.org/2004/02/skos/core#broader")
OWL_SAME_AS = NamedNode("http://www.w3.org/2002/07/owl#sameAs")
PARTY_CLASSES = PLACE_CLASSES + ORG_CLASSES + PERSON_CLASSES
XSD = "http://www.w3.org/2001/XMLSchema#"
XSD_DATE, XSD_YM = NamedNode(XSD + "date"), NamedNode(XSD + "gYearMonth")
XSD_INT, XSD_DEC = NamedNode(XSD + "integer"), NamedNode(XSD + "decimal")


@functools.lru_cache(maxsize=None)
def nkg(term: str) -> NamedNode:
    """An ``nkg:`` term, made once: the writer asks for the same few terms for every quad."""
    return NamedNode(NKG_IRI + term)


@functools.lru_cache(maxsize=None)
def schema(term: str) -> NamedNode:
    """A ``schema:`` term, made once (see :func:`nkg`)."""
    return NamedNode(SCHEMA_IRI + term)


WAS_DERIVED_FROM = NamedNode(PROV_IRI + "wasDerivedFrom")
GEO_LAT, GEO_LONG = NamedNode(GEO_IRI + "lat"), NamedNode(GEO_IRI + "long")


def label_literal(text: str) -> Literal:
    """A label, title or headline: without bidi control characters (:func:`kg.textclean.strip_bidi`)."""
    return Literal(strip_bidi(text))


def date_literal(value: str) -> Literal:
    """A day as xsd:date, a month as xsd:gYearMonth.

    >>> date_literal("2024-05").datatype.value[-10:]
    'gYearMonth'
    """
    return Literal(value, datatype=XSD_YM if len(value) == 7 else XSD_DATE)


def decimal_literal(value: float) -> Literal:
    """An xsd:decimal with at most six decimals, trailing zeros trimmed (``0.1 + 0.2`` is ``0.3``)."""
    text = f"{value:.6f}".rstrip("0")
    return Literal(text + "0" if text.endswith(".") else text, datatype=XSD_DEC)


class ArticleWriter:
    """Collects the quads of one article's named graph."""

    def __init__(self, extraction: Extraction):
        self.ex = extraction
        self.article = NamedNode(extraction.article.iri)
        self.quads: list[Quad] = []
        self._evidence_done: set[tuple[int, int]] = set()
        self._classes = {e.iri: e.cls for e in extraction.entities}

    def fits(self, iri: str | None, classes: tuple[str, ...]) -> bool:
        """Whether an entity of this article is of one of ``classes`` (the shapes' ranges).

        A node the article does not type (a sector of the scheme) is let through.
        """
        return iri is not None and self._classes.get(iri, classes[0]) in classes

    def add(self, s, p, o) -> None:
        self.quads.append(Quad(s, p, o, self.article))

    def evidence(self, node, evidence: tuple[Evidence, ...]) -> None:
        """Link ``node`` to its evidence sentences; each sentence's own triples go in once."""
        for ev in evidence:
            ev_node = NamedNode(evidence_iri(self.article.value, ev.start, ev.end))
            self.add(node, nkg("evidence"), ev_node)
            if (ev.start, ev.end) not in self._evidence_done:
                self._evidence_done.add((ev.start, ev.end))
                self.add(ev_node, RDF_TYPE, nkg("Evidence"))
                self.add(ev_node, nkg("text"), Literal(ev.text))
                self.add(ev_node, nkg("startChar"), Literal(str(ev.start), datatype=XSD_INT))
                self.add(ev_node, nkg("endChar"), Literal(str(ev.end), datatype=XSD_INT))
                self.add(ev_node, WAS_DERIVED_FROM, self.article)

    def provenance(self, node, fact) -> None:
        self.evidence(node, fact.evidence)
        self.add(node, nkg("confidence"), decimal_literal(fact.confidence))
        if fact.rule:
            self.add(node, nkg("rule"), Literal(fact.rule))

    def money(self, owner: NamedNode, values: tuple[Money, ...]) -> None:
        for m in values:
            node = NamedNode(money_iri(owner.value, m.amount, m.currency))
            self.add(owner, nkg("value"), node)
            self.add(node, RDF_TYPE, schema("MonetaryAmount"))
            self.add(node, schema("value"), decimal_literal(m.amount))
            self.add(node, schema("currency"), Literal(m.currency))
            if m.text:
                self.add(node, RDFS_LABEL, label_literal(m.text))

    def write(self) -> list[Quad]:
        """The article node, its entities, then each fact through its ``fact_<kind>`` method."""
        a = self.ex.article
        self.add(self.article, RDF_TYPE, nkg("Article"))
        if a.url:
            self.add(self.article, schema("url"), Literal(a.url))
        if a.title:
            self.add(self.article, schema("headline"), label_literal(a.title))
        if a.date:
            self.add(self.article, schema("datePublished"), date_literal(a.date))
        if a.id:
            self.add(self.article, schema("identifier"), Literal(a.id))
        for e in self.ex.entities:
            self.entity(e)
        for i, f in enumerate(self.ex.facts):
            getattr(self, "fact_" + type(f).__name__.lower())(f, i)
        return self.quads

    def entity(self, e: Entity) -> None:
        node = NamedNode(e.iri)
        self.add(self.article, nkg("mentions"), node)
        self.add(node, RDF_TYPE, nkg(e.cls))
        self.add(node, RDFS_LABEL, label_literal(e.label))
        for alias in e.aliases:
            self.add(node, SKOS_ALT, label_literal(alias))
        self.evidence(node, e.evidence)

    def _node(self, kind: str, key: str) -> NamedNode:
        return NamedNode(fact_iri(self.article.value, kind, key))

    def fact_post(self, f: Post, i: int) -> None:
        post = self._node("post", f"{f.person}|{f.title}|{f.of}")
        self.add(NamedNode(f.person), nkg("holdsPost"), post)
        self.add(post, RDF_TYPE, nkg("Post"))
        self.add(post, nkg("title"), label_literal(f.title))
        self.add(post, RDFS_LABEL, label_literal(f.title))
        if self.fits(f.of, PLACE_CLASSES + ORG_CLASSES):  # a post is never "in" a person or an event
            self.add(post, nkg("postIn"), NamedNode(f.of))
        self.provenance(post, f)

    def fact_locatedin(self, f: LocatedIn, i: int) -> None:
        if self.fits(f.place, PLACE_CLASSES) and self.fits(f.container, PLACE_CLASSES):
            self.add(NamedNode(f.place), nkg("locatedIn"), NamedNode(f.container))

    def fact_cooperation(self, f: Cooperation, i: int) -> None:
        parties = tuple(p for p in f.parties if self.fits(p, PARTY_CLASSES))
        if len(parties) < 2:
            return
        f = replace(f, parties=parties)
        coop = self._node("cooperation", "|".join(sorted(f.parties)) + f"|{i}")
        self.add(coop, RDF_TYPE, nkg("Cooperation"))
        for p in f.parties:
            self.add(coop, nkg("party"), NamedNode(p))
        for a, b in combinations(f.parties, 2):
            self.add(NamedNode(a), nkg("cooperatesWith"), NamedNode(b))
            self.add(NamedNode(b), nkg("cooperatesWith"), NamedNode(a))
        for s in f.sectors:
            self.add(coop, nkg("sector"), NamedNode(s))
        self.provenance(coop, f)

    def fact_eventinfo(self, f: EventInfo, i: int) -> None:
        ev = NamedNode(f.event)
        if self.fits(f.held_in, PLACE_CLASSES):
            self.add(ev, nkg("heldIn"), NamedNode(f.held_in))
        if f.date:
            self.add(ev, nkg("startDate"), date_literal(f.date))
        if self.fits(f.part_of, ("Event",)):
            self.add(ev, nkg("partOf"), NamedNode(f.part_of))
        self.evidence(ev, f.evidence)

    def fact_agreement(self, f: Agreement, i: int) -> None:
        g = self._node("agreement", str(i))
        self.add(g, RDF_TYPE, nkg("Agreement"))
        for p in f.parties:
            if self.fits(p, PARTY_CLASSES):
                self.add(g, nkg("party"), NamedNode(p))
        if f.count is not None:
            self.add(g, nkg("count"), Literal(str(f.count), datatype=XSD_INT))
        self.money(g, f.values)
        if self.fits(f.signed_at, ("Event",)):
            self.add(g, nkg("signedAt"), NamedNode(f.signed_at))
        if f.date:
            self.add(g, nkg("date"), date_literal(f.date))
        for s in f.sectors:
            self.add(g, nkg("sector"), NamedNode(s))
        if f.kind:
            self.add(g, nkg("agreementKind"), Literal(f.kind))
        self.provenance(g, f)

    def fact_investment(self, f: Investment, i: int) -> None:
        inv = self._node("investment", str(i))
        self.add(inv, RDF_TYPE, nkg("Investment"))
        if self.fits(f.investor, PARTY_CLASSES):
            self.add(inv, nkg("investor"), NamedNode(f.investor))
        if self.fits(f.target, PARTY_CLASSES + ("Sector",)):
            self.add(inv, nkg("target"), NamedNode(f.target))
        if f.projects is not None:
            self.add(inv, nkg("projectCount"), Literal(str(f.projects), datatype=XSD_INT))
        self.money(inv, f.values)
        self.provenance(inv, f)


def extraction_quads(extraction: Extraction) -> list[Quad]:
    """All quads of one article's named graph."""
    return ArticleWriter(extraction).write()


def reference_quads(places: dict[str, tuple[int | None, float | None, float | None]],
                    graph_iri: str) -> Iterator[Quad]:
    """GeoNames links and coordinates of places, in the reference graph, not an article's."""
    g = NamedNode(graph_iri)
    for iri, (geonames_id, lat, lon) in sorted(places.items()):
        node = NamedNode(iri)
        if geonames_id:
            yield Quad(node, OWL_SAME_AS, NamedNode(f"https://sws.geonames.org/{geonames_id}/"), g)
        if lat is not None and lon is not None:
            yield Quad(node, GEO_LAT, Literal(str(lat), datatype=XSD_DEC), g)
            yield Quad(node, GEO_LONG, Literal(str(lon), datatype=XSD_DEC), g)


def sector_quads(broader: dict[str, str], graph_iri: str) -> Iterator[Quad]:
    """``skos:broader`` links from sectors found in articles to the scheme's concepts."""
    g = NamedNode(graph_iri)
    for sector, concept in sorted(broader.items()):
        yield Quad(NamedNode(sector), SKOS_BROADER, NamedNode(concept), g)
