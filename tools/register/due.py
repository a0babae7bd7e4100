"""When an action is due, as the minutes say it, relative dates resolved against the meeting
date: "next meeting (19 July 2013)", "January 2013 meeting", "by 8 November" (the next 8
November after the meeting), "by the end of January", "before the next meeting", "by
2/1/2021" as the paper writes its dates. Dates before the meeting ("the report produced in
June 2012") are not due dates. Pure.
"""

from __future__ import annotations

import re
from datetime import date

from board.dates import MONTH_NAMES, NUMERIC, find_dates, safe_date
from board.records import long_date

_MONTHS = [name.capitalize() for name in MONTH_NAMES]
_MONTH = "(?:" + "|".join(_MONTHS) + ")"
# "by 8 November", "before 12/22/2020", "on January 5, 2021", "no later than 3rd March"
_BY_DATE = re.compile(
    r"\b(?:by|before|on|until|no\s+later\s+than)\s+(?:the\s+|(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
    rf"(?=\d|{_MONTH})(?P<rest>[^,;]{{0,30}})",
    re.I,
)
_END_OF = re.compile(
    rf"\b(?:by|before)\s+the\s+(end|middle|start)\s+of\s+({_MONTH})(?:\s+(\d{{4}}))?", re.I
)


def due_of(task: str, meeting_date: str, next_meeting: str | None = None) -> str | None:
    """When the minutes say an action is due, in their words, dated where they date it."""
    held = date.fromisoformat(meeting_date)
    if re.search(
        r"\b(?:at|to|for|by|before|until)\s+(?:the\s+)?next\s+(?:\w+\s+)?meeting\b", task, re.I
    ):
        if next_meeting:
            return f"next meeting ({long_date(next_meeting)})"
        return "next meeting"
    if m := re.search(
        rf"\b(?:at|to|until|for|by)\s+(?:the\s+)?({_MONTH})(?:\s+(\d{{4}}))?\s+meeting\b", task
    ):
        year = int(m.group(2)) if m.group(2) else _year_after(held, m.group(1))
        return f"{m.group(1)} {year} meeting"
    if re.search(r"\b(?:at|to)\s+a\s+future\s+meeting\b", task, re.I):
        return "a future meeting"
    if said := _dated(task, held):
        return said
    for m in re.finditer(
        rf"\b(?:in|by|before|until)\s+((?:early|mid|late)[ -](\d{{4}})|({_MONTH})\s+(\d{{4}}))\b",
        task,
        re.I,
    ):
        year = int(m.group(2) or m.group(4))
        month = _MONTHS.index(m.group(3).capitalize()) + 1 if m.group(3) else 12
        if (year, month) > (held.year, held.month):
            return m.group(1)
    if re.search(r"\bwith the minutes\b", task, re.I):
        return "with the minutes"
    if re.search(r"\bfollowing the meeting\b|\bafter the meeting\b", task, re.I):
        return "after the meeting"
    return None


def _dated(task: str, held: date) -> str | None:
    """A date the task is to be done by: "by 8 November" (the next 8 November after the
    meeting), "by the end of January" (the next January)."""
    if m := _END_OF.search(task):
        month = m.group(2).capitalize()
        year = int(m.group(3)) if m.group(3) else _year_after(held, month, same=True)
        return f"{m.group(1).lower()} of {month} {year}"
    for m in _BY_DATE.finditer(task):
        found = find_dates(m.group("rest"), held.year) + _month_first(m.group("rest"))
        found = [d for d in found if d >= held] or found  # a due date is after the meeting
        if not found:
            continue
        due = found[0]
        if due < held and not re.search(r"\d{4}", m.group("rest")):
            due = due.replace(year=due.year + 1)  # "by 8 January", written in December
        if due >= held:
            return long_date(due)
    return None


def _month_first(text: str) -> list[date]:
    """ "12/22/2020", "2/1/2021" read month first, as US minutes write them."""
    m = NUMERIC.match(text.lstrip())
    return [d] if m and (d := safe_date(int(m.group(3)), int(m.group(1)), int(m.group(2)))) else []


def _year_after(held: date, month: str, same: bool = False) -> int:
    """The year of the next such month after the meeting's (its own month too, with ``same``)."""
    number = _MONTHS.index(month.capitalize()) + 1
    return held.year if number > held.month or (same and number == held.month) else held.year + 1
