"""Cooperation read from the parse: who works together with whom.

"Hualien City has established sister city relationships with Ulsan in South
Korea, Yonaguni Town in Okinawa ..." gives Hualien City with each partner;
"a meeting among Sukhbaatar, Dornod and Khentii aimags ... on cooperation"
gives every pair. The parties are the subject of the clause that holds the
trigger word (``cooperation_triggers.txt``) and the objects of "with",
"between" and "among" under it; a place a party is "in" is no party.
"""
from __future__ import annotations

import re
from itertools import combinations
from typing import TYPE_CHECKING, Iterator

from ...lexicons import read_lexicon
from ..columns import token_strings
from . import PARTY, any_word_pattern, mention_of, rule, span_text
from .investment import hedged

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_TRIGGERS = frozenset(read_lexicon("cooperation_triggers"))
_PARTNER_PREPS = ("with", "between", "among", "amongst")
_PLURAL_PLACES = frozenset({"aimags", "cities", "provinces", "regions", "states", "counties", "districts",
                            "prefectures", "towns", "municipalities", "oblasts", "governorates", "territories"})
# Every trigger, as letters in a sentence's lower-cased text: a sentence without any has no token to read.
_ANY_TRIGGER = any_word_pattern(_TRIGGERS)
_ENDED = re.compile(r"\b(?:dissolv\w*|terminat\w*|scrap(?:s|ped|ping)?|unwind\w*|broke up|break(?:s|ing)? up|"
                    r"pull(?:s|ed|ing)? out of)\b", re.I)
# Ties that end: "dissolve their alliance", "ended their five-year alliance", "negotiated an end to its alliance"
TIES_ENDED = re.compile(r"\b(?:dissolv\w*|terminat\w*|scrap(?:s|ped|ping)?|cancel\w*|unwind\w*|(?:end(?:s|ed|ing)?|"
                        r"an end to|break(?:s|ing)? up|broke up|pull(?:s|ed|ing)? out of|withdr[ae]w\w* from|exit\w*|"
                        r"quit\w*)\s+(?:the|their|its|a|this|that)\s+(?:[\w-]+\s+){0,2}?(?:alliance|partnership|tie-up|"
                        r"venture|cooperation|collaboration|deal|agreement|contract))\b", re.I)


_HEDGES = frozenset(read_lexicon("hedges"))
_CONDITIONS = frozenset(read_lexicon("conditions"))
_TALKS = frozenset({"talks", "negotiations", "discussions"})
_BOUGHT_OUT = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in read_lexicon("acquisition_words")) + r")\b", re.I)
# a tie two firms or states have or have not, unlike cooperation, which a pledge to cooperate already tells
_TIES = frozenset({"alliance", "tie-up", "tie", "partnership", "venture"})  # "tie-up" is the tokens "tie", "-", "up"


def not_reached(tok: "Token", sent: "Span") -> bool:
    """A tie sought, urged, talked about, possible or conditional, not one the parties have: "Qantas sought a
    tie-up with Air New Zealand", "is in talks with PSA Peugeot Citroen about a possible alliance", "urged Europe
    and the US to build anew their alliance"."""
    if any(c.dep_ == "amod" and c.lower_ in _HEDGES for c in tok.children) or \
            tok.lower_ in _TIES and hedged(tok, sent):
        return True
    if any(c.dep_ == "mark" and c.lower_ in _CONDITIONS for c in tok.children):
        return True  # "talks will begin only if the country co-operates fully with the UN": a condition
    node = tok
    for _ in range(7):  # "is in negotiations with Rover and SAIC to take a 20% stake in the joint venture": six up
        if node.lower_ in _TALKS or any(p.dep_ == "prep" and p.lower_ == "in" and c.dep_ == "pobj"
                                        and c.lower_ in _TALKS for p in node.children for c in p.children):
            return True  # "have been engaging in various discussions to enhance cooperation": cooperation talked of
        if node.head.i == node.i:
            break
        node = node.head
    return False


