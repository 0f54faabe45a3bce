"""The class tree and fact-kind registry of kg/schema.py, checked against ontology/newskg.ttl."""
from __future__ import annotations

import typing
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, Graph, Namespace

from kg import model, schema
from kg.rdf import ArticleWriter
from kg.vocab import NKG, NKG_IRI

ROOT = Path(__file__).resolve().parent.parent
NK = Namespace(NKG_IRI)


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ROOT / "ontology" / "newskg.ttl")


@pytest.mark.parametrize("cls", schema.NODE_CLASSES + tuple(schema.CLASS_TREE))
def test_schema_class_is_in_ontology(ontology, cls):
    assert (NK[cls], RDF.type, OWL.Class) in ontology
    assert cls in NKG.__annotations__


@pytest.mark.parametrize("cls", schema.ENTITY_CLASSES)
def test_schema_parent_is_ontology_superclass(ontology, cls):
    parent = schema.superclass(cls)
    if parent is None:
        assert not any(str(o).startswith(NKG_IRI) for o in ontology.objects(NK[cls], RDFS.subClassOf))
    else:
        assert (NK[cls], RDFS.subClassOf, NK[parent]) in ontology


@pytest.mark.parametrize("kind", schema.FACT_KINDS, ids=lambda k: k.name)
def test_schema_fact_kind_properties_are_in_ontology(ontology, kind):
    for prop in kind.properties:
        assert set(ontology.objects(NK[prop], RDF.type)) & {OWL.ObjectProperty, OWL.DatatypeProperty}, prop
        assert prop in NKG.__annotations__, prop


@pytest.mark.parametrize("kind", schema.FACT_KINDS, ids=lambda k: k.name)
def test_schema_fact_kind_has_writer(kind):
    assert callable(getattr(ArticleWriter, kind.writer))
    assert (kind.cls is None) == (kind.style is None)


def test_schema_registers_every_fact_dataclass():
    assert {k.dataclass for k in schema.FACT_KINDS} == set(typing.get_args(model.Fact))


def test_schema_kind_names_are_the_rules_kind_names():
    """Rules name their fact kind (kg.nlp.rules); every name they may use is a registered kind."""
    from kg.nlp.rules import FACT_KINDS

    assert set(FACT_KINDS) == {k.name for k in schema.FACT_KINDS}


def test_schema_register_refuses_a_second_kind_of_one_name():
    with pytest.raises(ValueError, match="already registered"):
        schema.register(schema.fact_kind("post"))


def test_schema_styles_cover_every_node_class():
    assert list(schema.CLASS_STYLES) == list(schema.NODE_CLASSES)


def test_schema_model_class_lists_agree():
    """kg.model keeps PLACE_CLASSES & co. for the extraction modules; they must say what the schema says."""
    assert model.PLACE_CLASSES == schema.CLASS_TREE["Place"]
    assert model.PERSON_CLASSES == ("Official", "Person")
    assert model.ORG_CLASSES == (*schema.CLASS_TREE["Organization"], "Organization")
    assert set(model.ENTITY_CLASSES) == set(schema.ENTITY_CLASSES)


def test_schema_extract_coarse_is_the_schema_s():
    """extract.COARSE is still its own copy (the lead's to switch): it must not drift."""
    from kg.extract import COARSE

    assert COARSE == schema.COARSE


@pytest.mark.parametrize("cls,coarse", [("City", "place"), ("Official", "person"), ("Company", "org"),
                                        ("Event", "event"), ("Sector", "sector"), ("Place", "place")])
def test_schema_coarse(cls, coarse):
    assert schema.coarse(cls) == coarse


@pytest.mark.parametrize("a,b", [("Official", "Person"), ("City", "Place"), ("District", "Place"),
                                 ("Agency", "Organization"), ("Company", "Organization")])
def test_schema_specificity_puts_children_first(a, b):
    assert schema.specificity(a) < schema.specificity(b)
