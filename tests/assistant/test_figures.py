"""Figures stated in prose: the figure quoted and cited, a change computed in code, or nothing."""

from __future__ import annotations

from functools import partial

import pytest

from assistant.changes import Change, change_in, describe_change
from assistant.figures import answer_figure
from assistant.statements import statements
from board.question import read_question
from board.records import Chunk
from retrieval.search import Hit
from tests.assistant.passages import passage
from tests.profiles import BARNET

make_chunk = partial(
    passage,
    title="Community Safety Strategic Assessment",
    paper_type="report",
    meeting_date="2017-10-27",
    section="Community Safety Strategic Assessment",
)


def hits_of(*chunks: Chunk) -> list[Hit]:
    return [Hit(chunk, 1.0 / (i + 1), dense=0.6) for i, chunk in enumerate(chunks)]


def flat_idf(term: str) -> float:
    return 1.0


ASSESSMENT = "2017-10-27_assessment.txt"
CCTV = make_chunk(
    "2018-01-26_pack.txt",
    "The number of incidents spotted by the CCTV control room has been increasing\n"
    "- **1949 live incidents spotted** in the last 12 months.\n"
    "- **604** of these spotted directly by the control room CCTV operators (proactive incidents)\n"
    "- **1345** of these were spotted after the control room was alerted (reactive incidents)\n"
    "- More than **200% increase** in reactive incidents since 2015",
    370,
    title="Item 7: Barnet CCTV Update",
    section="Item 7: Barnet CCTV Update",
    meeting_date="2018-01-26",
)
HATE_CRIME = make_chunk(
    ASSESSMENT,
    "Hate Crime\n"
    "- 1.6.2 Instances of racist and religious hate crime have been increasing. In the last "
    "12 months there were 717 reported Racist and Religious Hate Crimes, up from 552 a year ago.",
    143,
    section="Community Safety Strategic Assessment > Hate Crime",
)
YOUTH_VIOLENCE = make_chunk(
    ASSESSMENT,
    "- 1.7.4 Over the last 12 months (to March 2017) there have been reductions in Serious "
    "Youth Violence, knife crime and gun crime:\n"
    " - 12% reduction in Serious Youth Violence (from 218 offences to 191)\n"
    " - 8% reduction in knife crime (from 347 offences to 318)",
    190,
    section="Community Safety Strategic Assessment > Trends",
)
BURGLARY = make_chunk(
    ASSESSMENT,
    "- 1.9.2 Over the last 12 months¹⁴ Barnet has had the 8th highest rate of burglary¹⁵ "
    "with burglary occurring at a rate 8% higher than the London average.",
    235,
    section="Community Safety Strategic Assessment > Burglary",
)
FOOTNOTES = make_chunk(
    ASSESSMENT,
    "¹⁴ To March 2017\n\n¹⁵ 8.66 per 1000 population vs. London average of 7.99",
    247,
    section="Community Safety Strategic Assessment > Key partnership activity",
)
TROUBLED_FAMILIES = make_chunk(
    "2013-01-15_pack.txt",
    "Based on a payment by results funding formula we will receive direct DCLG grant funding "
    "for 5/6th of 705 = **588** eligible cases\n\n"
    "588 x £4000 (100%) = **£2,352,000**\n\n"
    "In October 2012 we provided our first submission to DCLG. It identified that we were "
    "working with 358 allocated families of which 187 were eligible. By 31.12.12 this had "
    "risen to 443 with 256 being eligible.",
    659,
    title="Troubled Families Update",
    section="Troubled Families Update",
    meeting_date="2013-01-15",
)
CAUTIONS = make_chunk(
    "2013-01-15_pack.txt",
    "In 2011, only 13 conditional cautions were issued in Barnet in total. London figures for "
    "2012/13 are not yet available.",
    1254,
    title="Outline Business Case",
    section="Conditional Cautions",
    meeting_date="2013-01-15",
)
YOT = make_chunk(
    "2018-01-26_pack.txt",
    "# Youth Offending\nOctober 2017\n"
    "- **FTE** is 293 per 100,000 which is **lower than** both the London (408) and "
    "**National** (321) averages\n"
    "- Custody rate is half that of the National average",
    450,
    title="Item 7: Youth Offending",
    section="Item 7 > Youth Offending",
    meeting_date="2018-01-26",
)
CRIME_RATE = make_chunk(
    ASSESSMENT, "In the last 12 months there were 68 crimes per 1000 residents in Barnet.", 60
)
BURGLARY_SCHEME = make_chunk(
    "2013-07-19_pack.txt",
    "Burglary in Barnet fell by 25% this year.\n"
    "Burglary offences in the streets covered went from 200 in the year before the scheme "
    "started to 160 in its first full year of operation.",
    500,
    title="Performance report",
    section="Burglary",
    meeting_date="2013-07-19",
)


