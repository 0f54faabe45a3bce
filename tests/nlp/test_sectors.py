import pytest

from kg.nlp.sectors import SectorFinder


@pytest.fixture(scope="module")
def finder():
    return SectorFinder()


def sectors(nlp, finder, text: str) -> list[str]:
    doc = nlp(text)
    return [p.text for sent in doc.sents for p in finder.find(sent)]


@pytest.mark.parametrize("sentence,expected", [
    ("Qingdao is expected to strengthen cooperation with Hong Kong in five major areas - technological innovation, "
     "international shipping, international trade, modern finance, and cultural tourism consumption, according to Wang.",
     ["technological innovation", "international shipping", "international trade", "modern finance",
      "cultural tourism consumption"]),
    ("A total of 324 companies from a wide range of fields, including new-generation information technology, "
     "manufacturing, bio-medicine, new material, and finance, participated in the conference.",
     ["new-generation information technology", "manufacturing", "bio-medicine", "new material", "finance"]),
    # a direct object of "span" whose subject is a deal; a generic head ("security cooperation") dropped
    ("The deals span human rights, agriculture, energy, and security cooperation.",
     ["human rights", "agriculture", "energy", "security"]),
    # the preposition hangs off the partner's name
    ("Prior to this, Jinhua Development Zone has cooperated with Tencent Cloud in social governance and economic industry.",
     ["social governance", "economic industry"]),
    # the parser loses the coordination after the first item: the list is read on in the text
    ("At the opening ceremony, the governments of Jiangsu and Macau signed a cooperation framework agreement for key "
     "areas during the 14th Five-Year Plan period, including high-level exchanges, S&T innovation, trade, modern "
     "service industry and education.",   # "exchanges" heads the field, as the gold writes it
     ["high-level exchanges", "s&t innovation", "trade", "modern service industry", "education"]),
    ("The 38 agreements signed by the northern city with local and neighboring companies cover high-end equipment "
     "manufacturing, new materials, information technology, green energy, as well as culture and tourism.",
     ["high-end equipment manufacturing", "new materials", "information technology", "green energy", "culture",
      "tourism"]),
    # the industries a plan names, as the complement of "are"
    ("The industries identified in the plan are information technology, food processing, equipment manufacturing "
     "and automobiles.", ["information technology", "food processing", "equipment manufacturing", "automobiles"]),
])
def test_sectors_lists_under_frames(nlp, finder, sentence, expected):
    assert sectors(nlp, finder, sentence) == expected



@pytest.mark.parametrize("sentence,expected", [
    # the parser hangs the second modifier on the first: both share the head
    ("Uttar Pradesh Chief Minister Yogi Adityanath on Monday started his two-day Singapore trip by signing "
     "memorandums of understanding (MoUs) worth Rs 20,000 crore with a focus on data centres, renewable and green "
     "energy, logistics and warehousing.", ["data centres", "renewable and green energy", "logistics", "warehousing"]),
    # a noun that is a field of its own does not share the head; a fixed field does
    ("Zabaykalsky Territory and Uttar Pradesh signed a memorandum on cooperation in agriculture and food production.",
     ["agriculture", "food production"]),
    ("Yakutia and Gujarat agreed to cooperate in diamond production, while a document concluded by Sakhalin region "
     "and Haryana covered cooperation in oil and gas industry.", ["diamond production", "oil and gas industry"]),
])
def test_sectors_coordinated_modifiers_before_a_head(nlp, finder, sentence, expected):
    assert sectors(nlp, finder, sentence) == expected


def test_sectors_a_contrast_before_a_head_is_no_list(nlp, finder):
    found = sectors(nlp, finder, "The report warns that the government should not be scared off investment in "
                                 "innovative but potentially risky schemes by the failure of the e-University.")
    assert not any("innovative" in s for s in found)


def test_sectors_working_together_on_a_list(nlp, finder):
    assert sectors(nlp, finder, "The zones will also work together on cultural tourism and headquarters "
                                "economy.") == ["cultural tourism", "headquarters economy"]
    assert sectors(nlp, finder, "An executive spokesman said the health department and the state hospital itself "
                                "would work together on preparing the report.") == []


