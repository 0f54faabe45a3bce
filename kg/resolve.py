"""One entity per real-world thing across a whole build or store.

Extraction reads one article at a time, so "Gazprom" may be a Company in one
article and a City in another, and "Aleksey Miller" and "Alexei Miller" are
two names. :func:`resolve` runs after a build over every article graph:

1. **One IRI per name.** Entity IRIs come from the name alone
   (:func:`kg.ids.entity_iri`), so the same name is one node in every article
   and every build.
2. **One type per entity, by vote.** Each article that mentions the entity
   votes for the class it read (weighted by its evidence sentences), and the
   place gazetteer votes for the places it knows. The winner replaces the
   other types in every article graph, so each article's graph still holds the
   entity's label and a type. Facts whose ends no longer fit the shapes'
   ranges (a post "in" what is now a person) are dropped, and so are an
   article's fact links to an entity it read as another kind of thing than
   the vote gives (its bank, the other articles' town).
3. **Spelling and transliteration variants merged.** Persons and
   organisations whose names are the same after a transliteration fold
   (``ks``/``x``, ``y``/``i``, doubled letters) or near by RapidFuzz's ratio,
   and which never appear side by side in one article, become one node: the
   most mentioned name wins. Each article keeps its own spelling as
   ``rdfs:label``; the merge is recorded as ``<variant> owl:sameAs <entity>``
   in the ``entities`` graph, so it can be listed and undone
   (:func:`unmerge`), and a later build sends the variant to the same entity:
   IRIs stay stable as articles arrive.

Countries also get ISO 3166 codes and the EU country authority IRI from
pycountry, in the same ``entities`` graph; companies and organisations whose
name is exactly that of a company of the major stock indices
(:mod:`kg.reference`, from the ``pytickersymbols`` package) get its English
Wikipedia page as ``schema:sameAs`` and its ISINs as ``nkg:isin`` there too.
Places keep their GeoNames links in the reference graph.
"""
from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pyoxigraph as ox
from anyascii import anyascii

from .ids import ID, slug
from .schema import COARSE as _SCHEMA_COARSE
from .schema import ORG_CLASSES, PARTY_CLASSES, PERSON_CLASSES, PLACE_CLASSES, VOTE_ORDER
from .vocab import NKG, NKG_IRI, SCHEMA, OxTerms

if TYPE_CHECKING:
    from .graph import KnowledgeGraph

__all__ = ["ENTITIES_GRAPH", "Resolution", "resolve", "variant_key", "unmerge", "link_companies"]

ENTITIES_GRAPH = "https://w3id.org/newskg/graph/entities"
_G = ox.NamedNode(ENTITIES_GRAPH)
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
SAME_AS = ox.NamedNode("http://www.w3.org/2002/07/owl#sameAs")
PREF_LABEL = ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")
ALT_LABEL = ox.NamedNode("http://www.w3.org/2004/02/skos/core#altLabel")
ISO_CODE = ox.NamedNode("https://schema.org/identifier")
EU_COUNTRY = "http://publications.europa.eu/resource/authority/country/"
_N, _S = OxTerms(NKG), OxTerms(SCHEMA)
#: The classes whose entities may be linked to a listed company (not agencies: no government body is listed).
LINKED_CLASSES = ("Company", "Organization")

# The classes resolved, by coarse kind (kg.schema); sectors keep their scheme's IRIs.
COARSE = {c: kind for c, kind in _SCHEMA_COARSE.items() if kind != "sector"}
# A tie between coarse kinds goes to the first; within one, to the first class of kg.schema's
# VOTE_ORDER (the larger place, the more specific organisation).
_KIND_ORDER = ["place", "org", "person", "event"]
# Facts whose ends must be of these classes once every entity has one type (ontology/shapes.ttl).
_PLACE = PLACE_CLASSES
_PARTY = PARTY_CLASSES
_RANGES = [("postIn", "o", _PLACE + ORG_CLASSES),
           ("locatedIn", "o", _PLACE), ("locatedIn", "s", _PLACE),
           ("heldIn", "o", _PLACE), ("partOf", "o", ("Event",)), ("signedAt", "o", ("Event",)),
           ("party", "o", _PARTY), ("cooperatesWith", "o", _PARTY), ("cooperatesWith", "s", _PARTY),
           ("investor", "o", _PARTY), ("target", "o", _PARTY + ("Sector",)),
           ("holdsPost", "s", PERSON_CLASSES)]
