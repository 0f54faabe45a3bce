"""Find typed mentions in a parsed Doc: places, people, organisations, events, sectors.

Sources, strongest first: patterns over capitalised runs ending in a head
word from a lexicon ("... Conference", "... Committee", "... New Area"), the
GeoNames gazetteer, then the statistical NER, which the first two correct
("Qingdao" is never a person). Overlaps go to the stronger, then longer span.
"""
from __future__ import annotations

import bisect
import functools
import itertools
import re
from typing import NamedTuple

from spacy.attrs import IDX, LENGTH, LOWER
from spacy.strings import hash_string
from spacy.tokens import Doc, Span, Token

from ..lexicons import read_lexicon
from ..schema import ORG_CLASSES, PERSON_CLASSES, PLACE_CLASSES
from .columns import capitalised_tokens, token_starts, token_strings
from .gazetteer import Gazetteer, ascii_name
from .money import find_money
from .rules import doc_text
from .sectors import SectorFinder, default_scheme


class Mention(NamedTuple):
    """A typed name in the text: character span, class, canonical key and the rule that typed it."""
    start: int  # character offsets in doc.text
    end: int
    text: str  # the name as written, honorifics and "'s" stripped
    cls: str  # fine class
    key: str  # canonical name: mentions with the same coarse class and key are one entity
    rule: str


CONNECTORS = {"and", "&", "-", "of", "for", "on", "in", "de", "–"}
PLACE_NOUNS = {"province": "Region", "state": "Region", "city": "City", "county": "District",
               "region": "Region", "prefecture": "City", "district": "District", "territory": "Region",
               "krai": "Region", "kray": "Region", "oblast": "Region", "aimag": "Region", "governorate": "Region",
               "emirate": "Region", "canton": "Region", "town": "City", "municipality": "City"}
# "the regions of Vesterålen and Lofoten", "the cities of Qingdao and Yantai": plural place nouns and their class
_REGION_NOUNS = "|".join(n for n, c in PLACE_NOUNS.items() if c == "Region")  # "province", "oblast", ...
_PLURAL_PLACE_NOUNS = {(n[:-1] + "ies" if n.endswith("y") else n + "s"): c for n, c in PLACE_NOUNS.items()}
# lower-case words inside place names: "Dar es Salaam", "Rio de Janeiro", "Bandar Seri Begawan" has none
_NAME_PARTICLES = frozenset({"es", "de", "del", "da", "do", "dos", "das", "di", "du", "la", "le", "el", "al",
                             "van", "von", "der", "den", "bin", "upon", "on"})
_BODY_PARTICLES = _NAME_PARTICLES - {"on", "upon"}  # inside a body's name: "Foment del Treball", "Banco de ..."
# the prepositions that join a title or a name to what follows it: "chief of", "analyst at", "envoy to"
TITLE_PREPOSITIONS = ("of", "in", "at", "for", "to", "with")


class _NoPlace:
    cls = None


_NO_PLACE = _NoPlace()
_PERSON_HONORIFICS = {"Datuk", "Dato", "Dato'", "Tun", "Dr", "Mr", "Mrs", "Ms", "Prof", "Professor", "Sir", "Dame",
                      "Shri", "Smt", "Madam", "Mdm", "Puan", "Encik", "Tengku", "Tunku", "Sheikh", "Shaikh"}
# Heads of the bodies a unit belongs to: "Standing Committee of the CPC Jiangsu Provincial Committee".
PARENT_HEADS = {"Committee", "Government", "Congress", "Council", "Commission"}
# Heads of the units of a body: "Standing Committee" of the party committee
_UNIT_HEADS = {"Committee", "Commission", "Council", "Board", "Assembly", "Congress", "Bureau", "Department", "Office"}
_POST_NOMINALS = frozenset(read_lexicon("post_nominals"))  # "Guy Mansfield QC": no part of the name
_HONORIFIC_STOPS = {"Datuk", "Dato", "Seri", "Sri", "Tan", "Tun", "Dr", "Mr", "Mrs", "Ms", "Prof", "Tengku", "Tunku"}
_COMPANY_NOUNS = ("companies", "company", "firms", "firm", "brands", "brand", "like", "group", "giant", "maker",
                  "manufacturer", "carrier", "bank", "conglomerate", "developer", "operator", "retailer",
                  "airline", "startup", "start-up", "subsidiary", "unit", "automaker", "insurer", "lender")
_COMPANY_NOUN_BEFORE = re.compile(rf"\b(?:{'|'.join(n for n in _COMPANY_NOUNS if n != 'like')})s?\s+$")  # "airline Ryanair"
# Plural nouns that introduce a list of firms: "two Indian airlines - Air Deccan and Kingfisher".
_FIRM_PLURALS = {"airlines", "carriers", "firms", "companies", "banks", "lenders", "insurers", "retailers",
                 "operators", "makers", "manufacturers", "carmakers", "automakers", "developers", "brewers",
                 "conglomerates", "giants", "rivals", "brands", "telecoms", "startups", "start-ups"}
_FIRM_SUFFIXES = {"Co", "Ltd", "Limited", "Sdn", "Bhd", "Berhad", "Pte", "Inc", "Corp", "PLC", "Plc", "LLC", "AG",
                  "SA", "NV", "GmbH", "Pvt"}
_DATE_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
               "february", "march", "april", "may", "june", "july", "august", "september", "october",
               "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
               "nov", "dec"}
