"""From a processed Doc to an :class:`~kg.model.Extraction`: entities and facts.

This step resolves mentions to entities within the article (surnames to full
names, acronyms to long forms, "Shandong province" to Shandong), decides
Official versus Person from posts, mints stable IRIs and attaches sentence
evidence. It knows nothing of RDF.
"""
from __future__ import annotations

import bisect
import functools
import re
from collections import Counter, defaultdict
from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.lang.en.stop_words import STOP_WORDS

from .ids import entity_iri
from .nlp.raw import RawAgreement, RawCooperation, RawEvent, RawInvestment, RawLocatedIn, RawPost, raw_fact
from .lexicons import read_lexicon
from .nlp.gazetteer import default_gazetteer
from .nlp.sectors import default_scheme
from .schema import COARSE, PERSON_CLASSES, VOTE_ORDER  # entity class -> coarse kind: mentions are grouped within one kind
from .model import (ORG_CLASSES, PLACE_CLASSES, Agreement, Article, Cooperation, Entity, EventInfo, Evidence,
                    Extraction, Investment, LocatedIn, Money, Post)

if TYPE_CHECKING:
    from collections.abc import Iterable

    from spacy.tokens import Doc

# The level of government a bare title speaks for ("Chief Minister X" of the state).
# one party buying another: a deal, no cooperation of the two
_NOT_NAMES = frozenset(read_lexicon("not_names"))  # capitalised words that name nothing: "City", "State"
_TITLE_LEVEL = {"mayor": "City", "governor": "Region", "besar": "Region", "chief minister": "Region"}
# Titles that companies use as much as governments: public only when held in a place or agency.
_SHARED_TITLES = {"chairman", "chairwoman", "chairperson", "president", "director", "chief", "head", "member",
                  "secretary", "spokesman", "spokeswoman", "spokesperson", "executive", "commissioner", "manager"}


# a capitalised title run right before a name, with its "of"s and an honorific: "Minister of Home Affairs ", "Mr "
_STYLED_TITLE = re.compile(r"(?<![\w-])[A-Z][\w'’-]*(?:[^\S\n]+(?:of|for|and|the|[A-Z][\w'’-]*))*[^\S\n]+"
                           r"(?:(?:Mr|Mrs|Ms|Dr)\.?[^\S\n]+)?$")
# what follows or goes before a name that gives it another (compiled once: read at each mention of an article)
_ACRONYM_AFTER = re.compile(r"\s*\(([A-Z][A-Za-z&]*[A-Z][A-Za-z&]*)\)")  # two capitals: "PSK", "InvestHK"
_WORD_ACRONYM_AFTER = re.compile(r"\s*\(([A-Z][a-z]{2,7})\)")  # "Korea International Cooperation Agency (Koica)"
_CAPITALS_BEFORE = re.compile(r"(?:[A-Z][\w'’-]*\s+){0,4}$")  # "Indian" of "Indian Oil Corporation"
_OTHER_NAME_AFTER = re.compile(r",\s+or\s+([A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,3})\s*[,)]")  # ", or Naqwa,"
_LIST_BEFORE = re.compile(r"(?:,|\band|\bor)\s*$")  # "A, B, or C,": a list, no other name
_LINE = re.compile(r"[^\n]+")  # the lines of a sentence (sentence_spans)


def sentence_spans(doc: "Doc", text: str) -> list[tuple[int, int]]:
    """Sentence character spans of ``text`` (the doc's text), trimmed of surrounding whitespace and split
    at blank lines."""
    spans = []
    for sent in doc.sents:
        for m in _LINE.finditer(text, sent.start_char, sent.end_char):  # no copy of the sentence: the pattern reads
            s, e = m.start(), m.end()  # no character outside its bounds
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e > s:
                spans.append((s, e))
    return spans


def _initials_joined(name: str) -> str:
    """A person's leading initials written one way: "K. T. Rama Rao", "K.T. Rama Rao" and "KT Rama Rao" are one.

    >>> _initials_joined("K. T. Rama Rao"), _initials_joined("S.K. Joshi"), _initials_joined("Tony Blair")
    ('KT Rama Rao', 'SK Joshi', 'Tony Blair')
    """
    lead = re.match(r"((?:[A-Z]\.?\s*){1,3}?)(?=[A-Z][a-z])", name)
    if not lead or not lead.group(1) or not re.search(r"[.\s]", lead.group(1)):
        return name
    return re.sub(r"[.\s]", "", lead.group(1)) + " " + name[lead.end():]


def _spelled_in(short: str, name: str) -> bool:
    """"Koica" in "Korea International Cooperation Agency": the short form's letters in order in the name,
    the first one first, and more words than letters spared.

    >>> _spelled_in("Koica", "Korea International Cooperation Agency"), _spelled_in("Paris", "Pacific Rim")
    (True, False)
    """
    letters, name = short.lower(), name.lower()
    if not name.startswith(letters[0]) or len(name.split()) < 3:
        return False
    at = 0
    for ch in letters:
        at = name.find(ch, at)
        if at < 0:
            return False
        at += 1
    return True


