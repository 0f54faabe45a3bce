"""Registration of newskg's spaCy components, all in one place.

Components keep plain lists and dicts in ``doc._`` so Docs cross process
boundaries (``nlp.pipe(n_process=...)``) intact.
"""
from __future__ import annotations

import bisect

from spacy.attrs import SENT_START, TAG
from spacy.language import Language
from spacy.tokens import Doc

from .columns import token_starts
from .facts import FactFinder
from .gazetteer import default_gazetteer
from .mentions import MentionFinder
from .rules import doc_text

for _name, _default in (("nkg_mentions", None), ("nkg_facts", None), ("nkg_published", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


class MentionComponent:
    """``nkg_mentions``: typed mentions of a Doc, kept as plain tuples in ``doc._.nkg_mentions``."""

    def __init__(self, finder: MentionFinder):
        self.finder = finder

    def __call__(self, doc: Doc) -> Doc:
        doc._.nkg_mentions = [tuple(m) for m in self.finder.find(doc)]
        return doc


class FactComponent:
    """``nkg_facts``: raw facts of a Doc, kept as plain dicts in ``doc._.nkg_facts``."""

    def __init__(self, finder: FactFinder):
        self.finder = finder

    def __call__(self, doc: Doc) -> Doc:
        from .mentions import Mention

        mentions = [Mention(*m) for m in doc._.nkg_mentions or ()]
        doc._.nkg_facts = self.finder.find(doc, mentions, doc._.nkg_published)
        return doc


@Language.component("nkg_paragraphs", assigns=["token.is_sent_start"])
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every line break: headlines, captions and paragraphs never run together; never
    after a possessive's "’s", which the parser may take for an end ("the Republic of Korea (RoK)’s Gyeongsangbuk
    province signed ..."), nor after a closing bracket whose inside does not end a sentence ("GIC Chief Executive
    Officer (CEO) Lim Chow Kiat")."""
    # The token after each line break, found from the breaks in the text (a token's text and its trailing
    # whitespace run up to the next token's start), not by reading every token.
    starts = token_starts(doc)
    text = doc_text(doc)  # kept for nkg_mentions and nkg_facts: Doc.text makes a Token for every word
    # Each token's sentence start (1 starts one, -1 does not, 0 not told), written back to the Doc once: setting
    # Token.is_sent_start reads every token of the Doc to check it is not parsed yet.
    sent_starts = doc.to_array(SENT_START).astype("int64")
    at = text.find("\n")
    while at >= 0:
        i = bisect.bisect_right(starts, at)  # the first token that starts after the break
        if 1 <= i < len(starts):
            sent_starts[i] = 1
        at = text.find("\n", at + 1)
    tags = doc.to_array(TAG)[:-1]
    for i in (tags == doc.vocab.strings["POS"]).nonzero()[0].tolist():  # no Token made for the other words
        if "\n" not in doc[i].whitespace_ and sent_starts[i + 1] != 1:
            sent_starts[i + 1] = -1
    for i in (tags == doc.vocab.strings["-RRB-"]).nonzero()[0].tolist():
        if i >= 1 and "\n" not in doc[i].whitespace_ and sent_starts[i + 1] != 1 and \
                doc[i - 1].text not in (".", "!", "?"):
            sent_starts[i + 1] = -1  # "(CEO) Lim Chow Kiat": the bracket's gloss ends no sentence
    doc.from_array([SENT_START], sent_starts.astype("uint64"))
    return doc


@Language.factory("nkg_mentions", requires=["doc.ents", "token.is_sent_start"], assigns=["doc._.nkg_mentions"])
def make_mentions(nlp: Language, name: str) -> MentionComponent:
    """The mention finder over the shared gazetteer."""
    return MentionComponent(MentionFinder(default_gazetteer()))


@Language.factory("nkg_facts", requires=["doc._.nkg_mentions"], assigns=["doc._.nkg_facts"])
def make_facts(nlp: Language, name: str) -> FactComponent:
    """The fact rules, with the gazetteer's demonyms."""
    return FactComponent(FactFinder(default_gazetteer().demonyms))
