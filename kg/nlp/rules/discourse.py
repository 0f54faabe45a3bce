"""Document-level assembly: facts told across sentences.

A signing is often told in one sentence and completed in the next ones: "The
MoU aims to foster cooperation across various sectors including economy,
trade ..."; its signer is named as a person whose post says which body signed
("Malam Uba Sani, the Governor of Kaduna State, ... signing a MoU with Hebei").
The rules here read an explicit :class:`Discourse` (sentences, mentions and
the sentence-level facts) and return amendments; :func:`assemble` applies them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from ...lexicons import read_lexicon
from ...schema import PERSON_CLASSES
from ..money import find_money
from . import PARTY, PLACES, rule, rules_for

# A sentence that goes on about the deal just told: "The MoU aims ...", "These ventures span ...", "It covers ...";
# also as told by someone: "Mr Beattie said the new arrangements would cover ..."
_REPORTED = "|".join(read_lexicon("reporting_verbs"))
DEAL_SUBJECT = re.compile(r"^\W*(?:(?:[A-Z][\w.'’-]*\s+){1,4}(?:" + _REPORTED + r")\s+(?:that\s+)?(?=[tT]he\s))?"
                          r"(?:(?:The|the|This|These|Those|Both|Such|Each|All|Its|Their)\s+(?:[\w-]+\s+){0,3}?"
                          r"(?:agreements?|deals?|MoUs?|MOUs?|memorand\w*|pacts?|accords?|contracts?|projects?|ventures|"
                          r"arrangements|documents?|partnership|cooperation|letters? of intent)|It|They)\b")
_POST_NOMINALS = frozenset(read_lexicon("post_nominals"))  # "QC", "MP": no surname
SIGNING = re.compile(r"\b(?:sign(?:ed|s|ing)?|ink(?:ed|s)?|seal(?:ed|s)?)\b", re.I)
WITNESSED = re.compile(r"\b(?:witness\w*|presence|attend\w*|the signing)\b", re.I)
# Where a signer stands: before the verb ("X signed"), or after "between", "by", "with", "and", with the title or body
# told before the name ("by mayor Daniel Quintero", "and Central Java's Vice-Governor, Mr H. Ali Mufiz")
SIGNER_GAP = re.compile(r"\b(?:between|by|with|and)\s+(?:the\s+)?(?:[A-Za-z.'’-]+,?\s+){0,4}$")


@dataclass(frozen=True)
class Sentence:
    """One sentence of the article: character span and text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Discourse:
    """What the document-level rules read: the article's sentences, mentions and facts so far."""

    sentences: tuple[Sentence, ...]
    mentions: tuple  # of kg.nlp.mentions.Mention
    facts: tuple[dict, ...]

    def sentence_at(self, pos: int) -> int:
        """The number of the sentence holding character ``pos`` (-1 if none)."""
        return next((n for n, s in enumerate(self.sentences) if s.start <= pos < s.end), -1)

    def mentions_in(self, n: int) -> list[int]:
        """The mentions (by index) of sentence ``n``."""
        s = self.sentences[n]
        return [i for i, m in enumerate(self.mentions) if s.start <= m.start < s.end]


@dataclass(frozen=True)
class Amendment:
    """A change to fact number ``fact``: add ``values`` to a list field ("parties", "sectors"), set a
    single field ("date", "of"), fold the facts ``values`` into it ("fold"), or add new facts ("new")."""

    fact: int
    field: str
    values: tuple
    rule: str


@rule("agreement-sectors-told-after", kind="agreement", confidence=0.7)
def sectors_told_after(state: Discourse) -> Iterator[Amendment]:
    """An agreement told without sectors takes the sector list of the next sentences that go on
    about it ("The deals span human rights, agriculture, ..."), up to the next signing."""
    for k, fact in enumerate(state.facts):
        if fact["rel"] != "agreement" or fact["sectors"]:
            continue
        n = state.sentence_at(fact["at"])
        for m in range(n + 1, min(n + 3, len(state.sentences))):
            sent = state.sentences[m]
            if SIGNING.search(sent.text) and not DEAL_SUBJECT.match(sent.text):
                break
            if not DEAL_SUBJECT.match(sent.text):
                continue
            if _signed_by_others(state, m, fact):
                break  # "The deals were inked between A and B on X": the sectors of that part, not of the batch
            sectors = [i for i in state.mentions_in(m) if state.mentions[i].cls == "Sector"
                       and state.mentions[i].rule != "sector-described"]
            if sectors:
                yield Amendment(k, "sectors", tuple(sectors), "agreement-sectors-told-after")
                break


