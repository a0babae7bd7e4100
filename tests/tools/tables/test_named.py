"""Which table answers: a body the question names by its proper name, a measure written with
another word of its stem, rows that count what their stub names, a row's year over its
month columns. Small made-up papers of two police departments."""

from __future__ import annotations

import pytest

from board.question import read_question
from board.records import Chunk
from board.routing import Filters
from tests.profiles import BARNET
from tests.tools.tables.conftest import make_sections
from tools.tables.extract import extract_tables
from tools.tables.headers import column_labels
from tools.tables.router import TableRouter
from tools.tables.store import TableStore

EASTFIELD = (
    "Eastfield Police Department monthly summary\n\n"
    "Crime\tMar 2020\tApr 2020\nRobbery\t9\t7\nBurglary - Residence\t15\t12\n\n\n"
    "Arrests\tMar 2020\tApr 2020\nAdult\t90\t81\nJuvenile\t6\t7"
)
WESTBURY = (
    "City of Westbury crime statistics\n\n"
    "Crime\tApr 2020\tMay 2020\nRobbery\t20\t12\nBurglary\t40\t38\n\n\n"
    "Arrests\tApr\tMay\tTotals\nAdult arrests - 2020\t111\t140\t251\n"
    "Adult arrests - 2019\t100\t120\t220"
)


def _paper(source: str, text: str) -> tuple[list, Chunk]:
    sections = make_sections(text, source=source, meeting_date=None, title=text.split("\n")[0])
    chunk = Chunk(
        id=source,
        source=source,
        doc_title=sections[0].title,
        title=sections[0].title,
        paper_type="report",
        meeting_date=None,
        section=sections[0].title,
        agenda_item=None,
        text=text,
    )
    return sections, chunk


@pytest.fixture(scope="module")
def router() -> TableRouter:
    east, east_text = _paper("eastfield.pdf", EASTFIELD)
    west, west_text = _paper("westbury.pdf", WESTBURY)
    tables = extract_tables([*east, *west], BARNET)
    return TableRouter(TableStore.from_tables(tables, profile=BARNET), [east_text, west_text])


def _answer(router: TableRouter, question: str) -> str | None:
    answer = router.route(read_question(question, profile=BARNET), Filters())
    return None if answer is None else answer.answer


def test_a_body_named_gets_its_own_papers_figure_or_none(router: TableRouter) -> None:
    west = _answer(router, "How many robberies did Westbury police record in May 2020?")
    assert west is not None and "12 for May 2020" in west
    # only the other department's paper has May 2020: its figure answers nothing about Eastfield
    assert (
        _answer(router, "How many robberies did Eastfield Police Department record in May 2020?")
        is None
    )
    east = _answer(router, "How many robberies did Eastfield police record in April 2020?") or ""
    assert "7 for April 2020" in east and "20 for" not in east


def test_a_measure_asked_with_another_word_of_its_stem(router: TableRouter) -> None:
    answer = _answer(
        router, "How many residential burglaries did Eastfield police record in April 2020?"
    )
    assert answer is not None and "12 for April 2020" in answer


def test_rows_count_what_their_stub_names(router: TableRouter) -> None:
    # "Adult" under "Arrests" is adult arrests, as "Adult arrests - 2020" is in the other paper
    answer = _answer(router, "How many adults did Eastfield police arrest in April 2020?")
    assert answer is not None and "81 for April 2020" in answer


def test_a_rows_year_dates_its_month_columns(router: TableRouter) -> None:
    may = _answer(router, "How many adult arrests did Westbury police make in May 2020?")
    assert may is not None and "140 for May 2020" in may
    year = _answer(router, "How many adult arrests did Westbury police make in 2019?")
    assert year is not None and "220 for 2019" in year


def test_a_column_after_the_groups_is_under_none_of_them() -> None:
    header = [
        ["", "THIS MONTH", "", "", "YEAR TO DATE", "", "", ""],
        ["", "RPTS", "CLR", "% CLR", "RPTS", "CLR", "% CLR", "% DIFF"],
    ]
    labels = column_labels(header)
    assert labels[0] == ("THIS MONTH", "RPTS")
    assert labels[5] == ("YEAR TO DATE", "% CLR")
    assert labels[6] == ("% DIFF",)


def test_a_row_that_is_a_month_keeps_its_month() -> None:
    # a row label that is a period written whole is no measure with a year
    text = "Monthly crime\n\nMonth\tBurglary\tRobbery\nApril 2013\t41\t9\nMay 2013\t38\t12"
    sections = make_sections(text, source="monthly.txt", meeting_date="2013-07-19")
    store = TableStore.from_tables(extract_tables(sections, BARNET), profile=BARNET)
    answer = _answer(TableRouter(store), "How many burglaries were there in May 2013?")
    assert answer is not None and "38 for May 2013" in answer
