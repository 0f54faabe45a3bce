"""How fast is the HTML explorer on big graphs? Not a test: run it and read the numbers.

    .venv/bin/python bench/bench_viewer.py            # 200, 500 and 5,000 nodes
    .venv/bin/python bench/bench_viewer.py 20000 --keep out/

Builds synthetic news extractions (cities, officials and their posts,
companies, events, agreements with values, investments, cooperation) through
the real RDF writer, renders the page and opens it in headless Chromium.
Prints per size: Python time (to_networkx, render incl. layout), HTML size,
browser load-to-first-draw (``nkg.timings``), one redraw and a class filter.
"""
from __future__ import annotations

import argparse
import os
import platform
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.analysis import to_networkx  # noqa: E402
from kg.graph import KnowledgeGraph  # noqa: E402
from kg.ids import article_iri, entity_iri  # noqa: E402
from kg.model import (Agreement, Article, Cooperation, Entity, EventInfo, Evidence,  # noqa: E402
                      Extraction, Investment, LocatedIn, Money, Post)
from kg.rdf import extraction_quads  # noqa: E402
from kg.view import PHYSICS_LIMIT, render_networkx  # noqa: E402

CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
HEADS = "Bei Nan Xi Dong Qing Hai Shan Lin Jin Yun He Hu Guang Fu Chang Tai Wei Yan Zhu Bao".split()
TAILS = "zhou yang dao ning hai shan jiang men cheng an kou feng ling tan".split()
SURNAMES = "Wang Li Zhang Liu Chen Yang Zhao Huang Zhou Wu Xu Sun Hu Zhu Gao Lin He Guo Ma Luo".split()
GIVEN = "Bo Wei Min Jing Lei Hong Yan Jun Ping Qiang Tao Xin Hui Ying Fang Gang Bin Rui".split()
TITLES = ["mayor", "deputy mayor", "party secretary", "governor", "vice-governor", "director",
          "director-general", "chairman", "general manager"]
SECTORS = ["modern finance", "international shipping", "smart manufacturing", "new energy",
           "cultural tourism", "biomedicine", "marine economy", "digital economy", "logistics",
           "green development", "semiconductors", "agriculture", "education", "healthcare"]
REGIONS = ["Shandong", "Guangdong", "Zhejiang", "Jiangsu", "Fujian", "Hainan", "Sichuan", "Hubei",
           "Hunan", "Henan", "Hebei", "Anhui", "Liaoning", "Jilin", "Shaanxi", "Yunnan"]
COUNTRIES = ["China", "Singapore", "Germany", "Japan", "Republic of Korea", "France", "Brazil",
             "Kazakhstan", "Thailand", "United Arab Emirates"]
INDUSTRY = ["Marine", "Energy", "Port", "Logistics", "Pharma", "Tech", "Finance", "Auto", "Foods"]


