"""A chart's run of month columns dated: by the one month written with its year, else by
the paper's date when the run ends in its month or just before; nothing else is dated."""

from __future__ import annotations

from datetime import date

from board.month_runs import dated_months

TWELVE = ["", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.", "19-Jan", "19-Feb", "Mar", "April"]


def test_a_month_written_with_its_year_dates_the_run_on_and_back() -> None:
    months = dated_months(TWELVE, None)
    assert months[1] == "July 2018"
    assert months[6] == "December 2018"
    assert months[9] == "March 2019"
    assert 0 not in months  # the stub


def test_an_undated_run_ends_in_its_papers_month_or_just_before() -> None:
    assert dated_months(["Oct", "Nov", "Dec", "Jan"], date(2020, 2, 4))[0] == "October 2019"
    assert dated_months(["Oct", "Nov", "Dec", "Jan"], date(2020, 9, 4)) == {}  # too far: a guess
    assert dated_months(["Oct", "Nov", "Dec", "Jan"], None) == {}


def test_months_out_of_order_or_too_few_are_no_run() -> None:
    assert dated_months(["Jan 2019", "Mar 2019", "Feb 2019"], None) == {}
    assert dated_months(["Jan-19", "Feb-19", "Total"], None) == {}
    assert dated_months(["2017", "2018", "2019"], date(2020, 1, 1)) == {}
