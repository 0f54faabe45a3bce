"""networkx views of a KnowledgeGraph and algorithms over them, as plain functions."""
from __future__ import annotations

import json
from collections import Counter
from typing import TYPE_CHECKING

import networkx as nx

from .schema import ENTITY_CLASSES, FACT_CLASSES, NODE_CLASSES
from .terms import term_value
from .vocab import NKG_IRI

if TYPE_CHECKING:
    from .graph import KnowledgeGraph

__all__ = ["to_networkx", "subgraph", "neighbourhood", "most_linked", "find_entities", "split_attribute", "article_triples", "most_connected", "class_counts", "relation_counts", "entity_graph",
           "ENTITY_CLASSES", "FACT_CLASSES", "NODE_CLASSES"]

# Relations drawn as edges; fact nodes (Post, Agreement ...) sit between entities.
EDGE_RELATIONS = ("holdsPost", "postIn", "locatedIn", "cooperatesWith", "party", "sector",
                  "heldIn", "partOf", "signedAt", "investor", "target")
# FACT_CLASSES, NODE_CLASSES (most specific first) and ENTITY_CLASSES come from kg.schema.
# nkg property -> node attribute; a later property wins when a node has both.
NODE_PROPERTIES = (("title", "title"), ("count", "count"), ("projectCount", "projects"),
                   ("date", "date"), ("startDate", "date"), ("confidence", "confidence"))


def _local(iri: str) -> str:
    """The local name of an nkg IRI (``...ontology#City`` -> ``City``)."""
    return iri.rsplit("#", 1)[-1]


def to_networkx(kg: "KnowledgeGraph", only: "set[str] | None" = None) -> nx.MultiDiGraph:
    """Entities and fact nodes as a ``MultiDiGraph`` (``only``: just these nodes and the edges among them).

    Node attributes: ``label``, ``cls`` (most specific nkg class), ``evidence``
    (its sentences, one a line), ``articles`` (article IRIs, space-separated), and
    on fact nodes ``title``, ``count``, ``projects``, ``date``, ``values``
    (``"1660000000 USD"``, joined by ``"; "``), ``confidence``. Edge attributes:
    ``relation`` (the nkg property's local name) and ``article``. The graph
    attribute ``articles`` is a JSON object: article IRI -> ``{"url", "title"}``.
    Every value is a string or a number, so ``nx.write_graphml`` and
    ``nx.write_gexf`` take the graph as it is (:func:`split_attribute` gives the lists back).
    """
    G = nx.MultiDiGraph()
    rank = {c: i for i, c in enumerate(NODE_CLASSES)}
    rows = kg.query(f"""
        SELECT ?n ?c ?l ?g WHERE {{ {_values("n", only)} GRAPH ?g {{ ?g a nkg:Article . ?n a ?c .
          OPTIONAL {{ ?n rdfs:label ?l }} }}
          VALUES ?c {{ {' '.join('nkg:' + c for c in NODE_CLASSES)} }} }}""").rows
    for node, cls, label, graph in rows:
        cls = _local(cls)
        if node not in G:
            G.add_node(node, label=label or _local(node.rsplit("/", 1)[-1]), cls=cls, evidence=[],
                       articles=[])
        data = G.nodes[node]
        if rank[cls] < rank[data["cls"]]:
            data["cls"] = cls
        if graph not in data["articles"]:
            data["articles"].append(graph)
    for node, text in kg.query(f"SELECT DISTINCT ?n ?t WHERE {{ {_values('n', only)} "
                               "?n nkg:evidence/nkg:text ?t }").rows:
        if node in G and text not in G.nodes[node]["evidence"]:
            G.nodes[node]["evidence"].append(text)
    props = " ".join(f"nkg:{prop}" for prop, _ in NODE_PROPERTIES)
    found = kg.query(f"SELECT ?p ?n ?v WHERE {{ {_values('n', only)} VALUES ?p {{ {props} }} ?n ?p ?v }}").rows
    order = {NKG_IRI + prop: i for i, (prop, _) in enumerate(NODE_PROPERTIES)}
    for p, node, value in sorted(found, key=lambda row: order[row[0]]):  # one scan, same precedence
        if node in G:
            G.nodes[node][NODE_PROPERTIES[order[p]][1]] = value
    for node, amount, cur in kg.query(
            f"SELECT ?n ?a ?c WHERE {{ {_values('n', only)} ?n nkg:value ?m . "
            "?m schema:value ?a ; schema:currency ?c }").rows:
        if node in G:
            G.nodes[node].setdefault("values", []).append(f"{amount:.0f} {cur}")
    values = " ".join("nkg:" + r for r in EDGE_RELATIONS)
    for s, p, o, g in kg.query(f"SELECT ?s ?p ?o ?g WHERE {{ {_values('s', only)} {_values('o', only)} "
                               f"GRAPH ?g {{ ?s ?p ?o }} VALUES ?p {{ {values} }} }}").rows:
        if s in G and o in G:
            rel = _local(p)
            if rel == "cooperatesWith" and s > o:
                continue  # stored both ways; draw once
            if not any(d["relation"] == rel for d in G.get_edge_data(s, o, default={}).values()):
                G.add_edge(s, o, relation=rel, article=g)
    wanted = {a for _, d in G.nodes(data=True) for a in d["articles"]} if only is not None else None
    articles = {a: {"url": url, "title": title} for a, url, title in kg.query(
        f"SELECT ?a ?u ?t WHERE {{ {_values('a', wanted)} ?a a nkg:Article OPTIONAL {{ ?a schema:url ?u }} "
        "OPTIONAL { ?a schema:headline ?t } }").rows}
    for _, data in G.nodes(data=True):
        for key, lst in list(data.items()):
            if isinstance(lst, list):
                data[key] = _SEPARATORS[key].join(lst)
    G.graph["articles"] = json.dumps(articles, ensure_ascii=False)
    return G