def _signed_by_others(state: Discourse, n: int, fact: dict) -> bool:
    """Whether sentence ``n`` tells a signing of its own by parties other than ``fact``'s."""
    keys = {state.mentions[i].key for i in fact["parties"]}
    return any(f["rel"] == "agreement" and f["parties"] and state.sentence_at(f["at"]) == n
               and {state.mentions[i].key for i in f["parties"]} != keys for f in state.facts)


# "Based on this, a roadmap ... was signed": a sentence that opens by pointing back at the one before
BACK_REFERENCE = re.compile(r"^\W*(?:" + "|".join(read_lexicon("back_reference_openers")) + r")\b", re.I)


@rule("agreement-sectors-told-before", kind="agreement", confidence=0.6)
def sectors_told_before(state: Discourse) -> Iterator[Amendment]:
    """"The parties expressed their readiness to develop trade, transport, ... ties. Based on this, a roadmap
    ... was signed": a signing told without sectors in a sentence that points back takes the sentence before's."""
    for k, fact in enumerate(state.facts):
        if fact["rel"] != "agreement" or fact["sectors"]:
            continue
        n = state.sentence_at(fact["at"])
        if n < 1 or not BACK_REFERENCE.match(state.sentences[n].text):
            continue
        sectors = [i for i in state.mentions_in(n - 1) if state.mentions[i].cls == "Sector"
                   and state.mentions[i].rule != "sector-described"]
        if sectors:
            yield Amendment(k, "sectors", tuple(sectors), "agreement-sectors-told-before")


@rule("agreement-signer-body", kind="agreement", confidence=0.7)
def signer_body(state: Discourse) -> Iterator[Amendment]:
    """"Malam Uba Sani, the Governor of Kaduna State, ... signing a MoU with Hebei": the signer's
    body is a party. A signer is a person before the signing verb or after "between", "by" or "with"."""
    posts: dict[str, int] = {}
    for f in state.facts:
        if f["rel"] == "post" and f["of"] is not None and state.mentions[f["of"]].cls in PARTY:
            posts.setdefault(state.mentions[f["person"]].key, f["of"])
    if not posts:
        return
    containing: dict[str, set[str]] = {}  # a place -> the places the article puts in it
    for f in state.facts:
        if f["rel"] == "locatedIn" and f.get("place") is not None and f.get("in") is not None:
            containing.setdefault(state.mentions[f["in"]].key, set()).add(state.mentions[f["place"]].key)
    # "by Mr Beattie": a signer told by surname, where one post holder of the article bears it
    surnames: dict[str, list[int]] = {}
    for name, body in posts.items():
        surname = _surname(name)
        if surname:
            surnames.setdefault(surname, []).append(body)
    posts.update({surname: bodies[0] for surname, bodies in surnames.items()
                  if len(bodies) == 1 and surname not in posts})
    for k, fact in enumerate(state.facts):
        if fact["rel"] != "agreement" or len(fact["parties"]) >= 2:
            continue
        n = state.sentence_at(fact["at"])
        if n < 0:
            continue
        sent = state.sentences[n]
        verb = SIGNING.search(sent.text)
        if verb is None or WITNESSED.search(sent.text):
            continue  # "Lin witnessed the signing of the agreement with Huang, vice president of CSCEC"
        verb_at = sent.start + verb.start()
        bodies = []
        for i in state.mentions_in(n):
            m = state.mentions[i]
            if m.cls not in PERSON_CLASSES or m.key not in posts:
                continue
            before = state.mentions[i].start < verb_at
            if before or SIGNER_GAP.search(sent.text[:m.start - sent.start]):
                body = posts[m.key]
                keys = {state.mentions[p].key for p in fact["parties"]}
                if body not in fact["parties"] and state.mentions[body].key not in keys and \
                        not keys & containing.get(state.mentions[body].key, set()):
                    bodies.append(body)  # "Kaua'i County of Hawaii Mayor": the place a party is in is no party
        if bodies:
            yield Amendment(k, "parties", tuple(dict.fromkeys(bodies)), "agreement-signer-body")


# "The MOU was signed on 19 March 2022 at ...", "The agreement, which ..., was signed": the deal told before
RETELLING = re.compile(r"^\W*(?:The|This|That)\s+(?:[\w-]+\s+){0,2}?(?:agreement|deal|MoU|MOU|memorandum|pact|accord|"
                       r"contract|letter of intent)\b(?!s)(?:[^.;]{0,160}?)\b(?:was|were|has been|had been|is)\s+"
                       r"(?:\w+\s+)?(?:signed|inked|sealed)\b")
