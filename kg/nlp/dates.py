"""Dates in news text, resolved against the article's publication date.

"May 28" takes the article's year; "Tuesday" is the latest such weekday on or
before the article date (news reports what happened), unless the text puts it
ahead ("will be held on Friday", "begins on Monday").
"""
from __future__ import annotations

import datetime as dt
import re

from .rules import NUMBER_WORDS

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], 1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = {d: i for i, d in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
MONTH_DAY = re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>\d{{4}}))?", re.I)
DAY_MONTH = re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}\b(?:,?\s+(?P<year>\d{{4}}))?", re.I)
MONTH_YEAR = re.compile(rf"\b(?:in\s+)?{_MONTH}\s+(?P<year>\d{{4}})\b", re.I)
# "in November": a month without its year, the latest such month up to the article's (capitalised: not "in may")
_MONTH_NAME = r"(?P<month>" + "|".join(m.capitalize() for m in sorted(MONTHS, key=len, reverse=True)) + r")"
MONTH_ONLY = re.compile(rf"\b[Ii]n\s+(?:(?:early|late|mid)[\s-]+)?{_MONTH_NAME}\b(?!\.?\s+\d)")
WEEKDAY = re.compile(r"\b(?P<wd>" + "|".join(WEEKDAYS) + r")\b", re.I)
# Words that put a weekday ahead of the article: "will be held on Friday", "begins on Monday", "next Tuesday"
FUTURE = re.compile(r"\b(?:will|shall|is to|are to|is set to|are set to|to be|begins?|starts?|opens?|kicks? off|"
                    r"scheduled|slated|due|next|upcoming|coming)\b", re.I)
RELATIVE = re.compile(r"\b(?P<rel>today|yesterday)\b", re.I)
# Days told as a range: "on April 26-27", "26-27 April", "From July 29 to 30"
_ANY_MONTH = _MONTH.replace("?P<month>", "?:")
DAY_RANGE = re.compile(rf"\b{_ANY_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\s*(?:-|–|to)\s*\d{{1,2}}(?:st|nd|rd|th)?\b(?![,.]?\d|\s*%)|"
                       rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s*(?:-|–|to)\s*\d{{1,2}}(?:st|nd|rd|th)?\s+{_ANY_MONTH}", re.I)
# An occasion of several days a thing happened at or during: "during the five-day expo", "at the end of the
# two-day Global Investors Meet" (not "began a three-day visit by signing": its first day)
AT_DAYS = re.compile(r"\b(?:at|during|in|on the sidelines of|throughout)\s+(?:the\s+(?:end|close|closing|sidelines)\s+of\s+)?"
                     r"(?:the|a|an|this|its|their)\s+(?:[\w-]+\s+){0,2}?(\w+)-day\b", re.I)
# "signed at Parliament House in Brisbane this week": a week up to the article's day, or the one before
WEEK = re.compile(r"\b(?P<which>this|last)\s+week\b", re.I)


def week_month(text: str, published: str | None) -> str | None:
    """The month (``YYYY-MM``) of "this week" or "last week" in ``text``, when the week, up to the article's day,
    lies in one month; none for "this week" put ahead ("is to visit ... this week": maybe after the article's day).

    >>> week_month("The new memorandum was signed at Parliament House in Brisbane this week", "2007-08-31")
    '2007-08'
    >>> week_month("signed last week", "2024-03-04") is None  # Monday 26 February to Sunday 3 March
    True
    """
    m = WEEK.search(text)
    if m is None or not published:
        return None
    if m.group("which").lower() == "this" and FUTURE.search(text[max(0, m.start() - 60):m.start()]):
        return None
    base = dt.date.fromisoformat(published)
    if m.group("which").lower() == "last":
        first = base - dt.timedelta(days=base.weekday() + 7)
        last = first + dt.timedelta(days=6)
    else:
        first, last = base - dt.timedelta(days=base.weekday()), base
    return f"{first.year:04d}-{first.month:02d}" if (first.year, first.month) == (last.year, last.month) else None


def several_days(text: str) -> bool:
    """Whether ``text`` tells of days, not one day: a range of days or an occasion of several.

    >>> several_days("signed at the Zhambyl Forum 2023 on April 26-27 in Taraz")
    True
    >>> several_days("A total of 99 projects were signed during the five-day expo")
    True
    >>> several_days("began a three-day visit to Beijing on Monday by signing a deal")
    False
    """
    if "-day" in text:
        for m in AT_DAYS.finditer(text):
            n = m.group(1).lower()
            if NUMBER_WORDS.get(n, int(n) if n.isdigit() else 0) > 1:
                return True
    return DAY_RANGE.search(text) is not None


def resolve_date(text: str, published: str | None) -> str | None:
    """The first date stated in ``text`` as ISO ``YYYY-MM-DD`` (or ``YYYY-MM``).

    >>> resolve_date("held in Hong Kong on May 28.", "2024-05-30")
    '2024-05-28'
    >>> resolve_date("attended the conference Tuesday", "2020-12-10")
    '2020-12-08'
    >>> resolve_date("in Chennai on Thursday", "2019-01-24")
    '2019-01-24'
    >>> resolve_date("The fair will open on Friday", "2020-12-08")  # ahead: a Tuesday's article
    '2020-12-11'
    """
    base = dt.date.fromisoformat(published) if published else None
    for pattern in (MONTH_DAY, DAY_MONTH):
        m = pattern.search(text)
        if m:
            year = int(m.group("year")) if m.group("year") else (base.year if base else None)
            if year is None:
                return None
            try:
                day = dt.date(year, MONTHS[m.group("month").lower()], int(m.group("day")))
            except ValueError:
                continue
            if base and not m.group("year") and day > base + dt.timedelta(days=180):
                day = day.replace(year=year - 1)  # "Dec 28" in a January article
            return day.isoformat()
    m = MONTH_YEAR.search(text)
    if m:
        return f"{int(m.group('year')):04d}-{MONTHS[m.group('month').lower()]:02d}"
    if base is None:
        return None
    m = MONTH_ONLY.search(text)
    if m and not FUTURE.search(text[max(0, m.start() - 60):m.start()]):
        month = MONTHS[m.group("month").lower()]
        return f"{base.year - (month > base.month):04d}-{month:02d}"
    m = WEEKDAY.search(text)
    if m:
        wd = WEEKDAYS[m.group("wd").lower()]
        if FUTURE.search(text[max(0, m.start() - 60):m.start()]):
            return (base + dt.timedelta(days=(wd - base.weekday()) % 7)).isoformat()  # "the fair opens on Monday"
        back = (base.weekday() - wd) % 7
        return (base - dt.timedelta(days=back)).isoformat()
    m = RELATIVE.search(text)
    if m:
        return (base - dt.timedelta(days=1 if m.group("rel").lower() == "yesterday" else 0)).isoformat()
    return None