def test_sectors_a_talks_subjects_and_the_deal_are_no_fields(nlp, finder):
    assert sectors(nlp, finder, "Meanwhile, the CM also called on Singapore Prime Minister Lawrence Wong and Foreign "
                                "Minister Vivian Balakrishnan and discussed cooperation in investment, infrastructure "
                                "development and other issues.") == ["investment", "infrastructure development"]
    assert "loi" not in sectors(nlp, finder, "The focus of cooperation in the LoI include education in science and "
                                             "technology, sports, youth and capacity building and government management.")


def test_sectors_a_list_after_an_aside(nlp, finder):
    assert sectors(nlp, finder, "The MOU signing signaled the start of cooperation between Cebu province and "
                                "Infrastructure Area for sustainable projects focusing on, but not limited to, water "
                                "supply, waste management, renewable energy, and transportation.") == [
        "water supply", "waste management", "renewable energy", "transportation"]


def test_sectors_offsets_point_at_text(nlp, finder):
    doc = nlp("Chiang expressed hope that both parties will enhance cooperation in areas such as technological "
              "innovation, modern finance, and emerging industries.")
    found = [p for sent in doc.sents for p in finder.find(sent)]
    assert found and all(doc.text[p.start:p.end].lower() == p.text for p in found)


@pytest.mark.parametrize("sentence", [
    "Delegates came from countries and regions including the United States, Japan, Britain and Singapore.",
    "Over the last five years, its Brazilian subsidiary invested 2 billion reais in the state.",
    # a list "including" after people or bodies names who takes part
    "After that agreement, the procedure will continue with the Korea International Cooperation Agency (Koica), the "
    "South Korean agency in charge of enhancing international cooperation with partnerships with a wide range of "
    "stakeholders, including ministries, public institutions, civil society, companies, and universities.",
])
def test_sectors_skip_names_places_and_things(nlp, finder, sentence):
    assert sectors(nlp, finder, sentence) == []


@pytest.mark.parametrize("sentence,expected", [
    ("Lastly, it includes the electronic information sector led by cloud computing, big data and artificial "
     "intelligence.", ["electronic information", "cloud computing", "big data", "artificial intelligence"]),
    ("The parties expressed their readiness to support initiatives to develop trade, investment, transport and "
     "logistics.", ["trade", "investment", "transport", "logistics"]),
    # "promoting" is a form of "promote": the verb's "e" dropped before "-ing"
    ("According to the City of Austin website, the agreement will facilitate collaboration between the local "
     "governments of Austin and Chiang Mai, as well as promoting trade, investment and economic development for "
     "mutual benefit.", ["trade", "investment", "economic development"]),
])
def test_sectors_lists_led_by_and_after_common_verbs(nlp, finder, sentence, expected):
    assert sectors(nlp, finder, sentence) == expected


def test_sectors_a_common_verb_with_a_short_list_names_none(nlp, finder):
    assert sectors(nlp, finder, "The two cities will strengthen ties and friendship.") == []


def test_sectors_two_written_with_a_slash_and_no_judging_word(nlp, finder):
    found = sectors(nlp, finder, "The agreement aims to boost cooperation and knowledge sharing in several identified "
                                 "sectors and areas, namely food, water & energy, logistics, supply chain management, "
                                 "healthcare, branding/city marketing, retail/wholesale.")
    assert {"food", "logistics", "healthcare", "retail", "wholesale"} <= set(found)
    assert "identified" not in found and "retail/wholesale" not in found


def test_sectors_a_fixed_field_after_including_and_no_interest(nlp, finder):
    found = sectors(nlp, finder, "That has since enabled the fostering of bilateral relations in the different policy "
                                 "areas of interest, including research and development, education or security.")
    assert found == ["research and development", "education", "security"]


@pytest.mark.parametrize("sentence", [
    "The intention of both regions is to step up bilateral relations to cooperate in different areas of common "
    "interests.",
    "Germany is a major partner of the Basque Country in terms of imports and exports.",
    # a list after "events like" names occasions; an alliance is a tie, not a field
    "The fair has attracted about 30,000 attendees, with 32 bilateral and multilateral investment and trade events "
    "like ecological industry projects match-making meeting, summit on Belt and Road food security.",
    "The two cities are also expected to work together to strengthen existing and potential alliance, ventures and "
    "opportunities.",
])
def test_sectors_what_a_cooperation_is_about_is_no_field(nlp, finder, sentence):
    assert not {"interest", "common interests", "terms", "summit", "match-making meeting",
                "existing and potential alliance"} & set(sectors(nlp, finder, sentence))