def _abbreviates(short: str, name: str) -> bool:
    """"ADC" for "Aqaba Development Corporation", "EEC" for "Cebu Provincial Economic Enterprise Council":
    a word of the name starts as the short form does. "MILAN (AP)" is a dateline and its agency, no acronym.

    >>> _abbreviates("EEC", "Cebu Provincial Economic Enterprise Council"), _abbreviates("AP", "MILAN")
    (True, False)
    """
    return any(w[:1].lower() == short[:1].lower() for w in re.findall(r"\w[\w'’-]*", name))

_ORG_HEADS = frozenset(line.split("|")[0] for line in read_lexicon("org_heads"))


_ORG_HEADS_LOWER = frozenset(h.lower() for h in _ORG_HEADS)


def _names_the_same_body(short: str, name: str) -> bool:
    """Whether ``name``, which starts with ``short``, is its longer name, not another thing named after it: "Nestle
    SA", "Lulu group", "Dubai Chamber of Commerce and Industry" for "Dubai Chamber"; not a body's unit in a place ("UKIP Scotland", "Yukos USA"), a
    numbered thing ("BBC Radio 4", "BMW X5") or a list run together ("Fiat and General Motors", "Blair and Brown").

    >>> _names_the_same_body("Nestle", "Nestle SA"), _names_the_same_body("UKIP", "UKIP Scotland")
    (True, False)
    """
    rest = name[len(short):].strip()
    if rest.lower() in _ORG_HEADS_LOWER or rest.startswith("of "):
        return True
    return not (rest[:1].islower() or any(c.isdigit() for c in rest) or default_gazetteer().get(rest) is not None)


def _country_named_in_full(name: str) -> str:
    """An organisation's name with a country it starts with written as the gazetteer's name: "US Chamber of
    Commerce" and "United States Chamber of Commerce" are one body."""
    words = name.split()
    for n in (3, 2, 1):
        place = default_gazetteer().get(" ".join(words[:n])) if len(words) > n else None
        if place is not None and place.cls == "Country":
            return " ".join([place.name, *words[n:]])
    return name


def _keys_by_part(keys: Iterable[tuple[int, str]], ends: bool, lower: bool = False) -> dict[str, dict[str, int]]:
    """Each name that the given (mention, key) pairs' keys end with (``ends``) or start with, a word boundary
    before or after it, -> {key: the key's last mention}: "Party Committee" -> {"Jinhua Municipal Party Committee": 3}.
    With ``lower``, the starts are read in lower case (the keys kept as written)."""
    index: dict[str, dict[str, int]] = defaultdict(dict)
    for j, key in keys:
        written = key.lower() if lower else key
        at = written.find(" ")
        while at >= 0:
            index[written[at + 1:] if ends else written[:at]][key] = j
            at = written.find(" ", at + 1)
    return index


def _first_and_last(name: str) -> tuple[str, str] | None:
    """The first and last words of ``name`` in lower case, as :func:`_shortened` compares them (None for no word)."""
    words = name.lower().split()
    return (words[0], words[-1]) if words else None


def _shortened(short: str, name: str) -> bool:
    """Whether ``short`` is ``name`` with inner words left out, its first and last kept: "Jewar Airport" of "Jewar
    International Airport", "West Java Government" of "West Java Provincial Government".

    >>> _shortened("Jewar Airport", "Jewar International Airport"), _shortened("Jewar Airport", "Jewar Airport Road")
    (True, False)
    """
    words, longer = short.lower().split(), name.lower().split()
    if len(words) < 2 or len(longer) <= len(words) or words[0] != longer[0] or words[-1] != longer[-1]:
        return False
    kept, at = set(), 0
    for w in words:
        while at < len(longer) and longer[at] != w:
            at += 1
        if at == len(longer):
            return False
        kept.add(at)
        at += 1
    # a coordination goes whole ("Jinhua Development Zone" of "Jinhua Economic & Technological Development Zone"),
    # never in part: "Economic Research Council" is another body than "Economic and Social Research Council"
    return not any(w in ("and", "&") and k not in kept and (k - 1 in kept or k + 1 in kept) for k, w in enumerate(longer))


#: the last words of titles only firms, clubs and the like give ("analyst", "manager"), never a place
_PRIVATE_HEADS = frozenset(t.split()[-1] for t in read_lexicon("private_titles")) - frozenset(
    t.split()[-1] for t in read_lexicon("public_titles"))


