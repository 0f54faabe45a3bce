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
    assert {"post-appositive-body", "post-the-firms-title", "post-title-comma-name"} <= {r.name for r in rules_for("post", "sentence")}


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


@pytest.mark.parametrize("text,expected", [
    # the body a possessive before the title, or a name "in" or "of" after it; a field after "for"
    ("Medellín and Barcelona will strengthen relations between the two cities through the Memorandum Of Understanding "
     "(MOU) signed by mayor Daniel Quintero and mayor Ada Colau, who was represented by Barcelona’s lieutenant mayor, "
     "Laia Bonet, during the official event.", {("Laia Bonet", "lieutenant mayor", "Barcelona")}),
    ("The event was also attended by the US consul in Chiang Mai, Lisa Buzenas, who is a native of Texas.",
     {("Lisa Buzenas", "consul", "Chiang Mai")}),
    ("The Basque Government's Secretary General for External Action, Marian Elorza, and the Minister for European "
     "Affairs and International Relations of the Bavarian Government, Beate Merk, signed the Agreement today.",
     {("Marian Elorza", "secretary general for external action", "Basque Government"),
      ("Beate Merk", "minister for european affairs and international relations", "Bavarian Government")}),
    # two titles joined by "and": two posts
    ("Announcing a new bilateral Memorandum of Understanding, Queensland’s Premier and State Minister for Trade, Mr "
     "Peter Beattie, said Queensland and Central Java had reaffirmed their long-standing sister state relationship.",
     {("Peter Beattie", "premier", "Queensland"), ("Peter Beattie", "state minister for trade", "Queensland")}),
    ("Independent faith schools were singled out by Ofsted chief, David Bell, for not doing enough to promote the "
     "\"wider tenets of British society\".", {("David Bell", "chief", "Ofsted")}),
])
def test_rules_post_title_then_comma_then_name(nlp, text, expected):
    assert expected <= posts(nlp, text)


def test_rules_post_a_former_title_in_apposition_is_no_post(nlp):
    text = ("Mr Mandelson, a former Labour communications director, told BBC Radio 4's Today programme: \"I understand "
            "why the Tories will be gunning for Alastair Campbell because they fear his campaigning skills.")
    doc = nlp(text)
    assert not any(f["rel"] == "post" and f["of"] is not None for f in doc._.nkg_facts)


@pytest.mark.parametrize("text,person", [
    # the name opens a clause of its own
    ("George W Bush will display a more consensual approach to world politics as he begins his second term as US "
     "President, Tony Blair has said.", "Tony Blair"),
    # a shadow post is no post
    ("Responding to the speech, shadow chief secretary to the Treasury, George Osborne, said: \"This was more talk "
     "from Gordon Brown.", "George Osborne"),
    # a prefix glued to the title changes the post: a co-chairman is not the chairman (BBC politics/414)
    ("His comments come as the co-chairman of the Conservative Party, Liam Fox, on Saturday called him \"a "
     "disappointment of historic proportions\" as a prime minister.", "Liam Fox"),
])
def test_rules_post_title_comma_name_not_a_clauses_subject_nor_a_shadow(nlp, text, person):
    doc = nlp(text)
    names = [m[2] for m in doc._.nkg_mentions]
    assert not any(f["rel"] == "post" and f["rule"] == "post-title-comma-name" and names[f["person"]] == person
                   for f in doc._.nkg_facts)
