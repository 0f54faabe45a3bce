"""kg push against a real `oxigraph serve` Graph Store."""
from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from kg.cli import main as cli

OXIGRAPH = Path(sys.executable).with_name("oxigraph")
pytestmark = pytest.mark.skipif(not OXIGRAPH.exists(), reason="needs `pip install oxigraph` (the server CLI)")


@pytest.fixture
def server(tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([str(OXIGRAPH), "serve", "--location", str(tmp_path / "server"),
                             "--bind", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            httpx.get(base + "/query", params={"query": "ASK {}"})
            break
        except httpx.HTTPError:
            time.sleep(0.1)
    yield base
    proc.terminate()
    proc.wait(10)


def _count(base: str, where: str = "GRAPH ?g { ?s ?p ?o }") -> int:
    r = httpx.get(base + "/query", params={"query": f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}"},
                  headers={"Accept": "application/sparql-results+json"})
    return int(r.json()["results"]["bindings"][0]["n"]["value"])


@pytest.mark.parametrize("batch", ["1", "3"])
def test_push_store_twice_is_idempotent(sample_graph, sample_trig, server, batch):
    expected = len(sample_graph)
    for _ in range(2):
        r = CliRunner().invoke(cli, ["push", str(sample_trig), "--endpoint", server + "/store", "--batch", batch])
        assert r.exit_code == 0, r.output
        assert _count(server) == expected
    article = sample_graph.articles()[0]
    assert _count(server, f"GRAPH <{article}> {{ <{article}> a <https://w3id.org/newskg/ontology#Article> }}") == 1


def test_push_from_store_folder(nlp, server, tmp_path):
    import kg
    from kg.store import open_store

    graph = kg.build(["Wang Bo, deputy mayor of Qingdao, visited Hong Kong on May 28."], nlp=nlp,
                     graph=open_store(tmp_path / "st"))
    n = len(graph)
    del graph
    r = CliRunner().invoke(cli, ["push", str(tmp_path / "st"), "--endpoint", server + "/store"])
    assert r.exit_code == 0, r.output
    assert _count(server) == n


def test_push_unreachable_endpoint(sample_trig):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    r = CliRunner().invoke(cli, ["push", str(sample_trig), "--endpoint", f"http://127.0.0.1:{port}/store"])
    assert r.exit_code == 1 and r.output.startswith("Error: [E086] Cannot reach the Graph Store endpoint")