_SEPARATORS = {"evidence": "\n", "articles": " ", "values": "; "}


def _values(var: str, iris: "set[str] | None") -> str:
    """A SPARQL ``VALUES`` block binding ``?var`` to ``iris`` (nothing when ``iris`` is None)."""
    if iris is None:
        return ""
    return f"VALUES ?{var} {{ {' '.join('<' + i + '>' for i in sorted(iris) if '>' not in i)} }}"


def subgraph(kg: "KnowledgeGraph", nodes: "set[str]", *, evidence: int = 10, articles: int = 30) -> nx.MultiDiGraph:
    """The nodes ``nodes`` and the edges among them, with :func:`to_networkx`'s attributes, read
    through the store's indexes (a few lookups per node, whatever the store's size).

    A hub mentioned by thousands of articles keeps its first ``evidence`` sentences and
    ``articles`` articles; ``article_count`` and ``evidence_count`` say how many there are.
    """
    import pyoxigraph as ox

    store = kg.store
    N = lambda term: ox.NamedNode(NKG_IRI + term)  # noqa: E731
    rdf_type, label_p = ox.NamedNode(_RDF_TYPE), ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
    rank = {c: i for i, c in enumerate(NODE_CLASSES)}
    G = nx.MultiDiGraph()
    wanted = {n for n in nodes if n.startswith("http")}
    for n in sorted(wanted):
        node = ox.NamedNode(n)
        classes, graphs = [], []
        for q in store.quads_for_pattern(node, rdf_type, None, None):
            cls = q.object.value.removeprefix(NKG_IRI)
            if cls in rank and isinstance(q.graph_name, ox.NamedNode):
                classes.append(cls)
                if q.graph_name.value not in graphs:
                    graphs.append(q.graph_name.value)
        if not classes:
            continue
        label = next((q.object.value for q in store.quads_for_pattern(node, label_p, None, None)), None)
        data = {"label": label or n.rsplit("/", 1)[-1], "cls": min(classes, key=rank.get),
                "articles": graphs[:articles], "article_count": len(graphs), "evidence": []}
        ev_nodes = list(store.quads_for_pattern(node, N("evidence"), None, None))
        data["evidence_count"] = len({q.object for q in ev_nodes})
        for q in ev_nodes:
            if len(data["evidence"]) >= evidence:
                break
            text = next((t.object.value for t in store.quads_for_pattern(q.object, N("text"), None, None)), None)
            if text and text not in data["evidence"]:
                data["evidence"].append(text)
        for prop, attr in NODE_PROPERTIES:
            value = next((q.object for q in store.quads_for_pattern(node, N(prop), None, None)), None)
            if value is not None:
                data[attr] = term_value(value)
        for q in store.quads_for_pattern(node, N("value"), None, None):
            amount = next((x.object.value for x in store.quads_for_pattern(q.object, ox.NamedNode("https://schema.org/value"), None, None)), None)
            cur = next((x.object.value for x in store.quads_for_pattern(q.object, ox.NamedNode("https://schema.org/currency"), None, None)), None)
            if amount is not None and cur is not None:
                text = f"{float(amount):.0f} {cur}"
                if text not in data.setdefault("values", []):
                    data["values"].append(text)
        G.add_node(n, **data)
    for n in list(G):
        for rel in EDGE_RELATIONS:
            for q in store.quads_for_pattern(ox.NamedNode(n), N(rel), None, None):
                o = q.object.value
                if o in G and o != n and (rel != "cooperatesWith" or n < o) and \
                        not any(d["relation"] == rel for d in G.get_edge_data(n, o, default={}).values()):
                    G.add_edge(n, o, relation=rel, article=q.graph_name.value)
    meta = {}
    for _, data in G.nodes(data=True):
        for a in data["articles"]:
            if a not in meta:
                node = ox.NamedNode(a)
                url = next((q.object.value for q in store.quads_for_pattern(node, ox.NamedNode("https://schema.org/url"), None, None)), None)
                title = next((q.object.value for q in store.quads_for_pattern(node, ox.NamedNode("https://schema.org/headline"), None, None)), None)
                meta[a] = {"url": url, "title": title}
        for key, lst in list(data.items()):
            if isinstance(lst, list):
                data[key] = _SEPARATORS[key].join(lst)
    G.graph["articles"] = json.dumps(meta, ensure_ascii=False)
    return G