@functools.lru_cache(maxsize=1)
def _title_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The public titles, the portfolio words, and the capitalised last words of public titles that firms do not
    use ("Governor", "Minister", "Mayor"): read from the lexicons once, not for each article."""
    public_titles = frozenset(read_lexicon("public_titles"))
    portfolio = frozenset(read_lexicon("portfolio_words")) | {"shadow"}
    public_heads = frozenset({t.split()[-1].title() for t in public_titles
                              if t.split()[-1] not in _SHARED_TITLES and t.split()[-1].isalpha()} - {
        "Of", "State", "General", "Prince"})  # "General Mike Jackson", "Prince Charles": no post of government
    return public_titles, portfolio, public_heads


class Resolver:
    """Groups an article's mentions into entities and maps facts onto them."""

    def __init__(self, article: Article, doc):
        self.article = article
        self.text = article.text
        from .nlp.mentions import Mention

        self.mentions = [Mention(*m) for m in doc._.nkg_mentions or ()]
        self.raw_facts = [raw_fact(d) for d in doc._.nkg_facts or ()]
        self.sentences = sentence_spans(doc, article.text)
        self._sentence_starts = [s for s, _ in self.sentences]  # in text order, apart: for evidence_at
        self.public_titles, self.portfolio, self.public_heads = _title_words()  # the same for every article
        self.group_of: list[int] = []  # mention index -> group index
        self.groups: list[dict] = []

    # ------------------------------------------------------------ entities
    def evidence_at(self, pos: int) -> Evidence:
        """The sentence around character ``pos``, as evidence."""
        k = bisect.bisect_right(self._sentence_starts, pos) - 1  # the last sentence starting at or before pos
        if k >= 0 and pos < self.sentences[k][1]:
            s, e = self.sentences[k]
            return Evidence(self.text[s:e], s, e)
        s = self.text.rfind("\n", 0, pos) + 1
        e = self.text.find("\n", pos)
        e = len(self.text) if e < 0 else e
        return Evidence(self.text[s:e], s, e)

    def _named_before_its_longer_name(self, short: str, name: str) -> bool:
        """Whether the article's body names ``short`` before ``name``, which adds a word no organisation head is
        ("General Motors" before "General Motors Acceptance Corp", "Fiat" before "Fiat Powertrain"): the lead names
        the article's firm in full, so a longer name told after the lead is another body (a unit, a parent)."""
        rest = name[len(short):].split()
        if all(w.rstrip(".").lower() in _ORG_HEADS_LOWER for w in rest):
            return False  # "Nestle SA", "BMW group": the same firm
        body = self.text.find("\n") + 1  # the headline may shorten any name
        first = {key: min((n.start for n in self.mentions if n.key == key and n.start >= body), default=None)
                 for key in (short, name)}
        lead_end = next((e for st, e in self.sentences if st >= body), len(self.text))  # the lead: the body's first sentence
        return first[short] is not None and first[name] is not None and first[short] < lead_end <= first[name]

    def _alias_target(self) -> dict[int, int]:
        """Mention -> mention it is an alias of (surnames, acronyms)."""
        target: dict[int, int] = {}
        persons = [(i, m) for i, m in enumerate(self.mentions) if m.cls == "Person" and len(m.key.split()) > 1]
        long_forms: dict[str, int] = {}
        for i, m in enumerate(self.mentions):
            after = self.text[m.end:m.end + 16]
            acro = _ACRONYM_AFTER.match(after)
            if acro is None and m.cls in ORG_CLASSES:  # "Korea International Cooperation Agency (Koica)"
                acro = _WORD_ACRONYM_AFTER.match(after)
                acro = acro if acro and _spelled_in(acro.group(1), m.text) else None
            if acro and m.cls not in ("Person", "Sector"):  # (most names have no acronym: no words read before)
                # the capitalised words the name may have lost: "Indian" of "Indian Oil Corporation"
                before = _CAPITALS_BEFORE.search(self.text[max(0, m.start - 60):m.start]).group(0).split()
                if _abbreviates(acro.group(1), " ".join(before + [m.text])):
                    long_forms[acro.group(1)] = i
            other = _OTHER_NAME_AFTER.match(self.text[m.end:m.end + 60]) \
                if m.cls in ORG_CLASSES and not _LIST_BEFORE.search(self.text[max(0, m.start - 6):m.start]) else None
            if other:  # "National Aquaculture Group, or Naqwa,": the body's other name; not "A, B, or C," a list
                long_forms.setdefault(other.group(1), i)
        # the keys that end or start with a name, indexed once: the name -> {longer key: its last mention}
        body_ends = _keys_by_part(((j, n.key) for j, n in enumerate(self.mentions)
                                   if n.cls in ("Agency", "Organization")), ends=True)
        ends = [_first_and_last(n.key) for n in self.mentions]  # a name _shortened from another shares these
        with_ends: dict[tuple[str, str] | None, list[int]] = defaultdict(list)  # the mentions of each (first, last)
        for j, e in enumerate(ends):
            with_ends[e].append(j)
        org_starts = _keys_by_part(((j, n.key) for j, n in enumerate(self.mentions) if n.cls in ORG_CLASSES),
                                   ends=False, lower=True)
        person_ends = _keys_by_part(((j, p.key) for j, p in persons), ends=True)
        person_starts = _keys_by_part(((j, p.key) for j, p in persons), ends=False)
        person_words: dict[str, list[int]] = defaultdict(list)  # a word of a person's name -> its mentions
        for j, p in persons:
            for w in dict.fromkeys(re.split(r"[\s-]+", p.key)):
                person_words[w].append(j)
        body_keys = {n.key for n in self.mentions if n.cls in ORG_CLASSES + ("Event",)}
        initials: dict[str, int] | None = None  # the names' initials, made on first need: the same for every mention
        for i, m in enumerate(self.mentions):
            if m.cls in ("Sector",) or (m.cls in PLACE_CLASSES and m.rule == "gazetteer"):
                continue
            words = m.key.split()
            if m.key in long_forms and long_forms[m.key] != i:
                target[i] = long_forms[m.key]
                continue
            if m.cls in ("Agency", "Organization") and len(words) >= 2:
                # "the Municipal Party Committee" after "the Jinhua Municipal Party Committee": one body
                longer = body_ends.get(m.key, {})
                if len(longer) == 1:
                    target[i] = next(iter(longer.values()))
                    continue
            if m.cls in ORG_CLASSES + ("District",) and len(words) >= 2:
                # "Jewar Airport" after "Jewar International Airport": the article's one longer name it shortens
                # "Gansu provincial government" (keyed "Government of Gansu") of "Gansu Provincial People's
                # Government": the name as written shortens it too
                forms = {(m.key, ends[i]), (m.text, _first_and_last(m.text))}
                wanted = {e for _, e in forms}
                longer = {self.mentions[j].key: j for j in sorted(j for e in wanted for j in with_ends.get(e, ()))
                          if COARSE[self.mentions[j].cls] == COARSE[m.cls] and
                          any(ends[j] == e and _shortened(s, self.mentions[j].key) for s, e in forms)}
                if len(longer) == 1:
                    target[i] = next(iter(longer.values()))
                    continue
            if m.cls in ORG_CLASSES or (m.cls == "Person" and len(words) == 1):
                # "Nestle" for "Nestle SA", "Dubai Chamber" for "Dubai Chamber of Commerce and Industry", "Lulu"
                # (taken for a person) for "Lulu group": the article's one longer name that starts with it
                longer = org_starts.get(m.key.lower(), {})
                if len(longer) > 1:  # "Volkswagen" is "Volkswagen Group", not "Volkswagen (Anhui) Automotive ..."
                    longer = {k: j for k, j in longer.items() if k[len(m.key) + 1:] in _ORG_HEADS}
                if len(longer) == 1 and _names_the_same_body(m.key, next(iter(longer))) and \
                        not self._named_before_its_longer_name(m.key, next(iter(longer))):
                    target[i] = next(iter(longer.values()))
                    continue
            if m.cls == "Person" and len(words) > 1:
                # "Abdul Rahman" after "Bayan Sami Abdul Rahman": the one longer name it ends; "Daniel Quintero" of
                # "Daniel Quintero Calle": the one it starts (a second surname, a "Jr." after it)
                ending = set(person_ends.get(m.key, {}).values())
                longer = {p.key: j for j, p in ((j, self.mentions[j]) for j in sorted(
                    ending | set(person_starts.get(m.key, {}).values()))) if j in ending or (
                    all(w[:1].isupper() for w in p.key[len(m.key):].split())
                    and p.key not in body_keys)}  # not "Adam Smith Lecture", a firm elsewhere in the text
                if len(longer) == 1:
                    target[i] = next(iter(longer.values()))
                    continue
            if len(words) == 1:
                if persons and m.cls in PLACE_CLASSES:
                    continue  # "Takachiho Town" is a town, though the NER made "Takachiho Gorge" a person
                named = next((j for j in person_words.get(m.key, ()) if j != i), None)
                if named is not None:  # "Khayat" of "Dara Jalil Al-Khayat"
                    target[i] = named
                else:
                    if initials is None:
                        initials = {self._initials(n.key): j for j, n in enumerate(self.mentions)
                                    if n.cls in ORG_CLASSES + ("Event",) and len(n.key.split()) > 1}
                    if m.key.isupper() and m.key in initials:
                        target[i] = initials[m.key]
        return target

    @staticmethod
    def _initials(name: str) -> str:
        return "".join(w[0] for w in re.split(r"[\s-]+", name) if w[:1].isupper())

    def group(self) -> None:
        """Group the mentions into entities: one group per (coarse class, key), aliases folded in."""
        alias = self._alias_target()
        index: dict[tuple[str, str], int] = {}
        for i, m in enumerate(self.mentions):
            root = i
            seen = set()
            while root in alias and root not in seen:
                seen.add(root)
                root = alias[root]
            r = self.mentions[root]
            key = (COARSE[r.cls], _initials_joined(r.key).lower() if COARSE[r.cls] == "person" else
                   _country_named_in_full(r.key).lower() if r.cls in ORG_CLASSES else r.key.lower())
            g = index.get(key)
            if g is None:
                g = index[key] = len(self.groups)
                self.groups.append({"key": r.key, "classes": Counter(), "names": Counter(), "mentions": []})
            grp = self.groups[g]
            if i == root:
                grp["classes"][m.cls] += 1
            grp["names"][m.text] += 1
            grp["mentions"].append(i)
            self.group_of.append(g)

    # --------------------------------------------------------------- facts
    def run(self) -> Extraction:
        """The article's entities and facts: raw facts mapped onto entity groups, then onto IRIs."""
        self.group()
        officials: set[int] = set()
        facts = []
        iri = {}
        for g, grp in enumerate(self.groups):
            grp["cls"] = min(grp["classes"] or {"Person": 1}, key=lambda c: (-grp["classes"][c], VOTE_ORDER.index(c)))
        main_event = self._main_event()
        event_dates: dict[int, str] = {}  # event group -> the date the text gives it
        several_days: set[int] = set()  # event groups told to last several days: a deal there has no one day
        for f in self.raw_facts:
            ev = tuple(dict.fromkeys(self.evidence_at(at) for at in (f.at, *f.also_at)))
            if isinstance(f, RawPost):
                person = self.group_of[f.person]
                of = self.group_of[f.of] if f.of is not None else None
                title = f.title
                public = title in self.public_titles or title.split()[-1] in self.public_titles or \
                    f.rule == "post-envoy"  # "Ambassador to Thailand": a country's envoy is an official
                if of is not None and title.split()[-1] in _PRIVATE_HEADS and self.groups[of]["cls"] in PLACE_CLASSES:
                    of = None  # "Liverpool manager Rafael Benitez", "Jupiter analyst": a club or firm a place names
                conf = f.confidence
                portfolio = any(w in self.portfolio for w in title.split()[:-1])  # "foreign secretary"
                if title.split()[-1] in _SHARED_TITLES and not portfolio and \
                        not (title in self.public_titles and self._styled_post(f)) \
                        and (of is None or self.groups[of]["cls"] not in PLACE_CLASSES + ("Agency",)):
                    public = False  # "its chairman Lakshmi Mittal": a chairman of no public body is no official
                level = "Region" if title.split()[0] in ("state", "provincial", "regional") else \
                    "City" if title.split()[0] in ("municipal", "city") else _TITLE_LEVEL.get(
                    title.split()[-1], _TITLE_LEVEL.get(" ".join(title.split()[-2:])))
                if of is None and level and not self._unknown_name_before(f):
                    # "Chief Minister X" of the state the article is about; national titles get no default
                    of, conf = self._main_place(level, strict=True), conf - 0.2

                if of is not None and self.groups[of]["cls"] in ("Company", "Organization"):
                    public = False
                if public:
                    officials.add(person)
                facts.append(Post(person, title, of, ev, conf, f.rule))
            elif isinstance(f, RawLocatedIn):
                b = self.group_of[f.container]
                a = self.group_of[f.place] if f.place is not None else \
                    self._main_place(f.place_anaphor, strict=True)  # "the hub in ...": the article's city
                if a is not None and a != b:
                    facts.append(LocatedIn(a, b, ev, f.confidence, f.rule))
            elif isinstance(f, RawCooperation):
                groups = [self.group_of[p] for p in f.parties]
                if f.anaphor:
                    groups.insert(0, self._main_place(f.anaphor, strict=True))
                parties = self._without_home_places(tuple(dict.fromkeys(
                    g for g in groups if g is not None and self.groups[g]["cls"] not in PERSON_CLASSES)))
                if len(parties) >= 2:
                    sectors = tuple(dict.fromkeys(self.group_of[s] for s in f.sectors))
                    facts.append(Cooperation(parties, sectors, ev, f.confidence, f.rule))
            elif isinstance(f, RawEvent):
                held = self.group_of[f.held_in] if f.held_in is not None else None
                if held is None and f.held_in_anaphor:  # "held in the city": the article's city
                    held = self._main_place(f.held_in_anaphor, strict=True)
                if f.date:
                    event_dates.setdefault(self.group_of[f.event], f.date)
                if f.several_days:
                    several_days.add(self.group_of[f.event])
                facts.append(EventInfo(self.group_of[f.event], held, f.date,
                                       self.group_of[f.part_of] if f.part_of is not None else None,
                                       ev, f.confidence, f.rule))
            elif isinstance(f, RawAgreement):
                signed = self.group_of[f.signed_at] if f.signed_at is not None else main_event
                parties = self._without_home_places(tuple(dict.fromkeys(
                    g for g in (self.group_of[p] for p in f.parties) if self.groups[g]["cls"] not in PERSON_CLASSES)))
                if f.signer_anaphor and (len(parties) == 1 and f.partner_named
                                         or not any(self.groups[p]["cls"] in PLACE_CLASSES for p in parties)):
                    # "the state signed 18,645 MoUs"; "our city signed a ... agreement with CSCEC"; "The city also
                    # signed a letter of intent with Jinjiang City": the one party named is the partner
                    main_of = self._main_place(f.signer_anaphor, strict=True)
                    parties = (main_of, *parties) if main_of is not None and main_of not in parties else parties
                sectors = tuple(dict.fromkeys(self.group_of[s] for s in f.sectors))
                host = None
                if len(parties) == 1 and self.groups[parties[0]]["cls"] in ("Company", "Organization") \
                        and signed is not None and not f.partner_named:
                    # "CPCL signed a MoU worth Rs 27,474 crore" at the state's investors' meet: with the host
                    host = self._main_place("Region")
                if len(parties) >= 2 and not f.one_each and not f.acquisition:
                    # signing together is cooperating, in the agreement's sectors; but "deals with two
                    # airlines - A and B" are one deal each, not a partnership of all three
                    facts.append(Cooperation(parties, sectors, ev, 0.6, "agreement-parties"))
                # signed at a dated event the sentence names ("at the opening ceremony") or the lead's one
                # deal-making event dated before ("... Forum in Izmir, on Sept. 6, 2019"): on that day
                date = f.date or (event_dates.get(signed) if signed not in several_days else None)
                if host is not None and host not in parties:
                    parties += (host,)
                facts.append(Agreement(parties, f.count, tuple(Money(a, c, t) for a, c, t in f.values), signed, date,
                                       sectors, None, ev, f.confidence, f.rule))
            elif isinstance(f, RawInvestment):
                target = self.group_of[f.target] if f.target is not None else None
                if target is None and f.investor is not None and f.home_target:
                    # "Adani Group committed to invest Rs 10,000 crore": in the place the article is about
                    target = self._main_place(f.target_anaphor, told_twice=True)
                investor = self.group_of[f.investor] if f.investor is not None else None
                if investor == target or (investor is not None and self.groups[investor]["cls"] in PERSON_CLASSES):
                    investor = None
                facts.append(Investment(investor, target, f.projects, tuple(Money(a, c, t) for a, c, t in f.values),
                                        ev, f.confidence, f.rule))
        officials.update(self.group_of[i] for i, m in enumerate(self.mentions) if m.cls == "Person" and
                         self._styled_official(m.start))
        for g in officials:
            if self.groups[g]["cls"] == "Person":
                self.groups[g]["cls"] = "Official"
        entities = []
        for g, grp in enumerate(self.groups):
            label = self._label(grp)
            name = grp["key"] if grp["cls"] in PLACE_CLASSES else label
            iri[g] = (grp["cls"] == "Sector" and default_scheme().concept(label)) or \
                entity_iri(grp["cls"], name, known_place=default_gazetteer().get(name) is not None)
            aliases = tuple(sorted({n for n in grp["names"] if n != label} |
                                   ({grp["key"]} if grp["key"] != label else set())))
            evidence = tuple(dict.fromkeys(self.evidence_at(self.mentions[i].start) for i in grp["mentions"]))[:3]
            entities.append(Entity(iri[g], grp["cls"], label, aliases, evidence))
        return Extraction(self.article, tuple(entities), tuple(self._facts(facts, iri)))

    def _styled_post(self, f: RawPost) -> bool:
        """Whether the sentence writes a premodifier post's title capitalised right before the name: read only for a
        public title that firms use too, as it makes a pattern for each title and name."""
        return f.rule == "post-premodifier" and bool(re.search(
            rf"\b{re.escape(f.title.title())}\s+{re.escape(self.mentions[f.person].text)}", self.evidence_at(f.at).text))

    def _styled_official(self, start: int) -> bool:
        """Whether the name at ``start`` follows a capitalised public title that no firm uses: "West Java Governor
        Ahmad Heryawan", "Minister of Home Affairs K Shanmugam", "Provincial Party Secretary Mr Che Jun"; not
        "Chairman Teo Chee Hean", a title firms use too."""
        run = _STYLED_TITLE.search(self.text, max(0, start - 80), start)
        words = run.group(0).split() if run is not None else []
        if words and words[-1].rstrip(".") in ("Mr", "Mrs", "Ms", "Dr"):
            words.pop()
        heads = [k for k, w in enumerate(words) if w in self.public_heads or w == "Secretary" and words[k - 1:k] == ["Party"]]
        # the title ends the run, or its "of"/"for" does: "Chancellor Gerhard Schroeder and French President" is no run
        return bool(heads) and (heads[-1] == len(words) - 1 or words[heads[-1] + 1] in ("of", "for"))

    def _without_home_places(self, parties: tuple[int, ...]) -> tuple[int, ...]:
        """"Dubai Chamber of Commerce and Industry" with "Dubai": the body's home place is no second party."""
        names = {g: {n.lower() for n in self.groups[g]["names"]} | {self.groups[g]["key"].lower()} for g in parties}
        orgs = [g for g in parties if self.groups[g]["cls"] in ORG_CLASSES]
        return tuple(g for g in parties if not (self.groups[g]["cls"] in PLACE_CLASSES and any(
            re.search(rf"\b{re.escape(n)}\b", o) for other in orgs for o in names[other] for n in names[g])))

    def _label(self, grp: dict) -> str:
        if grp["cls"] in PLACE_CLASSES:
            return grp["key"]  # the gazetteer's name: "Shandong" for "Shandong province"
        names = grp["names"]
        return max(names, key=lambda n: (len(n.split()), len(n), names[n]))

    def _unknown_name_before(self, post: RawPost) -> bool:
        """Whether a capitalised word no mention covers stands before the post's title ("Middlesbrough mayor Ray
        Mallon", Middlesbrough unrecognised): the body is named, only not read, so no default place stands for it."""
        start = self.mentions[post.person].start
        told = re.search(r"\b([A-Z][\w'-]*)\s+(?i:" + re.escape(post.title).replace(r"\ ", r"\s+") + r")\s+$",
                         self.text[max(0, start - 80):start])
        word = told.group(1).lower() if told else ""
        if not word or word in STOP_WORDS or word in self.portfolio or told.group(1) in _NOT_NAMES or \
                any(word in t.split() for t in self.public_titles):
            return False  # "The mayor", "Deputy Mayor", "City governor": no name before the title
        at = max(0, start - 80) + told.start(1)
        return not any(m.start <= at < m.end for m in self.mentions)

    def _main_place(self, cls: str | None = None, *, strict: bool = False, told_twice: bool = False) -> int | None:
        """The most mentioned place (of ``cls`` if given): the article's default setting.

        "the state", "the city" and "the province" count as mentions of the
        most mentioned place of their class.
        """
        classes = (cls,) if cls else ("City", "Region")
        counts = Counter(g for g in self.group_of if self.groups[g]["cls"] in classes)
        if not counts:
            return None if cls is None or strict else self._main_place()
        for word, kind in (("state", "Region"), ("province", "Region"), ("city", "City")):
            n = len(re.findall(rf"\bthe {word}\b", self.text, re.I))
            ranked = [g for g, _ in counts.most_common() if self.groups[g]["cls"] == kind]
            if n and ranked:
                counts[ranked[0]] += n
        main = max(counts, key=lambda g: (counts[g], self.groups[g]["cls"] == "Region"))
        return None if told_twice and counts[main] < 2 else main

    def _main_event(self) -> int | None:
        """The article's one event, if the lead names it: the default venue of its signings."""
        events = [g for g, grp in enumerate(self.groups) if grp["cls"] == "Event"]
        if len(events) != 1 or len(self.sentences) < 1:
            return None
        lead_end = self.sentences[min(1, len(self.sentences) - 1)][1]
        first = min(self.mentions[i].start for i in self.groups[events[0]]["mentions"])
        deal_making = re.search(r"\b(?:Invest\w*|Trade|Business|Economic|Cooperation|Summit|Forum|Week|Fair|Expo|"
                                r"Meet|Conference|Signing|Promotion)\b", self.groups[events[0]]["key"])
        return events[0] if first < lead_end and deal_making else None

    def _facts(self, facts: list, iri: dict[int, str]) -> list:
        """The facts over entity IRIs; the same cooperation, signing or holding told twice is one."""
        out = []
        coop: dict[frozenset, Cooperation] = {}
        agreements: list[Agreement] = []
        investments: list[Investment] = []
        for f in (_with_iris(f, iri) for f in facts):
            if isinstance(f, Cooperation):
                key = frozenset(f.parties)
                known = coop.get(key)
                coop[key] = replace(known, sectors=tuple(dict.fromkeys(known.sectors + f.sectors)),
                                    evidence=tuple(dict.fromkeys(known.evidence + f.evidence))) if known else f
            elif isinstance(f, Agreement):
                for n, old in enumerate(agreements):
                    if _same_signing(old, f):
                        agreements[n] = _merge(old, f)
                        break
                else:
                    agreements.append(f)
            elif isinstance(f, Investment):
                if f.investor is None and f.target is None:
                    continue
                for n, old in enumerate(investments):
                    if _same_investment(old, f):
                        investments[n] = replace(old, projects=old.projects or f.projects, values=old.values or f.values,
                                                 evidence=tuple(dict.fromkeys(old.evidence + f.evidence)))
                        break
                else:
                    investments.append(f)
            else:
                out.append(f)
        return _one_post_per_title(_drop_bodiless_posts(out)) + list(coop.values()) + _fold_retellings(agreements) + investments


