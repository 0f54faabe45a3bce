"""Relation rules over a parsed Doc and its mentions.

Each rule reads one sentence (sometimes the one before) and yields a plain
dict that names mentions by index; :mod:`kg.extract` turns them into
entity-level facts. Every fact carries the rule's name and confidence.
"""
from __future__ import annotations

import bisect
import datetime as dt
import functools
import operator
import re
from collections import Counter

from spacy.tokens import Doc, Span, Token

from ..lexicons import read_lexicon
from ..schema import ORG_CLASSES, PERSON_CLASSES, PLACE_CLASSES
from .columns import token_at, token_starts, token_strings
from .dates import resolve_date, several_days, week_month
from .mentions import HOME_PARTICIPLES, PARENT_HEADS, PLACE_NOUNS, TITLE_PREPOSITIONS, Mention
from .rules import NUMBER_WORDS, doc_text, rules_for, span_text
from .rules.agreement import STAND_INS, agreements_from_parse
from .rules.cooperation import TIES_ENDED, cooperation_from_parse, not_reached
from .rules.investment import HEDGES, INVESTMENT_WORDS, hedged, investment_from_parse, listed_amounts
from .rules.located_in import located_in_from_parse
from .rules.discourse import Sentence, assemble
from .money import find_money, localize
from .stakes import MODALS, stake_investments

PLACE = PLACE_CLASSES
# A unit of a body, named after a title: "of the Standing Committee of the CPC Jiangsu Provincial Committee".
PARENT_UNIT = re.compile(r"\s+of\s+the\s+(?P<unit>(?:[A-Z][\w-]*\s+){0,3}(?:Committee|Commission|Council|Board|"
                         r"Assembly|Congress|Bureau|Department|Office))\s+of\s+(?:the\s+)?(?:(?:[A-Z][\w'-]*|of)\s+){1,6}?"
                         rf"(?:{'|'.join(sorted(PARENT_HEADS))})\b")
PARTY = PLACE_CLASSES + ORG_CLASSES  # the parties of deals: places and bodies, never people
# "north", "southwestern", "central": the compass words of kg/lexicons/compass_words.txt, longest first
DIRECTIONS = "(?:" + "|".join(sorted(read_lexicon("compass_words"), key=len, reverse=True)) + ")"
RANK = {"District": 0, "City": 1, "Region": 2, "Country": 3}
COOPERATION = re.compile(r"\b(?:cooperat\w*|co-operat\w*|collaborat\w*|partnership|join(?:ing|ed|s)? hands|team(?:ing|ed|s)? up|"
                         r"work(?:ing)? together|synerg\w*|tie-up|ties with|joint ventures?|alliance)\b", re.I)
# "race to sign", "delays in signing", "could sign": no signing took place
# "If Iraq's cabinet approves ..., then this will be the first deal that Iraq has signed": a condition, no signing
CONDITIONAL = re.compile(rf"\W*(?:{'|'.join(read_lexicon('conditions'))})\s", re.I)
_ENDING_VERBS = frozenset(read_lexicon("ending_verbs"))
# a prefix before the verb: "expected VW to co-sign a memorandum"; a future not yet done: "we'll reach a good agreement"
IRREALIS = re.compile(r"(?:\b(?:to|in|will|would|could|may|might|shall|should|before|without|not)|['’]ll)\s+"
                      r"(?:be\s+|have\s+been\s+)?(?:[a-z]+-)?$", re.I)
# "became the first out of the eight Prosper Counties to sign": a signing told as done, though after "to"
DONE_FIRST = re.compile(r"\b(?:the|its)\s+(?:first|second|third|latest|last|only)\b[^.;,]{0,60}?\bto\s+$", re.I)
JOINT_WORK = re.compile(r"\s*(?:\([^()]{1,12}\)\s*)?(?:will|would|are to|plan to|plans to|propose to|proposes? to|agreed to|"
                        r"are set to)?\s*(?:be\s+)?(?:jointly\s+)?(?:develop|build|set up|establish|construct|operate|"
                        r"invest)\w*\b", re.I)
# The verbs that tell a signing took place ("took place", "happened", "was held")
_TOOK_PLACE = frozenset(read_lexicon("occurrence_verbs"))
# Not a purpose after "with": "with the goal of", "with a view to", "with the aim of"
_NO_PURPOSE = rf"(?!(?:the|a|an)\s+(?:{'|'.join(read_lexicon('purpose_nouns'))})s?\b)"
BUSINESS_TIE = re.compile(r"joint venture|partnership|alliance|tie-up", re.I)
_PARTNER_AFTER = re.compile(r"\bwith\s+(?:[\w-]+\s+){0,2}$")  # "with state-owned Rosneft": the partner a tie names
_SIDE_NOUNS = {line.split()[0]: tuple(line.split()[1:]) for line in read_lexicon("side_nouns")}
# "the two sides", "both nations", "both the cities", "two parties": the parties told before
BOTH_SIDES = re.compile(rf"\b(?:the two|both(?: the)?|two(?= parties))\s+(?:[a-z]+\s+)?(?:{'|'.join(_SIDE_NOUNS)})\b",
                        re.I)
# "the two countries" are countries, "the two firms" companies; "the two sides" any party
_SIDE_KINDS = {noun: kinds for noun, kinds in _SIDE_NOUNS.items() if kinds != ("*",)}
SIGNING = re.compile(r"\b(?:sign(?:ed|s|ing)?|ink(?:ed|s)?|seal(?:ed|s)?|clinch(?:ed|es|ing)?|conclud(?:ed|es)|"
                     r"struck|strike|(?:reach(?:ed|es)?|(?:announc|finali[sz])(?:ed|es|e))(?=\s+(?:[\w$£€.-]+\s+){0,3}?"
                     r"(?:deal|agreement|contract|pact|partnership)))\b", re.I)
AGREEMENT_NOUN = "(?:" + "|".join(read_lexicon("agreement_nouns")) + ")"
_AGREEMENT_WORD = re.compile(AGREEMENT_NOUN, re.I)  # one word that is an agreement noun (fullmatch)
_SIGNING_NOUNS = ("signing", "ceremony", "signings")  # the occasion of a signing, told as its noun
_SIDES = "|".join(_SIDE_NOUNS)
# A count before an agreement noun, not the decimals of an amount: "a R10.4 billion contract" is one, not four
COUNTED = [re.compile(rf"(?<![\d.,$£€])\b(?P<n>{n})[\s-]+(?!(?:year|month|week|day|hour)s?\b|(?:{_SIDES})\b)"
                      rf"(?:[\w-]+\s+){{0,3}}?"
                      rf"{AGREEMENT_NOUN}\b", re.I)  # "a two year deal" is one deal; "the two parties signed the MoU"
           for n in (r"\d+(?:,\d{3})*(?![\d,])", "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve")]
COUNTED.append(re.compile(rf"\b(?P<n>a|an)\s+(?!(?:number|series|host|raft|range|couple|pair|set|batch|package|slew|"
                          rf"string|flurry)\s+of\b)(?:[\w-]+\s+){{0,3}}?{AGREEMENT_NOUN}\b(?<!s)", re.I))  # not "a number of deals"
COUNTED_MORE = re.compile(rf"\s+and\s+(?P<n>\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
                          rf"\s+(?:[\w-]+\s+){{0,3}}?{AGREEMENT_NOUN}\b", re.I)
# "former", "ex-", "then": the post was held before; "incoming", "would-be": it will be; not now
NOT_NOW_TITLE = re.compile(r"\b(?:former|formerly|ex|erstwhile|one-time|onetime|then|late|incoming|would-be|"
                           r"prospective)\b(?:-|\s)", re.I)
_LINKS = "|".join(TITLE_PREPOSITIONS)
# after a bare "chief", a word that is no preposition or verb of saying (reporting_verbs.txt, past tense, and "says"):
# the post's head noun comes later
HEAD_NOUN_FOLLOWS = re.compile(rf"\s+(?!(?:{_LINKS}|and|on|from|{'|'.join(read_lexicon('reporting_verbs'))}|says)\b)"
                               r"[A-Za-z]+\s+[a-z]")
PER_UNIT = re.compile(r"\s*(?:a|an|per|each)\s+(?:head|month|year|week|day|person|share|unit|tonne|ton|barrel)\b", re.I)
INVESTMENT_HINT = re.compile(r"\b(?:invest|pour|pump|inject|plough|plow|fdi|offer)", re.I)  # before the parse is read
LIST_OR_GAP = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)")
# "aimags of", "cities of", "provinces in": a plural place noun after a list of places
PLURAL_PLACES_OF = re.compile(r"\s+(?:[a-z-]+\s+)?(?:aimags|cities|provinces|regions|states|counties|districts|prefectures|"
                              r"towns|municipalities|oblasts|governorates|departments|emirates|territories|leagues)\s+"
                              r"(?:of|in)\s+(?:the\s+)?(?:[a-z]+\s+)?")
INVEST = re.compile(r"\b(?:invest(?:ed|s|ing|ment|ments)?(?!\s+(?:bank|banks|banking|banker|bankers|fund|funds|firm|firms|"
                    r"trust|trusts|vehicle|adviser|advisers|grade|house|group|arm|manager|managers|company|strategy))|"
                    r"committed|commit|pour(?:ed)?|utiliz\w+|utilis\w+|inject\w*|FDI)\b", re.I)
# "Conduent Inc., based in New Jersey, United States,": the places of a firm's home, no investor
_HOME_WORDS = "|".join(sorted(HOME_PARTICIPLES))
HOME_OF_FIRM = re.compile(rf"\b(?:{_HOME_WORDS}|located)\s+in\s+(?:[^,.;()]+,\s*)?(?:the\s+)?$")
HOME_AFTER = re.compile(rf"-(?:{_HOME_WORDS})\b")  # "Aberdeen-based consultancy": the place is the firm's home
# A singular agreement noun: after the verb ("signed MoU for ..."), or before a passive one ("The first MOU,
# worth RM15bil, was inked")
_ONE = r"\b(?:agreement|deal|MoU|memorandum of understanding|contract|pact|accord)\b(?!s)"
ONE_AGREEMENT = re.compile(_ONE, re.I)
ONE_AGREEMENT_SIGNED = re.compile(_ONE + r"(?:[^.;]|\.\d){0,150}\b(?:was|has been)\s+$", re.I)
# Where the parts of a total start being listed: "worth Rs 6,650 crore, including a township worth Rs 3,500 crore"
PARTS_LISTED = re.compile(r",?\s+\b(?:including|such as|comprising|among them|of which)\b", re.I)
# Between two coordinated subjects: ", ", " and ", "and German state ", "and Tanzania's "
COORDINATED = re.compile(r"\s*(?:,|,?\s*and|&)\s*(?:(?:the|[A-Z][\w-]*['’]s|[a-z-]+)\s+){0,2}")
COORDINATED_LAST = re.compile(r"\band\s+(?:(?:the|[A-Z][\w-]*['’]s|[a-z-]+)\s+){0,2}$")
# Between a subject and its verb: "on Monday", "have", "jointly"
BEFORE_THE_VERB = re.compile(r"\s*(?:(?:on|last|this)\s+[A-Z]?[a-z]+\s+|(?:have|has|had|also|jointly|recently|formally|"
                             r"officially|today|yesterday)\s+)*")
LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)")  # between the names of a list: ", ", " and ", ", and "
ORDINAL_DEAL = re.compile(r"\b(?:first|second|third|fourth|fifth|sixth|seventh|last|final)\s+(?:MoU|agreement|deal|"
                          r"memorandum(?: of understanding)?|contract|pact)\b[^.;]{0,40}?\bbetween\s+", re.I)
# "a great deal of evidence", "a good deal more": a quantity, no agreement
# "co-operating fully with the SEC investigation", "co-operate with continuing civil and criminal investigations"
WITH_INQUIRY = re.compile(r"\s+(?:fully\s+|closely\s+)?with\s+(?:the\s+|an?\s+|its\s+|their\s+)?(?:[\w&'-]+\s+){0,3}?"
                          rf"(?:{'|'.join(read_lexicon('inquiry_nouns'))})\b", re.I)
FIRM_DEAL = re.compile(r"\b(?:a|an)\s+(?:[\w-]+\s+){0,2}?(?:agreement|deal|contract|pact|accord)\b(?!\s+(?:with|to|for|on)\b)"
                       r"(?!(?:(?<=great deal)|(?<=good deal))\s+(?:of|more)\b)", re.I)
DEAL_NOT_MADE = re.compile(r"\b(?:talks?|negotiat\w*|bid|seek\w*|sought|hop\w*|try\w*|tried|plan\w*|want\w*|aim\w*|"
                           r"propos\w*|consider\w*|reach\w*|close to|near\w*|could|would|(?-i:may)|might|should|without|no|"
                           r"fail\w*|block\w*|oppos\w*|reject\w*|scrap\w*|any|if|whether|new|possible|potential|"
                           r"expected|likely|agree[sd]?|agreeing|strike|struck|win|won|announc\w*|secur\w*|will|offer\w*)\b", re.I)
# A verb of getting money, not a noun ("a new attraction", "securities"): "Uttar Pradesh received ...", "got"
RECEIVE_VERB = re.compile(r"\b(?:receiv(?:e|es|ed|ing)|attract(?:s|ed|ing)?|dr[ae]w(?:s|ing|n)?|secur(?:e|es|ed|ing)|"
                          r"bag(?:s|ged|ging)?|lur(?:e|es|ed|ing)|garner(?:s|ed|ing)?|woo(?:s|ed|ing)?|got|get)\b", re.I)
RECEIVED_FROM = re.compile(r"\b(?:receiv|attract|dr[ae]w|secur|bagg?|lur|garner|woo)\w*\s+(?:[^.;]|\.\d){0,60}?"
                           r"\binvestments?\s+(?:[^.;]|\.\d){0,30}?\bfrom\b", re.I)
PROJECTS = re.compile(r"\b(?P<n>\d[\d,]*)\s+(?:[\w-]+\s+){0,2}?(?:projects|enterprises|companies|firms|ventures)\b", re.I)
WORDS = NUMBER_WORDS
# Before the place an event was held in: "in", "at the", "in the city of", "in Turkey's Aegean city of"
HELD_AT = re.compile(r"[^.;]{0,60}?\b(?:in|at)\s+(?:the\s+)?(?:[A-Z][\w-]+['’]s\s+(?:[\w-]+\s+){0,2}?)?"
                     r"(?:(?:city|town|port|capital|province|state|region)\s+of\s+)?")
# "the forum", "the three-day forum", "this annual summit": a named event told before
_EVENT_NOUNS = read_lexicon("event_nouns")
EVENT_ANAPHOR = re.compile(r"\b(?:the|this) (?:(?:" + "|".join(read_lexicon("event_modifiers")) +
                           r"|[\w]+-(?:day|week|month)(?:-long)?|\d+(?:st|nd|rd|th)) ){0,2}"
                           r"(" + "|".join(_EVENT_NOUNS) + r")\b", re.I)
ENVOY = re.compile(r"(?P<title>\b(?:ambassador|envoy|consul[- ]general|consul|high commissioner|"
                   r"trade commissioner|representative)\s+(?:to|in)\s+(?P<place>[A-Z][\w-]+(?:\s[A-Z][\w-]+)?))\s+"
                   r"(?:(?:[A-Z][a-z]+'?|Dr\.?)\s+){0,3}$", re.I)