def neighbourhood(kg: "KnowledgeGraph", iri: str, *, limit: int = 80) -> nx.MultiDiGraph:
    """``iri``, the fact nodes and entities next to it, and the other ends of those facts (at most
    ``limit`` neighbours), as :func:`to_networkx` draws them: what the explorer asks a server for.
    Read through the store's indexes (:func:`subgraph`), so a hub of a large store answers quickly.
    """
    import pyoxigraph as ox

    store, node = kg.store, ox.NamedNode(iri)
    rels = [ox.NamedNode(NKG_IRI + r) for r in EDGE_RELATIONS]
    near: dict[str, None] = {}
    for p in rels:
        for q in store.quads_for_pattern(node, p, None, None):
            near.setdefault(q.object.value)
        for q in store.quads_for_pattern(None, p, node, None):
            near.setdefault(q.subject.value)
    near_list = sorted(n for n in near if n.startswith("http"))[:limit]
    fact_types = {NKG_IRI + c for c in FACT_CLASSES}
    ends: set[str] = set()
    for n in near_list:
        m = ox.NamedNode(n)
        if not any(q.object.value in fact_types for q in store.quads_for_pattern(m, ox.NamedNode(_RDF_TYPE), None, None)):
            continue
        for p in rels:
            ends.update(q.object.value for q in store.quads_for_pattern(m, p, None, None))
            ends.update(q.subject.value for q in store.quads_for_pattern(None, p, m, None))
    return subgraph(kg, {iri, *near_list, *sorted(ends)[:4 * limit]})


def most_linked(kg: "KnowledgeGraph", k: int = 30) -> list[str]:
    """The ``k`` entities (not sectors) with the most links to facts and other entities.

    Counted by scanning the store's quads of each relation (a SPARQL GROUP BY over a large
    store takes seconds; this takes well under one for 200,000 triples).
    """
    import pyoxigraph as ox

    store = kg.store
    degree: Counter = Counter()
    for rel in EDGE_RELATIONS:
        for q in store.quads_for_pattern(None, ox.NamedNode(NKG_IRI + rel), None, None):
            degree[q.subject.value] += 1
            degree[q.object.value] += 1
    return [e for e in sorted(degree, key=lambda e: (-degree[e], e)) if _is_entity(store, e, sectors=False)][:k]


_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def _is_entity(store, iri: str, *, sectors: bool = True) -> bool:
    import pyoxigraph as ox

    classes = ENTITY_CLASSES if sectors else tuple(c for c in ENTITY_CLASSES if c != "Sector")
    return any(q.object.value.removeprefix(NKG_IRI) in classes
               for q in store.quads_for_pattern(ox.NamedNode(iri), ox.NamedNode(_RDF_TYPE), None, None))


_LABELS: dict[int, tuple[int, list]] = {}


def _label_index(store) -> list[tuple[str, str]]:
    """(lower-case label, IRI) of every labelled node, kept per store until its size changes."""
    import pyoxigraph as ox

    size = len(store)
    known = _LABELS.get(id(store))
    if known is None or known[0] != size:
        label = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
        pairs = {(q.object.value.lower(), q.subject.value)
                 for q in store.quads_for_pattern(None, label, None, None) if isinstance(q.subject, ox.NamedNode)}
        _LABELS.clear()  # one store at a time: a server holds one
        _LABELS[id(store)] = known = (size, sorted(pairs))
    return known[1]