# "Under the freshly-signed MoU", "the newly signed agreement": a participle before the deal names one told already
SIGNED_DEAL = re.compile(r"\b(?:the|its|their|this|freshly|newly|recently|already)[\s-]+(?:signed|inked|sealed)\s+"
                         r"(?:agreement|deal|MoU|MOU|memorandum|pact|accord|contract)\b(?!s)", re.I)
# "The two parties signed the MoU with the aim of ...": the one deal told before, signed again in the telling
SIGNED_THE_DEAL = re.compile(r"\b(?:signed|inked|sealed)\s+(?:the|this|that)\s+(?:[\w-]+\s+){0,2}?(?:agreement|deal|MoU|MOU|"
                             r"MoA|memorandum|pact|accord|contract|letter of intent|LoI)\b(?!s)")
# "The signed agreements serve as a testament", "the deals signed": a batch told before
SIGNED_DEALS = re.compile(r"\b(?:the|these|those)\s+(?:(?:freshly|newly|recently)[\s-]+)?(?:signed|inked|sealed)\s+"
                          r"(?:agreements|deals|MoUs|MOUs|memoranda|memorandums|pacts|accords|contracts)\b", re.I)
# "The signing of the MoU is a very important step", "With the signing of the pact", "The MoU signing came during a
# meeting": the signing told before
SIGNING_OF_THE_DEAL = re.compile(r"\b(?:the|its|this)\s+(?:signing\s+of\s+(?:the|this|that|their)\s+(?:[\w-]+\s+){0,2}?"
                                 r"(?:agreement|deal|MoU|MOU|MoA|MOA|memorandum|pact|accord|contract|letter of intent|"
                                 r"LoI)\b(?!s)|(?:agreement|deal|MoU|MOU|MoA|MOA|memorandum|pact|accord|contract)\s+"
                                 r"signing\b(?!\s+ceremonies))", re.I)
# "The 38 agreements signed by the northern city cover ...": the batch told before, now counted
COUNTED_DEALS = re.compile(r"^\W*(?:The|These|Those|All)\s+(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|"
                           r"eleven|twelve)\s+(?:[\w-]+\s+){0,2}?(?:agreements|deals|MoUs|MOUs|memoranda|memorandums|"
                           r"pacts|accords|contracts|documents)\b")
_FILLS = ("count", "values", "signedAt", "date", "sectors", "parties")


@rule("agreement-definite-retelling", kind="agreement", confidence=0.7)
def definite_retelling(state: Discourse) -> Iterator[Amendment]:
    """"The MOU was signed on 19 March 2022 at India-Japan Economic Forum": the agreement told before,
    now with its date and occasion. Folds into the last earlier single agreement whose parties it does
    not contradict."""
    for k, fact in enumerate(state.facts):
        if fact["rel"] != "agreement":
            continue
        n = state.sentence_at(fact["at"])
        told = state.sentences[n].text if n >= 0 else ""
        if (fact["count"] or 1) != 1 or not (RETELLING.match(told) or SIGNED_DEAL.search(told)
                                              or SIGNING_OF_THE_DEAL.search(told)
                                              or (SIGNED_THE_DEAL.search(told) and not OWN_TIME.search(told))):
            counted = (fact["count"] or 1) > 1 and COUNTED_DEALS.match(told)
            if (fact["count"] is None and SIGNED_DEALS.search(told)) or counted:  # "The signed agreements serve as ..."
                batches = [j for j, f in enumerate(state.facts[:k]) if f["rel"] == "agreement"
                           and ((f["count"] or 1) > 1 if not counted else f["count"] in (None, fact["count"]))
                           and f["at"] < fact["at"]]
                if batches and (not fact["parties"] or {state.mentions[p].key for p in fact["parties"]} & {
                        state.mentions[p].key for p in state.facts[batches[-1]]["parties"]}
                        or not state.facts[batches[-1]]["parties"]):
                    yield Amendment(batches[-1], "fold", (k,), "agreement-definite-retelling")
            continue
        earlier = [j for j, f in enumerate(state.facts[:k]) if f["rel"] == "agreement" and (f["count"] or 1) == 1
                   and f["at"] < fact["at"]]
        if not earlier:
            continue
        j = earlier[-1]
        target = state.facts[j]
        keys = {state.mentions[p].key for p in target["parties"]}
        if fact["parties"] and target["parties"] and not {state.mentions[p].key for p in fact["parties"]} & keys \
                and not fact.get("sides_told_before") and "agreement-signer-body" not in fact.get("rules", ()):
            # "The second MOU was between C and D": another deal; but "the two parties" are any told before, and
            # "The MoU was signed by Nara Lokesh, Minister for HRD" names a signer's unit, not another party
            continue
        yield Amendment(j, "fold", (k,), "agreement-definite-retelling")


