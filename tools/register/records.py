"""Typed records of the register: meetings, minute items, decisions, actions and timeline entries.

Frozen dataclasses with ``to_dict``/``from_dict`` for JSON. Ids are derived from
content (source, place, text), so rebuilding the register gives the same ids.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any, Self

from board.records import Line, Record, content_id

DECISION_KINDS: tuple[str, ...] = (
    "resolved",
    "agreed",
    "endorsed",
    "approved",
    "supported",
    "noted",
    "deferred",
    "carried",  # a motion: proposed, seconded and voted
    "moved",  # a motion whose outcome the minutes do not state
)
ACTION_STATUSES: tuple[str, ...] = ("open", "done")  # done only when a later paper says so
NO_LATER_RECORD = "no later record"


PAGE_LINES = 10_000  # a PDF line's number in the register: its page * PAGE_LINES + its line


def paper_line(line: Line) -> Line:
    """The line numbered within its whole paper: a PDF's page-relative numbers made unique."""
    if line.page is None:
        return line
    return replace(line, number=line.page * PAGE_LINES + line.number)


def lines_locator(start: int, end: int) -> str:
    """The register's locator for a line range: 'lines A-B', with the page for a PDF's lines."""
    if start < PAGE_LINES:
        return f"lines {start}-{end}"
    (page, first), (last_page, last) = divmod(start, PAGE_LINES), divmod(end, PAGE_LINES)
    if page == last_page:
        return f"page {page}, lines {first}-{last}"
    return f"page {page}, line {first} to page {last_page}, line {last}"


def span(locator: str) -> tuple[int, int]:
    """The first and last line numbers of a locator ('lines 12-15' -> (12, 15)); (0, 0) if none.

    A PDF's lines come back numbered as ``paper_line`` numbers them, so they sort by page.
    """
    pages = [int(n) for n in re.findall(r"\bpage\s+(\d+)", locator)]
    lines = [int(n) for n in re.findall(r"\d+", re.sub(r"\bpage\s+\d+", "", locator))] or [0]
    if not pages:
        return lines[0], lines[-1]
    return pages[0] * PAGE_LINES + lines[0], pages[-1] * PAGE_LINES + lines[-1]


@dataclass(frozen=True)
class AgendaItem(Record):
    """One row of an agenda, or one numbered item of minutes."""

    number: str
    title: str
    lead: str | None = None
    pages: str | None = None


@dataclass(frozen=True)
class Meeting(Record):
    """A meeting the papers record: from its minutes, its agenda, or both."""

    id: str
    meeting_date: str
    venue: str | None
    chair: str | None
    members_present: tuple[str, ...]
    also_present: tuple[str, ...]
    apologies: tuple[str, ...]
    agenda_items: tuple[AgendaItem, ...]
    source: str
    locator: str
    title: str = ""  # the paper recording it, e.g. "Minutes of the meeting of 19 April 2013"
    minuted: bool = False  # True when the papers hold this meeting's minutes
    members_listed: tuple[
        str, ...
    ] = ()  # the agenda's "TO: members" list (invited, not attendance)
    next_meeting: str | None = None
    attendance_locator: str | None = None
    apologies_locator: str | None = None
    agenda_source: str | None = None
    agenda_locator: str | None = None
    attendance_text: str = ""  # the minutes' attendance lines as written, for quoting
    apologies_text: str = ""
    time: str | None = None  # as the agenda gives it: "2.30 pm", "2.30 – 4.30pm"
    header_locator: str | None = None  # the lines giving the date, time and venue
    header_source: str | None = None
    next_meeting_locator: str | None = None
    next_meeting_text: str = ""
    absent: tuple[str, ...] = ()  # members the minutes record as absent (no apologies)
    head: str = ""  # the paper's first lines, where it names the body that met
    roles: tuple[str, ...] = ()  # "John Foster (Minute taker)", as the attendance lists give them
    opened: str | None = None  # when the minutes say it opened, as written ("6:30 pm")
    opened_locator: str | None = None
    opened_text: str = ""
    closed: str | None = None  # when the minutes say it closed ("8.50pm")
    closed_locator: str | None = None
    closed_text: str = ""
    chair_locator: str | None = None  # the line naming the chair, when not the attendance list's
    chair_text: str = ""
    # declarations of interest, "who: in what (why)"; none declared when only the locator is set
    declarations: tuple[str, ...] = ()
    declarations_locator: str | None = None
    declarations_text: str = ""

    @staticmethod
    def make_id(meeting_date: str) -> str:
        return content_id("meeting", meeting_date)

    @property
    def attendees(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys((*self.members_present, *self.also_present)))

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        data = dict(data)
        data["agenda_items"] = tuple(
            item if isinstance(item, AgendaItem) else AgendaItem.from_dict(item)
            for item in data.get("agenda_items", ())
        )
        return super().from_dict(data)


