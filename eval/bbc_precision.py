"""Sample facts from a build of the BBC business and politics folders, for reading by hand.

Issue 11 asks for the precision of extraction on general news: 100 facts
sampled at random from a build of ``../shared/corpus/bbc/{business,politics}``,
each judged right or wrong against its sentence (``../shared/eval/GUIDELINES.md``).

One fact is one of (per article, i.e. per named graph):

- ``post``         a ``nkg:Post`` node (person, title, postIn)
- ``locatedIn``    a ``?place nkg:locatedIn ?larger`` triple
- ``cooperation``  a ``nkg:Cooperation`` node
- ``event``        an event with ``nkg:heldIn`` and/or ``nkg:startDate``
- ``agreement``    a ``nkg:Agreement`` node
- ``investment``   a ``nkg:Investment`` node

The facts are listed in a sorted order and ``random.Random(seed).sample``
picks N of them, so the same graph and seed give the same sample.

The graph does not write evidence, rule or confidence for ``locatedIn`` nor
rule or confidence for events (``kg/rdf.py``); for those the evidence is the
place's (event's) evidence sentence that names the larger place (the venue),
and the rule is recovered by running ``kg.explain`` on the article
(``--no-explain`` skips this and leaves the rule empty).

    .venv/bin/python eval/bbc_precision.py                      # build, then sample
    .venv/bin/python eval/bbc_precision.py --graph out/bbc.trig # sample an existing build
"""
from __future__ import annotations

import argparse
import csv
import random
import subprocess
import sys
from pathlib import Path

import kg

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "bbc"
FOLDERS = ("business", "politics")
KIND_QUERY = {  # kind -> SELECT ?g ?a [?b]: the facts of that kind, one row each
    "post": "SELECT ?g ?a WHERE { GRAPH ?g { ?a a nkg:Post } }",
    "locatedIn": "SELECT ?g ?a ?b WHERE { GRAPH ?g { ?a nkg:locatedIn ?b } }",
    "cooperation": "SELECT ?g ?a WHERE { GRAPH ?g { ?a a nkg:Cooperation } }",
    "event": "SELECT DISTINCT ?g ?a WHERE { GRAPH ?g { ?a nkg:heldIn|nkg:startDate ?x } }",
    "agreement": "SELECT ?g ?a WHERE { GRAPH ?g { ?a a nkg:Agreement } }",
    "investment": "SELECT ?g ?a WHERE { GRAPH ?g { ?a a nkg:Investment } }",
}
SKIP = {"type", "label", "evidence", "rule", "confidence"}  # predicates not shown as fields


def all_facts(graph) -> list[tuple[str, ...]]:
    """Every fact as ``(kind, graph, node[, larger])``, sorted."""
    return sorted((kind, *row.values()) for kind, q in KIND_QUERY.items() for row in graph.query(q))


def one(graph, q: str):
    rows = list(graph.query(q))
    return rows[0] if rows else {}


def entity(graph, g: str, iri: str) -> str:
    """``Label [Class]`` of an entity in article ``g``."""
    r = one(graph, f"""SELECT ?l (GROUP_CONCAT(STRAFTER(STR(?c), "#"); separator="/") AS ?cls)
                       WHERE {{ GRAPH <{g}> {{ <{iri}> rdfs:label ?l ; a ?c }} }} GROUP BY ?l""")
    return f"{r.get('l', iri.rsplit('/', 1)[-1])} [{r.get('cls', '?')}]"


def labels(graph, g: str, iri: str) -> list[str]:
    return [r["l"] for r in graph.query(
        f"SELECT ?l WHERE {{ GRAPH <{g}> {{ <{iri}> rdfs:label|skos:altLabel ?l }} }}")]


def fields(graph, g: str, node: str) -> list[str]:
    """``pred=value`` of a fact node: entities as labels, money as amount and currency."""
    out = []
    for r in graph.query(f"""SELECT ?p ?o ?amount ?cur ?text WHERE {{ GRAPH <{g}> {{ <{node}> ?p ?o .
            OPTIONAL {{ ?o schema:value ?amount ; schema:currency ?cur OPTIONAL {{ ?o rdfs:label ?text }} }} }} }}
            ORDER BY ?p ?o"""):
        p = r["p"].rsplit("#", 1)[-1].rsplit("/", 1)[-1]
        if p in SKIP:
            continue
        if r["amount"] is not None:
            value = f"{r['amount']:g} {r['cur']} ('{r['text']}')"
        elif isinstance(r["o"], str) and r["o"].startswith("https://w3id.org/newskg/id/"):
            value = entity(graph, g, r["o"])
        else:
            value = str(r["o"])
        out.append(f"{p}={value}")
    return out


def evidence(graph, g: str, node: str, naming: list[str] | None = None) -> list[str]:
    """The evidence sentences of ``node`` in ``g``; with ``naming``, those that contain one of these names."""
    texts = [r["t"] for r in graph.query(f"""SELECT ?t WHERE {{ GRAPH <{g}> {{ <{node}> nkg:evidence ?ev .
             ?ev nkg:text ?t ; nkg:startChar ?s }} }} ORDER BY ?s""")]
    if naming:
        texts = [t for t in texts if any(n in t for n in naming)] or texts
    return list(dict.fromkeys(" ".join(t.split()) for t in texts))


