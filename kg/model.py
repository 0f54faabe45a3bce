"""Plain dataclasses passed between the steps: read -> nlp -> extract -> rdf.

Entities and facts refer to each other by entity IRI (a string), so an
:class:`Extraction` is self-contained, picklable and free of RDF.

The class lists below are :mod:`kg.schema`'s, kept here under their old names
for the modules that import them from ``kg.model``; new code reads ``kg.schema``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union

from . import schema

#: Aliases of :mod:`kg.schema`'s class lists (read by :mod:`kg.extract` and :mod:`kg.nlp.mentions`).
PLACE_CLASSES = schema.PLACE_CLASSES
PERSON_CLASSES = schema.PERSON_CLASSES
ORG_CLASSES = schema.ORG_CLASSES
ENTITY_CLASSES = schema.ENTITY_CLASSES


@dataclass(frozen=True)
class Article:
    """One news article as read from the input, before any NLP."""

    iri: str
    text: str
    url: str | None = None
    title: str | None = None
    date: str | None = None  # ISO YYYY-MM-DD
    id: str | None = None
    source: str = ""  # "path" or "path:line", for messages


@dataclass(frozen=True)
class Evidence:
    """A sentence of the article; ``text == article.text[start:end]``."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Money:
    """An amount of money in units of an ISO 4217 currency, as the article wrote it."""

    amount: float  # in units: 1.66 billion is 1660000000.0
    currency: str  # ISO 4217
    text: str = ""


@dataclass(frozen=True)
class Entity:
    """A place, person, organisation, event or sector an article mentions."""

    iri: str
    cls: str  # one of ENTITY_CLASSES
    label: str
    aliases: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Post:
    """A person holds a post (a title), of a place or organisation."""

    person: str
    title: str
    of: str | None
    evidence: tuple[Evidence, ...] = ()
    confidence: float = 0.8
    rule: str = ""


@dataclass(frozen=True)
class LocatedIn:
    """A place lies in a larger one."""

    place: str
    container: str
    evidence: tuple[Evidence, ...] = ()
    confidence: float = 0.8
    rule: str = ""


@dataclass(frozen=True)
class Cooperation:
    """Parties working together, in some sectors."""

    parties: tuple[str, ...]
    sectors: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    confidence: float = 0.7
    rule: str = ""


@dataclass(frozen=True)
class EventInfo:
    """Where, when and within what an event is held."""

    event: str
    held_in: str | None = None
    date: str | None = None  # YYYY-MM-DD or YYYY-MM
    part_of: str | None = None
    evidence: tuple[Evidence, ...] = ()
    confidence: float = 0.7
    rule: str = ""


@dataclass(frozen=True)
class Agreement:
    """Agreements signed between parties: how many, worth what, where, when, in what sectors."""

    parties: tuple[str, ...] = ()
    count: int | None = None
    values: tuple[Money, ...] = ()
    signed_at: str | None = None
    date: str | None = None
    sectors: tuple[str, ...] = ()
    kind: str | None = None  # "MoU", "framework agreement", ...
    evidence: tuple[Evidence, ...] = ()
    confidence: float = 0.7
    rule: str = ""


@dataclass(frozen=True)
class Investment:
    """An investor puts money or projects into a target."""

    investor: str | None = None
    target: str | None = None
    projects: int | None = None
    values: tuple[Money, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    confidence: float = 0.6
    rule: str = ""


Fact = Union[Post, LocatedIn, Cooperation, EventInfo, Agreement, Investment]


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one article."""

    article: Article
    entities: tuple[Entity, ...] = ()
    facts: tuple[Fact, ...] = ()
    warnings: tuple[str, ...] = field(default=())
