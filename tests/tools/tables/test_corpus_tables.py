"""The shipped corpus: the named tables are found and parsed, cells spot-checked against the
text (value, unit, row, column, line), scrambled tables left as text, and figure questions
answered with the table row cited."""

from __future__ import annotations

import pytest

from board.metrics import MetricCell, MetricTable
from board.question import read_question as read_asked
from board.routing import Filters
from tests.profiles import BARNET
from tools.tables.extract import TableList, tables_summary
from tools.tables.router import TableRouter
from tools.tables.store import TableStore

JAN13 = "2013-01-15_scpb_pack.txt"
JUL13 = "2013-07-19_scpb_pack.txt"
SA17 = "2017-10-27_community_safety_strategic_assessment.txt"
JAN18 = "2018-01-26_scpb_pack.txt"


def _table(tables: TableList, source: str, line: int) -> MetricTable:
    return next(t for t in tables if t.source == source and t.line_start <= line <= t.line_end)


@pytest.mark.parametrize(
    ("source", "first", "last", "caption", "shape"),
    [
        # the crime summary to 6 January 2013 (its title is printed under it)
        (JAN13, 304, 329, "Crime Summary between 01/04/2012 and 06/01/2013", (24, 10)),
        # the headline TNO / MOPAC 7 table: a MOPAC 7 block and a crime-type block
        (JUL13, 310, 318, "Headline Barnet's Crime Performance Qrt 1 2013", (8, 6)),
        (JUL13, 323, 341, "Headline Barnet's Crime Performance Qrt 1 2013", (18, 13)),
        (JUL13, 367, 371, "Weekly Residential Burglary Performance - Barnet", (3, 12)),
        (JUL13, 506, 539, "Priority 2 Anti-social behaviour", (33, 3)),
        (SA17, 82, 89, "The table below shows the volume of different crimes", (7, 5)),
        (JAN18, 477, 487, "Youth Offending Data", (9, 16)),
        (JAN18, 469, 473, "Custody Rate per 1,000 Young People - Jul 16 - Jun 17", (4, 14)),
        (JUL13, 578, 589, "Q10B: How much of a problem in the area are teenagers", (10, 4)),
    ],
)
def test_named_tables_are_found(corpus_tables, source, first, last, caption, shape) -> None:  # noqa: ANN001
    table = _table(corpus_tables, source, first)
    assert (table.line_start, table.line_end) == (first, last)
    assert table.caption.startswith(caption)
    assert (table.n_rows, table.n_cols) == shape


