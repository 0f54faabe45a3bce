"""Token attributes read as per-Doc columns (kg.nlp.columns)."""
from pathlib import Path

SHARED = Path(__file__).resolve().parents[3] / "shared" / "eval"


def test_columns_hold_each_tokens_attribute(nlp):
    # the lower-case column is str.lower() of the text column (speed), spaCy's LOWER: the same on whole shared-set
    # articles, with words beyond ASCII ("Vesterålen", "Klaipėda", "’s")
    from kg.nlp.columns import token_strings

    articles = sorted(SHARED.glob("dev/*.txt")) + [SHARED / "train" / f"{name}.txt" for name in ("tr_la_4", "tr_eu_5")]
    for path in articles:
        with nlp.memory_zone():  # the articles' words are not kept in the vocabulary for the tests after
            doc = nlp(path.read_text(encoding="utf-8"))
            assert token_strings(doc, "text") == [t.text for t in doc]
            assert token_strings(doc, "lower") == [t.lower_ for t in doc]
            assert token_strings(doc, "tag") == [t.tag_ for t in doc]
            assert token_strings(doc, "dep") == [t.dep_ for t in doc]
