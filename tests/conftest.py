"""Shared fixtures: the real spaCy pipeline and the graph of the bundled sample."""
from __future__ import annotations

import contextlib
import socket
import subprocess
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
SEED = next(DATA.glob("*.txt"))


@pytest.fixture(scope="session")
def nlp():
    from kg.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def sample_graph(nlp):
    """The KnowledgeGraph built from data/ (the seed article)."""
    import kg

    return kg.build([DATA], nlp=nlp)


@pytest.fixture(scope="session")
def sample_trig(sample_graph, tmp_path_factory) -> Path:
    return sample_graph.save(tmp_path_factory.mktemp("graph") / "graph.trig")


def write_seed_articles(folder: Path, n: int) -> Path:
    """``n`` (at most 8) small articles in ``folder``, each a paragraph of the bundled seed article.

    Real sentences that ship with the repository, so tests of batching, stores
    and workers need nothing outside it.
    """
    from kg.read import read_articles

    text = next(read_articles([SEED])).text
    paragraphs = [p for p in text.split("\n\n") if len(p) > 80]
    assert n <= len(paragraphs), f"the seed article has {len(paragraphs)} paragraphs"
    folder.mkdir(parents=True, exist_ok=True)
    for i, paragraph in enumerate(paragraphs[:n], 1):
        (folder / f"{i:03d}.txt").write_text(f"date: 2024-05-30\n\n{paragraph}\n", encoding="utf-8")
    return folder


def extract_text(nlp, text: str, date: str = "2024-05-15"):
    """The extraction of one article made of ``text``, through the build's own path."""
    from kg.build import extract_articles
    from kg.read import article_from_text

    return next(extract_articles([article_from_text(text, url="http://example.org/article", date=date)], nlp))


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on, for a server under test."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(base: str, proc: subprocess.Popen | None = None, seconds: float = 30) -> None:
    """Wait until the server at ``base`` answers ``/health`` (or ``proc`` exits: RuntimeError)."""
    import httpx

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}")
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(base + "/health", timeout=1).status_code == 200:
                return
        time.sleep(0.1)
    raise RuntimeError(f"{base} did not come up")
