"""The HTML pages of ``kg serve``: the query page, entity pages, the entity list and the explorer.

Split from :mod:`kg.server.serve`, which wires these pages to routes and requests; they
read the graph and render HTML.
"""
from __future__ import annotations

import html
import json
import logging
import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING
from urllib.parse import quote, urlsplit

import pyoxigraph as ox

from ..errors import EndpointError, Errors
from ..graph import KnowledgeGraph
from ..schema import FACT_KINDS
from ..vocab import ID_IRI, PREFIXES

if TYPE_CHECKING:
    from .query_runner import Answer

log = logging.getLogger("kg.server.serve")


_CSS = """
body{font:15px/1.45 system-ui,sans-serif;margin:0;color:#222}
header{background:#234;color:#fff;padding:.5em 1em}header a{color:#fff;margin-right:1em}
main{padding:1em 1.5em;max-width:70em}h1{margin-top:.2em}
table{border-collapse:collapse;font-size:14px}td,th{border:1px solid #ccc;padding:.2em .5em;
vertical-align:top;text-align:left}th{background:#eef}
textarea{width:100%;font:13px monospace}blockquote{margin:.3em 0 .3em 1em;color:#444;
border-left:3px solid #9ab;padding-left:.6em}.fact{border:1px solid #ddd;border-radius:4px;
padding:.4em .8em;margin:.6em 0}.muted{color:#777;font-size:13px}.error{color:#a00}
dl{display:grid;grid-template-columns:max-content auto;gap:.1em 1em;margin:.3em 0}dd{margin:0}
"""


def esc(value: object) -> str:
    """HTML-escape anything (quotes too, so it is safe in attributes).

    >>> esc('<a href="x">')
    '&lt;a href=&quot;x&quot;&gt;'
    """
    return html.escape(str(value), quote=True)


def page(title: str, body: str) -> str:
    """A whole HTML page with the site's header; ``body`` must already be escaped."""
    return (f"<!doctype html><html lang=en><head><meta charset=utf-8><title>{esc(title)}</title>"
            f"<meta name=viewport content='width=device-width,initial-scale=1'>"
            f"<style>{_CSS}</style></head><body><header><a href='/'>newskg</a>"
            f"<a href='/query'>SPARQL query</a><a href='/health'>health</a></header>"
            f"<main>{body}</main></body></html>")


def entity_path(iri: str) -> str | None:
    """The site path of an entity IRI, or None for IRIs that are not ours.

    >>> entity_path("https://w3id.org/newskg/id/place/qingdao")
    '/entity/place/qingdao'
    """
    if not iri.startswith(ID_IRI):
        return None
    return "/entity/" + quote(iri[len(ID_IRI):], safe="/")


def iri_link(iri: str, label: str | None = None) -> str:
    """A link for an IRI: our entities go to their page, web IRIs out, others are text."""
    text = esc(label or iri)
    path = entity_path(iri)
    if path:
        return f"<a href='{esc(path)}' title='{esc(iri)}'>{text}</a>"
    if urlsplit(iri).scheme in ("http", "https"):
        return f"<a href='{esc(iri)}'>{text}</a>"
    return text


_EXAMPLE_QUERY = """SELECT DISTINCT ?person ?title ?where WHERE {
  ?p nkg:holdsPost ?post ; rdfs:label ?person .
  ?post nkg:title ?title ; nkg:postIn/rdfs:label ?where .
} ORDER BY ?person LIMIT 50"""

_FORMAT_CHOICES = ["html", "json", "xml", "csv", "tsv", "turtle", "nt", "jsonld"]


def query_page(sparql: str = _EXAMPLE_QUERY, result_html: str = "") -> str:
    """The query form (plain HTML, no script) and, below it, the last result."""
    options = "".join(f"<option>{f}</option>" for f in _FORMAT_CHOICES)
    prefixes = ", ".join(f"<code>{esc(p)}:</code>" for p in PREFIXES)
    body = (f"<h1>SPARQL query</h1><form method=post action='/sparql'>"
            f"<textarea name=query rows=12>{esc(sparql)}</textarea>"
            f"<p>Answer as <select name=format>{options}</select> <button>Run</button></p></form>"
            f"<p class=muted>Predeclared prefixes: {prefixes}. The endpoint is "
            f"<code>/sparql</code> (SPARQL 1.1 Protocol).</p>{result_html}")
    return page("SPARQL query", body)


