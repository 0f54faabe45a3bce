"""Run the W3C SPARQL 1.1 Graph Store HTTP Protocol tests (indirect graph identification) against kg serve.

Usage: python .ci/w3c_gsp.py BASE [SUITE_DIR]
  BASE: a `kg serve GRAPH --allow-update` root URL; every test starts from an empty store (DROP ALL).
  SUITE_DIR: ../shared/conformance/w3c-sparql-protocol/suite/graph-store-protocol by default.

The manifest's /gsp paths go to /store. Checked per request: the status, the
Content-Type's media type, and that a response body parses to a graph
isomorphic to the expected one. Direct identification (manifest-direct.ttl)
names graphs by the server's own /store/... URLs. The last line is "N tests: P pass, F fail".
"""
from __future__ import annotations

import sys
from pathlib import Path
from urllib.parse import quote

import httpx
import pyoxigraph as ox
from rdflib import Graph
from rdflib.compare import isomorphic

ROOT = Path(__file__).resolve().parent.parent
SUITE = ROOT.parent / "shared/conformance/w3c-sparql-protocol/suite/graph-store-protocol"
BASE = "http://www.w3.org/2009/sparql/docs/tests/data-sparql11/http-rdf-update/"
NS = {"rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
      "mf": "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#",
      "ht": "http://www.w3.org/2011/http#", "cnt": "http://www.w3.org/2011/content#"}
STATUS = {"OK": {200}, "Created": {201}, "NoContent": {204}, "NotFound": {404},
          "StatusCode2xx": set(range(200, 300)), "StatusCode3xx": set(range(300, 400)),
          "StatusCode4xx": set(range(400, 500))}
RDF_TYPES = {"text/turtle": "turtle", "application/n-triples": "nt", "application/rdf+xml": "xml",
             "application/ld+json": "json-ld"}


def N(curie: str) -> ox.NamedNode:
    prefix, local = curie.split(":", 1)
    return ox.NamedNode(NS[prefix] + local)


class Manifest:
    def __init__(self, path: Path):
        self.store = ox.Store()
        self.store.load(path=str(path), format=ox.RdfFormat.TURTLE, base_iri=BASE + path.name)
        self.iri = ox.NamedNode(BASE + path.name)

    def one(self, s, p):
        return next((q.object for q in self.store.quads_for_pattern(s, N(p), None)), None)

    def all(self, s, p):
        return [q.object for q in self.store.quads_for_pattern(s, N(p), None)]

    def items(self, head):
        out = []
        while head is not None and head != N("rdf:nil"):
            out.append(self.one(head, "rdf:first"))
            head = self.one(head, "rdf:rest")
        return out

    def headers(self, node) -> dict[str, str]:
        return {self.one(h, "ht:fieldName").value.lower(): self.one(h, "ht:fieldValue").value
                for h in self.items(self.one(node, "ht:headers"))}

    def body(self, node) -> str | None:
        body = self.one(node, "ht:body")
        return self.one(body, "cnt:chars").value if body is not None else None

    def tests(self) -> list[dict]:
        out = []
        for t in self.items(self.one(self.iri, "mf:entries")):
            requests = []
            for r in self.items(self.one(self.one(t, "mf:action"), "ht:requests")):
                resp = self.one(r, "ht:resp")
                requests.append(dict(
                    method=self.one(r, "ht:methodName").value, path=self.one(r, "ht:absolutePath").value,
                    headers=self.headers(r), body=self.body(r),
                    statuses=[s.value.rsplit("#", 1)[-1] for s in self.all(resp, "mf:expectedStatus")],
                    location=self.one(resp, "mf:expectedLocation"),
                    resp_headers=self.headers(resp), resp_body=self.body(resp)))
            out.append(dict(id=t.value.rsplit("#", 1)[-1], name=self.one(t, "mf:name").value,
                            requests=requests))
        return out


def check(resp: httpx.Response, req: dict) -> list[str]:
    allowed = set().union(*(STATUS[s] for s in req["statuses"]))
    if resp.status_code not in allowed:
        return [f"{req['method']} {req['path']}: status {resp.status_code} (want {'/'.join(req['statuses'])}): "
                f"{resp.text[:120]!r}"]
    problems = []
    want_type = req["resp_headers"].get("content-type")
    got_type = resp.headers.get("content-type", "").split(";")[0].strip()
    if want_type and got_type != want_type.split(";")[0].strip():
        problems.append(f"content-type {got_type!r}, want {want_type!r}")
    if req["resp_body"] is not None and not problems:
        want = Graph().parse(data=req["resp_body"], format=RDF_TYPES[want_type.split(";")[0].strip()])
        got = Graph().parse(data=resp.text, format=RDF_TYPES.get(got_type, "turtle"))
        if not isomorphic(want, got):
            problems.append(f"GET body is not isomorphic to the expected graph ({len(got)} vs {len(want)} triples)")
    return problems


def run_test(client: httpx.Client, base: str, test: dict) -> list[str]:
    r = client.post(base + "/sparql", content="DROP ALL", headers={"content-type": "application/sparql-update"})
    assert r.status_code == 204, r.text
    location = None
    for req in test["requests"]:
        path = req["path"].replace("/gsp", "/store", 1)
        if location is not None:
            path = path.replace("$LOCATION$", quote(location, safe=""))
        body = req["body"].encode("utf-8") if req["body"] is not None else None
        resp = client.request(req["method"], base + path, content=body, headers=req["headers"])
        problems = check(resp, req)
        if problems:
            return problems
        if req["location"] is not None:
            location = resp.headers.get("location")
    return []


def main(base: str, suite: Path = SUITE) -> int:
    tests = [t for name in ("manifest-direct.ttl", "manifest-indirect.ttl") for t in Manifest(suite / name).tests()]
    client = httpx.Client(timeout=30)
    failed = 0
    for test in tests:
        problems = run_test(client, base, test)
        failed += bool(problems)
        print(f"{'FAIL' if problems else 'PASS'} {test['id']:40} {'; '.join(problems)}")
    print(f"\n{len(tests)} tests: {len(tests) - failed} pass, {failed} fail")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], Path(sys.argv[2]) if len(sys.argv) > 2 else SUITE))
