"""Fail CI when extraction quality drops below the floors in eval/floors.json.

The seed article is held to issue 2's floors; the whole shared set (dev +
train, 63 articles) to floors that start at the first committed score and
are raised as scores rise, never lowered.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from crosscheck import gold_dir  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SCORER = ROOT.parent / "shared" / "eval" / "score.py"
DEV = ROOT.parent / "shared" / "eval" / "dev"


def score(gold: Path, only: str | None = None) -> dict[str, float]:
    cmd = [sys.executable, str(SCORER), "run", str(gold), "--kg", str(ROOT / ".venv" / "bin" / "kg")]
    if only:
        cmd += ["--only", only]
    done = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ})
    print(done.stdout, done.stderr[-2000:], sep="\n")
    line = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""
    return {k: float(v) for k, v in re.findall(r"(entity_f1|fact_f1|evidence)=([\d.]+)", line)}


def main() -> int:
    floors = json.loads((ROOT / "eval" / "floors.json").read_text())
    failed = False
    with tempfile.TemporaryDirectory(prefix="nkg-gate-") as tmp:
        gold_dir(Path(tmp))
        for name, gold, only in (("seed", DEV, "seed"), ("shared", Path(tmp), None)):
            got = score(gold, only)
            for metric, floor in floors[name].items():
                ok = got.get(metric, 0.0) >= floor
                failed |= not ok
                print(f"{'ok  ' if ok else 'FAIL'} {name:<6} {metric:<10} {got.get(metric, 0.0):.3f} (floor {floor:.3f})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
