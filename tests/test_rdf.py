"""The RDF the build writes, checked against the graph contract on the seed article's graph."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import pytest

import kg
from kg.build import SECTORS_GRAPH
from kg.graph import REFERENCE_GRAPH
from kg.rdf import date_literal, decimal_literal
from kg.read import read_articles
from kg.resolve import ENTITIES_GRAPH

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"

NKG = "https://w3id.org/newskg/ontology#"
SCHEMA = "https://schema.org/"
XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
RDFS_LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
OWL_SAME_AS = ox.NamedNode("http://www.w3.org/2002/07/owl#sameAs")
QINGDAO = ox.NamedNode("https://w3id.org/newskg/id/place/qingdao")

ENTITY_CLASSES = ("City", "Region", "Country", "District", "Official", "Person", "Agency", "Company",
                  "Organization", "Event", "Sector")
FACT_CLASSES = ("Post", "Cooperation", "Agreement", "Investment")


def nkg(term: str) -> ox.NamedNode:
    return ox.NamedNode(NKG + term)


def schema(term: str) -> ox.NamedNode:
    return ox.NamedNode(SCHEMA + term)


@pytest.fixture(scope="module")
def article():
    articles = list(read_articles([DATA]))
    assert len(articles) == 1
    return articles[0]


@pytest.fixture(scope="module")
def article_graph(sample_graph, article) -> list[ox.Quad]:
    return list(sample_graph.store.quads_for_pattern(None, None, None, ox.NamedNode(article.iri)))


def objects(quads, s, p) -> list:
    return [q.object for q in quads if q.subject == s and q.predicate == p]


def subjects_of_class(quads, cls: str) -> set:
    return {q.subject for q in quads if q.predicate == RDF_TYPE and q.object == nkg(cls)}


def test_rdf_one_named_graph_per_article(sample_graph, article):
    names = {g.value for g in sample_graph.store.named_graphs()}
    articles = {g for g in names
                if ox.Quad(ox.NamedNode(g), RDF_TYPE, nkg("Article"), ox.NamedNode(g)) in sample_graph.store}
    assert articles == {article.iri}
    assert names == {article.iri, REFERENCE_GRAPH, SECTORS_GRAPH, ENTITIES_GRAPH}
    assert not list(sample_graph.store.quads_for_pattern(None, None, None, ox.DefaultGraph()))


def test_rdf_article_metadata(article_graph, article):
    a = ox.NamedNode(article.iri)
    assert objects(article_graph, a, RDF_TYPE) == [nkg("Article")]
    assert objects(article_graph, a, schema("url")) == [
        ox.Literal("http://qingdao.chinadaily.com.cn/2024-05/30/c_991759.htm")]
    assert objects(article_graph, a, schema("headline")) == [ox.Literal("Qingdao, Hong Kong to deepen cooperation")]
    assert objects(article_graph, a, schema("datePublished")) == [
        ox.Literal("2024-05-30", datatype=ox.NamedNode(XSD + "date"))]


def test_rdf_every_entity_has_type_label_evidence(article_graph):
    entities = set().union(*(subjects_of_class(article_graph, c) for c in ENTITY_CLASSES))
    assert QINGDAO in entities and len(entities) >= 10
    for e in entities:
        assert objects(article_graph, e, RDFS_LABEL), e
        assert objects(article_graph, e, nkg("evidence")), e
        assert all(t.value.startswith(NKG) for t in objects(article_graph, e, RDF_TYPE))


def test_rdf_every_fact_node_has_evidence(article_graph):
    facts = set().union(*(subjects_of_class(article_graph, c) for c in FACT_CLASSES))
    assert {c for c in FACT_CLASSES if subjects_of_class(article_graph, c)} == set(FACT_CLASSES)
    for f in facts:
        assert objects(article_graph, f, nkg("evidence")), f


def test_rdf_evidence_offsets_slice_article_text(article_graph, article):
    evidence = subjects_of_class(article_graph, "Evidence")
    assert evidence
    for ev in evidence:
        [text] = objects(article_graph, ev, nkg("text"))
        [start] = objects(article_graph, ev, nkg("startChar"))
        [end] = objects(article_graph, ev, nkg("endChar"))
        assert start.datatype.value == end.datatype.value == XSD + "integer"
        assert article.text[int(start.value):int(end.value)] == text.value
        assert objects(article_graph, ev, ox.NamedNode("http://www.w3.org/ns/prov#wasDerivedFrom")) == [
            ox.NamedNode(article.iri)]


def test_rdf_evidence_of_post_is_its_sentence(article_graph, article):
    wang = ox.NamedNode("https://w3id.org/newskg/id/entity/wang-bo")
    [post] = objects(article_graph, wang, nkg("holdsPost"))
    texts = {objects(article_graph, ev, nkg("text"))[0].value for ev in objects(article_graph, post, nkg("evidence"))}
    assert any(t.startswith("During the conference, Wang Bo, deputy mayor") for t in texts)


def test_rdf_money_nodes(article_graph):
    money = {q.object for q in article_graph if q.predicate == nkg("value")}
    assert len(money) == 2
    amounts = set()
    for m in money:
        assert objects(article_graph, m, RDF_TYPE) == [schema("MonetaryAmount")]
        [value] = objects(article_graph, m, schema("value"))
        assert value.datatype.value == XSD + "decimal"
        assert objects(article_graph, m, schema("currency")) == [ox.Literal("USD")]
        amounts.add(Decimal(value.value))
    assert amounts == {Decimal(1_660_000_000), Decimal(50_000_000_000)}


def test_rdf_counts_are_integers(article_graph):
    for p in ("count", "projectCount"):
        [value] = [q.object for q in article_graph if q.predicate == nkg(p)]
        assert value.datatype.value == XSD + "integer"
    assert {int(q.object.value) for q in article_graph if q.predicate in (nkg("count"), nkg("projectCount"))} == {
        16, 6444}


def test_rdf_confidence_in_unit_interval(article_graph):
    facts = set().union(*(subjects_of_class(article_graph, c) for c in FACT_CLASSES))
    for f in facts:
        [confidence] = objects(article_graph, f, nkg("confidence"))
        assert 0.0 <= float(confidence.value) <= 1.0, f


def test_rdf_iris_stable_across_builds(nlp):
    def subjects():
        graph = kg.build([DATA], nlp=nlp)
        return {q.subject.value for q in graph.store if isinstance(q.subject, ox.NamedNode)}

    first, second = subjects(), subjects()
    assert first == second
    assert QINGDAO.value in first


def test_rdf_geonames_link_in_reference_graph(sample_graph, article):
    reference = ox.NamedNode(REFERENCE_GRAPH)
    links = list(sample_graph.store.quads_for_pattern(QINGDAO, OWL_SAME_AS, None, None))
    assert [q.graph_name for q in links] == [reference]
    assert links[0].object.value.startswith("https://sws.geonames.org/")
    assert not list(sample_graph.store.quads_for_pattern(None, OWL_SAME_AS, None, ox.NamedNode(article.iri)))


@pytest.mark.parametrize("value,datatype", [("2024-05-30", "date"), ("2024-05", "gYearMonth")])
def test_rdf_date_literal(value, datatype):
    assert date_literal(value) == ox.Literal(value, datatype=ox.NamedNode(XSD + datatype))


@pytest.mark.parametrize("amount,text", [(1.66e9, "1660000000.0"), (50e9, "50000000000.0"), (0.75, "0.75")])
def test_rdf_decimal_literal(amount, text):
    assert decimal_literal(amount) == ox.Literal(text, datatype=ox.NamedNode(XSD + "decimal"))


def test_rdf_labels_and_titles_lose_bidi_controls():
    """U+202E and friends reorder what a reader sees; labels and headlines drop them, evidence keeps its offsets."""
    from kg.ids import article_iri, entity_iri
    from kg.model import Article, Entity, Evidence, Extraction, Post
    from kg.rdf import extraction_quads
    from kg.textclean import BIDI_CONTROLS

    text = "Wang\u202eoB, deputy mayor of Qing\u2066dao\u2069, spoke."
    name, place = "Wang\u202eoB", "Qing\u2066dao\u2069"
    ev = (Evidence(text, 0, len(text)),)
    article = Article(iri=article_iri("http://e.org/1", text), text=text, url="http://e.org/1",
                      title="\u202bHeadline\u202c \u200etitle\u200f")
    official, city = entity_iri("Official", "Wang oB"), entity_iri("City", "Qingdao")
    entities = (Entity(official, "Official", name, ("W\u202dB",), ev), Entity(city, "City", place, (), ev))
    quads = extraction_quads(Extraction(article, entities, (Post(official, "deputy\u202e mayor", city, ev),)))
    named = {q.object.value for q in quads if q.predicate.value.endswith(("label", "altLabel", "title", "headline"))}
    assert {"WangoB", "Qingdao", "WB", "deputy mayor", "Headline title"} <= named
    assert not any(c in v for v in named for c in BIDI_CONTROLS)
    texts = [q.object.value for q in quads if q.predicate == nkg("text")]
    assert texts and all(t == text for t in texts)  # evidence untouched: offsets still index the article


def _writer_graph(facts, entities):
    from kg.ids import article_iri, entity_iri
    from kg.model import Article, Entity, Evidence, Extraction
    from kg.rdf import extraction_quads

    text = "Fiat and GM agreed a $2bn deal; GM also paid $58m, chairman John Smith said at the Davos forum."
    ev = (Evidence(text, 0, len(text)),)
    ents = tuple(Entity(entity_iri(c, n), c, n, evidence=ev) for c, n in entities)
    g = kg.KnowledgeGraph()
    art = Article(iri=article_iri("http://example.org/fiat", text), text=text, url="http://example.org/fiat")
    g.add_quads(extraction_quads(Extraction(art, ents, tuple(f([e.iri for e in ents], ev) for f in facts))))
    return g


def test_rdf_money_node_per_amount_and_currency():
    """$2bn and $58m of one record are two money nodes, each with one value."""
    from kg.model import Agreement, Money
    from kg.validate import validate

    deal = lambda e, ev: Agreement((e[0], e[1]), values=(Money(2e9, "USD", "$2bn"), Money(5.8e7, "USD", "$58m")),  # noqa: E731
                                   evidence=ev)
    g = _writer_graph([deal], [("Company", "Fiat"), ("Company", "GM")])
    rows = g.query("SELECT ?m ?v WHERE { ?a nkg:value ?m . ?m schema:value ?v } ORDER BY ?v").rows
    assert [v for _, v in rows] == [5.8e7, 2e9] and len({m for m, _ in rows}) == 2
    assert validate(g)[0]


@pytest.mark.parametrize("cls", ["Person", "Official", "Event"])
def test_rdf_post_never_in_a_person_or_event(cls):
    from kg.model import Post
    from kg.validate import validate

    post = lambda e, ev: Post(e[0], "chairman", e[1], ev)  # noqa: E731
    g = _writer_graph([post], [("Official", "John Smith"), (cls, "Davos")])
    assert g.query("ASK { ?p a nkg:Post ; nkg:title 'chairman' }").boolean
    assert not g.query("ASK { ?p nkg:postIn ?x }").boolean
    assert validate(g)[0]
    kept = _writer_graph([post], [("Official", "John Smith"), ("Company", "Fiat")])
    assert kept.query("ASK { ?p nkg:postIn ?x }").boolean
