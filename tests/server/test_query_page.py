"""The /query page (YASGUI from the package, example queries one click away) and the service description."""
from __future__ import annotations

import re
from pathlib import Path

import httpx
import pytest
from rdflib import Graph, Namespace, URIRef
from test_serve import running, seed_graph
from test_view import ARTIFACTS, driver  # noqa: F401 - the module's headless Chromium

import kg
from kg.server.query_page import example_queries
from kg.server.serve import create_app

ROOT = Path(__file__).resolve().parent.parent.parent
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")


@pytest.fixture(scope="module")
def base(seed_text):
    with running(create_app(seed_graph(seed_text))) as url:
        yield url


def test_query_page_loads_yasgui_from_this_server(base):
    page = httpx.get(base + "/query").text
    sources = re.findall(r"""(?:src|href)\s*=\s*['"]?([^'" >]+)""", page)
    assert "/assets/yasgui.min.js" in sources and "/assets/yasgui.min.css" in sources
    assert all(s.startswith("/") or s == "data:," for s in sources), sources  # no CDN, no other host
    for name, media in (("yasgui.min.js", "text/javascript"), ("yasgui.min.css", "text/css"), ("query.js", "text/javascript")):
        r = httpx.get(f"{base}/assets/{name}")
        assert r.status_code == 200 and r.headers["content-type"].startswith(media) and len(r.content) > 500
    assert httpx.get(base + "/assets/../pyproject.toml").status_code == 404
    assert httpx.get(base + "/assets/secret.txt").status_code == 404
    assert (ROOT / "kg" / "viewer" / "yasgui" / "LICENSE.txt").read_text().count("MIT") >= 2


def test_query_page_offers_every_example(base):
    page = httpx.get(base + "/query").text
    titles = [e["title"] for e in example_queries()]
    assert len(titles) == 1 + len(list((ROOT / "queries").glob("*.rq")))
    for title in titles:
        assert f">{title}</button>" in page


def test_query_examples_return_distinct_rows(sample_graph):
    """Over the union of article graphs a fact told twice would repeat a row: the examples say DISTINCT."""
    for example in example_queries():
        rows = sample_graph.query(example["query"]).rows
        assert rows and len(rows) == len(set(rows)), example["title"]


def test_query_service_description(base):
    r = httpx.get(base + "/sparql", headers={"Accept": "text/turtle"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/turtle")
    g = Graph().parse(data=r.text, format="turtle")
    service = URIRef(base + "/sparql")
    assert (service, SD.endpoint, service) in g
    assert (service, SD.supportedLanguage, SD.SPARQL11Query) in g
    assert (service, SD.supportedLanguage, SD.SPARQL11Update) not in g  # read-only
    assert (service, SD.feature, SD.UnionDefaultGraph) in g
    nt = httpx.get(base + "/sparql", headers={"Accept": "application/n-triples"})
    assert len(Graph().parse(data=nt.text, format="nt")) == len(g)
    assert httpx.get(base + "/sparql", headers={"Accept": "text/html"}, follow_redirects=False).status_code == 303


def test_query_page_browser_runs_an_example(driver, base):  # noqa: F811
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(base + "/query")
    WebDriverWait(driver, 30).until(lambda d: d.execute_script("return !!(window.yasgui && window.nkgQuery)"))
    driver.find_elements("css selector", "button.nkg-example")[1].click()  # queries/agreements.rq
    WebDriverWait(driver, 30).until(lambda d: d.execute_script(
        "return document.querySelectorAll('.yasr table tbody tr').length > 0"))
    text = driver.execute_script("return document.querySelector('.yasr').textContent")
    assert "Qingdao" in text
    editor = driver.execute_script("return yasgui.getTab().getQuery()")
    assert "nkg:Agreement" in editor
    fetched = driver.execute_script(
        "return performance.getEntriesByType('resource').map(function (e) { return e.name; })")
    assert fetched and all(u.startswith(base) for u in fetched), fetched
    ARTIFACTS.mkdir(exist_ok=True)
    driver.save_screenshot(str(ARTIFACTS / "query_page_yasgui.png"))
    assert not [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
