"""Money amounts in news text: ``$1.66 billion``, ``Rs 5,000 crore``, ``780 billion yuan``.

Pure functions over strings, so they are easy to test; the spaCy component
in :mod:`kg.nlp.factories` calls :func:`find_money` on each document.
"""
from __future__ import annotations

import functools
import re
from typing import NamedTuple

SCALES = {
    "thousand": 1e3, "k": 1e3, "lakh": 1e5, "lakhs": 1e5, "million": 1e6, "mn": 1e6, "m": 1e6,
    "mln": 1e6, "crore": 1e7, "crores": 1e7, "cr": 1e7, "billion": 1e9, "bn": 1e9, "b": 1e9,
    "bln": 1e9, "bil": 1e9, "mil": 1e6, "trillion": 1e12, "tn": 1e12, "trn": 1e12, "lakh crore": 1e12,
    "lakh crores": 1e12,
}
# Symbol or code written before the number.
PREFIX_CURRENCY = {
    "us$": "USD", "usd": "USD", "$": "USD", "hk$": "HKD", "hkd": "HKD", "s$": "SGD", "sgd": "SGD",
    "a$": "AUD", "c$": "CAD", "nt$": "TWD", "rmb": "CNY", "cny": "CNY", "¥": "CNY", "yuan": "CNY",
    "€": "EUR", "eur": "EUR", "£": "GBP", "gbp": "GBP", "rs": "INR", "rs.": "INR", "inr": "INR",
    "₹": "INR", "rm": "MYR", "myr": "MYR", "jpy": "JPY", "krw": "KRW", "₩": "KRW", "aed": "AED",
    "idr": "IDR", "rp": "IDR", "thb": "THB", "php": "PHP", "₱": "PHP", "vnd": "VND", "chf": "CHF",
    "sr": "SAR", "sar": "SAR", "qr": "QAR", "qar": "QAR", "omr": "OMR", "kwd": "KWD", "zar": "ZAR", "r": "ZAR",
    "mad": "MAD", "egp": "EGP", "ngn": "NGN", "₦": "NGN", "kes": "KES", "ksh": "KES", "brl": "BRL", "r$": "BRL",
    "mxn": "MXN", "try": "TRY", "₺": "TRY", "pkr": "PKR", "bdt": "BDT", "tk": "BDT", "rub": "RUB", "₽": "RUB",
    "kzt": "KZT", "₸": "KZT", "uzs": "UZS", "cad": "CAD", "aud": "AUD", "nzd": "NZD", "sek": "SEK", "nok": "NOK",
    "dkk": "DKK", "pln": "PLN", "czk": "CZK", "huf": "HUF", "ron": "RON", "ils": "ILS", "₪": "ILS", "twd": "TWD",
}
# Word written after the number (and scale).
SUFFIX_CURRENCY = {
    "u.s. dollars": "USD", "us dollars": "USD", "dollars": "USD", "dollar": "USD",
    "hong kong dollars": "HKD", "hk dollars": "HKD", "singapore dollars": "SGD",
    "australian dollars": "AUD", "canadian dollars": "CAD", "yuan": "CNY", "renminbi": "CNY",
    "rmb": "CNY", "euros": "EUR", "euro": "EUR", "pounds": "GBP", "pounds sterling": "GBP",
    "sterling": "GBP", "rupees": "INR", "rupee": "INR", "ringgit": "MYR", "yen": "JPY",
    "won": "KRW", "baht": "THB", "rupiah": "IDR", "dirhams": "AED", "dirham": "AED", "pesos": "PHP", "dong": "VND",
    "pound": "GBP", "riyals": "SAR", "riyal": "SAR", "saudi riyals": "SAR", "qatari riyals": "QAR",
    "francs": "CHF", "usd": "USD", "eur": "EUR", "cny": "CNY", "hkd": "HKD", "inr": "INR",
    "rand": "ZAR", "naira": "NGN", "shillings": "KES", "kenyan shillings": "KES", "cedis": "GHS", "cedi": "GHS",
    "reais": "BRL", "real": "BRL", "lira": "TRY", "liras": "TRY", "rubles": "RUB", "roubles": "RUB",
    "tenge": "KZT", "som": "UZS", "soums": "UZS", "taka": "BDT", "kwacha": "ZMW", "birr": "ETB",
    "dinars": "KWD", "dinar": "KWD", "zloty": "PLN", "krona": "SEK", "kronor": "SEK", "kroner": "NOK",
    "leu": "RON", "lei": "RON", "hryvnia": "UAH", "shekels": "ILS", "manat": "AZN", "lari": "GEL",
    "pula": "BWP", "rial": "IRR", "rials": "IRR", "pesos mexicanos": "MXN",
}


