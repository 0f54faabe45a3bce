"""Sector phrases from coordinated lists after cooperation and industry cues.

"in five major areas - technological innovation, international shipping,
and modern finance" gives three sectors, lower-cased and without
determiners; a conjunct that shares a head stays as written ("new energy and
materials").
"""
from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, NamedTuple

from ..lexicons import read_lexicon
from .columns import token_strings
from .rules import any_word_pattern, doc_text, span_text

if TYPE_CHECKING:
    from pathlib import Path

    from spacy.tokens import Span

_INDUSTRY_NOUNS = r"(?:firms|companies|industry|industries|sector|market)\b"
_INDUSTRY_NOUN = re.compile(r"\b" + _INDUSTRY_NOUNS)
# The same nouns without the \b before them, with which re would try the pattern at each character of the text: re
# skips to where one starts, and _INDUSTRY_NOUN decides there (a noun inside a word hides none that starts a word)
_INDUSTRY_NOUN_START = re.compile(_INDUSTRY_NOUNS)


def _industry_nouns(text: str) -> list[re.Match]:
    """What ``_INDUSTRY_NOUN.finditer(text)`` finds, tried only where one of its nouns starts."""
    return [m for m in _INDUSTRY_NOUN_START.finditer(text) if _INDUSTRY_NOUN.match(text, m.start())]
_WORDS_BEFORE = re.compile(r"(?:[a-z][\w&-]*\s+){1,3}$")


class SectorPhrase(NamedTuple):
    """A sector phrase: character span in the Doc and the phrase lower-cased."""
    start: int
    end: int
    text: str  # as written, lower-cased
    described: bool = False  # a place's or firm's own industries ("industries include steel"), not a deal's


def _frames() -> dict[str, tuple[frozenset[str], bool, bool, bool, bool]]:
    """``sector_frames.txt`` as word -> (prepositions, takes a direct object, takes modifiers before it,
    weak: its list counts only with three items or more, generic: only an object with a generic head counts)."""
    frames = {}
    for line in read_lexicon("sector_frames"):
        word, _, where = line.partition("\t")
        preps: set[str] = set()
        for part in where.split():
            if part.startswith("prep:"):
                preps.update(part[5:].split(","))
        frames[word.strip()] = (frozenset(preps), "dobj" in where.split(), "pre" in where.split(),
                                "weak" in where.split(), "generic" in where.split())
    return frames


# Modifiers that belong to a sector phrase: "high-end equipment manufacturing", "renewable and green energy".
_PHRASE_DEPS = {"compound", "amod", "nmod", "npadvmod", "advmod", "hyph"}
_INNER_DEPS = _PHRASE_DEPS | {"cc", "conj", "punct"}
_RUN_TAGS = {"JJ", "NN", "NNS", "NNP", "NNPS", "VBG", "VBN", "HYPH"}
_COOPERATION = re.compile(r"co-?operat|collaborat|partnership")
_COPULAS = {"is", "are", "was", "were", "include", "includes", "included", "cover", "covers", "covered"}
# Subjects of "cover", "span", "include": a deal or a field, not "the delegation included officials".
_LIST_SUBJECTS = re.compile(r"^(?:agreements?|deals?|mous?|memorand\w*|projects?|cooperation|partnerships?|"
                            r"industr\w+|sectors?|areas?|fields?|investments?|pacts?|accords?|contracts?|"
                            r"documents?|programmes?|programs?|plans?|initiatives?|talks|ties|arrangements?)$", re.I)


def _word_forms(word: str) -> tuple[str, ...]:
    """A word and the stems a frame may be listed under: "promoting" is promote (a verb's final "e" dropped
    before "-ing" comes back), "industries" industry. Plain slicing, no cache: a cache of a build's words held
    thousands of tuples for the garbage collector to walk."""
    return (word, word[:-1], word[:-2], word[:-3], word[:-3] + "y" if word.endswith("ies") else word,
            word[:-3] + "e" if word.endswith("ing") else word)


