"""The register's core: meetings, minute items, decisions and actions read from segmented papers.

Pure functions over ``Section``s. Minutes are regrouped and re-split into items
by ``tools.register.minutes``; owners are resolved against each meeting's people.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from assistant.records import Line, Section, content_id
from tools.register.commitments import ItemReader, find_actions
from tools.register.minutes import (
    ItemBlock,
    Paper,
    papers_of,
    read_agenda,
    read_apologies,
    read_attendance,
    next_meeting_date,
    split_items,
)
from tools.register.people import People
from tools.register.records import (
    Action,
    AgendaItem,
    Decision,
    Meeting,
    MinuteItem,
    lines_locator,
)
from tools.register.status import apply_status
from tools.register.text import Paragraph, Sentence, paragraphs, strip_markup

# Decision words in order of precedence: "RESOLVED that … be approved" is a resolution.
DECISION_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("resolved", re.compile(r"\bRESOLVED\b|^Resolved\b")),
    ("agreed", re.compile(r"\bagreed\b", re.I)),
    ("endorsed", re.compile(r"\bendorsed?\b", re.I)),
    ("approved", re.compile(r"\bapproved?\b|\bapproval\b", re.I)),
    ("supported", re.compile(r"\bsupportive of\b|\bsupported\b", re.I)),
    ("deferred", re.compile(r"\bdeferred\b|\bheld over\b|\bpostponed\b", re.I)),
    ("noted", re.compile(r"\bnoted\b|\bcommended\b|\bwelcomed\b", re.I)),
)
_BOARD_SUBJECT = re.compile(
    r"^\W*(?:action\s*[:;]\s*)?(?:the board|board members|all board members|the partnership board)\b", re.I
)
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|be|been|is|are)(?:\s+(?:also|therefore|then|duly|now))?\s*$", re.I)
_OTHER_AGENT = re.compile(r"^\s+(?:by|at)\s+(?!the board\b|board\b|all\b)", re.I)
_ACTION_LABEL = re.compile(r"^\W*action\s*[:;]", re.I)


@dataclass(frozen=True)
class MinutesRecord:
    """One meeting's minutes, read: the paper, its items, its people and its next meeting."""

    paper: Paper
    items: tuple[ItemBlock, ...]
    meeting: Meeting
    people: People


def read_minutes(sections: Iterable[Section]) -> list[MinutesRecord]:
    """Every minutes paper among the sections, with its meeting and people."""
    records: list[MinutesRecord] = []
    for paper in papers_of(sections, "minutes"):
        preamble, items = split_items(paper.lines)
        attendance = read_attendance(preamble)
        apologies: tuple[str, ...] = ()
        apologies_locator = next_meeting = None
        apologies_text = ""
        for item in items:
            title = item.title.lower()
            if "apolog" in title and not apologies:
                apologies = read_apologies(item)
                apologies_text = " ".join(p.text for p in paragraphs(item.body)[:1])
                apologies_locator = lines_locator(item.lines[0].number, item.lines[-1].number)
            if "next meeting" in title:
                text = " ".join(strip_markup(ln.text) for ln in item.lines)
                next_meeting = next_meeting_date(text, paper.meeting_date)
        people = People.of(attendance.members_present, attendance.also_present, apologies, chair=attendance.chair)
        leads = {item.number: ItemReader(item, people).lead for item in items}
        meeting = Meeting(
            id=Meeting.make_id(paper.meeting_date),
            meeting_date=paper.meeting_date,
            venue=attendance.venue,
            chair=attendance.chair,
            members_present=attendance.members_present,
            also_present=attendance.also_present,
            apologies=apologies,
            agenda_items=tuple(AgendaItem(i.number, i.title, leads[i.number]) for i in items),
            source=paper.source,
            locator=paper.locator,
            title=paper.title,
            minuted=True,
            next_meeting=next_meeting,
            attendance_locator=(
                lines_locator(attendance.line_start, attendance.line_end)
                if attendance.line_start and attendance.line_end
                else None
            ),
            apologies_locator=apologies_locator,
            attendance_text=_lines_text(preamble, attendance.line_start, attendance.line_end),
            apologies_text=apologies_text,
        )
        records.append(MinutesRecord(paper, tuple(items), meeting, people))
    return records


def _lines_text(lines: Sequence[Line], start: int | None, end: int | None) -> str:
    if start is None or end is None:
        return ""
    return " ".join(strip_markup(ln.text) for ln in lines if start <= ln.number <= end and ln.text.strip())


def extract_meetings(sections: Iterable[Section]) -> list[Meeting]:
    """Every meeting the papers record, by date: from its minutes, its agenda, or both merged."""
    sections = list(sections)
    by_date: dict[str, Meeting] = {r.meeting.meeting_date: r.meeting for r in read_minutes(sections)}
    for paper in papers_of(sections, "agenda"):
        agenda = read_agenda(paper)
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
                }
            )
    return [by_date[d] for d in sorted(by_date)]


