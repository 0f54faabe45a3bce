"""What a fact's sentence implies without naming it (kg/nlp/rules/implicit.py): marks on the raw facts, and
what entity resolution makes of them. Sentences from the shared sets and the BBC corpus."""
from pathlib import Path

import pytest
from conftest import extract_text as extract

from kg.model import Agreement, Investment
from kg.nlp.raw import RawAgreement, RawInvestment, raw_fact

CITY_SIGNED = ("On March 28, the city signed investment agreements with companies in neighboring Zhejiang Province "
               "for 22 projects totaling 26.6 billion yuan in Hangzhou.")
SUZUKI = ("NEW DELHI: Japan’s Suzuki Motor Corporation (SMC) has signed a memorandum of understanding (MOU) with the "
          "State of Gujarat to invest approximately 150 billion yen (approximately Rs 10,440 crore) for local "
          "manufacturing of electric vehicles (BEV) and BEV batteries.\n\nSMG will invest another Rs 3,100 crore for "
          "ramping up production capacity for EVs by 2025.")
ACQUIRE = "Air Deccan has signed a deal to acquire 36 planes from Avions de Transport Regional (ATR)."


def _raw(nlp, text: str, kind: type) -> list:
    return [f for f in (raw_fact(d) for d in nlp(text)._.nkg_facts) if isinstance(f, kind)]


def test_implicit_the_city_signed_marks_a_city_signer(nlp):
    [deal] = _raw(nlp, CITY_SIGNED, RawAgreement)
    assert deal.signer_anaphor == "City" and "agreement-signer-anaphor" in deal.rules
    assert not deal.partner_named  # "with companies": no partner named


def test_implicit_the_city_signed_is_the_articles_city(nlp):
    [deal] = [f for f in extract(nlp, CITY_SIGNED).facts if isinstance(f, Agreement)]
    assert deal.parties == ("https://w3id.org/newskg/id/place/hangzhou",)


def test_implicit_a_named_partner_is_marked(nlp):
    [deal] = _raw(nlp, SUZUKI, RawAgreement)
    assert deal.partner_named and deal.signer_anaphor is None


def test_implicit_a_pledge_with_no_target_goes_to_the_articles_place(nlp):
    pledges = _raw(nlp, SUZUKI, RawInvestment)
    assert [p.home_target for p in pledges] == [True, True]
    later = [f for f in extract(nlp, SUZUKI).facts if isinstance(f, Investment) and f.values[0].amount == 31e9]
    assert [f.target for f in later] == ["https://w3id.org/newskg/id/place/gujarat"]


def test_implicit_the_state_names_the_class_of_the_target(nlp):
    [pledge] = _raw(nlp, "Nestle SA said on Wednesday it will invest 1 billion reais in the state over the next "
                         "three years.", RawInvestment)
    assert pledge.home_target and pledge.target_anaphor == "Region"


def test_implicit_a_purchase_is_marked(nlp):
    """(tests/test_extract.py checks that a marked purchase makes no cooperation.)"""
    [deal] = _raw(nlp, ACQUIRE, RawAgreement)
    assert deal.acquisition and not deal.partner_named


def test_implicit_a_stake_sold_is_marked(nlp):
    """A stake sold under a partnership agreement: a deal, but the article's ties are no current cooperation."""
    [deal] = _raw(nlp, "Fiat had sold GM a stake in 2000, as part of a partnership agreement.", RawAgreement)
    assert deal.acquisition



BBC_325 = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "bbc" / "business" / "325.txt"


@pytest.mark.skipif(not BBC_325.is_file(), reason="needs ../shared/corpus/bbc")
def test_implicit_an_agreement_party_typed_person_is_no_party(nlp):
    """A newspaper firm the entity vote types Person (Dainik Jagran, in BBC business/325) is no party of a deal:
    people sign for bodies."""
    result = extract(nlp, BBC_325.read_text(encoding="utf-8"))
    people = {e.iri for e in result.entities if e.cls in ("Person", "Official")}
    deals = [f for f in result.facts if isinstance(f, Agreement)]
    assert deals and all(p not in people for f in deals for p in f.parties)
