"""Meetings the papers record: each set of minutes read for its people and items, merged with the
agenda of the same date. Pure functions over ``Section``s.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from board.profile import BoardProfile
from board.records import Line, Section
from tools.register.agenda import AgendaInfo, read_agenda
from tools.register.attendance import (
    ABSENT,
    APOLOGIES,
    ATTENDING,
    PRESENT,
    AttendanceLists,
    read_lists,
)
from tools.register.header_facts import chair_line, time_named, venue_line
from tools.register.interests import declarations
from tools.register.item_reader import ItemReader
from tools.register.meeting_times import closed_at, next_meeting_said, opened_at
from tools.register.minutes import (
    Attendance,
    ItemBlock,
    Paper,
    next_meeting_date,
    papers_of,
    read_apologies,
    read_attendance,
    split_items,
)
from tools.register.motions import MOTION
from tools.register.people import People
from tools.register.records import AgendaItem, Meeting, lines_locator
from tools.register.text import Paragraph, paragraphs, strip_markup

_HEAD_CHARS = 300
_HEAD_LINES = 40  # the lines of a minutes paper that say who chaired it and where it met


@dataclass(frozen=True)
class MinutesRecord:
    """One meeting's minutes, read: the paper, its items, its people and its next meeting."""

    paper: Paper
    items: tuple[ItemBlock, ...]
    meeting: Meeting
    people: People


def read_minutes(sections: Iterable[Section], profile: BoardProfile) -> list[MinutesRecord]:
    """Every minutes paper among the sections, with its meeting and people."""
    records: list[MinutesRecord] = []
    for paper in papers_of(sections, "minutes"):
        preamble, items = split_items(paper.lines, profile)
        lists = read_lists(paper.lines[:_HEAD_LINES], profile)
        attendance = _with_lists(read_attendance(preamble, profile), lists, profile)
        items = [*_before_the_items(preamble, attendance.line_end), *items]
        said = _said_in_items(items, paper, profile)
        if not said["apologies"] and (listed := lists.lines_of(APOLOGIES)):
            said["apologies"] = lists.named(APOLOGIES)
            said["apologies_locator"] = lines_locator(*listed)
            said["apologies_text"] = _lines_text(paper.lines, *listed)
        # a table's cells stay apart ("Place <tab> Castle Hill Community Centre")
        head = [
            " \t ".join(map(strip_markup, ln.text.split("\t"))) for ln in paper.lines[:_HEAD_LINES]
        ]
        named = None if attendance.chair else chair_line(head, profile)
        place = None if attendance.venue else venue_line(head, profile)
        header = (
            _range(attendance.header_start, attendance.header_end)
            if attendance.header_start
            else _range(*_label_block(paper, head, place[1]))
            if place
            else None
        )
        chair = attendance.chair or (named[0] if named else None)
        people = People.of(
            attendance.members_present,
            attendance.also_present,
            said["apologies"],
            lists.named(ABSENT),
            chair=chair,
            profile=profile,
            aliases=lists.aliases(),
            away=(*said["apologies"], *lists.named(ABSENT)),
        )
        leads = {item.number: ItemReader(item, people).lead for item in items}
        meeting = Meeting(
            id=Meeting.make_id(paper.meeting_date),
            meeting_date=paper.meeting_date,
            venue=attendance.venue or (place[0] if place else None),
            time=time_named(head),
            chair=chair,
            members_present=attendance.members_present,
            also_present=attendance.also_present,
            absent=lists.named(ABSENT),
            agenda_items=tuple(AgendaItem(i.number, i.title, leads[i.number]) for i in items),
            source=paper.source,
            locator=paper.locator,
            title=paper.title,
            minuted=True,
            attendance_locator=_range(attendance.line_start, attendance.line_end),
            attendance_text=_lines_text(paper.lines, attendance.line_start, attendance.line_end),
            header_locator=header,
            header_source=paper.source if header else None,
            head=paper_head(paper),
            roles=lists.roles(),
            chair_locator=_line_locator(paper.lines[named[1]].number) if named else None,
            chair_text=head[named[1]] if named else "",
            **said,
            **_times(paper),
            **declarations(paper.lines),
        )
        records.append(MinutesRecord(paper, tuple(items), meeting, people))
    return records


