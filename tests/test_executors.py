"""Executors of the NLP step, looked up by name (kg/executors.py)."""
from __future__ import annotations

import pytest

import kg
from kg import executors
from kg.errors import KGError
from kg.model import Extraction


def test_executors_built_ins_are_registered():
    assert executors.names() == ["dask", "local", "processes"]
    assert executors.get("processes").__module__ == "kg.parallel"
    assert executors.get("dask").__module__ == "kg.distributed"


def test_executors_unknown_name_is_a_coded_error():
    with pytest.raises(KGError) as e:
        executors.get("ray")
    assert str(e.value) == ("[E110] No executor 'ray'. Use one of: dask, local, processes, "
                            "or register one with kg.executors.register.")


def plain(articles, plan):
    """An executor of this test: every article, extracted with nothing found."""
    for a in articles:
        yield Extraction(article=a)


def test_executors_register_a_new_one(monkeypatch):
    monkeypatch.setattr(executors, "_REGISTRY", dict(executors._REGISTRY))
    executors.register("plain", __name__, "plain")
    assert executors.get("plain") is plain
    got = list(executors.get("plain")([kg.Article(iri="x", text="Hello.")], executors.Plan(model="m")))
    assert [ex.article.iri for ex in got] == ["x"]


@pytest.mark.parametrize("options,name", [({}, "local"), ({"jobs": 3}, "processes"),
                                          ({"scheduler": "tcp://h:8786"}, "dask"),
                                          ({"pool": object(), "scheduler": "tcp://h:8786"}, "processes")])
def test_executors_choose(options, name):
    assert executors.choose(**options) == name


@pytest.mark.parametrize("batch_size,task", [(32, 8), (3, 3), (0, 1)])
def test_executors_task_size(batch_size, task):
    assert executors.Plan(model="m", batch_size=batch_size).task_size == task