def _conjoined(tok) -> list:
    return sorted([tok, *tok.conjuncts], key=lambda t: t.i)


def _members(noun, spans: list[tuple[int, int, int]]) -> list:
    """The places a plural place noun lists: "Sukhbaatar, Dornod and Khentii aimags of Mongolia" (the names
    before it; "of" names their country), "the cities of Batumi and Brest" (the names after "of"); a name
    after "or" is the same place's other name."""
    named = [t for c in noun.lefts if c.dep_ in ("nmod", "compound", "amod") for t in c.subtree
             if mention_of(t, spans) is not None]
    of = [c for p in noun.rights if p.dep_ == "prep" and p.lower_ == "of" for c in p.children if c.dep_ == "pobj"]
    if named:  # the country "of" names is no member, but what the parse hung on it is
        members = named + [t for c in of for t in c.conjuncts]
        # a second list in apposition ("... Tongliao and Chifeng cities"); "cities of Inner Mongolia" names none
        members += [t for a in noun.rights if a.dep_ == "appos" and any(c.dep_ in ("nmod", "compound") for c in a.lefts)
                    for t in _members(a, spans)]
    else:
        members = [t for c in of for t in _conjoined(c)]
    return [t for t in members if not (t.i > 0 and t.nbor(-1).lower_ == "or")]


def _placed_items(first: Token, sent: Span, mentions: list, spans: list[tuple[int, int, int]]) -> list[Token]:
    """"relationships with Ulsan in South Korea, Yonaguni Town in Okinawa (1982), Albuquerque City in ...": a list of
    partners each placed "in" a larger place, which the parser hangs on the places or the verb. When the first
    partner is so placed, every later name of its kind that ends right before "in" is a partner too."""
    if not any(c.dep_ == "prep" and c.lower_ == "in" for c in first.children):
        return []
    own = mention_of(first, spans)
    if own is None:
        return []
    items = []
    for k in range(first.i + 1, sent.end - 1):
        tok = sent.doc[k]
        i = mention_of(tok, spans) if sent.doc[k + 1].lower_ == "in" else None
        if i is not None and i != own and mentions[i].cls == mentions[own].cls and mentions[i].end == tok.idx + len(tok):
            items.append(tok)
    return items


def _joint(tok) -> bool:
    """A thing made together: "a joint project between A and B", "teamed up to set up a joint research center"."""
    return tok.tag_.startswith("NN") and any(c.dep_ == "amod" and c.lower_ == "joint" for c in tok.lefts)


def _agents(subject) -> list:
    """The signers of a deal that is the subject: "a document concluded by Sakhalin region and Haryana covered
    cooperation"."""
    return [t for acl in subject.children if acl.dep_ == "acl" for by in acl.children if by.dep_ == "agent"
            for o in by.children if o.dep_ == "pobj" for t in _conjoined(o)]


def _clause(tok):
    """The verb that governs ``tok`` ("established" for "sister city relationships")."""
    node = tok
    for _ in range(6):
        if node.pos_ in ("VERB", "AUX") or node.tag_.startswith("VB") or node.dep_ == "ROOT":
            return node
        node = node.head
    return node


