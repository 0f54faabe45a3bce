"""The interactive graph explorer: one self-contained HTML page built on vis-network.

The page must open from a laptop, an e-mail attachment or an air-gapped
server, so vis-network's JavaScript and CSS (taken from the pyvis package) and
our own ``kg/viewer/explorer.{js,css,html}`` are inlined: the page requests
nothing outside itself. Node data travels as one JSON block that
``explorer.js`` turns into the network, legend, filters, search and side panel.

Small graphs keep vis-network's physics (they settle in well under a second);
big ones would not settle smoothly in a browser, so their layout is computed
here by :func:`layout` and physics is switched off.

pyvis, numpy and the asset files are loaded inside the functions, so importing
``kg`` (and ``kg --help``) stays fast.
"""
from __future__ import annotations

import html
import json
import math
import re
from collections.abc import Hashable
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import networkx as nx

from .analysis import split_attribute
from .io import atomic_output
from .schema import CLASS_STYLES, FACT_CLASSES, PLACE_CLASSES
from .schema import OTHER_STYLE as _OTHER_STYLE

if TYPE_CHECKING:
    from .graph import KnowledgeGraph

__all__ = ["render_html", "render_networkx", "render_remote", "neighbourhood_data", "search_data",
           "fact_label", "merge_retold", "short_money", "write_html", "layout", "human_money", "CLASS_STYLES"]

# Above this many nodes the page opens on an overview and draws what the reader expands.
PHYSICS_LIMIT = 300
# Entities the overview shows first; places and sectors offered as filters.
TOP_ENTITIES, FILTER_CHOICES = 30, 60

# CLASS_STYLES (class -> (vis shape, colour)) and the style of other classes come from kg.schema.

_PROPERTY_NAMES = (("title", "Title"), ("count", "Agreements"), ("projects", "Projects"),
                   ("values", "Value"), ("date", "Date"), ("confidence", "Confidence"))


def human_money(value: str) -> str:
    """``"1660000000 USD"`` (as in ``to_networkx``'s ``values``) as people write it.

    >>> human_money("1660000000 USD")
    'USD 1.66 billion'
    >>> human_money("50000000000 USD")
    'USD 50 billion'
    >>> human_money("250000 CNY")
    'CNY 250,000'
    """
    amount, _, currency = value.partition(" ")
    x = float(amount)
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(x) >= size:
            return f"{currency} {x / size:.3g} {word}".strip()
    return f"{currency} {x:,.0f}".strip()


_SYMBOLS = {"USD": "$", "GBP": "\u00a3", "EUR": "\u20ac", "JPY": "\u00a5", "INR": "Rs "}


def short_money(value: str) -> str:
    """``"2000000000 USD"`` as a headline writes it.

    >>> short_money("2000000000 USD"), short_money("58000000 GBP"), short_money("1660000000 CNY")
    ('$2bn', '\u00a358m', 'CNY 1.66bn')
    """
    amount, _, currency = value.partition(" ")
    x = float(amount)
    symbol = _SYMBOLS.get(currency, currency + " ")
    for size, word in ((1e12, "tn"), (1e9, "bn"), (1e6, "m")):
        if abs(x) >= size:
            return f"{symbol}{x / size:.3g}{word}"
    return f"{symbol}{x:,.0f}"


def _clip(text: str, n: int = 40) -> str:
    return text if len(text) <= n else text[:n - 1] + "\u2026"


def _ends(G: nx.MultiDiGraph, node: Hashable, *relations: str) -> list[str]:
    """Labels of the nodes a fact node points at through ``relations``, in a stable order."""
    out = [G.nodes[o].get("label", str(o)) for _, o, d in G.out_edges(node, data=True)
           if d.get("relation") in relations]
    return sorted(dict.fromkeys(str(x) for x in out))


