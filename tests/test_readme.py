"""The README's Python example runs as written."""
import re

from conftest import ROOT


def test_readme_python_example_runs(tmp_path, monkeypatch):
    block = re.search(r"```python\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S).group(1)
    (tmp_path / "data").symlink_to(ROOT / "data")
    monkeypatch.chdir(tmp_path)
    namespace: dict = {}
    exec(compile(block, "README.md", "exec"), namespace)
    assert (tmp_path / "out" / "graph.trig").exists() and (tmp_path / "out" / "graph.html").exists()
    assert len(namespace["same"]) == len(namespace["graph"])
    assert "Qingdao" in {e["label"] for e in namespace["graph"].entities("City")}


def test_readme_query_rows_are_distinct(tmp_path, monkeypatch):
    """The README's query returns each (name, title) once, although the union graph states it more than once."""
    import kg

    block = re.search(r'graph.query\("""(.*?)"""\)', (ROOT / "README.md").read_text(encoding="utf-8"), re.S).group(1)
    rows = kg.build([ROOT / "data"]).query(block).rows
    assert rows and len(rows) == len(set(rows))


def test_readme_documents_completion_and_module():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "_KG_COMPLETE=bash_source kg" in text and "python -m kg" in text
