"""Companies an offline reference knows: the stock-index lists shipped by ``pytickersymbols``.

``pytickersymbols`` (MIT) ships, inside its wheel, the members of twenty major
stock indices (FTSE 100, DAX, CAC 40, EURO STOXX 50, S&P 500, NASDAQ 100,
Nikkei 225 and others): about 1,800 companies, each with its name, and for most
its English Wikipedia page and ISINs. Nothing is fetched: the package's data
is a Python module, read once per process.

A company is found by its name only when the name, once normalised
(:func:`company_keys`: ASCII, lower case, ``&`` as ``and``, punctuation out, a
leading "the" out; then also without trailing legal forms such as "plc", "AG",
"Inc." found by ``cleanco``), is exactly the normalised listed name or English
Wikipedia title of one listed company. A name left with a single word once a
legal form that is also a word ("Corp", "Company") is dropped keeps it: "News"
is not News Corp. A one-word key counts only where it is the company's whole
Wikipedia title ("Vodafone", "BP"): a title such as "Shell plc", "Next plc" or
"Box (company)" says that Wikipedia gives the bare word to something else, so
"Shell" alone is not linked. There is no fuzzy matching, and a key that two
listed companies share is dropped: a wrong link is worse than none.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from urllib.parse import unquote

from anyascii import anyascii

__all__ = ["ListedCompany", "company_key", "company_keys", "isin_ok", "listed_companies", "lookup"]

WIKIPEDIA = "https://en.wikipedia.org/wiki/"
_ISIN = re.compile(r"^[A-Z]{2}[A-Z0-9]{9}[0-9]$")
#: The country of each index's exchange (EURO STOXX 50 spans several: its members' head offices tell).
_INDEX_COUNTRY = {"AEX": "NL", "BEL 20": "BE", "CAC 40": "FR", "CAC_40": "FR", "CAC Mid 60": "FR",
                  "DAX": "DE", "MDAX": "DE", "SDAX": "DE", "TecDAX": "DE", "DOW JONES": "US",
                  "NASDAQ 100": "US", "S&P 100": "US", "S&P 500": "US", "S&P 600": "US",
                  "FTSE 100": "GB", "IBEX 35": "ES", "NIKKEI 225": "JP", "OMX Helsinki 25": "FI",
                  "OMX Stockholm 30": "SE", "Switzerland 20": "CH"}


@dataclass(frozen=True)
class ListedCompany:
    """One company of the reference: its listed name, Wikipedia page, ISINs and indices."""

    name: str
    wikipedia: str | None
    isins: tuple[str, ...]
    indices: tuple[str, ...]


@functools.lru_cache(maxsize=1)
def _legal_terms():
    from cleanco import prepare_default_terms

    return prepare_default_terms()


# Legal forms that are also ordinary words of a company's usual name ("News Corp", "Target
# Corporation"): a name left with one word once they are dropped is not a key of its own.
_WORD_FORMS = {"co", "corp", "corporation", "company", "companies", "limited", "incorporated", "unlimited"}


def _strip_legal_forms(name: str) -> tuple[str, bool]:
    """``name`` without trailing legal forms ("Aegon N.V." -> "Aegon", "Foo Co., Ltd." -> "Foo"),
    and whether a dropped form was a word form (:data:`_WORD_FORMS`)."""
    from cleanco.clean import custom_basename

    word_form = False
    while True:
        shorter = custom_basename(name, _legal_terms(), suffix=True, prefix=False, middle=False)
        if not shorter.strip() or shorter == name:
            return name, word_form
        dropped = re.sub(r"[^a-z]", "", name[len(shorter):].lower())
        word_form = word_form or dropped in _WORD_FORMS
        name = shorter


def _normalise(name: str) -> str:
    t = name.lower().replace("&", " and ")
    t = re.sub(r"['.\u2019]", "", t)  # "Sainsbury's" -> "sainsburys", "A.P." -> "ap"
    t = re.sub(r"[^a-z0-9]+", " ", t)
    t = " ".join(t.split())
    return "" if t.isdigit() else t


def _prepare(name: str) -> str:
    t = anyascii(name).strip()
    t = re.sub(r"\s*\([^)]*\)\s*$", "", t)  # "Amazon (company)", "Alphabet (Class A)"
    return re.sub(r"^the\s+", "", t, flags=re.I)


def company_keys(name: str) -> list[str]:
    """The keys a company name is found by: the whole name normalised, then the name without its
    legal forms, unless that leaves one word after a word form ("News Corp" is not "News").

    >>> company_keys("Aegon N.V.")
    ['aegon nv', 'aegon']
    >>> company_keys("News Corp")
    ['news corp']
    >>> company_keys("The Walt Disney Company")
    ['walt disney company', 'walt disney']
    """
    t = _prepare(name)
    keys = [_normalise(t)]
    base, word_form = _strip_legal_forms(t)
    short = _normalise(base)
    if short and (len(short.split()) > 1 or not word_form):
        keys.append(short)
    return [k for i, k in enumerate(keys) if k and k not in keys[:i]]


def company_key(name: str) -> str:
    """A company name normalised for an exact look-up, legal forms out.

    >>> company_key("Aegon N.V.") == company_key("Aegon")
    True
    >>> company_key("Marks & Spencer Group plc")
    'marks and spencer group'
    >>> company_key("Sainsbury's")
    'sainsburys'
    """
    return _normalise(_strip_legal_forms(_prepare(name))[0])


def _wikipedia_title(url: str | None) -> str | None:
    if not url or not url.startswith(WIKIPEDIA):
        return None
    return unquote(url.removeprefix(WIKIPEDIA).split("#", 1)[0]).replace("_", " ") or None


def isin_ok(isin: str) -> bool:
    """Whether ``isin`` has the form and the check digit of ISO 6166.

    >>> isin_ok("GB0007980591"), isin_ok("GB0007980592"), isin_ok("US0378331005")
    (True, False, True)
    """
    if not _ISIN.match(isin):
        return False
    digits = "".join(str(int(ch, 36)) for ch in isin[:-1])
    total = 0
    for i, d in enumerate(reversed(digits)):
        n = int(d) * (2 if i % 2 == 0 else 1)
        total += n // 10 + n % 10
    return (10 - total % 10) % 10 == int(isin[-1])


@functools.lru_cache(maxsize=1)
def _country_names() -> list[tuple[re.Pattern, str]]:
    import pycountry

    names = {"U.S.": "US", "US": "US", "USA": "US", "UK": "GB", "England": "GB", "Scotland": "GB",
             "Wales": "GB", "The Netherlands": "NL"}
    for c in pycountry.countries:
        for attr in ("name", "common_name"):
            if getattr(c, attr, None):
                names.setdefault(getattr(c, attr), c.alpha_2)
    return [(re.compile(r"(?<![\w.])" + re.escape(n) + r"(?![\w])"), code) for n, code in names.items()]


def _home_countries(c: dict) -> set[str]:
    """The countries of a listed company's index and of its head offices (as its page's infobox gives them)."""
    out = {_INDEX_COUNTRY[c["index"]]} if c["index"] in _INDEX_COUNTRY else set()
    hq = (c.get("metadata") or {}).get("headquarters") or ""
    out.update(code for pattern, code in _country_names() if pattern.search(hq))
    return out


def _isins(c: dict) -> set[str]:
    """The ISINs of an entry worth keeping: well formed, of a country the company is at home in.

    The package's lists mix in other companies' numbers ("Deutsche Telekom" carries two Russian
    ones) and depositary receipts abroad; those are left out.
    """
    home = _home_countries(c)
    return {i for i in c.get("isins") or () if isin_ok(i) and i[:2] in home}


def _load() -> list[dict]:
    try:
        from pytickersymbols.indices_data import INDICES
    except ImportError:  # not installed (Python 3.10): no reference, so no links
        return []
    out = []
    for index, data in INDICES.items():
        for c in data.get("companies", ()):
            out.append({**c, "index": data.get("name") or index})
    return out


def _words(name: str) -> str:
    return _normalise(_strip_legal_forms(_prepare(name))[0])


def _agree(name: str, title: str) -> bool:
    """Whether a listed name and its Wikipedia title name one company: the words of one hold the
    other's ("Vodafone Group" and "Vodafone"), or one is the other's initials ("ABB", "Asea Brown
    Boveri"). The package's data has a few pages of another company ("Globe Life" with Mohawk
    Industries' page); such an entry is left out whole, as it cannot tell which half is wrong.

    >>> _agree("Vodafone Group Plc", "Vodafone"), _agree("ABB", "Asea Brown Boveri")
    (True, True)
    >>> _agree("Globe Life", "Mohawk Industries")
    False
    """
    a, b = _words(name), _words(title)
    if not a or not b:
        return False
    if f" {a} " in f" {b} " or f" {b} " in f" {a} ":
        return True
    initials = lambda t: "".join(w[0] for w in t.split())  # noqa: E731
    return (" " not in a and a == initials(b)) or (" " not in b and b == initials(a))


@functools.lru_cache(maxsize=1)
def listed_companies() -> dict[str, ListedCompany]:
    """Normalised name or Wikipedia title -> the one listed company it names."""
    by_identity: dict[str, dict] = {}
    unpaged: list[dict] = []
    rejected: dict[str, set[str]] = {}  # page -> numbers of entries whose name is not their page's
    for c in _load():
        name = c.get("name")
        url = (c.get("metadata") or {}).get("wikipedia_url")
        url = url if url and url.startswith(WIKIPEDIA) else None
        if not name:
            continue
        if url is None:
            unpaged.append(c)
            continue
        if not _agree(name, _wikipedia_title(url) or ""):
            rejected.setdefault(url, set()).update(_isins(c))
            continue
        entry = by_identity.setdefault(url, {"names": [], "url": url, "isins": set(), "indices": set()})
        entry["names"].append(name)
        entry["isins"].update(_isins(c))
        entry["indices"].add(c["index"])
    # an entry without a page (the same company in another index, listed without its metadata)
    # joins the one company with a page whose name it has; otherwise it stands alone
    by_name: dict[str, set[str]] = {}
    for ident, e in by_identity.items():
        for name in e["names"]:
            by_name.setdefault(company_keys(name)[0], set()).add(ident)
    for c in unpaged:
        key = company_keys(c["name"])[0] if company_keys(c["name"]) else ""
        if not key:
            continue
        pages = by_name.get(key, set())
        ident = next(iter(pages)) if len(pages) == 1 else "name:" + key
        entry = by_identity.setdefault(ident, {"names": [], "url": None, "isins": set(), "indices": set()})
        entry["names"].append(c["name"])
        entry["isins"].update(_isins(c))
        entry["indices"].add(c["index"])
    # a number found under two companies belongs to neither for sure
    holders: dict[str, set[str]] = {}
    for ident, isins in [(i, e["isins"]) for i, e in by_identity.items()] + \
            [("rejected:" + u, isins) for u, isins in rejected.items()]:
        for isin in isins:
            holders.setdefault(isin, set()).add(ident)
    for e in by_identity.values():
        e["isins"] = {i for i in e["isins"] if len(holders[i]) == 1}
    owners: dict[str, set[str]] = {}
    companies: dict[str, ListedCompany] = {}
    for ident, e in by_identity.items():
        companies[ident] = ListedCompany(e["names"][0], e["url"], tuple(sorted(e["isins"])),
                                         tuple(sorted(e["indices"])))
        title = _wikipedia_title(e["url"])
        bare = _normalise(anyascii(title)) if title else None
        for name in e["names"] + [title]:
            for key in company_keys(name) if name else ():
                # one word names the company only where Wikipedia gives it that word alone
                # ("Vodafone", "BP"); "Shell plc", "Box (company)", "Investor AB" tell that the
                # word alone is something else too
                if " " in key or key == bare:
                    owners.setdefault(key, set()).add(ident)
    return {key: companies[next(iter(idents))] for key, idents in owners.items() if len(idents) == 1}


def lookup(name: str) -> ListedCompany | None:
    """The listed company ``name`` names exactly (after normalisation), or None.

    >>> lookup("Vodafone").wikipedia
    'https://en.wikipedia.org/wiki/Vodafone'
    >>> lookup("BP plc") == lookup("BP")
    True
    >>> lookup("Vodaphone") is None
    True
    >>> lookup("News") is None  # not "News Corp"
    True
    >>> lookup("Next") is None  # Wikipedia's "Next plc": "next" alone is a word
    True
    """
    found = {id(c): c for c in map(listed_companies().get, company_keys(name)) if c is not None}
    return next(iter(found.values())) if len(found) == 1 else None
