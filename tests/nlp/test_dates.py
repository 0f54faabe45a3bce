import pytest

from kg.nlp.dates import resolve_date, several_days, week_month


@pytest.mark.parametrize("text,published,expected", [
    ("which was held in Hong Kong on May 28.", "2024-05-30", "2024-05-28"),
    ("Wang Weizhong attended the conference Tuesday as an investment promotion commissioner", "2020-12-10", "2020-12-08"),
    ("the two-day Global Investors Meet (GIM) in Chennai on Thursday", "2019-01-24", "2019-01-24"),
    ("held on Dec 28", "2025-01-03", "2024-12-28"),
    ("in March 2023", None, "2023-03"),
    ("signed a memorandum of understanding with Texas Mayor Kirk Watson in November", "2024-02-08", "2023-11"),
])
def test_dates_resolve_against_publication(text, published, expected):
    assert resolve_date(text, published) == expected


def test_dates_none_without_a_date():
    assert resolve_date("Qingdao will deepen cooperation with Hong Kong", "2024-05-30") is None


@pytest.mark.parametrize("text,published,expected", [
    ("The expo begins on Monday in Nanning", "2023-09-14", "2023-09-18"),   # ahead of a Thursday
    ("The forum was held on Monday in Nanning", "2023-09-14", "2023-09-11"),
    ("signed six agreements on May 24, 2025, to strengthen ties", "2025-05-26", "2025-05-24"),  # a two-digit day
])
def test_dates_weekdays_ahead_and_two_digit_days(text, published, expected):
    assert resolve_date(text, published) == expected


@pytest.mark.parametrize("text,expected", [
    ("signed seven agreements with large foreign companies worth $700 million at the Zhambyl Economic and Investment "
     "Forum 2023 on April 26-27 in Taraz", True),                                  # a range of days
    ("A total of 99 projects were signed during the five-day expo", True),       # an occasion of several days
    ("From July 29 to 30, Chen Long, secretary of the Jinhua Municipal Party Committee, led a delegation", True),
    ("Germany's Chancellor Gerhard Schroeder began a three-day visit to Beijing on Monday by signing a deal", False),
    ("signed a Memorandum of Understanding on 5 May in Hamburg City Hall", False),
])
def test_dates_several_days(text, expected):
    assert several_days(text) is expected


@pytest.mark.parametrize("text,published,expected", [
    ("The new memorandum was signed at Parliament House in Brisbane this week", "2007-08-31", "2007-08"),
    ("a decree of some kind of intervention could be signed this week", "2007-08-02", None),  # from July 30
    ("signed last week", "2007-08-31", "2007-08"),
    ("Foreign Secretary Jack Straw is to visit Thailand and Indonesia this week", "2005-01-12", None),  # ahead
    ("Euronext is due to hold talks with LSE this week", "2005-01-12", None),
    ("signed on Monday", "2007-08-31", None),
])
def test_dates_week_month(text, published, expected):
    assert week_month(text, published) == expected
