"""Shared fixtures: the real spaCy pipeline and the graph of the bundled sample."""
from __future__ import annotations

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
