"""The ontology, the sector scheme and the SHACL shapes in ontology/.

The shapes are tried on a hand-written graph of the seed article (its
sentences are real: a test finds them in the text) and on broken copies of it.
"""
from __future__ import annotations

from pathlib import Path

import pyshacl
import pytest
from rdflib import OWL, RDF, RDFS, SKOS, Dataset, Graph, Namespace, URIRef

from kg.ids import slug
from kg.schema import CLASS_TREE
from kg.vocab import ID_IRI, NKG, NKG_IRI

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY = ROOT / "ontology"
NK = Namespace(NKG_IRI)
SECTOR = ID_IRI + "sector/"
SCHEME = URIRef(SECTOR + "scheme")

# rdflib's own TriG parser still uses ConjunctiveGraph internally.
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib")


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY / "newskg.ttl")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(ONTOLOGY / "shapes.ttl")


@pytest.fixture(scope="module")
def sectors() -> Graph:
    return Graph().parse(ONTOLOGY / "sectors.ttl")


def written_terms() -> set[str]:
    """Every nkg: term the closed vocabulary lists (the RDF writer can name no other)."""
    return set(NKG.__annotations__)


# ----------------------------------------------------------------- parsing

@pytest.mark.parametrize("name", ["newskg.ttl", "shapes.ttl", "sectors.ttl"])
def test_ontology_file_parses(name):
    assert len(Graph().parse(ONTOLOGY / name, format="turtle")) > 0


