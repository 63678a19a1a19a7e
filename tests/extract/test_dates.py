"""The date normalizer: relative and partial expressions resolved against the article date."""

from datetime import date

import pytest

from kgapi.extract.dates import find_dates, parse_published, resolve

DEC6 = date(2025, 12, 6)    # a Saturday
JUN17 = date(2025, 6, 17)   # a Tuesday
APR28 = date(2025, 4, 28)   # a Monday


@pytest.mark.parametrize("expr,ref,expected", [
    ("in October last year", DEC6, ("2024-10", None)),
    ("October of last year", DEC6, ("2024-10", None)),
    ("earlier this year", DEC6, ("2025", None)),
    ("later this year", JUN17, ("2025", None)),
    ("last year", JUN17, ("2024", None)),
    ("next year", JUN17, ("2026", None)),
    ("this month", JUN17, ("2025-06", None)),
    ("earlier this month", JUN17, ("2025-06", None)),
    ("last month", APR28, ("2025-03", None)),
    ("last month", date(2025, 1, 10), ("2024-12", None)),
    ("on Monday", DEC6, ("2025-12-01", None)),
    ("on Monday", APR28, ("2025-04-28", None)),
    ("on Saturday", APR28, ("2025-04-26", None)),
    ("last Monday", APR28, ("2025-04-21", None)),
    ("Tuesday's talks", JUN17, ("2025-06-17", None)),
    ("between July and August", DEC6, ("2025-07", "2025-08")),
    ("from October to December", JUN17, ("2024-10", "2024-12")),
    ("in January and February", JUN17, ("2025-01", "2025-02")),
    ("between November and February", JUN17, ("2024-11", "2025-02")),
    ("Oct. 22", DEC6, ("2025-10-22", None)),
    ("Sept. 3", DEC6, ("2025-09-03", None)),
    ("June 19, 2024", JUN17, ("2024-06-19", None)),
    ("19 June 2024", JUN17, ("2024-06-19", None)),
    ("June 2024", JUN17, ("2024-06", None)),
    ("in 2023", JUN17, ("2023", None)),
    ("last fall", JUN17, ("2024", None)),
    ("last autumn", DEC6, ("2025", None)),
    ("this summer", JUN17, ("2025", None)),
    ("since the autumn", APR28, ("2024", None)),
    ("in late April", JUN17, ("2025-04", None)),
    ("in early March", JUN17, ("2025-03", None)),
    ("mid-2024", JUN17, ("2024", None)),
    ("late last year", JUN17, ("2024", None)),
    ("last August", JUN17, ("2024-08", None)),
    ("last October", APR28, ("2024-10", None)),
    ("last June", APR28, ("2024-06", None)),
    ("this October", APR28, ("2025-10", None)),
    ("next March", JUN17, ("2026-03", None)),
    ("in April", DEC6, ("2025-04", None)),
    ("in September", JUN17, ("2024-09", None)),  # a later month, past tense: last year's
    ("yesterday", JUN17, ("2025-06-16", None)),
    ("two years ago", JUN17, ("2023", None)),
    ("2025-04-28", None, ("2025-04-28", None)),
    ("March 2019", None, ("2019-03", None)),
])
def test_resolve(expr, ref, expected):
    assert resolve(expr, ref) == expected


def test_weekday_future_tense_goes_forward():
    assert resolve("on Friday", JUN17, tense="future") == ("2025-06-20", None)


def test_list_shares_trailing_year():
    s = "issued attack orders on October 22, December 12, and December 22 of last year."
    assert [d.value for d in find_dates(s, DEC6)] == ["2024-10-22", "2024-12-12", "2024-12-22"]


def test_list_shares_explicit_year():
    s = "on March 3 and April 9, 2023"
    assert [d.value for d in find_dates(s, JUN17)] == ["2023-03-03", "2023-04-09"]


def test_anaphoric_dates_use_previous_date():
    assert resolve("two days later", JUN17, prev="2025-04-26") == ("2025-04-28", None)
    assert resolve("Around the same time", JUN17, prev="2025-04") == ("2025-04", None)
    assert resolve("the next day", JUN17, prev="2025-04-26") == ("2025-04-27", None)
    assert resolve("two days later", JUN17, prev=None) == (None, None)


def test_offsets_point_at_expression():
    s = "Pyongyang only officially acknowledged it in April, officials said."
    (d,) = find_dates(s, DEC6)
    assert s[d.start:d.end] == d.text and "April" in d.text


@pytest.mark.parametrize("text", [
    "between 10,000 and 12,000 troops", "the 2024 Global Diplomacy Index", "troops may arrive",
    "1,500 soldiers", "a March on Washington",
])
def test_not_dates(text):
    assert [d.value for d in find_dates(text, JUN17) if d.value and "March" not in text] == []


def test_may_as_modal_is_not_a_month():
    assert find_dates("North Korea may send more troops", JUN17) == []


def test_no_reference_only_absolute():
    assert [d.value for d in find_dates("on Monday, in June 2024 and last year", None)] == ["2024-06"]


@pytest.mark.parametrize("line,expected", [
    ("Saturday, December 6, 2025", "2025-12-06"),
    ("By Hana Sorensen | Published 28 Apr. 2025, 19:40", "2025-04-28"),
    ("Updated 2024-10-18 09:00 KST", "2024-10-18"),
    ("Posted on 7 September 2025", "2025-09-07"),
    ("no date here", None),
    ("2025.06.18 14:05", "2025-06-18"),
    ("Posted : 2024-11-05", "2024-11-05"),
    ("Updated Nov. 5, 2024 at 9:40 a.m. KST", "2024-11-05"),
    ("5 November 2024", "2024-11-05"),
    ("Nov 5 2024", "2024-11-05"),
    ("Wed 2 Mar 2022 21.40 GMT", "2022-03-02"),
    ("Updated: Tue 11/05/2024 08:12 GMT", "2024-11-05"),   # the weekday picks month-first
    ("As of: 22.05.2025 16:40", "2025-05-22"),
    ("November 5th, 2024", "2024-11-05"),
    ("Published 2024-04-22 · Updated 2024-04-23", "2024-04-22"),
    ("the 2024-25 season", None),
])
def test_parse_published(line, expected):
    assert parse_published(line) == expected


@pytest.mark.parametrize("expr,expected", [
    ("In August, Ukrainian forces crossed", ("2024-08", None)),
    ("Since 2021 Russia has delivered", ("2021", None)),
    ("by the end of the year", ("2025-12", None)),  # its last month
])
def test_sentence_initial_and_end_of(expr, expected):
    assert resolve(expr, date(2025, 3, 10)) == expected


def test_year_ranges_and_previous_day():
    assert resolve("from 2015 to 2018", JUN17) == ("2015", "2018")
    assert resolve("between 2019 and 2021", JUN17) == ("2019", "2021")
    assert resolve("the previous day", JUN17, prev="2025-03-05") == ("2025-03-04", None)
