"""Posts read from the parse (kg.nlp.rules.post) on sentences of the shared training articles."""
import pytest

from kg.nlp.rules import rules_for
from kg.nlp.rules.post import is_title


def posts(nlp, text):
    doc = nlp(text)
    names = [m[2] for m in doc._.nkg_mentions]
    return {(names[f["person"]], f["title"], names[f["of"]] if f["of"] is not None else None)
            for f in doc._.nkg_facts if f["rel"] == "post"}


def test_rules_post_registered_as_sentence_rules():
    assert {"post-appositive-body", "post-the-firms-title"} <= {r.name for r in rules_for("post", "sentence")}


@pytest.mark.parametrize("words,expected", [
    (["party", "secretary"], True), (["regional", "commissioner"], True), (["mayor"], True),
    (["city"], False), ([], False),
])
def test_rules_post_is_title(words, expected):
    assert is_title(words) is expected


@pytest.mark.parametrize("text,post", [
    # the body a possessive, or a name that modifies the title
    ("Wei Tao, Taiyuan's Party secretary, says the city wants to get rid of its reputation as the \"capital of coal "
     "and vinegar\".", ("Wei Tao", "party secretary", "Taiyuan")),
    ("Li Mingyuan (L), a member of the Standing Committee of Communist Party of China Shaanxi Provincial Committee, "
     "and Albert Chalamila, the Dar es Salaam regional commissioner, sign an agreement for developing sister provinces "
     "between Shaanxi and Dar es Salaam in Xi'an.", ("Albert Chalamila", "regional commissioner", "Dar es Salaam")),
])
def test_rules_post_appositive_title_with_its_body_before(nlp, text, post):
    assert post in posts(nlp, text)


def test_rules_post_the_firms_title_is_in_the_most_named_firm(nlp):
    text = ("At the ceremony, Vucic said that the entire Serbia would benefit from Shandong Linglong. "
            "He asked the factory’s president, Wang Feng, to put in a good word for Serbia with the representatives of "
            "Volkswagen, for which Shandong Linglong produces tires.")
    assert ("Wang Feng", "president", "Shandong Linglong") in posts(nlp, text)


def test_rules_post_a_firm_named_once_in_passing_is_not_the_articles(nlp):
    text = ("On Tuesday, the company's administrator, turnaround expert Enrico Bondi, sued Morgan Stanley, its former "
            "banker, to return 136m euros relating to a 2003 bond deal.")
    assert not any(p[0] == "Enrico Bondi" and p[2] == "Morgan Stanley" for p in posts(nlp, text))


@pytest.mark.parametrize("text", [
    # the place is the remit; the employer comes after "at"
    " Ross Walker, UK economist at Royal Bank of Scotland, said he was surprised that a dissenting vote had been made "
    "so soon.",
    # a post no longer held
    "S&P said the solidity of government finances outweighed the risk. S&P had held back through fear that the "
    "government was dragging its feet on economic and legal reforms. The company's founder and ex-chief executive, "
    "Mikhail Khodorkovsky, is in jail on trial for tax evasion and fraud.",
])
def test_rules_post_no_post_of_a_remit_or_of_the_past(nlp, text):
    found = posts(nlp, text)
    assert not any(p[0] in ("Ross Walker", "Mikhail Khodorkovsky") and p[2] in ("UK", "S&P") for p in found)
