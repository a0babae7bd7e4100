"""The table router on small inline tables: the number with its period, unit and citation;
comparisons, rankings and series; both figures when tables disagree; None otherwise."""

from __future__ import annotations

import re

import pytest

from board.question import read_question as read_asked
from board.records import Chunk
from board.routing import Filters, Router
from tests.profiles import BARNET
from tests.tools.tables.conftest import store_of
from tests.tools.tables.test_ledger import SAVINGS
from tests.tools.tables.test_tools import BOROUGHS, SERIES, SUMMARY
from tools.tables.router import TableRouter
from tools.tables.store import TableStore


@pytest.fixture(scope="module")
def router() -> TableRouter:
    store = store_of(SUMMARY, source="pack.txt", meeting_date="2013-01-15", first_line=300)
    return TableRouter(store)


def test_is_a_router(router: TableRouter) -> None:
    as_router: Router = router  # the assistant's protocol, checked by mypy
    assert as_router.name == "tables"
    assert callable(as_router.route)


def test_lookup_states_number_period_and_citation(router: TableRouter) -> None:
    answer = router.route(
        read_asked(
            "How many robberies were there between 1 April 2012 and 6 January 2013?", profile=BARNET
        ),
        Filters(),
    )
    assert answer is not None
    assert "841" in answer.answer and "1 April 2012 to 6 January 2013" in answer.answer
    assert re.search(r"\[1\]", answer.answer)
    (citation,) = answer.citations
    assert (citation.n, citation.source, citation.locator) == (1, "pack.txt", "lines 303-303")
    assert citation.quote.startswith("Robbery\t-11%")
    (call,) = answer.tool_calls
    assert call.name == "metric_lookup" and "841" in call.result
    assert answer.table_rows[0]["row"] == "Robbery"


def test_compare_computes_and_checks(router: TableRouter) -> None:
    answer = router.route(
        read_asked(
            "How many fewer robberies were recorded between 1 April 2012 and 6 January 2013 "
            "than in the same period the year before?",
            profile=BARNET,
        ),
        Filters(),
    )
    assert answer is not None
    assert "841" in answer.answer and "881" in answer.answer
    assert "down 40" in answer.answer and "-4.5%" in answer.answer and "agrees" in answer.answer
    assert answer.tool_calls[0].name == "compare"
    assert answer.tool_calls[0].arguments["period_b"] == "1 April 2011 to 6 January 2012"


def test_rank_names_the_top_row() -> None:
    router = TableRouter(store_of(BOROUGHS, meeting_date="2013-07-19"))
    answer = router.route(
        read_asked(
            "Which borough had the highest rate of ASB incidents per 1,000 population?",
            profile=BARNET,
        ),
        Filters(),
    )
    assert answer is not None
    assert answer.answer.startswith("In “ASB by London borough”")
    assert "Westminster: 7.17 per 1,000" in answer.answer
    assert answer.tool_calls[0].name == "rank"
    assert len(answer.table_rows) == 5  # every ranked row is shown, MPS left out


def test_where_did_barnet_rank() -> None:
    router = TableRouter(store_of(BOROUGHS, meeting_date="2013-07-19"))
    answer = router.route(
        read_asked(
            "Where did Barnet rank among London boroughs for its rate of ASB incidents "
            "per 1,000 population?",
            profile=BARNET,
        ),
        Filters(),
    )
    assert answer is not None
    assert "Barnet is 3rd highest (3rd lowest) of 5: 2.76 per 1,000" in answer.answer


def test_trend_gives_a_chart() -> None:
    router = TableRouter(store_of(SERIES, meeting_date="2018-01-26"))
    answer = router.route(
        read_asked("What is the trend in Barnet's custody rate over time?", profile=BARNET),
        Filters(),
    )
    assert answer is not None and answer.chart is not None
    assert [p["value"] for p in answer.chart["points"]] == [0.61, 0.49, 0.28, 0.14]
    assert answer.chart["points"][0]["period"] == "2013/14"
    assert {"title", "x_label", "y_label", "points"} <= set(answer.chart)


