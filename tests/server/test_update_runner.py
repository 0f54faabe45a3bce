"""Writes to a store folder (kg.server.update_runner, kg.server.store_writer): a writer process, killed at the limit.

Real servers on 127.0.0.1 over real store folders in a tmp dir: ``kg serve
STORE --allow-update`` in a subprocess, or ``create_app`` in a thread over the
folder opened read-only as ``kg serve`` opens it. No mocks.
"""
from __future__ import annotations

import contextlib
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import psutil
import pyoxigraph as ox
import pytest
from conftest import ROOT, free_port, wait_until_up
from test_serve import running

from kg.errors import GraphError
from kg.server.serve import create_app
from kg.store import open_store, open_store_read_only

TIMEOUT = 3.0  # seconds: a writer starts and applies a small update well within it
UPDATE = {"Content-Type": "application/sparql-update"}
EX = "http://example.org/"
MARKER = f"<{EX}marker> <{EX}p> 1"
# INSERT DATA, then a three-way cross join over 20,000 triples: the second operation never ends
RUNAWAY = (f"INSERT DATA {{ {MARKER} }} ;\n"
           f"INSERT {{ GRAPH <{EX}x> {{ ?a ?b ?c }} }} WHERE {{ ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }}")


def make_store(folder: Path, n: int = 20_000) -> Path:
    """A store folder of ``n`` triples in one named graph, closed again."""
    store = ox.Store(str(folder))
    p, g = ox.NamedNode(EX + "p"), ox.NamedNode(EX + "g")
    store.extend(ox.Quad(ox.NamedNode(f"{EX}s{i}"), p, ox.Literal(str(i)), g) for i in range(n))
    del store  # closed: releases the folder's lock
    return folder


@contextlib.contextmanager
def kg_serve(folder: Path) -> Iterator[str]:
    """``kg serve FOLDER --allow-update --timeout 3`` in a subprocess; yields its base URL."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "kg", "serve", str(folder), "--port", str(port),
                             "--allow-update", "--timeout", str(TIMEOUT)], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base, proc)
        yield base
    finally:
        proc.terminate()
        proc.wait(10)


def update(base: str, text: str) -> httpx.Response:
    return httpx.post(base + "/sparql", content=text, headers=UPDATE, timeout=30)


def ask(base: str, text: str) -> bool:
    return httpx.get(base + "/sparql", params={"query": text}, timeout=30).json()["boolean"]


def triples(base: str) -> int:
    return httpx.get(base + "/health", timeout=10).json()["triples"]


def writers() -> list[psutil.Process]:
    """The store writer processes under this test process that are still alive."""
    alive = []
    for proc in psutil.Process().children(recursive=True):
        with contextlib.suppress(psutil.Error):
            if "kg.server.store_writer" in " ".join(proc.cmdline()) and proc.status() != psutil.STATUS_ZOMBIE:
                alive.append(proc)
    return alive


def test_update_runner_runaway_update_of_a_store_folder_is_killed(tmp_path):
    """kg serve STORE --allow-update: 503 with Retry-After at the limit, the writer gone, not one quad of
    the update applied (its INSERT DATA neither), the next update applied and kept on disk."""
    folder = make_store(tmp_path / "store")
    with kg_serve(folder) as base:
        start = time.monotonic()
        r = update(base, RUNAWAY)
        assert r.status_code == 503 and r.text.startswith("[E073]") and r.headers["retry-after"]
        assert TIMEOUT - 0.5 < time.monotonic() - start < TIMEOUT + 3
        assert writers() == []
        assert not ask(base, f"ASK {{ {MARKER} }}")
        assert triples(base) == 20_000
        assert update(base, f"INSERT DATA {{ <{EX}a> <{EX}p> 2 }}").status_code == 204
        assert ask(base, f"ASK {{ <{EX}a> <{EX}p> 2 }}") and triples(base) == 20_001
    store = ox.Store(str(folder))  # the lock is free, and the folder holds what was answered
    assert len(store) == 20_001
    assert not store.query(f"ASK {{ {MARKER} }}")


def test_update_runner_update_of_a_store_folder_reads_the_union_and_refuses_what_it_must(tmp_path):
    """An update's WHERE sees the named graphs; LOAD, 3,000 nested braces and bad syntax are refused, and
    the server goes on."""
    graph = open_store_read_only(make_store(tmp_path / "store", n=3))
    with running(create_app(graph, allow_update=True, timeout=TIMEOUT)) as base:
        tag = f"INSERT {{ GRAPH <{EX}tags> {{ ?s <{EX}seen> true }} }} WHERE {{ ?s <{EX}p> ?o }}"
        assert update(base, tag).status_code == 204
        assert ask(base, f"ASK {{ GRAPH <{EX}tags> {{ <{EX}s1> ?p true }} }}")
        r = update(base, "LOAD <http://127.0.0.1:9/x.ttl>")
        assert r.status_code == 400 and r.text.startswith("[E065]")
        r = update(base, "INSERT { ?s ?p ?o } WHERE " + "{" * 3000 + "?s ?p ?o" + "}" * 3000)
        assert r.status_code == 400 and r.text.startswith("[E099]")
        r = update(base, f"INSERT DATA {{ <{EX}a> <{EX}p> }}")
        assert r.status_code == 400 and r.text.startswith("[E061]")
        assert triples(base) == 6


def test_update_runner_waits_for_a_build_writing_the_store(tmp_path):
    """Another process holding the store for writing (a build): 503 E050 with Retry-After, then it works."""
    folder = make_store(tmp_path / "store", n=3)
    with running(create_app(open_store_read_only(folder), allow_update=True, timeout=TIMEOUT)) as base:
        build = open_store(folder)  # what kg build --store holds while it runs
        r = update(base, f"INSERT DATA {{ <{EX}a> <{EX}p> 2 }}")
        assert r.status_code == 503 and r.text.startswith("[E050]") and r.headers["retry-after"] == "1"
        del build
        assert update(base, f"INSERT DATA {{ <{EX}a> <{EX}p> 2 }}").status_code == 204
        assert triples(base) == 4


def test_update_runner_graph_store_writes_to_a_store_folder(tmp_path):
    """PUT, POST and DELETE of /store go through the writer too; what they wrote is served and on disk."""
    folder = make_store(tmp_path / "store", n=3)
    with running(create_app(open_store_read_only(folder), allow_update=True, timeout=TIMEOUT)) as base:
        url, turtle = base + "/store", {"Content-Type": "text/turtle"}
        r = httpx.put(url, params={"graph": EX + "new"}, content=f"<{EX}s> <{EX}p> 'one' .", headers=turtle)
        assert r.status_code == 201
        r = httpx.post(url, params={"graph": EX + "new"}, content=f"<{EX}s> <{EX}p> _:b .", headers=turtle)
        assert r.status_code == 204
        got = httpx.get(url, params={"graph": EX + "new"}, headers={"Accept": "application/n-triples"})
        assert got.status_code == 200 and len(got.text.strip().splitlines()) == 2
        assert httpx.delete(url, params={"graph": EX + "g"}).status_code == 204
        assert httpx.get(url, params={"graph": EX + "g"}).status_code == 404
    store = ox.Store(str(folder))
    assert len(store) == 2 and not store.contains_named_graph(ox.NamedNode(EX + "g"))


def test_update_runner_refuses_a_store_folder_open_for_writing(tmp_path):
    """Its lock would stop every writer: said at once, not as a 503 on each update."""
    graph = open_store(tmp_path / "store")
    with pytest.raises(GraphError, match=r"^\[E098\]"):
        create_app(graph, allow_update=True)
    create_app(graph)  # read-only serving of it is fine