class Pools:
    """Entity names to draw from; sizes grow with the target so the graph grows too."""

    def __init__(self, rng: random.Random, nodes: int):
        cities = sorted({h + t.lower() for h in HEADS for t in TAILS} |
                        {h + t + " New Area" for h in HEADS for t in TAILS})
        self.cities = rng.sample(cities, min(len(cities), max(20, nodes // 12)))
        people = sorted({f"{s} {g}{h.lower() if h else ''}" for s in SURNAMES for g in GIVEN
                         for h in ("", *GIVEN)})
        self.people = rng.sample(people, min(len(people), max(30, nodes // 6)))
        self.companies = [f"{rng.choice(self.cities)} {rng.choice(INDUSTRY)} "
                          f"{rng.choice(['Group', 'Co', 'Holdings'])}" for _ in range(max(15, nodes // 10))]
        self.events = [f"{rng.choice(self.cities)} {rng.choice(SECTORS).title()} "
                       f"{rng.choice(['Forum', 'Expo', 'Summit', 'Week'])} {2020 + i % 6}"
                       for i in range(max(8, nodes // 25))]
        self.agencies = [f"{rng.choice(REGIONS)} Commerce Department" for _ in range(8)] + \
                        [f"Investment Promotion Bureau of {c}" for c in self.cities[: max(5, nodes // 60)]]


def synthetic_extraction(rng: random.Random, pools: Pools, k: int) -> Extraction:
    """One plausible article: a city's officials, deals, investments and an event."""
    city, partner = rng.sample(pools.cities, 2)
    region, country = rng.choice(REGIONS), rng.choice(COUNTRIES)
    person, other = rng.sample(pools.people, 2)
    title, sector = rng.choice(TITLES), rng.choice(SECTORS)
    company, event, agency = rng.choice(pools.companies), rng.choice(pools.events), rng.choice(pools.agencies)
    date = f"{rng.randint(2021, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    deals, amount = rng.randint(2, 40), round(rng.uniform(0.05, 20), 2)
    projects = rng.randint(3, 900)
    sentences = [
        f"{city} in {region} province will deepen cooperation with {partner} in {sector}, officials "
        f"said at the {event}, held in {partner} on {date}.",
        f"{person}, {title} of {city}, introduced the city's industrial foundation.",
        f"{other}, director of {agency}, said {company} would expand in {country}.",
        f"During the {event}, {city} signed {deals} project agreements worth ${amount} billion.",
        f"{partner} has invested in {projects} projects in {city}, with a total investment of "
        f"${amount * 3:.1f} billion.",
    ]
    text = " ".join(sentences)
    ev = {i: (Evidence(s, text.index(s), text.index(s) + len(s)),) for i, s in enumerate(sentences)}
    e = {name: entity_iri(cls, name) for cls, name in [
        ("City", city), ("City", partner), ("Region", region), ("Country", country),
        ("Official", person), ("Official", other), ("Company", company), ("Event", event),
        ("Agency", agency), ("Sector", sector), ("Country", "China")]}
    classes = {city: "City", partner: "City", region: "Region", country: "Country", "China": "Country",
               person: "Official",
               other: "Official", company: "Company", event: "Event", agency: "Agency", sector: "Sector"}
    entities = tuple(Entity(e[name], cls, name, evidence=ev[0]) for name, cls in classes.items())
    facts = (
        Post(e[person], title, e[city], evidence=ev[1]),
        Post(e[other], "director", e[agency], evidence=ev[2]),
        LocatedIn(e[city], e[region], evidence=ev[0]),
        LocatedIn(e[region], e["China"]),
        Cooperation((e[city], e[partner]), sectors=(e[sector],), evidence=ev[0]),
        EventInfo(e[event], held_in=e[partner], date=date, evidence=ev[0]),
        Agreement(parties=(e[city], e[company]), count=deals, values=(Money(amount * 1e9, "USD"),),
                  signed_at=e[event], date=date, sectors=(e[sector],), evidence=ev[3]),
        Investment(investor=e[partner], target=e[city], projects=projects,
                   values=(Money(amount * 3e9, "USD"),), evidence=ev[4]),
    )
    url = f"https://example.org/news/{k}"
    return Extraction(Article(article_iri(url, text), text, url=url, date=date), entities, facts)


def build(nodes: int, seed: int = 1) -> KnowledgeGraph:
    """A graph of about ``nodes`` nodes (entities plus fact nodes)."""
    rng = random.Random(seed)
    pools = Pools(rng, nodes)
    kg, seen, facts, k = KnowledgeGraph(), set(), 0, 0
    while len(seen) + facts < nodes:
        ex = synthetic_extraction(rng, pools, k)
        seen.update(x.iri for x in ex.entities)
        facts += 5  # two posts, a cooperation, an agreement, an investment
        kg.add_quads(extraction_quads(ex))
        k += 1
    return kg


def open_driver(user_dir: str):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1400,900", f"--user-data-dir={user_dir}"):
        options.add_argument(arg)
    return webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))


REDRAW_JS = """
var done = arguments[arguments.length - 1], net = nkg.network, t0;
net.once('beforeDrawing', function () { t0 = performance.now(); });
net.once('afterDrawing', function () { done(performance.now() - t0); });
net.redraw();
"""
FILTER_JS = """
var t0 = performance.now(); nkg.setClassVisible('City', false);
var t = performance.now() - t0; nkg.setClassVisible('City', true); return t;
"""


def bench(size: int, driver, out: Path) -> dict:
    from selenium.webdriver.support.ui import WebDriverWait

    kg = build(size)
    t0 = time.perf_counter()
    G = to_networkx(kg)
    t1 = time.perf_counter()
    page = render_networkx(G, title=f"bench {size}")
    t2 = time.perf_counter()
    path = out / f"bench_{size}.html"
    path.write_text(page, encoding="utf-8")
    driver.get(path.resolve().as_uri())
    WebDriverWait(driver, 300).until(lambda d: d.execute_script("return !!(window.nkg && nkg.stable)"))
    timings = driver.execute_script("return nkg.timings")
    redraw = driver.execute_async_script(REDRAW_JS)
    filter_ms = driver.execute_script(FILTER_JS)
    driver.save_screenshot(str(out / f"bench_{size}.png"))
    return {"nodes": G.number_of_nodes(), "edges": G.number_of_edges(), "physics": len(G) <= PHYSICS_LIMIT,
            "to_networkx_s": t1 - t0, "render_s": t2 - t1, "html_mb": len(page.encode()) / 1e6,
            "first_draw_ms": timings["firstDraw"] - timings["loadStart"],
            "first_draw_since_nav_ms": timings["firstDraw"], "redraw_ms": redraw, "filter_ms": filter_ms}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[200, 500, 5000])
    parser.add_argument("--keep", type=Path, help="folder to keep the pages and screenshots in")
    args = parser.parse_args()
    print(f"platform: {platform.platform()}; python {platform.python_version()}; "
          f"cpus: {os.cpu_count()}; processor: {platform.processor() or platform.machine()}")
    with tempfile.TemporaryDirectory() as tmp:
        out = args.keep or Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        driver = open_driver(str(Path(tmp) / "chromium"))
        try:
            print(f"{'nodes':>6} {'edges':>6} {'physics':>7} {'to_nx s':>8} {'render s':>8} {'html MB':>8} "
                  f"{'1st draw ms':>11} {'(since nav)':>11} {'redraw ms':>9} {'filter ms':>9}")
            for size in args.sizes:
                r = bench(size, driver, out)
                print(f"{r['nodes']:>6} {r['edges']:>6} {str(r['physics']):>7} {r['to_networkx_s']:>8.2f} "
                      f"{r['render_s']:>8.2f} {r['html_mb']:>8.2f} {r['first_draw_ms']:>11.0f} "
                      f"{r['first_draw_since_nav_ms']:>11.0f} {r['redraw_ms']:>9.0f} {r['filter_ms']:>9.0f}",
                      flush=True)
        finally:
            driver.quit()


if __name__ == "__main__":
    main()
