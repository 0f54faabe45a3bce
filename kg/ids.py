"""Stable IRIs: the same thing gets the same IRI in every build and article."""
from __future__ import annotations

import hashlib
import re
import unicodedata

ID = "https://w3id.org/newskg/id/"

# Entities are keyed by coarse kind, so a place typed City in one article
# and Region in another is still one node.
_COARSE = {"City": "place", "Region": "place", "Country": "place", "District": "place",
           "Official": "person", "Person": "person",
           "Agency": "org", "Company": "org", "Organization": "org",
           "Event": "event", "Sector": "sector"}


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
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:n]


def entity_iri(cls: str, name: str) -> str:
    """Entities are keyed by coarse class and name.

    >>> entity_iri("City", "Qingdao")
    'https://w3id.org/newskg/id/place/qingdao'
    """
    return f"{ID}{_COARSE[cls]}/{slug(name)}"


def article_iri(url: str | None, text: str) -> str:
    """From the url when there is one, else from the content."""
    return f"{ID}article/{digest(url.strip() if url else text)}"


def fact_iri(article: str, kind: str, key: str) -> str:
    return f"{ID}{kind.lower()}/{digest(article + '|' + key)}"


def evidence_iri(article: str, start: int, end: int) -> str:
    return f"{ID}evidence/{digest(article, 12)}-{start}-{end}"