# ---------------------------------------------------------------- the question


def figure_question(question: str):  # type: ignore[no-untyped-def]
    """What the question reader reads of a figure stated in prose."""
    return read_question(question, profile=BARNET).prose


@pytest.mark.parametrize(
    ("question", "parts", "change"),
    [
        ("How many live incidents did the control room spot?", ("count",), False),
        (
            "By what percentage did hate crime rise compared with a year earlier?",
            ("percent",),
            True,
        ),
        ("What was Barnet's burglary rate per 1,000 population?", ("rate",), False),
        ("What reduction in costs did the IOM unit anticipate?", ("money",), True),
        (
            "How much grant funding will Barnet get, and for how many cases?",
            ("money", "count"),
            False,
        ),
        ("By how much would the caseload grow, in number and percentage terms?", ("count",), True),
    ],
)
def test_figure_questions_and_the_figures_they_want(
    question: str, parts: tuple[str, ...], change: bool
) -> None:
    figure = figure_question(question)
    assert figure is not None
    assert figure.parts == parts
    assert figure.change is change


@pytest.mark.parametrize(
    "question",
    [
        "Who chairs the board?",
        "How much time was set aside on the agenda for the strategy refresh?",
        "What did the board decide about CCTV?",
    ],
)
def test_questions_that_ask_for_no_figure(question: str) -> None:
    assert figure_question(question) is None


def test_what_a_count_counts_and_a_rate_measures() -> None:
    count = figure_question("How many serious youth violence offences were recorded?")
    assert count is not None and count.noun == "offence"
    rate = figure_question("What was the First Time Entrant (FTE) rate for young people?")
    assert rate is not None and rate.measured == "fte"
    compare = figure_question("How did the FTE rate compare with the London and national averages?")
    assert compare is not None and set(compare.kinds) >= {"rate", "percent", "count"}


# ---------------------------------------------------------------- changes


@pytest.mark.parametrize(
    ("text", "before", "after"),
    [
        (
            "there were 717 reported Racist and Religious Hate Crimes, up from 552 a year ago",
            552,
            717,
        ),
        ("12% reduction in Serious Youth Violence (from 218 offences to 191)", 218, 191),
        ("offences from 135 in the 12 months pre-IOM to estimated 56 in 12 months of IOM", 135, 56),
        ("Increasing the IOM caseload from 97 to 200.", 97, 200),
        ("It identified 358 allocated families. By 31.12.12 this had risen to 443.", 358, 443),
        ("The budget rose from £1,200 to £1,500.", 1200, 1500),
        ("Over the 12 months there were 358 offences; this had risen to 443", 358, 443),
        (
            "the average during the previous 12 months increased to 2.67 compared with 2.05",
            2.05,
            2.67,
        ),
        ("satisfaction rose from 10 per cent to 12 per cent", 10, 12),
        ("3 burglaries per 1,000 households, down from 4.5 per 1,000", 4.5, 3),
    ],
)
def test_changes_stated_with_both_ends(text: str, before: float, after: float) -> None:
    change = change_in(text)
    assert change is not None
    assert (change.before, change.after) == (before, after)


