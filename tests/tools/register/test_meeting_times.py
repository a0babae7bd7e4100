"""When meetings opened and closed and when the next was set, read from other bodies' minutes
(the development corpus), and the meeting a question names by its body as well as its month."""

from __future__ import annotations

import pytest

from board.asks import read_record_ask
from board.profile import BASE
from board.records import Line
from tools.register.meeting_times import closed_at, next_meeting_said, opened_at
from tools.register.meetings import extract_meetings
from tools.register.questions import meetings_named
from tools.register.records import Meeting

from .dev_papers import dev_sections

NORTH_STAR = "2020-11-minutes.md"
MANORDEILO = "minutes_2020-11.html"
MILBURN = "minutes_2018-11-06_.pdf"
SUFFOLK = "board-meeting-minutes-2016-05-26.pdf"


@pytest.fixture(scope="module")
def meetings() -> dict[str, Meeting]:
    found = extract_meetings(dev_sections([NORTH_STAR, MANORDEILO, MILBURN, SUFFOLK]), BASE)
    return {m.source: m for m in found}


@pytest.mark.parametrize(
    ("source", "opened", "closed", "next_meeting"),
    [
        (NORTH_STAR, "6:30 pm", "7:45 pm", "2020-12-21"),  # "called the meeting to order at"
        (MANORDEILO, "7.30pm", "9.25pm", None),  # "held their meeting via Zoom at", "closed"
        (MILBURN, None, "8.50pm", "2019-01-08"),  # "brought the meeting to a close at"
        (SUFFOLK, "11.15am", "12.45pm", "2016-07-28"),  # "Time <tab> 11.15am – 12.45pm"
    ],
)
def test_times_and_next_meeting_in_each_house_style(
    meetings: dict[str, Meeting],
    source: str,
    opened: str | None,
    closed: str | None,
    next_meeting: str | None,
) -> None:
    found = meetings[source]
    assert (found.opened, found.closed, found.next_meeting) == (opened, closed, next_meeting)


def test_a_time_is_cited_by_the_line_that_says_it(meetings: dict[str, Meeting]) -> None:
    found = meetings[MILBURN]
    assert found.closed_locator == "page 2, lines 26-26"
    assert "brought the meeting to a close" in found.closed_text


def test_the_meeting_of_the_body_the_question_names(meetings: dict[str, Meeting]) -> None:
    ask = read_record_ask("When did North Star's November 2020 meeting start?")
    assert [m.source for m in meetings_named(ask, list(meetings.values()))] == [NORTH_STAR]


def test_no_time_is_read_from_a_line_that_gives_none() -> None:
    lines = [Line("The meeting discussed the closing of the library at weekends.", 1)]
    assert (opened_at(lines), closed_at(lines), next_meeting_said(lines, "2020-01-01")) == (
        None,
        None,
        None,
    )
