"""Benchmark of `kg build`: spaCy overhead, --jobs speed-up, memory, rebuilds, queries.

    .venv/bin/python bench/bench_build.py --limit 200
    .venv/bin/python bench/bench_build.py --limit 200 --rss-sizes 200,2000 --profile 50

Each figure is printed beside its target. Not a test: it takes minutes.
"""
from __future__ import annotations

import argparse
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus" / "bbc"


def corpus_files(folders: list[Path], limit: int) -> list[Path]:
    files = sorted(f for d in folders for f in d.glob("*.txt"))
    if limit > len(files):  # cycle through other categories for large sizes
        files += sorted(f for f in CORPUS.rglob("*.txt") if f not in set(files))
    return files[:limit]


def words(articles) -> int:
    return sum(len(a.text.split()) for a in articles)


def line(name: str, value: str, target: str, ok: bool | None) -> None:
    mark = "" if ok is None else ("  ok" if ok else "  MISSED")
    print(f"  {name:<44} {value:>22}   target {target}{mark}")


def rss_child(paths: list[str], jobs: int) -> None:
    """Run inside a fresh process: build into a store, print peak RSS (self, workers) in MB."""
    import kg
    from kg.store import open_store

    with tempfile.TemporaryDirectory() as d:
        kg.build(paths, graph=open_store(Path(d) / "st"), jobs=jobs, on_error=lambda e: None)
    # ru_maxrss of a process survives exec: this child would report the bench's own size.
    # VmHWM belongs to the process's current memory map and so is this child's own peak.
    me = _vm_hwm_mb() or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    # The workers are spawned while this process is small, so their ru_maxrss is their own.
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"{me:.1f} {kids:.1f}")


def _vm_hwm_mb() -> float | None:
    """Peak resident memory of this process from /proc (Linux), in MB."""
    try:
        with open("/proc/self/status") as f:
            return next(int(line.split()[1]) / 1024 for line in f if line.startswith("VmHWM:"))
    except (OSError, StopIteration):
        return None


def peak_rss(files: list[Path], jobs: int) -> tuple[float, float]:
    listing = tempfile.NamedTemporaryFile("w", suffix=".lst", delete=False)
    listing.write("\n".join(map(str, files)))
    listing.close()
    try:
        out = subprocess.run([sys.executable, __file__, "--_rss-child", listing.name, "--jobs", str(jobs)],
                             check=True, capture_output=True, text=True).stdout.split()
    finally:
        os.unlink(listing.name)
    return float(out[-2]), float(out[-1])


def component_times(nlp, articles, n: int) -> None:
    """Seconds each pipeline component takes over ``n`` articles, spaCy's and newskg's alike, then extract + rdf
    (no profiler), and newskg's share of spaCy's time: the target is under 10 %."""
    from kg.extract import extract
    from kg.rdf import extraction_quads

    docs = [nlp.make_doc(a.text) for a in articles[:n]]
    print(f"\nseconds per pipeline component over {len(docs)} articles:")
    spacy_s = ours = 0.0
    for name, component in nlp.pipeline:
        t = time.perf_counter()
        docs = list(component.pipe(docs, batch_size=32)) if hasattr(component, "pipe") else [component(d) for d in docs]
        took = time.perf_counter() - t
        print(f"  {name:<16} {took:6.2f} s")
        if name.startswith("nkg_"):
            ours += took
        else:
            spacy_s += took
    t = time.perf_counter()
    for doc, a in zip(docs, articles[:n]):
        extraction_quads(extract(a, doc))
    took = time.perf_counter() - t
    print(f"  {'extract + rdf':<16} {took:6.2f} s")
    ours += took
    line("newskg after spaCy / spaCy's own time", f"{ours:.2f} s / {spacy_s:.2f} s = {100 * ours / spacy_s:.1f} %",
         "< 10 %", ours < 0.1 * spacy_s)


def profile(nlp, articles, n: int) -> None:
    import cProfile
    import pstats

    from kg.build import extract_articles
    from kg.rdf import extraction_quads

    docs = list(nlp.pipe(((nlp.make_doc(a.text), a) for a in articles[:n]), as_tuples=True))
    from kg.extract import extract

    prof = cProfile.Profile()
    prof.enable()
    for doc, a in docs:
        extraction_quads(extract(a, doc))
    prof.disable()
    print(f"\nprofile of extract + rdf on {len(docs)} parsed docs (after spaCy), top 12 by cumulative time:")
    pstats.Stats(prof).sort_stats("cumulative").print_stats(12)
    del extract_articles


def time_queries(graph, repeat: int) -> None:
    for q in sorted((ROOT / "queries").glob("*.rq")):
        sparql = q.read_text(encoding="utf-8")
        times = []
        for _ in range(repeat):
            t = time.perf_counter()
            graph.query(sparql)
            times.append((time.perf_counter() - t) * 1000)
        times.sort()
        p50, p95 = statistics.median(times), times[min(len(times) - 1, int(0.95 * len(times)))]
        line(f"query {q.name} p50 / p95", f"{p50:.1f} / {p95:.1f} ms", "< 50 / < 200 ms", p50 < 50 and p95 < 200)


