"""RegisterRouter: the board's questions answered in date order, citing the minute lines."""

# ruff: noqa: E501 (questions as the board asks them)

from __future__ import annotations

import re
from pathlib import Path

import pytest

from board.question import read_question as read_asked
from board.records import Chunk, ToolAnswer
from board.routing import Filters, Router
from tests.profiles import BARNET
from tools.register.router import RegisterRouter
from tools.register.store import Register


@pytest.fixture(scope="module")
def router(corpus_register: Register, corpus_chunks: list[Chunk]) -> RegisterRouter:
    return RegisterRouter(corpus_register, lambda: corpus_chunks)


def ask(router: RegisterRouter, question: str, **filters: str) -> ToolAnswer:
    answer = router.route(read_asked(question, profile=BARNET), Filters(**filters))
    assert answer is not None, question
    return answer


def markers_in_order(answer: ToolAnswer) -> list[int]:
    return [int(n) for n in re.findall(r"\[(\d+)\]", answer.answer)]


def check_citations(answer: ToolAnswer) -> None:
    """[n] markers number the citations from 1, and every citation is used."""
    assert [c.n for c in answer.citations] == list(range(1, len(answer.citations) + 1))
    assert set(markers_in_order(answer)) == {c.n for c in answer.citations}


def test_it_is_a_router(router: RegisterRouter) -> None:
    as_router: Router = router  # mypy checks the protocol; the name is what the assistant logs
    assert as_router.name == "register"


def test_actions_james_mass_took_away(router: RegisterRouter) -> None:
    answer = ask(router, "What actions did James Mass take away?")
    check_citations(answer)
    minute = [c for c in answer.citations if c.meeting_date == "2013-04-19"]
    assert [c.locator for c in minute] == [
        "lines 89-89",
        "lines 153-155",
        "lines 157-159",
        "lines 193-195",
    ]
    assert all(
        c.source == "2013-07-19_scpb_pack.txt"
        and c.title == "Minutes of the meeting of 19 April 2013"
        for c in minute
    )
    assert (
        minute[0].quote
        == "James Mass agreed to find out who chairs the Police Property Crime & Burglary Group"
    )
    assert answer.answer.count("19 April 2013") == 4
    assert "find out who chairs the Police Property Crime & Burglary Group" in answer.answer
    assert "no later record" in answer.answer
    assert answer.tool_calls[0].name == "actions" and answer.tool_calls[0].arguments == {
        "owner": "James Mass"
    }
    assert len(answer.table_rows) == 4


def test_what_the_board_decided_about_neighbourhood_justice_panels(router: RegisterRouter) -> None:
    answer = ask(router, "What did the board decide about Neighbourhood Justice Panels?")
    check_citations(answer)
    first = answer.citations[0]
    assert (first.meeting_date, first.locator) == ("2012-10-16", "lines 177-177")
    assert first.quote == "The Board were supportive of the restorative justice proposals."
    dates = [c.meeting_date or "" for c in answer.citations]
    assert dates == sorted(dates) and dates[-1] == "2013-07-19"
    assert (
        answer.answer.index("16 October 2012")
        < answer.answer.index("15 January 2013")
        < answer.answer.index("19 July 2013")
    )
    assert "go live by October 2013" in answer.answer
    assert [c.name for c in answer.tool_calls] == ["decisions", "timeline"]


def test_what_happened_to_the_draft_strategic_priorities(router: RegisterRouter) -> None:
    answer = ask(router, "What happened to the draft strategic priorities?")
    check_citations(answer)
    assert "agreed" in answer.answer and "27 October 2017" in answer.answer
    assert "Kiran Vagarwal" in answer.answer and "no later record" in answer.answer
    assert {c.locator for c in answer.citations} == {"lines 197-197", "lines 197-199"}


def test_who_attended(router: RegisterRouter) -> None:
    answer = ask(router, "Who attended the meeting in October 2017?")
    check_citations(answer)
    assert "chaired by David Longstaff" in answer.answer
    assert (
        "Aveen Gardiner" in answer.answer
        and "Apologies: Peter Clifton, Jamie Keddy" in answer.answer
    )
    assert [c.locator for c in answer.citations] == ["lines 93-111", "lines 119-121"]
    assert answer.citations[1].quote.startswith("Apologies were received from Mr Peter Clifton")