class SectorFinder:
    """Sector phrases from the parse: the conjuncts of a list that hangs off a sector frame.

    A frame is a word and the place its list takes in the parse (``sector_frames.txt``):
    "cooperation in A, B and C" (a preposition's object), "the deals span A and B" (a
    direct object), "the A and B sectors" (modifiers). Each conjunct keeps its own
    modifiers; a generic head ("security cooperation") is dropped.
    """

    def __init__(self):
        self.frames = _frames()
        # Every word with a frame (see _frame) holds a frame word, or one without its final "y" ("industries"):
        # a sentence that holds none has no list to read, and its tokens need not be walked.
        self._stems = any_word_pattern(w[:-1] if w.endswith("y") else w for w in self.frames)
        # A form of a word (_word_forms) three letters long or more starts with the word's first two letters: with
        # frames of three letters or more, a word that starts as none of them has no frame (None: read every word)
        self._frame_starts = frozenset(w[:2] for w in self.frames) if all(len(w) >= 3 for w in self.frames) else None
        self.generic = {s.lower() for s in read_lexicon("sector_generic_heads")}
        self.fixed = {s.lower() for s in read_lexicon("fixed_fields")}
        self.stop = {s.lower() for s in read_lexicon("non_sectors")}
        self.non_field_heads = {s.lower() for s in read_lexicon("non_sector_heads")}
        self.trim = {s.lower() for s in read_lexicon("sector_trim_words")}
        self.actors = {s.lower() for s in read_lexicon("actor_nouns")}
        self.titles = {s.lower() for s in read_lexicon("public_titles") if " " not in s}  # "the former ... minister"
        self.acts = {s.lower() for s in read_lexicon("field_acts")}
        self.labels: set[str] | None = None  # the sector scheme's labels, read on first use

    def named_industries(self, text: str) -> list[SectorPhrase]:
        """Sectors of the scheme named as an industry: "aerospace firms", "the aviation market"."""
        if self.labels is None:
            self.labels = {x for x in default_scheme().labels if x.isalpha() or " " in x} - self.stop
        out = []
        for noun in _industry_nouns(text):
            before = _WORDS_BEFORE.search(text, max(0, noun.start() - 60), noun.start())
            words = before.group(0).split() if before else []
            for n in range(min(3, len(words)), 0, -1):  # the longest label first
                if " ".join(words[-n:]) in self.labels:
                    label = re.search(r"\S+(?:\s+\S+){%d}\s+$" % (n - 1), text[before.start():noun.start()])
                    at = before.start() + label.start()
                    out.append(SectorPhrase(at, at + len(label.group(0).rstrip()), " ".join(words[-n:])))
                    break
        return out

    def _frame(self, tok) -> tuple[frozenset[str], bool, bool, bool, bool] | None:
        """The frame of a token's word, if it has one (see :meth:`_word_frame`)."""
        return self._word_frame(tok.lower_)

    def _word_frame(self, word: str) -> tuple[frozenset[str], bool, bool, bool, bool] | None:
        """The frame of a lower-case word or of the word it inflects ("cooperating", "industries")."""
        if self._frame_starts is not None and word[:2] not in self._frame_starts:
            return None  # most words: no forms made
        return next((self.frames[form] for form in _word_forms(word) if form in self.frames), None)

    def find(self, sent: "Span") -> list[SectorPhrase]:
        """Sector phrases of one sentence (a spaCy ``Span``), with character offsets in the Doc."""
        if not self._stems.search(span_text(sent).lower()):
            return []
        heads: list[tuple[object, bool, bool]] = []  # (list head, capitals may be sectors, described industries)
        alone: set[int] = set()  # heads that name one sector, no list
        floor: dict[int, int] = {}  # where the phrase of a head may start at the earliest
        framed = False  # a frame word in the sentence (read once, not walked again below)
        lowers = token_strings(sent.doc, "lower")  # a Token is made only for a frame word
        for i in range(sent.start, sent.end):
            frame = self._word_frame(lowers[i])
            if frame is None:
                continue
            tok = sent.doc[i]
            if frame[4]:  # "inked ... on technological and business cooperation": the fields of a cooperation
                heads.extend((c, False, False) for c in self._generic_objects(tok, frame[0]))
                continue
            if not framed:
                first_frame = tok.i
            framed = True
            preps, dobj, pre, weak, _ = frame
            field = tok.lower_ in self.generic or tok.lower_ in ("industry", "industries")
            holders = [tok]
            if tok.dep_ in ("dobj", "pobj", "nsubjpass") and tok.head.pos_ != "ADP":
                holders.append(tok.head)  # "strengthen cooperation on X": the preposition hangs off the verb
            elif tok.dep_ == "compound" and tok.head.dep_ in ("dobj", "nsubjpass") and tok.head.head.tag_.startswith("VB"):
                # "open up cooperation opportunities in investment, trade ...": the frame word modifies the object,
                # and the parser hangs the preposition off the object or its verb
                holders += [tok.head, tok.head.head]
            if tok.dep_ == "advmod":  # "work together on A and B": a list, not "work together on the report"
                heads.extend((c, field, False) for p in tok.head.rights if p.dep_ == "prep" and p.lower_ in preps
                             and p.i > tok.i for c in p.children if c.dep_ == "pobj" and len(self._items(c, sent.end)) >= 2)
            # "cooperated with Tencent Cloud in A and B": the preposition hangs off the partner's name
            holders += [o for h in list(holders) for p in h.rights if p.lower_ in ("with", "between")
                        for o in p.children if o.dep_ == "pobj"]
            for holder in holders:
                for child in holder.rights:
                    if child.dep_ in ("prep", "agent") and child.lower_ in preps and (holder.i == tok.i or child.i > tok.i):
                        heads.extend((c, field, False) for c in child.children if c.dep_ in ("pobj", "pcomp"))
                        heads.extend((c, field, False) for c in self._after_aside(child))
            after = tok.doc[tok.i + 1] if tok.i + 1 < sent.end else None
            if after is not None and after.dep_ == "prep" and after.lower_ in preps and after.head.i not in (
                    h.i for h in holders) and tok.lower_ in self.generic:
                # "offices and cooperation in education": the parser hangs the cooperation's preposition elsewhere
                heads.extend((c, field, False) for c in after.children if c.dep_ == "pobj")
            if dobj and any(_LIST_SUBJECTS.match(s.text) or (s.dep_ == "nsubj" and self._frame(s))
                            for s in tok.children if s.dep_ in ("nsubj", "nsubjpass")) or (
                    dobj and tok.dep_ in ("acl", "prep", "advcl") and tok.tag_ == "VBG") or (
                    dobj and weak):
                described = any(s.dep_ == "nsubj" and s.lower_ in ("industry", "industries") for s in tok.children)
                heads.extend((c, False, described) for c in tok.children if c.dep_ == "dobj"
                             and (not weak or len(self._items(c, sent.end)) >= 3))  # "develop trade, A, B ..."
            if weak:  # "Furthering security cooperation": a noun before the cooperation promoted names its field
                heads.extend((m, False, False) for c in tok.children if c.dep_ == "dobj" and _COOPERATION.match(c.lower_)
                             for m in c.lefts if m.dep_ == "compound" and m.tag_ in ("NN", "NNS")
                             and "-" not in (m.doc[max(m.i - 1, 0)].text, m.nbor(1).text))  # "win-win" judges it
            if dobj and not weak and tok.tag_ == "VBG" and tok.dep_ in ("compound", "amod") and \
                    tok.head.i == tok.i + 1 and tok.i > sent.start and tok.doc[tok.i - 1].tag_ in ("NN", "NNS") and \
                    len(self._items(tok.head, sent.end)) >= 2:
                # "a facility manufacturing fertilisers, various chemicals and gypsum": the parser took the verb of a
                # clause after its noun for a modifier of its object
                heads.append((tok.head, False, False))
                floor[tok.head.i] = tok.i + 1  # its object starts after the verb
            if pre and tok.lower_ in self.generic:
                heads.extend((c, True, False) for c in tok.lefts if c.dep_ in ("compound", "amod", "nmod") and c.tag_ != "PRP$")
                if any(c.lower_ == "other" for c in tok.lefts):  # "petroleum, power, FMCG and other sectors"
                    heads.extend((c, True, False) for c in tok.conjuncts if c.i < tok.i)
            elif pre and any(c.dep_ in ("compound", "nmod") and c.tag_ in ("NN", "NNS") for c in tok.lefts) and \
                    not any(c.lower_ in ("a", "an") for c in tok.lefts):  # "a male-dominated industry" describes one
                heads.append((tok, False, False))  # "the biomedical health industry": an industry named as such
                alone.add(tok.i)  # its phrase only, not what it is conjoined with ("resources and a ... industry")
            field_word = tok.lower_ in self.generic or tok.lower_ in ("industry", "industries")
            subject = tok
            if field_word and tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.dep_ == "nsubj":
                subject = tok.head.head  # "Some of the key areas ... are A, B and C"
            if field_word and tok.dep_ == "attr" and tok.head.lower_ in ("be", "are", "were", "remain"):
                # "tourism and agriculture can be areas that Davao and Kaua'i could work on together"
                heads.extend((c, False, False) for c in tok.head.lefts if c.dep_ == "nsubj" and c.tag_.startswith("NN"))
            if field_word and subject.dep_ == "nsubj" and subject.head.lower_ in _COPULAS:
                # "the industries are A, B" describes a place's own; "the key areas in which cooperation will take
                # place are A, B" are the cooperation's
                described = not any(_COOPERATION.match(t.lower_) for t in subject.subtree)
                heads.extend((c, True, described) for c in subject.head.rights if c.dep_ in ("attr", "dobj"))
            if tok.lower_ in self.generic and tok.dep_ == "dobj" and any(
                    c.dep_ == "nsubj" and c.tag_ == "PRP" for c in tok.head.children) and self._frame(tok.head):
                heads.append((tok, True, False))  # "They cover fields in A, B and C"
        if heads or framed:
            # "agreement for key areas during the plan period, including A, B and C": a list after a frame word
            first = first_frame if framed else sent.end  # the first frame word, found above
            deps = token_strings(sent.doc, "dep")
            later_preps = [sent.doc[i] for i in range(first + 1, sent.end) if deps[i] == "prep"]
            heads.extend((c, self._under_field(t), False) for t in later_preps if (
                t.lower_ in ("including", "like") or t.lower_ == "as" and t.i > 0 and t.doc[t.i - 1].lower_ == "such")
                and self._of_fields(t) for c in t.children if c.dep_ == "pobj")
        found: list[SectorPhrase] = []
        seen: set[int] = set()
        for head, proper, described in heads:
            items = self._items(head, sent.end) if head.i not in alone else self._named_industry(head)
            for start, end in items:
                if end == head.i + 1:
                    start = max(start, floor.get(head.i, start))
                doc = head.doc
                while end + 1 < sent.end and doc[end].text == "/" and not doc[end - 1].whitespace_ and \
                        not doc[end].whitespace_ and doc[end + 1].is_alpha:
                    end += 2  # "IT/ITeS": the tokenizer's slash, with the word after it
                if end in seen:
                    continue
                seen.add(end)
                phrase = self._phrase(head.doc, start, end, proper)
                if phrase is not None and not (end == head.i + 1 and head.i in alone and " " not in phrase.text):
                    found.append(phrase._replace(described=described))  # "global industries" names none
        text = doc_text(sent.doc)  # Doc.text joins every token anew: not once for each phrase
        found = [part for phrase in found for part in self._split_slash(phrase, text)]
        kept: list[SectorPhrase] = []
        for s in sorted(set(found), key=lambda p: (p.start, -p.end)):
            if not any(s.start < k.end and k.start < s.end for k in kept):
                kept.append(s)
        return kept

    def _generic_objects(self, tok, preps: frozenset[str]) -> list:
        """The objects of ``tok``'s prepositions (or of its verb's, for a deal) that are a cooperation with
        modifiers: "signed an agreement on economic and technological cooperation"."""
        holders = [tok, tok.head] if tok.dep_ in ("dobj", "nsubjpass", "pobj") else [tok]
        return [o for h in holders for p in h.rights if p.dep_ == "prep" and p.lower_ in preps
                for o in p.children if o.dep_ == "pobj" and o.lower_ in self.generic
                and any(c.dep_ in ("amod", "compound", "nmod") for c in o.lefts)]

    def _split_slash(self, phrase: SectorPhrase, text: str) -> list[SectorPhrase]:
        """"retail/wholesale", "branding/city marketing": two fields written as one; abbreviations joined by a
        slash name one field ("IT/ITeS")."""
        if "/" not in phrase.text or re.search(r"\s/|/\s", phrase.text) or all(
                re.fullmatch(r"[A-Z][A-Za-z&]{0,5}", part) and not part.istitle()
                for part in text[phrase.start:phrase.end].split("/")):
            return [phrase]
        out, at = [], phrase.start
        for part in phrase.text.split("/"):
            if part.strip() and part.strip() not in self.stop:
                lead = len(part) - len(part.lstrip())
                out.append(phrase._replace(start=at + lead, end=at + len(part.rstrip()), text=part.strip()))
            at += len(part) + 1
        return out or [phrase]

    @staticmethod
    def _after_aside(prep) -> list:
        """The list a preposition without an object takes after an aside: "focusing on, but not limited to, water
        supply, waste management ..." (the parser hangs the list elsewhere)."""
        if any(c.dep_ in ("pobj", "pcomp") for c in prep.children):
            return []
        doc = prep.doc
        words = [t.lower_ for t in doc[prep.i + 1:prep.i + 8]]
        while words and words[0] == ",":
            words.pop(0)
        if words[:4] not in (["but", "not", "limited", "to"], ["and", "not", "limited", "to"]):
            return []
        at = prep.i + 1 + [t.lower_ for t in doc[prep.i + 1:prep.i + 8]].index("to") + 1
        while at < len(doc) and doc[at].text == ",":
            at += 1
        if at >= len(doc):
            return []
        first = doc[at]
        while first.dep_ in ("compound", "amod", "nmod") and first.head.i > first.i:
            first = first.head  # "water" of "water supply"
        return [first]

    def _of_fields(self, prep) -> bool:
        """Whether "including" or "such as" lists fields: not after people or bodies ("stakeholders, including
        ministries, public institutions and universities")."""
        head = prep.doc[prep.i - 1].head if prep.lower_ == "as" and prep.i > 0 else prep.head
        return head.lower_ not in self.actors

    def _under_field(self, tok) -> bool:
        """Whether a word hangs (within three steps) under a field word: "areas of economic development
        such as IT, Pharma and Biotech" may name fields in capitals."""
        for _ in range(3):
            tok = tok.head
            if tok.lower_ in self.generic or tok.lower_ in ("industry", "industries"):
                return True
        return False

    def _items(self, head, limit: int) -> list[tuple[int, int]]:
        """Token ranges of the list items under ``head``: itself, its conjuncts and the items that
        follow it in the text (", B, C and D", where the parse lost the coordination), and through a
        generic head ("areas such as A and B", "fields of A and B") the list it introduces."""
        items: list[tuple[int, int]] = []
        members = sorted({head, *head.conjuncts}, key=lambda t: t.i)
        gapped = self._gapped(head, members)
        for fields in gapped.values():
            for field in fields:
                items.extend(self._items(field, limit))
        for tok in members:
            if tok.lower_ in self.generic or tok.lower_ in ("many", "several", "various", "industry", "industries"):
                deeper = [c for p in tok.rights if p.dep_ == "prep" and p.lower_ in ("of", "like", "as", "including", "in")
                          for c in p.children if c.dep_ == "pobj"]
                deeper += [c for c in tok.rights if c.dep_ == "appos"]
                deeper += [c for a in tok.rights if a.dep_ == "acl" and a.lower_ == "ranging" for p in a.subtree
                           if p.dep_ == "prep" and p.lower_ in ("from", "to") for c in p.children if c.dep_ == "pobj"]
                # "various areas ranging from diamond sector to tourism"
                for d in deeper:
                    items.extend(self._items(d, limit))
                if deeper:
                    continue
            if tok.i in gapped:
                continue
            if tok.text not in ("-", "/") and not any((c.dep_ == "nummod" or c.lower_ in ("a", "an")) and tok.i - c.i <= 2
                                                      for c in tok.lefts):
                left = self._left(tok)
                items.extend(self._hung_before(tok, left))
                acted_on = [c for p in tok.rights if p.dep_ == "prep" and p.lower_ == "of" for c in p.children
                            if c.dep_ == "pobj"] if tok.lower_ in self.acts else []
                for field in acted_on:  # "the promotion of two-way tourism": the field it acts on
                    items.extend(self._items(field, limit))
                if acted_on:
                    continue
                shared = self._shared_head_end(tok, limit)
                if shared:
                    items.append((left, shared))  # "urban and regional development": the adjectives share it
                    continue
                obj = next((c for c in tok.rights if c.dep_ == "dobj" and c.i == tok.i + 1), None)
                if tok.tag_ == "VBG" and tok.dep_ == "pcomp" and obj is not None and obj.tag_ in ("NN", "NNS") and \
                        tok.head.lower_ in ("as", "like", "including"):  # not "focus on restoring order"
                    items.append((left, obj.i + 1))  # "such as recycling industry": a field, not a verb and its object
                    continue
                items.extend(self._split_nouns(tok, left))  # "100 hectares", "a shrimp farm": things
        if items:
            items.extend(self._following(head.doc, max(e for _, e in items), limit))
        return items

    @staticmethod
    def _shared_head_end(tok, limit: int) -> int:
        """Where the noun that two coordinated adjectives share ends, when the parser took the first adjective
        for a list item: "cover agribusiness and food, urban and regional development" (0 when it did not)."""
        doc, k = tok.doc, tok.i + 1
        if tok.tag_ != "JJ" or k + 2 >= limit or doc[k].lower_ not in ("and", "or") or doc[k + 1].tag_ != "JJ":
            return 0
        end = k + 2
        while end < limit and doc[end].tag_ in ("NN", "NNS"):
            end += 1
        return end if end > k + 2 else 0

    @staticmethod
    def _hung_before(tok, left: int) -> list[tuple[int, int]]:
        """A list item the parser hung on the next one: in "advanced manufacturing, e-commerce, service for the
        aged" the modifiers "e-commerce" of "service" end at the comma before it, so they are an item."""
        doc = tok.doc
        if left < 2 or doc[left - 1].text != ",":
            return []
        run = [c for c in tok.lefts if c.i < left - 1 and c.dep_ in ("compound", "amod", "nmod", "punct")]
        if not run or run[-1].i != left - 2:
            return []
        hyphenated = left >= 3 and doc[left - 3].text == "-" and not doc[left - 3].whitespace_  # "e-commerce"
        if doc[left - 2].tag_ not in ("NN", "NNS") and not hyphenated:
            return []  # "develop trade, economic, investment ... ties": an adjective of the shared head
        return [(min(c.left_edge.i for c in run), left - 1)]


    def _named_industry(self, head) -> list[tuple[int, int]]:
        """The phrase of an industry named as such, and the fields conjoined after it."""
        if any((c.dep_ == "nummod" or c.lower_ in ("a", "an")) and head.i - c.i <= 2 for c in head.lefts):
            return []  # "a competitive industry" describes one
        items = self._split_nouns(head, self._left(head))
        for tok in head.conjuncts:
            if tok.i > head.i and not any((c.dep_ == "nummod" or c.lower_ in ("a", "an")) for c in tok.lefts):
                items.extend(self._split_nouns(tok, self._left(tok)))
        return items

    def _gapped(self, head, members: list) -> dict[int, list]:
        """Names in a list that stand for a clause without its verb, with their fields: "DP world is investing in
        shipping and logistics, RP group in tourism, Lulu in retailing" (RP group -> tourism, Lulu -> retailing)."""
        found: dict[int, list] = {}
        for owner in members:
            for prep in owner.rights:
                if prep.dep_ != "prep" or prep.lower_ not in ("in", "on"):
                    continue
                name = max((m for m in members if m.i < prep.i), key=lambda m: m.i, default=None)
                if name is None or name.i == head.i or not any(
                        t.text[:1].isupper() for t in head.doc[self._left(name):name.i + 1]):
                    continue
                found.setdefault(name.i, []).extend(c for c in prep.children if c.dep_ == "pobj")
        return found

    def _split_nouns(self, tok, left: int) -> list[tuple[int, int]]:
        """The phrase headed by ``tok`` from ``left``, or two when its modifiers coordinate a noun that is a
        field of its own: "agriculture and food production" is agriculture and food production, but
        "renewable and green energy" and "oil and gas industry" share their head."""
        doc = tok.doc
        if tok.lower_ in self.generic and doc[left:tok.i].text.lower() not in self.fixed:
            # "trade, investment and cultural ties": without the generic head the modifiers share nothing
            cuts = [t.i for t in doc[left:tok.i] if t.dep_ == "cc" or t.text == ","]
            if cuts:  # each part ends before a cut; the last keeps the head, which _phrase drops
                ends = [*cuts, tok.i + 1]
                return [(a + 1, b) for a, b in zip([left - 1, *cuts], ends) if b > a + 1]
        for mod in tok.lefts:
            if mod.i < left or mod.tag_ not in ("NN", "NNS"):
                continue
            cc = next((c for c in mod.rights if c.dep_ == "cc" and c.i < tok.i), None)
            conj = next((c for c in mod.rights if c.dep_ == "conj" and c.i < tok.i), None)
            if cc is None or conj is None or doc[left:conj.i + 1].text.lower() in self.fixed or \
                    doc[mod.i:conj.i + 1].text.lower() in self.fixed:  # "the Indian oil and gas industry"
                continue
            return [(left, mod.i + 1), (cc.i + 1, tok.i + 1)]
        return [(left, tok.i + 1)]

    @staticmethod
    def _left(tok) -> int:
        """Where the phrase headed by ``tok`` starts: its contiguous modifiers on the left, with what they
        coordinate before it ("renewable and green energy", where the parser hangs "green" on "renewable")."""
        members = {tok.i}
        stack = [(tok, _PHRASE_DEPS)]
        while stack:
            node, deps = stack.pop()
            for child in node.lefts:
                if child.dep_ in deps or child.text in ("-", "/"):
                    members.add(child.i)
                    stack.append((child, _INNER_DEPS))
                    # "innovative but potentially risky schemes" contrasts; "renewable and green energy" lists
                    if not any(c.dep_ == "cc" and c.lower_ in ("but", "yet") for c in child.rights):
                        members.update(c.i for c in child.rights if c.dep_ in ("cc", "conj") and c.i < tok.i)
                        stack.extend((c, _INNER_DEPS) for c in child.rights if c.dep_ == "conj" and c.i < tok.i)
        left = tok.i
        while left - 1 in members and tok.doc[left - 1].text not in ("-", "–", "—", ":") or \
                left - 1 in members and not tok.doc[left - 1].whitespace_:
            left -= 1  # "five major areas - technological innovation": a dash with spaces ends the phrase
        return left

    @staticmethod
    def _following(doc, pos: int, limit: int) -> list[tuple[int, int]]:
        """Items after ``pos`` joined by commas and "and": runs of nouns and adjectives."""
        out = []
        while pos < limit:
            sep = pos
            while sep < limit and (doc[sep].text in (",", "and", "or", "&") or doc[sep].lower_ in ("as", "well")
                                   and doc[sep].text != "As"):
                sep += 1
            if sep == pos:
                break
            end = sep
            while end < limit and (doc[end].tag_ in _RUN_TAGS or doc[end].text in ("-", "/")):
                end += 1
            if end == sep or doc[end - 1].tag_ not in ("NN", "NNS", "NNP", "NNPS", "VBG") or (
                    end < limit and doc[end].text not in (",", "and", "or", ".", ";", ")", "”", "\"", "&", "as")
                    and not (out and doc[end].tag_ in ("VBP", "VBZ", "VBD", "MD"))):  # "..., and eco-tourism have become"
                break
            out.append((sep, end))
            pos = end
        return out

    def _phrase(self, doc, left: int, end: int, proper: bool) -> SectorPhrase | None:
        head = doc[end - 1]
        while left < end - 1 and doc[left].lower_ in self.trim:
            left += 1  # "including research and development": the fixed name after a word that opens a list
        longer = next((n for n in (2, 3) if doc[left:end + n].text.lower() in self.fixed
                       or doc[end - 1:end + n].text.lower() in self.fixed), 0)
        if longer:
            end += longer  # "research and development" is one field, "petroleum science and technology" too
        elif head.lower_ in self.generic:
            end -= 1  # "security cooperation" is security
        while left < end and (doc[left].tag_ in ("DT", "PRP$", "CD", "CC", ",", "HYPH", "POS", "RB", "JJS", "JJR")
                              or doc[left].lower_ in self.trim):
            left += 1
        if 0 < left < end - 1 and doc[left].tag_ == "VBN" and doc[left - 1].tag_ in ("RB", "HYPH"):
            left += 1  # "a well-developed industrial production industry" judges it
        while end > left and doc[end - 1].tag_ in (",", "HYPH", "CC", "POS"):
            end -= 1
        while left >= 2 and doc[left - 1].text == "-" and not doc[left - 2].whitespace_ and \
                not doc[left - 1].whitespace_ and doc[left - 2].is_alpha:
            left -= 2  # "bio-medicine", "new-generation": the tokenizer's hyphen, not a list's dash
        if end <= left:
            return None
        span = doc[left:end]
        text = span.text.lower()
        if not text.split() or text in self.stop or text.split()[-1] in self.non_field_heads or \
                text.split()[-1] in self.actors or text.split()[-1] in self.titles or \
                not self._plausible(span, proper):
            return None
        return SectorPhrase(span.start_char, span.end_char, text)

    def _plausible(self, span, proper: bool) -> bool:
        words = span.text.split()
        if not 1 <= len(words) <= 6:
            return False
        if any(t.tag_ in ("PRP", "CD", "WDT", "WP", "MD") or t.like_num or t.is_digit for t in span):
            return False
        if span[-1].tag_ not in ("NN", "NNS", "NNP", "NNPS", "JJ", "VBG", "VBN") or span[-1].is_stop and span[-1].text.islower():
            return False
        if any(c.dep_ == "prep" and c.lower_ == "of" and any(o.dep_ == "pobj" for o in c.children)
               for c in span[-1].rights):
            return False  # "the promotion of two-way tourism": an act on a field, not one
        if span[-1].tag_ == "VBG" and any(c.dep_ == "dobj" for c in span[-1].children):
            return False  # "focuses on enhancing the capabilities": a verb with its object, not a field
        if any(t.ent_type_ in ("GPE", "PERSON", "NORP", "LOC", "FAC") and t.text[:1].isupper()
               and not (t.ent_type_ == "NORP" and t.i > span.start and span[0].is_lower and span[-1].is_lower)
               or t.ent_type_ in ("DATE", "MONEY", "PERCENT", "CARDINAL") for t in span):  # "cloud computing" is no person
            return False  # a people's word inside a common phrase is a kind of field: "modern Chinese medicine"
        if len(span) == 1 and span[0].ent_type_ == "ORG" and any(c.dep_ == "poss" for c in span[0].children):
            return False  # "led by Russian energy giant Gazprom and India's ONGC": a place's firm, no field
        capitals = [t for t in span if t.tag_ in ("NNP", "NNPS") and t.text[:1].isupper()
                    and not (t.text.isupper() and len(t) <= 5)]  # "cloud" tagged NNP is still a word
        return not capitals or proper


