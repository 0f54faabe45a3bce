"""kg serve: the SPARQL 1.1 Protocol endpoint and the pages, over real HTTP on 127.0.0.1.

Three servers: ``served`` runs ``kg.server.serve.serve()`` in a subprocess on a graph
file (read-only, default limits); ``limited`` (create_app in a thread) has a
0.5 s time limit and a 5-result cap over ~20k triples; ``writable`` allows
SPARQL Update.
"""
from __future__ import annotations

import contextlib
import html
import multiprocessing
import re
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from xml.dom.minidom import Document

import httpx
import pyoxigraph as ox
import pytest
import uvicorn
from rdflib import Graph, URIRef
from SPARQLWrapper import JSON, POST, TURTLE, XML, SPARQLWrapper

from conftest import ROOT, free_port, wait_until_up  # noqa: F401 (tests/server/ import them from here)
from kg.graph import REFERENCE_GRAPH, KnowledgeGraph
from kg.ids import article_iri, entity_iri
from kg.model import (Agreement, Article, Cooperation, Entity, EventInfo, Evidence, Extraction,
                      Investment, LocatedIn, Money, Post)
from kg.rdf import extraction_quads, reference_quads
from kg.server.serve import create_app, entity_list_html

NKG = "https://w3id.org/newskg/ontology#"
QINGDAO = entity_iri("City", "Qingdao", known_place=True)
HONG_KONG = entity_iri("City", "Hong Kong", known_place=True)
SHANDONG = entity_iri("Region", "Shandong", known_place=True)
WANG_BO = entity_iri("Official", "Wang Bo")
CONFERENCE = entity_iri("Event", "Qingdao-Hong Kong Economic and Trade Cooperation Conference")
WEEK = entity_iri("Event", "Hong Kong-Macao-Shandong Week")
FINANCE = entity_iri("Sector", "modern finance")
URL = "https://www.chinadaily.com.cn/a/202405/30/qingdao-hong-kong.html"

POST_SENTENCE = ("During the conference, Wang Bo, deputy mayor of Qingdao, introduced Qingdao's strong "
                 "industrial foundation, abundant marine resources, geographical advantages, and "
                 "efforts to increase its level of openness.")
CONFERENCE_SENTENCE = ("Qingdao in Shandong province will deepen cooperation with Hong Kong, joining "
                       "hands with the city as they strive to bring about a mutually beneficial "
                       "future, according to news released at the Qingdao-Hong Kong Economic and "
                       "Trade Cooperation Conference, which was held in Hong Kong on May 28.")
AGREEMENT_SENTENCE = ("During the Hong Kong-Macao-Shandong Week, Qingdao signed a total of 16 project "
                      "agreements with a planned total investment of $1.66 billion.")
INVESTMENT_SENTENCE = ("Wang added that to date, Hong Kong has cumulatively invested in and operated "
                       "6,444 projects in Qingdao, with a total investment exceeding $50 billion, "
                       "making it the largest source of foreign investment for the city.")
COOPERATION_SENTENCE = ("Qingdao is expected to strengthen cooperation with Hong Kong in five major "
                        "areas - technological innovation, international shipping, international "
                        "trade, modern finance, and cultural tourism consumption, according to Wang.")

PREFIX = f"PREFIX nkg: <{NKG}>\n"
POSTS_QUERY = PREFIX + "SELECT ?person ?title WHERE { ?person nkg:holdsPost ?p . ?p nkg:title ?title }"
SLOW_QUERY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


# ------------------------------------------------------------------ graphs
def find_sentence(text: str, sentence: str) -> tuple[int, int]:
    """Offsets of ``sentence`` in ``text``; any run of spaces matches (the article has NBSPs)."""
    pattern = r"\s+".join(re.escape(word) for word in sentence.split())
    found = re.search(pattern, text)
    assert found, f"not in the seed article: {sentence}"
    return found.span()


