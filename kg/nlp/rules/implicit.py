"""What a fact's sentence implies without naming it.

"The state signed 18,645 MoUs" names no state: the signer is the article's own
place of that class. "CPCL signed a MoU worth Rs 27,474 crore" at an
investors' meet names no partner: the host signed. "Adani Group committed to
invest Rs 10,000 crore" names no target: the money goes to the article's place.
"acquire a 51% stake in" is a purchase, not a partnership. These rules mark
each assembled fact with what its sentence says of this; entity resolution
(:mod:`kg.extract`) then decides which entity the article's own place is.
They run once every fact is assembled (level ``final``), so the facts that
document-level rules add are marked too.
"""
from __future__ import annotations

import re
from typing import Iterator

from ...lexicons import read_lexicon
from . import rule
from .discourse import Amendment, Discourse

# "the state", "our city": the class of the article's place they stand for
ANAPHOR_CLASS = {"state": "Region", "province": "Region", "city": "City", "country": "Country"}
_NOUNS = "|".join(ANAPHOR_CLASS)
# "the state signed 18,645 MoUs", "our city signed ...": the article's place of that class signed
ANAPHOR_SIGNER = re.compile(rf"\b(?:the|our) ({_NOUNS})\s+(?:\w+\s+){{0,2}}?(?:signed|inked|sealed|clinched|concluded)\b",
                            re.I)
ANAPHOR = re.compile(rf"\b(?:the|our) ({_NOUNS})\b", re.I)  # "in the state": a place of that class
NAMED_PARTNER = re.compile(r"\bwith\s+(?:the\s+)?[A-Z]")  # "signed ... with Tata": the partner is named
# "committed to invest", "will invest ... in the state": an investment in the article's own place
INVESTMENT_AHEAD = re.compile(r"\b(?:will|to|committed|commits|pledged|plans?|agreed|offers?|offered|"
                              r"in the (?:state|city|province))\b")
ACQUISITION = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in read_lexicon("acquisition_words")) + r")\b", re.I)


def _sentence_of(state: Discourse, fact: dict) -> str:
    n = state.sentence_at(fact["at"])
    return state.sentences[n].text if n >= 0 else ""


@rule("agreement-signer-anaphor", kind="agreement", confidence=0.6, level="final")
def signer_anaphor(state: Discourse) -> Iterator[Amendment]:
    """"the state signed 18,645 MoUs": the signer is the article's place of the anaphor's class."""
    for k, fact in enumerate(state.facts):
        if fact["rel"] == "agreement":
            found = ANAPHOR_SIGNER.search(_sentence_of(state, fact))
            if found:
                yield Amendment(k, "signerAnaphor", (ANAPHOR_CLASS[found.group(1).lower()],), "agreement-signer-anaphor")


@rule("agreement-partner-named", kind="agreement", confidence=0.6, level="final")
def partner_named(state: Discourse) -> Iterator[Amendment]:
    """"signed ... with Tata": the sentence names a partner, so a lone signer did not sign with the host."""
    for k, fact in enumerate(state.facts):
        if fact["rel"] == "agreement" and NAMED_PARTNER.search(_sentence_of(state, fact)):
            yield Amendment(k, "partnerNamed", (True,), "agreement-partner-named")


@rule("agreement-acquisition", kind="agreement", confidence=0.6, level="final")
def acquisition(state: Discourse) -> Iterator[Amendment]:
    """"signed a deal to acquire a 51 % stake": a purchase, whose parties do not cooperate."""
    for k, fact in enumerate(state.facts):
        if fact["rel"] == "agreement" and ACQUISITION.search(_sentence_of(state, fact)):
            yield Amendment(k, "acquisition", (True,), "agreement-acquisition")


@rule("investment-home-target", kind="investment", confidence=0.6, level="final")
def home_target(state: Discourse) -> Iterator[Amendment]:
    """"Adani Group committed to invest Rs 10,000 crore": a pledge with no target is made to the article's
    own place, of the class "the state" or "the city" names if the sentence says one."""
    for k, fact in enumerate(state.facts):
        if fact["rel"] != "investment":
            continue
        text = _sentence_of(state, fact)
        if INVESTMENT_AHEAD.search(text):
            yield Amendment(k, "homeTarget", (True,), "investment-home-target")
            anaphor = ANAPHOR.search(text.lower())
            if anaphor:
                yield Amendment(k, "targetAnaphor", (ANAPHOR_CLASS[anaphor.group(1)],), "investment-home-target")
