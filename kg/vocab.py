"""The newskg vocabulary (``nkg:``), a closed namespace as rdflib's DefinedNamespace.

``ontology/newskg.ttl`` defines each term; an unknown term raises
``AttributeError`` instead of silently minting a typo. :class:`SCHEMA` and
:class:`GEO` close the few schema.org and WGS84 terms the graph uses (rdflib's
own ``SDO`` is open and its ``WGS`` uses ``https:``). :class:`OxTerms` gives the
same closed namespaces as pyoxigraph ``NamedNode`` objects, for the RDF writer.
"""
from __future__ import annotations

from typing import Any

from pyoxigraph import NamedNode
from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef

NKG_IRI = "https://w3id.org/newskg/ontology#"
SCHEMA_IRI = "https://schema.org/"
PROV_IRI = "http://www.w3.org/ns/prov#"
GEO_IRI = "http://www.w3.org/2003/01/geo/wgs84_pos#"
ID_IRI = "https://w3id.org/newskg/id/"

PREFIXES = {
    "nkg": NKG_IRI,
    "schema": SCHEMA_IRI,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": PROV_IRI,
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "geo": GEO_IRI,
    "id": ID_IRI,
}

SPARQL_PREFIXES = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())


class NKG(DefinedNamespace):
    """The newskg ontology's terms (``ontology/newskg.ttl``); ``tests/test_ontology.py`` holds them equal."""

    _NS = Namespace(NKG_IRI)
    _fail = True

    # classes
    Article: URIRef
    Place: URIRef
    City: URIRef
    Region: URIRef
    Country: URIRef
    District: URIRef
    Person: URIRef
    Official: URIRef
    Organization: URIRef
    Agency: URIRef
    Company: URIRef
    Event: URIRef
    Sector: URIRef
    Post: URIRef
    Cooperation: URIRef
    Agreement: URIRef
    Investment: URIRef
    Evidence: URIRef
    # properties
    holdsPost: URIRef
    title: URIRef
    postIn: URIRef
    locatedIn: URIRef
    party: URIRef
    cooperatesWith: URIRef
    sector: URIRef
    heldIn: URIRef
    startDate: URIRef
    partOf: URIRef
    count: URIRef
    value: URIRef
    signedAt: URIRef
    date: URIRef
    agreementKind: URIRef
    investor: URIRef
    target: URIRef
    projectCount: URIRef
    evidence: URIRef
    text: URIRef
    startChar: URIRef
    endChar: URIRef
    confidence: URIRef
    rule: URIRef
    mentions: URIRef
    isin: URIRef


class SCHEMA(DefinedNamespace):
    """The schema.org terms the graph uses."""

    _NS = Namespace(SCHEMA_IRI)
    _fail = True

    MonetaryAmount: URIRef
    currency: URIRef
    datePublished: URIRef
    headline: URIRef
    identifier: URIRef
    sameAs: URIRef
    url: URIRef
    value: URIRef


class GEO(DefinedNamespace):
    """The WGS84 terms of the reference graph's coordinates."""

    _NS = Namespace(GEO_IRI)
    _fail = True

    lat: URIRef
    long: URIRef


class OxTerms:
    """The terms of a closed rdflib namespace as pyoxigraph nodes, each made once.

    >>> OxTerms(NKG).City.value
    'https://w3id.org/newskg/ontology#City'
    >>> OxTerms(NKG).Cty
    Traceback (most recent call last):
    ...
    AttributeError: term 'Cty' not in namespace 'https://w3id.org/newskg/ontology#'
    """

    def __init__(self, namespace: type[DefinedNamespace]):
        self._namespace = namespace

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        node = NamedNode(str(getattr(self._namespace, name)))  # AttributeError when not defined
        setattr(self, name, node)  # later lookups are a plain attribute read
        return node