class MoneyMatch(NamedTuple):
    """An amount found in text: span, value in units, ISO 4217 currency, the text as written."""
    start: int
    end: int
    amount: float
    currency: str
    text: str


def localize(currency: str, country: str | None) -> str:
    """The currency a name shared by several countries means in an article about ``country``
    (ISO 3166-1 alpha-2): rupees in Pakistan are PKR, pesos in Mexico MXN, dirhams in Morocco MAD.

    >>> localize("INR", "PK"), localize("PHP", "MX"), localize("AED", "MA"), localize("INR", None)
    ('PKR', 'MXN', 'MAD', 'INR')
    """
    if country is None:
        return currency
    return _by_country().get(currency, {}).get(country, currency)


@functools.lru_cache(maxsize=1)
def _by_country() -> dict[str, dict[str, str]]:
    from ..lexicons import read_lexicon

    table: dict[str, dict[str, str]] = {}
    for line in read_lexicon("currencies_by_country"):
        default, _, pairs = line.partition("|")
        table[default.strip()] = dict(p.split("=") for p in pairs.split())
    return table


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_NUM = r"(?P<num>\d{1,3}(?:,\d{2,3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_SCALE = rf"(?:[\s-]?(?P<scale>{_alternation(SCALES)})\b\.?)?"
_PREFIX = rf"(?P<pre>{_alternation(PREFIX_CURRENCY)})"
_SUFFIX = rf"(?P<suf>{_alternation(SUFFIX_CURRENCY)})\b"
# A number starts within a prefix and a space of the match's start: the lookahead spares trying every prefix everywhere.
_NEAR_DIGIT = rf"(?=[\s\S]{{1,{max(map(len, PREFIX_CURRENCY)) + 1}}}\d)"
PREFIXED = re.compile(rf"(?<![\w$]){_NEAR_DIGIT}(?:{_PREFIX})\s?{_NUM}{_SCALE}(?:\s(?P<suf2>{_alternation(SUFFIX_CURRENCY)})\b)?",
                      re.IGNORECASE)
SUFFIXED = re.compile(rf"(?=\d)(?<![\w$.,]){_NUM}{_SCALE}\s(?:of\s)?{_SUFFIX}", re.IGNORECASE)


# "3500 crore", "12.89 lakh crore": Indian units count rupees even when the currency is not written
BARE_CRORE = re.compile(rf"(?=\d)(?<![\w$.,]){_NUM}\s?(?P<scale>lakh crores?|lakh crore|crores?|lakhs?)\b", re.IGNORECASE)


_DIGIT = re.compile(r"\d")
_DIGIT_RUN = re.compile(r"\d+")
# The most characters before its number a match of PREFIXED starts: a prefix and a space. The number starts a run
# of digits, as no prefix ends in a digit.
_PREFIX_REACH = max(map(len, PREFIX_CURRENCY)) + 1


def _matches_from(pattern: re.Pattern[str], text: str, starts) -> list[re.Match]:
    """What ``pattern.finditer(text)`` finds when no match starts elsewhere than at ``starts`` (ascending): the
    pattern is tried only there (each start past the last match's end), not at every character of the text."""
    found, end = [], 0
    for at in starts:
        if at >= end:
            m = pattern.match(text, at)
            if m:
                found.append(m)
                end = m.end()
    return found


