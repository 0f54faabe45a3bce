"""SERVICE and LOAD never reach the network: decided on the parse, and no sockets in workers.

A real listener on 127.0.0.1 counts every connection made to it; each payload
is sent to a real ``kg serve`` app over HTTP, and the listener must see none.
"""
from __future__ import annotations

import socket
import threading
from collections import Counter
from collections.abc import Iterator

import httpx
import pyoxigraph as ox
import pytest
from test_serve import running, seed_graph

from kg.errors import EndpointError
from kg.server.runner import run_forked
from kg.server.sandbox import keywords_in_text, refused_operations
from kg.server.serve import create_app


class Listener:
    """A TCP listener on 127.0.0.1 that records the first bytes of every connection."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.hits: list[bytes] = []
        self.stop = False
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self) -> None:
        while not self.stop:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            with conn:
                conn.settimeout(1)
                try:
                    self.hits.append(conn.recv(4096) or b"<connected>")
                except OSError:
                    self.hits.append(b"<connected>")

    def close(self) -> None:
        self.stop = True
        self.thread.join(2)
        self.sock.close()


@pytest.fixture(scope="module")
def listener() -> Iterator[Listener]:
    ear = Listener()
    yield ear
    ear.close()


@pytest.fixture(scope="module")
def endpoints(seed_text) -> Iterator[tuple[str, str]]:
    """(read-only base URL, read-write base URL)."""
    with running(create_app(seed_graph(seed_text))) as ro, \
            running(create_app(seed_graph(seed_text), allow_update=True)) as rw:
        yield ro, rw


def _payloads(url: str) -> list[str]:
    """SERVICE hidden every way we know: the reported bypass, then a fuzz set of obfuscations."""
    host = url.removeprefix("http://")
    return [
        # the bypass of issue 14: quotes that a textual scan pairs the wrong way
        f"SELECT * WHERE {{ FILTER('!'<'>') SERVICE <{url}> {{ ?s ?p ?o }} FILTER('x'!='') }}",
        f'SELECT * WHERE {{ FILTER("!"<">") SERVICE <{url}> {{ ?s ?p ?o }} FILTER("x"!="") }}',
        f"SELECT * WHERE {{ FILTER('''a'''<'''>''') SERVICE <{url}> {{ ?s ?p ?o }} }}",
        # comments and line breaks between the keyword and its IRI
        f"SELECT * WHERE {{ SERVICE#comment\n<{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SERVICE # a '\n SILENT # b \"\n <{url}> {{ ?s ?p ?o }} }}",
        # mixed case
        f"select * where {{ SeRvIcE <{url}> {{ ?s ?p ?o }} }}",
        # codepoint escapes, which SPARQL decodes before parsing
        f"SELECT * WHERE {{ \\u0053ERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ S\\U00000045RVICE <{url}> {{ ?s ?p ?o }} }}",
        # prefixed names and variables for the endpoint
        f"PREFIX x: <http://{host}/>\nSELECT * WHERE {{ SERVICE x:sparql {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ VALUES ?e {{ <{url}> }} SERVICE ?e {{ ?s ?p ?o }} }}",
        f"BASE <http://{host}/>\nSELECT * WHERE {{ SERVICE <sparql> {{ ?s ?p ?o }} }}",
        # nested groups, optional, union, minus, exists, subquery
        f"SELECT * WHERE {{ {{ {{ {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }} }} }}",
        f"SELECT * WHERE {{ ?a ?b ?c OPTIONAL {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}",
        f"SELECT * WHERE {{ {{ ?a ?b ?c }} UNION {{ SERVICE SILENT <{url}> {{ ?s ?p ?o }} }} }}",
        f"SELECT * WHERE {{ ?a ?b ?c MINUS {{ SERVICE <{url}> {{ ?a ?b ?c }} }} }}",
        f"ASK {{ FILTER EXISTS {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}",
        f"SELECT * WHERE {{ {{ SELECT ?s WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }} }}",
        f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"DESCRIBE ?s WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        # a prefixed name escape and a string that looks closed
        f"PREFIX ex: <http://example.org/>\nSELECT * WHERE {{ ex:a\\' SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ BIND('\\'' AS ?q) SERVICE <{url}> {{ ?s ?p ?o }} }}",
    ]


def _update_payloads(url: str) -> list[str]:
    return [
        f"LOAD <{url}x.ttl>",
        f"load silent <{url}x.ttl> into graph <http://example.org/g>",
        # the same quoting trick, for LOAD
        f"DELETE {{ ?s ?p ?o }} WHERE {{ FILTER('!'<'>') }} ; LOAD <{url}x.ttl> ; "
        f"INSERT DATA {{ <http://a/b> <http://a/c> 'x' }}",
        f"INSERT DATA {{ <http://a/b> <http://a/c> 'x' }} ;\n# '\nLOAD#\n<{url}x.ttl>",
        f"\\u004cOAD <{url}x.ttl>",
        f"INSERT {{ ?s ?p ?o }} WHERE {{ FILTER('!'<'>') SERVICE <{url}> {{ ?s ?p ?o }} }}",
    ]


@pytest.mark.parametrize("index", range(21))
def test_sandbox_service_refused_on_the_parse(endpoints, listener, index):
    ro, _ = endpoints
    query = _payloads(f"http://127.0.0.1:{listener.port}/")[index]
    r = httpx.post(ro + "/sparql", data={"query": query}, timeout=30)
    assert r.status_code == 400 and r.text.startswith("[E062]"), (query, r.status_code, r.text)
    assert listener.hits == []


@pytest.mark.parametrize("index", range(6))
def test_sandbox_load_refused_on_the_parse(endpoints, listener, index):
    _, rw = endpoints
    update = _update_payloads(f"http://127.0.0.1:{listener.port}/")[index]
    r = httpx.post(rw + "/sparql", content=update, headers={"Content-Type": "application/sparql-update"},
                   timeout=30)
    assert r.status_code == 400 and r.text[:6] in ("[E065]", "[E062]"), (update, r.status_code, r.text)
    assert listener.hits == []


def test_sandbox_bypass_is_seen_by_the_parse_not_by_the_old_scan(listener):
    """The reported payload: the old textual scan misses it, the parse tree has it."""
    query = _payloads(f"http://127.0.0.1:{listener.port}/")[0]
    assert keywords_in_text(query) == set()
    assert refused_operations(query, "query") == ({"SERVICE"}, True)


def test_sandbox_worker_has_no_network(listener):
    """Even a SERVICE that reached Oxigraph cannot connect from a worker."""
    store = ox.Store()
    query = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{listener.port}/> {{ ?s ?p ?o }} }}"

    def federate(store: ox.Store, text: str) -> int:
        return len(list(store.query(text)))

    with pytest.raises(EndpointError) as caught:
        run_forked(federate, (store, query), timeout=10, on_timeout=EndpointError(503, "timeout"))
    assert caught.value.status == 500 and "not permitted" in str(caught.value)
    assert listener.hits == []


def test_sandbox_the_listener_does_hear_a_connection(listener):
    """Control: the listener records a connection when one is made (from the test process)."""
    before = len(listener.hits)
    with socket.create_connection(("127.0.0.1", listener.port), timeout=2) as s:
        s.sendall(b"hello")
    for _ in range(50):
        if len(listener.hits) > before:
            break
        threading.Event().wait(0.05)
    assert listener.hits[before:] == [b"hello"]
    del listener.hits[before:]


def test_sandbox_plain_queries_still_run(endpoints):
    ro, _ = endpoints
    query = "SELECT * WHERE { ?s ?p 'SERVICE' . ?s ?p <http://example.org/LOAD> } # SERVICE"
    assert httpx.get(ro + "/sparql", params={"query": query}).status_code == 200


def test_sandbox_brace_bomb_does_not_kill_the_server(endpoints):
    """3,000 nested braces, as a query and as an update: an error reply, then the server still answers."""
    ro, rw = endpoints
    bomb = "{" * 3000 + "?s ?p ?o" + "}" * 3000
    r = httpx.post(ro + "/sparql", data={"query": "SELECT * WHERE " + bomb}, timeout=60)
    assert r.status_code in (400, 500, 503)
    r = httpx.post(rw + "/sparql", data={"update": "INSERT { ?s ?p ?o } WHERE " + bomb}, timeout=60)
    assert r.status_code in (400, 500, 503)
    assert httpx.get(ro + "/health").status_code == 200
    assert httpx.get(rw + "/health").json()["triples"] > 100


def _fuzzed_services(n: int, seed: int = 14) -> list[str]:
    """``n`` random SERVICE queries: mixed case, codepoint escapes, comments and line breaks between tokens,
    confusing strings and comparisons before, nested groups around, IRI, prefixed name or variable."""
    import random

    rnd = random.Random(seed)
    confusers = ["FILTER('!'<'>')", 'FILTER("!"<">")', "FILTER('''a'b'''<'>')", "BIND('\\'' AS ?q)",
                 "FILTER(?x<?y)", "?s <http://e.org/p'> ?o .", "FILTER(<x:a> != <x:b>)", ""]

    def keyword(word: str) -> str:
        letters = [c.upper() if rnd.random() < 0.5 else c.lower() for c in word]
        if rnd.random() < 0.3:
            i = rnd.randrange(len(letters))
            letters[i] = rnd.choice(["\\u%04X", "\\U%08X"]) % ord(letters[i])
        return "".join(letters)

    def gap() -> str:
        return rnd.choice([" ", "\n", "\t", " # ' \" SERVICE\n", "#}\n", "  \r\n "])

    out = []
    for _ in range(n):
        endpoint, prologue = rnd.choice([
            ("<http://127.0.0.1:9/>", ""),
            ("ex:svc", "PREFIX ex: <http://127.0.0.1:9/>\n"),
            ("?e", ""),
        ])
        values = "VALUES ?e { <http://127.0.0.1:9/> }" if endpoint == "?e" else ""
        silent = keyword("silent") + gap() if rnd.random() < 0.3 else ""
        inner = f"{keyword('service')}{gap()}{silent}{endpoint}{gap()}{{ ?s ?p ?o }}"
        for _ in range(rnd.randrange(4)):
            inner = rnd.choice(["{{ {} }}", "OPTIONAL {{ {} }}", "{{ ?a ?b ?c }} UNION {{ {} }}",
                                "FILTER EXISTS {{ {} }}", "MINUS {{ {} }}"]).format(inner)
        out.append(f"{prologue}{keyword('select')} * {keyword('where')} {{ {values} {rnd.choice(confusers)}"
                   f"{gap()}{inner}{gap()}{rnd.choice(confusers)} }}")
    return out


def test_sandbox_fuzzed_services_are_all_refused():
    """300 generated obfuscations: each is refused, as SERVICE when the grammar parses it, else as unverifiable
    (outside a worker; inside one the query would run without network)."""
    from kg.server.sandbox import check_safe

    codes = Counter()
    for query in _fuzzed_services(300):
        with pytest.raises(EndpointError) as caught:
            check_safe(query)
        codes[str(caught.value)[:6]] += 1
    assert set(codes) <= {"[E062]", "[E079]"} and codes["[E062]"] >= 290, codes


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { ?s <http://example.org/service> ?o }",
    "PREFIX service: <http://example.org/>\nSELECT * WHERE { ?s service:load ?o }",
    "SELECT ?service WHERE { ?service ?p 'LOAD <http://x/>' }",
    "SELECT * WHERE { ?s ?p ?o FILTER(?o < 3 && ?o > 1) } # SERVICE <http://x/>",
])
def test_sandbox_plain_words_are_no_service(query):
    from kg.server.sandbox import check_safe

    assert refused_operations(query, "query") == (set(), True)
    check_safe(query)
