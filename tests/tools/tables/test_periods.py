"""Period labels normalised: financial years, rolling twelve months, quarters, weeks, months,
ranges; in a table's context and in questions."""

from __future__ import annotations

from datetime import date

import pytest

from board.period_resolve import normalise_period, resolve_labels
from board.periods import PeriodContext, find_dates, is_period_label
from board.question_periods import question_periods
from tools.tables.period_matching import context_from, period_matches

JULY_2013 = PeriodContext(date(2013, 7, 19))


@pytest.mark.parametrize(
    ("label", "key", "kind"),
    [
        ("FY 11/12", "FY 2011/12", "fy"),
        ("2011/12", "FY 2011/12", "fy"),
        ("2013/2014", "FY 2013/14", "fy"),
        ("Baseline 2010/11", "FY 2010/11", "fy"),
        ("Q1-Q4 (Apr12-Mar13)", "FY 2012/13", "fy"),
        ("Q2-Q1 (Jul11-Jun12)", "2011-07-01..2012-06-30", "range"),
        ("Jul 16 - Jun 17", "2016-07-01..2017-06-30", "range"),
        ("Apr 13 - Mar 14", "FY 2013/14", "fy"),
        ("Volume (Sep17 - Nov17)", "2017-09-01..2017-11-30", "range"),
        ("Dec-17", "2017-12", "month"),
        ("Jan-17", "2017-01", "month"),
        ("April 2013", "2013-04", "month"),
        ("Q4 11", "2011 Q4", "quarter"),
        ("Public Attitude Survey 12/13 (Q4)", "Q4 2012/13", "quarter"),
        ("Current R12", "R12 current", "r12"),
        ("Previous R12", "R12 previous", "r12"),
        ("Previous rolling 12 months", "R12 previous", "r12"),
        ("Recent 12 months performance (to Nov2017)", "R12 to 2017-11", "r12"),
        ("Barnet SD Rate (12 months to 08 Jan 2018)", "R12 to 2018-01-08", "r12"),
        ("14 Apr", "week ending 2013-04-14", "week"),
        ("FYTD Total", "FYTD 2013/14", "fytd"),
        ("2013/14 (FYTD)", "FYTD 2013/14", "fytd"),
        ("Proven re-offending rate (2015)", "2015", "year"),
        ("Autumn 2016", "2016-09-01..2016-11-30", "range"),
        ("2018-11", "2018-11", "month"),  # a month as data files write it
        ("2017-10 to 2018-11", "2017-10-01..2018-11-30", "range"),
        ("2011-12", "FY 2011/12", "fy"),  # the next year's two digits: a financial year
        ("2016-17", "FY 2016/17", "fy"),
    ],
)
def test_labels_normalise(label: str, key: str, kind: str) -> None:
    period = normalise_period(label, JULY_2013)
    assert period is not None
    assert (period.key, period.kind) == (key, kind)


@pytest.mark.parametrize(
    "label", ["% Change", "Offence Target", "Burglary", "Year 1 impact", "FY 09/09"]
)
def test_labels_that_are_not_periods(label: str) -> None:
    assert normalise_period(label, JULY_2013) is None


def test_this_year_in_a_crime_summary_is_its_range() -> None:
    ctx = context_from(["Crime Summary between 01/04/2012 and 06/01/2013"], "2013-01-15")
    this_year = resolve_labels(["This Year"], ctx)
    last_year = resolve_labels(["Last Year"], ctx)
    assert this_year is not None and last_year is not None
    assert (this_year.start, this_year.end, this_year.relation) == (
        "2012-04-01",
        "2013-01-06",
        "current",
    )
    assert (last_year.start, last_year.end) == ("2011-04-01", "2012-01-06")
    assert this_year.label == "1 April 2012 to 6 January 2013"


def test_weekly_table_context_runs_to_its_last_week() -> None:
    ctx = context_from(
        ["FYTD Totals are calculated from 1 April"], "2013-07-19", ["14 Apr", "23 Jun"]
    )
    assert ctx.as_of == date(2013, 6, 23)
    fytd = resolve_labels(["FYTD Total", "This Year"], ctx)
    previous = resolve_labels(["FYTD Total", "Last Year"], ctx)
    assert fytd is not None and previous is not None
    assert fytd.key == "FYTD 2013/14 to 2013-06-23"
    assert previous.key == "FYTD 2012/13 to 2012-06-23"


def test_period_words_alone_are_period_labels() -> None:
    assert is_period_label("FY 12/13")
    assert is_period_label("Last Year")
    assert is_period_label("Q1-Q4 (Apr11-Mar12)")
    assert not is_period_label("Offences Current R12")
    assert not is_period_label("Residential Burglary")


@pytest.mark.parametrize(
    ("question", "keys"),
    [
        (
            "How many burglaries between 1 April 2012 and 6 January 2013?",
            ["2012-04-01..2013-01-06"],
        ),
        ("How many robberies between 1 April and 23 June 2013?", ["2013-04-01..2013-06-23"]),
        ("What was the figure for FY 11/12?", ["FY 2011/12"]),
        ("How did it change between 2011/12 and 2016/17?", ["FY 2011/12", "FY 2016/17"]),
        ("in the current rolling 12 months", ["R12 current"]),
        ("over the rolling 12 months to November 2017", ["R12 to 2017-11"]),
        (
            "in the 2013/14 financial year to date, up to the week ending 23 June 2013",
            ["FYTD 2013/14 to 2013-06-23"],
        ),
        ("in the week shown as 25 November 2012", ["week ending 2012-11-25"]),
        ("in Quarter 1 of 2013/14", ["Q1 2013/14"]),
        ("for January to March 2013", ["2013-01-01..2013-03-31"]),
        ("for the proven re-offending rate for 2015", ["2015"]),
        ("in the Safer Communities Strategy 2011-2014", []),
        # the year a figure is compared with is a period too
        ("How many calls in 2020, and how did that compare with 2019?", ["2020", "2019"]),
        ("What was the rate in 2018 against 2017?", ["2018", "2017"]),
    ],
)
def test_question_periods(question: str, keys: list[str]) -> None:
    periods, _ = question_periods(question)
    assert [p.key for p in periods] == keys


