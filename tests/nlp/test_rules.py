"""Registered rules and the document-level assembly (kg.nlp.rules)."""
import pytest

from kg.build import extract_articles
from kg.model import Agreement, Cooperation
from kg.nlp.rules import REGISTRY, rule, rules_for
from kg.read import article_from_text

KADUNA = ("Malam Uba Sani, the Governor of Kaduna State, had the honor of signing a Memorandum of Understanding (MoU) "
          "with the Hebei Province of the People’s Republic of China.\n\n"
          "The MoU aims to foster exchanges and cooperation across various sectors including economy, trade, solid "
          "minerals, science and technology, energy, transportation, agriculture, and infrastructure.")


def extract(nlp, text: str, date: str = "2024-05-15"):
    return next(extract_articles([article_from_text(text, url="http://example.org/a", date=date)], nlp))


def test_rules_registered_by_kind():
    names = [r.name for r in rules_for("agreement")]
    assert "agreement-sectors-told-after" in names and "agreement-signer-body" in names
    assert all(0 < r.confidence <= 1 for r in REGISTRY.values())


def test_rules_refuse_an_unknown_kind_and_a_second_registration():
    with pytest.raises(ValueError, match="unknown fact kind"):
        rule("x", kind="sanction", confidence=0.5)
    with pytest.raises(ValueError, match="registered twice"):
        rule("agreement-signer-body", kind="agreement", confidence=0.5)(lambda state: [])


def test_rules_a_signing_takes_the_sectors_told_next_and_the_signers_body(nlp):
    ex = extract(nlp, KADUNA)
    label = {e.iri: e.label for e in ex.entities}
    [deal] = [f for f in ex.facts if isinstance(f, Agreement)]
    assert {label[p] for p in deal.parties} == {"Kaduna", "Hebei"}  # places labelled by their gazetteer name
    sectors = {label[s] for s in deal.sectors}
    assert {"economy", "trade", "solid minerals", "science and technology", "infrastructure"} <= sectors
    [coop] = [f for f in ex.facts if isinstance(f, Cooperation)]
    assert set(coop.parties) == set(deal.parties) and set(coop.sectors) == set(deal.sectors)


def test_rules_a_witness_is_no_signer(nlp):
    text = ("On September 24, our city signed a cooperation framework agreement with China State Construction "
            "Corporation. Lin Yingwu witnessed the signing of the agreement with Huang Kesi, vice president of CSCEC.")
    ex = extract(nlp, text, "2020-10-02")
    assert len([f for f in ex.facts if isinstance(f, Agreement)]) == 1
