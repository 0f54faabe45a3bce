"""kg.reference (listed companies from the lists pytickersymbols ships) and the links kg.resolve writes.

Every look-up reads the real package data; the article fixtures are sentences of the
BBC business corpus.
"""
from __future__ import annotations

import pyoxigraph as ox
import pyshacl
import pytest
from rdflib import Graph

import kg
from kg.graph import KnowledgeGraph
from kg.ids import article_iri, entity_iri
from kg.model import Article, Entity, Evidence, Extraction
from kg.rdf import extraction_quads
from kg.reference import company_keys, isin_ok, listed_companies, lookup
from kg.resolve import ENTITIES_GRAPH, resolve, unmerge
from kg.validate import ontology_path, shapes_path, validate

pytest.importorskip("pytickersymbols")  # not installed on Python 3.10: companies get no links there

WIKI = "https://en.wikipedia.org/wiki/"
SAME_AS = ox.NamedNode("https://schema.org/sameAs")
ISIN = ox.NamedNode("https://w3id.org/newskg/ontology#isin")
# sentences of the BBC business corpus
BP_SENTENCE = ("Oil giant BP has announced a 26% rise in annual profits to $16.2bn (£8.7bn) on the back "
               "of record oil prices.")
FERROVIAL_SENTENCE = ("Madrid-based Ferrovial already holds a 33% stake in Tube Lines, which maintains the "
                      "Jubilee, Northern and Piccadilly lines.")
TESCO_SENTENCE = ("The switch over took place as she paid for her groceries in the supermarket chain "
                  "Tesco's Cromwell Road branch.")
STEEL_SENTENCE = ("Japan's biggest steel company Nippon Steel lost 2.5% to 270 yen, with closest rival "
                  "JFE Holdings down 3.4%.")
GOLDMAN_SENTENCE = ("Advisors Goldman Sachs are understood to have valued its demerged Deluxe Film unit at "
                    "£300m, the report added.")


# ----------------------------------------------------------------- the reference

def test_reference_reads_the_packaged_lists():
    companies = {id(c): c for c in listed_companies().values()}
    assert len(companies) > 1500  # twenty indices, companies listed in several counted once
    assert all(c.wikipedia is None or c.wikipedia.startswith(WIKI) for c in companies.values())
    assert all(isin_ok(i) for c in companies.values() for i in c.isins)


@pytest.mark.parametrize("name,page", [
    ("BP", "BP"), ("BP plc", "BP"), ("Deutsche Bank AG", "Deutsche_Bank"), ("Deutsche Bank", "Deutsche_Bank"),
    ("Marks & Spencer", "Marks_%26_Spencer"), ("Marks and Spencer", "Marks_%26_Spencer"),
    ("Sainsbury's", "Sainsbury%27s"), ("Société Générale", "Soci%C3%A9t%C3%A9_G%C3%A9n%C3%A9rale"),
    ("Societe Generale", "Soci%C3%A9t%C3%A9_G%C3%A9n%C3%A9rale"), ("ABN Amro", "ABN_AMRO"),
    ("Goldman Sachs & Co", "Goldman_Sachs"), ("News Corp", "News_Corp"), ("BBVA", "BBVA"),
    ("Walt Disney", "The_Walt_Disney_Company"),
])
def test_reference_finds_a_listed_name_with_or_without_its_legal_form(name, page):
    assert lookup(name).wikipedia == WIKI + page


@pytest.mark.parametrize("name", [
    "Vodaphone", "Deutsche Bnk",  # no fuzzy matching
    "News",  # "News Corp" without its "Corp" is a word
    "Next", "Shell", "Target", "Investor", "Continental", "Box", "Amazon",  # Wikipedia: "Next plc" ...
    "Google", "Yukos", "Bank of England", "Royal Dutch Shell",  # not listed (or not under that name)
    "Banco Bilbao Vizcaya Argentaria",  # two entries with two pages ("BBVA" and this name): neither
])
def test_reference_is_strict(name):
    assert lookup(name) is None


def test_reference_leaves_out_pages_of_other_companies():
    """The package gives "STABILUS SE" (CAC 40) STMicroelectronics' page and "SES S.A." Smiths Group's."""
    assert lookup("STABILUS SE").wikipedia is None and lookup("SES S.A.").wikipedia is None
    assert lookup("STMicroelectronics") is None and lookup("Smiths Group") is None


def test_reference_keeps_only_numbers_of_the_company():
    assert lookup("BP").isins == ("GB0007980591",)
    assert lookup("Deutsche Telekom").isins == ("DE0005557508",)  # the package adds two Russian ones
    assert lookup("Globe Life").isins == ()  # the package gives it Mohawk Industries' number
    assert not isin_ok("GB0007980592")


def test_reference_keys():
    assert company_keys("Aegon N.V.") == ["aegon nv", "aegon"]
    assert company_keys("News Corp") == ["news corp"]
    assert company_keys("Shell (company)") == ["shell"]


# ----------------------------------------------------------------- the links kg.resolve writes

def article(text: str, entities: list[tuple[str, str]]) -> Extraction:
    """One article of a real sentence and the entities it names, as extraction would give them."""
    for _, name in entities:
        assert name in text
    art = Article(iri=article_iri(None, text + str(entities)), text=text)
    ev = (Evidence(text, 0, len(text)),)
    return Extraction(art, tuple(Entity(entity_iri(c, n), c, n, evidence=ev) for c, n in entities), ())