def test_attendance_of_a_meeting_with_only_an_agenda_says_so(router: RegisterRouter) -> None:
    answer = ask(router, "Who attended the meeting on 15 January 2013?")
    assert "minutes are not among them" in answer.answer
    assert answer.citations[0].meeting_date == "2013-01-15"


def test_when_the_board_last_discussed_a_topic(router: RegisterRouter) -> None:
    answer = ask(router, "When did the board last discuss CCTV?")
    check_citations(answer)
    assert answer.answer.startswith(
        "The papers last deal with CCTV for the meeting of 26 January 2018"
    )
    assert "15 January 2013" in answer.answer


def test_decisions_of_the_last_meeting(router: RegisterRouter) -> None:
    answer = ask(router, "What did the board decide at the last meeting?")
    assert {c.meeting_date for c in answer.citations} == {"2017-10-27"}
    assert answer.answer.startswith("The minutes record 3 decisions")


@pytest.mark.parametrize(
    "question",
    [
        "How many residential burglaries were recorded in 2012?",
        "What did the board decide about unicorns?",
        "What actions did Nobody Known take on unicorns?",
        "What decision was sought in the Safer Communities Project update?",
        "What does the action plan say about burglary?",
        "Who attended the National Community Safety Conference?",
    ],
)
def test_other_questions_and_empty_matches_fall_through(
    router: RegisterRouter, question: str
) -> None:
    assert router.route(read_asked(question, profile=BARNET), Filters()) is None


def test_all_decisions_when_asked_for(router: RegisterRouter) -> None:
    answer = ask(router, "List all the decisions the board has made")
    assert answer.answer.startswith("The minutes record 21 decisions:")
    check_citations(answer)


def test_filters_limit_the_answer(router: RegisterRouter) -> None:
    assert (
        router.route(
            read_asked("What actions did James Mass take away?", profile=BARNET),
            Filters(date_from="2017-01-01"),
        )
        is None
    )
    assert (
        router.route(
            read_asked("What actions did James Mass take away?", profile=BARNET),
            Filters(paper_type="strategy"),
        )
        is None
    )


@pytest.mark.parametrize(
    ("question", "meeting_date", "locator"),
    [
        (
            "What did Stuart Collins agree to do following the Troubled Families update in October 2012?",
            "2012-10-16",
            "lines 147-147",
        ),
        (
            "What were the Police going to bring to the next Board meeting on crime hotspots?",
            "2012-10-16",
            "lines 155-155",
        ),
        (
            "What was Stuart Collins asked to present at the next meeting after the 19 April 2013 Board?",
            "2013-04-19",
            "lines 125-125",
        ),
        (
            "Who was asked to investigate the decline in residents' satisfaction, and at which meeting?",
            "2013-04-19",
            "lines 145-145",
        ),
        (
            "What did Andrew Nathan agree to do about measuring public confidence at the October 2012 meeting?",
            "2012-10-16",
            "lines 171-171",
        ),
        (
            "When did Clare Ansdell say she would report to the Board on the NPS inspection?",
            "2017-10-27",
            "lines 163-163",
        ),
    ],
)
def test_actions_asked_in_the_boards_own_words(
    router: RegisterRouter, question: str, meeting_date: str, locator: str
) -> None:
    answer = ask(router, question)
    check_citations(answer)
    assert (answer.citations[0].meeting_date, answer.citations[0].locator) == (
        meeting_date,
        locator,
    )
    assert len(answer.table_rows) == 1