ENVOY_WORDS = 8  # the most words an ENVOY match holds: "high commissioner to New Zealand Datuk Seri Dr"
# "the company's president, Wang Feng": a title and a comma right before a name
TITLED_BEFORE = re.compile(r"\b([A-Za-z-]+),\s*$")
# a wire dateline: the place in capitals, then a date or the agency, then a dash or a colon:
# "SHENZHEN, Dec. 10 (Xinhua) --", "MILAN (AP) —", "NEW DELHI:", "RABAT - ", "LANZHOU, China, July 10 /PRNewswire/ --"
DATELINE = re.compile(r"\s*([A-Z][A-Z.'-]{2,}(?:\s+[A-Z][A-Z.'-]+){0,3})(,[^\n—–:]{0,60}?|\s*\([^()\n]{1,60}\))?"
                      r"\s*(?:—|--|–|-\s|:\s|\([^()\n]{1,60}\)\s*(?:—|--|–|-\s|:\s)?)")
PLACE_NOUN_WORDS = frozenset(PLACE_NOUNS) | {"port", "capital"}  # "the Belarusian city Brest", "port city"
PLACE_NOUN_END = re.compile(r"\s(?:region|province|state|county|city|prefecture)$", re.I)  # "Voronezh region"
DATELINE_DAY = re.compile(r"\b[A-Z][a-z]{2,8}\.?\s+\d{1,2}\b")
# "Erbil, Kurdistan Region, Iraq ( – ": places in plain case, then a dash (no colon: that may open a sentence)
DATELINE_PLAIN = re.compile(r"\s*([A-Z][\w'’.-]+(?:,?\s+[A-Z][\w'’.-]+){0,5})()\s*(?:\([^()\n]{1,40}\)\s*)?"
                            r"(?:\(\s*)?(?:—|--|–)\s")
# "[India], January 30 (ANI):", "(Xinhua) --": a news agency credited before the story
AGENCY_CREDIT = re.compile(r"\(([A-Z][\w .&/-]{1,40})\)\s*(?::|--|—|–|-\s)")
NATIONAL_POST = re.compile(r"\b(?:minister|president|premier|chancellor|ambassador|envoy|king|queen|prince|senator|"
                           r"lawmaker|mp|leader|secretary|governor|consul|consul[- ]general)$")
PART_OF = re.compile(r"\b(?:part|component|segment|sub-forum|session|highlight|event) of\s+(?:the\s+)?$", re.I)
# the words of a title run before a name ("Yantai Mayor "): at most 8, each with the space after it
TITLE_WORDS_BEFORE = re.compile(r"((?:[A-Za-z'.-]+\s){1,8})$")


# the day a sentence tells a signing happened on: "on July 17", "On Friday", "yesterday"
SIGNING_DAY = re.compile(r"\b(?:(?:[Oo]n|[Ii]n)\s+(?:[A-Z][a-z]+\.? \d{1,2}|\d{1,2} [A-Z][a-z]+|Monday|Tuesday|"
                         r"Wednesday|Thursday|Friday|Saturday|Sunday)|today|yesterday)\b|"
                         r"\b[Ii]n\s+(?:(?:early|late|mid)[\s-]+)?(?:January|February|March|April|May|June|July|August|"
                         r"September|October|November|December)\b(?!\.?\s+\d)")  # "in November": a month


# a day told by pointing back at the one told before
_SAME_DAY_PHRASES = ("the same day", "that same day", "that day", "on the same occasion")
SAME_DAY = re.compile(rf"\b(?:{'|'.join(_SAME_DAY_PHRASES)})\b", re.I)


def _signing_day(start: int, sentence: str, published: str | None) -> str | None:
    """The date of a signing its sentence tells; a dateline's day is the story's, not the signing's
    ("HEFEI, July 17 (Xinhua) -- ... signed ... on Friday" is Friday the 16th). Signings told over several days
    ("at the forum on April 26-27", "at the end of the two-day meet on Thursday") have no one day."""
    if start == 0:
        line = DATELINE.match(sentence)
        sentence = sentence[line.end():] if line else sentence
    if not SIGNING_DAY.search(sentence):
        return week_month(sentence, published)  # "signed ... this week": its month
    return None if several_days(sentence) else resolve_date(sentence, published)


def _number(text: str) -> int | None:
    text = text.lower().replace(",", "")
    return WORDS.get(text) if text in WORDS else (int(text) if text.isdigit() else None)


# the length of the event named next: "the two-day Global Investors Meet"
_N_DAYS_BEFORE = re.compile(r"\b(\w+)-day\s+(?:[\w-]+\s+){0,3}$")


def _first_day(date: str | None, before: str, sentence: str) -> str | None:
    """An event's date is its first day: "at the end of the two-day Global Investors Meet ... on Thursday"
    began on Wednesday."""
    days = _N_DAYS_BEFORE.search(before)
    if not date or len(date) != 10 or not days or not re.search(
            r"\b(?:(?:at )?the end of|conclud\w*|clos(?:ed|ing)|ended|wrapp\w* up)\b", sentence, re.I):
        return date
    n = _number(days.group(1))
    return (dt.date.fromisoformat(date) - dt.timedelta(days=n - 1)).isoformat() if n and 1 < n < 15 else date


# "the five-day China-ASEAN Expo": a length in days, then the event's head within three words
_N_DAY_HEAD = re.compile(r"\b(\w+-day)\s+(?:[\w-]+\s+){0,3}?([\w-]+)\b", re.I)


def _length_told_elsewhere(text: str, head: str, at: int) -> str | None:
    """"the five-day expo" told elsewhere in the text of the event whose head is ``head``, as the words
    _first_day reads ("five-day "): the telling nearest the event's mention at char ``at``."""
    if "-day" not in text.lower():
        return None
    told = [t for t in _N_DAY_HEAD.finditer(text) if t.group(2).lower() == head.lower()]
    if not told:
        return None
    return min(told, key=lambda t: abs(t.start() - at)).group(1).lower() + " "


@functools.lru_cache(maxsize=4)
def _ascii_lower(text: str) -> str | None:
    """``text`` in lower case, None when it is not pure ASCII; every rule of a sentence asks of the same text."""
    return text.lower() if text.isascii() else None


def _absent(text: str, words: tuple[str, ...]) -> bool:
    """Whether a pure-ASCII ``text`` holds none of ``words`` (lower case), one of which each match of a
    case-insensitive pattern holds: the pattern need not be run. Other texts are always read (case folding
    beyond ASCII is the pattern's own)."""
    low = _ascii_lower(text)
    if low is None:
        return False
    for w in words:  # a loop, not any() over a generator: it runs for every rule of every sentence
        if w in low:
            return False
    return True


# the words every match of a pattern holds, for _absent
_SIGNING_WORDS = ("sign", "ink", "seal", "clinch", "conclud", "struck", "strike", "reach", "announc", "finali")
_INVEST_WORDS = ("invest", "commit", "pour", "utiliz", "utilis", "inject", "fdi")
_DEAL_WORDS = ("agreement", "deal", "contract", "pact", "accord")
_COOPERATION_WORDS = ("cooperat", "co-operat", "collaborat", "partnership", "join", "team", "work", "synerg", "tie-up",
                      "ties with", "joint venture", "alliance")
_EVENT_WORDS = tuple(_EVENT_NOUNS)
_HINT_WORDS = ("invest", "pour", "pump", "inject", "plough", "plow", "fdi", "offer")


def _first_to_sign(before: str) -> bool:
    """Whether the words before a signing verb tell it as done: "became the first ... to sign"; not "will be the
    first to sign", a plan."""
    first = DONE_FIRST.search(before)
    return first is not None and not re.search(r"\b(?:will|would|could|may|might|should|to|hopes? to|wants? to)\s+be\s+$",
                                               before[:first.start()])


def _invest_word(s_text: str, idx: list[tuple[int, Mention]], start: int) -> re.Match | None:
    """The first investment word of a sentence outside a name: "the 2017 China Global Investment Summit" and
    "Zhambyl Economic and Investment Forum" name an occasion, no investment."""
    names = [(m.start - start, m.end - start) for _, m in idx if m.cls == "Event" or m.cls in ORG_CLASSES]
    return next((w for w in INVEST.finditer(s_text) if not any(a <= w.start() < b for a, b in names)), None)


def _words_from_end(text: str, n: int) -> int:
    """Where a match of at most ``n`` words, each with a space after it, that ends ``text`` starts at the earliest:
    at the spaces before the last ``n`` words. A search from there finds what a search of the whole text finds,
    without a try at every character before."""
    parts = text.rsplit(None, n)
    return len(parts[0]) if len(parts) == n + 1 else 0


def _a_noun_with_its_article(doc: Doc, at: int) -> bool:
    """Whether the word at char ``at`` is a noun with its determiner: "The ink had scarcely dried on the agreement",
    "in a sign of a thaw", "a strike": no signing verb (a headline's "China sign oil deal" has none)."""
    i = token_at(doc, at)
    return i is not None and doc[i].tag_ in ("NN", "NNS") and doc[i].lower_ in _NOUN_SENSES and \
        any(c.dep_ == "det" for c in doc[i].children)


_NOUN_SENSES = frozenset({"ink", "inks", "sign", "signs", "seal", "seals", "strike"})  # not "the signing of"


def _home_of_a_firm(text: str, m: Mention) -> bool:
    """Whether a place's name only tells the home of a firm noun after it: "UK bank", "Russian oil firm"."""
    after = _WORDS_AFTER.match(text, m.end)
    return m.cls in PLACE_CLASSES and after is not None and \
        any(w.lower() in _FIRM_NOUNS for w in after.groups() if w)


_WORDS_AFTER = re.compile(r"\s+([a-z-]+)\b(?:\s+([a-z]+)\b)?")
_FIRM_NOUNS = frozenset(read_lexicon("firm_nouns"))


def _in_sentence(mentions: list[Mention], sent: Span) -> list[tuple[int, Mention]]:
    """(index, mention) of the mentions that start in ``sent``; the mentions are sorted by start."""
    first = bisect.bisect_left(mentions, sent.start_char, key=_start)
    last = bisect.bisect_left(mentions, sent.end_char, lo=first, key=_start)
    return list(zip(range(first, last), mentions[first:last]))


_start = operator.attrgetter("start")  # a mention's start, bisect's key: no Python call for each step


def _parsed_posts(sent: Span, mentions: list[Mention], spans: list[tuple[int, int, int]], found: list[dict],
                  post_rules: list) -> list[dict]:
    """The posts the parse rules of :mod:`kg.nlp.rules.post` (``post_rules``) read in a sentence, of people the
    text rules gave none there."""
    told = {f["person"] for f in found if f["rel"] == "post"}
    out = []
    for r in post_rules:
        new = [f for f in r.func(sent, mentions, spans) if f["person"] not in told]
        told.update(f["person"] for f in new)  # one rule may give a person two posts ("Premier and Minister for Trade")
        out += new
    return out


# what a place may be called right after its name ("Shandong province", "Busan port"): no noun it modifies
_PLACE_NAME_NOUNS = frozenset(PLACE_NOUNS) | {"port", "capital", "area", "zone", "island", "islands", "town",
                                             "village", "municipality", "territory", "county", "borough"}


def _modifies_next(doc: Doc, place: Mention) -> bool:
    """Whether a place's name modifies the noun after it, so it is no larger place of the name before:
    "Water firm Suez in Argentina row", "US in EU tariff chaos trade row", "in Edinburgh, Wales Secretary Peter
    Hain"; not "Shandong province"."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None or span.end >= len(doc):
        return False
    last, nxt = span[-1], doc[span.end]
    if nxt.lower_ in _PLACE_NAME_NOUNS:
        return False
    return last.dep_ in ("compound", "nmod", "amod") and last.head.i >= span.end and \
        last.head.lower_ not in _PLACE_NAME_NOUNS or nxt.tag_ in ("NN", "NNS") and nxt.text.islower()


def _adjective_named(doc: Doc, place: Mention) -> bool:
    """Whether a place-noun mention is named by an adjective ("the West African state of Benin"): a kind of
    place the next name is, not a place it lies in."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    return span is not None and len(span) >= 2 and span[-1].lower_ in _PLACE_NAME_NOUNS and span[-2].tag_ == "JJ"


def _gap(text: str, a: Mention, b: Mention) -> str:
    """The text between two mentions, a bare apostrophe after a name ending in "s" or "." read as "'s": "the
    U.S.’ New Mexico", "the Philippines' Davao City"."""
    between = text[a.end:b.start]
    if between[:1] in ("'", "’") and between[1:2].isspace() and a.text[-1:] in ("s", "S", "."):
        return "’s" + between[1:]
    return between


def _event_named(last_event: dict[str, int], head: str) -> int | None:
    """The event "the ceremony" or "the forum" refers to: the last one so named, else the last one."""
    target = last_event.get(head.lower())
    return target if target is not None else last_event.get("*")  # mention 0 is an event too


def _placed_by_the_text(facts: list[dict]) -> list[dict]:
    """The event facts without the dateline's place where the text says elsewhere where the event was held
    ("ASTANA – ... at the Zhambyl Economic and Investment Forum 2023 on April 26-27 in Taraz": not Astana)."""
    told = {f["event"] for f in facts if f["rel"] == "event" and f.get("heldIn") is not None
            and not f.get("heldInDateline")}
    out = []
    for f in facts:
        if f["rel"] == "event" and f.get("heldInDateline"):
            dropped = ("heldIn", "heldInDateline") if f["event"] in told else ("heldInDateline",)
            f = {k: v for k, v in f.items() if k not in dropped}
            if "heldIn" not in f and not any(k in f for k in ("heldInAnaphor", "date", "partOf")):
                continue  # nothing else told of the event here
        out.append(f)
    return out


_DESCRIBING_TAGS = frozenset({"NN", "NNS", "JJ", "VBN"})  # "wireless communication products company" (lower-case words)


def _firm_described(doc: Doc, mentions: list[Mention], party: int) -> int:
    """The firm a place party only describes, when the firm's name follows in the same noun phrase: "Nokia and
    Canada-based wireless communication products company Sierra Wireless", "a deal with Hollywood studio Warner
    Brothers"; the party itself otherwise."""
    m = mentions[party]
    if m.cls not in PLACE:
        return party
    i, end = token_at(doc, m.end - 1), len(doc)
    if i is None:
        return party
    j = i + 1
    if j + 1 < end and doc[j].text == "-" and doc[j + 1].lower_ in HOME_PARTICIPLES:
        j += 2  # "Canada-based": the firm's home
    k = j
    while k < end and k - j < 6 and doc[k].tag_ in _DESCRIBING_TAGS and doc[k].text.islower():
        k += 1
    if k == j or k >= end or doc[k - 1].tag_ not in ("NN", "NNS"):
        return party  # no common noun of a firm between: "a deal with China."
    firm = next((n for n, x in enumerate(mentions) if x.cls in ORG_CLASSES and x.start == doc[k].idx), None)
    return firm if firm is not None else party


_DEFINITE = frozenset({"the", "these", "those", "this", "that", "its", "their"})
_GENERIC = frozenset({"such", "all", "any"})
_PRONOUN_TAGS = frozenset({"PRP", "WDT", "WP"})  # "they", "that", "which": a subject that names no signer


def _names_no_signer(verb: Token) -> bool:
    """Whether the clause of ``verb`` names no signer: its subject is a pronoun or absent and it has no "with" or
    "between" partner ("agreements they sign up to"; not "agreements that Kenya signed with China")."""
    subject_named = any(c.dep_ in ("nsubj", "agent") and c.tag_ not in _PRONOUN_TAGS for c in verb.children)
    partner_named = any(c.dep_ == "prep" and c.lower_ in ("with", "between") for c in verb.children)
    return not subject_named and not partner_named