def _with_iris(f, iri: dict[int, str]):
    """A fact built over entity groups (numbers), with each group replaced by its entity's IRI."""
    def one(g):
        return iri[g] if g is not None else None

    def many(gs):
        return tuple(iri[g] for g in gs)

    if isinstance(f, Post):
        return replace(f, person=one(f.person), of=one(f.of), confidence=round(f.confidence, 2))
    if isinstance(f, LocatedIn):
        return replace(f, place=one(f.place), container=one(f.container))
    if isinstance(f, Cooperation):
        return replace(f, parties=many(f.parties), sectors=many(f.sectors))
    if isinstance(f, EventInfo):
        return replace(f, event=one(f.event), held_in=one(f.held_in), part_of=one(f.part_of))
    if isinstance(f, Agreement):
        return replace(f, parties=many(f.parties), signed_at=one(f.signed_at), sectors=many(f.sectors))
    return replace(f, investor=one(f.investor), target=one(f.target))


def _drop_bodiless_posts(facts: list) -> list:
    """A post is of a body: "President Xi Jinping", with no body the article names, types its holder (an
    official) but states no post; "Premier Kathleen Wynne" beside "Kathleen Wynne, premier of Ontario" is
    the post told with its body."""
    return [f for f in facts if not (isinstance(f, Post) and f.of is None)]


