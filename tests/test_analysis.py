"""networkx views of the seed article's graph and the counts `kg stats` prints."""
from __future__ import annotations

import networkx as nx
import pytest

from kg.analysis import (ENTITY_CLASSES, FACT_CLASSES, class_counts, entity_graph, most_connected,
                         relation_counts, split_attribute, to_networkx)

ID = "https://w3id.org/newskg/id/"
QINGDAO, HONG_KONG, WANG_BO = ID + "place/qingdao", ID + "place/hong-kong", ID + "entity/wang-bo"


@pytest.fixture(scope="module")
def G(sample_graph) -> nx.MultiDiGraph:
    return to_networkx(sample_graph)


def test_analysis_to_networkx_nodes(G):
    assert isinstance(G, nx.MultiDiGraph)
    for n, d in G.nodes(data=True):
        assert {"label", "cls", "evidence", "articles"} <= d.keys(), n
        assert d["cls"] in ENTITY_CLASSES + FACT_CLASSES
        assert d["evidence"], n
    assert G.nodes[QINGDAO]["label"] == "Qingdao" and G.nodes[QINGDAO]["cls"] == "City"
    assert G.nodes[WANG_BO]["cls"] == "Official"
    assert any("Wang Bo, deputy mayor" in s for s in split_attribute(G.nodes[WANG_BO], "evidence"))


def test_analysis_to_networkx_fact_attributes(G):
    [agreement] = [d for _, d in G.nodes(data=True) if d["cls"] == "Agreement"]
    assert agreement["count"] == 16 and agreement["values"] == "1660000000 USD"
    assert 0 <= agreement["confidence"] <= 1
    [investment] = [d for _, d in G.nodes(data=True) if d["cls"] == "Investment"]
    assert investment["projects"] == 6444 and investment["values"] == "50000000000 USD"


def test_analysis_to_networkx_edges(G):
    relations = {d["relation"] for _, _, d in G.edges(data=True)}
    assert {"holdsPost", "postIn", "party", "investor", "target", "signedAt", "cooperatesWith"} <= relations
    assert all("article" in d for _, _, d in G.edges(data=True))
    [post] = [o for _, o, d in G.out_edges(WANG_BO, data=True) if d["relation"] == "holdsPost"]
    assert G.nodes[post]["title"] == "deputy mayor"
    assert any(o == QINGDAO and d["relation"] == "postIn" for _, o, d in G.out_edges(post, data=True))


def test_analysis_cooperates_with_drawn_once(G):
    pair = [(s, o) for s, o, d in G.edges(data=True) if d["relation"] == "cooperatesWith"
            and {s, o} == {QINGDAO, HONG_KONG}]
    assert len(pair) == 1


def test_analysis_entity_graph(G):
    H = entity_graph(G)
    assert isinstance(H, nx.Graph) and not H.is_directed()
    assert all(d["cls"] in ENTITY_CLASSES for _, d in H.nodes(data=True))
    assert H.has_edge(QINGDAO, HONG_KONG)
    assert H.has_edge(WANG_BO, QINGDAO)  # joined through the post
    assert not any(d["cls"] in FACT_CLASSES for _, d in H.nodes(data=True))


def test_analysis_most_connected(G):
    H = entity_graph(G)
    top = most_connected(H, 3, classes=ENTITY_CLASSES)
    assert len(top) == 3
    assert {QINGDAO, HONG_KONG} & {n for n, _ in top[:2]}
    degrees = [d for _, d in top]
    assert degrees == sorted(degrees, reverse=True)


def test_analysis_most_connected_filters_classes(G):
    assert [G.nodes[n]["cls"] for n, _ in most_connected(G, 5, classes=("Official",))] == ["Official"] * 2


def test_analysis_class_counts_articles_only(sample_graph):
    counts = class_counts(sample_graph)
    assert counts["City"] == 2 and counts["Official"] == 2
    assert counts["Agreement"] == 1 and counts["Investment"] == 1
    # the SKOS sector scheme and the GeoNames reference graph are not counted
    assert "Concept" not in counts and "ConceptScheme" not in counts
    assert all(not c.startswith("http") for c in counts)
    assert counts["Sector"] == len({n for n, d in to_networkx(sample_graph).nodes(data=True)
                                    if d["cls"] == "Sector"})


def test_analysis_relation_counts_articles_only(sample_graph):
    counts = relation_counts(sample_graph)
    assert counts["holdsPost"] == 2 and counts["investor"] == 1 and counts["count"] == 1
    assert "sameAs" not in counts and "lat" not in counts and "long" not in counts
    assert "broader" not in counts and "inScheme" not in counts and "prefLabel" not in counts
    # the domain's relations only, not evidence bookkeeping
    assert not {"startChar", "endChar", "text", "evidence", "confidence", "rule"} & set(counts)


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_analysis_to_networkx_exports(sample_graph, tmp_path, fmt):
    """The networkx view is written as it is by networkx's GraphML and GEXF writers."""
    G = sample_graph.to_networkx()
    path = tmp_path / f"graph.{fmt}"
    getattr(nx, f"write_{fmt}")(G, path)
    back = getattr(nx, f"read_{fmt}")(path)
    assert back.number_of_nodes() == G.number_of_nodes()
    assert back.nodes[WANG_BO]["label"] == "Wang Bo"
    assert "Wang Bo, deputy mayor" in back.nodes[WANG_BO]["evidence"]
    assert split_attribute(G.nodes[WANG_BO], "evidence")


def test_analysis_subgraph_matches_to_networkx(sample_graph):
    """The index-read subgraph the server sends has the attributes and edges of to_networkx."""
    from kg.analysis import neighbourhood, subgraph

    full = to_networkx(sample_graph)
    nodes = {QINGDAO, HONG_KONG, WANG_BO} | {n for n in full if full.nodes[n]["cls"] == "Post"}
    sub = subgraph(sample_graph, nodes)
    assert set(sub) == nodes
    for n in nodes:
        for key in ("label", "cls", "values", "title", "count", "date"):
            assert sub.nodes[n].get(key) == full.nodes[n].get(key), (n, key)
        assert set(split_attribute(sub.nodes[n], "evidence")) == set(split_attribute(full.nodes[n], "evidence"))
    assert {(s, o, d["relation"]) for s, o, d in sub.edges(data=True)} == \
        {(s, o, d["relation"]) for s, o, d in full.edges(data=True) if s in nodes and o in nodes}
    near = neighbourhood(sample_graph, WANG_BO)
    assert QINGDAO in near and any(d["cls"] == "Post" for _, d in near.nodes(data=True))
