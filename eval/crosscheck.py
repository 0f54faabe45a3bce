"""Score extraction on the whole shared set and on its two halves, split by source.

    .venv/bin/python eval/crosscheck.py [--kg .venv/bin/kg] [--keep DIR] [--per-kind] [--errors B]

The shared set is ``../shared/eval/dev`` plus ``../shared/eval/train``. Rules are
developed while reading the errors of one half only (``--errors HALF`` lists
them); the other half is held out and scored as unseen news. The halves swap
between rounds of work. ``A-tr`` and ``B-tr`` score each half without the dev
articles that the first sessions tuned on, the honest held-out figures. A gap
between the halves is overfitting. The split is by source (the article id
without its number), never by article, so no source's style is seen on both
sides.
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "eval"
SCORER = SHARED / "score.py"
SPLIT = json.loads((ROOT / "eval" / "split.json").read_text())


def source(article_id: str) -> str:
    """``tr_af2_3`` -> ``tr_af2``; ``seed`` -> ``seed``."""
    return re.sub(r"_\d+$", "", article_id)


def gold_dir(into: Path) -> list[str]:
    """Link every gold article of dev and train into one folder; return their ids."""
    ids = []
    for sub in ("dev", "train"):
        for meta in sorted((SHARED / sub).glob("*.json")):
            for path in (meta, meta.with_suffix(".txt")):
                (into / path.name).symlink_to(path)
            ids.append(meta.stem)
    return ids


def summary(out: str) -> str:
    return out.strip().splitlines()[-1] if out.strip() else "(no output)"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kg", default=str(ROOT / ".venv" / "bin" / "kg"))
    ap.add_argument("--keep", type=Path, help="keep the built graph and the gold folder here")
    ap.add_argument("--per-kind", action="store_true", help="print the scorer's tables, not only summaries")
    ap.add_argument("--errors", choices=sorted(SPLIT) + [f"{h}-tr" for h in sorted(SPLIT)],
                    help="also list this half's errors in DIR/errors_HALF.txt")
    args = ap.parse_args(argv)
    work = Path(args.keep or tempfile.mkdtemp(prefix="nkg-crosscheck-"))
    gold = work / "gold"
    gold.mkdir(parents=True, exist_ok=True)
    for old in gold.iterdir():
        old.unlink()
    ids = gold_dir(gold)
    train = {p.stem for p in (SHARED / "train").glob("*.json")}
    jsonl, graph = work / "all.jsonl", work / "all.trig"
    with jsonl.open("w") as out:
        subprocess.run([sys.executable, str(SCORER), "jsonl", str(gold)], stdout=out, check=True)
    subprocess.run([args.kg, "build", str(jsonl), "-o", str(graph)], check=True, stderr=subprocess.DEVNULL)
    halves = {name: [i for i in ids if source(i) in sources] for name, sources in SPLIT.items()}
    unknown = [i for i in ids if not any(i in h for h in halves.values())]
    if unknown:
        sys.exit(f"eval/split.json does not place these sources: {sorted({source(i) for i in unknown})}")
    runs = {"all": None, **{k: ",".join(v) for k, v in halves.items()}}
    # Each half without the dev articles that earlier sessions tuned on: the honest held-out figure.
    runs.update({f"{k}-tr": ",".join(i for i in v if i in train) for k, v in halves.items()})
    for name, only in runs.items():
        cmd = [sys.executable, str(SCORER), "score", str(gold), str(graph)] + (["--only", only] if only else [])
        done = subprocess.run(cmd, capture_output=True, text=True, check=True)
        count = len(ids) if only is None else len(only.split(","))
        if args.per_kind:
            print(f"== {name} ({count} articles)\n{done.stdout}")
        print(f"{name:<6} {summary(done.stdout)}")
    if args.errors:
        listing = work / f"errors_{args.errors}.txt"
        with listing.open("w") as out:
            subprocess.run([sys.executable, str(SHARED / "errors.py"), str(gold), str(graph),
                            "--only", runs[args.errors]], stdout=out, check=True)
        print(f"errors of half {args.errors}: {listing}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