def test_sectors_a_list_that_is_said_to_be_areas(nlp, finder):
    found = sectors(nlp, finder, "Carvalho said tourism and agriculture, particularly on cacao and coffee farming, can be "
                                 "areas that Davao and Kaua’i could work on together.")
    assert {"tourism", "agriculture"} <= set(found)


def test_sectors_a_fixed_field_after_its_modifier_stays_whole(nlp, finder):
    found = sectors(nlp, finder, "Zhang stressed that Yantai and Stavanger, whose advantageous industries include steel, "
                                 "mechanical engineering, wood processing and petroleum science and technology, share a "
                                 "bright future of further cooperation.")
    assert "petroleum science and technology" in found and "petroleum science" not in found


def test_sectors_a_cooperation_whose_preposition_the_parser_hangs_elsewhere(nlp, finder):
    assert sectors(nlp, finder, "The Russian Far Eastern Federal University, which hosted meeting between Russian and "
                                "Indian delegations on Monday, also signed a memorandum of understanding with the Amity "
                                "University on mutual opening of representative offices and cooperation in "
                                "education.") == ["education"]
    # only a cooperation word reads the preposition after it: "go hand in hand" names no field
    assert sectors(nlp, finder, "\"Rhetoric and delivery don't necessarily go hand in hand,\" Mr Kok said in a press "
                                "conference alongside the publication of his report.") == []


@pytest.mark.parametrize("sentence", [
    "The first focuses on enhancing the capabilities of Angolan agricultural and forestry research institutions, "
    "emphasizing the sustainable development of semi-arid areas.",
    "In the foreword to the manifesto, he promises to focus on restoring order, trying to lower taxes and giving "
    "power back to the people.",
])
def test_sectors_a_verb_with_its_object_is_no_field(nlp, finder, sentence):
    assert not any(s.split()[0] in ("enhancing", "restoring") for s in sectors(nlp, finder, sentence))


def test_sectors_the_fields_of_a_cooperation_a_deal_is_on(nlp, finder):
    # without its generic head a coordination of modifiers shares nothing: each is a field
    assert sectors(nlp, finder, "The deals were inked between Shanghai International Technology Exchange Center and "
                                "the Izmir Chamber of Commerce on technological and business cooperation, as well as "
                                "the Industrial and Commercial Bank of China (ICBC) in Turkey and Sichuan "
                                "Airlines.") == ["technological", "business"]


def test_sectors_a_list_read_on_in_the_text_keeps_participle_modifiers(nlp, finder):
    # the parser loses the list after "urban planning"; "integrated" (a participle) opens the next item
    found = sectors(nlp, finder, "Through this partnership, Singapore will support Andhra Pradesh with advanced expertise "
                                 "in urban planning, integrated digital platforms, institutional capacity building and "
                                 "knowledge driven economic growth, strengthening the State’s efforts to build world "
                                 "class governance systems and a future ready capital city.")
    assert found[:3] == ["urban planning", "integrated digital platforms", "institutional capacity building"]


def test_sectors_abbreviations_joined_by_a_slash_are_one_field(nlp, finder):
    found = sectors(nlp, finder, "The MoUs are worth Rs 12.89 Lakh crores of investment received across 16 diverse "
                                 "sectors such as chemicals and petrochemicals, textiles, mining and metallurgy, renewable "
                                 "energy, IT/ITeS, tourism, and food processing, the press release added.")
    assert "it/ites" in found and "it" not in found


def test_sectors_a_fixed_field_of_three_words_after_the_first_stays_whole(nlp, finder):
    assert sectors(nlp, finder, "Turkey currently stands as the largest investing country in Algeria, contributing "
                                "significantly to job creation, excluding the oil and natural gas sector.") == [
        "oil and natural gas"]


