"""The register's core: minute items, decisions and actions read from segmented papers.

Pure functions over ``Section``s. Minutes are regrouped and re-split into items
(``tools.register.minutes``), read per meeting (``tools.register.meetings``);
owners are resolved against each meeting's people.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from board.profile import BoardProfile
from board.records import Section, content_id
from tools.register.commitments import find_actions
from tools.register.item_reader import ItemReader
from tools.register.meetings import MinutesRecord, extract_meetings, people_of, read_minutes
from tools.register.minutes import (
    ItemBlock,
)
from tools.register.people import People
from tools.register.records import (
    Action,
    Decision,
    Meeting,
    MinuteItem,
    lines_locator,
)
from tools.register.resolutions import (
    decision_clauses,
    decision_kind,
    decision_text,
    motion_of,
)
from tools.register.status import apply_status
from tools.register.text import paragraphs
from tools.register.votes import read_votes


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
                    sentences=tuple(r.sentence.text for r in reader.sentences),
                    sentence_starts=tuple(r.sentence.line_start for r in reader.sentences),
                    sentence_ends=tuple(r.sentence.line_end for r in reader.sentences),
                )
            )
    return found


def extract_decisions(sections: Iterable[Section], profile: BoardProfile) -> list[Decision]:
    """Every decision in the minutes, with its meeting date, item and kind."""
    found: list[Decision] = []
    for record in read_minutes(sections, profile):
        for item in record.items:
            found.extend(_item_decisions(record, item, profile))
    return found


def _item_decisions(
    record: MinutesRecord, item: ItemBlock, profile: BoardProfile
) -> list[Decision]:
    decisions: list[Decision] = []
    paras = paragraphs(item.body)
    breaks = ItemReader(item, record.people).line_breaks  # an owner column ends a minute
    covered = 0  # a decision's list ("It was agreed that: - …") is part of it, not a new decision
    taken = ""  # the text of the decision before: its votes are no decision of their own
    for p_index, para in enumerate(paras):
        sentences = [c for s in para.sentences(breaks) for c in decision_clauses(s, profile)]
        for s_index, sentence in enumerate(sentences):
            # a sentence on the line a decision ends is a new one unless it is part of it
            if sentence.line_start < covered or sentence.text in taken:
                continue
            kind = decision_kind(sentence.text, profile)
            if kind is None:
                continue
            text, start, end = decision_text(paras, p_index, sentences, s_index)
            taken = text
            covered = max(covered, end) if end > sentence.line_end else covered
            locator = lines_locator(start, end)
            proposer, seconder, outcome = motion_of(text)
            proposer, seconder = (
                _full_name(proposer, record.people),
                _full_name(seconder, record.people),
            )
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
                    proposer=proposer,
                    seconder=seconder,
                    outcome=outcome,
                    **_votes(text, record.people),
                )
            )
    return decisions


def _votes(text: str, people: People) -> dict[str, Any]:
    """The recorded vote a decision's text holds, its voters as the meeting's lists name them."""
    votes = read_votes(text)
    if votes is None:
        return {}
    named = {
        key: tuple(_full_name(n, people) or n for n in getattr(votes, key))
        for key in ("voted_for", "voted_against", "abstained")
    }
    counts = {k: getattr(votes, k) for k in ("votes_for", "votes_against", "abstentions")}
    return {**counts, **named}


def _full_name(name: str | None, people: People) -> str | None:
    """A mover, seconder or voter as the meeting's lists name them ("Dick" is Dick Dillon,
    "Jan" Janet Keough); as written when the lists do not name them."""
    return (people.resolve(name) or name) if name else None


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
        held = by_date.get(record.paper.meeting_date)
        people = people_of(held, profile, record.people.aliases) or record.people
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
