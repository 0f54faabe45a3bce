"""Turn extractions into RDF quads: the only module that knows the graph contract.

One named graph per article (its name is the article IRI); see
``../shared/eval/CONTRACT.md`` and ``ontology/newskg.ttl``. Quads are
pyoxigraph terms so a build can bulk-load them into an Oxigraph store.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from itertools import combinations

from pyoxigraph import Literal, NamedNode, Quad
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS

from .ids import evidence_iri, fact_iri, money_iri
from .model import (Agreement, Cooperation, Entity, EventInfo, Evidence, Extraction, Fact, Investment,
                    LocatedIn, Money, Post)
from .schema import ORG_CLASSES, PARTY_CLASSES, PLACE_CLASSES, kind_of
from .textclean import strip_bidi
from .vocab import GEO, NKG, SCHEMA, OxTerms

# Closed namespaces: a misspelt term is an AttributeError, never a new IRI.
N, S = OxTerms(NKG), OxTerms(SCHEMA)
RDF_TYPE = OxTerms(RDF).type
RDFS_LABEL = OxTerms(RDFS).label
SKOS_ALT, SKOS_BROADER = OxTerms(SKOS).altLabel, OxTerms(SKOS).broader
OWL_SAME_AS = OxTerms(OWL).sameAs
WAS_DERIVED_FROM = OxTerms(PROV).wasDerivedFrom
GEO_LAT, GEO_LONG = OxTerms(GEO).lat, OxTerms(GEO).long
XSD = "http://www.w3.org/2001/XMLSchema#"
XSD_DATE, XSD_YM = NamedNode(XSD + "date"), NamedNode(XSD + "gYearMonth")
XSD_INT, XSD_DEC = NamedNode(XSD + "integer"), NamedNode(XSD + "decimal")



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
        self._evidence_nodes: dict[tuple[int, int], NamedNode] = {}  # each sentence's node, made and told once
        self._classes = {e.iri: e.cls for e in extraction.entities}

    def fits(self, iri: str | None, classes: tuple[str, ...]) -> bool:
        """Whether an entity of this article is of one of ``classes`` (the shapes' ranges).

        A node the article does not type (a sector of the scheme) is let through.
        """
        return iri is not None and self._classes.get(iri, classes[0]) in classes

    def add(self, s: NamedNode, p: NamedNode, o: NamedNode | Literal) -> None:
        """One triple in the article's named graph."""
        self.quads.append(Quad(s, p, o, self.article))

    def evidence(self, node: NamedNode, evidence: tuple[Evidence, ...]) -> None:
        """Link ``node`` to its evidence sentences; each sentence's own triples go in once."""
        for ev in evidence:
            told = (ev.start, ev.end) in self._evidence_nodes  # its IRI hashes the article's: made once
            if not told:
                self._evidence_nodes[ev.start, ev.end] = NamedNode(evidence_iri(self.article.value, ev.start, ev.end))
            ev_node = self._evidence_nodes[ev.start, ev.end]
            self.add(node, N.evidence, ev_node)
            if not told:
                self.add(ev_node, RDF_TYPE, N.Evidence)
                self.add(ev_node, N.text, Literal(ev.text))
                self.add(ev_node, N.startChar, Literal(str(ev.start), datatype=XSD_INT))
                self.add(ev_node, N.endChar, Literal(str(ev.end), datatype=XSD_INT))
                self.add(ev_node, WAS_DERIVED_FROM, self.article)

    def provenance(self, node: NamedNode, fact: Fact) -> None:
        """A fact node's evidence, confidence and rule."""
        self.evidence(node, fact.evidence)
        self.add(node, N.confidence, decimal_literal(fact.confidence))
        if fact.rule:
            self.add(node, N.rule, Literal(fact.rule))

    def money(self, owner: NamedNode, values: tuple[Money, ...]) -> None:
        """``owner nkg:value`` one schema:MonetaryAmount node per currency."""
        for m in values:
            node = NamedNode(money_iri(owner.value, m.amount, m.currency))
            self.add(owner, N.value, node)
            self.add(node, RDF_TYPE, S.MonetaryAmount)
            self.add(node, S.value, decimal_literal(m.amount))
            self.add(node, S.currency, Literal(m.currency))
            if m.text:
                self.add(node, RDFS_LABEL, label_literal(m.text))

    def write(self) -> list[Quad]:
        """The article node, its entities, then each fact through its ``fact_<kind>`` method."""
        a = self.ex.article
        self.add(self.article, RDF_TYPE, N.Article)
        if a.url:
            self.add(self.article, S.url, Literal(a.url))
        if a.title:
            self.add(self.article, S.headline, label_literal(a.title))
        if a.date:
            self.add(self.article, S.datePublished, date_literal(a.date))
        if a.id:
            self.add(self.article, S.identifier, Literal(a.id))
        for e in self.ex.entities:
            self.entity(e)
        for i, f in enumerate(self.ex.facts):
            getattr(self, kind_of(f).writer)(f, i)
        return self.quads

    def entity(self, e: Entity) -> None:
        """An entity the article mentions: its class, label, aliases and evidence."""
        node = NamedNode(e.iri)
        self.add(self.article, N.mentions, node)
        self.add(node, RDF_TYPE, getattr(N, e.cls))
        self.add(node, RDFS_LABEL, label_literal(e.label))
        for alias in e.aliases:
            self.add(node, SKOS_ALT, label_literal(alias))
        self.evidence(node, e.evidence)

    def _node(self, kind: str, key: str) -> NamedNode:
        return NamedNode(fact_iri(self.article.value, kind, key))

    def fact_post(self, f: Post, i: int) -> None:
        """``person nkg:holdsPost post``; the post node with its title and where it is held."""
        post = self._node("post", f"{f.person}|{f.title}|{f.of}")
        self.add(NamedNode(f.person), N.holdsPost, post)
        self.add(post, RDF_TYPE, N.Post)
        self.add(post, N.title, label_literal(f.title))
        self.add(post, RDFS_LABEL, label_literal(f.title))
        if self.fits(f.of, PLACE_CLASSES + ORG_CLASSES):  # a post is never "in" a person or an event
            self.add(post, N.postIn, NamedNode(f.of))
        self.provenance(post, f)

    def fact_locatedin(self, f: LocatedIn, i: int) -> None:
        """``place nkg:locatedIn container``: one triple, no node of its own."""
        if self.fits(f.place, PLACE_CLASSES) and self.fits(f.container, PLACE_CLASSES):
            self.add(NamedNode(f.place), N.locatedIn, NamedNode(f.container))

    def fact_cooperation(self, f: Cooperation, i: int) -> None:
        """A Cooperation node with its parties and sectors, and ``nkg:cooperatesWith`` both ways per pair."""
        parties = tuple(p for p in f.parties if self.fits(p, PARTY_CLASSES))
        if len(parties) < 2:
            return
        f = replace(f, parties=parties)
        coop = self._node("cooperation", "|".join(sorted(f.parties)) + f"|{i}")
        self.add(coop, RDF_TYPE, N.Cooperation)
        for p in f.parties:
            self.add(coop, N.party, NamedNode(p))
        for a, b in combinations(f.parties, 2):
            self.add(NamedNode(a), N.cooperatesWith, NamedNode(b))
            self.add(NamedNode(b), N.cooperatesWith, NamedNode(a))
        for s in f.sectors:
            self.add(coop, N.sector, NamedNode(s))
        self.provenance(coop, f)

    def fact_eventinfo(self, f: EventInfo, i: int) -> None:
        """Where, when and within what an event is held, on the event itself."""
        ev = NamedNode(f.event)
        if self.fits(f.held_in, PLACE_CLASSES):
            self.add(ev, N.heldIn, NamedNode(f.held_in))
        if f.date:
            self.add(ev, N.startDate, date_literal(f.date))
        if self.fits(f.part_of, ("Event",)):
            self.add(ev, N.partOf, NamedNode(f.part_of))
        self.evidence(ev, f.evidence)

    def fact_agreement(self, f: Agreement, i: int) -> None:
        """An Agreement node: parties, count, values, venue, date, sectors, kind."""
        g = self._node("agreement", str(i))
        self.add(g, RDF_TYPE, N.Agreement)
        for p in f.parties:
            if self.fits(p, PARTY_CLASSES):
                self.add(g, N.party, NamedNode(p))
        if f.count is not None:
            self.add(g, N.count, Literal(str(f.count), datatype=XSD_INT))
        self.money(g, f.values)
        if self.fits(f.signed_at, ("Event",)):
            self.add(g, N.signedAt, NamedNode(f.signed_at))
        if f.date:
            self.add(g, N.date, date_literal(f.date))
        for s in f.sectors:
            self.add(g, N.sector, NamedNode(s))
        if f.kind:
            self.add(g, N.agreementKind, Literal(f.kind))
        self.provenance(g, f)

    def fact_investment(self, f: Investment, i: int) -> None:
        """An Investment node: investor, target, project count, values."""
        inv = self._node("investment", str(i))
        self.add(inv, RDF_TYPE, N.Investment)
        if self.fits(f.investor, PARTY_CLASSES):
            self.add(inv, N.investor, NamedNode(f.investor))
        if self.fits(f.target, PARTY_CLASSES + ("Sector",)):
            self.add(inv, N.target, NamedNode(f.target))
        if f.projects is not None:
            self.add(inv, N.projectCount, Literal(str(f.projects), datatype=XSD_INT))
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