def test_disagreeing_tables_are_both_shown() -> None:
    text = (
        "Headline table\n\nMOPAC Crime\tFY 11/12\tCurrent R12\nBurglary\t4,912\t4,670\n\n\n"
        "Old figures\n\nCrime\t2011/12\t2012/13\nBurglary\t4,760\t4,700"
    )
    router = TableRouter(store_of(text, meeting_date="2013-07-19"))
    answer = router.route(
        read_asked("How many burglaries were there in 2011/12?", profile=BARNET), Filters()
    )
    assert answer is not None
    assert "4,912" in answer.answer and "4,760" in answer.answer
    assert "different figures" in answer.answer
    assert {c.locator for c in answer.citations} == {"lines 4-4", "lines 10-10"}


@pytest.mark.parametrize(
    "question",
    [
        "Who chaired the meeting?",  # not a figure question
        "How many robberies were there in 2019/20?",  # a period no table holds
        "How many knife crimes were there between 1 April 2012 and 6 January 2013?",  # no such row
        "What was the sanction detection rate for robbery in Harrow in 2012/13?",  # another place
    ],
)
def test_returns_none_when_no_table_answers(router: TableRouter, question: str) -> None:
    assert router.route(read_asked(question, profile=BARNET), Filters()) is None


def test_filters_limit_the_tables(router: TableRouter) -> None:
    question = "How many robberies were there between 1 April 2012 and 6 January 2013?"
    assert (
        router.route(read_asked(question, profile=BARNET), Filters(date_from="2014-01-01")) is None
    )
    assert (
        router.route(read_asked(question, profile=BARNET), Filters(date_to="2013-12-31"))
        is not None
    )


def test_missing_store_falls_back(tmp_path) -> None:  # noqa: ANN001
    router = TableRouter(TableStore(tmp_path / "tables.duckdb", profile=BARNET))
    assert (
        router.route(
            read_asked("How many robberies were there in 2011/12?", profile=BARNET), Filters()
        )
        is None
    )


WEEKLY = (
    "Appendix D- Robbery weekly figures\n"
    "\n"
    "Offences\t18 Nov\t25 Nov\t2 Dec\t9 Dec\t16 Dec\t23 Dec\t30 Dec\tFYTD Total\n"
    "Last Year\t22\t10\t23\t16\t33\t24\t16\t807\n"
    "This Year\t31\t23\t28\t15\t19\t13\t12\t771\n"
    "% Change\t40.9%\t130.0%\t21.7%\t-6.3%\t-42.4%\t-45.8%\t-25.0%\t-4.5%"
)


@pytest.fixture(scope="module")
def weekly() -> TableRouter:
    return TableRouter(store_of(WEEKLY, meeting_date="2013-01-15", first_line=550))


def test_week_named_without_year_is_compared_too(weekly: TableRouter) -> None:
    answer = weekly.route(
        read_asked(
            "In the weekly robbery figures, how did robbery in the latest week shown (30 December) "
            "compare with the same week last year, and what was the change for the financial year "
            "to date?",
            profile=BARNET,
        ),
        Filters(),
    )
    assert answer is not None
    text = answer.answer
    assert "12 for week ending 30 December 2012" in text and "down 25.0%" in text
    assert "771" in text and "down 4.5%" in text
    assert text.index("30 December 2012") < text.index("771")  # asked first, answered first


def test_which_week_ranks_the_weeks_not_the_total(weekly: TableRouter) -> None:
    answer = weekly.route(
        read_asked(
            "In the weekly robbery figures, which week had the most robberies this year?",
            profile=BARNET,
        ),
        Filters(),
    )
    assert answer is not None
    assert "31 for week ending 18 November 2012" in answer.answer
    assert "771" not in answer.answer  # the year-to-date total is not a week
    assert answer.citations[0].quote.startswith("This Year")
    assert answer.tool_calls[0].name == "rank"


def test_above_or_below_states_both_places_and_the_gap() -> None:
    router = TableRouter(store_of(BOROUGHS, meeting_date="2013-07-19"))
    answer = router.route(
        read_asked(
            "Was Barnet's year-to-date ASB incident rate per 1,000 population above or below the "
            "MPS average?",
            profile=BARNET,
        ),
        Filters(),
    )
    assert answer is not None
    assert "2.76" in answer.answer and "3.51" in answer.answer
    assert "Barnet's figure is lower than MPS's, by 0.75 per 1,000" in answer.answer
    assert len(answer.citations) == 2