def evidence(text: str, sentence: str) -> tuple[Evidence, ...]:
    start, end = find_sentence(text, sentence)
    return (Evidence(text[start:end], start, end),)


def seed_extraction(text: str) -> Extraction:
    """What the pipeline should extract from the seed article, written by hand."""
    article = Article(iri=article_iri(URL, text), text=text, url=URL, date="2024-05-30",
                      title="Qingdao, Hong Kong to deepen cooperation")
    entities = (
        Entity(QINGDAO, "City", "Qingdao", ("Tsingtao",), evidence(text, POST_SENTENCE)),
        Entity(HONG_KONG, "City", "Hong Kong", (), evidence(text, CONFERENCE_SENTENCE)),
        Entity(SHANDONG, "Region", "Shandong", (), evidence(text, CONFERENCE_SENTENCE)),
        Entity(WANG_BO, "Official", "Wang Bo", (), evidence(text, POST_SENTENCE)),
        Entity(CONFERENCE, "Event", "Qingdao-Hong Kong Economic and Trade Cooperation Conference",
               (), evidence(text, CONFERENCE_SENTENCE)),
        Entity(WEEK, "Event", "Hong Kong-Macao-Shandong Week", (), evidence(text, AGREEMENT_SENTENCE)),
        Entity(FINANCE, "Sector", "modern finance", (), evidence(text, COOPERATION_SENTENCE)),
    )
    facts = (
        Post(WANG_BO, "deputy mayor", QINGDAO, evidence(text, POST_SENTENCE)),
        LocatedIn(QINGDAO, SHANDONG, evidence(text, CONFERENCE_SENTENCE)),
        Cooperation((QINGDAO, HONG_KONG), (FINANCE,), evidence(text, COOPERATION_SENTENCE)),
        EventInfo(CONFERENCE, held_in=HONG_KONG, date="2024-05-28",
                  evidence=evidence(text, CONFERENCE_SENTENCE)),
        Agreement((QINGDAO,), count=16, values=(Money(1660000000.0, "USD", "$1.66 billion"),),
                  signed_at=WEEK, sectors=(FINANCE,), evidence=evidence(text, AGREEMENT_SENTENCE)),
        Investment(HONG_KONG, QINGDAO, projects=6444, values=(Money(50000000000.0, "USD"),),
                   evidence=evidence(text, INVESTMENT_SENTENCE)),
    )
    return Extraction(article, entities, facts)


def seed_graph(text: str) -> KnowledgeGraph:
    graph = KnowledgeGraph()
    graph.add_quads(extraction_quads(seed_extraction(text)))
    graph.add_quads(reference_quads({QINGDAO: (1797929, 36.06488, 120.38042)}, REFERENCE_GRAPH))
    return graph


def big_graph(n: int = 20_000) -> KnowledgeGraph:
    """Enough triples that a three-way cross join cannot finish in half a second."""
    graph, p, g = KnowledgeGraph(), ox.NamedNode("http://example.org/p"), ox.NamedNode("http://example.org/g")
    graph.add_quads(ox.Quad(ox.NamedNode(f"http://example.org/s{i}"), p, ox.Literal(str(i)), g)
                    for i in range(n))
    return graph


