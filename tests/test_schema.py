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
    """Each kind names a dataclass of kg.model's Fact union, and every one is named."""
    assert {k.dataclass for k in schema.FACT_KINDS} == {c.__name__ for c in typing.get_args(model.Fact)}
    for kind in schema.FACT_KINDS:
        assert getattr(model, kind.dataclass) in typing.get_args(model.Fact)


@pytest.mark.parametrize("fact,kind", [
    (model.Post("p", "mayor", None), "post"), (model.LocatedIn("a", "b"), "locatedIn"),
    (model.Cooperation(("a", "b")), "cooperation"), (model.EventInfo("e"), "event"),
    (model.Agreement(), "agreement"), (model.Investment(), "investment")])
def test_schema_kind_of_a_fact_instance(fact, kind):
    assert schema.kind_of(fact) is schema.fact_kind(kind)


def test_schema_kind_names_are_the_rules_kind_names():
    """Rules name their fact kind (kg.nlp.rules); every name they may use is a registered kind."""
    from kg.nlp.rules import FACT_KINDS

    assert set(FACT_KINDS) == {k.name for k in schema.FACT_KINDS}


def test_schema_register_refuses_a_second_kind_of_one_name():
    with pytest.raises(ValueError, match="already registered"):
        schema.register(schema.fact_kind("post"))


def test_schema_styles_cover_every_node_class():
    assert list(schema.CLASS_STYLES) == list(schema.NODE_CLASSES)


def test_schema_model_class_lists_are_the_schema_s():
    """kg.model keeps PLACE_CLASSES & co. for the extraction modules, as aliases of kg.schema's."""
    assert model.PLACE_CLASSES is schema.PLACE_CLASSES
    assert model.PERSON_CLASSES is schema.PERSON_CLASSES
    assert model.ORG_CLASSES is schema.ORG_CLASSES
    assert model.ENTITY_CLASSES is schema.ENTITY_CLASSES


def test_schema_class_lists_keep_their_order():
    """The lists the other modules read, as they were spelt out before kg.schema derived them."""
    assert schema.PLACE_CLASSES == ("City", "Region", "Country", "District")
    assert schema.PERSON_CLASSES == ("Official", "Person")
    assert schema.ORG_CLASSES == ("Agency", "Company", "Organization")
    assert schema.PARTY_CLASSES == schema.PLACE_CLASSES + schema.ORG_CLASSES + schema.PERSON_CLASSES


@pytest.mark.parametrize("kind,superclass", [("place", "Place"), ("person", "Person"),
                                             ("org", "Organization")])
def test_schema_class_lists_are_the_ontology_subclasses(ontology, kind, superclass):
    """Each family is its ontology superclass and the classes below it (rdfs:subClassOf*)."""
    below = {str(c).removeprefix(NKG_IRI) for c in ontology.transitive_subjects(RDFS.subClassOf, NK[superclass])}
    assert set(schema.classes_of(kind)) == below - set(schema._ABSTRACT)


def test_schema_party_classes_are_the_shapes_party_range():
    """PARTY_CLASSES (kg.rdf, kg.resolve) are what shapes.ttl lets be an nkg:party: places, organisations, persons."""
    shapes = Graph().parse(ROOT / "ontology" / "shapes.ttl")
    SH = Namespace("http://www.w3.org/ns/shacl#")
    (prop,) = {p for p in shapes.subjects(SH.path, NK.party) if (p, SH["or"], None) in shapes}
    allowed = {shapes.value(alt, SH["class"]) for alt in shapes.items(shapes.value(prop, SH["or"]))}
    tops = {str(c).removeprefix(NKG_IRI) for c in allowed}
    assert set(schema.PARTY_CLASSES) == {c for top in tops for c in schema.subclasses(top)} - set(schema._ABSTRACT)


def test_schema_vote_order_breaks_ties_as_resolution_did():
    """Within a coarse kind the vote's tie goes to the larger place, the more specific organisation or person
    (kg.resolve's own list before it read kg.schema)."""
    before = ["Official", "Country", "Region", "City", "District", "Agency", "Company", "Event", "Person",
              "Organization"]
    for kind in ("place", "org", "person", "event"):
        assert [c for c in schema.VOTE_ORDER if schema.coarse(c) == kind] == [
            c for c in before if schema.coarse(c) == kind]
    assert sorted(schema.VOTE_ORDER) == sorted(schema.ENTITY_CLASSES)


def test_schema_class_lists_are_written_once():
    """No module of kg/ but kg/schema.py spells out a whole family of entity classes (every place class,
    every organisation class ...) as a literal tuple, list or set."""
    import ast

    families = [set(schema.classes_of(k)) for k in ("place", "person", "org")]
    found = []
    for path in sorted((ROOT / "kg").rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if rel == "kg/schema.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
                names = {e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)}
                if any(f <= names for f in families):
                    found.append(f"{rel}:{node.lineno}")
    assert found == []


@pytest.mark.parametrize("cls,coarse", [("City", "place"), ("Official", "person"), ("Company", "org"),
                                        ("Event", "event"), ("Sector", "sector"), ("Place", "place")])
def test_schema_coarse(cls, coarse):
    assert schema.coarse(cls) == coarse


@pytest.mark.parametrize("a,b", [("Official", "Person"), ("City", "Place"), ("District", "Place"),
                                 ("Agency", "Organization"), ("Company", "Organization")])
def test_schema_specificity_puts_children_first(a, b):
    assert schema.specificity(a) < schema.specificity(b)
