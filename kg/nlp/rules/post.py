"""Posts read from the parse: who holds which title, of which body.

"Wei Tao, Taiyuan's Party secretary, says ..." and "Albert Chalamila, the Dar
es Salaam regional commissioner," name the body before the title, inside the
appositive of the person's name. The titles are the lexicons
``public_titles.txt`` and ``private_titles.txt``; their words and
``portfolio_words.txt`` make up a title ("commerce and industry minister").
"""
from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING, Iterator

from ...lexicons import read_lexicon
from ...schema import PERSON_CLASSES
from . import PARTY, PLACES, mention_of, rule

if TYPE_CHECKING:
    from spacy.tokens import Span

TITLES = frozenset(read_lexicon("public_titles")) | frozenset(read_lexicon("private_titles"))
# the nouns titles end in ("secretary", "commissioner"), and every word a title may hold
TITLE_HEADS = frozenset(t.split()[-1] for t in TITLES)
TITLE_WORDS = frozenset(w for t in TITLES for w in t.split()) | frozenset(read_lexicon("portfolio_words"))
FIRM_NOUNS = frozenset(read_lexicon("firm_nouns"))
PAST = re.compile(r"(?:ex|former|then|erstwhile|outgoing)\b")  # "ex-chief executive", "former chairman"


def is_title(words: list[str]) -> bool:
    """Whether ``words`` (lower case) are a title: one of the lexicon, or title words ending in one
    ("regional commissioner", "party secretary", "foreign trade minister")."""
    return bool(words) and (" ".join(words) in TITLES or all(w in TITLE_WORDS for w in words) and (
        words[-1] in TITLES or " ".join(words[-2:]) in TITLES))


@rule("post-appositive-body", kind="post", confidence=0.8, level="sentence")
def appositive_body(sent: "Span", mentions: list, spans: list[tuple[int, int, int]]) -> Iterator[dict]:
    """"Wei Tao, Taiyuan's Party secretary", "Albert Chalamila, the Dar es Salaam regional commissioner": a
    title in apposition to a person's name, its body a name that modifies it (a possessive or a compound)."""
    for tok in sent:
        if tok.dep_ != "appos" or tok.lower_ not in TITLE_HEADS:
            continue
        person = mention_of(tok.head, spans)
        if person is None or mentions[person].cls not in PERSON_CLASSES:
            continue
        body, words = None, []
        for t in tok.subtree:
            if t.i > tok.i:
                break
            m = mention_of(t, spans)
            if m is not None and mentions[m].cls in PARTY:
                body, words = m, []  # the title is what follows the body's name
            elif m is None and t.tag_ not in ("DT", "POS", "PRP$"):
                words.append(t.lower_)
        if body is not None and mentions[body].cls in PLACES and any(
                c.dep_ == "prep" and c.lower_ == "at" for c in tok.rights):
            continue  # "Ross Walker, UK economist at Royal Bank of Scotland": the place is the remit, the firm after "at"
        if body is not None and is_title(words):
            yield {"rel": "post", "person": person, "title": " ".join(words), "of": body,
                   "rule": "post-appositive-body", "confidence": 0.8}


def _most_named_firm(mentions: list) -> int | None:
    """The first mention of the firm the article names most often, if it names it more than once."""
    counts = Counter(m.key for m in mentions if m.cls == "Company")
    if not counts or counts.most_common(1)[0][1] < 2:
        return None  # one firm named in passing is not the article's firm
    key = counts.most_common(1)[0][0]
    return next(i for i, m in enumerate(mentions) if m.cls == "Company" and m.key == key)


@rule("post-the-firms-title", kind="post", confidence=0.6, level="sentence")
def firms_title(sent: "Span", mentions: list, spans: list[tuple[int, int, int]]) -> Iterator[dict]:
    """"He asked the factory's president, Wang Feng, to ...": a title of "the company" (or "the factory", "the
    bank"), in apposition with a person's name, is a post in the firm the article names most."""
    for tok in sent:
        if tok.lower_ not in TITLE_HEADS:
            continue
        owner = next((c for c in tok.children if c.dep_ == "poss" and c.lower_ in FIRM_NOUNS
                      and any(d.lower_ == "the" for d in c.children)), None)
        if owner is None:
            continue
        holder = next((c for c in tok.children if c.dep_ == "appos"), None)
        person = mention_of(holder, spans) if holder is not None else None
        words = [t.lower_ for t in tok.doc[owner.i + 1:tok.i + 1] if t.tag_ != "POS"]
        if any(PAST.match(t.lower_) for t in tok.subtree):
            continue  # "the company's founder and ex-chief executive": a post no longer held
        firm = _most_named_firm(mentions)
        if person is not None and mentions[person].cls in PERSON_CLASSES and is_title(words) and firm is not None:
            yield {"rel": "post", "person": person, "title": " ".join(words), "of": firm,
                   "rule": "post-the-firms-title", "confidence": 0.6}