_HEAD_LABEL = re.compile(r"^\s*(?:date|time|venue|place|location|where|when)\s*[:\t]", re.I)


def _label_block(paper: Paper, head: Sequence[str], index: int) -> tuple[int, int]:
    """The lines of the head's "Date: … / Time: … / Venue: …" block around the venue's line."""
    first = last = index
    while first > 0 and _HEAD_LABEL.match(head[first - 1]):
        first -= 1
    while last + 1 < len(head) and _HEAD_LABEL.match(head[last + 1]):
        last += 1
    return paper.lines[first].number, paper.lines[last].number


def _line_locator(number: int) -> str:
    return lines_locator(number, number)


def paper_head(paper: Paper) -> str:
    """The paper's first lines, where it names the body that met ("Town of North Star")."""
    texts = [strip_markup(ln.text) for ln in paper.lines[:_HEAD_LINES]]
    return " ".join(t for t in texts if t)[:_HEAD_CHARS]


def _range(start: int | None, end: int | None) -> str | None:
    return lines_locator(start, end) if start and end else None


def _said_in_items(
    items: Sequence[ItemBlock], paper: Paper, profile: BoardProfile
) -> dict[str, Any]:
    """The apologies and the next meeting, as the minutes' own items give them ("Apologies for
    Absence", "Date of next meeting"), else the next meeting from any line naming it."""
    said: dict[str, Any] = {"apologies": ()}
    for item in items:
        title = item.title.lower()
        if "apolog" in title and not said["apologies"]:
            said["apologies"] = read_apologies(item, profile)
            said["apologies_text"] = " ".join(p.text for p in paragraphs(item.body)[:1])
            said["apologies_locator"] = _locator(item)
        if "next meeting" in title:
            text = " ".join(strip_markup(ln.text) for ln in item.lines)
            said["next_meeting"] = next_meeting_date(text, paper.meeting_date)
            said["next_meeting_locator"] = _locator(item)
            said["next_meeting_text"] = " ".join(
                p.text for p in [item_heading(item), *paragraphs(item.body)[:1]]
            )
    if not said.get("next_meeting") and (
        line := next_meeting_said(paper.lines, paper.meeting_date)
    ):
        said["next_meeting"] = line.value
        said["next_meeting_locator"] = lines_locator(line.line, line.line)
        said["next_meeting_text"] = line.text
    return said


def _times(paper: Paper) -> dict[str, Any]:
    """When the minutes say the meeting opened and closed, with the lines saying so."""
    found: dict[str, Any] = {}
    for key, said in (("opened", opened_at(paper.lines)), ("closed", closed_at(paper.lines))):
        if said:
            found[key] = said.value
            found[f"{key}_locator"] = lines_locator(said.line, said.line)
            found[f"{key}_text"] = said.text
    return found


def _with_lists(
    attendance: Attendance, lists: AttendanceLists, profile: BoardProfile
) -> Attendance:
    """The attendance as read from the minutes' lists, when the board's own layout (a table
    of members present, "Also present") is not theirs."""
    if attendance.members_present or not lists.attendees:
        return attendance
    chair = attendance.chair or lists.chair(profile)
    members = lists.named(PRESENT)
    return replace(
        attendance,
        chair=chair,
        members_present=(chair, *(m for m in members if m != chair)) if chair else members,
        also_present=lists.named(ATTENDING),
        line_start=lists.line_start,
        line_end=lists.line_end,
    )


def _before_the_items(preamble: Sequence[Line], attendance_end: int | None) -> list[ItemBlock]:
    """What the minutes record before their first item heading, after the attendance: the
    whole record, when their items are neither numbered nor headed. An item with no number.
    A motion among the lists starts it: its roll call ("AYES: … ABSENT: …") is a vote's."""
    at = next((i for i, ln in enumerate(preamble) if MOTION.search(ln.text)), None)
    end = next((i for i, ln in enumerate(preamble) if ln.number >= (attendance_end or 0)), 0)
    # the block's first line stands as its (empty) heading: start on the line before a motion
    rest = list(preamble[max(0, at - 1) if at is not None and at <= end else end :])
    if not any(ln.text.strip() for ln in rest[1:]):
        return []
    return [ItemBlock("", "", tuple(rest))]