def _passage(text: str, source: str, first_line: int) -> Chunk:
    lines = text.split("\n")
    return Chunk(
        id="c1",
        source=source,
        doc_title="Pack",
        title="Performance report",
        paper_type="report",
        meeting_date="2013-07-19",
        section="Priority 2",
        agenda_item=None,
        text=text,
        line_start=first_line,
        line_end=first_line + len(lines) - 1,
        line_numbers=tuple(range(first_line, first_line + len(lines))),
    )


def test_rank_cites_the_papers_own_statement_when_it_agrees() -> None:
    store = store_of(BOROUGHS, source="pack.txt", meeting_date="2013-07-19")
    said = "Barnet has the 12th highest number of calls, but the 3rd lowest rate per 1000 people."
    router = TableRouter(store, [_passage(f"ASB\n{said}", "pack.txt", 290)])
    question = "Where did Barnet rank for its rate of ASB incidents per 1,000 population?"
    answer = router.route(read_asked(question, profile=BARNET), Filters())
    assert answer is not None
    assert "of 6" not in answer.answer  # MPS is an aggregate, left out
    assert "3rd highest (3rd lowest) of 5" in answer.answer
    assert "The paper states the same" in answer.answer
    assert answer.citations[-1].locator == "line 291" and answer.citations[-1].quote == said
    # a paper stating another rank is not quoted as agreeing
    other = TableRouter(store, [_passage(said.replace("3rd", "9th"), "pack.txt", 290)])
    answer = other.route(read_asked(question, profile=BARNET), Filters())
    assert answer is not None and "The paper states" not in answer.answer


def test_does_it_match_states_both_tables_and_the_gap() -> None:
    text = (
        f"{WEEKLY}\n\nPage 6\n\nLast Refresh Date: 02/01/2013\n\n\n"
        "Crime Summary between 01/04/2012 and 06/01/2013\n\n"
        "Crime Type\tLast Year\tThis Year\n"
        "Robbery\t881\t841"
    )
    router = TableRouter(store_of(text, source="pack.txt", meeting_date="2013-01-15"))
    answer = router.route(
        read_asked(
            "The weekly robbery figures (refreshed 2 January 2013) give a financial-year-to-date "
            "total for this year. What is it, and does it match the robbery count in the crime "
            "summary to 6 January 2013?",
            profile=BARNET,
        ),
        Filters(),
    )
    assert answer is not None
    assert "771" in answer.answer and "841" in answer.answer
    assert "They do not match" in answer.answer and "a difference of 70 (computed)" in answer.answer
    assert [c.quote.split("\t")[0] for c in answer.citations] == ["This Year", "Robbery"]


def test_refresh_date_under_a_table_is_kept_as_its_note() -> None:
    store = store_of(f"{WEEKLY}\n\nPage 6\n\nLast Refresh Date: 02/01/2013")
    assert any("02/01/2013" in " ".join(t.notes) for t in store.tables())


def test_does_it_match_with_nothing_to_match_is_none(weekly: TableRouter) -> None:
    question = "What is the knife crime total, and does it match the gun crime count?"
    assert weekly.route(read_asked(question, profile=BARNET), Filters()) is None


def test_a_week_named_with_its_year_reads_that_week(weekly: TableRouter) -> None:
    answer = weekly.route(
        read_asked(
            "How many robberies were there in the week of 9 December 2012, and how many in the "
            "same week last year?",
            profile=BARNET,
        ),
        Filters(),
    )
    assert answer is not None
    assert "15 for week ending 9 December 2012" in answer.answer
    assert "16 for week ending 9 December 2011" in answer.answer
    assert "771" not in answer.answer


def test_a_year_not_read_as_a_period_gets_no_table_figure(weekly: TableRouter) -> None:
    # "between 2012 and 2016" is no period the tables hold: no other period's figure instead
    question = "By how much did robbery in Barnet change between 2012 and 2016?"
    assert weekly.route(read_asked(question, profile=BARNET), Filters()) is None


def test_five_years_earlier_reads_the_five_year_change_column() -> None:
    text = (
        "Crime in Barnet\n\n"
        "Crime type\t2011/12\t2015/16\t2016/17\t% change vs. previous year\t"
        "% change vs. 5 years ago\n"
        "Theft From MV\t3602\t2372\t2360\t-0.5%\t-34.5%"
    )
    router = TableRouter(store_of(text, meeting_date="2017-10-27"))
    answer = router.route(
        read_asked(
            "What was the percentage change in theft from motor vehicle offences in 2016/17 "
            "compared with five years earlier?",
            profile=BARNET,
        ),
        Filters(),
    )
    assert answer is not None
    assert "down 34.5%" in answer.answer and "0.5%" not in answer.answer