# A sentence that goes on about the pair's cooperation: "the two sides will step up exchanges in the fields of ..."
PAIR_TALK = re.compile(r"\b(?:the two (?:sides|parties|cities|regions|provinces|states|countries|localities|chambers|"
                       r"ports|organi[sz]ations|companies|governments)|both (?:sides|parties|cities|regions|countries)|"
                       r"(?:the|this|these) (?:[\w-]+ ){0,2}?(?:agreements?|deals?|MoUs?|MOUs?|memorand\w*|pacts?|"
                       r"arrangements?|partnerships?|cooperation|collaboration|relationship|twinning)|"
                       r"(?:cooperat\w*|collaborat\w*|partnership|exchanges|bilateral relations)\b)", re.I)
DEAL_NOUN = re.compile(r"\b(?:agreements?|deals?|MoUs?|MOUs?|memorand\w*|pacts?|accords?|arrangements?|"
                       r"letters? of intent|LoIs?)\b", re.I)
WINDOW = 6  # sentences a signing stays open for what is told of it
# "wants to prevent it by signing this deal": a deal told before, pointed at
THIS_DEAL = re.compile(r"\b(?:this|that|these|those)\s+(?:[\w-]+\s+){0,2}?" + DEAL_NOUN.pattern.removeprefix(r"\b"), re.I)


@rule("cooperation-sectors-of-the-pair", kind="cooperation", confidence=0.6)
def sectors_of_the_pair(state: Discourse) -> Iterator[Amendment]:
    """A sector list told of "the two sides" or of "the MoU" a few sentences after a signing of two
    parties belongs to their cooperation (and to the agreement when the deal is named)."""
    pairs = [(k, f) for k, f in enumerate(state.facts) if f["rel"] in ("agreement", "cooperation")
             and 2 <= len({state.mentions[p].key for p in f["parties"]}) <= 3]
    if not pairs:
        return
    for n, sent in enumerate(state.sentences):
        here = state.mentions_in(n)
        sectors = tuple(i for i in here if state.mentions[i].cls == "Sector" and state.mentions[i].rule != "sector-described")
        if not sectors or not PAIR_TALK.search(sent.text):
            continue
        lo, hi = min(state.mentions[i].start for i in sectors), max(state.mentions[i].end for i in sectors)
        named = {state.mentions[i].key for i in here if state.mentions[i].cls in PARTY
                 and not lo <= state.mentions[i].start < hi}  # a name inside the list is a field the NER misread
        own = {f["rel"] for f in state.facts if f["rel"] in ("agreement", "cooperation")
               and state.sentence_at(f["at"]) == n and f["sectors"]}
        if "agreement" in own:
            continue  # the sentence's own signing took its sectors
        before = [(k, f) for k, f in pairs if n - WINDOW <= state.sentence_at(f["at"]) <= n]
        if not before:
            continue
        k, fact = before[-1]
        deals = [(j, f) for j, f in before if f["rel"] == "agreement"]
        if deals and (DEAL_NOUN.search(sent.text) or n > 0 and DEAL_SUBJECT.match(state.sentences[n - 1].text)
                      and DEAL_NOUN.search(state.sentences[n - 1].text)):
            # "This agreement facilitates cooperation in areas such as IT, ...": the deal's sectors, though a
            # cooperation of the pair was told after it or the sentence's own cooperation took them too; also
            # told right after a sentence about the deal ("The MOU also aims to strengthen bonds of friendship,
            # collaboration and cooperation. Some of the key areas in which cooperation will take place are ...")
            j, deal = deals[-1]
            keys = {state.mentions[p].key for p in deal["parties"]}
            if not set(sectors) <= set(deal["sectors"]) and not (named - keys and len(named) >= 2):
                yield Amendment(j, "sectors", sectors, "cooperation-sectors-of-the-pair")
        if own or set(sectors) <= set(fact["sectors"]):
            continue  # told of already: by the sentence's own cooperation, or "agreement-sectors-told-after"
        keys = {state.mentions[p].key for p in fact["parties"]}
        if _others_named(named, keys):
            continue  # other parties are named: not this pair's
        coop = next((j for j, f in enumerate(state.facts) if f["rel"] == "cooperation"
                     and {state.mentions[p].key for p in f["parties"]} == keys), None)
        for j in _places_of_the_bodies(state, fact["parties"]):
            if j != coop:
                yield Amendment(j, "sectors", sectors, "cooperation-sectors-of-the-pair")
        if coop is not None:
            yield Amendment(coop, "sectors", sectors, "cooperation-sectors-of-the-pair")
        else:
            yield Amendment(-1, "new", ({"rel": "cooperation", "parties": list(fact["parties"]), "sectors": list(sectors),
                                         "rule": "cooperation-sectors-of-the-pair", "confidence": 0.6,
                                         "at": sent.start},), "cooperation-sectors-of-the-pair")