class SectorScheme:
    """The SKOS sector scheme (``ontology/sectors.ttl``) as a lexicon.

    ``concept("bio-medicine")`` gives the concept IRI of a written variant;
    ``broader("high-end equipment manufacturing")`` the concept a new phrase
    belongs under, by its head words ("... manufacturing" under manufacturing).
    """

    def __init__(self, labels: dict[str, str]):
        self.labels = labels

    @classmethod
    def load(cls, path: "str | Path") -> "SectorScheme":
        """The scheme of a SKOS Turtle file: every prefLabel and altLabel, lower-cased."""
        import pyoxigraph as ox

        store = ox.Store()
        store.load(path=str(path), format=ox.RdfFormat.TURTLE)
        labels: dict[str, str] = {}
        for prop in ("prefLabel", "altLabel"):
            p = ox.NamedNode("http://www.w3.org/2004/02/skos/core#" + prop)
            for q in store.quads_for_pattern(None, p, None):
                labels.setdefault(q.object.value.lower(), q.subject.value)
        return cls(labels)

    def concept(self, phrase: str) -> str | None:
        """The concept IRI a written phrase names, if the scheme has it."""
        return self.labels.get(phrase.lower())

    def broader(self, phrase: str) -> str | None:
        """The concept a new phrase belongs under, by its head words."""
        words = re.split(r"\s+", phrase.lower())
        for n in range(1, len(words)):
            found = self.labels.get(" ".join(words[n:]))
            if found:
                return found
        first = re.split(r"\s+and\s+", phrase.lower())[0]
        return self.labels.get(first) if first != phrase.lower() else None


@functools.lru_cache(maxsize=1)
def default_scheme() -> SectorScheme:
    """The scheme shipped in ``ontology/``, loaded once per process (empty if missing)."""
    from ..errors import KGError
    from ..resources import sector_scheme_path

    try:
        return SectorScheme.load(sector_scheme_path())
    except KGError:
        return SectorScheme({})
