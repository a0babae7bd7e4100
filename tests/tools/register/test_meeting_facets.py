"""A question asking several things of a meeting gets each: where and when it was held, when
the next one is, when it opened and closed, each cited at its own lines."""

from __future__ import annotations

from board.profile import BASE
from board.question import read_question
from board.routing import Filters
from tools.register.router import RegisterRouter
from tools.register.store import Register, compile_register

from .snippets import minutes

HEAD = """Minutes

Horsley Working Group Meeting
Date: 19 October 2014
Time: 3.00 p.m.
Venue: Horsley Village Hall

Present: Jane Archer (JA), Alan Caudwell (AC)

1. Welcome
JA welcomed everyone to the meeting.

2. Next meeting: 23 November 2014
"""


def _ask(question: str) -> str:
    data = compile_register([minutes(HEAD, meeting_date="2014-10-19")], profile=BASE)
    answer = RegisterRouter(Register(data)).route(read_question(question, profile=BASE), Filters())
    assert answer is not None, question
    return answer.answer


def test_when_and_where_it_met_and_when_the_next_meeting_is() -> None:
    text = _ask(
        "When and where did the Horsley Working Group meet in October 2014, "
        "and when is the next meeting?"
    )
    assert "held at 3.00 p.m. at Horsley Village Hall" in text
    assert "next meeting for 23 November 2014" in text


def test_where_it_met_is_cited_at_the_heads_date_time_and_venue_lines() -> None:
    data = compile_register([minutes(HEAD, meeting_date="2014-10-19")], profile=BASE)
    [meeting] = data.meetings
    assert meeting.venue == "Horsley Village Hall"
    assert meeting.header_locator == "lines 4-6"


AGENDA = """UPTON PARISH COUNCIL
The monthly meeting of the Parish Council will be held on
Tuesday 29 April 2014 at 7.30 pm in the Village Hall
AGENDA
1 Minutes of the Last Meeting on 18 March 2014.
2 Matters Arising
3 Declarations of Interest
4 Planning — - Dairy Proposed Development Presentation
5 Correspondence and E-mails
6 Any Other Business
The agenda is given below. Dated 15 April 2014; 25 copies printed
"""


def test_an_agenda_written_as_a_numbered_list_is_read_item_by_item() -> None:
    from .snippets import paper

    data = compile_register([paper(AGENDA, "2014-04-29", paper_type="agenda")], profile=BASE)
    question = read_question(
        "How many items are on the agenda for Upton Parish Council's April 2014 meeting?", BASE
    )
    answer = RegisterRouter(Register(data)).route(question, Filters())

    assert answer is not None
    assert "The agenda for the meeting of 29 April 2014 lists 6 items [1]:" in answer.answer
    assert "- 4 Planning – Dairy Proposed Development Presentation" in answer.answer
    assert "- 5 Correspondence and E-mails" in answer.answer
    assert "25 copies" not in answer.answer  # a figure starting no line is no item
    scheduled = read_question("What presentation is scheduled on Upton's April 2014 agenda?", BASE)
    assert scheduled.record.agenda and scheduled.record.kind == "meeting_details"