@pytest.mark.parametrize("sentence,act", [
    ("The field of tourism, including the promotion of two-way tourism by involving the cooperation between travel "
     "agents of both regions.", "promotion"),
    ("Eurozone interest rates are at 2%, but comments from senior officials have recently focused on the threat of "
     "inflation, prompting fears that interest rates may rise.", "threat"),
])
def test_sectors_a_noun_with_an_of_complement_is_no_field(nlp, finder, sentence, act):
    assert act not in sectors(nlp, finder, sentence)


def test_sectors_projects_are_things_no_field(nlp, finder):
    assert sectors(nlp, finder, "He appealed to the foreign diginatries to invest in the infrastructural projects "
                                "especially in Karachi.") == []


def test_sectors_an_item_the_parser_hung_on_the_next_is_its_own(nlp, finder):
    """tr_cn2: "e-commerce" parsed as a modifier of "service" across the comma is a list item of its own;
    "develop trade, economic, investment ... ties" keeps its adjectives for the shared head."""
    found = sectors(nlp, finder, "A total of 13 investment cooperation projects, including 11 signed on the 9th "
                    "afternoon and two signed two days ago, involve many fields, such as finance, advanced "
                    "manufacturing, e-commerce, service for the aged and industry real estate with the investment "
                    "totaling 8.14 billion U.S. dollars.")
    assert "e-commerce" in found
    ties = sectors(nlp, finder, "The parties expressed their readiness to support initiatives to develop trade, "
                   "economic, investment, financial, technical, transport, logistics, cultural, humanitarian, "
                   "educational, and sports ties.")
    assert "economic" not in ties


def test_sectors_a_participle_with_its_object_after_such_as_is_a_field(nlp, finder):
    """tr_cn2: "such as recycling industry, ..., and eco-tourism have become": the participle and its object
    are one item, and the last item is followed by the list's verb."""
    assert sectors(nlp, finder, "Among the projects signed, green industries such as recycling industry, modern "
                   "agriculture, channel logistics, and eco-tourism have become popular sectors for investment, "
                   "according to Jia Ning, deputy secretary-general of the Gansu provincial government.") == [
        "recycling industry", "modern agriculture", "channel logistics", "eco-tourism"]


def test_sectors_two_adjectives_share_their_noun_in_a_list(nlp, finder):
    """tr_na: the parser takes "urban" for an item of its own; "urban and regional development" is one field."""
    found = sectors(nlp, finder, "Mr Beattie said the new arrangements would cover agribusiness and food, urban and "
                    "regional development, road and transport infrastructure, trade and investment, education and "
                    "training and tourism industry development.")
    assert "urban and regional development" in found and "urban" not in found


def test_sectors_an_act_on_a_field_names_the_field_after_of(nlp, finder):
    """tr_la_2: in a list of areas, "promotion of social rights" names social rights (``field_acts.txt``)."""
    assert sectors(nlp, finder, "Some of the key areas in which cooperation will take place are promotion of social "
                   "rights, governance, cultural rights, among others.") == [
        "social rights", "governance", "cultural rights"]


def test_sectors_the_areas_of_a_cooperation_are_its_not_described(nlp, finder):
    """tr_la_2 vs tr_cn2_4: the fields "the key areas in which cooperation will take place are" belong to the
    cooperation; "the industries identified in the plan are" describe a place's own."""
    doc = nlp("Some of the key areas in which cooperation will take place are promotion of social rights, governance, "
              "cultural rights, among others.")
    assert [p.described for s in doc.sents for p in finder.find(s)] == [False, False, False]
    doc = nlp("The industries identified in the plan are information technology, food processing, non-ferrous "
              "metals and precious metals, high-end new chemical materials, equipment manufacturing, automobiles, and "
              "medical and health care.")
    found = [p for s in doc.sents for p in finder.find(s)]
    assert found and all(p.described for p in found)


