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

from . import rule, rules_for

PARTY = ("City", "Region", "Country", "District", "Agency", "Company", "Organization")
# A sentence that goes on about the deal just told: "The MoU aims ...", "The deals span ...", "It covers ..."
DEAL_SUBJECT = re.compile(r"^\W*(?:(?:The|This|These|Those|Both|Such|Each|All|Its|Their)\s+(?:[\w-]+\s+){0,3}?"
                          r"(?:agreements?|deals?|MoUs?|MOUs?|memorand\w*|pacts?|accords?|contracts?|projects?|"
                          r"documents?|partnership|cooperation|letters? of intent)|It|They)\b")
SIGNING = re.compile(r"\b(?:sign(?:ed|s|ing)?|ink(?:ed|s)?|seal(?:ed|s)?)\b", re.I)
WITNESSED = re.compile(r"\b(?:witness\w*|presence|attend\w*|the signing)\b", re.I)
# Where a signer stands: before the verb ("X signed"), or after "between", "by", "with"
SIGNER_GAP = re.compile(r"\b(?:between|by|with|and)\s+(?:the\s+)?(?:[A-Za-z.'’-]+\s+){0,4}$")  # "by mayor Daniel Quintero"


@dataclass(frozen=True)
class Sentence:
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
        return next((n for n, s in enumerate(self.sentences) if s.start <= pos < s.end), -1)

    def mentions_in(self, n: int) -> list[int]:
        s = self.sentences[n]
        return [i for i, m in enumerate(self.mentions) if s.start <= m.start < s.end]


@dataclass(frozen=True)
class Amendment:
    """Add ``values`` to the field ``field`` of fact number ``fact``."""

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
            sectors = [i for i in state.mentions_in(m) if state.mentions[i].cls == "Sector"]
            if sectors:
                yield Amendment(k, "sectors", tuple(sectors), "agreement-sectors-told-after")
                break


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
    for k, fact in enumerate(state.facts):
        if fact["rel"] != "agreement" or len(fact["parties"]) >= 2:
            continue
        n = state.sentence_at(fact["at"])
        sent = state.sentences[n]
        verb = SIGNING.search(sent.text)
        if verb is None or WITNESSED.search(sent.text):
            continue  # "Lin witnessed the signing of the agreement with Huang, vice president of CSCEC"
        verb_at = sent.start + verb.start()
        bodies = []
        for i in state.mentions_in(n):
            m = state.mentions[i]
            if m.cls not in ("Person", "Official") or m.key not in posts:
                continue
            before = state.mentions[i].start < verb_at
            if before or SIGNER_GAP.search(sent.text[:m.start - sent.start]):
                body = posts[m.key]
                if body not in fact["parties"] and state.mentions[body].key not in {
                        state.mentions[p].key for p in fact["parties"]}:
                    bodies.append(body)
        if bodies:
            yield Amendment(k, "parties", tuple(dict.fromkeys(bodies)), "agreement-signer-body")


# "The MOU was signed on 19 March 2022 at ...", "The agreement, which ..., was signed": the deal told before
RETELLING = re.compile(r"^\W*(?:The|This|That)\s+(?:[\w-]+\s+){0,2}?(?:agreement|deal|MoU|MOU|memorandum|pact|accord|"
                       r"contract|letter of intent)\b(?!s)(?:[^.;]{0,160}?)\b(?:was|were|has been|had been|is)\s+"
                       r"(?:\w+\s+)?(?:signed|inked|sealed)\b")
_FILLS = ("count", "values", "signedAt", "date", "sectors", "parties")


@rule("agreement-definite-retelling", kind="agreement", confidence=0.7)
def definite_retelling(state: Discourse) -> Iterator[Amendment]:
    """"The MOU was signed on 19 March 2022 at India-Japan Economic Forum": the agreement told before,
    now with its date and occasion. Folds into the last earlier single agreement whose parties it does
    not contradict."""
    for k, fact in enumerate(state.facts):
        if fact["rel"] != "agreement" or (fact["count"] or 1) != 1:
            continue
        n = state.sentence_at(fact["at"])
        if n < 0 or not RETELLING.match(state.sentences[n].text):
            continue
        earlier = [j for j, f in enumerate(state.facts[:k]) if f["rel"] == "agreement" and (f["count"] or 1) == 1
                   and f["at"] < fact["at"]]
        if not earlier:
            continue
        j = earlier[-1]
        target = state.facts[j]
        keys = {state.mentions[p].key for p in target["parties"]}
        if fact["parties"] and target["parties"] and not {state.mentions[p].key for p in fact["parties"]} & keys:
            continue  # "The second MOU was between C and D": another deal
        yield Amendment(j, "fold", (k,), "agreement-definite-retelling")


def _fold(into: dict, other: dict) -> None:
    for field in _FILLS:
        if field in ("sectors", "parties"):
            into[field] = sorted(set(into[field]) | set(other[field]))
        elif field == "values":
            into[field] = into[field] or other[field]
        else:
            into[field] = into[field] if into[field] is not None else other[field]
    into["also_at"] = [*into.get("also_at", ()), other["at"], *other.get("also_at", ())]


def assemble(sentences: list[Sentence], mentions: list, facts: list[dict]) -> list[dict]:
    """Apply the document-level rules to the sentence-level ``facts``; return the completed facts."""
    state = Discourse(tuple(sentences), tuple(mentions), tuple(facts))
    out = [dict(f) for f in facts]
    folded: set[int] = set()
    for kind in ("agreement",):
        for r in rules_for(kind):
            for change in r.func(state):
                fact = out[change.fact]
                if change.field == "fold":
                    for k in change.values:
                        if k not in folded and change.fact not in folded:
                            _fold(fact, out[k])
                            folded.add(k)
                else:
                    fact[change.field] = sorted(set(fact[change.field]) | set(change.values))
                fact["rules"] = [*fact.get("rules", ()), change.rule]
            state = Discourse(state.sentences, state.mentions, tuple(f for f in out))
    return [f for k, f in enumerate(out) if k not in folded]