#: properties whose object is an end of a fact: a post's body, a party, an investor or target, a place's container
_FACT_ENDS = ("postIn", "party", "cooperatesWith", "investor", "target", "locatedIn", "heldIn")
#: RapidFuzz ratio (0-100) from which two folded names are one: given names of persons of one surname,
#: whole names of organisations.
PERSON_RATIO, ORG_RATIO = 88, 94


def variant_key(name: str) -> str:
    """A name folded so that common transliteration variants meet.

    >>> variant_key("Aleksey Miller") == variant_key("Alexei Miller")
    True
    >>> variant_key("Mohammed") == variant_key("Mohamed")
    True
    >>> variant_key("Iran") == variant_key("Iraq")
    False
    """
    t = anyascii(name).lower()
    t = re.sub(r"[^a-z0-9 ]+", " ", t)
    for a, b in (("ks", "x"), ("kh", "h"), ("ph", "f"), ("ck", "k"), ("ou", "u"), ("y", "i"),
                 ("ii", "i"), ("w", "v")):
        t = t.replace(a, b)
    t = re.sub(r"(.)\1+", r"\1", t)
    return " ".join(t.split())


@dataclass
class Resolution:
    """What :func:`resolve` changed (counts are of entities, not triples)."""

    entities: int = 0
    retyped: dict[str, str] = field(default_factory=dict)  # entity IRI -> class it now has
    merged: dict[str, str] = field(default_factory=dict)  # variant IRI -> entity IRI
    dropped: int = 0  # facts' triples dropped because an end no longer fits
    linked: dict[str, str] = field(default_factory=dict)  # entity IRI -> listed company's Wikipedia page

    def __str__(self) -> str:
        return (f"{self.entities} entities; {len(self.retyped)} given one type by vote, "
                f"{len(self.merged)} spelling variants merged, {len(self.linked)} linked to listed companies")


def _mentions(store: ox.Store) -> list[tuple[str, str, str, str, int]]:
    """(graph, entity, class, label, evidence count) of every typed entity in an article graph."""
    classes = " ".join(f"<{NKG_IRI}{c}>" for c in COARSE)
    q = f"""SELECT ?g ?e ?c ?l (COUNT(DISTINCT ?ev) AS ?n) WHERE {{
      VALUES ?c {{ {classes} }}
      GRAPH ?g {{ ?g a <{NKG_IRI}Article> . ?e a ?c ; <http://www.w3.org/2000/01/rdf-schema#label> ?l .
                 OPTIONAL {{ ?e <{NKG_IRI}evidence> ?ev }} }}
    }} GROUP BY ?g ?e ?c ?l"""
    return [(s["g"].value, s["e"].value, s["c"].value.removeprefix(NKG_IRI), s["l"].value, int(s["n"].value))
            for s in store.query(q)]


def _gazetteer_vote(label: str) -> str | None:
    """The place class the gazetteer gives a name, if it knows the name."""
    from .nlp.gazetteer import default_gazetteer

    p = default_gazetteer().get(label)
    cls = getattr(p, "cls", None) if p is not None else None
    return cls if cls in _PLACE else None


@functools.lru_cache(maxsize=1)
def _head_classes() -> dict[str, str]:
    """Last word of a name -> class, from the organisation and event head lexicons (``Ministry|Agency``)."""
    from .lexicons import read_lexicon

    heads = {}
    for name, default in (("org_heads", "Organization"), ("event_heads", "Event")):
        try:
            entries = read_lexicon(name)
        except OSError:
            continue
        for entry in entries:
            word, _, cls = entry.partition("|")
            cls = cls.strip() or default
            if cls in COARSE:
                heads.setdefault(word.strip().lower(), cls)
    return heads