# "Then ...", "Also ...", "Lastly, ...", "Finally, ...": a sentence that goes on with the list the ones before began
LIST_OPENER = re.compile(r"^\W*(?:" + "|".join(read_lexicon("list_openers")) + r")\b(?!-)", re.I)


@rule("cooperation-sectors-listed-on", kind="cooperation", confidence=0.6)
def sectors_listed_on(state: Discourse) -> Iterator[Amendment]:
    """"... will cooperate with the Changchun ... Zone on advanced equipment manufacturing. This is led by new energy
    automobiles ... Also the biomedical health industry comprises ... Lastly, it includes the electronic information
    sector": a sentence that opens by going on with a list, tells no cooperation of its own and names no other
    parties, adds its fields to the cooperation that holds the fields of the nearest sentence before (up to three
    back) whose fields a cooperation holds."""
    held = [(k, f) for k, f in enumerate(state.facts) if f["rel"] == "cooperation" and f["sectors"]]
    if not held:
        return
    told_in = {state.sentence_at(f["at"]) for f in state.facts if f["rel"] in ("agreement", "cooperation")}
    for n, sent in enumerate(state.sentences):
        if n == 0 or n in told_in or not LIST_OPENER.match(sent.text):
            continue
        here = state.mentions_in(n)
        sectors = tuple(i for i in here if state.mentions[i].cls == "Sector" and state.mentions[i].rule != "sector-described")
        if not sectors:
            continue
        named = {state.mentions[i].key for i in here if state.mentions[i].cls in PARTY}
        for m in range(n - 1, max(n - 4, -1), -1):
            before = set(state.mentions_in(m))
            holders = [(k, f) for k, f in held if before & set(f["sectors"])]
            if not holders:
                continue
            for k, f in holders:
                if not set(sectors) <= set(f["sectors"]) and \
                        not _others_named(named, {state.mentions[p].key for p in f["parties"]}):
                    yield Amendment(k, "sectors", sectors, "cooperation-sectors-listed-on")
            break


@rule("agreement-parties-told-after", kind="agreement", confidence=0.6)
def parties_told_after(state: Discourse) -> Iterator[Amendment]:
    """"attended the signing ceremony of an agreement to establish a new industrial estate ... The estate will be a
    joint project between A and B"; "signed cooperation agreements with two zones from Jilin ... According to the
    agreements, the Xi'an high-tech zone will cooperate with the Changchun ... Zone": a signing told without its
    partner takes the pair of the first cooperation told after it, in the very next sentence or in one that names
    the deal, when that pair holds the signing's own party; another signing told first ends the search."""
    open_deals = [k for k, f in enumerate(state.facts) if f["rel"] == "agreement" and len(f["parties"]) < 2]
    if not open_deals:
        return
    by_sentence: dict[int, list[dict]] = {}  # the facts told in each sentence, read once
    for f in state.facts:
        by_sentence.setdefault(state.sentence_at(f["at"]), []).append(f)
    for k in open_deals:
        fact = state.facts[k]
        n = state.sentence_at(fact["at"])
        if n < 0 or THIS_DEAL.search(state.sentences[n].text):
            continue  # "signing this deal": the deal told before, whose parties are told with it
        keys = {state.mentions[p].key for p in fact["parties"]}
        for m in range(n + 1, min(n + WINDOW, len(state.sentences))):
            told = by_sentence.get(m, [])
            if any(f["rel"] == "agreement" for f in told):
                break  # a signing of its own: what follows is told of it
            pair = next((f["parties"] for f in told if f["rel"] == "cooperation" and len(f["parties"]) == 2), None)
            if pair is None:
                continue
            named = {state.mentions[p].key for p in pair}
            if (m == n + 1 and fact.get("new") or DEAL_NOUN.search(state.sentences[m].text)) and keys < named:
                yield Amendment(k, "parties", tuple(p for p in pair if state.mentions[p].key not in keys),
                                "agreement-parties-told-after")
            break


