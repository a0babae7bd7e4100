"""Dates typed into the filters, the way people write them, or a message naming the forms."""

from __future__ import annotations

import pytest

from board.dates import date_bound, date_prefix


@pytest.mark.parametrize(
    ("typed", "prefix"),
    [
        ("2013", "2013"),
        ("2013-04", "2013-04"),
        ("2013-04-19", "2013-04-19"),
        ("April 2013", "2013-04"),
        ("apr 2013", "2013-04"),
        ("  April   2013 ", "2013-04"),
        ("19/04/2013", "2013-04-19"),
        ("19 April 2013", "2013-04-19"),
        ("19th April 2013", "2013-04-19"),
    ],
)
def test_dates_as_people_write_them(typed: str, prefix: str) -> None:
    assert date_prefix(typed) == prefix


@pytest.mark.parametrize("typed", ["last year", "spring", "2013-13-01", "2013-02-30", "13/13/2013"])
def test_anything_else_names_the_forms_it_knows(typed: str) -> None:
    with pytest.raises(ValueError, match="is not a date I can read: write it as 2013, April 2013"):
        date_prefix(typed)


def test_a_month_or_year_widens_to_its_first_or_last_day() -> None:
    assert date_bound("April 2013") == "2013-04-01"
    assert date_bound("April 2013", end=True) == "2013-04-30"
    assert date_bound("February 2012", end=True) == "2012-02-29"
    assert date_bound("2013", end=True) == "2013-12-31"
    assert date_bound("19/04/2013", end=True) == "2013-04-19"


def test_one_date_grammar_reads_dates_whole_or_as_tables_shorten_them() -> None:
    from datetime import date

    from board.dates import find_dates

    text = "Due 30.3.2014; to 8thJan2019; seen 19th June, then 6 Jan 13 in the pack of 1 July 2013"

    assert find_dates(text, in_full=True) == [date(2014, 3, 30), date(2019, 1, 8), date(2013, 7, 1)]
    assert find_dates(text) == [
        date(2014, 3, 30),
        date(2019, 1, 8),
        date(2012, 6, 19),  # no year of its own: the next date's, the year before when later
        date(2013, 1, 6),
        date(2013, 7, 1),
    ]


def test_a_superscript_ordinal_ocr_read_as_a_quote_mark_still_dates() -> None:
    from datetime import date

    from board.dates import find_dates

    assert find_dates('Minutes of the meeting held on 18" March 2014') == [date(2014, 3, 18)]
    assert find_dates("Date of Next Meeting: 29” April 2014 at 7.30pm") == [date(2014, 4, 29)]


def test_a_word_and_its_inflections_share_one_root() -> None:
    from board.text import root

    assert root("offered") == root("offer") == root("offers")
    assert root("ordered") == root("order")
    assert root("agreed") == root("agree")
    assert root("resolved") == root("resolve")
