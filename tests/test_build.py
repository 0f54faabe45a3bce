"""The build step: batching for flat memory, and flushing an on-disk store as it fills.

The compaction at the end of a large build is measured by bench/bench_build.py (query times).
"""
from __future__ import annotations

import importlib
from pathlib import Path

import pytest
from conftest import write_seed_articles

import kg
from kg.build import article_batches
from kg.read import read_articles
from kg.store import open_store

build_module = importlib.import_module("kg.build")  # kg.build is also the function


@pytest.fixture(scope="module")
def articles(tmp_path_factory):
    return list(read_articles([write_seed_articles(tmp_path_factory.mktemp("in"), 6)]))


def test_build_batches_are_bounded_by_count_and_characters(articles):
    longest = max(len(a.text) for a in articles)
    batches = list(article_batches(articles, 4, max_chars=2 * longest))
    assert [a for b in batches for a in b] == articles  # nothing lost, order kept
    assert all(len(b) <= 4 and (len(b) == 1 or sum(len(a.text) for a in b) <= 2 * longest) for b in batches)
    assert len(batches) > len(articles) // 4  # the character budget split some batches


def test_build_article_longer_than_the_budget_goes_alone(articles):
    batches = list(article_batches(articles, 32, max_chars=1))
    assert [len(b) for b in batches] == [1] * len(articles)


def _sst_files(path: Path) -> int:
    return len(list(path.glob("*.sst")))


def _build_watching_files(nlp, articles, folder: Path) -> list[int]:
    """Build into a store in ``folder``; its count of data files as each article arrives."""
    seen = []
    kg.build(articles, nlp=nlp, graph=open_store(folder), batch_size=2,
             progress=lambda ex: seen.append(_sst_files(folder)))
    return seen


def test_build_flushes_store_write_buffers_as_it_goes(nlp, articles, tmp_path, monkeypatch):
    """Unflushed, RocksDB keeps every written article in memory until the store closes."""
    monkeypatch.setattr(build_module, "FLUSH_EVERY", 10**9)
    kept = _build_watching_files(nlp, articles, tmp_path / "kept")
    monkeypatch.setattr(build_module, "FLUSH_EVERY", 2)
    flushed = _build_watching_files(nlp, articles, tmp_path / "flushed")
    assert flushed[-1] > kept[-1]  # files written while the build still runs
    assert set(open_store(tmp_path / "flushed").store) == set(open_store(tmp_path / "kept").store)