@pytest.mark.parametrize(
    ("question", "locator", "quote"),
    [
        (
            "What was the Board's view on the restorative justice proposals presented by Ruth Murphy?",
            "lines 177-177",
            "The Board were supportive",
        ),
        (
            "How did the Board respond to the Barnet Safeguarding Children Annual Report?",
            "lines 228-228",
            "commended its findings",
        ),
        (
            "At the 16 October 2012 meeting, what did the Board decide about the minutes of its previous meeting?",
            "lines 99-99",
            "24th July 2012",
        ),
        (
            "What did the Board decide about Dr Simon Harding becoming a Board member, and at which meeting?",
            "lines 73-73",
            "All Board Members agreed",
        ),
    ],
)
def test_decisions_asked_in_the_boards_own_words(
    router: RegisterRouter, question: str, locator: str, quote: str
) -> None:
    answer = ask(router, question)
    assert len(answer.citations) >= 1
    assert answer.citations[0].locator == locator and quote in answer.citations[0].quote


def test_what_a_report_asked_the_board_is_left_to_the_passages(router: RegisterRouter) -> None:
    for question in (
        "What decisions was the Board asked to make on the Safer Communities Project update?",
        "What was the Partnership Board asked to do about the MOPAC Police and Crime Plan?",
    ):
        assert router.route(read_asked(question, profile=BARNET), Filters()) is None


def test_where_and_when_meetings_were_held(router: RegisterRouter) -> None:
    answer = ask(router, "Where was the 16 October 2012 Board meeting held?")
    assert "Committee Room 2, Hendon Town Hall" in answer.answer
    assert answer.citations[0].locator == "lines 68-68"
    july = ask(router, "Where and at what time was the 19 July 2013 meeting held?")
    assert "2.30 – 4.30pm" in july.answer and "Hendon Town Hall" in july.answer
    assert (july.citations[0].source, july.citations[0].locator) == (
        "2013-07-19_scpb_pack.txt",
        "lines 6-7",
    )
    assert (
        router.route(
            read_asked(
                "When and where was the 26 January 2018 meeting held, and what was its quorum?",
                profile=BARNET,
            ),
            Filters(),
        )
        is None
    )


def test_next_meeting(router: RegisterRouter) -> None:
    answer = ask(
        router,
        "According to the October 2012 minutes, when and where was the next meeting to be held?",
    )
    assert "15 January 2013" in answer.answer and "Hendon Town Hall" in answer.answer
    assert answer.citations[0].locator == "lines 234-236"
    after = ask(router, "What date was proposed for the Board's meeting after 26 January 2018?")
    assert "27 April 2018" in after.answer and after.citations[0].locator == "lines 62-62"


def test_chairs_of_two_meetings(router: RegisterRouter) -> None:
    answer = ask(router, "Who chaired the Board in April 2013 and in October 2017?")
    assert [c.meeting_date for c in answer.citations if "Board Members Present" in c.quote] == [
        "2013-04-19",
        "2017-10-27",
    ]
    assert "The same chairman, David Longstaff" in answer.answer
    assert "Board members present (16)" in answer.answer


def test_no_register_yet_falls_back_to_passages(tmp_path: Path) -> None:
    router = RegisterRouter(Register(tmp_path))
    assert (
        router.route(
            read_asked("What actions did James Mass take away?", profile=BARNET), Filters()
        )
        is None
    )


@pytest.mark.parametrize(
    ("question", "what"),
    [
        (
            "Which Board members attended the 15 January 2013 meeting?",
            "who attended is not recorded",
        ),
        (
            "What did the Board resolve about the Outline Business Case at its 15 January 2013 meeting?",
            "its decisions are not recorded",
        ),
    ],
)
def test_a_meeting_with_only_its_agenda_in_the_papers_is_not_found_with_the_agenda_cited(
    router: RegisterRouter, question: str, what: str
) -> None:
    answer = ask(router, question)
    assert answer.status == "not_found"
    assert what in answer.answer and "15 January 2013" in answer.answer
    check_citations(answer)
    assert answer.citations[0].source == "2013-01-15_scpb_pack.txt"
    assert answer.citations[0].meeting_date == "2013-01-15"


def test_who_chaired_an_agenda_only_meeting_is_answered_from_the_agenda(
    router: RegisterRouter,
) -> None:
    answer = ask(router, "Who chaired the 15 January 2013 meeting?")
    assert answer.status == "answered"
    assert "David Longstaff" in answer.answer