def _surname(name: str) -> str | None:
    """The word a person is called by after a title ("Mr Beattie"): the last of the name that is no initial,
    "Jr." or post-nominal ("Bernard P. Carvalho Jr." is Carvalho); None for a one-word name."""
    return next((w for w in reversed(name.split()[1:]) if not w.endswith(".") and w not in _POST_NOMINALS), None)


def _others_named(named: set[str], keys: set[str]) -> bool:
    """Whether a sentence that names the parties ``named`` tells of others than the pair ``keys``: it names one
    not of the pair and does not name both of the pair ("Secretary of Bac Ninh's Party Committee ... said the MoU
    will help open up cooperation opportunities in investment", said of Bac Ninh and Gyeongsangbuk, is the pair's)."""
    return bool(named - keys) and len(named) >= 2 and not keys <= named


def _places_of_the_bodies(state: Discourse, parties: list[int]) -> list[int]:
    """The cooperations of two places whose sides are the pair's signers or their bodies: "The Accra Metropolitan
    Assembly has signed a cooperation agreement with the City of Cape Town ... The two cities" (Accra, Cape Town)."""
    names = [state.mentions[p].key.lower() for p in parties]
    found = []
    for j, f in enumerate(state.facts):
        if f["rel"] != "cooperation" or len(f["parties"]) != 2 or \
                not all(state.mentions[p].cls in PLACES for p in f["parties"]):
            continue
        places = [state.mentions[p].key.lower() for p in f["parties"]]
        if places == names or places[::-1] == names or len(names) != 2:
            continue
        if any(all(re.search(r"\b%s\b" % re.escape(place), name) for place, name in zip(order, names))
               for order in (places, places[::-1])):
            found.append(j)
    return found


# "the first of which was with A and B", "The second, relating to oil storage, was signed with C", "the third ...
# with D": the parts of a batch, each told with its partner
ORDINAL_PART = re.compile(r"\b(?:the|The)\s+(?:first|second|third|fourth|fifth|sixth|last)\b")
PARTNER_AFTER = re.compile(r"\b(?:with|partnered with)\s+(?:the\s+)?(?:[A-Z][\w.-]*(?:\s[A-Z][\w.-]*)?['’]s\s+)?$")
LIST_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?")


@rule("agreement-listed-parts", kind="agreement", confidence=0.6)
def listed_parts(state: Discourse) -> Iterator[Amendment]:
    """"OQ Group signed three of the agreements, the first of which was with ACWA Power and Air Products in the
    fields of petrochemicals ... The second ... was signed with Saudi Aramco, and the third ... with SABIC": each
    part a batch's signer (its first party; the first part's partner may be a party of the batch too) lists with its
    partner is a deal of the two, with the sectors told of it."""
    for k, fact in enumerate(state.facts):
        if fact["rel"] != "agreement" or (fact["count"] or 1) < 2 or not fact["parties"]:
            continue
        n = state.sentence_at(fact["at"])
        if n < 0:
            continue
        signer = fact["parties"][0]
        taken: list[int] = []
        for m in range(n, min(n + 3, len(state.sentences))):
            sent = state.sentences[m]
            if m > n and not ORDINAL_PART.match(sent.text.lstrip()):
                break
            cuts = [p.start() for p in ORDINAL_PART.finditer(sent.text)]
            here = state.mentions_in(m)
            for a, b in zip(cuts, cuts[1:] + [len(sent.text)]):
                lo, hi = sent.start + a, sent.start + b
                inside = [i for i in here if lo <= state.mentions[i].start < hi]
                partners: list[int] = []
                for i in inside:
                    mention = state.mentions[i]
                    if mention.cls not in PARTY or re.match(r"['’]s\b", sent.text[mention.end - sent.start:]):
                        continue  # "with Angola's National Fuel Society": the owner is no partner
                    gap_from = state.mentions[partners[-1]].end if partners else lo
                    gap = state.sentences[m].text[gap_from - sent.start:mention.start - sent.start]
                    if (partners and LIST_JOIN.fullmatch(gap)) or (not partners and PARTNER_AFTER.search(gap)):
                        partners.append(i)
                    elif partners:
                        break
                partners = [i for i in partners if state.mentions[i].key != state.mentions[signer].key]
                if not partners:
                    continue
                sectors = [i for i in inside if state.mentions[i].cls == "Sector"
                           and state.mentions[i].rule != "sector-described"]
                taken += sectors
                yield Amendment(-1, "new", ({"rel": "agreement", "parties": [signer, *partners], "count": 1,
                                             "values": [], "signedAt": fact["signedAt"], "date": fact["date"],
                                             "sectors": sectors, "one_each": False, "rule": "agreement-listed-parts",
                                             "confidence": 0.6, "at": sent.start},), "agreement-listed-parts")
        if taken:
            yield Amendment(k, "drop_sectors", tuple(taken), "agreement-listed-parts")