def article_file(graph, g: str, corpus: Path) -> str:
    """``folder/NNN.txt``: the file id is the stem, and the headline tells business from politics."""
    r = one(graph, f"SELECT ?id ?h WHERE {{ <{g}> schema:identifier ?id OPTIONAL {{ <{g}> schema:headline ?h }} }}")
    for folder in FOLDERS:
        path = corpus / folder / f"{r['id']}.txt"
        if path.exists() and path.read_text(encoding="utf-8", errors="replace").split("\n", 1)[0].strip() \
                == (r.get("h") or "").strip():
            return f"{folder}/{path.name}"
    return str(r.get("id"))


def explained_rule(kind: str, path: Path, key: dict, cache: dict) -> tuple[str, str, list[str]]:
    """Rule, confidence and sentences of a locatedIn or event fact, from ``kg.explain`` of its article."""
    from kg.explain import explain, read_article
    if path not in cache:
        cache[path] = explain(read_article(path), cache.setdefault("nlp", None) or _nlp(cache))
    rules, confs, sents = [], [], []
    for s in cache[path].sentences:
        for f in s.facts:
            fields_ = {k: (v or {}).get("iri") if isinstance(v, dict) else v for k, v in f.fields.items()}
            if f.kind == kind and all(fields_.get(k) == v for k, v in key.items()):
                rules.append(f.rule)
                confs.append(f"{f.confidence:g}")
                sents.append(" ".join(s.text.split()))
    return ",".join(dict.fromkeys(rules)), ",".join(dict.fromkeys(confs)), list(dict.fromkeys(sents))


def _nlp(cache: dict):
    from kg.nlp import load_pipeline
    cache["nlp"] = load_pipeline()
    return cache["nlp"]


def describe(graph, fact: tuple[str, ...], corpus: Path, explain_cache: dict | None) -> dict:
    kind, g, node, *rest = fact
    r = one(graph, f"SELECT ?r ?c WHERE {{ GRAPH <{g}> {{ OPTIONAL {{ <{node}> nkg:rule ?r }} "
                   f"OPTIONAL {{ <{node}> nkg:confidence ?c }} }} }}")
    rule, conf = r.get("r") or "", "" if r.get("c") is None else f"{r['c']:g}"
    file = article_file(graph, g, corpus)
    if kind == "post":
        person = one(graph, f"SELECT ?p WHERE {{ GRAPH <{g}> {{ ?p nkg:holdsPost <{node}> }} }}").get("p")
        holder = entity(graph, g, person) if person is not None else "(none)"  # a post left with no holder
        text = " ; ".join([f"person={holder}"] + fields(graph, g, node))
        sents = evidence(graph, g, node)
    elif kind == "locatedIn":
        text = f"{entity(graph, g, node)} locatedIn {entity(graph, g, rest[0])}"
        sents = evidence(graph, g, node, labels(graph, g, rest[0]))
        key = {"place": node, "container": rest[0]}
    elif kind == "event":
        venues = [r["v"] for r in graph.query(f"SELECT ?v WHERE {{ GRAPH <{g}> {{ <{node}> nkg:heldIn ?v }} }}")]
        text = " ; ".join([f"event={entity(graph, g, node)}"] + fields(graph, g, node))
        sents = evidence(graph, g, node, [n for v in venues for n in labels(graph, g, v)])
        key = {"event": node}
    else:
        text = " ; ".join(fields(graph, g, node))
        sents = evidence(graph, g, node)
    if kind in ("locatedIn", "event") and explain_cache is not None and "/" in file:
        rule, conf, ex_sents = explained_rule(kind, corpus / file, key, explain_cache)
        sents = ex_sents or sents
    return {"kind": kind, "rule": rule, "confidence": conf, "fact": text, "file": file,
            "evidence": " | ".join(sents), "judgment": "", "reason": "", "note": ""}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--graph", help="a TriG already built from the two folders (else build one)")
    ap.add_argument("--build-to", default=str(ROOT / "out" / "bbc.trig"), help="where to build the graph")
    ap.add_argument("--corpus", default=str(CORPUS))
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("-n", type=int, default=100)
    ap.add_argument("--no-explain", action="store_true", help="do not recover locatedIn/event rules")
    ap.add_argument("-o", "--out", default=str(ROOT / "eval" / "bbc_sample.tsv"))
    args = ap.parse_args(argv)
    corpus = Path(args.corpus)
    path = args.graph
    if path is None:
        path = args.build_to
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([str(Path(sys.executable).parent / "kg"), "build",
                        *(str(corpus / f) for f in FOLDERS), "-o", path, "--jobs", str(args.jobs)], check=True)
    graph = kg.load(path)
    facts = all_facts(graph)
    counts = {k: sum(f[0] == k for f in facts) for k in KIND_QUERY}
    print(f"{len(facts)} facts: " + ", ".join(f"{k} {n}" for k, n in counts.items()), file=sys.stderr)
    sample = random.Random(args.seed).sample(facts, min(args.n, len(facts)))
    cache = None if args.no_explain else {}
    rows = [describe(graph, f, corpus, cache) for f in sample]
    with open(args.out, "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=["n", *rows[0]], delimiter="\t")
        w.writeheader()
        for n, row in enumerate(rows, 1):
            w.writerow({"n": n, **row})
    print(f"wrote {len(rows)} facts to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
