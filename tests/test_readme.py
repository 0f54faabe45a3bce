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