# "An $80-million agreement with China Telecom Group Best Tone Information Co. Ltd. to import food": a part of a batch
# listed after a colon, an indefinite deal with its partner (the name right after "with" or "between")
LISTED_ITEM = re.compile(r"^\W*(?:An?|One)\s+(?:[\w$.,-]+\s+){0,3}?(?i:" + "|".join(read_lexicon("agreement_nouns")) +
                         r")\s+(?:with|between)\s+(?:the\s+)?")  # the nouns as the lexicon says, in any case


@rule("agreement-listed-items", kind="agreement", confidence=0.6)
def listed_items(state: Discourse) -> Iterator[Amendment]:
    """"Wing On New Group Canada Inc. signed three agreements totaling $230 million, including: A $100-million
    agreement with JD.com to ...": each item a batch's one signer lists after a colon is a deal of the signer and the
    item's partner, worth the item's first amount; the items end at the batch's count or at another signing. The batch
    stays (count 3, $230 million): GUIDELINES.md makes a batch one signing and each item another, and the gold of the
    article this was made for (train tr_na_1) holds the batch and its three items, so the graph holds 1 + 3, no double
    count."""
    for k, fact in enumerate(state.facts):
        if fact["rel"] != "agreement" or (fact["count"] or 1) < 2 or len(fact["parties"]) != 1:
            continue
        n = state.sentence_at(fact["at"])
        if n < 0 or not state.sentences[n].text.rstrip().endswith(":"):
            continue
        signer = fact["parties"][0]
        items = 0
        for m in range(n + 1, min(n + 2 * fact["count"] + 1, len(state.sentences))):
            sent = state.sentences[m]
            item = LISTED_ITEM.match(sent.text)
            if item is None:
                if SIGNING.search(sent.text):
                    break  # "Hydrogenics signed four ... agreements": the list is over
                continue  # an item's second sentence
            at = sent.start + item.end()
            partner = next((i for i in state.mentions_in(m) if state.mentions[i].start == at
                            and state.mentions[i].cls in PARTY), None)
            if partner is None or state.mentions[partner].key == state.mentions[signer].key:
                continue
            values = [(x.amount, x.currency, x.text) for x in find_money(sent.text)][:1]
            yield Amendment(-1, "new", ({"rel": "agreement", "parties": [signer, partner], "count": 1, "values": values,
                                         "signedAt": fact["signedAt"], "date": None, "sectors": [], "one_each": False,
                                         "rule": "agreement-listed-items", "confidence": 0.6, "at": sent.start},),
                            "agreement-listed-items")
            items += 1
            if items == fact["count"]:
                break


# A time of its own: "in 1984", "last year", "since 2016", "in September 2018", "earlier"
OWN_TIME = re.compile(r"\b(?:1[89]\d\d|20\d\d|last|previous|earlier|ago|since|former|past|next|later|upcoming)\b", re.I)


@rule("agreement-date-of-the-occasion", kind="agreement", confidence=0.6)
def date_of_the_occasion(state: Discourse) -> Iterator[Amendment]:
    """Deals an article lists from one occasion share its day: where the dated signings all say the same
    date, an undated one takes it, unless its own sentence gives another time ("signed in 1984")."""
    dates = {f["date"] for f in state.facts if f["rel"] == "agreement" and f["date"]}
    if len(dates) != 1:
        return
    (date,) = dates
    for k, fact in enumerate(state.facts):
        if fact["rel"] != "agreement" or fact["date"] or fact["signedAt"] is not None:
            continue  # a deal signed at a fair or summit has that event's days, which may be several
        n = state.sentence_at(fact["at"])
        if n >= 0 and not OWN_TIME.search(state.sentences[n].text):
            yield Amendment(k, "date", (date,), "agreement-date-of-the-occasion")