@pytest.mark.parametrize("sentence,expected", [
    ("Also the biomedical health industry comprises biological vaccine and gene engineering, medical apparatus, and "
     "modern Chinese medicine.", ["biomedical health industry", "biological vaccine", "gene engineering",
                                  "medical apparatus", "modern chinese medicine"]),
    # the industry named, not the bodies listed before it
    ("However, he believes a lot of preparatory work is still needed to be done by police, local authorities and the "
     "drinks industry before the nation was ready for 24-hour drinking.", ["drinks industry"]),
    # an industry judged or described, not named
    ("The Prime Minister in his message to global industries has said that 'Odisha is the best.", []),
    # where an industry stands is no field
    ("With our manufacturing industry in serious decline the country cannot be entirely service industries without "
     "something tangible to serve.", ["manufacturing industry", "service industries"]),
    ("\"Career sexism is about saying that engineering, for instance, where only 10% of employees are women, is really "
     "a male-dominated industry.", []),
])
def test_sectors_an_industry_named_as_such(nlp, finder, sentence, expected):
    assert sectors(nlp, finder, sentence) == expected


def test_sectors_a_peoples_word_inside_a_common_phrase(nlp, finder):
    found = sectors(nlp, finder, "Also the biomedical health industry comprises biological vaccine and gene engineering, "
                                 "medical apparatus, and modern Chinese medicine.")
    assert "modern chinese medicine" in found
    # a people's word that opens the phrase names who, not a field
    assert sectors(nlp, finder, "About 40 percent of the companies were from 15 countries and regions including the "
                                "United States, Japan, Britain, France, Germany and Singapore.") == []


def test_sectors_a_cooperations_focus_is_no_places_own_industries(nlp, finder):
    doc = nlp("The focus of cooperation in the LoI include education in science and technology, sports, youth and "
              "capacity building and government management.")
    found = [p for sent in doc.sents for p in finder.find(sent)]
    assert found and not any(p.described for p in found)
    doc = nlp("The industries identified in the plan are information technology, food processing, non-ferrous "
              "metals and precious metals, high-end new chemical materials, equipment manufacturing, automobiles, and "
              "medical and health care.")
    found = [p for sent in doc.sents for p in finder.find(sent)]
    assert found and all(p.described for p in found)


def test_sectors_names_with_their_fields_and_the_verb_left_out(nlp, finder):
    assert sectors(nlp, finder, "Among these, DP world is investing in shipping and logistics, RP group in tourism, Lulu "
                                "in retailing and Aster in health.") == [
        "shipping", "logistics", "tourism", "retailing", "health"]


def test_sectors_areas_ranging_from_one_field_to_another(nlp, finder):
    assert sectors(nlp, finder, "Five Russian Far Eastern regions and five Indian states signed on Monday five memorandums "
                                "of understanding on cooperation in various areas ranging from diamond sector to tourism, "
                                "a Sputnik correspondent reported.") == ["diamond", "tourism"]


@pytest.mark.parametrize("sentence,expected", [
    ("Mulki also attended a signing ceremony between ADC and Manaseer Group to establish a facility manufacturing "
     "fertilisers, various chemicals and gypsum.", ["fertilisers", "chemicals", "gypsum"]),
    ("Yoshiaki Tsutsumi was once ranked as the world's richest man and ran a business spanning hotels, railways, "
     "construction and a baseball team.", ["hotels", "railways", "construction"]),
])
def test_sectors_a_list_after_a_verb_the_parser_took_for_a_modifier(nlp, finder, sentence, expected):
    assert sectors(nlp, finder, sentence) == expected


def test_sectors_a_noun_before_the_cooperation_a_verb_furthers(nlp, finder):
    assert sectors(nlp, finder, "Furthering security cooperation, a memorandum of understanding was signed between the "
                                "Brazilian Federal Police and Angola’s National Police.") == ["security"]
    assert "win" not in " ".join(sectors(nlp, finder, "The two parties will deepen their win-win cooperation in "
                                                      "hydrogen energy and other renewable energy, as well as health care "
                                                      "and scientific research, said Lower Saxony's minister president "
                                                      "Stephan Weil via video link."))


@pytest.mark.parametrize("sentence", [
    "The poll also found that the majority of Britons would prefer the monarchy to miss a generation, with the Queen "
    "handing the throne to her grandson Prince William, 22, on her death or abdication.",
    "China remains the main area of concern for BMW after sales there fell 16% last year.",
    "Mr Straw argued cooperation with European partners could bring a \"level playing field\" on immigration and "
    "asylum controls.",
])
def test_sectors_idioms_and_concerns_name_no_field(nlp, finder, sentence):
    assert sectors(nlp, finder, sentence) == []