def _vote(readings: list[tuple[str, int]], labels: set[str]) -> str:
    """The class of an entity from its articles' readings (class, evidence count), and half a vote
    each from the gazetteer (places it knows) and the head-word lexicons ("... Ministry" is an Agency)."""
    fine: Counter = Counter()
    for cls, n in readings:
        fine[cls] += 1 + 0.1 * min(n, 3)
    for label in labels:
        gaz = _gazetteer_vote(label)
        if gaz and any(COARSE[c] == "place" for c, _ in readings):
            fine[gaz] += 0.5
        words = label.split()
        head = _head_classes().get(words[-1].lower()) if len(words) > 1 else None
        if head:
            fine[head] += 0.5
    kinds: Counter = Counter()
    for cls, w in fine.items():
        kinds[COARSE[cls]] += w
    kind = max(kinds, key=lambda k: (kinds[k], -_KIND_ORDER.index(k)))
    if kind == "person":
        return "Official" if fine["Official"] else "Person"
    return max((c for c in fine if COARSE[c] == kind), key=lambda c: (fine[c], -VOTE_ORDER.index(c)))


def _stored_merges(store: ox.Store) -> dict[str, str]:
    return {q.subject.value: q.object.value for q in store.quads_for_pattern(None, SAME_AS, None, _G)
            if q.object.value.startswith(ID)}


def _variants(nodes: dict[str, dict], kind: str, together: set[frozenset]) -> list[list[str]]:
    """Groups of same-kind nodes whose names are spelling variants of each other."""
    from rapidfuzz import fuzz

    parent: dict[str, str] = {}

    def find(x):
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    blocks: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for iri, n in nodes.items():
        if COARSE[n["cls"]] != kind:
            continue
        key = variant_key(n["label"])
        words = key.split()
        if kind == "person" and len(words) < 2 or len(key) < (4 if kind == "person" else 8):
            continue
        blocks[words[-1] if kind == "person" else key[:3]].append((iri, key))
    for members in blocks.values():
        if len(members) < 2 or len(members) > 400:
            continue
        for i, (a, ka) in enumerate(members):
            for b, kb in members[i + 1:]:
                if frozenset((a, b)) in together:
                    continue
                if ka == kb:
                    same = True
                elif kind == "person":
                    # same surname: the given names must be near, not just share a letter or two
                    ga, gb = ka.rsplit(" ", 1)[0], kb.rsplit(" ", 1)[0]
                    same = ka.split()[-1] == kb.split()[-1] and ga[0] == gb[0] and min(len(ga), len(gb)) >= 4 \
                        and fuzz.ratio(ga, gb) >= PERSON_RATIO
                else:
                    same = fuzz.ratio(ka, kb) >= ORG_RATIO and ka.split()[-1:] == kb.split()[-1:]
                if same:
                    parent[find(a)] = find(b)
    groups: dict[str, list[str]] = defaultdict(list)
    for iri in parent:
        groups[find(iri)].append(iri)
    for root, members in groups.items():
        if root not in members:
            members.append(root)
    return [sorted(set(m)) for m in groups.values() if len(set(m)) > 1]


def _rename(store: ox.Store, graph: ox.NamedNode, old: ox.NamedNode, new: ox.NamedNode) -> None:
    """Every triple of ``graph`` naming ``old`` now names ``new``."""
    quads = list(store.quads_for_pattern(old, None, None, graph)) + \
        list(store.quads_for_pattern(None, None, old, graph))
    for q in quads:
        store.remove(q)
    for q in quads:
        s = new if q.subject == old else q.subject
        o = new if q.object == old else q.object
        store.add(ox.Quad(s, q.predicate, o, graph))


