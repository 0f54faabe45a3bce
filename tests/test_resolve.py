"""kg.resolve: one IRI and one type per entity across articles; variants merged, reversibly."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

import kg
from kg.graph import KnowledgeGraph
from kg.ids import article_iri, entity_iri
from kg.model import Article, Cooperation, Entity, Evidence, Extraction, Post
from kg.rdf import extraction_quads
from kg.resolve import ENTITIES_GRAPH, resolve, unmerge
from kg.store import open_store
from kg.validate import validate

SHARED = Path(__file__).resolve().parents[2] / "shared"
NKG = "https://w3id.org/newskg/ontology#"


def article(n: int, entities: list[tuple[str, str]], facts=()) -> Extraction:
    text = f"Article {n} says " + ", ".join(name for _, name in entities) + "."
    art = Article(iri=article_iri(f"http://example.org/{n}", text), text=text, url=f"http://example.org/{n}")
    ev = (Evidence(text, 0, len(text)),)
    ents = tuple(Entity(entity_iri(cls, name), cls, name, evidence=ev) for cls, name in entities)
    return Extraction(art, ents, tuple(f(ents, ev) for f in facts))


def graph_of(*extractions: Extraction) -> KnowledgeGraph:
    g = KnowledgeGraph()
    for ex in extractions:
        g.add_quads(extraction_quads(ex))
    return g


def types_in(g: KnowledgeGraph, iri: str) -> set[tuple[str, str]]:
    """(article graph, class) pairs of an entity."""
    return {(q.graph_name.value, q.object.value.removeprefix(NKG))
            for q in g.store.quads_for_pattern(ox.NamedNode(iri), None, None, None)
            if q.predicate.value.endswith("#type")}


def test_resolve_one_iri_per_name_whatever_the_class():
    assert entity_iri("Company", "Gazprom") == entity_iri("City", "Gazprom") == entity_iri("Person", "Gazprom")


def test_resolve_votes_one_type_in_every_article():
    g = graph_of(article(1, [("Company", "Gazprom")]), article(2, [("Company", "Gazprom")]),
                 article(3, [("City", "Gazprom")]))
    result = resolve(g)
    gazprom = entity_iri("Company", "Gazprom")
    found = types_in(g, gazprom)
    assert {c for _, c in found} == {"Company"}
    assert len({graph for graph, _ in found}) == 3  # each article's graph still types it
    assert result.retyped == {gazprom: "Company"}


def test_resolve_drops_facts_that_no_longer_fit():
    """A post 'in' a name that the other articles call a person is no post in it."""
    post = lambda ents, ev: Post(ents[0].iri, "chairman", ents[1].iri, ev)  # noqa: E731
    g = graph_of(article(1, [("Official", "Alexei Miller"), ("Company", "Miller")], [post]),
                 article(2, [("Person", "Miller")]), article(3, [("Person", "Miller")]))
    resolve(g)
    assert not g.query("ASK { ?p nkg:postIn ?x . ?x a nkg:Person }").boolean
    assert validate(g)[0]


def test_resolve_drops_a_post_whose_holder_became_a_firm():
    """"President Putin" in one article, "Putin" a firm in two others: no post is left without a holder."""
    post = lambda ents, ev: Post(ents[0].iri, "president", ents[1].iri, ev)  # noqa: E731
    g = graph_of(article(1, [("Official", "Putin"), ("Country", "Russia")], [post]),
                 article(2, [("Company", "Putin")]), article(3, [("Company", "Putin")]))
    resolve(g)
    assert not g.query("ASK { ?post a nkg:Post . FILTER NOT EXISTS { ?who nkg:holdsPost ?post } }").boolean
    assert validate(g)[0]


def test_resolve_drops_a_body_the_article_read_as_another_kind():
    """"Martin Ellis, Halifax chief economist" (business/405): the bank, which two articles' town outvotes; the
    post keeps its holder and title, not a body typed City."""
    post = lambda ents, ev: Post(ents[0].iri, "chief economist", ents[1].iri, ev)  # noqa: E731
    g = graph_of(article(1, [("Person", "Martin Ellis"), ("Company", "Halifax")], [post]),
                 article(2, [("City", "Halifax")]), article(3, [("City", "Halifax")]))
    resolve(g)
    assert not g.query("ASK { ?p nkg:postIn ?x }").boolean
    assert g.query("ASK { ?who nkg:holdsPost ?p . ?p nkg:title 'chief economist' }").boolean
    assert validate(g)[0]


def test_resolve_drops_both_ways_of_a_tie_the_article_read_as_another_kind():
    """The article's firm Halifax, outvoted by two articles' town: its cooperation goes, and no half of the
    cooperatesWith pair is left behind."""
    coop = lambda ents, ev: Cooperation((ents[0].iri, ents[1].iri), (), ev)  # noqa: E731
    g = graph_of(article(1, [("Company", "Halifax"), ("Company", "Abbey National")], [coop]),
                 article(2, [("City", "Halifax")]), article(3, [("City", "Halifax")]))
    resolve(g)
    assert not g.query("ASK { ?x nkg:cooperatesWith ?y }").boolean
    assert validate(g)[0]


def test_resolve_merges_spelling_variants_reversibly():
    g = graph_of(article(1, [("Official", "Alexei Miller"), ("Company", "Gazprom")]),
                 article(2, [("Official", "Alexei Miller")]), article(3, [("Person", "Aleksey Miller")]))
    result = resolve(g)
    alexei, aleksey = entity_iri("Person", "Alexei Miller"), entity_iri("Person", "Aleksey Miller")
    assert result.merged == {aleksey: alexei}
    assert not list(g.store.quads_for_pattern(ox.NamedNode(aleksey), None, None, None))[1:]  # only sameAs
    assert g.query(f"ASK {{ GRAPH <{ENTITIES_GRAPH}> {{ <{aleksey}> owl:sameAs <{alexei}> }} }}").boolean
    # each article keeps its own spelling, and the merged node one type
    labels = {r["l"] for r in g.query(f"SELECT ?l WHERE {{ <{alexei}> rdfs:label ?l }}")}
    assert labels == {"Alexei Miller", "Aleksey Miller"}
    assert {c for _, c in types_in(g, alexei)} == {"Official"}
    assert unmerge(g, aleksey) == 1
    assert {c for _, c in types_in(g, aleksey)} == {"Official"}


def test_resolve_never_merges_names_one_article_tells_apart():
    g = graph_of(article(1, [("Person", "Wang Bo"), ("Person", "Wang Bao")]))
    assert resolve(g).merged == {}


def test_resolve_keeps_iris_stable_as_articles_arrive(tmp_path):
    store = open_store(tmp_path / "store")
    store.add_quads(extraction_quads(article(1, [("Official", "Alexei Miller")])))
    store.add_quads(extraction_quads(article(2, [("Official", "Alexei Miller")])))
    store.add_quads(extraction_quads(article(3, [("Person", "Aleksey Miller")])))
    resolve(store)
    # more articles spelling it the other way do not move the entity
    for n in (4, 5, 6):
        store.add_quads(extraction_quads(article(n, [("Person", "Aleksey Miller")])))
    again = resolve(store)
    alexei, aleksey = entity_iri("Person", "Alexei Miller"), entity_iri("Person", "Aleksey Miller")
    assert again.merged == {} or set(again.merged.values()) == {alexei}
    assert not g_has_subject(store, aleksey)
    assert len({graph for graph, _ in types_in(store, alexei)}) == 6


def g_has_subject(g: KnowledgeGraph, iri: str) -> bool:
    return g.query(f"ASK {{ GRAPH ?g {{ ?g a nkg:Article . <{iri}> ?p ?o }} }}").boolean


def test_resolve_links_countries_to_iso_codes(sample_graph):
    assert sample_graph.query(f"""ASK {{ GRAPH <{ENTITIES_GRAPH}> {{ ?c schema:identifier "CN" ;
        owl:sameAs <http://publications.europa.eu/resource/authority/country/CHN> }} }}""").boolean


def test_resolve_real_build_one_entity_per_name(nlp):
    texts = ["Gazprom chief executive Alexei Miller said on Monday that Gazprom would build a pipeline "
             "to China.\n\nGazprom shares rose 2%.",
             "Russian gas giant Gazprom signed a deal with Naftogaz in Kiev on Tuesday, its head "
             "Aleksey Miller said.\n\nThe deal is worth $2bn."]
    g = kg.build([Article(iri=article_iri(None, t), text=t) for t in texts], nlp=nlp)
    rows = g.query("SELECT DISTINCT ?e WHERE { ?e rdfs:label ?l FILTER(CONTAINS(?l, 'Gazprom')) }").rows
    assert len(rows) == 1
    classes = g.query(f"SELECT DISTINCT ?c WHERE {{ GRAPH ?g {{ <{rows[0][0]}> a ?c }} }}").rows
    assert len(classes) == 1
    millers = g.query("SELECT DISTINCT ?e WHERE { GRAPH ?g { ?g a nkg:Article . ?e rdfs:label ?l "
                      "FILTER(CONTAINS(?l, 'Miller')) } }").rows
    assert len(millers) == 1


@pytest.mark.skipif(not (SHARED / "eval" / "dev").is_dir(), reason="needs ../shared/eval")
def test_resolve_build_of_shared_sets_passes_the_shapes(nlp, tmp_path):
    """The shared dev and train sets, built together (as `kg build` would), pass `kg validate`."""
    from click.testing import CliRunner

    from kg.cli import main

    jsonl = tmp_path / "shared.jsonl"
    with jsonl.open("w", encoding="utf-8") as out:
        for part in ("dev", "train"):
            out.write(subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), "jsonl",
                                      str(SHARED / "eval" / part)], capture_output=True, text=True,
                                     check=True).stdout)
    graph = kg.build([jsonl], nlp=nlp)
    assert len(graph.articles()) == 63
    trig = graph.save(tmp_path / "shared.trig")
    done = CliRunner().invoke(main, ["validate", str(trig)])
    assert done.exit_code == 0 and "Conforms: True" in done.output, done.output[-3000:]


@pytest.mark.parametrize("a,b", [("Robin Williams", "Robbie Williams"), ("David Davies", "David Davis"),
                                 ("Michael Collins", "Michelle Collins"), ("J Thomas", "Jon Thomas"),
                                 ("Anne Robinson", "Andy Robinson")])
def test_resolve_keeps_different_people_apart(a, b):
    """Names seen on the whole BBC corpus that a looser match merged."""
    g = graph_of(article(1, [("Person", a)]), article(2, [("Person", b)]))
    assert resolve(g).merged == {}


def test_resolve_head_word_lexicon_breaks_a_tie():
    """One article reads 'Trade Ministry' as a city, one as an agency: the head word decides."""
    g = graph_of(article(1, [("City", "Trade Ministry")]), article(2, [("Agency", "Trade Ministry")]))
    resolve(g)
    assert {c for _, c in types_in(g, entity_iri("Agency", "Trade Ministry"))} == {"Agency"}