def _generic_signing(sent: Span, at: int) -> bool:
    """Whether the signing word at char ``at`` tells of agreements in general, not of a signing: "public service
    agreements they sign up to", "all agreements that have been signed", "such agreements had been struck"."""
    i = token_at(sent.doc, at)
    if i is None:
        return False
    verb = sent.doc[i]
    nouns = [verb.head] if verb.dep_ == "relcl" else [c for c in verb.children if c.dep_ in ("nsubjpass", "dobj")]
    for noun in nouns:
        if noun.tag_ != "NNS" or not _AGREEMENT_WORD.fullmatch(noun.text):
            continue
        mods = {c.lower_ for c in noun.children if c.dep_ in ("det", "predet", "amod", "nummod")}
        indefinite = not mods & _DEFINITE and not any(c.dep_ == "nummod" for c in noun.children)
        if mods & _GENERIC or (verb.dep_ == "relcl" and indefinite and _names_no_signer(verb)):
            return True
    return False


def _hedged_amount(sent: Span, at: int) -> bool:
    """Whether the amount at char ``at`` is the object of a verb under a modal of hedges.txt: "a debt relief deal
    with Tanzania which could cost the UK £1 billion" tells no value of the deal."""
    i = token_at(sent.doc, at)
    if i is None:
        return False
    node = sent.doc[i]
    for _ in range(3):
        if node.head.i == node.i:
            return False
        node = node.head
        if node.tag_.startswith("VB"):
            return any(c.dep_ == "aux" and c.lower_ in HEDGES for c in node.children)
    return False


def _in_relative_clause(doc: Doc, at: int, verb_at: int) -> bool:
    """Whether the token at char ``at`` lies in a relative clause that does not hold the verb at char ``verb_at``:
    "Umbro, which recently lost sponsorship deals with Chelsea and Celtic, said it had signed ...": no signer."""
    i, v = token_at(doc, at), token_at(doc, verb_at)
    if i is None or v is None:
        return False
    return any(a.dep_ == "relcl" and not a.left_edge.i <= v <= a.right_edge.i for a in doc[i].ancestors)


def _charged(doc: Doc, at: int) -> bool:
    """Whether the signing verb at char ``at`` is told as a charge or denied: "He accused the party of signing up to
    a deal with the Tories in Europe"."""
    i = token_at(doc, at)
    return i is not None and any(a.lower_ in _CHARGE_VERBS for a in doc[i].ancestors)


_CHARGE_VERBS = frozenset(read_lexicon("charge_verbs"))
NEW_CLAUSE = re.compile(r"[,;–—-]\s+and\s")  # ", and stock market returns have been": a clause of its own
SUBJECT_TO = re.compile(r"\bsubject to\b", re.I)  # "the purchase is subject to ... a deal being struck": a condition


def _deal_ends(sent: Span) -> bool:
    """Whether an agreement noun of the sentence is the subject of a verb of ending: a deal told as ending
    ("its sponsorship agreement with Chelsea ... would end in 2006"), not as signed."""
    nouns = [t for t in sent if _AGREEMENT_WORD.fullmatch(t.text)]
    for verb in (t for t in sent if t.lower_ in _ENDING_VERBS and t.tag_.startswith("VB")):
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            continue  # "signed an agreement to end the conflict": an aim
        if any(s in nouns for s in subjects) or not subjects and any(n.i < verb.i for n in nouns):
            return True  # the parse may hang the verb elsewhere and lose its subject
    return False


LEAVING_WORDS = frozenset(read_lexicon("leaving_words"))  # the holder's own leaving: "resigned", "quit"
REMOVAL_WORDS = frozenset(read_lexicon("removal_words"))  # the holder removed by another: "were fired"
ENDING_WORDS = LEAVING_WORDS | REMOVAL_WORDS
POST_NOUNS = frozenset(read_lexicon("post_nouns"))  # "resigned his post"
_NOT_YET = frozenset(MODALS | {"to"})  # "will resign", "is to step down": a post still held


def _post_ended(doc: Doc, person: Mention) -> bool:
    """Whether the sentence tells the holder's post ended: "Nortel's head Frank Dunn and two other executives
    were fired", "the resignation of BBC chairman Gavyn Davies", "Mr Raines ... has taken early retirement";
    not "is to step down" (a post still held), nor "has dismissed claims" or "demanded the resignation of ..."
    (the holder acts on another)."""
    i = token_at(doc, person.end - 1)
    if i is None:
        return False
    name = doc[i]
    while name.dep_ in ("conj", "appos") and name.head.i < name.i:
        name = name.head  # "X and two other executives were fired", "X, head of Y, has taken ..."
    verb = name.head
    if name.dep_ == "pobj" and verb.lower_ == "of":  # "the resignation of BBC chairman Gavyn Davies"
        return verb.head.lower_ in ENDING_WORDS
    if name.dep_ not in ("nsubj", "nsubjpass") or any(c.lower_ in _NOT_YET for c in verb.children
                                                       if c.dep_ in ("aux", "auxpass")):
        return False
    said = " ".join([verb.lower_] + [c.lower_ for c in verb.children if c.dep_ == "prt"])
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if said in REMOVAL_WORDS:  # active, the holder removes another: "has dismissed claims"
        return name.dep_ == "nsubjpass"
    if said in LEAVING_WORDS:  # "quit UKIP", "resigned his post"; not "resigned the UK Independence Party whip"
        return not objects or any(o.tag_ in ("NNP", "NNPS") or o.lower_ in POST_NOUNS for o in objects)
    # "has taken early retirement"; not "demanded the resignation of ...": another's
    return any(o.lower_ in ENDING_WORDS and not any(c.dep_ == "prep" and c.lower_ == "of" for c in o.children)
               for o in objects)