def answer_html(answer: Answer) -> str:
    """An answer (SPARQL JSON results, or Turtle) as an HTML table or listing."""
    if answer.kind == "graph":
        return f"<h2>Triples</h2><pre>{esc(answer.body.decode('utf-8'))}</pre>"
    data = json.loads(answer.body)
    if answer.kind == "boolean":
        return f"<h2>Answer</h2><p><b>{str(data['boolean']).lower()}</b></p>"
    names = data["head"]["vars"]
    rows = data["results"]["bindings"]
    head = "".join(f"<th>{esc(n)}</th>" for n in names)
    cells = ("<tr>" + "".join(f"<td>{_term_cell(row.get(n))}</td>" for n in names) + "</tr>"
             for row in rows)
    return (f"<h2>{len(rows)} row{'s' if len(rows) != 1 else ''}</h2>"
            f"<table><tr>{head}</tr>{''.join(cells)}</table>")


def _term_cell(term: dict | None) -> str:
    if term is None:
        return ""
    if term["type"] == "uri":
        return iri_link(term["value"])
    if term["type"] == "bnode":
        return esc("_:" + term["value"])
    if term["type"] == "literal":
        lang = f" <span class=muted>@{esc(term['xml:lang'])}</span>" if "xml:lang" in term else ""
        return esc(term["value"]) + lang
    return esc(json.dumps(term["value"]))


def entity_list_html(graph: KnowledgeGraph) -> str:
    """Fallback explorer when ``kg.view`` is not available: entities by class, linked."""
    groups: dict[str, list[dict]] = {}
    for entity in graph.entities():
        groups.setdefault(entity["class"], []).append(entity)
    sections = "".join(
        f"<h2>{esc(cls)} ({len(items)})</h2><ul>"
        + "".join(f"<li>{iri_link(e['iri'], e['label'])}</li>" for e in items) + "</ul>"
        for cls, items in sorted(groups.items()))
    intro = (f"<p>{len(graph)} triples in {len(graph.articles())} article graphs. "
             f"Ask anything at <a href='/query'>/query</a> or <code>/sparql</code>.</p>")
    return page("newskg", "<h1>newskg</h1>" + intro + (sections or "<p>No entities.</p>"))


# ------------------------------------------------------------------ entity pages
# ``$this`` is replaced by the entity's IRI, checked by ``ox.NamedNode``
# (Oxigraph's substitutions need the variable in the projection, which
# GROUP BY queries cannot give).
_Q_EXISTS = "ASK { $this ?p ?o }"
_Q_CLASSES = "SELECT DISTINCT ?c WHERE { $this a ?c } ORDER BY ?c"
_Q_NAMES = """SELECT DISTINCT ?p ?name WHERE {
  VALUES ?p { rdfs:label skos:altLabel } $this ?p ?name } ORDER BY ?p ?name"""
_Q_REFERENCE = """SELECT DISTINCT ?p ?o WHERE {
  GRAPH ?g { $this ?p ?o } FILTER NOT EXISTS { ?g a nkg:Article } } ORDER BY ?p ?o"""
_Q_RELATIONS = """SELECT ?dir ?p ?o (SAMPLE(?l) AS ?label) ?g (SAMPLE(?h) AS ?headline)
    (SAMPLE(?u) AS ?url) WHERE {
  VALUES ?p { nkg:locatedIn nkg:heldIn nkg:partOf nkg:startDate }
  { GRAPH ?g { $this ?p ?o } BIND("out" AS ?dir) } UNION { GRAPH ?g { ?o ?p $this } BIND("in" AS ?dir) }
  OPTIONAL { ?o rdfs:label ?l } OPTIONAL { ?g schema:headline ?h } OPTIONAL { ?g schema:url ?u }
} GROUP BY ?dir ?p ?o ?g ORDER BY ?p ?dir ?o"""
_Q_FACTS = """SELECT DISTINCT ?f ?kind WHERE {
  VALUES ?kind { nkg:Post nkg:Cooperation nkg:Agreement nkg:Investment }
  ?f a ?kind . { ?f ?role $this } UNION { $this ?role ?f }
} ORDER BY ?f"""
_Q_FACT_PROPS = """SELECT ?dir ?p ?o (SAMPLE(?l) AS ?label) (SAMPLE(?v) AS ?amount)
    (SAMPLE(?c) AS ?currency) WHERE {
  { $this ?p ?o BIND("out" AS ?dir) FILTER(?p NOT IN (rdf:type, nkg:evidence, rdfs:label)) }
  UNION { ?o ?p $this BIND("in" AS ?dir) }
  OPTIONAL { ?o rdfs:label ?l } OPTIONAL { ?o schema:value ?v ; schema:currency ?c }
} GROUP BY ?dir ?p ?o ORDER BY ?p ?o"""
_Q_EVIDENCE = """SELECT DISTINCT ?text ?start ?article ?url ?headline WHERE {
  $this nkg:evidence ?ev . ?ev nkg:text ?text .
  OPTIONAL { ?ev nkg:startChar ?start }
  OPTIONAL { ?ev prov:wasDerivedFrom ?article
             OPTIONAL { ?article schema:url ?url } OPTIONAL { ?article schema:headline ?headline } }
} ORDER BY ?article ?start"""

