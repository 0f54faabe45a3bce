import pytest

from kg.nlp.gazetteer import default_gazetteer


@pytest.fixture(scope="module")
def gaz():
    return default_gazetteer()


@pytest.mark.parametrize("name,cls,canonical", [
    ("Qingdao", "City", "Qingdao"),
    ("Hong Kong", "City", "Hong Kong"),
    ("Shandong", "Region", "Shandong"),
    ("Tamil Nadu", "Region", "Tamil Nadu"),
    ("Selangor", "Region", "Selangor"),
    ("China", "Country", "China"),
    ("U.S.", "Country", "United States"),
    ("Britain", "Country", "United Kingdom"),
    ("Timor-Leste", "Country", "Timor Leste"),
    ("Dong Nai", "Region", "Dong Nai"),  # "Đồng Nai": its Đ is folded to D, not dropped
    ("Da Nang", "City", "Da Nang"),
    ("Cape Verde", "Country", "Cabo Verde"),
    ("Greater Bay Area", "Region", "Greater Bay Area"),
    ("Europe", "Region", "Europe"),
    ("Beijing", "City", "Beijing"),
    # the names place_aliases.txt gives (BBC business/096, sport/133, tech/035): "the Republic of Congo", "the Republic
    # of Ireland", "Iran’s Islamic Republic"
    ("Republic of Congo", "Country", "Republic of the Congo"),
    ("Republic of Ireland", "Country", "Ireland"),
    ("Islamic Republic", "Country", "Iran"),
])
def test_gazetteer_types_places(gaz, name, cls, canonical):
    place = gaz.get(name)
    assert place is not None and (place.cls, place.name) == (cls, canonical)


@pytest.mark.parametrize("word", ["Wang", "Reading", "Of", "Boeing", "Chiang", "Republic"])
def test_gazetteer_skips_words_and_names(gaz, word):
    assert gaz.get(word) is None


def test_gazetteer_links_geonames(gaz):
    qingdao = gaz.get("Qingdao")
    assert qingdao.geonames_id == 1797929 and round(qingdao.lat) == 36


@pytest.mark.parametrize("demonym,country", [
    ("Venezuelan", "Venezuela"), ("Chinese", "China"), ("Indian", "India"), ("American", "United States"),
    ("British", "United Kingdom"), ("Malaysian", "Malaysia"), ("Thai", "Thailand"),
    ("Saudi", "Saudi Arabia"), ("Uzbek", "Uzbekistan"),  # short forms countryinfo lacks (demonym_aliases.txt)
])
def test_gazetteer_demonym_names_the_most_populous_country(gaz, demonym, country):
    assert gaz.demonyms[demonym] == country
    assert gaz.get(country).cls == "Country"


@pytest.mark.parametrize("name,canonical,cls", [
    ("Medellín", "Medellín", "City"),       # written with its accent, stored folded
    ("Türkiye", "Turkey", "Country"),
    ("Catalonia", "Catalonia", "Region"),   # ISO 3166-2 spells it Catalunya
    ("Bavaria", "Bavaria", "Region"),       # a German Land (Bayern)
    ("Makueni", "Makueni", "Region"),       # a Kenyan county
    ("Kisumu", "Kisumu", "City"),           # a county named after its town stays the town
    # English counties sit under England, a "country" of the UK (BBC entertainment/283 "Weston Park in Staffordshire",
    # politics/178 "Pease Pottage, West Sussex", politics/062 "Lancashire")
    ("Staffordshire", "Staffordshire", "Region"),
    ("West Sussex", "West Sussex", "Region"),
    ("Lancashire", "Lancashire", "Region"),
])
def test_gazetteer_first_level_divisions_and_accents(name, canonical, cls):
    place = default_gazetteer().get(name)
    assert place is not None and (place.name, place.cls) == (canonical, cls)


@pytest.mark.parametrize("name,canonical", [
    ("West Java", "West Java"),              # an Indonesian province under a geographical unit
    ("Gyeongsangbuk", "Gyeongsangbuk-do"),   # a Korean province without its "-do"
])
def test_gazetteer_provinces_by_their_english_and_short_names(name, canonical):
    place = default_gazetteer().get(name)
    assert place is not None and (place.name, place.cls) == (canonical, "Region")
