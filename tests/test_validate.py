"""kg.validate: the SHACL check of a KnowledgeGraph, as the CLI would run it."""
from __future__ import annotations

import pyoxigraph as ox
import pytest

import kg.resources
from kg.errors import GraphError
from kg.graph import REFERENCE_GRAPH, KnowledgeGraph
from kg.resources import ontology_dir, ontology_path, sector_scheme_path, shapes_path
from kg.validate import article_union, validate


# One article of the seed: Wang Bo, deputy mayor of Qingdao.
GOOD = """
@prefix nkg: <https://w3id.org/newskg/ontology#> .
@prefix schema: <https://schema.org/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

<https://w3id.org/newskg/id/article/seed> {
  <https://w3id.org/newskg/id/article/seed> a nkg:Article ;
      schema:datePublished "2024-05-30"^^xsd:date ;
      nkg:mentions <https://w3id.org/newskg/id/entity/wang-bo>, <https://w3id.org/newskg/id/entity/qingdao> .
  <https://w3id.org/newskg/id/entity/wang-bo> a nkg:Official ; rdfs:label "Wang Bo" ;
      nkg:evidence <https://w3id.org/newskg/id/evidence/s-527-733> ;
      nkg:holdsPost <https://w3id.org/newskg/id/post/1> .
  <https://w3id.org/newskg/id/entity/qingdao> a nkg:City ; rdfs:label "Qingdao" ;
      nkg:evidence <https://w3id.org/newskg/id/evidence/s-527-733> .
  <https://w3id.org/newskg/id/post/1> a nkg:Post ; nkg:title "deputy mayor" ; rdfs:label "deputy mayor" ;
      nkg:postIn <https://w3id.org/newskg/id/entity/qingdao> ; nkg:confidence 0.8 ;
      nkg:evidence <https://w3id.org/newskg/id/evidence/s-527-733> .
  <https://w3id.org/newskg/id/evidence/s-527-733> a nkg:Evidence ;
      nkg:text "During the conference, Wang Bo, deputy mayor of Qingdao, introduced Qingdao's strong industrial foundation, abundant marine resources, geographical advantages, and efforts to increase its level of openness." ;
      nkg:startChar 527 ; nkg:endChar 733 ;
      prov:wasDerivedFrom <https://w3id.org/newskg/id/article/seed> .
}
"""


def graph_of(trig: str) -> KnowledgeGraph:
    graph = KnowledgeGraph()
    graph.store.load(trig, format=ox.RdfFormat.TRIG)
    return graph


def test_validate_accepts_good_graph():
    conforms, report = validate(graph_of(GOOD))
    assert conforms, report


def test_validate_accepts_empty_graph():
    assert validate(KnowledgeGraph())[0]


@pytest.mark.parametrize("old,new,message", [
    ('rdfs:label "Wang Bo" ;', "", "at least one rdfs:label"),
    ("nkg:startChar 527", "nkg:startChar -3", "nkg:startChar"),
    ("nkg:confidence 0.8", "nkg:confidence 1.5", "nkg:confidence"),
])
def test_validate_reports_bad_graph(old, new, message):
    conforms, report = validate(graph_of(GOOD.replace(old, new)))
    assert not conforms
    assert message in report


def test_validate_ignores_non_article_graphs():
    """The sector scheme in a reference graph has no evidence, and need not."""
    graph = graph_of(GOOD)
    graph.store.load(path=str(sector_scheme_path()), format=ox.RdfFormat.TURTLE,
                     to_graph=ox.NamedNode(REFERENCE_GRAPH))
    assert validate(graph)[0]
    assert len(article_union(graph.store)) == len(article_union(graph_of(GOOD).store))


def test_validate_merges_articles():
    """A label stated in one article and a type in another still make one entity."""
    graph = graph_of(GOOD)
    second = (GOOD.replace("article/seed", "article/second").replace("s-527-733", "t-527-733")
              .replace("post/1", "post/2").replace(' rdfs:label "Wang Bo" ;', ""))
    graph.store.load(second, format=ox.RdfFormat.TRIG)
    assert validate(graph)[0]


def test_resources_paths_exist():
    for path in (ontology_path(), shapes_path(), sector_scheme_path()):
        assert path.parent == ontology_dir() and path.is_file()


def test_resources_missing_folder_raises(monkeypatch, tmp_path):
    monkeypatch.setattr(kg.resources, "ROOT", tmp_path)
    with pytest.raises(GraphError, match="Ontology folder .* not found"):
        validate(graph_of(GOOD))


def test_validate_accepts_writer_output():
    """Whatever kg.rdf writes for a full extraction passes the shapes."""
    from kg.ids import article_iri, entity_iri
    from kg.model import (Agreement, Article, Cooperation, Entity, EventInfo, Evidence, Extraction,
                          Investment, LocatedIn, Money, Post)
    from kg.rdf import extraction_quads

    text = ("During the Hong Kong-Macao-Shandong Week, Qingdao signed a total of 16 project agreements "
            "with a planned total investment of $1.66 billion.")
    ev = (Evidence(text, 0, len(text)),)
    art = Article(iri=article_iri("http://example.org/a", text), text=text, url="http://example.org/a",
                  title="Qingdao, Hong Kong to deepen cooperation", date="2024-05-30", id="a1")
    named = [("City", "Qingdao"), ("City", "Hong Kong"), ("Region", "Shandong"), ("Official", "Wang Bo"),
             ("Event", "Hong Kong-Macao-Shandong Week"), ("Sector", "modern finance")]
    entities = tuple(Entity(entity_iri(cls, name), cls, name, evidence=ev) for cls, name in named)
    qd, hk, sd, wang, week, fin = (e.iri for e in entities)
    usd = (Money(1.66e9, "USD", "$1.66 billion"),)
    facts = (Post(wang, "deputy mayor", qd, ev, rule="title-of"), LocatedIn(qd, sd, ev),
             Cooperation((qd, hk), (fin,), ev), EventInfo(week, hk, "2024-05", None, ev),
             Agreement((qd,), 16, usd, week, "2024-05-28", (fin,), "project agreements", ev),
             Investment(hk, qd, 6444, (Money(5e10, "USD"),), ev))
    graph = KnowledgeGraph()
    graph.add_quads(extraction_quads(Extraction(art, entities, facts)))
    conforms, report = validate(graph)
    assert conforms, report
