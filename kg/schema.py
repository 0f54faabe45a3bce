"""The class tree and the registry of fact kinds: what the graph can hold, in one place.

Every other module reads these names instead of writing out its own list: the
RDF writer (:mod:`kg.rdf`) dispatches a fact to the method its kind names, the
Python API
(:mod:`kg.graph`), networkx views (:mod:`kg.analysis`), explorer
(:mod:`kg.view`) and entity pages (:mod:`kg.server.pages`) take classes, labels and
styles from here. ``tests/test_schema.py`` checks every class and property
named here against ``ontology/newskg.ttl``.

Adding a fact kind is one :func:`register` call here (naming its dataclass in
:mod:`kg.model` and thereby its ``fact_<name>`` writer in :mod:`kg.rdf`), its
rules and lexicon, and its ontology terms; see ARCHITECTURE.md.

This module imports nothing of newskg (a fact kind names its :mod:`kg.model`
dataclass, it does not import it), so any step may read it; :mod:`kg.model`
takes its class lists from here.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import Fact

__all__ = ["EntityClass", "FactKind", "ENTITY_CLASSES", "CLASS_TREE", "COARSE", "PLACE_CLASSES",
           "PERSON_CLASSES", "ORG_CLASSES", "PARTY_CLASSES", "VOTE_ORDER", "FACT_KINDS", "FACT_CLASSES",
           "NODE_CLASSES", "CLASS_STYLES", "OTHER_STYLE", "register", "entity_class", "fact_kind", "kind_of",
           "classes_of", "subclasses", "specificity", "superclass", "coarse"]


@dataclass(frozen=True)
class EntityClass:
    """An entity class of the ontology (``nkg:<name>``) and how the front ends show it."""

    name: str  # local name in nkg:, e.g. "City"
    parent: str | None  # the nkg superclass ("Place"), or None for a top class
    coarse: str  # the family extraction merges mentions by ("place"), see kg.extract
    label: str  # for people: "City"
    style: tuple[str, str]  # (vis-network shape, colour) in the explorer
    vote: int = 0  # entity resolution's tie-break within a coarse kind: lower wins, then the order below


# Most specific first: a node typed both ``Official`` and ``Person`` (or, in two
# articles, ``Person`` and ``City``) is shown as the first of them, by the Python
# API, the networkx view and the explorer alike. Order is also the legend's order.
# ``vote``: when entity resolution's vote between places is a tie, the larger place wins.
_ENTITY_CLASSES = (
    EntityClass("Official", "Person", "person", "Official", ("star", "#d62728")),
    EntityClass("Person", None, "person", "Person", ("dot", "#ff9896")),
    EntityClass("City", "Place", "place", "City", ("dot", "#1f77b4"), vote=2),
    EntityClass("Region", "Place", "place", "Region", ("hexagon", "#17becf"), vote=1),
    EntityClass("Country", "Place", "place", "Country", ("square", "#1a3a6b"), vote=0),
    EntityClass("District", "Place", "place", "District", ("triangleDown", "#6baed6"), vote=3),
    EntityClass("Agency", "Organization", "org", "Agency", ("diamond", "#2ca02c")),
    EntityClass("Company", "Organization", "org", "Company", ("square", "#8fbc3f")),
    EntityClass("Organization", None, "org", "Organization", ("triangle", "#00796b")),
    EntityClass("Event", None, "event", "Event", ("star", "#9467bd")),
    EntityClass("Sector", None, "sector", "Sector", ("hexagon", "#e377c2")),
)
#: Abstract classes: never written as an entity's type, only queried through.
_ABSTRACT = {"Place": "place"}

#: The entity classes entities are typed with, most specific first within each family.
ENTITY_CLASSES: tuple[str, ...] = tuple(c.name for c in _ENTITY_CLASSES)
_BY_NAME = {c.name: c for c in _ENTITY_CLASSES}

#: nkg superclass -> its entity subclasses (``"Place" -> ("City", ...)``).
CLASS_TREE: dict[str, tuple[str, ...]] = {}
for _c in _ENTITY_CLASSES:
    if _c.parent:
        CLASS_TREE.setdefault(_c.parent, ())
        CLASS_TREE[_c.parent] += (_c.name,)

#: Entity class -> its coarse kind: mentions of a place typed City in one sentence and
#: Region in another are merged into one entity.
COARSE: dict[str, str] = {c.name: c.coarse for c in _ENTITY_CLASSES}


def classes_of(kind: str) -> tuple[str, ...]:
    """The entity classes of one coarse kind, most specific first.

    >>> classes_of("org")
    ('Agency', 'Company', 'Organization')
    """
    return tuple(c.name for c in _ENTITY_CLASSES if c.coarse == kind)


#: Places (City, Region, Country, District): the subclasses of the abstract ``Place``.
PLACE_CLASSES: tuple[str, ...] = classes_of("place")
#: Persons (Official, Person).
PERSON_CLASSES: tuple[str, ...] = classes_of("person")
#: Organisations (Agency, Company, Organization).
ORG_CLASSES: tuple[str, ...] = classes_of("org")
#: What a party of a cooperation or an agreement, or an investor, may be (the shapes' ranges):
#: a place, an organisation or a person.
PARTY_CLASSES: tuple[str, ...] = PLACE_CLASSES + ORG_CLASSES + PERSON_CLASSES
#: Entity resolution's tie-break between classes of one coarse kind, first wins: ``vote``, then
#: specificity (Country, Region, City, District; Agency, Company, Organization; Official, Person).
VOTE_ORDER: tuple[str, ...] = tuple(c.name for c in sorted(_ENTITY_CLASSES, key=lambda c: c.vote))


@dataclass(frozen=True)
class FactKind:
    """A kind of fact: its dataclass, the node it becomes in RDF and how the front ends show it."""

    name: str  # registry key, as rules name their kind (kg.nlp.rules): "post", "locatedIn"
    dataclass: str  # name of the kg.model dataclass extraction yields: "Post"
    cls: str | None  # ontology class of its own node ("Post"), None when written on entities
    label: str  # "Post"
    plural: str  # "Posts", a heading on entity pages
    style: tuple[str, str] | None  # (shape, colour) of its node in the explorer
    relations: tuple[str, ...]  # nkg object properties it writes between nodes
    attributes: tuple[str, ...] = ()  # nkg properties with literal values

    @property
    def writer(self) -> str:
        """The :class:`kg.rdf.ArticleWriter` method writing it: ``fact_`` and its dataclass's name."""
        return "fact_" + self.dataclass.lower()

    @property
    def properties(self) -> tuple[str, ...]:
        """Every nkg property it may write, provenance included when it has a node."""
        extra = ("evidence", "confidence", "rule") if self.cls else ("evidence",)
        return self.relations + self.attributes + extra