def test_sectors_people_and_bodies_are_no_fields(nlp, finder):
    assert sectors(nlp, finder, "Mr Blunkett was also at the centre of a humiliating scandal involving the former "
                                "immigration minister Beverly Hughes.") == []


def test_sectors_a_frame_word_that_modifies_the_object(nlp, finder):
    assert sectors(nlp, finder, "Welcoming the Gyeongsangbuk delegation led by Governor Lee Cheol Woo, Secretary of Bac "
                                "Ninh’s Party Committee Nguyen Anh Tuan said he believes the MoU will help open up "
                                "all-round cooperation opportunities in investment, trade, health, education, science "
                                "technology, and socio-cultural exchanges, thus contributing to promoting the Vietnam-RoK "
                                "comprehensive strategic partnership.")[:6] == [
        "investment", "trade", "health", "education", "science technology", "socio-cultural exchanges"]


def test_sectors_in_order_to_names_no_field(nlp, finder):
    assert sectors(nlp, finder, "The Basque Government and the Bavarian Government have today signed a cooperation "
                                "agreement in order to strengthen relations and seek closer cooperation in areas that "
                                "are of mutual interest.") == []


def test_sectors_solutions_name_no_field(nlp, finder):
    found = sectors(nlp, finder, "The agreement aims to boost cooperation and knowledge sharing in several identified "
                                 "sectors and areas, namely food, water & energy, logistics, supply chain management, "
                                 "healthcare, branding/city marketing, retail/wholesale, manufacturing, infrastructure "
                                 "and environment, with a major focus on collaboration on innovative projects and "
                                 "solutions within the above-mentioned sectors.")
    assert "logistics" in found and "solutions" not in found


def test_sectors_an_entity_invested_in_is_no_field(nlp, finder):
    assert "entity" not in sectors(nlp, finder, "After announcing the establishment and expansion of two new companies "
                                                "that will invest 70 million dollars in the entity, Nuevo León continues "
                                                "to position itself as the state that offers the best conditions to "
                                                "invest, said the Governor.")


def test_sectors_a_places_firm_in_a_list_is_no_field(nlp, finder):
    """BBC business/181: "India's ONGC" ends a list of fields but is a firm."""
    text = ("On the agenda are oil and gas extraction as well as transportation deals, to be led by Russian energy "
            "giant Gazprom and India's ONGC.")
    assert "ongc" not in [s.lower() for s in sectors(nlp, finder, text)]


def test_sectors_a_words_frame_is_read_only_for_words_that_start_as_a_frame(finder):
    from kg.nlp.sectors import _word_forms

    text = ("Qingdao is expected to strengthen cooperation with Hong Kong in five major areas - technological "
            "innovation, international shipping, international trade, modern finance, and cultural tourism "
            "consumption, according to Wang. The deals span human rights, agriculture, energy, and security "
            "cooperation.")
    words = {w.lower() for w in text.replace(",", " ").replace(".", " ").split()} | {"industries", "promoting", "ties"}
    for word in words:  # the first two letters filter nothing out that a form of the word would find
        assert finder._word_frame(word) == next((finder.frames[f] for f in _word_forms(word) if f in finder.frames), None)
    assert finder._word_frame("industries") is not None and finder._word_frame("modern") is None


def test_sectors_industry_nouns_found_where_one_starts_are_those_of_the_pattern():
    # named_industries reads _INDUSTRY_NOUN's matches tried only where a noun starts (speed): the same matches in
    # the shared sets' articles, and where a noun ends or sits inside a longer word
    from pathlib import Path

    from kg.nlp.sectors import _INDUSTRY_NOUN, _industry_nouns

    shared = Path(__file__).resolve().parents[3] / "shared" / "eval"
    texts = [p.read_text(encoding="utf-8") for p in sorted(shared.glob("*/*.txt"))]
    assert len(texts) > 50
    texts += ["subsector markets", "firms-market", "agro-industry firms", "submarket market", "marketfirms firms"]
    for text in texts:
        assert [m.span() for m in _industry_nouns(text)] == [m.span() for m in _INDUSTRY_NOUN.finditer(text)]
    assert [m.group(0) for m in _industry_nouns("submarket market")] == ["market"]
