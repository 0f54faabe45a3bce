import pytest

from kg.nlp.dates import resolve_date


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
