"""SPARQL answer terms as plain Python values, for the Python API and the networkx views."""
from __future__ import annotations

from typing import Any

import pyoxigraph as ox

__all__ = ["term_value"]


def term_value(term: ox.NamedNode | ox.BlankNode | ox.Literal | None) -> Any:
    """A SPARQL term as a plain Python value (IRI and literal text as str, numbers as numbers)."""
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        dt = term.datatype.value.rsplit("#", 1)[-1]
        if dt in ("integer", "int", "long"):
            return int(term.value)
        if dt in ("decimal", "double", "float"):
            return float(term.value)
        if dt == "boolean":
            return term.value == "true"
        return term.value
    return term.value