def resolve(kg: KnowledgeGraph, *, fuzzy: bool = True) -> Resolution:
    """Give every entity of ``kg``'s article graphs one IRI and one type; merge spelling variants.

    Safe to run again: a resolved graph is left as it is, and new articles join the
    entities (and merges) already recorded.
    """
    store: ox.Store = kg.store
    out = Resolution()
    mentions = _mentions(store)
    if not mentions:
        return out
    stored = _stored_merges(store)
    # variants a previous resolution merged: send the newcomers to the same entity
    for g, e, *_ in mentions:
        if e in stored:
            _rename(store, ox.NamedNode(g), ox.NamedNode(e), ox.NamedNode(stored[e]))
    if any(e in stored for _, e, *_ in mentions):
        mentions = _mentions(store)

    readings: dict[str, list[tuple[str, int]]] = defaultdict(list)
    labels: dict[str, Counter] = defaultdict(Counter)
    in_graph: dict[str, set[str]] = defaultdict(set)
    graphs_of: dict[str, set[str]] = defaultdict(set)
    for g, e, cls, label, n in mentions:
        readings[e].append((cls, n))
        labels[e][label] += 1
        in_graph[g].add(e)
        graphs_of[e].add(g)
    classes = {e: _vote(r, set(labels[e])) for e, r in readings.items()}

    merged: dict[str, str] = {}
    if fuzzy:
        together = set()
        for es in in_graph.values():
            if len(es) < 200:
                together.update(frozenset((a, b)) for a in es for b in es if a < b)
        nodes = {e: {"cls": classes[e], "label": labels[e].most_common(1)[0][0]} for e in classes}
        for kind in ("person", "org"):
            for group in _variants(nodes, kind, together):
                known = [m for m in group if m in set(stored.values())]
                canon = known[0] if known else max(group, key=lambda m: (len(graphs_of[m]), -len(m), m))
                for m in group:
                    if m != canon:
                        merged[m] = canon
    for variant, canon in merged.items():
        for g in graphs_of[variant]:
            _rename(store, ox.NamedNode(g), ox.NamedNode(variant), ox.NamedNode(canon))
        store.add(ox.Quad(ox.NamedNode(variant), SAME_AS, ox.NamedNode(canon), _G))
        for label in labels[variant]:
            store.add(ox.Quad(ox.NamedNode(canon), ALT_LABEL, ox.Literal(label), _G))
        readings[canon] += readings.pop(variant)
        graphs_of[canon] |= graphs_of.pop(variant)
        labels[canon].update(labels.pop(variant))
    for canon in set(merged.values()):
        classes[canon] = _vote(readings[canon], set(labels[canon]))
        store.add(ox.Quad(ox.NamedNode(canon), PREF_LABEL,
                          ox.Literal(labels[canon].most_common(1)[0][0]), _G))
    out.merged = merged

    # one type per entity in every article graph that mentions it
    seen: dict[tuple[str, str], set[str]] = defaultdict(set)
    for g, e, cls, _, _ in mentions:
        seen[g, merged.get(e, e)].add(cls)
    misread = []  # (article, entity): the article read another kind of thing than the vote gives
    for (g, e), found in seen.items():
        want = classes[e]
        if COARSE[want] not in {COARSE[c] for c in found}:
            misread.append((g, e))
        if found != {want}:
            node, graph = ox.NamedNode(e), ox.NamedNode(g)
            for cls in found - {want}:
                store.remove(ox.Quad(node, RDF_TYPE, ox.NamedNode(NKG_IRI + cls), graph))
            store.add(ox.Quad(node, RDF_TYPE, ox.NamedNode(NKG_IRI + want), graph))
            out.retyped[e] = want
    out.entities = len(classes)
    out.dropped = _drop_misread_ends(store, misread) + _drop_misfits(store)
    _country_codes(store, {e for e, c in classes.items() if c == "Country"}, labels)
    out.linked = link_companies(store, {e for e, c in classes.items() if c in LINKED_CLASSES}, labels)
    return out


def _drop_misread_ends(store: ox.Store, misread: list[tuple[str, str]]) -> int:
    """Drop an article's fact links to an entity that the article read as another kind of thing than the vote
    across articles gives it ("Martin Ellis, Halifax chief economist": the bank, which other articles' town
    outvotes): the fact's end, so typed, is not what the article told."""
    before = len(store)
    for g, e in misread:
        graph, node = ox.NamedNode(g), ox.NamedNode(e)
        for prop in _FACT_ENDS:
            pred = ox.NamedNode(NKG_IRI + prop)
            for q in list(store.quads_for_pattern(None, pred, node, graph)):
                store.remove(q)
        # cooperatesWith is written both ways: its other half has the entity as subject
        for q in list(store.quads_for_pattern(node, ox.NamedNode(NKG_IRI + "cooperatesWith"), None, graph)):
            store.remove(q)
    return before - len(store)


