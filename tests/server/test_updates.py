"""SPARQL Update over the protocol: the dataset parameters, the union, the base IRI, killable updates."""
from __future__ import annotations

import multiprocessing
import time
from collections.abc import Iterator

import httpx
import pytest
from test_serve import SLOW_QUERY, big_graph, running, seed_graph

from kg.server.serve import create_app
from kg.server.updates import UpdateDataset, UpdateDatasetError, with_dataset

UPDATE = {"Content-Type": "application/sparql-update"}
FOAF_DOC = "<http://xmlns.com/foaf/0.1/Document>"
DOCS = f"""INSERT DATA {{ GRAPH <http://example.org/d1> {{ <http://example.org/d1> a {FOAF_DOC} }}
                         GRAPH <http://example.org/d2> {{ <http://example.org/d2> a {FOAF_DOC} }} }}"""


@pytest.fixture()
def rw(seed_text) -> Iterator[str]:
    with running(create_app(seed_graph(seed_text), allow_update=True)) as url:
        yield url


def update(base: str, text: str, **params) -> httpx.Response:
    return httpx.post(base + "/sparql", content=text, headers=UPDATE, params=params, timeout=30)


def ask(base: str, text: str) -> bool:
    return httpx.get(base + "/sparql", params={"query": text}).json()["boolean"]


def test_updates_using_graph_uri_is_the_where_default_graph(rw):
    assert update(rw, DOCS).status_code == 204
    copy = ("INSERT { GRAPH <http://example.org/out> { ?s a <http://example.org/Copied> } } "
            "WHERE { ?s a <http://xmlns.com/foaf/0.1/Document> }")
    assert update(rw, copy, **{"using-graph-uri": "http://example.org/d1"}).status_code == 204
    assert ask(rw, "ASK { GRAPH <http://example.org/out> { <http://example.org/d1> a ?t } }")
    assert not ask(rw, "ASK { GRAPH <http://example.org/out> { <http://example.org/d2> a ?t } }")


def test_updates_using_named_graph_uri(rw):
    assert update(rw, DOCS).status_code == 204
    copy = ("INSERT { GRAPH <http://example.org/named> { ?s <http://example.org/in> ?g } } "
            "WHERE { GRAPH ?g { ?s a <http://xmlns.com/foaf/0.1/Document> } }")
    assert update(rw, copy, **{"using-named-graph-uri": "http://example.org/d2"}).status_code == 204
    assert ask(rw, "ASK { GRAPH <http://example.org/named> { <http://example.org/d2> ?p <http://example.org/d2> } }")
    assert not ask(rw, "ASK { GRAPH <http://example.org/named> { <http://example.org/d1> ?p ?o } }")


def test_updates_where_sees_the_union_like_queries(rw):
    """Without a dataset, WHERE reads every named graph, as queries do (it saw an empty graph before)."""
    tag = ("PREFIX nkg: <https://w3id.org/newskg/ontology#>\n"
           "INSERT { GRAPH <http://example.org/tags> { ?a <http://example.org/tag> 'seen' } } "
           "WHERE { ?a a nkg:Article }")
    assert update(rw, tag).status_code == 204
    assert ask(rw, "ASK { GRAPH <http://example.org/tags> { ?a <http://example.org/tag> 'seen' } }")
    # an operation with its own WITH keeps it
    assert update(rw, "WITH <http://example.org/none> INSERT { ?a <http://example.org/w> 1 } "
                      "WHERE { ?a ?p ?o }").status_code == 204
    assert not ask(rw, "ASK { ?a <http://example.org/w> 1 }")


def test_updates_dataset_conflict_refused(rw):
    text = "WITH <http://example/addresses> DELETE { ?p ?q 'Bill' } WHERE { ?p ?q 'Bill' }"
    r = update(rw, text, **{"using-named-graph-uri": "http://example/people"})
    assert r.status_code == 400 and r.text.startswith("[E077]")
    r = update(rw, "INSERT { ?s ?p ?o } USING <http://a/> WHERE { ?s ?p ?o }",
               **{"using-graph-uri": "http://b/"})
    assert r.status_code == 400 and r.text.startswith("[E077]")


def test_updates_relative_iris_resolve_against_the_endpoint(rw):
    text = "INSERT DATA { GRAPH <http://example.org/base> { <http://example.org/s> <http://example.org/p> <test> } }"
    assert update(rw, text).status_code == 204
    r = httpx.get(rw + "/sparql", params={"query": "SELECT ?o WHERE { <http://example.org/s> ?p ?o }"})
    assert r.json()["results"]["bindings"][0]["o"]["value"] == rw + "/test"
    construct = httpx.get(rw + "/sparql", params={"query": "CONSTRUCT { <a> <b> <c> } WHERE {}"},
                          headers={"Accept": "application/n-triples"})
    assert construct.status_code == 200 and f"<{rw}/a>" in construct.text


def test_updates_runaway_update_is_killed():
    """A cross join in an update's WHERE: 503 at the limit, the worker gone, nothing changed, next update runs."""
    graph = big_graph()
    with running(create_app(graph, allow_update=True, timeout=0.5)) as base:
        runaway = "INSERT { GRAPH <http://example.org/x> { ?a ?b ?c } } WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
        start = time.monotonic()
        r = update(base, runaway)
        assert r.status_code == 503 and r.text.startswith("[E073]") and r.headers["retry-after"]
        assert time.monotonic() - start < 5
        time.sleep(0.2)
        assert multiprocessing.active_children() == []
        assert httpx.get(base + "/health").json()["triples"] == 20_000
        assert update(base, "INSERT DATA { <http://a/b> <http://a/c> 1 }").status_code == 204
        assert httpx.get(base + "/health").json()["triples"] == 20_001
        assert httpx.get(base + "/sparql", params={"query": SLOW_QUERY}).status_code == 503


def test_updates_with_dataset_refuses_what_it_cannot_place():
    with pytest.raises(UpdateDatasetError):
        with_dataset("WITH <http://g/> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", UpdateDataset(("http://u/",)))
    assert with_dataset("CLEAR ALL", UpdateDataset(("http://u/",))) == "CLEAR ALL"
    text = "INSERT DATA { <http://a/b> <http://a/c> 'WHERE {' } ; DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }"
    assert with_dataset(text, UpdateDataset(("http://u/",))).endswith("USING <http://u/> WHERE { ?s ?p ?o }")