_EVENT_NOUNS = {"show", "fair", "expo", "summit", "forum", "conference", "exhibition", "festival", "meet"}
_MONEY_PREFIX = {"Rs", "Rs.", "RM", "$", "US$", "HK$", "£", "€", "¥", "RMB", "Rp", "S$"}
_COMPASS = frozenset(read_lexicon("compass_words"))  # "Northwest China" is no organisation
_TIME_ZONES = frozenset(read_lexicon("time_zones"))
_SITE_NOUNS = frozenset(read_lexicon("site_nouns"))  # "the Hotazel area", "Fiumicino airport"
_NOT_SITE_NAMES = frozenset({"ORG", "PERSON", "NORP", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW"})  # the NER's other kinds
_SIGNING_VERBS = frozenset(w for w in read_lexicon("signing_verbs") if " " not in w)
# A small city matched only by the gazetteer needs the NER to agree.
TRUST_POPULATION = 500000
# Part-of-speech tags of words that are no part of a name: "The", "He", "In", "And", "Will", "See" the verb
_FUNCTION_TAGS = ("DT", "PRP", "IN", "CC", "WDT", "WP", "WRB", "MD", "VB", "TO", "EX", "PDT", "RB")


_PORT_OF = re.compile(r"\bPort\s+of\b")
HOME_PARTICIPLES = frozenset(read_lexicon("home_participles"))  # "Canada-based", "owned", "listed": a firm's home
_HOME_PREFIX = re.compile(r"^(?:[A-Z][\w.'’]*[ -])+?(?:" + "|".join(sorted(HOME_PARTICIPLES)) + r")\s+(?=[A-Z])")


def _sector_named(m: Mention) -> Mention:
    """A name the NER took for a firm that the sector scheme lists ("Clean Energy", "Biotech", "IT/ITeS") is
    the sector, written in capitals."""
    if (m.rule.startswith("ner-") or m.rule == "org-head") and m.cls in ("Company", "Organization") and \
            all(default_scheme().concept(part.strip()) for part in m.text.split("/")):
        return m._replace(cls="Sector", key=m.text.lower(), rule=m.rule + "-sector")
    return m


def _without_home_prefix(m: Mention) -> Mention:
    """"China-based GR Investments Co. Ltd.", "Singapore-headquartered Universal Success Enterprises": the
    firm's name starts after the description of its home."""
    cut = _HOME_PREFIX.match(m.text) if m.cls in ORG_CLASSES else None
    if cut is None:
        return m
    text = m.text[cut.end():]
    return m._replace(start=m.start + cut.end(), text=text, key=text if m.key == m.text else m.key)


def _is_cap(tok: Token) -> bool:
    t = tok.text
    if not (t[:1].isupper() or t[:1].isdigit()):
        return False  # most words: no need to read the flags below
    if tok.is_sent_start and tok.is_stop:
        return False  # "At Tencent Co.": a capitalised function word opens the sentence
    return (t[:1].isupper() or t[:1].isdigit() and tok.i > 0 and t.isdigit() and len(t) == 4) and t not in ("The", "A", "An")


# the last words of public titles, capitalised before a name: "Mayor", "Governor", "Minister"
_TITLE_HEADS = frozenset(t.split()[-1] for t in read_lexicon("public_titles")) - {"of", "the", "state", "general"}


def _name_plural_possessive(doc: Doc, i: int, sent_start: int) -> bool:
    """Whether token ``i`` is the possessive of a capitalised plural noun that is no place, inside a name: "The
    People's Bank of China", "the People’s Committee of Bac Ninh province", "Women's Institute"; not the
    owner before a name ("Bac Ninh’s Party Committee", "the Philippines' Department of Trade")."""
    return doc[i].tag_ == "POS" and i - 1 >= sent_start and doc[i - 1].tag_ == "NNPS" and _is_cap(doc[i - 1]) \
        and doc[i - 1].ent_type_ not in ("GPE", "LOC", "NORP")


def _cap_run_left(doc: Doc, end: int, sent_start: int, heads: frozenset[str] = frozenset(),
                  titles: frozenset[str] = frozenset(), *, plural_possessives: bool = False) -> int:
    """Start of the capitalised run that ends just before token ``end``.

    The run does not cross "and" after a head word: "X Zone and Tencent Cloud" is two names; nor a
    title's "of" ("Secretary of Linyi Municipal Party Committee"), nor a date ("Friday in Xishan District");
    with ``plural_possessives`` it crosses a plural noun's possessive ("People's Bank of China").
    """
    i = end - 1
    start = end
    joined = None  # the "and" the run has crossed, if any
    while i >= sent_start and end - i <= 10:
        tok = doc[i]
        if tok.lower_ == "in" and joined is not None and i > sent_start and _is_cap(doc[i - 1]):
            # "Chamber of Commerce in Vilnius and Klaipėda State Seaport Authority": two names, the "in" inside the
            # run; not "shares in Trade and Development Bank", where the "in" comes before it
            start = joined + 1
            break
        if tok.lower_ in ("and", "&"):
            joined = i
        if tok.text in _HONORIFIC_STOPS or (tok.lower_ in _DATE_WORDS and i + 1 < len(doc) and doc[i + 1].is_lower):
            break  # "Menteri Besar Datuk Seri Wan Rosdy ... and Pahang State Assembly": a person sits here
        if tok.lower_ == "of" and i - 1 >= sent_start and doc[i - 1].lower_ in titles:
            break
        if tok.text in ("-", "–", "—", "--") and tok.whitespace_ and i > 0 and doc[i - 1].whitespace_:
            break  # "BANDUNG - West Java Provincial Government": a dateline, then the name
        if tok.text == ")" and i - 3 >= sent_start and doc[i - 2].text == "(" and _is_cap(doc[i - 1]) \
                and _is_cap(doc[i - 3]) and i + 1 < end:
            i -= 3  # "Golden Sea Farm (Thai) Co Ltd": a bracketed word inside the name
            start = i
            continue
        if tok.lower_ in ("and", "&") and i - 1 >= sent_start and doc[i - 1].ent_type_ == "PERSON":
            break  # "Wan Rosdy Wan Ismail and Pahang State Assembly": a person, then another name
        if tok.lower_ in ("and", "&") and tok.ent_iob_ == "O" and i - 1 >= sent_start and doc[i - 1].ent_type_ and \
                doc[i + 1].ent_iob_ == "B":
            break  # "Fiat and General Motors (GM) have until midnight": the NER's two names, not one
        if tok.lower_ in ("and", "&") and any(doc[j].text[:1].isupper() and doc[j].lower_ in _TITLE_HEADS
                                              for j in range(max(sent_start, i - 4), i)):
            break  # "Davao City Mayor Sara Duterte and Kaua'i County": a titled person, then another name
        name_word = _is_cap(tok) or (tok.text.isdigit() and len(tok.text) == 4) or (
            tok.is_lower and i - 2 >= sent_start and doc[i - 1].text == "-" and _is_cap(doc[i - 2]))  # "High-tech"
        connector = tok.lower_ in CONNECTORS and i - 1 >= sent_start and (
            _is_cap(doc[i - 1]) or doc[i - 1].text.isdigit()) and tok.i + 1 < end and not (
            tok.lower_ in ("and", "&") and doc[i - 1].text in heads) or \
            plural_possessives and _name_plural_possessive(doc, i, sent_start)
        if name_word:
            start = i
        elif not connector:
            break
        i -= 1
    while start < end and doc[start].lower_ in CONNECTORS:
        start += 1
    if start > 0 and doc[start - 1].lower_ == "between":
        # "between PM Access World and Beibu Gulf International Port Group": the second of two names
        start = next((t.i + 1 for t in reversed(doc[start:end]) if t.lower_ == "and"), start)
    return start


_DESCRIBED_AS = ("city", "town", "port", "district", "county", "province", "region", "state", "capital", "village",
                 "municipality", "prefecture", "territory")


def _after_minister(doc: Doc, start: int) -> bool:
    """Whether token ``start`` follows a minister's "of" or "for" with no "the": what a minister is "of" so is
    the field of the post ("Minister of National Security", "Minister for Municipal Administration and Urban
    Development"), but "Minister for the Cabinet Office" names a body."""
    return start >= 2 and doc[start - 1].lower_ in ("of", "for") and doc[start - 2].text[:1].isupper() and \
        doc[start - 2].lower_.split("-")[-1] == "minister"


def _described_as_place(doc: Doc, end: int) -> bool:
    """Whether the words after token ``end`` say the name before is a place: "Wilhelmshaven, a port city in
    ...", "Ghanzi is a district in western Botswana"."""
    k = end
    if k < len(doc) and doc[k].text == ",":
        k += 1
    elif k < len(doc) and doc[k].lower_ in ("is", "was"):
        k += 1
    if k >= len(doc) or doc[k].lower_ not in ("a", "an", "the"):
        return False
    for tok in doc[k + 1:k + 5]:
        if tok.lower_ in _DESCRIBED_AS:
            return True
        if not (tok.is_lower and tok.is_alpha or tok.tag_ == "JJ"):
            return False
    return False


def _placed_in(doc: Doc, span: Span, gaz: Gazetteer) -> bool:
    """Whether a name stands after "in" or "at" and before a comma and a country or region: "in Charles Hill,
    Botswana, on August 13" names a place."""
    end = span.end
    return span.start > 0 and doc[span.start - 1].lower_ in ("in", "at") and end + 1 < len(doc) and \
        doc[end].text == "," and (gaz.get(doc[end + 1].text) or _NO_PLACE).cls in ("Country", "Region")


def _words(doc: Doc, start: int, end: int) -> str:
    """``doc[start:end].text``, cut from the Doc's text: no Span made, nor a Token for each word."""
    if end <= start:
        return ""
    texts, starts = token_strings(doc, "text"), token_starts(doc)
    return doc_text(doc)[starts[start]:starts[end - 1] + len(texts[end - 1])]


def _chars(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """``doc[start:end]``'s ``start_char`` and ``end_char``, read from the token columns: no Span made."""
    starts, texts = token_starts(doc), token_strings(doc, "text")
    first = starts[start] if start < len(starts) else len(doc_text(doc))
    return first, starts[end - 1] + len(texts[end - 1]) if end > start else first


def _whole_word_hits(name: str, text: str):
    """Where ``name`` stands in ``text`` as a whole word: the starts ``re.finditer(rf"(?<![\\w-]){re.escape(name)}(?![\\w-])",
    text)`` gives, found with ``str.find`` (no pattern compiled for each name of each article)."""
    n = len(name)
    at = text.find(name)
    while at >= 0:
        before, after = text[at - 1:at] if at else "", text[at + n:at + n + 1]
        if (before.isalnum() or before in ("_", "-")) and before or (after.isalnum() or after in ("_", "-")) and after:
            at = text.find(name, at + 1)  # not a word of its own here: the next occurrence may overlap this one
            continue
        yield at
        at = text.find(name, at + n)


def _outside_longer(mentions: list[Mention]) -> list[Mention]:
    """The mentions (sorted by start) that no longer mention holds: what ``[m for m in mentions if not any(o.start
    <= m.start and m.end <= o.end and o is longer for o in mentions)]`` keeps, without comparing every pair. A
    mention is held by one that starts before it and ends at or after its end, or starts with it and ends after."""
    starts = [m.start for m in mentions]
    reach = list(itertools.accumulate((m.end for m in mentions), max, initial=-1))  # reach[k]: last end before k
    out = []
    for m in mentions:
        first, after = bisect.bisect_left(starts, m.start), bisect.bisect_right(starts, m.start)
        if reach[first] < m.end and not any(o.end > m.end for o in mentions[first:after]):
            out.append(m)
    return out


def _is_subsequence(word: str, letters: str) -> bool:
    """Whether ``word``'s letters appear, in order, in ``letters``: "elspa" in "ealspa"."""
    it = iter(letters)
    return all(c in it for c in word)


class MentionFinder:
    """The ``nkg_mentions`` component's logic; see :mod:`kg.nlp.factories`."""

    def __init__(self, gazetteer: Gazetteer):
        self.gaz = gazetteer
        self.event_heads = {h.split()[-1] for h in read_lexicon("event_heads")}
        self.org_heads = dict(line.split("|") for line in read_lexicon("org_heads"))
        self.district_heads: dict[str, list[tuple[str, ...]]] = {}  # by last word, in lexicon order
        for h in read_lexicon("district_heads"):
            self.district_heads.setdefault(h.split()[-1], []).append(tuple(h.split()))
        self.honorifics = set(read_lexicon("honorifics"))
        self.titles = set(read_lexicon("public_titles"))
        self.title_words = {w for t in self.titles for w in re.split(r"[\s-]", t)}
        # the nouns titles end in ("director", "governor"): a name right beside one holds a post
        self.portfolio = frozenset(read_lexicon("portfolio_words"))
        self.title_heads = {re.split(r"[\s-]", t)[-1] for t in self.titles} - {"of", "the", "and", "general", "state"}
        self.sectors = SectorFinder()
        self.not_names = set(read_lexicon("not_names"))
        self.tenure_adjectives = frozenset(read_lexicon("tenure_adjectives"))  # "New ... Commissioner Sir Ian Blair"
        self.occupation_nouns = frozenset(read_lexicon("occupation_nouns"))  # "Farmer Geoff Brooks"
        self.relationship_words = frozenset(read_lexicon("relationship_words"))
        self.prefixes = dict(line.split("|") for line in read_lexicon("name_prefixes"))
        self.heads = frozenset(self.event_heads | set(self.org_heads) | set(self.district_heads))
        # "meetings with Temasek Chairman Teo Chee Hean": one capitalised word, a firm's title, a person's name
        staff = "|".join(re.escape(t) for t in sorted(read_lexicon("private_titles"), key=len, reverse=True)) or r"(?!)"
        self.firm_before_title = re.compile(rf"(?<=\s)([A-Z][A-Za-z&]+)\s+(?i:{staff})\s+$")
        # "the Xi'an high-tech zone": lower-case words, then a district's head word, after a place's name
        self.zone_named_back = re.compile(r"((?:\s+[a-z][a-z-]*){0,3}?)\s+(" + "|".join(
            sorted({h.lower() for h in self.district_heads}, key=len, reverse=True)) + r")\b")
        self.place_bodies = frozenset(read_lexicon("place_bodies"))
        self.campus_heads = frozenset(read_lexicon("campus_heads"))  # "Leibniz University Hannover"
        self.peoples = frozenset(read_lexicon("peoples"))  # "Malayali", "Telugu": words for people, no names
        self.government_levels = frozenset(read_lexicon("government_levels"))
        # the words before a body's head that name no body of their own: "Party Committee", "Municipal Government"
        self.generic_body_words = self.government_levels | frozenset(read_lexicon("generic_body_words"))
        self.document_heads = frozenset(read_lexicon("document_heads"))  # "Road Safety Bill" is no organisation
        self.place_aliases = frozenset(line.partition("=")[0].strip() for line in read_lexicon("place_aliases"))
        # "X, the country's largest steel producer,": a place's name the article describes as a firm's
        firms = "|".join(sorted(read_lexicon("firm_nouns"), key=len, reverse=True)) or r"(?!)"  # none: no match
        self.firm_described = re.compile(rf",\s+(?:the|a|an)\s+(?:(?!(?:of|in|for|with|to|near|from)\b)[\w'’-]+\s+){{0,4}}?"
                                         rf"(?:{firms})s?\s*[,.;]")
        # "chief economist at Gerrard", ", Halifax chief economist,": a title only a firm's staff hold (of
        # private_titles.txt and not of public_titles.txt) beside a place's name
        market = "|".join(sorted(set(read_lexicon("private_titles")) - self.titles, key=len, reverse=True)) or r"(?!)"
        self.staff_at = re.compile(rf"\b(?:{market})\s+(?:at|with)\s+$")
        self.staff_of = re.compile(rf"\s+(?:chief\s+|senior\s+)?(?:{market})\s*,")
        # the words (as written, and lower-cased) that rules of _patterned start from: see _marked
        self.pattern_words = self.heads | set(self.prefixes) | self.place_bodies | _PERSON_HONORIFICS | {
            "group", "conglomerate"}
        self.pattern_lower_words = frozenset({"of", "from", "between"} | _FIRM_PLURALS | set(PLACE_NOUNS)
                                             | _EVENT_NOUNS | _SITE_NOUNS)
        self.pattern_plain_words = frozenset(w for w in self.pattern_words if not w[:1].isupper())  # "group"
        # the lower case of every word _marked reads in the pass over all words: no other word need be tested
        self.pattern_any_lower = self.pattern_lower_words | {w.lower() for w in self.pattern_plain_words | _MONEY_PREFIX}

    # ------------------------------------------------------------ candidates
    def _patterned(self, doc: Doc, sents: list[Span], titled_starts: set[int]) -> list[tuple[int, int, str, str]]:
        """(start_tok, end_tok, cls, rule) for events, organisations and districts."""
        out = []
        texts, lowers = token_strings(doc, "text"), token_strings(doc, "lower")
        marked = self._marked(doc)
        for sent in sents:
            # each rule below starts from a few words of the sentence: a Token is made only for those
            at = marked[bisect.bisect_left(marked, sent.start):bisect.bisect_left(marked, sent.end)]
            for tok in [doc[i] for i in at if texts[i] in self.heads]:
                if not _is_cap(tok):
                    continue
                end = tok.i + 1
                if tok.text in self.event_heads:
                    nxt = doc[end] if end < sent.end else None
                    if nxt is not None and nxt.text[:1].isupper() and not nxt.like_num and self.gaz.get(nxt.text) is None:
                        continue  # "Meet The Fockers": the name goes on, so this is no event's head
                    start = _cap_run_left(doc, tok.i, sent.start, self.heads, self.title_words)
                    zone = next((t.i for t in doc[start:tok.i] if t.text in _TIME_ZONES), None)
                    if zone is not None:
                        start = zone + 1  # "by 1300 GMT Carnival's shares": a time, then a firm, no event
                    end = self._name_continues(doc, end, sent.end)
                    if end < sent.end and doc[end].like_num and len(doc[end].text) == 4:
                        end += 1  # "... Global Investors Summit 2023"
                    if start > sent.start and doc[start - 1].text in ("“", '"') :
                        close = next((t.i for t in doc[end:min(sent.end, end + 6)] if t.text in ("”", '"')), None)
                        if close is not None and all(_is_cap(t) or t.lower_ in CONNECTORS for t in doc[end:close]):
                            end = close  # “Jiangsu Week in Macau”: a quoted name ends at its quote
                    if end - 1 - start >= 1:
                        out.append((start, end, "Event", "event-head"))
                    continue
                head_cls = self.org_heads.get(tok.text)
                if head_cls and tok.ent_type_ == "ORG" and tok.ent_iob_ != "" and end < sent.end and \
                        doc[end].ent_iob_ == "I" and _is_cap(doc[end]) and doc[end].text not in self.heads \
                        and doc[end].lower_ not in self.title_words:
                    continue  # "Shanghai International Technology Exchange Center": the NER's name goes on
                if head_cls:
                    # "Ministry of Commerce", "Management Committee of the Jinyi New District"
                    j = end
                    named_for_place = self._starts_with_place(doc, tok.i, sent.start)
                    if j + 2 < sent.end and (doc[j].lower_ == "of" or doc[j].lower_ == "for" and (
                            _is_cap(doc[j + 1]) or doc[j + 1].lower_ == "the" and _is_cap(doc[j + 2]))) \
                            and not (doc[j + 1].lower_ == "the" and self.gaz.get(doc[j + 2].text) is not None) \
                            and not (named_for_place and self.gaz.get(doc[j + 1:j + 3].text or "") is not None
                                     or named_for_place and self.gaz.get(doc[j + 1].text) is not None):
                        # "Ministry of Commerce", "Bank of China"; not "General Motors of the US", nor
                        # "Gyeongsangbuk-do Provincial Government of South Korea"
                        # "Ministry of Commerce", "Bank of China"; not "General Motors of the US"
                        k = j + 1
                        if doc[k].lower_ == "the":
                            k += 1
                        m = k
                        while m < sent.end and (_is_cap(doc[m]) or (doc[m].lower_ in ("and", "&", "of", ",", "'s", "’s")
                                                                   and m + 1 < sent.end and _is_cap(doc[m + 1])
                                                                   and self.gaz.get(doc[m + 1].text) is None)
                                                or doc[m].text == "," and m + 2 < sent.end and doc[m + 1].lower_ == "and"
                                                and _is_cap(doc[m + 2])):  # "Social Action, Family, and Woman Promotion"
                            if doc[m].lower_ in ("and", "&", ",") and self._next_name_has_head(doc, m + 1, sent.end):
                                break  # "... Industry Inc. and American Chamber of ...": the next body's name
                            m += 1
                        while m > k and doc[m - 1].text == ",":
                            m -= 1
                        if "," in doc[k:m].text and not any(t.lower_ in ("and", "&") for t in doc[k:m]):
                            m = next(t.i for t in doc[k:m] if t.text == ",")  # a list needs its "and"
                        if m > k:
                            end = m
                    if end == tok.i + 1 and end + 1 < sent.end and doc[end].text == "&" and _is_cap(doc[end + 1]):
                        end += 1  # "Independent News & Media": an ampersand joins one name
                        while end < sent.end and _is_cap(doc[end]) and end - tok.i <= 4:
                            end += 1
                    start = _cap_run_left(doc, tok.i, sent.start, self.heads, self.title_words, plural_possessives=True)
                    if any(_name_plural_possessive(doc, k, sent.start) for k in range(start, tok.i)):
                        # "... International Trade and Gansu Provincial People's Government": a place's body starts
                        # at the place; but "Transport and General Workers' Union" is one name
                        start = next((k + 1 for k in range(tok.i - 1, start, -1) if doc[k].lower_ in ("and", "&")
                                      and self.gaz.get(doc[k + 1].text) is not None), start)
                    start = self._owning_place(doc, start, tok.i, sent.start) if end == tok.i + 1 else start
                    ner_start = tok.i
                    while tok.ent_type_ == "ORG" and ner_start > start and doc[ner_start].ent_iob_ == "I":
                        ner_start -= 1
                    if start < ner_start and doc[ner_start - 1].lower_ in ("and", "&") and tok.ent_type_ == "ORG" \
                            and start > sent.start and doc[start - 1].lower_ in ("in", "at", "to", "from") \
                            and self.gaz.get(doc[start:ner_start - 1].text) is not None:
                        start = ner_start  # "in Turkey and Sichuan Airlines": a place, then the NER's firm
                    if doc[start].text in self.gaz.demonyms and tok.i - start >= 2 and head_cls == "Company":
                        start += 1  # "Saudi Dar Al Arkan ... Company" is the firm; "Indian Air Force" keeps its nation
                    while end + 1 < sent.end and doc[end].text == "," and doc[end + 1].text.rstrip(".") in (
                            "Ltd", "Inc", "Limited", "LLC", "PLC", "Bhd", "Corp"):
                        end += 2  # "Tencent Co., Ltd."
                    if end == tok.i + 1 and tok.text in self.campus_heads and end < sent.end and \
                            (self.gaz.get(doc[end].text) or _NO_PLACE).cls == "City" and \
                            (end + 1 == sent.end or not _is_cap(doc[end + 1])):
                        end += 1  # "Leibniz University Hannover": a university named with its city after it
                    start = self._past_tenure(doc, start, end)
                    if end - start >= 2 and self.gaz.get(doc[start:end].text) is None:  # "Russian Federation"
                        out.append((start, end, head_cls, "org-head"))
                    continue
                for head in self.district_heads.get(tok.text, ()):
                    n = len(head)
                    if tuple(t.text for t in doc[tok.i - n + 1:tok.i + 1]) == head and tok.i - n + 1 > sent.start:
                        start = _cap_run_left(doc, tok.i - n + 1, sent.start, self.heads, self.title_words)
                        if start < tok.i - n + 1 and self.gaz.get(doc[start:end].text) is None:
                            out.append((start, end, "District", "district-head"))  # not "Long Beach", a city
                        break
            # "acting director-general of Investment in Hong Kong": the body a title is "of"
            for tok in [doc[i] for i in at if lowers[i] == "of"]:
                if tok.lower_ != "of" or tok.i == sent.start or doc[tok.i - 1].lower_ not in self.title_words:
                    continue
                k = tok.i + 1 + (tok.i + 1 < sent.end and doc[tok.i + 1].lower_ == "the")
                if k < sent.end and doc[k].lower_ in _TITLE_HEADS:
                    continue  # "the mission of the Mayor of Medellín": a title, not the body of one
                # "Chairman of the provincial People’s Committee": a level of government, in lower case, opens the
                # body's name (not "the Federal Reserve", which the capitalised run takes as it is)
                leveled = k + 1 < sent.end and doc[k].text in self.government_levels and _is_cap(doc[k + 1])
                m = k + leveled
                while m < sent.end and (_is_cap(doc[m]) or (doc[m].lower_ in ("in", "of", "for", "and", "&") or
                                                            m > k and doc[m].text in _BODY_PARTICLES or
                                                            leveled and doc[m].tag_ == "POS")
                                        and m + 1 < sent.end and _is_cap(doc[m + 1])):  # "Foment del Treball"
                    if m > k and (doc[m].ent_type_ == "PERSON" and doc[m].ent_iob_ == "B" or m in titled_starts):
                        break  # "Minister of State for External Affairs V Muraleedharan": the name is not the body
                    if m > k and doc[m].lower_ in _TITLE_HEADS:
                        break  # "County of Hawaii Mayor Bernard P. Carvalho": the next title starts
                    if m > k and doc[m].lower_ == "in" and self.gaz.get(doc[k:m].text) is not None:
                        break  # "the Mayor of Medellín in Barcelona": the place the title is of, then where he is
                    if m > k and _is_cap(doc[m]) and doc[m].text not in self.heads and \
                            self.gaz.get(doc[k:m].text) is not None and self.gaz.get(doc[k:m + 1].text) is None:
                        break  # "The President of Georgia Giorgi Margvelashvili": a place, then the holder's name
                    m += 1
                if leveled and doc[m - 1].text not in self.org_heads:
                    m = k  # a level of government before no body's head: "the provincial Party Secretary"
                name = doc[k:m].text
                if m - k >= 2 and self.gaz.get(name) is None and not all(
                        t.lower_ in self.portfolio or t.lower_ in ("and", "&") for t in doc[k:m]) and not any(
                        t.lower_ in ("and", "&") for t in doc[k:m]) and not (
                        doc[m - 1].lower_ in PLACE_NOUNS and self.gaz.get(doc[k:m - 1].text) is not None):
                    # "Mayor of Linyi City" is the city's mayor: the place rules take "Linyi City"
                    cls = self.org_heads.get(doc[m - 1].text, "Agency")
                    out.append((k, m, cls, "post-body"))
            # "Datuk Seri Wan Rosdy Wan Ismail", "Mr Blair": the capitalised run after honorifics is a person
            for tok in [doc[i] for i in at if texts[i].rstrip(".") in _PERSON_HONORIFICS]:
                if tok.text.rstrip(".") not in _PERSON_HONORIFICS or (tok.i > sent.start and doc[tok.i - 1].text in self.honorifics):
                    continue
                k = tok.i + 1
                while k < sent.end and doc[k].text.rstrip(".") in self.honorifics:
                    k += 1
                end = k
                while end < sent.end and _is_cap(doc[end]) and doc[end].text not in self.heads and end - k < 5:
                    end += 1
                if end > k and self.gaz.get(doc[k:end].text) is None:
                    out.append((k, end, "Person", "honorific-name"))
            # "Kampung Sungai Pohoi", "Perbadanan Setiausaha Kerajaan Pahang": a first word gives the class
            for tok in [doc[i] for i in at if texts[i] in self.prefixes]:
                cls = self.prefixes.get(tok.text)
                if cls and tok.i + 1 < sent.end and _is_cap(doc[tok.i + 1]) and (tok.i == sent.start or not _is_cap(doc[tok.i - 1])):
                    end = tok.i + 1
                    while end < sent.end and _is_cap(doc[end]) and end - tok.i < 6:
                        end += 1
                    if doc[end - 1].text not in self.heads:  # "Ministry ... Committee" is the head rule's
                        out.append((tok.i, end, cls, "name-prefix"))
            out += self._firm_list(doc, [doc[i] for i in at if lowers[i] in _FIRM_PLURALS], sent.end)
            # "Lulu group", "the Tata group": a business group named before a lower-case "group"
            for tok in [doc[i] for i in at if texts[i] in ("group", "conglomerate")]:
                if tok.text in ("group", "conglomerate") and tok.i > sent.start and doc[tok.i - 1].tag_ in ("NNP", "NNPS") \
                        and doc[tok.i - 1].text not in self.gaz.demonyms and self.gaz.get(doc[tok.i - 1].text) is None:
                    start = _cap_run_left(doc, tok.i, sent.start, self.heads, self.title_words)
                    if start < tok.i and doc[start].text not in self.not_names:
                        out.append((start, tok.i + 1, "Company", "org-head"))
            # "between PM Access World and ...": the first of the two names
            for tok in [doc[i] for i in at if lowers[i] == "between"]:
                if tok.lower_ == "between" and tok.i + 2 < sent.end:
                    k = tok.i + 1 + (doc[tok.i + 1].lower_ == "the")
                    end = k
                    while end < sent.end and _is_cap(doc[end]) and end - k < 6:
                        end += 1
                    if k + 1 < end < sent.end and doc[end].lower_ == "and" and self.gaz.get(doc[k:end].text) is None \
                            and not any(doc[j].ent_type_ in ("PERSON", "GPE", "NORP", "DATE") or doc[j].lower_ in _DATE_WORDS
                                        for j in range(k, end)):
                        out.append((k, end, "Company", "between-pair"))
            out += self._place_bodies(doc, [doc[i] for i in at if texts[i] in self.place_bodies], sent.start)
            # "Binh Duong province", "Weifang city": a name the gazetteer lacks, typed by its noun; but
            # "E China city" is a city in China
            for tok in [doc[i] for i in at if lowers[i] in PLACE_NOUNS]:
                cls = PLACE_NOUNS.get(tok.lower_)
                if cls and tok.i > sent.start and _is_cap(doc[tok.i - 1]) and not (
                        tok.text[0].isupper() and tok.i + 1 < sent.end and _is_cap(doc[tok.i + 1])):
                    start = tok.i - 1
                    while start > sent.start and tok.i - start < 4 and (_is_cap(doc[start - 1]) or (
                            doc[start - 1].text in _NAME_PARTICLES and start - 2 >= sent.start
                            and _is_cap(doc[start - 2]))):
                        start -= 1  # "Dar es Salaam region": a name's lower-case particle
                    name = doc[start:tok.i].text
                    before = self.gaz.get(doc[tok.i - 1].text)
                    if self.gaz.get(name) is None and self.gaz.get(doc[start:tok.i + 1].text) is None and \
                            (before is None or before.cls not in ("Country", "Region")) and \
                            doc[start].text not in self.not_names and doc[start].text not in self.gaz.demonyms and \
                            doc[start].text not in self.peoples and \
                            doc[tok.i - 1].text not in self.heads and doc[tok.i - 1].text not in self.gaz.demonyms:
                        out.append((start, tok.i + 1, cls, "place-noun"))
                # "Georgia's coastal city Batumi", "the Belarusian city Brest": the name after the noun
                if cls and tok.text.islower() and tok.i + 1 < sent.end and _is_cap(doc[tok.i + 1]) and \
                        tok.i > sent.start and (doc[tok.i - 1].text in self.gaz.demonyms or doc[tok.i - 1].tag_ == "JJ"
                                                or doc[tok.i - 1].tag_ == "POS"):
                    end = tok.i + 1
                    while end < sent.end and _is_cap(doc[end]) and end - tok.i <= 3:
                        end += 1
                    words = doc[tok.i + 1:end]
                    if not any(w.lower_ in self.title_words or w.text in self.heads or w.text in self.not_names
                               for w in words) and not words.text.isupper() and \
                            (end == sent.end or doc[end].tag_ != "POS"):
                        out.append((tok.i + 1, end, cls, "place-noun-before"))
            out += self._sites(doc, [doc[i] for i in at if lowers[i] in _SITE_NOUNS], sent.start)
            # "Aero India 2005 air show": a capitalised name before a lower-case event noun
            for tok in [doc[i] for i in at if lowers[i] in _EVENT_NOUNS]:
                if tok.lower_ in _EVENT_NOUNS and tok.text.islower() and tok.i > sent.start:
                    j = tok.i - 1
                    if doc[j].is_lower and j > sent.start:
                        j -= 1  # "air show", "trade fair"
                    if not (_is_cap(doc[j]) or doc[j].like_num and len(doc[j].text) == 4):
                        continue
                    start = _cap_run_left(doc, j + 1, sent.start, self.heads, self.title_words)
                    if j + 1 - start >= 2 and any(t.like_num for t in doc[start:j + 1]):
                        out.append((start, j + 1, "Event", "event-before-noun"))
            # "Salcomp from Finland", "TPI Composites of USA will manufacture": a firm named by its country
            for tok in [doc[i] for i in at if lowers[i] in ("from", "of")]:
                if tok.lower_ in ("from", "of") and tok.i > sent.start and tok.i + 1 < sent.end and \
                        _is_cap(doc[tok.i - 1]) and doc[tok.i - 1].text not in self.heads:
                    country = self.gaz.get(doc[tok.i + 1].text)
                    if country is None or country.cls != "Country":
                        continue
                    start = tok.i
                    while start > sent.start and _is_cap(doc[start - 1]) and tok.i - start < 3:
                        start -= 1
                    name = doc[start:tok.i]
                    if 1 <= len(name) <= 3 and self.gaz.get(name.text) is None and not any(
                            t.lower_ in self.title_words or t.text in self.not_names for t in name) and not any(
                            self.gaz.get(_words(doc, k, tok.i + 2)) is not None for k in range(
                                max(sent.start, start - 3), start + 1)):  # "(People’s) Republic of China": a place
                        out.append((start, tok.i, "Company", "firm-from-country"))
            # "MRF Rs 3,100 crore, Eicher Rs 1,400 crore": a name before an amount is a company
            # the amount's currency next
            for tok in [doc[i] for i in at if i + 1 < sent.end and texts[i + 1] in _MONEY_PREFIX]:
                nxt = doc[tok.i + 1] if tok.i + 1 < sent.end else None
                if nxt is not None and _is_cap(tok) and not tok.is_sent_start and nxt.text in _MONEY_PREFIX and \
                        tok.i + 2 < sent.end and doc[tok.i + 2].like_num and self.gaz.get(tok.text) is None:
                    start = _cap_run_left(doc, tok.i, sent.start, self.heads, self.title_words)
                    if tok.i + 1 - start <= 3:
                        out.append((start, tok.i + 1, "Company", "name-before-amount"))
            # "Invest Hong Kong", "InvestHK": trade-promotion agencies
            for tok in [doc[i] for i in at if texts[i].startswith("Invest")]:
                if tok.text.startswith("Invest") and tok.text != "Investment" and (
                        len(tok.text) > 6 and tok.text[6:7].isupper() or
                        tok.text == "Invest" and tok.i + 1 < sent.end and _is_cap(doc[tok.i + 1])):
                    end = tok.i + 1
                    while end < sent.end and _is_cap(doc[end]) and tok.text == "Invest":
                        end += 1
                    out.append((tok.i, end, "Agency", "invest-agency"))
        return out

    def _sites(self, doc: Doc, nouns: list[Token], sent_start: int) -> list[tuple[int, int, str, str]]:
        """"the Hotazel area", "Rome's Fiumicino airport", "the Bangchui Island hotel": a capitalised name no
        gazetteer place, people or organisation holds, before a lower-case site noun (``site_nouns.txt``), and the
        noun name a District keyed by the name; a town's name the NER takes with the noun for a facility names the
        site as written. (start_tok, end_tok, cls, rule)"""
        out = []
        for tok in nouns:
            if not tok.text.islower() or tok.i == sent_start or not _is_cap(doc[tok.i - 1]):
                continue
            start = tok.i - 1
            while start > sent_start and tok.i - start < 3 and _is_cap(doc[start - 1]):
                start -= 1
            name = doc[start:tok.i]
            # an adjective only when the NER takes it for a place: "the Hotazel area", not "each English area"
            if not all(t.ent_type_ not in _NOT_SITE_NAMES and (t.tag_ == "NNP" or t.tag_ == "JJ" and t.ent_type_ in (
                    "LOC", "GPE", "FAC")) for t in name) or any(
                    t.text in self.gaz.demonyms or t.text in self.peoples or t.text in self.not_names for t in name):
                continue
            place = self.gaz.get(name.text)
            if place is None:
                out.append((start, tok.i + 1, "District", "site-noun"))
            elif place.cls == "City" and tok.ent_type_ == "FAC" and tok.ent_iob_ == "I":
                out.append((start, tok.i + 1, "District", "site-facility"))  # "Fiumicino airport": the town's airport
        return out

    def _marked(self, doc: Doc) -> list[int]:
        """Positions of the words some rule of :meth:`_patterned` starts from (a head word, "of", an honorific,
        a place noun, a word before an amount's currency, ...): each rule then reads only these. A capitalised
        word is tested only among the capitalised words; a pass over all words tests one set each."""
        texts, lowers = token_strings(doc, "text"), token_strings(doc, "lower")
        words = self.pattern_words
        marked = {i for i in capitalised_tokens(doc) if texts[i] in words or texts[i].startswith("Invest")
                  or texts[i].endswith(".") and texts[i].rstrip(".") in _PERSON_HONORIFICS}  # "Dr.": capitalised
        for i in [i for i, lw in enumerate(lowers) if lw in self.pattern_any_lower]:  # the few that may be marked
            if lowers[i] in self.pattern_lower_words or texts[i] in self.pattern_plain_words:
                marked.add(i)
            if texts[i] in _MONEY_PREFIX and i > 0:
                marked.add(i - 1)  # "MRF Rs 3,100 crore": the word before an amount's currency
        return sorted(marked)

    def _next_name_has_head(self, doc: Doc, start: int, sent_end: int) -> bool:
        """Whether the capitalised run at ``start`` (after a list's "and" or comma) ends in an organisation's
        head word: "American Chamber", "All-China Federation" start a name of their own."""
        k = start + (start < sent_end and doc[start].lower_ in ("and", "&"))
        end = k
        while end < sent_end and end - k < 6 and (_is_cap(doc[end]) or doc[end].text in ("-", "–")):
            end += 1
        return any(doc[t].text in self.org_heads for t in range(k, end))

    def _starts_with_place(self, doc: Doc, head: int, sent_start: int) -> bool:
        """Whether the name ending in the head word at ``head`` starts with a known place ("Gyeongsangbuk-do
        Provincial Government"): a place then names the body, and an "of" after it says where it is."""
        start = _cap_run_left(doc, head, sent_start, self.heads, self.title_words)
        return any(self.gaz.get(doc[start:k].text) is not None for k in range(start + 1, min(head, start + 4) + 1))
    def _name_word(self, doc: Doc, i: int, inside: bool = False) -> bool:
        """A word (token ``i``) that may be part of a person's name: capitalised, and no title, portfolio, place,
        head or demonym ("Chandrababu", "N", "S.K."; not "Minister", "Affairs", "Singapore", "Committee", "Indian").
        ``inside`` a name a place's name may be a word of it ("Nguyen Van Ut"). Read from the token columns: it
        is asked of every capitalised word."""
        t = token_strings(doc, "text")[i]
        if not t[:1].isupper() or not (t.isalpha() or re.fullmatch(r"(?:[A-Z]\.){1,3}|[A-Z]{1,2}\.?", t)):
            return False  # str.isalpha() is spaCy's is_alpha
        lower = token_strings(doc, "lower")[i]
        return lower not in self.title_words and lower not in self.portfolio and \
            lower not in PLACE_NOUNS and lower not in _DATE_WORDS and t not in self.heads and \
            t not in self.not_names and t not in self.gaz.demonyms and t.rstrip(".") not in self.honorifics and \
            not token_strings(doc, "tag")[i].startswith(_FUNCTION_TAGS) and (inside or not self._known_place(t))

    def _known_place(self, name: str) -> bool:
        """A country, a region or a large city the gazetteer knows ("Singapore"; not the town "Van")."""
        place = self.gaz.get(name)
        return place is not None and (place.cls != "City" or place.population >= TRUST_POPULATION)

    def _titled_names(self, doc: Doc, sents: list[Span]) -> list[tuple[int, int]]:
        """(start_tok, end_tok) of the names a capitalised title leads to: "Chief Minister N Chandrababu Naidu",
        "Chairperson Bilawal Bhutto Zardari"; or the body or portfolio the title is of, then the name:
        "Ambassador to the Philippines Constance See", "Minister of Home Affairs K Shanmugam", "Chairman of the
        provincial People's Committee Nguyen Van Ut". Two to four name words, between words that are none."""
        out = []
        texts = token_strings(doc, "text")
        capitalised = capitalised_tokens(doc)  # a name word is capitalised: no other word is read
        for sent in sents:
            resume = sent.start + 1  # the word after the sentence's first, then after each run of name words
            first, past = bisect.bisect_left(capitalised, resume), bisect.bisect_left(capitalised, sent.end)
            for i in capitalised[first:past]:
                if i < resume or not self._name_word(doc, i):
                    continue
                j = i + 1
                while j < sent.end and self._name_word(doc, j, inside=True):
                    j += 1
                while j - 1 > i and not self._name_word(doc, j - 1):
                    j -= 1  # the last word is no place either
                if 2 <= j - i <= 4 and (j == sent.end or not texts[j][:1].isupper()) and \
                        self._after_title(doc, i, sent.start):
                    out.append((i, j))
                resume = j
        return out

    def _after_title(self, doc: Doc, i: int, sent_start: int) -> bool:
        """Whether token ``i`` follows a capitalised title ("Minister"), or the capitalised body or portfolio
        that a capitalised title is "of", "to" or "for" ("Governor of the Voronezh region of the Russian
        Federation")."""
        before = doc[i - 1]
        if before.lower_ in self.title_heads and before.text[:1].isupper():
            return True
        if before.text == "," and i - 2 > sent_start and doc[i - 2].text != "," and self.gaz.get(doc[i - 2].text) is None:
            # "Minister Delegate for Investment, Karim Zidane"; not "MP for Richmond, North Yorks"
            return self._after_title(doc, i - 1, sent_start)
        if not before.text[:1].isupper():
            return False
        for k in range(i - 2, max(sent_start, i - 10) - 1, -1):
            tok = doc[k]
            if tok.lower_ in ("of", "to", "for") and k > sent_start and doc[k - 1].lower_ in self.title_heads \
                    and doc[k - 1].text[:1].isupper():
                return True
            if not (tok.text[:1].isupper() or tok.lower_ in ("of", "the", "and", "&", "for", "to", "'s", "’s", "-")
                    or tok.tag_ == "JJ" or tok.lower_ in PLACE_NOUNS):
                return False
        return False

    @staticmethod
    def _qualified_firms(doc: Doc, ents: tuple[Span, ...]) -> list[tuple[int, int]]:
        """"AE Carbon Capital (Bentong)", "Golden Sea Farm (Thai) Co. Ltd": a firm named with a place or
        market in brackets; an acronym in brackets ("(PKNP)") is an alias instead, not part of the name."""
        out = []
        texts = token_strings(doc, "text")  # most names have no bracket: no Token made for their words
        for ent in ents:
            if ent.label_ != "ORG":
                continue
            j = next((i for i in range(ent.start, min(len(doc), ent.end + 1)) if texts[i] == "("), None)
            if j is None or j == ent.start or j + 2 >= len(doc) or doc[j + 2].text != ")" or \
                    not (doc[j + 1].is_alpha and doc[j + 1].text.istitle()):
                continue
            start = ent.start
            while start > 0 and doc[start - 1].is_alpha and doc[start - 1].text.isupper() and not doc[start - 1].is_sent_start:
                start -= 1  # "AE" before "Carbon Capital"
            if start > 0 and doc[start - 1].is_alpha and doc[start - 1].text.isupper():
                start -= 1  # ... the sentence's first word too
            word = doc[j + 1].lower_
            initials = "".join(t.lower_[0] for t in doc[max(0, j - 8):j] if t.is_alpha)
            if _is_subsequence(word, initials) or word[0] == doc[ent.start].lower_[0] or j - ent.start < 2:
                continue  # "North Atlantic Treaty Organisation (Nato)", "Chilean Copper Commission (Cochilco)"
            end = j + 3
            while end < len(doc) and doc[end].text.rstrip(".") in _FIRM_SUFFIXES:
                end += 1
            if end == j + 3 and not (end < len(doc) and (doc[end].lower_ in ("and", "&") or doc[end].tag_.startswith("VB")
                                                          or doc[end].tag_ == "MD")):
                continue  # "G Rowntree (Leicester), H Ellis (Leicester)": a team sheet, not a firm's name
            out.append((start, end))
        return out

    def _place_bodies(self, doc: Doc, tokens: list[Token], sent_start: int) -> list[tuple[int, int, str, str]]:
        """"the Sindh government", "the Bertoua city council (Cameroon)": a known place, a level of
        government perhaps, then a lower-case body noun (``place_bodies.txt``) name the place's governing body."""
        out = []
        for tok in tokens:
            end = tok.i
            if end > sent_start and doc[end - 1].lower_ in self.government_levels:
                end -= 1
            start = next((k for k in range(max(sent_start, end - 4), end)
                          if _is_cap(doc[k]) and (self.gaz.get(doc[k:end].text) or _NO_PLACE).cls not in (None, "Country")), None)
            if start is not None and not (start > sent_start and _is_cap(doc[start - 1])):
                out.append((start, tok.i + 1, "Agency", "place-body"))
        return out

    def _owning_place(self, doc: Doc, start: int, head: int, sent_start: int) -> int:
        """Where a body's name starts that has no name of its own but its place's possessive: "Bac Ninh’s Party
        Committee" (the name of ``start``..``head`` is all generic words); else ``start``."""
        if start < sent_start + 2 or start == head or doc[start - 1].text not in ("'s", "’s") or any(
                doc[k].lower_ not in self.generic_body_words for k in range(start, head)):
            return start
        owner = next((k for k in range(max(sent_start, start - 4), start - 1)
                      if _is_cap(doc[k]) and self.gaz.get(_words(doc, k, start - 1)) is not None), None)
        return owner if owner is not None and not (owner > sent_start and _is_cap(doc[owner - 1])) else start

    def _signing_parties(self, doc: Doc, sents: list[Span]) -> list[tuple[int, int]]:
        """Names the NER missed that sign: "TRANSNET yesterday signed a R10.4 billion contract with resources group
        South32", "Hydrogenics signed four certified integrator agreements". A proper noun that is the subject of a
        signing verb, or the object of its "with", and no known place, is a party: an organisation."""
        out = []
        lowers = token_strings(doc, "lower")  # no Token for each word: only the signing verbs are made Tokens
        for sent in sents:
            for verb in [doc[i] for i in range(sent.start, sent.end) if lowers[i] in _SIGNING_VERBS]:
                if not verb.tag_.startswith("VB"):
                    continue
                withs = [o for h in (verb, *(c for c in verb.children if c.dep_ == "dobj")) for p in h.rights
                         if p.dep_ == "prep" and p.lower_ == "with" for o in p.children if o.dep_ == "pobj"]
                for name in [c for c in verb.lefts if c.dep_ == "nsubj"] + withs:
                    start = min([name.i] + [c.i for c in name.lefts if c.dep_ == "compound" and c.tag_ == "NNP"])
                    span = doc[start:name.i + 1]
                    if name.tag_ == "NNP" and not any(t.ent_type_ for t in span) and span.text not in self.not_names \
                            and self.gaz.get(span.text) is None and self.gaz.get(span.text.title()) is None \
                            and not any(t.lower_ in self.title_words for t in span):  # "Secretary General"
                        out.append((span.start, span.end))
        return out

    def _firm_list(self, doc: Doc, tokens: list[Token], sent_end: int) -> list[tuple[int, int, str, str]]:
        """"two Indian airlines - Air Deccan and Kingfisher": the names a plural noun of firms lists are firms."""
        out = []
        for tok in tokens:
            if tok.lower_ not in _FIRM_PLURALS or tok.i + 2 >= sent_end:
                continue
            k = tok.i + 1
            if doc[k].text in ("-", "–", "—", ":", "including"):
                k += 1
            elif doc[k].lower_ == "such" and doc[k + 1].lower_ == "as":
                k += 2
            else:
                continue
            names = []
            while k < sent_end:
                end = k
                while end < sent_end and _is_cap(doc[end]) and end - k < 5:
                    end += 1
                if end == k or self.gaz.get(doc[k:end].text) is not None:
                    break
                names.append((k, end))
                if end < sent_end and doc[end].text == "," and end + 1 < sent_end:
                    k = end + 1 + (doc[end + 1].lower_ == "and")
                elif end < sent_end and doc[end].lower_ == "and":
                    k = end + 1
                else:
                    break
            if len(names) >= 2:  # a list, not one name that may be a unit or a product
                out += [(a, b, "Company", "firm-list") for a, b in names]
        return out

    def _noun_of_place(self, doc: Doc) -> list[tuple[int, int, str, str]]:
        """"the State of Gujarat", "the City of Cape Town", "the County of Kauai": the place itself,
        not an organisation the NER takes the phrase for. (start_tok, end_tok, cls, key)"""
        out = []
        nouns = {hash_string(n) for n in list(PLACE_NOUNS) + list(_PLURAL_PLACE_NOUNS)}  # read only where one stands
        for tok in [doc[i] for i, h in enumerate(doc.to_array(LOWER).tolist()[:-2]) if h in nouns]:
            noun = tok.lower_
            if noun in _PLURAL_PLACE_NOUNS and tok.text.islower() and doc[tok.i + 1].lower_ == "of":
                out += self._places_listed(doc, tok.i + 2, _PLURAL_PLACE_NOUNS[noun])
                continue
            if noun not in PLACE_NOUNS or doc[tok.i + 1].lower_ != "of" or (
                    tok.i > 0 and _is_cap(doc[tok.i - 1]) and tok.text[:1].isupper()):
                continue  # "Xinwu District of Wuxi": the noun ends a name of its own
            lower = not tok.text[:1].isupper()  # "the Indian state of Goa", "the city of Burgas"
            end = k = tok.i + 2
            while end < len(doc) and end - k < 3 and _is_cap(doc[end]) and doc[end].text not in ("Commerce", "Industry"):
                end += 1
            known = next((n for n in range(min(3, len(doc) - k), 1, -1) if all(t.text[:1].isupper() for t in doc[k:k + n])
                          and self.gaz.get(doc[k:k + n].text) is not None), None)
            if known is not None and known > end - k:
                end = k + known  # "the Mekong Delta province of Long An": a known name with a word like "An" in it
            if end == k or (end < len(doc) and doc[end].lower_ in ("'s", "’s")):
                continue
            name = doc[k:end].text
            place = self.gaz.get(name)
            if lower and place is None:
                continue  # a lower-case noun only before a known place
            if place is not None and place.cls == "Country" and PLACE_NOUNS[noun] != "Country" and tok.i > 0 \
                    and _is_cap(doc[tok.i - 1]) and doc[tok.i - 1].text not in self.gaz.demonyms:
                continue  # "the Omaheke region of Namibia": a named region, in the country "of" names
            if place is None and (any(t.ent_type_ in ("PERSON", "ORG") and t.ent_type_ != "GPE" for t in doc[k:end])
                                  or doc[k].text in self.not_names):
                continue
            cls = place.cls if place is not None else PLACE_NOUNS[noun]
            if cls == "City" and PLACE_NOUNS[noun] == "Region":
                cls = "Region"  # "the region of Tver", "the province of Buenos Aires": the region named after its city
            out.append((tok.i, end, cls, place.name if place is not None else name))
        return out

    def _places_listed(self, doc: Doc, k: int, cls: str) -> list[tuple[int, int, str, str]]:
        """"visited the regions of Vesterålen and Lofoten": the two or more capitalised names a plural place noun's
        "of" lists are places of its class (or the gazetteer's). (start_tok, end_tok, cls, key)"""
        names = []
        while k < len(doc):
            end = k
            while end < len(doc) and end - k < 3 and _is_cap(doc[end]):
                end += 1
            if end == k:
                return []
            if end < len(doc) and doc[end].text in ("'s", "’s"):
                break  # "cities of Inner Mongolia, People's Republic of China": a name the list item is no whole of
            names.append((k, end))
            if end + 1 < len(doc) and doc[end].text == "," and _is_cap(doc[end + 1]):
                k = end + 1
            elif end + 1 < len(doc) and doc[end].lower_ == "and":
                k = end + 1
                if not names[1:] and not _is_cap(doc[k]):
                    return []
            elif end + 2 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ == "and":
                k = end + 2
            else:
                break
        out = []
        for a, b in names if len(names) >= 2 else ():
            place = self.gaz.get(doc[a:b].text)
            out.append((a, b, place.cls, place.name) if place is not None else (a, b, cls, doc[a:b].text))
        return out

    def _ports_of(self, doc: Doc) -> list[tuple[int, int]]:
        """(start_tok, end_tok) of "the Port of Hamburg", "the Port of Klaipéda": a port named after its place is a
        place of its own (a district), not the city; but "Port of Spain" is the city, and "Port of Hamburg
        Marketing" a body."""
        out = []
        text = doc_text(doc)
        # most articles name no port: no token need be read. The word is looked for first: a pattern that opens
        # with \b is tried at every character of the article
        if "Port" not in text or not _PORT_OF.search(text):
            return out
        for tok in doc[:-2]:
            if tok.text != "Port" or doc[tok.i + 1].lower_ != "of":
                continue
            k = tok.i + 2
            n = next((n for n in (3, 2, 1) if k + n <= len(doc) and self.gaz.get(doc[k:k + n].text) is not None), None)
            if n is None or self.gaz.get(doc[tok.i:k + n].text) is not None or (
                    k + n < len(doc) and (_is_cap(doc[k + n]) or doc[k + n].tag_ == "POS")):
                continue
            out.append((tok.i, k + n))
        return out

    def _places(self, doc: Doc, ents: tuple[Span, ...], text: str,
                blocked: set[int]) -> list[tuple[int, int, str, str, str]]:
        """(start_tok, end_tok, cls, key, rule) for gazetteer names."""
        ner = {}
        for ent in ents:
            told = (ent.label_, ent.start, ent.end)  # read once per name, not for each of its tokens
            for i in range(ent.start, ent.end):  # the indices, not a Token made for each
                ner[i] = told
        out = []
        n = len(doc)
        # span texts cut from the text, not built token by token
        columns = doc.to_array([IDX, LENGTH])  # one column at a time: a 2-D tolist() makes a list per token
        starts, lengths = (columns[:, 0].tolist(), columns[:, 1].tolist()) if n else ((), ())
        ends = [s + k for s, k in zip(starts, lengths)]
        starts_name = functools.lru_cache(maxsize=None)(self.gaz.starts_name)  # a text repeats its names
        resume = 0  # the token after the last place found: a name starts no earlier
        for i in capitalised_tokens(doc):
            if i < resume:
                continue
            found = None
            longest = 0  # the most tokens from i that some place's name starts with: no longer name is one
            while longest < min(self.gaz.max_words, n - i) and starts_name(text[starts[i]:ends[i + longest]]):
                longest += 1
            for k in range(longest, 0, -1):
                name = text[starts[i]:ends[i + k - 1]]
                place = self.gaz.get(name)
                if place is None and name.isupper() and len(name) > 3:
                    place = self.gaz.get(name.title())  # datelines: "SHENZHEN, Dec. 10"
                if place is not None:
                    found = (k, place)
                    break
            if found is None:
                continue
            k, place = found
            label = ner.get(i, ("", -1, -1))
            end = i + k
            cls = place.cls
            following = doc[end].lower_ if end < n else ""
            if following in PLACE_NOUNS and place.cls != "Country" and not (  # "Mekong Delta province of Long An"
                    doc[end].is_lower and end + 2 < n and doc[end + 1].lower_ == "of" and any(
                        (self.gaz.get(doc[end + 2:end + 2 + w].text) or _NO_PLACE).cls not in ("Country", None)
                        for w in (1, 2, 3))):
                cls = PLACE_NOUNS[following] if place.cls != "City" or following != "province" else "Region"
                if following in ("province", "state", "region"):
                    cls = "Region"
                end += 1
            preceding = doc[i - 1].lower_ if i > 0 else ""
            agreed = i == 0 or label[0] in ("GPE", "LOC") or following in PLACE_NOUNS or preceding in (
                "in", "at", "near", "from", "to", ",", "of") or _described_as_place(doc, end) or (
                end + 1 < n and doc[end].lower_ in ("and", "&") and ner.get(end + 1, ("",))[0] in ("GPE", "LOC")
                and (self.gaz.get(doc[end + 1].text) or _NO_PLACE).cls == "City")
            # "to recognise Batumi and Brest as twin cities": a city joined to the NER's city is a city too
            # a city's other name in GeoNames ("Temasek" of Singapore, "White House" of Casablanca) needs agreement too
            other_name = place.cls == "City" and ascii_name(name).lower() != ascii_name(place.name).lower() \
                and name not in self.place_aliases
            if place.cls == "City" and (place.population < TRUST_POPULATION or other_name) and not agreed:
                resume = i + k
                continue
            rest = [t for t in doc[label[1]:label[2]] if not i <= t.i < i + k and t.tag_ != "POS"] \
                if label[0] == "PERSON" else []  # "Central Java’s" taken for a person is the place and its "’s"
            if rest and place.cls != "Country" and not any(
                    t.lower_ in self.title_words or t.lower_ in PLACE_NOUNS for t in rest):
                resume = i + k  # "Wang Bo": part of a person's name; but "Pahang State" is the state
                continue
            # a compound's parts: "Hong Kong-Macao-Shandong Week", "Khanty-Mansi Autonomous District – Yugra"; not
            # a place before a spaced dash ("CEBU CITY, Philippines – The") nor a possessive ("HCM City – Vietnam’s")
            if (i + k < n and doc[i + k].text in ("-", "–") and not doc[i + k - 1].whitespace_ and i + k + 1 < n
                    and doc[i + k + 1].text[:1].isupper()) or (
                    i > 1 and doc[i - 1].text in ("-", "–") and doc[i - 2].text[:1].isupper()
                    and not (i + k < n and doc[i + k].text in ("'s", "’s"))):
                blocked.update(range(i, i + k))  # "Hong Kong-Macao-Shandong Week": inside a compound name
                resume = i + k
                continue
            if place.cls == "Country" and label[1] == i - 1 and label[0] in ("GPE", "LOC") and doc[i - 1].lower_ in _COMPASS \
                    and doc[i - 1].text[:1].isupper() and not (end < n and doc[end].tag_ == "POS") \
                    and not (i > 1 and doc[i - 2].lower_ in ("and", "&", "or")):
                # "value creation in North Norway": the NER's one place, a part of the country; but "Northwest China's
                # Shaanxi" describes the province by its country, and "between East and West China" names two parts
                out.append((i - 1, end, "Region", text[starts[i - 1]:ends[end - 1]], "compass-place"))
                resume = i + k
                continue
            # "Zhambyl Region": a city's name (Zhambyl is Taraz's other name) before a region's noun names the region,
            # no other name of the city
            key = name if place.cls == "City" and cls == "Region" else place.name
            out.append((i, end, cls, key, "gazetteer"))
            resume = i + k
        return out

    @staticmethod
    def _repeated_names(text: str, mentions: list[Mention], documents: tuple[tuple[int, int], ...] = ()) -> list[Mention]:
        """Find again, anywhere in the article, the organisations and acronyms it has named.

        "Hindustan Aeronautics (HAL)" makes every later "HAL" a mention, though the NER missed it; a place the
        gazetteer found inside such a name ("Asia" of "Infrastructure Asia") is no mention of its own, nor is a
        name inside a document's (character spans ``documents``: "EU" of "the EU Constitution").
        """
        names: dict[str, str] = {}
        for m in mentions:
            if m.cls in ORG_CLASSES + ("Event",):
                names.setdefault(m.text, m.cls)
                acro = re.match(r"\s*\(([A-Z][A-Za-z&]*[A-Z][A-Za-z&]*)\)", text[m.end:m.end + 16])
                if acro:
                    names.setdefault(acro.group(1), m.cls)
        found = list(mentions)
        for name, cls in names.items():
            for at in _whole_word_hits(name, text):
                if any(s <= at < e for s, e in documents):
                    continue
                overlaps = [x for x in found if x.start < at + len(name) and at < x.end]
                if all(x.rule == "gazetteer" and at <= x.start and x.end <= at + len(name) and x.end - x.start < len(name)
                       for x in overlaps):  # "Asia" of "Thiru for Infrastructure Asia": a place inside the name
                    found = [x for x in found if x not in overlaps]
                    found.append(Mention(at, at + len(name), name, cls, name, "repeated-name"))
        return sorted(found)

    @staticmethod
    def _retype_lone_persons(text: str, mentions: list[Mention]) -> list[Mention]:
        """A one-word "person" the article names as a place or a firm elsewhere is that place or firm:
        "in Kampung Sungai Pohoi, Gambang" after "in Gambang, Kuantan"; "Yukos" after "oil company Yukos"."""
        named: dict[str, Mention] = {}
        for m in mentions:  # a firm by a rule or a noun before it ("oil company Yukos"): the NER's guess is weak
            if m.cls in ORG_CLASSES and m.text not in named and (
                    m.rule in ("org-head", "firm-list", "firm-qualified") or
                    _COMPANY_NOUN_BEFORE.search(text, max(0, m.start - 16), m.start)):
                named[m.text] = m
        named.update((m.text, m) for m in mentions if m.cls in PLACE_CLASSES)
        # a surname stays a person: "Lord Woolf", "Jeffrey Archer ... Archer"
        surnames = {w for m in mentions if m.cls in PERSON_CLASSES for w in m.text.split()[1:]}
        return [m._replace(cls=named[m.text].cls, key=named[m.text].key, rule=m.rule + "-retyped")
                if m.cls == "Person" and " " not in m.text and m.text in named and m.text not in surnames
                and not re.search(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Lord|Lady|Sir|Dame|Baroness)\.?\s+$", text[max(0, m.start - 12):m.start])
                else m for m in mentions]

    def _country_then_name(self, span: Span) -> int | None:
        """Where the name starts in an NER organisation that is a country "of"/"to" a title names, then two or
        three plain capitalised words: "Ambassador to the Philippines Constance See", "Governor of ... of the
        Russian Federation Aleksandr Gusev". None for any other span."""
        doc = span.doc
        if span.start < 2 or doc[span.start - 1].lower_ != "the" or doc[span.start - 2].lower_ not in ("of", "to"):
            return None
        for k in (3, 2, 1):
            place = self.gaz.get(span[:k].text) if len(span) - k in (2, 3) else None
            rest = span[k:]
            if place is not None and place.cls == "Country" and all(
                    t.is_alpha and t.text[:1].isupper() and t.text not in self.heads and t.lower_ not in self.title_words
                    and (self.gaz.get(t.text) or _NO_PLACE).cls not in ("Country", "Region") for t in rest):
                return rest.start
        return None

    @staticmethod
    def _place_initials(mentions: list[Mention]) -> list[Mention]:
        """A short form the NER found that spells the initials of a place the article names is that place:
        "UP" after "Uttar Pradesh", "AP" after "Andhra Pradesh"."""
        places = {"".join(w[0] for w in m.text.split()): m for m in mentions
                  if m.cls in PLACE_CLASSES and len(m.text.split()) >= 2 and m.text.istitle()}
        return [m._replace(cls=places[m.text].cls, key=places[m.text].key, rule=m.rule + "-initials")
                if m.rule.startswith("ner-") and m.text.isupper() and m.text in places else m for m in mentions]

    def _listed_with_places(self, doc: Doc, mentions: list[Mention]) -> list[Mention]:
        """A proper noun no rule typed, coordinated with two or more places of one class and with nothing else, is
        a place of that class: "The eight are Makueni, ..., Kisii and Kiambu", "the cities of Tangier, Tetouan, and
        Kenitra" (the NER took "Kiambu", a small town the gazetteer trusts only with the NER's word, for a firm, and
        "Kenitra" for a people)."""
        candidates = [i for i, (dep, tag) in enumerate(zip(token_strings(doc, "dep"), token_strings(doc, "tag")))
                      if dep == "conj" and tag == "NNP"]
        if not candidates:
            return mentions
        at = {m.start: m for m in mentions}
        added = []
        for i in candidates:
            tok = doc[i]
            if any(m.start <= tok.idx < m.end for m in mentions) or tok.text in self.gaz.demonyms or not tok.is_alpha \
                    or any(c.dep_ == "compound" for c in tok.lefts):
                continue  # one word only: "Kwa Zulu Bongo" would give "Bongo"
            root = tok
            while root.dep_ == "conj" and root.head.i < root.i:
                root = root.head
            members = [root, *root.conjuncts]
            classes = [at[t.idx].cls if t.idx in at else None for t in members if t.i != tok.i]
            placed = [c for c in classes if c in PLACE_CLASSES]
            if len(placed) >= 2 and len(placed) == len(classes) and len(set(placed)) == 1:
                known = self.gaz.get(tok.text)  # a small town the gazetteer holds but trusts only with the NER's word
                added.append(Mention(tok.idx, tok.idx + len(tok.text), tok.text, known.cls if known else placed[0],
                                     known.name if known else tok.text, "listed-place"))
        return sorted(mentions + added) if added else mentions

    @staticmethod
    def _city_and_region_apart(mentions: list[Mention], text: str) -> list[Mention]:
        """An article that names both "the city of Bukhara" and "Bukhara region" (or "Bac Ninh city" and "Bac Ninh
        province") speaks of two places: the one named with the noun of the other class than the bare name's (the
        region of "Bukhara region", the city of "Bac Ninh city") is keyed as written."""
        def noun_class(m: Mention) -> str | None:
            words = m.text.lower().split()
            if m.cls not in PLACE_CLASSES or m.text == m.key or len(words) < 2:
                return None
            noun = words[0] if words[1] == "of" else words[-1]
            return PLACE_NOUNS.get(noun)
        classes: dict[str, set[str]] = {}
        for m in mentions:
            if noun_class(m) is not None:
                classes.setdefault(m.key, set()).add(noun_class(m))
        for key, found in classes.items():  # "People’s Committee of Bac Ninh province": a region named inside a body
            if found == {"City"} and re.search(rf"\b{re.escape(key)}\s+(?:{_REGION_NOUNS})\b", text, re.I):
                found.add("Region")
        apart = {key for key, found in classes.items() if {"City", "Region"} <= found}
        # the bare name is the place the gazetteer says ("Bac Ninh", a province): the other one is keyed as written
        bare = {m.key: m.cls for m in mentions if m.key in apart and m.text == m.key}
        return [m._replace(key=m.text, cls=noun_class(m)) if m.key in apart and noun_class(m) is not None and
                noun_class(m) != bare.get(m.key, "City") else m for m in mentions]

    def _terms_spelled_out(self, doc: Doc, mentions: list[Mention]) -> list[Mention]:
        """An acronym the article spells out as a lower-case noun phrase names a thing, no body: "personal video
        recorder (PVR)", "modular electric drive matrix (MEB)"; the NER's firms of that name are dropped."""
        texts, tags = token_strings(doc, "text"), token_strings(doc, "tag")
        terms = set()
        for i in [i for i, t in enumerate(texts) if t == "("]:
            if i < 2 or i + 2 >= len(texts) or texts[i + 2] != ")":
                continue
            acronym = texts[i + 1]
            if not (2 <= len(acronym.rstrip("s")) <= 6 and acronym.rstrip("s").isupper() and acronym.isalpha()):
                continue
            gloss = i  # the lower-case adjectives and nouns before the bracket
            while gloss > 0 and texts[gloss - 1].islower() and tags[gloss - 1] in ("JJ", "NN", "NNS", "VBG"):
                gloss -= 1
            if i - gloss >= 2 and tags[i - 1] in ("NN", "NNS") and texts[i - 1].title() not in self.org_heads:
                terms.add(acronym.rstrip("s"))  # not "the football federation (KNVB)": a body's common noun
        if not terms:
            return mentions
        return [m for m in mentions if not (m.cls in ORG_CLASSES and m.text.rstrip("s") in terms and (
            m.rule.startswith("ner-") or m.rule == "repeated-name"))]

    @staticmethod
    def _surnames_are_people(mentions: list[Mention]) -> list[Mention]:
        """A town the gazetteer knows that is the surname of a person the article names is that person: "in
        Cebu, Garcia said" after "Gov. Gwendolyn Garcia"."""
        surnames = {m.text.split()[-1] for m in mentions if m.cls in PERSON_CLASSES and " " in m.text}
        # so is a surname the NER took for a person but the company test for a firm ("Chavez has said" after
        # "Hugo Chavez")
        return [m._replace(cls="Person", key=m.text, rule=m.rule + "-surname")
                if m.text in surnames and (m.cls == "City" and m.rule == "gazetteer" or
                                           m.cls == "Company" and m.rule == "ner-person") else m for m in mentions]

    def _before_title(self, span: Span) -> bool:
        """"Indian Commerce and Industry Minister Piyush Goyal", "Provincial Party Secretary Mr Che": the NER's
        organisation is the first words of a title, when they are title, portfolio or place words (but
        "Pakistan Peoples Party Chairperson", "GIC Chief Executive Officer" name a body)."""
        doc = span.doc
        if not all(t.lower_ in self.title_words or t.lower_ in self.portfolio or t.lower_ in CONNECTORS or
                   t.text in self.gaz.demonyms or self.gaz.get(t.text) is not None for t in span):
            return False
        k = span.end
        while k < len(doc) and k - span.end < 3 and (doc[k].lower_ in ("and", "&") or doc[k].lower_ in self.portfolio):
            k += 1
        return k < len(doc) and doc[k].lower_ in self.title_heads and doc[k].text[:1].isupper() and (
            k + 1 < len(doc) and (doc[k + 1].text[:1].isupper() or doc[k + 1].lower_ in ("of", "for")))

    def _portfolio(self, span: Span) -> bool:
        """"Minister of Transport and Communications", "Vice-President of International Relations": the
        field of a post (words of ``portfolio_words.txt``), not an organisation."""
        lowers = token_strings(span.doc, "lower")  # no Token made for each word read
        k = span.start  # "Minister for European Affairs and International Relations": the field's earlier words
        while k - 1 > 0 and span.start - k < 6 and (lowers[k - 1] in self.portfolio or lowers[k - 1] in (
                "and", "&", ",")) and lowers[k - 1] not in ("of", "for"):
            k -= 1
        if k < 2 or lowers[k - 1] not in ("of", "for") or \
                lowers[k - 2].split("-")[-1] not in self.title_heads:
            return False
        words = [w for w in lowers[k:span.end] if w not in ("and", "&", "of", ",", "the")]
        return bool(words) and all(w in self.portfolio for w in words)

    def _retype_named_after_places(self, mentions: list[Mention]) -> list[Mention]:
        """A "person" whose name holds a region or country the article names as a place is a body named after
        it: "Loka Kerala Sabha", "West Java KONI"."""
        places = {m.text for m in mentions if m.cls in ("Region", "Country")}
        out = []
        for m in mentions:
            words = m.text.split()
            if m.cls == "Person" and m.rule.startswith("ner-") and len(words) >= 3 and any(
                    " ".join(words[a:b]) in places for a in range(len(words) - 1) for b in range(a + 1, len(words))):
                m = m._replace(cls="Organization", rule=m.rule + "-place-named")
            out.append(m)
        return out

    def _owned_bodies(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """A one-word event that a place owns and whose word heads bodies too is the body: "the country's Congress",
        "Brazil's Congress" (a legislature, no meeting); "the 16th Party Congress" keeps its event."""
        out = []
        for m in mentions:
            if m.cls == "Event" and " " not in m.text and m.text in self.org_heads and \
                    re.search(r"['’]s\s+$", text[max(0, m.start - 4):m.start]):
                m = m._replace(cls=self.org_heads[m.text], rule=m.rule + "-owned")
            out.append(m)
        return out

    def _places_described_as_firms(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """A place's name the article describes as a firm's, or as a firm's where staff work, names the firm
        everywhere in the article: "China's Baoshan, the country's largest steel producer,", "a 20% stake in Sina,
        the country's biggest internet portal firm", "chief economist at Gerrard", "Martin Ellis, Halifax chief
        economist,"; a country is not so read ("the world's largest oil producer")."""
        firms = {m.text for m in mentions if m.cls in PLACE_CLASSES and m.cls != "Country" and (
            self.firm_described.match(text, m.end, m.end + 80) or self.staff_at.search(text, max(0, m.start - 40), m.start)
            or re.search(r",\s+$", text[max(0, m.start - 3):m.start]) and self.staff_of.match(text, m.end, m.end + 40))}
        if not firms:
            return mentions
        return [m._replace(cls="Company", key=m.text, rule=m.rule + "-firm") if m.text in firms and m.cls in PLACE_CLASSES
                else m for m in mentions]

    def _retype_titled_names(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """A name the NER took for a firm or a place but that holds a post is a person: "Algis Latakas,
        Director of Klaipeda State Seaport Authority", "City governor Nirat Pongsitthithaworn". Two or three
        capitalised words, no organisation head, a title right before or after (votes of the title lexicon)."""
        out = []
        for m in mentions:
            words = m.text.split()
            if m.rule.startswith("ner-") and m.cls in ("Company", "Organization", "City") and 2 <= len(words) <= 3 \
                    and all(w[:1].isupper() and w.isalpha() for w in words) and not any(w in self.heads for w in words) \
                    and not any(w.lower() in self.title_words for w in words) \
                    and self.gaz.get(m.text) is None:
                after = re.match(r",\s+(?:the\s+)?(?:[A-Za-z-]+\s+){0,2}?([A-Za-z-]+)\b(?:\s+(?:of|at|for|to)\b|,)",
                                 text[m.end:m.end + 60])
                before = re.search(r"\b([A-Za-z-]+)\s+$", text[max(0, m.start - 30):m.start])
                # "the Mayor of Burgas, Dimitar Nikolov": the title and its body, then the name
                title_of = re.search(r"\b([A-Za-z-]+)\s+of\s+(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*,\s+$",
                                     text[max(0, m.start - 70):m.start])
                titled = (after and after.group(1).lower() in self.title_heads) or (
                    before and before.group(1).lower() in self.title_heads) or (
                    title_of and title_of.group(1).lower() in self.title_heads)
                if titled:
                    m = m._replace(cls="Person", key=m.text, rule=m.rule + "-titled")
            out.append(m)
        return out

    @staticmethod
    def _longest_forms(text: str, mentions: list[Mention]) -> list[Mention]:
        """A later "Jiangsu Week" in "the Jiangsu Week in Macau" is the quoted “Jiangsu Week in Macau”."""
        long_names = {m.text for m in mentions if m.cls in ORG_CLASSES + ("Event",)}
        out = []
        for m in mentions:
            if m.cls in ORG_CLASSES + ("Event",):
                prefix = m.text + " "
                longer = [n for n in long_names if n.startswith(prefix) and text.startswith(n, m.start)]
                if longer:
                    n = max(longer, key=len)
                    m = m._replace(end=m.start + len(n), text=n, key=n)
            out.append(m)
        return _outside_longer(out)

    def _zones_named_back(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """"the Xi'an high-tech zone" after "the Xi'an Hi-Tech Industries Development Zone": a place's name, lower-case
        words and a district's head word, after "the", is the one district the article named with that place and head
        ("hi" and "high" read alike), not the place."""
        districts = [m for m in mentions if m.cls == "District" and " " in m.text]
        if not districts:
            return mentions  # most articles name no zone or park: nothing to point back at
        out = []
        for m in mentions:
            back = self.zone_named_back.match(text, m.end, m.end + 60) if m.cls in PLACE_CLASSES and \
                m.cls != "District" and text[max(0, m.start - 4):m.start].lower() == "the " else None
            if back:
                said = [w for w in re.split(r"[\s-]+", back.group(1)) if w]
                named = [n for n in districts if n.text.startswith(m.text + " ") and
                         n.text.split()[-1].lower() == back.group(2) and all(
                             any(w.startswith(x) or x.startswith(w) for x in re.split(r"[\s-]+", n.text.lower()))
                             for w in said)]
                if len({n.key for n in named}) == 1:
                    end = back.end()
                    out.append(m._replace(end=end, text=text[m.start:end], cls="District", key=named[0].key,
                                          rule="zone-named-back"))
                    continue
            out.append(m)
        return _outside_longer(sorted(out)) if any(m.rule == "zone-named-back" for m in out) else out

    def _firms_before_titles(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """"Temasek Chairman Teo Chee Hean": a capitalised word no rule took, right before a title only a firm's
        staff hold (private_titles.txt) and a person's name, is the firm; not a title's word ("Deputy"), a body's
        head ("Group"), a demonym or another mention ("Temasek", an old name of Singapore, is the fund here)."""
        taken = [(m.start, m.end) for m in mentions]
        places = {m.text for m in mentions if m.cls in PLACE_CLASSES}  # "Wembley chairman": the town's name elsewhere
        out = list(mentions)
        for p in mentions:
            if p.cls != "Person":
                continue
            firm = self.firm_before_title.search(text, max(0, p.start - 60), p.start)
            if firm is None:
                continue
            word = firm.group(1)
            lead = re.search(r"(\S+)\s+$", text[max(0, firm.start(1) - 40):firm.start(1)])
            if lead is None or not re.fullmatch(r"[a-z][\w'’-]*,?", lead.group(1)):
                continue  # "Citigroup Global Markets analyst": a longer name; a sentence's first word
            if word in places or word.lower() in self.title_words or word.lower() in self.portfolio or word in self.heads or \
                    word in self.honorifics or word in self.gaz.demonyms or word in self.not_names or \
                    any(s < firm.end(1) and firm.start(1) < e for s, e in taken):
                continue
            out.append(Mention(firm.start(1), firm.end(1), word, "Company", word, "firm-before-title"))
        return sorted(out) if len(out) > len(mentions) else mentions

    @staticmethod
    def _name_continues(doc: Doc, end: int, sent_end: int) -> int:
        """Extend "Summit for Commercial and Industrial Development of Jiangsu, Macau and ..." to its end."""
        if end + 1 >= sent_end or doc[end].lower_ not in ("for", "of", "on") or not _is_cap(doc[end + 1]) or \
                doc[end + 1].lower_ in _DATE_WORDS:
            return end
        i = end + 1
        while i < sent_end:
            t = doc[i]
            if _is_cap(t) or t.text in ("-", "–") or (doc[i - 1].text in ("-", "–") and t.is_lower) or (
                    t.lower_ in ("and", "of", "&", ",", "for", "on") and
                                                      i + 1 < sent_end and _is_cap(doc[i + 1])):
                i += 1
            else:
                break
        return i

    @staticmethod
    def _hyphened(doc: Doc, i: int) -> bool:
        """Whether token ``i`` is a hyphen inside a word, with no space on either side ("Cross-border")."""
        return 0 < i < len(doc) - 1 and doc[i].text in ("-", "–") and not doc[i].whitespace_ and \
            not doc[i - 1].whitespace_

    @staticmethod
    def _acts_like_company(span: Span) -> bool:
        """A one-word "person" that invests, signs or makes things, or is listed with its sum ("Aster (500 crore)"),
        is a company."""
        doc = span.doc
        window = doc[span.end:min(len(doc), span.end + 6)].text.lower()
        return bool(re.match(r"\s*(?:,[^,]+,\s*)?(?:will|has|have|had|also|to|is|agreed|committed|signed|"
                             r"plans|invest|makes|manufactur|of|from|rs\b|\$|rm\d|brands|"
                             r"\(\s*(?:rs\.?\s*|\$\s*)?[\d,.]+\s*(?:crore|lakh|million|billion|bn|mn)\b)", window)) or \
            doc[max(0, span.start - 2):span.start].text.lower().endswith(_COMPANY_NOUNS)

    def _strip(self, span: Span) -> Span:
        """Drop determiners, honorifics, titles and a trailing "'s" or "and" from a name ("ACWA Power and" of
        "ACWA Power and Air Products")."""
        start, end = self._stripped(span.doc, span.start, span.end)
        return span.doc[start:end]

    def _stripped(self, doc: Doc, start: int, end: int) -> tuple[int, int]:
        """The tokens :meth:`_strip` keeps of tokens ``start`` to ``end``: no Span made (each costs a few
        microseconds), as most names the NER tags are dropped before one is needed."""
        texts, lowers = token_strings(doc, "text"), token_strings(doc, "lower")
        while start < end:
            if start + 1 < end and _words(doc, start, start + 2) in self.honorifics:
                start += 2  # "Tan Sri", of two words: "Tan" alone is a name ("Tan Su Shan")
            elif lowers[start] in ("the", "a", "an") or texts[start].rstrip(".") in self.honorifics \
                    or texts[start] in self.honorifics or texts[start] in _TIME_ZONES:
                start += 1  # "GMT Carnival" of "by 1300 GMT Carnival's shares": a time zone, then the name
            elif end - start >= 3 and lowers[start] in self.occupation_nouns and doc[start].ent_type_ == "PERSON":
                start += 1  # "Farmer Geoff Brooks": an occupation before a person's name
            else:
                break
        start = self._past_tenure(doc, start, end)
        while end > start and (texts[end - 1] in ("'s", "’s", "'", "’", ".", ",", "(", ")", "-", "–", "—",
                                                  "Rs", "RM", "Rp", "and") or texts[end - 1] in _HONORIFIC_STOPS
                               or end - start > 2 and texts[end - 1] in _POST_NOMINALS):
            end -= 1
        return start, end

    def _past_tenure(self, doc: Doc, start: int, end: int) -> int:
        """Where a body's name starts when a sentence opens with an adjective of tenure, then the name, a title and
        its holder ("New Metropolitan Police Commissioner Sir Ian Blair"): after the adjective, which is the
        holder's ("New York Senator" keeps its place's name)."""
        if end - start >= 3 and end < len(doc) and doc[start].lower_ in self.tenure_adjectives and \
                doc[start].is_sent_start and doc[end].lower_ in self.title_words and \
                self.gaz.get(_words(doc, start, start + 2)) is None:
            return start + 1
        return start

    def _parent_body(self, span: Span) -> Span | None:
        """The body a post named after a title is held in, when ``span`` names a unit of it.

        "member of the Standing Committee of the Municipal Party Committee", "head of the United
        Front Work of the CPC Jiangsu Provincial Committee": the post is in the parent body; the
        unit belongs to the title (see :meth:`kg.nlp.facts.FactFinder._title_of`). Returns the
        parent inside ``span``, ``span`` itself, or None when the parent follows it.
        """
        doc = span.doc
        if span.start < 3 or doc[span.start - 1].lower_ != "the" or doc[span.start - 2].lower_ != "of" \
                or doc[span.start - 3].lower_ not in self.title_words:
            return span
        for k in range(span.end - 3, span.start, -1):  # the last "of the" inside the name
            if doc[k].lower_ == "of" and doc[k + 1].lower_ == "the":
                return doc[k + 2:span.end] if self._parent_end(doc, k + 2) == span.end else span
        for k in range(span.start + 1, span.end - 2 if doc[span.start - 3].lower_ in ("member", "members") else 0):
            # "member of the Standing Committee of Communist Party of China Shaanxi Provincial Committee": a member
            # of a unit is a member of its body; but "deputy director of the ... Office of X Government" heads the unit
            if doc[k].lower_ == "of" and doc[k - 1].text in _UNIT_HEADS:
                return doc[k + 1:span.end] if doc[span.end - 1].text in PARENT_HEADS else span
        follows = span.end + 2 < len(doc) and doc[span.end].lower_ == "of" and doc[span.end + 1].lower_ == "the"
        return None if follows and self._parent_end(doc, span.end + 2) else span

    @staticmethod
    def _parent_end(doc: Doc, start: int) -> int | None:
        """End of the capitalised name of a parent body ("CPC Jiangsu Provincial Committee") at ``start``."""
        i = start
        while i < len(doc) and i - start < 6 and (_is_cap(doc[i]) or doc[i].text in ("'s", "’s")):
            i += 1
        return i if i - start >= 2 and doc[i - 1].text in PARENT_HEADS else None

    def find(self, doc: Doc) -> list[Mention]:
        """Every mention of a Doc, in text order: candidates by priority, then retyping votes and sector lists."""
        blocked: set[int] = set()  # tokens inside a compound name: no mention of their own (_places adds them)
        text = doc_text(doc)  # Doc.text joins every token anew: read it once (kept for nkg_facts too)
        cands: list[tuple[int, int, int, str | None, str | None, str]] = []  # prio, start, end, cls, key, rule
        sents = list(doc.sents)  # each walk of doc.sents reads every token again: once per doc
        ents = doc.ents  # and so does each read of doc.ents
        texts, lowers = token_strings(doc, "text"), token_strings(doc, "lower")
        titled = self._titled_names(doc, sents)
        titled_starts = {start for start, _ in titled}  # the post-body rule ends its body there
        for start, end, cls, rule in self._patterned(doc, sents, titled_starts):
            cands.append((5 if rule == "between-pair" else 0, start, end, cls, None, rule))  # the NER's name first
        for start, end, cls, key, rule in self._places(doc, ents, text, blocked):
            cands.append((1, start, end, cls, key, rule))
        for start, end, cls, key in self._noun_of_place(doc):
            cands.append((0, start, end, cls, key, "place-noun-of"))
        for start, end in self._ports_of(doc):
            cands.append((0, start, end, "District", None, "port-of"))
        for start, end in titled:
            cands.append((2, start, end, "Person", None, "title-name"))
        for start, end in self._signing_parties(doc, sents):
            cands.append((3, start, end, "Company", None, "signing-party"))
        org_spans = []
        for ent in ents:
            if any(ent.start <= s < ent.end for s, _ in titled):
                continue  # "the Philippines Constance See": a place, then a titled person, is no firm's name
            if ent.label_ in ("ORG", "FAC") and len(ent) > 1:
                cut = next((i for i in range(ent.start, ent.end) if texts[i] == "("), ent.end)
                inner = self._strip(doc[ent.start:cut])
                if len(inner) > 1 and all(texts[i][:1].isupper() or lowers[i] in CONNECTORS
                                          for i in range(inner.start, inner.end)) \
                        and inner[-1].lower_ not in self.title_heads and not self._before_title(inner) \
                        and not (inner[0].lower_ in _COMPASS and self.gaz.get(inner[1:].text) is not None) \
                        and self._country_then_name(inner) is None:
                    # "Queensland Premier" is a place's premier; "Sindh Local Bodies Minister" the place's minister;
                    # "Northwest China" is China
                    org_spans.append((inner.start, inner.end))
        for start, end in self._qualified_firms(doc, ents):
            cands.append((0, start, end, "Company", None, "firm-qualified"))
            org_spans.append((start, end))
        # A place inside an organisation's name ("Air India") is not a mention of the place.
        cands = [c for c in cands if not (c[5] == "gazetteer" and any(
            s <= c[1] and c[2] <= e and (e - s) > (c[2] - c[1]) for s, e in org_spans))]
        for ent in ents:
            if ent.label_ not in ("PERSON", "ORG", "EVENT", "FAC", "GPE"):
                continue  # dates, numbers, nationalities: no candidate below is of them
            cut = next((i for i in range(ent.start + 1, ent.end) if texts[i] == "("), ent.end)
            begin = next((i + 1 for i in range(ent.start, cut - 1) if texts[i] in ("'s", "’s")), ent.start)
            start, end = self._stripped(doc, begin, cut)  # "India's HCL Technologies (HCL" -> "HCL Technologies"
            name = _words(doc, start, end)
            if not name[:1].isupper() or any(i in blocked for i in range(start, end)):
                continue
            if end > start and (ent.label_ in ("PERSON", "ORG") and self._hyphened(doc, start - 1) or
                                ent.label_ == "PERSON" and self._hyphened(doc, end)):
                continue  # "Atma-nirbhar", "Cross-border", "Zamyn-Uud": a piece of a hyphened word, no name
            if self.gaz.get(name) is not None or self.gaz.get(name.title()) is not None:
                continue  # a known place the gazetteer step chose not to take
            span = doc[start:end]
            label = ent.label_
            if label == "PERSON" and span.text in self.document_heads and span.start > 0 and doc[span.start - 1].lower_ == "the":
                continue  # "the Bill will then go to a third reading": the document named before
            if label == "PERSON":
                # "Mayor Zheng Deyan": a leading title is not part of the name
                while len(span) > 1 and lowers[span.start] in self.title_words:
                    span = span.doc[span.start + 1:span.end]
                at = range(span.start, span.end)
                if any(texts[i].isdigit() for i in at) or lowers[span.start] in self.title_words or any(
                        lowers[i] in self.title_words and texts[i][:1].isupper() for i in at[1:]) or (
                        len(span) > 1 and (self.gaz.get(texts[span.start]) or _NO_PLACE).cls in ("Region", "Country")) \
                        or any(lowers[i] in ("and", "&") for i in at):
                    continue  # "Pahang State", "Thailand Datuk": a place or title; "Vesterålen and Lofoten": two names
                had_honorific = span.start > ent.start or span.start > 0 and \
                    doc[span.start - 1].text.rstrip(".") in self.honorifics  # "Lord Falconer said", "Lord" outside
                cls = "Person"
                preceded = _words(doc, max(0, span.start - 2), span.start).lower().endswith(_COMPANY_NOUNS)
                if not had_honorific and (preceded or (len(span) == 1 or texts[span.start].isupper())
                                          and self._acts_like_company(span)):
                    cls = "Company"  # "Ramco ... committed to increase investments"
                placed = not had_honorific and _placed_in(doc, span, self.gaz)
                if placed:  # "renewed their MoU in Charles Hill, Botswana": a place, then its country; the
                    cls = "City"  # article's other mentions of the name follow it (_vote_types)
                cands.append((2, span.start, span.end, cls, None, "placed-name" if placed else "ner-person"))
            elif label == "ORG" and self._country_then_name(span) is not None:
                # "Ambassador to the Philippines Constance See": the country, then the holder's name
                cands.append((2, self._country_then_name(span), span.end, "Person", None, "ner-country-name"))
            elif label == "ORG":
                titled = [i - span.start for i in range(span.start, span.end) if lowers[i] in self.title_words]
                if titled and titled[0] == 0 and len(span) - (titled[-1] + 1) >= 1 and all(
                        texts[i][:1].isupper() for i in range(span.start, span.end)):
                    # "State Industry Minster M C Sampath": a titled person the NER took for an ORG
                    j = titled[-1] + 1
                    while j < len(span) and span[j].lower_ in self.title_words | {"minster", "industry", "state"}:
                        j += 1
                    if j < len(span):
                        cands.append((2, span.start + j, span.end, "Person", None, "ner-titled-person"))
                    continue
                head, last = texts[span.end - 1], lowers[span.end - 1]
                if any(texts[i] == "," and texts[i + 1].rstrip(".") not in _POST_NOMINALS
                       and texts[i + 1][:1].isupper() for i in range(span.start + 1, span.end - 1)) \
                        and not any(texts[i] in self.heads for i in range(span.start, span.end)):
                    continue  # "such as Nickel, Lithium, and Gold": a list, no name of one body
                if self._portfolio(span) or last in self.title_heads or self._before_title(span):
                    continue  # "Minister of Transport and Communications"; "Hawaii Mayor"; "Provincial Party Secretary"
                if last in CONNECTORS or len(span) > 1 and lowers[span.start] in self.title_heads and \
                        lowers[span.start + 1] in ("of", "for"):
                    continue  # "General of", "Minister of Food, Agriculture and Light Industry": a title, no body
                if len(span) > 1 and head in self.document_heads:
                    cands.append((3, span.start, span.end, None, None, "document"))  # "Mental Capacity Bill": its
                    continue  # words are no mention, nor is it one
                owner = len(span) == 1 and span.end < len(doc) and doc[span.end].text in ("'s", "’s")
                if head in self.event_heads and not owner:  # "Carnival's shares": a bare head that owns is a firm
                    cands.append((2, span.start, span.end, "Event", None, "ner-event"))
                else:
                    cands.append((3, span.start, span.end, self.org_heads.get(head, "Company"), None, "ner-org"))
            elif label in ("EVENT", "FAC") and span[-1].text in self.event_heads and len(span) > 1:
                cands.append((2, span.start, span.end, "Event", None, "ner-event"))
            elif label == "GPE" and len(span) <= 3 and all(t.text[:1].isupper() for t in span):
                # A GPE the gazetteer does not know is more often a company ("Foxconn") than a town.
                following = span.doc[span.end].lower_ if span.end < len(span.doc) else ""
                honorific = span.start > 0 and span.doc[span.start - 1].text.rstrip(".") in self.honorifics
                located = span.start > 0 and span.doc[span.start - 1].lower_ in ("in", "at", "near")
                # "Wakayama and Nakagawa prefectures": a list of places before a plural place noun
                plural = re.sub(r"ies$", "y", following) if following.endswith("ies") else following[:-1]
                located = located or following.endswith("s") and plural in PLACE_NOUNS
                cls = "City" if following in PLACE_NOUNS or located else "Person" if honorific else "Company"
                if len(span) > 1 and span[0].lower_ in _COMPASS:
                    cls = "Region"  # "the center of South Backa": a direction and a name make a region, no firm
                cands.append((4, span.start, span.end, cls, None, "ner-gpe"))
        cands.sort(key=lambda c: (c[0], -(c[2] - c[1]), c[1]))
        taken = [False] * (len(doc) + 1)
        mentions = []
        for prio, start, end, cls, key, rule in cands:
            if any(taken[start:end]):
                continue
            for i in range(start, end):
                taken[i] = True
            if cls is None:
                continue
            name = _words(doc, start, end)
            if name in self.not_names or texts[end - 1] in ("and", "&") or name.endswith(" and"):
                continue
            if texts[start] in self.relationship_words and lowers[end - 1] in PLACE_NOUNS:
                continue  # "Sister Province" is a tie, no place
            if cls in ORG_CLASSES and (_after_minister(doc, start) or end > start + 2 and _after_minister(doc, start + 2)):
                continue  # "(Minister of) National Security", "Minister for HRD": a minister and the field of the post
            if rule in ("place-noun", "site-noun", "place-body") or cls in ("Agency", "Organization"):
                span = doc[start:end]  # the rules below read a Span: made only for them
                if rule in ("place-noun", "site-noun"):
                    key = span[:-1].text  # "Binh Duong province" is Binh Duong, "the Hotazel area" Hotazel
                elif rule == "place-body":  # "Sindh govt", "the Sindh provincial government": the Government of Sindh
                    place = span[:-2] if span[-2].lower_ in self.government_levels else span[:-1]
                    key = f"{'Government' if span[-1].lower_.startswith('gov') else span[-1].text.title()} of {place.text}"
                if cls in ("Agency", "Organization"):
                    span = self._parent_body(span)
                    if span is None:
                        continue
                    start, end = span.start, span.end
                    name = _words(doc, start, end)
            mentions.append(Mention(*_chars(doc, start, end), name, cls, key or name, rule))
        documents = tuple((doc[c[1]].idx, doc[c[2] - 1].idx + len(doc[c[2] - 1])) for c in cands if c[5] == "document")
        mentions = self._retype_lone_persons(text, self._longest_forms(text, self._repeated_names(text, mentions, documents)))
        mentions = self._retype_titled_names(text, mentions)
        mentions = self._surnames_are_people(mentions)
        mentions = self._city_and_region_apart(mentions, text)
        mentions = self._place_initials(mentions)
        mentions = self._retype_named_after_places(mentions)
        mentions = self._listed_with_places(doc, mentions)
        mentions = self._places_described_as_firms(text, mentions)
        mentions = self._owned_bodies(text, mentions)
        mentions = self._terms_spelled_out(doc, [_sector_named(m) for m in mentions])
        mentions = [_without_home_prefix(m) for m in mentions]
        mentions = self._zones_named_back(text, mentions)
        mentions = self._firms_before_titles(text, mentions)
        money = [(x.start, x.end) for x in find_money(text)]
        # "the emerging Kurdistani market" after "Kurdistan Region": a word made of a place the article names
        adjectives = {m.key + end for m in mentions if m.cls in PLACE_CLASSES for end in ("i", "n", "an", "ian", "ese")}
        mentions = [m for m in mentions if not any(s <= m.start and m.end <= e for s, e in money)  # "RM15bil"
                    and (m.cls in PLACE_CLASSES or m.text not in self.gaz.demonyms and m.text not in self.peoples
                         and not (m.rule.startswith("ner-") and m.text in adjectives))]
        # "Emirati and Omani companies": a demonym is no one's name ("Gibraltar" names a place too)
        for sent in sents:
            found = self.sectors.find(sent)
            if not found:
                continue  # most sentences list no sectors: the mentions stay as they are
            starts, ends = {p.start for p in found}, {p.end for p in found}
            # the statistical NER's name that runs from one list item to another ("Pharma and Life Sciences")
            mentions = [m for m in mentions if not (m.rule.startswith("ner-") and m.start in starts and m.end in ends)]
            for p in found:
                # a list item outranks the statistical NER inside it ("S&T innovation")
                mentions = [m for m in mentions if not (m.rule.startswith("ner-") and p.start <= m.start and m.end <= p.end)]
                if not any(m.start < p.end and p.start < m.end for m in mentions):
                    mentions.append(Mention(p.start, p.end, text[p.start:p.end], "Sector", p.text,
                                            "sector-described" if p.described else "sector-list"))
        for p in self.sectors.named_industries(text):  # "global aerospace firms", "the aviation market"
            if not any(m.start < p.end and p.start < m.end for m in mentions):
                mentions.append(Mention(p.start, p.end, text[p.start:p.end], "Sector", p.text, "sector-industry"))
        mentions.sort()
        return self._vote_types(mentions)

    @staticmethod
    def _vote_types(mentions: list[Mention]) -> list[Mention]:
        """One name, one type across the article: a name a rule typed with evidence (the gazetteer, a sector
        list, an organisation's head word) types the statistical NER's mentions of the same name
        ("Biotech" in a list of fields is a sector in the headline too)."""
        strong: dict[str, Mention] = {}
        for m in mentions:
            if not m.rule.startswith("ner-") and m.cls != "Person" and m.text.lower() not in strong:
                strong[m.text.lower()] = m
        # "Takachiho Town" makes a bare "Takachiho", which the NER took for a firm (a GPE it did not know), the town;
        # a lower-case "territory" or "region" may only describe ("traditional Labour territory")
        named_by_noun = {m.key.lower(): m for m in mentions if m.rule == "place-noun" and (
            m.text.split()[-1][:1].isupper() or m.cls in ("City", "District"))}
        for name, m in named_by_noun.items():
            if strong.get(name, m).rule in ("place-noun", "repeated-name"):
                strong[name] = m
        out = []
        for m in mentions:
            voter = strong.get(m.text.lower())
            by_noun = voter is not None and voter is named_by_noun.get(m.text.lower())
            if voter is not None and m.cls != voter.cls and (
                    m.rule.startswith("ner-") and not by_noun or by_noun and m.rule in ("ner-gpe", "repeated-name")):
                m = m._replace(cls=voter.cls, key=voter.key, rule=m.rule + "-voted")
            out.append(m)
        return out
