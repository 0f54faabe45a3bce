"""Signings read from the parse: every signing clause of a sentence with its own parties.

"Oman-based Asyad signed an agreement with Saudi Bahri, while Minerals
Development Oman signed a deal with the Kingdom's Maaden Phosphate Co." tells
of two signings, each with two parties. A signing is a verb of
``signing_verbs.txt`` whose object (or passive subject) is an agreement noun of
``agreement_nouns.txt``; its parties are the verb's subject, the objects of
"with", "between" and "among" under the verb or the noun, and the passive's
agent ("signed by A and B"). An owner ("the Kingdom's") is no party; a generic
head ("the governments of A and B") stands for the places it names.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterator

from ...lexicons import read_lexicon
from ..columns import token_strings
from . import NUMBER_WORDS, PARTY, any_word_pattern, doc_text, mention_of, rule, span_text

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_VERBS = frozenset(w for w in read_lexicon("signing_verbs") if " " not in w)
_PHRASAL = {tuple(w.split()) for w in read_lexicon("signing_verbs") if " " in w}  # ("entered", "into")
_SIGNING_NOUNS = frozenset({"signing", "signings"})
_SIGNED_PAPERS = frozenset({"document", "documents"})  # a deal only where the parse shows who signed it
_SINGULAR = {"signing": 1}  # "a signing ceremony between A and B", its deal unnamed: one signed
_SIGNING_WORDS = _VERBS | {v for v, _ in _PHRASAL} | _SIGNING_NOUNS  # every word signing_clauses starts from
# Every signing word of a sentence, as letters in its lower-cased text: one without any has no clause to read.
_ANY_WORD = any_word_pattern(_SIGNING_WORDS)
_NOUN = re.compile(r"(?:" + "|".join(read_lexicon("agreement_nouns")) + r")\b", re.I)
_PARTNER_PREPS = ("with", "between", "among", "amongst")
# heads that stand for the parties they are "of": "the governments of Jiangsu and Macau"
STAND_INS = frozenset({"government", "governments", "authorities", "authority", "leaders", "delegations",
                        "delegation", "representatives", "officials", "city", "cities", "province", "provinces",
                        "state", "states", "region", "regions", "municipality", "county", "counties"})
_NUMBERS = {**NUMBER_WORDS, "thirteen": 13, "fifteen": 15, "twenty": 20}
_TIES = frozenset(w.lower() for w in read_lexicon("relationship_words")) | {"twinning", "twinned"}


def _agreement_noun(tok: "Token", sent: "Span") -> bool:
    """Whether ``tok`` heads a deal noun, read from the noun or from its first modifier ("joint declaration")."""
    if not tok.tag_.startswith("NN"):
        return False
    text = doc_text(sent.doc)
    starts = [tok.idx] + [c.idx for c in tok.lefts if c.dep_ in ("amod", "compound")][:1]
    return any(_NOUN.match(text, at) and _NOUN.match(text, at).end() >= tok.idx + len(tok) for at in starts)


def _conjoined(tok: "Token") -> list["Token"]:
    """``tok`` and its conjuncts, less an owner ("Saudi Arabia's National Aquaculture Group", misparsed as a
    conjunct) and a second name ("National Aquaculture Group, or Naqwa")."""
    return sorted([t for t in (tok, *tok.conjuncts) if t is tok or not (
        any(c.dep_ == "case" for c in t.children) or (t.i > 0 and t.nbor(-1).lower_ == "or"))], key=lambda t: t.i)


def _of_object(tok: "Token", sent: "Span") -> "Token | None":
    """The agreement noun ``tok`` is "of": "the signing of six MoUs", "three of the agreements"."""
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is not None and _agreement_noun(obj, sent):
                return obj
    return None


def _signed_noun(verb: "Token", sent: "Span") -> "Token | None":
    """The agreement noun the verb signs: its object or passive subject ("three of the agreements"), or the noun a
    participle modifies ("a document concluded by Sakhalin region and Haryana")."""
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and (_agreement_noun(verb.head, sent)
                                                       or verb.head.lower_ in _SIGNED_PAPERS):
        return verb.head
    for child in verb.children:
        if child.dep_ == "prep" and (verb.lower_, child.lower_) in _PHRASAL:  # "entered into an MoU"
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None and _agreement_noun(obj, sent):
                return obj
        if child.dep_ in ("dobj", "nsubjpass", "attr", "oprd"):
            if _agreement_noun(child, sent):
                return child
            counted = _of_object(child, sent)  # "three of the agreements"
            if counted is not None:
                return counted
    return None


def _subjects(verb: "Token") -> list["Token"]:
    node = verb
    for _ in range(2):
        subj = [t for c in node.children if c.dep_ == "nsubj" for t in _conjoined(c)]
        if subj or node.dep_ != "conj":
            return subj
        node = node.head  # "A signed X and inked Y": the conjoined verb shares its subject
    return []


def _partners(holders: list["Token"]) -> list["Token"]:
    found: list["Token"] = []
    for holder in holders:
        for child in holder.children:
            if (child.dep_ == "prep" and child.lower_ in _PARTNER_PREPS) or child.dep_ == "agent":
                found += [t for c in child.children if c.dep_ == "pobj" for t in _conjoined(c)]
    return found


def _stood_for(tok: "Token") -> list["Token"]:
    """The tokens a party slot names: itself, or what a generic head is "of"."""
    if tok.lower_ in STAND_INS:
        named = [t for p in tok.children if p.dep_ == "prep" and p.lower_ == "of"
                 for c in p.children if c.dep_ == "pobj" for t in _conjoined(c)]
        return named or [tok]  # "Sakhalin region": the head of a place's own name
    return [tok]


def _twinned(noun: "Token", mentions: list, spans: list[tuple[int, int, int]]) -> list[int]:
    """"An agreement to recognise Batumi and Brest as twin cities": the places a twinning deal pairs, conjoined
    under the agreement noun, which names the tie ("twin", "sister", "friendship")."""
    below = list(noun.subtree)
    if not any(t.lower_ in _TIES for t in below):
        return []
    for tok in below:
        if tok.dep_ != "conj" and any(c.dep_ == "conj" for c in tok.children):
            found = [i for t in (tok, *tok.conjuncts) for i in [mention_of(t, spans)]
                     if i is not None and mentions[i].cls in PARTY]
            if len(found) >= 2:
                return found
    return []


def _count(noun: "Token") -> int | None:
    for child in noun.children:
        if child.dep_ in ("nummod", "det") and child.lower_ in _NUMBERS:
            return _NUMBERS[child.lower_]
        if child.dep_ == "nummod" and child.text.replace(",", "").isdigit():
            return int(child.text.replace(",", ""))
    return 1 if noun.tag_ in ("NN", "NNP") else None


def signing_clauses(sent: "Span") -> list[tuple["Token", "Token | None"]]:
    """(signing word, agreement noun) of every signing the sentence tells, in order: a verb with its
    agreement noun, or the noun "signing" ("the signing of six MoUs", "a signing ceremony between ...",
    where the noun may be left unsaid)."""
    found = []
    if not _ANY_WORD.search(span_text(sent).lower()):
        return found
    lowers = token_strings(sent.doc, "lower")
    for tok in [sent.doc[i] for i in range(sent.start, sent.end) if lowers[i] in _SIGNING_WORDS]:  # no Token for others
        if tok.tag_.startswith("VB") and (tok.lower_ in _VERBS or any(v == tok.lower_ for v, _ in _PHRASAL)):
            noun = _signed_noun(tok, sent)
            if noun is not None:
                found.append((tok, noun))
        elif tok.tag_.startswith("NN") and tok.lower_ in _SIGNING_NOUNS:
            # "the signing of six MoUs"; "the signing ceremony of an agreement"
            found.append((tok, _of_object(tok, sent) or (_of_object(tok.head, sent) if tok.dep_ == "compound" else None)))
    return found


_CLAUSES = ("advcl", "ccomp", "conj", "relcl", "parataxis", "xcomp")


def _own_clause(word: "Token") -> list["Token"]:
    """The tokens of the clause that holds ``word``: up to the first head that is a clause with a subject of its
    own, without the clauses with their own subjects below it ("A agreed to X, while a document concluded by B
    covered Y": the document's clause is "a document ... covered Y")."""
    def subject(t) -> bool:
        return any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
    top = word
    while top.head.i != top.i and not (top.dep_ in _CLAUSES and subject(top)):
        top = top.head
    ancestors = {word.i, *(a.i for a in word.ancestors)}
    cut = {t.i for c in top.subtree if c.i != top.i and c.dep_ in _CLAUSES and subject(c) and c.i not in ancestors
           for t in c.subtree}
    return [t for t in top.subtree if t.i not in cut]


@rule("agreement-signed-verb", kind="agreement", confidence=0.7, level="sentence")
def agreements_from_parse(sent: "Span", mentions: list, spans: list[tuple[int, int, int]]) -> Iterator[dict]:
    """Raw agreements of one sentence, one per signing clause; ``spans`` maps characters to mentions."""
    clauses = signing_clauses(sent)
    verbs = {v.i for v, _ in clauses}
    for verb, noun in clauses:
        inner = {t.i for v in verb.subtree if v.i in verbs and v.i != verb.i for t in v.subtree}
        clause = [t for t in verb.subtree if t.i not in inner]
        if verb.tag_.startswith("NN"):  # "the signing (ceremony) of ... between A and B": no subject
            holders = [verb, noun] + ([verb.head] if verb.dep_ == "compound" else [])
            slots = _partners([h for h in holders if h is not None])
        else:
            slots = _subjects(verb) + _partners([verb, noun])
        parties: list[int] = []
        for tok in slots:
            for t in _stood_for(tok):
                # "the main Catalan employers' confederation, Foment del Treball,": the name in apposition
                i = mention_of(t, spans)
                if i is None:
                    i = next((j for a in t.children if a.dep_ == "appos" and a.left_edge.i > 0
                              and a.doc[a.left_edge.i - 1].text != "("  # "the Bertoua city council (Cameroon)"
                              for j in [mention_of(a, spans)] if j is not None), None)
                if i is not None and mentions[i].cls in PARTY and i not in parties:
                    parties.append(i)
        if len(parties) < 2 and noun is not None:
            parties += [i for i in _twinned(noun, mentions, spans) if i not in parties]
        chars = {t.idx for t in clause}
        # "attended a signing ceremony between A and B to establish a facility manufacturing X": the sectors the
        # signing's own clause tells, up to a clause with a subject of its own
        chars |= {t.idx for t in _own_clause(verb) if t.i not in inner}
        sectors = [i for start, end, i in spans if mentions[i].cls == "Sector" and start in chars]
        count = _count(noun) if noun is not None else _SINGULAR.get(verb.lower_)
        # "attended the signing ceremony of an agreement": a signing told for the first time, though no party is named
        new = noun is not None and verb.tag_.startswith("NN") and any(
            c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children)
        yield {"rel": "agreement", "parties": parties, "count": count, "new": new,
               "verb": verb.idx, "clause": (min(t.idx for t in clause), max(t.idx + len(t) for t in clause)),
               "sectors": sectors, "rule": "agreement-signed-verb", "confidence": 0.7}
