"""KnowledgeGraph: SPARQL answers, Python accessors, saving and loading, atomic writes."""
from __future__ import annotations

import csv
import io
import json

import pyoxigraph as ox
import pytest
from rdflib import Dataset, URIRef

import kg
from kg.errors import GraphError, QueryError
from kg.graph import REFERENCE_GRAPH, KnowledgeGraph, Result, load
from kg.io import WRITE_FORMATS

ID = "https://w3id.org/newskg/id/"
QINGDAO, HONG_KONG = ID + "place/qingdao", ID + "place/hong-kong"

OFFICIALS = """SELECT ?name ?title WHERE { ?p a nkg:Official ; rdfs:label ?name ;
                                           nkg:holdsPost/nkg:title ?title } ORDER BY ?name"""


def test_graph_query_select(sample_graph):
    result = sample_graph.query(OFFICIALS)
    assert result.kind == "select"
    assert result.columns == ["name", "title"]
    assert ("Wang Bo", "deputy mayor") in result.rows
    assert {"name": "Wang Bo", "title": "deputy mayor"} in list(result)
    assert len(result) == len(result.rows)


def test_graph_query_select_typed_values(sample_graph):
    rows = sample_graph.query("SELECT ?n ?v WHERE { ?i a nkg:Investment ; nkg:projectCount ?n ; "
                              "nkg:value/schema:value ?v }").rows
    assert rows == [(6444, 50_000_000_000.0)]
    assert isinstance(rows[0][0], int) and isinstance(rows[0][1], float)


@pytest.mark.parametrize("sparql,answer", [
    ("ASK { ?c a nkg:City ; rdfs:label 'Qingdao' }", True),
    ("ASK { ?c a nkg:City ; rdfs:label 'Atlantis' }", False),
])
def test_graph_query_ask(sample_graph, sparql, answer):
    result = sample_graph.query(sparql)
    assert result.kind == "ask"
    assert result.boolean is answer
    assert result.format("json") == json.dumps({"boolean": answer})


def test_graph_query_construct(sample_graph):
    result = sample_graph.query("CONSTRUCT { ?a nkg:cooperatesWith ?b } WHERE { ?a nkg:cooperatesWith ?b }")
    assert result.kind == "graph"
    coop = "https://w3id.org/newskg/ontology#cooperatesWith"
    assert (QINGDAO, coop, HONG_KONG) in result.triples
    assert (HONG_KONG, coop, QINGDAO) in result.triples
    assert len(result) == len(result.triples)
    assert json.loads(result.format("json"))[0].keys() == {"subject", "predicate", "object"}


def test_graph_query_without_prefixes_fails():
    with pytest.raises(QueryError, match=r"^\[E040\] SPARQL query failed: "):
        KnowledgeGraph().query("SELECT ?x WHERE { ?x a nkg:City }", prefixes=False)


def test_graph_query_malformed():
    with pytest.raises(QueryError, match=r"^\[E040\]"):
        KnowledgeGraph().query("SELECT ?x WHERE {")


def test_result_format_table():
    r = Result("select", columns=["name", "title"], rows=[("Wang Bo", "deputy mayor"), ("Jimmy Chiang", None)])
    assert r.format("table").splitlines() == [
        "name         | title       ",
        "-------------+-------------",
        "Wang Bo      | deputy mayor",
        "Jimmy Chiang |             ",
        "(2 rows)",
    ]
    assert Result("select", columns=["x"], rows=[("Qingdao",)]).format().endswith("(1 row)")


def test_result_format_csv():
    r = Result("select", columns=["investor", "projects"], rows=[("Hong Kong", 6444), ("Qingdao, Shandong", None)])
    assert list(csv.reader(io.StringIO(r.format("csv")))) == [
        ["investor", "projects"], ["Hong Kong", "6444"], ["Qingdao, Shandong", ""]]


def test_result_format_json():
    r = Result("select", columns=["investor", "projects"], rows=[("Hong Kong", 6444)])
    assert json.loads(r.format("json")) == [{"investor": "Hong Kong", "projects": 6444}]


def test_result_to_dataframe(sample_graph):
    df = sample_graph.query(OFFICIALS).to_dataframe()
    assert list(df.columns) == ["name", "title"]
    assert "Wang Bo" in set(df["name"])


def test_graph_entities_city(sample_graph):
    cities = sample_graph.entities("City")
    assert {"iri": QINGDAO, "class": "City", "label": "Qingdao"} in cities
    assert {"iri": HONG_KONG, "class": "City", "label": "Hong Kong"} in cities
    assert {e["class"] for e in cities} == {"City"}


def test_graph_entities_place_includes_subclasses(sample_graph):
    places = sample_graph.entities("Place")
    labels = {e["label"] for e in places}
    assert {"Qingdao", "Hong Kong", "Shandong", "China"} <= labels
    assert {e["class"] for e in places} <= {"Place", "City", "Region", "Country", "District"}
    assert "Wang Bo" not in labels


def test_graph_entities_all_sorted(sample_graph):
    labels = [e["label"] for e in sample_graph.entities()]
    assert labels == sorted(labels, key=str.lower)
    assert {"Wang Bo", "Qingdao", "Hong Kong-Macao-Shandong Week"} <= set(labels)


