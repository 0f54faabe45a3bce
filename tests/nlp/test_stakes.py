"""Stakes as investments, on real sentences from BBC business news (2005)."""
from pathlib import Path

import pytest

from tests.nlp.test_facts import facts, of_rel


def investments(nlp, text):
    return sorted((f["investor"], f["target"]) for f in of_rel(facts(nlp, text, "2005-02-14"), "investment"))


@pytest.mark.parametrize("text,expected", [
    # sold B a stake: B holds part of the seller
    ("Fiat had sold GM a stake in 2000, as part of a partnership agreement.", [("GM", "Fiat")]),
    ("Australian brewer Fosters has bought a large stake in Australian winemaker Southcorp, sparking rumours "
     "of a possible takeover.", [("Fosters", "Southcorp")]),
    ("Madrid-based Ferrovial already holds a 33% stake in Tube Lines, which maintains the Jubilee, Northern "
     "and Piccadilly lines.", [("Ferrovial", "Tube Lines")]),
    # the company the stake is in, named before: "in which"
    ("Ferrari, in which Fiat owns a majority stake, could be separately floated on the stock market in either "
     "2006 or 2007.", [("Fiat", "Ferrari")]),
    # a swap: each holds part of the other
    ("Instead, GM swapped a 6% stake in itself for 20% of Fiat - and gave Fiat a \"put option\" to sell GM the "
     "rest of the car maker between January 2004 and July 2009.", [("Fiat", "GM"), ("GM", "Fiat")]),
    ("Conservatives in parliament say Turkcell's stake in Irancell, the new network, should be cut from 70% "
     "to 49%.", [("Turkcell", "Irancell")]),
])
def test_stakes_held_or_bought(nlp, text, expected):
    assert investments(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "If Barclays buys a stake in Absa it will be one of the largest foreign investments in South Africa in recent years.",
    "General Motors has not bought a stake in Fiat.",
    "General Motors's plan to buy a stake in Fiat collapsed.",
    "To help finance the expansion the company may sell a 25% stake to an investor for about $50m.",
    "Meanwhile, Nanjing Auto is in negotiations with Rover and SAIC to take a 20% stake in the joint venture.",
    # whose stake, in what: not said
    "The relationship soured further after Fiat sold half its finance arm and recapitalised in 2003, halving GM's "
    "stake to 10%.",
])
def test_stakes_planned_or_unplaced_are_none(nlp, text):
    assert investments(nlp, text) == []


BBC_341 = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "bbc" / "business" / "341.txt"


@pytest.mark.skipif(not BBC_341.is_file(), reason="needs ../shared/corpus/bbc")
def test_stakes_a_stake_named_before_is_not_in_the_seller(nlp):
    """"Jarvis sells Tube stake to Spain" (BBC business/341's headline): the stake is in what "Tube" names, so
    the seller is no target, and "Spain" no investor of it."""
    found = investments(nlp, BBC_341.read_text(encoding="utf-8"))
    assert found and all(target != "Jarvis" for _, target in found)


def test_stakes_governing_verb_of_the_word_at_a_character(nlp):
    # the word at a character is found by bisection of the token offsets (kg.nlp.columns.token_at)
    from kg.nlp.stakes import _governing_verb

    text = "Fiat had sold GM a stake in 2000, as part of a partnership agreement."
    doc = nlp(text)
    assert _governing_verb(doc, text.index("stake") + 2).text == "sold"
    assert _governing_verb(doc, text.index("sold") + 1).text == "sold"  # a verb is its own ("had" is before it)
    assert _governing_verb(doc, text.index("stake") - 1) is None  # a space: no word there