def _one_post_per_title(facts: list) -> list:
    """"New Jersey State Governor Phil Murphy" and later "Governor Murphy": one post of one body told with a
    longer and a shorter title ("state governor", "governor") is one post, under the longer title."""
    posts = [f for f in facts if isinstance(f, Post)]
    kept = {}  # id of a post -> the post it is told under, its evidence joined
    for f in posts:
        kept[id(f)] = max((g for g in posts if g.person == f.person and g.of == f.of and (
            g.title == f.title or g.title.endswith(" " + f.title))), key=lambda g: (len(g.title), -posts.index(g)))
    joined = {id(f): f for f in posts}
    for f in posts:
        under = kept[id(f)]
        if under is not f:
            joined[id(under)] = replace(joined[id(under)],
                                        evidence=tuple(dict.fromkeys(joined[id(under)].evidence + f.evidence)))
    return [f if not isinstance(f, Post) else joined[id(f)] for f in facts if not isinstance(f, Post) or kept[id(f)] is f]


def _amounts(values: tuple[Money, ...]) -> set[tuple[str, int]]:
    return {(m.currency, round(m.amount)) for m in values}


def _same_signing(a: Agreement, b: Agreement) -> bool:
    """The same signing told twice: caption and body (same count and value), or a
    batch whose count and value are given in two sentences at the same event."""
    if len(a.parties) >= 2 and len(b.parties) >= 2 and not set(a.parties) & set(b.parties):
        return False  # "The first MOU, between A and B ... RM2 billion"; "The second MOU was between C and D"
    if a.values and _amounts(a.values) == _amounts(b.values) and a.count == b.count:
        return True
    if len(a.parties) >= 2 and set(a.parties) == set(b.parties) and a.count == b.count and a.date is not None \
            and a.date == b.date and a.signed_at == b.signed_at and (not a.values or not b.values):
        return True  # caption and body: the same two parties signing as many deals on the same day
    if (a.count or 0) > 1 and a.count == b.count and set(a.parties) == set(b.parties) and a.signed_at == b.signed_at \
            and not (a.values and b.values):
        # headline "Hong Kong, Macao, Shandong ink 30 deals" over the body's 30 deals; "signed on Wednesday four
        # Memoranda of Understanding ... for a total amount of 500 million dirhams" retold as "sign four protocols"
        return True
    nested = set(a.parties) <= set(b.parties) or set(b.parties) <= set(a.parties)
    if nested and (a.count is None or b.count is None or a.count == b.count) and \
            any(_near(x, y) for x in a.values for y in b.values):
        # "three MOUs worth nearly RM20bil" over "three MOUs worth RM19.84bil"; "UAE and Oman sign deals worth
        # $35bln" over "deals worth 129 billion dirhams ($35.12 billion)"
        return True
    complementary = (a.count is None) != (b.count is None) and bool(a.values) != bool(b.values)
    counts_many = (a.count or 0) > 1 or (b.count or 0) > 1
    return complementary and counts_many and a.signed_at is not None and a.signed_at == b.signed_at