def fact_label(G: nx.MultiDiGraph, node: Hashable) -> str:
    """What a fact node says, in the words of a headline: ``"Fiat - GM agreement, $2bn, 2005-02-13"``.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("a", cls="Agreement", values="2000000000 USD", date="2005-02-13")
    >>> G.add_node("f", label="Fiat"); G.add_node("g", label="GM")
    >>> G.add_edge("a", "f", relation="party"); G.add_edge("a", "g", relation="party")
    0
    0
    >>> fact_label(G, "a")
    'Fiat - GM agreement, $2bn, 2005-02-13'
    """
    data = G.nodes[node]
    cls = data.get("cls")
    values = [short_money(v) for v in split_attribute(data, "values")]
    if cls == "Agreement":
        count = data.get("count")
        kind = f"{count} agreements" if count and count > 1 else "agreement"
        parties = _ends(G, node, "party")
        head = f"{' - '.join(_clip(p, 24) for p in parties[:3])} {kind}" if parties else kind.capitalize()
    elif cls == "Investment":
        investor, target = _ends(G, node, "investor"), _ends(G, node, "target")
        head = "Investment"
        if investor:
            head = f"{_clip(investor[0], 24)} investment"
        if target:
            head += f" in {_clip(target[0], 24)}"
        if data.get("projects"):
            values.insert(0, f"{data['projects']:,} projects")
    elif cls == "Cooperation":
        parties = _ends(G, node, "party")
        head = f"{' - '.join(_clip(p, 24) for p in parties[:3])} cooperation" if parties else "Cooperation"
    elif cls == "Post":
        where = _ends(G, node, "postIn")
        head = str(data.get("title") or data.get("label") or "post") + (f" of {_clip(where[0], 24)}" if where else "")
    else:
        return _clip(str(data.get("label") or ""))
    date = str(data.get("date") or "")
    return ", ".join([head, *values, *([date] if date else [])])


def _display_label(data: dict[str, Any], G: nx.MultiDiGraph | None = None, node: Hashable = None) -> str:
    """The text drawn under a node; fact nodes have no name, so say what they hold."""
    if G is not None and data.get("cls") in FACT_CLASSES:
        return fact_label(G, node)
    return _clip(str(data.get("label") or ""))


def _fact_key(G: nx.MultiDiGraph, node: Hashable) -> tuple | None:
    """What makes two fact nodes the same fact: class, ends by relation, values, date, count, title."""
    data = G.nodes[node]
    if data.get("cls") not in FACT_CLASSES:
        return None
    ends = frozenset((d.get("relation"), o) for _, o, d in G.out_edges(node, data=True))
    holders = frozenset(s for s, _, d in G.in_edges(node, data=True) if d.get("relation") == "holdsPost")
    return (data["cls"], ends, holders, tuple(sorted(split_attribute(data, "values"))), data.get("date"),
            data.get("count"), data.get("projects"), data.get("title"))


