"""Answer text for register questions: dated lines ending in the [n] of the minute they cite."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from board.records import Citation, ToolAnswer, ToolCall
from board.records import long_date as written_date
from tools.register.records import Action, Decision, Meeting, TimelineEntry, span


def long_date(iso: str | None) -> str:
    """A meeting date as the answers write it ('19 July 2013'), or 'undated'."""
    return written_date(iso) if iso else "undated"


def call(name: str, result: str, **arguments: Any) -> ToolCall:
    return ToolCall(name, {k: v for k, v in arguments.items() if v is not None}, result)


def count(n: int, noun: str) -> str:
    """'1 decision', '3 decisions', '2 entries'."""
    if n == 1:
        return f"1 {noun}"
    return f"{n} {noun[:-1]}ies" if noun.endswith("y") else f"{n} {noun}s"


def item_named(number: str | None, title: str | None) -> str:
    """', item 5 (Finance)', ', Call to order' for an item the minutes do not number, or ''."""
    if number:
        return f", item {number} ({title})" if title else f", item {number}"
    return f", {title}" if title else ""


def motion_named(d: Decision) -> str:
    """' (moved by A, seconded by B; carried unanimously)' for a motion, else ''."""
    parts = [
        f"moved by {d.proposer}" if d.proposer else "",
        f"seconded by {d.seconder}" if d.seconder else "",
    ]
    said = ", ".join(p for p in parts if p)
    said = "; ".join(p for p in (said, d.outcome or "", votes_named(d)) if p)
    return f" ({said})" if said else ""


def votes_named(d: Decision) -> str:
    """'for 20, against 1 (Rybka)' for a recorded vote, else ''."""
    parts = []
    for word, count, names in (
        ("for", d.votes_for, d.voted_for),
        ("against", d.votes_against, d.voted_against),
        ("abstaining", d.abstentions, d.abstained),
    ):
        if count is None and not names:
            continue
        who = f" ({', '.join(names)})" if names else ""
        parts.append(f"{word} {count if count is not None else len(names)}{who}")
    return ", ".join(parts)


@dataclass
class AnswerBuilder:
    """Answer lines with numbered citations, one per cited place, numbered from 1 in order."""

    lines: list[str] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    calls: list[ToolCall] = field(default_factory=list)
    rows: list[dict[str, Any]] = field(default_factory=list)

    def cite(
        self, source: str, title: str, meeting_date: str | None, locator: str, quote: str
    ) -> int:
        for c in self.citations:
            if (c.source, c.locator) == (source, locator):
                return c.n
        n = len(self.citations) + 1
        self.citations.append(Citation(n, source, title, meeting_date, locator, quote))
        return n

    def decision(self, d: Decision) -> str:
        n = self.cite(d.source, d.paper_title, d.meeting_date, d.locator, d.text)
        where = f"{long_date(d.meeting_date)}{item_named(d.agenda_item, d.item_title)}"
        return f"{where} — {d.kind}: {d.text} [{n}]{motion_named(d)}"

    def action(self, a: Action, show_owner: bool) -> str:
        n = self.cite(a.source, a.paper_title, a.meeting_date, a.locator, a.task)
        owners = ", ".join(a.owners) or f"owner not named (item led by {a.lead or 'no one named'})"
        who = f"{owners}: " if show_owner else ""
        due = f"; due {a.due}" if a.due else ""
        status = f"{a.status} ({a.status_note})"
        if a.status_source and a.status_locator:
            quote = a.status_note.split(f"{a.status_locator}: ", 1)[-1]
            k = self.cite(
                a.status_source, a.status_title or "", a.status_date, a.status_locator, quote
            )
            status += f" [{k}]"
        where = f"{long_date(a.meeting_date)}{item_named(a.agenda_item, a.item_title)}"
        return f"{where} — {who}{a.task.rstrip(' .;:')} [{n}]{due}; status: {status}"

    def entry(self, e: TimelineEntry) -> str:
        return f"{long_date(e.meeting_date)} ({e.title}): {e.text} [{self.cite_entry(e)}]"

    def cite_entry(self, e: TimelineEntry) -> int:
        return self.cite(e.source, e.title, e.meeting_date, e.locator, e.quote)

    def result(self) -> ToolAnswer:
        return ToolAnswer(
            answer="\n".join(self.lines),
            citations=tuple(self.citations),
            tool_calls=tuple(self.calls),
            table_rows=tuple(self.rows),
        )


def attendance_lines(m: Meeting, out: AnswerBuilder) -> None:
    """Who chaired, attended and sent apologies; for an agenda-only meeting, that it is unknown."""
    when = long_date(m.meeting_date)
    where = f" at {m.venue}" if m.venue else ""
    if not m.minuted:
        agenda = "; ".join(f"{i.number}. {i.title}" for i in m.agenda_items)
        n = out.cite(m.source, m.title, m.meeting_date, m.locator, agenda)
        out.lines.append(
            f"The papers hold only the agenda for the meeting of {when}{where}; its minutes are "
            f"not among them, so who attended is not recorded. Chairman: {m.chair or 'not named'}. "
            f"Members the agenda was sent to: {', '.join(m.members_listed) or 'not listed'} [{n}]."
        )
        return
    locator = m.attendance_locator or m.locator
    n = out.cite(m.source, m.title, m.meeting_date, locator, m.attendance_text)
    chaired = (
        out.cite(m.source, m.title, m.meeting_date, m.chair_locator, m.chair_text)
        if m.chair_locator
        else n
    )
    out.lines.append(
        f"Meeting of {when}{where}, chaired by {m.chair or 'a chairman not named'} [{chaired}]."
    )
    present = ", ".join(m.members_present) or "none listed"
    out.lines.append(f"Board members present ({len(m.members_present)}): {present} [{n}].")
    if m.also_present:
        out.lines.append(f"Also present: {', '.join(m.also_present)} [{n}].")
    if m.roles:
        out.lines.append(f"Roles: {', '.join(m.roles)} [{n}].")
    if m.apologies and m.apologies_locator:
        k = out.cite(m.source, m.title, m.meeting_date, m.apologies_locator, m.apologies_text)
        out.lines.append(f"Apologies: {', '.join(m.apologies)} [{k}].")
    if m.absent:
        out.lines.append(f"Absent: {', '.join(m.absent)} [{n}].")


def overlaps(e: TimelineEntry, records: Sequence[Decision | Action]) -> bool:
    """Does a decision or action already cite lines of this timeline entry?"""
    start, end = span(e.locator)
    for r in records:
        r_start, r_end = span(r.locator)
        if r.source == e.source and r_start <= end and start <= r_end:
            return True
    return False


def follow_ups(found: Sequence[Decision], all_actions: Sequence[Action]) -> list[Action]:
    """Actions minuted with a decision: same item, starting within two lines of it."""
    related: list[Action] = []
    for a in all_actions:
        a_start, _ = span(a.locator)
        for d in found:
            d_start, d_end = span(d.locator)
            same_item = (a.source, a.meeting_date, a.agenda_item) == (
                d.source,
                d.meeting_date,
                d.agenda_item,
            )
            if same_item and d_start <= a_start <= d_end + 2:
                related.append(a)
                break
    return related
