"""Do slow queries starve quick ones? Not a test: run it and read the numbers.

    .venv/bin/python bench/bench_load.py                  # 1,000 quick queries, two slow clients
    .venv/bin/python bench/bench_load.py --fast 200 --slow-clients 0    # baseline without them

Starts ``kg serve`` on a synthetic graph (2,000 triples in 20 article graphs)
on 127.0.0.1 with ``--timeout 5``. Two clients loop a four-way cartesian
COUNT (each runs until the time limit kills it), from their own loopback
addresses (127.0.0.2, 127.0.0.3), while one client sends quick queries one
after another (from 127.0.0.4). Prints the quick queries' latency
percentiles, how many failed, and what the slow clients got back. Target:
p99 under 1 s. Takes about a minute on two cores.
"""
from __future__ import annotations

import argparse
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

import httpx
import pyoxigraph as ox

ROOT = Path(__file__).resolve().parent.parent
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
FAST = "SELECT ?s ?o WHERE { ?s <http://example.org/p> ?o } LIMIT 10"


def synthetic_graph(path: Path, triples: int = 2000, graphs: int = 20) -> Path:
    store, p = ox.Store(), ox.NamedNode("http://example.org/p")
    store.extend(ox.Quad(ox.NamedNode(f"http://example.org/s{i}"), p, ox.Literal(str(i)),
                         ox.NamedNode(f"http://example.org/g{i % graphs}")) for i in range(triples))
    store.dump(str(path), format=ox.RdfFormat.TRIG)
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def client(address: str, timeout: float = 60) -> httpx.Client:
    return httpx.Client(transport=httpx.HTTPTransport(local_address=address), timeout=timeout)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--fast", type=int, default=1000, help="quick queries to time")
    ap.add_argument("--slow-clients", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=5.0, help="the server's --timeout")
    ap.add_argument("--graph", type=Path, help="serve this graph instead of the synthetic one")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        graph = args.graph or synthetic_graph(Path(tmp) / "g.trig")
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        kg = [sys.executable, "-m", "kg.cli", "serve", str(graph), "--port", str(port),
              "--timeout", str(args.timeout)]
        server = subprocess.Popen(kg, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            for _ in range(200):
                try:
                    if httpx.get(base + "/health", timeout=1).status_code == 200:
                        break
                except httpx.HTTPError:
                    time.sleep(0.1)
            run(base, args)
        finally:
            server.terminate()
            server.wait(10)


def run(base: str, args) -> None:
    stop = threading.Event()
    slow_status: Counter = Counter()

    def loop_slow(address: str) -> None:
        with client(address) as c:
            while not stop.is_set():
                try:
                    slow_status[c.get(base + "/sparql", params={"query": SLOW}).status_code] += 1
                except httpx.HTTPError as e:
                    slow_status[type(e).__name__] += 1

    threads = [threading.Thread(target=loop_slow, args=(f"127.0.0.{2 + i}",), daemon=True)
               for i in range(args.slow_clients)]
    for t in threads:
        t.start()
    time.sleep(1.0 if threads else 0)  # the slow queries are running
    latencies, failures = [], Counter()
    started = time.perf_counter()
    with client("127.0.0.4", timeout=30) as c:
        for _ in range(args.fast):
            t0 = time.perf_counter()
            try:
                r = c.get(base + "/sparql", params={"query": FAST})
                if r.status_code != 200:
                    failures[r.status_code] += 1
            except httpx.HTTPError as e:
                failures[type(e).__name__] += 1
            latencies.append(time.perf_counter() - t0)
    wall = time.perf_counter() - started
    stop.set()
    for t in threads:
        t.join(args.timeout + 5)

    ms = [x * 1000 for x in latencies]
    print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}")
    print(f"server: kg serve --timeout {args.timeout:g}; {args.slow_clients} clients looping the "
          f"four-way cartesian COUNT")
    print(f"quick queries: {len(ms)} in {wall:.1f} s ({len(ms) / wall:.1f}/s), failed: {dict(failures) or 0}")
    print(f"latency ms: p50 {statistics.median(ms):.1f}  p90 {percentile(ms, 90):.1f}  "
          f"p99 {percentile(ms, 99):.1f}  max {max(ms):.1f}")
    print(f"slow clients got: {dict(slow_status)}")
    verdict = "met" if percentile(ms, 99) < 1000 and not failures else "NOT met"
    print(f"target (p99 < 1 s, no failures): {verdict}")


if __name__ == "__main__":
    main()