def test_ontology_has_iri_and_version(ontology):
    iri = URIRef("https://w3id.org/newskg/ontology")
    assert (iri, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(iri, OWL.versionInfo) is not None


# ----------------------------------------------------------------- terms

@pytest.mark.parametrize("term", sorted(written_terms()))
def test_ontology_declares_term(ontology, term):
    iri = NK[term]
    kinds = set(ontology.objects(iri, RDF.type))
    if term[0].isupper():
        assert OWL.Class in kinds
    else:
        assert kinds & {OWL.ObjectProperty, OWL.DatatypeProperty}
        assert ontology.value(iri, RDFS.domain) is not None, f"nkg:{term} has no domain"
        assert ontology.value(iri, RDFS.range) is not None, f"nkg:{term} has no range"
    assert ontology.value(iri, RDFS.label) is not None, f"nkg:{term} has no label"
    assert ontology.value(iri, RDFS.comment) is not None, f"nkg:{term} has no comment"


def test_ontology_declares_nothing_unused(ontology):
    """A term here but not in kg/vocab.py would be unreachable from Python."""
    declared = {str(s)[len(NKG_IRI):] for s in ontology.subjects(RDF.type, None)
                if isinstance(s, URIRef) and str(s).startswith(NKG_IRI)}
    assert declared == set(NKG.__annotations__)


@pytest.mark.parametrize("sub,sup", sorted((sub, sup) for sup, subs in CLASS_TREE.items() for sub in subs))
def test_ontology_class_tree(ontology, sub, sup):
    assert (NK[sub], RDFS.subClassOf, NK[sup]) in ontology


@pytest.mark.parametrize("term,kind", [
    ("cooperatesWith", OWL.SymmetricProperty), ("locatedIn", OWL.TransitiveProperty),
    ("confidence", OWL.DatatypeProperty), ("holdsPost", OWL.ObjectProperty),
])
def test_ontology_property_kind(ontology, term, kind):
    assert (NK[term], RDF.type, kind) in ontology


@pytest.mark.parametrize("term,external", [
    ("Place", "https://schema.org/Place"), ("Organization", "http://www.w3.org/ns/org#Organization"),
    ("Post", "http://www.w3.org/ns/org#Post"), ("Evidence", "http://www.w3.org/ns/prov#Entity"),
    ("Sector", str(SKOS.Concept)), ("Article", "https://schema.org/NewsArticle"),
])
def test_ontology_class_alignment(ontology, term, external):
    assert (NK[term], RDFS.subClassOf, URIRef(external)) in ontology


@pytest.mark.parametrize("term,external", [
    ("holdsPost", "http://www.w3.org/ns/org#holds"), ("postIn", "http://www.w3.org/ns/org#postIn"),
    ("locatedIn", "https://schema.org/containedInPlace"), ("startDate", "https://schema.org/startDate"),
    ("heldIn", "https://schema.org/location"),
])
def test_ontology_property_alignment(ontology, term, external):
    assert (NK[term], RDFS.subPropertyOf, URIRef(external)) in ontology


# ----------------------------------------------------------------- sectors

def concepts(sectors: Graph) -> list[URIRef]:
    return sorted(sectors.subjects(RDF.type, SKOS.Concept))


def test_sectors_scheme_size(sectors):
    tops = set(sectors.subjects(SKOS.topConceptOf, SCHEME))
    assert tops == set(sectors.objects(SCHEME, SKOS.hasTopConcept))
    assert 20 <= len(tops) <= 30
    assert len(concepts(sectors)) - len(tops) >= 250


def test_sectors_concepts_are_well_formed(sectors):
    tops = set(sectors.subjects(SKOS.topConceptOf, SCHEME))
    for c in concepts(sectors):
        prefs = list(sectors.objects(c, SKOS.prefLabel))
        assert len(prefs) == 1 and prefs[0].language == "en", c
        assert str(c) == SECTOR + slug(str(prefs[0])), c
        assert (c, RDF.type, NK.Sector) in sectors, c
        assert (c, SKOS.inScheme, SCHEME) in sectors, c
        seen, todo = set(), [c]
        while todo and not (seen & tops):
            node = todo.pop()
            seen.add(node)
            todo.extend(b for b in sectors.objects(node, SKOS.broader) if b not in seen)
        assert seen & tops, f"{c} has no skos:broader path to a top concept"


def test_sectors_labels_are_unambiguous(sectors):
    """As a lexicon, one written form must lead to one concept."""
    owner: dict[str, URIRef] = {}
    for c, label in sectors.subject_objects(SKOS.prefLabel | SKOS.altLabel):
        assert owner.setdefault(str(label).lower(), c) == c, f"{label!r} labels two concepts"


@pytest.mark.parametrize("written,pref", [
    ("smart manufacturing", "smart manufacturing"), ("new energy and materials", "new energy and materials"),
    ("AI", "artificial intelligence"), ("FMCG", "fast-moving consumer goods"),
    ("bio-medicine", "biomedicine"), ("new material", "new materials"),
    ("modern finance", "modern finance"), ("cultural tourism consumption", "cultural tourism consumption"),
])
def test_sectors_lexicon_finds(sectors, written, pref):
    hits = {c for c, l in sectors.subject_objects(SKOS.prefLabel | SKOS.altLabel) if str(l) == written}
    assert hits == {URIRef(SECTOR + slug(pref))}


@pytest.mark.parametrize("slogan", ["high-quality development", "new quality productive forces",
                                    "opening-up"])
def test_sectors_exclude_slogans(sectors, slogan):
    labels = sectors.objects(None, SKOS.prefLabel | SKOS.altLabel)
    assert slogan not in {str(label).lower() for label in labels}


# ----------------------------------------------------------------- SHACL

# The seed article (data/*.txt; offsets count in its body) as the writer would put it.
VALID = r"""
@prefix nkg: <https://w3id.org/newskg/ontology#> .
@prefix schema: <https://schema.org/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix id: <https://w3id.org/newskg/id/> .

id:article\/seed {
  id:article\/seed a nkg:Article ; schema:headline "Qingdao, Hong Kong to deepen cooperation" ;
      schema:datePublished "2024-05-30"^^xsd:date ;
      nkg:mentions id:place\/qingdao, id:place\/hong-kong, id:place\/shandong, id:person\/wang-bo,
                   id:event\/hong-kong-macao-shandong-week, id:sector\/modern-finance .

  id:place\/qingdao a nkg:City ; rdfs:label "Qingdao" ; nkg:evidence id:evidence\/s-235-525 ;
      nkg:locatedIn id:place\/shandong ; nkg:cooperatesWith id:place\/hong-kong .
  id:place\/hong-kong a nkg:City ; rdfs:label "Hong Kong" ; nkg:evidence id:evidence\/s-235-525 ;
      nkg:cooperatesWith id:place\/qingdao .
  id:place\/shandong a nkg:Region ; rdfs:label "Shandong" ; skos:altLabel "Shandong province" ;
      nkg:evidence id:evidence\/s-235-525 .
  id:person\/wang-bo a nkg:Official ; rdfs:label "Wang Bo" ; nkg:evidence id:evidence\/s-527-733 ;
      nkg:holdsPost id:post\/1 .
  id:event\/hong-kong-macao-shandong-week a nkg:Event ; rdfs:label "Hong Kong-Macao-Shandong Week" ;
      nkg:evidence id:evidence\/s-2085-2224 ; nkg:startDate "2024-05"^^xsd:gYearMonth .
  id:sector\/modern-finance a nkg:Sector ; rdfs:label "modern finance" ;
      nkg:evidence id:evidence\/s-1142-1364 .

  id:post\/1 a nkg:Post ; nkg:title "deputy mayor" ; rdfs:label "deputy mayor" ;
      nkg:postIn id:place\/qingdao ; nkg:evidence id:evidence\/s-527-733 ;
      nkg:confidence 0.8 ; nkg:rule "appositive-title-of" .
  id:cooperation\/1 a nkg:Cooperation ; nkg:party id:place\/qingdao, id:place\/hong-kong ;
      nkg:sector id:sector\/modern-finance ; nkg:evidence id:evidence\/s-1142-1364 ;
      nkg:confidence 0.7 .
  id:agreement\/1 a nkg:Agreement ; nkg:party id:place\/qingdao ; nkg:count 16 ;
      nkg:value id:agreement\/1\/value\/usd ; nkg:signedAt id:event\/hong-kong-macao-shandong-week ;
      nkg:agreementKind "project agreements" ; nkg:evidence id:evidence\/s-2085-2224 ;
      nkg:confidence 0.7 .
  id:agreement\/1\/value\/usd a schema:MonetaryAmount ; schema:value 1660000000.0 ;
      schema:currency "USD" ; rdfs:label "$1.66 billion" .
  id:investment\/1 a nkg:Investment ; nkg:investor id:place\/hong-kong ; nkg:target id:place\/qingdao ;
      nkg:projectCount 6444 ; nkg:value id:investment\/1\/value\/usd ;
      nkg:evidence id:evidence\/s-735-950 ; nkg:confidence 0.6 .
  id:investment\/1\/value\/usd a schema:MonetaryAmount ; schema:value 50000000000.0 ;
      schema:currency "USD" .

  id:evidence\/s-235-525 a nkg:Evidence ; nkg:startChar 235 ; nkg:endChar 525 ;
      prov:wasDerivedFrom id:article\/seed ;
      nkg:text "Qingdao in Shandong province will deepen cooperation with Hong Kong, joining\u00a0hands with the city as they\u00a0strive to bring about\u00a0a mutually beneficial future, according to news released at the Qingdao-Hong Kong Economic and Trade Cooperation Conference, which was held in Hong Kong on May 28." .
  id:evidence\/s-527-733 a nkg:Evidence ; nkg:startChar 527 ; nkg:endChar 733 ;
      prov:wasDerivedFrom id:article\/seed ;
      nkg:text "During the conference, Wang Bo, deputy mayor\u00a0of Qingdao, introduced Qingdao's strong industrial foundation, abundant\u00a0marine resources, geographical advantages, and efforts to increase its level of openness." .
  id:evidence\/s-735-950 a nkg:Evidence ; nkg:startChar 735 ; nkg:endChar 950 ;
      prov:wasDerivedFrom id:article\/seed ;
      nkg:text "Wang added that to date, Hong Kong has cumulatively invested in and operated 6,444 projects in Qingdao, with a total investment exceeding $50 billion, making it the largest source of foreign investment for the city." .
  id:evidence\/s-1142-1364 a nkg:Evidence ; nkg:startChar 1142 ; nkg:endChar 1364 ;
      prov:wasDerivedFrom id:article\/seed ;
      nkg:text "Qingdao is expected to strengthen cooperation with Hong Kong in five major areas\u00a0- technological innovation, international shipping, international trade, modern finance, and cultural tourism consumption, according to Wang." .
  id:evidence\/s-2085-2224 a nkg:Evidence ; nkg:startChar 2085 ; nkg:endChar 2224 ;
      prov:wasDerivedFrom id:article\/seed ;
      nkg:text "During the Hong Kong-Macao-Shandong Week, Qingdao signed a total of 16 project agreements with a planned total investment of $1.66 billion." .
}
"""


def union(trig: str) -> Graph:
    """All named graphs merged into one, as the shapes expect."""
    ds = Dataset()
    ds.parse(data=trig, format="trig")
    graph = Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


def run_shapes(trig: str, shapes: Graph, ontology: Graph) -> tuple[bool, str]:
    conforms, _, text = pyshacl.validate(union(trig), shacl_graph=shapes, ont_graph=ontology,
                                         inference="none")
    return conforms, text


def test_shapes_fixture_sentences_are_real(seed_text):
    """The evidence sentences are the seed's, and their offsets span them exactly."""
    graph = union(VALID)
    for ev in graph.subjects(RDF.type, NK.Evidence):
        text = str(graph.value(ev, NK.text))
        assert text in seed_text
        assert int(graph.value(ev, NK.endChar)) - int(graph.value(ev, NK.startChar)) == len(text)


def test_shapes_accept_valid_graph(shapes, ontology):
    conforms, text = run_shapes(VALID, shapes, ontology)
    assert conforms, text


BROKEN = [
    ('schema:currency "USD" ; rdfs:label', 'schema:currency "dollars" ; rdfs:label', "schema:currency"),
    ('rdfs:label "Wang Bo" ;', "", "at least one rdfs:label"),
    ("nkg:startChar 527 ;", "nkg:startChar -3 ;", "nkg:startChar"),
    ("nkg:startChar 527 ;", 'nkg:startChar "-3" ;', "nkg:startChar"),
    ("nkg:startChar 527 ;", "nkg:startChar 800 ;", "nkg:startChar"),
    ("nkg:party id:place\\/qingdao, id:place\\/hong-kong ;", "nkg:party id:place\\/qingdao ;",
     "at least two nkg:party"),
    ("nkg:confidence 0.8 ;", "nkg:confidence 1.5 ;", "nkg:confidence"),
    ("nkg:count 16 ;", "nkg:count 0 ;", "nkg:count"),
    ("schema:value 1660000000.0 ;", 'schema:value "1.66 billion" ;', "schema:value"),
    ('"2024-05-30"^^xsd:date', '"30 May 2024"', "schema:datePublished"),
    ('"2024-05"^^xsd:gYearMonth', '"May 28"', "nkg:startDate"),
    ('nkg:title "deputy mayor" ;', "", "exactly one nkg:title"),
    ("nkg:postIn id:place\\/qingdao ;", "nkg:postIn id:sector\\/modern-finance ;", "nkg:postIn"),
    ("nkg:confidence 0.6 .", ".", "nkg:confidence"),
    ('rdfs:label "modern finance" ;\n      nkg:evidence id:evidence\\/s-1142-1364 .',
     'rdfs:label "modern finance" .', "at least one nkg:evidence"),
    ("prov:wasDerivedFrom id:article\\/seed ;\n      nkg:text \"Wang added", "nkg:text \"Wang added",
     "prov:wasDerivedFrom"),
]


@pytest.mark.parametrize("old,new,message", BROKEN, ids=[b[2] + ":" + b[1][:20] for b in BROKEN])
def test_shapes_reject_broken_graph(shapes, ontology, old, new, message):
    assert VALID.count(old) == 1, old
    conforms, text = run_shapes(VALID.replace(old, new), shapes, ontology)
    assert not conforms
    assert message in text, text