@rule("cooperation-parse", kind="cooperation", confidence=0.65, level="sentence")
def cooperation_from_parse(sent: "Span", mentions: list, spans: list[tuple[int, int, int]]) -> Iterator[dict]:
    """Raw cooperation facts of one sentence (a spaCy ``Span``); ``spans`` maps characters to mentions."""
    s_text = span_text(sent)
    if not _ANY_TRIGGER.search(s_text.lower()) and "joint" not in s_text.lower():
        return  # most sentences: tested first, the patterns below need not run
    if _ENDED.search(s_text) or TIES_ENDED.search(s_text):
        return  # "agreed to dissolve their alliance": ties that end are no cooperation
    told: list[tuple[int, list[tuple[int, int]], set]] = []  # (trigger's offset, its pairs, their keys)
    lowers, tags = token_strings(sent.doc, "lower"), token_strings(sent.doc, "tag")
    joint = "joint" in lowers[sent.start:sent.end]  # _joint needs the word (a child of the noun, in its sentence)
    for tok in [sent.doc[i] for i in range(sent.start, sent.end)
                if lowers[i] in _TRIGGERS or joint and tags[i].startswith("NN")]:
        if tok.lower_ not in _TRIGGERS and not _joint(tok):
            continue
        if not_reached(tok, sent):
            continue  # "Qantas sought a tie-up with Air New Zealand"
        if tok.dep_ == "compound" and mention_of(tok.head, spans) is not None and _BOUGHT_OUT.search(s_text):
            continue  # "agreed a compensation package with partner Mitsubishi Motors which will see it buy out its
            # stake in Fuso": "partner" only names a party of a buy-out, a tie that ends
        verb = _clause(tok)
        chain = [tok]
        node = tok
        while node.i != verb.i and node.head.i != node.i:
            node = node.head
            chain.append(node)
        partners = []
        among = False  # "a meeting among A, B and C": the listed parties cooperate with one another
        for holder in chain:
            for prep in holder.children:
                if prep.dep_ == "prep" and prep.lower_ in _PARTNER_PREPS:
                    for obj in prep.children:
                        if obj.dep_ == "pobj":
                            partners += _conjoined(obj) + _placed_items(obj, sent, mentions, spans)
                            among = among or prep.lower_ in ("among", "amongst", "between")
        subjects = []
        for v in (verb, verb.head if verb.dep_ in ("xcomp", "conj", "advcl") else None):
            if v is None:
                continue
            for child in v.children:
                if child.dep_ in ("nsubj", "nsubjpass"):
                    subjects += _conjoined(child) + _agents(child)
            if subjects:
                break
        def parties(tokens) -> list[int]:
            found = []
            tokens = [m for t in tokens for m in ([t] if t.lower_ not in _PLURAL_PLACES else _members(t, spans))]
            for t in tokens:
                i = mention_of(t, spans)
                if i is not None and mentions[i].cls in PARTY and i not in found:
                    found.append(i)
            return found

        subj, part = parties(subjects), parties(partners)
        if len(subj) == 1 and not part and tok.dep_ == "pobj" and tok.head.head.i == verb.i and tok.head.i < verb.i:
            # "Through this partnership, Singapore will support Andhra Pradesh": the clause's object is the partner
            part = parties([t for c in verb.children if c.dep_ == "dobj" for t in _conjoined(c)])
        if among and len(part) >= 2:
            pairs = list(combinations(part, 2))
        elif subj and part:
            pairs = [(a, b) for a in subj[:1] for b in part]
            if len(subj) > 1 and len(part) == 1:
                pairs = [(a, part[0]) for a in subj]
        elif len(part) >= 2:
            pairs = list(combinations(part, 2))  # "between A and B", "among A, B and C"
        elif len(subj) >= 2:
            pairs = list(combinations(subj, 2))  # "A and B will cooperate"
        else:
            continue
        pairs = [(a, b) for a, b in pairs if mentions[a].key != mentions[b].key]
        if pairs:
            told.append((tok.idx, pairs, {frozenset((mentions[a].key, mentions[b].key)) for a, b in pairs}))
    # each trigger's sectors follow it, up to the next trigger with parties of its own ("A and B agreed to
    # cooperate in X, while a document concluded by C and D covered cooperation in Y")
    for n, (at, pairs, keys) in enumerate(told):
        upto = next((later for later, _, other in told[n + 1:] if other != keys), sent.end_char)
        sectors = [i for i, m in enumerate(mentions) if m.cls == "Sector" and at < m.start < upto
                   and sent.start_char <= m.start < sent.end_char]
        for a, b in pairs:
            yield {"rel": "cooperation", "parties": [a, b], "sectors": sectors, "rule": "cooperation-parse",
                   "confidence": 0.65}
