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



def _bad_batch(folder: Path, good_text: str) -> Path:
    """A JSONL file: a good article, one with a lone surrogate, one over spaCy's max_length."""
    import json

    f = folder / "batch.jsonl"
    good = {"url": "http://e.org/good", "date": "2024-05-30", "text": good_text}
    f.write_text("\n".join([json.dumps(good),
                            json.dumps({"url": "http://e.org/bad", "title": "Bad \ud83d", "text": good_text}),
                            json.dumps({"url": "http://e.org/long", "text": "Qingdao signs. " * 70_000})]) + "\n",
                 encoding="utf-8")
    return f


def test_build_one_bad_article_never_sinks_the_build(nlp, articles, tmp_path):
    """A lone surrogate and a text over 1,000,000 characters are skipped with coded warnings; the rest builds,
    also into a store, and again on a rerun (which died at the same article before)."""
    batch = _bad_batch(tmp_path, articles[0].text)
    for _ in range(2):
        errors = []
        graph = kg.build([batch], nlp=nlp, graph=open_store(tmp_path / "store"), on_error=errors.append)
        assert [str(e)[:6] for e in errors] == ["[E011]", "[E010]"]
        assert f"{batch}:2: field 'title'" in str(errors[0]) and f"{batch}:3:" in str(errors[1])
        assert list(graph.articles()) == [a.iri for a in read_articles([batch], on_error=lambda e: None)]
        del graph


def test_build_cli_unwritable_outputs_fail_before_any_work(tmp_path):
    """Coded one-line errors, no traceback, and quickly: the NLP pipeline is never loaded."""
    import subprocess
    import sys
    import time

    (tmp_path / "afile").write_text("in the way")
    data = Path(__file__).resolve().parent.parent / "data"
    cases = [(["-o", str(tmp_path / "afile" / "g.trig")], "[E034]"),
             (["-o", str(tmp_path / "ok.trig"), "--html", str(tmp_path / "afile" / "g.html")], "[E034]"),
             (["--store", str(tmp_path / "afile" / "store")], "[E037]")]
    for args, code in cases:
        start = time.monotonic()
        r = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(data), "-q", *args],
                           capture_output=True, text=True, timeout=60)
        assert r.returncode == 1 and r.stderr.startswith(f"Error: {code} ") and "Traceback" not in r.stderr
        assert r.stderr.count("\n") == 1 and time.monotonic() - start < 10
    assert not (tmp_path / "ok.trig").exists()