def test_graph_facts_agreement(sample_graph):
    agreements = sample_graph.facts("Agreement")
    assert len(agreements) == 1
    a = agreements[0]
    assert a["kind"] == "Agreement"
    assert a["count"] == [16]
    assert QINGDAO in a["party"]
    assert a["signedAt"] == [ID + "entity/hong-kong-macao-shandong-week"]


def test_graph_facts_all_kinds(sample_graph):
    kinds = {f["kind"] for f in sample_graph.facts()}
    assert kinds == {"Post", "Cooperation", "Agreement", "Investment"}


def test_graph_articles(sample_graph):
    articles = sample_graph.articles()
    assert len(articles) == 1 and articles[0].startswith(ID + "article/")


def _quads(store: ox.Store) -> set:
    return set(store)


def _triples(store: ox.Store) -> set:
    return {(q.subject, q.predicate, q.object) for q in store}


@pytest.mark.parametrize("ext", sorted(WRITE_FORMATS))
def test_graph_save_load_round_trip(sample_graph, tmp_path, ext):
    path = sample_graph.save(tmp_path / f"graph{ext}")
    assert path == tmp_path / f"graph{ext}" and path.stat().st_size > 0
    again = load(path)
    assert again.path == path
    keeps_graphs = WRITE_FORMATS[ext][1]
    if keeps_graphs:
        assert len(again) == len(sample_graph)
        assert _quads(again.store) == _quads(sample_graph.store)
        assert again.articles() == sample_graph.articles()
        assert again.entities("City") == sample_graph.entities("City")
    else:
        assert len(again) == len(_triples(sample_graph.store))
        assert _triples(again.store) == _triples(sample_graph.store)


def test_graph_save_unknown_extension(sample_graph, tmp_path):
    with pytest.raises(GraphError, match=r"^\[E030\] Unknown output format '.xml'"):
        sample_graph.save(tmp_path / "graph.xml")
    assert list(tmp_path.iterdir()) == []


def test_graph_load_missing_file(tmp_path):
    missing = tmp_path / "graph.trig"
    with pytest.raises(GraphError) as info:
        load(missing)
    assert str(info.value) == f"[E031] {missing} not found. Build it: kg build data/ -o {missing}"


def test_graph_load_unknown_extension(tmp_path):
    f = tmp_path / "graph.xml"
    f.write_text("<rdf/>")
    with pytest.raises(GraphError, match=r"^\[E033\]"):
        load(f)


def test_graph_load_unparsable(tmp_path):
    f = tmp_path / "graph.ttl"
    f.write_text("this is not turtle", encoding="utf-8")
    with pytest.raises(GraphError, match=r"^\[E032\] .*graph.ttl: cannot parse it as "):
        load(f)


def test_graph_load_store_folder(sample_graph, tmp_path):
    store = ox.Store(str(tmp_path / "store"))
    store.extend(sample_graph.store)
    store.flush()
    del store
    opened = kg.load(tmp_path / "store")
    assert len(opened) == len(sample_graph)


def test_graph_dataset_is_rdflib_with_article_graph(sample_graph):
    ds = sample_graph.dataset
    assert isinstance(ds, Dataset)
    names = {g.identifier for g in ds.graphs()}
    article = URIRef(sample_graph.articles()[0])
    assert article in names
    assert URIRef(REFERENCE_GRAPH) in names
    g = ds.graph(article)
    assert (URIRef(QINGDAO), None, None) in g


def test_graph_save_is_atomic(sample_graph, tmp_path, monkeypatch):
    path = tmp_path / "graph.trig"
    path.write_text("old content\n", encoding="utf-8")

    def broken_dump(self, output, *args, **kwargs):
        output.write(b"@prefix nkg: <https://w3id.org/newskg/ontology#> .\n<half")
        raise OSError("disk full")

    monkeypatch.setattr(ox.Store, "dump", broken_dump)
    with pytest.raises(OSError, match="disk full"):
        sample_graph.save(path)
    assert path.read_text(encoding="utf-8") == "old content\n"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.trig"]


@pytest.mark.parametrize("ext", [".trig", ".ttl"])
def test_graph_save_atomic_new_file(sample_graph, tmp_path, monkeypatch, ext):
    def broken_dump(self, output, *args, **kwargs):
        output.write(b"partial")
        raise RuntimeError("interrupted")

    monkeypatch.setattr(ox.Store, "dump", broken_dump)
    with pytest.raises(RuntimeError):
        sample_graph.save(tmp_path / f"graph{ext}")
    assert list(tmp_path.iterdir()) == []


def test_graph_replace_graph_swaps_content():
    g = KnowledgeGraph()
    name = ox.NamedNode(ID + "article/x")
    label = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
    g.replace_graph(name.value, [ox.Quad(ox.NamedNode(QINGDAO), label, ox.Literal("Qingdao"), name)])
    g.replace_graph(name.value, [ox.Quad(ox.NamedNode(QINGDAO), label, ox.Literal("Tsingtao"), name)])
    assert [q.object.value for q in g.store] == ["Tsingtao"]
