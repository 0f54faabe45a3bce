"""kg explain: the mentions, rules and facts of each sentence, with the real pipeline.

Fixtures are sentences of the shared sets (../shared/eval/dev/seed.txt,
../shared/eval/train/tr_af_1.txt and tr_cn_2.txt) and the bundled seed article in data/.
"""
from __future__ import annotations

import json
import pytest
from click.testing import CliRunner
from conftest import ROOT, SEED

from kg.cli import main
from kg.errors import InputError
from kg.explain import explain, format_text, read_article, to_json
from kg.read import article_from_text

SIGNING = ("During the Hong Kong-Macao-Shandong Week, Qingdao signed a total of 16 project agreements "
           "with a planned total investment of $1.66 billion.")
NO_FACTS = ("Hong Kong is not only Qingdao's largest source of foreign investment but also an important "
            "economic and trade partner.")
SIGNER = ("Malam Uba Sani, the Governor of Kaduna State, had the honor of signing a Memorandum of Understanding "
          "(MoU) with the Hebei Province of the People’s Republic of China.\n\n"
          "The MoU aims to foster exchanges and cooperation across various sectors including economy, trade, solid "
          "minerals, science and technology, energy, transportation, agriculture, and infrastructure.")
NO_PARTIES = ("There are 17 projects with an investment of over 100 million yuan, which have strong innovative "
              "capabilities and great development potential.")
POST = ("During the conference, Wang Bo, deputy mayor of Qingdao, introduced Qingdao's strong industrial "
        "foundation, abundant marine resources, geographical advantages, and efforts to increase its level "
        "of openness.")


@pytest.fixture
def cli(nlp, monkeypatch):
    """Invoke ``kg`` with the session's pipeline (loading it again takes seconds per call)."""
    monkeypatch.setattr("kg.nlp.load_pipeline", lambda *args, **kwargs: nlp)
    return lambda *args: CliRunner().invoke(main, [str(a) for a in args])


def test_explain_signing_sentence_shows_agreement_rule(nlp):
    [s] = explain(article_from_text(SIGNING), nlp).sentences
    [raw] = [f for f in s.raw_facts if f.rel == "agreement"]
    assert raw.rule == "signing" and 0 < raw.confidence <= 1
    assert [p.text for p in raw.roles["parties"]] == ["Qingdao"]
    assert raw.roles["signedAt"].text == "Hong Kong-Macao-Shandong Week"
    assert raw.details["count"] == 16 and raw.details["values"][0]["currency"] == "USD"
    assert raw.kept
    [fact] = [f for f in s.facts if f.kind == "agreement"]
    assert fact.rule == "signing" and fact.confidence == raw.confidence
    assert [p["label"] for p in fact.fields["parties"]] == ["Qingdao"]
    assert fact.fields["signed_at"]["cls"] == "Event"


def test_explain_sentence_without_facts_shows_mentions(nlp):
    result = explain(article_from_text(NO_FACTS), nlp)
    [s] = result.sentences
    assert [(m.text, m.cls, m.rule) for m in s.mentions] == [("Hong Kong", "City", "gazetteer"),
                                                             ("Qingdao", "City", "gazetteer")]
    assert s.raw_facts == () and s.facts == () and result.rules == ()
    text = format_text(result)
    assert "raw facts: none" in text and "facts: none" in text
    assert "Hong Kong  City  gazetteer" in text


def test_explain_names_the_document_rules_that_amended_a_fact(nlp):
    result = explain(article_from_text(SIGNER), nlp)
    [raw] = [f for f in result.sentences[0].raw_facts if f.rel == "agreement"]
    assert set(raw.amended_by) == {"agreement-signer-body", "agreement-sectors-told-after", "agreement-partner-named"}
    assert "Kaduna State" in [p.text for p in raw.roles["parties"]]
    assert {p.sentence for p in raw.roles["sectors"]} == {2}  # told in the next sentence
    uses = {r.name: r for r in result.rules}
    assert uses["agreement-signer-body"].amended == 1 and uses["agreement-signer-body"].confidence == 0.7
    assert uses["agreement-parties"].final == 1 and uses["agreement-parties"].raw == 0  # made by kg.extract
    text = format_text(result)
    [amended] = [line for line in text.splitlines() if line.startswith("      amended by: ")]
    assert set(amended.split(": ")[1].split(", ")) == {"agreement-sectors-told-after", "agreement-signer-body",
                                                      "agreement-partner-named"}
    assert "economy [Sector] (sentence 2)" in " ".join(text.split())


def test_explain_marks_a_raw_fact_that_made_no_fact(nlp):
    result = explain(article_from_text(NO_PARTIES), nlp)
    [s] = result.sentences
    [raw] = s.raw_facts
    assert raw.rel == "investment" and raw.roles == {"investor": None, "target": None}
    assert not raw.kept and s.facts == ()
    assert "-> no investment fact kept from this sentence" in format_text(result)
    assert "investor: -; target: -" in format_text(result)


def test_explain_article_reads_facts_across_sentences(nlp):
    """The whole article is parsed: the signing's sectors come from the next sentence."""
    result = explain(read_article(SEED), nlp, grep="signed a total")
    [s] = result.sentences
    assert " ".join(s.text.split()) == SIGNING and result.sentence_count > 10
    [raw] = s.raw_facts
    assert {p.sentence for p in raw.roles["sectors"]} == {s.n + 1}
    assert "smart manufacturing [Sector] (sentence" in " ".join(format_text(result).split())
    [fact] = s.facts
    assert "smart manufacturing" in [x["label"] for x in fact.fields["sectors"]]