def _fold_retellings(agreements: list[Agreement]) -> list[Agreement]:
    """Fold an agreement that adds nothing into the one it retells: the headline "Xuzhou signs investment
    deals" over the body's signing with its value; "witnessed the signing of the agreement" after it.

    A bare agreement with two parties and an explicit "a ... agreement" stays: "Fiat had sold GM a stake,
    as part of a partnership agreement" is another agreement than the pay-off deal of the same firms.
    """
    def bare(a: Agreement, into: Agreement | None = None) -> bool:
        """Nothing told but parties; a day that the other signing has too adds nothing."""
        dated = a.date and (into is None or a.date != into.date)
        return not (a.values or a.signed_at or dated or a.sectors) and (a.count or 1) == 1

    def foldable(a: Agreement, into: Agreement) -> bool:
        return bare(a, into) and (len(a.parties) <= 1 or a.count is None)

    out = list(agreements)
    for n, a in reversed(list(enumerate(out))):
        # "Officials sign investment agreements at a Taiyuan investment promotion in Shanghai on Sunday": a caption
        # that names no party nor figure gives its day to the one signing the article leaves undated
        undated = [j for j, b in enumerate(out) if j != n and b.date is None]
        if a.date and not (a.parties or a.count or a.values or a.sectors or a.signed_at) and len(undated) == 1:
            j = undated[0]
            out[j] = replace(out[j], date=a.date, evidence=tuple(dict.fromkeys(out[j].evidence + a.evidence)))
            del out[n]
    n = 0
    while n < len(out):
        a = out[n]
        j = next((j for j, b in enumerate(out) if j != n and set(a.parties) <= set(b.parties) and foldable(a, b)
                  and (not bare(b) or len(b.parties) > len(a.parties))), None)
        if j is None:
            n += 1
            continue
        out[j] = replace(out[j], evidence=tuple(dict.fromkeys(out[j].evidence + a.evidence)))
        del out[n]
    return out