@dataclass(frozen=True)
class MinuteItem(Record):
    """One numbered item of a meeting's minutes, as re-split by the register."""

    id: str
    meeting_date: str
    agenda_item: str
    item_title: str
    lead: str | None
    text: str
    source: str
    paper_title: str
    line_start: int
    line_end: int
    # The item's sentences as read, with the first and last line of each, for quoting one.
    sentences: tuple[str, ...] = ()
    sentence_starts: tuple[int, ...] = ()
    sentence_ends: tuple[int, ...] = ()

    @property
    def locator(self) -> str:
        return lines_locator(self.line_start, self.line_end)


@dataclass(frozen=True)
class Decision(Record):
    """A decision in the minutes: RESOLVED, agreed, endorsed, approved, noted …."""

    id: str
    meeting_date: str
    agenda_item: str | None
    item_title: str | None
    kind: str
    text: str
    source: str
    locator: str
    paper_title: str = ""
    proposer: str | None = None  # a motion's mover and seconder, as the minutes name them
    seconder: str | None = None
    outcome: str | None = None  # "carried unanimously", "defeated", …
    # a recorded vote: counts where the minutes give or list them, names where they name them
    votes_for: int | None = None
    votes_against: int | None = None
    abstentions: int | None = None
    voted_for: tuple[str, ...] = ()
    voted_against: tuple[str, ...] = ()
    abstained: tuple[str, ...] = ()

    @staticmethod
    def make_id(source: str, locator: str, text: str) -> str:
        return content_id("decision", source, locator, text)


@dataclass(frozen=True)
class Action(Record):
    """An action in the minutes: who must do what, by when, and whether a later paper says done."""

    id: str
    meeting_date: str
    agenda_item: str | None
    item_title: str | None
    owners: tuple[str, ...]
    task: str
    due: str | None
    status: str
    status_note: str
    source: str
    locator: str
    paper_title: str = ""
    marker: str = ""  # the minute's own words: "ACTION: Ruth Murphy", "[ACTION]", "agreed to"
    lead: str | None = None  # who led the item, shown when the minutes name no owner
    context: str = ""  # the minute paragraphs around it, for finding it by topic
    status_source: str | None = None  # the later paper recording it done (or mentioning it)
    status_title: str | None = None
    status_locator: str | None = None
    status_date: str | None = None

    @staticmethod
    def make_id(source: str, locator: str, task: str) -> str:
        return content_id("action", source, locator, task)


@dataclass(frozen=True)
class TimelineEntry(Record):
    """What one paper says about a topic, dated to the meeting it was written for."""

    meeting_date: str
    source: str
    title: str
    paper_type: str
    section: str
    text: str
    locator: str
    quote: str


@dataclass(frozen=True)
class RegisterData:
    """Everything the register holds; what ``build_register`` writes and ``Register`` reads."""

    meetings: tuple[Meeting, ...] = ()
    items: tuple[MinuteItem, ...] = ()
    decisions: tuple[Decision, ...] = ()
    actions: tuple[Action, ...] = ()
    version: int = 1
    sources: tuple[str, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "sources": list(self.sources),
            "meetings": [m.to_dict() for m in self.meetings],
            "items": [i.to_dict() for i in self.items],
            "decisions": [d.to_dict() for d in self.decisions],
            "actions": [a.to_dict() for a in self.actions],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RegisterData:
        return cls(
            meetings=tuple(Meeting.from_dict(m) for m in data.get("meetings", [])),
            items=tuple(MinuteItem.from_dict(i) for i in data.get("items", [])),
            decisions=tuple(Decision.from_dict(d) for d in data.get("decisions", [])),
            actions=tuple(Action.from_dict(a) for a in data.get("actions", [])),
            version=int(data.get("version", 1)),
            sources=tuple(data.get("sources", [])),
        )