def item_heading(item: ItemBlock) -> Paragraph:
    return Paragraph((item.lines[0],))


def _locator(item: ItemBlock) -> str:
    """The item's heading and first paragraph: what its 'Apologies' or 'Next Meeting' says."""
    paras = paragraphs(item.body)
    end = paras[0].line_end if paras else item.lines[0].number
    return lines_locator(item.lines[0].number, end)


def _lines_text(lines: Sequence[Line], start: int | None, end: int | None) -> str:
    if start is None or end is None:
        return ""
    return " ".join(
        strip_markup(ln.text) for ln in lines if start <= ln.number <= end and ln.text.strip()
    )


def extract_meetings(sections: Iterable[Section], profile: BoardProfile) -> list[Meeting]:
    """Every meeting the papers record, by date: from its minutes, its agenda, or both merged."""
    sections = list(sections)
    by_date: dict[str, Meeting] = {
        r.meeting.meeting_date: r.meeting for r in read_minutes(sections, profile)
    }
    for paper in papers_of(sections, "agenda"):
        agenda = read_agenda(paper, profile)
        known = by_date.get(paper.meeting_date)
        if known is None:
            by_date[paper.meeting_date] = Meeting(
                id=Meeting.make_id(paper.meeting_date),
                meeting_date=paper.meeting_date,
                venue=agenda.venue,
                chair=agenda.chair,
                members_present=(),
                also_present=(),
                apologies=(),
                agenda_items=agenda.items,
                source=paper.source,
                locator=paper.locator,
                title=paper.title,
                minuted=False,
                members_listed=agenda.members_listed,
                next_meeting=agenda.next_meeting,
                agenda_source=paper.source,
                agenda_locator=paper.locator,
                time=agenda.time,
                head=paper_head(paper),
                header_locator=agenda.header_locator,
                header_source=paper.source if agenda.header_locator else None,
                next_meeting_locator=agenda.next_meeting_locator,
                next_meeting_text=agenda.next_meeting_text,
            )
        else:
            by_date[paper.meeting_date] = Meeting.from_dict(
                {
                    **known.to_dict(),
                    "venue": known.venue or agenda.venue,
                    "chair": known.chair or agenda.chair,
                    "agenda_items": agenda.items or known.agenda_items,
                    "members_listed": agenda.members_listed,
                    "next_meeting": known.next_meeting or agenda.next_meeting,
                    "agenda_source": paper.source,
                    "agenda_locator": paper.locator,
                    **_header(known, agenda, paper.source),
                }
            )
    return [by_date[d] for d in sorted(by_date)]


def _header(known: Meeting, agenda: AgendaInfo, source: str) -> dict[str, Any]:
    """The time and the lines citing it: the agenda's, when only the agenda gives a time."""
    if agenda.time and not known.time and agenda.header_locator:
        return {
            "time": agenda.time,
            "header_locator": agenda.header_locator,
            "header_source": source,
        }
    return {
        "time": known.time or agenda.time,
        "header_locator": known.header_locator or agenda.header_locator,
        "header_source": known.header_source or source,
    }


def people_of(
    meeting: Meeting | None, profile: BoardProfile, aliases: dict[str, str] | None = None
) -> People | None:
    """A meeting's people, from its minutes and agenda both; ``aliases`` what the minutes
    call them instead (initials, roles)."""
    if meeting is None:
        return None
    return People.of(
        meeting.members_present,
        meeting.also_present,
        meeting.apologies,
        meeting.members_listed,
        meeting.absent,
        chair=meeting.chair,
        profile=profile,
        aliases=aliases,
        away=(*meeting.apologies, *meeting.absent),
    )
