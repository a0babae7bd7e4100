"""The register's core: minute items, decisions and actions read from segmented papers.

Pure functions over ``Section``s. Minutes are regrouped and re-split into items
(``tools.register.minutes``), read per meeting (``tools.register.meetings``);
owners are resolved against each meeting's people.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from board.profile import BoardProfile
from board.records import Section, content_id
from tools.register.commitments import ItemReader, find_actions
from tools.register.meetings import MinutesRecord, extract_meetings, people_of, read_minutes
from tools.register.minutes import (
    ItemBlock,
)
from tools.register.records import (
    Action,
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
    r"^\W*(?:action\s*[:;]\s*)?"
    r"(?:the board|board members|all board members|the partnership board)\b",
    re.I,
)
_PASSIVE_BEFORE = re.compile(
    r"\b(?:was|were|be|been|is|are)(?:\s+(?:also|therefore|then|duly|now))?\s*$", re.I
)
_OTHER_AGENT = re.compile(r"^\s+(?:by|at)\s+(?!the board\b|board\b|all\b)", re.I)
_ACTION_LABEL = re.compile(r"^\W*action\s*[:;]", re.I)


def extract_items(sections: Iterable[Section], profile: BoardProfile) -> list[MinuteItem]:
    """Every numbered item of every set of minutes, with its lead and text."""
    found: list[MinuteItem] = []
    for record in read_minutes(sections, profile):
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


def extract_decisions(sections: Iterable[Section], profile: BoardProfile) -> list[Decision]:
    """Every decision in the minutes, with its meeting date, item and kind."""
    found: list[Decision] = []
    for record in read_minutes(sections, profile):
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
            # "families had been supported", "the Chairman welcomed": only the Board supports
            # or welcomes.
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


def extract_actions(
    sections: Iterable[Section], profile: BoardProfile, meetings: Sequence[Meeting] = ()
) -> list[Action]:
    """Every action in the minutes, owners resolved, status read from later papers.

    Owners resolve against the meeting's people: those present, also present and
    sending apologies, and those its agenda lists (``meetings``, read from the
    sections when not given).
    """
    sections = list(sections)
    by_date = {m.meeting_date: m for m in (meetings or extract_meetings(sections, profile))}
    found: list[Action] = []
    for record in read_minutes(sections, profile):
        people = people_of(by_date.get(record.paper.meeting_date), profile) or record.people
        for item in record.items:
            reader = ItemReader(item, people)
            for draft in find_actions(
                reader, record.paper.meeting_date, record.meeting.next_meeting
            ):
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
                        context=draft.context,
                    )
                )
    return apply_status(found, sections, profile)
