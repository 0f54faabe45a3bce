"""Ownership stakes as investments: who holds a share of which company.

"Shanda has bought a 20% stake in Sina", "Fiat had sold GM a stake",
"Ferrari, in which Fiat owns a majority stake", "GM swapped a 6% stake in
itself for 20% of Fiat". A stake bought or held is an investment of the
holder in the company (GUIDELINES: "a stated investment flow or stock").
Only what the text states as done or held counts: "may sell a stake",
"keen on buying a stake" and "plans to take a stake" do not.

The rules read the dependency parse (the verb governing "stake" and its
subject) and the fine-grained tags (``VBD``/``VBN``/``VBZ``/``VBP``: said as
done or held; a bare ``VB`` or ``VBG`` is a plan or a possibility).
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from ..schema import ORG_CLASSES, PLACE_CLASSES
from .columns import token_at
from .mentions import Mention
from .money import find_money

HOLDERS = PLACE_CLASSES + ORG_CLASSES  # places and organisations hold stakes
COMPANIES = ORG_CLASSES
STAKE = re.compile(r"\b(?:stakes?|(?:(?:share)?holding|interest)(?=\s+in\s))\b", re.I)
SIZED = re.compile(r"(?:\d%|\bper ?cent|\bmajority|\bminority|\bcontrolling)\s+(?:\w+\s+)?$", re.I)
BUY = re.compile(r"(?:buy|buys|bought|acquire[sd]?|purchase[sd]?|take|takes|took|taken|hold|holds|held|own|owns|"
                 r"owned|has|had|have|build|builds|built|raise[sd]?|increase[sd]?|boost(?:s|ed)?|lift(?:s|ed)?|"
                 r"up(?:s|ped)?|gets?|got|secure[sd]?)", re.I)
SELL = re.compile(r"(?:sell|sells|sold|transfer(?:s|red)?|hand(?:s|ed)?|offload(?:s|ed)?|give[sn]?|gave|"
                  r"grant(?:s|ed)?|offer(?:s|ed)?)", re.I)
SWAP = re.compile(r"(?:swap(?:s|ped)?|exchange[sd]?|trade[sd]?)", re.I)
# "Turkcell's 70% controlling stake": only words of size between the holder and the stake, not "GM's plan to buy"
POSSESSED = re.compile(r"['’]s\s+(?:(?:\d[\d.,]*%|\d[\d.,]*\s+per\s?cent|majority|minority|controlling|remaining|"
                       r"existing|current|entire|whole|small|large|big|equity|direct|indirect)\s+){0,3}", re.I)
DONE = {"VBD", "VBN", "VBZ", "VBP"}
MODALS = {"may", "might", "could", "would", "should", "will", "can", "shall", "must"}
LEAD = r"(?:[\w&.-]+(?:['’]s)?\s+){0,3}"  # "in Australian winemaker Southcorp", "in India's IPCL"


def _mention_at(mentions: list[Mention], at: int, classes) -> int | None:
    return next((i for i, m in enumerate(mentions) if m.start <= at < m.end and m.cls in classes), None)


def _mention_after(text: str, mentions: list[Mention], at: int, end: int, classes) -> int | None:
    """The mention that ``text[at:]`` reaches through a few lower-case words: "in Australian winemaker Southcorp"."""
    for i, m in enumerate(mentions):
        if at <= m.start < end and m.cls in classes and re.fullmatch(LEAD, text[at:m.start]) \
                and not re.match(r"['’]s\b", text[m.end:m.end + 3]):
            return i
    return None


def _governing_verb(doc: Doc, at: int):
    """The verb "stake" is the object of, through a prepositional phrase or a coordination."""
    i = token_at(doc, at)  # by bisection, not a Token made for each word before it
    tok = doc[i] if i is not None else None
    hops = 0
    while tok is not None and hops < 4 and not tok.tag_.startswith("VB"):
        tok = tok.head if tok.head is not tok else None
        hops += 1
    return tok if tok is not None and tok.tag_.startswith("VB") else None


def _said_as_done(verb) -> bool:
    """"bought", "has bought", "holds": yes; "may sell", "to take", "buying": no."""
    if verb.tag_ not in DONE:
        return False
    return not any((c.dep_ == "aux" and c.text.lower() in MODALS) or c.dep_ == "neg" or
                   (c.dep_ == "mark" and c.text.lower() in ("if", "unless", "whether")) for c in verb.children)


def _subject(verb, mentions: list[Mention], classes) -> int | None:
    """The mention that is the verb's subject, climbing coordinated and auxiliary chains."""
    hops = 0
    while verb is not None and hops < 3:
        for c in verb.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                for t in [c] + list(c.conjuncts):
                    hit = next((i for i, m in enumerate(mentions) if m.start <= t.idx < m.end and m.cls in classes), None)
                    if hit is not None:
                        return hit
                return None
        verb = verb.head if verb.dep_ in ("conj", "xcomp", "ccomp", "advcl") and verb.head is not verb else None
        hops += 1
    return None


