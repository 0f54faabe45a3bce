"""The HTML explorer: a self-contained page that draws, searches, filters and explains nodes.

The graph is built from hand-made extractions over sentences of the seed
article (data/), so these tests need no spaCy. The browser tests drive the
page in headless Chromium through ``window.nkg``, the page's test API.
"""
from __future__ import annotations

import json
import os
import re
import struct
import zlib
from pathlib import Path

import networkx as nx
import pytest

from kg.graph import KnowledgeGraph
from kg.ids import article_iri, entity_iri
from kg.model import (Agreement, Article, Cooperation, Entity, EventInfo, Evidence, Extraction,
                      Investment, LocatedIn, Money, Post)
from kg.rdf import extraction_quads
from kg.view import render_html, render_networkx, write_html

CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"

SENTENCES = [
    "Qingdao in Shandong province will deepen cooperation with Hong Kong, joining hands with the city "
    "as they strive to bring about a mutually beneficial future, according to news released at the "
    "Qingdao-Hong Kong Economic and Trade Cooperation Conference, which was held in Hong Kong on May 28.",
    "During the conference, Wang Bo, deputy mayor of Qingdao, introduced Qingdao's strong industrial "
    "foundation, abundant marine resources, geographical advantages, and efforts to increase its level "
    "of openness.",
    "Wang added that to date, Hong Kong has cumulatively invested in and operated 6,444 projects in "
    "Qingdao, with a total investment exceeding $50 billion, making it the largest source of foreign "
    "investment for the city.",
    "Dr Jimmy Chiang, acting director-general of Investment in Hong Kong, stated that Hong Kong and "
    "Qingdao are important windows for China's opening-up to the outside world, and the two sides "
    "maintain close cooperation.",
    "During the Hong Kong-Macao-Shandong Week, Qingdao signed a total of 16 project agreements with a "
    "planned total investment of $1.66 billion.",
]
TEXT = "\n\n".join(SENTENCES)
QINGDAO, HONG_KONG = entity_iri("City", "Qingdao"), entity_iri("City", "Hong Kong")
WANG_BO = entity_iri("Official", "Wang Bo")


def ev(sentence: str) -> tuple[Evidence, ...]:
    start = TEXT.index(sentence)
    return (Evidence(sentence, start, start + len(sentence)),)


def seed_extraction() -> Extraction:
    s_coop, s_wang, s_invest, s_chiang, s_deals = SENTENCES
    i = {name: entity_iri(cls, name) for cls, name in [
        ("Region", "Shandong"), ("Official", "Jimmy Chiang"), ("Agency", "Investment in Hong Kong"),
        ("Event", "Qingdao-Hong Kong Economic and Trade Cooperation Conference"),
        ("Event", "Hong Kong-Macao-Shandong Week"), ("Sector", "modern finance")]}
    conference = i["Qingdao-Hong Kong Economic and Trade Cooperation Conference"]
    week = i["Hong Kong-Macao-Shandong Week"]
    entities = (
        Entity(QINGDAO, "City", "Qingdao", evidence=ev(s_wang)),
        Entity(HONG_KONG, "City", "Hong Kong", evidence=ev(s_coop)),
        Entity(i["Shandong"], "Region", "Shandong", evidence=ev(s_coop)),
        Entity(WANG_BO, "Official", "Wang Bo", evidence=ev(s_wang)),
        Entity(i["Jimmy Chiang"], "Official", "Jimmy Chiang", evidence=ev(s_chiang)),
        Entity(i["Investment in Hong Kong"], "Agency", "Investment in Hong Kong", evidence=ev(s_chiang)),
        Entity(conference, "Event", "Qingdao-Hong Kong Economic and Trade Cooperation Conference",
               evidence=ev(s_coop)),
        Entity(week, "Event", "Hong Kong-Macao-Shandong Week", evidence=ev(s_deals)),
        Entity(i["modern finance"], "Sector", "modern finance"),
    )
    facts = (
        Post(WANG_BO, "deputy mayor", QINGDAO, evidence=ev(s_wang), confidence=0.9, rule="appos"),
        Post(i["Jimmy Chiang"], "acting director-general", i["Investment in Hong Kong"], evidence=ev(s_chiang)),
        LocatedIn(QINGDAO, i["Shandong"], evidence=ev(s_coop)),
        Cooperation((QINGDAO, HONG_KONG), sectors=(i["modern finance"],), evidence=ev(s_coop)),
        EventInfo(conference, held_in=HONG_KONG, date="2024-05-28", evidence=ev(s_coop)),
        Agreement(parties=(QINGDAO,), count=16, values=(Money(1660000000.0, "USD", "$1.66 billion"),),
                  signed_at=week, date="2024-05", evidence=ev(s_deals)),
        Investment(investor=HONG_KONG, target=QINGDAO, projects=6444,
                   values=(Money(50000000000.0, "USD", "$50 billion"),), evidence=ev(s_invest)),
    )
    url = "https://example.org/qingdao-hong-kong"
    article = Article(article_iri(url, TEXT), TEXT, url=url, title="Qingdao, Hong Kong to deepen cooperation",
                      date="2024-05-30")
    return Extraction(article, entities, facts)


