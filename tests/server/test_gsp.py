"""Graph Store HTTP Protocol at /store: reads for everyone, writes only with allow_update."""
from __future__ import annotations

from collections.abc import Iterator

import httpx
import pyoxigraph as ox
import pytest
from test_serve import running, seed_graph

from kg.graph import REFERENCE_GRAPH
from kg.server.serve import create_app

TTL = {"Content-Type": "text/turtle"}
DOC = b"@prefix ex: <http://example.org/> . ex:a ex:p [ ex:q 'x' ] ."


@pytest.fixture(scope="module")
def ro(seed_text) -> Iterator[str]:
    with running(create_app(seed_graph(seed_text))) as url:
        yield url


@pytest.fixture()
def rw(seed_text) -> Iterator[str]:
    with running(create_app(seed_graph(seed_text), allow_update=True)) as url:
        yield url


def test_gsp_get_named_graph(ro, seed_text):
    r = httpx.get(ro + "/store", params={"graph": REFERENCE_GRAPH}, headers={"Accept": "application/n-triples"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/n-triples")
    expected = {str(q.subject) + str(q.object) for q in seed_graph(seed_text).store.quads_for_pattern(
        None, None, None, ox.NamedNode(REFERENCE_GRAPH))}
    got = {str(t.subject) + str(t.object) for t in ox.parse(r.content, format=ox.RdfFormat.N_TRIPLES)}
    assert got == expected and r.headers["access-control-allow-origin"] == "*"
    turtle = httpx.get(ro + "/store", params={"graph": REFERENCE_GRAPH})
    assert turtle.headers["content-type"].startswith("text/turtle")


def test_gsp_head_and_missing_graph(ro):
    head = httpx.head(ro + "/store", params={"graph": REFERENCE_GRAPH})
    assert head.status_code == 200 and head.content == b"" and int(head.headers["content-length"]) > 0
    assert httpx.head(ro + "/store", params={"graph": "http://example.org/none"}).status_code == 404
    r = httpx.get(ro + "/store", params={"graph": "http://example.org/none"})
    assert r.status_code == 404 and r.text.startswith("[E095]")
    assert httpx.get(ro + "/store?default").status_code == 200


@pytest.mark.parametrize("query", ["", "?graph=http://a/&default", "?graph=http://a/&graph=http://b/"])
def test_gsp_exactly_one_graph(ro, query):
    r = httpx.get(ro + "/store" + query)
    assert r.status_code == 400 and r.text.startswith("[E094]")


@pytest.mark.parametrize("method", ["PUT", "POST", "DELETE"])
def test_gsp_writes_refused_read_only(ro, method):
    r = httpx.request(method, ro + "/store", params={"graph": REFERENCE_GRAPH}, content=DOC, headers=TTL)
    assert r.status_code == 403 and r.text.startswith("[E063]")
    assert httpx.get(ro + "/store", params={"graph": REFERENCE_GRAPH}).status_code == 200


def test_gsp_put_post_delete(rw):
    g = {"graph": "http://example.org/g"}
    r = httpx.put(rw + "/store", params=g, content=DOC, headers=TTL)
    assert r.status_code == 201 and "access-control-allow-origin" not in r.headers
    assert httpx.put(rw + "/store", params=g, content=DOC, headers=TTL).status_code == 204
    more = b'<http://example.org/b> <http://example.org/p> "1" .'
    assert httpx.post(rw + "/store", params=g, content=more,
                      headers={"Content-Type": "application/n-triples"}).status_code == 204
    triples = list(ox.parse(httpx.get(rw + "/store", params=g).content, format=ox.RdfFormat.TURTLE))
    assert len(triples) == 3
    assert httpx.delete(rw + "/store", params=g).status_code == 204
    assert httpx.get(rw + "/store", params=g).status_code == 404


def test_gsp_bad_documents_and_cross_site_writes(rw):
    g = {"graph": "http://example.org/g"}
    r = httpx.put(rw + "/store", params=g, content=b"<a:b> <a:c", headers=TTL)
    assert r.status_code == 400 and r.text.startswith("[E097]")
    r = httpx.put(rw + "/store", params=g, content=DOC, headers={"Content-Type": "application/x-yaml"})
    assert r.status_code == 415 and r.text.startswith("[E096]")
    r = httpx.put(rw + "/store", params=g, content=DOC, headers={**TTL, "Origin": "http://evil.example"})
    assert r.status_code == 403 and r.text.startswith("[E074]")
    r = httpx.put(rw + "/store", params=g, content=b"[" * 5000 + b"]" * 5000, headers=TTL)
    assert r.status_code in (400, 500)  # parsed in a worker: whatever it does, the server answers on
    assert httpx.get(rw + "/health").status_code == 200


def test_gsp_direct_identification_and_new_graphs(rw):
    r = httpx.put(rw + "/store/person/1.ttl", content=DOC, headers=TTL)
    assert r.status_code == 201
    ask = httpx.get(rw + "/sparql", params={"query": f"ASK {{ GRAPH <{rw}/store/person/1.ttl> {{ ?s ?p ?o }} }}"})
    assert ask.json()["boolean"] is True
    made = httpx.post(rw + "/store", content=DOC, headers=TTL)
    assert made.status_code == 201 and made.headers["location"].startswith(rw + "/store/")
    assert httpx.get(rw + "/store", params={"graph": made.headers["location"]}).status_code == 200
