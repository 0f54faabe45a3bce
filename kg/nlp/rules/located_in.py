"""Located-in read from the parse: what a clause says a place is, and where.

"Ghanzi is a district in western Botswana" puts Ghanzi in Botswana (the
subject of "be", a place noun as its attribute, "in" a place); "Bukhara is
located in the south of Uzbekistan" puts Bukhara in Uzbekistan (the subject of
a verb of lying, ``location_verbs.txt``). The rules yield candidates; the
caller keeps those whose container is the larger place.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ...lexicons import read_lexicon
from ..columns import token_strings
from . import PLACES, mention_of, rule

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_LOCATION_VERBS = frozenset(read_lexicon("location_verbs"))
# the compass words, and the other words for a part of a place: "in the heart of", "in the centre of"
_COMPASS = frozenset(read_lexicon("compass_words")) | {"centre", "center", "heart", "part"}
# what a clause may call a place: "a district", "a port city", "the capital"
_PLACE_WORDS = frozenset({"city", "town", "port", "district", "county", "province", "region", "state", "capital",
                          "village", "municipality", "prefecture", "territory", "island", "area", "zone"})


def _container(prep: "Token") -> "Token | None":
    """The object of "in", through "the south of": "in the south of Uzbekistan" gives Uzbekistan."""
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if obj is not None and obj.lower_ in _COMPASS:
        of = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return obj


@rule("located-in-clause", kind="locatedIn", confidence=0.75, level="sentence")
def located_in_from_parse(sent: "Span", mentions: list, spans: list[tuple[int, int, int]]) -> Iterator[dict]:
    """Raw located-in candidates of one sentence (a spaCy ``Span``); ``spans`` maps characters to mentions."""
    deps = token_strings(sent.doc, "dep")
    for tok in [sent.doc[i] for i in range(sent.start, sent.end) if deps[i] in ("nsubj", "nsubjpass")]:
        place = mention_of(tok, spans)
        if place is None or mentions[place].cls not in PLACES:
            continue
        verb = tok.head
        if verb.lower_ in _LOCATION_VERBS:
            holders = [verb]  # "is located in", "lies in"
        elif verb.lower_ in ("is", "was", "are", "were"):
            holders = [c for c in verb.children if c.dep_ == "attr" and c.lower_ in _PLACE_WORDS]
        else:
            continue
        for holder in holders:
            for prep in holder.children:
                if prep.dep_ != "prep" or prep.lower_ != "in":
                    continue
                obj = _container(prep)
                larger = mention_of(obj, spans) if obj is not None else None
                if larger is not None and larger != place and mentions[larger].cls in PLACES and \
                        mentions[larger].key != mentions[place].key:
                    yield {"rel": "locatedIn", "place": place, "in": larger, "rule": "located-in-clause",
                           "confidence": 0.75}