def test_an_agencys_saving_in_several_schemes_is_not_given_for_an_unnamed_scheme() -> None:
    coaches = SAVINGS.replace("IOM", "Coaches").replace("5.5 Enhanced Integrated", "5.3 Com")
    text = f"{SAVINGS}\n\n\n{coaches.replace('£29,942', '£55,429')}"
    router = TableRouter(store_of(text, meeting_date="2013-01-15"))
    assert (
        router.route(
            read_asked(
                "What is the gross saving to the Police in the business case?", profile=BARNET
            ),
            Filters(),
        )
        is None
    )


def test_a_quarter_of_a_year_and_the_pack_it_is_in_are_told_apart() -> None:
    from board.figure_question import read_question

    q = read_question(
        "What was overall satisfaction in Q4 2012 in the July 2013 pack?", profile=BARNET
    )
    assert [p.label for p in q.periods] == ["Q4 2012"]
    assert (q.paper_year, q.paper_month) == (2013, 7)


def test_a_rate_per_1000_table_answers_a_question_naming_the_base() -> None:
    router = TableRouter(store_of(SERIES, meeting_date="2018-01-26"))
    answer = router.route(
        read_asked(
            "What was Barnet's custody rate per 1,000 young people for April 2015 to March 2016?",
            profile=BARNET,
        ),
        Filters(),
    )
    assert answer is not None and "0.28" in answer.answer


def test_a_series_of_rolling_years_keeps_those_that_read_as_financial_years() -> None:
    text = (
        "Custody Rate per 1,000 Young People\n\n"
        "\tApr 13 - Mar 14\tJul 13 - Jun 14\tOct 13 - Sep 14\tJan 14 - Dec 14\tApr 14 - Mar 15\n"
        "Barnet\t0.61\t0.49\t0.52\t0.54\t0.49"
    )
    router = TableRouter(store_of(text, meeting_date="2018-01-26"))
    answer = router.route(
        read_asked("What was the trend in Barnet's custody rate?", profile=BARNET), Filters()
    )
    assert answer is not None and answer.chart is not None
    assert [p["value"] for p in answer.chart["points"]] == [0.61, 0.49, 0.52, 0.54, 0.49]


def test_which_week_in_a_month_ranks_only_that_months_weeks(weekly: TableRouter) -> None:
    answer = weekly.route(
        read_asked("Which week in December 2012 had the most robberies?", profile=BARNET), Filters()
    )
    assert answer is not None
    assert "28 for week ending 2 December 2012" in answer.answer
    assert "18 November" not in answer.answer.split(";")[0]


def test_which_month_over_a_series_of_weeks_is_not_answered(weekly: TableRouter) -> None:
    assert (
        weekly.route(read_asked("Which month had the most robberies?", profile=BARNET), Filters())
        is None
    )


def test_a_rate_question_reads_the_rate_not_the_count_beside_it() -> None:
    router = TableRouter(store_of(BOROUGHS, meeting_date="2013-07-19"))
    answer = router.route(read_asked("What was the ASB rate in Barnet?", profile=BARNET), Filters())
    assert answer is not None
    assert answer.answer.startswith("Barnet, asb incidents rate per 1,000 population: 2.76")


def test_a_week_named_without_its_year_is_read_as_that_week(weekly: TableRouter) -> None:
    lookup = weekly.route(
        read_asked("How many robberies were there in the week ending 30 December?", profile=BARNET),
        Filters(),
    )
    assert lookup is not None and lookup.answer.startswith(
        "Robbery: 12 for week ending 30 December"
    )
    compared = weekly.route(
        read_asked(
            "How did robbery in the week ending 9 December compare with the same week last year?",
            profile=BARNET,
        ),
        Filters(),
    )
    assert compared is not None
    assert "15 for week ending 9 December 2012" in compared.answer
    assert "16 for week ending 9 December 2011" in compared.answer
    assert "18 November" not in compared.answer  # no other week beside the one asked
