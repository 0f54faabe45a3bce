"""Check that two git revisions build the same graph: a guard for restructuring commits.

    .venv/bin/python bench/isomorphic.py --before main --after HEAD
    .venv/bin/python bench/isomorphic.py --before main --after WORKTREE --bbc 50
    .venv/bin/python bench/isomorphic.py --before main --after HEAD --repeat 3   # and build times

Each revision is checked out with ``git worktree add --detach`` in a temporary
folder (``WORKTREE`` means this checkout as it is, uncommitted edits included)
and builds, with this venv's Python, three inputs: the shared development and
training sets (``../shared/eval/score.py jsonl``) and the first ``--bbc``
articles of ``../shared/corpus/bbc/business``. The TriG outputs are compared
graph by graph with :func:`rdflib.compare.isomorphic`. ``--repeat N`` builds
each input N times with each revision, alternating, and prints the fastest
time of each (the speed check of a restructuring). Exit status 0 when every
input gives isomorphic graphs, 1 otherwise. Nothing is written to the repository.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
BBC = SHARED / "corpus" / "bbc" / "business"


def git(*args: str) -> str:
    """Run git in the repository; its stdout."""
    return subprocess.run(["git", "-C", str(ROOT), *args], check=True, capture_output=True,
                          text=True).stdout.strip()


def prepare_inputs(tmp: Path, bbc: int) -> dict[str, Path]:
    """The three inputs, written under ``tmp``: dev and train as JSON Lines, BBC files copied."""
    inputs = {}
    for name in ("dev", "train"):
        out = tmp / f"{name}.jsonl"
        with out.open("w") as f:
            subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), "jsonl",
                            str(SHARED / "eval" / name)], check=True, stdout=f)
        inputs[name] = out
    folder = tmp / "bbc"
    folder.mkdir()
    for path in sorted(BBC.glob("*.txt"))[:bbc]:
        shutil.copy(path, folder / path.name)
    inputs[f"bbc{bbc}"] = folder
    return inputs


def checkout(rev: str, tmp: Path) -> tuple[Path, str]:
    """A folder holding revision ``rev`` (``WORKTREE``: this checkout) and its commit."""
    if rev == "WORKTREE":
        return ROOT, git("rev-parse", "--short", "HEAD") + "+edits"
    commit = git("rev-parse", "--short", rev)
    where = tmp / f"rev-{commit}"
    git("worktree", "add", "--detach", "--quiet", str(where), commit)
    return where, commit


def build(source: Path, inputs: dict[str, Path], out: Path, jobs: int) -> dict[str, float]:
    """Build each input with the ``kg`` package in ``source``; seconds per input."""
    out.mkdir(parents=True)
    code = ("import sys; sys.path.insert(0, sys.argv[1]); import kg, kg.cli; "
            "assert kg.__file__.startswith(sys.argv[1]), kg.__file__; "
            "sys.argv = ['kg'] + sys.argv[2:]; kg.cli.main()")
    seconds = {}
    for name, path in inputs.items():
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-c", code, str(source), "build", str(path), "-o",
                               str(out / f"{name}.trig"), "--jobs", str(jobs)], stderr=subprocess.PIPE,
                              text=True)
        if done.returncode:
            raise SystemExit(f"build of {name} with {source} failed:\n{done.stderr[-3000:]}")
        seconds[name] = time.perf_counter() - started
    return seconds


def compare(a: Path, b: Path) -> tuple[bool, str]:
    """Whether two TriG files hold the same named graphs, each isomorphic; and a summary."""
    from rdflib import Dataset
    from rdflib.compare import isomorphic

    left, right = Dataset(), Dataset()
    left.parse(a, format="trig")
    right.parse(b, format="trig")
    names = lambda ds: {g.identifier for g in ds.graphs() if len(g)}  # noqa: E731
    ln, rn = names(left), names(right)
    if ln != rn:
        return False, f"graph names differ: {len(ln - rn)} only before, {len(rn - ln)} only after"
    differ = [n for n in ln if not isomorphic(left.graph(n), right.graph(n))]
    quads = sum(len(left.graph(n)) for n in ln)
    if differ:
        return False, f"{len(differ)} of {len(ln)} graphs differ, e.g. {sorted(differ)[0]}"
    return True, f"{len(ln)} graphs, {quads} quads"


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, build with both revisions, print one line per input."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--before", default="main")
    ap.add_argument("--after", default="HEAD", help="a revision, or WORKTREE for this checkout")
    ap.add_argument("--bbc", type=int, default=300, help="BBC business articles to build")
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=1, help="builds per revision, alternating; fastest shown")
    args = ap.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="newskg-iso-"))
    made: list[Path] = []
    try:
        inputs = prepare_inputs(tmp, args.bbc)
        sources, commits = [], []
        for rev in (args.before, args.after):
            source, commit = checkout(rev, tmp)
            if source != ROOT:
                made.append(source)
            sources.append(source)
            commits.append(commit)
        outs = [tmp / "out-0-0", tmp / "out-1-0"]
        best: list[dict[str, float]] = [{}, {}]
        for r in range(args.repeat):
            for i, (rev, source) in enumerate(zip((args.before, args.after), sources)):
                seconds = build(source, inputs, tmp / f"out-{i}-{r}", args.jobs)
                best[i] = {n: min(s, best[i].get(n, s)) for n, s in seconds.items()}
        for i, rev in enumerate((args.before, args.after)):
            times = ", ".join(f"{n} {s:.1f} s" for n, s in best[i].items())
            print(f"built {rev} ({commits[i]}): {times}" + (f" (fastest of {args.repeat})" if args.repeat > 1 else ""))
        ok = True
        for name in inputs:
            same, summary = compare(outs[0] / f"{name}.trig", outs[1] / f"{name}.trig")
            ok &= same
            print(f"{name:<8} {'isomorphic' if same else 'DIFFERENT'}: {summary}")
        print(f"{commits[0]} -> {commits[1]}: {'isomorphic' if ok else 'NOT isomorphic'}")
        return 0 if ok else 1
    finally:
        for where in made:
            git("worktree", "remove", "--force", str(where))
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