@pytest.fixture(scope="module")
def seed_graph() -> KnowledgeGraph:
    kg = KnowledgeGraph()
    kg.add_quads(extraction_quads(seed_extraction()))
    return kg


@pytest.fixture(scope="module")
def seed_page(seed_graph, tmp_path_factory) -> Path:
    return write_html(seed_graph, tmp_path_factory.mktemp("view") / "graph.html", title="Qingdao & Hong Kong")


def test_view_evidence_offsets_match_text():
    for fact in seed_extraction().facts:
        for e in fact.evidence:
            assert TEXT[e.start:e.end] == e.text


def test_view_page_requests_nothing_outside(seed_page):
    page = seed_page.read_text(encoding="utf-8")
    assert not re.search(r"<script[^>]*\ssrc\s*=", page, re.IGNORECASE)
    assert not re.search(r"<link[^>]*\shref\s*=", page, re.IGNORECASE)
    assert not re.search(r"""\s(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", page, re.IGNORECASE)
    assert "vis.Network" in page and "Qingdao" in page


def test_view_page_labels_facts_by_what_they_say(seed_graph):
    page = render_html(seed_graph)
    assert '"label":"Qingdao 16 agreements, $1.66bn, 2024-05"' in page
    assert '"label":"Hong Kong investment in Qingdao, 6,444 projects, $50bn"' in page
    assert '"label":"Hong Kong - Qingdao cooperation"' in page and '"label":"deputy mayor of Qingdao"' in page
    assert "USD 50 billion" in page  # the panel's value, spelled out


def test_view_same_deal_told_by_two_articles_is_drawn_once():
    from dataclasses import replace

    one = seed_extraction()
    text = one.article.text + "\n"
    other = replace(one, article=replace(one.article, iri=article_iri("https://example.org/again", text), text=text,
                                         url="https://example.org/again"))
    kg = KnowledgeGraph()
    kg.add_quads(extraction_quads(one))
    kg.add_quads(extraction_quads(other))
    G = kg.to_networkx()
    assert sum(1 for _, d in G.nodes(data=True) if d["cls"] == "Agreement") == 2
    page = render_html(kg)
    assert page.count('"cls":"Agreement"') == 1 and '"told":2' in page


def test_view_escapes_markup_in_labels():
    G = nx.MultiDiGraph()
    G.add_node("x", label="</script><script>alert(1)</script>", cls="Company", evidence=["<b>bold</b>"])
    page = render_networkx(G)
    assert "<script>alert(1)" not in page and "<b>bold" not in page


def test_view_big_graph_opens_on_an_overview():
    G = nx.MultiDiGraph()
    for n in range(400):
        G.add_node(n, label=f"Place {n}", cls="City")
        if n:
            G.add_edge(n, (n - 1) // 3, relation="locatedIn")
    page = render_networkx(G)
    data = json.loads(re.search(r'id="nkg-data" type="application/json">(.*?)</script>', page, re.S).group(1))
    assert len(data["overview"]["top"]) == 30 and data["overview"]["top"][0] == 1  # degree 4, then by name
    assert data["overview"]["classCounts"] == {"City": 400} and data["physics"] is True
    assert '"x":' not in page


def test_view_small_graph_without_physics_gets_layout():
    G = nx.MultiDiGraph([(0, 1), (1, 2)])
    for n in G:
        G.nodes[n].update(label=str(n), cls="City")
    page = render_networkx(G, physics=False)
    assert '"physics":false' in page.replace(" ", "") and '"x":' in page


# ---------------------------------------------------------------------- browser

@pytest.fixture(scope="module")
def driver(tmp_path_factory):
    """Headless Chromium, quit after the module."""
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.skip("needs /usr/bin/chromium and /usr/bin/chromedriver (apt-get install chromium chromium-driver)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1280,800",
                f"--user-data-dir={tmp_path_factory.mktemp('chromium')}"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    drv = webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))
    yield drv
    drv.quit()


def open_page(driver, path: Path, *, stable: bool = True) -> None:
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(path.resolve().as_uri())
    flag = "stable" if stable else "ready"
    WebDriverWait(driver, 30).until(lambda d: d.execute_script(f"return !!(window.nkg && nkg.{flag})"))


def panel_text(driver) -> str:
    return driver.execute_script(
        "var p = document.getElementById('nkg-panel'); return p.hidden ? '' : p.textContent;")


def png_colours(png: bytes, box: tuple[int, int, int, int]) -> tuple[int, float]:
    """Distinct RGB colours in ``box`` (x0, y0, x1, y1) of an 8-bit RGB(A) PNG, and the
    share of pixels that differ from the box's most common colour. Stdlib only."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat = 8, b""
    while pos < len(png):
        length, kind = struct.unpack(">I4s", png[pos:pos + 8])
        body = png[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour_type = struct.unpack(">IIBB", body[:10])
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    assert depth == 8 and colour_type in (2, 6), "expects 8-bit RGB or RGBA"
    bpp = 3 if colour_type == 2 else 4
    raw, stride = zlib.decompress(idat), width * bpp
    prev, rows = bytearray(stride), []
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - bpp] if i >= bpp else 0
            up, corner = prev[i], prev[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
        rows.append(bytes(line))
        prev = line
    x0, y0, x1, y1 = box
    counts: dict[bytes, int] = {}
    for row in rows[y0:y1]:
        for x in range(x0, x1):
            px = row[x * bpp:x * bpp + 3]
            counts[px] = counts.get(px, 0) + 1
    total = sum(counts.values())
    return len(counts), 1 - max(counts.values()) / total


@pytest.fixture(scope="module")
def loaded(driver, seed_page):
    open_page(driver, seed_page)
    return driver


def test_view_browser_loads_nothing_from_outside(loaded):
    entries = loaded.execute_script(
        "return performance.getEntriesByType('resource').map(function (e) { return e.name; })")
    assert entries == []


def test_view_browser_no_console_errors(loaded):
    severe = [e for e in loaded.get_log("browser") if e["level"] == "SEVERE"]
    assert severe == []


def test_view_browser_draws_graph(loaded):
    canvas = loaded.find_element("css selector", "#nkg-graph canvas")
    ARTIFACTS.mkdir(exist_ok=True)
    loaded.save_screenshot(str(ARTIFACTS / "view_seed.png"))
    png = canvas.screenshot_as_png
    (ARTIFACTS / "view_seed_canvas.png").write_bytes(png)
    width, height = struct.unpack(">II", png[16:24])
    colours, inked = png_colours(png, (0, 0, width, height))
    assert colours > 1 and inked > 0.005
    assert loaded.execute_script("return nkg.timings.firstDraw > nkg.timings.loadStart")


def test_view_browser_search_selects_and_explains(loaded):
    ids = loaded.execute_script("return nkg.search('wang b')")
    assert ids[0] == WANG_BO
    assert loaded.execute_script("return nkg.network.getSelectedNodes()") == [WANG_BO]
    text = panel_text(loaded)
    assert "Official" in text and "Wang Bo" in text and SENTENCES[1] in text
    assert "holdsPost" in text and "deputy mayor" in text


def test_view_browser_unchecking_class_hides_its_nodes(loaded):
    box = loaded.find_element("css selector", "#nkg-classes input[data-name='City']")
    box.click()
    visible = loaded.execute_script("return nkg.visibleNodeIds()")
    drawn = loaded.execute_script(f"return {QINGDAO!r} in nkg.network.body.nodes")
    box.click()
    assert QINGDAO not in visible and HONG_KONG not in visible and WANG_BO in visible and not drawn
    assert QINGDAO in loaded.execute_script("return nkg.visibleNodeIds()")


def test_view_browser_click_opens_panel_with_values(loaded):
    from selenium.webdriver.common.action_chains import ActionChains

    agreement = loaded.execute_script(
        "return nkg.visibleNodeIds().filter(function (id) { return id.indexOf('/agreement/') > 0; })[0]")
    loaded.execute_script("document.getElementById('nkg-panel-close').click();"
                          "nkg.network.moveTo({position: nkg.network.getPositions([arguments[0]])[arguments[0]],"
                          " scale: 1.5});", agreement)
    canvas = loaded.find_element("css selector", "#nkg-graph canvas")
    x, y = loaded.execute_script(
        "var p = nkg.network.canvasToDOM(nkg.network.getPositions([arguments[0]])[arguments[0]]);"
        "return [p.x, p.y];", agreement)
    size = canvas.size
    ActionChains(loaded).move_to_element_with_offset(canvas, x - size["width"] / 2, y - size["height"] / 2) \
        .click().perform()
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(loaded, 5).until(lambda d: panel_text(d))  # a click waits out a double-click (expand)
    text = panel_text(loaded)
    loaded.save_screenshot(str(ARTIFACTS / "view_seed_panel.png"))
    assert "Agreement" in text and "USD 1.66 billion" in text and "16" in text
    assert SENTENCES[4] in text and "2024-05" in text
    link = loaded.find_element("css selector", "#nkg-panel a[href^='http']")
    assert link.text == "Qingdao, Hong Kong to deepen cooperation"  # the source article, by its headline


def test_view_browser_neighbourhood_and_dates(loaded):
    loaded.execute_script("nkg.setHops(1); nkg.selectNode(arguments[0])", WANG_BO)
    near = set(loaded.execute_script("return nkg.visibleNodeIds()"))
    loaded.execute_script("nkg.setHops(0); nkg.setDateRange('2024-06-01', '2024-12-31')")
    dated = set(loaded.execute_script("return nkg.visibleNodeIds()"))
    loaded.execute_script("nkg.setDateRange('', '')")
    assert WANG_BO in near and QINGDAO not in near and len(near) == 2  # Wang Bo and his post
    conference = entity_iri("Event", "Qingdao-Hong Kong Economic and Trade Cooperation Conference")
    assert conference not in dated and QINGDAO in dated


def test_view_browser_shows_markup_as_text(driver, tmp_path):
    G = nx.MultiDiGraph()
    G.add_node("x", label="<img src=x onerror=alert(1)>", cls="Company", evidence=["<b>bold</b> claim"])
    page = tmp_path / "markup.html"
    page.write_text(render_networkx(G), encoding="utf-8")
    open_page(driver, page)
    driver.execute_script("nkg.selectNode('x')")
    assert "<b>bold</b> claim" in panel_text(driver)
    assert driver.execute_script("return document.querySelectorAll('#nkg-panel b, #nkg-panel img').length") == 0


def test_view_browser_big_graph_opens_on_overview_and_expands(driver, tmp_path):
    G = nx.MultiDiGraph()
    for n in range(600):
        G.add_node(n, label=f"Place {n}", cls=("City", "Region", "Company")[n % 3])
        if n:
            G.add_edge(n, (n - 1) // 4, relation="locatedIn")
    page = tmp_path / "big.html"
    page.write_text(render_networkx(G), encoding="utf-8")
    open_page(driver, page)
    assert driver.execute_script("return nkg.mode") == "overview"
    assert len(driver.execute_script("return nkg.visibleNodeIds()")) == 30
    added = driver.execute_async_script("var done = arguments[0]; nkg.expand(599).then(done)")
    assert added >= 1 and 599 in driver.execute_script("return nkg.visibleNodeIds()")
    assert driver.execute_script("return nkg.search('Place 598')")[0] == 598
    assert 598 in driver.execute_script("return nkg.visibleNodeIds()")


# ---------------------------------------------------------------------- a real-size graph, file and served

def synthetic(nodes: int) -> KnowledgeGraph:
    """A synthetic news graph of about ``nodes`` nodes made by bench/bench_viewer.py through the real writer."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    from bench_viewer import build

    return build(nodes)


def panel_beside_graph(driver) -> bool:
    graph, panel = driver.execute_script(
        "return ['nkg-graph', 'nkg-panel'].map(function (id) {"
        " var r = document.getElementById(id).getBoundingClientRect(); return [r.left, r.right]; })")
    return panel[0] >= graph[1] - 1


def test_view_browser_big_file_opens_on_overview_fluidly(driver, tmp_path):
    """About 4,000 nodes in one file: an overview of hubs at once, neighbourhoods on demand."""
    import time

    page = tmp_path / "big.html"
    write_html(synthetic(4000), page, title="4,000 nodes")
    started = time.perf_counter()
    open_page(driver, page)
    seconds = time.perf_counter() - started
    assert seconds < 15, seconds
    assert driver.execute_script("return nkg.mode") == "overview"
    shown = driver.execute_script("return nkg.visibleNodeIds()")
    assert 10 <= len(shown) <= 30 and driver.execute_script("return nkg.nodeCount") > 3500
    hub = driver.execute_script("return document.querySelector('#nkg-hubs li').textContent")
    added = driver.execute_async_script("var done = arguments[1]; nkg.expand(arguments[0]).then(done)", shown[0])
    assert added > 0
    assert driver.execute_async_script("var done = arguments[1]; nkg.open(arguments[0]).then(done)", shown[0])
    assert panel_beside_graph(driver) and hub
    assert driver.execute_script("return nkg.network.getScale()") > 0.2  # readable, not a grey strip
    ARTIFACTS.mkdir(exist_ok=True)
    driver.save_screenshot(str(ARTIFACTS / "explorer_big_file.png"))
    assert not [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]


@pytest.fixture(scope="module")
def served_store(tmp_path_factory):
    """`kg serve` (a real server process on 127.0.0.1) over an on-disk store of a synthetic graph."""
    import subprocess
    import sys

    from conftest import free_port, wait_until_up

    from kg.store import open_store

    folder = tmp_path_factory.mktemp("served") / "store"
    store = open_store(folder)
    store.add_quads(synthetic(5000).store)
    store.store.flush()
    articles = len(store.articles())
    del store
    port = free_port()
    proc = subprocess.Popen([str(Path(sys.executable).parent / "kg"), "serve", str(folder), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base, proc)
        yield base, articles
    finally:
        proc.terminate()
        proc.wait(10)


def test_view_served_explorer_json_routes(served_store):
    import httpx

    base, _ = served_store
    hit = httpx.get(base + "/explore/search", params={"q": "wang"}).json()["nodes"]
    assert hit and all("wang" in n["name"].lower() for n in hit)
    near = httpx.get(base + "/explore/neighbours", params={"id": hit[0]["id"]}).json()
    assert hit[0]["id"] in {n["id"] for n in near["nodes"]} and near["edges"]
    assert httpx.get(base + "/explore/neighbours", params={"id": "x> } DROP ALL"}).status_code == 400


def test_view_browser_served_explorer_asks_for_neighbourhoods(driver, served_store):
    """The page of `kg serve` holds the overview only and fetches each neighbourhood."""
    from selenium.webdriver.support.ui import WebDriverWait

    base, articles = served_store
    assert articles > 600
    driver.get(base + "/")
    WebDriverWait(driver, 30).until(lambda d: d.execute_script("return !!(window.nkg && nkg.ready)"))
    assert driver.execute_script("return nkg.mode") == "overview"
    before = len(driver.execute_script("return nkg.visibleNodeIds()"))
    ids = driver.execute_async_script("var done = arguments[0]; nkg.search('wang').then(done)")
    after = driver.execute_script("return nkg.visibleNodeIds()")
    assert ids and ids[0] in after and len(after) > before
    WebDriverWait(driver, 5).until(lambda d: panel_text(d))
    assert panel_beside_graph(driver)
    fetched = driver.execute_script(
        "return performance.getEntriesByType('resource').map(function (e) { return e.name; })")
    assert any("/explore/neighbours?id=" in u for u in fetched) and all(u.startswith(base) for u in fetched)
    ARTIFACTS.mkdir(exist_ok=True)
    driver.save_screenshot(str(ARTIFACTS / "explorer_served_store.png"))


@pytest.mark.skipif(not os.environ.get("NEWSKG_REAL_BUILD"), reason="set NEWSKG_REAL_BUILD to a built .trig "
                    "(e.g. kg build ../shared/corpus/bbc --jobs 2 -o bbc.trig)")
def test_view_browser_real_build(driver, tmp_path):
    """The explorer of a real build (the whole BBC corpus): as a file and through `kg serve`.

    Screenshots: tests/artifacts/real_build_file.png, real_build_served.png.
    """
    import subprocess
    import sys
    import time

    from selenium.webdriver.support.ui import WebDriverWait
    from conftest import free_port, wait_until_up

    import pyoxigraph as ox

    import kg
    from kg.store import open_store

    graph = kg.load(os.environ["NEWSKG_REAL_BUILD"])
    page = write_html(graph, tmp_path / "real.html")
    ARTIFACTS.mkdir(exist_ok=True)
    started = time.perf_counter()
    open_page(driver, page)
    assert time.perf_counter() - started < 20 and driver.execute_script("return nkg.mode") == "overview"
    assert driver.execute_script("return nkg.network.getScale()") > 0.2
    hub = driver.execute_script("return nkg.visibleNodeIds()")[0]
    assert driver.execute_async_script("var done = arguments[1]; nkg.open(arguments[0]).then(done)", hub)
    assert panel_beside_graph(driver)
    driver.save_screenshot(str(ARTIFACTS / "real_build_file.png"))
    store = tmp_path / "store"
    ox_store = open_store(store).store
    ox_store.bulk_load(path=os.environ["NEWSKG_REAL_BUILD"], format=ox.RdfFormat.TRIG)
    ox_store.flush()
    del ox_store
    port = free_port()
    proc = subprocess.Popen([str(Path(sys.executable).parent / "kg"), "serve", str(store), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base, proc)
        driver.get(base + "/")
        WebDriverWait(driver, 60).until(lambda d: d.execute_script("return !!(window.nkg && nkg.ready)"))
        name = driver.execute_script("return document.querySelector('#nkg-hubs li').childNodes[1].textContent").strip()
        started = time.perf_counter()
        ids = driver.execute_async_script("var done = arguments[1]; nkg.search(arguments[0]).then(done)", name)
        assert ids and time.perf_counter() - started < 10
        WebDriverWait(driver, 5).until(lambda d: panel_text(d))
        assert panel_beside_graph(driver)
        driver.save_screenshot(str(ARTIFACTS / "real_build_served.png"))
    finally:
        proc.terminate()
        proc.wait(10)