@pytest.mark.parametrize(
    "text",
    [
        "The strategy runs from 2015 to 2020.",
        "Pre IOM dates 12 months from 6th June 2011 to 5th Nov 2012",
        "Burglary fell by 12% this year.",
        "The figure had risen to 443.",
        "Satisfaction Q4 11 Q4 12 rose to 100%",  # "4" and "100%" are not one change
    ],
)
def test_no_change_without_both_ends(text: str) -> None:
    assert change_in(text) is None


def test_changes_are_described_with_their_arithmetic() -> None:
    assert describe_change(Change(552, 717)) == "717 − 552 = 165, a rise of 29.9% on 552"
    assert describe_change(Change(135, 56)) == "56 − 135 = −79, a fall of 58.5% on 135"
    assert describe_change(Change(97, 200)).endswith("a rise of 106.2% on 97")
    assert describe_change(Change(25.41, 25.63, "%")).startswith(
        "25.63% − 25.41% = 0.22 percentage"
    )


# ---------------------------------------------------------------- picking


def test_bullets_that_refer_back_are_read_with_the_line_they_refer_to() -> None:
    groups = {tuple(u.line for u in s.units) for s in statements(CCTV)}
    assert (371, 372, 373) in groups


def test_two_part_count_quotes_the_adjacent_bullets_and_cites_each_line() -> None:
    answer = answer_figure(
        read_question(
            "How many live incidents did the CCTV control room spot in the last 12 months, "
            "and how many of those were spotted proactively by operators?",
            profile=BARNET,
        ),
        hits_of(HATE_CRIME, CCTV),
        flat_idf,
    )
    assert answer is not None
    for figure in ("1949", "604", "1345"):
        assert figure in answer.answer
    assert [c.locator for c in answer.citations] == ["line 371", "line 372", "line 373"]
    assert all(c.source == CCTV.source for c in answer.citations)


def test_a_rise_is_computed_from_the_cited_figures_and_recorded_as_a_tool_call() -> None:
    answer = answer_figure(
        read_question(
            "By what percentage did reported racist and religious hate crimes rise in the last "
            "12 months compared with a year earlier?",
            profile=BARNET,
        ),
        hits_of(CCTV, HATE_CRIME),
        flat_idf,
    )
    assert answer is not None
    assert (
        "Computed from the cited figures: 717 − 552 = 165, a rise of 29.9% on 552." in answer.answer
    )
    assert answer.citations[0].locator == "line 144"
    assert "up from 552" in answer.citations[0].quote
    (call,) = answer.tool_calls
    assert call.name == "passage_figure"
    assert (call.arguments["before"], call.arguments["after"]) == (552, 717)
    assert call.arguments["difference"] == 165


def test_a_rise_told_across_two_sentences_is_computed() -> None:
    answer = answer_figure(
        read_question(
            "How much did the number of families the Troubled Families team was working with grow "
            "between the October 2012 DCLG submission and 31 December 2012?",
            profile=BARNET,
        ),
        hits_of(TROUBLED_FAMILIES),
        flat_idf,
    )
    assert answer is not None
    assert "443 − 358 = 85, a rise of 23.7% on 358" in answer.answer
    assert answer.citations[0].locator == "line 663"


def test_a_list_item_is_quoted_with_its_lead_in_and_not_its_sibling() -> None:
    answer = answer_figure(
        read_question(
            "How many serious youth violence offences were recorded in the 12 months to March 2017, "
            "and how many the year before?",
            profile=BARNET,
        ),
        hits_of(YOUTH_VIOLENCE),
        flat_idf,
    )
    assert answer is not None
    assert "from 218 offences to 191" in answer.answer
    assert "knife crime (from 347" not in answer.answer
    assert [c.locator for c in answer.citations] == ["line 190", "line 191"]


def test_a_footnote_holding_the_figure_is_quoted_and_cited() -> None:
    answer = answer_figure(
        read_question(
            "What was Barnet's burglary rate per 1,000 population in the 12 months to March 2017, "
            "and what was the London average?",
            profile=BARNET,
        ),
        hits_of(BURGLARY),
        flat_idf,
        chunks=[BURGLARY, FOOTNOTES],
    )
    assert answer is not None
    assert "8.66 per 1000 population vs. London average of 7.99" in answer.answer
    assert {c.locator for c in answer.citations} == {"line 235", "line 247", "line 249"}