class FactFinder:
    """The ``nkg_facts`` component's logic; see :mod:`kg.nlp.factories`."""

    def __init__(self, demonyms: dict[str, str] | None = None):
        self.demonyms = demonyms or {}  # "Venezuelan" -> "Venezuela"
        self.public = set(read_lexicon("public_titles"))
        self.private = set(read_lexicon("private_titles"))
        self.titles = self.public | self.private
        self.honorifics = set(read_lexicon("honorifics"))
        self.abbreviated = dict(line.split("|") for line in read_lexicon("title_abbreviations"))  # "cm": "chief minister"
        # "Council Chairperson, Honourable Ignatius Kariseb": a comma and honorifics between a title and the name
        self.comma_honorifics = re.compile(r",\s+(?:(?:" + "|".join(
            re.escape(h) for h in sorted(self.honorifics, key=len, reverse=True)) + r")\s+)+$")
        self.supranational = set(read_lexicon("supranational"))
        words = {w for t in self.titles for w in re.split(r"[\s]", t)} - {"of", "the", "to", "in", "for", "and",
                                                                          "people's"}
        # a title's words: its rank ("deputy", "shadow") and its portfolio ("pensions", "enforcement")
        self.title_words = words | {"acting", "executive", "senior", "deputy", "vice", "chief", "state",
                                    "general", "party", "municipal", "provincial", "standing", "shadow",
                                    "ex", "former", "first"} | set(read_lexicon("portfolio_words"))
        self.portfolio = frozenset(read_lexicon("portfolio_words"))  # "Monetary Affairs": a post's field, no body
        self.seat_titles = frozenset(read_lexicon("seat_titles"))  # "the MP for Grantham and Stamford": a seat
        self.state_titles = frozenset(read_lexicon("state_titles"))  # "New York Senator": a state's, not a city's

    # ----------------------------------------------------------------- posts
    def _title_of(self, phrase: str) -> str | None:
        """The title at the start of ``phrase`` if it is one ("deputy mayor of ...")."""
        words = phrase.strip().split()
        title = []
        for w in words:
            lw = w.lower().strip(",")
            if lw in ("of", "at", "for", "in") or not (lw in self.title_words or "-" in lw and all(
                    p in self.title_words for p in lw.split("-")) or lw in self.titles):
                break
            title.append(lw)
        text = " ".join(title)
        rest = phrase.strip()[len(text):]
        if title == ["chief"] and HEAD_NOUN_FOLLOWS.match(rest):
            return None  # "chief market analyst at Standard & Poor's", "chief Turkish economist": not "chief"
        extra = re.match(r"\s+of\s+the\s+(?:[a-z-]+\s+){0,3}?(?:committee|commission|council|board|assembly|congress|"
                         r"bureau|department)\b", rest)
        unit = PARENT_UNIT.match(rest)
        if title and extra:
            text += extra.group(0).rstrip()  # "member of the standing committee" of ...
        elif title and unit:  # "member of the Standing Committee of the Municipal Party Committee"
            text += " of the " + " ".join(unit.group("unit").lower().split())
        return text if title and any(t in self.titles or t.split("-")[-1] in self.titles for t in
                                     [text, title[-1]]) else None

    def posts(self, doc: Doc, text: str, mentions: list[Mention], sent: Span,
              in_sent: list[tuple[int, Mention]]) -> list[dict]:
        """Posts told in one sentence (whose mentions are ``in_sent``, see :func:`_in_sentence`): apposition,
        premodifier, envoys, national titles."""
        out = []
        for i, m in in_sent:
            if m.cls not in PERSON_CLASSES:
                continue
            # Apposition: "Wang Bo, deputy mayor of Qingdao, ..."
            after = text[m.end:sent.end_char]
            # "Nurzhan Nurzhigitov, Akim (Governor) of the Zhambyl Region": a short gloss may follow the title
            app = re.match(r",\s*(?:the\s+)?(?P<phrase>[^,;()]+(?:\([^()]{1,24}\)[^,;()]*)?(?:,\s*(?:and\s+)?[a-z][^,;()]*)?)",
                           after)
            if app and re.match(r"and\b", app.group("phrase")):
                app = None  # "Nikolai Palchikov, and the Mayor of Burgas, Dimitar Nikolov": the next one's title
            before = text[sent.start_char:m.start]
            titled_before = TITLED_BEFORE.search(before, _words_from_end(before, 1))
            if app and titled_before and titled_before.group(1).lower() in self.titles and any(
                    x.cls in PERSON_CLASSES and re.fullmatch(r",\s*", text[m.end + app.end():x.start])
                    for x in mentions):
                app = None  # "the company's president, Wang Feng, the mayor of Zrenjanin, Cedomir Janjic": titles first
            if app:
                phrase_start = m.end + app.start("phrase")
                phrase = app.group("phrase")
                # cut at a verb-ish boundary: ", said", " said", " stated", ...
                cut = re.search(r"\s(?:said|says|stated|told|added|noted|introduced|attended|led|hosted|presided|"
                                r"and\s+(?!(?:Vice|Deputy|Mayor|Secretary|Director|Chairman|Head|Member|Governor)\b)[A-Z])|"
                                r",\s+(?:will|would|has|have|had|is|was|were|are|can|could|may|might)\b", phrase)
                if cut:
                    phrase = phrase[:cut.start()]
                other = next((x.start for x in mentions if x.cls in PERSON_CLASSES
                              and phrase_start <= x.start < phrase_start + len(phrase)), None)
                if other is not None:  # "Jack Straw, Aid minister Hilary Benn and ...": the next person's post
                    phrase = phrase[:other - phrase_start]
                for part_start, part in self._coordinated(phrase):
                    lead = re.match(r"(?:(?:a|an|also|the|and)\s+)+", part)
                    if lead:
                        part_start, part = part_start + lead.end(), part[lead.end():]
                    nation = next((n for n in (re.match(r"[A-Z][a-z]+\s+", part), re.match(r"[A-Z][a-z]+ [A-Z][a-z]+\s+", part))
                                   if n and self._country_of(mentions, n.group(0)) is not None), None)
                    country = self._country_of(mentions, nation.group(0)) if nation else None
                    if country is not None:  # "Hugo Chavez, the Venezuelan president,"
                        part_start, part = part_start + nation.end(), part[nation.end():]
                    owner = next((n for n, x in enumerate(mentions) if x.cls in PARTY and x.start == phrase_start + part_start
                                  and re.match(r"['’]s?\s+", text[x.end:x.end + 3])), None) if country is None else None
                    if owner is not None:  # "Hans Sandee, Netherlands' Consul-General to Dubai": the owner's title
                        named = mentions[owner].end - mentions[owner].start
                        possessive = re.match(r"['’]s?\s*", part[named:])  # the match that chose the owner
                        cut = named + (possessive.end() if possessive else 0)
                        part_start, part = part_start + cut, part[cut:]
                    title = self._title_of(part)
                    if owner is not None and title and re.match(rf"\s+(?!(?:{_LINKS}|and)\b)[a-z]",
                                                                part[len(title):]):
                        continue  # "the SEC's chief accountant": a title the lexicons know only in part
                    if title and not self._public(title):
                        country = None  # "the Dutch director": a film director, of no country
                    country = owner if owner is not None else country
                    if title:
                        s = phrase_start + part_start
                        if title.split()[-1] in self.seat_titles and re.match(r"\s+for\s", part[len(title):]):
                            continue  # "Quentin Davies, the MP for Grantham and Stamford": a seat, which is no body
                        of = self._mention_after(mentions, s + len(title), s + len(part), PARTY)
                        if of is not None and not re.fullmatch(r"\s*|\s*(?:\([^()]{1,24}\)\s*)?(?:[A-Za-z-]+\s+){0,3}?"
                                                                rf"(?:{_LINKS})\b.*",
                                                                text[s + len(title):mentions[of].start], re.S):
                            of = None  # "X, Indonesian Consul General, on March 1 visited Dong Nai": no body after the title
                        if of is not None:
                            of = self._appositive_body(text, mentions, of)
                        if of is not None and owner is not None and mentions[of].cls not in PLACE:
                            of = None  # "Afghanistan's envoy to the United Nations": the owner's envoy, posted in a place
                        of = country if of is None else of
                        if of is None:  # "Gan Siow Huang, Minister of State for ..., Government of Singapore."; "X,
                            # Representative Director & President, Suzuki Motor Corporation said"
                            of = next((n for n, x in enumerate(mentions) if x.cls in ORG_CLASSES
                                       and re.fullmatch(r",\s*(?:the\s+)?", text[m.end + app.end():x.start])
                                       and re.match(r"\s*(?:[.;,]|$)|\s+(?:said|says|added|stated)\b",
                                                    text[x.end:x.end + 8])), None)
                        if of is None and re.match(r"\s+for\s+[A-Z]", part[len(title):]):
                            continue  # "State Minister for National Development Planning": a field, no body named
                        out.append({"rel": "post", "person": i, "title": title, "of": of, "rule": "post-apposition",
                                    "confidence": 0.85})
            # Premodifier: "Yantai Mayor Zheng Deyan", "Chief Minister Edappadi K Palaniswami"
            envoy = ENVOY.search(before, _words_from_end(before, ENVOY_WORDS))
            if envoy:  # "Malaysian Ambassador to Thailand Datuk Jojie Samuel"
                place = self._mention_after(mentions, sent.start_char + envoy.start("place"), m.start, PLACE)
                title = envoy.group("title")[:envoy.start("place") - envoy.start("title")]
                # as written: "Ambassador to the Philippines" keeps its "the"
                title = text[sent.start_char + envoy.start("title"):mentions[place].end] if place is not None \
                    else title + envoy.group("place").split()[0]
                out.append({"rel": "post", "person": i, "title": " ".join(title.lower().split()),
                            "of": place, "rule": "post-envoy", "confidence": 0.75})
                continue
            honorific = self.comma_honorifics.search(before)
            cut = m.start - len(honorific.group(0)) if honorific else m.start  # where the title ends
            gloss = re.search(r"\s\([A-Z][A-Za-z&.]{0,7}\)\s+$", text[sent.start_char:cut])
            if gloss:  # "GIC Chief Executive Officer (CEO) Lim Chow Kiat": the title's short form between
                cut = sent.start_char + gloss.start() + 1
            before = text[sent.start_char:cut] + (" " if honorific else "")
            pre = TITLE_WORDS_BEFORE.search(before, _words_from_end(before, 8))
            if pre:
                words = pre.group(1).split()
                while words and (words[-1] in self.honorifics or " ".join(words[-2:]) in self.honorifics):
                    del words[-2 if " ".join(words[-2:]) in self.honorifics else -1:]  # "Menteri Besar Datuk Seri Wan Rosdy": honorifics sit between
                k = len(words)
                while k > 0 and (words[k - 1].lower() in self.title_words or k >= 2 and k < len(words) and
                                 words[k - 1].lower() in ("and", "&") and words[k - 2].lower() in self.title_words
                                 and words[k - 2][:1].isupper() == words[k][:1].isupper()):
                    k -= 1  # "Commerce and Industry Minister": portfolios joined by "and"; not "the state and President"
                title = " ".join(w.lower() for w in words[k:] if w.lower() != "the")
                title_end = cut + bool(honorific) - len(pre.group(1)) + sum(len(w) + 1 for w in words)
                at = token_at(doc, title_end - 2)
                last = doc[at] if at is not None and sent.start <= at < sent.end else None
                if last is not None and last.tag_.startswith("VB"):
                    title = ""  # "to powerfully head Lampard's corner": a verb, not a post
                if title and (title in self.titles or title.split()[-1] in self.titles or
                              " ".join(title.split()[-2:]) in self.titles):
                    start = cut + bool(honorific) - len(pre.group(1)) + sum(len(w) + 1 for w in words[:k])
                    of = self._mention_before(mentions, start, sent.start_char, PARTY)
                    if of is not None and re.search(r"[,;:]", text[mentions[of].end:start]):
                        of = None  # "relief from Africa, Prime Minister Tony Blair has promised": the scene, no body
                    if of is not None and mentions[of].cls in PLACE:
                        # "Kaua’i County of Hawaii Mayor Bernard P. Carvalho Jr.": the place "of" the larger one
                        inner = next((n for n, x in enumerate(mentions) if x.cls in PLACE and re.fullmatch(
                            r"\s+of\s+(?:the\s+)?", text[x.end:mentions[of].start])), None)
                        of = inner if inner is not None and self._rank(mentions[inner]) < self._rank(mentions[of]) else of
                    if of is not None and mentions[of].cls == "City" and (
                            title in self.state_titles or title.split()[-1] in self.state_titles):
                        continue  # "New York Senator Charles Schumer": the state's senator; the city is no body
                    body = next((n for n, x in enumerate(mentions) if x.cls in PARTY and x.cls not in PLACE
                                 and x.start < start < x.end <= title_end), None)
                    rest = re.findall(r"[\w'-]+", text[mentions[body].end:title_end].lower()) if body is not None else []
                    if of is None and rest and " ".join(rest) in self.titles:
                        # "Pakistan Peoples Party Chairperson": the body's name takes in "Party"
                        of, title = body, " ".join(rest)
                    if of is None:  # "Pahang State Secretary": the place's mention takes in "State"
                        of = next((n for n, x in enumerate(mentions) if x.cls in PLACE and x.start < start < x.end), None)
                    if of is None and self._public(title):
                        # "Venezuelan president Hugo Chavez": the country, as the article names it
                        of = self._country_of(mentions, text[max(sent.start_char, start - 30):start])
                    title = self.abbreviated.get(title, title)  # "Sindh CM Murad Ali Shah" is its chief minister
                    kind = next((t for t in sent if t.idx + len(t.text) <= start and t.idx >= start - 16
                                 and t.i + 1 < len(doc) and doc[t.i + 1].idx >= start), None)
                    if of is None and kind is not None and kind.tag_ == "NN" and kind.dep_ == "compound" and \
                            kind.text.islower() and kind.lower_ not in self.title_words:
                        continue  # "bank governor Sunil Mendis": a body of that kind, unnamed; not the article's place
                    out.append({"rel": "post", "person": i, "title": title, "of": of, "rule": "post-premodifier",
                                "confidence": 0.75})
                    continue
            out += self._title_of_body_before(text, mentions, in_sent, i, m)
        return out + self._respectively(text, mentions, in_sent)

    @staticmethod
    def _appositive_body(text: str, mentions: list[Mention], of: int) -> int | None:
        """The body a title "of" a name is of; none when the name runs on past the mention or owns the body named
        after it, so the body is another ("Director of the Scottish Local Authority Management Centre", "an
        economist with MM Warburg", "a member of Cherie Blair's Matrix Chambers"), or joined to more of the name
        ("an analyst with Bank Oyens & Van Eeghen", "ASK-Raymond James", "Investors Bank and Trust",
        "the Commonwealth Bank of Australia")."""
        return None if re.match(r"['’]s?\s+[A-Z]|\s[A-Z][a-z]|\s*&\s*[A-Z]|-[A-Z]",
                                text[mentions[of].end:mentions[of].end + 8]) else of

    def _respectively(self, text: str, mentions: list[Mention], in_sent) -> list[dict]:
        """"Mohammed Adjei Sowah and Alderman Patricia De Lille, Mayors of Accra and Cape Town respectively": the
        n-th name holds the title in the n-th place."""
        out = []
        people = [(i, m) for i, m in in_sent if m.cls in PERSON_CLASSES]
        for (i, a), (j, b) in zip(people, people[1:]):
            if not re.fullmatch(r"\s+and\s+(?:[A-Z][a-z]+\.?\s+)?", text[a.end:b.start]):
                continue  # "A and (Alderman) B"
            tail = re.match(r",\s+(?:the\s+)?(?P<title>(?:[A-Za-z-]+\s+){0,3}?[A-Za-z-]+?)s\s+of\s+(?:the\s+)?",
                            text[b.end:b.end + 80])
            if not tail or not self._title_of(tail.group("title")):
                continue
            start = b.end + tail.end()
            places = [(k, x) for k, x in in_sent if x.cls in PARTY and x.start >= start]
            if len(places) < 2 or not re.fullmatch(r"\s+and\s+", text[places[0][1].end:places[1][1].start]) or \
                    not re.match(r",?\s+respectively\b", text[places[1][1].end:places[1][1].end + 16]):
                continue
            title = self._title_of(tail.group("title"))
            out += [{"rel": "post", "person": p, "title": title, "of": k, "rule": "post-respectively",
                     "confidence": 0.75} for p, (k, _) in ((i, places[0]), (j, places[1]))]
        return out

    def _title_of_body_before(self, text: str, mentions: list[Mention], in_sent, i: int, m: Mention) -> list[dict]:
        """"Governor of the Xilingol League Ho Jio Liang", "the Mayor of Burgas, Dimitar Nikolov": the title and
        its body written before the name, the body right before it (or before a comma)."""
        body = next((j for j, x in in_sent if x.cls in PARTY and x.end <= m.start and " ".join(
            w for w in text[x.end:m.start].replace(",", " , ").split() if w not in self.honorifics) in ("", ",")), None)
        if body is None:
            return []
        pre = re.search(r"((?:[A-Za-z'.-]+\s+){1,6})of\s+(?:the\s+)?$", text[max(0, mentions[body].start - 80):
                                                                         mentions[body].start])
        outer = next((j for j, x in in_sent if x.cls in PLACE and re.fullmatch(
            r"\s+of\s+(?:the\s+)?", text[x.end:mentions[body].start])), None)
        if outer is not None:
            # "the Governor of the Voronezh region of the Russian Federation Aleksandr Gusev": the title's body is
            # the place before "of" the larger one
            return self._title_of_body_before(text, mentions, in_sent, i, m._replace(start=mentions[outer].end))
        if not pre:
            return []
        words = pre.group(1).split()
        k = len(words)
        while k > 0 and words[k - 1].lower() in self.title_words:
            k -= 1
        title = " ".join(w.lower() for w in words[k:])
        if not title or not (title in self.titles or title.split()[-1] in self.titles):
            return []
        title_start = max(0, mentions[body].start - 80) + pre.start(1) + \
            [w.start() for w in re.finditer(r"\S+", pre.group(1))][k]
        # "Secretary of Bac Ninh’s Party Committee Nguyen Anh Tuan": a body whose own head ends it, then the titled
        # name right after: the title is that name's (a body cut at a titled name, "post-body", may run on past it)
        named_after = not text[mentions[body].end:m.start].strip() and m.rule == "title-name" and \
            mentions[body].rule != "post-body"
        if not named_after and any(
                x.cls in PERSON_CLASSES and re.fullmatch(r",\s*(?:the\s+)?", text[x.end:title_start]) for x in mentions):
            return []  # "Linda Knox, Director of the Scottish Local Authority Management Centre": the name before's
        return [{"rel": "post", "person": i, "title": title, "of": body, "rule": "post-title-of-body-before",
                 "confidence": 0.7}]

    def _unnamed_post(self, text: str, mentions: list[Mention], sent,
                      in_sent: list[tuple[int, Mention]]) -> tuple[str, int] | None:
        """A sentence (whose mentions are ``in_sent``) that opens with "India's defence minister" and names no
        one: (title, place)."""
        first = next((i for i, m in in_sent), None)
        if first is None or mentions[first].cls not in PLACE or text[sent.start_char:mentions[first].start].strip() or \
                any(m.cls in PERSON_CLASSES for _, m in _in_sentence(mentions, sent)):
            return None
        own = re.match(r"['’]s\s+((?:[a-z-]+\s+){1,3})(?:has|have|had|is|was|said|says|will|on)\b",
                       text[mentions[first].end:sent.end_char])
        title = self._title_of(own.group(1)) if own else None
        return (title, first) if title and self._public(title) else None

    @staticmethod
    def _named_next(text: str, mentions: list[Mention], sent, unnamed) -> list[dict]:
        """"India's defence minister has opened the show ... Pranab Mukherjee said ...": the person who opens
        the next sentence holds the post."""
        if unnamed is None:
            return []
        first = next((i for i, m in _in_sentence(mentions, sent)), None)
        if first is None or mentions[first].cls not in PERSON_CLASSES or \
                not re.fullmatch(r"\s*(?:[A-Z][a-z]+\s+)?", text[sent.start_char:mentions[first].start]):
            return []  # a first name the NER left out may come before the mention
        return [{"rel": "post", "person": first, "title": unnamed[0], "of": unnamed[1], "rule": "post-named-next",
                 "confidence": 0.6}]

    @staticmethod
    def _public(title: str) -> bool:
        """A post a demonym makes national: "Chinese foreign minister", "Venezuelan president"; not
        "Dutch director", which names where a person comes from, not a post of the state."""
        return bool(NATIONAL_POST.search(title))

    def _country_of(self, mentions: list[Mention], before: str) -> int | None:
        """The article's mention of the country a demonym ending ``before`` names ("... Venezuelan ")."""
        m = re.search(r"(?:^|\s)((?:[A-Z][a-z]+ )?[A-Z][a-z]+)\s+$", before)
        if m is None:
            return None
        name = self.demonyms.get(m.group(1)) or self.demonyms.get(m.group(1).split()[-1])
        return next((i for i, x in enumerate(mentions) if x.cls == "Country" and x.key == name), None) if name else None

    def _coordinated(self, phrase: str) -> list[tuple[int, str]]:
        """Split "member of X and executive deputy mayor", "Vice Secretary of X and Mayor of Y" into posts."""
        parts, pos = [], 0
        for m in re.finditer(r"\s+and\s+(?=([A-Za-z-]+))", phrase):
            if not (m.group(1)[0].islower() or m.group(1).lower() in self.title_words):
                continue
            parts.append((pos, phrase[pos:m.start()]))
            pos = m.end()
        parts.append((pos, phrase[pos:]))
        return parts

    @staticmethod
    def _mention_after(mentions, start, end, classes):
        for i, m in enumerate(mentions):
            if start <= m.start < end and m.cls in classes:
                return i
        return None

    @staticmethod
    def _mention_before(mentions, end, start, classes):
        best = None
        for i, m in enumerate(mentions):
            if start <= m.start and m.end <= end + 3 and m.cls in classes and end - m.end <= 3:
                best = i
        return best

    # ------------------------------------------------------------ located-in
    def _rank(self, m: Mention) -> int:
        """How large a place is, by class; a place written with "town" or "village" ranks below any city
        ("Yonaguni Town in Okinawa", where the gazetteer knows Okinawa as a city)."""
        if m.key in self.supranational:
            return 4
        if m.rule == "place-noun" and m.text.split()[-1].lower() in ("town", "village", "township"):
            return min(RANK[m.cls], RANK["District"])
        return RANK[m.cls]

    def located_in(self, doc: Doc, text: str, mentions: list[Mention], sent: Span) -> list[dict]:
        """Places the sentence puts inside larger ones: "X in Y", "Y's X", "X, Y", lists "of" Y."""
        out = []
        places = [(i, m) for i, m in _in_sentence(mentions, sent) if m.cls in PLACE]
        for n, (i, a) in enumerate(places):
            # "Yantai, a coastal city in East China's Shandong province": the place after the chain of possessives
            app = re.match(r",\s+(?:(?:a|an|the)\s+)?[^,.;]{0,40}?\b(?:city|town|port|county|district|capital|hub|"
                           r"municipality|village|province|state|region)\b[^,.;]{0,12}?\b(?:in|of)\s+(?:the\s+)?",
                           text[a.end:sent.end_char])
            if not app:
                continue
            chain = [(j, b) for j, b in places[n + 1:] if b.start >= a.end + app.end()]
            k = 0
            while k + 1 < len(chain) and re.fullmatch(r"['’]s\s+", _gap(text, chain[k][1], chain[k + 1][1])):
                k += 1
            # "Kogalym, a city in Russia's Khanty-Mansi Autonomous District": a district the text says a town is in
            town_in_district = chain and chain[k][1].cls == "District" and a.cls == "City" and \
                re.search(r"\b(?:city|town|village|port)\b", app.group(0))
            if chain and (self._rank(chain[k][1]) > self._rank(a) or town_in_district):
                out.append({"rel": "locatedIn", "place": i, "in": chain[k][0], "rule": "apposition", "confidence": 0.8})
        # "the high-tech hub in south China's Guangdong Province": the article's own city, inside a larger place
        s_text = text[sent.start_char:sent.end_char]  # no place, no chain; no noun, no match (read each character)
        for a in re.finditer(r"\bthe\s+(?:[\w-]+\s+){0,2}?(?:city|hub|metropolis)\s+in\s+(?:the\s+)?", s_text
                             if places and not _absent(s_text, ("city", "hub", "metropolis")) else ""):
            start = sent.start_char + a.end()
            chain = [(j, b) for j, b in places if b.start >= start]
            if not chain or not re.fullmatch(rf"(?:{DIRECTIONS}\s+)?", text[start:chain[0][1].start], re.I):
                continue
            k = 0
            while k + 1 < len(chain) and re.fullmatch(r"['’]s\s+", _gap(text, chain[k][1], chain[k + 1][1])):
                k += 1
            if chain[k][1].cls in ("Region", "Country"):
                out.append({"rel": "locatedIn", "place": None, "placeAnaphor": "City", "in": chain[k][0],
                            "rule": "city-anaphor", "confidence": 0.6})
        for n, ((i, a), (j, b)) in enumerate(zip(places, places[1:])):
            between = _gap(text, a, b)
            if a.key == b.key:
                continue
            # "Xuzhou in eastern China's Jiangsu province", "Wuxi city, east China's Jiangsu Province": the
            # last place of the possessive chain holds the first
            k = n + 1
            while k + 1 < len(places) and re.fullmatch(r"['’]s\s+", _gap(text, places[k][1], places[k + 1][1])):
                k += 1
            jj, bb = places[k]
            if re.fullmatch(rf"(?:\s+city)?(?:,?\s+in|,)\s+(?:the\s+)?{DIRECTIONS}\s+", between, re.I) and k > n + 1 \
                    and self._rank(bb) > self._rank(a):
                out.append({"rel": "locatedIn", "place": i, "in": jj, "rule": "in-possessive", "confidence": 0.8})
            elif re.fullmatch(r"\s+of\s+(?:the\s+)?", between) and (a.cls == "District" or b.cls == "Country" and (
                    a.rule == "place-noun" or PLACE_NOUN_END.search(a.text))) \
                    and self._rank(b) > self._rank(a) and not _adjective_named(doc, a):
                # "the Voronezh region of the Russian Federation"; not "the West African state of Benin"
                out.append({"rel": "locatedIn", "place": i, "in": j, "rule": "district-of", "confidence": 0.8})
            elif re.fullmatch(rf"\s+in\s+(?:the\s+)?(?:{DIRECTIONS}\s+(?:(?:part\s+)?of\s+(?:the\s+)?)?)?",
                              between, re.I) and self._rank(b) > self._rank(a) and not _modifies_next(doc, bb):
                # "Nordland county in the north of Norway"; not the headline's "Water firm Suez in Argentina row"
                out.append({"rel": "locatedIn", "place": i, "in": jj, "rule": "in-larger", "confidence": 0.85})
            elif re.fullmatch(r"(?:\s*\([A-Z][A-Za-z.]{1,7}\))?['’]s\s+(?:(?:[a-z-]+\s+){0,2}(?:city|town|port|province|state|region|county|"
                              r"district|capital),?\s+)?", between) and self._rank(a) > self._rank(b):
                # "Georgia's Batumi", "Georgia's coastal city Batumi", "Omaheke’s regional capital, Gobabis", "the
                # Republic of Korea (RoK)’s Gyeongsangbuk province"
                out.append({"rel": "locatedIn", "place": j, "in": i, "rule": "possessive", "confidence": 0.85})
            elif re.fullmatch(r",\s*", between) and (not re.match(  # a list goes on; "LANZHOU, China, July 10" ends
                    r"\s*(?:,|and)\s+(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d)[A-Z]",
                    text[b.end:b.end + 16])
                    and not re.search(r"(?:,|\band)\s*$", text[max(0, a.start - 6):a.start])
                    or self._rising_chain(text, places, n)) and (
                    self._rank(b) > self._rank(a) or self._rank(b) == self._rank(a) == RANK["City"] and re.search(
                        r"\b(?:in|at|near)\s+$", text[max(0, a.start - 6):a.start])) and not _modifies_next(doc, b):
                # not "in Edinburgh, Wales Secretary Peter Hain": the next title's place
                # "in Rompin, Pahang"; "in Gambang, Kuantan": a town, then the larger town it is part of
                out.append({"rel": "locatedIn", "place": i, "in": j, "rule": "comma", "confidence": 0.7})
            elif re.fullmatch(r"\s*\(\s*", between) and re.match(r"\s*\)", text[b.end:b.end + 3]) \
                    and self._rank(b) > self._rank(a):  # "Bhubaneswar (Odisha) [India]": the larger place in brackets
                out.append({"rel": "locatedIn", "place": i, "in": j, "rule": "bracket", "confidence": 0.7})
        told = {(f["place"], f["in"]) for f in out}
        out += [f for f in self._listed_places_of(text, places) if (f["place"], f["in"]) not in told
                and not _adjective_named(doc, mentions[f["place"]])]
        told = {(f["place"], f["in"]) for f in out}
        out += [f for f in self._place_noun_of(text, places) if (f["place"], f["in"]) not in told]
        for i, b in places:  # "the Indian state of Goa": in the country the demonym names, as the article names it
            if b.rule in ("place-noun-of", "place-noun-before") and b.cls != "Country":
                # "the Russian Pacific city of Vladivostok", "the historical Belarusian city Brest"
                country = self._demonym_country(mentions, text[max(sent.start_char, b.start - 40):b.start],
                                                before_noun=b.rule == "place-noun-before")
                if country is not None and (i, country) not in told and mentions[country].key != b.key:
                    out.append({"rel": "locatedIn", "place": i, "in": country, "rule": "demonym-place-noun-of",
                                "confidence": 0.7})
        return out

    def _located_by_clause(self, places: list[Mention], spans, sent: Span, found: list[dict]) -> list[dict]:
        """"Ghanzi is a district in western Botswana": the parse rule's pairs whose container is the larger place."""
        told = {(f["place"], f["in"]) for f in found if f["rel"] == "locatedIn"}
        return [f for f in located_in_from_parse(sent, places, spans) if (f["place"], f["in"]) not in told
                and self._rank(places[f["in"]]) > self._rank(places[f["place"]])]

    def _demonym_country(self, mentions: list[Mention], before: str, *, before_noun: bool) -> int | None:
        """The article's mention of the country a demonym among the words right before a place noun names
        ("the Russian Pacific city of", "the historical Belarusian city"); ``before_noun``: ``before`` ends in
        the noun itself."""
        words = before.split()
        if before_noun:
            if not words or words[-1].lower() not in PLACE_NOUN_WORDS:
                return None
            words = words[:-1]
        for word in reversed(words[-3:]):
            if word.lower() in ("the", "a", "an", "of", "in", "and", "or", "to", "for") or not word.isalpha():
                return None
            name = self.demonyms.get(word)
            if name:
                return next((i for i, x in enumerate(mentions) if x.cls == "Country" and x.key == name), None)
        return None

    def _rising_chain(self, text: str, places: list[tuple[int, Mention]], n: int) -> bool:
        """Whether place ``n`` and the next stand in a run of places that only commas join and that widens
        at every step, no list: "Erbil, Kurdistan Region, Iraq", "in Rompin, Pahang, Malaysia"."""
        first = last = n + 1
        while first > 0 and re.fullmatch(r",\s*", text[places[first - 1][1].end:places[first][1].start]):
            first -= 1
        while last + 1 < len(places) and re.fullmatch(r",\s*", text[places[last][1].end:places[last + 1][1].start]):
            last += 1
        run = [m for _, m in places[first:last + 1]]
        return len(run) >= 3 and all(self._rank(x) < self._rank(y) for x, y in zip(run, run[1:])) and \
            not re.match(r"\s*,?\s*(?:and|or)\b", text[run[-1].end:run[-1].end + 6])

    def _place_noun_of(self, text: str, places: list[tuple[int, Mention]]) -> list[dict]:
        """"China's southwestern city of Chengdu", "the Mekong Delta province of Long An": the place a
        "city of", "province of" names lies in the larger place written before it."""
        out = []
        for (i, a), (j, b) in zip(places, places[1:]):
            if b.rule != "place-noun-of" or a.key == b.key:
                continue
            between = text[a.end:b.start]
            if re.fullmatch(rf"(?:['’]s)?\s+(?:(?:{DIRECTIONS}|[a-z-]+)\s+){{0,2}}", between, re.I) \
                    and (self._rank(a) > self._rank(b) or between == " " and self._rank(a) == self._rank(b)):
                # "the Mekong Delta province of Long An": a region's province, named right after it
                out.append({"rel": "locatedIn", "place": j, "in": i, "rule": "place-noun-of", "confidence": 0.75})
        return out

    def _listed_places_of(self, text: str, places: list[tuple[int, Mention]]) -> list[dict]:
        """"Hebei Province of the People's Republic of China"; "Sukhbaatar, Dornod and Khentii aimags of
        Mongolia": each place of a list before "of" (or "in") and a plural place noun lies in the larger place."""
        out = []
        n = 0
        while n < len(places):
            run = [places[n]]
            while n + 1 < len(places) and LIST_OR_GAP.fullmatch(text[places[n][1].end:places[n + 1][1].start]):
                n += 1
                run.append(places[n])
            if n + 1 < len(places):
                j, b = places[n + 1]
                between = text[run[-1][1].end:b.start]
                plural = PLURAL_PLACES_OF.fullmatch(between)
                if plural or (len(run) == 1 and re.fullmatch(r"\s+of\s+(?:the\s+)?", between)):
                    for i, a in run:
                        if self._rank(b) > self._rank(a) and a.key != b.key:
                            out.append({"rel": "locatedIn", "place": i, "in": j, "rule": "listed-places-of",
                                        "confidence": 0.75})
            n += 1
        return out

    # ---------------------------------------------------------------- events
    @staticmethod
    def dateline(text: str, mentions: list[Mention], published: str | None) -> tuple[int | None, str | None]:
        """The place and date of a wire dateline ("BANGKOK, March 6 —", "SHENZHEN, Dec. 10 (Xinhua) --")."""
        m = DATELINE.match(text) or DATELINE_PLAIN.match(text)
        if not m:
            return None, None
        place = next((i for i, x in enumerate(mentions) if x.start < m.end(1) + 1 and x.cls in PLACE), None)
        day = DATELINE_DAY.search(m.group(2) or "")
        return place, resolve_date(day.group(0), published) if day else None

    @staticmethod
    def credits(text: str, mentions: list[Mention]) -> set[int]:
        """The mentions a dateline holds besides its place ("Erbil, Kurdistan Region, Iraq ( –") and the
        news agencies credited before a story ("(ANI):", "(Xinhua) --"): no one who acted."""
        spans = []
        m = DATELINE.match(text) or DATELINE_PLAIN.match(text)
        if m and any(x.cls in PLACE and x.end <= m.end() for x in mentions):  # "Mr Smith –" is no dateline
            spans.append((0, m.end()))
        spans += [(c.start(), c.end()) for c in AGENCY_CREDIT.finditer(text, 0, 400)]
        return {i for i, x in enumerate(mentions) if any(a <= x.start and x.end <= b for a, b in spans)}

    def events(self, doc: Doc, text: str, mentions: list[Mention], sent: Span, in_sent: list[tuple[int, Mention]],
               published: str | None, last_event: dict[str, int],
               dateline: tuple[int | None, str | None] = (None, None)) -> list[dict]:
        """Where and when the sentence's named events (among its mentions ``in_sent``) took place, and what they
        were part of."""
        out = []
        s_text = text[sent.start_char:sent.end_char]
        events = [(i, m) for i, m in in_sent if m.cls == "Event"]
        refs = list(events)
        for a in (() if _absent(s_text, _EVENT_WORDS) else EVENT_ANAPHOR.finditer(s_text)):
            target = _event_named(last_event, a.group(1))
            at = sent.start_char + a.start()
            if target is not None and not any(m.start <= at < m.end for _, m in events) and (
                    not events or at < events[0][1].start):
                # "The conference is a key component of the 2025 ... Week": the anaphor stands for its event
                refs.append((target, mentions[target]._replace(start=at, end=sent.start_char + a.end())))
        occurs = refs and re.search(r"\b(?:held|opened|opening|took place|kicked off|attended|concluded|hosted|closed|ended|"
                                    r"launched|staged|saw|began|started|convened|witness\w*|on|from|during|today|yesterday)\b",
                                    s_text, re.I)  # read only for a sentence with an event
        happened = refs and re.search(r"\b(?:held|opened|took place|kicked off|concluded|hosted|staged|convened|launched|"
                                      r"witness\w*|today|yesterday)\b", s_text, re.I)
        for i, m in refs:
            origin = m.end
            fact = {"rel": "event", "event": i, "rule": "event-sentence", "confidence": 0.7}
            next_event = min([e.start for _, e in events if e.start > m.end] + [sent.end_char])
            for j, p in enumerate(mentions):
                if p.cls in PLACE and origin <= p.start < next_event and \
                        HELD_AT.fullmatch(text, origin, p.start) \
                        and not re.match(r"['’]s\b", text[p.end:p.end + 3]):  # "in Pahang's investment mission"
                    fact["heldIn"] = j
                    break
            held_anaphor = re.match(r"[^.;]{0,40}?\bheld in the (city|province|state|special administrative region|country)\b",
                                    text[origin:sent.end_char]) or \
                re.search(r"\bthe (city|province|state|country)['’]s\s+(?:\w+\s+){0,2}$", text[max(sent.start_char, m.start - 40):m.start])
            # "opened the country's Aero India 2005 air show": held in the article's country
            if "heldIn" not in fact and held_anaphor:
                # Hong Kong and Macao, the special administrative regions, are typed as cities
                fact["heldInAnaphor"] = {"city": "City", "country": "Country",
                                         "special administrative region": "City"}.get(held_anaphor.group(1), "Region")
            if occurs:
                date = resolve_date(text[origin:sent.end_char], published) or resolve_date(s_text, published)
                before = text[max(sent.start_char, m.start - 40):m.start]
                if date and not re.search(r"-day\b", before):  # "which concluded Sunday", then "the five-day expo"
                    before = _length_told_elsewhere(text, mentions[i].text.split()[-1], m.start) or before
                length = _N_DAYS_BEFORE.search(before)
                if date and (length and (_number(length.group(1)) or 0) > 1 or several_days(text[origin:sent.end_char])):
                    fact["severalDays"] = True  # its deals were signed on one of them, unsaid which
                date = _first_day(date, before, s_text)
                if date or (happened and dateline[1]):
                    fact["date"] = date or dateline[1]
                if "heldIn" not in fact and happened and dateline[0] is not None:
                    fact["heldIn"] = dateline[0]  # a wire story happens where it is datelined
                    fact["heldInDateline"] = True  # unless the text says where (_placed_by_the_text)
            for j, big in events:
                if j != i and big.start > m.end and PART_OF.search(text[m.end:big.start]) \
                        and mentions[j].key != mentions[i].key:
                    fact["partOf"] = j
            if len(fact) > 4:
                out.append(fact)
        self._share_coordinated(text, events, out)
        for i, m in events:
            head = m.text.split()[-1].lower()
            last_event[head] = i
            last_event["*"] = i
            if re.search(r"\bceremony\s+of\s+(?:the\s+)?[“\"]?$", text[sent.start_char:m.start], re.I):
                last_event["ceremony"] = i  # "The opening ceremony of “Jiangsu Week in Macau”": later, "the ceremony"
        return out

    @staticmethod
    def _share_coordinated(text: str, events, facts: list[dict]) -> None:
        """"The 8th X Conference and the first Y Forum was held in Singapore": both were."""
        by_event = {f["event"]: f for f in facts}
        for (i, a), (j, b) in reversed(list(zip(events, events[1:]))):
            if j in by_event and re.fullmatch(r"\s*(?:,|and|&)\s*(?:the\s+)?(?:[a-z0-9]+\s+)?", text[a.end:b.start]):
                fact = by_event.setdefault(i, {"rel": "event", "event": i, "rule": "event-coordinated",
                                               "confidence": 0.65})
                for key in ("heldIn", "date"):
                    if key in by_event[j] and key not in fact:
                        fact[key] = by_event[j][key]
                if fact not in facts and len(fact) > 4:
                    facts.append(fact)

    # ------------------------------------------------------- agreements etc.
    @staticmethod
    def _subjects(doc: Doc, mentions: list[Mention], at: int, classes=PARTY) -> list[int]:
        """Mentions that are the grammatical subject of the verb at char ``at`` (with conjuncts).

        "Yantai, a coastal city in East China's Shandong province, signed ..." has Yantai as subject.
        """
        i = token_at(doc, at)  # by bisection, not a Token made for each word before it
        verb = doc[i] if i is not None else None
        hops = 0
        while verb is not None and hops < 4:
            subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subj:
                break
            verb = verb.head if verb.dep_ in ("xcomp", "conj", "advcl", "ccomp", "acl") and verb.head is not verb else None
            hops += 1
        else:
            return []
        if verb is None:
            return []
        tokens = []
        for t in subj:
            tokens += [t] + list(t.conjuncts)
            if t.lower_ in STAND_INS or t.lower_ in ("town", "district"):
                # "The city of Xuzhou ... signed", "Government representatives of the Zhambyl Region signed": the
                # place or body the noun stands for
                tokens += [g for p in t.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
                           if g.dep_ == "pobj"]
        out = []
        for t in tokens:
            for i, m in enumerate(mentions):
                if m.start <= t.idx < m.end and m.cls in classes and i not in out:
                    out.append(i)
        return out

    @staticmethod
    def _last_two(mentions: list[Mention], recent: list[int], kinds: tuple[str, ...] = PARTY) -> list[int]:
        """The two most recent distinct parties of ``kinds``: what "the two sides" refers to; of those the article
        named twice or more when there are two ("Zhejiang" and "Nordland", not "the regions of Vesterålen and
        Lofoten" the delegation visited between)."""
        told = Counter(mentions[p].key for p in recent)
        for least in (2, 1):
            chosen: list[int] = []
            for p in reversed(recent):
                if mentions[p].cls in kinds and told[mentions[p].key] >= least and \
                        mentions[p].key not in {mentions[c].key for c in chosen}:
                    chosen.append(p)
                if len(chosen) == 2:
                    return chosen[::-1]
        return []

    def deals(self, doc: Doc, text: str, mentions: list[Mention], sent: Span, idx: list[tuple[int, Mention]],
              published: str | None, last_event: dict[str, int], next_sent_sectors: list[int],
              recent_parties: list[int]) -> list[dict]:
        """Signings (with parties, count, value, occasion, date, sectors) and investments of one sentence, whose
        mentions are ``idx``."""
        s_text = text[sent.start_char:sent.end_char]
        money = [(sent.start_char + x.start, x) for x in find_money(s_text)]
        out = []
        sign = None if _absent(s_text, _SIGNING_WORDS) or CONDITIONAL.match(s_text) else next(
            (m for m in SIGNING.finditer(s_text)
             if (not IRREALIS.search(s_text[:m.start()]) or _first_to_sign(s_text[:m.start()]))
             and not (m.start() > 0 and m.group(0)[:1].isupper())  # "the Joint Strike Fighter": a name, no verb
             and not _generic_signing(sent, sent.start_char + m.start())
             and not _a_noun_with_its_article(doc, sent.start_char + m.start())  # "The ink had scarcely dried"
             and not re.match(r"\s+(?:ceremony|ceremonies|event|session|function)\b", s_text[m.end():], re.I)),
            None)  # "after witnessing the MoUs signing ceremony" tells of a signing told already
        if sign and _deal_ends(sent):
            sign = None  # "Umbro announced its sponsorship agreement with Chelsea ... would end in 2006"
        if sign and (SUBJECT_TO.search(s_text, 0, sign.start()) or _charged(doc, sent.start_char + sign.start())):
            sign = None  # "is subject to ... a revenue-sharing deal being struck"; "accused the party of signing up"
        has_noun = sign and re.search(rf"\b{AGREEMENT_NOUN}\b", s_text, re.I)  # read only after a signing verb
        if sign and has_noun:
            count = None
            c = next((m for m in (p.search(s_text) for p in COUNTED) if m), None)
            if c:
                count = _number(c.group("n"))
                if count is not None and money and any(sent.start_char + c.start() == s for s, _ in money):
                    count = None
                more = COUNTED_MORE.match(s_text, c.end())
                if count is not None and more:  # "two agreements and two MoUs": four signed
                    count += _number(more.group("n")) or 0
            elif ONE_AGREEMENT.search(s_text, sign.end()) or ONE_AGREEMENT_SIGNED.search(s_text, 0, sign.start()):
                count = 1  # "signed MoU for ...", "The first MOU, worth RM15bil, was inked": one, though no number is written
            sign_at = sent.start_char + sign.start()
            passive = re.search(rf"(?:\b(?:were|was|been|being|are|is|be)|{AGREEMENT_NOUN})\s+$",
                                text[max(sent.start_char, sign_at - 30):sign_at], re.I)
            subjects = [i for i, m in idx if m.cls in PARTY and m.start < sign_at
                        and (not re.search(r"\b(?:at|during|of|from|in|for|to|by)\s+(?:the\s+)?(?:\w+\s+)?$",
                                           text[max(0, m.start - 16):m.start])
                             or re.search(r"\b(?:governments?|authorities|leaders|delegations?) of\s+$",
                                          text[max(0, m.start - 20):m.start]))
                        and not re.match(r"['’]s\b", text[m.end:m.end + 3])
                        and not _in_relative_clause(doc, m.start, sign_at)]
            parsed = self._subjects(doc, mentions, sign_at)
            # "UK bank seals South Korean deal": the place names the home of the firm that signs, not a party
            subjects = [i for i in subjects if not _home_of_a_firm(text, mentions[i])]
            parsed = [i for i in parsed if not _home_of_a_firm(text, mentions[i])]
            if not parsed and subjects and self._modifies_an_object(doc, mentions[subjects[-1]]):
                subjects = subjects[:-1]  # "started his two-day Singapore trip by signing MoUs": no signer
            parties = [] if passive or not (subjects or parsed) else (parsed or [subjects[-1]])
            k = subjects.index(parties[0]) if parties and parties[0] in subjects else 0
            while k > 0 and subjects[k - 1] not in parties and COORDINATED.fullmatch(
                    self._without_demonyms(text[mentions[subjects[k - 1]].end:mentions[parties[0]].start])):
                # "the governments of Jiangsu and Macau signed"; "Hong Kong, Macao, Shandong ink 30 deals";
                # "East China's Anhui Province and German state Lower Saxony signed"
                parties.insert(0, subjects[k - 1])
                k -= 1
            if parties and subjects and subjects[-1] not in parties and \
                    BEFORE_THE_VERB.fullmatch(text[mentions[subjects[-1]].end:sign_at]) and COORDINATED_LAST.search(
                        self._without_demonyms(text[mentions[parties[-1]].end:mentions[subjects[-1]].start])):
                # "Shaanxi province in northwest China and Tanzania's Dar es Salaam region on Monday signed":
                # the name right before the verb, joined by "and", is a subject the parse hung elsewhere
                parties.append(subjects[-1])
            sides = BOTH_SIDES.search(s_text)
            told_before = not parties and bool(sides)  # "the two parties": the sides are whoever was told of
            if told_before:
                parties = self._last_two(mentions, recent_parties,
                                         _SIDE_KINDS.get(sides.group(0).split()[-1].lower(), PARTY))
            between = next((b for b in re.finditer(r"\bbetween\s+", s_text)
                            if self._of_the_signing(sent, sent.start_char + b.start())), None)
            if between:
                # "between Brazil's Ministry of Human Rights and Angola's Ministry of ...": the owners are no parties
                named = [i for i, m in idx if m.cls in PARTY and m.start >= sent.start_char + between.end()
                         and not re.match(r"['’]s\b", text[m.end:m.end + 3])][:2]
                parties = named or parties  # "between the two nations": the sides told before
                told_before = told_before and not named
            one_each = False  # a deal with each of the firms listed
            with_ = re.search(r"\bwith\s+", s_text[sign.end():])
            if with_:
                after = sent.start_char + sign.end() + with_.end()
                # "with state-owned Hindustan Aeronautics", "with India's HCL Technologies"
                parties += [i for i, m in idx if m.cls in PARTY and m.start >= after and re.fullmatch(
                    rf"(?:(?:the|a|an|[a-z-]+|[A-Z][\w]*['’]s|(?i:{DIRECTIONS}))\s+){{0,3}}",
                    self._without_demonyms(text[after:m.start]))  # "with the Indian state of Goa"
                    and not re.search(r"\b(?:in|from|of|at)\s", text[after:m.start])  # "with companies in Zhejiang"
                    and not re.match(r"['’]s\b", text[m.end:m.end + 3])][:1]
                listed = re.match(r"(?P<n>\w+)\s+(?:[\w-]+\s+){0,3}?(?:-|–|—|:)\s+", text[after:sent.end_char])
                if listed:
                    # "signed fresh deals with two Indian airlines - Air Deccan and Kingfisher"
                    names = self._listed(text, [(i, m) for i, m in idx if m.cls in PARTY], after + listed.end())
                    parties += names
                    n = _number(listed.group("n"))
                    if count is None and n == len(names) and re.search(r"\b(?:deals|agreements|contracts|MoUs)\b",
                                                                      s_text[sign.start():with_.start() + sign.end()]):
                        count = n
                        one_each = True
            signed_at = next((i for i, m in idx if m.cls == "Event"), None)
            if signed_at is None:
                a = EVENT_ANAPHOR.search(s_text)
                if a:
                    signed_at = _event_named(last_event, a.group(1))
            if signed_at is None and re.search(r"\balso\s+(?:signed|inked|sealed)\b", s_text):
                signed_at = last_event.get("<signing>")  # "The two sides also signed 10 projects": same occasion
            if signed_at is not None:
                last_event["<signing>"] = signed_at
            sectors = [i for i, m in idx if m.cls == "Sector"] or list(next_sent_sectors)
            out.append({"rel": "agreement", "parties": sorted(set(parties)), "count": count,
                        "values": [(x.amount, x.currency, x.text) for at, x in self._totals(s_text, money,
                                                                                           sent.start_char)
                                   if not _hedged_amount(sent, at)],
                        "signedAt": signed_at, "date": _signing_day(sent.start_char, s_text, published),
                        "sectors": sectors, "one_each": one_each, "rule": "signing", "confidence": 0.75,
                        "sides_told_before": told_before})
        if not sign:
            out += self._listed_deal(text, mentions, idx, money, sent, s_text) or \
                self._deal_between_firms(text, mentions, idx, money, sent, s_text)
        if not _absent(s_text, _INVEST_WORDS) and _invest_word(s_text, idx, sent.start_char) is not None and \
                (not out or RECEIVED_FROM.search(s_text)):
            # a signing sentence states an investment only as one received from somewhere:
            # "Pahang is set to receive RM1.2 billion in investments from Thailand following the signing of ..."
            out += self._investments(text, idx, money, sent, s_text)
        return out

    @staticmethod
    def _totals(s_text: str, money: list, start: int) -> list:
        """The amounts of a sentence less the parts it lists after a total: "three MoUs worth Rs 6,650 crore ...,
        including a township worth Rs 3,500 crore, a logistics park worth Rs 650 crore"."""
        cue = PARTS_LISTED.search(s_text)
        if cue is None or not any(at - start < cue.start() for at, _ in money):
            return money
        return [(at, x) for at, x in money if at - start < cue.start()]

    @staticmethod
    def _modifies_an_object(doc: Doc, name: Mention) -> bool:
        """Whether a name only modifies the object of a verb or a preposition ("his two-day Singapore trip")."""
        at = token_at(doc, name.end - 1)
        last = doc[at] if at is not None else None
        return last is not None and last.dep_ in ("compound", "amod") and last.head.i > last.i and \
            last.head.dep_ in ("dobj", "pobj") and last.head.idx >= name.end

    @staticmethod
    def _of_the_signing(sent: Span, at: int) -> bool:
        """Whether "between" at char ``at`` belongs to the signing: "signed between A and B", "12 agreements
        between the two nations", "a signing ceremony between"; not "strengthening ties between A and B"."""
        i = token_at(sent.doc, at)
        tok = sent.doc[i] if i is not None and sent.start <= i < sent.end and token_starts(sent.doc)[i] == at else None
        if tok is None:
            return True
        head = tok.head
        if head.tag_.startswith("VB"):
            return bool(SIGNING.fullmatch(head.text)) or FactFinder._signing_took_place(head)
        if _AGREEMENT_WORD.fullmatch(head.text) or head.lower_ in _SIGNING_NOUNS:
            return True
        # "A ceremonial signing of MOU took place at the Capitol on Wednesday, September 25 between A and B": the
        # parser hangs "between" on the day or the place; the clause tells where and when the signing took place
        verb = next((a for a in head.ancestors if a.tag_.startswith("VB")), None)
        return verb is not None and FactFinder._signing_took_place(verb)

    @staticmethod
    def _signing_took_place(verb) -> bool:
        """Whether ``verb`` tells that a signing (its subject) took place, happened or was held."""
        return verb.lower_ in _TOOK_PLACE and (verb.lower_ != "took" or any(
            c.dep_ == "dobj" and c.lower_ == "place" for c in verb.children)) and any(
            c.dep_ in ("nsubj", "nsubjpass") and (c.lower_ in _SIGNING_NOUNS or
                                                  _AGREEMENT_WORD.fullmatch(c.text))
            for c in verb.children)

    @staticmethod
    def _listed(text: str, candidates, at: int) -> list[int]:
        """The mentions of a list that starts at ``at``: "Air Deccan and Kingfisher", "A, B and C"."""
        out = []
        for i, m in candidates:
            if m.start == at:
                out.append(i)
                nxt = LIST_GAP.match(text, m.end)
                if not nxt:
                    break
                at = nxt.end()
        return out

    @staticmethod
    def _listed_deal(text, mentions, idx, money, sent, s_text) -> list[dict]:
        """"The first MOU, between Yayasan Sabah and Pavilion Kota Kinabalu Sdn Bhd, is for ... worth RM2
        billion": one of the signings an article lists, with its two parties."""
        deal = None if _absent(s_text, ("between",)) else ORDINAL_DEAL.search(s_text)
        if deal is None:
            return []
        at = sent.start_char + deal.end()
        parties = [i for i, m in idx if m.cls in PARTY and m.start >= at and not re.search(
            r"\bfrom\s+$", text[max(0, m.start - 6):m.start]) and not re.match(r"['’]s\b", text[m.end:m.end + 3])]
        first = parties[0] if parties and re.fullmatch(r"(?:the\s+)?(?:[\w-]+(?:\s[\w-]+)?['’]s\s+)?",
                                                       text[at:mentions[parties[0]].start]) else None
        second = next((i for i in parties[1:] if re.search(r"\band\b", text[mentions[first].end:mentions[i].start])
                       and mentions[i].start - mentions[first].end < 60), None) if first is not None else None
        if second is None:
            return []
        return [{"rel": "agreement", "parties": [first, second], "count": 1,
                 "values": [(x.amount, x.currency, x.text) for _, x in money][:2], "signedAt": None, "date": None,
                 "sectors": [], "rule": "listed-deal", "confidence": 0.6}]

    @staticmethod
    def _deal_between_firms(text, mentions, idx, money, sent, s_text) -> list[dict]:
        """"GM is to pay Fiat 1.55bn euros to get out of a deal", "Fiat had sold GM a stake, as part of a
        partnership agreement": an agreement of the two firms the sentence names, though no signing is told."""
        deal = None if _absent(s_text, _DEAL_WORDS) else FIRM_DEAL.search(s_text)
        if deal is None or DEAL_NOT_MADE.search(s_text[:deal.end()]) or \
                len(re.findall(r"[\"“”]", s_text[:deal.start()])) % 2:  # a plan, a wish, or a quote
            return []
        at = token_at(sent.doc, sent.start_char + deal.end() - 1)
        noun = sent.doc[at] if at is not None and sent.start <= at < sent.end else None
        if noun is not None and noun.dep_ == "compound":
            return []  # "a 1998 contract competition"
        firms = [i for i, m in idx if m.cls in ("Company", "Organization")
                 and not re.match(r"['’]s\b", text[m.end:m.end + 3])]
        if len({mentions[i].key for i in firms}) != 2 or len({mentions[i].key for i, m in idx if m.cls in PARTY}) > 3:
            return []
        parties = sorted({mentions[i].key: i for i in reversed(firms)}.values())  # each firm's first mention
        return [{"rel": "agreement", "parties": parties, "count": 1,
                 "values": [(x.amount, x.currency, x.text) for _, x in money], "signedAt": None, "date": None,
                 "sectors": [], "rule": "deal-between-firms", "confidence": 0.5}]

    def _investments(self, text, idx, money, sent, s_text) -> list[dict]:
        """"Hong Kong has invested in 6,444 projects in Qingdao ... $50 billion";
        "Hyundai committed Rs 7,000 crore, MRF Rs 3,100 crore" (one per investor)."""
        if re.match(r"\s*(?:The|This|That|These|Such) investments?\b", s_text):
            return []  # "The investment includes ...": the one just told, in detail
        inv = _invest_word(s_text, idx, sent.start_char)
        verb_at = sent.start_char + inv.start()
        word = next((t for t in sent if t.idx == verb_at), None)
        if word is not None and (hedged(word, sent) or any(c.dep_ == "amod" and c.lower_ in HEDGES for c in word.children)
                                 or any(a.tag_.startswith("VB") and a.lower_ in HEDGES for a in word.ancestors)):
            # "the ONS reclassified £3.4bn of spending on road repairs as public investment": a verb above that
            # makes it no flow, however deep the investment word is
            return []  # "the £1bn investment deal would be signed", "Shanghai Automotive's proposed £1bn investment"
        projects = PROJECTS.search(s_text)
        first_event = min([m.start for _, m in idx if m.cls == "Event" and m.start > verb_at] + [sent.end_char])
        targets = [i for i, m in idx if m.cls in PLACE and verb_at < m.start < first_event and
                   re.search(r"\b(?:in(?:to)?|to)\s+(?:the\s+)?(?:[A-Z][\w-]*(?:\s[A-Z][\w-]*)?['’]s\s+)?$",
                             text[max(0, m.start - 40):m.start])
                   and not re.match(r"['’]s\b", text[m.end:m.end + 3])  # "in Brazil's Sao Paulo state": not Brazil
                   and not NEW_CLAUSE.search(text, verb_at, m.start)]  # "- $7bn in 2003 - and ... the healthiest in Europe"
        target = targets[-1] if targets else None
        receive = RECEIVE_VERB.search(s_text)
        if receive and re.search(r"\b(?:hopes?|aims?|bid|effort|efforts|plans?|seeks?|seeking|order)\s+(?:of|to|for|at)\s+$",
                                 s_text[max(0, receive.start() - 20):receive.start()]):
            return []  # "in the hope of attracting more than 130 billion yuan of investment": not received
        if receive and receive.start() < inv.start() + 40:
            # "Uttar Pradesh received investment proposals worth ...": the subject is the target
            recv_at = sent.start_char + receive.start()
            anaphor = re.search(r"\bthe (city|province|state|country)\s+$", text[max(0, recv_at - 20):recv_at])
            kinds = {"city": ("City",), "country": ("Country",)}.get(anaphor.group(1), ("Region",)) if anaphor else PLACE
            subject = [i for i, m in idx if m.cls in kinds and m.start < recv_at]  # "... Dalian City, the city got"
            frm = [i for i, m in idx if m.cls in PARTY and m.start > recv_at and
                   re.search(r"\bfrom\s+(?:the\s+)?$", text[max(0, m.start - 10):m.start])]
            if subject:
                return [{"rel": "investment", "investor": frm[0] if frm else None, "target": subject[-1],
                         "projects": _number(projects.group("n")) if projects else None,
                         "values": [(x.amount, x.currency, x.text) for _, x in money][:2],
                         "rule": "investment-received", "confidence": 0.6}]
        incl = re.search(r"\b(?:included|include|includes|including|such as|namely)\s+(?:the\s+)?", s_text[inv.end():])
        if incl and not money[1:]:
            # "Major companies that committed to invest in Madhya Pradesh included the Adani Group, Reliance
            # Industries ... and Hindalco Industries": each of them invests
            at = sent.start_char + inv.end() + incl.end()
            firms = [(i, m) for i, m in idx if m.cls in ("Company", "Organization") and m.start >= at]
            listed = self._listed(text, firms, firms[0][1].start) if firms and firms[0][1].start == at else []
            if len(listed) >= 2:
                return [{"rel": "investment", "investor": i, "target": target, "projects": None, "values": [],
                         "rule": "investment-included", "confidence": 0.55} for i in listed]
        companies = [(i, m) for i, m in idx if m.cls in ("Company", "Organization")]
        paired = []
        for n, (i, m) in enumerate(companies):
            nxt = companies[n + 1][1].start if n + 1 < len(companies) else sent.end_char
            own = [x for at, x in money if m.end <= at < nxt and at - m.end < 60]
            if own:
                paired.append((i, own))
        if len(paired) >= 2:
            return [{"rel": "investment", "investor": i, "target": target, "projects": None,
                     "values": [(x.amount, x.currency, x.text) for x in own][:2], "rule": "investment-list",
                     "confidence": 0.6} for i, own in paired]
        investors = [i for i, m in idx if m.cls in PARTY and m.start < verb_at and not re.search(
            r"\b(?:in|at|of|from|with)\s+(?:the\s+)?$", text[max(0, m.start - 10):m.start])
            and not text[max(0, m.start - 1):m.start] == "("  # "(APSEZ)" repeats the name before it
            and not (m.cls in PLACE and HOME_OF_FIRM.search(text[max(0, m.start - 60):m.start]))]
        told_to = word is not None and word.dep_ == "ROOT" and any(c.dep_ == "aux" and c.lower_ == "to"
                                                                  for c in word.children)  # "Britannia to invest in the State"
        if not (money or projects or investors and (told_to or re.search(
                r"\b(?:will|committed to|agreed to|plans? to)\s+(?:\w+\s+)?invest", s_text))):
            # "its money is used to invest in the business", "continued to invest in infrastructure", "opening up
            # ... to infrastructure investment": no amount, no projects, no investor bound to invest; no flow
            return []
        wished = not (money or projects) and re.search(
            r"\b(?:looking|seeking|hoping|wants?|considering|may|might|could|would)\s+(?:to\s+)?(?:\w+\s+)?invest", s_text)
        asked = re.search(r"\b(?:welcom|invit|seek|solicit)\w*\s+(?:\w+\s+)?invest", s_text, re.I) or re.search(
            r"\b(?:opportunit\w+|help\w*|encourag\w*|urg\w*|persuad\w*)\b[^.;]{0,40}\bto\s+invest", s_text, re.I)
        if wished or asked:
            # "China is looking to invest in other markets", "welcomes investment from Hong Kong", "helping
            # Indonesian firms to invest": a wish or a call, not an investment
            return []
        values = [(x.amount, x.currency, x.text) for _, x in money][:2]
        by_index = dict(idx)
        listed = investors[-1:]
        for i in reversed(investors[:-1]):  # "A, B, C and other SOEs will invest": the list before the verb
            gap = text[by_index[i].end:by_index[listed[0]].start]
            if not (re.fullmatch(r"\s*(?:,|,?\s*and)\s*(?:the\s+)?", gap) or len(listed) == 1 and re.search(r"\band\b", gap)):
                break  # "Salcomp from Finland and Luxshare from China": the last pair may carry words
            listed.insert(0, i)
        if len(listed) > 1 and {by_index[i].cls for i in listed} <= set(ORG_CLASSES):
            investors = listed
            # "Ramco and Chemplast committed to increase investments": one each
            return [{"rel": "investment", "investor": i, "target": target, "projects": None,
                     "values": [], "rule": "investment-coordinated",
                     "confidence": 0.55} for i in investors]
        return [{"rel": "investment", "investor": investors[-1] if investors else None, "target": target,
                 "projects": _number(projects.group("n")) if projects else None, "values": values,
                 "rule": "investment-sentence", "confidence": 0.6}]

    # ----------------------------------------------------------- cooperation
    def cooperation(self, doc: Doc, text: str, mentions: list[Mention], sent: Span, idx: list[tuple[int, Mention]],
                    recent_parties: list[int], signers: tuple[int, ...] = ()) -> list[dict]:
        """"A will deepen cooperation with B", "the two sides ... cooperation", "joining hands with B" (the
        sentence's mentions are ``idx``); ``signers`` are the two parties of the last signing told, whom "the
        two sides" name first."""
        cue = None
        cues = () if _absent(text[sent.start_char:sent.end_char], _COOPERATION_WORDS) else \
            COOPERATION.finditer(text, sent.start_char, sent.end_char)
        for c in cues:
            if not any(m.start <= c.start() < m.end for _, m in idx):
                cue = c
                break
        if cue is None:
            return self._joint_venture(text, idx)
        if TIES_ENDED.search(text, sent.start_char, sent.end_char):
            return []  # "Fiat and GM agreed to dissolve their alliance": cooperation that ends
        cue_tok = next((t for t in sent if t.idx == cue.start()), None)
        if cue_tok is not None and not_reached(cue_tok, sent):
            return []  # "Qantas sought a tie-up with Air New Zealand": a tie not had
        if WITH_INQUIRY.match(text, cue.end(), sent.end_char):
            return []  # "Marsh is co-operating fully with the SEC investigation": help to an inquiry
        parties = [i for i, m in idx if m.cls in PARTY and not re.search(
            r"(?:such as|including|like|from|of|at|during)\s+(?:the\s+)?$", text[max(0, m.start - 12):m.start])
            and not re.match(r"['’]s\b", text[m.end:m.end + 3])]
        before = [i for i in parties if mentions[i].end <= cue.start()]
        after = [i for i in parties if mentions[i].start >= cue.end()]
        chosen: list[int] = []
        if before:
            chosen.append(before[0])  # the subject: "Qingdao ... will deepen cooperation"
            if len(before) >= 2 and (re.fullmatch(r"\s*(?:,|and|&)\s*",
                                                  text[mentions[before[0]].end:mentions[before[1]].start])
                                     or BUSINESS_TIE.match(cue.group(0)) and not any(
                                         mentions[i].start >= cue.end() and _PARTNER_AFTER.search(
                                             text, cue.end(), mentions[i].start) for i in after)):
                # the second name before a tie only where no partner follows it: "and has a partnership to develop
                # the Sakhalin 5 field with state-owned Rosneft" is not with TNK-BP, told before in another clause
                chosen.append(before[1])  # "for Jiangsu and Macau to deepen cooperation"; "Fiat sold GM ... partnership"
        # "further cooperation, with the goal of developing ...": a purpose, no partner after "with"
        w = re.search(r"\b(?:with|between)\s+" + _NO_PURPOSE + r"(?:the\s+)?", text[cue.end():sent.end_char]) or \
            re.search(r"\b(?:with)\s+" + _NO_PURPOSE + r"(?:the\s+)?", text[sent.start_char:cue.start()])
        between = re.match(r"\s*between\s+", text[cue.end():sent.end_char]) or \
            re.search(r"\bbetween\s+(?:the\s+)?", text[cue.end():min(sent.end_char, cue.end() + 20)])
        pair = [i for i in after if mentions[i].start - cue.end() < 80][:2] if between else []
        if not between:  # "... will lead to better relations between Indonesia and South Korea": a pair told later
            later = re.search(r"\bbetween\s+(?:the\s+)?", text[cue.end():sent.end_char])
            pair = [i for i in after if mentions[i].start >= cue.end() + later.end()][:2] if later else []
            if pair and mentions[pair[0]].start != cue.end() + later.end():
                pair = []
        if len(pair) == 2 and re.fullmatch(r"\s*(?:and|&)\s*(?:the\s+)?", text[mentions[pair[0]].end:mentions[pair[1]].start]):
            chosen = pair  # "cooperation between Guangzhou and Singapore"
            w = None
        after_cue = w is not None and w.re.pattern.startswith("\\b(?:with|between)")
        if w and BOTH_SIDES.match(text, (cue.end() if after_cue else sent.start_char) + w.start() + len(w.group(0).split()[0]) + 1):
            w = None  # "between the two regions": the sides told before, not the nearest name
        if w:
            near = [i for i in parties if i not in chosen]
            if near:
                target = cue.end() + w.end() if after_cue else None
                pick = min(near, key=lambda i: abs(mentions[i].start - (target or cue.start())))
                chosen.append(pick)
        sides = BOTH_SIDES.search(text, sent.start_char, sent.end_char)
        if sides and len(chosen) < 2:
            kinds = _SIDE_KINDS.get(sides.group(0).split()[-1].lower(), PARTY)
            chosen = [c for c in chosen if mentions[c].cls in kinds]  # "the two cities" are no firm named before
            if not chosen and signers and all(mentions[p].cls in kinds for p in signers):
                chosen = list(signers)  # "the two parties will deepen their cooperation": who signed last
            pool = [i for i in parties if i not in chosen] + self._last_two(mentions, recent_parties, kinds) + \
                list(reversed(recent_parties))  # the sides told before, as "the two parties" of a signing are
            for p in pool:
                if len(chosen) >= 2:
                    break
                if mentions[p].key not in {mentions[c].key for c in chosen} and mentions[p].cls in kinds:
                    chosen.append(p)
        keys = {mentions[c].key for c in chosen}
        anaphor = re.search(r"\bthe (state|city|province|country)\b", text[sent.start_char:cue.start()])
        if len(chosen) == 1 and anaphor:
            # "the state will strengthen cooperation with Japan": the article's state is the other party
            kind = {"state": "Region", "province": "Region", "city": "City", "country": "Country"}[anaphor.group(1)]
            return [{"rel": "cooperation", "parties": chosen, "anaphor": kind, "rule": "cooperation-anaphor",
                     "sectors": [i for i, m in idx if m.cls == "Sector" and m.start > cue.start()], "confidence": 0.6}]
        if len(chosen) < 2 or len(keys) < 2:
            return []
        sectors = [i for i, m in idx if m.cls == "Sector" and m.start > cue.start()]
        return [{"rel": "cooperation", "parties": chosen, "sectors": sectors, "rule": "cooperation-cue",
                 "confidence": 0.7}]

    @staticmethod
    def _last_signers(mentions: list[Mention], facts: list[dict]) -> tuple[int, ...]:
        """The two parties of the last signing told with two (what "the two parties" of a later sentence are)."""
        for f in reversed(facts):
            if f["rel"] == "agreement" and len({mentions[p].key for p in f["parties"]}) == 2 == len(f["parties"]):
                return tuple(f["parties"])
        return ()

    @staticmethod
    def _joint_venture(text: str, idx) -> list[dict]:
        """"Green World Genetics Sdn Bhd and Perbadanan ... (PSK) will be developing the park": A and B build together."""
        orgs = [(i, m) for i, m in idx if m.cls in ORG_CLASSES]
        for (i, a), (j, b) in zip(orgs, orgs[1:]):
            if re.fullmatch(r"\s*(?:\([^()]{1,12}\)\s*)?(?:and|&)\s*", text[a.end:b.start]) and JOINT_WORK.match(text[b.end:b.end + 60]):
                return [{"rel": "cooperation", "parties": [i, j], "sectors": [], "rule": "joint-work",
                         "confidence": 0.6}]
        return []

    # ------------------------------------------------------------------ all
    def find(self, doc: Doc, mentions: list[Mention], published: str | None) -> list[dict]:
        """All raw facts of a Doc: sentence rules, then the document-level assembly."""
        facts: list[dict] = []
        last_event: dict[str, int] = {}
        recent_parties: list[int] = []
        unnamed: tuple[str, int] | None = None  # "India's defence minister has opened ...": named next?
        sents = list(doc.sents)
        text = doc_text(doc)  # Doc.text joins every token anew: read it once
        dateline = self.dateline(text, mentions, published)
        published = dateline[1] or published  # "today" in a wire story is the dateline's day
        places = mentions  # "LANZHOU, China, July 10 --": the dateline still says where its place is
        masked = self.credits(text, mentions) | ({dateline[0]} if dateline[0] is not None else set())
        if masked:  # the dateline says where the story was filed, not who acted
            mentions = [m._replace(cls="Dateline") if i in masked else m for i, m in enumerate(mentions)]
        spans = [(m.start, m.end, i) for i, m in enumerate(mentions)]
        post_rules = rules_for("post", "sentence")  # looked up once, not for each sentence
        last_day, days_read = None, 0  # the day the sentences before last told, read up to sentence days_read
        for n, sent in enumerate(sents):
            nxt = sents[n + 1] if n + 1 < len(sents) else None
            next_sectors = []
            nxt_text = text[nxt.start_char:nxt.end_char] if nxt is not None else ""  # Span.text joins its tokens anew
            if nxt is not None and not _absent(nxt_text, ("project", "deal", "agreement", "them")) and \
                    re.search(r"\b(?:projects?|deals?|agreements?|them)\b", nxt_text, re.I) and \
                    not SIGNING.search(nxt_text):
                next_sectors = [i for i, m in enumerate(mentions) if m.cls == "Sector" and nxt.start_char <= m.start < nxt.end_char]
            in_sent = _in_sentence(mentions, sent)  # read by most rules of the sentence: found once
            found = self.posts(doc, text, mentions, sent, in_sent)
            found += _parsed_posts(sent, mentions, spans, found, post_rules)
            found += self._named_next(text, mentions, sent, unnamed)
            unnamed = self._unnamed_post(text, mentions, sent, in_sent)
            found += self.located_in(doc, text, places, sent)
            found += self._located_by_clause(places, spans, sent, found)
            found += self.events(doc, text, mentions, sent, in_sent, published, last_event, dateline)
            found += self.deals(doc, text, mentions, sent, in_sent, published, last_event, next_sectors,
                                recent_parties)
            found = self._parsed_agreements(sent, mentions, spans, found, published)
            parsed = list(cooperation_from_parse(sent, mentions, spans))
            found += parsed or self.cooperation(doc, text, mentions, sent, in_sent, recent_parties,
                                                self._last_signers(mentions, facts))
            found = self._parsed_investments(sent, mentions, spans, found)
            found += stake_investments(doc, text, mentions, sent)
            s_text = text[sent.start_char:sent.end_char]
            if not _absent(s_text, _SAME_DAY_PHRASES) and SAME_DAY.search(s_text):
                for told in sents[days_read:n]:  # read only when a sentence points back at the day: most never do
                    last_day = _signing_day(told.start_char, text[told.start_char:told.end_char], published) or last_day
                days_read = n
                for f in found if last_day is not None else ():
                    # "The same day, Long An and Japan's Ibaraki prefecture signed a joint statement"
                    if f["rel"] == "agreement" and f["date"] is None:
                        f["date"] = last_day
            for f in found:
                f["at"] = sent.start_char + len(s_text) - len(s_text.lstrip())  # evidence sentence
            facts += found
            recent_parties += [i for i, m in in_sent
                               if m.cls in PARTY and not re.match(r"['’]s\b", text[m.end:m.end + 3])]
        sentences = [Sentence(s.start_char, s.end_char, text[s.start_char:s.end_char]) for s in sents]
        facts = _placed_by_the_text(facts)
        for f in facts:
            if f["rel"] in ("agreement", "cooperation") and f.get("parties"):
                f["parties"] = list(dict.fromkeys(_firm_described(doc, mentions, p) for p in f["parties"]))
        facts = [f for f in facts if not (f["rel"] == "post" and (self._past_post(text, mentions[f["person"]], f)
                                                                   or _post_ended(doc, mentions[f["person"]])))]
        # a portfolio for a body ("State Minister for National Development Planning"): the post names no body, and
        # the article's place is not it either
        facts = [f for f in facts if not (f["rel"] == "post" and f["of"] is not None and
                                          self._portfolio_named(text, mentions[f["of"]]))]
        for f in facts:
            if f["rel"] == "post" and f["of"] is not None:
                f["of"] = None if self._not_the_body(text, mentions[f["of"]]) or \
                    self._remit(text, mentions[f["of"]], f["title"]) else self._named_body(text, mentions, f["of"])
        return self._localize_currencies(assemble(sentences, mentions, facts), mentions, dateline[0])

    def _not_the_body(self, text: str, place: Mention) -> bool:
        """A place that is not the body a post is of: the employer's home ("Aberdeen-based consultancy"), a
        word of a firm's name ("GM Europe"), or the scene ("In Bethnal Green, former MP ...")."""
        if place.cls not in PLACE:
            return False
        after, before = text[place.end:place.end + 16], text[max(0, place.start - 20):place.start]
        if HOME_AFTER.match(after):
            return True
        name_before = re.search(r"\b([A-Z][\w&]*)\s+$", before)
        if name_before and name_before.group(1).lower() not in self.title_words and \
                name_before.group(1) not in ("The", "In", "At", "Of", "For", "From", "And") and \
                name_before.group(1) not in self.demonyms:
            return True
        return bool(re.search(r"(?:^|[.!?\n]\s*)(?:In|At|From)\s+$", before) and after.startswith(","))

    def _remit(self, text: str, place: Mention, title: str) -> bool:
        """Whether a country written inside a title that is no office of a state is the post's remit, not its body:
        "chief US economist at High Frequency Economics", "its UK chief executive", "head of UK equities for
        Standard Life Investments"; not "UK Prime Minister Tony Blair"."""
        if place.cls != "Country" or NATIONAL_POST.search(title):
            return False
        after = re.match(r"\s+([A-Za-z-]+)", text[place.end:place.end + 24])
        before = re.search(r"\b([A-Za-z-]+)\s+(?:of\s+)?$", text[max(0, place.start - 24):place.start])
        return any(w is not None and w.group(1).lower() in self.title_words - self.portfolio for w in (after, before))

    def _named_body(self, text: str, mentions: list[Mention], body: int) -> int | None:
        """The body a post's body mention names: none for a continent ("Europe minister"); a sentence's first word
        "New" is no part of it ("New Metropolitan Police Commissioner": the article's mention without it)."""
        m = mentions[body]
        if m.key in self.supranational and m.cls in PLACE and not re.search(r"\bUnion\b", m.key):
            return None  # a continent has no posts; the European Union has
        if m.cls not in PLACE and self._new_first(text, m):  # "New York Mayor" is York's no more than New York's
            return next((n for n, x in enumerate(mentions) if x.text == m.text[4:] and x.cls in PARTY), body)
        return body

    @staticmethod
    def _new_first(text: str, m: Mention) -> bool:
        """Whether a name starts with a sentence's first word "New" ("New Home Secretary Charles Clarke")."""
        return m.text.startswith("New ") and bool(re.search(r"(?:^|[.!?\n\"“]\s*)$", text[max(0, m.start - 4):m.start]))

    def _portfolio_named(self, text: str, m: Mention) -> bool:
        """Whether a post's body mention is its portfolio, so the post names no body: "Monetary Affairs
        Commissioner", "Director of Public Prosecutions", "New Home Secretary"."""
        name = m.text[4:] if self._new_first(text, m) else m.text
        words = [w for w in re.findall(r"[\w'-]+", name.lower()) if w not in ("and", "of", "for", "the")]
        return m.cls not in PLACE and (len(words) >= 2 or name != m.text) and all(w in self.portfolio for w in words)

    @staticmethod
    def _past_post(text: str, person: Mention, fact: dict) -> bool:
        """"former WorldCom financial chief X", "X, an ex-Conservative chancellor,", "the incoming president of the
        European Commission, Jose Manuel Barroso": a post no longer held, or not yet."""
        if fact["rule"] in ("post-apposition", "post-appositive-body"):  # the title after the name
            after = text[person.end:person.end + 120]
            window = re.match(r",\s*[^,;]*", after)
            window = window.group(0) if window else ""
        else:
            before = text[max(fact["at"], person.start - 70):person.start]
            parts = re.split(r"[,;:(]", before)
            # "the incoming president of the European Commission, Jose Manuel Barroso": the title before the comma
            window = parts[-2] + parts[-1] if fact["rule"] == "post-title-of-body-before" and len(parts) > 1 else parts[-1]
        # "Shadow Europe minister Mr Brady": a shadow post is no post, though a body stands between it and the title
        return bool(NOT_NOW_TITLE.search(window)) or "shadow" not in fact["title"] and bool(re.search(r"\b[Ss]hadow\s+(?:[\w&-]+\s+){1,3}$", window))

    def _without_demonyms(self, words: str) -> str:
        """Demonyms lower-cased, so "the Indian state of" reads as "the indian state of"."""
        return re.sub(r"\b[A-Z][a-z]+\b", lambda m: m.group(0).lower() if m.group(0) in self.demonyms else m.group(0),
                      words)

    @staticmethod
    def _parsed_agreements(sent, mentions: list[Mention], spans, found: list[dict],
                           published: str | None = None) -> list[dict]:
        """A sentence's facts with the parse's reading of its signings: the parties the text rules left
        open ("Another memorandum was signed by A and B"), and a signing they missed ("a signing ceremony
        between A and B", "A signed a deal with B, while C signed one with D")."""
        clauses = list(agreements_from_parse(sent, mentions, spans))
        told = [f for f in found if f["rel"] == "agreement"]
        if len(told) == 1 and len(clauses) == 1 and told[0]["count"] is None:
            # "The memorandum was also signed between A and B": the one signing's noun is singular, one deal
            told[0]["count"] = clauses[0]["count"]
        keys = lambda f: {mentions[i].key for i in f["parties"]}  # noqa: E731
        if len(clauses) >= 2:
            # "A signed an agreement with B, while C signed a deal with D to boost cooperation in the mining
            # sector": each signing has the sectors of its own clause
            here = {i for i, _ in _in_sentence(mentions, sent)}
            for f in told:
                own = max(clauses, key=lambda c: len(keys(c) & keys(f)))
                if keys(own) & keys(f):
                    f["sectors"] = [i for i in f["sectors"] if i not in here or i in own["sectors"]]
        parsed = [p for p in clauses if len(p["parties"]) >= 2 or (not told and p.get("new"))]
        if not parsed:
            return found
        for f in told:
            if len(keys(f)) < 2:
                match = next((p for p in parsed if keys(f) <= keys(p)), None)
                if match is not None:
                    f["parties"] = sorted(set(f["parties"]) | set(match["parties"]))
                    parsed.remove(match)
            else:
                parsed = [p for p in parsed if not keys(p) & keys(f)]
        money = [(sent.start_char + x.start, x) for x in find_money(span_text(sent))]
        for p in parsed:
            start, end = p["clause"]
            found.append({"rel": "agreement", "parties": p["parties"], "count": p["count"],
                          "values": [(x.amount, x.currency, x.text) for at, x in money if start <= at < end],
                          "signedAt": None, "date": _signing_day(sent.start_char, sent.text, published),
                          "sectors": p["sectors"], "one_each": False, "new": p["new"],
                          "rule": p["rule"], "confidence": p["confidence"]})
        return found

    def _parsed_investments(self, sent, mentions: list[Mention], spans, found: list[dict]) -> list[dict]:
        """A sentence's facts with the parse's reading of its investment: a new fact where the text rules
        found none, the investor or target they left open ("Turkish companies' investments in Algeria" is
        Turkey's), and none where every investment word is hedged ("could invest ... if")."""
        s_text = span_text(sent)  # Span.text joins its tokens anew: read it once
        if _absent(s_text, _HINT_WORDS) or not INVESTMENT_HINT.search(s_text):
            return found
        # "a UK investment banker", "investment funds": a kind of firm, no investment word of the sentence
        lowers, deps = token_strings(sent.doc, "lower"), token_strings(sent.doc, "dep")
        words = [sent.doc[i] for i in range(sent.start, sent.end)
                 if lowers[i] in INVESTMENT_WORDS and deps[i] != "compound"]
        if words and all(hedged(t, sent) for t in words):
            return [f for f in found if f["rel"] != "investment" or f["rule"].startswith("stake")]
        for f in found:  # "$40 a head", "50 a month": a rate, not an amount invested
            if f["rel"] == "investment" and f["values"]:
                f["values"] = [v for v in f["values"] if s_text.find(v[2]) < 0
                               or not PER_UNIT.match(s_text, s_text.find(v[2]) + len(v[2]))]
        found = [f for f in found if not (f["rel"] == "investment" and not f["values"] and f["investor"] is None)]
        money = [(sent.start_char + x.start, x) for x in find_money(s_text)]
        listed = list(listed_amounts(sent, mentions, money))
        if len(listed) >= 2:  # "Offers include DP World (3500 crore), RP Group (1000 crore) ..."
            return [f for f in found if f["rel"] != "investment"] + listed
        parsed = list(investment_from_parse(sent, mentions, spans, money, self.demonyms))
        if any(f["rel"] == "agreement" for f in found):
            # "signed an MoU with the State of Gujarat to invest 150 billion yen": the deal states the investment
            return found + [p for p in parsed if p["values"] and p["investor"] is not None
                            and p["target"] is not None and p.get("verb")]
        told = [f for f in found if f["rel"] == "investment"]
        if not told:
            return found + parsed
        for p in parsed:
            for f in told:
                if f["target"] in (None, p["target"]) and f["investor"] in (None, p["investor"]):
                    f["investor"] = f["investor"] if f["investor"] is not None else p["investor"]
                    f["target"] = f["target"] if f["target"] is not None else p["target"]
        return found

    def _localize_currencies(self, facts: list[dict], mentions: list[Mention], dateline: int | None) -> list[dict]:
        """Rupees, pesos or dirhams in the currency of the article's country (its most named one)."""
        from .gazetteer import default_gazetteer

        gaz = default_gazetteer()
        votes = Counter()
        for i, m in enumerate(mentions):
            place = gaz.get(m.key) if m.cls in PLACE or i == dateline else None
            if place is not None and place.country:
                votes[place.country] += 2 if place.cls == "Country" else 1
        country = votes.most_common(1)[0][0] if votes else None
        for f in facts:
            if f.get("values"):
                f["values"] = [(amount, localize(cur, country), written) for amount, cur, written in f["values"]]
        return facts
