"""Questions about the meetings themselves: who attended and chaired, where and when a
meeting was held and when the next was set, and which meetings the papers record.
"""

from __future__ import annotations

from dataclasses import replace

from board.asks import RecordAsk
from board.records import ToolAnswer
from board.routing import Filters
from tools.register.answers import AnswerBuilder, attendance_lines, call, count, long_date
from tools.register.handler import RegisterHandler
from tools.register.questions import meeting_in, meetings_named
from tools.register.records import Meeting


class Attendance(RegisterHandler):
    """ "Who attended / chaired the meeting of ...?": the minutes' attendance, or, for a meeting
    the papers hold only the agenda of, that it is not recorded."""

    name = "attendance"
    kinds = ("attendance",)

    def answer(self, ask: RecordAsk, filters: Filters) -> ToolAnswer | None:
        if not ask.about_a_meeting and ask.date == (None, None):
            return None  # "who attended the conference?" is not about a board meeting
        held = meetings_named(ask, self.register.meetings)
        if not held:
            last = meeting_in(ask, filters, self.register.meetings)
            held = [last] if last and ask.date == (None, None) else []
        if not held:
            return None
        minuted = [m for m in held if m.minuted]
        if minuted and not any(_read_for(ask, m) for m in minuted):
            return None  # minutes whose attendance was not read: the passages say who came
        out = AnswerBuilder()
        for found in held:
            out.calls.append(call("meeting", "found", date=found.meeting_date))
            out.rows.append(found.to_dict())
            attendance_lines(found, out)
        if not any(m.minuted for m in held) and not ask.chair:
            # Only an agenda: who attended is not in the papers, and the answer says so.
            return replace(out.result(), status="not_found")
        chairs = {m.chair for m in held if m.minuted}
        if len(held) > 1 and len(chairs) == 1 and None not in chairs:
            out.lines.append(f"The same chairman, {chairs.pop()}, chaired each of these meetings.")
        return out.result()


def _read_for(ask: RecordAsk, meeting: Meeting) -> bool:
    """Whether the register read what the question asks of a meeting's attendance: its
    apologies, its chair, or who was present."""
    if ask.apologies:
        return bool(meeting.apologies)
    if ask.chair:
        return bool(meeting.chair)
    return bool(meeting.members_present or meeting.also_present)


class MeetingDetails(RegisterHandler):
    """ "Where and when was the meeting held?", "when is the next one?": the paper's header."""

    name = "meeting"
    kinds = ("meeting_details",)

    def answer(self, ask: RecordAsk, filters: Filters) -> ToolAnswer | None:
        if ask.not_recorded:
            return None
        held = meetings_named(ask, self.register.meetings)
        if len(held) != 1:
            return None  # "the meeting for this agenda pack": which one is for the passages
        found = held[0]
        out = AnswerBuilder()
        out.calls.append(call("meeting", "found", date=found.meeting_date))
        out.rows.append(found.to_dict())
        said = [
            facet(found, out)
            for facet, asked in (
                (_declared, ask.declarations),
                (_agenda, ask.agenda),
                (_times, ask.times),
                (_next_meeting, ask.next_meeting),
                (
                    _held,
                    ask.held
                    or not (ask.times or ask.next_meeting or ask.declarations or ask.agenda),
                ),
            )
            if asked
        ]
        return out.result() if said and all(said) else None


def _declared(found: Meeting, out: AnswerBuilder) -> bool:
    """Who declared an interest, in what and why; or that the minutes record none declared."""
    if not found.declarations_locator:
        return False
    n = out.cite(
        found.source,
        found.title,
        found.meeting_date,
        found.declarations_locator,
        found.declarations_text,
    )
    when = long_date(found.meeting_date)
    if not found.declarations:
        out.lines.append(f"No interests were declared at the meeting of {when} [{n}].")
        return True
    out.lines.append(f"Declarations of interest at the meeting of {when}:")
    out.lines.extend(f"- {said} [{n}]" for said in found.declarations)
    return True


