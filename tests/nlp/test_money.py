import re
from pathlib import Path

import pytest

from kg.nlp.money import find_money, localize


@pytest.mark.parametrize("text,amount,currency", [
    ("with a planned total investment of $1.66 billion at the Hong Kong-Macao-Shandong Week", 1.66e9, "USD"),
    ("clinching contractual investments of 780 billion yuan (119 billion U.S. dollars)", 780e9, "CNY"),
    ("signed a MoU worth Rs 27,474 crore for a 9 million-tonne new refinery", 274.74e9, "INR"),
    ("Tamil Nadu signed agreements worth over Rs 3 trillion", 3e12, "INR"),
    ("India could spend up to $35bn (£18.8bn) in the aviation market", 35e9, "USD"),
    ("an initial investment of $6.5m.", 6.5e6, "USD"),
    ("HK$2 billion", 2e9, "HKD"),
    ("100 million euros", 1e8, "EUR"),
    ("RM2.5 billion", 2.5e9, "MYR"),
    # Malaysian press: a scale written onto the number
    ("Pahang to receive RM1.134b in investments from Singapore", 1.134e9, "MYR"),
    ("Malaysia and China have inked three memoranda of understanding (MOUs) worth RM19.84bil.", 19.84e9, "MYR"),
    ("a RM113-million aquaculture park", 113e6, "MYR"),
])
def test_money_first_amount(text, amount, currency):
    found = find_money(text)
    assert found, text
    assert found[0].amount == pytest.approx(amount)
    assert found[0].currency == currency


def test_money_pairs_both_readings():
    found = find_money("780 billion yuan (119 billion U.S. dollars)")
    assert [(m.currency, m.amount) for m in found] == [("CNY", 780e9), ("USD", 119e9)]


@pytest.mark.parametrize("text", ["will create 1.05 million jobs", "a 9 million-tonne new refinery", "6,444 projects"])
def test_money_ignores_other_numbers(text):
    assert find_money(text) == []


@pytest.mark.parametrize("text,amount,currency", [
    ("Heineken said it now plans to invest 100m euros in marketing.", 1e8, "EUR"),
    ("General Motors of the US is to pay Fiat 1.55bn euros ($2bn; £1.1bn).", 1.55e9, "EUR"),
])
def test_money_scale_glued_to_number(text, amount, currency):
    found = find_money(text)
    assert (found[0].amount, found[0].currency) == (amount, currency)


def test_money_singular_currency_words():
    found = find_money("signed a 11 billion dirham agreement to connect the countries by rail")
    assert [(m.currency, m.amount) for m in found] == [("AED", 11e9)]


@pytest.mark.parametrize("text,amount,currency", [
    ("TRANSNET yesterday signed a R10.4 billion contract with resources group South32", 10.4e9, "ZAR"),
    ("a SR 5 billion deal", 5e9, "SAR"),
    ("its Brazilian subsidiary invested 2 billion reais in the state", 2e9, "BRL"),
])
def test_money_prefixes_and_names_of_more_currencies(text, amount, currency):
    [m] = find_money(text)
    assert (m.amount, m.currency) == (amount, currency)


def test_money_a_lone_capital_r_is_no_amount():
    assert find_money("R2 and R3 are roads") == []


def test_money_shared_names_read_as_the_article_country_currency():
    assert localize("AED", "MA") == "MAD" and localize("INR", "PK") == "PKR" and localize("INR", "IN") == "INR"


def test_money_crores_without_a_currency_are_rupees():
    assert [(m.amount, m.currency) for m in find_money("DP World (3500 crore) and Rs 500 crore")] == \
        [(35e9, "INR"), (5e9, "INR")]


def test_money_patterns_tried_only_before_and_at_numbers_find_what_finditer_finds():
    """_scan_money tries each pattern only where a match can start, from the starts of the runs of digits: the same
    matches as finditer over every character, in the shared sets' articles and after every prefix (the longest,
    'yuan', reaches its number from five characters before it)."""
    from kg.nlp.money import BARE_CRORE, PREFIX_CURRENCY, PREFIXED, SUFFIXED, _before_numbers, _matches_from

    shared = Path(__file__).resolve().parents[3] / "shared" / "eval"
    texts = [p.read_text(encoding="utf-8") for p in sorted(shared.glob("*/*.txt"))]
    assert len(texts) > 50
    texts += [f"worth {prefix} 12,500 crore and {prefix.upper()}3bn" for prefix in PREFIX_CURRENCY]
    for text in texts:
        numbers = [m.start() for m in re.finditer(r"\d+", text)]
        for pattern, starts in ((PREFIXED, _before_numbers(numbers)), (SUFFIXED, numbers), (BARE_CRORE, numbers)):
            assert [m.span() for m in _matches_from(pattern, text, starts)] == [m.span() for m in pattern.finditer(text)]
    assert _before_numbers([2, 10, 12]) == [0, 1, 5, 6, 7, 8, 9, 10, 11]
