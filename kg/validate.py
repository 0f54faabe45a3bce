"""Check a built graph against the contract's SHACL shapes (``ontology/shapes.ttl``).

The shapes judge what the articles say, so only the article named graphs are
validated, merged into one graph (an entity's type may come from one article
and its label from another). Reference data (gazetteer links, the sector
scheme) is left out: it is not extracted and carries no evidence.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import pyoxigraph as ox
from rdflib import Graph

from .resources import ontology_path, shapes_path

if TYPE_CHECKING:
    from .graph import KnowledgeGraph

#: Every triple of every named graph whose name is an nkg:Article.
ARTICLE_UNION = """
CONSTRUCT { ?s ?p ?o }
WHERE { GRAPH ?g { ?g a <https://w3id.org/newskg/ontology#Article> . ?s ?p ?o } }
"""


def article_union(store: ox.Store) -> Graph:
    """The article graphs of ``store`` merged into one rdflib ``Graph``.

    N-Triples is the quickest way across: Oxigraph serialises, rdflib parses.
    """
    data = store.query(ARTICLE_UNION).serialize(format=ox.RdfFormat.N_TRIPLES)
    graph = Graph()
    if data:
        graph.parse(data=data.decode("utf-8"), format="nt")
    return graph


def validate(graph: KnowledgeGraph) -> tuple[bool, str]:
    """Run the SHACL shapes over ``graph``; return (conforms, report text).

    Inference is "none": pyshacl mixes the ontology into the data, so
    ``rdfs:subClassOf`` is already followed by the class targets (see the top
    of ``shapes.ttl``).
    """
    import pyshacl

    shapes = Graph().parse(shapes_path(), format="turtle")
    ontology = Graph().parse(ontology_path(), format="turtle")
    conforms, _, text = pyshacl.validate(article_union(graph.store), shacl_graph=shapes,
                                         ont_graph=ontology, inference="none")
    return bool(conforms), text
