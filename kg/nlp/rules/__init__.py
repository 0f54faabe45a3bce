"""Registered extraction rules: small functions, one fact kind each, found by name.

A rule is registered with its fact kind and confidence::

    @rule("agreement-sectors-told-after", kind="agreement", confidence=0.7)
    def sectors_told_after(state: Discourse) -> Iterator[Amendment]: ...

Document-level rules read the :class:`~kg.nlp.rules.discourse.Discourse` (the
sentences, mentions, facts found so far) and return what they add, never
mutating it; :func:`~kg.nlp.rules.discourse.assemble` applies them in order.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Iterable

from ... import schema
from ..columns import joined_text, token_starts

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

FACT_KINDS = tuple(k.name for k in schema.FACT_KINDS)  # "post", "locatedIn", ... as kg.schema registers them
PLACES = tuple(c for c in schema.subclasses("Place") if c != "Place")  # City, Region, Country, District
# Classes that can be a party to a deal, a cooperation or an investment: places and organisations
PARTY = PLACES + tuple(schema.subclasses("Organization"))


LEVELS = ("sentence", "document", "final")  # final: marks read once every fact is assembled


@dataclass(frozen=True)
class Rule:
    """A registered rule: its name, fact kind, confidence, function and level."""
    name: str
    kind: str
    confidence: float
    func: Callable
    level: str = "document"  # a sentence rule reads one sentence, a document or final rule the Discourse


REGISTRY: dict[str, Rule] = {}


def rule(name: str, *, kind: str, confidence: float, level: str = "document") -> Callable[[Callable], Callable]:
    """Register ``func`` as the rule ``name`` making facts of ``kind`` from a sentence or the document."""
    if kind not in FACT_KINDS:
        raise ValueError(f"rule {name!r}: unknown fact kind {kind!r}; one of {', '.join(FACT_KINDS)}")
    if level not in LEVELS:
        raise ValueError(f"rule {name!r}: unknown level {level!r}; one of {', '.join(LEVELS)}")

    def register(func: Callable) -> Callable:
        if name in REGISTRY:
            raise ValueError(f"rule {name!r} is registered twice")
        REGISTRY[name] = Rule(name, kind, confidence, func, level)
        return func

    return register


def rules_for(kind: str, level: str = "document") -> list[Rule]:
    """The registered rules of one fact kind and level, in registration order."""
    # importing the modules registers their rules
    from . import agreement, cooperation, discourse, implicit, investment, located_in, post  # noqa: F401

    return [r for r in REGISTRY.values() if r.kind == kind and r.level == level]


_TEXT_KEY = "nkg.text"  # doc.user_data key of the Doc's text, kept by doc_text


def doc_text(doc: "Doc") -> str:
    """``doc.text``, kept in the Doc's own ``user_data``: ``Doc.text`` joins every token anew on each read,
    and nkg_mentions and nkg_facts read it many times."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = joined_text(doc)
    return text


def span_text(span: "Span") -> str:
    """``span.text`` (a sentence's, a name's), cut from :func:`doc_text` rather than joined token by token."""
    return doc_text(span.doc)[span.start_char:span.end_char]


def any_word_pattern(words: Iterable[str]) -> re.Pattern[str]:
    """A pattern that finds any of ``words`` as letters in a text ("cooperat" in "cooperation"), the longest one
    where one first starts, as ``"|".join(words, longest first)`` does; written as a tree of the words' shared
    letters ("co(?:llaborat|operat)"), as Python's re tries each alternative at each character of the text.

    >>> any_word_pattern(["sign", "signing", "ink"]).pattern
    '(?:ink|sign(?:ing)?)'
    >>> any_word_pattern(["", "ink"]).pattern
    'ink'
    """
    tree: dict = {}
    for word in filter(None, words):  # an empty word would match everywhere
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def written(node: dict) -> str:
        branches = [re.escape(ch) + written(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return re.compile(written(tree) or r"(?!)")


# Number words a count may be written in ("signed three MoUs", "an agreement").
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}


def mention_of(tok: "Token", spans: list[tuple[int, int, int]]) -> int | None:
    """The mention (by index) a token lies in; ``spans`` holds (start char, end char, index) of each mention."""
    return next((i for start, end, i in spans if start <= tok.idx < end), None)


def mentions_by_token(sent: "Span", spans: list[tuple[int, int, int]]) -> dict[int, int]:
    """Token index -> the mention it lies in, for the tokens of ``sent`` (what :func:`mention_of` gives each),
    made once for a rule that asks of every token."""
    inside = [(start, end, i) for start, end, i in spans if start < sent.end_char and end > sent.start_char]
    owner: dict[int, int] = {}
    starts = token_starts(sent.doc)  # no Token made for each word
    for start, end, i in inside:  # each mention's tokens, found by bisection, not each token tried on each mention
        first, past = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
        for k in range(max(first, sent.start), min(past, sent.end)):
            owner.setdefault(k, i)  # a token in two mentions is the first one's
    return dict(sorted(owner.items()))  # in token order