_PROVENANCE = ("confidence", "rule")
_KIND_TITLES = {k.cls: k.plural for k in FACT_KINDS if k.cls}
_PROP_NAMES = {
    ("out", "locatedIn"): "located in", ("in", "locatedIn"): "contains",
    ("out", "heldIn"): "held in", ("in", "heldIn"): "hosts",
    ("out", "partOf"): "part of", ("in", "partOf"): "has part",
    ("out", "startDate"): "starts", ("in", "holdsPost"): "held by", ("out", "postIn"): "post in",
    ("out", "signedAt"): "signed at", ("out", "projectCount"): "projects",
    ("out", "agreementKind"): "kind", ("out", "sameAs"): "same as", ("out", "lat"): "latitude",
    ("out", "long"): "longitude",
}


def _local(iri: str) -> str:
    return re.split(r"[#/]", iri.rstrip("/#"))[-1]


def _prop_name(direction: str, iri: str) -> str:
    name = _local(iri)
    return _PROP_NAMES.get((direction, name), name if direction == "out" else f"is {name} of")


class EntityPages:
    """Builds ``/entity/...`` pages from SPARQL over the whole graph (union of all graphs)."""

    def __init__(self, graph: KnowledgeGraph) -> None:
        self.graph = graph  # its store is read at each page: an update or a reopened store swaps it

    def render(self, path: str) -> str:
        """The page of ``<ID_IRI + path>``; raises EndpointError(404) when there is no such entity."""
        iri = ID_IRI + path
        try:
            node = ox.NamedNode(iri)
        except ValueError:
            raise EndpointError(404, Errors.E069.format(iri=iri)) from None
        if not self._ask(_Q_EXISTS, node):
            raise EndpointError(404, Errors.E069.format(iri=iri))
        names = self._select(_Q_NAMES, node)
        labels = [r["name"].value for r in names if _local(r["p"].value) == "label"]
        title = labels[0] if labels else _local(iri)
        body = [f"<h1>{esc(title)}</h1><p class=muted>{esc(iri)}</p>",
                self._summary(node, names), self._relations(node), self._facts(node),
                self._mentions(node)]
        return page(title, "".join(body))

    # ---- queries
    def _query(self, sparql: str, node: ox.NamedNode):
        return self.graph.store.query(sparql.replace("$this", str(node)), prefixes=PREFIXES,
                                use_default_graph_as_union=True)

    def _ask(self, sparql: str, node: ox.NamedNode) -> bool:
        return bool(self._query(sparql, node))

    def _select(self, sparql: str, node: ox.NamedNode) -> list[dict]:
        solutions = self._query(sparql, node)
        names = [v.value for v in solutions.variables]
        return [{n: s[n] for n in names} for s in solutions]

    # ---- sections
    def _summary(self, node: ox.NamedNode, names: list[dict]) -> str:
        classes = ", ".join(iri_link(r["c"].value, _local(r["c"].value))
                            for r in self._select(_Q_CLASSES, node))
        rows = [("classes", classes)]
        for prop, heading in (("label", "labels"), ("altLabel", "also known as")):
            values = [esc(r["name"].value) for r in names if _local(r["p"].value) == prop]
            if values:
                rows.append((heading, "; ".join(values)))
        for r in self._select(_Q_REFERENCE, node):
            rows.append((_prop_name("out", r["p"].value), _value_html(r["o"])))
        return _dl(rows)

    def _relations(self, node: ox.NamedNode) -> str:
        items = []
        for r in self._select(_Q_RELATIONS, node):
            source = _article_link(r["g"], r["headline"], r["url"])
            items.append(f"<li>{esc(_prop_name(r['dir'].value, r['p'].value))} "
                         f"{_value_html(r['o'], r['label'])} <span class=muted>({source})</span></li>")
        return f"<h2>Relations</h2><ul>{''.join(items)}</ul>" if items else ""

    def _facts(self, node: ox.NamedNode) -> str:
        by_kind: dict[str, list[str]] = {}
        for r in self._select(_Q_FACTS, node):
            by_kind.setdefault(_local(r["kind"].value), []).append(self._fact_card(r["f"]))
        return "".join(f"<h2>{esc(title)}</h2>{''.join(by_kind[kind])}"
                       for kind, title in _KIND_TITLES.items() if kind in by_kind)

    def _fact_card(self, fact: ox.NamedNode) -> str:
        rows = []
        for r in self._select(_Q_FACT_PROPS, fact):
            value = _value_html(r["o"], r["label"], r["amount"], r["currency"])
            rows.append((_prop_name(r["dir"].value, r["p"].value), value))
        rows.sort(key=lambda row: row[0] in _PROVENANCE)  # what the fact says first, then how sure
        return f"<div class=fact>{_dl(rows)}{self._evidence(fact)}</div>"

    def _evidence(self, node: ox.NamedNode) -> str:
        quotes = [f"<blockquote>{esc(r['text'].value)}<br><span class=muted>"
                  f"{_article_link(r['article'], r['headline'], r['url'])}</span></blockquote>"
                  for r in self._select(_Q_EVIDENCE, node)]
        return "".join(quotes)

    def _mentions(self, node: ox.NamedNode) -> str:
        quotes = self._evidence(node)
        return f"<h2>Mentioned in</h2>{quotes}" if quotes else ""


