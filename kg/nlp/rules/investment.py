"""Investments read from the parse: who puts how much into what.

"Turkish companies have invested $6 billion in Algeria", "Hyundai will pour
Rs 7,000 crore into the state", "Singapore's investment of $2 billion in
Guangzhou": the investor is the subject (or the owner, or the object of "by"
and "from"), the target the object of "in" or "into", the amount the money
the trigger governs. Plans, wishes, conditions, negations and per-unit
amounts ("$40 a head") state no investment (``hedges.txt``).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterator

from ...lexicons import read_lexicon
from . import PARTY, doc_text, mention_of, rule, span_text
from . import PLACES as PLACE

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

INVESTMENT_WORDS = _TRIGGERS = frozenset(read_lexicon("investment_triggers"))
HEDGES = _HEDGES = frozenset(read_lexicon("hedges"))
_NEEDED = _HEDGES | frozenset(read_lexicon("necessities"))  # "it was vital ...": a need, as a complement
_REPORTING = frozenset(read_lexicon("reporting_verbs"))
_PER_UNIT = re.compile(r"^\s*(?:a|an|per|each)\s+(?:head|month|year|week|day|person|share|unit|tonne|ton|barrel)\b", re.I)
_SIGNING = {"signed", "signs", "sign", "inked", "sealed", "signing"}
_PROJECTS = re.compile(r"\b(?P<n>\d[\d,]*)\s+(?:[\w-]+\s+){0,2}?projects\b", re.I)


def hedged(tok: "Token", sent: "Span") -> bool:
    """A trigger under a modal, a negation, a condition or a wish."""
    node = tok
    for _ in range(4):
        reported = node.dep_ == "ccomp" and node.head.lower_ in _REPORTING  # "said it would invest": a plan told
        if any(c.dep_ in ("aux", "neg", "mark") and c.lower_ in _HEDGES | {"not", "n't", "never", "no"}
               and not (reported and c.lower_ == "would") for c in node.children) \
                or node.lower_ in _HEDGES or any(c.dep_ == "neg" for c in node.children) \
                or any(c.dep_ == "acomp" and c.lower_ in _NEEDED for c in node.children):  # "it was vital ..."
            return True
        if node.head.i == node.i:
            break
        node = node.head
    return any(t.lower_ in ("if", "whether", "unless") for t in sent if t.i < tok.i)


def _demonym_owner(tok, mentions: list, demonyms: dict[str, str]) -> int | None:
    """"Turkish companies": the country a demonym names, where the article names it too."""
    for c in tok.children:
        if c.dep_ in ("amod", "compound") and c.text in demonyms:
            country = demonyms[c.text]
            return next((i for i, m in enumerate(mentions) if m.key == country and m.cls == "Country"), None)
    return None


@rule("investment-parse", kind="investment", confidence=0.6, level="sentence")
def investment_from_parse(sent: "Span", mentions: list, spans: list[tuple[int, int, int]], money: list,
                          demonyms: dict[str, str] | None = None) -> Iterator[dict]:
    """Raw investment facts of one sentence; ``money`` holds (doc char offset, MoneyMatch) pairs."""
    for tok in sent:
        if tok.lower_ not in _TRIGGERS or hedged(tok, sent) or tok.dep_ == "compound" or \
                any(c.dep_ == "amod" and c.lower_ in _HEDGES for c in tok.children):
            continue  # "a UK investment banker", "investment funds": a kind of firm, not a flow; "a proposed investment"
        verb = tok.tag_.startswith("VB")
        investor = target = None
        amount = None
        holders = [tok] + ([tok.head] if not verb and tok.dep_ in ("dobj", "pobj", "nsubj", "attr") else [])
        for holder in holders:
            for child in holder.children:
                if child.dep_ == "prep" and child.lower_ in ("in", "into") and target is None:
                    obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                    i = mention_of(obj, spans) if obj is not None else None
                    if i is not None and mentions[i].cls in PARTY:
                        target = i
                elif child.dep_ in ("prep", "agent") and child.lower_ in ("by", "from") and investor is None:
                    obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                    i = mention_of(obj, spans) if obj is not None else None
                    if i is not None and mentions[i].cls in PARTY:
                        investor = i
        if verb:
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if subj is None and tok.dep_ in ("xcomp", "conj", "advcl"):
                subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
            if target is None and tok.dep_ in ("xcomp", "advcl") and tok.head.lower_ in _SIGNING:
                # "signed an MOU with the State of Gujarat to invest ...": in the partner of the deal
                partner = next((o for d in tok.head.subtree if d.dep_ == "prep" and d.lower_ == "with"
                                for o in d.children if o.dep_ == "pobj"), None)
                i = mention_of(partner, spans) if partner is not None else None
                if i is not None and mentions[i].cls in PLACE:
                    target = i
            if subj is not None:
                i = mention_of(subj, spans)
                if i is None:  # "Singapore's companies", "Turkish companies": the owner of the subject
                    i = next((mention_of(c, spans) for c in subj.children if c.dep_ in ("poss", "compound", "amod")
                              and mention_of(c, spans) is not None), None)
                if i is None:
                    i = _demonym_owner(subj, mentions, demonyms or {})
                if i is not None and mentions[i].cls in PARTY and investor is None:
                    investor = i
        else:
            owner = next((c for c in tok.children if c.dep_ in ("poss", "compound")), None)
            i = mention_of(owner, spans) if owner is not None else None
            if i is None and owner is not None:  # "Turkish companies' investments"
                i = mention_of(owner, spans) or _demonym_owner(owner, mentions, demonyms or {})
            if i is None:
                i = _demonym_owner(tok, mentions, demonyms or {})  # "Chinese investment in Kenya"
            if i is not None and mentions[i].cls in PARTY and investor is None:
                investor = i
        if investor is None and target is None or investor == target:
            continue
        subtree_end = max(t.idx + len(t) for t in tok.subtree)
        near = [x for at, x in money if tok.idx - 60 <= at <= max(subtree_end, tok.idx + 80) and at >= sent.start_char
                and at < sent.end_char and not _PER_UNIT.match(doc_text(sent.doc)[at + len(x.text):at + len(x.text) + 20])]
        if near:
            amount = [(x.amount, x.currency, x.text) for x in near[:2]]
        projects = _PROJECTS.search(span_text(sent))
        if amount is None and projects is None:
            continue  # "the investment in the port" names no flow
        yield {"rel": "investment", "investor": investor, "target": target,
               "projects": int(projects.group("n").replace(",", "")) if projects else None,
               "values": amount or [], "rule": "investment-parse", "confidence": 0.6, "verb": verb}
        return  # one investment a sentence; the regex rules handle lists of investors


_OFFERS = re.compile(r"\b(?:invest\w*|offers?|offered|commit\w*|pledg\w*|announc\w*)\b", re.I)


@rule("investment-listed-amounts", kind="investment", confidence=0.55, level="sentence")
def listed_amounts(sent: "Span", mentions: list, money: list) -> Iterator[dict]:
    """"Offers include DP World (3500 crore), RP Group (1000 crore), Lulu group (1500 crore)": each firm
    named with its amount in brackets invests that amount (where it goes, the article says)."""
    if not _OFFERS.search(span_text(sent)):
        return
    text = doc_text(sent.doc)
    for i, m in enumerate(mentions):
        if not (sent.start_char <= m.start < sent.end_char) or m.cls not in ("Company", "Organization", "Country"):
            continue
        bracket = re.match(r"\s*\(\s*", text[m.end:m.end + 4])
        if bracket is None:
            continue
        at = m.end + bracket.end()
        amount = next((x for start, x in money if start == at), None)
        if amount is None:
            continue
        yield {"rel": "investment", "investor": i, "target": None, "projects": None,
               "values": [(amount.amount, amount.currency, amount.text)], "rule": "investment-listed-amounts",
               "confidence": 0.55}