def test_a_part_missing_from_the_best_line_is_taken_from_the_next_line() -> None:
    answer = answer_figure(
        read_question(
            "How much direct DCLG grant funding will Barnet receive under the payment by results "
            "formula, and for how many eligible cases?",
            profile=BARNET,
        ),
        hits_of(TROUBLED_FAMILIES),
        flat_idf,
    )
    assert answer is not None
    assert "588" in answer.answer and "£2,352,000" in answer.answer
    assert [c.locator for c in answer.citations] == ["line 659", "line 661"]


def test_an_abbreviation_in_the_passage_covers_the_words_of_the_question() -> None:
    answer = answer_figure(
        read_question(
            "How did Barnet's First Time Entrant rate compare with the London and national averages "
            "in the October 2017 Youth Offending update?",
            profile=BARNET,
        ),
        hits_of(YOT),
        flat_idf,
    )
    assert answer is not None
    assert "293 per 100,000" in answer.answer
    assert answer.citations[0].locator == "line 452"


def test_a_change_question_prefers_the_sentence_giving_both_ends() -> None:
    answer = answer_figure(
        read_question("By what percentage did burglary offences in Barnet fall?", profile=BARNET),
        hits_of(BURGLARY_SCHEME),
        flat_idf,
    )
    assert answer is not None
    assert "160 − 200 = −40, a fall of 20.0% on 200" in answer.answer
    assert answer.citations[0].locator == "line 501"


# ---------------------------------------------------------------- refusing


@pytest.mark.parametrize(
    ("question", "chunks"),
    [
        # the passage is about this subject but states no figure of the wanted kind
        ("How much funding did the Troubled Families team spend on hate crime?", (HATE_CRIME,)),
        # the figure is for another year
        ("How many conditional cautions were issued in Barnet in 2012?", (CAUTIONS,)),
        # a body the question names that the passage never names
        ("How many hate crimes did MOPAC record in the last 12 months?", (HATE_CRIME,)),
        # a rate of something else
        (
            "What was Barnet's reoffending rate per 1000 residents in the last 12 months?",
            (CRIME_RATE,),
        ),
        # another subject altogether
        ("How many ANPR cameras were installed in Edgware?", (CCTV, HATE_CRIME)),
        # not a figure question
        ("Who presented the CCTV update?", (CCTV,)),
    ],
)
def test_no_answer_without_a_stated_figure_about_the_subject(
    question: str, chunks: tuple[Chunk, ...]
) -> None:
    assert (
        answer_figure(
            read_question(question, profile=BARNET), hits_of(*chunks), flat_idf, chunks=chunks
        )
        is None
    )


# ---------------------------------------------------------------- end to end


@pytest.mark.e2e
@pytest.mark.parametrize(
    ("question", "figures", "source", "lines"),
    [
        (
            "By what percentage did reported racist and religious hate crimes in Barnet rise in "
            "the 12 months reported in the 2017 strategic assessment compared with a year earlier?",
            ["29.9%", "165"],
            "2017-10-27_community_safety_strategic_assessment.txt",
            {144},
        ),
        (
            "What reduction in costs did the Barnet Integrated Offender Management Unit "
            "anticipate for its first 12 months if current trends were maintained?",
            ["£156,000"],
            "2013-07-19_scpb_pack.txt",
            {801},
        ),
        (
            "According to the January 2018 CCTV update, how many live incidents did the Barnet "
            "CCTV control room spot in the last 12 months, and how many of those were spotted "
            "proactively by operators?",
            ["1949", "604", "1345"],
            "2018-01-26_scpb_pack.txt",
            {371, 372, 373},
        ),
        (
            "The Outline Business Case proposes expanding the Integrated Offender Management "
            "caseload. By how much would it grow, in number and percentage terms?",
            ["103", "106.2%"],
            "2013-01-15_scpb_pack.txt",
            {1296, 1299},  # "from 97 to 200", or "currently 97 ... expanded to 200"
        ),
    ],
)
def test_figures_in_the_papers_are_answered_and_cited(
    real_assistant,  # type: ignore[no-untyped-def]
    question: str,
    figures: list[str],
    source: str,
    lines: set[int],
) -> None:
    answer = real_assistant.ask(question)
    assert answer.status == "answered", answer.answer
    for figure in figures:
        assert figure in answer.answer, answer.answer
    cited = {(c.source, c.locator) for c in answer.citations}
    assert cited & {(source, f"line {n}") for n in lines}, cited
    assert any(call.name == "passage_figure" for call in answer.tool_calls)


