"""Writing graph files: modes, stale temp files, unwritable paths found before any work."""
from __future__ import annotations

import os
import stat
import time

import pytest

from kg.errors import GraphError
from kg.graph import KnowledgeGraph
from kg.io import check_writable, remove_stale_temps


def _mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture()
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_io_output_gets_the_umask_mode_not_0600(tmp_path, umask_022):
    out = KnowledgeGraph().save(tmp_path / "g.trig")
    assert _mode(out) == 0o644


def test_io_overwrite_keeps_the_mode_of_the_file_it_replaces(tmp_path, umask_022):
    out = tmp_path / "g.ttl"
    out.write_text("")
    out.chmod(0o640)
    KnowledgeGraph().save(out)
    assert _mode(out) == 0o640


def test_io_stale_temp_files_of_ours_are_removed_on_the_next_write(tmp_path):
    out = tmp_path / "g.trig"
    dead = tmp_path / ".g.trig.4194999.k3j2h1.tmp"   # a pid above any pid_max: no such process
    mine = tmp_path / f".g.trig.{os.getpid()}.abcdef.tmp"  # a write in progress in this process
    old = tmp_path / ".g.trig.x8y7z6w5.tmp"          # the former naming, without a pid
    fresh = tmp_path / ".g.trig.a1b2c3d4.tmp"
    other = tmp_path / ".other.trig.4194999.k3j2h1.tmp"
    for f in (dead, mine, old, fresh, other):
        f.write_text("half a graph")
    hours_ago = time.time() - 7200
    os.utime(old, (hours_ago, hours_ago))
    KnowledgeGraph().save(out)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([out.name, mine.name, fresh.name, other.name])
    assert remove_stale_temps(out) == []


@pytest.mark.parametrize("relative", ["afile/g.trig", "afile/sub/g.trig", "folder"])
def test_io_check_writable_refuses_paths_that_cannot_be_written(tmp_path, relative):
    (tmp_path / "afile").write_text("a file in the way")
    (tmp_path / "folder").mkdir()
    with pytest.raises(GraphError) as caught:
        check_writable(tmp_path / relative)
    assert str(caught.value).startswith(f"[E034] Cannot write {tmp_path / relative}")
    check_writable(tmp_path / "new" / "g.trig")  # missing folders are fine: they are made
    assert [p.name for p in (tmp_path / "new").iterdir()] == []