def test_question_period_matches_cell_period() -> None:
    (wanted,), _ = question_periods("between 1 April 2012 and 6 January 2013")
    ctx = context_from(["Crime Summary between 01/04/2012 and 06/01/2013"], "2013-01-15")
    cell = resolve_labels(["This Year"], ctx)
    assert cell is not None and period_matches(wanted, cell)
    (fy,), _ = question_periods("in 2011/12")
    assert period_matches(fy, normalise_period("Q1-Q4 (Apr11-Mar12)"))  # type: ignore[arg-type]
    assert not period_matches(fy, cell)


@pytest.mark.parametrize(
    ("text", "day"),
    [("27 th October 2017", date(2017, 10, 27)), ("as at 1 st April 2012", date(2012, 4, 1))],
)
def test_a_date_whose_ordinal_is_set_apart_is_read(text: str, day: date) -> None:
    # The strategic assessment's PDF text writes "27 th October 2017"; the shared date
    # grammar (board.dates) reads it, and so must the tables' reader.
    assert find_dates(text) == [day]


def test_a_date_just_after_a_short_numeric_date_is_read() -> None:
    # "17/01/18" is eight characters: a date written after it is not inside it.
    assert find_dates("17/01/18 1 January 2000") == [date(2018, 1, 17), date(2000, 1, 1)]
    assert find_dates("1/4/12 April") == [date(2012, 4, 1)]  # "12 April" is inside "1/4/12"


@pytest.mark.parametrize(
    ("labels", "key"),
    [
        # a weekly statistics sheet's column groups over the years they compare
        (["LAST 7 DAYS", "2026"], "last 7 days 2026"),
        (["LAST 28 DAYS", "2025"], "last 28 days 2025"),
        (["YEAR TO DATE", "2026"], "YTD 2026"),
    ],
)
def test_a_span_of_days_or_a_year_to_date_over_a_year_is_not_the_year(
    labels: list[str], key: str
) -> None:
    from board.period_resolve import resolve_labels

    period = resolve_labels(labels, PeriodContext())
    assert period is not None and period.key == key
    assert is_period_label(labels[0])


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "How many burglaries in 2020 up to the end of April, and by the same point in 2019?",
            [("YTD 2020", "2020-04-30", "current"), ("YTD 2019", "2019-04-30", "previous")],
        ),
        (
            "Shooting incidents in 2026 up to 9 August, compared with the same point in 2025?",
            [("YTD 2026", "2026-08-09", "current"), ("YTD 2025", "2025-08-09", "previous")],
        ),
        ("How many murders so far in 2026?", [("YTD 2026", None, "current")]),
        ("How many arrests in 2016 by the end of April?", [("YTD 2016", "2016-04-30", "current")]),
    ],
)
def test_a_calendar_year_so_far_is_read_as_one(
    question: str, expected: list[tuple[str, str | None, str]]
) -> None:
    periods, _ = question_periods(question)
    assert [(p.key, p.end, p.relation) for p in periods] == expected
    assert all(p.kind == "ytd" and p.start and p.start.endswith("-01-01") for p in periods)


def test_a_sheets_undated_year_to_date_is_the_year_so_far_of_its_own_relation() -> None:
    this_year = resolve_labels(["YEAR TO DATE", "RPTS"], PeriodContext(None))
    last_year = resolve_labels(["LAST YEAR TO DATE", "RPTS"], PeriodContext(None))
    asked, earlier = question_periods("Burglaries in 2020 up to April and the same point in 2019")[
        0
    ]
    assert this_year is not None and last_year is not None
    assert this_year.key != last_year.key  # both stated when both are asked
    assert period_matches(asked, this_year) and not period_matches(asked, last_year)
    assert period_matches(earlier, last_year) and not period_matches(earlier, this_year)


def test_this_month_of_a_sheet_for_one_month_is_that_month() -> None:
    ctx = context_from(
        ["PART 2"], None, (), "ALAMEDA POLICE DEPARTMENT MONTHLY SUMMARY: APRIL 2020"
    )
    period = resolve_labels(["THIS MONTH", "RPTS"], ctx)
    assert period is not None and (period.key, period.end) == ("2020-04", "2020-04-30")
    assert resolve_labels(["THIS MONTH"], PeriodContext()) is None  # no month to say which


def test_two_years_of_one_figure_are_set_side_by_side() -> None:
    from board.figure_question import read_figure
    from board.profile import BASE

    figure = read_figure("How many vandalism offences were recorded in 2011 and in 2020?", BASE)
    assert figure is not None and figure.intent == "compare"
    assert [p.key for p in figure.periods] == ["2011", "2020"]


def test_an_impossible_day_leaves_the_year_so_far_open() -> None:
    periods, _ = question_periods("How many burglaries in 2021 up to 31 February?")
    assert [(p.key, p.end) for p in periods] == [("YTD 2021", None)]