@pytest.mark.e2e
def test_a_figure_for_another_subject_is_not_given(real_assistant) -> None:  # type: ignore[no-untyped-def]
    answer = real_assistant.ask(
        "What was Barnet's proven adult reoffending rate for the 12 months to March 2017?"
    )
    assert not any(call.name == "passage_figure" for call in answer.tool_calls), answer.answer


DVA = make_chunk(
    ASSESSMENT,
    "1.6.1 Between 2012 and 2016 the annual volume of reported DVA incidents (calls to police "
    "about DVA) in Barnet rose from 3503 to 4990 per year. Of those calls, the number which "
    "resulted in crimes being recorded (DVA Offences) rose from 1125 to 2523 per year.",
    140,
)
YOT_KPI = make_chunk(
    "2018-01-26_pack.txt",
    "Source\tKPI\tDescription\tOct-17\tNov-17\tDec-17\tVariance from last month\n"
    "MR07\tCYP10\tTotal number of cases currently open to the YOT\t82\t84\t82\t-2\n"
    "MR07\tCYP40\tPercentage of open statutory cases assessed as intensive\t40.2%\t46.4%\t46.3%"
    "\t-0.1%",
    477,
    meeting_date="2018-01-26",
)


def test_the_change_computed_is_the_one_about_the_subject_asked() -> None:
    answer = answer_figure(
        read_question(
            "By how much did the number of DVA offences recorded in Barnet change between 2012 "
            "and 2016?",
            profile=BARNET,
        ),
        hits_of(DVA),
        flat_idf,
    )
    assert answer is not None
    assert "2,523 − 1,125 = 1,398" in answer.answer  # offences, not the calls before them


YOT_BULLET = make_chunk(
    "2018-01-26_pack.txt",
    "Youth Offending\n- As at November 2017, 84 young people were open to the YOT.",
    440,
    meeting_date="2018-01-26",
)


def test_a_month_the_figures_do_not_cover_is_not_answered() -> None:
    def ask(month: str) -> str | None:
        found = answer_figure(
            read_question(
                f"How many young people were open to the YOT in {month}?", profile=BARNET
            ),
            hits_of(YOT_BULLET),
            flat_idf,
        )
        return found.answer if found else None

    assert "84" in (ask("November 2017") or "")
    assert ask("January 2018") is None  # the pack's own date is not the figures' month


def test_a_minus_sign_in_a_quoted_cell_is_kept() -> None:
    quoted = [u.text for s in statements(YOT_KPI) for u in s.units]
    assert any("-0.1%" in text for text in quoted)


def test_a_change_against_the_direction_asked_is_not_computed() -> None:
    fell = make_chunk(ASSESSMENT, "- Knife crime went down from 347 offences to 318.", 192)
    answer = answer_figure(
        read_question("By how much did knife crime rise over the last 12 months?", profile=BARNET),
        hits_of(fell),
        flat_idf,
    )
    assert answer is None or "Computed" not in answer.answer


def test_a_figure_in_the_header_a_row_is_shown_with_is_not_the_rows_figure() -> None:
    ledger = make_chunk(
        "2013-01-15_pack.txt",
        "Savings and assumptions\tProject set up costs funded by the Council (£15,000)\n"
        "\tPolice\tsaving",
        1203,
    )
    assert (
        answer_figure(
            read_question(
                "How much does the business case expect the Police saving to be?", profile=BARNET
            ),
            hits_of(ledger),
            flat_idf,
        )
        is None
    )