SPOT_CHECKS = [
    # (source, line, row label, column label contains, value, unit, period)
    (JUL13, 311, "MOPAC 7", "FY 11/12", 15261, "count", "FY 2011/12"),
    (JUL13, 311, "MOPAC 7", "Offences Current R12", 13408, "count", "R12 current"),
    (JUL13, 311, "MOPAC 7", "% Chg", -12.1, "percent", "R12 current"),
    (JUL13, 312, "Burglary", "FY 11/12", 4912, "count", "FY 2011/12"),
    (JUL13, 324, "TNO", "Previous R12", 25814, "count", "R12 previous"),
    (JUL13, 324, "TNO", "Current R12", 24590, "count", "R12 current"),
    (JUL13, 324, "TNO", "% Chg", -4.7, "percent", "R12 current"),
    (JUL13, 340, "DV VWI", "Current R12", 539, "count", "R12 current"),
    (JUL13, 343, "I Calls within 15 mins", "Current R12", 88.8, "percent", "R12 current"),
    (JUL13, 344, "S Calls within 60 mins", "% Chg", 5.8, "percentage_points", "R12 current"),
    (JUL13, 369, "Last Year", "14 Apr", 62, "count", "week ending 2012-04-14"),
    (JUL13, 369, "Last Year", "FYTD Total", 700, "count", "FYTD 2012/13 to 2012-06-23"),
    (JUL13, 370, "This Year", "FYTD Total", 519, "count", "FYTD 2013/14 to 2013-06-23"),
    (JUL13, 371, "% Change", "23 Jun", -59.7, "percent", "week ending 2013-06-23"),
    (JUL13, 508, "Barnet", "Year to Date ASB Incidents", 978, "count", "FYTD 2013/14"),
    (JUL13, 508, "Barnet", "per 1000", 2.76, "rate_per_1000", "FYTD 2013/14"),
    (JUL13, 508, "Barnet", "PAS", 4, "percent", "FYTD 2013/14"),
    (JUL13, 535, "Tower Hamlets", "Year to Date ASB Incidents", 1603, "count", "FYTD 2013/14"),
    (JUL13, 538, "Westminster", "per 1000", 7.17, "rate_per_1000", "FYTD 2013/14"),
    (JUL13, 539, "MPS", "Year to Date ASB Incidents", 28632, "count", "FYTD 2013/14"),
    (SA17, 83, "Robbery", "2016/17", 463, "count", "FY 2016/17"),
    (SA17, 85, "Burglary", "2011/12", 4912, "count", "FY 2011/12"),
    (SA17, 86, "Theft of Motor Vehicle", "% change vs.", 15.4, "percent", "FY 2016/17"),
    (SA17, 88, "Theft From Person", "2015/16", 622, "count", "FY 2015/16"),
    (SA17, 89, "Violence with Injury", "5 years ago", 44.8, "percent", "FY 2016/17"),
    (JAN13, 311, "Personal Robbery", "SD Target", 18, "percent", None),
    (
        JAN13,
        313,
        "Residential Burglary",
        "Offences / Last Year",
        2550,
        "count",
        "2011-04-01..2012-01-06",
    ),
    (
        JAN13,
        313,
        "Residential Burglary",
        "Offences / This Year",
        2576,
        "count",
        "2012-04-01..2013-01-06",
    ),
    (JAN13, 322, "Gun Crime", "Offences / % Change", 42.5, "percent", "2012-04-01..2013-01-06"),
    (
        JAN13,
        326,
        "Domestic Violence",
        "Sanction Detection Rate / Last Year",
        51.9,
        "percent",
        "2011-04-01..2012-01-06",
    ),
    (JAN13, 329, "Total Notifiable", "Offence Target", -5, "percent", None),
    (
        JAN13,
        329,
        "Total Notifiable",
        "Sanction Detections / This Year",
        3236,
        "count",
        "2012-04-01..2013-01-06",
    ),
    (
        JAN18,
        478,
        "Total number of cases currently open to the YOT (MR07 CYP10)",
        "Oct-17",
        82,
        "count",
        "2017-10",
    ),
    (
        JAN18,
        479,
        "Average Caseload: Youth Offending (MR07 CYP11)",
        "Dec-16",
        12.2,
        "number",
        "2016-12",
    ),
    (
        JAN18,
        481,
        "Percentage of open statutory cases where young person is a YOT confirmed gang member "
        "(MR04 CYP41)",
        "Dec-17",
        53.7,
        "percent",
        "2017-12",
    ),
    (JAN18, 484, "Number of knife enabled offences (MR06 CYP42)", "Jul-17", 7, "count", "2017-07"),
    (JAN18, 470, "Barnet", "Jul 16 - Jun 17", 0.19, "rate_per_1000", "2016-07-01..2017-06-30"),
    (JAN18, 471, "London", "Jul 16 - Jun 17", 0.6, "rate_per_1000", "2016-07-01..2017-06-30"),
    (JAN18, 473, "England", "Apr 13 - Mar 14", 0.52, "rate_per_1000", "FY 2013/14"),
]


@pytest.mark.parametrize(
    ("source", "line", "row", "column", "value", "unit", "period"), SPOT_CHECKS
)
def test_spot_checked_cells(corpus_tables, source, line, row, column, value, unit, period) -> None:  # noqa: ANN001
    found: list[MetricCell] = [
        c
        for t in corpus_tables
        if t.source == source
        for c in t.cells
        if c.line == line
        and c.row_label == row
        and column in " / ".join(c.column_labels)
        and c.value is not None
    ]
    assert found, f"no cell {row!r} / {column!r} on line {line}"
    cell = found[0]
    assert (cell.value, cell.unit, cell.period) == (value, unit, period)
    assert cell.row_text.split("\t")[0].strip() in row or row.startswith(
        cell.row_text.split("\t")[0].strip()
    )


def test_rotated_rag_action_plan_is_kept_as_text(corpus_tables) -> None:  # noqa: ANN001
    overlapping = [
        t for t in corpus_tables if t.source == JAN13 and t.line_start <= 487 and t.line_end >= 339
    ]
    assert overlapping == []
    rejected = [
        r for r in corpus_tables.rejected if r.source == JAN13 and 339 <= r.line_start <= 487
    ]
    assert len(rejected) >= 15