def test_explain_sentence_number_and_grep_agree(nlp):
    article = read_article(SEED)
    everything = explain(article, nlp)
    [post] = explain(article, nlp, grep="DEPUTY  mayor").sentences
    assert post == everything.sentences[post.n - 1] == explain(article, nlp, sentence=post.n).sentences[0]
    assert " ".join(post.text.split()) == POST  # the article has non-breaking spaces
    assert [f.rule for f in post.raw_facts] == ["post-apposition"]
    assert [m.text for m in post.mentions][:2] == ["Wang Bo", "Qingdao"]


def test_explain_mention_shows_the_entity_it_became(nlp):
    """Typed Person by the NER, Wang Bo is an Official once his post is read."""
    result = explain(article_from_text(POST), nlp)
    wang = result.sentences[0].mentions[0]
    assert (wang.text, wang.cls, wang.rule) == ("Wang Bo", "Person", "ner-person")
    assert wang.entity["label"] == "Wang Bo" and wang.entity["cls"] == "Official"
    assert "Wang Bo  Person  ner-person  -> Wang Bo [Official]" in format_text(result)
    assert "Qingdao  City    gazetteer\n" in format_text(result)  # no arrow when nothing changed


@pytest.mark.parametrize("kwargs,code", [({"sentence": 0}, "[E102]"), ({"sentence": 99}, "[E102]"),
                                         ({"grep": "no such phrase"}, "[E103]")])
def test_explain_bad_selection_is_a_coded_error(nlp, kwargs, code):
    with pytest.raises(InputError) as e:
        explain(article_from_text(SIGNING), nlp, **kwargs)
    assert str(e.value).startswith(code)


def test_explain_json_parses(nlp):
    doc = json.loads(to_json(explain(article_from_text(SIGNING, date="2024-05-30"), nlp)))
    assert doc["article"]["date"] == "2024-05-30" and "text" not in doc["article"]
    [s] = doc["sentences"]
    assert s["raw_facts"][0]["rule"] == "signing"
    assert s["mentions"][1]["entity"] == {"label": "Qingdao", "cls": "City",
                                          "iri": "https://w3id.org/newskg/id/place/qingdao"}
    assert s["facts"][0]["fields"]["parties"][0]["label"] == "Qingdao"
    assert doc["rules"][0] == {"name": "signing", "kind": "agreement", "confidence": 0.75,
                               "raw": 1, "amended": 0, "final": 1}


def test_cli_explain_prints_rule_names(cli):
    result = cli("explain", SIGNING)
    assert result.exit_code == 0, result.output
    assert "agreement  signing  0.75" in result.output
    assert "    Qingdao                        City   gazetteer" in result.output
    assert "rules fired:" in result.output


def test_cli_explain_file_json(cli):
    result = cli("explain", "-f", SEED, "--sentence", "1", "--format", "json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    assert [s["n"] for s in doc["sentences"]] == [1]
    assert doc["article"]["source"] == str(SEED)


def test_cli_explain_jsonl_record_by_id(cli, tmp_path):
    path = tmp_path / "articles.jsonl"
    path.write_text("\n".join(json.dumps({"id": i, "text": t}) for i, t in (("a", NO_FACTS), ("b", POST))) + "\n",
                    encoding="utf-8")
    assert "post-apposition" not in cli("explain", "-f", path).output  # the first record
    result = cli("explain", "-f", path, "--id", "b")
    assert result.exit_code == 0, result.output
    assert "post  post-apposition  0.85" in result.output
    missing = cli("explain", "-f", path, "--id", "c")
    assert missing.exit_code == 1
    assert missing.output == f"Error: [E101] No article with id 'c' in {path} (ids there: 'a', 'b'). " \
                             "Give one of them to --id, or leave --id out for the first.\n"


@pytest.mark.parametrize("args,start", [
    (["-f", "no/such/article.txt"], "Error: [E001] no/such/article.txt: no such file or folder."),
    (["-f", str(ROOT / "data")], "Error: [E100]"),
    ([], "Error: [E104]"),
    ([SIGNING, "-f", str(SEED)], "Error: [E104]"),
    ([SIGNING, "--sentence", "2"], "Error: [E102] No sentence 2: the article has 1"),
])
def test_cli_explain_errors(cli, args, start):
    result = cli("explain", *args)
    assert result.exit_code == 1
    assert result.output.startswith(start)
    assert "Traceback" not in result.output


def test_explain_frees_the_strings_of_the_article(nlp):
    """Parsed in a memory zone, as in a build: explaining leaves the pipeline's vocabulary as it was
    ("1,200" is a new string to the model; ../shared/eval/train/tr_eu_4.txt)."""
    strings = len(nlp.vocab.strings)
    result = explain(article_from_text("According to the announcement, the factory will employ 1,200 workers, "
                                       "and EUR 800 million will be invested in it."), nlp)
    assert len(nlp.vocab.strings) == strings
    assert [f.rel for f in result.sentences[0].raw_facts] == ["investment"]
