"""When a meeting opened and closed, and the date of the next, as minutes of any house style
write them: "Janet Keough called the meeting to order at 6:30 pm", "Time <tab> 11.15am –
12.45pm", "The Chairman brought the meeting to a close at 8.50pm", "Meeting adjourned at
11:25am", "closed the meeting at 9.25pm"; "Date of Next Meeting 4th August 2015",
"Next meeting – 9:00am Thursday, February 15th at Bistro Campagne". Pure functions over lines.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from board.records import Line
from board.text import sentence_spans
from tools.register.minutes import next_meeting_date
from tools.register.text import strip_markup

_TIME = r"\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)"
_OPENED = re.compile(
    rf"(?:called (?:the )?(?:meeting )?to order|(?:meeting|it) (?:was )?(?:opened|commenced|"
    rf"started|began)|opened the meeting|meeting commenced)\b[^.]*?\bat\s+(?P<time>{_TIME})"
    rf"|\bheld\b[^.]*?\bat\s+(?P<held>{_TIME})"
    rf"|^time\s*[:\t]?\s*(?P<span>{_TIME})",
    re.I,
)
_CLOSED = re.compile(
    rf"(?:closed the meeting|meeting (?:was )?(?:closed|ended|finished|adjourned|concluded|"
    rf"terminated)|brought the meeting to a close|adjourned)\b\W*(?:[^.]*?\bat\s+)?"
    rf"(?P<time>{_TIME})"
    rf"|^time\s*[:\t]?\s*{_TIME}\s*[-–]\s*(?P<span>{_TIME})",
    re.I,
)
_NEXT = re.compile(r"\bnext\s+meet\w*", re.I)


@dataclass(frozen=True)
class Said:
    """What the minutes say (a time, a date) and the line that says it."""

    value: str
    line: int
    text: str


def opened_at(lines: Sequence[Line]) -> Said | None:
    """When the minutes say the meeting opened."""
    return _first(lines, _OPENED)


def closed_at(lines: Sequence[Line]) -> Said | None:
    """When the minutes say the meeting closed."""
    return _first(lines, _CLOSED)


def _first(lines: Sequence[Line], pattern: re.Pattern[str]) -> Said | None:
    for line in lines:
        text = strip_markup(line.text.replace("\t", " : "))
        if m := pattern.search(text):
            time = next(g for g in m.groups() if g).strip()
            return Said(time, line.number, _sentence_at(text, m.start()))
    return None


def _sentence_at(text: str, offset: int) -> str:
    """The sentence of ``text`` holding ``offset``: what a citation quotes."""
    return next((text[a:b] for a, b in sentence_spans(text) if a <= offset < b), text)


def next_meeting_said(lines: Sequence[Line], held: str) -> Said | None:
    """The next meeting's date, from the first line naming the next meeting with a date after
    the meeting's own."""
    for line in lines:
        text = strip_markup(line.text)
        m = _NEXT.search(text)
        if not m:
            continue
        when = next_meeting_date(text[m.start() :], held)
        if when and when > held:
            return Said(when, line.number, text)
    return None