def merge_retold(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """One node for a fact told by several articles (same class, ends, values and date): the
    first node keeps the others' evidence and articles, and their edges are dropped.

    >>> G = nx.MultiDiGraph()
    >>> for a in ("a1", "a2"):
    ...     G.add_node(a, cls="Agreement", values="2000000000 USD", evidence=a, articles=a)
    ...     _ = G.add_edge(a, "fiat", relation="party")
    >>> sorted(merge_retold(G))
    ['a1', 'fiat']
    """
    H = G.copy()
    first: dict[tuple, Hashable] = {}
    for node in sorted(G, key=str):
        key = _fact_key(G, node)
        if key is None:
            continue
        keep = first.setdefault(key, node)
        if keep == node:
            continue
        kept, gone = H.nodes[keep], H.nodes[node]
        for attr in ("evidence", "articles"):
            merged = list(dict.fromkeys(split_attribute(kept, attr) + split_attribute(gone, attr)))
            kept[attr] = merged if isinstance(kept.get(attr), list) else \
                ("\n" if attr == "evidence" else " ").join(merged)
        kept["told"] = kept.get("told", 1) + 1
        H.remove_node(node)
    return H


def _properties(data: dict[str, Any]) -> list[tuple[str, str]]:
    """(name, human-readable text) pairs for the side panel."""
    out = []
    for key, name in _PROPERTY_NAMES:
        value = data.get(key)
        if value is None or value == []:
            continue
        if key == "values":
            text = ", ".join(human_money(v) for v in split_attribute(data, "values"))
        elif key == "confidence":
            text = f"{float(value):.2f}"
        elif isinstance(value, int):
            text = f"{value:,}"
        else:
            text = str(value)
        out.append((name, text))
    return out


def _node_size(cls: str, degree: int) -> float:
    """Hubs draw bigger; fact nodes stay small so entities stand out."""
    if cls in FACT_CLASSES:
        return round(min(7 + 2 * math.sqrt(degree), 20), 1)
    return round(min(10 + 4 * math.sqrt(degree), 48), 1)


def layout(G: nx.Graph, *, seed: int = 7, scale: float = 110.0) -> dict[Hashable, tuple[float, float]]:
    """Positions for a big graph in a few seconds, with numpy only.

    networkx's spring, Kamada-Kawai and spectral layouts need scipy above a
    few hundred nodes, and ``forceatlas2_layout`` takes about a minute for
    5,000 nodes. So each connected component gets pivot MDS (Brandes & Pich,
    2006: BFS distances from a few pivot nodes, projected to 2-D) for its
    global shape, then a short force refinement: edge springs plus repulsion
    from sampled nodes (two-hop neighbours, which pivot MDS piles up, and a
    few random ones). Components are packed in rows, biggest first.
    ``scale`` is the typical edge length in pixels.

    >>> pos = layout(nx.path_graph(4))
    >>> sorted(pos) == [0, 1, 2, 3] and all(len(p) == 2 for p in pos.values())
    True
    """
    import numpy as np

    rng = np.random.default_rng(seed)
    H = nx.Graph(G)
    H.remove_edges_from(nx.selfloop_edges(H))
    parts = []
    for nodes in sorted(nx.connected_components(H), key=lambda c: (-len(c), min(map(str, c)))):
        sub = H.subgraph(nodes)
        order = sorted(sub, key=str)
        parts.append((order, _component_layout(sub, order, rng)))
    # Shelf packing: rows of components, each row as wide as the biggest one.
    out: dict[Hashable, tuple[float, float]] = {}
    row_width = max(float(np.ptp(p[:, 0])) if len(p) > 1 else 0.0 for _, p in parts) + 2.0
    x = y = row_height = 0.0
    for order, pos in parts:
        pos = pos - pos.min(axis=0)
        w, h = pos.max(axis=0) + 1.5
        if x > 0 and x + w > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        for node, (px, py) in zip(order, pos):
            out[node] = (round(float(px + x) * scale, 1), round(float(py + y) * scale, 1))
        x, row_height = x + w, max(row_height, h)
    return out


def _component_layout(sub: nx.Graph, order: list, rng) -> Any:
    """Positions of one connected component, mean edge length about 1."""
    import numpy as np

    n = len(order)
    if n == 1:
        return np.zeros((1, 2))
    if n == 2:
        return np.array([[0.0, 0.0], [1.0, 0.0]])
    index = {v: i for i, v in enumerate(order)}
    a = np.array([index[u] for u, v in sub.edges()])
    b = np.array([index[v] for u, v in sub.edges()])
    degree = np.bincount(np.concatenate([a, b]), minlength=n)
    # CSR adjacency, for random two-hop walks.
    nbr_order = np.argsort(np.concatenate([a, b]), kind="stable")
    nbrs = np.concatenate([b, a])[nbr_order]
    start = np.concatenate([[0], np.cumsum(degree)[:-1]])

    # Pivot MDS, pivots chosen max-min from the highest-degree node.
    k = min(n, 30)
    dist = np.empty((n, k))
    nearest = np.full(n, np.inf)
    pivot = int(np.argmax(degree))
    for j in range(k):
        lengths = nx.single_source_shortest_path_length(sub, order[pivot])
        dist[:, j] = [lengths[v] for v in order]
        nearest = np.minimum(nearest, dist[:, j])
        pivot = int(np.argmax(nearest))
    sq = dist ** 2
    centred = -0.5 * (sq - sq.mean(axis=0) - sq.mean(axis=1, keepdims=True) + sq.mean())
    u, s, _ = np.linalg.svd(centred, full_matrices=False)
    pos = u[:, :2] * s[:2]
    pos /= max(float(np.linalg.norm(pos[a] - pos[b], axis=1).mean()), 1e-9)
    pos += rng.normal(0, 0.3, pos.shape)  # siblings share a distance profile

    # Springs towards length 1 (longer at hubs) and sampled inverse-distance repulsion.
    rest = 1.0 + 0.12 * np.sqrt(np.maximum(degree[a], degree[b]))
    m_walk, m_rand, epochs = 6, 4, 80
    for epoch in range(epochs):
        step = 0.6 * (1 - epoch / epochs) + 0.02
        d = pos[a] - pos[b]
        length = np.linalg.norm(d, axis=1) + 1e-9
        f = (0.5 * (length - rest) / length)[:, None] * d
        disp = np.zeros_like(pos)
        for c in (0, 1):
            disp[:, c] += np.bincount(b, f[:, c], n) - np.bincount(a, f[:, c], n)
        first = nbrs[start[:, None] + (rng.random((n, m_walk)) * degree[:, None]).astype(int)]
        second = nbrs[start[first] + (rng.random((n, m_walk)) * degree[first]).astype(int)]
        others = np.concatenate([second, rng.integers(0, n, (n, m_rand))], axis=1)
        weights = np.concatenate([np.full(m_walk, 1.0), np.full(m_rand, n / (20 * m_rand))])
        d = pos[:, None, :] - pos[others]
        r2 = (d ** 2).sum(axis=2) + 0.05
        disp += (d * (weights / r2)[:, :, None]).sum(axis=1) * 0.3
        norm = np.linalg.norm(disp, axis=1, keepdims=True) + 1e-9
        pos += disp * np.minimum(1.0, step / norm)
    return pos


def _vis_options(physics: bool, n_nodes: int) -> dict[str, Any]:
    """vis-network options: pyvis's defaults for the solver, tuned for reading and speed."""
    from pyvis.network import Network

    net = Network(directed=True)
    net.force_atlas_2based(gravity=-60, central_gravity=0.01, spring_length=110,
                           spring_strength=0.06, damping=0.5, overlap=0.2)
    net.toggle_physics(physics)
    options = json.loads(net.options.to_json())
    options["physics"]["stabilization"].update(iterations=400, updateInterval=100)
    options["physics"]["minVelocity"] = 1.0
    big = n_nodes > PHYSICS_LIMIT
    options["edges"] = {
        "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
        "color": {"color": "#9aa5b1", "highlight": "#34495e", "hover": "#34495e", "inherit": False},
        "font": {"size": 10, "color": "#5d6d7e", "strokeWidth": 3, "strokeColor": "#ffffff",
                 "align": "horizontal"},
        "smooth": False if big else {"enabled": True, "type": "continuous", "roundness": 0.3},
        "width": 1,
        "selectionWidth": 2,
    }
    options["nodes"] = {"font": {"size": 13, "face": "system-ui, sans-serif", "color": "#1c2833",
                                 "strokeWidth": 3, "strokeColor": "#ffffff", "multi": False},
                        "borderWidth": 1, "borderWidthSelected": 3}
    options["interaction"].update(hover=True, tooltipDelay=150, navigationButtons=False,
                                  keyboard={"enabled": True, "bindToWindow": False},
                                  hideEdgesOnDrag=big, hideEdgesOnZoom=big, multiselect=False)
    options["layout"] = {"improvedLayout": not big, "randomSeed": 7}
    options["groups"] = {cls: _group_style(shape, color) for cls, (shape, color) in
                         {**CLASS_STYLES, "Other": _OTHER_STYLE}.items()}
    return options


def _group_style(shape: str, color: str) -> dict[str, Any]:
    return {"shape": shape,
            "color": {"background": color, "border": "#ffffff",
                      "highlight": {"background": color, "border": "#1c2833"},
                      "hover": {"background": color, "border": "#1c2833"}}}


def _page_data(G: nx.MultiDiGraph, *, title: str, physics: bool, overview: dict | None = None,
               remote: dict | None = None) -> dict[str, Any]:
    """Everything explorer.js needs, as JSON-ready values.

    ``overview`` (the most connected entities and counts per class) makes the page open on
    those entities alone, to expand on demand; ``remote`` (URLs) makes it ask a server for
    neighbourhoods and search results instead of holding the whole graph.
    """
    positions = {} if physics or overview else layout(G)
    nodes = []
    for node, data in G.nodes(data=True):
        cls = data.get("cls") or "Other"
        label = _display_label(data, G, node)
        # Agreements, investments and cooperations have no name of their own (their
        # label is an IRI digest), so the panel and search use what they hold.
        unnamed = cls in FACT_CLASSES
        name = label.replace("\n", ", ") if unnamed else str(data.get("label") or node)
        item = {"id": node, "label": label, "group": cls if cls in CLASS_STYLES else "Other",
                "size": _node_size(cls, G.degree(node)), "cls": cls, "name": name,
                "props": _properties(data), "evidence": split_attribute(data, "evidence"),
                "articles": split_attribute(data, "articles")}
        if data.get("date"):
            item["date"] = str(data["date"])
        if data.get("article_count"):
            item["articleCount"] = data["article_count"]
        if data.get("evidence_count"):
            item["evidenceCount"] = data["evidence_count"]
        if data.get("told", 1) > 1:
            item["told"] = data["told"]
        if node in positions:
            item["x"], item["y"] = positions[node]
        nodes.append(item)
    edges = [{"id": f"{s}|{d.get('relation', '')}|{o}", "from": s, "to": o, "label": d.get("relation", ""),
              "relation": d.get("relation", "")} for s, o, d in G.edges(data=True)]
    classes = [{"name": c, "shape": s, "color": col} for c, (s, col) in CLASS_STYLES.items()]
    return {"title": title, "physics": physics or bool(overview), "nodes": nodes, "edges": edges,
            "overview": overview, "remote": remote,
            "articles": json.loads(G.graph.get("articles") or "{}"),
            "classes": classes + [{"name": "Other", "shape": _OTHER_STYLE[0], "color": _OTHER_STYLE[1]}],
            "options": _vis_options(physics or bool(overview), len(overview["top"]) if overview else len(nodes))}


@lru_cache(maxsize=None)
def _assets() -> dict[str, str]:
    """vis-network from the pyvis package and our explorer files, as text."""
    import pyvis

    vis = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2"
    ours = resources.files("kg") / "viewer"
    return {"vis_css": (vis / "vis-network.css").read_text(encoding="utf-8"),
            "vis_js": (vis / "vis-network.min.js").read_text(encoding="utf-8"),
            "template": (ours / "explorer.html").read_text(encoding="utf-8"),
            "css": (ours / "explorer.css").read_text(encoding="utf-8"),
            "js": (ours / "explorer.js").read_text(encoding="utf-8")}


def _inline(text: str, tag: str) -> str:
    """Make text safe inside ``<script>`` or ``<style>``: no early end tag."""
    return re.sub(rf"</({tag})", r"<\\/\1", text, flags=re.IGNORECASE)


def _overview(G: nx.MultiDiGraph, k: int = TOP_ENTITIES) -> dict[str, Any]:
    """The entities the page opens on (most connected), counts per class, places and sectors to filter by."""
    from collections import Counter

    entities = [n for n, d in G.nodes(data=True) if d.get("cls") not in FACT_CLASSES]
    by_degree = sorted(entities, key=lambda n: (-G.degree(n), str(n)))
    return {"top": [n for n in by_degree if G.nodes[n].get("cls") != "Sector"][:k],
            "classCounts": dict(Counter(d.get("cls") or "Other" for _, d in G.nodes(data=True))),
            "places": [n for n in by_degree if G.nodes[n].get("cls") in PLACE_CLASSES][:FILTER_CHOICES],
            "sectors": [n for n in by_degree if G.nodes[n].get("cls") == "Sector"][:FILTER_CHOICES]}


def render_networkx(G: nx.MultiDiGraph, *, title: str = "newskg", physics: bool | None = None,
                    overview: dict | None = None) -> str:
    """The explorer page for a graph with the attributes of :func:`kg.analysis.to_networkx`.

    A fact told by several articles is drawn once (:func:`merge_retold`). Up to
    ``PHYSICS_LIMIT`` nodes the page shows the whole graph with vis-network's
    physics; above, it opens on an overview (the ``TOP_ENTITIES`` most
    connected entities, counts per class, a search box) and draws the
    neighbourhoods the reader expands. ``physics=False`` with a small graph
    uses :func:`layout` instead of physics.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("q", label="Qingdao", cls="City", evidence=["Qingdao signs 16 deals."])
    >>> page = render_networkx(G, title="demo")
    >>> page.startswith("<!DOCTYPE html>") and "Qingdao signs 16 deals." in page
    True
    """
    G = merge_retold(G)
    if overview is None and len(G) > PHYSICS_LIMIT:
        overview = _overview(G)
    if physics is None:
        physics = len(G) <= PHYSICS_LIMIT
    return _render_page(_page_data(G, title=title, physics=physics, overview=overview), title)


def _render_page(page: dict[str, Any], title: str) -> str:
    assets = _assets()
    data = json.dumps(page, ensure_ascii=False, separators=(",", ":"))
    fills = {
        "title": html.escape(title),
        "vis_css": _inline(assets["vis_css"], "style"),
        "css": _inline(assets["css"], "style"),
        "vis_js": _inline(assets["vis_js"], "script"),
        "js": _inline(assets["js"], "script"),
        # "<" only occurs inside JSON strings, where \u003c means the same.
        "data": data.replace("<", "\\u003c"),
    }
    # One pass, so text inside the inserted assets is never taken for a slot.
    return re.sub(r"\{\{(\w+)\}\}", lambda m: fills[m.group(1)], assets["template"])


def render_html(kg: "KnowledgeGraph", *, title: str = "newskg", physics: bool | None = None) -> str:
    """The explorer page of a knowledge graph (see :func:`render_networkx`)."""
    from .analysis import to_networkx

    return render_networkx(to_networkx(kg), title=title, physics=physics)


#: Where a page served by ``kg serve`` asks for neighbourhoods and search results.
REMOTE = {"neighbours": "/explore/neighbours", "search": "/explore/search"}


def render_remote(kg: "KnowledgeGraph", *, title: str = "newskg") -> str:
    """The explorer page of a served graph of any size: it holds the overview only (found in
    SPARQL) and asks the server (:data:`REMOTE`) for each neighbourhood and search."""
    from .analysis import class_counts, most_linked, subgraph

    from .analysis import _label_index

    _label_index(kg.store)  # built now, with the page, so the first search is quick too
    ranked = most_linked(kg, max(TOP_ENTITIES, 4 * FILTER_CHOICES))
    top = ranked[:TOP_ENTITIES]
    G = subgraph(kg, set(ranked))
    from .analysis import NODE_CLASSES

    counts = class_counts(kg)
    overview = {"top": top, "classCounts": {c: counts[c] for c in NODE_CLASSES if counts.get(c)},
                "places": [n for n in ranked if G.nodes[n].get("cls") in PLACE_CLASSES][:FILTER_CHOICES],
                "sectors": [n for n in ranked if G.nodes[n].get("cls") == "Sector"][:FILTER_CHOICES]}
    return _render_page(_page_data(G, title=title, physics=True, overview=overview, remote=REMOTE), title)


def neighbourhood_data(kg: "KnowledgeGraph", iri: str) -> dict[str, Any]:
    """Nodes and edges of ``iri``'s neighbourhood (:func:`kg.analysis.neighbourhood`), as the page draws them."""
    from .analysis import neighbourhood

    page = _page_data(merge_retold(neighbourhood(kg, iri)), title="", physics=True)
    return {"nodes": page["nodes"], "edges": page["edges"], "articles": page["articles"]}


def search_data(kg: "KnowledgeGraph", text: str) -> dict[str, Any]:
    """Entities whose label contains ``text``, as page nodes (without their neighbourhoods)."""
    from .analysis import find_entities, subgraph

    ids = find_entities(kg, text)
    page = _page_data(subgraph(kg, set(ids)), title="", physics=True)
    rank = {i: k for k, i in enumerate(ids)}
    return {"nodes": sorted(page["nodes"], key=lambda n: rank.get(n["id"], len(rank))), "edges": [],
            "articles": page["articles"]}


@atomic_output
def _write_page(kg: "KnowledgeGraph", out: IO[bytes], **options) -> None:
    out.write(render_html(kg, **options).encode("utf-8"))


def write_html(kg: "KnowledgeGraph", path: str | Path, **options: Any) -> Path:
    """Write the explorer page to ``path`` (atomically); ``options`` go to :func:`render_html`."""
    return _write_page(kg, path, **options)