def _dl(rows: list[tuple[str, str]]) -> str:
    """A definition list; values are HTML already."""
    return "<dl>" + "".join(f"<dt>{esc(k)}</dt><dd>{v}</dd>" for k, v in rows) + "</dl>"


def _value_html(term, label=None, amount=None, currency=None) -> str:
    """A fact value: money as '1,660,000,000 USD', IRIs as links, literals as text."""
    if amount is not None:
        text = f"{_number(amount.value)} {currency.value if currency else ''}".strip()
        return esc(text) + (f" <span class=muted>({esc(label.value)})</span>" if label else "")
    if isinstance(term, ox.NamedNode):
        return iri_link(term.value, label.value if label else None)
    return esc(term.value) if term is not None else ""


def _number(text: str) -> str:
    """A decimal with thousands separators, without a trailing ``.0``.

    >>> _number("1660000000.0")
    '1,660,000,000'
    """
    try:
        value = Decimal(text)
    except InvalidOperation:
        return text
    return f"{value:,.0f}" if value == value.to_integral_value() else f"{value:,}"


def _article_link(article, headline, url) -> str:
    if article is None:
        return ""
    text = headline.value if headline else article.value
    return iri_link(url.value, text) if url else esc(text)


# ------------------------------------------------------------------ app
class Explorer:
    """The ``/`` page, rendered once by ``kg.view`` (imported on first use) and cached."""

    def __init__(self, graph: KnowledgeGraph, render: Callable[[KnowledgeGraph], str] | None) -> None:
        self.graph, self.render = graph, render
        self.cached: str | None = None

    def html(self) -> str:
        """The page, rendered on first use after a change."""
        if self.cached is None:
            self.cached = self._render()
        return self.cached

    def invalidate(self) -> None:
        """Forget the page: the graph changed (an update, a finished build)."""
        self.cached = None

    def _render(self) -> str:
        render = self.render
        if render is None:
            try:
                from ..view import render_remote as render  # asks /explore/... for the rest
            except ImportError as e:
                log.info("kg.view not available (%s); serving the plain entity list", e)
                return entity_list_html(self.graph)
        try:
            return render(self.graph)
        except Exception:  # noqa: BLE001 - a broken viewer must not take the site down
            log.exception("the explorer failed; serving the plain entity list")
            return entity_list_html(self.graph)