def _before_numbers(numbers: list[int]) -> list[int]:
    """The positions from which a prefix and a space reach the start of one of ``numbers`` (ascending, once each)."""
    out: list[int] = []
    for at in numbers:
        out.extend(range(max(at - _PREFIX_REACH, out[-1] + 1 if out else 0), at))
    return out


def _amount(num: str, scale: str | None) -> float:
    value = float(num.replace(",", ""))
    return value * SCALES.get((scale or "").lower().rstrip("."), 1.0)


def _spaced(text: str, m: re.Match) -> bool:
    """Whether a one-letter scale stands apart from its number: "RM1.2b" is billions, "5 m" likely metres."""
    return text[m.start("scale") - 1].isspace()


def find_money(text: str) -> list[MoneyMatch]:
    """Every money amount in ``text``, left to right (see :func:`_find_money`); sentences are read by
    several rules, so the answer for a text is kept."""
    return list(_find_money(text))


@functools.lru_cache(maxsize=4096)
def _find_money(text: str) -> tuple[MoneyMatch, ...]:
    return tuple(_scan_money(text))


def _scan_money(text: str) -> list[MoneyMatch]:
    """Every money amount in ``text``, left to right.

    >>> [(m.amount, m.currency) for m in find_money("a total investment of $1.66 billion")]
    [(1660000000.0, 'USD')]
    >>> [(m.amount, m.currency) for m in find_money("780 billion yuan (119 billion U.S. dollars)")]
    [(780000000000.0, 'CNY'), (119000000000.0, 'USD')]
    >>> [(m.amount, m.currency) for m in find_money("worth Rs 27,474 crore and HK$2bn")]
    [(274740000000.0, 'INR'), (2000000000.0, 'HKD')]
    >>> [(m.amount, m.currency) for m in find_money("RM1.134b in investments, MOUs worth RM19.84bil")]
    [(1134000000.0, 'MYR'), (19840000000.0, 'MYR')]
    """
    if not _DIGIT.search(text):
        return []  # every pattern needs a number: most sentences are read no further
    # every match holds a number that starts a run of digits: each pattern is tried only where one can start
    numbers = [m.start() for m in _DIGIT_RUN.finditer(text)]
    found: list[MoneyMatch] = []
    taken: list[tuple[int, int]] = []
    for m in _matches_from(PREFIXED, text, _before_numbers(numbers)):
        pre = m.group("pre").lower()
        if pre in ("rs", "rm", "rp", "rs.", "sr", "qr", "tk", "r", "ksh", "try") and not m.group("pre")[0].isupper():
            continue  # "rs" inside words is not rupees
        if pre in ("r", "try") and (m.group("pre") != m.group("pre").upper() or not (m.group("scale") or "")):
            continue  # "R10.4 billion" is rand; a lone "R2" or "TRY" is no amount
        if pre == "yuan":
            continue
        currency = PREFIX_CURRENCY[pre]
        if m.group("suf2") and currency == "USD" and pre == "$":
            currency = SUFFIX_CURRENCY[m.group("suf2").lower()]
        scale = m.group("scale")
        if scale and scale.lower() == "b" and _spaced(text, m):
            scale = None  # "RM1.2b" is billions; a "b" standing apart is not
        found.append(MoneyMatch(m.start(), m.end(), _amount(m.group("num"), scale), currency, m.group(0)))
        taken.append((m.start(), m.end()))
    for m in _matches_from(SUFFIXED, text, numbers):  # it starts at its number
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        scale = m.group("scale")
        if scale and scale.lower() in ("m", "b", "k") and _spaced(text, m):
            continue  # "100m euros" is money; "5 m" with a space is usually metres
        found.append(MoneyMatch(m.start(), m.end(), _amount(m.group("num"), scale),
                                SUFFIX_CURRENCY[m.group("suf").lower()], m.group(0)))
    for m in _matches_from(BARE_CRORE, text, numbers):
        if any(s < m.end() and m.start() < e for s, e, *_ in found):
            continue  # "Rs 500 crore" was read with its currency
        found.append(MoneyMatch(m.start(), m.end(), _amount(m.group("num"), m.group("scale")), "INR", m.group(0)))
    return sorted(found)