# ------------------------------------------------------------------ servers
@contextlib.contextmanager
def running(app) -> Iterator[str]:
    """Serve ``app`` with uvicorn in a background thread; yield its base URL."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base)
        yield base
    finally:
        server.should_exit = True
        thread.join(10)


@pytest.fixture(scope="module")
def graph(seed_text) -> KnowledgeGraph:
    return seed_graph(seed_text)


@pytest.fixture(scope="module")
def served(graph, tmp_path_factory) -> Iterator[tuple[str, Path]]:
    """``serve()`` in a subprocess on a .trig file; yields (base URL, its log file)."""
    folder = tmp_path_factory.mktemp("serve")
    path = graph.save(folder / "graph.trig")
    log_path = folder / "server.log"
    port = free_port()
    code = "import sys; from kg.server.serve import serve; serve(sys.argv[1], port=int(sys.argv[2]))"
    with open(log_path, "wb") as log:
        proc = subprocess.Popen([sys.executable, "-c", code, str(path), str(port)], cwd=ROOT,
                                stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base, proc)
        yield base, log_path
    finally:
        proc.terminate()
        proc.wait(10)


@pytest.fixture(scope="module")
def base(served) -> str:
    return served[0]


@pytest.fixture(scope="module")
def limited() -> Iterator[str]:
    app = create_app(big_graph(), timeout=0.5, max_results=5,
                     explorer_html=lambda g: f"<html><body>custom explorer of {len(g)}</body></html>")
    with running(app) as url:
        yield url


@pytest.fixture(scope="module")
def writable(seed_text) -> Iterator[str]:
    with running(create_app(seed_graph(seed_text), allow_update=True)) as url:
        yield url


def sparql(base: str, query: str, fmt: str, method: str = "GET") -> SPARQLWrapper:
    client = SPARQLWrapper(base + "/sparql")
    client.setQuery(query)
    client.setReturnFormat(fmt)
    client.setMethod(method)
    return client


def curl(*args: str) -> tuple[str, str, str]:
    """Run curl; return (body, status code, content type)."""
    out = subprocess.run(["curl", "-sS", "-w", "\n%{http_code} %{content_type}", *args],
                         capture_output=True, text=True, check=True, timeout=30).stdout
    body, _, meta = out.rpartition("\n")
    status, _, ctype = meta.partition(" ")
    return body, status, ctype


# ------------------------------------------------------------------ SPARQLWrapper
@pytest.mark.parametrize("method", ["GET", POST])
def test_serve_select_json(base, method):
    rows = sparql(base, POSTS_QUERY, JSON, method).query().convert()["results"]["bindings"]
    assert [(r["person"]["value"], r["title"]["value"]) for r in rows] == [(WANG_BO, "deputy mayor")]


def test_serve_select_xml(base):
    doc = sparql(base, POSTS_QUERY, XML).query().convert()
    assert isinstance(doc, Document)
    assert [n.firstChild.data for n in doc.getElementsByTagName("literal")] == ["deputy mayor"]


def test_serve_ask(base):
    query = PREFIX + "ASK { ?g nkg:count 16 }"
    assert sparql(base, query, JSON).query().convert() == {"head": {}, "boolean": True}


def test_serve_construct_turtle(base):
    query = PREFIX + "CONSTRUCT { ?e nkg:locatedIn ?x } WHERE { ?e nkg:locatedIn ?x }"
    data = sparql(base, query, TURTLE).query().convert()
    g = Graph().parse(data=data, format="turtle")
    assert set(g) == {(URIRef(QINGDAO), URIRef(NKG + "locatedIn"), URIRef(SHANDONG))}


def test_serve_prefixes_predeclared(base):
    rows = sparql(base, "SELECT ?n WHERE { ?g nkg:count ?n }", JSON).query().convert()
    assert rows["results"]["bindings"][0]["n"]["value"] == "16"


# ------------------------------------------------------------------ curl
def test_serve_curl_get_csv(base):
    body, status, ctype = curl("-G", base + "/sparql", "-H", "Accept: text/csv",
                               "--data-urlencode", f"query={POSTS_QUERY}")
    assert (status, ctype.split(";")[0]) == ("200", "text/csv")
    assert body.splitlines() == ["person,title", f"{WANG_BO},deputy mayor"]


def test_serve_curl_get_tsv(base):
    body, status, ctype = curl("-G", base + "/sparql", "-H", "Accept: text/tab-separated-values",
                               "--data-urlencode", f"query={POSTS_QUERY}")
    assert (status, ctype.split(";")[0]) == ("200", "text/tab-separated-values")
    assert body.splitlines() == ["?person\t?title", f'<{WANG_BO}>\t"deputy mayor"']


def test_serve_curl_post_sparql_query(base):
    body, status, ctype = curl(base + "/sparql", "-H", "Content-Type: application/sparql-query",
                               "-H", "Accept: application/sparql-results+json",
                               "--data-binary", POSTS_QUERY)
    assert (status, ctype) == ("200", "application/sparql-results+json")
    assert '"deputy mayor"' in body


def test_serve_curl_post_form(base):
    body, status, ctype = curl(base + "/sparql", "--data-urlencode", f"query={POSTS_QUERY}",
                               "--data-urlencode", "format=tsv")
    assert (status, ctype.split(";")[0]) == ("200", "text/tab-separated-values")
    assert body.splitlines()[1] == f'<{WANG_BO}>\t"deputy mayor"'


@pytest.mark.parametrize("fmt,ctype,needle", [
    ("nt", "application/n-triples", f"<{QINGDAO}> <{NKG}locatedIn> <{SHANDONG}> ."),
    ("jsonld", "application/ld+json", f'"@id":"{QINGDAO}"'),
    ("nq", "application/n-quads", f"<{QINGDAO}> <{NKG}locatedIn> <{SHANDONG}> ."),
    ("trig", "application/trig", "nkg:locatedIn"),
])
def test_serve_construct_formats(base, fmt, ctype, needle):
    query = PREFIX + "CONSTRUCT WHERE { ?e nkg:locatedIn ?x }"
    r = httpx.get(base + "/sparql", params={"query": query, "format": fmt})
    assert (r.status_code, r.headers["content-type"]) == (200, ctype)
    assert needle in r.text


def test_serve_describe(base):
    r = httpx.get(base + "/sparql", params={"query": f"DESCRIBE <{WANG_BO}>"},
                  headers={"Accept": "text/turtle"})
    assert r.headers["content-type"].split(";")[0] == "text/turtle"
    assert set(Graph().parse(data=r.text, format="turtle").objects(URIRef(WANG_BO))) >= {
        URIRef(NKG + "Official")}


def test_serve_construct_accept_header(base):
    query = PREFIX + "CONSTRUCT WHERE { ?e nkg:locatedIn ?x }"
    r = httpx.get(base + "/sparql", params={"query": query}, headers={"Accept": "application/n-triples"})
    assert r.headers["content-type"] == "application/n-triples"


def test_serve_default_graph_uri(base, graph):
    ask = {"query": "ASK { ?s owl:sameAs ?o }"}
    answer = lambda **p: httpx.get(base + "/sparql", params={**ask, **p}).json()["boolean"]  # noqa: E731
    assert answer() is True
    assert answer(**{"default-graph-uri": REFERENCE_GRAPH}) is True
    assert answer(**{"default-graph-uri": graph.articles()[0]}) is False


# ------------------------------------------------------------------ refusals
@pytest.mark.parametrize("query,reason", [
    ("SELEC * WHERE { ?s ?p ?o }", "[E061] Malformed SPARQL: error at 1:"),
    ("SELECT * WHERE { ?s ?p ?o ", "[E061]"),
])
def test_serve_malformed_query_400(base, query, reason):
    r = httpx.get(base + "/sparql", params={"query": query})
    assert r.status_code == 400 and r.text.startswith(reason)


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
    "select * where { service silent <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
    "PREFIX ex: <http://example.org/>\nSELECT * WHERE { ex:a\\# SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
])
def test_serve_service_refused(base, query):
    r = httpx.post(base + "/sparql", data={"query": query})
    assert r.status_code == 400 and r.text.startswith("[E062]")


def test_serve_service_in_literal_or_iri_allowed(base):
    query = 'SELECT * WHERE { ?s ?p "SERVICE" . ?s ?p <http://example.org/LOAD> } # SERVICE'
    assert httpx.get(base + "/sparql", params={"query": query}).status_code == 200


@pytest.mark.parametrize("body", ["LOAD <http://127.0.0.1:9/x.ttl>", "CLEAR ALL"])
def test_serve_update_refused_read_only(base, body):
    r = httpx.post(base + "/sparql", content=body, headers={"Content-Type": "application/sparql-update"})
    assert r.status_code == 403 and r.text.startswith("[E063]")
    r = httpx.post(base + "/sparql", data={"update": body})
    assert r.status_code == 403
    assert httpx.get(base + "/sparql", params={"update": body}).status_code == 403


def test_serve_bad_requests(base):
    assert httpx.get(base + "/sparql", params={"default-graph-uri": "x:y"}).text.startswith("[E060]")
    r = httpx.post(base + "/sparql", content="ASK {}", headers={"Content-Type": "text/plain"})
    assert r.status_code == 415
    r = httpx.get(base + "/sparql", params={"query": "ASK {}", "format": "yaml"})
    assert r.status_code == 400 and r.text.startswith("[E068]")
    r = httpx.get(base + "/sparql", params=[("query", "ASK {}"), ("query", "ASK {}")])
    assert r.status_code == 400 and r.text.startswith("[E072]")
    r = httpx.get(base + "/sparql", params={"query": "ASK {}", "default-graph-uri": "not an iri"})
    assert r.status_code == 400 and r.text.startswith("[E076]")


# ------------------------------------------------------------------ updates
def test_serve_update_allowed_over_post(writable):
    insert = PREFIX + ('INSERT DATA { GRAPH <http://example.org/g> '
                       '{ <http://example.org/x> nkg:title "new" } }')
    r = httpx.post(writable + "/sparql", content=insert,
                   headers={"Content-Type": "application/sparql-update"})
    assert r.status_code == 204
    ask = {"query": PREFIX + 'ASK { <http://example.org/x> nkg:title "new" }'}
    assert httpx.get(writable + "/sparql", params=ask).json()["boolean"] is True
    delete = PREFIX + 'DELETE WHERE { GRAPH ?g { <http://example.org/x> nkg:title ?t } }'
    assert httpx.post(writable + "/sparql", data={"update": delete}).status_code == 204
    assert httpx.get(writable + "/sparql", params=ask).json()["boolean"] is False


def test_serve_update_refusals(writable):
    clear = "CLEAR ALL"
    r = httpx.get(writable + "/sparql", params={"update": clear})
    assert r.status_code == 405 and r.text.startswith("[E064]")
    r = httpx.post(writable + "/sparql", data={"update": clear}, headers={"Origin": "http://evil.example"})
    assert r.status_code == 403 and r.text.startswith("[E074]")
    r = httpx.post(writable + "/sparql", data={"update": "LOAD <http://127.0.0.1:9/x.ttl>"})
    assert r.status_code == 400 and r.text.startswith("[E065]")
    service = "INSERT { ?s ?p ?o } WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"
    r = httpx.post(writable + "/sparql", data={"update": service})
    assert r.status_code == 400 and r.text.startswith("[E062]")
    r = httpx.post(writable + "/sparql", data={"update": "INSERT DATA { <x> }"})
    assert r.status_code == 400 and r.text.startswith("[E061]")
    assert httpx.get(writable + "/health").json()["triples"] > 100


# ------------------------------------------------------------------ limits
def test_serve_time_limit_503(limited):
    start = time.monotonic()
    r = httpx.get(limited + "/sparql", params={"query": SLOW_QUERY}, timeout=30)
    assert r.status_code == 503 and r.text.startswith("[E066]")
    assert time.monotonic() - start < 5
    # the runaway query was killed, not left running, and the server still answers
    assert multiprocessing.active_children() == []
    assert httpx.get(limited + "/health", timeout=2).json()["triples"] == 20_000


def test_serve_answers_while_a_query_runs(limited):
    finished = {}

    def ask(name: str, query: str) -> None:
        httpx.get(limited + "/sparql", params={"query": query}, timeout=30)
        finished[name] = time.monotonic()

    slow = threading.Thread(target=ask, args=("slow", SLOW_QUERY))
    slow.start()
    time.sleep(0.05)
    ask("quick", "ASK { ?s ?p ?o }")
    slow.join()
    assert finished["quick"] < finished["slow"]


@pytest.mark.parametrize("query,unit", [
    ("SELECT * WHERE { ?s ?p ?o }", "rows"),
    ("CONSTRUCT WHERE { ?s ?p ?o }", "triples"),
])
def test_serve_result_cap_413(limited, query, unit):
    r = httpx.get(limited + "/sparql", params={"query": query})
    assert r.status_code == 413 and r.text.startswith(f"[E067] The result has more than 5 {unit}")


def test_serve_result_under_cap(limited):
    r = httpx.get(limited + "/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 5"})
    assert r.status_code == 200 and len(r.json()["results"]["bindings"]) == 5


# ------------------------------------------------------------------ pages
def test_serve_health(base, graph):
    health = httpx.get(base + "/health").json()
    assert health["source"].endswith("graph.trig")
    assert {k: health[k] for k in ("status", "triples", "graphs")} == {"status": "ok", "triples": len(graph),
                                                                       "graphs": 2}


def test_serve_entity_page(base, seed_text):
    start, end = find_sentence(seed_text, POST_SENTENCE)
    r = httpx.get(base + "/entity/place/qingdao")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    page = r.text
    assert "<h1>Qingdao</h1>" in page and "Tsingtao" in page
    assert "deputy mayor" in page and html.escape(seed_text[start:end]) in page
    assert "href='/entity/entity/wang-bo'" in page and "href='/entity/place/shandong'" in page
    assert "https://sws.geonames.org/1797929/" in page and "36.06488" in page
    assert "1,660,000,000 USD" in page and "6444" in page
    assert f"href='{URL}'" in page and "Qingdao, Hong Kong to deepen cooperation" in page


def test_serve_entity_page_event(base):
    page = httpx.get(base + "/entity/entity/qingdao-hong-kong-economic-and-trade-cooperation-conference").text
    assert "held in" in page and "2024-05-28" in page and "href='/entity/place/hong-kong'" in page


@pytest.mark.parametrize("path", ["/entity/entity/atlantis", "/entity/entity/<script>"])
def test_serve_entity_unknown_404(base, path):
    r = httpx.get(base + path)
    assert r.status_code == 404 and "<script>" not in r.text


def test_serve_explorer(base, limited):
    r = httpx.get(base + "/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert httpx.get(limited + "/").text == "<html><body>custom explorer of 20000</body></html>"


def test_serve_entity_list_fallback(graph):
    html = entity_list_html(graph)
    assert "<a href='/entity/entity/wang-bo'" in html and "Official (1)" in html


def test_serve_query_page(base):
    r = httpx.get(base + "/query")
    assert r.status_code == 200 and "<textarea name=query" in r.text  # in <noscript>, beside YASGUI
    r = httpx.post(base + "/sparql", data={"query": POSTS_QUERY, "format": "html"})
    assert r.status_code == 200 and "<table>" in r.text
    assert "href='/entity/entity/wang-bo'" in r.text and "<td>deputy mayor</td>" in r.text
    r = httpx.post(base + "/sparql", data={"query": "SELEC", "format": "html"})
    assert r.status_code == 400 and "class=error" in r.text and "<textarea" in r.text


def test_serve_access_log(served):
    base, log_path = served
    httpx.get(base + "/health?probe=1")
    time.sleep(0.2)
    lines = log_path.read_text().splitlines()
    assert any("GET /health 200" in line and line.endswith("ms") for line in lines)
    assert any("newskg endpoint:" in line and "read-only" in line for line in lines)