def find_entities(kg: "KnowledgeGraph", text: str, k: int = 20) -> list[str]:
    """Entities whose label contains ``text`` (case-insensitive): exact matches, then prefixes, then shortest."""
    import pyoxigraph as ox

    needle = " ".join(text.lower().split())
    if not needle:
        return []
    best: dict[str, tuple] = {}
    for name, iri in _label_index(kg.store):
        at = name.find(needle)
        if at < 0:
            continue
        rank = (name != needle, at != 0, len(name))
        if iri not in best or rank < best[iri]:
            best[iri] = rank
    ranked = sorted(best, key=lambda e: (best[e], e))
    return [e for e in ranked if _is_entity(kg.store, e)][:k]


def split_attribute(data: dict, key: str) -> list[str]:
    """A joined list attribute of :func:`to_networkx` (``evidence``, ``articles``, ``values``) as a list.

    >>> split_attribute({"values": "2000000000 USD; 58000000 USD"}, "values")
    ['2000000000 USD', '58000000 USD']
    """
    value = data.get(key) or ""
    if isinstance(value, (list, tuple)):  # a graph made by hand, with lists
        return list(value)
    return value.split(_SEPARATORS[key]) if value else []


def most_connected(G: nx.Graph, k: int = 10, *, classes: tuple[str, ...] | None = None) -> list[tuple[str, int]]:
    """The ``k`` nodes of highest degree (ties by label), optionally of some classes.

    >>> G = nx.Graph([("Qingdao", "Hong Kong"), ("Qingdao", "Wang Bo")])
    >>> most_connected(G, k=1)
    [('Qingdao', 2)]
    """
    nodes = [n for n in G if classes is None or G.nodes[n].get("cls") in classes]
    ranked = sorted(((n, G.degree(n)) for n in nodes), key=lambda nd: (-nd[1], str(nd[0])))
    return ranked[:k]


def class_counts(kg: "KnowledgeGraph") -> Counter:
    """How many distinct nodes each nkg class has."""
    rows = kg.query("SELECT ?c (COUNT(DISTINCT ?n) AS ?k) WHERE { GRAPH ?g { ?g a nkg:Article . ?n a ?c } } "
                    "GROUP BY ?c").rows
    return Counter({_local(c): k for c, k in rows if c.startswith(NKG_IRI)})


#: Bookkeeping, not the domain: evidence sentences and their offsets, confidences, rule names.
BOOKKEEPING = frozenset({"evidence", "text", "startChar", "endChar", "confidence", "rule", "mentions",
                         "contentHash", "source"})


def article_triples(kg: "KnowledgeGraph") -> int:
    """How many triples the article graphs hold (not the sector scheme or other reference data)."""
    rows = kg.query("SELECT (COUNT(*) AS ?k) WHERE { GRAPH ?g { ?g a nkg:Article . ?s ?p ?o } }").rows
    return int(rows[0][0]) if rows else 0


def relation_counts(kg: "KnowledgeGraph") -> Counter:
    """How many triples each relation of the domain has (over all article graphs).

    Evidence and provenance (:data:`BOOKKEEPING`) are left out.
    """
    rows = kg.query("SELECT ?p (COUNT(*) AS ?k) WHERE { GRAPH ?g { ?g a nkg:Article . ?s ?p ?o } } "
                    "GROUP BY ?p").rows
    return Counter({_local(p): k for p, k in rows if p.startswith(NKG_IRI) and _local(p) not in BOOKKEEPING})


def entity_graph(G: nx.MultiDiGraph) -> nx.Graph:
    """Entities linked directly when a fact node joins them (an agreement's parties, a post's holder and place).

    >>> M = nx.MultiDiGraph()
    >>> M.add_node("q", cls="City"); M.add_node("h", cls="City"); M.add_node("c", cls="Cooperation")
    >>> M.add_edge("c", "q", relation="party"); M.add_edge("c", "h", relation="party")
    0
    0
    >>> sorted(sorted(e) for e in entity_graph(M).edges())
    [['h', 'q']]
    """
    H = nx.Graph()
    H.add_nodes_from((n, d) for n, d in G.nodes(data=True) if d.get("cls") in ENTITY_CLASSES)
    for n, d in G.nodes(data=True):
        if d.get("cls") in FACT_CLASSES:
            ends = [m for m in set(G.successors(n)) | set(G.predecessors(n)) if m in H]
            H.add_edges_from((a, b) for i, a in enumerate(ends) for b in ends[i + 1:])
    H.add_edges_from((a, b) for a, b in G.edges() if a in H and b in H and a != b)
    return H
