"""Stable IRIs: the same thing gets the same IRI in every build and article."""
from __future__ import annotations

import hashlib
import re
import unicodedata

ID = "https://w3id.org/newskg/id/"



def slug(text: str) -> str:
    """Lower-case ASCII words joined by hyphens.

    >>> slug("Hong Kong-Macao-Shandong Week")
    'hong-kong-macao-shandong-week'
    >>> slug("Qingdao's")
    'qingdao'
    """
    t = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    t = re.sub(r"['\u2019]s\b", "", t.lower())
    t = re.sub(r"[^a-z0-9]+", "-", t).strip("-")
    return t or digest(text, 12)


def digest(text: str, n: int = 16) -> str:
    """The first ``n`` hex digits of the SHA-1 of ``text``."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:n]


def entity_iri(cls: str, name: str, *, known_place: bool = False) -> str:
    """Entities are keyed by name alone, so one name is one node in every article and build,
    whichever class an article reads it as (:mod:`kg.resolve` settles one class by vote).
    A name the gazetteer knows keeps the place namespace it has always had (IRIs are stable);
    sectors outside the scheme keep a namespace of their own.

    >>> entity_iri("City", "Qingdao", known_place=True) == entity_iri("Company", "Qingdao", known_place=True)
    True
    >>> entity_iri("City", "Qingdao", known_place=True)
    'https://w3id.org/newskg/id/place/qingdao'
    >>> entity_iri("Company", "Tencent Cloud")
    'https://w3id.org/newskg/id/entity/tencent-cloud'
    >>> entity_iri("Sector", "modern finance")
    'https://w3id.org/newskg/id/sector/modern-finance'
    """
    namespace = "sector" if cls == "Sector" else "place" if known_place else "entity"
    return f"{ID}{namespace}/{slug(name)}"


def article_iri(url: str | None, text: str) -> str:
    """From the url when there is one, else from the content."""
    return f"{ID}article/{digest(url.strip() if url else text)}"


def fact_iri(article: str, kind: str, key: str) -> str:
    """A fact node's IRI: its kind, and a digest of its article and key."""
    return f"{ID}{kind.lower()}/{digest(article + '|' + key)}"


def money_iri(owner: str, amount: float, currency: str) -> str:
    """One money node per (record, amount, currency): $2bn and $58m of one deal stay apart.

    >>> money_iri("https://w3id.org/newskg/id/agreement/ab12", 2e9, "USD")
    'https://w3id.org/newskg/id/agreement/ab12/value/usd-2000000000'
    >>> money_iri("x", 1.5, "EUR")
    'x/value/eur-1.5'
    """
    number = f"{amount:.6f}".rstrip("0").rstrip(".")
    return f"{owner}/value/{currency.lower()}-{number}"


def evidence_iri(article: str, start: int, end: int) -> str:
    """An evidence sentence's IRI: its article's digest and its character offsets."""
    return f"{ID}evidence/{digest(article, 12)}-{start}-{end}"
