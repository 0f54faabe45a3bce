"""Every example query in queries/ gives the seed article's answer.

A new query file needs a check here: the parametrization fails for any file
without one.
"""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
QUERY_FILES = sorted((ROOT / "queries").glob("*.rq"))


def check_officials(rows):
    wang = [r for r in rows if r["name"] == "Wang Bo"]
    assert wang, rows
    assert {"title": "deputy mayor", "postIn": "Qingdao"}.items() <= wang[0].items()
    assert wang[0]["person"] == "https://w3id.org/newskg/id/entity/wang-bo"
    keys = [(r["name"], r["title"], r["postIn"] or "") for r in rows]
    assert keys == sorted(keys), "sorted by name, title, place or body"
    assert len({tuple(r.values()) for r in rows}) == len(rows), "distinct rows"


def check_agreements(rows):
    signed = [r for r in rows if r["count"] == 16]
    assert len(signed) == 1, rows
    row = signed[0]
    assert row["amount"] == 1_660_000_000
    assert row["currency"] == "USD"
    assert row["venue"] == "Hong Kong-Macao-Shandong Week"
    assert "Qingdao" in row["parties"].split("; ")


def check_cooperation_sectors(rows):
    pair = [r for r in rows if (r["a"], r["b"]) == ("Hong Kong", "Qingdao")]
    assert len(pair) == 1, rows
    assert pair[0]["sectors"], pair[0]
    sectors = set(pair[0]["sectors"].split("; "))
    assert {"modern finance", "technological innovation", "international shipping"} <= sectors


def check_investments(rows):
    assert {"investor": "Hong Kong", "target": "Qingdao", "projects": 6444, "amount": 50_000_000_000,
            "currency": "USD"} in rows


CHECKS = {
    "officials.rq": check_officials,
    "agreements.rq": check_agreements,
    "cooperation_sectors.rq": check_cooperation_sectors,
    "investments.rq": check_investments,
}


def test_queries_every_file_has_a_check():
    assert QUERY_FILES
    assert {f.name for f in QUERY_FILES} == set(CHECKS)


@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda p: p.name)
def test_queries_answer(sample_graph, path):
    check = CHECKS.get(path.name)
    assert check is not None, f"queries/{path.name} has no check in tests/test_queries.py::CHECKS; add one."
    result = sample_graph.query(path.read_text(encoding="utf-8"))
    assert result.kind == "select"
    check(list(result))


def test_officials_a_post_reported_by_two_articles_is_one_row(sample_graph):
    """The same statements in two article graphs give each row once, still sorted."""
    import pyoxigraph as ox

    from kg.graph import KnowledgeGraph

    sparql = (ROOT / "queries" / "officials.rq").read_text(encoding="utf-8")
    twice = KnowledgeGraph()
    twice.add_quads(sample_graph.store)
    for article in sample_graph.articles():
        copy = ox.NamedNode(article + "-copy")
        twice.add_quads(ox.Quad(q.subject, q.predicate, q.object, copy)
                        for q in sample_graph.store.quads_for_pattern(None, None, None, ox.NamedNode(article)))
    assert len(twice) > len(sample_graph)
    assert twice.query(sparql).rows == sample_graph.query(sparql).rows