def extract_items(sections: Iterable[Section]) -> list[MinuteItem]:
    """Every numbered item of every set of minutes, with its lead and text."""
    found: list[MinuteItem] = []
    for record in read_minutes(sections):
        for item in record.items:
            reader = ItemReader(item, record.people)
            text = "\n".join(p.text for p in paragraphs(item.lines))
            found.append(
                MinuteItem(
                    id=content_id("item", record.paper.source, item.lines[0].number, item.title),
                    meeting_date=record.paper.meeting_date,
                    agenda_item=item.number,
                    item_title=item.title,
                    lead=reader.lead,
                    text=text,
                    source=record.paper.source,
                    paper_title=record.paper.title,
                    line_start=item.lines[0].number,
                    line_end=item.lines[-1].number,
                )
            )
    return found


def extract_decisions(sections: Iterable[Section]) -> list[Decision]:
    """Every decision in the minutes, with its meeting date, item and kind."""
    found: list[Decision] = []
    for record in read_minutes(sections):
        for item in record.items:
            found.extend(_item_decisions(record, item))
    return found


def _item_decisions(record: MinutesRecord, item: ItemBlock) -> list[Decision]:
    decisions: list[Decision] = []
    paras = paragraphs(item.body)
    covered = 0  # a decision's list ("It was agreed that: - …") is part of it, not a new decision
    for p_index, para in enumerate(paras):
        sentences = para.sentences()
        for s_index, sentence in enumerate(sentences):
            if sentence.line_start <= covered:
                continue
            kind = decision_kind(sentence.text)
            if kind is None:
                continue
            text, start, end = _decision_text(paras, p_index, sentences, s_index)
            covered = max(covered, end) if end > sentence.line_end else covered
            locator = lines_locator(start, end)
            decisions.append(
                Decision(
                    id=Decision.make_id(record.paper.source, locator, text),
                    meeting_date=record.paper.meeting_date,
                    agenda_item=item.number,
                    item_title=item.title,
                    kind=kind,
                    text=text,
                    source=record.paper.source,
                    locator=locator,
                    paper_title=record.paper.title,
                )
            )
    return decisions


def decision_kind(sentence: str) -> str | None:
    """The kind of decision a minute sentence records, or None when it records none.

    The Board (or an agentless passive: "were agreed", "was held over") must be
    the one deciding: "Ms Vagarwal noted", "agreed by CRC" and "X agreed to …"
    (an action) are not decisions.
    """
    text = strip_markup(sentence)
    board = bool(_BOARD_SUBJECT.match(text))
    for kind, pattern in DECISION_WORDS:
        for m in pattern.finditer(text):
            if kind == "resolved":
                return kind
            before, after = text[: m.start()], text[m.end() :]
            if _OTHER_AGENT.match(after):
                continue
            if kind == "agreed" and re.match(r"\s+to\s+[a-z]", after) and not board:
                continue
            passive = bool(_PASSIVE_BEFORE.search(before))
            # "families had been supported", "the Chairman welcomed": only the Board supports or welcomes.
            if kind == "supported" or m.group(0).lower() in ("commended", "welcomed"):
                passive = False
            if board or passive:
                return kind
    return None


def _decision_text(
    paras: Sequence[Paragraph], p_index: int, sentences: Sequence[Sentence], s_index: int
) -> tuple[str, int, int]:
    sentence = sentences[s_index]
    parts = [sentence.text]
    start, end = sentence.line_start, sentence.line_end
    # "ACTION: All Board Members agreed" says little on its own: take the sentence before it.
    if (len(sentence.text.split()) < 6 or _ACTION_LABEL.match(sentence.text)) and s_index > 0:
        parts.insert(0, sentences[s_index - 1].text)
        start = sentences[s_index - 1].line_start
    # "It was agreed that:" is followed by the decisions as a list.
    if sentence.text.rstrip().endswith(":"):
        for para in paras[p_index + 1 :]:
            if not re.match(r"^\s*[-•*]", para.lines[0].text):
                break
            parts.append(para.text)
            end = para.line_end
    return " ".join(parts), start, end


def extract_actions(sections: Iterable[Section], meetings: Sequence[Meeting] = ()) -> list[Action]:
    """Every action in the minutes, owners resolved, status from later papers ('no later record' if none)."""
    sections = list(sections)
    del meetings  # people come from the minutes themselves; the parameter keeps the documented API
    found: list[Action] = []
    for record in read_minutes(sections):
        for item in record.items:
            reader = ItemReader(item, record.people)
            for draft in find_actions(reader, record.paper.meeting_date, record.meeting.next_meeting):
                locator = lines_locator(draft.line_start, draft.line_end)
                found.append(
                    Action(
                        id=Action.make_id(record.paper.source, locator, draft.task),
                        meeting_date=record.paper.meeting_date,
                        agenda_item=item.number,
                        item_title=item.title,
                        owners=draft.owners,
                        task=draft.task,
                        due=draft.due,
                        status="open",
                        status_note="",
                        source=record.paper.source,
                        locator=locator,
                        paper_title=record.paper.title,
                        marker=draft.marker,
                        lead=reader.lead,
                    )
                )
    return apply_status(found, sections)
