"""Ledger tables (a business case's savings by agency, an appendix of spend) read by the row
and column a question names: the cell cited, a ratio computed only when asked, and nothing
when the table, the row or the column is not named."""

from __future__ import annotations

import pytest

from board.label_words import stem
from board.question import read_question as read_asked
from board.routing import Filters
from board.table_ask import read_table_ask
from tests.profiles import BARNET
from tests.tools.tables.conftest import store_of
from tools.tables.ledger import pick
from tools.tables.router import TableRouter

SAVINGS = """5.5 Enhanced Integrated Offender Management

IOM\tGross saving\tOperating cost\tAnnual impact\tSet up costs\tYear 1 impact
Police\t£29,942\t£0\t£29,942\t£0\t£29,942
Probation\t£3,609\t(£15,689)\t(£12,080)\t£0\t(£12,080)
Council\t£0\t£0\t£0\t(£11,667)\t(£11,667)
Total\t£33,551\t(£15,689)\t£17,862\t(£11,667)\t£6,195"""

SPEND = """Appendix 1: Breakdown of partnership spend

Service\tBarnet Spend (£000)\tStaff spend
Barnet Council (community safety spend)\t£ 4,781,825*\tApprox. 83%
Probation\t£1,600,000\tApprox. 92%
Police\t£38,690,000\tApprox. 99%"""


@pytest.fixture(scope="module")
def savings() -> TableRouter:
    return TableRouter(store_of(SAVINGS, meeting_date="2013-01-15", first_line=1300))


@pytest.fixture(scope="module")
def spend() -> TableRouter:
    return TableRouter(store_of(SPEND, meeting_date="2013-01-15", first_line=1469))


def test_stem_meets_word_forms() -> None:
    assert stem("save") == stem("saving") == stem("savings")
    assert stem("benefit") == stem("benefits")


def test_row_and_column_named_by_the_question(savings: TableRouter) -> None:
    answer = savings.route(
        read_asked(
            "How much does enhanced Integrated Offender Management save the Police each year?",
            profile=BARNET,
        ),
        Filters(),
    )
    assert answer is not None
    assert "£29,942" in answer.answer and "Police" in answer.answer
    (citation,) = answer.citations
    assert citation.locator == "lines 1303-1303" and citation.quote.startswith("Police")
    assert answer.tool_calls[0].arguments["rows"] == ["Police"]


def test_total_row_for_across_all_agencies(savings: TableRouter) -> None:
    answer = savings.route(
        read_asked(
            "What annual impact does enhanced Integrated Offender Management have across all agencies?",
            profile=BARNET,
        ),
        Filters(),
    )
    assert answer is not None
    assert "£17,862" in answer.answer and "£33,551" not in answer.answer
    assert answer.citations[0].quote.startswith("Total")


def test_two_columns_of_one_row_keep_their_qualifier(spend: TableRouter) -> None:
    answer = spend.route(
        read_asked(
            "What is Probation's Barnet spend in Appendix 1, and what share of it goes on staff?",
            profile=BARNET,
        ),
        Filters(),
    )
    assert answer is not None
    assert "£1,600,000" in answer.answer and "Approx. 92%" in answer.answer
    assert "38,690,000" not in answer.answer


def test_ratio_is_computed_first_named_over_second(spend: TableRouter) -> None:
    answer = spend.route(
        read_asked(
            "In Appendix 1, how many times larger is the Police's Barnet spend than the Council's "
            "community safety spend?",
            profile=BARNET,
        ),
        Filters(),
    )
    assert answer is not None
    assert "£38,690,000 ÷ £4,781,825 = 8.09" in answer.answer
    assert {c.quote.split("\t")[0] for c in answer.citations} == {
        "Police",
        "Barnet Council (community safety spend)",
    }


def test_nothing_when_table_row_or_column_is_not_named(
    savings: TableRouter, spend: TableRouter
) -> None:
    # no table named
    assert (
        pick(
            savings.store,
            read_table_ask("How much does the Police save each year?", profile=BARNET),
        )
        is None
    )
    # no row named
    assert (
        savings.route(
            read_asked("What is the gross saving of enhanced IOM?", profile=BARNET), Filters()
        )
        is None
    )
    # no column named
    assert (
        spend.route(
            read_asked("What does Appendix 1 say about Probation's budget?", profile=BARNET),
            Filters(),
        )
        is None
    )
    # a ratio needs two figures
    assert (
        spend.route(
            read_asked("In Appendix 1, how many times larger is Police spend?", profile=BARNET),
            Filters(),
        )
        is None
    )


def test_how_much_more_is_the_difference_of_the_two_cells(savings: TableRouter) -> None:
    answer = savings.route(
        read_asked(
            "How much larger is the Police's gross saving than Probation's in the enhanced "
            "Integrated Offender Management table?",
            profile=BARNET,
        ),
        Filters(),
    )
    assert answer is not None
    assert "£29,942 − £3,609 = £26,333" in answer.answer


def test_two_columns_of_one_row_are_divided_in_the_order_the_question_names_them(
    savings: TableRouter,
) -> None:
    answer = savings.route(
        read_asked(
            "How many times larger is the annual impact than the gross saving for Probation in the "
            "enhanced Integrated Offender Management table?",
            profile=BARNET,
        ),
        Filters(),
    )
    assert answer is not None
    assert "-£12,080 ÷ £3,609 = -3.35" in answer.answer
    assert "Probation's Annual impact is -3.35 times Probation's Gross saving" in answer.answer