def _agenda(found: Meeting, out: AnswerBuilder) -> bool:
    """The meeting's agenda, item by item, cited to the agenda paper."""
    if not (found.agenda_items and found.agenda_source and found.agenda_locator):
        return False
    listed = [f"{i.number} {i.title}" for i in found.agenda_items if i.number and i.title]
    if not listed:
        return False
    n = out.cite(
        found.agenda_source,
        found.title,
        found.meeting_date,
        found.agenda_locator,
        "; ".join(listed),
    )
    out.lines.append(
        f"The agenda for the meeting of {long_date(found.meeting_date)} lists "
        f"{len(listed)} items [{n}]:"
    )
    out.lines.extend(f"- {item}" for item in listed)
    return True


def _held(found: Meeting, out: AnswerBuilder) -> bool:
    """When and where the meeting was held, from its paper's header."""
    if not found.venue or not found.header_locator:
        return False
    n = out.cite(
        found.header_source or found.source,
        found.title,
        found.meeting_date,
        found.header_locator,
        ", ".join(x for x in (long_date(found.meeting_date), found.time, found.venue) if x),
    )
    at = f" at {found.time}" if found.time else ""
    out.lines.append(
        f"The meeting of {long_date(found.meeting_date)} was held{at} at {found.venue} [{n}]."
    )
    return True


def _next_meeting(found: Meeting, out: AnswerBuilder) -> bool:
    """The next meeting's date, as the meeting's papers set it."""
    if not (found.next_meeting and found.next_meeting_locator):
        return False
    n = out.cite(
        found.source,
        found.title,
        found.meeting_date,
        found.next_meeting_locator,
        found.next_meeting_text,
    )
    out.lines.append(
        f"The papers for the meeting of {long_date(found.meeting_date)} set the next "
        f"meeting for {long_date(found.next_meeting)}: {found.next_meeting_text} [{n}]"
    )
    return True


def _times(found: Meeting, out: AnswerBuilder) -> bool:
    """When the meeting opened and closed, each quoted from its line; None when the minutes
    say neither."""
    said = [
        (word, time, locator, text)
        for word, time, locator, text in (
            ("opened", found.opened, found.opened_locator, found.opened_text),
            ("closed", found.closed, found.closed_locator, found.closed_text),
        )
        if time and locator
    ]
    if not said:
        return False
    out.lines.append(f"The minutes of the meeting of {long_date(found.meeting_date)}:")
    for word, time, locator, text in said:
        n = out.cite(found.source, found.title, found.meeting_date, locator, text)
        out.lines.append(f"- it {word} at {time}: “{text}” [{n}]")
    if len(said) == 1:
        other = "closed" if said[0][0] == "opened" else "opened"
        out.lines.append(f"The minutes do not say when it {other}.")
    return True


class Meetings(RegisterHandler):
    """ "Which meetings do the papers record?": each, dated, minuted or agenda only."""

    name = "meetings"
    kinds = ("meetings",)

    def answer(self, ask: RecordAsk, filters: Filters) -> ToolAnswer | None:
        found = [
            m
            for m in self.register.meetings
            if (not filters.date_from or m.meeting_date >= filters.date_from)
            and (not filters.date_to or m.meeting_date <= filters.date_to)
        ]
        if not found:
            return None
        out = AnswerBuilder()
        out.calls.append(call("meetings", count(len(found), "meeting")))
        out.lines.append(f"The papers record {len(found)} meetings:")
        for m in found:
            paper = "minutes" if m.minuted else "agenda only"
            venue = f", {m.venue}" if m.venue else ""
            n = out.cite(m.source, m.title, m.meeting_date, m.locator, m.title)
            out.lines.append(f"- {long_date(m.meeting_date)}{venue} ({paper}) [{n}]")
            out.rows.append(m.to_dict())
        return out.result()
