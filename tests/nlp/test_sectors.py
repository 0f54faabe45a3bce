import pytest

from kg.nlp.sectors import SectorFinder


@pytest.fixture(scope="module")
def finder():
    return SectorFinder()


@pytest.mark.parametrize("sentence,expected", [
    ("Qingdao is expected to strengthen cooperation with Hong Kong in five major areas - technological innovation, "
     "international shipping, international trade, modern finance, and cultural tourism consumption, according to Wang.",
     ["technological innovation", "international shipping", "international trade", "modern finance",
      "cultural tourism consumption"]),
    ("Among them were multiple projects focusing on key industries such as smart manufacturing, new energy and "
     "materials, modern finance, and cultural tourism.",
     ["smart manufacturing", "new energy and materials", "modern finance", "cultural tourism"]),
    ("A total of 324 companies from a wide range of fields, including new-generation information technology, "
     "manufacturing, bio-medicine, new material, and finance, participated in the conference.",
     ["new-generation information technology", "manufacturing", "bio-medicine", "new material", "finance"]),
])
def test_sectors_lists_after_cues(finder, sentence, expected):
    assert [p.text for p in finder.find(sentence)] == expected


def test_sectors_offsets_point_at_text(finder):
    sentence = "Chiang expressed hope that both parties will enhance cooperation in areas such as technological innovation, modern finance, and emerging industries."
    for p in finder.find(sentence, offset=10):
        assert sentence[p.start - 10:p.end - 10].lower() == p.text


def test_sectors_skip_names_and_slogans(finder):
    assert finder.find("countries and regions including the United States, Japan, Britain and Singapore.") == []
