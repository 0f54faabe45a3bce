"""The ``/query`` page of ``kg serve`` (YASGUI, served from the package) and the SPARQL service description.

YASGUI comes from the npm package ``@zazuko/yasgui`` (MIT), vendored in
``kg/viewer/yasgui/`` (see its ``LICENSE.txt``) and served by the same server
at ``/assets/``: the page loads nothing from another host. Its prefix and
variable autocompletion work offline; the class and property autocompleters,
which ask lov.linkeddata.es, are switched off.
"""
from __future__ import annotations

import functools
import html
import json
from importlib import resources
from pathlib import Path

from ..vocab import PREFIXES

__all__ = ["ASSETS", "EXAMPLE_QUERY", "asset", "example_queries", "yasgui_page", "service_description"]

#: The default query: distinct rows, since the default graph is the union of every article's graph.
EXAMPLE_QUERY = """SELECT DISTINCT ?person ?title ?where WHERE {
  ?p nkg:holdsPost ?post ; rdfs:label ?person .
  ?post nkg:title ?title ; nkg:postIn/rdfs:label ?where .
} ORDER BY ?person LIMIT 50"""

#: Files served under /assets/: name -> (file in kg/viewer, media type).
ASSETS = {"yasgui.min.js": ("yasgui/yasgui.min.js", "text/javascript; charset=utf-8"),
          "yasgui.min.css": ("yasgui/yasgui.min.css", "text/css; charset=utf-8"),
          "query.js": ("query.js", "text/javascript; charset=utf-8")}


@functools.lru_cache(maxsize=None)
def asset(name: str) -> tuple[bytes, str] | None:
    """The bytes and media type of a served asset, or None if ``name`` is not one."""
    if name not in ASSETS:
        return None
    path, media = ASSETS[name]
    return (resources.files("kg") / "viewer" / path).read_bytes(), media


def example_queries() -> list[dict[str, str]]:
    """``queries/*.rq`` of the repository (title from the first comment line), after the default query."""
    from ..resources import ROOT

    out = [{"title": "Officials, their posts and where", "query": EXAMPLE_QUERY}]
    folder = Path(ROOT) / "queries"
    for path in sorted(folder.glob("*.rq")) if folder.is_dir() else []:
        text = path.read_text(encoding="utf-8")
        first = text.splitlines()[0] if text else ""
        title = first.lstrip("# ").rstrip(".") if first.startswith("#") else path.stem.replace("_", " ")
        out.append({"title": title, "query": text})
    return out


def yasgui_page(plain_form: str) -> str:
    """The query page: example buttons, the YASGUI editor and result views, and ``plain_form``
    (the script-free form) for browsers without JavaScript."""
    examples = example_queries()
    buttons = "".join(f"<button type=button class=nkg-example data-index={i}>{html.escape(e['title'])}</button>"
                      for i, e in enumerate(examples))
    config = json.dumps({"endpoint": "/sparql", "examples": examples,
                         "prefixes": PREFIXES}, ensure_ascii=False).replace("<", "\\u003c")
    return ("<!doctype html><html lang=en><head><meta charset=utf-8><title>SPARQL query - newskg</title>"
            "<meta name=viewport content='width=device-width,initial-scale=1'>"
            "<link rel=icon href='data:,'><link rel=stylesheet href='/assets/yasgui.min.css'>"
            "<style>body{margin:0;font:14px/1.4 system-ui,sans-serif;color:#1c2833}"
            "header{background:#1a3a6b;padding:8px 16px}header a{color:#fff;margin-right:16px;text-decoration:none}"
            "main{padding:8px 16px}h1{font-size:20px;margin:6px 0}"
            ".nkg-examples{display:flex;flex-wrap:wrap;gap:6px;margin:6px 0 10px}"
            ".nkg-example{padding:4px 10px;border:1px solid #1f5f9e;border-radius:4px;background:#eef4fa;"
            "color:#1f5f9e;cursor:pointer}.muted{color:#6c7a89}</style></head><body>"
            "<header><a href='/'>newskg</a><a href='/query'>SPARQL query</a><a href='/health'>health</a></header>"
            "<main><h1>SPARQL query</h1>"
            f"<div class=nkg-examples><span class=muted>Examples (one click runs it):</span>{buttons}</div>"
            "<div id=yasgui></div>"
            f"<noscript>{plain_form}</noscript>"
            f"<p class=muted>The endpoint is <code>/sparql</code> (SPARQL 1.1 Protocol; GET it without a query "
            f"for its service description). Predeclared prefixes: "
            f"{', '.join('<code>' + html.escape(p) + ':</code>' for p in PREFIXES)}.</p></main>"
            f"<script id=nkg-query-config type=application/json>{config}</script>"
            "<script src='/assets/yasgui.min.js'></script><script src='/assets/query.js'></script>"
            "</body></html>")


_RESULT_FORMATS = {
    "SPARQL_Results_JSON": "application/sparql-results+json",
    "SPARQL_Results_XML": "application/sparql-results+xml",
    "SPARQL_Results_CSV": "text/csv",
    "SPARQL_Results_TSV": "text/tab-separated-values",
    "Turtle": "text/turtle",
    "N-Triples": "application/n-triples",
    "JSON-LD": "application/ld+json",
}


def service_description(endpoint: str, *, allow_update: bool, triples: int, graphs: int) -> str:
    """A SPARQL 1.1 Service Description of the endpoint at ``endpoint``, in Turtle.

    >>> "sd:endpoint <http://127.0.0.1:8000/sparql>" in service_description(
    ...     "http://127.0.0.1:8000/sparql", allow_update=False, triples=3, graphs=1)
    True
    """
    languages = "sd:SPARQL11Query" + (", sd:SPARQL11Update" if allow_update else "")
    formats = ", ".join(f"<http://www.w3.org/ns/formats/{name}>" for name in _RESULT_FORMATS)
    return f"""@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
@prefix void: <http://rdfs.org/ns/void#> .
@prefix dcterms: <http://purl.org/dc/terms/> .

<{endpoint}> a sd:Service ;
    sd:endpoint <{endpoint}> ;
    dcterms:title "newskg SPARQL endpoint" ;
    sd:supportedLanguage {languages} ;
    sd:resultFormat {formats} ;
    sd:feature sd:UnionDefaultGraph ;
    sd:defaultDataset [
        a sd:Dataset ;
        sd:defaultGraph [ a sd:Graph ; void:triples {triples} ] ;
        dcterms:description "{graphs} named graphs: one per article, plus reference data"
    ] .
"""