def _drop_misfits(store: ox.Store) -> int:
    """Drop facts' triples whose ends are not of the class the shapes ask for, in their article's graph.

    Also drops a cooperation left with fewer than two parties, and a post left with no holder.
    """
    before = len(store)
    for prop, end, allowed in _RANGES:
        values = " ".join(f"<{NKG_IRI}{c}>" for c in allowed)
        node = "?o" if end == "o" else "?s"
        store.update(f"""DELETE {{ GRAPH ?g {{ ?s <{NKG_IRI}{prop}> ?o }} }} WHERE {{
          GRAPH ?g {{ ?g a <{NKG_IRI}Article> . ?s <{NKG_IRI}{prop}> ?o .
                     FILTER NOT EXISTS {{ VALUES ?c {{ {values} }} {node} a ?c }} }} }}""")
    store.update(f"""DELETE {{ GRAPH ?g {{ ?c ?p ?o }} }} WHERE {{
      GRAPH ?g {{ ?c a <{NKG_IRI}Cooperation> ; ?p ?o .
                 FILTER NOT EXISTS {{ ?c <{NKG_IRI}party> ?a, ?b . FILTER(?a != ?b) }} }} }}""")
    # a post whose holder the votes made a firm or a place has no one holding it
    store.update(f"""DELETE {{ GRAPH ?g {{ ?post ?p ?o }} }} WHERE {{
      GRAPH ?g {{ ?post a <{NKG_IRI}Post> ; ?p ?o . FILTER NOT EXISTS {{ ?who <{NKG_IRI}holdsPost> ?post }} }} }}""")
    return before - len(store)


def _country_codes(store: ox.Store, countries: set[str], labels: dict[str, Counter]) -> None:
    """ISO 3166 codes and the EU country authority IRI of countries pycountry knows."""
    import pycountry

    for e in sorted(countries):
        for label in labels[e]:
            try:
                c = pycountry.countries.lookup(label)
            except LookupError:
                continue
            node = ox.NamedNode(e)
            store.add(ox.Quad(node, ISO_CODE, ox.Literal(c.alpha_2), _G))
            store.add(ox.Quad(node, SAME_AS, ox.NamedNode(EU_COUNTRY + c.alpha_3), _G))
            break


def link_companies(store: ox.Store, entities: set[str], labels: dict[str, Counter]) -> dict[str, str]:
    """Link each of ``entities`` that names exactly one listed company (:func:`kg.reference.lookup`).

    Writes ``schema:sameAs`` (the company's English Wikipedia page) and ``nkg:isin`` in the entities
    graph, after dropping the links of an earlier resolution (an entity retyped or renamed since
    loses its link). An entity whose labels name two different companies gets none. Returns
    entity IRI -> the page it was linked to (or the listed name, for a company without a page).
    """
    from .reference import lookup

    for q in list(store.quads_for_pattern(None, _S.sameAs, None, _G)) + \
            list(store.quads_for_pattern(None, _N.isin, None, _G)):
        store.remove(q)
    linked: dict[str, str] = {}
    for e in sorted(entities):
        found = {c for c in map(lookup, labels[e]) if c is not None}
        if len(found) != 1:
            continue
        company = found.pop()
        node = ox.NamedNode(e)
        if company.wikipedia:
            store.add(ox.Quad(node, _S.sameAs, ox.NamedNode(company.wikipedia), _G))
        for isin in company.isins:
            store.add(ox.Quad(node, _N.isin, ox.Literal(isin), _G))
        if company.wikipedia or company.isins:
            linked[e] = company.wikipedia or company.name
    return linked


def unmerge(kg: KnowledgeGraph, variant: str) -> int:
    """Undo the merge of ``variant`` (an IRI listed by ``owl:sameAs`` in the entities graph).

    Each article graph where the merged entity is labelled with a name whose own IRI
    is ``variant`` gets ``variant`` back; returns the number of articles changed.
    """
    store: ox.Store = kg.store
    links = [q for q in store.quads_for_pattern(ox.NamedNode(variant), SAME_AS, None, _G)
             if q.object.value.startswith(ID)]
    if not links:
        return 0
    canon = links[0].object
    changed = 0
    label_p = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
    for q in list(store.quads_for_pattern(canon, label_p, None, None)):
        if q.graph_name == _G or slug(q.object.value) != variant.rsplit("/", 1)[-1]:
            continue
        _rename(store, q.graph_name, canon, ox.NamedNode(variant))
        changed += 1
    for q in links:
        store.remove(q)
    return changed
