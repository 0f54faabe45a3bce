"""The pipeline's own components (kg.nlp.factories)."""


def test_paragraphs_a_line_break_starts_a_sentence_a_possessive_and_a_bracketed_title_end_none(nlp):
    text = ("The People’s Committee of Bac Ninh province and the administration of the Republic of Korea (RoK)’s "
            "Gyeongsangbuk province signed a memorandum of understanding (MoU) on friendly cooperation at a ceremony in "
            "Bac Ninh city on November 29.\n"
            "This move aimed at consolidating and developing friendship, and enhancing understanding based on mutual "
            "respect and win-win cooperation.\n\n"
            "According to his itinerary, Adityanath started his day by meeting India’s Ambassador to Singapore Shilpak "
            "Ambule, followed by meetings with Temasek Chairman Teo Chee Hean, GIC Chief Executive Officer (CEO) Lim "
            "Chow Kiat, DBS Bank CEO Tan Su Shan and Singapore-headquartered Universal Success Enterprises founder "
            "Prasoon Mukherjee.")
    starts = [s[0].text for s in nlp(text).sents]
    assert starts == ["The", "This", "According"]