_KINDS: dict[str, FactKind] = {}
_BY_DATACLASS: dict[str, FactKind] = {}


def register(kind: FactKind) -> FactKind:
    """Add a fact kind to the registry (the built-ins go through here too); returns it."""
    if kind.name in _KINDS or kind.dataclass in _BY_DATACLASS:
        raise ValueError(f"fact kind {kind.name!r} is already registered")
    _KINDS[kind.name] = kind
    _BY_DATACLASS[kind.dataclass] = kind
    return kind


register(FactKind("post", "Post", "Post", "Post", "Posts", ("triangleDown", "#f4a259"),
                  relations=("holdsPost", "postIn"), attributes=("title",)))
register(FactKind("locatedIn", "LocatedIn", None, "Located in", "Located in", None,
                  relations=("locatedIn",)))
register(FactKind("cooperation", "Cooperation", "Cooperation", "Cooperation", "Cooperations",
                  ("diamond", "#8c9eb5"), relations=("party", "cooperatesWith", "sector")))
register(FactKind("event", "EventInfo", None, "Event details", "Event details", None,
                  relations=("heldIn", "partOf"), attributes=("startDate",)))
register(FactKind("agreement", "Agreement", "Agreement", "Agreement", "Agreements",
                  ("square", "#ff7f0e"), relations=("party", "signedAt", "sector", "value"),
                  attributes=("count", "date", "agreementKind")))
register(FactKind("investment", "Investment", "Investment", "Investment", "Investments",
                  ("triangle", "#c9a400"), relations=("investor", "target", "value"),
                  attributes=("projectCount",)))

#: Every registered fact kind, in registration order.
FACT_KINDS: tuple[FactKind, ...] = tuple(_KINDS.values())
#: Ontology classes of fact nodes (Post, Cooperation, Agreement, Investment).
FACT_CLASSES: tuple[str, ...] = tuple(k.cls for k in FACT_KINDS if k.cls)
#: Every class a node of the networkx view may have, most specific first.
NODE_CLASSES: tuple[str, ...] = ENTITY_CLASSES + FACT_CLASSES
#: Class -> (vis shape, colour), entities then fact nodes; the explorer's legend.
CLASS_STYLES: dict[str, tuple[str, str]] = {
    **{c.name: c.style for c in _ENTITY_CLASSES},
    **{k.cls: k.style for k in FACT_KINDS if k.cls and k.style},
}
#: The style of a node of any other class.
OTHER_STYLE: tuple[str, str] = ("dot", "#999999")

# Rank for "the most specific class": the order above, an abstract parent after its
# last child.
_RANK: dict[str, int] = {}
for _c in _ENTITY_CLASSES:
    _RANK[_c.name] = len(_RANK)
    if _c.parent in _ABSTRACT and _c.name == CLASS_TREE[_c.parent][-1]:
        _RANK[_c.parent] = len(_RANK)  # an abstract parent right after its last child


def entity_class(name: str) -> EntityClass:
    """The entity class ``name``; ``KeyError`` if there is none.

    >>> entity_class("City").coarse
    'place'
    """
    return _BY_NAME[name]


def fact_kind(name: str) -> FactKind:
    """The registered fact kind ``name`` (``"post"``, as a rule names it); ``KeyError`` if there is none.

    >>> fact_kind("agreement").cls
    'Agreement'
    """
    return _KINDS[name]


def kind_of(fact: Fact) -> FactKind:
    """The registered kind of a fact dataclass instance (by its class's name).

    >>> from kg.model import LocatedIn
    >>> kind_of(LocatedIn("a", "b")).writer
    'fact_locatedin'
    """
    return _BY_DATACLASS[type(fact).__name__]


def subclasses(cls: str) -> list[str]:
    """``cls`` and its entity subclasses.

    >>> subclasses("Place")
    ['Place', 'City', 'Region', 'Country', 'District']
    >>> subclasses("City")
    ['City']
    """
    return [cls, *CLASS_TREE.get(cls, ())]


def superclass(cls: str) -> str | None:
    """The nkg superclass of an entity class, or None.

    >>> superclass("Official")
    'Person'
    """
    c = _BY_NAME.get(cls)
    return c.parent if c else None


def specificity(cls: str) -> int:
    """A rank, lower for more specific classes (``Official`` before ``Person``); unknown last.

    >>> specificity("City") < specificity("Place")
    True
    """
    return _RANK.get(cls, len(_RANK))


def coarse(cls: str) -> str:
    """The coarse kind of an entity or abstract class (``"Region"`` -> ``"place"``)."""
    return COARSE.get(cls) or _ABSTRACT[cls]