def stake_investments(doc: Doc, text: str, mentions: list[Mention], sent: Span) -> list[dict]:
    """Investments stated as stakes in one sentence (mention indices, as the other fact rules give)."""
    s_start, s_end = sent.start_char, sent.end_char
    s_text = text[s_start:s_end]
    out: list[dict] = []
    low = s_text.lower()
    if s_text.isascii() and "stake" not in low and "holding" not in low and "interest" not in low:
        return out  # most sentences: every match of STAKE holds one of the words (the pattern, which opens with
        # \b, would be tried at each character); case folding beyond ASCII is the pattern's own
    seen: set[tuple] = set()

    def add(investor, target, values, rule):
        if investor is None or target is None or mentions[investor].key == mentions[target].key:
            return
        if (investor, target) not in seen:
            seen.add((investor, target))
            out.append({"rel": "investment", "investor": investor, "target": target, "projects": None,
                        "values": values, "rule": rule, "confidence": 0.6})

    money = [(s_start + x.start, x) for x in find_money(s_text)]
    for hit in STAKE.finditer(s_text):
        at, end = s_start + hit.start(), s_start + hit.end()
        if not hit.group(0).lower().startswith("stake") and not SIZED.search(text[max(s_start, at - 30):at]):
            continue  # "interest in", "holding in" only as a share: "a 10% interest in"
        verb = _governing_verb(doc, at)
        possessive = next((i for i, m in enumerate(mentions) if s_start <= m.start < at and m.cls in HOLDERS
                           and POSSESSED.fullmatch(text, m.end, at)), None)
        if possessive is None and (verb is None or not _said_as_done(verb)):
            continue
        # the company the stake is in
        itself = False
        target = None
        into = re.match(r"\s+in\s+", text[end:s_end])
        if into:
            itself = bool(re.match(r"(?:itself|themselves)\b", text[end + into.end():s_end]))
            target = None if itself else _mention_after(text, mentions, end + into.end(), s_end, COMPANIES)
        else:
            which = re.search(r",\s+in which\s+[^,;]*$", text[s_start:at])  # "Ferrari, in which Fiat owns a ... stake"
            if which:
                target = next((i for i, m in enumerate(mentions) if m.end == s_start + which.start()
                               and m.cls in COMPANIES), None)
        values = [(x.amount, x.currency, x.text) for s, x in money if s > end and re.search(
            r"\bfor\s+(?:up to\s+|about\s+|around\s+|some\s+)?$", text[max(s_start, s - 20):s])][:2]
        if possessive is not None:
            add(possessive, target, [], "stake-possessive")
            continue
        word = verb.text
        subject = _subject(verb, mentions, HOLDERS)
        if SWAP.fullmatch(word):
            # "GM swapped a 6% stake in itself for 20% of Fiat": each now holds part of the other
            other = re.search(r"\bfor\s+(?:an?\s+)?(?:\d+(?:\.\d+)?%|[\w-]+ (?:stake|share)s?)\s+(?:of|in)\s+", text[end:s_end])
            partner = _mention_after(text, mentions, end + other.end(), s_end, COMPANIES) if other else None
            add(partner, subject if itself else target, [], "stake-swap")
            add(subject, partner, [], "stake-swap")
        elif BUY.fullmatch(word):
            add(subject, target, values, "stake-held")
        elif SELL.fullmatch(word):
            # "Fiat had sold GM a stake"; "sold a 33% stake to Spain's Ferrovial"
            buyer = next((_mention_at(mentions, t.idx, HOLDERS) for t in verb.children if t.dep_ in ("dative", "iobj")), None)
            to = re.search(r"\bto\s+", text[end:s_end])
            if buyer is None and to:
                buyer = _mention_after(text, mentions, end + to.end(), s_end, HOLDERS)
            named = re.search(r"\b[A-Z][\w&-]*\s+$", text[s_start:at])
            if target is None and named:  # "Jarvis sells Tube stake": a stake in what "Tube" names, not the seller
                target = next((i for i, m in enumerate(mentions) if m.start <= s_start + named.start() < m.end
                               and m.cls in COMPANIES), None)
                if target is None:
                    continue
            if target is not None and buyer is not None and mentions[buyer].cls not in COMPANIES:
                continue  # "sells Tube stake to Spain": the headline's country stands for the firm that buys
            add(buyer, target if target is not None else subject, values, "stake-sold")
    return out
