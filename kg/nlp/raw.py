"""Raw facts: what the rules find in a Doc, naming mentions by index, one dataclass per fact kind.

The ``nkg_facts`` component keeps them as plain dicts in ``doc._`` (they cross
process boundaries as msgpack, see STYLE.md); :func:`raw_fact` reads such a
dict back into its typed form, and :func:`kg.extract.extract` works on those.

>>> raw_fact({"rel": "post", "person": 0, "title": "mayor", "of": 2, "rule": "post-apposition",
...           "confidence": 0.85, "at": 10}).title
'mayor'
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Union

Values = tuple[tuple[float, str, str], ...]  # (amount, ISO 4217 code, text as written)


@dataclass(frozen=True)
class RawFact:
    """What every raw fact carries: the rule that made it and where it was told."""

    rule: str
    confidence: float
    at: int  # offset of its evidence sentence in the article text
    also_at: tuple[int, ...] = ()  # sentences that retold it, folded in
    rules: tuple[str, ...] = ()  # document-level rules that amended it


@dataclass(frozen=True)
class RawPost(RawFact):
    """A person holds a post: title, and the body or place it is of."""
    person: int = -1
    title: str = ""
    of: int | None = None


@dataclass(frozen=True)
class RawLocatedIn(RawFact):
    """A place lies in a larger one."""
    place: int | None = None
    container: int = -1
    place_anaphor: str | None = None  # "the hub in ...": the article's place of this class


@dataclass(frozen=True)
class RawCooperation(RawFact):
    """Parties cooperate, in the sectors named."""
    parties: tuple[int, ...] = ()
    sectors: tuple[int, ...] = ()
    anaphor: str | None = None  # "the state will strengthen cooperation with Japan"


@dataclass(frozen=True)
class RawEvent(RawFact):
    """Where and when an event took place, and what it was part of."""
    event: int = -1
    held_in: int | None = None
    held_in_anaphor: str | None = None
    date: str | None = None
    part_of: int | None = None
    several_days: bool = False  # "the five-day expo", "on April 26-27": its date is its first day of several


@dataclass(frozen=True)
class RawAgreement(RawFact):
    """A signing: parties, count, values, occasion, date and sectors."""
    parties: tuple[int, ...] = ()
    count: int | None = None
    values: Values = ()
    signed_at: int | None = None
    date: str | None = None
    sectors: tuple[int, ...] = ()
    one_each: bool = False  # "deals with two airlines - A and B": one deal with each
    signer_anaphor: str | None = None  # "the state signed ...": the article's place of this class signed
    partner_named: bool = False  # "signed ... with Tata": a partner is named in the sentence
    acquisition: bool = False  # "a deal to acquire a 51 % stake": a purchase, not a partnership


@dataclass(frozen=True)
class RawInvestment(RawFact):
    """An investment flow or stock: investor, target, projects and values."""
    investor: int | None = None
    target: int | None = None
    projects: int | None = None
    values: Values = ()
    home_target: bool = False  # "committed to invest ...": a pledge to the article's own place
    target_anaphor: str | None = None  # "... in the state": the class of that place


AnyRawFact = Union[RawPost, RawLocatedIn, RawCooperation, RawEvent, RawAgreement, RawInvestment]

KINDS: dict[str, type] = {"post": RawPost, "locatedIn": RawLocatedIn, "cooperation": RawCooperation,
                          "event": RawEvent, "agreement": RawAgreement, "investment": RawInvestment}
# dict keys the rules write -> dataclass fields, where they differ
_FIELDS = {"in": "container", "placeAnaphor": "place_anaphor", "heldIn": "held_in",
           "heldInAnaphor": "held_in_anaphor", "partOf": "part_of", "signedAt": "signed_at",
           "signerAnaphor": "signer_anaphor", "partnerNamed": "partner_named", "homeTarget": "home_target",
           "targetAnaphor": "target_anaphor", "severalDays": "several_days"}
_TUPLES = {"also_at", "rules", "parties", "sectors"}


def raw_fact(d: dict) -> AnyRawFact:
    """The typed form of a raw fact dict (unknown keys, such as a rule's notes, are dropped)."""
    cls = KINDS[d["rel"]]
    names = {f.name for f in dataclasses.fields(cls)}
    kwargs = {}
    for key, value in d.items():
        name = _FIELDS.get(key, key)
        if name not in names:
            continue
        if name in _TUPLES:
            value = tuple(value)
        elif name == "values":
            value = tuple(tuple(v) for v in value)
        kwargs[name] = value
    return cls(**kwargs)


def kind_of(fact: AnyRawFact) -> str:
    """The fact kind's name ("post", "agreement" ...)."""
    return next(k for k, cls in KINDS.items() if type(fact) is cls)


__all__ = ["RawFact", "RawPost", "RawLocatedIn", "RawCooperation", "RawEvent", "RawAgreement", "RawInvestment",
           "AnyRawFact", "KINDS", "raw_fact", "kind_of"]
