"""Token attributes of a parsed Doc as plain lists of strings, read once per Doc.

``doc[i]`` makes a new ``Token`` object on each call and ``Token.lower_`` looks
its string up again on each read. The rules that scan every token of a sentence
for a few words ("of", a head word, a title) read these lists instead, and make
Tokens only where a word matches. Each list is kept in the Doc's ``user_data``,
as :func:`kg.nlp.rules.doc_text` keeps the text, so nkg_mentions and nkg_facts
read a column once between them: they run after every spaCy component, when no
attribute changes any more.
"""
from __future__ import annotations

import bisect

from spacy.attrs import DEP, IDX, LOWER, ORTH, SPACY, TAG
from spacy.tokens import Doc

# What each column holds: the Token attribute whose string it is
_ATTRS = {"text": ORTH, "lower": LOWER, "tag": TAG, "dep": DEP}
_KEYS = {attr: f"nkg.column.{attr}" for attr in _ATTRS}  # each column's key in user_data


def token_strings(doc: Doc, attr: str) -> list[str]:
    """Every token's ``attr``, one of "text", "lower", "tag", "dep": ``[t.lower_ for t in doc]``
    for "lower", and so on, without a Token made for each."""
    key = _KEYS[attr]
    column = doc.user_data.get(key)
    if column is None and attr == "lower":
        # spaCy's LOWER is str.lower() of the text (spacy.lang.lex_attrs.lower): cheaper than a look-up per word
        column = doc.user_data[key] = [word.lower() for word in token_strings(doc, "text")]
    elif column is None:
        strings = doc.vocab.strings
        column = doc.user_data[key] = [strings[h] for h in doc.to_array(_ATTRS[attr]).tolist()]
    return column


def token_starts(doc: Doc) -> list[int]:
    """Every token's offset in the Doc's text (``Token.idx``): with :func:`token_strings`' "text", where a run
    of tokens starts and ends, for its text cut from the Doc's."""
    column = doc.user_data.get("nkg.column.idx")
    if column is None:
        column = doc.user_data["nkg.column.idx"] = doc.to_array(IDX).tolist()
    return column


def capitalised_tokens(doc: Doc) -> list[int]:
    """The indices of the tokens whose text starts with an upper-case letter, in order: ``[t.i for t in doc if
    t.text[:1].isupper()]``, read once for the rules that start only from such a word (a name, a title)."""
    column = doc.user_data.get("nkg.column.capitalised")
    if column is None:
        column = doc.user_data["nkg.column.capitalised"] = [
            i for i, word in enumerate(token_strings(doc, "text")) if word[:1].isupper()]
    return column


def joined_text(doc: Doc) -> str:
    """``doc.text``, joined from the "text" column and each token's trailing space: ``Doc.text`` makes a Token
    for each word to join them."""
    spaces = doc.to_array(SPACY).tolist()
    return "".join([word + " " if space else word for word, space in zip(token_strings(doc, "text"), spaces)])


def token_at(doc: Doc, char: int) -> int | None:
    """The index of the token whose text holds character ``char`` of the Doc's text (None for a space between
    tokens): what ``next(t.i for t in doc if t.idx <= char < t.idx + len(t.text))`` finds, by bisection."""
    starts = token_starts(doc)
    i = bisect.bisect_right(starts, char) - 1
    return i if i >= 0 and char < starts[i] + len(token_strings(doc, "text")[i]) else None
