"""Posts read from the parse: who holds which title, of which body.

"Wei Tao, Taiyuan's Party secretary, says ..." and "Albert Chalamila, the Dar
es Salaam regional commissioner," name the body before the title, inside the
appositive of the person's name. The titles are the lexicons
``public_titles.txt`` and ``private_titles.txt``; their words and
``portfolio_words.txt`` make up a title ("commerce and industry minister").
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from typing import TYPE_CHECKING, Iterator

from ...lexicons import read_lexicon
from ...schema import PERSON_CLASSES
from ..columns import token_strings
from . import PARTY, PLACES, mention_of, mentions_by_token, rule

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
    deps, lowers = token_strings(sent.doc, "dep"), token_strings(sent.doc, "lower")
    for tok in [sent.doc[i] for i in range(sent.start, sent.end) if deps[i] == "appos" and lowers[i] in TITLE_HEADS]:
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
    lowers = token_strings(sent.doc, "lower")
    for tok in [sent.doc[i] for i in range(sent.start, sent.end) if lowers[i] in TITLE_HEADS]:
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


HONORIFICS = frozenset(read_lexicon("honorifics"))
BODY_PREPOSITIONS = ("of", "in", "to")  # "the President of Foment del Treball", "the US consul in Chiang Mai"


def _title_span(sent: "Span", end: int) -> int:
    """Where the title ending before token ``end`` starts: title words, hyphens inside them ("Vice-Governor") and
    an "and" between two titles ("Premier and State Minister")."""
    start = end
    while start > sent.start:
        tok = sent.doc[start - 1]
        if tok.lower_ in TITLE_WORDS or tok.text in ("-", "–") and not tok.whitespace_ or \
                tok.lower_ in ("and", "&") and start < end and start - 2 >= sent.start and \
                sent.doc[start - 2].lower_ in TITLE_WORDS:
            start -= 1
        else:
            break
    while start < end and sent.doc[start].lower_ in ("and", "&", "-", "–", "the", "of", "to"):
        start += 1  # "the Minister": the determiner is no part of the title
    return start


@rule("post-title-comma-name", kind="post", confidence=0.75, level="sentence")
def title_comma_name(sent: "Span", mentions: list, spans: list[tuple[int, int, int]]) -> Iterator[dict]:
    """"Barcelona's lieutenant mayor, Laia Bonet", "the Minister for European Affairs of the Bavarian Government,
    Beate Merk", "the US consul in Chiang Mai, Lisa Buzenas": a title, its body (a possessive before it, or a name
    "of" or "in" after it) and perhaps its field ("for Investment"), then a comma and the holder's name."""
    # the spans are in text order: those that start in the sentence lie between two bisections
    here = spans[bisect.bisect_left(spans, (sent.start_char,)):bisect.bisect_left(spans, (sent.end_char,))]
    if not any(mentions[i].cls in PERSON_CLASSES for _, _, i in here):
        return  # no one named here to hold a post
    doc = sent.doc
    owner_of = mentions_by_token(sent, spans)
    last_of = {owner: i for i, owner in owner_of.items()}  # each name's last token (owner_of is in token order)
    for first_tok, person in owner_of.items():  # the tokens of the sentence's names, in order
        if mentions[person].cls not in PERSON_CLASSES or \
                (first_tok > sent.start and owner_of.get(first_tok - 1) == person):
            continue  # the first token of a person's name only
        last_tok = last_of[person]
        if last_tok + 1 < sent.end and not doc[last_tok + 1].is_punct:
            continue  # "as he begins his second term as US President, Tony Blair has said": the name opens a clause
        k = first_tok
        while k > sent.start and doc[k - 1].text in HONORIFICS:
            k -= 1  # "Central Java's Vice-Governor, Mr H. Ali Mufiz"
        if k - 2 <= sent.start or doc[k - 1].text != ",":
            continue
        end, body = k - 1, None  # the title phrase ends before the comma
        last = owner_of.get(end - 1)
        if last is not None and mentions[last].cls in PARTY:
            first = next(i for i in range(sent.start, end) if owner_of.get(i) == last)
            prep = first - 1 - (doc[first - 1].lower_ == "the")
            if prep <= sent.start or doc[prep].lower_ not in BODY_PREPOSITIONS:
                continue
            body, end = last, prep
        field = end  # "for Investment", "for European Affairs and International Relations": the post's field
        while field > sent.start and end - field < 6 and doc[field - 1].lower_ != "for" and (
                doc[field - 1].text[:1].isupper() or doc[field - 1].lower_ in ("and", "&")):
            field -= 1
        if field < end and field - 1 > sent.start and doc[field - 1].lower_ == "for":
            title_end = field - 1
        else:
            field, title_end = end, end
        start = _title_span(sent, title_end)
        if start - 2 >= sent.start and doc[start - 1].text in ("-", "–") and not doc[start - 2].whitespace_ \
                and not doc[start - 1].whitespace_ and doc[start - 2].is_alpha:
            continue  # "the co-chairman of the Conservative Party, Liam Fox": a prefix that changes the post
        words = doc[start:title_end].text.lower().replace("-", " ").replace("–", " ").split()
        if start == title_end or not any(is_title(part.split()) for part in " ".join(words).split(" and ")):
            continue
        before = doc[start - 1] if start > sent.start else None
        if before is not None and before.tag_ == "POS" and start - 2 >= sent.start:
            owner = owner_of.get(start - 2)
            if body is None and owner is not None and mentions[owner].cls in PARTY:
                body = owner  # "Barcelona's lieutenant mayor"
        elif before is not None and body is None:
            owner = owner_of.get(before.i)
            if owner is not None and mentions[owner].cls in PARTY:
                body = owner  # "the Yantai mayor, Zheng Deyan"
        lead = next((t for t in reversed(doc[sent.start:start]) if owner_of.get(t.i) is None
                     or mentions[owner_of.get(t.i)].cls not in PARTY), None)
        if lead is not None and lead.text == "," and lead.i > sent.start and \
                (owner_of.get(lead.i - 1) is not None and
                 mentions[owner_of.get(lead.i - 1)].cls in PERSON_CLASSES):
            continue  # "Hassan Al Hashemi, Vice-President of ..., Dubai Chamber": the title is the name before's
        if body is None or any(PAST.match(t.lower_) or t.lower_ == "shadow" for t in doc[max(sent.start, start - 3):end]):
            continue  # "Yukos' former chief", "shadow chief secretary to the Treasury": no post held
        titles = [" ".join(part.split()) for part in " ".join(words).split(" and ") if is_title(part.split())]
        if field < end:  # the field belongs to the last title: "State Minister for Trade"
            titles[-1] += " " + doc[title_end:end].text.lower()
        for title in titles:
            yield {"rel": "post", "person": person, "title": title, "of": body, "rule": "post-title-comma-name",
                   "confidence": 0.75}