def million_triples(folder: Path, jobs: int, repeat: int) -> None:
    """Build every article under ``folder`` into a store, then copy its article graphs under new IRIs to 1M triples."""
    import pyoxigraph as ox

    import kg
    from kg.store import open_store

    with tempfile.TemporaryDirectory() as d:
        t = time.perf_counter()
        graph = kg.build([folder], graph=open_store(Path(d) / "big"), jobs=jobs, on_error=lambda e: None)
        built = time.perf_counter() - t
        articles = graph.articles()
        print(f"\n{len(articles)} articles from {folder} built into a store in {built:.0f} s: {len(graph):,} triples")
        copy = 0
        while len(graph) < 1_000_000:
            copy += 1
            for iri in articles:
                old, new = ox.NamedNode(iri), ox.NamedNode(f"{iri}-copy{copy}")
                swap = lambda term: new if term == old else term  # noqa: E731
                graph.store.extend(ox.Quad(swap(q.subject), q.predicate, swap(q.object), new)
                                   for q in graph.store.quads_for_pattern(None, None, None, old))
        t = time.perf_counter()
        graph.store.flush()
        graph.store.optimize()  # as `kg build` ends a large build: the copies are written like one
        print(f"{len(graph.articles()):,} article graphs after {copy} copies: {len(graph):,} triples "
              f"(compacted in {time.perf_counter() - t:.1f} s)")
        time_queries(graph, repeat)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folders", nargs="*", type=Path, default=[CORPUS / "business", CORPUS / "politics"])
    ap.add_argument("--limit", type=int, default=400)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--rss-sizes", default="200,2000", help="Two article counts for the memory ratio.")
    ap.add_argument("--repeat", type=int, default=20, help="Runs of each query.")
    ap.add_argument("--profile", type=int, default=0,
                    help="Time each pipeline component, and cProfile extract + rdf, on this many docs.")
    ap.add_argument("--million", type=Path, metavar="FOLDER",
                    help="Also time the queries on a store of every article under FOLDER, copied under new "
                         "article IRIs until it holds at least 1 million triples.")
    ap.add_argument("--_rss-child", dest="rss_child", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.rss_child:
        return rss_child(Path(args.rss_child).read_text().split("\n"), args.jobs)

    import kg
    from kg.nlp import DEFAULT_MODEL, load_pipeline
    from kg.parallel import WorkerPool
    from kg.read import read_articles
    from kg.store import open_store

    files = corpus_files(args.folders, args.limit)
    articles = list(read_articles(files))
    n_words = words(articles)
    print(f"newskg build benchmark: {platform.platform()}, {platform.processor() or platform.machine()}, "
          f"{os.cpu_count()} cpus, python {platform.python_version()}")
    print(f"{len(articles)} articles, {n_words} words, model {DEFAULT_MODEL}\n")

    import spacy

    texts = [a.text for a in articles]

    def pipe_seconds(pipeline, **kw) -> float:
        t = time.perf_counter()
        for _ in pipeline.pipe(texts, **kw):
            pass
        return time.perf_counter() - t

    # spaCy's own pipeline of the model, every component as shipped: what a user of spaCy alone runs.
    plain = spacy.load(DEFAULT_MODEL)
    list(plain.pipe(texts[:8]))  # warm up
    raw = pipe_seconds(plain, batch_size=32)
    raw_par = pipe_seconds(plain, batch_size=8, n_process=args.jobs)
    del plain
    nlp = load_pipeline(DEFAULT_MODEL)
    list(nlp.pipe(texts[:8]))
    ours = pipe_seconds(nlp, batch_size=32)
    t = time.perf_counter()
    kg.build(articles, nlp=nlp)
    full = time.perf_counter() - t
    line("raw spaCy nlp.pipe, 1 process", f"{n_words / raw:,.0f} words/s", "", None)
    line("  newskg pipeline alone (model + nkg components)", f"{n_words / ours:,.0f} words/s", "", None)
    line("kg build, 1 process (in memory)", f"{n_words / full:,.0f} words/s", "", None)
    line("build / raw spaCy throughput, 1 process", f"{raw / full:.2f}", ">= 0.90", raw / full >= 0.9)

    with tempfile.TemporaryDirectory() as d:
        with WorkerPool(DEFAULT_MODEL, args.jobs) as pool:
            pool.warm_up()
            t = time.perf_counter()
            kg.build(articles, pool=pool)
            par = time.perf_counter() - t
        line(f"raw spaCy nlp.pipe, n_process={args.jobs}", f"{n_words / raw_par:,.0f} words/s", "", None)
        line(f"kg build --jobs {args.jobs} (workers warm)", f"{n_words / par:,.0f} words/s", "", None)
        line(f"build / raw spaCy throughput, {args.jobs} processes", f"{raw_par / par:.2f}", ">= 0.90",
             raw_par / par >= 0.9)
        line(f"--jobs {args.jobs} vs --jobs 1 speed-up", f"{full / par:.2f}x", ">= 1.7", full / par >= 1.7)

        store = Path(d) / "st"
        t = time.perf_counter()
        kg.build(articles, nlp=nlp, graph=open_store(store))
        first = time.perf_counter() - t
        t = time.perf_counter()
        graph = kg.build(articles, nlp=nlp, graph=open_store(store))
        again = time.perf_counter() - t
        line("first build into a store (1 process)", f"{first:.2f} s", "", None)
        line("rebuild, all unchanged", f"{again:.3f} s = {100 * again / first:.1f} %", "< 5 %",
             again / first < 0.05)

        time_queries(graph, args.repeat)
        del graph

    small, large = (int(x) for x in args.rss_sizes.split(","))
    peaks = {}
    for size in (small, large):
        peaks[size] = peak_rss(corpus_files(args.folders, size), args.jobs)
        line(f"peak RSS, {size} articles, --jobs {args.jobs}",
             f"main {peaks[size][0]:.0f} / worker {peaks[size][1]:.0f} MB", "", None)
    ratio = max(peaks[large]) / max(peaks[small])
    line(f"peak RSS ratio {large} / {small} articles", f"{ratio:.2f}", "<= 1.3", ratio <= 1.3)

    if args.million:
        million_triples(args.million, args.jobs, args.repeat)
    if args.profile:
        component_times(nlp, articles, args.profile)
        profile(nlp, articles, args.profile)


if __name__ == "__main__":
    main()