def graph_of(*extractions: Extraction) -> KnowledgeGraph:
    g = KnowledgeGraph()
    for ex in extractions:
        g.add_quads(extraction_quads(ex))
    return g


def links(g: KnowledgeGraph, iri: str) -> set[str]:
    node = ox.NamedNode(iri)
    return {q.object.value for p in (SAME_AS, ISIN)
            for q in g.store.quads_for_pattern(node, p, None, ox.NamedNode(ENTITIES_GRAPH))}


def test_resolve_links_listed_companies():
    g = graph_of(article(BP_SENTENCE, [("Company", "BP")]),
                 article(FERROVIAL_SENTENCE, [("Organization", "Ferrovial"), ("Company", "Tube Lines"),
                                              ("City", "Madrid")]),
                 article(GOLDMAN_SENTENCE, [("Company", "Goldman Sachs"), ("Company", "Deluxe Film")]))
    result = resolve(g)
    bp, ferrovial = entity_iri("Company", "BP"), entity_iri("Company", "Ferrovial")
    assert links(g, bp) == {WIKI + "BP", "GB0007980591"}
    assert WIKI + "Ferrovial" in links(g, ferrovial)  # organisations too
    assert links(g, entity_iri("Company", "Tube Lines")) == set() == links(g, entity_iri("City", "Madrid"))
    assert result.linked == {bp: WIKI + "BP", ferrovial: WIKI + "Ferrovial",
                             entity_iri("Company", "Goldman Sachs"): WIKI + "Goldman_Sachs"}
    assert g.query(f"""ASK {{ GRAPH <{ENTITIES_GRAPH}> {{ <{bp}> schema:sameAs <{WIKI}BP> ;
                                                       nkg:isin "GB0007980591" }} }}""").boolean
    assert validate(g)[0]


def test_resolve_links_only_companies_and_follows_the_vote():
    """Tesco read as a place is not linked; once the articles call it a company it is, and back."""
    tesco = entity_iri("Company", "Tesco")
    g = graph_of(article(TESCO_SENTENCE, [("City", "Tesco")]))
    assert resolve(g).linked == {} and links(g, tesco) == set()
    for n in (1, 2):
        g.add_quads(extraction_quads(article(TESCO_SENTENCE + " " * n, [("Company", "Tesco")])))
    assert resolve(g).linked == {tesco: WIKI + "Tesco"}
    for n in (3, 4, 5):
        g.add_quads(extraction_quads(article(TESCO_SENTENCE + " " * n, [("City", "Tesco")])))
    resolve(g)
    assert links(g, tesco) == set()  # a link of an earlier resolution goes with the class


def test_unmerge_leaves_company_and_country_links_alone():
    """unmerge undoes merges only: a company's or a country's link is no merge."""
    g = graph_of(article(STEEL_SENTENCE, [("Country", "Japan"), ("Company", "Nippon Steel"),
                                          ("Company", "JFE Holdings")]))
    resolve(g)
    steel, japan = entity_iri("Company", "Nippon Steel"), entity_iri("Country", "Japan")
    assert links(g, steel) == {WIKI + "Nippon_Steel", "JP3381000003"}
    assert WIKI + "JFE_Holdings" in links(g, entity_iri("Company", "JFE Holdings"))
    country_link = f"ASK {{ GRAPH <{ENTITIES_GRAPH}> {{ <{japan}> owl:sameAs ?eu }} }}"
    assert g.query(country_link).boolean
    assert unmerge(g, steel) == 0 and unmerge(g, japan) == 0
    assert WIKI + "Nippon_Steel" in links(g, steel) and g.query(country_link).boolean


def _entities_graph(g: KnowledgeGraph) -> Graph:
    nt = "".join(f"{q.subject} {q.predicate} {q.object} .\n"
                 for q in g.store.quads_for_pattern(None, None, None, ox.NamedNode(ENTITIES_GRAPH)))
    return Graph().parse(data=nt, format="nt")


def test_company_links_pass_their_shape():
    g = graph_of(article(BP_SENTENCE, [("Company", "BP")]))
    resolve(g)
    shapes, ontology = Graph().parse(shapes_path()), Graph().parse(ontology_path())
    data = _entities_graph(g)
    assert pyshacl.validate(data, shacl_graph=shapes, ont_graph=ontology, inference="none")[0]
    g.store.add(ox.Quad(ox.NamedNode(entity_iri("Company", "BP")), ISIN, ox.Literal("BP"),
                        ox.NamedNode(ENTITIES_GRAPH)))
    conforms, _, text = pyshacl.validate(_entities_graph(g), shacl_graph=shapes, ont_graph=ontology,
                                         inference="none")
    assert not conforms and "nkg:isin must be an ISIN" in text


def test_build_links_a_company_the_pipeline_finds(nlp):
    g = kg.build([Article(iri=article_iri(None, t), text=t) for t in (BP_SENTENCE, GOLDMAN_SENTENCE)], nlp=nlp)
    rows = g.query(f"""SELECT ?page WHERE {{ GRAPH ?a {{ ?a a nkg:Article . ?e rdfs:label "BP" }}
                                            GRAPH <{ENTITIES_GRAPH}> {{ ?e schema:sameAs ?page }} }}""").rows
    assert [str(page) for page, in rows] == [WIKI + "BP"]
    assert validate(g)[0]
