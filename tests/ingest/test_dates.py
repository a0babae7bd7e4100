"""Dates written the way the board's papers write them."""

from __future__ import annotations

from datetime import date

import pytest

from board.dates import find_dates, first_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("TUESDAY 15TH JANUARY, 2013", date(2013, 1, 15)),
        ("Meeting Date:\t27 th October 2017\t", date(2017, 10, 27)),
        ("Minutes of meeting held on 16 October 2012 Committee Room 2", date(2012, 10, 16)),
        ("Friday 19th July 2013, Hendon Town Hall,", date(2013, 7, 19)),
        ("2\tPrevious Minutes – 19th April 2013\t1 – 6", date(2013, 4, 19)),
        ("Date of Next Meeting: 25th October 2013", date(2013, 10, 25)),
        ("agreed by CRC on 1st Sept. 2013", date(2013, 9, 1)),
        ("Report Author: Peter Clifton 16 th October 2017", date(2017, 10, 16)),
        ("17/01/2018", date(2018, 1, 17)),  # day first, as written in the UK
        ("03/04/2013", date(2013, 4, 3)),
        # the month first, as US papers write it
        ("Minutes from Monday, January 29, 2018 – 9:00am", date(2018, 1, 29)),
        ("OCTOBER 18, 2022", date(2022, 10, 18)),
        ("November 16,2020", date(2020, 11, 16)),
    ],
)
def test_first_date_reads_the_papers_formats(text: str, expected: date) -> None:
    assert first_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Date of Next Meeting – Friday 19TH July at 2.30pm",  # no year
        "performance in 12/13 and 2013/14",  # financial years, not dates
        "January 2018",  # no day
        "31st February 2013",  # no such day
        "AT 2.30 PM",
    ],
)
def test_no_date_is_invented(text: str) -> None:
    assert first_date(text) is None


def test_find_dates_returns_every_date_in_reading_order() -> None:
    text = "Agreed on 01/02/2013; next review 5 March 2012, then 9th May 2014."

    assert find_dates(text) == [date(2013, 2, 1), date(2012, 3, 5), date(2014, 5, 9)]