def test_ingest_summary(corpus_tables) -> None:  # noqa: ANN001
    summary = tables_summary(corpus_tables)
    assert summary.startswith(f"{len(corpus_tables)} tables")
    assert len(corpus_tables) >= 100
    assert sum(1 for t in corpus_tables for c in t.cells if c.value is not None) >= 1900
    assert len(corpus_tables.rejected) >= 20


@pytest.fixture(scope="module")
def router(corpus_store: TableStore) -> TableRouter:
    return TableRouter(corpus_store)


def test_residential_burglary_question_cites_line_313(router: TableRouter) -> None:
    answer = router.route(
        read_asked(
            "How many residential burglaries were there between 1 April 2012 and 6 January 2013?",
            profile=BARNET,
        ),
        Filters(),
    )
    assert answer is not None
    assert "2,576" in answer.answer and "[1]" in answer.answer
    citation = answer.citations[0]
    assert (citation.source, citation.locator) == (JAN13, "lines 313-313")
    assert citation.quote.startswith("Residential Burglary\t-6 %\t12%\t2550\t2576")
    assert answer.tool_calls[0].name == "metric_lookup"


def test_tables_that_disagree_are_both_shown(router: TableRouter) -> None:
    answer = router.route(
        read_asked(
            "What reduction target for burglary is set in the July 2013 pack?", profile=BARNET
        ),
        Filters(),
    )
    assert answer is not None
    assert "-6.5%" in answer.answer and "-6.0%" in answer.answer
    assert {c.locator for c in answer.citations} >= {"lines 302-302", "lines 1137-1137"}


@pytest.mark.parametrize(
    ("question", "expected", "locator"),
    [
        (
            "How did theft of motor vehicle offences in Barnet in 2016/17 compare with "
            "the previous year, 2015/16?",
            ["809", "701", "up 108", "15.4%"],
            "lines 86-86",
        ),
        (
            "Which London borough recorded the highest number of year-to-date ASB "
            "incidents in the July 2013 borough table?",
            ["Tower Hamlets", "1,603"],
            "lines 535-535",
        ),
    ],
)
def test_figure_questions(
    router: TableRouter, question: str, expected: list[str], locator: str | None
) -> None:
    answer = router.route(read_asked(question, profile=BARNET), Filters())
    if locator is None:
        assert answer is None
        return
    assert answer is not None
    for text in expected:
        assert text in answer.answer
    assert answer.citations[0].locator == locator


@pytest.mark.parametrize(
    "question",
    [
        "How many residential burglaries were recorded in Barnet in 2019/20?",
        "How many gun crime offences were recorded in Barnet over the full 2011/12 financial year?",
        "What was the sanction detection rate for knife crime in Harrow in 2012/13?",
        "What percentage of Barnet residents felt safe walking alone after dark in 2016/17?",
        "Who replaced Dr Simon Harding as the Middlesex University representative on the Board?",
    ],
)
def test_no_table_no_answer(router: TableRouter, question: str) -> None:
    assert router.route(read_asked(question, profile=BARNET), Filters()) is None


def test_uncaptioned_weekly_robbery_table_takes_its_appendix_title(corpus_tables) -> None:  # noqa: ANN001
    # line 553: "This Year 23 16 21 23 31 23 28 15 19 13 12 771" under weeks 21 Oct .. 30 Dec
    table = _table(corpus_tables, JAN13, 553)
    assert table.caption.startswith("Appendix D- Robbery weekly figures")
    week = next(c for c in table.cells if c.line == 553 and c.column_labels == ("25 Nov",))
    assert (week.measure, week.value, week.period) == ("robbery", 23, "week ending 2012-11-25")
    fytd = next(c for c in table.cells if c.line == 553 and c.column_labels == ("FYTD Total",))
    assert (fytd.value, fytd.period_relation) == (771, "current")


def test_appendix_1_spend_table_is_captioned_from_the_line_below(corpus_tables) -> None:  # noqa: ANN001
    # line 1472: "Police £38,690,000 Approx. 99% ..."; line 1474: "Appendix 1: Breakdown of Safer"
    table = _table(corpus_tables, JAN13, 1472)
    assert table.caption.startswith("Appendix 1: Breakdown of Safer")
    police = next(c for c in table.cells if c.line == 1472 and c.col_index == 0)
    assert (police.area, police.value, police.unit) == ("Police", 38_690_000, "gbp")
