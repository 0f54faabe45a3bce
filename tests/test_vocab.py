"""The closed vocabulary of kg/vocab.py: a misspelt term is an error, not a new IRI."""
from __future__ import annotations

import pyoxigraph as ox
import pytest

import kg.rdf
from kg.vocab import GEO, NKG, NKG_IRI, SCHEMA, OxTerms


@pytest.mark.parametrize("namespace,typo", [(NKG, "hodsPost"), (NKG, "city"), (SCHEMA, "head_line"),
                                            (GEO, "lon")])
def test_vocab_unknown_term_is_an_error(namespace, typo):
    with pytest.raises(AttributeError):
        getattr(namespace, typo)
    with pytest.raises(AttributeError):
        getattr(OxTerms(namespace), typo)


def test_vocab_ox_terms_are_named_nodes():
    terms = OxTerms(NKG)
    assert terms.holdsPost == ox.NamedNode(NKG_IRI + "holdsPost")
    assert terms.holdsPost is terms.holdsPost  # made once


def test_vocab_rdf_writer_names_only_closed_terms():
    """The writer has no helper that mints a term from any string."""
    assert not hasattr(kg.rdf, "nkg") and not hasattr(kg.rdf, "schema")
    assert isinstance(kg.rdf.N, OxTerms) and isinstance(kg.rdf.S, OxTerms)