def _near(x: Money, y: Money) -> bool:
    return x.currency == y.currency and abs(x.amount - y.amount) <= 0.02 * max(x.amount, y.amount)


def _precise(values: tuple[Money, ...]) -> int:
    """How many significant digits the first amount is written with: "RM19.84bil" beats "nearly RM20bil"."""
    return len(re.sub(r"[^\d]", "", values[0].text).strip("0")) if values else 0


def _same_investment(a: Investment, b: Investment) -> bool:
    """The same holding told twice ("Fiat had sold GM a stake", later "GM's stake in Fiat"):
    same investor and target, and no figures that disagree."""
    return (a.investor is not None and a.target is not None and (a.investor, a.target) == (b.investor, b.target)
            and (not a.values or not b.values or _amounts(a.values) == _amounts(b.values))
            and (a.projects is None or b.projects is None or a.projects == b.projects))


def _merge(a: Agreement, b: Agreement) -> Agreement:
    return replace(a, parties=tuple(dict.fromkeys(a.parties + b.parties)), count=a.count or b.count,
                   values=b.values if _precise(b.values) > _precise(a.values) else (a.values or b.values),
                   signed_at=a.signed_at or b.signed_at, date=a.date or b.date,
                   sectors=tuple(dict.fromkeys(a.sectors + b.sectors)),
                   evidence=tuple(dict.fromkeys(a.evidence + b.evidence)))


def extract(article: Article, doc: "Doc") -> Extraction:
    """Entities and facts of one processed article."""
    return Resolver(article, doc).run()