@rule("post-shared-body", kind="post", confidence=0.7)
def shared_body(state: Discourse) -> Iterator[Amendment]:
    """"Singapore Prime Minister Lawrence Wong and Foreign Minister Vivian Balakrishnan": a post told
    without its body right after another's, joined by "and", is of the same body."""
    posts = sorted((state.mentions[f["person"]].start, k) for k, f in enumerate(state.facts) if f["rel"] == "post")
    for (start_a, a), (start_b, b) in zip(posts, posts[1:]):
        first, second = state.facts[a], state.facts[b]
        if second["of"] is not None or first["of"] is None or state.mentions[first["of"]].cls not in PLACES:
            continue
        n = state.sentence_at(start_b)
        if n < 0 or n != state.sentence_at(start_a):
            continue
        sent = state.sentences[n]
        gap = sent.text[state.mentions[first["person"]].end - sent.start:start_b - sent.start]
        if re.fullmatch(r"\s*(?:,\s*)?and\s+(?:[A-Z][\w-]*\s+){1,4}", gap):
            yield Amendment(b, "of", (first["of"],), "post-shared-body")


@rule("investment-target-told-before", kind="investment", confidence=0.55)
def target_told_before(state: Discourse) -> Iterator[Amendment]:
    """"Various companies have offered an investment of 10000 crores ... to Kerala. Offers include DP World
    (3500 crore), RP Group (1000 crore) ...": the parts of a total told just before go where the total goes.
    A part names its investor and an amount below the total's, in the same currency."""
    for k, fact in enumerate(state.facts):
        if fact["rel"] != "investment" or fact.get("target") is not None or fact.get("investor") is None \
                or not fact.get("values"):
            continue
        n = state.sentence_at(fact["at"])
        totals = [f for f in state.facts[:k] if f["rel"] == "investment" and f.get("target") is not None
                  and f.get("values") and n - 1 <= state.sentence_at(f["at"]) <= n]
        if not totals:
            continue
        total = totals[-1]
        ceiling = {}
        for amount, currency, _ in total["values"]:
            ceiling[currency] = max(amount, ceiling.get(currency, 0))
        if all(currency in ceiling and amount < ceiling[currency] for amount, currency, _ in fact["values"]) and \
                state.mentions[total["target"]].key != state.mentions[fact["investor"]].key:
            yield Amendment(k, "target", (total["target"],), "investment-target-told-before")


def _fold(into: dict, other: dict) -> None:
    for field in _FILLS:
        if field == "parties" and len(into["parties"]) >= 2:
            continue  # the signing named its parties; a retelling's "the two sides" adds none
        if field in ("sectors", "parties"):
            into[field] = sorted(set(into[field]) | set(other[field]))
        elif field == "values":
            into[field] = into[field] or other[field]
        else:
            into[field] = into[field] if into[field] is not None else other[field]
    into["also_at"] = [*into.get("also_at", ()), other["at"], *other.get("also_at", ())]


# Single fields an amendment sets, where others add to a list: a date, a body, a target, and the marks
# of what a sentence implies (kg.nlp.rules.implicit)
_SET_FIELDS = {"date", "of", "target", "signerAnaphor", "partnerNamed", "acquisition", "homeTarget", "targetAnaphor"}


def assemble(sentences: list[Sentence], mentions: list, facts: list[dict]) -> list[dict]:
    """Apply the document-level rules to the sentence-level ``facts``, then the final marks; return the
    completed facts."""
    state = Discourse(tuple(sentences), tuple(mentions), tuple(facts))
    out = [dict(f) for f in facts]
    folded: dict[int, int] = {}  # a fact folded into another: where it went
    for level in ("document", "final"):
        for kind in ("agreement", "cooperation", "post", "investment"):
            for r in rules_for(kind, level):
                for change in list(r.func(state)):  # a rule reads the state as it was, not its own amendments
                    _amend(out, folded, change)
                state = Discourse(state.sentences, state.mentions, tuple(dict(f) for f in out))
    return [f for k, f in enumerate(out) if k not in folded]


def _amend(out: list[dict], folded: dict[int, int], change: Amendment) -> None:
    if change.field == "new":
        out.extend(dict(f) for f in change.values)
        return
    target = change.fact
    while change.field == "fold" and target in folded:  # folded already: its retellings go where it went
        target = folded[target]
    fact = out[target]
    if change.field == "fold":
        for k in change.values:
            if k not in folded and k != target:
                _fold(fact, out[k])
                folded[k] = target
    elif change.field == "drop_sectors":  # the sectors told of a part, not of the whole batch
        fact["sectors"] = [i for i in fact["sectors"] if i not in change.values]
    elif change.field in _SET_FIELDS:
        fact[change.field] = change.values[0]
    else:
        fact[change.field] = sorted(set(fact[change.field]) | set(change.values))
    if change.rule not in fact.get("rules", ()):
        fact["rules"] = [*fact.get("rules", ()), change.rule]
