"""Where the ontology files live, so no module hard-codes a path.

The ontology, SHACL shapes and sector scheme sit in ``ontology/`` at the repo
root (next to the ``kg`` package), where SPARQL users and the docs find them.
"""
from __future__ import annotations

from pathlib import Path

from .errors import Errors, GraphError

#: The folder holding the ``kg`` package; ``ontology/`` is its sibling.
ROOT = Path(__file__).resolve().parent.parent


def ontology_dir() -> Path:
    """The ``ontology/`` folder; :class:`GraphError` if it is missing (e.g. an installed wheel).

    >>> ontology_dir().name
    'ontology'
    """
    path = ROOT / "ontology"
    if not path.is_dir():
        raise GraphError(Errors.E035.format(path=path))
    return path


def _file(name: str) -> Path:
    path = ontology_dir() / name
    if not path.is_file():
        raise GraphError(Errors.E036.format(path=path))
    return path


def ontology_path() -> Path:
    """``ontology/newskg.ttl``: the OWL ontology of the ``nkg:`` terms."""
    return _file("newskg.ttl")


def shapes_path() -> Path:
    """``ontology/shapes.ttl``: the SHACL shapes a built graph must pass."""
    return _file("shapes.ttl")


def sector_scheme_path() -> Path:
    """``ontology/sectors.ttl``: the SKOS sector scheme, also the sector lexicon."""
    return _file("sectors.ttl")
